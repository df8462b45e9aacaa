"""`catalogue import oruk`: Open Referral UK 3.0 `service_full` records become Listings.

SOURCE is a JSON file holding one service_full, an array of them, or a /services Page
({"contents": [...]}), or a folder of such files. Organisations become providers,
service_at_locations locations, schedules times, cost_options costs; phones are taken from
where HSDS 3.0 core puts them (the service, its contacts, its locations). Taxonomy terms map
to the site's keys: terms of the site's own vocabularies (as this builder publishes them)
directly, others through --map FILE.yaml. Every problem names the JSON path.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import yaml

from builder.config import regulators
from builder.config.site import SiteConfig
from builder.editors.importing.columns import words_by_language
from builder.editors.importing.terms import Vocabulary
from builder.editors.importing.times import DAYS
from builder.editors.importing.writer import TAXONOMIES, Listing
from builder.language import wording
from builder.publish.extension import FIELD
from builder.model.schedules import from_rfc5545

STATUS = {"active": "active", "temporarily closed": "temporarily-closed", "inactive": "closed", "defunct": "closed"}
BYDAY = {"MO": "mon", "TU": "tue", "WE": "wed", "TH": "thu", "FR": "fri", "SA": "sat", "SU": "sun"}
PER = {"session": "session", "hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year"}
EXTRA = ("transport", "referral", "needs_assessment", "regulated", "regulator_id")  # this builder's facts ORUK has no field for
# A service's id with its care regulator, as this builder exports it (cqc_location_id, ciw_service_id ...)
REGULATOR_ID_TYPES = frozenset(r.open_data_type for r in regulators.default_regulators().values()) | {"cqc_location_id"}
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)


def read_source(source: Path) -> list[tuple[str, dict]]:
    """[(JSON path, service_full)] from a file or a folder of files; a file that cannot be read stops the import."""
    files = sorted(p for p in source.rglob("*.json") if not _published_extra(source, p)) if source.is_dir() else [source]
    if not files:
        raise click.ClickException(f"{source}: no .json files found. Nothing was imported.")
    found = []
    for file in files:
        name = file.relative_to(source).as_posix() if source.is_dir() else file.name
        try:
            data = json.loads(file.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeError, json.JSONDecodeError) as err:
            raise click.ClickException(f"{name}: the file is not JSON we can read ({err}). Nothing was imported.") from err
        if isinstance(data, dict) and isinstance(data.get("contents"), list):
            found += [(f"{name} $.contents[{i}]", item) for i, item in enumerate(data["contents"])]
        elif isinstance(data, list):
            found += [(f"{name} $[{i}]", item) for i, item in enumerate(data)]
        elif isinstance(data, dict) and "name" in data:
            found.append((f"{name} $", data))
        else:
            raise click.ClickException(f"{name}: expected a service, an array of services or a Page with "
                                       "\"contents\" (found neither). Nothing was imported.")
    return found


def _published_extra(folder: Path, file: Path) -> bool:
    """In a published ORUK folder (like a build's openreferral/: an index.json beside services/), only
    services/<id>.json are services to import: the lists, the vocabularies, the organisations, the
    services at locations (copies of the services) and the OpenAPI document are not."""
    if (folder / "index.json").is_file() and (folder / "services").is_dir():
        return file.parent != folder / "services"
    return file.parent == folder and file.name in ("index.json", "taxonomies.json", "taxonomy_terms.json")


def read_map(path: Path | None) -> dict[str, list[tuple[str, str]]]:
    """--map FILE.yaml: {source term or name: "field/key" or a list of them} -> {casefolded term: [(field, key)]}."""
    if path is None:
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeError, yaml.YAMLError) as err:
        raise click.ClickException(f"{path}: the mapping cannot be read ({err}). Nothing was imported.") from err
    if not isinstance(data, dict):
        raise click.ClickException(f"{path}: write one line per term, like 'Day centre: types/day-centre'. Nothing was imported.")
    mapping = {}
    for term, targets in data.items():
        pairs = []
        for target in targets if isinstance(targets, list) else [targets]:
            field, _, key = str(target).partition("/")
            field = "regulator_id" if field in REGULATOR_ID_TYPES else field
            if field not in TAXONOMIES + EXTRA or not key:
                raise click.ClickException(f"{path}: '{term}: {target}' should map to FIELD/KEY, where FIELD is one of "
                                           f"{', '.join(TAXONOMIES + EXTRA)}. Nothing was imported.")
            pairs.append((field, key))
        mapping[str(term).casefold()] = pairs
    return mapping


def listings(found: list[tuple[str, dict]], site: SiteConfig, mapping: dict):
    words = Vocabulary(site)
    for where, record in found:
        yield service_listing(where, record, site, mapping, words)


def service_listing(where: str, record, site: SiteConfig, mapping: dict, words: Vocabulary | None = None) -> Listing:
    if not isinstance(record, dict):
        return Listing(where, "", {}, {}, problems=[f"{where}: expected a service object (found {type(record).__name__})."])
    problems: list[str] = []
    words = words or Vocabulary(site)
    codes = words.codes
    text = lambda key: record.get(key).strip() if isinstance(record.get(key), str) else ""  # noqa: E731
    service: dict = {"name": in_languages(record, "name", codes)}
    summary = in_languages(record, "short_description", codes)
    if summary:
        service["summary"] = summary
    status = STATUS.get(text("status").lower())
    if status:
        service["status"] = status
    if in_languages(record, "alert", codes):
        service["alert"] = in_languages(record, "alert", codes)
    date = (text("assured_date") or text("last_modified"))[:10]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        service["last_reviewed"] = date
    ages = {k: int(record[f"{n}_age"]) for k, n in (("min", "minimum"), ("max", "maximum"))
            if isinstance(record.get(f"{n}_age"), (int, float))}
    if ages:
        service["ages"] = ages
    _terms(record, words, mapping, service, where, problems)
    _locations(record, service, codes)
    _times(record, service, where, problems, codes)
    _costs(record, service, where, problems, codes)
    own = record.get(FIELD) if isinstance(record.get(FIELD), dict) else {}  # this builder's facts ORUK has no field for
    _own_facts(own, service)
    contact = {"phone": _phone(record), "email": text("email"), "website": str(own.get("website") or "") if own else text("url")}
    if any(contact.values()):
        service["contact"] = {k: v for k, v in contact.items() if v}
    languages = [lang.get("code") for lang in _list(record, "languages") if lang.get("code") in wording.LANGUAGE_NAMES]
    if languages:
        service["languages"] = languages
    organization = record.get("organization") if isinstance(record.get("organization"), dict) else {}
    provider = _provider(organization, record, codes)
    origin = {"name": f"{where}.name", "summary": f"{where}.short_description", "locations": f"{where}.service_at_locations",
              "locations.postcode": f"{where}.service_at_locations[].location.addresses[].postal_code",
              "times": f"{where}.schedules", "costs": f"{where}.cost_options", "contact.phone": f"{where}.contacts[].phones[].number",
              "contact.email": f"{where}.email", "contact.website": f"{where}.url", "last_reviewed": f"{where}.assured_date",
              "types": f"{where}.attributes (no term maps to a type; use --map or --set types=KEY)",
              "who_for": f"{where}.attributes (no term maps to a group; use --map or --set who_for=KEY)",
              "areas": f"{where}.service_areas (no area matches site.yaml; use --map or --set areas=KEY)",
              "provider name": f"{where}.organization.name"}
    origin |= {f"provider {k}": f"{where}.organization.{k}" for k in ("name", "description", "contact.website", "contact.email")}
    bodies = _languages(record, "description", codes)
    body = bodies.pop(codes[0], "") or text("description")
    markdown = own.get("markdown") if isinstance(own.get("markdown"), dict) else {}
    markdown = {code: words.strip() for code, words in markdown.items() if isinstance(words, str) and words.strip()}
    if markdown:  # this builder's own feed: the Markdown the plain-text descriptions were made from
        body = markdown.get(codes[0]) or next(iter(markdown.values()))
        bodies = {code: markdown[code] for code in codes[1:] if code in markdown}
    bodies = {code: words for code, words in bodies.items() if words != body}
    if not service["name"]:
        problems.append(f"{where}.name: is missing; every service needs a name.")
    return Listing(where, text("id"), provider, service, body, origin, problems, translations=bodies, file=str(own.get("file") or ""))


def _own_facts(own: dict, service: dict) -> None:
    """Hub and spoke links and the Easy Read words, from this builder's `catalogue` object."""
    if own.get("hub") is True:
        service["hub"] = True
    hub = own.get("spoke_of") if isinstance(own.get("spoke_of"), dict) else {}
    if _content_key(hub.get("file")):
        service["spoke_of"] = _content_key(hub.get("file"))
    if isinstance(own.get("easy_read"), list) and all(isinstance(line, str) for line in own["easy_read"]):
        service["easy_read"] = own["easy_read"]
    if isinstance(own.get("easy_alert"), str) and own["easy_alert"].strip():
        service["easy_alert"] = own["easy_alert"].strip()


def _content_key(file) -> str:
    """content/providers/<provider>/<service>.md -> <provider>/<service>, as spoke_of names a hub."""
    found = re.fullmatch(r"content/providers/([^/]+)/([^/]+)\.md", str(file or ""))
    return f"{found.group(1)}/{found.group(2)}" if found else ""


def _languages(item: dict, name: str, codes: tuple[str, ...]) -> dict[str, str]:
    """{code: words} of a field from the object's "translations" (this builder's bilingual open data), in the site's languages."""
    found = item.get("translations") if isinstance(item.get("translations"), dict) else {}
    return {code: found[code][name].strip() for code in codes
            if isinstance(found.get(code), dict) and isinstance(found[code].get(name), str) and found[code][name].strip()}


def in_languages(item: dict, name: str, codes: tuple[str, ...] = ("en",)):
    """A text field: its words in each of the site's languages the object has ({code: words}, or plain text),
    else the field as it is."""
    found = _languages(item, name, codes)
    if found:
        return words_by_language(found, codes)
    return item.get(name).strip() if isinstance(item.get(name), str) else ""


def _provider(organization: dict, record: dict, codes: tuple[str, ...] = ("en",)) -> dict:
    provider = {"name": in_languages(organization, "name", codes), "source_id": str(organization.get("id") or "")}
    own = organization.get(FIELD) if isinstance(organization.get(FIELD), dict) else {}
    if own.get("kind") in wording.PROVIDER_KINDS:
        provider["kind"] = own["kind"]
    if in_languages(organization, "description", codes):
        provider["description"] = in_languages(organization, "description", codes)
    for scheme in _list(organization, "organization_identifiers"):
        kind = {"charity_number": "charity_number", "cqc_provider_id": "cqc_provider_id"}.get(scheme.get("identifier_type"))
        if kind and scheme.get("identifier"):
            provider[kind] = str(scheme["identifier"])
    contact = {"phone": _first_number(_list(organization, "phones")), "email": organization.get("email") or "",
               "website": organization.get("website") or ""}
    if any(contact.values()):
        provider["contact"] = {k: v for k, v in contact.items() if v}
    return {k: v for k, v in provider.items() if v}


def _terms(record: dict, words: Vocabulary, mapping: dict, service: dict, where: str, problems: list) -> None:
    chosen: dict[str, list[str]] = {}
    for index, attribute in enumerate(_list(record, "attributes")):
        term = attribute.get("taxonomy_term") if isinstance(attribute.get("taxonomy_term"), dict) else {}
        taxonomy, key, name = (str(term.get(k) or "") for k in ("taxonomy", "term", "name"))
        pairs = mapping.get(key.casefold()) or mapping.get(name.casefold()) or []
        if taxonomy in TAXONOMIES and key in {t.key for t in words.site.taxonomy(taxonomy)}:
            pairs = [(taxonomy, key)]
        elif taxonomy in TAXONOMIES and not pairs:  # a label in any of the site's languages, as a key
            found, why = words.taxonomy(taxonomy).find(name or key)
            pairs = [(taxonomy, found)] if found else []
            if words.taxonomy(taxonomy).ambiguous(name or key):
                problems.append(f"{where}.attributes[{index}].taxonomy_term.name: {why}")
        elif taxonomy in EXTRA:
            pairs = [(taxonomy, key)]
        elif taxonomy in REGULATOR_ID_TYPES:
            pairs = [("regulator_id", key)]
        for field, value in pairs:
            chosen.setdefault(field, []).append(value)
    for area in _list(record, "service_areas"):
        for value in (area.get("service_area"), area.get("name")):
            key = words.taxonomy("areas").find(str(value or ""))[0] if value else ""
            key = key or next((k for f, k in mapping.get(str(value or "").casefold(), []) if f == "areas"), None)
            if key:
                chosen.setdefault("areas", []).append(key)
                break
    for field, keys in chosen.items():
        keys = list(dict.fromkeys(keys))
        if field in ("transport", "regulator_id"):
            service[field] = keys[0]
        elif field in ("needs_assessment", "regulated"):
            service[field] = keys[0] == "yes"
        else:
            service[field] = keys


def _locations(record: dict, service: dict, codes: tuple[str, ...] = ("en",)) -> None:
    locations = []
    for at in _list(record, "service_at_locations"):
        location = at.get("location") if isinstance(at.get("location"), dict) else {}
        if location.get("location_type") == "virtual":
            continue
        address = next(iter(_list(location, "addresses")), {})
        street = _street(address, codes)
        first_line = {code: words.split(",")[0] for code, words in street.items()} if isinstance(street, dict) else street.split(",")[0]
        item = {"name": in_languages(location, "name", codes) or first_line, "address": street,
                "postcode": str(address.get("postal_code") or "").strip()}
        if isinstance(location.get("latitude"), (int, float)) and isinstance(location.get("longitude"), (int, float)):
            item["coordinates"] = [location["latitude"], location["longitude"]]
        if "accessibility" in location:
            keys = [str(a.get("accessibility")) for a in _list(location, "accessibility")]
            item["access"] = [k for k in keys if k in wording.ACCESS_LABELS]
        if location.get("external_identifier_type") in REGULATOR_ID_TYPES and location.get("external_identifier"):
            service.setdefault("regulator_id", str(location["external_identifier"]))
        locations.append(item)
    if locations:
        service["locations"] = locations


def _street(address: dict, codes: tuple[str, ...]):
    """address_1 and city, joined, in each language the address has its own words for."""
    parts = [in_languages(address, k, codes) for k in ("address_1", "city")]
    if not any(isinstance(part, dict) for part in parts):
        return ", ".join(str(part) for part in parts if part)
    pick = lambda part, code: part.get(code) or next(iter(part.values())) if isinstance(part, dict) else part  # noqa: E731
    return words_by_language({code: ", ".join(pick(p, code) for p in parts if p) for code in codes}, codes)


def _times(record: dict, service: dict, where: str, problems: list, codes: tuple[str, ...] = ("en",)) -> None:
    schedules = _list(record, "schedules") + [s for at in _list(record, "service_at_locations") for s in _list(at.get("location") or {}, "schedules")]
    times = []
    for index, schedule in enumerate(schedules):
        try:
            days, repeat = from_rfc5545(schedule, BYDAY)
        except ValueError as err:
            problems.append(f"{where}.schedules[{index}]: {err}")
            continue
        start, end = (str(schedule.get(k) or "")[:5] for k in ("opens_at", "closes_at"))
        if repeat.get("by_arrangement") and None not in days:
            times.append({"days": [d for d in DAYS if d in days], **repeat} if days else repeat)
            continue
        if not days and not start:
            continue  # a schedule only in words: ORUK's description, nothing to read
        if None in days or not days or not re.fullmatch(r"\d{2}:\d{2}", start) or not re.fullmatch(r"\d{2}:\d{2}", end):
            problems.append(f"{where}.schedules[{index}]: needs byday (like \"MO,TU\"), opens_at and closes_at "
                            f"(found byday '{schedule.get('byday', '')}', opens_at '{schedule.get('opens_at', '')}', closes_at '{schedule.get('closes_at', '')}').")
            continue
        session = {"days": [d for d in DAYS if d in days], "from": start, "to": end, **repeat}
        if in_languages(schedule, "notes", codes):
            session["note"] = in_languages(schedule, "notes", codes)
        own = schedule.get(FIELD) if isinstance(schedule.get(FIELD), dict) else {}
        if isinstance(own.get("easy_note"), str) and own["easy_note"].strip():
            session["easy_note"] = own["easy_note"].strip()
        times.append(session)
    if times:
        service["times"] = times


def _costs(record: dict, service: dict, where: str, problems: list, codes: tuple[str, ...] = ("en",)) -> None:
    costs = []
    for index, option in enumerate(_list(record, "cost_options")):
        amount = option.get("amount")
        gift = str(option.get("amount_description") or "").strip().lower()
        if amount is None and gift in ("donation", "pay-what-you-can"):  # as builder/publish/openreferral.py writes them
            costs.append({"label": in_languages(option, "option", codes) or "Cost", "kind": gift})
            continue
        if not isinstance(amount, (int, float)) or amount <= 0:
            continue  # a cost option without a price says nothing we can show
        words = str(option.get("amount_description") or "").lower()
        per = next((p for word, p in PER.items() if word in words), None)
        if per is None:
            problems.append(f"{where}.cost_options[{index}].amount_description: say what the price is for, "
                            f"like 'per day' or 'per session' (found '{option.get('amount_description', '')}').")
            continue
        cost = {"label": in_languages(option, "option", codes) or "Cost", "amount": float(amount), "per": per}
        kind = next((str(a["taxonomy_term"].get("term") or "") for a in _list(record, "attributes")
                     if a.get("link_type") == "cost_option" and option.get("id") and a.get("link_id") == option.get("id")
                     and isinstance(a.get("taxonomy_term"), dict) and a["taxonomy_term"].get("taxonomy") == "cost_kind"), "")
        if kind:
            cost["kind"] = kind
        costs.append(cost)
    funding = list(dict.fromkeys(key for f in _list(record, "funding") if (key := _funding_key(f.get("source")))))
    if costs:
        service["costs"] = costs
    if not costs and str(record.get("fees") or "").strip().lower().startswith("free") and "free" not in funding:
        funding.append("free")
    if funding:
        service["funding"] = funding


def _funding_key(source) -> str:
    """ORUK funding sources are free text: 'Free', 'free', 'Direct payment' or our own key all read back."""
    wanted = " ".join(str(source or "").replace("-", " ").casefold().split())
    return next((key for key, label in wording.FUNDING_LABELS.items()
                 if wanted in (key.replace("-", " "), " ".join(str(label).casefold().split()))), "")


def _phone(record: dict) -> str:
    """The first phone where HSDS 3.0 core puts them: the service, its contacts, its locations."""
    places = [record] + _list(record, "contacts") + [at.get("location") or {} for at in _list(record, "service_at_locations")]
    return next((number for place in places if (number := _first_number(_list(place, "phones")))), "")


def _first_number(phones: list) -> str:
    return next((str(p["number"]).strip() for p in phones if p.get("number")), "")


def _list(data, key: str) -> list[dict]:
    value = data.get(key) if isinstance(data, dict) else None
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
