"""Distance from a postcode and the maps, in Chromium: sorting, messages, offline use, keyboard, screenshots."""

from __future__ import annotations

import json
import math
import re

import pytest

import sampledata
from conftest import PROJECT

from .a11y import DESKTOP, PHONE, SCREENSHOTS, visit

LOOKUP = json.loads((PROJECT / "content/postcodes/lookup.json").read_text())


@pytest.fixture
def fresh(browser):
    """A new profile with the service worker allowed; every request it makes is recorded."""
    context = browser.new_context()
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def miles_between(a, b) -> float:
    """Great-circle distance, worked out here independently of the page's script."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h)) / 1.609344


def wait_for_status(page, containing: str) -> str:
    page.wait_for_function("text => document.getElementById('search-status').textContent.includes(text)", arg=containing, timeout=30000)
    return page.inner_text("#search-status")


def sort_by_postcode(page, postcode: str) -> None:
    page.fill("#postcode-input", postcode)
    page.click("#postcode-apply")


def shown_distances(page) -> list[tuple[str, str]]:
    rows = []
    for result in page.query_selector_all("#results .result"):
        href = result.query_selector("h3 a").get_attribute("href")
        distance = result.query_selector(".result__distance")
        rows.append((re.search(r"services/([^/]+/[^/]+)/$", href)[1] if "services/" in href else href, distance.inner_text() if distance else ""))
    return rows


def test_a_postcode_sorts_the_results_by_the_distance_worked_out_independently(fresh, site_url):
    page = fresh
    page.goto(site_url + "search/?kind=Service&area=Southmere")
    wait_for_status(page, "result")
    assert not any("/postcodes/" in url for url in page.requests), "the lookup loads only when someone uses it"
    sort_by_postcode(page, "rv9 1hb")
    assert wait_for_status(page, "nearest to RV9 1HB first").startswith("22 results")
    assert "from=RV9+1HB" in page.url and "near=" in page.url
    origin = LOOKUP["postcodes"]["RV9 1HB"]
    services = sampledata.services()
    seen, previous = 0, -1.0
    for service_id, text in shown_distances(page):
        located = [loc["coordinates"] for loc in services[service_id].get("locations") or [] if loc.get("coordinates")]
        if not located:
            assert text == "Comes to you at home: distance does not apply", service_id
            continue
        miles = miles_between(origin, located[0])
        expected = "About less than 0.1 miles away" if miles < 0.05 else f"About {miles:.1f} mile{'' if f'{miles:.1f}' == '1.0' else 's'} away"
        shown = float(re.search(r"[\d.]+", text)[0]) if "less than" not in text else 0.0
        assert text == expected or abs(shown - miles) <= 0.051, (service_id, text, miles)
        assert miles >= previous - 0.001, "nearest first"
        previous, seen = miles, seen + 1
    assert seen >= 10
    assert [r for r in page.requests if not r.startswith(site_url)] == []
    page.reload()  # the address keeps the postcode
    wait_for_status(page, "nearest to RV9 1HB first")
    assert page.input_value("#postcode-input") == "RV9 1HB"


def test_an_invalid_or_unknown_postcode_gets_a_clear_message(fresh, site_url):
    page = fresh
    page.goto(site_url + "search/?q=club")
    before = wait_for_status(page, "result")
    for typed, message in (("RV1", "Enter a full postcode, like RV1 2AB"), ("rv1 2a", "Enter a full postcode, like RV1 2AB"),
                           ("ZZ9 9ZZ", "We could not find ZZ9 9ZZ. Check the postcode and try again.")):
        sort_by_postcode(page, typed)
        page.wait_for_function("text => { const e = document.getElementById('postcode-error'); return !e.hidden && e.textContent === text; }",
                               arg=message)
        assert page.get_attribute("#postcode-input", "aria-invalid") == "true"
        assert page.get_attribute("#postcode-input", "aria-describedby").startswith("postcode-error")
        assert page.evaluate("document.activeElement.id") == "postcode-input"
        assert page.inner_text("#search-status") == before  # the results are left as they were
    page.fill("#postcode-input", "RW1 5XY")  # outside the council's area: the middle of its outward code
    page.press("#postcode-input", "Enter")
    wait_for_status(page, "nearest to RW1 5XY first")
    assert page.is_hidden("#postcode-error") and page.get_attribute("#postcode-input", "aria-invalid") is None
    assert page.inner_text("#postcode-note") == "RW1 5XY is outside our area, so distances are from the middle of RW1."


def test_the_lookup_works_offline_after_one_use(fresh, site_url):
    page = fresh
    page.goto(site_url + "search/?q=club")
    page.evaluate("navigator.serviceWorker.ready")
    page.reload()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30000)
    wait_for_status(page, "result")
    sort_by_postcode(page, "RV1 2AB")
    wait_for_status(page, "nearest to RV1 2AB first")
    page.wait_for_timeout(500)  # let the worker store what the lookup fetched
    page.context.set_offline(True)
    page.goto(site_url + "search/?q=club")
    wait_for_status(page, "result")
    sort_by_postcode(page, "RV1 3DL")  # another postcode from the same file
    wait_for_status(page, "nearest to RV1 3DL first")
    assert shown_distances(page)[0][1] == "About less than 0.1 miles away"
    page.context.set_offline(False)


def test_easy_read_search_sorts_by_a_postcode_too(fresh, site_url):
    page = fresh
    page.goto(site_url + "easy-read/search/?q=club")
    wait_for_status(page, "result")
    assert page.inner_text("label[for=postcode-input]") == "How far away is it from a postcode?"
    sort_by_postcode(page, "RV4 2EH")
    wait_for_status(page, "nearest to RV4 2EH first")
    assert shown_distances(page)[0][1].startswith("About less than 0.1 miles")


def test_without_javascript_the_postcode_box_stays_hidden_and_browse_pages_work(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "search/")
    assert page.is_hidden("#postcode-box") and page.is_visible("#search-nojs")
    page.goto(site_url + "areas/")
    page.click("svg.map a[href$='kingsford/']")
    assert page.inner_text("h1") == "Kingsford"
    context.close()


@pytest.mark.parametrize("url", ["areas/", "easy-read/areas/"])
def test_area_shapes_are_keyboard_links_with_a_visible_focus(page, site_url, url):
    visit(page, site_url, url)
    names = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const a = document.activeElement;
            if (!a.closest('svg')) return null;
            const shape = a.querySelector('path');
            return { name: a.textContent, fill: getComputedStyle(shape).fill, stroke: getComputedStyle(shape).strokeWidth }; }""")
        if focused:
            assert focused["fill"] == "rgb(255, 221, 0)" and focused["stroke"] == "5px", focused
            names.append(focused["name"])
        elif names:
            break
    assert len(names) == 6 and names[0].startswith("Redvale City")  # in the order of site.yaml
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/areas/southmere/")


