"""The maps as templates use them: `maps.areas(...)`, `maps.area(...)`, `maps.service(...)`.

Each returns a <figure> with the SVG and a caption in words, or "" when the site has no
boundaries for it (a map is an enhancement: the list next to it always says the same).
Outlines are projected and simplified once per process and shared by every page.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from builder import maps
from builder.model import Browse, Catalogue, Service

_OUTLINES: dict = {}


def forget() -> None:
    """A new build may have new boundaries."""
    _OUTLINES.clear()


def _outlines(catalogue: Catalogue, small: bool) -> maps.Outlines | None:
    geography = catalogue.geography
    if geography is None or not geography.shapes:
        return None
    key = (id(geography), small)
    if key not in _OUTLINES:
        width, budget = (maps.SMALL_WIDTH, maps.SMALL_BUDGET) if small else (maps.WIDTH, maps.BUDGET)
        _OUTLINES[key] = maps.outlines(geography.shapes, width, budget)
    return _OUTLINES[key]


def _figure(svg: Markup, caption: str, css: str = "") -> Markup:
    return Markup(f'<figure class="map-figure{" " + css if css else ""}">{svg}<figcaption>{escape(caption)}</figcaption></figure>')


def _places(services: list[Service]) -> list[maps.Place]:
    """One dot for each place, however many of the services meet there."""
    names: dict[tuple[float, float], list[str]] = {}
    for service in services:
        for location in service.locations:
            if location.coordinates:
                names.setdefault(location.coordinates, []).append(f"{service.name} ({location.name})")
    return [maps.Place("; ".join(found), lon, lat) for (lat, lon), found in names.items()]


def areas(catalogue: Catalogue, page, entries: tuple[Browse, ...]) -> Markup:
    """The Areas page: every area a link to its page, with its number of services."""
    lines = _outlines(catalogue, small=False)
    if lines is None:
        return Markup("")
    links = [maps.AreaLink(e.term.key, e.term.easy if page.easy else e.term.label, page.url_to(e.url), len(e.services))
             for e in entries]
    shown = [link for link in links if link.key in lines.paths]
    if page.easy:
        title, caption = "Map of the areas", "Choose your area on the map, or from the list."
    else:
        title = f"Map of the {len(shown)} areas"
        caption = "Each area on the map is a link to its services. The same areas are listed below the map."
    description = "; ".join(f"{link.name}: {link.services} service{'s' if link.services != 1 else ''}" for link in shown) + "."
    return _figure(maps.areas_map(lines, shown, title, description), caption)


def area(catalogue: Catalogue, page, entry: Browse, services: list[Service]) -> Markup:
    """An area's page: the area picked out, and a dot where each of its services meets."""
    lines = _outlines(catalogue, small=False)
    key = entry.term.key
    if lines is None or key not in lines.paths:
        return Markup("")
    name = entry.term.easy if page.easy else entry.term.label
    places = _places(services)
    where = maps.compass(lines.project, *lines.labels[key])
    at_home = sum(1 for s in services if s.is_one_to_one)
    if page.easy:
        caption = f"The map shows {name}. It is in {where} of the map. The dots show where the services are."
    else:
        caption = (f"{name} is in {where} of the map, with a dot for each of the {len(places)} place{'s' if len(places) != 1 else ''}"
                   " where its services meet. Every service is listed below"
                   + (f", including {at_home} that come{'s' if at_home == 1 else ''} to you at home." if at_home else "."))
    return _figure(maps.area_map(lines, key, places, f"Map of {name}", caption), caption)


def service(catalogue: Catalogue, page, service: Service) -> Markup:
    """A service page: a small map of the whole area with the service's places marked."""
    lines = _outlines(catalogue, small=True)
    places = _places([service])
    if lines is None or not places:
        return Markup("")
    wheres = [_where(catalogue, lines, place) for place in places]
    located = [loc.name for loc in service.locations if loc.coordinates]
    if page.easy:
        caption = f"The dot on the map shows where it is. It is {wheres[0]}."
    else:
        caption = "; ".join(f"{name} is {where}" for name, where in zip(located, wheres)) + "."
    here = {maps.area_of(catalogue.geography.shapes, place) for place in places}
    return _figure(maps.locator_map(lines, places, here, f"Where {service.name} is", caption), caption, "map-figure--small")


def _where(catalogue: Catalogue, lines: maps.Outlines, place: maps.Place) -> str:
    """'in Northgate City, in the middle of the map'."""
    key = maps.area_of(catalogue.geography.shapes, place)
    names = {a.key: a.label for a in catalogue.site.areas}
    direction = maps.compass(lines.project, *lines.project(place.lon, place.lat))
    return (f"in {names[key]}, " if key in names else "") + f"in {direction} of the map"
