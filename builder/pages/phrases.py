"""Helpers the templates use to put links and numbers into translated sentences.

A sentence is translated whole, with its links as placeholders ("Phone %(phone)s"), so each
link is made here, escaped, and handed to the sentence as markup.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from builder.language import bilingual
from builder.language import interface as i18n
from builder.language import wording
from builder.language.interface import N_, _

# "Is something wrong?" on a listing, a provider or an information page (partials/tell-us.html)
CHANGE_SUBJECTS = {"listing": N_("Change to listing: %(name)s (%(address)s)"),
                   "provider": N_("Change to provider: %(name)s (%(address)s)"),
                   "page": N_("Change to page: %(name)s (%(address)s)")}
SUGGEST_CHANGE = {"listing": N_("Suggest a change to this listing"), "provider": N_("Suggest a change to this provider"),
                  "page": N_("Suggest a change to this page")}
REPORT_PROBLEM = {"listing": N_("report a problem with this listing"), "provider": N_("report a problem with this provider"),
                  "page": N_("report a problem with this page")}
# The menu in the header (and Easy Read's, after the page): (folder, label, Easy Read label)
NAV_LINKS = (("areas/", N_("Areas"), N_("Where you live")), ("who-for/", N_("Who it is for"), N_("Who it is for")),
             ("types/", N_("Types of support"), N_("Kinds of help")), ("activities/", N_("Activities"), N_("Things to do")),
             ("a-to-z/", N_("A to Z"), N_("All services")))


def text_(message: str, **values) -> str:
    """The words in the active language as plain text (for an e-mail subject, an attribute): the
    values are not escaped here, since the template escapes the whole text where it is written."""
    words = _(message)
    return words % values if values else words


def external_link(url: str, text: str) -> Markup:
    """A link to another website, saying so to screen readers."""
    return Markup('<a href="{}">{}<span class="visually-hidden">{}</span></a>').format(url, text, _(" (on another website)"))


def phone_link(raw: str) -> Markup:
    return Markup('<a class="phone" href="{}">{}</a>').format(wording.phone_href(raw), wording.phone_display(raw))


def email_link(address: str) -> Markup:
    return Markup('<a href="mailto:{}">{}</a>').format(address, address)


def term_link(term, page, folder: str) -> Markup:
    """A taxonomy term linked to its browse page ('types/', 'areas/')."""
    return Markup('<a href="{}">{}</a>').format(page.url_to(f"{folder}/{term.key}/"), bilingual.in_lang(term.label))


# Every sentence the scripts (assets/*.js) show, by its English words; the page gives the scripts
# those that differ in the page's language (data-messages on <body>): nothing, in English.
SCRIPT_WORDS = (
    N_("Saved to my list"),
    N_("Save to my list"),
    N_("Your browser would not save the list."),
    N_("{name} is saved to your list."),
    N_("{name} is removed from your list."),
    N_("Phone:"),
    N_("Remove {name} from my list"),
    N_("Your list is copied. You can paste it into a message."),
    N_("for ‘{query}’"),
    N_("with {filters}"),
    N_("No results {what}"),
    N_("1 result {what}"),
    N_("{count} results {what}"),
    N_("No services"),  # a postcode (or "near me") with no words and no filters: every service, nearest first
    N_("1 service"),
    N_("{count} services"),
    N_(" (page {page} of {pages})"),
    N_("Easy Read"),
    N_("Standard"),
    N_("Service"),
    N_("Open"),
    N_("Where: {areas}"),
    N_("Area: {areas}"),
    N_("For: {who}"),
    N_("Who it is for: {who}"),
    N_("Page {page}"),
    N_("Previous page"),
    N_("Next page"),
    N_("Selected filters"),
    N_("Remove filter: {value}"),
    N_("Search needs the internet to find this. Try again when you have internet."),
    N_("Search cannot answer this without an internet connection, because search is not fully saved on this device. Connect to the internet and search again, or use the browse pages."),
    N_("No internet"),
    N_("This search needs the internet"),
    N_("Search works with no internet on this phone or computer."),
    N_("Search works without internet on this device."),
    N_("Saving search. Please wait."),
    N_("Saving search on this device ({size})…"),
    N_("Saving search did not work. Try again when you have internet."),
    N_("Search could not be saved. Check your internet connection and try again."),
    N_("Search is not saved on this phone or computer now."),
    N_("Saved search removed from this device."),
    N_("Enter a full postcode, like {example}"),
    N_("The list of postcodes could not be loaded. Check your internet connection and try again."),
    N_("We cannot find {postcode}. Check the postcode."),
    N_("We could not find {postcode}. Check the postcode and try again."),
    N_("{postcode} is outside our area, so distances are from the middle of {outward}."),
    N_("Search could not start. Please use the browse pages."),
    N_(", nearest to {postcode} first"),
    N_(", nearest first"),
    N_("Comes to you at home: distance does not apply"),
    N_("Distance not known"),
    N_("About {distance} away"),
    N_("Finding where you are…"),
    N_("We could not find where you are. Check that location is allowed for this website."),
    N_("less than 0.1 miles"),
    N_("{miles} mile"),
    N_("{miles} miles"),
)


def script_words() -> dict[str, str]:
    """{English: the active language's words} for the scripts' sentences that read differently
    (worked out once for each language, not on every page)."""
    interface = i18n.active()
    if _SCRIPT_WORDS[0] is not interface:
        _SCRIPT_WORDS[:] = [interface, {english: _(english) for english in SCRIPT_WORDS if _(english) != english}]
    return _SCRIPT_WORDS[1]


_SCRIPT_WORDS: list = [None, {}]


GLOBALS = {"script_words": script_words, "text_": text_, "markup": Markup, "escape": escape, "external_link": external_link, "phone_link": phone_link,
           "email_link": email_link, "CHANGE_SUBJECTS": CHANGE_SUBJECTS, "SUGGEST_CHANGE": SUGGEST_CHANGE,
           "REPORT_PROBLEM": REPORT_PROBLEM, "NAV_LINKS": NAV_LINKS}
FILTERS = {"term_link": term_link}
