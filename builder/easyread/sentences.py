"""Easy Read sentences made from a service's structured record.

One short sentence per fact, one idea per sentence, each with a pictogram, in a fixed
order: notices; what it is; who it is for; what you can do; where; when; cost; who can
pay; how to start; transport; contact; whether the site's care regulator checks it.
Pure: the pictogram names come from the theme's pictograms.yaml (see `Pictograms`).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from builder.config.pictograms import Pictograms
from builder.config.site import SiteConfig
from builder.language import bilingual, wording
from builder.language.bilingual import fill
from builder.language.interface import N_, _
from builder.model import schedules
from builder.model.catalogue import WEEKEND, Provider, Service


@dataclass(frozen=True)
class Row:
    """One Easy Read line: a pictogram on the left, one sentence on the right."""

    symbol: str  # file name under assets/pictograms/
    text: str
    href: str = ""  # when the sentence (or its `link_text`) is a link
    link_text: str = ""  # the linked words, placed after `text`
    big: bool = False  # the phone number: large and easy to tap
    lang: str = ""
    question: str = ""  # in the summary box: the question this row answers


@dataclass(frozen=True)
class Section:
    heading: str  # a question, like "Who is it for?"
    rows: tuple[Row, ...]
    key: str = ""


ACCESS_SENTENCES = {
    "step-free": N_("You can get in with a wheelchair."),
    "lift": N_("There is a lift."),
    "accessible-toilet": N_("There is a toilet for disabled people."),
    "changing-places": N_("There is a big toilet with a hoist and a bench."),
    "hearing-loop": N_("There is a hearing loop for people who use hearing aids."),
    "accessible-parking": N_("There are parking spaces for disabled people."),
    "quiet-space": N_("There is a quiet room if you need a break."),
    "bsl": N_("Some staff use British Sign Language."),
}
PAY_SENTENCES = {
    "council": (N_("The council can pay if you need this support."), "pay"),
    "direct-payment": (N_("You can pay with a direct payment."), "pay"),  # the glossary explains it
    "individual-service-fund": (N_("The council can give your money to the service to spend on your support."), "pay"),
    "self-funded": (N_("You can pay for it yourself."), "pay"),
}
# What each price pays for (Cost.what_for), and "per" -> how the sentence ends ("" for any other).
# Whole sentences, for translation; the label's words are never read, so a translated label changes nothing.
COST_SENTENCES = {
    "attendance": {"session": N_("Each visit costs {money}."), "hour": N_("It costs {money} an hour."), "day": N_("A day costs {money}."),
                   "week": N_("It costs {money} a week."), "month": N_("It costs {money} a month."), "year": N_("It costs {money} a year."),
                   "": N_("It costs {money}.")},
    "lunch": {"": N_("Lunch costs {money}.")},
    "meal": {"": N_("Food and drink cost {money}.")},
    "transport": {"": N_("Transport there and back costs {money}.")},
    "support": {"hour": N_("An hour with a support worker costs {money}."), "day": N_("A day with a support worker costs {money}."),
                "": N_("Help from a support worker costs {money}.")},
    "entry": {"": N_("It costs {money} to get in.")},
    "activity": {"": N_("Some activities cost {money} extra.")},
    "membership": {"year": N_("It costs {money} a year to be a member."), "month": N_("It costs {money} a month to be a member."),
                   "": N_("It costs {money} to be a member.")},
    "donation": {"": N_("You can give them some money if you want to. They suggest {money}.")},
    "pay-what-you-can": {"": N_("You pay what you can afford. They suggest {money}.")},
}
NO_AMOUNT_SENTENCES = {"donation": N_("You can give them some money if you want to."),
                       "pay-what-you-can": N_("You pay what you can afford.")}
WHO_AND_OTHERS = N_("{first} and others.")
AT_PLACE = N_("It is at {name}. The address is {address}, {postcode}.")
EVERY_AREA = N_("It is for people who live in any part of the county.")
SUMMARY_DAYS = N_("It is on {days}.")
SUMMARY_AT = N_("It is at {name}, {postcode}.")
SUMMARY_AT_MANY = N_("It is at {name}, {postcode}, and other places.")
NEWS = N_("There is news about this service. Phone them to find out more.")
TRANSPORT_SENTENCES = {
    "provided": N_("They can pick you up and take you home."),
    "help-to-arrange": N_("They can help you find a way to get there."),
    "none": N_("You need to find your own way there."),
}


def service_sections(service: Service, provider: Provider, site: SiteConfig, pictures: Pictograms) -> tuple[Section, ...]:
    sections = [
        Section(_("Important"), _notices(service, pictures), "notices"),
        Section(_("What is it?"), tuple(Row(pictures.term(t), _sentence(t.easy)) for t in service.types), "what"),
        Section(_("Who is it for?"), _who(service, pictures), "who"),
        Section(_("What can I do there?"), tuple(Row(pictures.term(t), _sentence(t.easy)) for t in service.activities), "activities"),
        Section(_("Where is it?"), _where(service, site, pictures), "where"),
        Section(_("When is it on?"), _when(service, pictures), "when"),
        Section(_("How much does it cost?"), _cost(service, pictures), "cost"),
        Section(_("How do I start?"), _start(service, pictures), "start"),
        Section(_("How do I get there?"), _transport(service, pictures), "transport"),
        Section(_("How do I find out more?"), _contact(service, provider, pictures), "contact"),
        Section(_("Is it checked?"), _checked(service, pictures), "checked"),
    ]
    return tuple(s for s in sections if s.rows)


def summary_rows(service: Service, provider: Provider, pictures: Pictograms) -> tuple[Row, ...]:
    """The six answers a reader wants first: what, who for, when, where, how much, how to get in touch."""
    rows = [Row(pictures.term(service.types[0]), _joined([_sentence(t.easy) for t in service.types]), question=_("What is it?"))]
    who = [t.easy if i == 0 else bilingual.keep_lang(t.easy, t.easy[:1].lower() + t.easy[1:]) for i, t in enumerate(service.who_for)]
    who_text = fill(_(WHO_AND_OTHERS), first=who[0]) if len(who) > 2 else _sentence(bilingual.join_marked(wording.join_words, who))
    rows.append(Row(pictures.term(service.who_for[0]), who_text, question=_("Who is it for?")))
    days = {day for session in service.sessions for day in session.days}
    when = _(SUMMARY_DAYS).format(days=wording.days_text(days)) if days else _("Phone them to ask when it is on.")
    if service.sessions and all(s.repeat.by_arrangement for s in service.sessions):
        when = _("You agree the day and time with them.")
    elif len(service.sessions) == 1 and not service.sessions[0].repeat.weekly:  # the summary says how often too
        when = schedules.easy_sentences(service.sessions[0].days, "", "", service.sessions[0].repeat)[0]
    rows.append(Row(pictures.day("weekday"), when, question=_("When is it on?")))
    rows.append(Row(*_summary_where(service, pictures), question=_("Where is it?")))
    cost = _cost(service, pictures)[0]
    rows.append(Row(cost.symbol, cost.text, question=_("How much does it cost?")))
    contact = service.contact if (service.contact.phone or service.contact.email) else provider.contact
    if contact.phone:
        rows.append(Row(pictures.fact("phone"), _("Phone"), contact.phone_href, contact.phone_display, big=True, question=_("How do I get in touch?")))
    elif contact.email:
        rows.append(Row(pictures.fact("email"), _("Email"), f"mailto:{contact.email}", contact.email, question=_("How do I get in touch?")))
    return tuple(rows)


def _summary_where(service: Service, pictures: Pictograms) -> tuple[str, str]:
    if service.is_one_to_one:
        return pictures.fact("home"), _("A support worker comes to your home.")
    if not service.locations:
        return pictures.fact("phone"), _("Phone them to ask where it is.")
    first = service.locations[0]
    sentence = SUMMARY_AT if len(service.locations) == 1 else SUMMARY_AT_MANY
    return pictures.fact("address"), fill(_(sentence), name=first.name, postcode=first.postcode)


# Who checked what, kept apart: the facts (by the council, with the provider) and the Easy Read (by readers).
FACTS_CHECKED = N_("We checked these facts on {date}.")
EASY_CHECKED = N_("{group} checked that this page is easy to read.")
EASY_NOT_CHECKED = N_("People with learning disabilities have not checked this page yet.")


def checked_rows(facts_on, easy_checked_by: str, pictures: Pictograms) -> tuple[Row, ...]:
    """The two checks a page has had, in words that do not mix them up; `facts_on` is a date or None."""
    rows = [Row(pictures.fact("facts-checked"), _(FACTS_CHECKED).format(date=wording.date_text(facts_on)))] if facts_on else []
    if easy_checked_by:
        rows.append(Row(pictures.fact("easy-checked"), _(EASY_CHECKED).format(group=easy_checked_by)))
    else:
        rows.append(Row(pictures.fact("easy-read"), _(EASY_NOT_CHECKED)))
    return tuple(rows)


def summary_text(service: Service) -> str:
    """The first Easy Read sentences of a service (what it is, who it is for), for search results."""
    return _joined([_sentence(t.easy) for t in service.types[:1]] + [_sentence(t.easy) for t in service.who_for[:1]])


def _joined(sentences: list) -> str:
    """Sentences one after another (markup where some are words in another language)."""
    return Markup(" ").join(sentences) if any(isinstance(s, Markup) for s in sentences) else " ".join(sentences)


def _sentence(text: str) -> str:
    """A label as a sentence: a capital first, a full stop last (in a <span lang> when it is in another language)."""
    if isinstance(text, Markup):  # words joined with some in another language: they keep their own capitals
        return text if str(text).endswith((".", "!", "?")) else text + Markup(".")
    original, text = text, text.strip()
    text = text[:1].upper() + text[1:]
    return bilingual.in_lang(bilingual.keep_lang(original, text if text.endswith((".", "!", "?")) else text + "."))


def _notices(service: Service, pictures: Pictograms) -> tuple[Row, ...]:
    rows = []
    if service.status == "closed":
        rows.append(Row(pictures.fact("closed"), _("This service has closed. It does not run any more.")))
    elif service.status == "temporarily-closed":
        rows.append(Row(pictures.fact("closed"), _("This service is closed for now. Phone them to ask when it opens.")))
    if service.easy_alert:
        rows.append(Row(pictures.fact("alert"), _sentence(service.easy_alert)))
    elif service.alert:
        rows.append(Row(pictures.fact("phone"), _(NEWS)))
    return tuple(rows)


def _who(service: Service, pictures: Pictograms) -> tuple[Row, ...]:
    rows = [Row(pictures.term(t), _sentence(t.easy)) for t in service.who_for]
    low, high = service.ages
    if low is not None and high is not None:
        rows.append(Row(pictures.fact("ages"), _("You need to be {low} to {high} years old.").format(low=low, high=high)))
    elif low is not None:
        rows.append(Row(pictures.fact("ages"), _("You need to be {low} years old or older.").format(low=low)))
    elif high is not None:
        rows.append(Row(pictures.fact("ages"), _("You need to be {high} years old or younger.").format(high=high)))
    for name in service.language_names:
        if name not in (_("English"),):
            rows.append(Row(pictures.fact("language"), _("Staff can talk with you in {language}.").format(language=name)))
    return tuple(rows)


def _where(service: Service, site: SiteConfig, pictures: Pictograms) -> tuple[Row, ...]:
    if service.is_one_to_one:
        rows = [Row(pictures.fact("home"), _("A support worker comes to your home."))]
    else:
        rows = []
        for location in service.locations:
            rows.append(Row(pictures.fact("address"), fill(_(AT_PLACE), name=location.name, address=location.address, postcode=location.postcode)))
            for key in location.access or ():
                rows.append(Row(pictures.access(key), _(ACCESS_SENTENCES[key])))
            if location.access is None:
                rows.append(Row(pictures.access("step-free"), _("Phone them to ask if you can get in with a wheelchair.")))
    areas = bilingual.join_marked(wording.join_words, [a.easy for a in service.areas])
    every = len(service.areas) > 2 and set(service.areas) == set(site.areas)
    rows.append(Row(pictures.fact("area"), _(EVERY_AREA) if every else fill(_("It is for people who live in {areas}."), areas=areas)))
    return tuple(rows)


def _when(service: Service, pictures: Pictograms) -> tuple[Row, ...]:
    if not service.sessions:
        return (Row(pictures.fact("when"), _("Phone them to ask when it is on.")),)
    rows = []
    for session in service.sessions:
        symbol = pictures.day("evening") if session.is_evening else pictures.day("weekend") if session.days and set(session.days) <= WEEKEND else pictures.day("weekday")
        if session.repeat.weekly:
            rows.append(Row(symbol, _("It is on {days}, {times}.").format(days=wording.days_text(session.days), times=wording.time_range(session.start, session.end))))
        else:
            rows += [Row(symbol, text) for text in schedules.easy_sentences(session.days, session.start, session.end, session.repeat) if text]
        if session.easy_note:
            rows.append(Row(pictures.fact("when"), _sentence(session.easy_note)))
        elif session.note and not session.repeat.by_arrangement:  # by arrangement: the note is about the times agreed
            rows.append(Row(pictures.fact("phone"), _("Phone them to ask which weeks it is on.")))
    return tuple(rows)


def _cost(service: Service, pictures: Pictograms) -> tuple[Row, ...]:
    if service.is_free:  # a donation asked for is said after it
        return (Row(pictures.fact("cost"), _("It is free.")),) + tuple(Row(pictures.fact("cost"), cost_sentence(c)) for c in service.costs)
    if not service.costs:
        return (Row(pictures.fact("cost"), _("Ask them how much it costs.")),)
    rows = [Row(pictures.fact(f"cost-{c.what_for}") or pictures.fact("cost"), cost_sentence(c)) for c in service.costs]
    rows += [Row(pictures.fact(symbol), _(text)) for key, (text, symbol) in PAY_SENTENCES.items() if key in service.funding]
    return tuple(rows)


def _start(service: Service, pictures: Pictograms) -> tuple[Row, ...]:
    rows = []
    if service.needs_assessment:
        rows.append(Row(pictures.fact("social-worker"), _("Talk to a social worker first.")))
        rows.append(Row(pictures.fact("social-worker"), _("They will ask what help you need.")))
    elif "self" in service.referral:
        rows.append(Row(pictures.fact("start"), _("You can phone them yourself.")))
    if not service.needs_assessment and "social-worker" in service.referral:
        rows.append(Row(pictures.fact("social-worker"), _("A social worker can help you ask to join this service.")))
    if "family" in service.referral or "carer" in service.referral:
        rows.append(Row(pictures.fact("family"), _("Your family or carer can phone them for you.")))
    if "gp" in service.referral:
        rows.append(Row(pictures.fact("doctor"), _("Your doctor can tell them about you.")))
    return tuple(rows)


def _transport(service: Service, pictures: Pictograms) -> tuple[Row, ...]:
    if service.transport not in TRANSPORT_SENTENCES:
        return ()
    return (Row(pictures.fact(f"transport-{service.transport}"), _(TRANSPORT_SENTENCES[service.transport])),)


def _contact(service: Service, provider: Provider, pictures: Pictograms) -> tuple[Row, ...]:
    contact = service.contact if (service.contact.phone or service.contact.email) else provider.contact
    rows = []
    if contact.phone:
        rows.append(Row(pictures.fact("phone"), _("Phone"), contact.phone_href, contact.phone_display, big=True))
    rows += [Row(pictures.fact("phone"), bilingual.in_lang(other.label), other.href, other.display, big=True) for other in contact.other_phones]
    if contact.email:
        rows.append(Row(pictures.fact("email"), _("Email"), f"mailto:{contact.email}", contact.email))
    rows.append(Row(pictures.fact("provider"), fill(_("{name} runs this service."), name=provider.name)))
    return tuple(rows)


def _checked(service: Service, pictures: Pictograms) -> tuple[Row, ...]:
    """Only what the listing says (the glossary explains the regulator): a missing id means "we do not know"."""
    if service.is_registered:
        return (Row(pictures.fact("checked"), _(service.regulator.easy_registered)),)
    if service.said_not_registered:
        return (Row(pictures.fact("not-checked"), _(service.regulator.easy_not_registered)),)
    return ()


def cost_sentence(cost) -> str:
    """'Lunch costs £7.50.', 'A day costs £42.', from what the price pays for, in the page's language."""
    if cost.amount is None:
        return _(NO_AMOUNT_SENTENCES[cost.what_for])
    sentences = COST_SENTENCES[cost.what_for]
    if cost.what_for in NO_AMOUNT_SENTENCES:  # a suggestion keeps its "a session"
        return _(sentences[""]).format(money=cost.price)
    return _(sentences.get(cost.per) or sentences[""]).format(money=wording.money(cost.amount))
