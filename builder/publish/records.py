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
from builder.model.catalogue import COST_KINDS, Catalogue, Location, Provider, Service
from builder.publish import extension
from builder.publish.plaintext import plain_text

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
        record["description"] = plain_text(body)
    record["url"] = catalogue.site.base_url + service.url  # the catalogue's own page (the service's website: "catalogue")
    if service.contact.email:
        record["email"] = service.contact.email
    if service.alert:
        record["alert"] = service.alert
    if service.ages[0] is not None:
        record["minimum_age"] = service.ages[0]
    if service.ages[1] is not None:
        record["maximum_age"] = service.ages[1]
    record["organization"] = org
    if service.contact.phone:  # where ORUK puts a service's phone (and on its locations); the contact keeps it too
        record["phones"] = [{"id": ids.of(sid, "phone"), "service_id": sid, "number": service.contact.phone}]
    record["service_at_locations"] = [_service_at_location(catalogue, sid, service, index, location, ids)
                                      for index, location in enumerate(service.locations)]
    record["schedules"] = [_schedule(sid, index, session, ids) for index, session in enumerate(service.sessions)]
    record["cost_options"] = _cost_options(sid, service, ids)
    record["funding"] = [{"id": ids.of(sid, "funding", f), "service_id": sid, "source": f} for f in service.funding]
    record["service_areas"] = [{"id": ids.of(sid, "area", a.key), "service_id": sid, "name": a.label,
                                "service_area": a.key, "extent_type": "area", "uri": catalogue.site.base_url + f"areas/{a.key}/"}
                               for a in service.areas]
    record["languages"] = [{"id": ids.of(sid, "language", code), "service_id": sid, "name": wording.LANGUAGE_NAMES.get(code, code),
                            "code": code} for code in service.languages]
    record["contacts"] = _contacts(sid, service, ids)
    record["attributes"] = _attributes(catalogue, sid, service, ids)
    record[extension.FIELD] = extension.service_facts(catalogue, service, ids)
    return record


FREE, NOT_STATED = "free", "not stated"  # a cost option's amount_description when the service is free / says no cost


def _cost_options(sid: str, service: Service, ids: Ids) -> list[dict]:
    """Each cost (a donation may have no amount); a free service also has an option of amount 0, and one that
    states no cost an option with no amount saying so: the three read apart."""
    options = [{key: value for key, value in {
        "id": ids.of(sid, "cost", str(i)), "service_id": sid, "option": cost.label,
        "amount": cost.amount, "amount_description": PER.get(cost.per, cost.kind)}.items() if value is not None}
        for i, cost in enumerate(service.costs)]
    if service.is_free:
        options.append({"id": ids.of(sid, "cost", FREE), "service_id": sid, "option": str(wording.FUNDING_LABELS[FREE]),
                        "amount": 0, "amount_description": FREE})
    elif service.cost_not_stated:
        options.append({"id": ids.of(sid, "cost", "not-stated"), "service_id": sid, "option": str(wording.COST_NOT_STATED),
                        "amount_description": NOT_STATED})
    return options


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
    if extension.provider_facts(provider):
        org[extension.FIELD] = extension.provider_facts(provider)
    return org


def at_location_id(sid: str, index: int, ids: Ids) -> str:
    return ids.of(ids.of(sid, "location", str(index)), "at")


def location_id(location: Location, ids: Ids) -> str:
    """One id per venue: every service at the same address and postcode shares its location."""
    return ids.of("location", " ".join(location.address.casefold().split()), location.postcode.replace(" ", "").upper())


