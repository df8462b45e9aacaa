"""How facts are written for people: days, times, money, ages, phone numbers, postcodes.

Shared by the standard and Easy Read pages so both say the same thing the same way
(GOV.UK style: "Monday to Friday", "9:30am to 3:30pm", "midday", "£42.50").
"""

from __future__ import annotations

import re
import urllib.parse

DAY_NAMES = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
             "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}
DAY_ORDER = list(DAY_NAMES)

ACCESS_LABELS = {
    "step-free": "Step-free access",
    "lift": "Lift",
    "accessible-toilet": "Accessible toilet",
    "changing-places": "Changing Places toilet",
    "hearing-loop": "Hearing loop",
    "accessible-parking": "Accessible parking",
    "quiet-space": "Quiet space",
    "bsl": "Staff who use British Sign Language",
}
TRANSPORT_LABELS = {
    "provided": "Transport is provided",
    "help-to-arrange": "Staff can help you arrange transport",
    "none": "No transport: you make your own way there",
}
FUNDING_LABELS = {
    "council": "Council funding, after a care needs assessment",
    "direct-payment": "Direct payment",
    "individual-service-fund": "Individual service fund",
    "self-funded": "Paying for yourself",
    "free": "Free",
}
TRANSPORT_FILTERS = {"provided": "Transport provided", "help-to-arrange": "Help to arrange transport"}
COST_NOT_STATED = "Ask the provider"  # the cost filter and the page, when a source does not say
FUNDING_FILTERS = {
    "council": "Council funding",
    "direct-payment": "Direct payment",
    "individual-service-fund": "Individual service fund",
    "self-funded": "Paying for yourself",
}
REFERRAL_LABELS = {
    "self": "You can contact them yourself",
    "family": "A family member can contact them",
    "carer": "A carer can contact them",
    "social-worker": "Through a social worker",
    "gp": "Through your GP",
    "other": "Other organisations can refer you",
}
STATUS_LABELS = {"active": "Open", "temporarily-closed": "Temporarily closed", "closed": "Closed"}
PROVIDER_KINDS = {
    "charity": "Charity",
    "council": "Council service",
    "community-interest-company": "Community interest company",
    "social-enterprise": "Social enterprise",
    "private": "Private company",
    "community-group": "Community group",
}
LANGUAGE_NAMES = {
    "en": "English", "cy": "Welsh", "gd": "Scottish Gaelic", "ga": "Irish", "pl": "Polish",
    "pa": "Punjabi", "ur": "Urdu", "bn": "Bengali", "gu": "Gujarati", "hi": "Hindi",
    "ar": "Arabic", "ro": "Romanian", "pt": "Portuguese", "es": "Spanish", "fr": "French",
    "it": "Italian", "lt": "Lithuanian", "so": "Somali", "ta": "Tamil", "tr": "Turkish",
    "zh": "Chinese", "bfi": "British Sign Language",
}


def days_text(days) -> str:
    """('mon','tue','wed','fri') -> 'Monday to Wednesday, and Friday'."""
    indexes = sorted(DAY_ORDER.index(d) for d in set(days))
    runs: list[list[int]] = []
    for i in indexes:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    parts = []
    for run in runs:
        first, last = DAY_NAMES[DAY_ORDER[run[0]]], DAY_NAMES[DAY_ORDER[run[-1]]]
        if len(run) >= 3:
            parts.append(f"{first} to {last}")
        else:
            parts.extend(DAY_NAMES[DAY_ORDER[i]] for i in run)
    return join_words(parts)


def join_words(parts: list[str], conjunction: str = "and") -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {conjunction} " + parts[-1]


def clock(hhmm: str) -> str:
    """'09:30' -> '9:30am', '12:00' -> 'midday', '24:00' -> 'midnight', '14:00' -> '2pm'."""
    hours, minutes = int(hhmm[:2]), int(hhmm[3:])
    if minutes == 0 and hours == 12:
        return "midday"
    if minutes == 0 and hours in (0, 24):
        return "midnight"
    suffix = "am" if hours < 12 or hours == 24 else "pm"
    hours = hours % 12 or 12
    return f"{hours}{suffix}" if minutes == 0 else f"{hours}:{minutes:02d}{suffix}"


def time_range(start: str, end: str) -> str:
    return f"{clock(start)} to {clock(end)}"


def money(amount: float) -> str:
    return f"£{amount:,.0f}" if float(amount).is_integer() else f"£{amount:,.2f}"


def ages_text(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"Aged {low} to {high}"
    if low is not None:
        return f"Aged {low} and over"
    if high is not None:
        return f"Aged up to {high}"
    return ""


def quote(text: str) -> str:
    return urllib.parse.quote_plus(text)


_EXTENSION = re.compile(r"\s*ext\.?\s*(\d+)\s*$", re.IGNORECASE)


def phone_parts(raw: str) -> tuple[str, str]:
    """'01632 960123 ext 4' -> ('01632960123', '4'); '+44 1632 960123' -> ('01632960123', '')."""
    match = _EXTENSION.search(raw)
    extension = match.group(1) if match else ""
    number = raw[: match.start()] if match else raw
    digits = re.sub(r"[^\d+]", "", number)
    if digits.startswith("+44"):
        digits = "0" + digits[3:]
    return digits, extension


def phone_is_valid(raw: str) -> bool:
    digits, _ = phone_parts(raw)
    return bool(re.fullmatch(r"0[1-9]\d{8,9}", digits))


def phone_display(raw: str) -> str:
    """UK numbers grouped the GOV.UK way: '01632 960 123', '020 7946 0123', '0800 123 4567'."""
    if not raw:
        return ""
    digits, extension = phone_parts(raw)
    if len(digits) == 11 and digits.startswith("02"):
        shown = f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    elif len(digits) == 11 and digits[1] in "389":
        shown = f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    elif len(digits) == 11:
        shown = f"{digits[:5]} {digits[5:8]} {digits[8:]}"
    else:
        shown = f"{digits[:5]} {digits[5:]}"
    return f"{shown} extension {extension}" if extension else shown


def phone_href(raw: str) -> str:
    if not raw:
        return ""
    digits, extension = phone_parts(raw)
    href = "tel:+44" + digits[1:]
    return f"{href};ext={extension}" if extension else href


_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$")


def postcode(raw: str) -> str:
    """'rv12ab' -> 'RV1 2AB'."""
    match = _POSTCODE.match(raw.strip().upper())
    return f"{match.group(1)} {match.group(2)}" if match else raw.strip().upper()


def date_text(value) -> str:
    """2026-05-01 -> '1 May 2026'."""
    return f"{value.day} {value.strftime('%B %Y')}"
