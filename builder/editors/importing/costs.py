"""Costs as people type them in a spreadsheet cell: "Full day: £42.50 a day", "Lunch £6", "£4 a lunch", "Donation".

`parse_cost` reads one part of a cell (split on ';') into a `costs` entry, or says it is free.
A ValueError says, in plain words, what could not be read and how to write it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PER_WORDS = {"session": "session", "hour": "hour", "hr": "hour", "day": "day", "week": "week", "wk": "week",
             "month": "month", "year": "year", "yr": "year", "visit": "session", "class": "session"}
FREE_WORDS = ("free", "£0", "0", "no charge", "no cost", "free of charge")
# Costs without a fixed price: (words people write, the cost kind in the content model, its label)
NO_PRICE = (
    (("donation", "donations", "donation welcome", "donations welcome", "by donation", "suggested donation"), "donation", "Donation"),
    (("pay what you can", "pay what you can afford", "pay as you feel", "pay what you feel"), "pay-what-you-can", "Pay what you can"),
)
MONEY = r"£?\s*(?P<amount>\d+(?:\.\d{1,2})?)"
WITH_PER = re.compile(rf"^(?:(?P<label>.+?)\s*[:\-–]\s*)?{MONEY}\s*(?:(?:an|a|per|each|for\s+(?:an|a|each))\s+|/\s*)(?P<per>[a-z][a-z ]*?)\.?$", re.I)
LABEL_THEN_MONEY = re.compile(rf"^(?P<label>[^£\d]*?[a-z][^£\d]*?)\s*[:\-–]?\s*£\s*(?P<amount>\d+(?:\.\d{{1,2}})?)\.?$", re.I)
KIND = re.compile(r"\s*\(([a-z]+(?:-[a-z]+)*)\)$")
MONEY_ONLY = re.compile(rf"^{MONEY}\.?$", re.I)
HOW_TO = ("Write it like 'Full day: £42.50 a day' (a session, hour, day, week, month or year), 'Lunch £6', "
          "'Donation' or 'Free'.")


@dataclass(frozen=True)
class ReadCost:
    cost: dict  # the `costs` entry, or {} when it is free
    assumed: str = ""  # what was assumed, said in the import's notes ("" when the cell said it all)

    @property
    def free(self) -> bool:
        return not self.cost


def parse_cost(text: str) -> ReadCost:
    part, kind = _kind(" ".join(text.split()))
    if kind and not re.search(r"\d", part) and part.casefold() not in FREE_WORDS:
        return ReadCost({"label": part, "kind": kind})  # 'Cake fund box (donation)', as the export writes a cost without a price
    read = _parse(part)
    return ReadCost({**read.cost, "kind": kind}, read.assumed) if kind and not read.free else read


def _kind(part: str) -> tuple[str, str]:
    """'Lunch: £6 a session (lunch)' -> ('Lunch: £6 a session', 'lunch'): the export writes what a cost pays for so."""
    found = KIND.search(part)
    return (part[: found.start()].strip(), found.group(1).lower()) if found else (part, "")


def _parse(part: str) -> ReadCost:
    words = part.casefold().rstrip(".!")
    if words in FREE_WORDS:
        return ReadCost({})
    for phrases, kind, label in NO_PRICE:
        if words in phrases:
            return ReadCost({"label": label, "kind": kind})
    found = WITH_PER.match(part.replace(",", "") if ":" not in part else part)
    if found:
        per_word = " ".join(found.group("per").lower().split())
        per = PER_WORDS.get(per_word.rstrip("s")) or PER_WORDS.get(per_word)
        if per:
            return ReadCost({"label": (found.group("label") or "Cost").strip(), "amount": float(found.group("amount")), "per": per})
        if found.group("label") is None and len(per_word.split()) <= 2:  # "£4 a lunch": the price of one lunch
            return ReadCost({"label": per_word.capitalize(), "amount": float(found.group("amount")), "per": "session"},
                            f"read '{part}' as {per_word.capitalize()}: £{found.group('amount')} a session.")
        raise ValueError(f"'{part}' is not a cost we can read: '{per_word}' is not a session, hour, day, week, month or year. {HOW_TO}")
    found = LABEL_THEN_MONEY.match(part) or MONEY_ONLY.match(part)
    if found:
        label = (found.groupdict().get("label") or "Cost").strip(" :-–") or "Cost"
        return ReadCost({"label": label[:1].upper() + label[1:], "amount": float(found.group("amount")), "per": "session"},
                        f"read '{part}' as {label[:1].upper() + label[1:]}: £{found.group('amount')} a session.")
    raise ValueError(f"'{part}' is not a cost we can read. {HOW_TO}")
