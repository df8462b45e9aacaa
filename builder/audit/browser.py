"""Serving a built site under its sub-path, and launching headless Chromium with Playwright.

The browser tests use these too (tests/browser_support.py), so the audit and the tests open pages the same way.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import click

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
# Where Chromium-based browsers are installed: Debian's package, then Google Chrome (GitHub's Ubuntu runners).
# Ubuntu's /usr/bin/chromium-browser is left out: it is a stub that asks for a snap.
KNOWN_BROWSERS = ("/usr/bin/chromium", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
                  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome")
INSTALL_AUDIT = 'pip install "day-opportunities-catalogue[audit]"'


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder at the sub-path only, as GitHub Pages serves a project site; 404 elsewhere."""

    sub_path = "/"

    def translate_path(self, path):
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.sub_path):
            return os.path.join(self.directory, "__outside_the_sub_path__")
        return super().translate_path("/" + path[len(self.sub_path):])

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path, sub_path: str = "/"):
    """Yields the base URL (ending in `sub_path`, such as "/day-opportunities/") of `folder` served on 127.0.0.1."""
    handler = type("Handler", (_SubPathHandler,), {"sub_path": sub_path})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{sub_path}"
    finally:
        server.shutdown()
        server.server_close()


def find_chromium(given: str | None = None) -> str | None:
    """The browser to run: `given` (--chromium or CHROMIUM), else the first installed of KNOWN_BROWSERS;
    None means Playwright's own download (`playwright install chromium`)."""
    if given:
        found = shutil.which(given) or (given if Path(given).is_file() else None)
        if not found:
            raise click.ClickException(f"the browser {given} is not there. Name an installed Chromium or Google Chrome "
                                       "with --chromium or the CHROMIUM environment variable.")
        return found
    return next((path for path in KNOWN_BROWSERS if Path(path).is_file()), None)


def sync_playwright():
    """Playwright's sync API, or a plain message saying how to install it."""
    try:
        from playwright.sync_api import sync_playwright as start
    except ImportError:
        raise click.ClickException(f"catalogue audit needs Playwright, which is not installed. Install the audit extra: "
                                   f"{INSTALL_AUDIT}") from None
    return start()


def launch(playwright, executable: str | None):
    """Headless Chromium: `executable`, or Playwright's own browser when it is None."""
    from playwright.sync_api import Error
    try:
        return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    except Error as err:
        if executable:
            raise click.ClickException(f"Chromium at {executable} did not start: {str(err).splitlines()[0]}") from err
        raise click.ClickException("no Chromium or Google Chrome was found. Install one (on Debian: apt-get install "
                                   "chromium), name it with --chromium or CHROMIUM, or run 'playwright install chromium'.") from err
