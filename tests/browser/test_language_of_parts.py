"""What the scripts write in a language other than the page's carries its lang (WCAG 3.1.2, issue 24):
search results, the filters chosen, the results heading and "My list", on the Welsh pages of
tests/fixtures/bilingual-partial, whose listings are mostly English only; and the offline copy's
"Find a service", opened from disk."""

from __future__ import annotations

import subprocess
import sys
import urllib.parse
import zipfile

import pytest

from browser_support import serve
from conftest import PROJECT, TODAY, build_in_subprocess

FIXTURE = PROJECT / "tests" / "fixtures" / "bilingual-partial"
LUNCH = "services/testshire-care/lunch-and-chat/"


@pytest.fixture(scope="module")
def partial_url(tmp_path_factory):
    with serve(build_in_subprocess(FIXTURE, tmp_path_factory.mktemp("partial") / "_site")) as url:
        yield url


def _langs(page, selector: str) -> list[list[str]]:
    """(words, lang) of each element with a lang inside the first match of `selector`."""
    return page.eval_on_selector(selector, "el => [...el.querySelectorAll('[lang]')].map(e => [e.textContent, e.lang])")


def test_welsh_search_marks_english_results_and_filters(page, partial_url):
    page.goto(f"{partial_url}cy/search/?q=lunch&type=Day+centres+for+adults")
    page.wait_for_function("() => !document.getElementById('results-heading').hidden && document.querySelector('#results a')", timeout=30000)
    assert page.get_attribute("#results h3 a", "lang") == "en-GB"
    assert page.inner_text("#results h3 a") == "Friday Lunch and Chat"
    assert page.get_attribute("#results .result > p:nth-of-type(2)", "lang") == "en-GB"  # the summary
    assert ["People living with dementia", "en-GB"] in _langs(page, "#results")
    assert ["Pobl hŷn", "en-GB"] not in _langs(page, "#results")  # translated: the page's own language
    assert _langs(page, "#selected-filters button") == [["Day centres for adults", "en-GB"]]
    assert ["Day centres for adults", "en-GB"] in _langs(page, "#results-heading")


def test_welsh_easy_read_search_marks_the_english_in_its_summary_sentences(page, partial_url):
    page.goto(f"{partial_url}cy/easy-read/search/?q=support")
    page.wait_for_function("() => document.querySelector('#results a')", timeout=30000)
    result = page.locator("#results li", has_text="Home Support Visits")
    langs = result.evaluate("el => [...el.querySelectorAll('p [lang]')].map(e => [e.textContent, e.lang])")
    assert ["A support worker helps you.", "en-GB"] in langs and ["People who forget things.", "en-GB"] in langs


def test_my_list_marks_a_saved_english_name_on_welsh_pages(page, partial_url):
    page.goto(f"{partial_url}cy/{LUNCH}")
    page.evaluate("() => localStorage.clear()")
    page.reload()
    page.click("[data-save-service]")
    assert _langs(page, "#save-status") == [["Friday Lunch and Chat", "en-GB"]]
    page.goto(f"{partial_url}cy/my-list/")
    page.wait_for_selector("#my-list a")
    assert _langs(page, "#my-list h2") == [["Friday Lunch and Chat", "en-GB"]]
    assert _langs(page, "#my-list button") == [["Friday Lunch and Chat", "en-GB"]]


def test_the_offline_copys_finder_marks_them_too(page, tmp_path):
    out = tmp_path / "_site"
    result = subprocess.run([sys.executable, "-m", "builder", "build", "--root", str(FIXTURE), "--out", str(out), "--today", TODAY,
                             "--no-search", "--offline-copy"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(next((out / "downloads").glob("*.zip"))) as copy:
        copy.extractall(tmp_path / "copy")
    search = next((tmp_path / "copy").glob("*/cy/search/index.html"))
    page.goto(search.as_uri() + "?" + urllib.parse.urlencode([("q", "lunch"), ("type", "Day centres for adults")]))
    page.wait_for_function("() => document.querySelector('#results a')", timeout=30000)
    assert page.inner_text("#results h3 a") == "Friday Lunch and Chat" and page.get_attribute("#results h3 a", "lang") == "en-GB"
    assert ["People living with dementia", "en-GB"] in _langs(page, "#results")
    assert _langs(page, "#selected-filters button") == [["Day centres for adults", "en-GB"]]
    assert ["Day centres for adults", "en-GB"] in _langs(page, "#results-heading")
