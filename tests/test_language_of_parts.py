"""Language of parts (WCAG 3.1.2, issue 24): on a bilingual site where most content is not yet translated,
every word shown in a language other than the page's sits inside an element whose `lang` names it.

tests/fixtures/bilingual-partial is English first, its listings, pages and labels mostly English only,
one provider writing in Welsh only (content_language: cy). It is also built Welsh-first with
`content_language: en`, as a Welsh council writing its listings in English would set it."""

from __future__ import annotations

import re

import htmlparse

# The fixture's own words, by the language they are written in (untranslated and translated alike).
ENGLISH = (
    "Find day opportunities in Testshire", "Testshire Borough Council", "Monday to Friday, 9am to 5pm", "Northfield Vale",
    "Southern Hills", "Day centres for adults", "Community groups", "Groups near you", "One-to-one support at home",
    "A support worker helps you", "Older people", "People living with dementia", "People who forget things",
    "Gardening and growing", "Gardening outside", "Singing", "Testshire Care Trust", "A local charity running clubs",
    "Garden Club", "A gardening club for older people.", "Community Garden", "1 Park Road", "We grow vegetables together.",
    "Friday Lunch and Chat", "A hot two-course lunch", "Saint Aidan's Parish Hall", "2 Vicarage Road", "Not on bank holidays",
    "Two-course lunch", "Minibus there and back", "Lunch is served at noon", "You can eat a hot meal with other people.",
    "Home Support Visits", "A support worker visits you at home", "Support worker time", "Your support worker plans each visit",
    "About this site.", "This site lists day opportunities.", "About this website", "This website tells you about things to do",
    "Privacy notice", "What this site stores about you.", "This site does not store anything", "Your privacy",
    "This website does not keep facts",
)
WELSH = (
    "Dod o hyd i gyfleoedd dydd yn Testshire", "Bryniau'r De", "Grwpiau cymunedol", "Grwpiau yn agos atoch chi", "Pobl hŷn",
    "Canu", "Clwb Garddio", "Clwb garddio i bobl hŷn.", "Gardd Gymunedol", "Rydyn ni’n tyfu llysiau", "Cymdeithas Gymraeg Llan",
    "Grŵp bach o wirfoddolwyr", "Côr Cymunedol Llan", "Côr i bobl hŷn sy’n hoffi canu", "Festri Capel Bethel",
    "Heol y Capel, Llan", "Bob yn ail wythnos", "Rydyn ni’n canu bob nos Iau", "Amdanom ni", "Am y wefan hon",
    "Mae’r wefan hon yn rhestru", "Mae’r wefan hon yn sôn am bethau",
)
KNOWN = {**{words: "en" for words in ENGLISH}, **{words: "cy" for words in WELSH}}
_PATTERN = re.compile("|".join(rf"(?<!\w){re.escape(words)}(?!\w)" for words in sorted(KNOWN, key=len, reverse=True)))
READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")  # what a screen reader may say


def language_at(element) -> str:
    """The primary language of the nearest `lang` at or above the element ("en-GB" -> "en")."""
    for node in (element, *element.ancestors()):
        if node.get("lang") is not None:
            return node.get("lang").split("-")[0].lower()
    return ""


def stray_words(document) -> list[str]:
    """Each of the fixture's words shown in the body in a language its element does not declare:
    "'Garden Club' (en) in <a> (cy)". The head (the <title>, metadata) is not read as the page's parts."""
    body = document.find("body")
    strays = []
    for element in body.iter():
        if element.tag in ("script", "style"):
            continue
        texts = [child for child in element.children if isinstance(child, str)]
        texts += [element.get(name) for name in READ_ATTRIBUTES if element.get(name)]
        for text in texts:
            for match in _PATTERN.finditer(text):
                want, have = KNOWN[match.group(0)], language_at(element)
                if want != have:
                    strays.append(f"'{match.group(0)}' ({want}) in <{element.tag}> ({have})")
    return strays
