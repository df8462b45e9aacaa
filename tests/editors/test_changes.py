"""`catalogue changes`: what check.yml's job summary says a pull request adds, changes and removes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import MINIMAL_SERVICE, PROJECT, TODAY, make_site, run_cli

SUMMARY_STEP = "Summarise the changes to listings"

WALKING_GROUP = MINIMAL_SERVICE.replace("Garden Club", "Walking Group").replace("gardening club", "walking group")
LUNCH_CLUB = MINIMAL_SERVICE.replace("Garden Club", "Lunch Club").replace("[tue]", "[wed]")
KNIT_AND_NATTER = MINIMAL_SERVICE.replace("Garden Club", "Knit and Natter").replace("[tue]", "[thu]")


def summary_step_script() -> str:
    workflow = yaml.safe_load((PROJECT / ".github/workflows/check.yml").read_text(encoding="utf-8"))
    steps = {step.get("name"): step for step in workflow["jobs"]["check"]["steps"]}
    return steps[SUMMARY_STEP]["run"]


def run_summary_step(workspace: Path) -> str:
    """Run the step's script as the runner does: bash -eo pipefail, in head/, next to base/."""
    summary = workspace / "summary.md"
    env = dict(os.environ, GITHUB_STEP_SUMMARY=str(summary), CATALOGUE_TODAY=TODAY,
               PREVIEW_URL="https://github.com/example/catalogue/actions/runs/1/artifacts/2",
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", summary_step_script()],
                            cwd=workspace / "head", env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return summary.read_text(encoding="utf-8")


def section(markdown: str, title: str) -> list[str]:
    """The bullet lines under '### {title} (n)'."""
    lines = markdown.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith(f"### {title} (")), None)
    if start is None:
        return []
    items = []
    for line in lines[start + 1:]:
        if line.startswith("#"):
            break
        if line.startswith("- "):
            items.append(line[2:])
    return items


def test_summary_step_lists_services_added_changed_and_removed(tmp_path):
    make_site(tmp_path / "base", {
        "content/providers/testshire-care/walking-group.md": WALKING_GROUP,
        "content/providers/testshire-care/lunch-club.md": LUNCH_CLUB,
    })
    make_site(tmp_path / "head", {
        "content/providers/testshire-care/walking-group.md": WALKING_GROUP.replace('"10:00"', '"09:30"')
        .replace("2026-06-01", "2026-11-01").replace("We grow vegetables", "We walk"),
        "content/providers/testshire-care/knit-and-natter.md": KNIT_AND_NATTER,
        "content/pages/about.md": "---\ntitle: About\nsummary: About this site.\n---\nNew words.\n",
    })

    summary = run_summary_step(tmp_path)

    assert section(summary, "Added") == ["Knit and Natter (`testshire-care/knit-and-natter`)"]
    assert section(summary, "Changed") == [
        "Walking Group (`testshire-care/walking-group`): times, last_reviewed, description text"]
    assert section(summary, "Removed") == ["Lunch Club (`testshire-care/lunch-club`)"]
    assert section(summary, "Other content files") == ["`content/pages/about.md` (changed)"]
    assert "**1 added, 1 changed, 1 removed**, compared with the base branch." in summary
    assert ("[Download the built site](https://github.com/example/catalogue/actions/runs/1/artifacts/2)"
            in summary)


def test_identical_trees_have_no_changes(tmp_path):
    base, head = make_site(tmp_path / "base"), make_site(tmp_path / "head")

    result = run_cli("changes", "--base", str(base), "--root", str(head), "--today", TODAY)

    assert result.exit_code == 0
    assert result.stdout.startswith("## Listings in this pull request\n\n"
                                    "**0 added, 0 changed, 0 removed**, compared with the base branch.\n\n")
    assert [section(result.stdout, title) for title in ("Added", "Changed", "Removed", "Other content files")] == [[]] * 4


