"""The build cache: `.catalogue-cache/` beside site.yaml, git-ignored and safe to delete.

It keeps, between builds:
- each content file's loaded result (parsed, checked, Markdown rendered), under a key made of
  the file's bytes, its path and kind, the site's word list and the builder's fingerprint;
- for each output folder, a manifest of the pages last published there and the digest of
  each page's inputs (see incremental.py), so unchanged pages are not rendered again.

Every key includes `builder_fingerprint()`: a new builder version (pyproject.toml's), changed code, a changed schema or a
different Python means nothing cached is trusted. Anything unreadable is treated as missing.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import pickle
import shutil
import sys
import time
from pathlib import Path

from builder.config import paths

FOLDER = paths.CACHE_FOLDER
LOADED = "loaded.pickle"
README = "Build cache of 'catalogue build'. Safe to delete at any time: the next build is then a full one.\n"


def digest(*parts: bytes | str) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part.encode() if isinstance(part, str) else part)
        hasher.update(b"\0")
    return hasher.hexdigest()


@functools.cache
def builder_fingerprint() -> str:
    """The builder's version, its own code and schemas, and the Python running them."""
    package = Path(__file__).resolve().parents[1]
    from builder import __version__
    from builder.core.schemas import schema_dir
    files = sorted(package.rglob("*.py")) + sorted(schema_dir().glob("*.json"))
    return digest(__version__, sys.version, *(f"{file.relative_to(package.parent)}:{file.read_bytes().hex()}" for file in files))


def folder_digest(folders: list[Path]) -> str:
    """Every file under the given folders (the theme): names and bytes."""
    parts = []
    for folder in folders:
        for file in sorted(p for p in folder.rglob("*") if p.is_file()):
            parts += [file.relative_to(folder).as_posix(), file.read_bytes()]
    return digest(*parts)


class FileDigests:
    """The digest of each content file's bytes, kept between builds with the file's size, inode
    and modification time. A file whose three are unchanged is not read again, unless it changed
    within two seconds before the last build looked (git's "racy" rule: file systems with coarse
    times could hide an edit made in the same instant)."""

    SLACK_NS = 2_000_000_000

    def __init__(self, root: Path, saved: Path):
        self.root, self.saved = root, saved
        try:
            self.looked_at, self.known = pickle.loads(saved.read_bytes())
        except Exception:
            self.looked_at, self.known = 0, {}
        self.now = time.time_ns()
        self.current: dict[str, tuple] = {}

    def of(self, path: str) -> str | None:
        """The digest of the file at `path` (relative to the root), or None if it cannot be read."""
        if path in self.current:
            return self.current[path][1]
        full = os.path.join(self.root, path)
        try:
            info = os.stat(full)
            signature = (info.st_size, info.st_ino, info.st_mtime_ns)
            known = self.known.get(path)
            if known and known[0] == signature and info.st_mtime_ns < self.looked_at - self.SLACK_NS:
                found = known[1]
            else:
                with open(full, "rb") as file:
                    found = digest(file.read())
        except OSError:
            return None
        self.current[path] = (signature, found)
        return found

    def save(self) -> None:
        if self.current != self.known or not self.looked_at:
            with contextlib.suppress(OSError):
                _write_atomically(self.saved, pickle.dumps((self.now, self.current), protocol=pickle.HIGHEST_PROTOCOL))


