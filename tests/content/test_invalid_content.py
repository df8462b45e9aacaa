"""Every folder in tests/invalid/ is one fault in an otherwise valid site, with its exact report.

A case folder holds only what differs from the minimal valid site (conftest.py's MINIMAL_*
strings): each file replaces or adds the file at the same path, and an empty `NAME.delete`
removes NAME. `expected.txt` holds the problem lines that `catalogue check --today 2026-11-23`
prints, exactly. Cases named `warning-*` report only warnings: check exits 0 for them, and 1
with `--strict`. After changing a message on purpose, rewrite the expected lines with

    UPDATE_EXPECTED=1 pytest tests/content/test_invalid_content.py

then read every changed line: it must name the file, the line and the field, and tell an
editor what to do in plain words.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL_PROVIDER, MINIMAL_SERVICE, PROJECT, TODAY, make_site, run_cli

CASES = Path(__file__).parents[1] / "invalid"
CASE_NAMES = sorted(folder.name for folder in CASES.iterdir() if folder.is_dir())
SUMMARY = re.compile(r"^(\d+) errors? and (\d+) warnings? in \d+ files\. ")

# Faults in how a file is stored go through a real `python -m builder` process, so nothing
# (CliRunner included) can hide a traceback or an encoding error on the way to the terminal.
IN_A_PROCESS = {
    "provider-empty-file",
    "provider-tab-indentation",
    "service-control-character",
    "service-front-matter-not-closed",
    "service-not-utf8",
    "service-yaml-colon-in-value",
}

def make_case(name: str, root: Path) -> Path:
    """The minimal valid site with the case folder's files laid over it."""
    make_site(root)
    case = CASES / name
    for file in sorted(case.rglob("*")):
        relative = file.relative_to(case)
        if file.is_dir() or relative.as_posix() == "expected.txt":
            continue
        if file.name.endswith(".delete"):
            (root / relative.with_name(file.name.removesuffix(".delete"))).unlink()  # fails if the base site no longer has it
        else:
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, root / relative)  # bytes as they are: some cases are not UTF-8
    return root


def check(name: str, root: Path, *flags: str) -> tuple[int, str, str]:
    args = ["check", "--root", str(root), "--today", TODAY, *flags]
    if name in IN_A_PROCESS:
        done = subprocess.run([sys.executable, "-m", "builder", *args], capture_output=True, encoding="utf-8",
                              cwd=PROJECT, env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=60)
        return done.returncode, done.stdout, done.stderr
    result = run_cli(*args)
    return result.exit_code, result.stdout, result.stderr


def problem_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not SUMMARY.match(line)]


def is_warning(line: str) -> bool:
    return re.match(r"^[^ ]+?(:\d+)?: warning: ", line) is not None


@pytest.mark.parametrize("name", CASE_NAMES)
def test_invalid_input_reports_exact_file_line_and_message(name: str, tmp_path: Path):
    root = make_case(name, tmp_path / "site")
    code, stdout, stderr = check(name, root)
    found = problem_lines(stderr)
    expected_file = CASES / name / "expected.txt"
    if os.environ.get("UPDATE_EXPECTED"):
        expected_file.write_text("".join(f"{line}\n" for line in found), encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8").splitlines()

    assert "Traceback" not in stdout + stderr and "failed unexpectedly" not in stderr
    assert expected, "every case must report at least one problem"
    assert found == expected
    warnings = sum(map(is_warning, expected))
    summaries = [SUMMARY.match(line) for line in (stdout + stderr).splitlines() if SUMMARY.match(line)]
    assert [m.groups() for m in summaries] == [(str(len(expected) - warnings), str(warnings))]
    assert code == (0 if warnings == len(expected) else 1)


@pytest.mark.parametrize("name", [name for name in CASE_NAMES if name.startswith("warning-")])
def test_strict_turns_warnings_into_errors(name: str, tmp_path: Path):
    root = make_case(name, tmp_path / "site")
    code, _, stderr = check(name, root, "--strict")
    expected = (CASES / name / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert code == 1
    assert problem_lines(stderr) == [line.replace(": warning: ", ": ", 1) for line in expected]


def test_every_case_folder_changes_something_and_has_expected_output():
    assert len(CASE_NAMES) >= 20
    for name in CASE_NAMES:
        changes = [f for f in (CASES / name).rglob("*") if f.is_file() and f.name != "expected.txt"]
        assert changes, f"{name} changes nothing in the minimal site"
        assert (CASES / name / "expected.txt").is_file(), f"{name} has no expected.txt"


def test_the_base_site_is_valid_and_draws_no_warning(tmp_path: Path):
    result = run_cli("check", "--root", str(make_site(tmp_path / "site")), "--today", TODAY)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith("0 errors and 0 warnings")


def test_all_problems_are_reported_in_one_run(tmp_path: Path):
    root = make_site(tmp_path / "site", {
        "content/providers/testshire-care/garden-club.md":
            MINIMAL_SERVICE.replace("who_for: [older-people]", "who_for: [older-peple]").replace('to: "12:00"', 'to: "09:00"'),
        "content/providers/testshire-care/provider.yaml": MINIMAL_PROVIDER.replace("kind: charity", "kind: charty"),
    })
    result = run_cli("check", "--root", str(root), "--today", TODAY)
    assert result.exit_code == 1
    assert problem_lines(result.stderr) == [
        "content/providers/testshire-care/garden-club.md:5: who_for: 'older-peple' is not a group in site.yaml. "
        "Did you mean 'older-people'? Choose from taxonomies.who_for: older-people, dementia.",
        "content/providers/testshire-care/garden-club.md:15: times.to: should be after 'from' "
        "(found from \"10:00\" to \"09:00\"). Times are 24-hour: 3:30pm is \"15:30\".",
        "content/providers/testshire-care/provider.yaml:3: kind: 'charty' is not one of the allowed values. "
        "Did you mean 'charity'? Choose from: charity, council, community-interest-company, social-enterprise, "
        "private, community-group.",
    ]
    assert result.stderr.splitlines()[-1] == "3 errors and 0 warnings in 7 files. Nothing was published."


def test_lengths_count_characters_not_bytes(tmp_path: Path):
    name = ("Clwb Garddio’r Fro — " * 4)[:80]  # 80 characters, more than 80 bytes
    summary = ("Tyfu llysiau gyda’n gilydd — " * 11)[:300]
    assert len(name.encode()) > 80 and len(summary.encode()) > 300
    service = MINIMAL_SERVICE.replace("name: Garden Club", f"name: {name}")
    service = service.replace("summary: A gardening club for older people.", f"summary: {summary}")
    root = make_site(tmp_path / "site", {"content/providers/testshire-care/garden-club.md": service})
    result = run_cli("check", "--root", str(root), "--today", TODAY)
    assert result.exit_code == 0, result.stderr
