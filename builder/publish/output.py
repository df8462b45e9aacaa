"""Publish stage: write the site into a fresh folder, then swap it in.

An interrupted or failed build leaves the previous output untouched: pages are written to
a hidden staging folder beside the output, which replaces the output only once complete.
The builder refuses to write over the site's sources or over a folder it did not make.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
import subprocess
import time
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from builder.config.paths import CACHE_FOLDER
from builder.core.errors import SiteError

MARKER = ".catalogue-build"  # in every output folder, so a rebuild knows it may replace it
SPARE = "spare"  # in the build cache: the output before last, its folders kept for the next build


def check_output_location(out: Path, root: Path) -> None:
    out, root = out.resolve(), root.resolve()
    if out == root or out in root.parents:
        raise SiteError(f"--out {out} would replace the site folder itself. Choose a folder such as {root / '_site'}.")
    for protected in ("content", "templates", "schemas"):
        folder = root / protected
        if out == folder or folder in out.parents:
            raise SiteError(f"--out {out} is inside {protected}/, which the builder never writes to. Choose another folder.")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise SiteError(f"{out} already exists and was not made by 'catalogue build', so it is left alone. "
                        "Choose another --out, or empty that folder first.")
    if out.exists() and not out.is_dir():
        raise SiteError(f"{out} is a file, not a folder. Choose another --out.")


@contextlib.contextmanager
def fresh_output(out: Path, root: Path, tracked: Collection[str] = frozenset(), left: set[str] | None = None):
    """Yields a staging folder; on success it becomes `out`, on any failure it is set aside (for the
    next build to reuse).

    `tracked`: the published files the build decides about one by one (incremental.PageReuse: pages
    and open data records, each kept or written again, and the gone ones removed). Where staging is
    the recycled spare folder, such a file stays in it only while it is the published file itself
    (the same inode as in `out`); nothing else is left in it. `left`, if given, is filled with those
    files, which the build then need not link again."""
    check_output_location(out, root)
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(out)
    cache = root.resolve() / CACHE_FOLDER
    staging = out.parent / f".{out.name}.building-{os.getpid()}"
    recycled = _recycled(cache / SPARE, staging, out, tracked)
    if recycled is None:
        staging.mkdir()
    elif left is not None:
        left.update(recycled.left)
    (staging / MARKER).write_text("Made by catalogue build. This whole folder is replaced on every build.\n", encoding="utf-8")
    try:
        yield staging
    except BaseException:
        _keep_as_spare(staging, cache)
        raise
    if recycled:
        _remove_empty(recycled.emptied)
    if out.is_dir():
        keep_unchanged_files(staging, out, recycled.published if recycled else None)
    _swap_in(staging, out, cache)


@contextlib.contextmanager
def updated_in_place(out: Path, root: Path, forget):
    """`catalogue serve` after a content edit: yields the served folder itself, for the build to
    rewrite only the files that changed (each replaced whole, see write_text): no staging copy of
    tens of thousands of files, and no swap. A failure part-way calls `forget()`, so that the next
    build trusts nothing in the folder."""
    check_output_location(out, root)
    for stale in out.parent.glob(f".{out.name}.building-*"):  # serve's search indexer, stopped by this save, leaves one
        _keep_as_spare(stale, root.resolve() / CACHE_FOLDER)  # its folders, for the indexer's next build
    try:
        yield out.resolve()
    except BaseException:
        forget()
        raise


def _remove_leftovers(out: Path) -> None:
    """Staging folders of builds that were killed."""
    for pattern in (f".{out.name}.building-*", f".{out.name}.old-*"):
        for stale in out.parent.glob(pattern):
            shutil.rmtree(stale, ignore_errors=True)


def keep_unchanged_files(staging: Path, out: Path, listed: dict[str, dict[str, int]] | None = None) -> None:
    """Where a new file has the same bytes as the published one, keep the published file (a hard
    link: same modification time), so syncing or deploying the output uploads only what changed.
    Pages kept by an incremental build are links already: their inode numbers tell, without a stat.
    `listed`: {folder: {file: inode}} of the published folders read already (see _recycled)."""
    folders = [""]
    while folders:
        relative = folders.pop()
        new_folder, old_folder = os.path.join(staging, relative), os.path.join(out, relative)
        published = listed.get(relative) if listed is not None else None
        if published is None:
            try:
                published = _files_in(old_folder)
            except OSError:
                continue  # a new folder: everything in it is new
        for entry in os.scandir(new_folder):
            if entry.is_dir(follow_symlinks=False):
                folders.append(os.path.join(relative, entry.name))
                continue
            old = published.get(entry.name)
            if old is not None and old != entry.inode() and entry.is_file(follow_symlinks=False):
                _keep_if_same(os.path.join(old_folder, entry.name), entry.path)


def _files_in(folder: str) -> dict[str, int]:
    """{name: inode} of the files (not folders or links) in `folder`, from the listing alone."""
    return {entry.name: entry.inode() for entry in os.scandir(folder) if entry.is_file(follow_symlinks=False)}


def _keep_if_same(old: str, new: str) -> None:
    try:
        if os.stat(old).st_size == os.stat(new).st_size and _same_bytes(old, new):
            os.link(old, new + ".unchanged")
            os.replace(new + ".unchanged", new)
    except OSError:
        pass  # links unsupported: the new file stays


def _same_bytes(first: str, second: str) -> bool:
    with open(first, "rb") as a, open(second, "rb") as b:
        return a.read() == b.read()


def _swap_in(staging: Path, out: Path, cache: Path) -> None:
    """Replace `out` with `staging`; atomically where the system allows, so `out` always exists.
    The previous output is kept as the next build's spare folders."""
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists() and _exchange(staging, out):
        old = staging  # now holds the previous output
    else:
        if out.exists():
            out.rename(old)
        staging.rename(out)
    if old.exists():
        _keep_as_spare(old, cache)


