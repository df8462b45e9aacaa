"""The spreadsheet layout: one row per service, the same columns for import and for export.

`catalogue import spreadsheet` reads it, `catalogue import template` writes it empty, and every
build writes openreferral/services.csv in it, so a commissioner can download the catalogue,
edit it in Excel and import it again. README "Bringing a council's data in" documents it.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from builder.language import wording
from builder.language.bilingual import Untranslated
from builder.language.interface import code_of
from builder.model.catalogue import Catalogue, Service

LIST_SEPARATOR = ";"
ACCESS_SEPARATOR = "|"  # between the access lists of several locations


@dataclass(frozen=True)
class Column:
    heading: str
    synonyms: tuple[str, ...]  # other headings people use, matched case-insensitively
    help: str
    example: str


COLUMNS = (
    Column("id", ("source id", "service id", "ref", "reference"), "Your own id for the service: a second import updates the same listing", "RC-001"),
    Column("file", ("content file",), "The listing's file (in a catalogue's own services.csv): an import keeps the name", ""),
    Column("provider", ("organisation", "organization", "provider name", "organisation name", "run by", "brand name"), "The organisation that runs it (without it, each service is its own provider)", "Riverside Care Trust"),
    Column("provider_description", ("organisation description", "about the provider", "about the organisation"), "What the organisation is", "A local charity running day services since 1987."),
    Column("provider_kind", ("organisation type", "provider type", "kind"), "charity, council, community-interest-company, social-enterprise, private or community-group", "charity"),
    Column("provider_phone", ("organisation phone", "provider telephone"), "The organisation's phone number", "01632 960100"),
    Column("provider_email", ("organisation email", "provider e-mail"), "The organisation's email address", "info@riverside.example.org"),
    Column("provider_website", ("organisation website", "provider web address"), "The organisation's website", "https://riverside.example.org"),
    Column("charity_number", ("registered charity number", "charity no"), "Charity Commission number", "1234567"),
    Column("cqc_provider_id", ("cqc provider", "cqc provider id", "cqc provider number", "provider id", "cqc provider id (for office use only)"), "Care Quality Commission provider ID", "1-101234567"),
    Column("name", ("service", "service name", "title", "activity name"), "The service's name (required)", "Riverside Day Centre"),
    Column("summary", ("short description", "strapline"), "One or two sentences, at most 300 characters", "A friendly day centre for older people."),
    Column("description", ("full description", "details", "about", "body"), "The full description (Markdown)", "We meet every weekday in the old mill."),
    Column("types", ("type", "type of support", "service type", "category"), "Types of support: keys or labels from site.yaml (in any of its languages), separated by ;", "day-centre"),
    Column("who_for", ("who for", "who it is for", "client group", "client groups", "suitable for", "audience"), "Groups: keys or labels (in any of the site's languages), separated by ;", "older-people; dementia"),
    Column("activities", ("activity",), "Activities: keys or labels (in any of the site's languages), separated by ;", "lunch-club; arts-crafts"),
    Column("areas", ("area", "district", "districts", "locality", "service area"), "Areas it serves: keys or names (in any of the site's languages), separated by ;", "north-district"),
    Column("age_min", ("minimum age", "min age", "age from"), "Youngest age, in whole years", "18"),
    Column("age_max", ("maximum age", "max age", "age to"), "Oldest age, in whole years", ""),
    Column("location_name", ("venue", "location", "building", "venue name"), "Where it happens; several places separated by ;", "Riverside Centre"),
    Column("address", ("street address", "venue address", "location address"), "The address without the postcode; several separated by ;", "12 Mill Lane, Northtown"),
    Column("postcode", ("post code", "postal code", "location postal code", "location postcode"), "UK postcode; several separated by ;", "RV1 2AB"),
    Column("latitude", ("lat", "location latitude"), "Optional; several separated by ;", "52.091"),
    Column("longitude", ("lon", "lng", "long", "location longitude"), "Optional; several separated by ;", "-1.946"),
    Column("access", ("accessibility", "access features"), "step-free, lift, accessible-toilet, changing-places, hearing-loop, accessible-parking, quiet-space, bsl, separated by ; (several locations: | between them)", "step-free; accessible-toilet"),
    Column("times", ("days and times", "opening times", "opening hours", "when", "hours", "sessions", "days",
                     "session times", "day and time", "days open", "when it runs", "meeting times", "frequency"), "Days and times, like 'Mon-Fri 9.30-3.30', 'Tuesdays 10am to 12 noon', 'First Friday of the month 10-12', '2nd and 4th Tuesday 2-4pm', 'Every other Thursday 1-3pm from 04/06/2026' or 'By arrangement'; several separated by ;", "Mon-Fri 09:30-15:30"),
    Column("transport", ("getting there",), "provided, help-to-arrange or none", "provided"),
    Column("costs", ("cost", "price", "prices", "charge", "charges", "fees", "fee", "cost per session", "price per session"), "Each cost as 'label: £amount a day' (session, hour, day, week, month, year), 'Lunch £6', 'Donation', 'Pay what you can' or 'Free', separated by ;", "Full day, including lunch: £42.50 a day"),
    Column("funding", ("ways to pay", "payment", "funding options"), "council, direct-payment, individual-service-fund, self-funded, free, separated by ;", "council; direct-payment"),
    Column("referral", ("how to join", "referral route", "referrals"), "self, family, carer, social-worker, gp, other, separated by ;", "self; social-worker"),
    Column("needs_assessment", ("assessment needed", "needs assessment"), "yes if a council care needs assessment is needed first, else no", "no"),
    Column("phone", ("telephone", "tel", "phone number", "telephone number", "contact phone", "location telephone number"), "The service's phone number", "01632 960123"),
    Column("email", ("e-mail", "email address", "contact email"), "The service's email address", "hello@riverside.example.org"),
    Column("website", ("web", "url", "web address", "location web address", "service's website (if available)", "service's website"), "The service's web page", "https://riverside.example.org/day-centre"),
    Column("languages", ("language", "languages spoken"), "ISO 639-1 codes (bfi for British Sign Language), separated by ;", "en; cy"),
    Column("regulator_id", ("cqc_location_id", "cqc location", "location id", "cqc id", "cqc location (for office use only)", "cqc location id",
                            "cqc location number", "cqc registration number", "regulator id", "registration number", "regulator registration number",
                            "ciw service id", "ciw id", "ciw registration number", "ciw number", "ciw registration",
                            "care inspectorate wales registration number", "aqc registration number", "arolygiaeth gofal cymru",
                            "care service number", "cs number", "care inspectorate number", "care inspectorate registration number",
                            "care inspectorate service number", "rqia service id", "rqia id", "rqia registration number", "rqia number"),
           "The service's id with the care regulator named in site.yaml (a CQC location ID in England)", "1-1234567890"),
    Column("status", ("open",), "active, temporarily-closed or closed", "active"),
    Column("alert", ("notice", "message"), "A short notice shown at the top of the page", ""),
    Column("last_reviewed", ("last checked", "reviewed", "date checked", "last updated"), "When the details were last checked, YYYY-MM-DD or DD/MM/YYYY", "2026-05-01"),
)
HEADINGS = tuple(c.heading for c in COLUMNS)
# Columns whose words differ by language: on a bilingual site each has a column per other language, "name (en)"
TRANSLATABLE = ("provider", "provider_description", "name", "summary", "description", "location_name", "address",
                "times", "costs", "alert")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def headings(codes: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The layout's headings, with "name (en)" after "name" for each of a bilingual site's other languages."""
    return tuple(h for c in COLUMNS for h in (c.heading, *(translated(c.heading, code) for code in codes[1:] if c.heading in TRANSLATABLE)))