def test_only_real_differences_count_not_quoting_or_trailing_blank_lines(tmp_path):
    base = make_site(tmp_path / "base")
    head = make_site(tmp_path / "head", {
        "content/providers/testshire-care/garden-club.md":
            MINIMAL_SERVICE.replace('from: "10:00"', "from: '10:00'").replace("[tue]", "[ tue ]") + "\n\n",
    })

    changes = json.loads(run_cli("changes", "--base", str(base), "--root", str(head), "--today", TODAY,
                                 "--format", "json").stdout)

    assert (changes["added"], changes["changed"], changes["removed"]) == ([], [], [])


def test_changed_fields_include_added_and_removed_fields_and_easy_read_text(tmp_path):
    base = make_site(tmp_path / "base")
    head = make_site(tmp_path / "head", {
        "content/providers/testshire-care/garden-club.md":
            MINIMAL_SERVICE.replace("activities: [gardening]\n", "").replace("funding: [free]\n", "funding: [free]\ntransport: none\n"),
        "content/providers/testshire-care/garden-club.easy.md": "We grow food.\n",
    })

    changes = json.loads(run_cli("changes", "--base", str(base), "--root", str(head), "--today", TODAY,
                                 "--format", "json").stdout)

    assert changes["changed"] == [{"id": "testshire-care/garden-club", "name": "Garden Club",
                                   "fields": ["transport", "activities", "Easy Read text"]}]


def test_a_base_file_that_cannot_be_read_is_compared_as_text(tmp_path):
    base = make_site(tmp_path / "base", {
        "content/providers/testshire-care/garden-club.md": MINIMAL_SERVICE.replace("areas: [north]", "areas: [north"),
    })
    head = make_site(tmp_path / "head")

    changes = json.loads(run_cli("changes", "--base", str(base), "--root", str(head), "--today", TODAY,
                                 "--format", "json").stdout)

    assert changes["changed"] == [{"id": "testshire-care/garden-club", "name": "Garden Club",
                                   "fields": ["the whole file"]}]


def test_names_are_shown_literally_in_markdown(tmp_path):
    base = make_site(tmp_path / "base")
    head = make_site(tmp_path / "head", {
        "content/providers/testshire-care/art-club.md": MINIMAL_SERVICE.replace("Garden Club", "Art *Club* | <b>Mon</b>"),
    })

    result = run_cli("changes", "--base", str(base), "--root", str(head), "--today", TODAY)

    assert section(result.stdout, "Added") == [r"Art \*Club\* \| &lt;b&gt;Mon&lt;/b&gt; (`testshire-care/art-club`)"]


def test_warnings_of_the_pull_request_are_listed_with_file_and_line(tmp_path):
    base = make_site(tmp_path / "base")
    head = make_site(tmp_path / "head", {
        "content/providers/testshire-care/garden-club.md": MINIMAL_SERVICE.replace("2026-06-01", "2024-01-15"),
    })

    result = run_cli("changes", "--base", str(base), "--root", str(head), "--today", TODAY)

    assert "These do not stop the site being published, but someone should act on them." in result.stdout
    assert section(result.stdout, "Warnings")[0] == (
        "`content/providers/testshire-care/garden-club.md:17`: last\\_reviewed: this listing is due for review: "
        "last checked 15 January 2024, more than 12 months ago. Check the details with the provider, "
        "then update last\\_reviewed.")


def test_invalid_pull_request_content_prints_every_problem_like_check_and_exits_1(tmp_path):
    base = make_site(tmp_path / "base")
    head = make_site(tmp_path / "head", {
        "content/providers/testshire-care/garden-club.md": MINIMAL_SERVICE.replace('from: "10:00"', "from: 10:00"),
    })

    result = run_cli("changes", "--base", str(base), "--root", str(head), "--today", TODAY)
    check = run_cli("check", "--root", str(head), "--today", TODAY)

    assert result.exit_code == 1
    assert result.stdout == ""
    problem = ('content/providers/testshire-care/garden-club.md:14: times.from: should be a time in quotes '
               '(found 600: YAML reads an unquoted time as a number). Add quotes: "10:00".')
    assert result.stderr.splitlines()[0] == problem
    assert result.stderr.splitlines()[-1] == "1 error in 7 files. Nothing was published."
    assert result.stderr.splitlines()[:-1] == check.stderr.splitlines()[:-1]  # every problem, as check prints it
