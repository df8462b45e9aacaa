"""The one data model: what a built catalogue is made of.

Frozen dataclasses, built once by assemble.py (SiteConfig and its parts are in builder/config/site.py).
Anything a page needs to know ("open at weekends", "due for review", "free") is a field or
property here, so templates only present.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import operator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from builder.config.regulators import Regulator
from builder.config.regulators import default as default_regulator
from builder.config.site import Contact, SiteConfig, Term
from builder.language import wording
from builder.language.interface import N_, _, per_language
from builder.model import facets as more_filters
from builder.model import schedules
from builder.model.schedules import Recurrence

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKEND = frozenset({"sat", "sun"})
EVENING_FROM = "18:00"
COST_PER = {"session": N_("{money} a session"), "hour": N_("{money} an hour"), "day": N_("{money} a day"),
            "week": N_("{money} a week"), "month": N_("{money} a month"), "year": N_("{money} a year")}
COST_KINDS = ("attendance", "lunch", "meal", "transport", "support", "entry", "activity", "membership", "donation", "pay-what-you-can")
GIFT_KINDS = {  # kinds where the amount is a suggestion: (words without an amount, words with one)
    "donation": (N_("donations welcome"), N_("suggested donation {price}")),
    "pay-what-you-can": (N_("pay what you can"), N_("pay what you can, suggested {price}")),
}
SEARCH_FACETS = (  # (Pagefind filter name, legend on the search page)
    ("kind", N_("Show")), ("area", N_("Area")), ("who", N_("Who it is for")), ("type", N_("Type of support")), ("activity", N_("Activity")),
    ("day", N_("Day")), ("cost", N_("Cost")), ("pay", N_("Ways to pay")), ("transport", N_("Transport")),
    ("assessment", N_("How to join")), *((name, legend) for name, legend, _question in more_filters.FACETS), ("registered", N_("Inspected by a regulator")), ("status", N_("Open or closed")),
)  # a session still running after 6pm counts as an evening session


@dataclass(frozen=True)
class Location:
    name: str
    address: str
    postcode: str  # upper case, one space
    coordinates: tuple[float, float] | None
    access: tuple[str, ...] | None  # None: not known; (): no access features

    @cached_property
    def map_url(self) -> str:
        if self.coordinates:
            lat, lon = self.coordinates
            return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
        return "https://www.openstreetmap.org/search?query=" + wording.quote(f"{self.address}, {self.postcode}")

    @per_language
    def access_labels(self) -> tuple[str, ...]:
        return tuple(wording.ACCESS_LABELS[a] for a in self.access or ())


@dataclass(frozen=True)
class Session:
    days: tuple[str, ...]  # () only for a session by arrangement on no set day
    start: str  # "HH:MM", "" by arrangement
    end: str  # "HH:MM", "24:00" for midnight, "" by arrangement
    note: str = ""
    easy_note: str = ""  # the note in Easy Read, or "": Easy Read pages never copy the standard note
    repeat: Recurrence = field(default_factory=Recurrence)  # weekly unless the entry says monthly, every_weeks or by_arrangement

    @property
    def is_evening(self) -> bool:
        return self.end > EVENING_FROM

    @property
    def is_weekend(self) -> bool:
        return bool(WEEKEND & set(self.days))

    @per_language
    def days_text(self) -> str:
        """The days and how often: 'Monday to Friday', 'First Friday of each month', 'By arrangement'."""
        return schedules.when_text(self.days, self.repeat)

    @per_language
    def hours_text(self) -> str:
        return wording.time_range(self.start, self.end) if self.start else _("Times agreed with you")

    @per_language
    def text(self) -> str:
        """'First Friday of each month, 10am to midday': the key facts and the open data's description."""
        return f"{self.days_text}, {self.hours_text}" if self.start else self.days_text

    def meets_on(self, day: dt.date) -> bool:
        return self.repeat.meets_on(day, self.days)


@dataclass(frozen=True)
class Cost:
    label: str
    amount: float | None  # None only for a donation or pay-what-you-can
    per: str  # "" only for a donation or pay-what-you-can
    kind: str = ""  # what it pays for, one of COST_KINDS ("" when not said: the visit itself)

    @property
    def what_for(self) -> str:
        """The kind the pages use: the editor's `kind`, or the visit itself. The label's words are never read."""
        return self.kind or "attendance"

    @per_language
    def price(self) -> str:
        """'£3 a session', '£3', or "" when no amount is given."""
        if self.amount is None:
            return ""
        money = wording.money(self.amount)
        return _(COST_PER[self.per]).format(money=money) if self.per in COST_PER else money

    @per_language
    def text(self) -> str:
        if self.what_for not in GIFT_KINDS:
            return self.price
        words = GIFT_KINDS[self.what_for]
        return _(words[1]).format(price=self.price) if self.price else _(words[0])