def translated(heading: str, code: str) -> str:
    return f"{heading} ({code})"


def bilingual_row(catalogue: Catalogue, service: Service, bodies: dict[str, str]) -> dict[str, str]:
    """service_row, and the words of each other language in "name (en)" columns where they are translated.
    `bodies`: the Markdown by language code, as each language's page shows it."""
    codes = tuple(code_of(tag) for tag in catalogue.site.page_languages)
    row = service_row(catalogue, service, bodies.get(codes[0], ""))
    for code, (tag, other) in zip(codes[1:], catalogue.translations):
        words = service_row(other, other.services[service.id], bodies.get(code, ""))
        for heading in TRANSLATABLE:
            if words[heading] != row[heading] and not isinstance(words[heading], Untranslated):
                row[translated(heading, code)] = words[heading]
    return row


def service_row(catalogue: Catalogue, service: Service, body: str) -> dict[str, str]:
    """A service as one spreadsheet row, in forms the importer reads back to the same facts."""
    provider = catalogue.providers[service.provider_key]
    join = f"{LIST_SEPARATOR} ".join
    locations = service.locations
    return {
        "id": service.source_id or service.id,  # the open data's services.csv gives the ORUK id instead
        "file": service.source_path,
        "provider": provider.name, "provider_description": provider.description, "provider_kind": provider.kind,
        "provider_phone": provider.contact.phone, "provider_email": provider.contact.email,
        "provider_website": provider.contact.website, "charity_number": provider.charity_number,
        "cqc_provider_id": provider.cqc_provider_id,
        "name": service.name, "summary": service.summary, "description": body,
        "types": join(t.key for t in service.types), "who_for": join(t.key for t in service.who_for),
        "activities": join(t.key for t in service.activities), "areas": join(t.key for t in service.areas),
        "age_min": _text(service.ages[0]), "age_max": _text(service.ages[1]),
        "location_name": join(loc.name for loc in locations), "address": join(loc.address for loc in locations),
        "postcode": join(loc.postcode for loc in locations),
        "latitude": join(_text(loc.coordinates[0]) if loc.coordinates else "" for loc in locations) if any(loc.coordinates for loc in locations) else "",
        "longitude": join(_text(loc.coordinates[1]) if loc.coordinates else "" for loc in locations) if any(loc.coordinates for loc in locations) else "",
        "access": f" {ACCESS_SEPARATOR} ".join("?" if loc.access is None else join(loc.access) or "none" for loc in locations)
        if any(loc.access is not None for loc in locations) else "",
        "times": join(session_text(s) for s in service.sessions),
        "transport": service.transport,
        "costs": join(cost_text(c) for c in service.costs),
        "funding": join(service.funding), "referral": join(service.referral),
        "needs_assessment": "" if service.needs_assessment is None else "yes" if service.needs_assessment else "no",
        "phone": service.contact.phone, "email": service.contact.email, "website": service.contact.website,
        "languages": join(service.languages), "regulator_id": service.regulator_id,
        "status": service.status, "alert": service.alert, "last_reviewed": service.last_reviewed.isoformat(),
    }


