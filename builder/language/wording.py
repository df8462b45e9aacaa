"""How facts are written for people: days, times, money, ages, phone numbers, postcodes.

Shared by the standard and Easy Read pages so both say the same thing the same way
(GOV.UK style: "Monday to Friday", "9:30am to 3:30pm", "midday", "£42.50").
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Mapping

import phonenumbers
from babel.dates import format_date

from builder.language.interface import N_, Labels, _, locale

DAY_ORDER = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class _DayNames(Mapping):
    """{'mon': 'Monday', ...} in the active language, from Babel's locale data (CLDR)."""

    def __getitem__(self, key: str) -> str:
        return locale().days["format"]["wide"][DAY_ORDER.index(key)]

    def __iter__(self):
        return iter(DAY_ORDER)

    def __len__(self) -> int:
        return len(DAY_ORDER)


DAY_NAMES = _DayNames()

ACCESS_LABELS = Labels({
    "step-free": N_("Step-free access"),
    "lift": N_("Lift"),
    "accessible-toilet": N_("Accessible toilet"),
    "changing-places": N_("Changing Places toilet"),
    "hearing-loop": N_("Hearing loop"),
    "accessible-parking": N_("Accessible parking"),
    "quiet-space": N_("Quiet space"),
    "bsl": N_("Staff who use British Sign Language"),
})
TRANSPORT_LABELS = Labels({
    "provided": N_("Transport is provided"),
    "help-to-arrange": N_("Staff can help you arrange transport"),
    "none": N_("No transport: you make your own way there"),
})
FUNDING_LABELS = Labels({
    "council": N_("Council funding, after a care needs assessment"),
    "direct-payment": N_("Direct payment"),
    "individual-service-fund": N_("Individual service fund"),
    "self-funded": N_("Paying for yourself"),
    "free": N_("Free"),
})
TRANSPORT_FILTERS = Labels({"provided": N_("Transport provided"), "help-to-arrange": N_("Help to arrange transport")})
COST_NOT_STATED = N_("Ask the provider")  # the cost filter and the page, when a source does not say
FUNDING_FILTERS = Labels({
    "council": N_("Council funding"),
    "direct-payment": N_("Direct payment"),
    "individual-service-fund": N_("Individual service fund"),
    "self-funded": N_("Paying for yourself"),
})
REFERRAL_LABELS = Labels({
    "self": N_("You can contact them yourself"),
    "family": N_("A family member can contact them"),
    "carer": N_("A carer can contact them"),
    "social-worker": N_("Through a social worker"),
    "gp": N_("Through your GP"),
    "other": N_("Other organisations can refer you"),
})
STATUS_LABELS = Labels({"active": N_("Open"), "temporarily-closed": N_("Temporarily closed"), "closed": N_("Closed")})
PROVIDER_KINDS = Labels({
    "charity": N_("Charity"),
    "council": N_("Council service"),
    "community-interest-company": N_("Community interest company"),
    "social-enterprise": N_("Social enterprise"),
    "private": N_("Private company"),
    "community-group": N_("Community group"),
})
LANGUAGE_NAMES = Labels({
    "en": N_("English"), "cy": N_("Welsh"), "gd": N_("Scottish Gaelic"), "ga": N_("Irish"), "pl": N_("Polish"),
    "pa": N_("Punjabi"), "ur": N_("Urdu"), "bn": N_("Bengali"), "gu": N_("Gujarati"), "hi": N_("Hindi"),
    "ar": N_("Arabic"), "ro": N_("Romanian"), "pt": N_("Portuguese"), "es": N_("Spanish"), "fr": N_("French"),
    "it": N_("Italian"), "lt": N_("Lithuanian"), "so": N_("Somali"), "ta": N_("Tamil"), "tr": N_("Turkish"),
    "zh": N_("Chinese"), "bfi": N_("British Sign Language"),
})


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
            parts.append(_("{first} to {last}").format(first=first, last=last))
        else:
            parts.extend(DAY_NAMES[DAY_ORDER[i]] for i in run)
    return join_words(parts)


def join_words(parts: list[str], conjunction: str = "and") -> str:
    """['a', 'b', 'c'] -> 'a, b and c' ('a, b or c' with conjunction="or")."""
    if len(parts) <= 1:
        return "".join(parts)
    pattern = _("{items} or {last}") if conjunction == "or" else _("{items} and {last}")
    return pattern.format(items=_(", ").join(parts[:-1]), last=parts[-1])


def clock(hhmm: str) -> str:
    """'09:30' -> '9:30am', '12:00' -> 'midday', '24:00' -> 'midnight', '14:00' -> '2pm'.

    "am" and "pm" are the language's own (Babel's CLDR day periods, in small letters; Welsh also writes 'am')."""
    hours, minutes = int(hhmm[:2]), int(hhmm[3:])
    if minutes == 0 and hours == 12:
        return _("midday")
    if minutes == 0 and hours in (0, 24):
        return _("midnight")
    periods = locale().day_periods["format"]["abbreviated"]
    suffix = periods["am" if hours < 12 or hours == 24 else "pm"].lower()
    hours = hours % 12 or 12
    return f"{hours}{suffix}" if minutes == 0 else f"{hours}:{minutes:02d}{suffix}"


def time_range(start: str, end: str) -> str:
    return _("{start} to {end}").format(start=clock(start), end=clock(end))


def money(amount: float) -> str:
    return f"£{amount:,.0f}" if float(amount).is_integer() else f"£{amount:,.2f}"


def ages_text(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return _("Aged {low} to {high}").format(low=low, high=high)
    if low is not None:
        return _("Aged {low} and over").format(low=low)
    if high is not None:
        return _("Aged up to {high}").format(high=high)
    return ""


def quote(text: str) -> str:
    return urllib.parse.quote_plus(text)


_EXTENSION = re.compile(r"\s*ext\.?\s*(\d+)\s*$", re.IGNORECASE)
RELAY_UK = "18001"  # dialled before a number, it connects a text phone through Relay UK


def phone_parts(raw: str) -> tuple[str, str]:
    """'01632 960123 ext 4' -> ('01632960123', '4'); '+44 1632 960123' -> ('01632960123', '')."""
    _relay, number, extension = _split_phone(raw)
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
    return _("{number} extension {extension}").format(number=shown, extension=extension) if extension else shown


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
    """2026-05-01 -> '1 May 2026' (Babel's month names for the active language: '1 Mai 2026')."""
    return format_date(value, "d MMMM y", locale=locale())
