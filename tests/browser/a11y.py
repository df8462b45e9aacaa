"""What the browser accessibility tests share: the pages they visit, axe-core, and checks that run in the page.

Each check is a function that returns a list of problems (readable sentences), so that a test can
assert the list is empty on the sample site, and the breakage tests can assert that a broken template
produces the problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from builder.audit.checks import AXE, NARROW, PAGE_LIBRARY, reflow_problems  # noqa: F401 (the tests import them from here)
from builder.audit.checks import run_axe as _run_axe

PROJECT = Path(__file__).resolve().parents[2]
VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS = PROJECT / "test-output" / "screenshots"
SAMPLE = PROJECT / "tests" / "fixtures" / "sample"  # the copy of the sample the tests build
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]  # the audit's, and best practice
EASY = "easy-read/"

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}


SAMPLE_SITE = "sample"  # which built site a page is on: the keys of the conftest's *_url fixtures
WORST_CASE = "worst_case"  # tests/fixtures/worst-case: every field at its longest (issue 18)
INIT = "init"  # a new council's site from `catalogue init` with one listing (issue 12)
BILINGUAL = "bilingual"  # tests/fixtures/bilingual: Welsh at the root, English under en/ (issue 12)


@dataclass(frozen=True)
class SitePage:
    name: str  # what kind of page, for test ids and screenshot names
    url: str  # from the site root
    site: str = SAMPLE_SITE  # which built site it is on: the conftest's site_url serves that one

    @property
    def easy(self) -> bool:
        return self.url.startswith(EASY)

    @property
    def is_search(self) -> bool:
        return urlsplit(self.url).path.removeprefix(EASY) == "search/"

    def __str__(self) -> str:
        return self.url or "(home)"


# One page of every kind in the sample site (content/), standard and Easy Read.
_KINDS = [
    ("home", ""),
    ("service-with-locations", "services/riverside-care/riverside-day-centre/"),
    ("service-one-to-one", "services/brightpath-support/brightpath-community-support/"),
    ("service-closed", "services/redvale-council/millbrook-resource-centre/"),
    ("service-hub", "services/redvale-council/orchard-house-hub/"),
    ("provider", "providers/riverside-care/"),
    ("providers", "providers/"),
    ("areas", "areas/"),
    ("area", "areas/kingsford/"),
    ("who-for", "who-for/"),
    ("who-for-group", "who-for/dementia/"),
    ("types", "types/"),
    ("type", "types/day-centre/"),
    ("activities", "activities/"),
    ("activity", "activities/gardening/"),
    ("a-to-z", "a-to-z/"),
    ("information", "support-for-carers/"),
    ("credits", "credits/"),
    ("statement", "accessibility-statement/"),
    ("open-data", "open-data/"),
    ("my-list", "my-list/"),
    ("offline", "offline/"),
    ("not-found", "404.html"),
    ("search", "search/"),
    ("search-results", "search/?q=dementia"),
]
# Search states beyond "with results" (checklist CI-3): no results, filters applied, page 2.
_SEARCH_STANDARD = [
    ("search-no-results", "search/?q=xylophone"),
    ("search-filtered", "search/?q=dementia&area=Redvale+City"),
    ("search-page-2", "search/?kind=Service&page=2"),
]
_SEARCH_EASY = [
    ("search-filtered", "search/?who=People+with+dementia"),
]

# The worst-case fixture site: the page kinds its long names, addresses and notes stretch most.
_WORST_CASE_KINDS = [
    ("home", ""),
    ("service-everything", "services/cymdeithas-gofal/canolfan-ddydd/"),
    ("service-one-to-one", "services/cymdeithas-gofal/cefnogaeth-un-i-un/"),
    ("service-closed", "services/cymdeithas-gofal/clwb-cinio/"),
    ("provider-40-services", "providers/gwasanaethau-lu/"),
    ("provider", "providers/cymdeithas-gofal/"),
    ("area-empty", "areas/nobody-here/"),
    ("who-for-group", "who-for/dementia/"),
    ("a-to-z", "a-to-z/"),
    ("information", "talu/"),
    ("search-results", "search/?q=Gwasanaeth"),
]
def _both_versions(kinds: list[tuple[str, str]], site: str) -> tuple[list[SitePage], list[SitePage]]:
    """The standard and the Easy Read pages of `site` for each (name, url)."""
    return [SitePage(name, url, site) for name, url in kinds], [SitePage(name, EASY + url, site) for name, url in kinds]


WORST_CASE_STANDARD, WORST_CASE_EASY = _both_versions(_WORST_CASE_KINDS, WORST_CASE)


# The site `catalogue init` starts (the init_site fixture): its home page, a service added with
# `catalogue new`, and a draft information page, standard and Easy Read.
_INIT_KINDS = [
    ("home", ""),
    ("service", "services/northdale-care/friday-lunch-club/"),
    ("information", "privacy/"),
]
INIT_STANDARD, INIT_EASY = _both_versions(_INIT_KINDS, INIT)

# The bilingual site's Welsh pages (at its root): home, a service, an information page, standard and Easy Read.
_BILINGUAL_KINDS = [
    ("home", ""),
    ("service", "services/testshire-care/garden-club/"),
    ("information", "about/"),
]
BILINGUAL_STANDARD, BILINGUAL_EASY = _both_versions(_BILINGUAL_KINDS, BILINGUAL)

STANDARD_PAGES = [SitePage(name, url) for name, url in _KINDS + _SEARCH_STANDARD] + WORST_CASE_STANDARD + INIT_STANDARD + BILINGUAL_STANDARD
EASY_PAGES = [SitePage(name, EASY + url) for name, url in _KINDS + _SEARCH_EASY] + WORST_CASE_EASY + INIT_EASY + BILINGUAL_EASY
ALL_PAGES = STANDARD_PAGES + EASY_PAGES
# The pages a screenshot is kept of: one of each kind, without the extra search states.
SCREENSHOT_PAGES = [SitePage(name, url) for name, url in _KINDS] + [SitePage(name, EASY + url) for name, url in _KINDS]

SERVICE = "services/riverside-care/riverside-day-centre/"
EASY_SERVICE = EASY + SERVICE
WORST_CASE_SERVICE, WORST_CASE_EASY_SERVICE = (pages[1] for pages in (WORST_CASE_STANDARD, WORST_CASE_EASY))
INIT_SERVICE, INIT_EASY_SERVICE = (pages[1] for pages in (INIT_STANDARD, INIT_EASY))


def page_id(site_page: SitePage) -> str:
    site = {WORST_CASE: "worst-case-", INIT: "init-", BILINGUAL: "bilingual-cy-"}.get(site_page.site, "")
    return site + ("easy-" if site_page.easy else "") + site_page.name


# ---------------------------------------------------------------- loading a page

def visit(page, base_url: str, url: str, viewport: dict = DESKTOP) -> None:
    """Open a page of the served site at a viewport, as screen media, and wait until it is settled:
    fonts and images loaded, and search (which runs in the page) showing its answer."""
    page.emulate_media(media="screen", reduced_motion="no-preference")
    if page.viewport_size != viewport:
        page.set_viewport_size(viewport)
    response = page.goto(base_url + url, wait_until="load")
    assert response is not None and response.ok, f"{url}: HTTP {response.status if response else 'no response'}"
    if urlsplit(url).path.removeprefix(EASY) == "search/":
        settle_search(page, bool(urlsplit(url).query))
    page.evaluate("document.fonts.ready")


def settle_search(page, has_query: bool) -> None:
    # search.js hides the no-JavaScript help as it starts; with a query in the address it then
    # announces the number of results in the status region.
    page.wait_for_function("() => document.getElementById('search-nojs')?.hidden", timeout=15000)
    if has_query:
        page.wait_for_function(
            "() => { const s = (document.getElementById('search-status') || {}).textContent || '';"
            " return /result|we found|anlyniad|daethon|a gafwyd/i.test(s) && !/^(Finding|Searching)/.test(s); }", timeout=15000)  # Easy Read: 'We found ...'; Welsh too (canlyniad, o ganlyniadau)


# ---------------------------------------------------------------- axe-core

def run_axe(page) -> dict:
    """axe-core (the copy catalogue audit ships) on the page as it is now, with the WCAG 2.2 A/AA and best-practice rules."""
    return _run_axe(page, AXE_TAGS)


def rules_that_ran(result: dict) -> set[str]:
    return {rule["id"] for kind in ("passes", "violations", "inapplicable", "incomplete") for rule in result[kind]}


def violation_ids(result: dict) -> set[str]:
    return {rule["id"] for rule in result["violations"]}


def violation_report(url: str, result: dict) -> str:
    """Rule, impact, help, then each failing element's selector and HTML: what a person needs to fix it."""
    lines = [f"{url}: {len(result['violations'])} axe-core violation(s)"]
    for rule in result["violations"]:
        lines.append(f"  {rule['id']} ({rule['impact']}): {rule['help']}  [{rule['helpUrl']}]")
        for node in rule["nodes"][:10]:
            target = " ".join(" >> ".join(t) if isinstance(t, list) else t for t in node["target"])
            lines.append(f"    at {target}")
            lines.append(f"       {node['html'][:200]}")
            summary = " ".join(node.get("failureSummary", "").split())
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(rule["nodes"]) > 10:
            lines.append(f"    ... and {len(rule['nodes']) - 10} more")
    return "\n".join(lines)


