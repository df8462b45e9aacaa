"""A full-page picture of each page kind, standard and Easy Read, at 1280 and 375 px wide, for a person to look at;
the worst-case service page and its Easy Read twin at 320 px too.

Saved as test-output/screenshots/NAME-WIDTH.png (git-ignored; CI keeps the folder as an artifact)."""

from __future__ import annotations

import struct

import pytest

from .a11y import (DESKTOP, NARROW, PHONE, SCREENSHOT_PAGES, SCREENSHOTS, WORST_CASE_EASY_SERVICE, WORST_CASE_SERVICE,
                   page_id, visit)


def png_size(path) -> tuple[int, int]:
    with open(path, "rb") as file:
        head = file.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


# Each page kind at 1280 and 375 px; and the worst-case service page and its Easy Read twin at 320 px (issue 18).
SHOTS = [(p, v) for p in SCREENSHOT_PAGES for v in (DESKTOP, PHONE)] + [(p, NARROW) for p in (WORST_CASE_SERVICE, WORST_CASE_EASY_SERVICE)]


@pytest.mark.parametrize("site_page, viewport", SHOTS, ids=[f"{page_id(p)}-{v['width']}" for p, v in SHOTS])
def test_screenshot_of_each_page_kind_is_saved(page, site_url, site_page, viewport):
    visit(page, site_url, site_page.url, viewport)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{page_id(site_page)}-{viewport['width']}.png"
    page.screenshot(path=str(path), full_page=True, animations="disabled", caret="initial")
    width, height = png_size(path)
    assert width == viewport["width"] and height >= 300, (width, height)  # the whole page, not a blank strip
