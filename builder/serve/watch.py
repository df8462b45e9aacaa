"""What `catalogue serve` watches: site.yaml, content/ and templates/, for edits, additions,
deletions and renames.

The operating system reports changes (watchdog: inotify on Linux, FSEvents on macOS,
ReadDirectoryChangesW on Windows), so watching costs nothing between saves however big the
site. Where it cannot (watchdog missing, the inotify limits reached, `--poll` for network
drives and some containers), the files' modification times are scanned instead. Either way a
burst of saves (an editor writing a file in several steps, a formatter after it, a branch
checked out) gives one set of changes, and editors' temporary files are ignored.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import click

WATCHED = ("site.yaml", "content", "templates")
# Seconds without a change that end a burst. An editor's save is a write or a rename a few
# milliseconds long, and `git checkout` writes file after file without pauses this long; a burst
# split anyway is built twice, the second time with the rest.
QUIET = 0.05
POLL = 0.5  # seconds between scans when the operating system cannot report changes


def is_temporary(name: str) -> bool:
    """Editors' swap, backup and lock files, and the file vim writes to test a folder."""
    return name.endswith((".swp", ".swx", "~")) or name.startswith(".#") or name == "4913"


class Changes:
    """Changed paths (relative to the site root), collected from any thread."""

    def __init__(self, root: Path):
        self.root = root
        self._lock = threading.Lock()
        self._paths: set[str] = set()
        self._last = 0.0
        self._arrived = threading.Event()

    def add(self, path: str) -> None:
        relative = os.path.relpath(path, self.root)
        if relative.split(os.sep, 1)[0] not in WATCHED or is_temporary(os.path.basename(path)):
            return
        with self._lock:
            self._paths.add(relative)
            self._last = time.monotonic()
            self._arrived.set()

    def wait(self, timeout: float | None = None) -> set[str]:
        """Blocks until something changed and then QUIET seconds passed without another change; or,
        with a `timeout`, until that many seconds passed without a change (returns an empty set)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self._arrived.wait(1 if deadline is None else min(1, max(0, deadline - time.monotonic()))):
            if deadline is not None and time.monotonic() >= deadline:  # the 1 s steps keep Ctrl+C working
                return set()
        while (left := self._last + QUIET - time.monotonic()) > 0:
            time.sleep(left)
        with self._lock:
            paths, self._paths = self._paths, set()
            self._arrived.clear()
        return paths


@contextlib.contextmanager
def watching(root: Path, poll: bool = False) -> Iterator[Changes]:
    """Changes under `root` while the block runs. Says so in one line if it falls back to scanning."""
    root = root.absolute()
    changes = Changes(root)
    if not poll:
        try:
            observer = _start_observer(root, changes)
        except ImportError:
            _say("watchdog is not installed (pip install watchdog)")
        except OSError as err:
            _say(f"the system cannot report changes here: {err.strerror or err}")
        else:
            try:
                yield changes
            finally:
                observer.stop()
                observer.join()
            return
    stop = threading.Event()
    scanner = threading.Thread(target=_scan_until, args=(root, changes, stop, scan(root)), daemon=True)
    scanner.start()
    try:
        yield changes
    finally:
        stop.set()
        scanner.join()


def _say(reason: str) -> None:
    click.echo(f"Checking for changes every {POLL} s by scanning the files ({reason}).", err=True)


def _start_observer(root: Path, changes: Changes):
    from watchdog.events import (DirCreatedEvent, DirDeletedEvent, DirMovedEvent, FileClosedEvent, FileCreatedEvent,
        FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileSystemEventHandler)
    from watchdog.observers import Observer

    # Not opened or closed-without-writing: the build itself reads every file.
    kinds = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent,
             DirCreatedEvent, DirDeletedEvent, DirMovedEvent]

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event):
            for path in (event.src_path, getattr(event, "dest_path", "")):
                if path:
                    changes.add(os.fsdecode(path))
            if event.event_type == "created" and event.is_directory and os.path.dirname(event.src_path) == str(root):
                watch(event.src_path)  # content/ or templates/ made after serve started

    observer = Observer()
    handler = Handler()

    def watch(folder: str) -> None:
        if os.path.basename(folder) in WATCHED:
            observer.schedule(handler, folder, recursive=True, event_filter=kinds)

    observer.schedule(handler, str(root), recursive=False, event_filter=kinds)  # site.yaml; not _site/ or the cache
    for name in WATCHED[1:]:
        if (root / name).is_dir():
            watch(str(root / name))
    observer.start()
    return observer


def _scan_until(root: Path, changes: Changes, stop: threading.Event, seen: dict[str, tuple[int, int]]) -> None:
    while not stop.wait(POLL):
        now = scan(root)
        for path in now.keys() | seen.keys():
            if now.get(path) != seen.get(path):  # added, deleted, or written since
                changes.add(path)
        seen = now


def scan(root: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every watched file, by path."""
    found: dict[str, tuple[int, int]] = {}
    folders = [str(root / name) for name in WATCHED[1:]]
    with contextlib.suppress(OSError):
        info = os.stat(root / "site.yaml")
        found[str(root / "site.yaml")] = (info.st_mtime_ns, info.st_size)
    while folders:
        with contextlib.suppress(OSError), os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                else:
                    with contextlib.suppress(OSError):
                        info = entry.stat()
                        found[entry.path] = (info.st_mtime_ns, info.st_size)
    return found
