"""Easy Read pictures at the sizes accessibility.md gives (checklist ER-1, ER-2). The layout of every Easy Read page
(ER-1, ER-2, ER-5, ER-6) is measured in test_every_page.py."""

from __future__ import annotations

from .a11y import DESKTOP, EASY_SERVICE, visit


def test_easy_read_service_page_rows_hold_pictures_of_96px_on_a_wide_screen(page, site_url):
    """A direct check of the numbers in accessibility.md, on the page people use most."""
    visit(page, site_url, EASY_SERVICE, DESKTOP)
    sizes = page.evaluate("() => [...document.querySelectorAll('main .er-row > img')].map(i => [i.width, i.height])")
    assert len(sizes) >= 8 and all(w >= 96 and h >= 96 for w, h in sizes), sizes
