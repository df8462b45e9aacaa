"""The offline copy's "Find a service": search that works opened from disk, with no server.

Pagefind cannot run from file://, and browsers fetch nothing from there, so each version gets
find-data.js: a compact table of the services, loaded as a plain script next to
assets/find.js. The filters are the site's own (Service.search_filters, the same values the
search page's tick boxes carry), so a filter added there appears here with no more code.

    values:   ["area", "Kingsford"], ...   every (filter, value) pair once
    services: [name, url, provider, summary, places, [value numbers]], ...
    A value or a service's name and summary in another language than the pages' carries its lang:
    ["area", "Northfield Vale", "en-GB"]; [..., {"name": "en-GB", "summary": "en-GB"}].
"""

from __future__ import annotations

import json
from pathlib import Path

from builder.config import paths
from builder.core.writing import write_text
from builder.language import bilingual
from builder.model.catalogue import Catalogue, Service
from builder.pages.kinds import NOT_FILTERS

DATA_FILE = "find-data.js"
GLOBAL = "catalogueFind"


def finder_data(catalogue: Catalogue, easy: bool, prefix: str = "") -> dict:
    values: dict[tuple[str, str], int] = {}
    langs: dict[tuple[str, str], str] = {}
    rows = []
    for service in catalogue.services.values():
        numbers = [values.setdefault((name, value), len(values))
                   for name, chosen in service.search_filters(easy).items() if name not in NOT_FILTERS
                   for value in chosen]
        langs.update({(name, value): value.lang for name, chosen in service.search_filters(easy).items() for value in chosen
                      if isinstance(value, bilingual.Untranslated)})
        provider = catalogue.providers[service.provider_key].name
        url = prefix + (paths.EASY if easy else "") + service.url + "index.html"
        words = {name: value.lang for name, value in (("name", service.name), ("summary", service.summary))
                 if isinstance(value, bilingual.Untranslated)}
        rows.append([service.name, url, provider, service.summary, places(service), numbers] + ([words] if words else []))
    return {"values": [[*pair, langs[pair]] if pair in langs else list(pair) for pair in values], "services": rows}


def places(service: Service) -> str:
    """Where it happens, in words people search for: the venue, street, town and postcode."""
    return " ".join(f"{loc.name} {loc.address} {loc.postcode}" for loc in service.locations)


def finder_script(catalogue: Catalogue, easy: bool, prefix: str = "") -> str:
    data = json.dumps(finder_data(catalogue, easy, prefix), ensure_ascii=False, separators=(",", ":"))
    return f"window.{GLOBAL}={data};\n"


def write_finder(folder: Path, catalogue: Catalogue, prefix: str = "") -> int:
    """Writes both versions' data files into a rendered copy, for the pages of one language (in the
    active language: the filters' words are translated); returns their total size in bytes."""
    size = 0
    for easy in (False, True):
        name = prefix + (paths.EASY if easy else "") + DATA_FILE
        write_text(folder, name, finder_script(catalogue, easy, prefix))
        size += (folder / name).stat().st_size
    return size
