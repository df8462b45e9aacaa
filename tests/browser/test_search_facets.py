"""Search filters for access features, languages the staff speak and age, in both versions:
the counts match the content, and ticking one keeps exactly the services that have it."""

from __future__ import annotations

import re

import pytest

import sampledata

EASY_BUTTON, STANDARD_BUTTON = "Show the services", "Apply filters"
AGE_BANDS = {"18 to 25 years old": (18, 25), "26 to 64 years old": (26, 64), "65 or older": (65, 200)}


def access_of(data) -> set[str]:
    return {key for location in data.get("locations") or [] for key in location.get("access") or []}


def in_band(data, band: str) -> bool:
    low, high = AGE_BANDS[band]
    ages = data.get("ages") or {}
    return ages.get("max", 200) >= low and ages.get("min", 0) <= high


EXPECTED = {  # (filter, value): the services it must keep, read from the content files
    ("access", "Changing Places toilet"): lambda d: "changing-places" in access_of(d),
    ("access", "Hearing loop"): lambda d: "hearing-loop" in access_of(d),
    ("access", "Step-free access"): lambda d: "step-free" in access_of(d),
    ("language", "Polish"): lambda d: "pl" in (d.get("languages") or []),
    ("language", "Welsh"): lambda d: "cy" in (d.get("languages") or []),
    ("age", "18 to 25 years old"): lambda d: in_band(d, "18 to 25 years old"),
    ("age", "65 or older"): lambda d: in_band(d, "65 or older"),
}


def services_with(test) -> set[str]:
    return {key for key, data in sampledata.services().items() if test(data)}


@pytest.fixture
def fresh_page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


def shown_services(page) -> set[str]:
    links = [a.get_attribute("href") for a in page.query_selector_all("#results .result h3 a")]
    return {m.group(1) for link in links if (m := re.search(r"/services/([^/]+/[^/]+)/$", link))}


@pytest.mark.parametrize("version", ["", "easy-read/"])
def test_access_language_and_age_filters_show_counts_that_match_the_content(page, site_url, version):
    page.goto(site_url + version + "search/")
    for (name, value), test in EXPECTED.items():
        box = page.locator(f"input[name={name}][value='{value}']")
        label = page.inner_text(f"label[for='{box.get_attribute('id')}']")
        assert label == f"{value} ({len(services_with(test))})", (version, name, label)
    legends = page.locator("legend").all_inner_texts()
    assert {"Access", "Languages spoken", "Age"} <= set(legends) if not version else \
        {"Can I get in?", "What language do the staff speak?", "How old are you?"} <= set(legends)


@pytest.mark.parametrize("version, button", [("", STANDARD_BUTTON), ("easy-read/", EASY_BUTTON)])
@pytest.mark.parametrize("name, value", [("access", "Changing Places toilet"), ("language", "Polish"), ("age", "65 or older")])
def test_ticking_a_filter_keeps_exactly_the_services_that_have_it(fresh_page, site_url, version, button, name, value):
    page = fresh_page
    page.goto(site_url + version + "search/")
    page.check(f"input[name={name}][value='{value}']")
    page.click(f"button:has-text('{button}')")
    page.wait_for_function("() => { const s = document.getElementById('search-status').textContent; "
                           "return s.length > 0 && !s.startsWith('Finding'); }", timeout=30000)
    expected = services_with(EXPECTED[(name, value)])
    heading = page.inner_text("#results-heading")  # "3 results ..." or, in Easy Read, "We found 3 pages."
    assert heading.startswith((f"{len(expected)} result", f"We found {len(expected)} page")), heading
    if not page.query_selector_all("#pagination a"):
        assert shown_services(page) == expected
