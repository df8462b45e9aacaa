"""The open data every build publishes under openreferral/: valid ORUK 3.0, stable ids, a safe spreadsheet."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from orukschema import errors_of, oruk_validator

import sampledata as data

SERVICES = data.services()
from htmlparse import parse_file


def load(sample_site: Path, name: str) -> dict:
    return json.loads((sample_site / "openreferral" / name).read_text(encoding="utf-8"))


def test_every_service_file_validates_against_oruk_3(sample_site: Path):
    service = oruk_validator("service.json")
    files = sorted((sample_site / "openreferral" / "services").glob("*.json"))
    assert len(files) == len(SERVICES)
    for file in files:
        assert errors_of(service, json.loads(file.read_text(encoding="utf-8"))) == [], file.name


def test_the_validator_does_reject_a_broken_service():
    broken = {"id": "not-a-uuid", "name": "X", "status": "open", "schedules": [{"id": "x", "freq": "DAILY"}]}
    assert len(errors_of(oruk_validator("service.json"), broken)) >= 3


@pytest.mark.parametrize("name, schema", [("services.json", "service.json"), ("taxonomies.json", "taxonomy.json"),
                                          ("taxonomy_terms.json", "taxonomy_term.json")])
def test_every_page_is_an_oruk_page_of_valid_items(sample_site: Path, name: str, schema: str):
    page = load(sample_site, name)
    assert {k: page[k] for k in ("total_pages", "page_number", "first_page", "last_page", "empty")} == \
        {"total_pages": 1, "page_number": 1, "first_page": True, "last_page": True, "empty": False}
    assert page["total_items"] == page["size"] == len(page["contents"])
    validator = oruk_validator(schema)
    for item in page["contents"]:
        assert errors_of(validator, item) == []


def test_the_api_root_and_the_list_of_services(sample_site: Path):
    root = load(sample_site, "index.json")
    assert root["version"] == "3.0" and root["profile"].startswith("https://") and root["openapi_url"].endswith("openapi.json")
    listed = load(sample_site, "services.json")["contents"]
    assert len(listed) == len(SERVICES)
    assert all(not isinstance(v, (list, dict)) for item in listed for v in item.values())  # one-to-one fields only


def test_a_service_carries_its_facts(sample_site: Path):
    services = [json.loads(f.read_text(encoding="utf-8")) for f in (sample_site / "openreferral" / "services").glob("*.json")]
    record = next(s for s in services if s["name"] == "Riverside Day Centre")
    assert record["organization"]["name"] == "Riverside Care Trust"
    location = record["service_at_locations"][0]["location"]
    assert location["addresses"][0]["postal_code"] == "RV1 2AB" and isinstance(location["latitude"], float)
    assert {"byday": "MO,TU,WE,TH,FR", "opens_at": "09:30", "closes_at": "15:30", "freq": "WEEKLY"}.items() <= record["schedules"][0].items()
    assert {c["amount"] for c in record["cost_options"]} == {52.0, 7.5}
    assert record["contacts"][0]["phones"][0]["number"] == "01632 960200"
    terms = {(a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["term"]) for a in record["attributes"]}
    assert ("types", "day-centre") in terms and ("who_for", "dementia") in terms
    assert {a["service_area"] for a in record["service_areas"]} == {"redvale-city", "southmere"}


def test_ids_are_stable_uuids_derived_from_base_url_and_path(sample_site: Path):
    import uuid
    expected = uuid.uuid5(uuid.NAMESPACE_URL, "https://example.github.io/day-opportunities/#content/providers/riverside-care/riverside-day-centre.md")
    assert (sample_site / "openreferral" / "services" / f"{expected}.json").is_file()


def test_the_spreadsheet_lists_every_service_and_neutralises_formulas(sample_site: Path):
    text = (sample_site / "openreferral" / "services.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines()))
    assert len(rows) == len(SERVICES)
    for row in rows:
        assert not any(value.startswith(("=", "+", "-", "@")) and not re.fullmatch(r"-?\d+(\.\d+)?", value) for value in row.values())
    assert any(row["longitude"].startswith("-") for row in rows)  # negative longitudes: numbers, not formulas


def test_neutralise_guards_every_formula_start_but_not_a_number():
    from builder.model.spreadsheet import neutralise
    assert [neutralise(v) for v in ("=SUM(A1)", "+1 2", "-2-A1", "@x", "plain", "-1.958", "+44")] == \
        ["'=SUM(A1)", "'+1 2", "'-2-A1", "'@x", "plain", "-1.958", "+44"]


def test_the_spreadsheet_id_is_the_oruk_id_and_the_file_has_its_column(sample_site: Path):
    rows = list(csv.DictReader((sample_site / "openreferral" / "services.csv").read_text(encoding="utf-8-sig").splitlines()))
    services = {s["id"] for s in load(sample_site, "services.json")["contents"]}
    assert {row["id"] for row in rows} == services
    assert all(row["file"].startswith("content/providers/") and row["file"].endswith(".md") for row in rows)


def records(site: Path) -> list[dict]:
    return [json.loads(f.read_text(encoding="utf-8")) for f in sorted((site / "openreferral" / "services").glob("*.json"))]


def test_phones_are_also_where_oruk_puts_them(sample_site: Path):
    record = next(s for s in records(sample_site) if s["name"] == "Riverside Day Centre")
    assert record["phones"][0]["number"] == "01632 960200"
    assert all(at["location"]["phones"][0]["number"] == "01632 960200" for at in record["service_at_locations"])


def test_descriptions_are_plain_text(sample_site: Path):
    described = [s["description"] for s in records(sample_site) if "description" in s]
    assert described and not any(mark in text for text in described for mark in ("## ", "**", "](", "\n# "))


def test_every_attribute_term_is_listed_as_taxonomy_terms_lists_it(sample_site: Path):
    taxonomies = {t["name"] for t in load(sample_site, "taxonomies.json")["contents"]}
    terms = {t["id"]: t for t in load(sample_site, "taxonomy_terms.json")["contents"]}
    used = [a["taxonomy_term"] for s in records(sample_site) for a in s["attributes"]]
    assert {"transport", "referral", "needs_assessment", "cost_kind"} <= {t["taxonomy"] for t in used}
    assert {t["taxonomy"] for t in used} <= taxonomies
    assert [t for t in used if terms.get(t["id"]) != t] == []


def test_free_and_cost_not_stated_read_apart_and_no_fees(sample_site: Path):
    services = {s["name"]: s for s in records(sample_site)}
    assert not any("fees" in s for s in services.values())
    options = [o for s in services.values() for o in s["cost_options"]]
    free = [o for o in options if o.get("amount_description") == "free"]
    unstated = [o for o in options if o.get("amount_description") == "not stated"]
    assert free and all(o["amount"] == 0 for o in free)
    assert unstated and all("amount" not in o for o in unstated)


def test_one_location_id_per_venue_and_the_county_filled(sample_site: Path):
    ids_by_address = {}
    for service in records(sample_site):
        for at in service["service_at_locations"]:
            address = at["location"]["addresses"][0]
            ids_by_address.setdefault((address["address_1"], address["postal_code"]), set()).add(at["location_id"])
            assert address["state_province"] == "Redvale"
    assert all(len(found) == 1 for found in ids_by_address.values())
    assert len({i for found in ids_by_address.values() for i in found}) == len(ids_by_address)


def test_a_service_links_back_to_its_catalogue_page_and_keeps_its_own_website(sample_site: Path):
    record = next(s for s in records(sample_site) if s["name"] == "Riverside Day Centre")
    assert record["url"] == "https://example.github.io/day-opportunities/services/riverside-care/riverside-day-centre/"
    assert record["catalogue"]["file"] == "content/providers/riverside-care/riverside-day-centre.md"
    assert record["organization"]["catalogue"]["kind"] == "charity"


def test_plain_text_of_markdown():
    from builder.publish.plaintext import plain_text
    markdown = "## What you can do\n\n- **Art** and *music*\n- [Our leaflet](https://x.example/l.pdf)\n\nA snake_case_word stays."
    assert plain_text(markdown) == "What you can do\n\n• Art and music\n• Our leaflet (https://x.example/l.pdf)\n\nA snake_case_word stays."


@pytest.mark.parametrize("url", ["open-data/index.html", "easy-read/open-data/index.html"])
def test_the_open_data_page_and_its_twin_are_linked_from_every_footer(sample_site: Path, url: str):
    page = parse_file(sample_site / url)
    links = [a.get("href") for a in page.find_all("a")]
    assert any(href.endswith("openreferral/services.csv") for href in links)
    home = parse_file(sample_site / ("easy-read/index.html" if url.startswith("easy") else "index.html"))
    footer = home.find("footer")
    assert any(a.text.strip() == "Open data" for a in footer.find_all("a"))
    assert "open-data/" in (sample_site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_open_data_page_names_the_licence(sample_site: Path):
    text = parse_file(sample_site / "open-data/index.html").find("main").text
    assert "Open Government Licence v3.0" in text and "Open Referral UK" in text
