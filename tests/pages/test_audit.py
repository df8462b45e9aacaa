"""What an independent audit found, each checked on the built sample so it cannot come back.

(The 404 pages linking to each other is checked in test_twins.py, and in the offline copy by
tests/browser/test_offline.py.)
"""

from __future__ import annotations

import re

import sampledata as data
from htmlparse import Element, html_files, parse_file, page_url

SERVICES = data.services()
WHO = data.terms("who_for")


def test_no_heading_is_empty_in_the_delivered_html(sample_site):
    empty = []
    for file in html_files(sample_site):
        for level in range(1, 7):
            for heading in parse_file(file).find_all(f"h{level}"):
                alts = [img.get("alt") for img in heading.iter("img") if img.get("alt")]
                if not heading.text and not alts:
                    empty.append(f"{page_url(sample_site, file)}: {heading!r}")
    assert not empty, "headings with no text (the Nu checker warns 'Empty heading'):\n" + "\n".join(empty)


def lines_of(element: Element) -> list[str]:
    """The element's text split where a <br> breaks the line."""
    lines, current = [], []
    for child in element.children:
        if isinstance(child, str):
            current.append(child)
        elif child.tag == "br":
            lines.append(current)
            current = []
        else:
            current.append(child.text)
    lines.append(current)
    return [re.sub(r"\s+", " ", "".join(parts)).strip() for parts in lines]


def easy_who(key: str) -> list[str]:
    easy = {k: v for k, v in data.site_yaml()["taxonomies"]["who_for"].items()}
    return [easy[group]["easy"] for group in SERVICES[key]["who_for"]]


def test_easy_read_cards_put_one_group_on_a_line_and_count_the_rest_of_a_long_list(sample_site):
    doc = parse_file(sample_site / "easy-read" / "a-to-z" / "index.html")
    cards = {}
    for row in doc.find_all("li", class_="er-row"):
        link = row.find("a")
        match = re.search(r"services/([^/]+/[^/]+)/$", link.get("href"))
        if match:
            cards[match.group(1)] = lines_of(row.find("span", class_="er-note"))
    assert set(cards) == set(SERVICES)
    long_lists = 0
    for key, lines in cards.items():
        groups = easy_who(key)
        lines[0] = re.sub(r"^(Closed\. |Closed for now\. )", "", lines[0])
        if len(groups) <= 3:
            assert lines == [f"For: {groups[0]}", *groups[1:]], key
        else:
            long_lists += 1
            assert lines == [f"For: {groups[0]}", f"and {len(groups) - 1} more groups"], key
    assert long_lists, "the sample has services for more than 3 groups"


def test_a_service_page_names_what_each_cost_is_for(sample_site):
    checked = 0
    for key, service in SERVICES.items():
        costs = service.get("costs") or []
        if len(costs) < 2:
            continue
        doc = parse_file(sample_site / "services" / key / "index.html")
        term = next(dt for dt in doc.find_all("dt") if dt.text == "Cost")
        shown = term.parent.find("dd").text
        assert shown == "; ".join(f"{cost['label']}: {data.cost_text(cost)}" for cost in costs), key
        checked += 1
    assert checked >= 2
