"""Stage 3: turn validated records into a Catalogue.

Pure: reads nothing from disk. Resolves taxonomy keys to Terms, works out URLs, hubs and
spokes, "due for review", and the services of every browse page (open ones first).
"""

from __future__ import annotations

import datetime as dt
import itertools

from builder.config import paths
from builder.config.site import Contact, LabelledPhone, SiteConfig, Term
from builder.content.files import PAGE, PAGE_EASY, PROVIDER, SERVICE, SERVICE_EASY, SourceFile
from builder.content.markup import RenderedBody
from builder.content.rules import is_due
from builder.language import wording
from builder.model.catalogue import Browse, Catalogue, Cost, EasyText, Location, Page, Provider, Service, Session
from builder.model.schedules import recurrence_of

STATUS_ORDER = {"active": 0, "temporarily-closed": 1, "closed": 2}


def assemble_catalogue(site: SiteConfig, sources: list[SourceFile], bodies: dict[str, RenderedBody],
                       today: dt.date, remembered: list | None = None) -> Catalogue:
    """`remembered` (`catalogue serve`, which builds again in the same process after each save): a list
    kept between builds, through which an unchanged file's Service is reused rather than made again."""
    by_kind: dict[str, list[SourceFile]] = {}
    for source in sources:
        by_kind.setdefault(source.kind, []).append(source)
    easy = {s.path.removesuffix(".easy.md") + ".md": s for s in by_kind.get(SERVICE_EASY, []) + by_kind.get(PAGE_EASY, [])}
    html = {path: body.html for path, body in bodies.items()}

    spokes: dict[str, list[str]] = {}
    for source in by_kind.get(SERVICE, []):
        if source.data.get("spoke_of"):
            spokes.setdefault(source.data["spoke_of"], []).append(paths.service_id(source.path))
    earlier, now = _earlier_services(site, remembered if remembered is not None else [])
    services = [_service_again(earlier, now, s, site, html, easy.get(s.path), tuple(sorted(spokes.get(paths.service_id(s.path), []))), today)
                for s in by_kind.get(SERVICE, [])]
    services.sort(key=lambda s: (s.name.casefold(), s.id))
    service_map = {s.id: s for s in services}
    by_provider: dict[str, list[str]] = {}
    for service in services:
        by_provider.setdefault(service.provider_key, []).append(service.id)
    providers = sorted((_provider(s, by_provider) for s in by_kind.get(PROVIDER, [])), key=lambda p: p.name.casefold())
    pages = sorted((_page(s, html, easy.get(s.path)) for s in by_kind.get(PAGE, [])), key=lambda p: (p.order, p.title.casefold()))
    return Catalogue(
        site=site,
        today=today,
        providers={p.key: p for p in providers},
        services=service_map,
        pages=tuple(pages),
        browse={name: _browse(name, site.taxonomy(name), services) for name in paths.BROWSE_FOLDERS},
    )


def _earlier_services(site: SiteConfig, remembered: list[tuple[SiteConfig, dict]]) -> tuple[dict, dict]:
    """The services assembled last time for this site.yaml (`remembered` holds one entry per language),
    {file: (what it was made from, Service)}, and the dict this build fills in for the next."""
    earlier = next((services for known, services in remembered if known == site), {})
    now: dict = {}
    remembered[:] = [(site, now)] + [(known, services) for known, services in remembered if known != site][:3]
    return earlier, now


def _service_again(earlier: dict, now: dict, source: SourceFile, site: SiteConfig, html: dict, easy: SourceFile | None,
                   spokes: tuple, today: dt.date) -> Service:
    """The Service assembled last time from the very same file objects (a file unchanged since, held in
    memory by serve's cache), or a new one. Everything _service reads is compared."""
    made_from = (source, easy, spokes, today, html.get(source.path, ""), html.get(easy.path, "") if easy else "")
    found = earlier.get(source.path)
    same = found is not None and found[0][0] is source and found[0][1] is easy and found[0][2:] == made_from[2:]
    service = found[1] if same else _service(source, site, html, easy, spokes, today)
    now[source.path] = (made_from, service)
    return service


def _terms(keys, terms: tuple[Term, ...]) -> tuple[Term, ...]:
    by_key = {t.key: t for t in terms}
    return tuple(by_key[k] for k in keys or [])


def _contact(data) -> Contact:
    data = data or {}
    others = tuple(LabelledPhone(item["label"], item["number"]) for item in data.get("other_phones") or ())
    return Contact(data.get("phone", ""), data.get("email", ""), data.get("website", ""), other_phones=others)