@dataclass(frozen=True)
class Service:
    id: str  # "<provider>/<service>"
    slug: str
    provider_key: str
    source_path: str  # relative to the site root
    url: str  # page path, like "services/riverside/day-centre/"
    name: str
    summary: str
    types: tuple[Term, ...]
    who_for: tuple[Term, ...]
    activities: tuple[Term, ...]
    areas: tuple[Term, ...]
    ages: tuple[int | None, int | None]
    hub: bool
    spoke_of: str  # id of the hub, or ""
    spokes: tuple[str, ...]  # ids of the spokes when this is a hub
    locations: tuple[Location, ...]
    sessions: tuple[Session, ...]
    transport: str  # provided | help-to-arrange | none | "" (not known)
    costs: tuple[Cost, ...]
    funding: tuple[str, ...]
    referral: tuple[str, ...]
    needs_assessment: bool | None  # None: not said
    regulator_id: str  # the service's id with the site's regulator ("" when not registered)
    contact: Contact
    last_reviewed: dt.date
    due_for_review: bool
    status: str  # active | temporarily-closed | closed
    alert: str
    languages: tuple[str, ...]
    easy_read: tuple[str, ...]  # editor-written Easy Read sentences
    body_html: str  # sanitised
    easy_body_html: str  # sanitised body of <service>.easy.md, or ""
    easy_checked_by: str = ""
    easy_checked_on: str = ""
    easy_alert: str = ""  # the alert in Easy Read, or "": Easy Read pages never copy the standard alert
    source_id: str = ""  # the id this listing has in the source it was imported from
    regulator: Regulator = field(default_factory=default_regulator)  # the site's
    regulated: bool | None = None  # `regulated:`: whether the listing says it is registered with the regulator (None: not said)

    @property
    def is_free(self) -> bool:
        """Free to use: a donation asked for does not make it paid."""
        return "free" in self.funding and all(cost.kind == "donation" for cost in self.costs)

    @property
    def cost_not_stated(self) -> bool:
        """Real sources rarely state costs: the page then says to ask the provider, never a blank."""
        return not self.costs and not self.is_free

    @property
    def is_one_to_one(self) -> bool:
        return not self.locations

    @cached_property
    def has_evening(self) -> bool:
        return any(s.is_evening for s in self.sessions)

    @cached_property
    def has_weekend(self) -> bool:
        return any(s.is_weekend for s in self.sessions)

    @property
    def self_referral(self) -> bool:
        return "self" in self.referral and not self.needs_assessment

    @property
    def is_open(self) -> bool:
        return self.status == "active"

    @property
    def status_label(self) -> str:
        return wording.STATUS_LABELS[self.status]

    @property
    def is_registered(self) -> bool:
        """Registered with the site's regulator: it has an id, or the listing says `regulated: true`."""
        return bool(self.regulator_id) or self.regulated is True

    @property
    def said_not_registered(self) -> bool:
        """Only `regulated: false` says a service is not registered: a missing id means "we do not know"."""
        return self.regulated is False and not self.regulator_id

    @property
    def needs_regulator_id(self) -> bool:
        """An open listing of a type that may give personal care, with no id and no `regulated: false`."""
        return (self.is_open and not self.regulator_id and self.regulated is not False
                and any(t.personal_care for t in self.types))

    @property
    def register_url(self) -> str:
        """The service's entry in its regulator's register, or "" when it is not registered."""
        return self.regulator.url_for(self.regulator_id)

    @property
    def register_link_text(self) -> str:
        return self.regulator.link_text(self.name, self.regulator_id)

    @property
    def ages_text(self) -> str:
        return wording.ages_text(*self.ages)

    @per_language
    def language_names(self) -> list[str]:
        return [wording.LANGUAGE_NAMES.get(code, code) for code in self.languages]

    @cached_property
    def day_keys(self) -> tuple[str, ...]:
        used = {d for s in self.sessions for d in s.days}
        return tuple(d for d in DAYS if d in used)

    def search_filters(self, easy: bool = False) -> dict[str, tuple[str, ...]]:
        """The filters a searcher can narrow by (Pagefind filters), in the page's version."""
        label = (lambda t: t.easy) if easy else (lambda t: t.label)
        days = tuple(wording.DAY_NAMES[d] for d in self.day_keys)
        return {
            "area": tuple(map(label, self.areas)),
            "who": tuple(map(label, self.who_for)),
            "type": tuple(map(label, self.types)),
            "activity": tuple(map(label, self.activities)),
            "day": days + ((_("Evenings"),) if self.has_evening else ()) + ((_("Weekends"),) if self.has_weekend else ()),
            "transport": (wording.TRANSPORT_FILTERS[self.transport],) if self.transport in wording.TRANSPORT_FILTERS else (),
            "cost": (_("Free"),) if self.is_free else (_("Paid"),) if self.costs else (_(wording.COST_NOT_STATED),),
            "pay": tuple(wording.FUNDING_FILTERS[f] for f in self.funding if f in wording.FUNDING_FILTERS),
            "assessment": (_("No assessment needed"),) if self.self_referral else (),
            "status": (self.status_label,),
            **more_filters.values(self),
            "registered": (_(self.regulator.easy_filter if easy else self.regulator.filter),) if self.is_registered else (),
        }

    @cached_property
    def coordinates(self) -> tuple[float, float] | None:
        return next((loc.coordinates for loc in self.locations if loc.coordinates), None)