def cost_text(cost) -> str:
    """'Lunch: £4.50 a day', and what it pays for in brackets when the listing says: 'Lunch: £4.50 a day (lunch)'."""
    if cost.amount is None:  # a donation or pay-what-you-can with no amount: 'Donations (donation)'
        text = cost.label
    else:
        per = f" {'an' if cost.per == 'hour' else 'a'} {cost.per}" if cost.per else ""
        text = f"{cost.label}: £{_money(cost.amount)}{per}"
    return text + (f" ({cost.kind})" if getattr(cost, "kind", "") else "")


def session_text(session) -> str:
    """A session as the importer reads it back: 'Mon-Fri 09:30-15:30', 'First and third Mon of the month 10:00-12:00',
    'Every other Thu 14:00-16:00 from 2026-06-04', 'Tue by arrangement (note)'."""
    repeat, note = session.repeat, f" ({session.note})" if session.note else ""
    days = _days_text(session.days) if session.days else ""
    if repeat.by_arrangement:
        return f"{days} by arrangement{note}" if days else f"By arrangement{note}"
    if repeat.monthly:
        weeks = " and ".join(w for w in ("first", "second", "third", "fourth", "last") if w in repeat.monthly).capitalize()
        return f"{weeks} {days} of the month {session.start}-{session.end}{note}"
    if repeat.every_weeks > 1:
        every = "Every other" if repeat.every_weeks == 2 else f"Every {repeat.every_weeks} weeks on"
        starting = f" from {repeat.starting.isoformat()}" if repeat.starting else ""
        return f"{every} {days} {session.start}-{session.end}{starting}{note}"
    return times_text(session.days, session.start, session.end, session.note)


def times_text(days, start: str, end: str, note: str = "") -> str:
    """'Mon-Fri 09:30-15:30 (note)': runs of days joined with a hyphen."""
    return f"{_days_text(days)} {start}-{end}" + (f" ({note})" if note else "")


def _days_text(days) -> str:
    order = wording.DAY_ORDER
    picked = sorted({order.index(d) for d in days})
    runs, run = [], [picked[0]]
    for index in picked[1:]:
        if index == run[-1] + 1:
            run.append(index)
        else:
            runs.append(run)
            run = [index]
    runs.append(run)
    name = lambda i: order[i].title()  # noqa: E731
    return ", ".join(f"{name(r[0])}-{name(r[-1])}" if len(r) > 2 else ", ".join(map(name, r)) for r in runs)


_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?")


def neutralise(value: str) -> str:
    """A cell a spreadsheet would run as a formula starts with a quote instead (OWASP CSV injection);
    a plain number, like the longitude -1.958, is not a formula and stays a number."""
    return "'" + value if value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value) else value


def write_csv(path: Path, lines: list[str], codes: tuple[str, ...] = ()) -> None:
    """The spreadsheet, from rows made by csv_line (with the same `codes`: the site's languages)."""
    with path.open("w", encoding="utf-8-sig", newline="") as file:  # the BOM makes Excel read UTF-8
        file.write(_line(headings(codes)))
        file.writelines(lines)


def csv_line(row: dict[str, str], codes: tuple[str, ...] = ()) -> str:
    """One row of the spreadsheet, as text (kept between builds with the service's open data)."""
    return _line([neutralise(row.get(h, "")) for h in headings(codes)])


def _line(cells: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(cells)
    return buffer.getvalue()


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _money(amount: float) -> str:
    return f"{amount:.2f}".removesuffix(".00")
