"""Easy Read search in a real browser: every filter of the standard page, asked in Easy Read with a
picture; results in Easy Read words with the service's picture; every message of the script in Easy Read."""

from __future__ import annotations

import re

import pytest

from builder.easyread.filter_questions import EASY_FILTERS
from .test_search import wait_for_results

STANDARD_FILTERS = ["kind", "area", "who", "type", "activity", "day", "cost", "pay", "transport", "assessment", "registered", "status"]


def filter_names(page) -> list[str]:
    return page.eval_on_selector_all("#search-form fieldset input[type=checkbox]", "els => [...new Set(els.map(e => e.name))]")


def result_paths(page) -> set[str]:
    links = [a.get_attribute("href") for a in page.query_selector_all("#results .result h3 a")]
    return {re.sub(r"^.*?/day-opportunities/(easy-read/)?", "", link) for link in links}


@pytest.fixture
def tab(new_context):
    page = new_context().new_page()
    yield page
    page.close()


def test_the_easy_read_page_has_every_filter_of_the_standard_page_each_a_question_with_a_picture(tab, site_url):
    tab.goto(site_url + "search/")
    standard = filter_names(tab)
    tab.goto(site_url + "easy-read/search/")
    assert filter_names(tab) == standard
    assert set(STANDARD_FILTERS) <= set(standard)
    legends = tab.eval_on_selector_all("#search-form fieldset legend", "els => els.map(l => [l.innerText.trim(), l.querySelector('img') ? l.querySelector('img').getBoundingClientRect().width : 0])")
    assert [text for text, _ in legends] == [EASY_FILTERS[name][0] for name in standard]
    assert "Where do you live?" in [text for text, _ in legends] and "Which day?" in [text for text, _ in legends]
    assert all(width >= 80 for _, width in legends)


@pytest.mark.parametrize("name", STANDARD_FILTERS)
def test_each_easy_read_filter_finds_what_the_standard_filter_finds(tab, site_url, name):
    tab.goto(site_url + "search/")  # the same answer, in the same order, on both pages
    tab.locator(f"input[name={name}]").first.check()
    tab.click("button:has-text('Apply filters')")
    wait_for_results(tab)
    expected = result_paths(tab)
    tab.goto(site_url + "easy-read/search/")
    tab.locator(f"input[name={name}]").first.check()
    tab.click("button:has-text('Show the services')")
    status = wait_for_results(tab)
    assert status.startswith("We found") and "You chose:" in status, status
    assert result_paths(tab) == expected and expected
    assert all("/easy-read/" in a.get_attribute("href") for a in tab.query_selector_all("#results .result h3 a"))


def test_results_show_the_easy_read_summary_and_the_services_picture(tab, site_url):
    tab.goto(site_url + "easy-read/search/?q=riverside")
    wait_for_results(tab)
    result = tab.locator("#results .result", has=tab.locator("a:has-text('Riverside Day Centre')"))
    text = result.inner_text()
    assert "A place you go to in the day. Older people." in text
    assert "Where: Redvale City" in text and "For: Older people" in text
    assert result.locator("img.result__picture").get_attribute("src").endswith("/assets/pictograms/activity_centre.svg")
    assert "The day centre" not in text  # the standard summary is not shown


def test_every_message_of_the_script_is_in_easy_read(tab, site_url):
    tab.goto(site_url + "easy-read/search/?kind=Service")
    status = wait_for_results(tab)
    assert re.fullmatch(r"We found \d+ pages\. You chose: Services\.", status), status
    assert re.search(r"This is page 1 of \d+\.$", tab.inner_text("#results-heading"))
    assert tab.inner_text(".selected-filters__heading") == "You chose"
    assert tab.inner_text(".remove-filter") == "Take away: Services"
    links = tab.eval_on_selector_all("#pagination a", "els => els.map(a => a.textContent)")
    assert links[0] == "Page 1" and links[-1] == "Go to the next page"
    tab.goto(site_url + "easy-read/search/?q=xylophone")
    assert wait_for_results(tab) == "We found nothing. You looked for ‘xylophone’."
    page_text = tab.inner_text("main")
    for standard in ("Selected filters", "Remove filter", "result for", "results for", "(page"):
        assert standard not in page_text
