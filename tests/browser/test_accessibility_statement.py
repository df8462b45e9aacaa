"""The accessibility statement in the UK public sector format (checklist AS-1 to AS-4, CI-11), read from the
sample build. Filled from site.yaml, so the expected facts come from there too."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from conftest import TODAY
from htmlparse import html_files, page_url, parse_file, visible_text

from .a11y import SAMPLE

STATEMENT = "accessibility-statement/"
SITE = yaml.safe_load((SAMPLE / "site.yaml").read_text(encoding="utf-8"))
FACTS = SITE["accessibility"]

HEADINGS = [  # AS-1, in this order (GOV.UK's model statement)
    "Accessibility statement for",
    "How accessible this website is",
    "Feedback and contact information",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Technical information about this website's accessibility",
    "Compliance status",
    "Non-accessible content",
    "Non-compliance with the accessibility regulations",
    "Disproportionate burden",
    "Content that's not within the scope of the accessibility regulations",
    "Preparation of this accessibility statement",
]
ENFORCEMENT = ("The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies "
               "(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the 'accessibility regulations'). "
               "If you're not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).")
COMPLIANCE = {
    "fully": "This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.",
    "partially": "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard",
    "not": "This website is not compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.",
}


def shown_text(element) -> str:
    """The text a sighted reader sees: without `hidden` elements or visually hidden extras such as "(on another website)"."""
    parts = []
    for child in element.children:
        if isinstance(child, str):
            parts.append(child)
        elif not ("hidden" in child.attrs or "visually-hidden" in child.classes or child.tag in ("script", "style")):
            parts.append(" " if child.tag == "br" else "")
            parts.append(shown_text(child))
    return "".join(parts)


def plain(text: str) -> str:
    """Curly quotes as straight ones and spaces collapsed, so the legal wording compares exactly."""
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')).strip()


@pytest.fixture(scope="module")
def statement(sample_site):
    path = sample_site / STATEMENT / "index.html"
    assert path.is_file(), f"{STATEMENT} was not built"
    doc = parse_file(path)
    main = doc.find("main")
    sections: dict[str, list] = {}
    current = None
    for el in main.iter():
        if el.tag in ("h1", "h2", "h3", "h4"):
            current = plain(el.text)
            sections[current] = []
        elif current is not None and el.tag in ("p", "li"):
            sections[current].append(el)
    return {"doc": doc, "main": main, "text": plain(shown_text(main)), "sections": sections,
            "headings": [plain(h.text) for h in main.iter() if h.tag in ("h1", "h2", "h3", "h4")]}


def section(statement, heading: str):
    return next(els for title, els in statement["sections"].items() if title.startswith(heading))


def test_statement_headings_follow_the_public_sector_model_in_order(statement):
    headings = statement["headings"]
    expected = HEADINGS if FACTS.get("compliance") != "fully" else [h for h in HEADINGS if h not in HEADINGS[7:11]]
    positions = []
    for wanted in expected:
        found = [i for i, h in enumerate(headings) if h.startswith(wanted)]
        assert found, f"no heading {wanted!r}; the headings are {headings}"
        positions.append(found[0])
    assert positions == sorted(positions), f"headings out of order: {headings}"
    assert headings[0] == f"Accessibility statement for {SITE['title']}"
    assert len(statement["doc"].find_all("h1")) == 1


def test_statement_has_the_legally_required_sentences(statement):
    text = statement["text"]
    assert f"This accessibility statement applies to {SITE['base_url']}" in text  # the scope
    assert COMPLIANCE[FACTS["compliance"]] in text
    assert ENFORCEMENT in text
    if FACTS.get("northern_ireland"):
        assert "Equality Commission for Northern Ireland" in text
    assert (f"{SITE['organisation']} is committed to making its website accessible, in accordance with the Public Sector "
            "Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.") in text


def test_statement_says_when_it_was_prepared_reviewed_and_tested_within_the_last_year(statement):
    match = re.search(r"This statement was prepared on (\d{1,2} \w+ \d{4})\. It was last reviewed on (\d{1,2} \w+ \d{4})\.",
                      statement["text"])
    assert match, "no 'This statement was prepared on … It was last reviewed on …' sentence"
    tested = re.search(r"This website was last tested on (\d{1,2} \w+ \d{4})", statement["text"])
    assert tested, "no 'last tested on' date"
    today = dt.date.fromisoformat(TODAY)
    for shown, key in zip((match.group(1), match.group(2), tested.group(1)), ("prepared_on", "reviewed_on", "tested_on")):
        date = dt.datetime.strptime(shown, "%d %B %Y").date()
        assert date == FACTS[key]
        assert 0 <= (today - date).days <= 365, f"{key} {shown} is more than a year before {TODAY}"


def test_statement_contact_gives_email_and_phone_a_response_time_and_easy_read_as_a_format(statement):
    feedback = section(statement, "Feedback and contact information")
    hrefs = [a.get("href") for el in feedback for a in el.find_all("a")]
    assert f"mailto:{SITE['contact']['email']}" in hrefs  # never phone only
    assert any(h.startswith("tel:") for h in hrefs)
    words = plain(" ".join(visible_text(el) for el in feedback))
    assert re.search(rf"\b{FACTS['response_days']} (working )?days\b", words), words
    assert "Easy Read" in words  # alternative formats list Easy Read


def test_each_known_problem_names_its_wcag_criterion_and_a_fix_date(statement):
    items = [plain(visible_text(el)) for el in section(statement, "Non-compliance with the accessibility regulations") if el.tag == "li"]
    assert len(items) == len(FACTS.get("known_issues") or [])
    for item in items:
        assert re.search(r"success criterion \d\.\d\.\d+", item), item
        assert re.search(r"by \d{1,2} \w+ \d{4}", item), item


def test_easy_read_statement_exists_with_phone_email_and_the_standard_version(sample_site):
    doc = parse_file(sample_site / "easy-read" / STATEMENT / "index.html")
    assert len(doc.find_all("h1")) == 1
    hrefs = [a.get("href") for a in doc.find("main").find_all("a")]
    assert f"mailto:{SITE['contact']['email']}" in hrefs and any(h.startswith("tel:") for h in hrefs)
    switch = doc.find("main").find(class_="version-switch").find("a")
    assert "Standard version" in switch.text and switch.get("href").endswith(STATEMENT)


def test_every_page_links_to_the_statement_from_its_footer(sample_site):
    missing = []
    for file in html_files(sample_site):
        if "pagefind" in file.parts:
            continue
        footer = parse_file(file).find("footer")
        hrefs = [a.get("href") or "" for a in footer.find_all("a")] if footer else []
        easy = page_url(sample_site, file).startswith("easy-read/")
        if not any(h.endswith(("easy-read/" if easy else "") + STATEMENT) for h in hrefs):
            missing.append(page_url(sample_site, file))
    assert missing == [], f"no footer link to the accessibility statement on {missing[:10]}"
