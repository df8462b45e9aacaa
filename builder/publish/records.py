"""Stage 7, open data: the ORUK 3.0 records of the catalogue: service_full, its organisation,
locations, schedules, costs and attributes, and the vocabularies as taxonomies and terms.
Ids are UUIDs derived from base_url and the record's path, or the id kept from an import, so
they never change between builds.
"""

from __future__ import annotations

import hashlib
import uuid

from builder.language import wording
from builder.model import schedules
from builder.model.catalogue import Catalogue, Location, Provider, Service

TAXONOMIES = ("types", "who_for", "activities", "areas")
STATUS = {"active": "active", "temporarily-closed": "temporarily closed", "closed": "inactive"}
PER = {"session": "per session", "hour": "per hour", "day": "per day", "week": "per week", "month": "per month", "year": "per year"}
COST_KIND = "cost_kind"  # an attribute of a cost option: attendance, lunch, transport ... (ORUK has no field for it)
BY_ARRANGEMENT = "by arrangement"  # a schedule's attending_type when there are no fixed times (read back by import oruk)
BYDAY = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}


class Ids:
    """Stable UUIDs: the same record always gets the same id (uuid5 of base_url#parts, in the URL namespace)."""

    def __init__(self, base_url: str):
        self.base = base_url
        self.prefix = uuid.NAMESPACE_URL.bytes + (base_url + "#").encode("utf-8")

    def of(self, *parts: str) -> str:
        """uuid.uuid5 without its object: a build makes about fifty of these per service."""
        number = int.from_bytes(hashlib.sha1(self.prefix + "/".join(parts).encode("utf-8")).digest()[:16], "big")
        number = (number & ~(0xF000 << 64) | 5 << 76) & ~(0xC000 << 48) | 0x8000 << 48  # version 5, RFC 4122 variant
        text = f"{number:032x}"
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"

    def record(self, source_path: str, source_id: str) -> str:
        """An imported record keeps its source's UUID; any other gets one from its path."""
        try:
            return str(uuid.UUID(source_id))
        except ValueError:
            return self.of(source_path)


def page(contents: list) -> dict:
    """An ORUK Page holding every item (the open data is a file, not a paged API)."""
    return {"total_items": len(contents), "total_pages": 1, "page_number": 1, "size": len(contents),
            "first_page": True, "last_page": True, "empty": not contents, "contents": contents}


def service_full(catalogue: Catalogue, service: Service, body: str, ids: Ids) -> dict:
    sid = ids.record(service.source_path, service.source_id)
    provider = catalogue.providers[service.provider_key]
    org = organization(provider, ids)
    record = {
        "id": sid,
        "organization_id": org["id"],
        "name": service.name,
        "short_description": service.summary,  # HSDS 3.0 core field; the UK profile allows it
        "status": STATUS[service.status],
        "assured_date": service.last_reviewed.isoformat(),
        "last_modified": f"{service.last_reviewed.isoformat()}T00:00:00Z",
    }
    if body.strip():
        record["description"] = body.strip()
    if service.contact.website:
        record["url"] = service.contact.website
    if service.contact.email:
        record["email"] = service.contact.email
    if service.alert:
        record["alert"] = service.alert
    if service.ages[0] is not None:
        record["minimum_age"] = service.ages[0]
    if service.ages[1] is not None:
        record["maximum_age"] = service.ages[1]
    if service.cost_not_stated:
        record["fees"] = "Not stated: ask the provider."
    record["organization"] = org
    record["service_at_locations"] = [_service_at_location(sid, service, index, location, ids)
                                      for index, location in enumerate(service.locations)]
    record["schedules"] = [_schedule(sid, index, session, ids) for index, session in enumerate(service.sessions)]
    record["cost_options"] = [{key: value for key, value in {
        "id": ids.of(sid, "cost", str(i)), "service_id": sid, "option": cost.label,
        "amount": cost.amount, "amount_description": PER.get(cost.per, cost.kind)}.items() if value is not None}
        for i, cost in enumerate(service.costs)]  # a donation may have no amount
    record["funding"] = [{"id": ids.of(sid, "funding", f), "service_id": sid, "source": f} for f in service.funding]
    record["service_areas"] = [{"id": ids.of(sid, "area", a.key), "service_id": sid, "name": a.label,
                                "service_area": a.key, "extent_type": "area", "uri": catalogue.site.base_url + f"areas/{a.key}/"}
                               for a in service.areas]
    record["languages"] = [{"id": ids.of(sid, "language", code), "service_id": sid, "name": wording.LANGUAGE_NAMES.get(code, code),
                            "code": code} for code in service.languages]
    record["contacts"] = _contacts(sid, service, ids)
    record["attributes"] = _attributes(catalogue, sid, service, ids)
    return record


def organization(provider: Provider, ids: Ids) -> dict:
    oid = ids.record(provider.source_path, provider.source_id)
    org = {"id": oid, "name": provider.name, "description": provider.description}
    if provider.contact.website:
        org["website"] = provider.contact.website
    if provider.contact.email:
        org["email"] = provider.contact.email
    identifiers = [("charity_number", "Charity Commission", provider.charity_number),
                   ("cqc_provider_id", "Care Quality Commission", provider.cqc_provider_id)]
    org["organization_identifiers"] = [{"id": ids.of(oid, kind), "organization_id": oid, "identifier_scheme": scheme,
                                        "identifier_type": kind, "identifier": value}
                                       for kind, scheme, value in identifiers if value]
    if provider.contact.phone:  # HSDS 3.0 core puts phones on the organisation
        org["phones"] = [{"id": ids.of(oid, "phone"), "number": provider.contact.phone}]
    return org