@dataclass(frozen=True)
class Provider:
    key: str
    source_path: str
    url: str
    name: str
    description: str
    kind: str
    charity_number: str
    cqc_provider_id: str
    contact: Contact
    services: tuple[str, ...]  # service ids, by name
    source_id: str = ""  # the id this organisation has in the source it was imported from

    @property
    def kind_label(self) -> str:
        return wording.PROVIDER_KINDS.get(self.kind, "")

    @property
    def cqc_url(self) -> str:
        return f"https://www.cqc.org.uk/provider/{self.cqc_provider_id}" if self.cqc_provider_id else ""

    @property
    def charity_url(self) -> str:
        number = self.charity_number
        return f"https://register-of-charities.charitycommission.gov.uk/charity-search/-/charity-details/{number}" if number else ""


@dataclass(frozen=True)
class EasyText:
    """An editor-written Easy Read version of a page."""

    title: str
    summary: str
    body_html: str
    checked_by: str = ""
    checked_on: str = ""


@dataclass(frozen=True)
class Page:
    slug: str
    source_path: str
    url: str
    title: str
    summary: str
    order: int
    body_html: str
    easy: EasyText | None  # None: no Easy Read version written yet


@dataclass(frozen=True)
class Browse:
    """A browse page: the services of one area, group, type or activity."""

    taxonomy: str  # "areas", "who_for", "types", "activities"
    term: Term
    url: str
    services: tuple[str, ...]  # ids: open services first, then temporarily closed, then closed


@dataclass(frozen=True)
class Catalogue:
    site: SiteConfig
    today: dt.date
    providers: dict[str, Provider]
    services: dict[str, Service]  # by id, sorted by name
    pages: tuple[Page, ...]  # by order, then title
    browse: dict[str, tuple[Browse, ...]] = field(default_factory=dict)  # by taxonomy name
    geography: object = None  # geography.Geography: area boundaries and the postcode lookup
    translations: tuple = ()  # a bilingual site: ((<html lang> tag, the Catalogue in that language),)
    translation_status: tuple = ()  # a bilingual site: what each language lacks (translationstatus.LanguageStatus)

    def in_language(self, language: str) -> "Catalogue":
        """The catalogue in a bilingual site's other language ("" or the first language: this one)."""
        return dict(self.translations).get(language, self)

    def services_of(self, ids) -> list[Service]:
        return [self.services[i] for i in ids]

    def search_facets(self, easy: bool = False, filters_of: Callable | None = None) -> list[tuple[str, str, list[tuple[str, int]]]]:
        """Every search filter as (name, legend, [(value, number of services)]), in a stable order.
        `filters_of(service)`: its search_filters(easy), perhaps kept from the last build."""
        every = [filters_of(service) if filters_of else service.search_filters(easy) for service in self.services.values()]
        counts: dict[str, dict[str, int]] = {  # counted without a Python step per value: search pages list every service
            name: collections.Counter(itertools.chain.from_iterable(map(operator.itemgetter(name), every)))
            for name, _legend in SEARCH_FACETS if name != "kind"}
        counts["kind"] = {_("Service"): len(self.services), _("Provider"): len(self.providers), _("Information"): len(self.pages)}
        order = {
            "area": [t.easy if easy else t.label for t in self.site.areas],
            "who": [t.easy if easy else t.label for t in self.site.who_for],
            "type": [t.easy if easy else t.label for t in self.site.types],
            "activity": [t.easy if easy else t.label for t in self.site.activities],
            "day": [wording.DAY_NAMES[d] for d in DAYS] + [_("Evenings"), _("Weekends")],
            "kind": [_("Service"), _("Provider"), _("Information")],
            **more_filters.order(),
        }
        facets = []
        for name, legend in SEARCH_FACETS:
            values = order.get(name) or sorted(counts[name])
            facets.append((name, _(legend), [(v, counts[name].get(v, 0)) for v in values]))
        return facets
