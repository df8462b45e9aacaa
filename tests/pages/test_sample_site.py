"""The sample site built end to end: every page the issue lists is written, and each page
kind shows the facts its records hold.

Pages are checked by parsing their HTML (tests/htmlparse.py). What a page must show is
derived from the content files themselves (tests/sampledata.py reads them with
yaml.safe_load), so these tests follow the sample when it changes.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from urllib.parse import unquote_plus, urlsplit

import pytest

import sampledata as data
from conftest import TODAY, make_site, run_cli
from htmlparse import Document, html_files, page_url, parse_file, resolve, url_scheme, visible_text

SITE = data.site_yaml()
BASE = SITE["base_url"]
TODAY_DATE = dt.date.fromisoformat(TODAY)
SERVICES = data.services()
PROVIDERS = data.providers()
PAGES = data.info_pages()
ACCESS_LABELS = {  # how each access feature must be named on a page
    "step-free": "Step-free access", "lift": "Lift", "accessible-toilet": "Accessible toilet",
    "changing-places": "Changing Places toilet", "hearing-loop": "Hearing loop",
    "accessible-parking": "Accessible parking", "quiet-space": "Quiet space",
    "bsl": "Staff who use British Sign Language",
}
STATUS_LABELS = {"closed": "Closed", "temporarily-closed": "Temporarily closed"}


@functools.cache
def load(out: Path, url: str) -> Document:
    """The parsed page published at `url` ("services/a/b/", "404.html"), parsed once."""
    file = out / (url if url.endswith(".html") else url + "index.html")
    assert file.is_file(), f"{url} was not written"
    doc = parse_file(file)
    doc.url = url
    return doc


@pytest.fixture(scope="module")
def page(sample_site):
    """page("services/a/b/") -> the parsed Document of that page."""
    return functools.partial(load, sample_site)


def main_of(doc: Document):
    main = doc.find("main")
    assert main is not None, f"{doc.url}: no <main>"
    return main


def links_in(doc: Document, element=None) -> list[tuple[str, str]]:
    """(site-relative target path, link text) of every internal link in `element`."""
    found = []
    for a in (element or doc).find_all("a"):
        href = a.get("href")
        target = resolve(BASE, doc.url, href) if href is not None else None
        if target is not None:
            found.append((target[0], a.text))
    return found


def service_url(service_id: str) -> str:
    return f"services/{service_id}/"


def services_linked(doc: Document, element=None) -> list[str]:
    """Service ids linked from element, in order, each once."""
    ids = []
    for target, _ in links_in(doc, element):
        match = re.fullmatch(r"services/([a-z0-9-]+/[a-z0-9-]+)/", target)
        if match and match.group(1) not in ids:
            ids.append(match.group(1))
    return ids


def element_with_text(root, text: str):
    return [el for el in root.iter() if el.tag not in ("main", "body", "html") and el.text == text]


# ---------------------------------------------------------------- every page is written

def expected_pages() -> list[str]:
    pages = ["", "providers/", "a-to-z/", "accessibility-statement/", "open-data/", "404.html"]
    pages += [service_url(sid) for sid in SERVICES]
    pages += [f"providers/{key}/" for key in PROVIDERS]
    pages += [f"{slug}/" for slug in PAGES]
    for taxonomy in data.TAXONOMIES:
        folder = data.BROWSE_FOLDERS[taxonomy]
        pages += [f"{folder}/"] + [f"{folder}/{key}/" for key in data.terms(taxonomy)]
    return pages


def test_build_writes_every_page_the_issue_lists(sample_site):
    missing = [url for url in expected_pages()
               if not (sample_site / (url if url.endswith(".html") else url + "index.html")).is_file()]
    missing += [name for name in ("sitemap.xml", "robots.txt") if not (sample_site / name).is_file()]
    assert missing == []


def test_sample_covers_every_kind_of_listing_these_tests_check():
    statuses = Counter(s.get("status", "active") for s in SERVICES.values())
    assert statuses["closed"] >= 1 and statuses["temporarily-closed"] >= 1
    assert any(s.get("hub") for s in SERVICES.values()) and any(s.get("spoke_of") for s in SERVICES.values())
    assert any(not s.get("locations") for s in SERVICES.values())
    assert any("free" in s.get("funding", []) for s in SERVICES.values())
    assert any(s.get("costs") for s in SERVICES.values())
    assert any(s.get("regulator_id") for s in SERVICES.values())
    assert any(s.get("alert") for s in SERVICES.values())
    sessions = [t for s in SERVICES.values() for t in s.get("times", [])]
    assert any(map(data.is_evening, sessions)) and any(map(data.is_weekend, sessions))
    due = [sid for sid, s in SERVICES.items() if data.is_due_for_review(s, TODAY_DATE, SITE["review_months"])]
    assert len(due) == 3, due


# ---------------------------------------------------------------- service pages

ALL_SERVICES = sorted(SERVICES)


@pytest.mark.parametrize("sid", ALL_SERVICES)
def test_service_page_heading_summary_groups_areas_and_activities(page, sid):
    record, doc = SERVICES[sid], page(service_url(sid))
    main = main_of(doc)
    assert [h.text for h in doc.h1s()] == [record["name"]]
    shown = visible_text(main)
    assert record["summary"] in shown
    who_for, areas, activities = (data.terms(t) for t in ("who_for", "areas", "activities"))
    for key in record["who_for"]:
        assert who_for[key] in shown, f"group {key!r} not shown"
    for key in record["areas"]:
        assert (f"areas/{key}/", areas[key]) in links_in(doc, main), f"area {key!r} not linked"
    for key in record.get("activities", []):
        assert activities[key] in shown


@pytest.mark.parametrize("sid", ALL_SERVICES)
def test_service_page_shows_its_types_of_support(page, sid):
    # The issue: a service page shows "every field of the record"; types is a required field.
    record, doc = SERVICES[sid], page(service_url(sid))
    main = main_of(doc)
    types = data.terms("types")
    for key in record["types"]:
        assert types[key] in visible_text(main), f"type of support {key!r} ({types[key]!r}) not shown"


@pytest.mark.parametrize("sid", ALL_SERVICES)
def test_service_page_locations_show_address_postcode_access_and_map_link(page, sid):
    record, doc = SERVICES[sid], page(service_url(sid))
    main = main_of(doc)
    shown = visible_text(main)
    map_links = [a.get("href") for a in main.find_all("a") if urlsplit(a.get("href") or "").hostname in
                 ("www.openstreetmap.org", "openstreetmap.org")]
    locations = record.get("locations") or []
    assert len(map_links) == len(locations)
    for location, href in zip(locations, map_links):
        assert location["name"] in shown
        assert location["address"] in shown
        assert data.postcode(location["postcode"]) in shown
        if location.get("coordinates"):
            lat, lon = location["coordinates"]
            assert f"mlat={lat}" in href and f"mlon={lon}" in href, href
        else:
            assert data.postcode(location["postcode"]) in unquote_plus(urlsplit(href).query), href
        for feature in location.get("access") or []:
            assert ACCESS_LABELS[feature] in shown, feature
    if not locations:
        assert "one-to-one" in shown.lower()


@pytest.mark.parametrize("sid", ALL_SERVICES)
def test_service_page_times_table_writes_days_and_times_in_full(page, sid):
    record, doc = SERVICES[sid], page(service_url(sid))
    main = main_of(doc)
    sessions = record.get("times") or []
    tables = main.find_all("table")
    if not sessions:
        assert tables == []
        return
    assert len(tables) == 1
    table = tables[0]
    caption = table.find("caption")
    assert caption is not None and caption.text
    body = table.find("tbody") or table
    rows = [row for row in body.find_all("tr") if row.find("td")]
    assert len(rows) == len(sessions)
    for row, session in zip(rows, sessions):
        heading = row.find("th")
        assert heading is not None and heading.get("scope") == "row"
        row_text = row.text
        assert heading.own_text == data.days_in_full(session["days"])
        assert data.hours_text(session) in row_text
        assert bool(element_with_text(row, "Evening")) == data.is_evening(session), row_text
        assert bool(element_with_text(row, "Weekend")) == data.is_weekend(session), row_text
        if session.get("note"):
            assert session["note"] in row_text
    if any(map(data.is_evening, sessions)):
        assert "evening" in caption.text.lower()
    if any(map(data.is_weekend, sessions)):
        assert "weekend" in caption.text.lower()


@pytest.mark.parametrize("sid", ALL_SERVICES)
def test_service_page_costs_say_free_or_each_price(page, sid):
    record, doc = SERVICES[sid], page(service_url(sid))
    shown = visible_text(main_of(doc))
    if "free" in record.get("funding", []):
        assert re.search(r"\bFree\b", shown)
    for cost in record.get("costs") or []:
        assert f"{cost['label']}: {data.cost_text(cost)}" in shown


def test_costs_are_written_the_gov_uk_way():
    assert data.cost_text({"amount": 42.5, "per": "day"}) == "£42.50 a day"
    assert data.cost_text({"amount": 52.0, "per": "day"}) == "£52 a day"
    assert data.cost_text({"amount": 24.5, "per": "hour"}) == "£24.50 an hour"


@pytest.mark.parametrize("sid", ALL_SERVICES)
def test_service_page_contact_links_phone_email_and_website(page, sid):
    record, doc = SERVICES[sid], page(service_url(sid))
    main = main_of(doc)
    contact = record.get("contact") or PROVIDERS[record["_provider"]].get("contact") or {}
    hrefs = {a.get("href"): a.text for a in main.find_all("a")}
    if contact.get("phone"):
        href = data.phone_href(contact["phone"])
        assert href in hrefs and hrefs[href] == data.phone_display(contact["phone"])
    if contact.get("email"):
        assert f"mailto:{contact['email']}" in hrefs
    if contact.get("website"):
        assert contact["website"] in hrefs


@pytest.mark.parametrize("sid", ALL_SERVICES)
def test_service_page_links_cqc_report_only_when_registered(page, sid):
    record, doc = SERVICES[sid], page(service_url(sid))
    main = main_of(doc)
    cqc = [a.get("href") for a in main.find_all("a") if "cqc.org.uk" in (a.get("href") or "")]
    if record.get("regulator_id"):
        assert cqc == [f"https://www.cqc.org.uk/location/{record['regulator_id']}"]
    else:
        assert cqc == []
        said = "not registered with the Care Quality Commission" in visible_text(main)
        assert said == (record.get("regulated") is False)  # a missing id means "we do not know": nothing is said


@pytest.mark.parametrize("sid", ALL_SERVICES)
def test_service_page_links_its_provider(page, sid):
    record, doc = SERVICES[sid], page(service_url(sid))
    provider = record["_provider"]
    assert (f"providers/{provider}/", PROVIDERS[provider]["name"]) in links_in(doc, main_of(doc))


@pytest.mark.parametrize("sid", [s for s in ALL_SERVICES if SERVICES[s].get("hub") or SERVICES[s].get("spoke_of")])
def test_hub_and_spoke_pages_link_each_other(page, sid):
    record, doc = SERVICES[sid], page(service_url(sid))
    linked = links_in(doc, main_of(doc))
    if record.get("hub"):
        spokes = [other for other, r in SERVICES.items() if r.get("spoke_of") == sid]
        assert spokes, f"the sample hub {sid} has no spokes"
        for spoke in spokes:
            assert (service_url(spoke), SERVICES[spoke]["name"]) in linked
    if record.get("spoke_of"):
        hub = record["spoke_of"]
        assert (service_url(hub), SERVICES[hub]["name"]) in linked


@pytest.mark.parametrize("sid", ALL_SERVICES)
def test_service_page_last_checked_date_and_review_notice(page, sid):
    record, doc = SERVICES[sid], page(service_url(sid))
    main = main_of(doc)
    times = [t for t in main.find_all("time") if t.get("datetime") == record["last_reviewed"].isoformat()]
    assert times and times[0].text == data.date_text(record["last_reviewed"])
    assert "Last checked" in times[0].parent.text
    due = data.is_due_for_review(record, TODAY_DATE, SITE["review_months"])
    assert ("due for review" in visible_text(main)) == due


@pytest.mark.parametrize("sid", ALL_SERVICES)
def test_service_page_suggest_a_change_link_names_its_content_file(page, sid):
    record, doc = SERVICES[sid], page(service_url(sid))
    expected = SITE["edit_url"].replace("{path}", record["_path"])
    links = [a for a in main_of(doc).find_all("a") if a.get("href") == expected]
    assert len(links) == 1 and "Suggest a change" in links[0].text


@pytest.mark.parametrize("sid", ALL_SERVICES)
def test_service_page_status_tag_and_alert(page, sid):
    record, doc = SERVICES[sid], page(service_url(sid))
    main = main_of(doc)
    status = record.get("status", "active")
    for value, label in STATUS_LABELS.items():
        tagged = element_with_text(main, label)
        assert bool(tagged) == (status == value), f"{label!r} tag shown: {bool(tagged)}, status {status}"
    if record.get("alert"):
        assert record["alert"] in visible_text(main)


# ---------------------------------------------------------------- provider pages

@pytest.mark.parametrize("key", sorted(PROVIDERS))
def test_provider_page_shows_description_contact_and_every_service(page, key):
    record, doc = PROVIDERS[key], page(f"providers/{key}/")
    main = main_of(doc)
    shown = visible_text(main)
    assert [h.text for h in doc.h1s()] == [record["name"]]
    assert record["description"] in shown
    hrefs = {a.get("href"): a.text for a in main.find_all("a")}
    contact = record.get("contact") or {}
    if contact.get("phone"):
        assert hrefs.get(data.phone_href(contact["phone"])) == data.phone_display(contact["phone"])
    if contact.get("email"):
        assert f"mailto:{contact['email']}" in hrefs
    if record.get("cqc_provider_id"):
        assert f"https://www.cqc.org.uk/provider/{record['cqc_provider_id']}" in hrefs
    if record.get("charity_number"):
        assert str(record["charity_number"]) in shown
    own = {sid for sid, s in SERVICES.items() if s["_provider"] == key}
    assert set(services_linked(doc, main)) == own


def test_providers_index_links_every_provider_by_name(page):
    doc = page("providers/")
    linked = links_in(doc, main_of(doc))
    for key, record in PROVIDERS.items():
        assert (f"providers/{key}/", record["name"]) in linked


# ---------------------------------------------------------------- browse pages

BROWSE = [(taxonomy, key) for taxonomy in data.TAXONOMIES for key in data.terms(taxonomy)]


@pytest.mark.parametrize(("taxonomy", "key"), BROWSE, ids=[f"{t}/{k}" for t, k in BROWSE])
def test_browse_page_lists_its_services_open_ones_first(page, taxonomy, key):
    doc = page(f"{data.BROWSE_FOLDERS[taxonomy]}/{key}/")
    main = main_of(doc)
    assert [h.text for h in doc.h1s()] == [data.terms(taxonomy)[key]]
    expected = {sid for sid, s in SERVICES.items() if key in (s.get(taxonomy) or [])}
    listed = services_linked(doc, main)
    assert set(listed) == expected
    states = [SERVICES[sid].get("status", "active") != "active" for sid in listed]
    assert states == sorted(states), f"closed services must come after open ones: {listed}"
    for a in main.find_all("a"):  # each closed service is marked where it is listed
        target = resolve(BASE, doc.url, a.get("href") or "")
        sid = target and re.fullmatch(r"services/(.+)/", target[0])
        if sid and SERVICES[sid.group(1)].get("status", "active") != "active":
            card = next(anc for anc in a.ancestors() if anc.tag == "li")
            assert STATUS_LABELS[SERVICES[sid.group(1)]["status"]] in card.text


@pytest.mark.parametrize("taxonomy", data.TAXONOMIES)
def test_browse_index_links_every_key_in_site_yaml(page, taxonomy):
    folder = data.BROWSE_FOLDERS[taxonomy]
    doc = page(f"{folder}/")
    assert len(doc.h1s()) == 1
    linked = links_in(doc, main_of(doc))
    for key, label in data.terms(taxonomy).items():
        assert (f"{folder}/{key}/", label) in linked


def test_empty_browse_pages_are_written_say_so_and_give_the_council_phone(tmp_path):
    # The minimal site has keys no service uses: area "south", group "dementia", two types.
    site = make_site(tmp_path / "site")
    out = tmp_path / "out"
    result = run_cli("build", "--root", str(site), "--out", str(out), "--today", TODAY, "--no-search")
    assert result.exit_code == 0, result.output
    for url in ("areas/south/", "who-for/dementia/", "types/day-centre/", "types/one-to-one/"):
        doc = parse_file(out / url / "index.html")
        main = main_of(doc)
        assert "no services" in visible_text(main).lower(), url
        assert any(a.get("href") == "tel:+441632960000" and a.text == "01632 960000" for a in main.find_all("a")), url
        assert not [a for a in main.find_all("a") if "services/" in (a.get("href") or "")]


# ---------------------------------------------------------------- A to Z, home, information pages

def test_a_to_z_lists_every_service_once_in_alphabetical_order(page):
    doc = page("a-to-z/")
    linked = [target for target, _ in links_in(doc, main_of(doc)) if target.startswith("services/")]
    counts = Counter(linked)
    assert set(counts) == {service_url(sid) for sid in SERVICES}
    assert [url for url, n in counts.items() if n != 1] == []
    names = [SERVICES[url.removeprefix("services/").rstrip("/")]["name"] for url in linked]
    assert names == sorted(names, key=str.casefold)


def test_a_to_z_marks_closed_services(page):
    doc = page("a-to-z/")
    for a in main_of(doc).find_all("a"):
        target = resolve(BASE, "a-to-z/", a.get("href") or "")
        match = target and re.fullmatch(r"services/(.+)/", target[0])
        if match and SERVICES[match.group(1)].get("status", "active") != "active":
            assert STATUS_LABELS[SERVICES[match.group(1)]["status"]] in a.parent.text


def test_home_page_names_the_site_and_links_browse_pages_a_to_z_and_information(page):
    doc = page("")
    main = main_of(doc)
    assert [h.text for h in doc.h1s()] == [SITE["title"]]
    linked = {target for target, _ in links_in(doc, main)}
    for taxonomy, key in BROWSE:
        assert f"{data.BROWSE_FOLDERS[taxonomy]}/{key}/" in linked
    assert "a-to-z/" in linked
    for slug in PAGES:
        assert f"{slug}/" in linked
    assert str(len(SERVICES)) in visible_text(main)


def markdown_headings(body: str) -> list[str]:
    return [re.sub(r"[*_`]", "", m.group(1)).strip() for m in re.finditer(r"^#{1,6}\s+(.+?)\s*#*$", body, re.M)]


@pytest.mark.parametrize("slug", sorted(PAGES))
def test_information_page_shows_title_summary_headings_and_edit_link(page, slug):
    record, doc = PAGES[slug], page(f"{slug}/")
    main = main_of(doc)
    assert [h.text for h in doc.h1s()] == [record["title"]]
    shown = visible_text(main)
    assert record["summary"] in shown
    headings = [h.text for level in ("h2", "h3", "h4") for h in main.find_all(level)]
    for heading in markdown_headings(record["_body"]):
        assert heading in headings
    expected = SITE["edit_url"].replace("{path}", record["_path"])
    assert expected in [a.get("href") for a in main.find_all("a")]


def test_accessibility_statement_names_the_organisation_and_its_contact(page):
    doc = page("accessibility-statement/")
    main = main_of(doc)
    assert len(doc.h1s()) == 1 and "accessibility statement" in doc.h1s()[0].text.lower()
    assert SITE["organisation"] in visible_text(main)
    hrefs = [a.get("href") for a in main.find_all("a")]
    assert data.phone_href(SITE["contact"]["phone"]) in hrefs and f"mailto:{SITE['contact']['email']}" in hrefs


def test_not_found_page_links_home_with_paths_that_work_at_any_depth(page):
    doc = page("404.html")
    assert len(doc.h1s()) == 1 and "not found" in doc.h1s()[0].text.lower()
    base_path = urlsplit(BASE).path
    internal = [a.get("href") for a in main_of(doc).find_all("a") if not url_scheme(a.get("href") or "")]
    assert base_path in internal  # the home page
    # A 404 page is served at any missing address, so its links cannot be relative.
    assert [h for h in internal if not h.startswith(base_path) and not h.startswith("#")] == []


# ---------------------------------------------------------------- sitemap and robots

def test_sitemap_lists_every_page_with_absolute_urls(sample_site):
    root = ET.parse(sample_site / "sitemap.xml").getroot()
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in root.findall("s:url/s:loc", namespace)]
    assert len(locs) == len(set(locs))
    assert all(loc.startswith(BASE) for loc in locs)
    # Pages no search engine should send people to: the 404 page and the offline app's own pages.
    utility = {"404.html", "offline/", "my-list/"}
    pages = {BASE + url for url in (page_url(sample_site, f) for f in html_files(sample_site) if "pagefind" not in f.parts)
             if url.removeprefix("easy-read/") not in utility}
    assert sorted(pages - set(locs)) == [] and sorted(set(locs) - pages) == []


def test_robots_txt_points_at_the_sitemap(sample_site):
    lines = (sample_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {BASE}sitemap.xml" in lines
    assert "User-agent: *" in lines
    assert "Disallow: /" not in lines


# ---------------------------------------------------------------- every page

def all_pages(sample_site) -> list[Document]:
    return [load(sample_site, page_url(sample_site, f)) for f in html_files(sample_site) if "pagefind" not in f.parts]


def test_every_page_has_exactly_one_h1(sample_site):
    wrong = {d.url: len(d.h1s()) for d in all_pages(sample_site) if len(d.h1s()) != 1}
    assert wrong == {}


def test_every_page_starts_with_a_skip_link_to_main_content(sample_site):
    wrong = []
    for doc in all_pages(sample_site):
        first = doc.find("body").find("a")
        target = doc.by_id("main-content")
        if first is None or first.get("href") != "#main-content" or target is None or target.tag != "main":
            wrong.append(doc.url)
    assert wrong == []


def test_every_page_is_html5_in_british_english(sample_site):
    wrong = [d.url for d in all_pages(sample_site)
             if d.doctype.lower() != "doctype html" or d.html.get("lang") != SITE.get("language", "en-GB")
             or not d.title]
    assert SITE.get("language", "en-GB") == "en-GB"
    assert wrong == []


def footer_links(doc: Document) -> list[tuple[str, str]]:
    footer = doc.find("footer")
    assert footer is not None, doc.url
    links = []
    for a in footer.find_all("a"):
        target = resolve(BASE, doc.url, a.get("href"))
        links.append((target[0] if target else a.get("href"), a.text))
    return links


def test_every_page_has_the_same_footer_links(sample_site):
    by_version: dict[str, dict[tuple, list[str]]] = {"standard": {}, "easy": {}}
    for doc in all_pages(sample_site):
        url = doc.url
        version = "easy" if url.startswith("easy-read/") else "standard"
        by_version[version].setdefault(tuple(footer_links(doc)), []).append(url)
    for version, variants in by_version.items():
        assert len(variants) == 1, f"{version} pages have {len(variants)} different footers: " + "; ".join(
            f"{urls[:3]}..." for urls in variants.values())
    standard = dict(next(iter(by_version["standard"])))
    targets = set(standard)
    assert {f"{slug}/" for slug in PAGES} <= targets
    assert {"providers/", "accessibility-statement/"} <= targets
    assert data.phone_href(SITE["safeguarding"]["phone"]) in targets
    assert data.phone_href(SITE["contact"]["phone"]) in targets


def test_no_page_loads_css_scripts_or_images_from_another_host(sample_site):
    offenders = []
    for doc in all_pages(sample_site):
        url = doc.url
        loaded = [(el.tag, el.get("href")) for el in doc.find_all("link")
                  if set((el.get("rel") or "").split()) & {"stylesheet", "icon", "preload", "modulepreload", "manifest",
                                                            "apple-touch-icon", "prefetch"}]
        loaded += [(el.tag, el.get("src")) for tag in ("script", "img", "iframe", "source", "video", "audio", "embed")
                   for el in doc.find_all(tag) if el.get("src")]
        for tag, href in loaded:
            if url_scheme(href) or href.startswith("//") or resolve(BASE, url, href) is None:
                offenders.append((url, tag, href))
    assert offenders == []


@pytest.mark.parametrize("index", ["pagefind", "easy-read/pagefind"])
def test_both_search_indexes_are_complete_when_the_build_ends(sample_site, index):
    """Pagefind's Python API once stopped its process mid-write, leaving an empty entry file and a
    search page that said "Search could not start"; the build now waits for Pagefind to finish."""
    folder = sample_site / index
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = folder / f"pagefind.{entry['languages']['en']['hash']}.pf_meta"
    assert entry["languages"]["en"]["page_count"] > 0 and meta.stat().st_size > 0
    assert all(file.stat().st_size > 0 for file in folder.rglob("*") if file.is_file())
