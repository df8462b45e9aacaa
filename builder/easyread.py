"""Easy Read sentences made from a service's structured record.

One short sentence per fact, one idea per sentence, each with a pictogram, in a fixed
order: notices; what it is; who it is for; what you can do; where; when; cost; who can
pay; how to start; transport; contact; whether the Care Quality Commission checks it.
Pure: the pictogram names come from the theme's pictograms.yaml (see `Pictograms`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from builder import wording
from builder.model import WEEKEND, Provider, Service, SiteConfig, Term


@dataclass(frozen=True)
class Row:
    """One Easy Read line: a pictogram on the left, one sentence on the right."""

    symbol: str  # file name under assets/pictograms/
    text: str
    href: str = ""  # when the sentence (or its `link_text`) is a link
    link_text: str = ""  # the linked words, placed after `text`
    big: bool = False  # the phone number: large and easy to tap
    lang: str = ""


@dataclass(frozen=True)
class Section:
    heading: str  # a question, like "Who is it for?"
    rows: tuple[Row, ...]
    key: str = ""


@dataclass(frozen=True)
class Pictograms:
    """Our keys (taxonomy keys, facts, access features, days) -> symbol files."""

    groups: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "Pictograms":
        return cls(yaml.safe_load(path.read_text(encoding="utf-8")) or {})

    def fact(self, key: str) -> str:
        return self.groups.get("facts", {}).get(key, "")

    def term(self, term: Term) -> str:
        return term.symbol or self.groups.get(term.taxonomy, {}).get(term.key, "") or self.fact("information")

    def access(self, key: str) -> str:
        return self.groups.get("access", {}).get(key, "")

    def day(self, key: str) -> str:
        return self.groups.get("days", {}).get(key, "")

    def files(self) -> set[str]:
        return {name for group in self.groups.values() for name in group.values()}


ACCESS_SENTENCES = {
    "step-free": "You can get in with a wheelchair.",
    "lift": "There is a lift.",
    "accessible-toilet": "There is a toilet for disabled people.",
    "changing-places": "There is a big toilet with a hoist and a bench.",
    "hearing-loop": "There is a hearing loop for people who use hearing aids.",
    "accessible-parking": "There are parking spaces for disabled people.",
    "quiet-space": "There is a quiet room if you need a break.",
    "bsl": "Some staff use British Sign Language.",
}
PAY_SENTENCES = {
    "council": ("The council can pay if you need this support.", "pay"),
    "direct-payment": ("You can pay with a direct payment. This is money from the council that you control.", "pay"),
    "individual-service-fund": ("The council can give your money to the service to spend on your support.", "pay"),
    "self-funded": ("You can pay for it yourself.", "pay"),
}
TRANSPORT_SENTENCES = {
    "provided": "They can pick you up and take you home.",
    "help-to-arrange": "They can help you find a way to get there.",
    "none": "You need to find your own way there.",
}


def service_sections(service: Service, provider: Provider, site: SiteConfig, pictures: Pictograms) -> tuple[Section, ...]:
    sections = [
        Section("Important", _notices(service, pictures), "notices"),
        Section("What is it?", tuple(Row(pictures.term(t), _sentence(t.easy)) for t in service.types), "what"),
        Section("Who is it for?", _who(service, pictures), "who"),
        Section("What can I do there?", tuple(Row(pictures.term(t), _sentence(t.easy)) for t in service.activities), "activities"),
        Section("Where is it?", _where(service, pictures), "where"),
        Section("When is it on?", _when(service, pictures), "when"),
        Section("How much does it cost?", _cost(service, pictures), "cost"),
        Section("How do I start?", _start(service, pictures), "start"),
        Section("How do I get there?", _transport(service, pictures), "transport"),
        Section("How do I find out more?", _contact(service, provider, pictures), "contact"),
        Section("Is it checked?", _checked(service, pictures), "checked"),
        Section("More about it", tuple(Row(pictures.fact("information"), text) for text in service.easy_read), "more"),
    ]
    return tuple(s for s in sections if s.rows)


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _notices(service: Service, pictures: Pictograms) -> tuple[Row, ...]:
    rows = []
    if service.status == "closed":
        rows.append(Row(pictures.fact("closed"), "This service has closed. It does not run any more."))
    elif service.status == "temporarily-closed":
        rows.append(Row(pictures.fact("closed"), "This service is closed for now. Phone them to ask when it opens."))
    if service.alert:
        rows.append(Row(pictures.fact("alert"), _sentence(service.alert)))
    return tuple(rows)


def _who(service: Service, pictures: Pictograms) -> tuple[Row, ...]:
    rows = [Row(pictures.term(t), _sentence(t.easy)) for t in service.who_for]
    low, high = service.ages
    if low is not None and high is not None:
        rows.append(Row(pictures.fact("ages"), f"You need to be {low} to {high} years old."))
    elif low is not None:
        rows.append(Row(pictures.fact("ages"), f"You need to be {low} years old or older."))
    elif high is not None:
        rows.append(Row(pictures.fact("ages"), f"You need to be {high} years old or younger."))
    for name in service.language_names:
        if name not in ("English",):
            rows.append(Row(pictures.fact("language"), f"Staff can talk with you in {name}."))
    return tuple(rows)


def _where(service: Service, pictures: Pictograms) -> tuple[Row, ...]:
    if service.is_one_to_one:
        rows = [Row(pictures.fact("home"), "A support worker comes to your home.")]
    else:
        rows = []
        for location in service.locations:
            rows.append(Row(pictures.fact("where"), f"It is at {location.name}, {location.address}, {location.postcode}."))
            for key in location.access or ():
                rows.append(Row(pictures.access(key), ACCESS_SENTENCES[key]))
            if location.access is None:
                rows.append(Row(pictures.access("step-free"), "Phone them to ask if you can get in with a wheelchair."))
    areas = wording.join_words([a.easy for a in service.areas])
    rows.append(Row(pictures.fact("area"), f"It is for people who live in {areas}."))
    return tuple(rows)


def _when(service: Service, pictures: Pictograms) -> tuple[Row, ...]:
    if not service.sessions:
        return (Row(pictures.fact("when"), "Phone them to ask when it is on."),)
    rows = []
    for session in service.sessions:
        symbol = pictures.day("evening") if session.is_evening else pictures.day("weekend") if set(session.days) <= WEEKEND else pictures.day("weekday")
        rows.append(Row(symbol, f"It is on {wording.days_text(session.days)}, {wording.time_range(session.start, session.end)}."))
        if session.note:
            rows.append(Row(pictures.fact("when"), _sentence(session.note)))
    return tuple(rows)


def _cost(service: Service, pictures: Pictograms) -> tuple[Row, ...]:
    if service.is_free:
        return (Row(pictures.fact("cost"), "It is free."),)
    if not service.costs:
        return (Row(pictures.fact("cost"), "Ask them how much it costs."),)
    rows = [Row(pictures.fact("cost"), f"It costs {wording.money(c.amount)} {'an' if c.per == 'hour' else 'a'} {c.per}.")
            for c in service.costs]
    rows += [Row(pictures.fact(symbol), text) for key, (text, symbol) in PAY_SENTENCES.items() if key in service.funding]
    return tuple(rows)


def _start(service: Service, pictures: Pictograms) -> tuple[Row, ...]:
    rows = []
    if service.needs_assessment:
        rows.append(Row(pictures.fact("social-worker"), "Talk to a social worker first."))
        rows.append(Row(pictures.fact("social-worker"), "They will ask what help you need."))
    elif "self" in service.referral:
        rows.append(Row(pictures.fact("start"), "You can phone them yourself."))
    if not service.needs_assessment and "social-worker" in service.referral:
        rows.append(Row(pictures.fact("social-worker"), "A social worker can help you ask for a place."))
    if "family" in service.referral or "carer" in service.referral:
        rows.append(Row(pictures.fact("family"), "Your family or carer can phone them for you."))
    if "gp" in service.referral:
        rows.append(Row(pictures.fact("doctor"), "Your doctor can tell them about you."))
    return tuple(rows)


def _transport(service: Service, pictures: Pictograms) -> tuple[Row, ...]:
    if service.transport not in TRANSPORT_SENTENCES:
        return ()
    return (Row(pictures.fact(f"transport-{service.transport}"), TRANSPORT_SENTENCES[service.transport]),)


def _contact(service: Service, provider: Provider, pictures: Pictograms) -> tuple[Row, ...]:
    contact = service.contact if (service.contact.phone or service.contact.email) else provider.contact
    rows = []
    if contact.phone:
        rows.append(Row(pictures.fact("phone"), "Phone", contact.phone_href, contact.phone_display, big=True))
    rows += [Row(pictures.fact("phone"), other.label, other.href, other.display, big=True) for other in contact.other_phones]
    if contact.email:
        rows.append(Row(pictures.fact("email"), "Email", f"mailto:{contact.email}", contact.email))
    rows.append(Row(pictures.fact("provider"), f"{provider.name} runs this service."))
    return tuple(rows)


def _checked(service: Service, pictures: Pictograms) -> tuple[Row, ...]:
    if service.cqc_location_id:
        return (Row(pictures.fact("checked"), "The Care Quality Commission checks this service."),
                Row(pictures.fact("checked"), "They make sure care is safe and good."))
    return (Row(pictures.fact("not-checked"), "The Care Quality Commission does not check this service."),)
