"""Shared fixtures: tiny sites declared inline, and the sample and fixture sites built once per run,
shared by every pytest-xdist worker."""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder.cli.commands import main
from serving import free_port, get, wait_for

PROJECT = Path(__file__).resolve().parent.parent
# The project's own tests build this copy of the sample, never the root site.yaml and content/,
# which a council replaces with its own (tests/fixtures/refresh-sample copies the root sample here).
SAMPLE = PROJECT / "tests" / "fixtures" / "sample"
TODAY = "2026-11-23"  # fixed so "due for review" never depends on the day the tests run

# The longest test files, first: pytest-xdist hands out files in the order collected, and a long file handed
# out last keeps the run going on one worker after the others have finished. Prefixes, longest first.
LONGEST_FIRST = ("tests/browser/test_every_page.py", "tests/browser/", "tests/release/test_wheel.py",
                 "tests/editors/test_fork_drill.py", "tests/incremental/", "tests/editors/test_import_languages.py")


def pytest_collection_modifyitems(items):
    def rank(item) -> int:
        path = item.nodeid.split("::")[0]
        return next((i for i, prefix in enumerate(LONGEST_FIRST) if path.startswith(prefix)), len(LONGEST_FIRST))
    items.sort(key=rank)  # stable: within a rank, files and tests keep their order

MINIMAL_SITE = """\
title: Find day opportunities in Testshire
organisation: Testshire Council
base_url: https://example.org/catalogue/
review_months: 12
edit_url: https://github.com/example/catalogue/edit/main/{path}
contact:
  phone: "01632 960000"
  email: care@example.org
accessibility:
  prepared_on: 2026-06-01
  reviewed_on: 2026-06-01
  tested_on: 2026-06-01
areas:
  - key: north
    name: North
  - key: south
    name: South
taxonomies:
  types:
    day-centre: {label: Day centres, easy: A place you go to in the day}
    community-group: {label: Community groups, easy: Groups near you}
    one-to-one: {label: One-to-one support, easy: A support worker helps you}
  who_for:
    older-people: {label: Older people, easy: Older people}
    dementia: {label: People living with dementia, easy: People with dementia}
  activities:
    gardening: {label: Gardening, easy: Gardening}
"""

MINIMAL_PROVIDER = """\
name: Testshire Care
description: A local charity.
kind: charity
contact: {phone: "01632 960100", email: info@example.org}
"""

MINIMAL_SERVICE = """\
---
name: Garden Club
summary: A gardening club for older people.
types: [community-group]
who_for: [older-people]
activities: [gardening]
areas: [north]
locations:
  - name: Community Garden
    address: 1 Park Road, Testtown
    postcode: RV1 2AB
times:
  - days: [tue]
    from: "10:00"
    to: "12:00"
funding: [free]
last_reviewed: 2026-06-01
---
We grow vegetables together.
"""

MINIMAL_PAGE = """\
---
title: About
summary: About this site.
---
This site lists day opportunities.
"""

MINIMAL_PAGE_EASY = """\
---
title: About this website
checked_by: Testers
checked_on: 2026-06-01
---
This website tells you about things to do in the day.
"""

MINIMAL_PRIVACY = """\
---
title: Privacy
summary: What this site stores about you.
---
This site does not store anything about you.
"""

MINIMAL_PRIVACY_EASY = """\
---
title: Your privacy
checked_by: Testers
checked_on: 2026-06-01
---
This website does not keep facts about you.
"""


def make_site(root: Path, files: dict[str, str] | None = None, *, base: bool = True) -> Path:
    """Write a tiny site: the minimal valid files (unless base=False), then `files` on top.

    A value of None deletes that file from the base site.
    """
    contents: dict[str, str | None] = {}
    if base:
        contents.update({
            "site.yaml": MINIMAL_SITE,
            "content/providers/testshire-care/provider.yaml": MINIMAL_PROVIDER,
            "content/providers/testshire-care/garden-club.md": MINIMAL_SERVICE,
            "content/pages/about.md": MINIMAL_PAGE,
            "content/pages/about.easy.md": MINIMAL_PAGE_EASY,
            "content/pages/privacy.md": MINIMAL_PRIVACY,  # a site without one gets a warning
            "content/pages/privacy.easy.md": MINIMAL_PRIVACY_EASY,
        })
    contents.update(files or {})
    for relative, text in contents.items():
        path = root / relative
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
    return root


