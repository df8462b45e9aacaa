"""Helpers the templates use to put links and numbers into translated sentences.

A sentence is translated whole, with its links as placeholders ("Phone %(phone)s"), so each
link is made here, escaped, and handed to the sentence as markup.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from builder import wording
from builder.i18n import N_, _

# "Is something wrong?" on a listing, a provider or an information page (partials/tell-us.html)
CHANGE_SUBJECTS = {"listing": N_("Change to listing: %(name)s (%(address)s)"),
                   "provider": N_("Change to provider: %(name)s (%(address)s)"),
                   "page": N_("Change to page: %(name)s (%(address)s)")}
SUGGEST_CHANGE = {"listing": N_("Suggest a change to this listing"), "provider": N_("Suggest a change to this provider"),
                  "page": N_("Suggest a change to this page")}
REPORT_PROBLEM = {"listing": N_("report a problem with this listing"), "provider": N_("report a problem with this provider"),
                  "page": N_("report a problem with this page")}


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
    return Markup('<a href="{}">{}</a>').format(page.url_to(f"{folder}/{term.key}/"), term.label)


GLOBALS = {"text_": text_, "markup": Markup, "escape": escape, "external_link": external_link, "phone_link": phone_link,
           "email_link": email_link, "CHANGE_SUBJECTS": CHANGE_SUBJECTS, "SUGGEST_CHANGE": SUGGEST_CHANGE,
           "REPORT_PROBLEM": REPORT_PROBLEM}
FILTERS = {"term_link": term_link}
