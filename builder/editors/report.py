"""The commissioners' report: where choice is missing, which listings need checking, who runs what.

Input: a Catalogue (from `build.check_site`). Output: a `Report`, then Markdown (for GitHub
issues and job summaries) or a standalone HTML page made from that same Markdown.
Pure: reads nothing from disk. Coverage counts only active services, and the report says so:
a closed day centre is not a choice anyone can make.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html import escape

import markdown

from builder.config.site import Contact, SiteConfig, Term
from builder.core.mdtext import href
from builder.core.mdtext import literal as _md
from builder.language import coverage as translationstatus
from builder.language import interface, wording
from builder.model.catalogue import DAYS, EVENING_FROM, Catalogue, Provider, Service

EVENINGS = "Evenings (after 6pm)"
WEEKENDS = "Weekends"
NOTHING_DUE = "No listings are due for review"  # review-due.yml closes its issue when the report starts so


@dataclass(frozen=True)
class DueListing:
    service: Service
    provider: Provider


@dataclass(frozen=True)
class Coverage:
    """How many active services serve each area (columns in site.yaml order), row by row."""

    title: str  # "group", "type of support" or "day"
    rows: tuple[tuple[str, tuple[int, ...]], ...]  # (row label, count per area)


@dataclass(frozen=True)
class AreaGaps:
    area: Term
    groups: tuple[Term, ...]  # groups with no active service in the area
    types: tuple[Term, ...]  # types of support with none
    no_weekends: bool
    no_evenings: bool


@dataclass(frozen=True)
class ProviderCount:
    provider: Provider
    active: int
    temporarily_closed: int
    closed: int
    due: int


@dataclass(frozen=True)
class Report:
    site: SiteConfig
    today: dt.date
    listings: int  # every listing, whatever its status
    active: int  # the listings coverage counts
    due: tuple[DueListing, ...]
    coverage: tuple[Coverage, ...]  # by group, by type, by day
    gaps: tuple[AreaGaps, ...]  # one per area, in site.yaml order
    providers: tuple[ProviderCount, ...]  # by name
    unchecked_easy: tuple[tuple[str, str], ...] = ()  # (title, content file) of Easy Read nobody has checked yet
    cost_not_stated: tuple[DueListing, ...] = ()  # open listings whose pages say "ask the provider"
    unregistered_care: tuple[DueListing, ...] = ()  # open listings of personal-care types with no regulator_id
    translation: tuple = ()  # a bilingual site: translationstatus.LanguageStatus for each language


@interface.in_english
def commissioners_report(catalogue: Catalogue) -> Report:
    site = catalogue.site
    services = list(catalogue.services.values())
    active = [s for s in services if s.is_open]

    def counts(test) -> tuple[int, ...]:
        return tuple(sum(1 for s in active if _has(s.areas, area) and test(s)) for area in site.areas)

    by_group = tuple((t.label, counts(lambda s, t=t: _has(s.who_for, t))) for t in site.who_for)
    by_type = tuple((t.label, counts(lambda s, t=t: _has(s.types, t))) for t in site.types)
    by_day = tuple((wording.DAY_NAMES[d], counts(lambda s, d=d: d in s.day_keys)) for d in DAYS) + (
        (EVENINGS, counts(lambda s: s.has_evening)), (WEEKENDS, counts(lambda s: s.has_weekend)))
    gaps = tuple(AreaGaps(area,
                          tuple(t for t, (_, row) in zip(site.who_for, by_group) if not row[column]),
                          tuple(t for t, (_, row) in zip(site.types, by_type) if not row[column]),
                          no_weekends=not by_day[-1][1][column], no_evenings=not by_day[-2][1][column])
                 for column, area in enumerate(site.areas))
    due = tuple(DueListing(s, catalogue.providers[s.provider_key]) for s in services if s.due_for_review)
    return Report(site, catalogue.today, len(services), len(active),
                  tuple(sorted(due, key=lambda d: (d.service.last_reviewed, d.service.name))),
                  (Coverage("group", by_group), Coverage("type of support", by_type), Coverage("day", by_day)),
                  gaps, _provider_counts(catalogue), _unchecked_easy(catalogue),
                  tuple(DueListing(s, catalogue.providers[s.provider_key]) for s in active if s.cost_not_stated),
                  tuple(DueListing(s, catalogue.providers[s.provider_key]) for s in active if s.needs_regulator_id),
                  catalogue.translation_status)


def _unchecked_easy(catalogue: Catalogue) -> tuple[tuple[str, str], ...]:
    """Easy Read pages with no `checked_by`: information pages first, then services, by name."""
    pages = [(p.easy.title if p.easy else p.title, p.source_path.removesuffix(".md") + ".easy.md")
             for p in catalogue.pages if not (p.easy and p.easy.checked_by)]
    services = [(s.name, s.source_path) for s in catalogue.services.values() if not (s.easy_body_html and s.easy_checked_by)]
    return tuple(pages + services)


def _has(terms: tuple[Term, ...], term: Term) -> bool:
    return any(t.key == term.key for t in terms)


def _provider_counts(catalogue: Catalogue) -> tuple[ProviderCount, ...]:
    rows = []
    for provider in sorted(catalogue.providers.values(), key=lambda p: p.name.lower()):
        own = catalogue.services_of(provider.services)
        rows.append(ProviderCount(provider, *(sum(1 for s in own if s.status == status)
                                              for status in ("active", "temporarily-closed", "closed")),
                                  due=sum(1 for s in own if s.due_for_review)))
    return tuple(rows)


# ---------------------------------------------------------------- Markdown

@interface.in_english
def report_markdown(report: Report, due_only: bool = False) -> str:
    if due_only:
        return "\n".join(_due_section(report, level="#")) + "\n"
    site = report.site
    lines = [f"# {_md(site.title)}: report for commissioners", "",
             f"{_md(site.organisation)}, {wording.date_text(report.today)}. "
             f"{report.listings} listings from {len(report.providers)} providers.", "",
             _what_counts(report.active, report.listings - report.active), ""]
    lines += _gaps_section(report)
    for coverage in report.coverage:
        lines += _coverage_table(coverage, report.site.areas)
    lines += _due_section(report, level="##")
    lines += _cost_section(report)
    lines += _registration_section(report)
    lines += _unchecked_easy_section(report)
    lines += translationstatus.report_section(report.translation)
    lines += _providers_table(report)
    return "\n".join(lines) + "\n"


def _what_counts(active: int, closed: int) -> str:
    left_out = (f": {_listings(closed)} closed or temporarily closed {'is' if closed == 1 else 'are'} left out, "
                "because nobody can choose them. " if closed else ". ")
    return (f"Coverage counts only the {_listings(active)} that {'is' if active == 1 else 'are'} active{left_out}"
            "A service counts in every area it serves (its `areas`). An evening is a session still running "
            f"after {wording.clock(EVENING_FROM)}; one-to-one support with no times given counts for its area, "
            "group and type but not for any day.")


def _gaps_section(report: Report) -> list[str]:
    lines = ["## Gaps in choice", ""]
    for gap in report.gaps:
        missing = []
        if gap.groups:
            missing.append("nothing for " + wording.join_words([_md(_in_sentence(t.label)) for t in gap.groups]))
        if gap.types:
            missing.append("no " + wording.join_words([_md(_in_sentence(t.label)) for t in gap.types]))
        if gap.no_weekends:
            missing.append("nothing at weekends")
        if gap.no_evenings:
            missing.append("nothing in the evening")
        lines.append(f"- **{_md(gap.area.label)}**: " + ("; ".join(missing) if missing else "no gaps found") + ".")
    return lines + [""]


def _coverage_table(coverage: Coverage, areas: tuple[Term, ...]) -> list[str]:
    lines = [f"## Active listings in each area, by {coverage.title}", "",
             "A cell is the number of active listings; **none** marks a gap.", "",
             f"| {coverage.title.capitalize()} | " + " | ".join(_md(a.label) for a in areas) + " |",
             "| --- |" + " ---: |" * len(areas)]
    for label, counts in coverage.rows:
        lines.append(f"| {_md(label)} | " + " | ".join(str(n) if n else "**none**" for n in counts) + " |")
    return lines + [""]


def _due_section(report: Report, level: str) -> list[str]:
    count = len(report.due)
    if not count:
        return [f"{level} {NOTHING_DUE}", "",
                f"Every listing was checked in the last {report.site.review_months} months "
                f"(on {wording.date_text(report.today)}).", ""]
    noun = "listing is" if count == 1 else "listings are"
    lines = [f"{level} {count} {noun} due for review", "",
             f"These listings were last checked more than {report.site.review_months} months before "
             f"{wording.date_text(report.today)}. Ring or e-mail the provider, check every detail with them, "
             "correct the listing and set `last_reviewed` to the day you checked (CONTRIBUTING.md shows how).", ""]
    for item in report.due:
        service, provider = item.service, item.provider
        status = "" if service.is_open else f" ({service.status_label.lower()})"
        edit = report.site.edit_url.replace("{path}", service.source_path) if report.site.edit_url else ""
        file = f"[`{service.source_path}`]({href(edit)})" if edit else f"`{service.source_path}`"
        lines += [f"- **{_md(service.name)}**{status}, last checked {wording.date_text(service.last_reviewed)}. "
                  f"File: {file}",
                  f"    - Provider: {_md(provider.name)}. {_contact_text(provider.contact)}"]
        if service.contact != provider.contact and _contact_text(service.contact):
            lines.append(f"    - This listing's own contact: {_contact_text(service.contact)}")
    return lines + [""]


def _cost_section(report: Report) -> list[str]:
    count = len(report.cost_not_stated)
    if not count:
        return ["## Every open listing states its cost", ""]
    noun = "open listing does" if count == 1 else "open listings do"
    lines = [f"## {count} {noun} not state the cost", "",
             "Their pages say \"Cost: ask the provider\". Ask the provider what it costs, then add `costs:` "
             "to the listing, or `funding: [free]` if it costs nothing.", ""]
    for item in report.cost_not_stated:
        lines.append(f"- **{_md(item.service.name)}** ({_md(item.provider.name)}). File: `{item.service.source_path}`")
    return lines + [""]


def _registration_section(report: Report) -> list[str]:
    """Listings whose type may give personal care but that give no id with the site's regulator."""
    regulator, count = report.site.regulator, len(report.unregistered_care)
    if not count:
        return [f"## Every open listing that may give personal care has a {regulator.id_name} or says it is not registered", ""]
    noun = "open listing may give personal care but has" if count == 1 else "open listings may give personal care but have"
    lines = [f"## {count} {noun} no {regulator.id_name}", "",
             f"Their type of support may give personal care, and their pages say nothing about the regulator ({regulator.short_name}): "
             "a missing id means we do not know. "
             f"If a service is registered with the regulator, add `regulator_id:` with its {regulator.id_name}, "
             f"like `\"{regulator.id_example}\"`; if it is not, add `regulated: false`.", ""]
    for item in report.unregistered_care:
        lines.append(f"- **{_md(item.service.name)}** ({_md(item.provider.name)}). File: `{item.service.source_path}`")
    return lines + [""]


