"""How facts are written for people: days, times, money, ages, phone numbers, postcodes.

Shared by the standard and Easy Read pages so both say the same thing the same way
(GOV.UK style: "Monday to Friday", "9:30am to 3:30pm", "midday", "£42.50").
"""

from __future__ import annotations

import re
import urllib.parse

import phonenumbers

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
RELAY_UK = "18001"  # dialled before a number, it connects a text phone through Relay UK


def phone_parts(raw: str) -> tuple[str, str]:
    """'01632 960123 ext 4' -> ('01632960123', '4'); '+44 1632 960123' -> ('01632960123', '')."""
    _, number, extension = _split_phone(raw)
    digits = re.sub(r"[^\d+]", "", number)
    if digits.startswith("+44"):
        digits = "0" + digits[3:]
    return digits, extension


def _split_phone(raw: str) -> tuple[bool, str, str]:
    """(through Relay UK?, the number as written, its extension)."""
    match = _EXTENSION.search(raw)
    number = (raw[: match.start()] if match else raw).strip()
    relay = number.startswith(RELAY_UK + " ")
    return relay, number.removeprefix(RELAY_UK).strip() if relay else number, match.group(1) if match else ""


def phone_is_valid(raw: str) -> bool:
    digits, _ = phone_parts(raw)
    return bool(re.fullmatch(r"0[1-9]\d{8,9}", digits))


def phone_display(raw: str) -> str:
    """The number as the editor wrote it when its groups are right ('0117 496 0500', '01632 960123'),
    otherwise grouped by the UK numbering plan (Google's libphonenumber): '01174 960500' -> '0117 496 0500'."""
    if not raw:
        return ""
    relay, number, extension = _split_phone(raw)
    shown = _grouped(number)
    shown = f"{RELAY_UK} {shown}" if relay else shown
    return f"{shown} extension {extension}" if extension else shown


def _grouped(number: str) -> str:
    international = number.startswith("+")
    try:
        parsed = phonenumbers.parse(number, "GB")
    except phonenumbers.NumberParseException:
        return number
    style = phonenumbers.PhoneNumberFormat.INTERNATIONAL if international else phonenumbers.PhoneNumberFormat.NATIONAL
    planned = phonenumbers.format_number(parsed, style)
    written = " ".join(number.split())
    area = 2 if international else 1  # the groups up to the end of the area code: '+44 117', '0117'
    return written if written.split(" ")[:area] == planned.split(" ")[:area] and len(written.split(" ")) > area else planned


def phone_href(raw: str) -> str:
    if not raw:
        return ""
    relay, _, _ = _split_phone(raw)
    digits, extension = phone_parts(raw)
    href = f"tel:{RELAY_UK}{digits}" if relay else "tel:+44" + digits[1:]
    return f"{href};ext={extension}" if extension else href


_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$")


def postcode(raw: str) -> str:
    """'rv12ab' -> 'RV1 2AB'."""
    match = _POSTCODE.match(raw.strip().upper())
    return f"{match.group(1)} {match.group(2)}" if match else raw.strip().upper()


def date_text(value) -> str:
    """2026-05-01 -> '1 May 2026'."""
    return f"{value.day} {value.strftime('%B %Y')}"
