"""The Easy Read search page: the same filters as the standard page, each asked as an Easy Read
question with a picture, and every message the search script shows, in Easy Read.

One table maps each search filter to its question and picture. A filter that is not in the table
(one added to the standard page later) still appears, under its standard legend, until its row is added.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.config.pictograms import Pictograms
from builder.config.site import SiteConfig
from builder.language.interface import N_, Labels, _

# filter name -> (Easy Read question, picture: a key of `facts` in pictograms.yaml)
EASY_FILTERS = {
    "kind": (N_("What do you want to find?"), "list"),
    "area": (N_("Where do you live?"), "area"),
    "who": (N_("Who is it for?"), "family"),
    "type": (N_("What kind of help?"), "hub"),
    "activity": (N_("What do you want to do?"), "easy-read"),
    "day": (N_("Which day?"), "facts-checked"),
    "cost": (N_("Does it cost money?"), "cost"),
    "pay": (N_("Who pays?"), "pay"),
    "transport": (N_("Do you need help to get there?"), "transport-provided"),
    "assessment": (N_("Can you just go along?"), "start"),
    "status": (N_("Is it open?"), "closed"),
    "access": (N_("Can I get in?"), "access"),
    "language": (N_("What language do the staff speak?"), "language"),
    "age": (N_("How old are you?"), "ages"),
    "registered": (N_("Is it checked?"), "checked"),
}
PICTURE_CHOICES = {"who": "who_for", "type": "types", "activity": "activities"}  # a picture for each answer too
# Filter values the index holds in standard words -> what the Easy Read page shows
EASY_VALUES = {
    N_("Service"): N_("Services"), N_("Provider"): N_("Who runs services"), N_("Information"): N_("Pages that explain things"),
    N_("Free"): N_("It is free"), N_("Paid"): N_("It costs money"),
    N_("Council funding"): N_("The council pays"), N_("Direct payment"): N_("A direct payment"),
    N_("Individual service fund"): N_("The council gives your money to the service"), N_("Paying for yourself"): N_("You pay"),
    N_("Transport provided"): N_("They pick you up"), N_("Help to arrange transport"): N_("They help you find a way there"),
    N_("No assessment needed"): N_("Yes, you can just go along"),
    N_("Open"): N_("It is open"), N_("Temporarily closed"): N_("It is closed for now"), N_("Closed"): N_("It has closed"),
    N_("Evenings"): N_("In the evening"), N_("Weekends"): N_("At the weekend"),
}
# Every message the search script shows, by key; {name} marks a value the script puts in.
MESSAGES = Labels({
    "start_failed": N_("Search does not work now. Use the links to find services."),
    "selected": N_("You chose"),
    "remove": N_("Take away: {value}"),
    "none": N_("We found nothing."),
    "one": N_("We found 1 page."),
    "many": N_("We found {count} pages."),
    "no_services": N_("We found no services."),  # a postcode alone: every service, nearest first
    "one_service": N_("We found 1 service."),
    "many_services": N_("We found {count} services."),
    "query": N_("You looked for ‘{query}’."),
    "filters": N_("You chose: {filters}."),
    "nearest": N_("The nearest are first."),
    "nearest_to": N_("The nearest to {postcode} are first."),
    "page": N_("This is page {page} of {pages}."),
    "previous": N_("Go back a page"),
    "next": N_("Go to the next page"),
    "page_link": N_("Page {page}"),
    "where": N_("Where: {areas}"),
    "who": N_("For: {who}"),
})


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
    easy_values = {_(standard): _(easy) for standard, easy in EASY_VALUES.items()}  # the index holds the words of the page's language
    for name, legend, values in facets:
        if not values:
            continue
        question, picture = EASY_FILTERS.get(name, (legend, "list"))
        question = _(question)
        terms = {t.easy: t for t in site.taxonomy(PICTURE_CHOICES[name])} if name in PICTURE_CHOICES else {}
        choices = tuple(Choice(value, easy_values.get(value, value), count, pictures.term(terms[value]) if value in terms else "")
                        for value, count in values)
        found.append(EasyFilter(name, question, pictures.fact(picture), choices, bool(terms)))
    return tuple(found)
