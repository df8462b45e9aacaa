"""Search filters for what people check before they go: access features, languages the staff
speak, and age. Each is a Pagefind filter; model.py lists it with the other filters, so the
search pages draw it (with counts) and search.js applies it like any other.

Works on a service's facts only (duck-typed), so it has no import of the model.
"""

from __future__ import annotations

from builder.language import wording
from builder.language.interface import N_, _

# (filter name, legend on the standard search page, question on the Easy Read one)
FACETS = (
    ("access", N_("Access"), N_("Can I get in?")),
    ("language", N_("Languages spoken"), N_("What language do the staff speak?")),
    ("age", N_("Age"), N_("How old are you?")),
)
# Age bands of the filter: (label, youngest, oldest). A service with no ages is open to every band.
AGE_BANDS = ((N_("18 to 25 years old"), 18, 25), (N_("26 to 64 years old"), 26, 64), (N_("65 or older"), 65, None))


def values(service) -> dict[str, tuple[str, ...]]:
    """This service's values of each filter here."""
    features = {key for location in service.locations for key in location.access or ()}
    return {
        "access": tuple(label for key, label in wording.ACCESS_LABELS.items() if key in features),
        "language": tuple(sorted(set(service.language_names))),
        "age": tuple(_(label) for label, youngest, oldest in AGE_BANDS if _overlaps(service.ages, youngest, oldest)),
    }


def order() -> dict[str, list[str]]:
    """The order values are listed in (languages: alphabetical, as found)."""
    return {"access": list(wording.ACCESS_LABELS.values()), "age": [_(label) for label, _youngest, _oldest in AGE_BANDS]}


def _overlaps(ages: tuple, youngest: int, oldest: int | None) -> bool:
    low, high = ages
    return (high is None or high >= youngest) and (oldest is None or low is None or low <= oldest)
