"""200% zoom (checklist CI-6, P-13 in part): a window of its own, drawn at twice the resolution. Reflow at 320 CSS
px and WCAG 1.4.12 text spacing on every page are checked in test_every_page.py."""

from __future__ import annotations

import pytest

from .a11y import ALL_PAGES, DESKTOP, page_id, reflow_problems, visit

ZOOM_200 = {"width": DESKTOP["width"] // 2, "height": DESKTOP["height"] // 2}  # a 1280 x 800 window at 200%


@pytest.fixture(scope="module")
def zoomed(new_context):
    """A 1280 x 800 window at 200% zoom: 640 x 400 CSS pixels, drawn at twice the resolution."""
    return new_context(viewport=ZOOM_200, device_scale_factor=2).new_page()


@pytest.mark.parametrize("site_page", ALL_PAGES, ids=page_id)
def test_at_200_percent_zoom_skip_link_nav_heading_and_content_stay_visible(zoomed, site_url, site_page):
    visit(zoomed, site_url, site_page.url, ZOOM_200)
    problems = reflow_problems(zoomed)
    assert not problems, "\n".join(problems)
    shown = zoomed.evaluate("""() => {
        const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect();
          return {w: r.width, h: r.height, left: r.left, right: r.right, visible: el.checkVisibility({opacityProperty: true})}; };
        return {nav: box(document.querySelector('nav.site-nav')), h1: box(document.querySelector('main h1')),
                main: box(document.querySelector('main#main-content'))}; }""")
    for part, box in shown.items():
        assert box is not None, f"no {part}"
        assert box["visible"] and box["w"] > 0 and box["h"] > 0, f"{part} is not visible at 200% zoom: {box}"
        assert box["left"] >= 0 and box["right"] <= ZOOM_200["width"] + 0.5, f"{part} does not fit the width: {box}"
    zoomed.keyboard.press("Tab")
    skip = zoomed.evaluate("""() => { const el = document.activeElement, r = el.getBoundingClientRect();
        return {cls: el.className, left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }""")
    assert skip["cls"] == "skip-link"
    assert skip["left"] >= 0 and skip["right"] <= ZOOM_200["width"] and skip["top"] >= 0 and skip["bottom"] <= ZOOM_200["height"], skip
