"""Stage 7, open data: every build publishes its services as Open Referral UK (ORUK 3.0) under openreferral/.

Input: the Catalogue and the site root (for the services' Markdown, the ORUK description).
Output: index.json (the API root), services.json (a Page of every service's one-to-one
fields), services/<id>.json (one `service_full` each), taxonomies, taxonomy_terms, organizations
and service_at_locations (each a Page and its items), each also in the static API layout
(static_api.py), openapi.json, and services.csv (the spreadsheet import layout, so a commissioner
can edit and import again).
The records themselves are made in records.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from builder.config import paths
from builder.content import files as content
from builder.core.workers import worker_pool
from builder.language.bilingual import Untranslated
from builder.model.catalogue import Catalogue, Service
from builder.model.spreadsheet import bilingual_row, csv_line, write_csv
from builder.publish import extension, static_api
from builder.publish.records import Ids, at_location_id, location_id, one_to_one, organization, page, service_full, vocabularies

FOLDER = "openreferral"
VERSION = "3.0"
PROFILE = "https://openreferraluk.org/"


def write_open_data(root: Path, catalogue: Catalogue, staging: Path, reuse=None, lists: bool = True) -> int:
    """Writes the open data; returns the number of services published. With `reuse` (an
    incremental.PageReuse), a service whose record, provider and Markdown are unchanged keeps its
    published files, and its list entry and spreadsheet line come from the build cache. Without
    `lists`, only the records: the documents listing every record and the spreadsheet are left as
    they are (`serve` between saves; its search indexer's build writes them)."""
    ids = Ids(catalogue.site.base_url)
    folder = staging / FOLDER
    (folder / "services").mkdir(parents=True, exist_ok=True)
    entries, inputs = _unchanged_services(catalogue, staging, ids, reuse)
    _WORK.update(root=root, catalogue=catalogue, ids=ids, folder=folder)  # before the workers fork: they share it
    todo = [key for key in catalogue.services if key not in entries]
    with worker_pool(len(todo)) as mapper:
        for chunk in mapper(_write_services, [todo[i:i + CHUNK] for i in range(0, len(todo), CHUNK)]):
            entries.update(chunk)
    if reuse is not None:
        reuse.cache.record_open_data({digest: entries[key] for key, digest in inputs.items()}, to_disk=not reuse.in_place)
    listed = [entries[key][0] for key in catalogue.services]
    if not lists:
        _write_level_2(catalogue, folder, ids, staging, reuse, lists)
        return len(listed)
    static_api.write_document(folder, "", {"version": VERSION, "profile": PROFILE,
                                           "openapi_url": f"{catalogue.site.base_url}{FOLDER}/{static_api.OPENAPI_FILE}"})
    static_api.write_openapi(folder)
    static_api.write_page(folder, "services", listed)
    _write_level_2(catalogue, folder, ids, staging, reuse)
    write_csv(folder / "services.csv", [entries[key][1] for key in catalogue.services], language_codes(catalogue))
    return len(listed)


def _write_level_2(catalogue: Catalogue, folder: Path, ids: Ids, staging: Path, reuse, lists: bool = True) -> None:
    """The vocabularies, the organisations and the services at locations: each a list and its items
    (a service_at_location's item is its service in full, as the ORUK API answers it: written with the service)."""
    keep = (lambda file, inputs: reuse.keep(f"{FOLDER}/{file}", inputs, staging)) if reuse is not None else None
    taxonomies, terms = vocabularies(catalogue, ids)
    providers = dict.fromkeys(s.provider_key for s in catalogue.services.values())  # those with services, in their order
    organizations = list({org["id"]: org for org in (organization(catalogue.providers[key], ids) for key in providers)}.values())
    for name, items in (("taxonomies", taxonomies), ("taxonomy_terms", terms), ("organizations", organizations)):
        if lists:
            static_api.write_document(folder, name, page([one_to_one(item) for item in items] if name == "organizations" else items))
        static_api.write_items(folder, name, items, keep)
    if not lists:
        return
    at_locations = [{"id": at, "service_id": sid, "location_id": lid} for sid, at, lid in _at_locations(catalogue, ids)]
    static_api.write_document(folder, "service_at_locations", page(at_locations))


def _at_locations(catalogue: Catalogue, ids: Ids):
    """(service id, service_at_location id, location id) of every service at a location."""
    for service in catalogue.services.values():
        sid = ids.record(service.source_path, service.source_id)
        for index, location in enumerate(service.locations):
            yield sid, at_location_id(sid, index, ids), location_id(location, ids)


def _service_files(catalogue: Catalogue, service: Service, ids: Ids) -> list[str]:
    """A service's published files, relative to openreferral/: its record, and a copy for each of its locations."""
    sid = ids.record(service.source_path, service.source_id)
    records = [("services", sid)] + [("service_at_locations", at_location_id(sid, i, ids)) for i in range(len(service.locations))]
    return [file for endpoint, record_id in records for file in static_api.record_files(endpoint, record_id)]


def _unchanged_services(catalogue: Catalogue, staging: Path, ids: Ids, reuse) -> tuple[dict, dict]:
    """{service id: (list entry as JSON, spreadsheet line)} of the services whose published files were kept,
    and {service id: inputs digest} of every service."""
    if reuse is None:
        return {}, {}
    known, inputs, kept = reuse.cache.open_data(), {}, {}
    for key, service in catalogue.services.items():
        found = reuse.open_data_inputs(catalogue, key)
        if found is None:
            continue
        inputs[key] = found
        files = _service_files(catalogue, service, ids)
        if all([reuse.keep(f"{FOLDER}/{file}", found, staging, usable=found in known) for file in files]):  # every file recorded
            kept[key] = known[found]
    return kept, inputs


_WORK: dict = {}
CHUNK = 250  # services per worker task


def _write_services(keys: list[str]) -> dict[str, tuple[str, dict]]:
    """One chunk of services (in a worker): their service_full files; {id: (list entry as JSON, spreadsheet line)}."""
    catalogue, ids, folder = _WORK["catalogue"], _WORK["ids"], _WORK["folder"]
    written = {}
    codes = language_codes(catalogue)
    for key in keys:
        service = catalogue.services[key]
        bodies = _bodies(_WORK["root"], catalogue, service, codes)
        record = with_translations(service_full(catalogue, service, bodies[codes[0]], ids), catalogue, service, bodies, ids)
        markdown = {code: body.strip() for code, body in bodies.items() if body.strip()}
        if markdown:  # `description` is plain text: the Markdown, by language, for an import to give back
            record[extension.FIELD]["markdown"] = markdown
        text = static_api.json_text(record)
        static_api.write_record(folder, "services", record["id"], text)
        for at in record["service_at_locations"]:
            static_api.write_record(folder, "service_at_locations", at["id"], text)
        row = bilingual_row(catalogue, service, bodies) | {"id": record["id"]}  # joins the JSON; the file has its column
        written[key] = (static_api.json_text(one_to_one(record)), csv_line(row, codes))
    return written


# A bilingual site's words in every language, where an object's text is translated: ORUK 3.0 has no
# field for it, so each such object carries "translations": {"cy": {"name": ...}, "en": {"name": ...}}
TRANSLATED_TEXT = {"service": ("name", "short_description", "description", "alert"), "organization": ("name", "description"),
                   "location": ("name",), "address": ("address_1", "city"), "cost_option": ("option",), "schedule": ("notes",)}


def with_translations(record: dict, catalogue: Catalogue, service: Service, bodies: dict[str, str], ids: Ids) -> dict:
    """The record, with "translations" on each object whose words differ in another of the site's languages."""
    codes = language_codes(catalogue)
    others = {code: service_full(other, other.services[service.id], bodies.get(code, ""), ids)
              for code, (_, other) in zip(codes[1:], catalogue.translations)}
    for kind, path in _text_objects(record):
        for name in TRANSLATED_TEXT[kind]:
            words = {code: _at(other, path).get(name) for code, other in others.items()}
            words = {code: value for code, value in words.items()
                     if value and value != _at(record, path).get(name) and not isinstance(value, Untranslated)}
            if words:
                found = _at(record, path).setdefault("translations", {})
                for code in codes:
                    value = _at(record, path).get(name) if code == codes[0] else words.get(code)
                    if value:
                        found.setdefault(code, {})[name] = value
    return record


def _text_objects(record: dict):
    """(kind, path) of each object of a service_full that holds words."""
    yield "service", ()
    yield "organization", ("organization",)
    for index, at in enumerate(record["service_at_locations"]):
        yield "location", ("service_at_locations", index, "location")
        yield "address", ("service_at_locations", index, "location", "addresses", 0)
    for index in range(len(record["cost_options"])):
        yield "cost_option", ("cost_options", index)
    for index in range(len(record["schedules"])):
        yield "schedule", ("schedules", index)


def _at(record: dict, path: tuple) -> dict:
    for step in path:
        record = record[step]
    return record


def language_codes(catalogue: Catalogue) -> tuple[str, ...]:
    return tuple(tag.split("-")[0].lower() for tag in catalogue.site.page_languages)


def _bodies(root: Path, catalogue: Catalogue, service: Service, codes: tuple[str, ...]) -> dict[str, str]:
    """{language code: the service's Markdown as that language's page shows it}: its translation beside it
    (<slug>.<code>.md) where there is one, else the body of <slug>.md (in whatever language it is written).
    The first language's is the ORUK description."""
    main = _body(root, catalogue, service.source_path, content.SERVICE)
    bodies = {}
    for code in codes:
        translation = service.source_path.removesuffix(".md") + f".{code}.md"
        translated = (root / translation).is_file() and len(codes) > 1
        bodies[code] = _body(root, catalogue, translation, content.TRANSLATION, service.source_path) if translated else main
    return bodies


def _body(root: Path, catalogue: Catalogue, path: str, kind: str, links_from: str = "") -> str:
    text = content.decode((root / path).read_bytes())
    body = content.split_front_matter(text, kind)[1].strip()
    return _absolute_links(body, links_from or path, catalogue.site.base_url)


_MD_LINK = re.compile(r"\]\(([^)\s:#]+\.md)(#[^)\s]*)?\)")


def _absolute_links(body: str, source_path: str, base_url: str) -> str:
    """Links between content files become links to the published pages: open data stands on its own."""
    def absolute(found: re.Match) -> str:
        url = paths.url_for_source(paths.resolve_link(source_path, found.group(1)))
        return f"]({base_url}{url}{found.group(2) or ''})" if url else found.group(0)
    return _MD_LINK.sub(absolute, body)