def _keep_as_spare(folder: Path, cache: Path) -> None:
    """Tens of thousands of folders take seconds to make again on some disks (and to delete): the
    next build reuses them. Elsewhere (another disk), the folder is deleted."""
    try:
        if (cache / SPARE).exists():
            _remove_in_background(cache / SPARE, cache / "trash")
        folder.rename(cache / SPARE)
    except OSError:
        _remove_in_background(folder, cache / "trash")


@dataclass
class _Recycled:
    published: dict[str, dict[str, int]]  # {folder: {file: inode}} of the published folders read
    emptied: list[str]  # the folders files were removed from, parents first
    left: set[str]  # the tracked files left in it


def _recycled(spare: Path, staging: Path, out: Path, tracked: Collection[str]) -> _Recycled | None:
    """The spare folder (the output before last) as the new staging folder: its folders stay, and of
    its files only the tracked ones that are still the published ones (most are, as a kept page is a
    link to the published copy): a build that keeps them has nothing to do. Every other file goes, so
    whatever is written into staging is written into a new file. None if there is no spare."""
    try:
        spare.rename(staging)
    except OSError:
        return None
    recycled, queue = _Recycled({}, [], set()), [""]
    while queue:
        relative = queue.pop()
        folder = os.path.join(staging, relative)
        try:
            published = recycled.published[relative] = _files_in(os.path.join(out, relative))
        except OSError:
            published = {}
        removed = False
        for entry in os.scandir(folder):
            if entry.is_dir(follow_symlinks=False):
                queue.append(os.path.join(relative, entry.name))
                continue
            file = os.path.join(relative, entry.name)
            if published.get(entry.name) == entry.inode() and file in tracked:
                recycled.left.add(file)
            else:
                os.unlink(entry.path)
                removed = True
        if removed:
            recycled.emptied.append(folder)
    return recycled


def _remove_empty(folders: list[str]) -> None:
    """Of the recycled folders files were removed from, those left empty (a listing removed since),
    and their parents; children first."""
    for folder in reversed(folders):
        with contextlib.suppress(OSError):  # not empty: the usual case
            os.removedirs(folder)


def _remove_in_background(folder: Path, trash: Path) -> None:
    """Delete the previous output after the build returns: tens of thousands of files take seconds
    to delete on a slow disk, and nobody waits for them. It is moved into the build cache's trash
    first, which is safe to delete and emptied again by the next build if this one is cut short."""
    if not folder.exists():
        return
    remover = shutil.which("rm")
    try:
        trash.mkdir(parents=True, exist_ok=True)
        folder.rename(trash / f"{folder.name}-{time.monotonic_ns()}")
    except OSError:
        remover = None  # on another disk: delete it now
    if remover:
        subprocess.Popen([remover, "-rf", "--", *(str(p) for p in trash.iterdir())], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    else:
        shutil.rmtree(folder, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0


def copy_assets(staging: Path, files: dict[str, Path]) -> None:
    for relative, source in files.items():
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".css":  # the page-weight budget counts every byte people download
            target.write_text(minify_css(source.read_text(encoding="utf-8")), encoding="utf-8")
        elif source.suffix == ".js":
            target.write_text(strip_js(source.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            shutil.copyfile(source, target)


def strip_js(js: str) -> str:
    """Remove whole-line comments and indentation; the code itself is left exactly as written."""
    lines = (line.strip() for line in js.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


def minify_css(css: str) -> str:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    css = re.sub(r"\s+", " ", css)
    return re.sub(r"\s*([{};])\s*", r"\1", css).strip() + "\n"
