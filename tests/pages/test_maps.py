"""Maps drawn from the council's boundaries: the drawing (pure functions) and the maps in the sample build."""

from __future__ import annotations

import json
import re

import sampledata
from builder.pages import svgmap
from conftest import PROJECT, make_site, run_cli
from htmlparse import parse_file

SQUARE = (((-1.0, 52.0), (-0.9, 52.0), (-0.9, 52.1), (-1.0, 52.1), (-1.0, 52.0)),)
AREA_WORDS = {"north-west", "north", "north-east", "west", "middle", "east", "south-west", "south", "south-east"}


def test_simplifying_drops_points_near_the_line_and_keeps_corners():
    wiggly = [(0, 0), (50, 0.3), (100, 0), (100, 100), (50, 99.8), (0, 100)]
    assert svgmap.simplify(wiggly, 1.0) == [(0, 0), (100, 0), (100, 100), (0, 100)]
    assert svgmap.simplify(wiggly, 0.1) == wiggly


def test_a_point_is_found_in_the_area_that_holds_it():
    shapes = {"here": SQUARE, "there": (tuple((lon + 1, lat) for lon, lat in SQUARE[0]),)}
    assert svgmap.area_of(shapes, svgmap.Place("x", -0.95, 52.05)) == "here"
    assert svgmap.area_of(shapes, svgmap.Place("x", 0.05, 52.05)) == "there"
    assert svgmap.area_of(shapes, svgmap.Place("x", 5, 52.05)) == ""


def test_outlines_are_simplified_until_they_fit_the_budget():
    boundaries = json.loads((PROJECT / "content/boundaries/areas.geojson").read_text())
    shapes = {f["properties"]["key"]: (tuple(map(tuple, f["geometry"]["coordinates"][0])),) for f in boundaries["features"]}
    for budget in (12_000, 5_000, 2_000):
        lines = svgmap.outlines(shapes, svgmap.WIDTH, budget)
        assert sum(len(d) for d in lines.paths.values()) <= budget
        assert all(d.startswith("M") and d.endswith("Z") for d in lines.paths.values())


def test_the_areas_map_links_every_area_with_its_number_of_services(sample_site):
    doc = parse_file(sample_site / "areas/index.html")
    svg = doc.find("svg")
    assert svg.get("class") == "map map--areas" and svg.get("role") is None  # its links stay links
    assert svg.find("title").text == "Map of the 6 areas"
    links = {a.get("href"): " ".join(t.text for t in a.find_all("text")) for a in svg.find_all("a")}
    browse = {key: len([s for s, data in sampledata.services().items() if key in data["areas"]])
              for key in sampledata.terms("areas")}
    assert links == {f"../areas/{key}/": f"{name} {browse[key]} services" for key, name in sampledata.terms("areas").items()}
    listed = {a.get("href") for a in doc.find("ul", class_="term-list").find_all("a")}
    assert listed == set(links)  # and the same areas are listed below the map
    figure = doc.find("figure")
    assert "The same areas are listed below the map." in figure.find("figcaption").text


def test_each_area_page_picks_out_its_area_and_marks_its_services(sample_site):
    doc = parse_file(sample_site / "areas/kingsford/index.html")
    svg = doc.find("svg")
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "map-title map-desc"
    assert svg.find("title").text == "Map of Kingsford"
    assert len(svg.find_all("path", class_="map__area--here")) == 1
    kingsford = [d for s, d in sampledata.services().items() if "kingsford" in d["areas"]]
    places = {tuple(loc["coordinates"]) for d in kingsford for loc in d.get("locations") or [] if loc.get("coordinates")}
    assert len(svg.find_all("circle")) == len(places)
    caption = doc.find("figcaption").text
    assert caption.startswith("Kingsford is in the north of the map") and f"each of the {len(places)} places" in caption


def test_a_service_page_map_says_in_words_where_it_is(sample_site):
    for version, expected in (("", "Riverside Centre is in Redvale City, in the middle of the map."),
                              ("easy-read/", "The dot on the map shows where it is. It is in Redvale City, in the middle of the map.")):
        doc = parse_file(sample_site / f"{version}services/riverside-care/riverside-day-centre/index.html")
        svg = doc.find("svg")
        assert svg.find("title").text == "Where Riverside Day Centre is"
        assert doc.find("figcaption").text == expected
        assert len(svg.find_all("circle")) == 1
    one_to_one = parse_file(sample_site / "services/brightpath-support/brightpath-community-support/index.html")
    assert one_to_one.find("svg") is None


def test_maps_are_small_and_use_no_style_attributes_or_other_hosts(sample_site):
    for path in ("areas/index.html", "areas/redvale-city/index.html", "easy-read/areas/southmere/index.html",
                 "services/riverside-care/riverside-day-centre/index.html"):
        html = (sample_site / path).read_text()
        svg = re.search(r"<svg.*?</svg>", html, re.S)[0]
        assert len(svg.encode()) < 15_000, (path, len(svg.encode()))
        assert "style=" not in svg and "<script" not in svg
        assert not re.search(r'(href|src)="https?:', svg)


def test_the_postcode_lookup_is_published_split_by_outward_code(sample_site):
    index = json.loads((sample_site / "postcodes/index.json").read_text())
    assert index["full"] == [f"RV{n}" for n in range(1, 10)]
    assert {"RW1", "RW2", "RX3"} <= set(index["outward"])
    assert json.loads((sample_site / "postcodes/RV1.json").read_text())["2AB"] == [52.201, -1.948]
    credits = (sample_site / "credits/index.html").read_text()
    assert "Postcode locations (ONS Postcode Directory (ONSPD))" in credits and "Made-up outlines" in credits


def test_an_area_is_matched_to_its_feature_by_a_code_set_in_site_yaml(tmp_path):
    square = [[-1.0, 52.0], [-0.9, 52.0], [-0.9, 52.1], [-1.0, 52.1], [-1.0, 52.0]]
    features = [{"type": "Feature", "id": code, "properties": {"LAD23NM": name}, "geometry": {"type": "Polygon", "coordinates": [square]}}
                for code, name in (("E07000001", "Northshire"), ("E07000002", "Southshire"))]
    site_yaml = (make_site(tmp_path / "probe") / "site.yaml").read_text()
    site_yaml = site_yaml.replace("    name: North\n", "    name: North\n    boundary: E07000001\n")
    site_yaml = site_yaml.replace("    name: South\n", "    name: South\n    boundary: Southshire\n")
    root = make_site(tmp_path / "site", {"site.yaml": site_yaml,
                                         "content/boundaries/areas.geojson": json.dumps({"type": "FeatureCollection", "features": features})})
    result = run_cli("check", "--root", str(root), "--today", "2026-11-23")
    assert result.exit_code == 0 and "boundary" not in result.stderr, result.stderr
