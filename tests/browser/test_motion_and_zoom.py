"""Reduced motion (checklist P-9) and font sizes that browser text zoom can scale (WCAG 1.4.4)."""

from __future__ import annotations

import re

import pytest

from .a11y import EASY_SERVICE, PROJECT, SERVICE, add_user_css, visit

ASSETS = PROJECT / "templates" / "assets"
SCREEN_STYLESHEETS = ["style.css", "easy.css", "search.css"]

_MOVING = """() => {
  const seconds = (list) => Math.max(0, ...list.split(',').map(v => parseFloat(v) * (v.trim().endsWith('ms') ? 0.001 : 1)));
  const out = [];
  for (const el of document.querySelectorAll('*')) {
    for (const pseudo of [null, '::before', '::after']) {
      const s = getComputedStyle(el, pseudo);
      const animated = s.animationName !== 'none' && seconds(s.animationDuration) > 0.01;
      const transition = s.transitionProperty !== 'none' && seconds(s.transitionDuration) > 0.01;
      if (animated || transition)
        out.push(`${__a11y.describe(el)}${pseudo || ''}: animation ${s.animationName} ${s.animationDuration}, transition ${s.transitionProperty} ${s.transitionDuration}`);
    }
  }
  for (const a of document.getAnimations()) out.push(`running animation on ${__a11y.describe(a.effect.target)}`);
  return out;
}"""


@pytest.mark.parametrize("url", ["", SERVICE, EASY_SERVICE, "search/?q=dementia", "easy-read/search/?q=dementia", "a-to-z/"],
                         ids=lambda url: url or "home")
def test_with_reduced_motion_nothing_animates_or_transitions(page, site_url, url):
    visit(page, site_url, url)
    page.emulate_media(reduced_motion="reduce")
    try:
        problems = page.evaluate(_MOVING)
        assert not problems, "\n".join(problems)
    finally:
        page.emulate_media(reduced_motion="no-preference")


def test_reduced_motion_rule_in_the_stylesheet_turns_off_animation_and_transition():
    css = (ASSETS / "style.css").read_text(encoding="utf-8")
    block = re.search(r"@media\s*\(prefers-reduced-motion:\s*reduce\)\s*\{(.*?)\}\s*\}", css, re.S)
    assert block, "style.css has no prefers-reduced-motion: reduce rule"
    assert "animation: none" in block.group(1) and "transition: none" in block.group(1)


def font_sizes(css: str) -> list[tuple[int, str]]:
    """(line, value) of every font-size declaration, and of the size in `font:` shorthands."""
    found = []
    for number, line in enumerate(css.splitlines(), 1):
        for value in re.findall(r"font-size\s*:\s*([^;}]+)", line):
            found.append((number, value.strip()))
        for value in re.findall(r"(?<![-\w])font\s*:\s*([^;}]+)", line):
            if value.strip() not in ("inherit", "initial", "unset", "revert"):
                found.append((number, value.strip()))
    return found


@pytest.mark.parametrize("name", SCREEN_STYLESHEETS)
def test_screen_font_sizes_are_relative_so_text_zoom_can_scale_them(name):
    css = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), (ASSETS / name).read_text(encoding="utf-8"), flags=re.S)
    fixed = [f"{name}:{line}: font-size {value}" for line, value in font_sizes(css)
             if re.search(r"\d(px|pt|pc|cm|mm|in|Q)\b", value) or re.search(r"\dv(w|h|min|max)\b", value)]
    assert fixed == [], "use rem, em or % so browser text size settings apply:\n" + "\n".join(fixed)
    # at least the body size is set, and in rem: a person's default font size setting still counts
    if name == "style.css":
        assert re.search(r"body\s*\{[^}]*font-size:\s*[\d.]+rem", css, re.S)


def test_doubling_the_browser_default_font_size_doubles_the_body_text(new_context, site_url):
    """A person who sets a larger default font size in their browser gets larger text (rem, not px)."""
    context = new_context()
    page = context.new_page()
    visit(page, site_url, SERVICE)
    normal = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    add_user_css(page, "html { font-size: 200% !important; }")  # what a 32px default does to rem
    bigger = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    assert bigger == pytest.approx(normal * 2, rel=0.01)
    page.close()
