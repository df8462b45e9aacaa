"""How often a session recurs: weekly, every N weeks, the nth (or last) weekday of the month, or by arrangement.

Read from a `times` entry (`monthly`, `every_weeks` with `starting`, `by_arrangement`), said in plain
words on both versions and in every language (each ordinal and day a whole phrase in the message
catalogue: Welsh puts "cyntaf" after the day and mutates it after "ail"), and written as RFC 5545
fields for the open data (`freq`, `interval`, `byday` like "1FR", `dtstart`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from builder.language import wording
from builder.language.interface import N_, _

WEEKS_OF_MONTH = ("first", "second", "third", "fourth", "last")
WEEK_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}  # RFC 5545 BYDAY prefixes ("-1FR")
ON_THE = {  # (week of the month, day): the phrase, whole, so each language can order and mutate it
    ("first", "mon"): N_("first Monday"), ("first", "tue"): N_("first Tuesday"), ("first", "wed"): N_("first Wednesday"),
    ("first", "thu"): N_("first Thursday"), ("first", "fri"): N_("first Friday"), ("first", "sat"): N_("first Saturday"),
    ("first", "sun"): N_("first Sunday"),
    ("second", "mon"): N_("second Monday"), ("second", "tue"): N_("second Tuesday"), ("second", "wed"): N_("second Wednesday"),
    ("second", "thu"): N_("second Thursday"), ("second", "fri"): N_("second Friday"), ("second", "sat"): N_("second Saturday"),
    ("second", "sun"): N_("second Sunday"),
    ("third", "mon"): N_("third Monday"), ("third", "tue"): N_("third Tuesday"), ("third", "wed"): N_("third Wednesday"),
    ("third", "thu"): N_("third Thursday"), ("third", "fri"): N_("third Friday"), ("third", "sat"): N_("third Saturday"),
    ("third", "sun"): N_("third Sunday"),
    ("fourth", "mon"): N_("fourth Monday"), ("fourth", "tue"): N_("fourth Tuesday"), ("fourth", "wed"): N_("fourth Wednesday"),
    ("fourth", "thu"): N_("fourth Thursday"), ("fourth", "fri"): N_("fourth Friday"), ("fourth", "sat"): N_("fourth Saturday"),
    ("fourth", "sun"): N_("fourth Sunday"),
    ("last", "mon"): N_("last Monday"), ("last", "tue"): N_("last Tuesday"), ("last", "wed"): N_("last Wednesday"),
    ("last", "thu"): N_("last Thursday"), ("last", "fri"): N_("last Friday"), ("last", "sat"): N_("last Saturday"),
    ("last", "sun"): N_("last Sunday"),
}


@dataclass(frozen=True)
class Recurrence:
    """How a session repeats. The default is every week."""

    monthly: tuple[str, ...] = ()  # weeks of the month it is on ("first", "third", "last"); () when not monthly
    every_weeks: int = 1  # 2: every other week, counted from `starting`
    starting: dt.date | None = None  # the date of one session, with every_weeks
    by_arrangement: bool = False  # no fixed time: agreed with each person

    @property
    def weekly(self) -> bool:
        return not (self.monthly or self.every_weeks > 1 or self.by_arrangement)

    def meets_on(self, day: dt.date, days: tuple[str, ...]) -> bool:
        """Whether a session with these days falls on this date ("is it on this week or next?")."""
        if self.by_arrangement or wording.DAY_ORDER[day.weekday()] not in days:
            return False
        if self.monthly:
            last = (day + dt.timedelta(days=7)).month != day.month
            return any(WEEK_NUMBERS[w] == (day.day - 1) // 7 + 1 or (w == "last" and last) for w in self.monthly)
        if self.every_weeks > 1 and self.starting:
            weeks = ((day - dt.timedelta(days=day.weekday())) - (self.starting - dt.timedelta(days=self.starting.weekday()))).days // 7
            return weeks % self.every_weeks == 0
        return True


def recurrence_of(entry: dict) -> Recurrence:
    """From a validated `times` entry."""
    starting = entry.get("starting")
    if isinstance(starting, str):
        starting = dt.date.fromisoformat(starting)
    return Recurrence(tuple(entry.get("monthly") or ()), int(entry.get("every_weeks") or 1), starting,
                      bool(entry.get("by_arrangement")))


def when_text(days: tuple[str, ...], repeat: Recurrence) -> str:
    """The days and how often, for the standard page: 'Monday to Friday', 'First Friday of each month'."""
    if repeat.by_arrangement:
        return _("{days}, by arrangement").format(days=wording.days_text(days)) if days else _("By arrangement")
    if repeat.monthly:
        return _capital(_("{when} of each month").format(when=_on_the(days, repeat.monthly)))
    if repeat.every_weeks == 2:
        return _("{days}, every other week").format(days=wording.days_text(days))
    if repeat.every_weeks > 2:
        return _("{days}, every {count} weeks").format(days=wording.days_text(days), count=repeat.every_weeks)
    return wording.days_text(days)


def easy_sentences(days: tuple[str, ...], start: str, end: str, repeat: Recurrence) -> tuple[str, ...]:
    """The Easy Read sentences, one idea each: 'It is on the first Friday of every month.', 'It is from 10am to midday.'"""
    times = _("It is from {times}.").format(times=wording.time_range(start, end)) if start and end else ""
    if repeat.by_arrangement:
        if days:
            return (_("It is on {days}.").format(days=wording.days_text(days)), _("You agree the time with them."))
        return (_("You agree the day and time with them."),)
    if repeat.monthly:
        return (_("It is on the {when} of every month.").format(when=_on_the(days, repeat.monthly)), times)
    if repeat.every_weeks == 2:
        return (_("It is on {days} every other week.").format(days=wording.days_text(days)), times)
    return (_("It is on {days} every {count} weeks.").format(days=wording.days_text(days), count=repeat.every_weeks), times)


def rfc5545(days: tuple[str, ...], repeat: Recurrence, byday: dict[str, str]) -> dict:
    """The ORUK schedule's recurrence fields: MONTHLY with byday '1FR,3FR'; WEEKLY with interval 2 and dtstart."""
    if repeat.monthly:
        return {"freq": "MONTHLY", "interval": 1,
                "byday": ",".join(f"{WEEK_NUMBERS[w]}{byday[d]}" for w in _ordered(repeat.monthly) for d in days)}
    fields = {"freq": "WEEKLY", "interval": repeat.every_weeks, "byday": ",".join(byday[d] for d in days)}
    if repeat.starting:
        fields["dtstart"] = repeat.starting.isoformat()
    return fields


