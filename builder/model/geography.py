"""Read the council's open geography from content/: area boundaries and the postcode lookup.

Input: the site root and its SiteConfig. Output: a Geography (boundaries by area key, the
postcode lookup) and the problems found: a boundary file that is not GeoJSON, a feature
with a broken shape, an area with no boundary (a warning: that area gets no map).
Both files are optional; without them the site simply has no maps, or no postcode box.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from builder.config.site import SiteConfig
from builder.content.files import SITE, read_file
from builder.core.errors import WARNING, Problem
from builder.core.writing import write_text
from builder.core.yamlfile import line_of
from builder.model.postcodes import LOOKUP, POSTCODE, site_files

BOUNDARIES = "content/boundaries/areas.geojson"
POLYGON_TYPES = ("Polygon", "MultiPolygon")

Ring = tuple[tuple[float, float], ...]  # (lon, lat) points, as GeoJSON writes them
Shape = tuple[Ring, ...]  # outer rings (holes are dropped: a map this small cannot show them)


@dataclass(frozen=True)
class Geography:
    shapes: dict[str, Shape] = field(default_factory=dict)  # area key -> its outline
    lookup: dict | None = None  # content/postcodes/lookup.json, when there is one
    attribution: str = ""  # the boundary file's "attribution", for the Credits page

    @property
    def example_postcode(self) -> str:
        return next(iter((self.lookup or {}).get("postcodes", {})), "")


def load_geography(root: Path, site: SiteConfig) -> tuple[Geography, list[Problem]]:
    shapes, attribution, problems = _boundaries(root, site) if (root / BOUNDARIES).is_file() else ({}, "", [])
    lookup, lookup_problems = _lookup(root) if (root / LOOKUP).is_file() else (None, [])
    return Geography(shapes, lookup, attribution), problems + lookup_problems


def _read_json(root: Path, path: str) -> tuple[object, list[Problem]]:
    try:
        return json.loads((root / path).read_text(encoding="utf-8")), []
    except UnicodeDecodeError:
        return None, [Problem(path, 1, "", "the file is not saved as UTF-8 text.", "Save it again as UTF-8.")]
    except json.JSONDecodeError as err:
        return None, [Problem(path, err.lineno, "", f"this is not valid JSON ({err.msg}, column {err.colno}).",
                              "Check for a missing comma or bracket near this line, or export the file again.")]


# ---------------------------------------------------------------- boundaries

def _boundaries(root: Path, site: SiteConfig) -> tuple[dict[str, Shape], str, list[Problem]]:
    data, problems = _read_json(root, BOUNDARIES)
    if problems:
        return {}, "", problems
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        return {}, "", [Problem(BOUNDARIES, 1, "type", "the file must be a GeoJSON FeatureCollection (with \"type\": \"FeatureCollection\" and a list of \"features\").",
                            "Export the boundaries as GeoJSON, for example from the ONS Open Geography portal.")]
    source, _ = read_file(root, "site.yaml", SITE)
    site_data = source.data if source else {}
    wanted = _boundary_names(site_data, site)
    lines = _feature_lines((root / BOUNDARIES).read_text(encoding="utf-8"))
    shapes: dict[str, Shape] = {}
    for index, feature in enumerate(data["features"]):
        shape, problem = _feature_shape(feature, index, lines[index] if index < len(lines) else 0)
        if problem:
            problems.append(problem)
            continue
        names = _feature_names(feature)
        for key, name in wanted.items():
            if name in names:
                shapes[key] = shapes.get(key, ()) + shape
    problems += _missing_areas(site_data, site, shapes)
    return shapes, str(data.get("attribution") or ""), problems


def _boundary_names(site_data: dict, site: SiteConfig) -> dict[str, str]:
    """Area key -> the name or code its feature carries: areas[].boundary, else the area's key."""
    raw = {a.get("key"): a.get("boundary") for a in (site_data.get("areas") or []) if isinstance(a, dict)}
    return {area.key: str(raw.get(area.key) or area.key) for area in site.areas}


def _feature_names(feature: dict) -> set[str]:
    properties = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
    return {str(v) for v in [feature.get("id"), *properties.values()] if isinstance(v, (str, int))}


