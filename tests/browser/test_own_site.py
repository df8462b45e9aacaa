"""The council's own site: site.yaml and content/ at the repository's root, whatever they hold.

Every other test builds the fixture copy of the sample (tests/fixtures/sample/), so a council
that replaces the sample with its own listings keeps a green CI; these are the checks that run
on its own content instead: it builds, with today's date (as `catalogue check` in a pull
request does), every relative link resolves, and one page of every kind, standard and Easy
Read, passes axe-core and the Nu HTML Checker. tests/editors/test_fork_drill.py runs this file in a copy
of the repository with another council's content.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from browser_support import serve
from conftest import PROJECT
from htmlparse import html_files, page_url, unresolved_links

from .a11y import EASY, VNU, run_axe, violation_report, visit

NOT_LINKED = {"404.html", "easy-read/404.html"}


@pytest.fixture(scope="module")
def own_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("own") / "_site"
    done = subprocess.run([sys.executable, "-m", "builder", "build", "--root", str(PROJECT), "--out", str(out), "--no-search"],
                          capture_output=True, text=True, timeout=600, cwd=PROJECT)
    assert done.returncode == 0, f"the site's own content does not build:\n{done.stderr}"
    return out


@pytest.fixture(scope="module")
def own_url(own_site):
    with serve(own_site) as url:
        yield url


def one_page_of_every_kind(out) -> list[str]:
    """Home, A to Z, an area, the first service, provider and information page: both versions."""
    pages = {page_url(out, file) for file in html_files(out)}
    firsts = [sorted(p for p in pages if p.startswith(prefix) and p.count("/") == depth)[:1]
              for prefix, depth in (("services/", 3), ("providers/", 2), ("areas/", 2))]
    info = sorted(f"{file.name.removesuffix('.md')}/" for file in (PROJECT / "content" / "pages").glob("*.md")
                  if not file.name.endswith(".easy.md"))[:1]
    chosen = ["", "a-to-z/"] + [p for first in firsts for p in first] + info
    return [url for page in chosen for url in (page, EASY + page) if url in pages]


def test_own_content_builds_and_every_relative_link_resolves(own_site):
    assert unresolved_links(own_site, NOT_LINKED) == []


def test_one_page_of_every_kind_has_no_nu_html_checker_errors(own_site):
    java = shutil.which("java")
    assert java and VNU.is_file(), "java or vnu-jar is missing: run .ci/setup"
    pages = one_page_of_every_kind(own_site)
    assert len(pages) >= 8, pages
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *(str(own_site / p / "index.html") for p in pages)],
                            capture_output=True, text=True, timeout=300)
    errors = [m for m in json.loads(result.stderr or result.stdout)["messages"] if m["type"] in ("error", "non-document-error")]
    assert errors == [], "\n".join(f"{m.get('url', '')}:{m.get('lastLine', '?')}: {m['message']}" for m in errors[:20])


def test_one_page_of_every_kind_has_no_axe_violations(page, own_site, own_url):
    problems = []
    for url in one_page_of_every_kind(own_site):
        visit(page, own_url, url)
        result = run_axe(page)
        if result["violations"]:
            problems.append(violation_report(url, result))
    assert problems == [], "\n".join(problems)
