"""The open data every build publishes under openreferral/: valid ORUK 3.0, stable ids, a safe spreadsheet."""

from __future__ import annotations

import csv
import json
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
        assert not any(value.startswith(("=", "+", "-", "@")) for value in row.values())
    assert any(row["longitude"].startswith("'-") for row in rows)  # negative longitudes, quoted


def test_neutralise_guards_every_formula_start():
    from builder.model.spreadsheet import neutralise
    assert [neutralise(v) for v in ("=SUM(A1)", "+1", "-2", "@x", "plain")] == ["'=SUM(A1)", "'+1", "'-2", "'@x", "plain"]


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
