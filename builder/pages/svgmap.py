"""Inline SVG maps drawn from the council's own boundaries: no tiles, no requests, no script.

Pure functions: shapes and points in, SVG text out. Outlines are projected onto a flat
plane (fine at county scale), rounded to whole units and simplified (Douglas-Peucker) until
the map fits its byte budget. Every map has a title and a text description, and the page
lists every area and service shown, so the map is never the only way to the information.
Colours come from CSS classes (map__area, map__point, ...), never from style attributes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from builder.language.bilingual import fill, join_marked, lang_of
from builder.language.interface import N_, _, ngettext
from builder.model.geography import Shape

BUDGET = 10_000  # bytes of outlines in the large maps: with labels or points, a map stays under 15 KB
POINTS_BUDGET = 4_000  # bytes of dots on an area's map: nearby places share a dot beyond that
SMALL_BUDGET = 5_000  # the locator map on each service page
WIDTH = 600
SMALL_WIDTH = 320


@dataclass(frozen=True)
class Place:
    """A point to mark: a service's location."""

    name: str
    lon: float
    lat: float


@dataclass(frozen=True)
class AreaLink:
    key: str
    name: str
    href: str
    services: int


@dataclass(frozen=True)
class Projection:
    west: float
    north: float
    scale: float  # map units per degree of longitude
    squash: float  # cos(latitude): a degree of longitude is shorter than a degree of latitude
    width: int
    height: int

    @classmethod
    def fit(cls, shapes: list[Shape], width: int, margin: int = 8) -> "Projection":
        points = [p for shape in shapes for ring in shape for p in ring]
        west, east = min(p[0] for p in points), max(p[0] for p in points)
        south, north = min(p[1] for p in points), max(p[1] for p in points)
        squash = math.cos(math.radians((north + south) / 2))
        scale = (width - 2 * margin) / max((east - west) * squash, 1e-9)
        height = round((north - south) * scale + 2 * margin)
        return cls(west - margin / scale / squash, north + margin / scale, scale, squash, width, height)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.squash * self.scale, (self.north - lat) * self.scale


# ---------------------------------------------------------------- geometry

def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: drop points closer than `tolerance` to the line through their neighbours."""
    if len(points) < 4 or tolerance <= 0:
        return points
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        far, index = 0.0, 0
        for i in range(first + 1, last):
            d = _distance_to_segment(points[i], points[first], points[last])
            if d > far:
                far, index = d, i
        if far > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [points[i] for i in sorted(keep)]


def _distance_to_segment(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def path_data(shape: Shape, project: Projection, tolerance: float) -> str:
    """An SVG path: one closed sub-path for each ring, in whole map units."""
    parts = []
    for ring in shape:
        points = simplify([project(lon, lat) for lon, lat in ring[:-1]], tolerance)
        rounded = [f"{round(x)} {round(y)}" for x, y in points]
        unique = [p for i, p in enumerate(rounded) if i == 0 or p != rounded[i - 1]]
        if len(unique) >= 3:
            parts.append("M" + " ".join(unique) + "Z")
    return "".join(parts)


def contains(shape: Shape, lon: float, lat: float) -> bool:
    """Whether a point is inside any of the shape's rings (even-odd rule)."""
    inside = False
    for ring in shape:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def label_point(shape: Shape, project: Projection) -> tuple[float, float]:
    """The centre of the largest ring's area, where the area's name goes."""
    ring = max(shape, key=lambda r: abs(_signed_area([project(*p) for p in r])))
    points = [project(*p) for p in ring]
    area = _signed_area(points)
    if abs(area) < 1e-9:
        return points[0]
    cx = sum((x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(points, points[1:])) / (6 * area)
    cy = sum((y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(points, points[1:])) / (6 * area)
    return cx, cy


def _signed_area(points) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:])) / 2


def compass(project: Projection, x: float, y: float) -> str:
    """'the north-west', 'the middle': where a point lies on the map, in words."""
    col = 0 if x < project.width / 3 else 2 if x > 2 * project.width / 3 else 1
    row = 0 if y < project.height / 3 else 2 if y > 2 * project.height / 3 else 1
    words = [[N_("the north-west"), N_("the north"), N_("the north-east")], [N_("the west"), N_("the middle"), N_("the east")],
             [N_("the south-west"), N_("the south"), N_("the south-east")]]
    return _(words[row][col])


def services_count(count: int) -> str:
    """'1 service', '12 services'."""
    return ngettext("{count} service", "{count} services", count).format(count=count)