def at_location_id(sid: str, index: int, ids: Ids) -> str:
    return ids.of(ids.of(sid, "location", str(index)), "at")


def location_id(location: Location, ids: Ids) -> str:
    """One id per venue: every service at the same address and postcode shares its location."""
    return ids.of("location", " ".join(location.address.casefold().split()), location.postcode.replace(" ", "").upper())


def _service_at_location(sid: str, service: Service, index: int, location: Location, ids: Ids) -> dict:
    lid = location_id(location, ids)
    address_1, _, city = location.address.rpartition(", ")
    loc = {"id": lid, "location_type": "physical", "name": location.name,
           "addresses": [{"id": ids.of(lid, "address"), "location_id": lid, "address_1": address_1 or city,
                          "city": city if address_1 else "", "state_province": "", "postal_code": location.postcode,
                          "country": "GB", "address_type": "physical"}]}
    if location.coordinates:
        loc["latitude"], loc["longitude"] = location.coordinates
    if index == 0 and service.regulator_id:
        loc["external_identifier"], loc["external_identifier_type"] = service.regulator_id, service.regulator.open_data_type
    if location.access is not None:
        loc["accessibility"] = [{"id": ids.of(lid, "access", key), "location_id": lid, "accessibility": key,
                                 "description": wording.ACCESS_LABELS[key]} for key in location.access]
    return {"id": at_location_id(sid, index, ids), "service_id": sid, "location_id": lid, "location": loc}


def _schedule(sid: str, index: int, session, ids: Ids) -> dict:
    """RFC 5545-style: WEEKLY (interval 2 and dtstart every other week), MONTHLY with byday "1FR"; by arrangement
    has no recurrence, only words (attending_type says so in a form importers can read)."""
    schedule = {"id": ids.of(sid, "schedule", str(index)), "service_id": sid}
    if session.repeat.by_arrangement:
        schedule |= {"byday": ",".join(BYDAY[d] for d in session.days)} if session.days else {}
        schedule |= {"attending_type": BY_ARRANGEMENT, "description": session.text}
    else:
        schedule |= schedules.rfc5545(session.days, session.repeat, BYDAY)
        schedule |= {"opens_at": session.start, "closes_at": session.end, "description": session.text}
    if session.note:
        schedule["notes"] = session.note
    return schedule


def _contacts(sid: str, service: Service, ids: Ids) -> list[dict]:
    contact = service.contact
    if not (contact.phone or contact.email):
        return []
    cid = ids.of(sid, "contact")
    record = {"id": cid, "service_id": sid, "name": service.name}
    if contact.email:
        record["email"] = contact.email  # HSDS 3.0 core contact fields, allowed by the UK profile
    if contact.phone:
        record["phones"] = [{"id": ids.of(cid, "phone"), "contact_id": cid, "number": contact.phone}]
    return [record]


def _attributes(catalogue: Catalogue, sid: str, service: Service, ids: Ids) -> list[dict]:
    """The site's own vocabularies as taxonomy terms, and the facts ORUK has no field for."""
    attributes = []
    for taxonomy in TAXONOMIES:
        for term in getattr(service, taxonomy):
            attributes.append(_attribute(sid, taxonomy, term.key, term.label, ids))
    extras = {"transport": [service.transport] if service.transport else [], "referral": list(service.referral),
              "needs_assessment": [] if service.needs_assessment is None else ["yes" if service.needs_assessment else "no"],
              "regulated": [] if service.regulated is None else ["yes" if service.regulated else "no"],
              service.regulator.open_data_type: [service.regulator_id] if service.regulator_id and not service.locations else []}
    for taxonomy, keys in extras.items():
        attributes += [_attribute(sid, taxonomy, key, key, ids) for key in keys]
    for index, cost in enumerate(service.costs):  # what a cost pays for, on its cost option
        if cost.kind:
            term = _term(COST_KIND, cost.kind, cost.kind, "", ids)
            attributes.append({"id": ids.of(sid, "attribute", COST_KIND, str(index)), "link_id": ids.of(sid, "cost", str(index)),
                               "link_type": "cost_option", "taxonomy_term_id": term["id"], "taxonomy_term": term})
    return attributes


def _attribute(sid: str, taxonomy: str, key: str, label: str, ids: Ids) -> dict:
    term = _term(taxonomy, key, label, "", ids)
    return {"id": ids.of(sid, "attribute", taxonomy, key), "link_id": sid, "link_type": "service",
            "taxonomy_term_id": term["id"], "taxonomy_term": term}


def _term(taxonomy: str, key: str, label: str, description: str, ids: Ids) -> dict:
    return {"id": ids.of("taxonomy", taxonomy, key), "name": label, "description": description or label,
            "taxonomy": taxonomy, "taxonomy_id": ids.of("taxonomy", taxonomy), "term": key}


def vocabularies(catalogue: Catalogue, ids: Ids) -> tuple[list[dict], list[dict]]:
    site = catalogue.site
    taxonomies, terms = [], []
    for name in TAXONOMIES:
        taxonomies.append({"id": ids.of("taxonomy", name), "name": name,
                           "description": f"{site.title}: {name.replace('_', ' ')}", "uri": site.base_url})
        terms += [_term(name, t.key, t.label, t.description, ids) for t in site.taxonomy(name)]
    return taxonomies, terms


def one_to_one(record: dict) -> dict:
    """A service in the list: its own fields, without the arrays of child records."""
    return {key: value for key, value in record.items() if not isinstance(value, (list, dict))}
