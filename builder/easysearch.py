"""The Easy Read search page: the same filters as the standard page, each asked as an Easy Read
question with a picture, and every message the search script shows, in Easy Read.

One table maps each search filter to its question and picture. A filter that is not in the table
(one added to the standard page later) still appears, under its standard legend, until its row is added.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.easyread import Pictograms
from builder.model import SiteConfig

# filter name -> (Easy Read question, picture: a key of `facts` in pictograms.yaml)
EASY_FILTERS = {
    "kind": ("What do you want to find?", "list"),
    "area": ("Where do you live?", "area"),
    "who": ("Who is it for?", "family"),
    "type": ("What kind of help?", "hub"),
    "activity": ("What do you want to do?", "easy-read"),
    "day": ("Which day?", "facts-checked"),
    "cost": ("Does it cost money?", "cost"),
    "pay": ("Who pays?", "pay"),
    "transport": ("Do you need help to get there?", "transport-provided"),
    "assessment": ("Can you just go along?", "start"),
    "status": ("Is it open?", "closed"),
    "access": ("Can I get in?", "access"),
    "language": ("What language do the staff speak?", "language"),
    "age": ("How old are you?", "ages"),
    "registered": ("Is it checked?", "checked"),
}
PICTURE_CHOICES = {"who": "who_for", "type": "types", "activity": "activities"}  # a picture for each answer too
# Filter values the index holds in standard words -> what the Easy Read page shows
EASY_VALUES = {
    "Service": "Services", "Provider": "Who runs services", "Information": "Pages that explain things",
    "Free": "It is free", "Paid": "It costs money",
    "Council funding": "The council pays", "Direct payment": "A direct payment",
    "Individual service fund": "The council gives your money to the service", "Paying for yourself": "You pay",
    "Transport provided": "They pick you up", "Help to arrange transport": "They help you find a way there",
    "No assessment needed": "Yes, you can just go along",
    "Open": "It is open", "Temporarily closed": "It is closed for now", "Closed": "It has closed",
    "Evenings": "In the evening", "Weekends": "At the weekend",
}
# Every message the search script shows, by key; {name} marks a value the script puts in.
MESSAGES = {
    "start_failed": "Search does not work now. Use the links to find services.",
    "selected": "You chose",
    "remove": "Take away: {value}",
    "none": "We found nothing.",
    "one": "We found 1 page.",
    "many": "We found {count} pages.",
    "query": "You looked for ‘{query}’.",
    "filters": "You chose: {filters}.",
    "nearest": "The nearest are first.",
    "nearest_to": "The nearest to {postcode} are first.",
    "page": "This is page {page} of {pages}.",
    "previous": "Go back a page",
    "next": "Go to the next page",
    "page_link": "Page {page}",
    "where": "Where: {areas}",
    "who": "For: {who}",
}


@dataclass(frozen=True)
class Choice:
    value: str  # what the index holds
    label: str  # what the reader sees
    count: int
    picture: str = ""  # for picture choices


@dataclass(frozen=True)
class EasyFilter:
    name: str
    question: str
    picture: str
    choices: tuple[Choice, ...]
    with_pictures: bool


def easy_filters(facets, site: SiteConfig, pictures: Pictograms) -> tuple[EasyFilter, ...]:
    """The search page's facets ([(name, legend, [(value, count)])]) as Easy Read questions."""
    found = []
    for name, legend, values in facets:
        if not values:
            continue
        question, picture = EASY_FILTERS.get(name, (legend, "list"))
        terms = {t.easy: t for t in site.taxonomy(PICTURE_CHOICES[name])} if name in PICTURE_CHOICES else {}
        choices = tuple(Choice(value, EASY_VALUES.get(value, value), count, pictures.term(terms[value]) if value in terms else "")
                        for value, count in values)
        found.append(EasyFilter(name, question, pictures.fact(picture), choices, bool(terms)))
    return tuple(found)