def _service(source: SourceFile, site: SiteConfig, html: dict, easy: SourceFile | None, spokes: tuple, today: dt.date) -> Service:
    data = source.data
    service_id = paths.service_id(source.path)
    reviewed = dt.date.fromisoformat(data["last_reviewed"])
    ages = data.get("ages") or {}
    easy_data = easy.data if easy else {}
    return Service(
        id=service_id,
        slug=service_id.split("/")[1],
        provider_key=service_id.split("/")[0],
        source_path=source.path,
        url=paths.service_url(service_id),
        name=data["name"],
        summary=data["summary"],
        types=_terms(data["types"], site.types),
        who_for=_terms(data["who_for"], site.who_for),
        activities=_terms(data.get("activities"), site.activities),
        areas=_terms(data["areas"], site.areas),
        ages=(ages.get("min"), ages.get("max")),
        hub=bool(data.get("hub")),
        spoke_of=data.get("spoke_of", ""),
        spokes=spokes,
        locations=tuple(_location(loc) for loc in data.get("locations") or []),
        sessions=tuple(Session(tuple(t.get("days") or ()), t.get("from", ""), t.get("to", ""), t.get("note", ""), t.get("easy_note", ""),
                               recurrence_of(t)) for t in data.get("times") or []),
        transport=data.get("transport", ""),
        costs=tuple(_cost(c) for c in data.get("costs") or []),
        funding=tuple(data.get("funding") or ()),
        referral=tuple(data.get("referral") or ()),
        needs_assessment=data.get("needs_assessment"),
        regulator_id=regulator_id(data),
        regulator=site.regulator,
        regulated=data.get("regulated"),
        contact=_contact(data.get("contact")),
        last_reviewed=reviewed,
        due_for_review=is_due(reviewed, site.review_months, today),
        status=data.get("status", "active"),
        alert=data.get("alert", ""),
        languages=tuple(data.get("languages") or ()),
        easy_read=tuple(data.get("easy_read") or ()),
        body_html=html.get(source.path, ""),
        easy_body_html=html.get(easy.path, "") if easy else "",
        easy_checked_by=easy_data.get("checked_by", ""),
        easy_checked_on=easy_data.get("checked_on", ""),
        easy_alert=data.get("easy_alert", ""),
        source_id=data.get("source_id", ""),
    )


def _cost(data) -> Cost:
    amount = data.get("amount")
    return Cost(data["label"], None if amount is None else float(amount), data.get("per", ""), data.get("kind", ""))


def regulator_id(data) -> str:
    """`cqc_location_id` is the older name of `regulator_id` (check rejects a file with both)."""
    return str(data.get("regulator_id") or data.get("cqc_location_id") or "")


def _location(data) -> Location:
    coordinates = data.get("coordinates")
    access = data.get("access")
    return Location(
        name=data["name"],
        address=data["address"],
        postcode=wording.postcode(data["postcode"]),
        coordinates=(float(coordinates[0]), float(coordinates[1])) if coordinates else None,
        access=tuple(access) if access is not None else None,
    )


def _provider(source: SourceFile, services_by_provider: dict[str, list[str]]) -> Provider:
    data = source.data
    key = source.path.split("/")[2]
    return Provider(
        key=key,
        source_path=source.path,
        url=f"providers/{key}/",
        name=data["name"],
        description=data["description"],
        kind=data.get("kind", ""),
        charity_number=data.get("charity_number", ""),
        cqc_provider_id=data.get("cqc_provider_id", ""),
        contact=_contact(data.get("contact")),
        services=tuple(services_by_provider.get(key, ())),
        source_id=data.get("source_id", ""),
    )


def _page(source: SourceFile, html: dict, easy: SourceFile | None) -> Page:
    data = source.data
    easy_text = None
    if easy is not None:
        easy_text = EasyText(easy.data["title"], easy.data.get("summary", ""), html.get(easy.path, ""),
                             easy.data.get("checked_by", ""), easy.data.get("checked_on", ""))
    slug = paths.stem(source.path)
    return Page(slug, source.path, f"{slug}/", data["title"], data["summary"], data.get("order", 1000),
                html.get(source.path, ""), easy_text)


def _browse(taxonomy: str, terms: tuple[Term, ...], services: list[Service]) -> tuple[Browse, ...]:
    """Each term's services, open ones first, A to Z within each status (`services` are in A to Z order)."""
    members: dict[str, tuple[list[str], ...]] = {term.key: tuple([] for _ in STATUS_ORDER) for term in terms}
    for service in services:
        rank = STATUS_ORDER[service.status]
        for term in getattr(service, taxonomy):
            members[term.key][rank].append(service.id)
    return tuple(Browse(taxonomy, term, paths.browse_url(taxonomy, term.key), tuple(itertools.chain(*members[term.key])))
                 for term in terms)
