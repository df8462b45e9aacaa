"""What the audit asks of each page open in Chromium: axe-core's WCAG 2.0 to 2.2 A and AA rules, and reflow
at 320 CSS px. The browser tests run the same functions (tests/browser/a11y.py)."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
AXE = HERE / "axe" / "axe.min.js"  # axe-core, copied from node_modules/axe-core (axe/VERSION says which)
PAGE_LIBRARY = (HERE / "page_library.js").read_text(encoding="utf-8")
# The tests add best-practice; the audit holds a council's pages to WCAG itself.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}  # WCAG 1.4.10 reflow


def axe_version() -> str:
    return json.loads((HERE / "axe" / "VERSION.json").read_text(encoding="utf-8"))["version"]


def run_axe(page, tags: list[str] = WCAG_TAGS) -> dict:
    """axe-core on the page as it is now, with the rules of `tags`.

    A default axe.run() skips target-size (WCAG 2.5.8): runOnly with the tags turns it on."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # evaluated, not added as a <script>: the page's policy rightly refuses inline code
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", tags)


def axe_findings(result: dict) -> list[tuple[str, str]]:
    """(rule id, what is wrong and where) for each violated rule."""
    found = []
    for rule in result["violations"]:
        targets = [" ".join(" >> ".join(t) if isinstance(t, list) else t for t in node["target"]) for node in rule["nodes"]]
        shown = ", ".join(targets[:3]) + (f" and {len(targets) - 3} more" if len(targets) > 3 else "")
        count = f"{len(targets)} element{'s' if len(targets) != 1 else ''}"
        found.append((rule["id"], f"{rule['help']} ({count}: {shown}) {rule['helpUrl']}"))
    return found


def reflow_problems(page) -> list[str]:
    """WCAG 1.4.10: at 320 CSS px nothing needs horizontal scrolling; names what sticks out.

    Needs PAGE_LIBRARY installed in the page (context.add_init_script)."""
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    if width <= viewport:
        return []
    wide = page.evaluate("""vw => [...document.querySelectorAll('body *')]
        .filter(el => el.getBoundingClientRect().right > vw + 0.5 && el.checkVisibility() && !__a11y.visuallyHidden(el))
        .filter(el => !el.parentElement || el.parentElement.getBoundingClientRect().right <= vw + 0.5)
        .slice(0, 8).map(el => __a11y.describe(el) + ' ends at ' + Math.round(el.getBoundingClientRect().right) + 'px')""", viewport)
    return [f"{width}px wide in a {viewport}px window: " + "; ".join(wide)]
