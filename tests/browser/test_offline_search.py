"""Search with no signal: after one online visit, searches offline answer as they do online;
and the downloadable copy's "Find a service" works opened from disk.

The sample's index is under the default budget, so the service worker saves it by itself. A
copy of the sample with `offline_search_mb: 0.1` is over it: there search offline says it
cannot answer until someone chooses "Make search work without internet".
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
import zipfile
from pathlib import Path

import pytest

import sampledata
from browser_support import serve
from conftest import SAMPLE, TODAY
from htmlparse import parse_file

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
def over_budget_site(tmp_path_factory):
    """The sample with a search budget smaller than its index, and its offline copy, built once."""
    root = tmp_path_factory.mktemp("over-budget")
    shutil.copytree(SAMPLE / "content", root / "content")
    (root / "site.yaml").write_text((SAMPLE / "site.yaml").read_text(encoding="utf-8") + "offline_search_mb: 0.1\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "builder", "build", "--root", str(root), "--today", TODAY, "--offline-copy"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "_site"


@pytest.fixture(scope="package")
def over_budget_url(over_budget_site):
    with serve(over_budget_site) as url:
        yield url


def answer(page, url: str) -> tuple[str, list[str]]:
    """What a search shows: its status line and the links of its results."""
    page.goto(url)
    page.wait_for_function("() => document.getElementById('search-status').textContent.length > 0", timeout=30000)
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
    size = page.evaluate("fetch('../search-size.json').then(r => r.json()).then(l => l.size)")
    assert save.inner_text() == f"Make search work without internet ({size})"
    save.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.getElementById('offline-search-status').textContent === {SAVED!r}", timeout=60000)
    assert page.get_attribute("#offline-search-progress", "value") == "100"
    assert page.evaluate("document.activeElement.id") == "offline-search-remove"

    context.set_offline(True)
    for search in SEARCHES:
        assert answer(page, over_budget_url + search) == expected[search], search

    context.set_offline(False)
    page.goto(over_budget_url + "search/")
    page.click("#offline-search-remove")
    page.wait_for_function("() => document.getElementById('offline-search-status').textContent === 'Saved search removed from this device.'")
    assert page.is_visible("#offline-search-save")
    context.close()


# ---------------------------------------------------------------- "Find a service" in the offline copy

DEMENTIA = {key for key, service in sampledata.services().items() if "dementia" in service["who_for"]}
WEEKENDS = {key for key, service in sampledata.services().items()
            if any({"sat", "sun"} & set(t["days"]) for t in service.get("times") or [])}


@pytest.fixture(scope="package")
def offline_copy(over_budget_site, tmp_path_factory):
    """The downloadable copy, unzipped: the folder holding its index.html."""
    folder = tmp_path_factory.mktemp("copy")
    with zipfile.ZipFile(next((over_budget_site / "downloads").glob("*.zip"))) as archive:
        archive.extractall(folder)
    return next(folder.glob("*/index.html")).parent


def found(page) -> set[str]:
    page.wait_for_function("() => document.getElementById('search-status').textContent.length > 0")
    links = page.eval_on_selector_all("#results a", "links => links.map(a => a.href)")
    return {re.search(r"/services/([^/]+/[^/]+)/index\.html$", link).group(1) for link in links}


def test_the_offline_copy_finds_services_from_disk_by_words_and_filters_with_the_keyboard(browser, offline_copy):
    context = browser.new_context()
    page = context.new_page()
    page.goto((offline_copy / "index.html").as_uri())
    page.fill("#home-search-input", "dementia")
    page.press("#home-search-input", "Enter")
    assert page.url.endswith("/search/index.html?q=dementia")
    assert page.inner_text("h1") == "Find a service"
    assert found(page) == DEMENTIA
    assert page.inner_text("#search-status") == f"{len(DEMENTIA)} results for ‘dementia’."
    assert page.get_attribute("#search-status", "role") == "status"
    assert not page.is_visible("#search-nojs")

    page.fill("#search-input", "")
    weekends = page.locator("input[name=day][value='Weekends']")
    weekends.focus()
    page.keyboard.press("Space")
    page.locator("button:has-text('Apply filters')").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('search-status').textContent.includes('with Weekends')")
    assert page.evaluate("document.activeElement.id") == "results-heading"
    assert page.inner_text("#results-heading") == f"{len(WEEKENDS)} results with Weekends"
    assert found(page) == WEEKENDS
    label = page.inner_text(f"label[for='{weekends.get_attribute('id')}']")
    assert label.endswith(f"({len(WEEKENDS)})")

    page.fill("#search-input", "garden")
    page.press("#search-input", "Enter")
    page.wait_for_function("() => document.getElementById('search-status').textContent.includes('‘garden’ with Weekends')")
    narrowed = found(page)
    assert narrowed and narrowed <= WEEKENDS
    page.click("button:has-text('Remove filter: Weekends')")
    assert page.evaluate("document.activeElement.id") == "search-input"
    assert found(page) >= narrowed and "with" not in page.inner_text("#search-status")

    first = page.locator("#results a").first
    name = first.inner_text()
    first.click()
    assert page.inner_text("h1") == name
    context.close()


FIREFOX = next((path for path in (os.environ.get("FIREFOX", ""), "/usr/bin/firefox-esr", "/usr/bin/firefox") if path and Path(path).is_file()), "")


def in_firefox(copy) -> dict:
    """What Firefox found in the copy: tests/browser/firefox/offline_copy.mjs drives it with puppeteer-core."""
    assert FIREFOX, "Firefox is missing: run .ci/setup, which installs Debian's firefox-esr (or set FIREFOX)"
    script = Path(__file__).parent / "firefox" / "offline_copy.mjs"
    result = subprocess.run(["node", str(script), FIREFOX, str(copy)], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_the_offline_copy_finds_services_from_disk_in_firefox_too(offline_copy):
    found = in_firefox(offline_copy)
    names = lambda answer: {re.search(r"/services/([^/]+/[^/]+)/index\.html$", link).group(1) for link in answer["links"]}
    assert found["url"].endswith("/search/index.html?q=dementia") and found["noJavaScriptHidden"]
    assert names(found["dementia"]) == DEMENTIA
    assert found["dementia"]["status"] == f"{len(DEMENTIA)} results for ‘dementia’."
    assert found["weekends"]["heading"] == f"{len(WEEKENDS)} results with Weekends" and names(found["weekends"]) == WEEKENDS
    assert all("/easy-read/services/" in link for link in found["easyDementia"]["links"])
    assert names(found["easyDementia"]) == DEMENTIA


def test_the_offline_copy_finds_easy_read_pages_with_picture_choices(browser, offline_copy):
    context = browser.new_context()
    page = context.new_page()
    page.goto((offline_copy / "easy-read" / "search" / "index.html").as_uri())
    page.check("input[name=who] + label:has-text('People with dementia')")
    assert page.is_visible("input[name=who] + label img")
    page.click("button:has-text('Show the services')")
    links = page.eval_on_selector_all("#results a", "links => links.map(a => a.href)")
    assert links and all("/easy-read/services/" in link for link in links)
    assert found(page) == DEMENTIA
    context.close()


def test_the_offline_copys_finder_has_the_sites_filters_and_says_what_to_do_without_javascript(browser, offline_copy, sample_site):
    def boxes(file):
        return {(box.get("name"), box.get("value")) for box in parse_file(file).find_all("input", type="checkbox")}

    for version in ("", "easy-read/"):
        site = {(name, value) for name, value in boxes(sample_site / version / "search" / "index.html") if name != "kind"}
        assert boxes(offline_copy / version / "search" / "index.html") == site and site

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((offline_copy / "search" / "index.html").as_uri())
    help_text = page.inner_text("#search-nojs")
    assert "Finding a service in this copy needs JavaScript" in help_text and "You can still find every service by browsing" in help_text
    page.click("#search-nojs a:has-text('A to Z')")
    assert page.url.endswith("/a-to-z/index.html")
    context.close()


def test_the_offline_copys_finder_weighs_under_150_kb_and_its_404_pages_link_to_each_other(offline_copy):
    finder = [offline_copy / "assets" / "find.js", offline_copy / "find-data.js", offline_copy / "easy-read" / "find-data.js"]
    assert sum(file.stat().st_size for file in finder) < 150_000
    standard = parse_file(offline_copy / "404.html").find("p", class_="version-switch").find("a").get("href")
    easy = parse_file(offline_copy / "easy-read" / "404.html").find("p", class_="version-switch").find("a").get("href")
    assert (offline_copy / standard).resolve() == (offline_copy / "easy-read" / "404.html").resolve()
    assert (offline_copy / "easy-read" / easy).resolve() == (offline_copy / "404.html").resolve()