class BuildCache:
    def __init__(self, root: Path, in_memory: bool = False):
        """`in_memory`: also keep the loaded files in this object, for the next build by the same
        process (`catalogue serve`), which then reads nothing back from disk."""
        self.folder = root.resolve() / FOLDER
        self.existed = self.folder.is_dir()
        self.memory: dict | None = {} if in_memory else None
        # with in_memory, also the services assembled and their digests (model/assemble.py, reuse.py)
        self.assembled: list | None = [] if in_memory else None
        self.digests: dict | None = {} if in_memory else None
        self.checked: dict | None = {} if in_memory else None  # the problems found in each file alone (content/rules.py)
        self._open_data: dict = {}
        self._open_data_unsaved = False  # `serve`: entries kept in memory only, since the file was written
        self._loaded: dict = {}
        self._fragments: dict | None = None  # kept in memory by `serve` (in_memory)
        self._fragments_unsaved = False  # `serve`: newer in memory than in fragments.pickle
        self._stored: int | None = None  # entries in loaded.pickle; -1: unreadable past some point, rewrite it
        self.files = FileDigests(root, self.folder / "file-digests.pickle")

    def look_at_files(self) -> None:
        """A new build (`serve` keeps one cache for many): digests are checked against the files afresh."""
        self.files = FileDigests(self.files.root, self.files.saved)

    def discard_if_new(self) -> None:
        """A site's first build that fails leaves no trace, not even a cache."""
        if not self.existed:
            shutil.rmtree(self.folder, ignore_errors=True)

    def ensure(self) -> None:
        if not (self.folder / "README.txt").is_file():
            self.folder.mkdir(exist_ok=True)
            (self.folder / "README.txt").write_text(README, encoding="utf-8")

    # ------------------------------------------------------------ loaded content files

    def loaded(self) -> dict:
        """{key: loaded result} of earlier builds: in memory for `serve`'s next build, else from
        loaded.pickle. One file for all, not one per content file: creating thousands of small files
        is most of a cold build's system time on some disks."""
        if self.memory:
            return self.memory
        if self._stored is None:
            self._loaded, whole = _read_dicts(self.folder / LOADED)
            self._stored = len(self._loaded) if whole else -1
        return self._loaded

    def record_loaded(self, used: dict, new: dict) -> None:
        """After loading: `used`, this build's {key: result}, of which `new` were loaded afresh. They
        are appended to loaded.pickle (in one write: a killed build cuts off at most its own part)
        while the entries no longer used stay under half those in use; else it is rewritten with those
        in use (after a new builder version, say, which uses none of the old)."""
        if self.memory is not None:
            self.memory = used
        if not new:
            return
        if self._stored is None:  # not read: write afresh
            self._stored = -1
        with contextlib.suppress(OSError):
            self.ensure()
            if 0 <= self._stored and self._stored + len(new) - len(used) <= len(used) // 2:  # stale entries after it
                with open(self.folder / LOADED, "ab") as file:
                    file.write(pickle.dumps(new, protocol=pickle.HIGHEST_PROTOCOL))
                self._stored += len(new)
            else:
                _pickle_atomically(self.folder / LOADED, [used])
                self._stored = len(used)
            shutil.rmtree(self.folder / "files", ignore_errors=True)  # the earlier layout: a file per entry
        self._loaded = used

    def templates_folder(self) -> Path | None:
        """Where Jinja2 keeps compiled templates between builds (None if it cannot be made). Jinja2
        checks each against its source, but not against the builder's settings for the template
        engine: so one folder per builder version, and the others go."""
        folder = self.folder / "templates" / builder_fingerprint()
        for other in _scan(self.folder / "templates"):
            if other.name != folder.name:
                shutil.rmtree(other.path, ignore_errors=True)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return folder

    # ------------------------------------------------------------ open data

    def open_data(self) -> dict:
        """{inputs digest: (list entry, spreadsheet line)} of the services' open data last written (from
        memory for `serve`'s next build)."""
        if self.memory is not None and self._open_data:
            return self._open_data
        try:
            with open(self.folder / "open-data.pickle", "rb") as file:
                self._open_data = pickle.load(file)
        except Exception:
            self._open_data = {}
        return self._open_data

    def record_open_data(self, entries: dict, to_disk: bool = True) -> None:
        """Not `to_disk`: in memory only (as record_fragments)."""
        if entries.keys() == self._open_data.keys() and not (to_disk and self._open_data_unsaved):
            return  # nothing changed: skip rewriting megabytes
        if self.memory is not None:
            self._open_data, self._open_data_unsaved = entries, not to_disk
            if not to_disk:
                return
        with contextlib.suppress(OSError):
            self.ensure()
            _pickle_atomically(self.folder / "open-data.pickle", [entries])

    # ------------------------------------------------------------ services' cards and filters (fragments.py)

    def fragments(self) -> dict:
        """The pieces of the last build: from memory for `serve`'s next build, else from fragments.pickle."""
        if self._fragments is None:
            pieces, whole = _read_dicts(self.folder / "fragments.pickle")
            self._fragments = pieces if whole else {}
        return self._fragments

    def record_fragments(self, chunks, to_disk: bool = True) -> None:
        """Dict after dict into one file: a cold build never holds them all in memory at once (`serve`
        keeps them, for its next build). `chunks` None: the pieces are those of last time (written
        now only if they were kept in memory alone). Not `to_disk`: in memory only (`serve`'s quick
        rebuilds, whose search indexer writes the file; an older one only has fewer pieces still usable)."""
        if chunks is None:
            if not (to_disk and self._fragments_unsaved):
                return
            chunks = [self._fragments]
        if self.memory is not None:
            chunks = [dict(chunk) for chunk in chunks]
        self._fragments = {key: piece for chunk in chunks for key, piece in chunk.items()} if self.memory is not None else None
        self._fragments_unsaved = not to_disk and self.memory is not None
        if self._fragments_unsaved:
            return
        with contextlib.suppress(OSError):
            self.ensure()
            _pickle_atomically(self.folder / "fragments.pickle", chunks)

    # ------------------------------------------------------------ published pages

    def _manifest_path(self, out: Path) -> Path:
        return self.folder / f"pages-{digest(str(out.resolve()))}.json"

    def published_pages(self, out: Path) -> dict[str, str]:
        """{page file: inputs digest} of the pages in `out`, or {} unless `out` is the folder recorded."""
        try:
            manifest = json.loads(self._manifest_path(out).read_text(encoding="utf-8"))
            if manifest["builder"] == builder_fingerprint() and manifest["folder"] == _folder_identity(out):
                return manifest["pages"]
        except (OSError, ValueError, KeyError, TypeError):
            pass
        return {}

    def record_published(self, out: Path, pages: dict[str, str]) -> None:
        manifest = {"builder": builder_fingerprint(), "folder": _folder_identity(out), "pages": pages}
        try:
            self.ensure()
            _write_atomically(self._manifest_path(out), json.dumps(manifest).encode())
        except OSError:
            pass

    def forget_published(self, out: Path) -> None:
        with contextlib.suppress(OSError):
            self._manifest_path(out).unlink()


