"""`catalogue import postcodes`: reading ONSPD and Code-Point Open, the lookup it writes, and bad files."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from builder.model import postcodes
from builder.core.errors import Problem
from conftest import PROJECT, make_site, run_cli

ONSPD_SAMPLE = PROJECT / "tests" / "postcodes" / "onspd-redvale.csv"
ONSPD_HEADER = ["pcd", "pcd2", "pcds", "dointr", "doterm", "oslaua", "lat", "long"]


def onspd(*rows: list[str]) -> list[list[str]]:
    return [ONSPD_HEADER, *rows]


def read(rows, within=("RV",)) -> postcodes.Lookup:
    layout, centroids = postcodes.read_centroids(rows, "pc.csv")
    return postcodes.build_lookup(layout, centroids, within)


@pytest.mark.parametrize("typed, expected", [
    ("rv12ab", "RV1 2AB"), (" RV1  2AB ", "RV1 2AB"), ("sw1a1aa", "SW1A 1AA"), ("M1 1AE", "M1 1AE"),
    ("RV1", None), ("RV1 2A", None), ("12345", None), ("", None),
])
def test_postcodes_are_recognised_however_they_are_typed(typed, expected):
    assert postcodes.normalise(typed) == expected


def test_onspd_keeps_the_area_s_live_postcodes_and_every_outward_code_s_centre():
    lookup = read(onspd(
        ["RV1 2AB", "RV1  2AB", "RV1 2AB", "199901", "", "E07000001", "52.201", "-1.948"],
        ["RV1 3DL", "RV1  3DL", "RV1 3DL", "199901", "", "E07000001", "52.203", "-1.950"],
        ["RV1 9ZZ", "RV1  9ZZ", "RV1 9ZZ", "199901", "202001", "E07000001", "52.3", "-1.9"],  # terminated
        ["RV2 1AA", "RV2  1AA", "RV2 1AA", "199901", "", "E07000001", "99.999999", "0.000000"],  # no location
        ["RW1 1AA", "RW1  1AA", "RW1 1AA", "199901", "", "E07000002", "52.5", "-2.0"],  # outside the area
    ))
    assert lookup.layout == "onspd"
    assert lookup.postcodes == {"RV1 2AB": (52.201, -1.948), "RV1 3DL": (52.203, -1.95)}
    assert lookup.outward == {"RV1": (52.202, -1.949), "RW1": (52.5, -2.0)}


def test_the_area_can_be_a_local_authority_code_instead_of_a_postcode_area():
    rows = onspd(["RV1 2AB", "", "RV1 2AB", "", "", "E07000001", "52.2", "-1.9"],
                 ["RV5 1AA", "", "RV5 1AA", "", "", "E07000002", "52.3", "-2.0"])
    assert set(read(rows, within=["E07000002"]).postcodes) == {"RV5 1AA"}
    assert set(read(rows, within=["RV1"]).postcodes) == {"RV1 2AB"}


def test_code_point_open_grid_references_become_wgs84_latitude_and_longitude():
    # The Ordnance Survey's worked example (OSGB36 52°39'27.2531"N 1°43'4.5177"E), then shifted to WGS84:
    # and a point near Trafalgar Square, whose WGS84 position is about 51.5074, -0.1277.
    lat, lon = postcodes.osgb_to_wgs84(651409.903, 313177.270)
    assert abs(lat - 52.65798) < 0.0001 and abs(lon - 1.71605) < 0.0001
    lat, lon = postcodes.osgb_to_wgs84(530034, 180381)
    assert abs(lat - 51.5074) < 0.0002 and abs(lon - -0.1277) < 0.0002
    rows = [["WC2N 5DN", "10", "530034", "180381", "E92000001", "E19000003", "E18000007", "", "E09000033", "E05013806"],
            ["WC2N 5XX", "90", "0", "0", "E92000001", "", "", "", "E09000033", ""]]  # quality 90: no location
    lookup = read(rows, within=["E09000033"])
    assert lookup.layout == "codepoint" and list(lookup.postcodes) == ["WC2N 5DN"]


def test_code_point_open_with_its_header_row_is_read_too():
    header = ["Postcode", "Positional_quality_indicator", "Eastings", "Northings", "Country_code",
              "NHS_regional_HA_code", "NHS_HA_code", "Admin_county_code", "Admin_district_code", "Admin_ward_code"]
    lookup = read([header, ["WC2N 5DN", "10", "530034", "180381", "E92000001", "", "", "", "E09000033", ""]], within=["WC2N"])
    assert lookup.layout == "codepoint" and list(lookup.postcodes) == ["WC2N 5DN"]


def test_a_file_in_an_unknown_layout_is_named_with_its_first_line():
    with pytest.raises(postcodes.LayoutError) as caught:
        read([["postcode", "x", "y"], ["RV1 2AB", "1", "2"]])
    assert caught.value.problem == Problem(
        "pc.csv", 1, "", "this is not a postcode file in a layout we know (the first line has 3 columns: postcode, x, y).",
        "Use the ONS Postcode Directory CSV (a header row with pcds, lat and long) or an OS Code-Point Open "
        "CSV (10 columns, no header: postcode, quality, eastings, northings, ...).")


def test_a_short_line_is_reported_with_its_line_number():
    with pytest.raises(postcodes.LayoutError) as caught:
        read(onspd(["RV1 2AB", "", "RV1 2AB", "", "", "E07000001", "52.2", "-1.9"], ["RV1 3DL", "", "RV1 3DL"]))
    assert (caught.value.problem.line, caught.value.problem.message) == (3, "this line has 3 columns; the header has 8.")


def test_the_site_gets_one_small_file_for_each_outward_code():
    files = postcodes.site_files({"attribution": "A.", "outward": {"RV1": [52.2, -1.9], "RW1": [52.5, -2.0]},
                                  "postcodes": {"RV1 2AB": [52.201, -1.948], "RV2 1AA": [52.21, -1.95]}})
    assert files == {"index.json": {"attribution": "A.", "outward": {"RV1": [52.2, -1.9], "RW1": [52.5, -2.0]}, "full": ["RV1", "RV2"]},
                     "RV1.json": {"2AB": [52.201, -1.948]}, "RV2.json": {"1AA": [52.21, -1.95]}}


def test_the_command_writes_the_lookup_and_its_licence_and_reproduces_the_sample(tmp_path):
    root = make_site(tmp_path / "site")
    result = run_cli("import", "postcodes", "--root", str(root), str(ONSPD_SAMPLE), "--within", "rv", "--year", "2026")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Wrote content/postcodes/lookup.json: 138 postcodes in your area and 12 outward codes")
    written = json.loads((root / "content/postcodes/lookup.json").read_text())
    assert written == json.loads((PROJECT / "content/postcodes/lookup.json").read_text())
    assert "Open Government Licence v.3.0" in written["attribution"]
    assert written["attribution"] in (root / "content/postcodes/LICENCE.txt").read_text()
    assert sorted(p.name for p in (root / "content").rglob("*") if p.is_file() and "postcodes" in p.parts) == ["LICENCE.txt", "lookup.json"]


def test_the_command_refuses_a_file_in_an_unknown_layout_without_writing(tmp_path):
    root = make_site(tmp_path / "site")
    bad = tmp_path / "addresses.csv"
    bad.write_text("name,street\nRiverside,Mill Lane\n")
    result = run_cli("import", "postcodes", "--root", str(root), str(bad), "--within", "RV")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{bad}:1: this is not a postcode file in a layout we know (the first line has 2 columns: name, street).")
    assert not (root / "content/postcodes").exists()


def test_the_command_says_when_nothing_is_within_the_area(tmp_path):
    root = make_site(tmp_path / "site")
    result = run_cli("import", "postcodes", "--root", str(root), str(ONSPD_SAMPLE), "--within", "ZZ")
    assert result.exit_code == 1
    assert "no postcode in the file is within ZZ." in result.stderr
    assert "Traceback" not in result.output


def test_sample_lookup_matches_every_sample_service_postcode():
    """The sample's made-up lookup places each listing's postcode where the listing says it is."""
    import sampledata
    lookup = json.loads((PROJECT / "content/postcodes/lookup.json").read_text())["postcodes"]
    for data in sampledata.services().values():
        for location in data.get("locations") or []:
            if location.get("coordinates"):
                lat, lon = lookup[location["postcode"]]
                assert math.isclose(lat, location["coordinates"][0]) and math.isclose(lon, location["coordinates"][1])
