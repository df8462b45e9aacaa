"""The catalogue's facts ORUK 3.0 has no field for, carried so that `catalogue import oruk` gives them
back: a `catalogue` object on each service and organisation (the ORUK schemata allow more properties
than they name). Consumers that do not know it ignore it; docs/open-data.md lists what it holds.
"""

from __future__ import annotations

from builder.model.catalogue import Catalogue, Provider, Service

FIELD = "catalogue"


def service_facts(catalogue: Catalogue, service: Service, ids) -> dict:
    """Its content file, its own website (ORUK's `url` is the catalogue's page), hub and spoke links (by
    the other service's file and ORUK id) and its Easy Read words (a time's easy_note is on its schedule)."""
    def linked(key: str) -> dict:
        other = catalogue.services[key]
        return {"id": ids.record(other.source_path, other.source_id), "file": other.source_path}
    facts = {"file": service.source_path, "website": service.contact.website, "hub": service.hub or None,
             "spoke_of": linked(service.spoke_of) if service.spoke_of in catalogue.services else None,
             "spokes": [linked(key) for key in service.spokes if key in catalogue.services],
             "easy_read": list(service.easy_read), "easy_alert": service.easy_alert}
    return {key: value for key, value in facts.items() if value}


def provider_facts(provider: Provider) -> dict:
    """Its kind (charity, council ...) and its folder under content/providers/."""
    facts = {"kind": provider.kind, "folder": provider.source_path.rsplit("/", 2)[-2] if "/" in provider.source_path else ""}
    return {key: value for key, value in facts.items() if value}
