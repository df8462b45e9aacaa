"""Easy Read layout that only a browser can measure (checklist ER-1, ER-2, ER-5, ER-6)."""

from __future__ import annotations

import pytest

from .a11y import DESKTOP, EASY_PAGES, EASY_SERVICE, NARROW, easy_row_problems, easy_type_problems, page_id, visit

ROW_PAGES = [p for p in EASY_PAGES if p.name in (
    "home", "service-with-locations", "service-one-to-one", "service-closed", "service-hub", "provider", "providers",
    "area", "who-for-group", "a-to-z", "credits", "statement", "not-found", "offline", "search",
    "service-everything", "provider-40-services", "area-empty")]  # the last three: worst-case site


@pytest.mark.parametrize("site_page", ROW_PAGES, ids=page_id)
def test_each_easy_read_picture_is_first_96px_and_left_of_its_sentence_on_a_wide_screen(page, site_url, site_page):
    visit(page, site_url, site_page.url, DESKTOP)
    count, problems = easy_row_problems(page, 96, must_be_left=True)
    assert count > 0, "no picture rows"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("site_page", ROW_PAGES, ids=page_id)
def test_each_easy_read_picture_is_at_least_64px_and_beside_or_above_its_sentence_at_320px(page, site_url, site_page):
    visit(page, site_url, site_page.url, NARROW)
    count, problems = easy_row_problems(page, 64, must_be_left=False)
    assert count > 0, "no picture rows"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["1280px", "320px"])
@pytest.mark.parametrize("site_page", EASY_PAGES, ids=page_id)
def test_easy_read_text_is_big_spaced_left_aligned_with_no_italics_or_capitals(page, site_url, site_page, viewport):
    visit(page, site_url, site_page.url, viewport)
    problems = easy_type_problems(page)
    assert not problems, "\n".join(problems)


def test_easy_read_service_page_rows_hold_pictures_of_96px_on_a_wide_screen(page, site_url):
    """A direct check of the numbers in accessibility.md, on the page people use most."""
    visit(page, site_url, EASY_SERVICE, DESKTOP)
    sizes = page.evaluate("() => [...document.querySelectorAll('main .er-row > img')].map(i => [i.width, i.height])")
    assert len(sizes) >= 8 and all(w >= 96 and h >= 96 for w, h in sizes), sizes