# ---------------------------------------------------------------- the three maps

@dataclass(frozen=True)
class Outlines:
    """Every area's outline, projected and simplified once, shared by all the maps of one size."""

    project: Projection
    paths: dict[str, str]  # area key -> SVG path data
    labels: dict[str, tuple[int, int]]  # area key -> where its name goes


def outlines(shapes: dict[str, Shape], width: int, budget: int) -> Outlines:
    """Simplify more and more until all the outlines together fit in `budget` bytes."""
    project = Projection.fit(list(shapes.values()), width)
    tolerance = 0.5
    while True:
        paths = {key: path_data(shape, project, tolerance) for key, shape in shapes.items()}
        if sum(len(d) for d in paths.values()) <= budget or tolerance > 64:
            break
        tolerance *= 2
    labels = {key: tuple(round(v) for v in label_point(shape, project)) for key, shape in shapes.items()}
    return Outlines(project, paths, labels)


def _svg(project: Projection, title: str, description: str, body: str, css: str, image: bool) -> str:
    role = ' role="img"' if image else ""
    return (f'<svg class="map {css}" viewBox="0 0 {project.width} {project.height}" xmlns="http://www.w3.org/2000/svg"{role}'
            f' aria-labelledby="map-title map-desc"><title id="map-title">{escape(title)}</title>'
            f'<desc id="map-desc">{escape(description)}</desc>{body}</svg>')


def _points(project: Projection, places: list[Place], radius: int) -> str:
    """A dot for each place; places closer than a grid cell share one, the cell growing until the dots fit their budget."""
    cell = 1
    while True:
        groups: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
        for place in places:
            x, y = project(place.lon, place.lat)
            groups.setdefault((round(x / cell), round(y / cell)), []).append((x, y, place.name))
        marks = "".join(_dot(group, radius) for group in groups.values())
        if len(marks) <= POINTS_BUDGET or cell >= 64:
            return marks
        cell *= 2


def _semicolons(words: list[str]) -> str:
    return "; ".join(words)


def _dot(group: list[tuple[float, float, str]], radius: int) -> str:
    x, y = sum(g[0] for g in group) / len(group), sum(g[1] for g in group) / len(group)
    names = [g[2] for g in group]
    title = join_marked(_semicolons, names) if len(names) <= 3 else fill(_("{count} places, including {name}"), count=len(names), name=names[0])
    return f'<circle class="map__point" cx="{round(x)}" cy="{round(y)}" r="{radius}"><title>{escape(title)}</title></circle>'


def areas_map(lines: Outlines, links: list[AreaLink], title: str, description: str) -> Markup:
    """Every area as a keyboard link to its page, labelled with its name and number of services."""
    body = []
    for link in links:
        if link.key not in lines.paths:
            continue
        x, y = lines.labels[link.key]
        count = services_count(link.services)
        body.append(f'<a href="{escape(link.href)}" class="map__link"><path class="map__area" d="{lines.paths[link.key]}"/>'
                    f'<text class="map__label" x="{x}" y="{y}"{lang_of(link.name)}>{escape(link.name)}</text>'
                    f'<text class="map__count" x="{x}" y="{y + 24}">{count}</text></a>')
    return Markup(_svg(lines.project, title, description, "".join(body), "map--areas", image=False))


def area_map(lines: Outlines, key: str, places: list[Place], title: str, description: str) -> Markup:
    """One area picked out among the others (drawn last, so its border is on top), with services as points."""
    body = "".join(f'<path class="map__area" d="{d}"/>' for k, d in lines.paths.items() if k != key)
    body += f'<path class="map__area map__area--here" d="{lines.paths[key]}"/>'
    return Markup(_svg(lines.project, title, description, body + _points(lines.project, places, 7), "map--area", image=True))


def locator_map(lines: Outlines, places: list[Place], here: set[str], title: str, description: str) -> Markup:
    """A small map of all the areas, the ones holding the service's places picked out, and the places marked."""
    body = "".join(f'<path class="map__area" d="{d}"/>' for k, d in lines.paths.items() if k not in here)
    body += "".join(f'<path class="map__area map__area--here" d="{d}"/>' for k, d in lines.paths.items() if k in here)
    return Markup(_svg(lines.project, title, description, body + _points(lines.project, places, 8), "map--small", image=True))


def area_of(shapes: dict[str, Shape], place: Place) -> str:
    """The key of the area a place is in, or ""."""
    return next((key for key, shape in shapes.items() if contains(shape, place.lon, place.lat)), "")