def _on_the(days: tuple[str, ...], weeks: tuple[str, ...]) -> str:
    in_order = [d for d in wording.DAY_ORDER if d in days]
    return wording.join_words([_(ON_THE[(week, day)]) for week in _ordered(weeks) for day in in_order])


def _ordered(weeks: tuple[str, ...]) -> list[str]:
    return [w for w in WEEKS_OF_MONTH if w in weeks]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def from_rfc5545(schedule: dict, days_by_code: dict[str, str]) -> tuple[list[str | None], dict]:
    """An ORUK schedule's days and the `times` fields of its recurrence: the reverse of rfc5545.

    A day the source writes wrongly comes back as None, for the caller to report; a recurrence this model
    cannot hold (MONTHLY without a week number, or by day of the month) is a ValueError saying so."""
    parts = [part.strip().upper() for part in str(schedule.get("byday") or "").split(",") if part.strip()]
    days = list(dict.fromkeys(days_by_code.get(part[-2:]) for part in parts))
    if BY_ARRANGEMENT_WORDS & set(str(schedule.get(k) or "").casefold().strip(" .") for k in ("attending_type", "description")):
        return days, {"by_arrangement": True}
    freq = str(schedule.get("freq") or "WEEKLY").upper()
    if freq == "MONTHLY":
        numbers = {int(part[:-2]) for part in parts if part[:-2].lstrip("+-").isdigit()}
        weeks = [week for week, number in WEEK_NUMBERS.items() if number in numbers]
        if not weeks or len(weeks) < len(numbers):
            raise ValueError(f"freq MONTHLY needs byday with the week of the month before each day, like \"1FR\" "
                             f"(first Friday) or \"-1SA\" (last Saturday); weeks 1 to 4 and -1 are read "
                             f"(found byday '{schedule.get('byday', '')}', bymonthday '{schedule.get('bymonthday', '')}').")
        return days, {"monthly": weeks}
    interval = schedule.get("interval")
    fields: dict = {}
    if isinstance(interval, (int, float)) and int(interval) > 1:
        fields["every_weeks"] = int(interval)
        if str(schedule.get("dtstart") or "")[:10]:
            fields["starting"] = str(schedule["dtstart"])[:10]
    return days, fields


BY_ARRANGEMENT_WORDS = {"by arrangement", "drwy drefniant"}  # attending_type as the export writes it; descriptions that say only this
