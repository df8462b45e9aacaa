"""`catalogue audit` in real headless Chromium: it passes on the sample and on a site `catalogue init` starts
(issue 28; test_audit_violations.py has it failing).

The audit runs as a command in its own process, as CI runs it: Playwright's sync API cannot start a
second instance beside the browser the other tests in this folder share."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import PROJECT, SAMPLE

from .a11y import VNU

SUMMARY = re.compile(r"^Audited (\d+) pages and every internal link: (.+)$", re.M)


def audit(*args: str, github: bool = False) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"} | ({"GITHUB_ACTIONS": "true"} if github else {})
    return subprocess.run([sys.executable, "-m", "builder", "audit", "--vnu", str(VNU), *args],
                          capture_output=True, text=True, timeout=600, cwd=PROJECT, env=env)


def test_audit_passes_on_the_sample(sample_site):
    result = audit("--root", str(SAMPLE), "--out", str(sample_site),
                   "--changed", "content/providers/riverside-care/riverside-day-centre.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "Audited 44 pages and every internal link: no problems found.\n"


def test_audit_passes_on_a_site_catalogue_init_starts(init_site):
    result = audit("--root", str(init_site.parent), "--out", str(init_site))
    assert result.returncode == 0, result.stdout + result.stderr
    assert SUMMARY.search(result.stdout).groups() == ("42", "no problems found."), result.stdout