def _feature_lines(text: str) -> list[int]:
    """The line where each feature starts (exported GeoJSON has one "type": "Feature" for each)."""
    return [text.count("\n", 0, match.start()) + 1 for match in re.finditer(r'"type"\s*:\s*"Feature"', text)]


def _feature_shape(feature, index: int, line: int) -> tuple[Shape, Problem | None]:
    label = _feature_label(feature, index)
    geometry = feature.get("geometry") if isinstance(feature, dict) else None
    if not isinstance(geometry, dict) or geometry.get("type") not in POLYGON_TYPES:
        found = f"a {geometry.get('type')} geometry" if isinstance(geometry, dict) else "no geometry"
        return (), Problem(BOUNDARIES, line, f"features[{index}].geometry", f"{label} has {found}, not a Polygon or MultiPolygon.",
                           "Each area's boundary must be a polygon.")
    polygons = geometry.get("coordinates")
    polygons = [polygons] if geometry["type"] == "Polygon" else polygons
    rings = []
    for polygon in polygons if isinstance(polygons, list) else [None]:
        ring = polygon[0] if isinstance(polygon, list) and polygon else None
        if not _is_ring(ring):
            return (), Problem(BOUNDARIES, line, f"features[{index}].geometry.coordinates",
                               f"{label} has a polygon that is not a closed ring of [longitude, latitude] points.",
                               "A ring needs at least 4 points, the last the same as the first, each within -180..180 and -90..90.")
        rings.append(tuple((float(lon), float(lat)) for lon, lat, *_ in ring))
    return tuple(rings), None


def _is_ring(ring) -> bool:
    if not isinstance(ring, list) or len(ring) < 4:
        return False
    valid = all(isinstance(p, list) and len(p) >= 2 and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in p[:2])
                and -180 <= p[0] <= 180 and -90 <= p[1] <= 90 for p in ring)
    return valid and ring[0][:2] == ring[-1][:2]


def _feature_label(feature, index: int) -> str:
    names = sorted(_feature_names(feature)) if isinstance(feature, dict) else []
    return f"feature {index + 1}" + (f" ({', '.join(names[:2])})" if names else "")


def _missing_areas(site_data: dict, site: SiteConfig, shapes: dict[str, Shape]) -> list[Problem]:
    problems = []
    for index, area in enumerate(site.areas):
        if area.key not in shapes:
            problems.append(Problem("site.yaml", line_of(site_data, ["areas", index]) if site_data else 0, f"areas[{index}]",
                                    f"there is no boundary for '{area.key}' in {BOUNDARIES}, so {area.label} has no map.",
                                    "Add a feature whose properties include this key, or set areas[].boundary to the feature's code or name.",
                                    WARNING))
    return problems


# ---------------------------------------------------------------- postcode lookup

def _lookup(root: Path) -> tuple[dict | None, list[Problem]]:
    data, problems = _read_json(root, LOOKUP)
    if problems:
        return None, problems
    hint = "Make the file again with 'catalogue import postcodes FILE'."
    if not isinstance(data, dict) or not isinstance(data.get("postcodes"), dict) or not isinstance(data.get("outward"), dict):
        return None, [Problem(LOOKUP, 1, "", "the postcode lookup must have \"postcodes\" and \"outward\".", hint)]
    lines = (root / LOOKUP).read_text(encoding="utf-8").splitlines()
    for name, pattern in (("postcodes", POSTCODE), ("outward", re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$"))):
        for key, point in data[name].items():
            if not pattern.match(key) or not _is_point(point):
                line = next((n for n, text in enumerate(lines, 1) if f'"{key}"' in text), 1)
                return None, [Problem(LOOKUP, line, f"{name}.{key}", "should be a postcode with [latitude, longitude].", hint)]
    return data, []


def _is_point(point) -> bool:
    return (isinstance(point, list) and len(point) == 2 and all(isinstance(v, (int, float)) for v in point)
            and -90 <= point[0] <= 90 and -180 <= point[1] <= 180)


def write_postcode_lookup(folder: Path, geography: Geography | None) -> None:
    """postcodes/index.json and one small file for each outward code of the council's area."""
    if geography is None or geography.lookup is None:
        return
    for name, data in site_files(geography.lookup).items():
        write_text(folder, f"postcodes/{name}", json.dumps(data, separators=(",", ":"), ensure_ascii=False))