# ---------------------------------------------------------------- checks that run in the page


# Before tabbing: number every element the Tab key should reach, and note how each looks unfocused.
_MARK_TABBABLE = """() => {
  const list = __a11y.tabbable();
  window.__unfocused = list.map(el => __a11y.focusStyle(el));
  list.forEach((el, i) => el.setAttribute('data-tab-order', String(i)));
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  return list.map(el => __a11y.describe(el));
}"""

# After each Tab: which element has focus, and is its focus visible (WCAG 2.4.7, 2.4.11, 2.4.13 in part)?
_FOCUSED = r"""() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const order = el.getAttribute('data-tab-order');
  const now = __a11y.focusStyle(el), before = order === null ? null : window.__unfocused[Number(order)];
  const r = el.getBoundingClientRect();
  const problems = [];
  if (r.width <= 0 || r.height <= 0) problems.push('has no size');
  if (__a11y.opacity(el) <= 0) problems.push('is transparent (opacity 0)');
  if (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) problems.push('is outside the viewport');
  const outline = now.outlineStyle !== 'none' && parseFloat(now.outlineWidth) >= 2 && (__a11y.parse(now.outlineColor) || [0, 0, 0, 0])[3] > 0;
  const shadow = now.boxShadow !== 'none';
  if (!outline && !shadow) problems.push(`has no focus indicator (outline ${now.outlineWidth} ${now.outlineStyle}, box-shadow none)`);
  if (before && JSON.stringify(before) === JSON.stringify(now)) problems.push('looks the same focused and unfocused');
  // The indicator's colours against what surrounds the element (WCAG 1.4.11: 3:1).
  const around = __a11y.background(el.parentElement || document.body);
  const colours = [];
  if (outline) colours.push(__a11y.parse(now.outlineColor));
  if (shadow) for (const c of now.boxShadow.match(/rgba?\([^)]*\)|color\(srgb [^)]*\)/g) || []) colours.push(__a11y.parse(c));
  if (before && before.backgroundColor !== now.backgroundColor) colours.push(__a11y.parse(now.backgroundColor));
  const best = Math.max(0, ...colours.filter(c => c && c[3] > 0).map(c => __a11y.contrast(__a11y.over(c, around), around)));
  if ((outline || shadow) && best < 3) problems.push(`focus indicator contrast ${best.toFixed(2)}:1 against ${__a11y.hex(around)} (needs 3:1)`);
  // Text that changes colour on focus must still be readable (1.4.3).
  const fg = __a11y.parse(now.color), bg = __a11y.background(el);
  if (el.innerText && el.innerText.trim() && fg && __a11y.contrast(__a11y.over(fg, bg), bg) < 4.5)
    problems.push(`focused text contrast ${__a11y.contrast(__a11y.over(fg, bg), bg).toFixed(2)}:1`);
  return {order: order === null ? null : Number(order), name: __a11y.describe(el), problems};
}"""