def test_map_colours_meet_3_to_1_against_their_neighbours(page, site_url):
    from .a11y import contrast
    visit(page, site_url, "areas/kingsford/")
    colours = page.evaluate("""() => {
        const style = (selector, property) => getComputedStyle(document.querySelector(selector))[property];
        return { area: style('.map__area:not(.map__area--here)', 'fill'), here: style('.map__area--here', 'fill'),
                 border: style('.map__area', 'stroke'), here_border: style('.map__area--here', 'stroke'),
                 point: style('.map__point', 'fill'), ring: style('.map__point', 'stroke'),
                 page: getComputedStyle(document.body).backgroundColor }; }""")
    rgb = {k: tuple(int(n) for n in re.findall(r"\d+", v)[:3]) for k, v in colours.items()}
    for a, b in (("border", "area"), ("border", "page"), ("here_border", "here"), ("point", "area"), ("point", "here"), ("border", "here")):
        assert contrast(rgb[a], rgb[b]) >= 3, (a, b, colours)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
@pytest.mark.parametrize("name, url", [("areas", "areas/"), ("easy-areas", "easy-read/areas/"),
                                       ("service", "services/riverside-care/riverside-day-centre/"),
                                       ("easy-service", "easy-read/services/riverside-care/riverside-day-centre/")])
def test_screenshot_of_each_map(page, site_url, name, url, viewport):
    visit(page, site_url, url, viewport)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    figure = page.locator("figure.map-figure")
    box = figure.bounding_box()
    assert box and box["width"] <= viewport["width"] and box["height"] > 150
    figure.screenshot(path=str(SCREENSHOTS / f"map-{name}-{viewport['width']}.png"), animations="disabled")