def _unchecked_easy_section(report: Report) -> list[str]:
    count = len(report.unchecked_easy)
    if not count:
        return ["## Every Easy Read page has been checked", ""]
    group = _md(report.site.easy_checking_group) or "people with learning disabilities"
    lines = [f"## {count} Easy Read {'page has' if count == 1 else 'pages have'} not been checked yet", "",
             f"Nobody has recorded that {group} checked these pages. Ask them to check each one, then add "
             "`checked_by` and `checked_on` to its `.easy.md` file (a service needs one: see docs/content-model.md).", ""]
    return lines + [f"- {_md(title)}: `{path}`" for title, path in report.unchecked_easy] + [""]


def _contact_text(contact: Contact) -> str:
    parts = []
    if contact.phone:
        parts.append(f"Phone {contact.phone_display}")
    if contact.email:
        parts.append(f"e-mail {_md(contact.email)}")
    if contact.website:
        parts.append(f"[website]({href(contact.website)})")
    return (", ".join(parts) + ".") if parts else ""


def _providers_table(report: Report) -> list[str]:
    lines = ["## Listings per provider", "",
             "| Provider | Active | Temporarily closed | Closed | Due for review |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for row in report.providers:
        lines.append(f"| {_md(row.provider.name)} | {row.active} | {row.temporarily_closed} | {row.closed} | {row.due} |")
    totals = [sum(getattr(r, name) for r in report.providers) for name in ("active", "temporarily_closed", "closed", "due")]
    lines.append("| **All providers** | " + " | ".join(f"**{n}**" for n in totals) + " |")
    return lines + [""]


def _listings(count: int) -> str:
    return f"{count} listing" if count == 1 else f"{count} listings"


def _in_sentence(label: str) -> str:
    """'Autistic people' -> 'autistic people' inside a sentence; 'BSL users' stays as it is."""
    return label[0].lower() + label[1:] if len(label) > 1 and label[1].islower() else label


# ---------------------------------------------------------------- HTML

@interface.in_english
def report_html(report: Report, due_only: bool = False) -> str:
    """A standalone page made from the Markdown, so the two versions always say the same."""
    body = markdown.markdown(report_markdown(report, due_only), extensions=["tables"], output_format="html")
    body = re.sub(r"<th(?=[\s>])", '<th scope="col"', body)  # every table's header cells head columns
    title = f"{report.site.title}: report for commissioners, {wording.date_text(report.today)}"
    return (f'<!doctype html>\n<html lang="{escape(report.site.language)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f"<style>{_CSS}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n")


_CSS = ("body{font-family:Arial,sans-serif;line-height:1.5;margin:1rem auto;max-width:75rem;padding:0 1rem;color:#0b0c0c}"
        "table{border-collapse:collapse;margin-bottom:1.5rem}th,td{border:1px solid #505a5f;padding:.25rem .5rem}"
        "td:not(:first-child){text-align:right}th{background:#f3f2f1;text-align:left}a{color:#1d70b8}"
        "@media print{a{color:inherit}}")
