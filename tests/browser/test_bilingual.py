"""A bilingual site (tests/fixtures/bilingual: `languages: [cy, en]`) in Chromium: each language's search
answers from its own index in its own words, the language link leads to the same page, the service
worker shows each language's offline page, and screenshots of a Welsh service page and its Easy Read
twin are saved (test-output/screenshots/bilingual-*.png). The accessibility suite (axe, Nu, keyboard,
reflow) visits its Welsh pages through a11y.py."""

from __future__ import annotations

import pytest

from .a11y import DESKTOP, PHONE, SCREENSHOTS, visit

SERVICE = "services/testshire-care/garden-club/"


def _search(page, url: str) -> tuple[str, list[str]]:
    page.goto(url)
    page.wait_for_function("() => !document.getElementById('results-heading').hidden", timeout=30000)
    return page.inner_text("#results-heading"), page.eval_on_selector_all("#results a[href*='services/']", "links => links.map(a => a.href)")


@pytest.mark.parametrize("easy", ["", "easy-read/"])
def test_each_language_searches_its_own_pages_in_its_own_words(page, bilingual_url, easy):
    welsh, welsh_links = _search(page, f"{bilingual_url}{easy}search/?q=garden")
    english, english_links = _search(page, f"{bilingual_url}en/{easy}search/?q=garden")
    assert welsh_links and all(link.startswith(f"{bilingual_url}{easy}services/") for link in welsh_links), welsh_links
    assert english_links and all(link.startswith(f"{bilingual_url}en/{easy}services/") for link in english_links), english_links
    assert welsh != english
    if not easy:
        assert welsh.endswith(" ar gyfer ‘garden’") and "result" not in welsh
        assert english.endswith(" for ‘garden’") and "result" in english


def test_the_language_link_leads_to_the_same_page_in_the_other_language(page, bilingual_url):
    page.goto(bilingual_url + "easy-read/" + SERVICE)
    page.click("a[hreflang='en-GB'][lang='en-GB']")
    assert page.url == f"{bilingual_url}en/easy-read/{SERVICE}"
    assert page.get_attribute("html", "lang") == "en-GB"
    page.click("a[hreflang='cy'][lang='cy']")
    assert page.url == f"{bilingual_url}easy-read/{SERVICE}"


def test_offline_each_language_shows_its_own_offline_page(browser, bilingual_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(bilingual_url)
    page.evaluate("navigator.serviceWorker.ready")
    page.reload()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30000)
    context.set_offline(True)
    for prefix, heading in (("", "Rydych all-lein"), ("easy-read/", "Dim rhyngrwyd"), ("en/", "You are offline"), ("en/easy-read/", "No internet")):
        page.goto(f"{bilingual_url}{prefix}providers/testshire-care/")
        assert page.url == f"{bilingual_url}{prefix}providers/testshire-care/"
        assert page.get_attribute("html", "lang") == ("en-GB" if prefix.startswith("en/") else "cy"), prefix
        assert page.inner_text("h1") == heading, prefix
    context.close()


@pytest.mark.parametrize("name, url", [("bilingual-welsh-service", SERVICE), ("bilingual-welsh-easy-service", "easy-read/" + SERVICE)])
def test_screenshots_of_a_welsh_service_page_and_its_easy_read_twin(page, bilingual_url, name, url):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for viewport in (DESKTOP, PHONE):
        visit(page, bilingual_url, url, viewport)
        assert page.get_attribute("html", "lang") == "cy"
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{viewport['width']}.png"), full_page=True, animations="disabled")
