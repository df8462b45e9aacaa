"""What `catalogue serve` adds to pages it sends (never to the built files): a script that
reloads the page after each successful rebuild and, while the content has errors, shows them
over the page (file, line, message). The script is a file of its own, not inline code, so it
works under the site's content security policy.
"""

from __future__ import annotations

import json
import threading

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
  function poll() {
    fetch("/__catalogue/status", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.build !== seen && !s.problems.length) { location.reload(); return; }
      seen = s.build;
      show(s.problems);
    }).catch(function () {}).then(function () { setTimeout(poll, 100); });
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

# The site's service worker keeps every file but pages for good, so it would answer the
# status poll with its first reply for ever: the preview server puts this before its code.
WORKER_PREFIX = b"""\
self.addEventListener("fetch", (event) => {
  if (new URL(event.request.url).pathname.startsWith("/__catalogue/")) event.stopImmediatePropagation();
});
"""


class Status:
    """The build number and the problems of the last build, shared by the watcher and the server."""

    def __init__(self):
        self._lock = threading.Lock()
        self.build = 0
        self.problems: list[dict] = []

    def succeeded(self) -> None:
        with self._lock:
            self.build += 1
            self.problems = []

    def failed(self, problems: list[Problem]) -> None:
        with self._lock:
            self.problems = [{"path": p.path, "line": p.line,
                              "text": str(p).removeprefix(f"{p.path}:{p.line}: " if p.line else f"{p.path}: ")}
                             for p in problems]

    def as_json(self) -> bytes:
        with self._lock:
            return json.dumps({"build": self.build, "problems": self.problems}).encode()


def preview_file(path: str, status: Status) -> tuple[str, bytes] | None:
    """(content type, body) of the preview's own files, or None for a path of the site."""
    if path == PREFIX + "preview.js":
        return "text/javascript; charset=utf-8", SCRIPT.encode()
    if path == PREFIX + "preview.css":
        return "text/css; charset=utf-8", STYLE.encode()
    if path.split("?")[0] == PREFIX + "status":
        return "application/json", status.as_json()
    return None
