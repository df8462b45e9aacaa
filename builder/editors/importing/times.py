"""Days and times as people type them: "Mon-Fri 9.30-3.30", "Tuesdays 10am to 12 noon".

Each part of a cell (split on ';') becomes one `times` entry: {days, from, to, note?}.
A ValueError says, in plain words, what could not be read.
"""

from __future__ import annotations

import datetime as dt
import re

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_WORDS = {
    "mon": "mon", "monday": "mon", "mondays": "mon",
    "tue": "tue", "tues": "tue", "tuesday": "tue", "tuesdays": "tue",
    "wed": "wed", "weds": "wed", "wednesday": "wed", "wednesdays": "wed",
    "thu": "thu", "thur": "thu", "thurs": "thu", "thursday": "thu", "thursdays": "thu",
    "fri": "fri", "friday": "fri", "fridays": "fri",
    "sat": "sat", "saturday": "sat", "saturdays": "sat",
    "sun": "sun", "sunday": "sun", "sundays": "sun",
}
GROUPS = {"weekdays": DAYS[:5], "weekday": DAYS[:5], "weekends": DAYS[5:], "weekend": DAYS[5:],
          "daily": DAYS, "everyday": DAYS}
CLOCK = r"(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*(?:noon|midday))?|noon|midday|midnight)"
RANGE = re.compile(rf"(?P<start>{CLOCK})\s*(?:-|–|—|to|until|till)\s*(?P<end>{CLOCK})", re.I)


def parse_times(cell: str) -> list[dict]:
    return [parse_session(part) for part in session_parts(cell) if part.strip()]


