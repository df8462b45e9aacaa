"""The Welsh words (issue 24, point 9): one term for each idea across the interface catalogue, the
Easy Read glossary and the starter site's Welsh drafts, the review's corrections kept, nothing left
in English. The review: /work/shared/welsh-review.md (a Welsh reader's notes, December 2026)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from builder.language import extract_messages
from builder.editors.starter_site import STARTER

GLOSSARY = extract_messages.ROOT / "templates"


def welsh_catalogue() -> dict[str, str | tuple]:
    with extract_messages.po_path("cy").open("rb") as file:
        return {m.id if isinstance(m.id, str) else m.id[0]: m.string for m in read_po(file, locale="cy") if m.id}


def glossary(code: str) -> dict:
    return yaml.safe_load((GLOSSARY / ("glossary.yaml" if code == "en" else f"glossary.{code}.yaml")).read_text(encoding="utf-8"))


def starter_welsh() -> dict[str, str]:
    """Every Welsh text of the starter site: the drafts, the issue forms, the categories' cy: words."""
    texts = {f"pages/cy/{p.name}": p.read_text(encoding="utf-8") for p in sorted((STARTER / "pages" / "cy").iterdir())}
    texts.update({f"forms/cy/{p.name}": p.read_text(encoding="utf-8") for p in sorted((STARTER / "forms" / "cy").iterdir())})
    taxonomies = yaml.safe_load((STARTER / "data" / "taxonomies.yaml").read_text(encoding="utf-8"))
    texts["data/taxonomies.yaml"] = "\n".join(value["cy"] for entries in taxonomies.values() for entry in entries.values()
                                              for value in entry.values() if isinstance(value, dict))
    return texts


# the review's corrections, as the catalogue now has them
REVIEWED = {
    "It is free": "Mae’n rhad ac am ddim",
    "It is free.": "Mae’n rhad ac am ddim.",
    'A cost that is not stated is marked "Not stated: ask the provider".':
        'Pan nad yw’r gost wedi’i nodi, rydyn ni’n dweud "Heb ei nodi: gofynnwch i’r darparwr".',
    "Who it is for: {who}": "Ar gyfer: {who}",
    # "{count} o ganlyniadau" reads right for any number in digits (the review's own rule under
    # "Mutations"): "{count} canlyniad" would need "2 ganlyniad", "3 chanlyniad", which one form cannot give
    "{count} results {what}": "{count} o ganlyniadau {what}",
    "1 result {what}": "1 canlyniad {what}",
    "with {filters}": "gyda’r hidlwyr: {filters}",
    "Registered with the Care Inspectorate": "Wedi’i gofrestru gyda’r Care Inspectorate (yr Alban)",
    "Care Inspectorate": "Care Inspectorate",  # Scotland's regulator keeps its name: "Arolygiaeth Gofal" is Wales's
    "Care Inspectorate Wales": "Arolygiaeth Gofal Cymru",
}


@pytest.mark.parametrize("english", REVIEWED)
def test_the_reviewed_strings_say_what_the_review_agreed(english: str):
    assert welsh_catalogue()[english] == REVIEWED[english]


# one Welsh term for each idea (welsh-review.md, "Consistency"): where the catalogue says it
TERMS = {
    "Hawdd ei Ddeall": ["Easy Read", "Easy Read version", "Pictures on Easy Read pages"],
    "darparwr": ["Provider", "<strong>Cost: ask the provider.</strong> The cost is not stated here."],
    "taliad uniongyrchol": ["Direct payment", "A direct payment"],
    "asesiad o anghenion gofal": ["Council funding, after a care needs assessment",
                                  "For help finding support, or to ask for a care needs assessment:"],
    "gweithiwr cymorth": ["A support worker comes to your home.", "An hour with a support worker costs {money}."],
    "cymorth un-i-un": ["One-to-one support at home or in your community"],
}


@pytest.mark.parametrize("term", TERMS)
def test_each_idea_has_one_welsh_term_in_the_catalogue(term: str):
    catalogue = welsh_catalogue()
    assert [english for english in TERMS[term] if term.casefold() not in catalogue[english].casefold()] == []