def _service_at_location(catalogue: Catalogue, sid: str, service: Service, index: int, location: Location, ids: Ids) -> dict:
    lid = location_id(location, ids)
    address_1, _, city = location.address.rpartition(", ")
    loc = {"id": lid, "location_type": "physical", "name": location.name,
           "addresses": [{"id": ids.of(lid, "address"), "location_id": lid, "address_1": address_1 or city,
                          "city": city if address_1 else "", "state_province": catalogue.site.open_data_state_province,
                          "postal_code": location.postcode, "country": "GB", "address_type": "physical"}]}
    if service.contact.phone:  # the number to call about this service at this venue
        loc["phones"] = [{"id": ids.of(lid, sid, "phone"), "location_id": lid, "service_id": sid, "number": service.contact.phone}]
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
    if session.easy_note:
        schedule[extension.FIELD] = {"easy_note": session.easy_note}
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
    """The site's own vocabularies as taxonomy terms, and the facts ORUK has no field for: each term as
    taxonomy_terms.json lists it."""
    attributes = []
    for taxonomy in TAXONOMIES:
        for term in getattr(service, taxonomy):
            attributes.append(_attribute(sid, _term(taxonomy, term.key, term.label, term.description, ids), ids))
    extras = {"transport": [service.transport] if service.transport else [], "referral": list(service.referral),
              "needs_assessment": [] if service.needs_assessment is None else [_yes(service.needs_assessment)],
              "regulated": [] if service.regulated is None else [_yes(service.regulated)],
              service.regulator.open_data_type: [service.regulator_id] if service.regulator_id and not service.locations else []}
    for taxonomy, keys in extras.items():
        attributes += [_attribute(sid, extra_term(catalogue, taxonomy, key, ids), ids) for key in keys]
    for index, cost in enumerate(service.costs):  # what a cost pays for, on its cost option
        if cost.kind:
            term = extra_term(catalogue, COST_KIND, cost.kind, ids)
            attributes.append({"id": ids.of(sid, "attribute", COST_KIND, str(index)), "link_id": ids.of(sid, "cost", str(index)),
                               "link_type": "cost_option", "taxonomy_term_id": term["id"], "taxonomy_term": term})
    return attributes


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _attribute(sid: str, term: dict, ids: Ids) -> dict:
    return {"id": ids.of(sid, "attribute", term["taxonomy"], term["term"]), "link_id": sid, "link_type": "service",
            "taxonomy_term_id": term["id"], "taxonomy_term": term}


def _term(taxonomy: str, key: str, label: str, description: str, ids: Ids) -> dict:
    return {"id": ids.of("taxonomy", taxonomy, key), "name": label, "description": description or label,
            "taxonomy": taxonomy, "taxonomy_id": ids.of("taxonomy", taxonomy), "term": key}


# The facts ORUK has no field for, as this catalogue's own taxonomies: {taxonomy: (description, {key: label})}
YES_NO = {"needs_assessment": ("Whether a care needs assessment is needed first", {"yes": "A care needs assessment is needed",
                                                                                     "no": "No care needs assessment is needed"}),
          "regulated": ("Whether the service says it is registered with the care regulator",
                        {"yes": "Registered with the care regulator", "no": "Not registered with the care regulator"})}


def extra_vocabularies(catalogue: Catalogue) -> dict[str, tuple[str, dict[str, str]]]:
    ids_type = {s.regulator.open_data_type for s in catalogue.services.values()} or {"cqc_location_id"}
    found = {"transport": ("How people get there", {k: str(wording.TRANSPORT_LABELS[k]) for k in wording.TRANSPORT_LABELS}),
             "referral": ("Who can make contact or refer", {k: str(wording.REFERRAL_LABELS[k]) for k in wording.REFERRAL_LABELS}),
             **YES_NO,
             COST_KIND: ("What a cost pays for", {k: k for k in COST_KINDS})}
    for kind in sorted(ids_type):  # a service's id with the care regulator, when it has no location to carry it
        found[kind] = (f"The service's id with the care regulator ({kind})",
                       {s.regulator_id: s.regulator_id for s in catalogue.services.values()
                        if s.regulator_id and not s.locations and s.regulator.open_data_type == kind})
    return found


def extra_term(catalogue: Catalogue, taxonomy: str, key: str, ids: Ids) -> dict:
    label = extra_vocabularies_cached(catalogue).get(taxonomy, ("", {}))[1].get(key, key)
    return _term(taxonomy, key, label, "", ids)


_EXTRA_CACHE: dict = {}


def extra_vocabularies_cached(catalogue: Catalogue) -> dict:
    """Worked out once per catalogue (each language's), not once per service."""
    if id(catalogue) not in _EXTRA_CACHE:
        _EXTRA_CACHE[id(catalogue)] = (catalogue, extra_vocabularies(catalogue))  # holding it keeps its id unique
    return _EXTRA_CACHE[id(catalogue)][1]


def vocabularies(catalogue: Catalogue, ids: Ids) -> tuple[list[dict], list[dict]]:
    """Every taxonomy an attribute uses, with its terms (the same objects the attributes hold)."""
    site = catalogue.site
    taxonomies, terms = [], []
    for name in TAXONOMIES:
        taxonomies.append({"id": ids.of("taxonomy", name), "name": name,
                           "description": f"{site.title}: {name.replace('_', ' ')}", "uri": site.base_url})
        terms += [_term(name, t.key, t.label, t.description, ids) for t in site.taxonomy(name)]
    for name, (description, labels) in extra_vocabularies_cached(catalogue).items():
        taxonomies.append({"id": ids.of("taxonomy", name), "name": name, "description": f"{site.title}: {description}",
                           "uri": site.base_url})
        terms += [extra_term(catalogue, name, key, ids) for key in labels]
    return taxonomies, terms


def one_to_one(record: dict) -> dict:
    """A service in the list: its own fields, without the arrays of child records."""
    return {key: value for key, value in record.items() if not isinstance(value, (list, dict))}