def session_parts(cell: str) -> list[str]:
    """Split on ';' outside brackets: a note may hold one ("Mon 9-12 (meet at the hall; the bus leaves at 9)")."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(cell):
        depth += (char == "(") - (char == ")") if char in "()" else 0
        if char == ";" and depth <= 0:
            parts.append(cell[start:index])
            start, depth = index + 1, 0
    return parts + [cell[start:]]


def _note(text: str) -> tuple[str, str]:
    """(the text before the note, the note): the brackets that close the text, with any brackets inside them."""
    if not text.endswith(")"):
        return text, ""
    span = RANGE.search(text)
    if span and text[span.end():].lstrip().startswith("("):  # "Mon 10:00-12:00 (note)", as the export writes it
        return text[:span.end()].strip(), text[span.end():].strip()[1:-1].strip()
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        depth += (text[index] == ")") - (text[index] == "(")
        if depth == 0:
            return text[:index].strip(), text[index + 1:-1].strip()
    opening = text.find("(")  # more closing brackets than opening ones ("(1) bring lunch)"): from the first
    return (text[:opening].strip(), text[opening + 1:-1].strip()) if opening >= 0 else (text, "")


ORDINALS = {"first": "first", "1st": "first", "second": "second", "2nd": "second", "third": "third", "3rd": "third",
            "fourth": "fourth", "4th": "fourth", "last": "last"}
ORDINAL = re.compile(r"\b(first|1st|second|2nd|third|3rd|fourth|4th|last)\b", re.I)
MONTHLY = re.compile(r"\b(?:(?:of|in)\s+)?(?:the|each|every|a)\s+month\b|\bmonthly\b", re.I)
EVERY_N = re.compile(r"\b(?:every\s+other|alternate|every\s+second)(?:\s+weeks?)?\b|\bfortnightly\b|"
                     r"\bevery\s+(?P<n>2|3|4|5|6|7|8|two|three|four|five|six|seven|eight)\s+weeks\b", re.I)
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
ARRANGED = re.compile(r"\bby\s+(?:arrangement|appointment)\b|\bto\s+be\s+arranged\b", re.I)
STARTING = re.compile(r"\b(?:from|starting(?:\s+on)?|starts(?:\s+on)?|beginning)\s+"
                      r"(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+[a-z]+\s+\d{4})", re.I)


def recurrence(text: str) -> tuple[str, dict]:
    """('Thursdays 1-3', {'every_weeks': 2}) from 'Every other Thursday 1-3': the words that say how often, read and taken out."""
    fields: dict = {}
    if ARRANGED.search(text):
        fields["by_arrangement"], text = True, ARRANGED.sub(" ", text)
    found = STARTING.search(text)
    if found:
        fields["starting"], text = _date(found.group("date")), text[: found.start()] + " " + text[found.end():]
    found = EVERY_N.search(text)
    if found:
        number = found.group("n")
        fields["every_weeks"] = int(NUMBERS.get(number.lower(), number)) if number else 2
        text = text[: found.start()] + " " + text[found.end():]
    weeks = [ORDINALS[w.lower()] for w in ORDINAL.findall(text)]
    if weeks:
        fields["monthly"] = list(dict.fromkeys(w for w in ORDINALS.values() if w in weeks))
        text = MONTHLY.sub(" ", ORDINAL.sub(" ", text))
    elif MONTHLY.search(text):
        raise ValueError(f"'{text.strip()}' does not say which week of the month. Write it like 'First Friday of the month 10am-12'.")
    order = ("by_arrangement", "monthly", "every_weeks", "starting")  # as the content model lists them
    return " ".join(text.split()), {key: fields[key] for key in order if key in fields}


def _date(text: str) -> str:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"'{text}' is not a date: write it like 2026-06-04 or 04/06/2026.")


def parse_session(text: str) -> dict:
    text, note = _note(text.strip())
    text, repeat = recurrence(text)
    if repeat.get("by_arrangement"):
        return _arranged(text, note)
    span = RANGE.search(text)
    if not span:
        raise ValueError(f"no times found in '{text}'. Write them like 'Mon-Fri 9.30-3.30' or 'Tuesdays 10am to 12 noon'.")
    before, after = text[: span.start()].strip(" ,"), text[span.end():].strip(" ,-–—")
    try:
        days = parse_days(f"{before} {after}".strip())
    except ValueError:
        if not after:
            raise
        days = parse_days(before)  # "Tuesdays 10-12 term time only": the words after the times are a note
        note = f"{after} ({note})" if note else after
    start, end = clock(span.group("start")), clock(span.group("end"))
    if not re.search(r"am|pm|noon|midday|midnight", span.group("start"), re.I) and 1 <= int(start[:2]) <= 6:
        start = f"{int(start[:2]) + 12:02d}{start[2:]}"  # "2-4pm", "1-3": nobody meets at 2 in the morning
    if end <= start and not re.search(r"am|pm|noon|midday|midnight", span.group("end"), re.I) and int(end[:2]) < 12:
        end = f"{int(end[:2]) + 12:02d}{end[2:]}"  # "9.30-3.30": a day session ends in the afternoon
    if end <= start:
        raise ValueError(f"the session ends before it starts in '{text}'.")
    session = {"days": days, "from": start, "to": end, **repeat}
    if note:
        session["note"] = note
    return session


def _arranged(text: str, note: str) -> dict:
    """'By arrangement', 'Tuesdays by arrangement'; other words ('weekday mornings') are kept as the note."""
    session: dict = {"by_arrangement": True}
    words = text.strip(" ,-–—")
    try:
        days = parse_days(words) if words else []
    except ValueError:
        days, note = [], f"{words} ({note})" if note else words
    if days:
        session["days"] = days
    if note:
        session["note"] = note[:1].upper() + note[1:]
    return session


def parse_days(text: str) -> list[str]:
    words = re.findall(r"[a-z]+|[-–—]", text.lower().replace("every day", "everyday"))
    picked: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in GROUPS:
            picked += GROUPS[word]
        elif word in DAY_WORDS:
            if index + 2 < len(words) and words[index + 1] in ("-", "–", "—", "to") and words[index + 2] in DAY_WORDS:
                first, last = DAYS.index(DAY_WORDS[word]), DAYS.index(DAY_WORDS[words[index + 2]])
                picked += DAYS[first:last + 1] if first <= last else DAYS[first:] + DAYS[:last + 1]
                index += 2
            else:
                picked.append(DAY_WORDS[word])
        elif word not in ("and", "on", "every", "each", "from", "-", "–", "—", "to", "at"):
            raise ValueError(f"'{word}' is not a day. Write days like 'Mon-Fri', 'Tuesdays' or 'Weekends'.")
        index += 1
    if not picked:
        raise ValueError(f"no days found in '{text}'. Write them before the times, like 'Mon-Fri 9.30-3.30'.")
    return [d for d in DAYS if d in picked]


def clock(text: str) -> str:
    """'9.30' -> '09:30', '3pm' -> '15:00', '12 noon' -> '12:00'."""
    text = text.lower().replace(".m.", "m").strip()
    if text in ("noon", "midday") or text.endswith(("noon", "midday")):
        return "12:00"
    if text == "midnight":
        return "24:00"
    found = re.fullmatch(r"(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm)?", text)
    if not found:
        raise ValueError(f"'{text}' is not a time.")
    hour, minute, half = int(found.group(1)), int(found.group(2) or 0), found.group(3)
    if half == "pm" and hour < 12:
        hour += 12
    if half == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        raise ValueError(f"'{text}' is not a time.")
    return f"{hour:02d}:{minute:02d}"
