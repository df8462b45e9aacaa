"""The maps as templates use them: `maps.areas(...)`, `maps.area(...)`, `maps.service(...)`.

Each returns a <figure> with the SVG and a caption in words, or "" when the site has no
boundaries for it (a map is an enhancement: the list next to it always says the same).
Outlines are projected and simplified once per process and shared by every page.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from builder.language.bilingual import fill, join_marked
from builder.language.interface import _, ngettext
from builder.model.catalogue import Browse, Catalogue, Service
from builder.pages import svgmap

_OUTLINES: dict = {}


def forget() -> None:
    """A new build may have new boundaries."""
    _OUTLINES.clear()


def _outlines(catalogue: Catalogue, small: bool) -> svgmap.Outlines | None:
    geography = catalogue.geography
    if geography is None or not geography.shapes:
        return None
    key = (id(geography), small)
    if key not in _OUTLINES:
        width, budget = (svgmap.SMALL_WIDTH, svgmap.SMALL_BUDGET) if small else (svgmap.WIDTH, svgmap.BUDGET)
        _OUTLINES[key] = svgmap.outlines(geography.shapes, width, budget)
    return _OUTLINES[key]


def _figure(svg: Markup, caption: str, css: str = "") -> Markup:
    return Markup(f'<figure class="map-figure{" " + css if css else ""}">{svg}<figcaption>{escape(caption)}</figcaption></figure>')


def _places(services: list[Service]) -> list[svgmap.Place]:
    """One dot for each place, however many of the services meet there."""
    names: dict[tuple[float, float], list[str]] = {}
    for service in services:
        for location in service.locations:
            if location.coordinates:
                names.setdefault(location.coordinates, []).append(fill("{} ({})", service.name, location.name))
    return [svgmap.Place(join_marked(svgmap._semicolons, found), lon, lat) for (lat, lon), found in names.items()]


def areas(catalogue: Catalogue, page, entries: tuple[Browse, ...]) -> Markup:
    """The Areas page: every area a link to its page, with its number of services."""
    lines = _outlines(catalogue, small=False)
    if lines is None:
        return Markup("")
    links = [svgmap.AreaLink(e.term.key, e.term.easy if page.easy else e.term.label, page.url_to(e.url), len(e.services))
             for e in entries]
    shown = [link for link in links if link.key in lines.paths]
    if page.easy:
        title, caption = _("Map of the areas"), _("Choose your area on the map, or from the list.")
    else:
        title = _("Map of the {count} areas").format(count=len(shown))
        caption = _("Each area on the map is a link to its services. The same areas are listed below the map.")
    description = fill("{}.", join_marked(svgmap._semicolons, [fill("{}: {}", link.name, svgmap.services_count(link.services)) for link in shown]))
    return _figure(svgmap.areas_map(lines, shown, title, description), caption)


def area(catalogue: Catalogue, page, entry: Browse, services: list[Service]) -> Markup:
    """An area's page: the area picked out, and a dot where each of its services meets."""
    lines = _outlines(catalogue, small=False)
    key = entry.term.key
    if lines is None or key not in lines.paths:
        return Markup("")
    name = entry.term.easy if page.easy else entry.term.label
    places = _places(services)
    where = svgmap.compass(lines.project, *lines.labels[key])
    at_home = sum(1 for s in services if s.is_one_to_one)
    if page.easy:
        caption = fill(_("The map shows {name}. It is in {where} of the map. The dots show where the services are."), name=name, where=where)
    else:
        caption = fill(ngettext("{name} is in {where} of the map, with a dot for each of the {count} place where its services meet.",
                                "{name} is in {where} of the map, with a dot for each of the {count} places where its services meet.",
                                len(places)), name=name, where=where, count=len(places)) + " " + (
            ngettext("Every service is listed below, including {count} that comes to you at home.",
                     "Every service is listed below, including {count} that come to you at home.", at_home).format(count=at_home)
            if at_home else _("Every service is listed below."))
    return _figure(svgmap.area_map(lines, key, places, fill(_("Map of {name}"), name=name), caption), caption)


def service(catalogue: Catalogue, page, service: Service) -> Markup:
    """A service page: a small map of the whole area with the service's places marked."""
    lines = _outlines(catalogue, small=True)
    places = _places([service])
    if lines is None or not places:
        return Markup("")
    wheres = [_where(catalogue, lines, place) for place in places]
    located = [loc.name for loc in service.locations if loc.coordinates]
    if page.easy:
        caption = fill(_("The dot on the map shows where it is. It is {where}."), where=wheres[0])
    else:
        caption = fill("{}.", join_marked(svgmap._semicolons, [fill(_("{name} is {where}"), name=name, where=where) for name, where in zip(located, wheres)]))
    here = {svgmap.area_of(catalogue.geography.shapes, place) for place in places}
    return _figure(svgmap.locator_map(lines, places, here, fill(_("Where {name} is"), name=service.name), caption), caption, "map-figure--small")


def _where(catalogue: Catalogue, lines: svgmap.Outlines, place: svgmap.Place) -> str:
    """'in Northgate City, in the middle of the map'."""
    key = svgmap.area_of(catalogue.geography.shapes, place)
    names = {a.key: a.label for a in catalogue.site.areas}
    direction = svgmap.compass(lines.project, *lines.project(place.lon, place.lat))
    if key in names:
        return fill(_("in {area}, in {direction} of the map"), area=names[key], direction=direction)
    return _("in {direction} of the map").format(direction=direction)
