"""Days and times as people type them: "Mon-Fri 9.30-3.30", "Tuesdays 10am to 12 noon".

Each part of a cell (split on ';') becomes one `times` entry: {days, from, to, note?}.
A ValueError says, in plain words, what could not be read.
"""

from __future__ import annotations

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


def parse_session(text: str) -> dict:
    text, note = _note(text.strip())
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
    if end <= start and not re.search(r"am|pm|noon|midday|midnight", span.group("end"), re.I) and int(end[:2]) < 12:
        end = f"{int(end[:2]) + 12:02d}{end[2:]}"  # "9.30-3.30": a day session ends in the afternoon
    if end <= start:
        raise ValueError(f"the session ends before it starts in '{text}'.")
    session = {"days": days, "from": start, "to": end}
    if note:
        session["note"] = note
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
