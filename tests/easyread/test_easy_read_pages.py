"""Every Easy Read page of the sample, read as its readers would: a picture beside every sentence,
short sentences, hard words explained where they first appear, no question-mark picture beside a statement."""

from __future__ import annotations

import re

import pytest

from builder.content import easy_read_checks
from builder.easyread import glossary
from builder.config import regulators
from builder.core.theme import default_theme
from htmlparse import html_files, parse_file, visible_text

QUESTION_PICTURES = ("what.svg", "who.svg", "where.svg", "where_1.svg")
GLOSSARY = glossary.with_regulator(glossary.load((str(default_theme()),)), regulators.default())


@pytest.fixture(scope="module")
def easy_pages(sample_site):
    """{url: main element} of the Easy Read service and information pages."""
    pages = {}
    for file in html_files(sample_site / "easy-read"):
        url = file.relative_to(sample_site).parent.as_posix() + "/"
        main = parse_file(file).find("main")
        if main is not None and (url.startswith("easy-read/services/") or main.find(class_="er-prose")):
            pages[url] = main
    return pages


def rows_of(main) -> list[str]:
    return [visible_text(p) for li in main.find_all("li", class_="er-row") for p in li.find_all("p")]


def test_the_sample_has_easy_read_service_and_information_pages(easy_pages):
    assert sum(url.startswith("easy-read/services/") for url in easy_pages) >= 30
    assert "easy-read/support-for-carers/" in easy_pages and "easy-read/privacy/" in easy_pages


def test_every_sentence_has_a_picture_beside_it(easy_pages):
    problems = []
    for url, main in easy_pages.items():
        for p in main.find_all("p"):
            if {"er-label", "version-switch"} & set(p.classes) or p.inside("form") or not visible_text(p):
                continue
            row = next((a for a in p.ancestors() if a.tag == "li" and "er-row" in a.classes), None)
            if row is None or row.find("img") is None:
                problems.append(f"{url}: {visible_text(p)!r}")
    assert not problems, "\n".join(problems)


def test_no_sentence_has_more_than_15_words(easy_pages):
    long = [f"{url}: {sentence}" for url, main in easy_pages.items() for text in rows_of(main)
            for sentence in re.split(r"(?<=[.!?])\s+", text) if len(easy_read_checks.words_of(sentence)) > easy_read_checks.MAX_WORDS]
    assert not long, "\n".join(long)


def test_no_page_uses_a_glossary_word_before_its_explanation(easy_pages):
    problems = []
    for url, main in easy_pages.items():
        rows = rows_of(main)
        for entry in GLOSSARY:
            first = next((i for i, text in enumerate(rows) if entry.used_in(text)), None)
            if first is not None and not any(entry.explained_in(t) for t in rows[first: first + 1 + easy_read_checks.EXPLAIN_WITHIN]):
                problems.append(f"{url}: '{entry.words[0]}' in {rows[first]!r}")
    assert not problems, "\n".join(problems)


def test_no_question_mark_picture_stands_beside_a_statement(sample_site):
    problems = []
    for file in html_files(sample_site / "easy-read"):
        for li in parse_file(file).find_all("li", class_="er-row"):
            img, text = li.find("img"), visible_text(li)
            if img is not None and img.get("src", "").endswith(QUESTION_PICTURES) and not text.endswith("?"):
                problems.append(f"{file.relative_to(sample_site)}: {text!r}")
    assert not problems, "\n".join(problems)


def test_prices_say_what_they_are_for_each_with_its_own_picture(easy_pages):
    main = easy_pages["easy-read/services/riverside-care/riverside-day-centre/"]
    costs = main.find("section", **{"aria-labelledby": "er-cost"})
    rows = [(li.find("img").get("src").rsplit("/", 1)[1], visible_text(li)) for li in costs.find_all("li", class_="er-row")]
    assert rows[:2] == [("money.svg", "A day costs £52."), ("bus.svg", "Transport there and back costs £7.50.")]


def test_the_facts_check_and_the_easy_read_check_are_said_apart(easy_pages):
    text = " ".join(rows_of(easy_pages["easy-read/services/riverside-care/riverside-day-centre/"]))
    assert "We checked these facts on" in text
    assert "checked that this page is easy to read." in text
    assert "People with learning disabilities have not checked this page yet." in " ".join(
        rows_of(easy_pages["easy-read/services/brightpath-support/brightpath-community-support/"]))
