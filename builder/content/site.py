"""Read site.yaml -> SiteConfig: everything that belongs to one council or region.

Input: the site root. Output: a SiteConfig (None when site.yaml is unusable) and the
problems found in site.yaml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from builder.config import regulators, security
from builder.config.pictograms import Pictograms
from builder.config.site import Accessibility, Contact, KnownIssue, Safeguarding, SecurityContact, SiteConfig, Term
from builder.content import easy_read_checks, overrides, pitfalls
from builder.content.files import SITE, read_file
from builder.content.rules import check_site
from builder.content.shapes import check_fields
from builder.core import theme
from builder.core.errors import Problem, did_you_mean
from builder.core.yamlfile import line_of
from builder.language import bilingual

DEFAULT_BRAND = "#1d5b79"
TAXONOMIES = ("types", "who_for", "activities")


def load_config(root: Path, today: dt.date) -> tuple[SiteConfig | None, list[Problem]]:
    if not (root / "site.yaml").is_file():
        return None, [Problem("site.yaml", 0, "", f"there is no site.yaml in {root}.",
                              "Run the command in the site folder, or give the folder with --root.")]
    source, problems = read_file(root, "site.yaml", SITE)
    if source is None:
        return None, problems
    codes = _language_codes(source.data)
    tags = dict(zip(codes, _languages({**source.data, "languages": list(codes)})))
    source, found = bilingual.split(source, codes, tags)
    problems += found
    problems += check_fields(source)
    problems += check_site(source, lambda asset: theme.find_asset(root, asset) is not None)
    problems += _check_symbols(root, source)
    problems += pitfalls.check_site_file(root, source)
    problems += overrides.check(root)
    known = regulators.load(tuple(map(str, theme.theme_dirs(root))))
    problems += _check_regulator(source, known)
    if any(p.severity == "error" for p in problems):
        return None, problems
    site = replace(site_config(source.data, known), content_language=source.written_in)
    if len(codes) > 1:  # the labels in the other language
        names = tuple(pitfalls.interface_languages(root).items())
        languages = (codes, tags, source.written_in)
        site = replace(site, language_names=names, translated=tuple(
            (tag, replace(site_config(bilingual.data_in(source, code, languages), known), language_names=names,
                          content_language=source.written_in))
            for code, tag in zip(codes[1:], site.page_languages[1:])))
    return site, problems + _check_statement(source.data, site, today) + security.check_expiry(source.data, today)


def _check_symbols(root: Path, source) -> list[Problem]:
    """A taxonomy entry's own `symbol:` must be a pictogram the theme has."""
    problems = []
    taxonomies = source.data.get("taxonomies") if isinstance(source.data.get("taxonomies"), dict) else {}
    for name, entries in taxonomies.items():
        for key, entry in (entries or {}).items() if isinstance(entries, dict) else ():
            symbol = entry.get("symbol") if isinstance(entry, dict) else None
            if isinstance(symbol, str) and theme.find_asset(root, f"assets/pictograms/{symbol}") is None:
                problems.append(Problem("site.yaml", line_of(source.data, ["taxonomies", name, key, "symbol"]),
                                        f"taxonomies.{name}.{key}.symbol", f"there is no pictogram '{symbol}'.",
                                        "Put the file in templates/assets/pictograms/ (with its licence), or remove the line."))
    return problems


def _check_regulator(source, known: dict) -> list[Problem]:
    value = source.data.get("regulator")
    if not isinstance(value, str) or value in known:
        return []  # absent (the default), or the schema reports a value that is not text
    wanted = value.strip().casefold()
    named = next((k for k, r in known.items() if wanted in (k, r.name.casefold(), r.short_name.casefold(), r.country.casefold())), "")
    guess = f"Did you mean '{named}'?" if named else did_you_mean(value, known, list_them=False)
    return [Problem("site.yaml", line_of(source.data, ["regulator"]), "regulator", f"'{value}' is not a regulator we know.",
                    f"{guess} Choose from: {', '.join(f'{k} ({r.country})' for k, r in known.items())}.".strip())]


