"""Search in a real browser: filters, counts, the URL, near-me sorting, Easy Read, and no JavaScript."""

from __future__ import annotations

import collections
import re
import urllib.parse

import pytest

import htmlparse
import sampledata


@pytest.fixture
def fresh_page(browser):
    """A new profile for each test, with the service worker allowed (the package's shared page blocks it)."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


def wait_for_results(page, previous: str = ""):
    page.wait_for_function("prev => { const s = document.getElementById('search-status').textContent; "
                           "return s.length > 0 && s !== prev && !s.startsWith('Finding'); }", arg=previous, timeout=30000)
    return page.inner_text("#search-status")


def service_results(page) -> set[str]:
    """Service ids of the results shown (providers and information pages left out)."""
    ids = set()
    for link in page.query_selector_all("#results .result h3 a"):
        match = re.search(r"/services/([^/]+/[^/]+)/$", link.get_attribute("href"))
        if match:
            ids.add(match.group(1))
    return ids


def services_where(test) -> set[str]:
    return {key for key, data in sampledata.services().items() if test(data)}


def has_weekend(data) -> bool:
    return any({"sat", "sun"} & set(t["days"]) for t in data.get("times") or [])


DEMENTIA = services_where(lambda d: "dementia" in d["who_for"])
AREA_NAMES = sampledata.terms("areas")


def test_typing_dementia_lists_exactly_the_services_for_people_with_dementia(fresh_page, site_url):
    page = fresh_page
    page.goto(site_url + "search/")
    page.fill("#search-input", "dementia")
    status = wait_for_results(page)
    assert service_results(page) == DEMENTIA
    shown = len(page.query_selector_all("#results .result"))
    assert status == f"{shown} results for ‘dementia’."
    assert page.get_attribute("#search-status", "role") == "status"
    assert "q=dementia" in page.url


def test_the_save_button_on_every_service_page_is_not_searched(fresh_page, site_url):
    """No listing says "save": the button's words, on every service page, are left out of the index.
    The one page found says "savings" (the same stem)."""
    page = fresh_page
    page.goto(site_url + "search/")
    page.fill("#search-input", "save")
    assert wait_for_results(page) == "1 result for ‘save’."
    assert [link.get_attribute("href") for link in page.query_selector_all("#results .result h3 a")] == ["/day-opportunities/care-needs-assessment/"]


def test_an_area_filter_narrows_then_clearing_restores_the_list(fresh_page, site_url):
    page = fresh_page
    area_key = collections.Counter(a for k in DEMENTIA for a in sampledata.services()[k]["areas"]).most_common()[-1][0]
    area = AREA_NAMES[area_key]
    page.goto(site_url + "search/?q=dementia")
    before = wait_for_results(page)
    page.check(f"input[name=area][value='{area}']")
    assert page.inner_text("#search-status") == before, "ticking a box does not search by itself (WCAG 3.2.2)"
    page.click("button:has-text('Apply filters')")
    narrowed = wait_for_results(page, before)
    assert service_results(page) == {k for k in DEMENTIA if area_key in sampledata.services()[k]["areas"]}
    assert f"with {area}" in narrowed
    page.click(f"button:has-text('Remove filter: {area}')")
    wait_for_results(page, narrowed)
    assert service_results(page) == DEMENTIA


def test_the_weekend_filter_keeps_only_services_with_a_saturday_or_sunday_session(fresh_page, site_url):
    page = fresh_page
    page.goto(site_url + "search/")
    page.check("input[name=day][value='Weekends']")
    page.click("button:has-text('Apply filters')")
    wait_for_results(page)
    expected = services_where(has_weekend)
    shown = service_results(page)
    pages = page.query_selector_all("#pagination a")
    assert shown == expected if not pages else shown <= expected
    assert page.inner_text("#results-heading").startswith(f"{len(expected)} result")


def test_filter_counts_match_the_content(fresh_page, site_url):
    page = fresh_page
    page.goto(site_url + "search/?q=dementia")
    wait_for_results(page)
    for area_key, area in AREA_NAMES.items():
        label = page.inner_text(f"label[for='{page.get_attribute(f'input[name=area][value={area!r}]', 'id')}']")
        expected = len({k for k in DEMENTIA if area_key in sampledata.services()[k]["areas"]})
        assert label.endswith(f"({expected})"), (area, label)


def test_a_search_link_with_query_and_filters_shows_the_same_results_when_loaded(fresh_page, site_url):
    page = fresh_page
    query = urllib.parse.urlencode([("q", "lunch"), ("day", "Weekends")])
    page.goto(site_url + "search/?" + query)
    wait_for_results(page)
    first = service_results(page)
    assert page.is_checked("input[name=day][value='Weekends']")
    assert page.input_value("#search-input") == "lunch"
    assert first and first <= services_where(has_weekend)
    page.reload()
    wait_for_results(page)
    assert service_results(page) == first
    assert page.title().startswith(page.inner_text("#results-heading"))


def test_near_me_puts_the_nearest_service_first_and_home_support_last(browser, site_url):
    target = "riverside-care/riverside-day-centre"
    lat, lon = sampledata.services()[target]["locations"][0]["coordinates"]
    context = browser.new_context(geolocation={"latitude": lat + 0.0005, "longitude": lon}, permissions=["geolocation"])
    page = context.new_page()
    page.goto(site_url + "search/?q=day")
    before = wait_for_results(page)
    page.click("#near-me")
    wait_for_results(page, before)
    links = [a.get_attribute("href") for a in page.query_selector_all("#results .result h3 a")]
    assert links[0].endswith(f"/services/{target}/")
    distances = page.query_selector_all("#results .result__distance")
    assert distances[0].inner_text() == "About less than 0.1 miles away"
    texts = [d.inner_text() for d in distances]
    known = [i for i, t in enumerate(texts) if t.startswith("About")]
    unknown = [i for i, t in enumerate(texts) if not t.startswith("About")]
    assert not unknown or max(known) < min(unknown), "services without a distance keep their place at the end"
    assert "near=" in page.url
    context.close()


def test_easy_read_search_finds_easy_read_pages(fresh_page, site_url):
    page = fresh_page
    page.goto(site_url + "easy-read/search/")
    page.check("input[name=who] + label:has-text('People with dementia')")
    page.click("button:has-text('Show the services')")
    wait_for_results(page)
    links = [a.get_attribute("href") for a in page.query_selector_all("#results .result h3 a")]
    assert links and all("/easy-read/services/" in link for link in links)
    assert {re.search(r"/services/([^/]+/[^/]+)/$", link).group(1) for link in links} == DEMENTIA


def test_the_header_search_box_submits_to_the_search_page(fresh_page, site_url):
    page = fresh_page
    page.goto(site_url + "a-to-z/")
    page.fill("#header-search-input", "garden")
    page.press("#header-search-input", "Enter")
    wait_for_results(page)
    assert page.url.startswith(site_url + "search/?q=garden")
    assert service_results(page)


def test_without_javascript_search_explains_and_every_service_is_reachable_from_home(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "search/")
    assert page.is_visible("#search-nojs")
    assert "Search needs JavaScript" in page.inner_text("#search-nojs")
    # The rest is the served HTML itself, which is what a browser without JavaScript shows: each standard page is
    # fetched from the server and its links followed, so every service must be linked in plain HTML.
    seen, queue = set(), [site_url]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = context.request.get(url)
        assert response.ok, f"{url}: HTTP {response.status}"
        for link in htmlparse.parse(response.text()).find_all("a"):
            href = urllib.parse.urljoin(url, link.get("href") or "").split("#")[0]
            if href.startswith(site_url) and href.endswith("/") and "/easy-read/" not in href and href not in seen:
                queue.append(href)
    reached = {re.search(r"/services/([^/]+/[^/]+)/$", u).group(1) for u in seen if re.search(r"/services/[^/]+/[^/]+/$", u)}
    assert reached == set(sampledata.services())
    context.close()
