"""Search with no signal: after one online visit, searches offline answer as they do online.

The sample's index is under the default budget, so the service worker saves it by itself. A
copy of the sample with `offline_search_mb: 0.1` is over it: there search offline says it
cannot answer until someone chooses "Make search work without internet".
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import urllib.parse

import pytest

import sampledata
from browser_support import serve
from conftest import PROJECT, TODAY

from .test_offline import controlled_page

TYPE_OF_FIRST = sampledata.terms("types")[next(iter(sampledata.services().values()))["types"][0]]
FIRST_AREA = next(iter(sampledata.terms("areas").values()))
SEARCHES = [  # five searches, with and without filters, in both versions
    "search/?q=weekends",
    "search/?q=meeting",
    "search/?" + urllib.parse.urlencode([("q", "lunch"), ("day", "Weekends")]),
    "search/?" + urllib.parse.urlencode([("area", FIRST_AREA), ("type", TYPE_OF_FIRST)]),
    "easy-read/search/?q=dementia",
]
SAVED = "Search works without internet on this device."
UNANSWERED = "Search cannot answer this without an internet connection"


@pytest.fixture(scope="package")
def over_budget_url(tmp_path_factory):
    """The sample with a search budget smaller than its index, built once and served."""
    root = tmp_path_factory.mktemp("over-budget")
    shutil.copytree(PROJECT / "content", root / "content")
    (root / "site.yaml").write_text((PROJECT / "site.yaml").read_text(encoding="utf-8") + "offline_search_mb: 0.1\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "builder", "build", "--root", str(root), "--today", TODAY],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(root / "_site") as url:
        yield url


def answer(page, url: str) -> tuple[str, list[str]]:
    """What a search shows: its status line and the links of its results."""
    page.goto(url)
    page.wait_for_function("document.getElementById('search-status').textContent.length > 0", timeout=30000)
    return page.inner_text("#search-status"), page.eval_on_selector_all("#results a", "links => links.map(a => a.href)")


def online_answers(browser, site_url) -> dict[str, tuple[str, list[str]]]:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    answers = {search: answer(page, site_url + search) for search in SEARCHES}
    context.close()
    assert all(links for _, links in answers.values()), answers
    return answers


def test_a_small_sites_search_is_saved_on_the_first_visit_and_answers_every_search_offline(browser, site_url):
    expected = online_answers(browser, site_url)
    context, page = controlled_page(browser, site_url)  # one visit: the home page
    context.set_offline(True)
    for search in SEARCHES:
        assert answer(page, site_url + search) == expected[search], search
    page.goto(site_url + "search/")
    page.wait_for_selector("#offline-search:not([hidden])")
    assert page.inner_text("#offline-search-status") == SAVED
    assert not page.is_visible("#offline-search-save") and not page.is_visible("#offline-search-remove")
    context.close()


def test_over_the_budget_search_offline_says_it_cannot_answer_until_saved_by_the_button(browser, over_budget_url):
    expected = online_answers(browser, over_budget_url)
    context, page = controlled_page(browser, over_budget_url)
    context.set_offline(True)
    status, links = answer(page, over_budget_url + "search/?q=meeting")
    assert status.startswith(UNANSWERED) and not links
    assert page.inner_text("#results-heading") == "This search needs the internet"

    context.set_offline(False)
    page.goto(over_budget_url + "search/")
    save = page.locator("#offline-search-save")
    save.wait_for()
    size = page.evaluate("fetch('../search-files.json').then(r => r.json()).then(l => l.size)")
    assert save.inner_text() == f"Make search work without internet ({size})"
    save.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.getElementById('offline-search-status').textContent === {SAVED!r}", timeout=60000)
    assert page.get_attribute("#offline-search-progress", "value") == "100"
    assert page.evaluate("document.activeElement.id") == "offline-search-remove"

    context.set_offline(True)
    for search in SEARCHES:
        assert answer(page, over_budget_url + search) == expected[search], search

    context.set_offline(False)
    page.goto(over_budget_url + "search/")
    page.click("#offline-search-remove")
    page.wait_for_function("document.getElementById('offline-search-status').textContent === 'Saved search removed from this device.'")
    assert page.is_visible("#offline-search-save")
    context.close()