def _read_dicts(path: Path) -> tuple[dict, bool]:
    """The dicts pickled one after another into `path`, merged; and whether the file ended cleanly
    (False after a build killed while appending, or a file from another version)."""
    merged = {}
    try:
        with open(path, "rb") as file:
            while True:
                merged.update(pickle.load(file))
    except EOFError:
        return merged, True
    except Exception:
        return merged, False


def _scan(folder: Path) -> list[os.DirEntry]:
    try:
        return list(os.scandir(folder))
    except OSError:
        return []


def _folder_identity(out: Path) -> list[int]:
    """Each build swaps in a new folder, so its inode tells whether `out` is still the folder we recorded."""
    info = out.stat()
    return [info.st_dev, info.st_ino]


@contextlib.contextmanager
def _atomic_file(path: Path):
    """A file to write that replaces `path` only once complete: a killed build leaves the old one."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    with open(temporary, "wb") as file:
        yield file
    os.replace(temporary, path)


def _write_atomically(path: Path, data: bytes) -> None:
    with _atomic_file(path) as file:
        file.write(data)


def _pickle_atomically(path: Path, values) -> None:
    """Straight into the file, one value after another (an iterable, perhaps a generator): no copy
    of tens of megabytes in memory first."""
    with _atomic_file(path) as file:
        for value in values:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
