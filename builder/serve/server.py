"""`catalogue serve`: build, serve on 127.0.0.1, rebuild when the sources change.

The operating system says which files were saved (watch.py); rebuilds are incremental
(incremental.py) and skip the search index, which then follows in a background process that
the next save stops. The preview server adds a script to each HTML page it sends
(preview.py) that reloads the page after a rebuild, or shows the content's errors over it
while the last good site stays served.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import functools
import http.server
import multiprocessing
import os
import signal
import sys
import threading
from pathlib import Path

import click

from builder.build import build_site
from builder.config.paths import CACHE_FOLDER
from builder.core.errors import ContentError, Problem, SiteError
from builder.incremental.cache import BuildCache
from builder.pages import render
from builder.serve import preview
from builder.serve.watch import WATCHED, Changes, watching


class _Handler(http.server.SimpleHTTPRequestHandler):
    status = preview.Status()

    def do_GET(self):
        own = preview.preview_file(self.path, self.status)
        if own:
            self._send(*own)
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            self._send("text/html; charset=utf-8", path.read_bytes().replace(b"</body>", preview.SCRIPT_TAG + b"</body>"))
            return
        if path == Path(self.directory) / "sw.js" and path.is_file():
            self._send("text/javascript; charset=utf-8", preview.WORKER_PREFIX + path.read_bytes())
            return
        super().do_GET()

    def _send(self, content_type: str, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # keep the terminal for build messages
        pass


# An editor fixing a listing saves it again within seconds: the search index (the whole site again,
# in a forked process, tens of seconds at 10,000 services) waits for a pause, so that it neither
# competes with the next rebuild for the CPU nor makes it copy the memory it shares with the fork.
INDEX_AFTER = 3.0  # seconds without a change
LOCK = "serve.lock"  # in the build cache, held while a preview runs


def _rebuild(root: Path, out: Path, today: dt.date, status: preview.Status, with_search: bool,
             cache: BuildCache, in_place: bool = False, again: bool = True) -> bool:
    live = []  # an open page may reload once it is in the served folder, and every page once all are

    def shown(pages: frozenset[str] | None) -> None:
        status.live(pages, new_build=not live)
        live.append(pages)

    try:
        built = build_site(root, out, today, with_search=with_search, cache=cache, in_place=in_place,
                           preview=render.Preview(status.open_pages(), shown),
                           lists_later=in_place)  # the search indexer's build, after a pause, writes them
    except (ContentError, SiteError) as err:
        problems = err.problems.sorted() if isinstance(err, ContentError) else [Problem("templates", 0, "", str(err))]
        for problem in problems:
            click.echo(str(problem), err=True)
        click.echo(f"{err.format_message()} The preview still shows the last good build.", err=True)
        status.failed([p for p in problems if p.severity == "error"])
        return False
    except FileNotFoundError as err:
        click.echo(f"{err.filename} went while it was being built: building again.", err=True)
        if again and not _is_source(root, err.filename):  # the output folder, say: no save will follow
            return _rebuild(root, out, today, status, with_search, cache, again=False)
        return False  # a source saved or deleted again: the watcher has that change, and builds again
    click.echo(f"Built {built.pages} pages in {built.seconds:.1f}s.")
    if None not in live:
        status.live(None, new_build=not live)
    return True


def _is_source(root: Path, path) -> bool:
    """A file `catalogue serve` watches (site.yaml, content/, templates/)."""
    try:
        return Path(os.fsdecode(path)).resolve().relative_to(root.resolve()).parts[0] in WATCHED
    except (TypeError, ValueError, IndexError):
        return False


def _index_search(root: Path, out: Path, today: dt.date, cache: BuildCache) -> None:
    """In a background process: the same build with the search index (every page is kept as it is)."""
    os.setpgrp()  # its own process group, so stopping it stops its workers and the indexer too
    os.nice(10)  # after the browser reloading the page, and the next save's rebuild
    try:
        build_site(root, out, today, cache=cache)
    except (ContentError, SiteError):
        pass  # the watcher reports problems; this process only adds the index


def _start_indexer(root: Path, out: Path, today: dt.date, cache: BuildCache):
    indexer = multiprocessing.get_context("fork").Process(target=_index_search, args=(root, out, today, cache))
    indexer.start()
    return indexer


def _stop(process) -> None:
    if process is not None and process.is_alive():
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        process.terminate()
        process.join()


def serve_site(root: Path, port: int, today: dt.date, poll: bool = False) -> None:
    with _only_preview(root):
        _serve(root, port, today, poll)


def _serve(root: Path, port: int, today: dt.date, poll: bool) -> None:
    out = root / "_site"
    handler = type("Handler", (_Handler,), {"status": preview.Status()})
    server = _listen(port, functools.partial(handler, directory=str(out)))  # before building: a busy port fails at once
    cache = BuildCache(root, in_memory=True)  # the loaded content files stay in memory between rebuilds
    with watching(root, poll) as changes:  # before the first build: a file saved during it is rebuilt after
        if not _rebuild(root, out, today, handler.status, with_search=True, cache=cache) and not out.is_dir():
            server.server_close()
            raise click.ClickException("Fix the errors above, then run 'catalogue serve' again.")
        threading.Thread(target=server.serve_forever, daemon=True).start()
        click.echo(f"Serving at http://127.0.0.1:{port}/ . Press Ctrl+C to stop.")
        try:
            _rebuild_on_change(root, out, today, handler.status, changes, cache)
        except KeyboardInterrupt:
            click.echo("Stopped.")
        finally:
            server.shutdown()


def _rebuild_on_change(root: Path, out: Path, today: dt.date, status: preview.Status, changes: Changes,
                       cache: BuildCache) -> None:
    """After each burst of changes: rebuild without search (content only: in place); once INDEX_AFTER
    seconds pass without another change, index search in the background."""
    indexer, unindexed = None, False
    try:
        while True:
            changed = changes.wait(INDEX_AFTER if unindexed else None)
            if not changed:  # a pause after a rebuild
                indexer, unindexed = _start_indexer(root, out, today, cache), False
                continue
            _stop(indexer)
            indexer = None
            click.echo(f"{sorted(changed)[0] if len(changed) == 1 else f'{len(changed)} files'} changed: rebuilding.")
            content_only = all(Path(path).parts[0] == "content" for path in changed)
            unindexed = _rebuild(root, out, today, status, with_search=False, cache=cache, in_place=content_only) or unindexed
    finally:
        _stop(indexer)


@contextlib.contextmanager
def _only_preview(root: Path):
    """One `catalogue serve` per site at a time: a second would build the same output folder and
    swap it from under the first. The lock (in the build cache) goes with the process, however it ends."""
    folder = root / CACHE_FOLDER
    folder.mkdir(exist_ok=True)
    with open(folder / LOCK, "a+", encoding="ascii") as lock:
        if not _locked(lock):
            lock.seek(0)
            other = lock.read().strip()
            raise click.ClickException(
                f"another 'catalogue serve' is previewing this site already{f' (process {other})' if other.isdigit() else ''}. "
                "Use the page it serves, or stop it (Ctrl+C in its terminal) and run this again.")
        lock.seek(0)
        lock.truncate()
        lock.write(str(os.getpid()))
        lock.flush()
        yield


def _locked(file) -> bool:
    """An exclusive lock on the open file, or False if another process holds one."""
    try:
        if sys.platform == "win32":
            import msvcrt
            msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a page reloaded mid-answer is no news for the terminal
            super().handle_error(request, client_address)


def _listen(port: int, handler) -> http.server.ThreadingHTTPServer:
    try:
        return _Server(("127.0.0.1", port), handler)
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            raise click.ClickException(f"port {port} is already in use (another preview, or another program, is using it). "
                                       f"Stop it, or choose another port: catalogue serve --port {port + 1}") from err
        raise