def run_cli(*args: str):
    """Run `catalogue ARGS` in-process; returns click's Result (exit_code, stdout, stderr)."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return make_site(tmp_path / "site")


def build_in_subprocess(root: Path, out: Path) -> Path:
    """`catalogue build` of the site at `root` into `out` (with search, as published): the builder forks workers."""
    result = subprocess.run(
        [sys.executable, "-m", "builder", "build", "--root", str(root), "--out", str(out), "--today", TODAY],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def built_once(tmp_path_factory, name: str, make: Callable[[Path], Path]) -> Path:
    """`make(folder)` once for the whole run: the first worker to ask builds it, under a lock, and the other
    pytest-xdist workers wait for it and share it. Tests copy a shared site before changing it."""
    worker_temp = tmp_path_factory.getbasetemp()
    shared = worker_temp.parent if os.environ.get("PYTEST_XDIST_WORKER") else worker_temp
    folder, done = shared / f"built-{name}", shared / f"built-{name}.done"
    with open(shared / f"built-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # a worker's build that failed half-way
            folder.mkdir()
            done.write_text(str(make(folder)), encoding="utf-8")
    return Path(done.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample site (the fixture copy), built once per test run (with search, as published)."""
    return built_once(tmp_path_factory, "sample", lambda folder: build_in_subprocess(SAMPLE, folder / "_site"))


# Listings at their longest: unbroken Welsh place names, long addresses, every field filled (issue 18).
WORST_CASE = PROJECT / "tests" / "fixtures" / "worst-case"
BILINGUAL = PROJECT / "tests" / "fixtures" / "bilingual"


@pytest.fixture(scope="session")
def worst_case_site(tmp_path_factory) -> Path:
    """The worst-case fixture site (tests/fixtures/worst-case), built once per test session like the sample."""
    return built_once(tmp_path_factory, "worst-case", lambda folder: build_in_subprocess(WORST_CASE, folder / "_site"))


@pytest.fixture(scope="session")
def bilingual_site(tmp_path_factory) -> Path:
    """tests/fixtures/bilingual (`languages: [cy, en]`: Welsh at the root, English under en/), built once per session."""
    return built_once(tmp_path_factory, "bilingual", lambda folder: build_in_subprocess(BILINGUAL, folder / "_site"))


# `catalogue init`'s new site (issue 12): a council's first listing added with `catalogue new`.
INIT_FLAGS = [
    "--yes", "--council", "Northdale County Council", "--area", "Northdale City", "--area", "Eastmoor",
    "--repository", "northdale-council/day-opportunities", "--phone", "0113 496 0000",
    "--email", "adult.care@northdale.example.org", "--website", "https://northdale.example.org/adult-care",
    "--safeguarding-phone", "0113 496 0001", "--safeguarding-url", "https://northdale.example.org/safeguarding",
    "--tool", "day-opportunities-catalogue @ git+https://github.com/example-org/catalogue@0123456789abcdef0123456789abcdef01234567",
]
FIRST_LISTING = {  # what an editor writes over `catalogue new`'s example text
    "One or two plain sentences about the service.": "A hot two-course lunch and a chat for older people.",
    "areas: []": "areas: [northdale-city]",
    "Building name": "St Aidan's Hall",
    "Street, Town": "2 Vicarage Road, Northdale",
    "RV1 2AB": "ND1 4AB",
    '"01632 960000"': '"0113 496 0100"',
    "hello@example.org": "lunch@northdalecare.example.org",
    "https://example.org": "https://northdalecare.example.org",
    "A short plain description of the organisation.": "A charity running lunch clubs across Northdale.",
}


def init_site_with_a_listing(folder: Path, *flags: str) -> Path:
    """init, then `catalogue new provider` and `new service`, with the example text replaced."""
    for args in (["init", str(folder), *INIT_FLAGS, *flags],
                 ["new", "provider", "northdale-care", "--root", str(folder)],
                 ["new", "service", "northdale-care/friday-lunch-club", "--root", str(folder)]):
        result = run_cli(*args)
        assert result.exit_code == 0, result.output
    provider = folder / "content" / "providers" / "northdale-care"
    for file in (provider / "provider.yaml", provider / "friday-lunch-club.md"):
        text = file.read_text(encoding="utf-8")
        for example, own in FIRST_LISTING.items():
            text = text.replace(example, own)
        head, _, _ = text.rpartition("---\n")
        file.write_text(head + "---\nLunch is served at noon in the hall. Come for the company, the food, or both.\n"
                        if file.suffix == ".md" else text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def init_site(tmp_path_factory) -> Path:
    """A site from `catalogue init` with one listing, built once per test run (with search, as published)."""
    return built_once(tmp_path_factory, "init", _build_init_site)


def _build_init_site(folder: Path) -> Path:
    import datetime as dt
    root = init_site_with_a_listing(folder / "northdale")
    out = root / "_site"
    result = subprocess.run([sys.executable, "-m", "builder", "build", "--root", str(root), "--out", str(out),
                             "--today", dt.date.today().isoformat()], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`catalogue serve` on a tiny site: (root, base URL). Stopped after the module."""
    root = make_site(tmp_path_factory.mktemp("serve") / "site")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "builder", "serve", "--root", str(root), "--port", str(port), "--today", TODAY],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=PROJECT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        try:
            wait_for(lambda: get(url)[0] == 200, 60, "the preview server answered")
        except AssertionError:
            process.kill()
            raise AssertionError("catalogue serve did not start:\n" + process.communicate(timeout=10)[0])
        yield root, url
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)  # Ctrl+C, to the server and anything it started
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
