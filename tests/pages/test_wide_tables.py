"""Tables that could be wider than a phone (issue 18): an editor's Markdown table sits in a labelled region that
scrolls by itself, and the opening times cells carry the labels they show when the table restacks."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_PAGE, MINIMAL_PAGE_EASY, TODAY, make_site, run_cli
from htmlparse import parse_file

TABLE = """
| Day "and" <b onmouseover=alert(1)>time</b> | Where |
|-----|-----|
| Monday | Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch |

| | Empty header |
|--|--|
| a | b |
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("tables") / "site", {
        "content/pages/about.md": MINIMAL_PAGE + TABLE,
        "content/pages/about.easy.md": MINIMAL_PAGE_EASY + "\n| Day | Time |\n|--|--|\n| Monday | 10 in the morning |\n",
    })
    out = root.parent / "out"
    result = run_cli("build", "--root", str(root), "--out", str(out), "--today", TODAY, "--no-search")
    assert result.exit_code == 0, result.output
    return out


def test_each_markdown_table_is_in_a_focusable_region_named_after_its_first_heading(built):
    main = parse_file(built / "about" / "index.html").find("main")
    regions = main.find_all("div", class_="table-scroll")
    assert [(r.get("role"), r.get("tabindex"), r.get("aria-label")) for r in regions] == [
        ("region", "0", 'Table: Day "and" time'),  # the heading's text, quotes kept inside the attribute
        ("region", "0", "Table"),
    ]
    assert all(len(r.find_all("table")) == 1 for r in regions)
    assert not any("onmouseover" in el.attrs for el in main.iter())


def test_easy_read_bodies_get_the_same_regions(built):
    main = parse_file(built / "easy-read" / "about" / "index.html").find("main")
    regions = main.find_all("div", class_="table-scroll")
    assert [(r.get("role"), r.get("aria-label")) for r in regions] == [("region", "Table: Day")]


def test_opening_times_cells_say_what_they_hold_for_the_narrow_screen_layout(built):
    table = parse_file(built / "services" / "testshire-care" / "garden-club" / "index.html").find("table", class_="times")
    row = table.find("tbody").find("tr")
    assert row.find("th").get("scope") == "row"
    assert [td.get("data-label") for td in row.find_all("td")] == ["Times", "Notes"]
