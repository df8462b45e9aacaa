"""The documentation: the MkDocs site in docs/ builds with --strict (no broken link or anchor, every
page in the navigation), its Commands page is the tool's own --help, the README stays short and
reaches every page, and user documentation says how things are, not how they came to be."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from markdown.extensions.toc import slugify

from builder.cli.commands import main
from conftest import PROJECT
from htmlparse import parse_file

DOCS = PROJECT / "docs"
PAGES = sorted(path for path in DOCS.glob("*.md"))
ROOT_PAGES = {"CONTRIBUTING.md": "contributing", "SECURITY.md": "security-policy", "CHANGELOG.md": "changelog"}
LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.fixture(scope="module")
def docs_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("docs-site")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                          cwd=PROJECT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_mkdocs_build_strict_passes_with_every_page_in_the_navigation(docs_site: Path):
    for page in PAGES:
        name = "" if page.stem == "index" else page.stem + "/"
        assert (docs_site / name / "index.html").is_file(), page.name
    for page in ROOT_PAGES.values():  # the root files a council reads on GitHub are pages of the site too
        assert (docs_site / page / "index.html").is_file(), page


def test_strict_build_fails_on_a_broken_link(tmp_path: Path):
    """The guard is real: a page linking to a page that does not exist stops the build, naming both."""
    copy = tmp_path / "project"
    copy.mkdir()
    (copy / "mkdocs.yml").write_text((PROJECT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "docs/hooks/pages.py", str(DOCS / "hooks" / "pages.py")), encoding="utf-8")
    (copy / "docs").mkdir()
    for page in PAGES:
        (copy / "docs" / page.name).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    editors = copy / "docs" / "editors.md"
    editors.write_text(editors.read_text(encoding="utf-8") + "\nSee [the old page](listings.md).\n", encoding="utf-8")

    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
                          cwd=copy, capture_output=True, text=True, timeout=300)

    assert done.returncode == 1
    assert "Doc file 'editors.md' contains a link 'listings.md', but the target is not found among documentation files." in done.stderr


def _every_command(group: click.Group, path: tuple[str, ...] = ("catalogue",)):
    yield path, group
    if isinstance(group, click.Group):
        for name in group.list_commands(click.Context(group)):
            yield from _every_command(group.get_command(click.Context(group), name), (*path, name))


def test_the_commands_page_is_every_commands_own_help(docs_site: Path):
    page = parse_file(docs_site / "commands" / "index.html")
    blocks = ["".join(pre._texts()).strip() for pre in page.find_all("pre")]  # as written: .text folds whitespace
    headings = [h.text.replace("¶", "").strip() for tag in ("h2", "h3", "h4") for h in page.find_all(tag)]
    for path, command in _every_command(main):
        args = [*path[1:], "--help"]
        shown = CliRunner().invoke(main, args, prog_name="catalogue", terminal_width=100).output.strip()  # a 100-column terminal
        assert " ".join(path) in headings
        assert shown in blocks, f"{' '.join(args)}: the Commands page differs from the help the tool prints"
    assert "Usage: catalogue import oruk [OPTIONS] SOURCE" in "\n".join(blocks)


def test_readme_is_under_250_lines_and_keeps_the_two_commands():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 250
    assert "## The two commands" in readme
    assert "./.ci/setup --site && .venv/bin/catalogue build && .venv/bin/catalogue serve" in readme
    assert "./.ci/setup && .venv/bin/python -m pytest" in readme


def _anchors(markdown_file: Path) -> set[str]:
    text = markdown_file.read_text(encoding="utf-8")
    text = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)  # headings in code blocks are comments
    return {slugify(re.sub(r"[`*]", "", line.lstrip("#").strip()), "-") for line in text.splitlines() if line.startswith("#")}


def test_every_documentation_page_is_reachable_from_the_readme_and_every_readme_link_resolves():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    links = [link for link in LINK.findall(readme) if not link.startswith(("http://", "https://", "mailto:"))]
    linked = {link.split("#")[0] for link in links}
    for page in PAGES:
        assert f"docs/{page.name}" in linked, f"README.md does not link to docs/{page.name}"
    for name in ROOT_PAGES:
        assert name in linked, f"README.md does not link to {name}"
    for link in links:
        target, _, anchor = link.partition("#")
        assert (PROJECT / target).exists(), f"README.md links to {target}, which does not exist"
        if anchor:
            assert anchor in _anchors(PROJECT / target), f"README.md links to {link}: {target} has no such heading"


HISTORY = re.compile(r"\b(?:until|since|before|after|in|for|from) (?:issue|stop) \d+|\bissue \d+\b|\bthis round\b|\bstop \d+\b",
                     re.IGNORECASE)


@pytest.mark.parametrize("path", [*PAGES, PROJECT / "README.md", PROJECT / "CONTRIBUTING.md"], ids=lambda p: p.name)
def test_user_documentation_has_no_development_history(path: Path):
    found = [f"{path.name}:{number}: {line.strip()}" for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if HISTORY.search(line)]
    assert not found, "history belongs in CHANGELOG.md, not in user documentation:\n" + "\n".join(found)