def test_the_welsh_glossary_explains_the_terms_the_catalogue_and_the_drafts_use():
    english, welsh = glossary("en"), glossary("cy")
    # a Welsh entry for each English one, paired by their picture
    assert sorted(entry["picture"] for entry in welsh.values()) == sorted(entry["picture"] for entry in english.values())
    catalogue = " ".join(s for s in welsh_catalogue().values() if isinstance(s, str)).casefold()
    drafts = " ".join(starter_welsh().values()).casefold()
    for term in ("taliad uniongyrchol", "gweithiwr cymorth", "asesiad", "sesiwn"):
        assert term in welsh and term in catalogue, term
    for term in ("seibiant", "cymorth gan gymheiriaid"):  # the catalogue does not use these; the glossary and drafts agree
        assert term in welsh, term
    assert "seibiant" in drafts


def test_the_starter_categories_and_drafts_use_the_catalogue_s_terms():
    taxonomies = yaml.safe_load((STARTER / "data" / "taxonomies.yaml").read_text(encoding="utf-8"))
    assert taxonomies["who_for"]["carers"]["label"]["cy"] == "Gofalwyr di-dâl"
    assert taxonomies["types"]["one-to-one"]["label"]["cy"] == "Cymorth un-i-un o'ch cartref"
    easy_pages = [text for name, text in starter_welsh().items() if name.endswith(".easy.md.j2")]
    assert easy_pages and all("Hawdd ei Ddarllen" not in text for text in easy_pages)


# wordings the review retired, and words that have one term elsewhere: none may come back
RETIRED = {
    "Mae am ddim": "“mae” needs the linking ’n: Mae’n rhad ac am ddim",
    "Canlyniadau:": "a count reads “{count} o ganlyniadau”",
    "Yr Arolygiaeth Gofal": "Scotland’s Care Inspectorate keeps its English name",
    "rhestriad": "a listing is a “cofnod”, as in the interface",
    "un i un": "one-to-one is “un-i-un”, as in the interface",
    "efnogaeth": "support (the noun) is “cymorth”, as in the interface",
    "Hawdd ei Ddarllen": "Easy Read is “Hawdd ei Ddeall”",
}


def test_no_retired_welsh_wording_is_left_in_the_catalogue_the_glossary_or_the_starter():
    texts = {"extract_messages.po": extract_messages.po_path("cy").read_text(encoding="utf-8").split('msgid ""\nmsgstr ""', 1)[1],
             "glossary.cy.yaml": (GLOSSARY / "glossary.cy.yaml").read_text(encoding="utf-8"), **starter_welsh()}
    msgstrs = "\n".join(line for line in texts["extract_messages.po"].splitlines() if not line.startswith(("msgid", "#")))
    texts["extract_messages.po"] = msgstrs  # the English ids may say anything
    found = [(name, words) for name, text in texts.items() for words in RETIRED if words.casefold() in text.casefold()]
    assert found == []


# the translations that are the same words in Welsh: placeholders, a name, and words Welsh shares with English
SAME_IN_WELSH = {"%(transport)s.", ", ", "Care Inspectorate", "Cost", "Hindi"}
ENGLISH_WORDS = re.compile(r"\b(the|and|with|you|your|are|this|of|to|for|not|please|service|services|here)\b", re.IGNORECASE)


def test_no_english_is_left_untranslated_in_the_welsh_catalogue():
    untranslated, english = [], []
    for message_id, strings in welsh_catalogue().items():
        for string in strings if isinstance(strings, tuple) else (strings,):
            if string == message_id and message_id not in SAME_IN_WELSH:
                untranslated.append(message_id)
            text = re.sub(r"%\(\w+\)s|\{\w+\}|<code>.*?</code>|<[^>]+>|Open Referral UK|Care Inspectorate", "", string)
            if ENGLISH_WORDS.search(text):
                english.append(string)
    assert (untranslated, english) == ([], [])
