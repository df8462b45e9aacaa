"""Keyboard use (checklist P-3, CI-9): every control reached in order with visible focus, and filters used with
the keyboard alone. The skip link of every page is checked in test_every_page.py."""

from __future__ import annotations

import pytest

from .a11y import (EASY_SERVICE, INIT_EASY_SERVICE, INIT_SERVICE, SERVICE, WORST_CASE_EASY_SERVICE, WORST_CASE_SERVICE, SitePage, keyboard_problems,
                   page_id, visit)


@pytest.mark.parametrize("site_page", [
    SitePage("service-with-locations", SERVICE),
    SitePage("service-with-locations", EASY_SERVICE),
    SitePage("service-hub", "services/redvale-council/orchard-house-hub/"),
    SitePage("search-results", "search/?q=dementia"),
    SitePage("search-results", "easy-read/search/?q=dementia"),
    SitePage("home", ""),
    SitePage("home", "easy-read/"),
    SitePage("areas", "areas/"),
    SitePage("areas", "easy-read/areas/"),
    WORST_CASE_SERVICE,
    WORST_CASE_EASY_SERVICE,
    INIT_SERVICE,
    INIT_EASY_SERVICE,
], ids=page_id)
def test_tab_reaches_every_control_in_document_order_with_a_visible_focus_indicator(page, site_url, site_page):
    visit(page, site_url, site_page.url)
    problems = keyboard_problems(page)
    assert not problems, "\n".join(problems)


def test_search_filters_can_be_ticked_and_applied_with_the_keyboard_alone(page, site_url):
    visit(page, site_url, "search/?q=dementia")
    before = page.inner_text("#search-status")
    box = page.locator("input[name=area]").first
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    assert page.evaluate("document.activeElement.name") == "area"  # ticking does not move focus (3.2.2)
    assert page.inner_text("#search-status") == before  # nor does it submit the form
    page.locator("button", has_text="Apply filters").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("prev => document.getElementById('search-status').textContent !== prev", arg=before)
    assert "area=" in page.url
