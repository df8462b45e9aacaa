"""What `catalogue serve` adds to pages it sends (never to the built files): a script that
reloads the page after each successful rebuild and, while the content has errors, shows them
over the page (file, line, message). The script is a file of its own, not inline code, so it
works under the site's content security policy.
"""

from __future__ import annotations

import collections
import json
import threading
import time
import urllib.parse

from builder.core.errors import Problem

PREFIX = "/__catalogue/"
SCRIPT_TAG = f'<script src="{PREFIX}preview.js"></script>'.encode()

SCRIPT = """\
(function () {
  var seen = null;
  function show(problems) {
    var old = document.getElementById("catalogue-preview-problems");
    if (old) { old.remove(); }
    if (!problems.length) { return; }
    var box = document.createElement("section");
    box.id = "catalogue-preview-problems";
    box.setAttribute("role", "alert");
    box.setAttribute("aria-labelledby", "catalogue-preview-heading");
    var heading = document.createElement("h2");
    heading.id = "catalogue-preview-heading";
    heading.textContent = "The preview is out of date: fix " +
      (problems.length === 1 ? "this problem" : "these " + problems.length + " problems") + " and save again";
    var list = document.createElement("ul");
    problems.forEach(function (p) {
      var item = document.createElement("li");
      var where = document.createElement("code");
      where.textContent = p.path + (p.line ? ":" + p.line : "");
      item.appendChild(where);
      item.appendChild(document.createTextNode(" " + p.text));
      list.appendChild(item);
    });
    box.appendChild(heading);
    box.appendChild(list);
    document.body.insertBefore(box, document.body.firstChild);
  }
  // The server answers when the next build is done or has failed (a long poll): the page reloads
  // the moment its new copy is served. The pages open in a browser are rebuilt first and are news
  // before the rest of the site (`pages`: the pages live so far; null once all are). A hidden tab
  // asks once a second instead, without holding one of the browser's few connections to the preview.
  var here = location.pathname.replace(/index\\.html$/, "");
  var version = null;
  function mine(s) { return s.pages === null || s.pages.indexOf(here) >= 0; }
  function poll() {
    var waiting = version !== null && document.visibilityState !== "hidden";
    var query = "?page=" + encodeURIComponent(here) + (waiting ? "&after=" + version : "");
    fetch("/__catalogue/status" + query, {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.build !== seen && !s.problems.length && mine(s)) { location.reload(); return; }
      if (seen === null) { seen = mine(s) ? s.build : s.build - 1; }
      version = s.version;
      show(s.problems);
      setTimeout(poll, document.visibilityState === "hidden" ? 1000 : 0);
    }).catch(function () { setTimeout(poll, 1000); });
  }
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = "/__catalogue/preview.css";
  document.head.appendChild(css);
  poll();
})();
"""

STYLE = """\
#catalogue-preview-problems { position: fixed; inset: 0 0 auto 0; z-index: 1000; max-height: 70vh; overflow: auto;
  margin: 0; padding: 1rem 1.5rem; background: #fff; color: #0b0c0c; border-bottom: 0.5rem solid #d4351c;
  font: 1.125rem/1.4 system-ui, sans-serif; }
#catalogue-preview-problems h2 { margin: 0 0 0.5rem; font-size: 1.5rem; color: #d4351c; }
#catalogue-preview-problems li { margin-bottom: 0.5rem; }
#catalogue-preview-problems code { font-weight: bold; }
"""

# The copy of the site's service worker the preview server sends (never the built file) is inert:
# it saves nothing on install and answers no request. Else it would keep every file but pages for
# good (a changed stylesheet, the status poll's first reply), and download the whole site's search
# index from the preview server (tens of thousands of files at 10,000 services) while it rebuilds.
WORKER_PREFIX = b"""\
self.addEventListener("install", (event) => { event.stopImmediatePropagation(); self.skipWaiting(); });
self.addEventListener("fetch", (event) => event.stopImmediatePropagation());
"""


LONG_POLL = 20.0  # seconds a status request waits for news before it is answered anyway
OPEN_FOR = 3.0  # seconds a page that asked (a hidden tab asks every second) counts as open


class Status:
    """The build number and the problems of the last build, shared by the watcher, the build and the
    server. `version` counts every piece of news, so that a page can wait for the next. A build first
    makes live the pages open in a browser (`pages`, the paths live so far), then the rest (`pages`
    None): each is news, and the build number counts from the first."""

    def __init__(self):
        self._changed = threading.Condition()
        self.build = 0
        self.version = 0
        self.problems: list[dict] = []
        self.pages: frozenset[str] | None = None
        self._waiting: collections.Counter[str] = collections.Counter()  # pages asking now
        self._asked: dict[str, float] = {}  # page: when it last asked

    def open_pages(self) -> frozenset[str]:
        """The site's paths (like `services/a/b/`) of the pages open in a browser: waiting for news,
        or (a hidden tab) having asked in the last few seconds."""
        with self._changed:
            recent = time.monotonic() - OPEN_FOR
            self._asked = {page: asked for page, asked in self._asked.items() if asked > recent}
            waiting = [page for page, count in self._waiting.items() if count]
            return frozenset(page.removeprefix("/") for page in [*self._asked, *waiting])

    def live(self, pages: frozenset[str] | None = None, new_build: bool = True) -> None:
        """These pages (site paths) are in the served folder; None: the whole build is. `new_build`:
        the first news of a build (the open pages, or all of them)."""
        with self._changed:
            if new_build:
                self.build += 1
            self.problems = []
            self.pages = None if pages is None else frozenset("/" + page for page in pages)
            self._news()

    def failed(self, problems: list[Problem]) -> None:
        with self._changed:
            self.problems = [{"path": p.path, "line": p.line,
                              "text": str(p).removeprefix(f"{p.path}:{p.line}: " if p.line else f"{p.path}: ")}
                             for p in problems]
            self.pages = None
            self._news()

    def _news(self) -> None:
        self.version += 1
        self._changed.notify_all()

    def as_json(self, after: int | None = None, wait: float = LONG_POLL, page: str | None = None) -> bytes:
        """The status now; with `after` (a version the page has), once there is a newer one or
        `wait` seconds have passed. `page`: the path of the page asking."""
        with self._changed:
            if page is not None:
                self._waiting[page] += 1
            try:
                if after is not None:
                    self._changed.wait_for(lambda: self.version != after, timeout=wait)
            finally:
                if page is not None:
                    self._waiting[page] -= 1
                    self._asked[page] = time.monotonic()
            pages = None if self.pages is None else sorted(self.pages)
            return json.dumps({"build": self.build, "version": self.version, "problems": self.problems,
                               "pages": pages}).encode()


def preview_file(path: str, status: Status) -> tuple[str, bytes] | None:
    """(content type, body) of the preview's own files, or None for a path of the site."""
    if path == PREFIX + "preview.js":
        return "text/javascript; charset=utf-8", SCRIPT.encode()
    if path == PREFIX + "preview.css":
        return "text/css; charset=utf-8", STYLE.encode()
    address = urllib.parse.urlsplit(path)
    if address.path == PREFIX + "status":
        query = urllib.parse.parse_qs(address.query)
        after, page = query.get("after", [""])[0], query.get("page", [None])[0]
        return "application/json", status.as_json(int(after) if after.isdigit() else None, page=page)
    return None
