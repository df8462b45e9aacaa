"""The sample site's content, read straight from its files, so output tests derive what each
page must show from the records (not from the builder's own model)."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
SAMPLE = PROJECT / "tests" / "fixtures" / "sample"  # the copy the tests build (see conftest.py)
TAXONOMIES = ("areas", "who_for", "types", "activities")
BROWSE_FOLDERS = {"areas": "areas", "who_for": "who-for", "types": "types", "activities": "activities"}
DAY_NAMES = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday",
             "sat": "Saturday", "sun": "Sunday"}


def split_front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}, text
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front) or {}, body


@functools.cache
def site_yaml(root: Path = SAMPLE) -> dict:
    return yaml.safe_load((root / "site.yaml").read_text(encoding="utf-8"))


def terms(taxonomy: str, root: Path = SAMPLE) -> dict[str, str]:
    """{key: label} of an area list or a taxonomy, in site.yaml order."""
    site = site_yaml(root)
    if taxonomy == "areas":
        return {area["key"]: area["name"] for area in site["areas"]}
    return {key: value["label"] for key, value in site["taxonomies"][taxonomy].items()}


@functools.cache
def services(root: Path = SAMPLE) -> dict[str, dict]:
    """{"provider/service": front matter plus _path (from the root) and _body}."""
    found = {}
    for path in sorted((root / "content" / "providers").glob("*/*.md")):
        if path.name.endswith(".easy.md"):
            continue
        data, body = split_front_matter(path)
        data.update(_path=path.relative_to(root).as_posix(), _body=body, _provider=path.parent.name)
        found[f"{path.parent.name}/{path.stem}"] = data
    return found


@functools.cache
def providers(root: Path = SAMPLE) -> dict[str, dict]:
    found = {}
    for path in sorted((root / "content" / "providers").glob("*/provider.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["_path"] = path.relative_to(root).as_posix()
        found[path.parent.name] = data
    return found


@functools.cache
def info_pages(root: Path = SAMPLE) -> dict[str, dict]:
    found = {}
    for path in sorted((root / "content" / "pages").glob("*.md")):
        if path.name.endswith(".easy.md"):
            continue
        data, body = split_front_matter(path)
        data.update(_path=path.relative_to(root).as_posix(), _body=body)
        found[path.stem] = data
    return found


# ------------------------------------------------------------- how facts must be written (GOV.UK style)

def days_in_full(days: list[str]) -> str:
    """[mon..fri] -> 'Monday to Friday'; [tue, thu] -> 'Tuesday and Thursday'."""
    order = list(DAY_NAMES)
    indexes = sorted(order.index(d) for d in set(days))
    runs: list[list[int]] = []
    for i in indexes:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    parts: list[str] = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{DAY_NAMES[order[run[0]]]} to {DAY_NAMES[order[run[-1]]]}")
        else:
            parts += [DAY_NAMES[order[i]] for i in run]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def clock(hhmm: str) -> str:
    """'09:30' -> '9:30am', '10:00' -> '10am', '12:00' -> 'midday', '14:30' -> '2:30pm'."""
    hours, minutes = int(hhmm[:2]), int(hhmm[3:])
    if (hours, minutes) == (12, 0):
        return "midday"
    if minutes == 0 and hours in (0, 24):
        return "midnight"
    suffix = "am" if hours < 12 else "pm"
    shown = hours % 12 or 12
    return f"{shown}{suffix}" if minutes == 0 else f"{shown}:{minutes:02d}{suffix}"


def hours_text(session: dict) -> str:
    return f"{clock(session['from'])} to {clock(session['to'])}"


def is_evening(session: dict) -> bool:
    return session["to"] > "18:00"  # still running after 6pm


def is_weekend(session: dict) -> bool:
    return bool({"sat", "sun"} & set(session["days"]))


def money(amount: float) -> str:
    """42.5 -> '£42.50', 52.0 -> '£52' (GOV.UK: no '.00')."""
    return f"£{amount:,.0f}" if float(amount).is_integer() else f"£{amount:,.2f}"


def cost_text(cost: dict) -> str:
    if "amount" not in cost:  # a donation or pay-what-you-can with no amount
        return {"donation": "donations welcome", "pay-what-you-can": "pay what you can"}[cost["kind"]]
    return f"{money(cost['amount'])} {'an' if cost['per'] == 'hour' else 'a'} {cost['per']}"


def phone_digits(phone: str) -> str:
    digits = re.sub(r"\D", "", phone.split("ext")[0])
    return "0" + digits[2:] if digits.startswith("44") else digits


def phone_href(phone: str) -> str:
    return "tel:+44" + phone_digits(phone)[1:]


def phone_display(phone: str) -> str:
    """The Ofcom drama range the sample uses, grouped as its editors wrote it: '01632 960123'
    (the area code on its own is a right grouping, so the page keeps it)."""
    digits = phone_digits(phone)
    assert digits.startswith("01632") and len(digits) == 11, f"sample phone outside the drama range: {phone}"
    assert " ".join(phone.split()) == f"{digits[:5]} {digits[5:]}", f"sample phone not written as 01632 960xxx: {phone}"
    return f"{digits[:5]} {digits[5:]}"


def postcode(raw: str) -> str:
    compact = re.sub(r"\s+", "", raw).upper()
    return f"{compact[:-3]} {compact[-3:]}"


def date_text(value: dt.date) -> str:
    return f"{value.day} {value.strftime('%B %Y')}"


def review_cutoff(today: dt.date, months: int) -> dt.date:
    month_index = today.year * 12 + today.month - 1 - months
    year, month = divmod(month_index, 12)
    return dt.date(year, month + 1, min(today.day, calendar.monthrange(year, month + 1)[1]))


def is_due_for_review(service: dict, today: dt.date, months: int) -> bool:
    return service["last_reviewed"] < review_cutoff(today, months)
