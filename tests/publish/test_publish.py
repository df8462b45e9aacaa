"""Never half-published: a failed or interrupted build leaves the previous output exactly as
it was, the builder refuses output folders that would overwrite sources or someone else's
files, and it never writes into content/."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import MINIMAL_SERVICE, PROJECT, TODAY, make_site, run_cli

GENERATED_SERVICES = 150  # 500+ pages: rendering runs in the worker pool and takes a moment


def tree(folder: Path) -> dict[str, str]:
    """Every file and folder below `folder`: {relative path: sha256 of the bytes, or "dir"}."""
    found = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        found[key] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def leftovers(out: Path) -> list[str]:
    """Hidden working folders a build leaves beside its output."""
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def build(root: Path, out: Path, *extra: str):
    return run_cli("build", "--root", str(root), "--out", str(out), "--today", TODAY, "--no-search", *extra)


@pytest.fixture
def built(tmp_path):
    """A tiny site with a finished build: (root, out, snapshot of out)."""
    root = make_site(tmp_path / "site")
    out = tmp_path / "public" / "_site"
    result = build(root, out)
    assert result.exit_code == 0, result.output
    return root, out, tree(out)


@pytest.fixture(scope="module")
def generated_build(tmp_path_factory) -> tuple[Path, Path]:
    """A larger generated site and its finished build, made once: (root, out). Tests copy both."""
    root = tmp_path_factory.mktemp("generated") / "site"
    generator = PROJECT / "bench" / "generate.py"
    if generator.is_file():
        subprocess.run([sys.executable, str(generator), str(GENERATED_SERVICES), str(root), "--quiet"],
                       check=True, capture_output=True, timeout=120)
    else:  # the generator is optional: write many copies of the minimal service instead
        make_site(root, {f"content/providers/testshire-care/club-{i}.md": MINIMAL_SERVICE.replace(
            "name: Garden Club", f"name: Garden Club {i}") for i in range(GENERATED_SERVICES)})
    out = root.parent / "_site"
    result = build(root, out)
    assert result.exit_code == 0, result.output
    return root, out


def copy_of(generated_build, tmp_path: Path) -> tuple[Path, Path]:
    root, out = tmp_path / "site", tmp_path / "_site"
    shutil.copytree(generated_build[0], root)
    shutil.copytree(generated_build[1], out)
    return root, out


# ---------------------------------------------------------------- a failed build

def test_build_failing_while_rendering_leaves_previous_output_byte_identical(built):
    root, out, before = built
    # A site's own template that cannot render (StrictUndefined): the build fails half-way.
    (root / "templates").mkdir()
    (root / "templates" / "service.html").write_text("{{ undefined_variable }}\n", encoding="utf-8")
    result = build(root, out)
    assert result.exit_code == 1, result.output
    assert result.output == ("Error: templates/service.html:1: 'undefined_variable' is undefined (while writing "
                             "services/testshire-care/garden-club/). Fix the template and build again. Nothing was published.\n")
    assert tree(out) == before
    assert leftovers(out) == []


def test_build_failing_in_the_worker_pool_leaves_previous_output_byte_identical(generated_build, tmp_path):
    root, out = copy_of(generated_build, tmp_path)
    before = tree(out)
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "service.html").write_text("{{ undefined_variable }}\n", encoding="utf-8")
    result = build(root, out)
    assert result.exit_code == 1, result.output
    assert tree(out) == before
    assert leftovers(out) == []


def test_content_with_errors_writes_nothing(tmp_path):
    bad = {"content/providers/testshire-care/garden-club.md": MINIMAL_SERVICE.replace("[older-people]", "[older-peple]")}
    root = make_site(tmp_path / "site", bad)
    out = tmp_path / "out" / "_site"
    result = build(root, out)
    assert result.exit_code == 1
    assert "Nothing was published" in result.output
    assert not out.exists()
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_content_with_errors_leaves_previous_output_byte_identical(built):
    root, out, before = built
    service = root / "content/providers/testshire-care/garden-club.md"
    service.write_text(service.read_text().replace("areas: [north]", "areas: [nowhere]"))
    result = build(root, out)
    assert result.exit_code == 1
    assert tree(out) == before
    assert leftovers(out) == []


# ---------------------------------------------------------------- an interrupted build

def test_build_killed_mid_way_leaves_previous_output_intact_and_next_build_cleans_up(generated_build, tmp_path):
    root, out = copy_of(generated_build, tmp_path)
    before = tree(out)
    # Change the content, so a build that finished would change the output.
    site_yaml = root / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace("title:", "title: Changed", 1), encoding="utf-8")

    process = subprocess.Popen(
        [sys.executable, "-m", "builder", "build", "--root", str(root), "--out", str(out), "--today", TODAY, "--no-search"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, cwd=PROJECT)
    staging = None
    deadline = time.monotonic() + 60
    try:
        while staging is None and process.poll() is None and time.monotonic() < deadline:
            staging = next((p for p in tmp_path.iterdir() if p.name.startswith("._site.building-")), None)
            time.sleep(0.001)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)  # the build and its worker processes, as a cancelled CI job would
        process.wait(timeout=30)
    assert staging is not None, "the build never made its staging folder"
    assert process.returncode == -signal.SIGKILL, "the build finished before it could be interrupted"

    assert tree(out) == before
    assert staging.exists()  # the killed build left its half-written folder behind

    result = build(root, out)
    assert result.exit_code == 0, result.output
    assert leftovers(out) == []
    assert "Changed" in (out / "index.html").read_text(encoding="utf-8")


def test_next_build_removes_every_leftover_of_a_killed_build(built):
    root, out, _ = built
    # What a build killed at each step leaves: its staging folder, or the old output it was replacing.
    for name in ("._site.building-999991", "._site.old-999992"):
        (out.parent / name / "services").mkdir(parents=True)
        (out.parent / name / ".catalogue-build").write_text("Made by catalogue build.\n")
    assert build(root, out).exit_code == 0
    assert leftovers(out) == []


# ---------------------------------------------------------------- where the builder will write

def error_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert lines, result.output
    return lines[-1]


def test_refuses_out_equal_to_the_site_root(site):
    before = tree(site)
    result = build(site, site)
    assert result.exit_code == 1
    resolved = site.resolve()
    assert error_line(result) == (f"Error: --out {resolved} would replace the site folder itself. "
                                  f"Choose a folder such as {resolved / '_site'}.")
    assert tree(site) == before


def test_refuses_out_that_contains_the_site_root(site):
    result = build(site, site.parent)
    assert result.exit_code == 1
    assert error_line(result).startswith(f"Error: --out {site.parent.resolve()} would replace the site folder itself.")


@pytest.mark.parametrize("folder", ["content", "content/_site", "content/providers/testshire-care/out",
                                    "templates", "templates/_site"])
def test_refuses_out_inside_content_or_templates(site, folder):
    (site / "templates").mkdir(exist_ok=True)
    before = tree(site)
    out = site / folder
    result = build(site, out)
    assert result.exit_code == 1
    protected = folder.split("/")[0]
    assert error_line(result) == (f"Error: --out {out.resolve()} is inside {protected}/, which the builder never "
                                  "writes to. Choose another folder.")
    assert tree(site) == before


def test_refuses_an_existing_folder_it_did_not_make(site, tmp_path):
    other = tmp_path / "my-documents"
    other.mkdir()
    (other / "letter.txt").write_text("Dear Sir")
    result = build(site, other)
    assert result.exit_code == 1
    assert error_line(result) == (f"Error: {other.resolve()} already exists and was not made by 'catalogue build', "
                                  "so it is left alone. Choose another --out, or empty that folder first.")
    assert tree(other) == {"letter.txt": hashlib.sha256(b"Dear Sir").hexdigest()}
    assert leftovers(other) == []


def test_builds_into_an_empty_folder_and_over_its_own_output(site, tmp_path):
    out = tmp_path / "empty"
    out.mkdir()
    assert build(site, out).exit_code == 0
    assert (out / "index.html").is_file()
    assert build(site, out).exit_code == 0
    assert leftovers(out) == []


def content_state(root: Path) -> dict[str, tuple]:
    """Every path under content/ with its kind, size and modification time (ns)."""
    state = {}
    for path in [root / "content", *sorted((root / "content").rglob("*"))]:
        info = path.stat()
        state[path.relative_to(root).as_posix()] = (path.is_dir(), info.st_size, info.st_mtime_ns)
    return state


def test_build_never_writes_into_content(tmp_path):
    root = make_site(tmp_path / "site")
    before = content_state(root)
    time.sleep(0.01)  # so that a write would show as a new modification time
    result = run_cli("build", "--root", str(root), "--today", TODAY)  # default --out, with search
    assert result.exit_code == 0, result.output
    assert (root / "_site" / "index.html").is_file()
    assert content_state(root) == before


def test_failed_build_never_writes_into_content(tmp_path):
    root = make_site(tmp_path / "site", {"templates/service.html": "{{ undefined_variable }}\n"})
    before = content_state(root)
    time.sleep(0.01)
    assert run_cli("build", "--root", str(root), "--today", TODAY).exit_code == 1
    assert content_state(root) == before
    assert not (root / "_site").exists()
