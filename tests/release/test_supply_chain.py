"""The supply chain cannot be swapped underneath us: actions pinned by commit SHA, least privilege
per job, Python dependencies installed from hash-checked lock files, and Dependabot watching all three."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT

# this repository's workflows, and those `catalogue init` writes into a new council's repository
WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml")) + sorted((PROJECT / "builder" / "editors" / "starter" / "github" / "workflows").glob("*.yml"))
LOCKS = {"site": PROJECT / "requirements" / "site.txt", "test": PROJECT / "requirements" / "test.txt"}
PYPROJECT = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))

USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<comment>.*)$")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"^\s+# v\d+\.\d+\.\d+\b")


def unpinned_actions(text: str, name: str) -> list[str]:
    """'file:line: ref' for each `uses:` that is not a full commit SHA followed by '# vX.Y.Z'."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        found = USES.match(line)
        if not found:
            continue
        ref, comment = found.group("ref").strip("'\""), found.group("comment")
        if ref.startswith("./"):
            continue  # an action in this repository: pinned by the commit itself
        if ref.startswith("docker://"):
            if "@sha256:" not in ref:
                problems.append(f"{name}:{number}: {ref} (pin the image by digest)")
        elif not PINNED.match(ref) or not VERSION_COMMENT.match(comment):
            problems.append(f"{name}:{number}: {ref} (pin a commit SHA with the version in a comment: @<sha> # v1.2.3)")
    return problems


# ---------------------------------------------------------------- actions pinned by SHA

@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_every_action_is_pinned_by_commit_sha_with_its_version_in_a_comment(path):
    assert unpinned_actions(path.read_text(encoding="utf-8"), path.name) == []


def test_the_pinning_check_names_the_file_and_line_of_an_action_used_by_tag():
    workflow = ("jobs:\n  a:\n    steps:\n"
                "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n"
                "      - uses: actions/checkout@v4\n"
                "      - name: Short SHA\n        uses: actions/setup-python@a26af69 # v5.6.0\n"
                "      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02\n"
                "      - uses: docker://alpine:3.20\n"
                "      - uses: ./.github/actions/local\n")

    assert unpinned_actions(workflow, "bad.yml") == [
        "bad.yml:5: actions/checkout@v4 (pin a commit SHA with the version in a comment: @<sha> # v1.2.3)",
        "bad.yml:7: actions/setup-python@a26af69 (pin a commit SHA with the version in a comment: @<sha> # v1.2.3)",
        "bad.yml:8: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 (pin a commit SHA with the version in a comment: @<sha> # v1.2.3)",
        "bad.yml:9: docker://alpine:3.20 (pin the image by digest)",
    ]


def test_one_action_version_is_pinned_to_one_sha_everywhere():
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            found = USES.match(line)
            if found and "@" in found.group("ref"):
                action, sha = found.group("ref").split("@")
                pins.setdefault(f"{action} {found.group('comment').strip()}", set()).add(sha)
    assert pins and all(len(shas) == 1 for shas in pins.values()), pins


# ---------------------------------------------------------------- least privilege