def site_config(data: dict, known: dict | None = None) -> SiteConfig:
    known = known or regulators.default_regulators()
    contact = data.get("contact") or {}
    safeguarding = data.get("safeguarding") or {}
    look = data.get("theme") or {}
    taxonomies = data["taxonomies"]
    easy = data.get("easy_read") or {}
    return SiteConfig(
        title=data["title"],
        organisation=data["organisation"],
        base_url=data["base_url"],
        language=_languages(data)[0] if data.get("languages") else data.get("language", "en-GB"),
        review_months=data.get("review_months", 12),
        edit_url=data.get("edit_url", ""),
        notice=data.get("notice", ""),
        contact=Contact(contact.get("phone", ""), contact.get("email", ""), contact.get("website", ""), contact.get("hours", "")),
        safeguarding=Safeguarding(safeguarding.get("phone", ""), safeguarding.get("out_of_hours", ""), safeguarding.get("url", "")),
        brand_colour=look.get("brand_colour", DEFAULT_BRAND),
        logo=look.get("logo", ""),
        hard_words=easy_read_checks.HARD_WORDS + tuple(easy.get("hard_words", ())),
        allowed_words=tuple(easy.get("allowed_words", ())),
        min_reading_ease=easy.get("min_reading_ease", easy_read_checks.MIN_READING_EASE),
        accessibility=_accessibility(data.get("accessibility") or {}),
        areas=tuple(Term(a["key"], a["name"], a["name"], a.get("description", ""), "", "areas") for a in data["areas"]),
        **{name: _terms(taxonomies.get(name) or {}, name) for name in TAXONOMIES},
        easy_checking_group=easy.get("checking_group", ""),
        security=_security(data.get("security"), data.get("edit_url", "")),
        **_open_data(data.get("open_data") or {}),
        offline_search_mb=data.get("offline_search_mb", 5),
        regulator=known[data.get("regulator", regulators.DEFAULT)],
        languages=_languages(data) if data.get("languages") else (),
    )


DEFAULT_TAGS = {"en": "en-GB"}


def _language_codes(data) -> tuple[str, ...]:
    """The codes of site.yaml's `languages:` (its checks report what is wrong with it), else `language:`'s."""
    wanted = data.get("languages")
    if isinstance(wanted, list) and wanted and all(isinstance(code, str) for code in wanted):
        return tuple(dict.fromkeys(wanted))
    language = data.get("language")
    return (language.split("-")[0].lower() if isinstance(language, str) else "en",)


def _languages(data: dict) -> tuple[str, ...]:
    """`languages: [cy, en]` -> ("cy", "en-GB"): each code as its <html lang> tag (`language:` names one's tag)."""
    own = data.get("language", "")
    return tuple(own if own and own.split("-")[0].lower() == code else DEFAULT_TAGS.get(code, code) for code in data["languages"])


def _open_data(data: dict) -> dict:
    found = {"open_data_state_province": data["state_province"]} if data.get("state_province") else {}
    if data.get("licence"):  # else the model's default: the Open Government Licence
        found["open_data_licence"] = (data["licence"], data.get("licence_url", ""))
    return found


def _security(data: dict | None, edit_url: str) -> SecurityContact | None:
    if not data:
        return None
    policy = data.get("policy") or security.github_policy_url(edit_url)
    return SecurityContact(data["contact"], dt.date.fromisoformat(data["expires"]), policy)


def _accessibility(data: dict) -> Accessibility:
    date = lambda key: _date(data.get(key))  # noqa: E731
    return Accessibility(
        prepared_on=date("prepared_on"), reviewed_on=date("reviewed_on"), tested_on=date("tested_on"),
        tested_by=data.get("tested_by", ""), compliance=data.get("compliance", "partially"),
        response_days=data.get("response_days", 5), northern_ireland=bool(data.get("northern_ireland")),
        known_issues=tuple(KnownIssue(i["issue"], i["criterion"], _date(i["fix_by"])) for i in data.get("known_issues") or []),
        out_of_scope=tuple(data.get("out_of_scope") or ()),
    )


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _check_statement(data, site: SiteConfig, today: dt.date) -> list[Problem]:
    """The accessibility statement must be reviewed at least every year (warnings)."""
    statement = site.accessibility
    if statement.reviewed_on is None:
        return [Problem("site.yaml", 1, "accessibility", "there is no accessibility block, so the accessibility statement has no dates.",
                        "Add accessibility: with prepared_on, reviewed_on and tested_on (see docs/content-model.md).", "warning")]
    problems = []
    for key in ("reviewed_on", "tested_on"):
        when = getattr(statement, key)
        if when and (today - when).days > 300:
            problems.append(Problem("site.yaml", line_of(data, ["accessibility", key]), f"accessibility.{key}",
                                    f"the accessibility statement was last {key.split('_')[0]} {(today - when).days} days ago; it must be reviewed at least every 365 days.",
                                    "Check the site again and update the date.", "warning"))
    return problems


def wordlist(site: SiteConfig | None, root: Path | None = None) -> easy_read_checks.Wordlist:
    if site is None:
        return easy_read_checks.Wordlist()
    return easy_read_checks.Wordlist(site.hard_words, frozenset(site.allowed_words), site.min_reading_ease,
                             Pictograms.from_theme(theme.theme_dirs(root)) if root else None)


def _terms(entries: dict, taxonomy: str) -> tuple[Term, ...]:
    return tuple(
        Term(key, entry["label"], entry["easy"], entry.get("description", ""), entry.get("symbol", ""), taxonomy,
             bool(entry.get("personal_care")))
        for key, entry in entries.items()
    )
