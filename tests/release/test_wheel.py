"""The released tool: `python -m build` makes an sdist and a wheel that hold everything the tool needs,
and the wheel, installed into a fresh virtual environment far from this checkout, starts, checks and
builds a new council's site. The version is written once (pyproject.toml) and everything agrees on it.

The fresh environment installs the tool's dependencies from requirements/site.txt with their hashes,
as a council's site does (from PyPI, or pip's cache when it has them), then the wheel without deps.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

import builder
from conftest import INIT_FLAGS, PROJECT, run_cli

PYPROJECT = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]
WHEEL = f"day_opportunities_catalogue-{VERSION}-py3-none-any.whl"
SDIST = f"day_opportunities_catalogue-{VERSION}.tar.gz"
FLAGS_WITHOUT_TOOL = [flag for i, flag in enumerate(INIT_FLAGS) if "--tool" not in INIT_FLAGS[max(i - 1, 0): i + 1]]


def run(*args, cwd: Path, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(map(str, args))}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """The sdist and the wheel as the release workflow builds them: the wheel made from the sdist."""
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, PROJECT, cwd=out)
    assert sorted(p.name for p in out.iterdir()) == sorted([SDIST, WHEEL])
    return out


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory) -> Path:
    """A fresh virtual environment in a temporary folder with the wheel installed: nothing of this checkout."""
    folder = tmp_path_factory.mktemp("council-machine")
    run(sys.executable, "-m", "venv", folder / "venv", cwd=folder)
    python = folder / "venv" / "bin" / "python"
    pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    run(*pip, "--require-hashes", "-r", PROJECT / "requirements" / "site.txt", cwd=folder)
    run(*pip, "--no-deps", dist / WHEEL, cwd=folder)
    run(python, "-m", "pip", "check", cwd=folder)
    return folder


def clean_env(folder: Path) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV", "CATALOGUE"))}
    return {**env, "PATH": f"{folder / 'venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}", "HOME": str(folder)}


# ---------------------------------------------------------------- what the wheel holds

def test_the_wheel_holds_the_theme_schemas_starter_lock_pictograms_with_their_licence_and_compiled_catalogues(dist: Path):
    names = set(zipfile.ZipFile(dist / WHEEL).namelist())
    for name in ["builder/cli/commands.py", "builder/theme/base.html", "builder/theme/sw.js", "builder/theme/easy/service.html",
                 "builder/theme/pictograms.yaml", "builder/theme/assets/pictograms/LICENSE.txt",
                 "builder/theme/locale/messages.pot", "builder/theme/locale/cy/LC_MESSAGES/messages.po",
                 "builder/theme/locale/cy/LC_MESSAGES/messages.mo",  # compiled by setup.py when the wheel is built
                 "builder/schemas/site.schema.json", "builder/schemas/service.schema.json",
                 "builder/editors/starter/site.yaml.j2", "builder/editors/starter/requirements/catalogue.txt.j2",
                 "builder/editors/starter/github/workflows/check.yml", "builder/editors/starter/github/dependabot.yml",
                 "builder/locks/site.txt", "builder/locks/audit.txt",
                 "builder/audit/axe/axe.min.js", "builder/audit/axe/LICENSE", "builder/audit/axe/VERSION.json",
                 "builder/audit/page_library.js",  # catalogue audit: axe-core ships, so nothing is fetched
                 f"day_opportunities_catalogue-{VERSION}.dist-info/licenses/LICENSE",
                 f"day_opportunities_catalogue-{VERSION}.dist-info/licenses/THIRD-PARTY-LICENCES.md"]:
        assert name in names, f"the wheel has no {name}"
    pictograms = {n for n in names if n.startswith("builder/theme/assets/pictograms/") and n.endswith(".svg")}
    assert len(pictograms) == len(list((PROJECT / "templates" / "assets" / "pictograms").glob("*.svg")))
    assert not [n for n in names if n.startswith("tests/") or "__pycache__" in n]
    modules = {p.relative_to(PROJECT).as_posix() for p in (PROJECT / "builder").rglob("*.py") if "__pycache__" not in p.parts}
    assert modules - names == set(), "add the new package to [tool.setuptools] packages in pyproject.toml"
    assert (dist / WHEEL).stat().st_size < 2_000_000


def test_the_sdist_can_make_the_wheel_again_and_carries_no_compiled_catalogue(dist: Path):
    names = {name.split("/", 1)[1] for name in tarfile.open(dist / SDIST).getnames() if "/" in name}
    for name in ["pyproject.toml", "setup.py", "CHANGELOG.md", "LICENSE", "README.md", "requirements/site.txt",
                 "templates/locale/cy/LC_MESSAGES/messages.po", "templates/assets/pictograms/LICENSE.txt",
                 "schemas/site.schema.json", "builder/editors/starter/site.yaml.j2"]:
        assert name in names, f"the sdist has no {name}"
    assert not [n for n in names if n.endswith(".mo") or n.startswith("tests/")]


def test_no_compiled_catalogue_is_committed():
    listed = subprocess.run(["git", "ls-files", "*.mo"], cwd=PROJECT, capture_output=True, text=True, check=True).stdout
    assert listed == ""


# ---------------------------------------------------------------- the wheel installed far from the checkout

def test_the_installed_wheel_starts_checks_and_builds_a_new_site_far_from_the_checkout(installed: Path):
    env = clean_env(installed)
    where = run("python", "-c", "import builder, builder.core.theme as t; print(builder.__file__)", cwd=installed, env=env).stdout
    assert where.startswith(str(installed / "venv")), where  # the installed copy, not this checkout

    assert run("catalogue", "--version", cwd=installed, env=env).stdout == f"catalogue {VERSION}\n"

    site = installed / "westvale"
    done = run("catalogue", "init", site, *FLAGS_WITHOUT_TOOL, "--language", "cy", cwd=installed, env=env)
    assert done.stdout.startswith("Wrote ")
    assert (site / "requirements" / "catalogue.txt").read_text(encoding="utf-8").splitlines()[-1] == \
        f"day-opportunities-catalogue=={VERSION}"
    assert (site / "requirements" / "site.txt").read_text(encoding="utf-8") == \
        (PROJECT / "requirements" / "site.txt").read_text(encoding="utf-8")

    checked = run("catalogue", "check", "--root", site, cwd=installed, env=env)
    assert re.search(r"^0 errors and \d+ warnings in \d+ files\. The content is ready to build\.$", checked.stdout + checked.stderr, re.M)

    # the installed tool reads the catalogue compiled when the wheel was built: without the .po, Welsh stays
    po = Path(where.strip()).parent / "theme" / "locale" / "cy" / "LC_MESSAGES" / "messages.po"
    po.unlink()
    run("catalogue", "build", "--root", site, "--quiet", cwd=installed, env=env)
    home = (site / "_site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="cy' in home
    assert "Hawdd ei Ddeall" in home and "Chwilio" in home  # the Welsh interface, from the compiled messages.mo
    assert (site / "_site" / "pagefind").is_dir() and (site / "_site" / "openreferral" / "services.json").is_file()
    assert (site / "_site" / "assets" / "pictograms" / "LICENSE.txt").is_file()


# ---------------------------------------------------------------- one version

def test_version_is_written_once_and_the_tool_the_changelog_and_init_agree_on_it():
    assert re.fullmatch(r"\d+\.\d+\.\d+", VERSION)
    assert builder.__version__ == VERSION
    assert run_cli("--version").output == f"catalogue {VERSION}\n"
    changelog = (PROJECT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", changelog, flags=re.M)
    assert releases and releases[0] == VERSION, "the newest release in CHANGELOG.md is not pyproject.toml's version"
    assert "## [Unreleased]" in changelog.split(f"## [{VERSION}]")[0]
    # nothing else writes the version down
    for path in [PROJECT / "builder" / "__init__.py", PROJECT / "builder" / "editors" / "init.py", PROJECT / "builder" / "cli" / "commands.py"]:
        assert VERSION not in path.read_text(encoding="utf-8"), path


def test_the_build_cache_keys_on_the_version(monkeypatch):
    from builder.incremental import cache
    before = cache.builder_fingerprint()
    cache.builder_fingerprint.cache_clear()
    monkeypatch.setattr(builder, "__version__", "99.0.0")
    try:
        assert cache.builder_fingerprint() != before
    finally:
        cache.builder_fingerprint.cache_clear()


# ---------------------------------------------------------------- the release workflow's changelog script

def changelog_script():
    import importlib.util
    spec = importlib.util.spec_from_file_location("changelog", PROJECT / ".ci" / "changelog.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_release_notes_are_the_changelog_entry_of_the_tagged_version():
    script = changelog_script()
    changelog = (PROJECT / "CHANGELOG.md").read_text(encoding="utf-8")
    notes = script.entry(changelog, VERSION)
    assert notes.startswith("The first release published on PyPI") or notes.startswith("### ")
    assert f"## [{VERSION}]" not in notes and "## [Unreleased]" not in notes
    assert script.check(f"v{VERSION}", (PROJECT / "pyproject.toml").read_text(encoding="utf-8"), changelog) == VERSION


def test_a_tag_that_is_not_the_version_or_has_no_changelog_entry_stops_the_release():
    script = changelog_script()
    pyproject = '[project]\nversion = "1.2.0"\n'
    with pytest.raises(ValueError, match=re.escape("the tag v1.3.0 is not pyproject.toml's version 1.2.0: tag the commit v1.2.0, "
                                                   "or change the version in pyproject.toml first.")):
        script.check("v1.3.0", pyproject, "## [1.2.0] - 2027-01-04\n\n### Fixed\n\n- A fix.\n")
    with pytest.raises(ValueError, match=re.escape("CHANGELOG.md has no entry for 1.2.0: add '## [1.2.0] - YYYY-MM-DD' with what changed.")):
        script.check("v1.2.0", pyproject, "# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2026-12-20\n\n- Older.\n")
    entry = script.entry("## [Unreleased]\n\n## [1.2.0] - 2027-01-04\n\n### Fixed\n\n- A fix.\n\n## [1.1.0] - 2026-12-20\n\n- Older.\n"
                         "\n[1.2.0]: https://example.org/compare\n", "1.2.0")
    assert entry == "### Fixed\n\n- A fix.\n"
