"""Printing a service page (print.css): what a person needs on paper stays, the navigation goes."""

from __future__ import annotations

import pytest

from .a11y import EASY_SERVICE, SCREENSHOTS, SERVICE, visit

_SHOWN = """sel => { const el = document.querySelector(sel); if (!el) return null; const r = el.getBoundingClientRect();
  return {text: el.innerText.trim(), visible: el.checkVisibility({opacityProperty: true, visibilityProperty: true}) && r.width > 0 && r.height > 0}; }"""
_DISPLAY = "sel => [...document.querySelectorAll(sel)].map(el => getComputedStyle(el).display)"


@pytest.mark.parametrize("url", [SERVICE, "services/brightpath-support/brightpath-community-support/"], ids=["with-times", "one-to-one"])
def test_printed_service_page_keeps_name_phone_times_and_address_without_navigation(page, site_url, url):
    visit(page, site_url, url)
    page.emulate_media(media="print")
    try:
        name = page.evaluate(_SHOWN, "main h1")
        assert name and name["visible"] and name["text"]
        phone = page.evaluate(_SHOWN, 'main a[href^="tel:"]')
        assert phone and phone["visible"] and phone["text"][:1].isdigit(), phone
        if url == SERVICE:
            times = page.evaluate(_SHOWN, "main table.times")
            assert times and times["visible"] and "Opening times" in times["text"], times
        address = page.evaluate("""() => [...document.querySelectorAll('main *')].filter(el => el.children.length === 0
            && /^Printed from https:\\/\\//.test((el.innerText || '').trim())).map(el => ({text: el.innerText.trim(),
            visible: el.checkVisibility() && el.getBoundingClientRect().height > 0}))""")
        assert len(address) == 1 and address[0]["visible"], address
        assert address[0]["text"].endswith(url), address  # the page's own address, so the paper leads back to it
        for hidden in ("nav.site-nav", "nav.breadcrumbs", "footer nav", ".skip-link"):
            displays = page.evaluate(_DISPLAY, hidden)
            assert displays and set(displays) == {"none"}, f"{hidden} is printed: display {displays}"
        if url == SERVICE:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "print-service-with-locations.png"), full_page=True)
    finally:
        page.emulate_media(media="screen")


def test_address_line_is_hidden_on_screen(page, site_url):
    visit(page, site_url, SERVICE)
    assert page.evaluate(_DISPLAY, ".print-only") == ["none"]


def test_printed_easy_read_service_page_keeps_its_pictures_and_phone_without_navigation(page, site_url):
    visit(page, site_url, EASY_SERVICE)
    page.emulate_media(media="print")
    try:
        assert page.evaluate(_SHOWN, "main h1")["visible"]
        assert page.evaluate(_SHOWN, 'main a[href^="tel:"]')["visible"]
        assert page.evaluate("() => [...document.querySelectorAll('.er-row img')].every(img => img.getBoundingClientRect().width >= 64)")
        for hidden in ("nav.site-nav", "nav.breadcrumbs", "footer nav"):
            assert set(page.evaluate(_DISPLAY, hidden)) == {"none"}, hidden
    finally:
        page.emulate_media(media="screen")