def keyboard_problems(page, max_tabs: int = 200) -> list[str]:
    """Tab through the page from the top (checklist CI-9): every element the Tab key should reach is
    reached once, in document order, each with a visible focus indicator; Tab leaves the page (no trap)."""
    expected = page.evaluate(_MARK_TABBABLE)
    problems: list[str] = []
    reached: list[int] = []
    for step in range(1, max_tabs + 1):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused is None:  # focus left the page: the end of the tab order
            break
        if focused["order"] is None:
            problems.append(f"Tab {step} focused {focused['name']}, which is not a visible focusable element")
            continue
        if focused["order"] in reached:
            if focused["order"] == 0 and len(reached) == len(expected):
                break  # wrapped round to the skip link: the whole page was reached
            problems.append(f"Tab {step} went back to {focused['name']} (a focus trap, or an order out of DOM order)")
            break
        reached.append(focused["order"])
        for problem in focused["problems"]:
            problems.append(f"Tab {step}: {focused['name']} {problem}")
    else:
        problems.append(f"focus never left the page in {max_tabs} presses of Tab (a focus trap?)")
    if reached != sorted(reached):
        first = next(i for i in range(1, len(reached)) if reached[i] < reached[i - 1])
        problems.append(f"Tab order differs from the document order at Tab {first + 1}: "
                        f"{expected[reached[first - 1]]} then {expected[reached[first]]}")
    missed = [expected[i] for i in range(len(expected)) if i not in reached]
    if missed and len(expected) < max_tabs:
        problems.append(f"never reached by Tab: {', '.join(missed[:10])}")
    return problems


