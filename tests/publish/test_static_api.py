"""The open data read the way the official ORUK validator (tpximpact/oruk-validator) reads an API,
from a plain static server (python's http.server, which, like GitHub Pages, redirects `x` to `x/`,
serves `x/index.html` and ignores the query string): base, /services?page=1, the middle and last
page, /services/{id} for ten ids, and the Level 2 lists and items, each checked against the ORUK 3.0 schemata."""

from __future__ import annotations

import contextlib
import json
import urllib.request
from pathlib import Path

import pytest

from builder.audit.browser import serve
from builder.publish import static_api
from builder.publish.records import page
from orukschema import errors_of, oruk_validator, page_errors

LEVEL_2 = {"taxonomies": "taxonomy.json", "taxonomy_terms": "taxonomy_term.json",
           "organizations": "organization.json", "service_at_locations": "service_at_location.json"}
ITEM_SCHEMA = {"service_at_locations": "service.json"}  # the ORUK API answers a service at a location with its service in full


@contextlib.contextmanager
def static_server(folder: Path):
    """The folder served by http.server at the root (as the audit serves a site): the host, without a slash."""
    with serve(folder) as url:
        yield url.removesuffix("/")


def call(url: str) -> dict:
    """As the validator calls: follows redirects, ignores the content type, reads JSON."""
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200, url
        return json.loads(response.read().decode("utf-8"))


def validator_calls(base: str) -> dict[str, list[str]]:
    """{call: problems} for every call the validator makes of the API at `base`."""
    problems = {}
    root = call(base)
    problems[base] = [] if root.get("version") == "3.0" and root.get("openapi_url", "").endswith("openapi.json") else [repr(root)]
    first = call(f"{base}/services?page=1")
    problems["/services?page=1"] = page_errors(first, "service.json")
    for number in sorted({(first["total_pages"] + 1) // 2, first["total_pages"]}):
        problems[f"/services?page={number}"] = page_errors(call(f"{base}/services?page={number}"), "service.json")
    for item in first["contents"][:10]:
        record = call(f"{base}/services/{item['id']}")
        problems[f"/services/{item['id']}"] = errors_of(oruk_validator("service.json"), record) + (
            [] if record["id"] == item["id"] else ["another service"])
    for endpoint, schema in LEVEL_2.items():
        listed = call(f"{base}/{endpoint}?page=1")
        problems[f"/{endpoint}"] = page_errors(listed, schema) + ([] if listed["contents"] else ["empty"])
        for item in listed["contents"][:3]:
            found = call(f"{base}/{endpoint}/{item['id']}")
            problems[f"/{endpoint}/{item['id']}"] = errors_of(oruk_validator(ITEM_SCHEMA.get(endpoint, schema)), found)
    return problems


@pytest.mark.parametrize("site", ["sample_site", "bilingual_site"])
def test_the_validators_calls_get_valid_oruk_from_a_static_server(site: str, request):
    built = request.getfixturevalue(site)
    with static_server(built) as host:
        problems = validator_calls(f"{host}/openreferral")
    assert len(problems) >= 10 + 4 + 2
    assert {call: found for call, found in problems.items() if found} == {}


def test_the_calls_need_no_json_suffix_and_a_trailing_slash_is_fine(sample_site: Path):
    with static_server(sample_site) as host:
        root = call(f"{host}/openreferral/")
        listed = call(f"{host}/openreferral/services/")
        assert call(f"{host}/openreferral/services/{listed['contents'][-1]['id']}/")["id"] == listed["contents"][-1]["id"]
        with urllib.request.urlopen(f"{host}/openreferral/openapi.json", timeout=10) as response:
            assert json.loads(response.read())["info"]["version"] == "3.0"
    assert root["openapi_url"] == "https://example.github.io/day-opportunities/openreferral/openapi.json"


def test_the_json_files_and_the_folders_hold_the_same_documents(sample_site: Path):
    folder = sample_site / "openreferral"
    for name in ("index", "services", "taxonomies", "taxonomy_terms", "organizations", "service_at_locations"):
        index = folder / ("index.html" if name == "index" else f"{name}/index.html")
        assert index.read_bytes() == (folder / f"{name}.json").read_bytes(), name
    for record in (folder / "services").glob("*.json"):
        assert (folder / "services" / record.stem / "index.html").read_bytes() == record.read_bytes()
    assert "<" not in (folder / "services.json").read_text(encoding="utf-8")  # a browser reads index.html as HTML
    assert "CC BY 4.0" in (folder / "openapi.LICENCE.txt").read_text(encoding="utf-8") or \
        "creativecommons.org/licenses/by/4.0" in (folder / "openapi.LICENCE.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("items", [[], [{"id": "a", "name": "Tea & <chat>"}, {"id": "b", "name": "Café"}]])
def test_a_list_joined_from_kept_texts_has_the_bytes_of_the_list_encoded_whole(tmp_path, items):
    static_api.write_document(tmp_path / "whole", "services", page(items))
    static_api.write_page(tmp_path / "joined", "services", [static_api.json_text(item) for item in items])
    for name in ("services.json", "services/index.html"):
        assert (tmp_path / "joined" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes()
