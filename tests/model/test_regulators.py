"""The care regulator is a setting (`regulator:` in site.yaml): a site in Wales, Scotland or
Northern Ireland names its own regulator, explains registration its way and links its register,
on the standard and the Easy Read pages, in search, in `check` and in the open data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from builder.config import regulators
from builder.core.schemas import schema
from conftest import MINIMAL_SERVICE, MINIMAL_SITE, TODAY, make_site, run_cli
from htmlparse import parse_file, visible_text

# What a reader must see for each regulator, written out here rather than read from regulators.yaml.
EXPECTED = {
    "cqc": {"name": "Care Quality Commission", "id": "1-1234567890",
            "link": "https://www.cqc.org.uk/location/1-1234567890",
            "registered": "This service is registered with the Care Quality Commission (CQC), which inspects care services.",
            "easy": "The Care Quality Commission checks this service.",
            "filter": "Registered with the CQC", "easy_filter": "Checked by the Care Quality Commission", "open_data": "cqc_location_id"},
    "ciw": {"name": "Care Inspectorate Wales", "id": "SIN-00012345-ABCD",
            "link": "https://digital.careinspectorate.wales/directory/service/SIN-00012345-ABCD",
            "registered": "This service is registered with Care Inspectorate Wales (CIW), which inspects social care services in Wales.",
            "easy": "Care Inspectorate Wales checks this service.",
            "filter": "Registered with CIW", "easy_filter": "Checked by Care Inspectorate Wales", "open_data": "ciw_service_id"},
    "care-inspectorate": {"name": "Care Inspectorate", "id": "CS2003001025",
                          "link": "https://www.careinspectorate.com/index.php/care-services?detail=CS2003001025",
                          "registered": "This service is registered with the Care Inspectorate, which inspects care services in Scotland.",
                          "easy": "The Care Inspectorate checks this service.",
                          "filter": "Registered with the Care Inspectorate",
                          "easy_filter": "Checked by the Care Inspectorate", "open_data": "care_inspectorate_service_number"},
    "rqia": {"name": "Regulation and Quality Improvement Authority", "id": "11036",
             "link": "https://www.rqia.org.uk/what-we-do/register/services/",  # the register's search: see regulators.yaml
             "registered": "This service is registered with the Regulation and Quality Improvement Authority (RQIA), "
                           "which inspects health and social care services in Northern Ireland.",
             "easy": "The Regulation and Quality Improvement Authority checks this service.",
             "filter": "Registered with the RQIA",
             "easy_filter": "Checked by the Regulation and Quality Improvement Authority", "open_data": "rqia_service_id"},
}
SERVICE = "content/providers/testshire-care/garden-club.md"
UNREGISTERED = "content/providers/testshire-care/home-support.md"  # a type that may give personal care, `regulated: false`
UNKNOWN = "content/providers/testshire-care/day-care.md"  # the same type, with no id and nothing said: "we do not know"


def regulated_site(root: Path, key: str | None, id_field: str = "regulator_id", regulator_id: str | None = None) -> Path:
    site = MINIMAL_SITE.replace("easy: A support worker helps you}", "easy: A support worker helps you, personal_care: true}")
    if key:
        site = site.replace("review_months: 12\n", f"review_months: 12\nregulator: {key}\n")
    registered = MINIMAL_SERVICE.replace("funding: [free]\n", f'funding: [free]\n{id_field}: "{regulator_id or EXPECTED[key or "cqc"]["id"]}"\n')
    unregistered = (MINIMAL_SERVICE.replace("name: Garden Club", "name: Home Support")
                    .replace("types: [community-group]", "types: [one-to-one]").replace("funding: [free]\n", "funding: [free]\nregulated: false\n"))
    unknown = (MINIMAL_SERVICE.replace("name: Garden Club", "name: Day Care")
               .replace("types: [community-group]", "types: [one-to-one]"))
    return make_site(root, {"site.yaml": site, SERVICE: registered, UNREGISTERED: unregistered, UNKNOWN: unknown})


def build(root: Path, out: Path) -> Path:
    done = subprocess.run([sys.executable, "-m", "builder", "build", "--root", str(root), "--out", str(out),
                           "--today", TODAY, "--no-search"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def main_text(out: Path, url: str) -> str:
    return visible_text(parse_file(out / url / "index.html").find("main"))


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def built(request, tmp_path_factory) -> tuple[str, Path]:
    root = regulated_site(tmp_path_factory.mktemp(request.param) / "site", request.param)
    return request.param, build(root, root / "_site")


def test_the_service_page_names_the_regulator_explains_registration_and_links_its_register(built):
    key, out = built
    expected = EXPECTED[key]
    main = parse_file(out / "services/testshire-care/garden-club/index.html").find("main")
    quality = main.find("section", aria_labelledby="quality")
    assert expected["registered"] in visible_text(quality)
    assert [a.get("href") for a in quality.find_all("a")] == [expected["link"]]
    unregistered = main_text(out, "services/testshire-care/home-support")
    assert f"not registered with {'the ' if key in ('cqc', 'care-inspectorate', 'rqia') else ''}{expected['name']}" in unregistered
    unknown = parse_file(out / "services/testshire-care/day-care/index.html").find("main")
    assert unknown.find("section", aria_labelledby="quality") is None  # no id, nothing said: the page says nothing
    assert expected["name"] not in visible_text(unknown) and "registered" not in visible_text(unknown)


def test_the_easy_read_twin_says_the_regulator_checks_it_and_explains_who_that_is(built):
    key, out = built
    expected = EXPECTED[key]
    text = main_text(out, "easy-read/services/testshire-care/garden-club")
    assert expected["easy"] in text
    assert f"{expected['name']} is a group that checks care" in text  # the glossary, after the first use
    assert expected["easy"].replace("checks", "does not check") in main_text(out, "easy-read/services/testshire-care/home-support")
    unknown = parse_file(out / "easy-read/services/testshire-care/day-care/index.html").find("main")
    assert unknown.find("section", **{"aria-labelledby": "er-checked"}) is None
    assert expected["name"] not in visible_text(unknown) and "check this service" not in visible_text(unknown)


def test_no_page_names_another_regulator(built):
    key, out = built
    others = [e["name"] for k, e in EXPECTED.items() if k != key and e["name"] not in EXPECTED[key]["name"]]
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not [name for name in others if name in text], page
        if key != "cqc":
            assert "cqc.org.uk" not in text, page


def test_search_filters_registered_services_in_the_regulators_words(built):
    key, out = built
    search = parse_file(out / "search/index.html")
    labels = [visible_text(label) for label in search.find_all("label")]
    assert any(label.startswith(EXPECTED[key]["filter"]) for label in labels), labels
    easy = visible_text(parse_file(out / "easy-read/search/index.html").find("main"))
    assert EXPECTED[key]["easy_filter"] in easy


def test_the_open_data_names_the_id_by_its_regulator(built):
    key, out = built
    services = [json.loads(f.read_text(encoding="utf-8")) for f in (out / "openreferral/services").glob("*.json")]
    garden = next(s for s in services if s["name"] == "Garden Club")
    location = garden["service_at_locations"][0]["location"]
    assert (location["external_identifier"], location["external_identifier_type"]) == (EXPECTED[key]["id"], EXPECTED[key]["open_data"])


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_check_accepts_the_regulators_id_and_names_the_regulator_an_id_of_another_belongs_to(key, tmp_path):
    assert run_cli("check", "--root", str(regulated_site(tmp_path / "good", key)), "--today", TODAY).exit_code == 0
    other = "ciw" if key == "cqc" else "cqc"
    root = regulated_site(tmp_path / "bad", key, regulator_id=EXPECTED[other]["id"])
    result = run_cli("check", "--root", str(root), "--today", TODAY)
    assert result.exit_code == 1
    line = next(line for line in result.stderr.splitlines() if line.startswith(SERVICE))
    regulator = regulators.default_regulators()[key]
    assert line.startswith(f"{SERVICE}:17: regulator_id: should be {regulator.an_id} like \"{EXPECTED[key]['id']}\" "
                           f"(found '{EXPECTED[other]['id']}'). It looks like ")
    assert f"this site's regulator is {key} ({EXPECTED[key]['name']}) in site.yaml" in line


def test_cqc_location_id_is_still_read_as_regulator_id(tmp_path):
    root = regulated_site(tmp_path / "site", None, id_field="cqc_location_id")
    assert "cqc_location_id" in (root / SERVICE).read_text(encoding="utf-8")
    out = build(root, tmp_path / "out")
    quality = parse_file(out / "services/testshire-care/garden-club/index.html").find("section", aria_labelledby="quality")
    assert [a.get("href") for a in quality.find_all("a")] == ["https://www.cqc.org.uk/location/1-1234567890"]
    assert EXPECTED["cqc"]["easy"] in main_text(out, "easy-read/services/testshire-care/garden-club")


def test_an_id_of_the_wrong_shape_under_the_old_name_is_reported_under_that_name(tmp_path):
    root = regulated_site(tmp_path / "site", "ciw", id_field="cqc_location_id", regulator_id="1-1234567890")
    result = run_cli("check", "--root", str(root), "--today", TODAY)
    assert f"{SERVICE}:17: cqc_location_id: should be a CIW service ID like \"SIN-00012345-ABCD\" (found '1-1234567890')." \
        in result.stderr


def test_the_scaffold_writes_the_id_line_in_the_regulators_shape(tmp_path):
    root = regulated_site(tmp_path / "site", "care-inspectorate")
    assert run_cli("new", "service", "testshire-care/lunch-club", "--root", str(root)).exit_code == 0
    text = (root / "content/providers/testshire-care/lunch-club.md").read_text(encoding="utf-8")
    assert '# regulator_id: "CS2003001025"' in text and "Care Inspectorate care service number" in text


def test_the_import_template_asks_for_the_regulators_id(tmp_path):
    from openpyxl import load_workbook
    root = regulated_site(tmp_path / "site", "rqia")
    assert run_cli("import", "template", str(tmp_path / "t.xlsx"), "--root", str(root)).exit_code == 0
    sheet = load_workbook(tmp_path / "t.xlsx")["Services"]
    column = [cell.value for cell in sheet[1]].index("regulator_id") + 1
    assert sheet.cell(row=2, column=column).value == "11036"
    assert "RQIA service ID" in sheet.cell(row=1, column=column).comment.text


def test_every_regulator_in_the_theme_is_documented_in_the_site_schema_and_its_example_fits_its_pattern():
    known = regulators.default_regulators()
    assert sorted(known) == sorted(schema("site")["properties"]["regulator"]["examples"]) == sorted(EXPECTED)
    for regulator in known.values():
        assert regulator.matches(regulator.id_example)
        assert [r.key for r in known.values() if r.matches(regulator.id_example)] == [regulator.key]  # ids tell regulators apart
        for sentence in (regulator.easy_registered, regulator.easy_not_registered, regulator.glossary):
            assert len(sentence.split()) <= 15, sentence  # the Easy Read limit


def test_the_report_lists_personal_care_listings_with_no_id_in_the_regulators_words(tmp_path):
    root = regulated_site(tmp_path / "site", "ciw")
    report = run_cli("report", "--root", str(root), "--today", TODAY).stdout
    assert "## 1 open listing may give personal care but has no CIW service ID" in report
    assert ("Their type of support may give personal care, and their pages say nothing about the regulator (CIW): "
            "a missing id means we do not know. If a service is registered with the regulator, add `regulator_id:` "
            'with its CIW service ID, like `"SIN-00012345-ABCD"`; if it is not, add `regulated: false`.') in report
    assert f"- **Day Care** (Testshire Care). File: `{UNKNOWN}`" in report
    section = report.split("## 1 open listing may give personal care")[1].split("\n## ")[0]
    assert "Home Support" not in section  # it says it is not registered
    assert "Care Quality Commission" not in report


def test_import_oruk_reads_the_id_back_as_regulator_id(built, tmp_path):
    key, out = built
    root = tmp_path / "site"
    root.mkdir()
    (root / "site.yaml").write_text((out.parent / "site.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("import", "oruk", str(out / "openreferral"), "--root", str(root), "--today", TODAY)
    assert result.exit_code == 0, result.output
    written = next((root / "content/providers").glob("*/garden-club.md")).read_text(encoding="utf-8")
    assert f'regulator_id: {EXPECTED[key]["id"]}' in written.replace('"', "").replace("'", "")


def test_check_warns_for_a_personal_care_listing_with_no_id_and_nothing_said(tmp_path):
    root = regulated_site(tmp_path / "site", "ciw")
    result = run_cli("check", "--root", str(root), "--today", TODAY)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "regulator_id" in line]
    assert warnings == [
        f"{UNKNOWN}:4: warning: regulator_id: is missing: services of the type 'One-to-one support' may give personal care, "
        "and without an id the pages cannot say whether CIW checks this one. "
        "Add regulator_id: with its CIW service ID, like \"SIN-00012345-ABCD\", or 'regulated: false' if it is not registered."]


def test_a_listing_that_says_it_is_not_registered_cannot_also_have_an_id(tmp_path):
    root = regulated_site(tmp_path / "site", "ciw")
    path = root / UNREGISTERED
    path.write_text(path.read_text(encoding="utf-8").replace("regulated: false\n", 'regulated: false\nregulator_id: "SIN-00012345-ABCD"\n'),
                    encoding="utf-8")
    result = run_cli("check", "--root", str(root), "--today", TODAY)
    assert result.exit_code == 1
    line = path.read_text(encoding="utf-8").splitlines().index("regulated: false") + 1
    assert (f"{UNREGISTERED}:{line}: regulated: says the service is not registered, but it has regulator_id 'SIN-00012345-ABCD'. "
            "Delete 'regulated: false' if it is registered, or delete the regulator_id line if it is not.") in result.stderr.splitlines()


def test_a_listing_that_says_it_is_registered_but_gives_no_id_says_so_without_a_link(tmp_path):
    root = regulated_site(tmp_path / "site", "ciw")
    path = root / UNKNOWN
    path.write_text(path.read_text(encoding="utf-8").replace("funding: [free]\n", "funding: [free]\nregulated: true\n"), encoding="utf-8")
    out = build(root, root / "_site")
    quality = parse_file(out / "services/testshire-care/day-care/index.html").find("main").find("section", aria_labelledby="quality")
    assert visible_text(quality) == "Quality and safety " + EXPECTED["ciw"]["registered"]
    assert quality.find_all("a") == []
    assert EXPECTED["ciw"]["easy"] in main_text(out, "easy-read/services/testshire-care/day-care")
    report = run_cli("report", "--root", str(root), "--today", TODAY).stdout
    assert f"- **Day Care** (Testshire Care). File: `{UNKNOWN}`" in report  # it still needs its id
