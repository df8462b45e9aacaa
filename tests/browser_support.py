"""Serving a built site under a sub-path, and launching Debian's Chromium with Playwright."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
SUB_PATH = "/day-opportunities/"


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder at SUB_PATH only, as GitHub Pages serves a project site; 404 elsewhere."""

    def translate_path(self, path):
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(SUB_PATH):
            return os.path.join(self.directory, "__outside_the_sub_path__")
        return super().translate_path("/" + path[len(SUB_PATH):])

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """Yields the base URL (ending in SUB_PATH) of `folder` served on 127.0.0.1."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SubPathHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright):
    """Headless Chromium: Debian's package, since Playwright cannot download browsers here."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run .ci/setup, which installs Debian's chromium package")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


# Installed in every page: each content security policy violation is kept in the page
# (window.__policyViolations) and told to the test (the __policyViolation binding).
REPORT_POLICY_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  const found = { directive: event.effectiveDirective, blocked: event.blockedURI, page: event.documentURI,
                  sample: event.sample, line: event.lineNumber };
  (window.__policyViolations = window.__policyViolations || []).push(found);
  if (window.__policyViolation) window.__policyViolation(found);
});
"""


def record_policy_violations(browser, found: list) -> None:
    """Every context `browser` makes reports its pages' policy violations into `found`."""
    make_context = browser.new_context

    def new_context(**options):
        context = make_context(**options)
        context.expose_binding("__policyViolation", lambda source, violation: found.append(violation))
        context.add_init_script(REPORT_POLICY_VIOLATIONS)
        return context

    browser.new_context = new_context
