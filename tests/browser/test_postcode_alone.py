"""A postcode alone lists the nearest (issue 26 point 4), in Chromium: with no search words, a postcode
lists every service that matches the chosen filters (every service when none is chosen), nearest first,
each with its distance; services that come to you say so. Both versions, with and without filters."""

from __future__ import annotations

import re

import sampledata

from .test_maps_and_postcodes import LOOKUP, fresh, miles_between, shown_distances, sort_by_postcode, wait_for_status  # noqa: F401

SERVICES = sampledata.services()
AT_HOME = "Comes to you at home: distance does not apply"


def _located(service_id: str):
    located = [loc["coordinates"] for loc in SERVICES[service_id].get("locations") or [] if loc.get("coordinates")]
    return located[0] if located else None


def expected_order(postcode: str, ids) -> list[tuple[str, float | None]]:
    """The services nearest first, worked out here from the content; those that come to you last."""
    origin = LOOKUP["postcodes"][postcode]
    with_miles = [(sid, miles_between(origin, _located(sid)) if _located(sid) else None) for sid in ids]
    return sorted(with_miles, key=lambda pair: float("inf") if pair[1] is None else pair[1])


def in_area(key: str) -> set[str]:
    return {sid for sid, data in SERVICES.items() if key in data["areas"]}


def postcode_after_filters(page, address: str, loaded: str, postcode: str) -> None:
    """Open the search page with its filters chosen in the address, then give a postcode and no words."""
    page.goto(address)
    wait_for_status(page, loaded)
    sort_by_postcode(page, postcode)


def assert_nearest_first(page, postcode: str, ids) -> None:
    """The first page of results: the nearest services, in order, each with its distance or 'comes to you'."""
    expected = expected_order(postcode, ids)
    shown = shown_distances(page)
    assert len(shown) == min(20, len(expected))
    for (service_id, text), (_, miles) in zip(shown, expected):
        assert service_id in ids, service_id  # only services that match the filters
        mine = _located(service_id)
        if mine is None:
            assert text == AT_HOME, service_id
            continue
        assert miles is not None, (service_id, "a service that comes to you is listed after every located one")
        own = miles_between(LOOKUP["postcodes"][postcode], mine)
        assert abs(own - miles) <= 0.051, (service_id, "nearest first", own, miles)
        value = 0.0 if "less than" in text else float(re.search(r"[\d.]+", text)[0])
        assert re.fullmatch(r"About (less than 0\.1 miles|[\d.]+ miles?) away", text), text
        assert abs(value - own) <= 0.051, (service_id, text, own)


def test_a_postcode_alone_lists_every_service_nearest_first(fresh, site_url):
    page = fresh
    page.goto(site_url + "search/")
    page.wait_for_selector("#postcode-box:not([hidden])")
    assert page.inner_text("#search-status") == ""
    sort_by_postcode(page, "rv9 1hb")
    status = wait_for_status(page, "nearest to RV9 1HB first")
    assert status == f"{len(SERVICES)} services, nearest to RV9 1HB first."
    assert page.inner_text("#results-heading") == f"{len(SERVICES)} services (page 1 of {-(-len(SERVICES) // 20)})"
    assert_nearest_first(page, "RV9 1HB", set(SERVICES))
    assert "from=RV9+1HB" in page.url and "near=" in page.url and "q=" not in page.url
    page.reload()  # a shared or refreshed address lists them again
    assert wait_for_status(page, "nearest to RV9 1HB first") == status
    assert_nearest_first(page, "RV9 1HB", set(SERVICES))


def test_a_postcode_with_filters_and_no_words_lists_the_matching_services_nearest_first(fresh, site_url):
    page = fresh
    postcode_after_filters(page, site_url + "search/?type=One-to-one+support+from+home", "result", "RV1 2AB")
    one_to_one = {sid for sid, data in SERVICES.items() if "one-to-one" in data["types"]}
    assert wait_for_status(page, "nearest to RV1 2AB first") == (
        f"{len(one_to_one)} results with One-to-one support from home, nearest to RV1 2AB first.")
    assert [text for _, text in shown_distances(page)] == [AT_HOME] * len(one_to_one)  # they come to you, as today
    postcode_after_filters(page, site_url + "search/?area=Southmere", "result", "RV1 2AB")
    southmere = in_area("southmere")
    assert wait_for_status(page, "nearest to RV1 2AB first") == f"{len(southmere)} results with Southmere, nearest to RV1 2AB first."
    assert_nearest_first(page, "RV1 2AB", southmere)


def test_easy_read_a_postcode_alone_lists_every_service_nearest_first(fresh, site_url):
    page = fresh
    page.goto(site_url + "easy-read/search/")
    page.wait_for_selector("#postcode-box:not([hidden])")
    sort_by_postcode(page, "RV4 2EH")
    assert wait_for_status(page, "The nearest to RV4 2EH are first.") == (
        f"We found {len(SERVICES)} services. The nearest to RV4 2EH are first.")
    assert_nearest_first(page, "RV4 2EH", set(SERVICES))


def test_easy_read_a_postcode_with_a_filter_lists_the_matching_services_nearest_first(fresh, site_url):
    page = fresh
    postcode_after_filters(page, site_url + "easy-read/search/?area=Southmere", "We found", "RV4 2EH")
    southmere = in_area("southmere")
    assert wait_for_status(page, "The nearest to RV4 2EH are first.") == (
        f"We found {len(southmere)} pages. You chose: Southmere. The nearest to RV4 2EH are first.")
    assert_nearest_first(page, "RV4 2EH", southmere)


def test_near_me_alone_lists_every_service_nearest_first(browser, site_url):
    here = LOOKUP["postcodes"]["RV9 1HB"]
    context = browser.new_context(geolocation={"latitude": here[0], "longitude": here[1]}, permissions=["geolocation"])
    page = context.new_page()
    page.goto(site_url + "search/")
    page.click("#near-me")
    assert wait_for_status(page, "nearest first") == f"{len(SERVICES)} services, nearest first."
    assert_nearest_first(page, "RV9 1HB", set(SERVICES))
    context.close()
