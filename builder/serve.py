"""`catalogue serve`: build, serve on 127.0.0.1, rebuild when the sources change.

The preview server adds a tiny script to each HTML page it sends (never to the built
files) that reloads the page after a successful rebuild.
"""

from __future__ import annotations

import datetime as dt
import errno
import functools
import http.server
import threading
import time
from pathlib import Path

import click

from builder.build import build_site
from builder.errors import ContentError

WATCHED = ("site.yaml", "content", "templates")
RELOAD_SCRIPT = b"""<script>
(function () {
  var seen = null;
  setInterval(function () {
    fetch("/__catalogue_build").then(function (r) { return r.text(); }).then(function (v) {
      if (seen !== null && v !== seen) { location.reload(); }
      seen = v;
    }).catch(function () {});
  }, 1000);
})();
</script>
"""


def snapshot(root: Path) -> dict[str, float]:
    """Modification times of every watched file, to notice edits, additions and deletions."""
    times: dict[str, float] = {}
    for name in WATCHED:
        path = root / name
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        for file in files:
            times[str(file)] = file.stat().st_mtime_ns
    return times


class _Handler(http.server.SimpleHTTPRequestHandler):
    build_number = 0

    def do_GET(self):
        if self.path == "/__catalogue_build":
            body = str(type(self).build_number).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            body = path.read_bytes().replace(b"</body>", RELOAD_SCRIPT + b"</body>")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, format, *args):  # keep the terminal for build messages
        pass


def _rebuild(root: Path, out: Path, today: dt.date) -> bool:
    try:
        built = build_site(root, out, today)
    except ContentError as err:
        for problem in err.problems.sorted():
            click.echo(str(problem), err=True)
        click.echo(f"{err.format_message()} The preview still shows the last good build.", err=True)
        return False
    click.echo(f"Built {built.pages} pages in {built.seconds:.1f}s.")
    return True


def serve_site(root: Path, port: int, today: dt.date) -> None:
    out = root / "_site"
    handler = type("Handler", (_Handler,), {})
    server = _listen(port, functools.partial(handler, directory=str(out)))  # before building: a busy port fails at once
    if not _rebuild(root, out, today) and not out.is_dir():
        server.server_close()
        raise click.ClickException("Fix the errors above, then run 'catalogue serve' again.")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    click.echo(f"Serving at http://127.0.0.1:{port}/ . Press Ctrl+C to stop.")
    seen = snapshot(root)
    try:
        while True:
            time.sleep(0.5)
            now = snapshot(root)
            if now != seen:
                seen = now
                if _rebuild(root, out, today):
                    handler.build_number += 1
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        server.shutdown()


def _listen(port: int, handler) -> http.server.ThreadingHTTPServer:
    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            raise click.ClickException(f"port {port} is already in use (another preview, or another program, is using it). "
                                       f"Stop it, or choose another port: catalogue serve --port {port + 1}") from err
        raise
