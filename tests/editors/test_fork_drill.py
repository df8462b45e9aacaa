"""The fork drill: another council copies the repository, deletes the sample's providers and pages,
adds its own listings and edits site.yaml, as the README says. Its CI must stay green, and
nothing it publishes, nor any file it did not write, may still name the sample's county.

Only the tests in FORK_CHECKS read the root site.yaml and content/ (the guard below keeps it
so): every other test builds tests/fixtures/sample/, so it gives the same answer in any fork.
The drill therefore runs FORK_CHECKS inside the copy, with this checkout's .venv and
node_modules, and the rest of the suite is covered by the guard.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT

FORK_CHECKS = ["tests/browser/test_own_site.py", "tests/editors/test_workflows.py"]  # the tests that read the root content
SAMPLE_COUNTY = "Redvale"
ROOT_CONTENT = re.compile(r'PROJECT\s*/\s*"(content|site\.yaml)"|"--root",\s*str\(PROJECT\)|check_site\(PROJECT')

PROVIDER = """\
name: Northdale Community Care
description: A charity running lunch clubs and day centres across Northdale.
kind: charity
contact: {phone: "0113 496 0100", email: hello@northdalecare.example.org}
"""

LISTING = """\
---
name: {name}
summary: {summary}
types: [{type}]
who_for: [older-people]
areas: [northdale-city]
locations:
  - name: {place}
    address: {address}
    postcode: ND1 4AB
    coordinates: [53.80, -1.55]
    access: [step-free]
times:
  - days: [{day}]
    from: "10:00"
    to: "14:00"
funding: [free]
contact: {{phone: "0113 496 0{extension}"}}
last_reviewed: 2026-01-15
---
{body}
"""


def tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                            capture_output=True, text=True, check=True, cwd=PROJECT).stdout
    return [name for name in listed.split("\0") if name and (PROJECT / name).is_file()]


def make_fork(folder: Path) -> Path:
    """The repository as another council leaves it after the README's steps."""
    for name in tracked_files():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PROJECT / name, folder / name)
    for tool in (".venv", "node_modules"):  # this checkout's, to stay quick and offline
        (folder / tool).symlink_to(PROJECT / tool)
    for sample in ("content/providers", "content/pages", "content/boundaries", "content/postcodes"):
        shutil.rmtree(folder / sample)
    own = folder / "content" / "providers" / "northdale-community-care"
    own.mkdir(parents=True)
    (own / "provider.yaml").write_text(PROVIDER, encoding="utf-8")
    (own / "friday-lunch-club.md").write_text(LISTING.format(
        name="Friday Lunch Club", summary="A hot two-course lunch and a chat for older people.", type="community-group",
        place="St Aidan's Hall", address="2 Vicarage Road, Northdale", day="fri", extension="101",
        body="Lunch is served at noon. Come along for the company, the food, or both."), encoding="utf-8")
    (own / "riverside-day-centre.md").write_text(LISTING.format(
        name="Riverside Day Centre", summary="A day centre with activities, lunch and personal care.", type="day-centre",
        place="Riverside House", address="14 Wharf Street, Northdale", day="tue", extension="102",
        body="Activities run all day, with a quiet room for those who want a rest."), encoding="utf-8")
    for name in ("site.yaml", ".github/ISSUE_TEMPLATE/config.yml"):
        path = folder / name
        path.write_text(_as_northdale(path.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def _as_northdale(text: str) -> str:
    return text.replace(SAMPLE_COUNTY, "Northdale").replace(SAMPLE_COUNTY.lower(), "northdale")


def mentions_of_the_sample(folder: Path, names: list[str]) -> list[str]:
    found = []
    for name in names:
        path = folder / name
        if path.is_file() and SAMPLE_COUNTY.lower().encode() in path.read_bytes().lower():
            found.append(name)
    return found


@pytest.fixture(scope="module")
def fork(tmp_path_factory) -> Path:
    return make_fork(tmp_path_factory.mktemp("fork") / "northdale-catalogue")


def test_a_fork_with_its_own_content_passes_its_ci_checks(fork: Path):
    done = subprocess.run([str(fork / ".venv" / "bin" / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", *FORK_CHECKS],
                          capture_output=True, text=True, timeout=900, cwd=fork,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "skipped" not in done.stdout


def test_a_fork_builds_and_publishes_nothing_about_the_sample_county(fork: Path, tmp_path: Path):
    out = tmp_path / "_site"
    done = subprocess.run([sys.executable, "-m", "builder", "build", "--root", str(fork), "--out", str(out), "--no-search"],
                          capture_output=True, text=True, timeout=300, cwd=PROJECT)
    assert done.returncode == 0, done.stderr
    assert "there is no privacy page" in done.stderr  # the sample's was deleted with the other pages
    published = [p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()]
    assert "services/northdale-community-care/friday-lunch-club/index.html" in published
    assert mentions_of_the_sample(out, published) == []


def test_nothing_in_the_fork_names_the_sample_county_outside_the_project_tests(fork: Path):
    """The sample lives on only in tests/ (the fixture, and the tests that read it)."""
    names = [name for name in tracked_files() if not name.startswith("tests/")]
    assert mentions_of_the_sample(fork, names) == []


def test_only_the_fork_checks_read_the_root_content():
    readers = sorted(path.relative_to(PROJECT).as_posix() for path in (PROJECT / "tests").rglob("*.py")
                     if ROOT_CONTENT.search(path.read_text(encoding="utf-8")))
    assert readers == sorted(FORK_CHECKS)