def skip_link_problems(page) -> list[str]:
    """The first Tab focuses a visible "Skip to main content" link; following it puts focus on <main id="main-content">.

    Call it on a page just opened: Chromium starts Tab from where focus last was, even after blur()."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    page.keyboard.press("Tab")
    first = page.evaluate("""() => { const el = document.activeElement, r = el.getBoundingClientRect();
        return {tag: el.tagName.toLowerCase(), cls: el.className, text: (el.innerText || '').trim(), href: el.getAttribute('href'),
                visible: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth, name: __a11y.describe(el)}; }""")
    if not (first["tag"] == "a" and first["href"] == "#main-content"):  # in any language: Welsh "Neidio i'r prif gynnwys"
        return [f"the first Tab focused {first['name']}, not a skip link"]
    problems = []
    if not first["visible"]:
        problems.append("the skip link is not visible when it has focus")
    page.keyboard.press("Enter")
    landed = page.evaluate("""() => { const el = document.activeElement;
        return {tag: el.tagName.toLowerCase(), id: el.id}; }""")
    if landed != {"tag": "main", "id": "main-content"}:
        problems.append(f"following the skip link ({first['href']}) put focus on <{landed['tag']} id={landed['id']!r}>, "
                        "not <main id=\"main-content\">")
    return problems


TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

_CLIPPED = """() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const s = getComputedStyle(el);
    const hideX = ['hidden', 'clip'].includes(s.overflowX), hideY = ['hidden', 'clip'].includes(s.overflowY);
    if (!hideX && !hideY) continue;
    if (!(el.innerText || '').trim() || __a11y.visuallyHidden(el) || !el.checkVisibility()) continue;
    if ((hideY && el.scrollHeight > el.clientHeight + 1) || (hideX && el.scrollWidth > el.clientWidth + 1))
      out.push(`${__a11y.describe(el)} clips its text (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
  }
  return out;
}"""


def add_user_css(page, css: str) -> None:
    """CSS a visitor's browser settings or extension would add: a constructed stylesheet, which the
    page's content security policy allows, where a <style> element (add_style_tag) is refused."""
    page.evaluate("css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
                  " document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }", css)


def text_spacing_problems(page) -> list[str]:
    """WCAG 1.4.12: with line height 1.5, paragraph spacing 2em, letter spacing 0.12em and word spacing
    0.16em forced on, nothing in an overflow-hidden box is cut off, and nothing scrolls sideways."""
    add_user_css(page, TEXT_SPACING_CSS)
    return page.evaluate(_CLIPPED) + [f"with text spacing, {problem}" for problem in reflow_problems(page)]




# Every element that holds text: its colour against the colour behind it (WCAG 1.4.3).
_TEXT_CONTRAST = r"""() => {
  const out = [];
  for (const el of __a11y.textElements(document.body)) {
    const s = getComputedStyle(el);
    const fg = __a11y.parse(s.color);
    if (!fg) { out.push(`${__a11y.describe(el)}: colour ${s.color} not understood`); continue; }
    const bg = __a11y.background(el);
    const ratio = __a11y.contrast(__a11y.over(fg, bg), bg);
    const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight, 10) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);  // 18pt, or 14pt bold
    const needed = large ? 3 : 4.5;
    if (ratio < needed)
      out.push(`${__a11y.describe(el)}: ${__a11y.hex(__a11y.over(fg, bg))} on ${__a11y.hex(bg)} is ${ratio.toFixed(2)}:1, needs ${needed}:1`);
  }
  return out;
}"""


def text_contrast_problems(page) -> list[str]:
    """WCAG 1.4.3 from the colours the browser computed: every piece of text against what is behind it."""
    return page.evaluate(_TEXT_CONTRAST)


# ER-1 and ER-2: in each row the picture comes first, is big enough, and sits left of (or, if the row wraps, above) its text.
_ROWS = r"""([minimum, mustBeLeft]) => {
  const out = [];
  const rows = [...document.querySelectorAll('main .er-row, main .er-button, main .picture-choices label')].filter(row => row.checkVisibility());
  rows.forEach((row, i) => {
    const first = row.firstElementChild;
    const where = `${row.className || row.tagName} ${i + 1} ("${row.innerText.trim().slice(0, 40)}")`;
    if (!first || first.tagName !== 'IMG') { out.push(`${where}: the picture is not first`); return; }
    const text = first.nextElementSibling;
    if (!text || !text.innerText.trim()) { out.push(`${where}: no text after the picture`); return; }
    const img = first.getBoundingClientRect(), words = text.getBoundingClientRect();
    if (img.width < minimum || img.height < minimum) out.push(`${where}: picture ${img.width}x${img.height}, needs ${minimum}x${minimum}`);
    const left = img.right <= words.left + 0.5, above = img.bottom <= words.top + 0.5;
    if (mustBeLeft ? !left : !(left || above)) out.push(`${where}: picture not ${mustBeLeft ? 'left of' : 'left of or above'} its text`);
  });
  return {count: rows.length, problems: out};
}"""


def easy_row_problems(page, minimum: int, must_be_left: bool) -> tuple[int, list[str]]:
    """ER-1 and ER-2: (number of picture rows, problems)."""
    rows = page.evaluate(_ROWS, [minimum, must_be_left])
    return rows["count"], rows["problems"]


# ER-5 and ER-6: big, spaced, left-aligned type with no italics or capitals.
_TYPE = r"""() => {
  const out = [];
  const body = getComputedStyle(document.body);
  if (parseFloat(body.fontSize) < 21) out.push(`body text is ${body.fontSize}, needs 21px or more`);
  if (parseFloat(body.lineHeight) / parseFloat(body.fontSize) < 1.5) out.push(`body line height is ${body.lineHeight}`);
  for (const el of __a11y.textElements(document.body)) {
    const s = getComputedStyle(el), name = __a11y.describe(el), size = parseFloat(s.fontSize);
    if (size < 19) out.push(`${name}: ${s.fontSize} text (at least 19px anywhere on an Easy Read page)`);
    if (s.fontStyle !== 'normal') out.push(`${name}: font-style ${s.fontStyle}`);
    if (['uppercase', 'capitalize'].includes(s.textTransform)) out.push(`${name}: text-transform ${s.textTransform}`);
    if (s.textDecorationLine.includes('underline') && !el.closest('a')) out.push(`${name}: underlined but not a link`);
    if (s.textDecorationLine.includes('line-through')) out.push(`${name}: struck through`);
    const control = el.closest('button, input, select, label.er-button');
    if (!control && !['left', 'start'].includes(s.textAlign)) out.push(`${name}: text-align ${s.textAlign}`);
    const block = el.closest('main p, main li, main dd');
    if (block && !el.closest('h1, h2, h3, h4')) {
      const bs = getComputedStyle(block);
      const ratio = bs.lineHeight === 'normal' ? 1.2 : parseFloat(bs.lineHeight) / parseFloat(bs.fontSize);
      if (ratio < 1.5 - 1e-6) out.push(`${__a11y.describe(block)}: line height ${bs.lineHeight} for ${bs.fontSize} text`);
    }
  }
  for (const tag of ['i', 'em', 'u', 's']) if (document.querySelector('main ' + tag)) out.push(`uses <${tag}>`);
  return out;
}"""


def easy_type_problems(page) -> list[str]:
    """ER-5 and ER-6 on an Easy Read page."""
    return page.evaluate(_TYPE)


# ---------------------------------------------------------------- colour

def hex_to_rgb(value: str) -> tuple[float, float, float]:
    value = value.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return tuple(int(value[i:i + 2], 16) for i in (0, 2, 4))


def contrast(a: str | tuple, b: str | tuple) -> float:
    def luminance(rgb):
        def channel(c):
            c /= 255
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b_ = (channel(c) for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_
    la, lb = (luminance(hex_to_rgb(x) if isinstance(x, str) else x) for x in (a, b))
    high, low = max(la, lb), min(la, lb)
    return (high + 0.05) / (low + 0.05)


def css_variables(css: str) -> dict[str, str]:
    block = re.search(r":root\s*\{([^}]*)\}", css)
    return dict(re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", block.group(1))) if block else {}
