"""The site's settings as every stage reads them: SiteConfig and its parts, built once from site.yaml
by builder/content/site.py. Frozen dataclasses, like the rest of the model (builder/model/catalogue.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from builder.config.regulators import Regulator
from builder.config.regulators import default as default_regulator
from builder.language import wording
from builder.language.interface import per_language


@dataclass(frozen=True)
class Term:
    """One entry of a taxonomy (a type of support, a group, an activity) or an area."""

    key: str
    label: str
    easy: str  # the label on Easy Read pages
    description: str = ""
    symbol: str = ""  # Easy Read pictogram file chosen in site.yaml, "" for the default
    taxonomy: str = ""  # "types", "who_for", "activities" or "areas"
    personal_care: bool = False  # a type whose services may give personal care (Easy Read explains regulation)


@dataclass(frozen=True)
class LabelledPhone:
    """One more number and what it is for ('Text only', 'Out of hours')."""

    label: str
    number: str

    @property
    def display(self) -> str:
        return wording.phone_display(self.number)

    @property
    def href(self) -> str:
        return wording.phone_href(self.number)


@dataclass(frozen=True)
class Contact:
    phone: str = ""  # as written; see wording.phone_display / phone_href
    email: str = ""
    website: str = ""
    hours: str = ""
    other_phones: tuple[LabelledPhone, ...] = ()

    @per_language
    def phone_display(self) -> str:
        return wording.phone_display(self.phone)

    @cached_property
    def phone_href(self) -> str:
        return wording.phone_href(self.phone)


@dataclass(frozen=True)
class Safeguarding:
    phone: str = ""
    out_of_hours: str = ""
    url: str = ""


@dataclass(frozen=True)
class KnownIssue:
    issue: str
    criterion: str  # WCAG success criterion, like "1.1.1 Non-text content"
    fix_by: dt.date


@dataclass(frozen=True)
class Accessibility:
    """Facts for the accessibility statement (UK public sector format)."""

    prepared_on: dt.date | None = None
    reviewed_on: dt.date | None = None
    tested_on: dt.date | None = None
    tested_by: str = ""
    compliance: str = "partially"  # fully | partially | not
    response_days: int = 5
    northern_ireland: bool = False
    known_issues: tuple[KnownIssue, ...] = ()
    out_of_scope: tuple[str, ...] = ()


@dataclass(frozen=True)
class SecurityContact:
    """site.yaml's security block: what /.well-known/security.txt says (RFC 9116)."""

    contact: str  # mailto:, https: or tel:
    expires: dt.date
    policy: str  # web address of the disclosure policy, or ""


@dataclass(frozen=True)
class SiteConfig:
    title: str
    organisation: str
    base_url: str  # ends with "/"
    language: str
    review_months: int
    edit_url: str  # contains {path}, or ""
    notice: str  # a banner on every page, or ""
    contact: Contact
    safeguarding: Safeguarding
    brand_colour: str
    logo: str  # path under the theme's assets/, or ""
    hard_words: tuple[str, ...]  # Easy Read checks warn about these unless explained
    allowed_words: tuple[str, ...]  # ... and never about these
    min_reading_ease: int
    accessibility: Accessibility
    areas: tuple[Term, ...]
    types: tuple[Term, ...]
    who_for: tuple[Term, ...]
    activities: tuple[Term, ...]
    easy_checking_group: str = ""  # who checks the council's Easy Read, from easy_read.checking_group
    security: SecurityContact | None = None  # None: no security.txt is published
    open_data_licence: tuple[str, str] = ("Open Government Licence v3.0",
                                          "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")
    open_data_state_province: str = ""  # open_data.state_province: the county (or region) of every ORUK address
    offline_search_mb: float = 5  # search indexes up to this size are saved on devices without asking
    regulator: Regulator = field(default_factory=default_regulator)  # `regulator:` in site.yaml
    languages: tuple[str, ...] = ()  # `languages:` in site.yaml, as <html lang> tags; () means just `language`
    translated: tuple = ()  # a bilingual site: ((tag, this SiteConfig with its labels in that language),)
    content_language: str = ""  # a bilingual site: the code of the language untranslated words are in (site.yaml content_language)
    language_names: tuple = ()  # ((code, the language's name in itself),) from the theme's languages.yaml

    @property
    def page_languages(self) -> tuple[str, ...]:
        """The languages pages are written in, the first at the root, the others under /<code>/."""
        return self.languages or (self.language,)

    def taxonomy(self, name: str) -> tuple[Term, ...]:
        return {"areas": self.areas, "types": self.types, "who_for": self.who_for, "activities": self.activities}[name]