def workflow(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_workflows_grant_nothing_by_default_and_each_job_only_what_it_needs(path):
    data = workflow(path)
    allowed_writes = {"publish.yml": {"pages", "id-token"}, "review-due.yml": {"issues"},
                      "release.yml": {"id-token", "attestations", "contents"}}.get(path.name, set())

    assert data["permissions"] == {}
    for name, job in data["jobs"].items():
        permissions = job.get("permissions")
        assert isinstance(permissions, dict) and permissions, f"{path.name}: job {name} must list its permissions"
        writes = {scope for scope, level in permissions.items() if level == "write"}
        assert writes <= allowed_writes, f"{path.name}: job {name} writes {writes}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_checkouts_do_not_leave_the_token_on_disk(path):
    for job in workflow(path)["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


# ---------------------------------------------------------------- hash-locked Python dependencies

def locked(path: Path) -> dict[str, tuple[str, int]]:
    """{package: (version, number of hashes)} from a lock file written by .ci/lock."""
    text = path.read_text(encoding="utf-8")
    entries = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        found = re.match(r"([A-Za-z0-9._-]+)==(\S+)", block)
        if found:
            entries[found.group(1).lower().replace("_", "-")] = (found.group(2), len(re.findall(r"--hash=sha256:[0-9a-f]{64}", block)))
    return entries


def names(requirements: list[str]) -> set[str]:
    return {re.match(r"[A-Za-z0-9._-]+", r).group(0).lower().replace("_", "-") for r in requirements}


def test_lock_files_pin_every_package_to_one_version_with_hashes():
    for path in LOCKS.values():
        entries = locked(path)
        requirement_lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and line[0].isalnum()]
        assert len(entries) == len(requirement_lines) > 5, path.name
        assert all(count >= 1 for _, count in entries.values()), path.name


def test_lock_files_hold_what_pyproject_asks_for_at_the_same_versions():
    site, test = locked(LOCKS["site"]), locked(LOCKS["test"])
    runtime = names(PYPROJECT["project"]["dependencies"])
    build = names(PYPROJECT["build-system"]["requires"])

    assert runtime | build <= site.keys()
    assert runtime | build | names(PYPROJECT["project"]["optional-dependencies"]["test"]) <= test.keys()
    assert all(test[name] == site[name] for name in site), "run .ci/lock: the two lock files disagree"
    build_in = [line for line in (PROJECT / "requirements" / "build.in").read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#")]
    assert build_in == PYPROJECT["build-system"]["requires"]


def test_the_audit_lock_is_the_audit_extra_cut_from_the_test_lock_with_the_same_hashes():
    audit = PROJECT / "requirements" / "audit.txt"
    test_blocks = {b.split("==")[0]: b.strip() for b in re.split(r"\n(?=[a-z0-9])", LOCKS["test"].read_text(encoding="utf-8"))}
    audit_blocks = [b.strip() for b in re.split(r"\n(?=[a-z0-9])", audit.read_text(encoding="utf-8"))[1:]]
    assert names(PYPROJECT["project"]["optional-dependencies"]["audit"]) <= locked(audit).keys() == {"playwright", "greenlet"}
    assert audit_blocks == [test_blocks["greenlet"], test_blocks["playwright"]], "run .ci/lock: audit.txt is out of step"


def test_a_sites_check_workflow_fetches_the_nu_checker_the_tool_is_tested_with_and_checks_its_hash():
    npm = json.loads((PROJECT / "package-lock.json").read_text(encoding="utf-8"))["packages"]["node_modules/vnu-jar"]
    check = yaml.safe_load((PROJECT / "builder/editors/starter/github/workflows/check.yml").read_text(encoding="utf-8"))
    step = next(s for s in check["jobs"]["check"]["steps"] if s.get("name") == "Install what the audit needs")
    assert step["env"] == {"VNU": f"vnu-jar-{npm['version']}.tgz", "VNU_SHA512": npm["integrity"].removeprefix("sha512-")}
    assert f"npm pack --silent vnu-jar@{npm['version']} > /dev/null" in step["run"]
    assert '[ "$(openssl dgst -sha512 -binary "$VNU" | base64 -w0)" = "$VNU_SHA512" ]' in step["run"]


def test_setup_and_every_workflow_install_only_from_the_locks():
    setup = (PROJECT / ".ci" / "setup").read_text(encoding="utf-8")
    assert '--require-hashes -r "$lockfile"' in setup and "--no-deps --no-build-isolation -e ." in setup
    for path in WORKFLOWS:
        installs = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if "pip install" in line]
        assert installs, path.name
        for command in installs:
            assert "--require-hashes -r requirements/" in command or command in (
                "pip install --no-deps --no-build-isolation -e .",  # this repository: the project itself
                "pip install --no-deps --no-build-isolation -r requirements/catalogue.txt",  # a site from init: the tool, at one commit
            ), command


# ---------------------------------------------------------------- Dependabot

def test_dependabot_updates_actions_python_and_npm_every_week():
    config = yaml.safe_load((PROJECT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    updates = {(u["package-ecosystem"], u["directory"]): u["schedule"]["interval"] for u in config["updates"]}

    assert config["version"] == 2
    assert updates == {("github-actions", "/"): "weekly", ("pip", "/requirements"): "weekly", ("npm", "/"): "weekly"}
    assert (PROJECT / "package-lock.json").is_file() and all(path.is_file() for path in LOCKS.values())
