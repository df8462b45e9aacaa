"""Postcode centroids from open data -> the site's compact postcode lookup.

`catalogue import postcodes FILE` reads the ONS Postcode Directory (ONSPD, a CSV with a
header row and latitude/longitude) or OS Code-Point Open (a CSV without a header, with
British National Grid eastings/northings), keeps the full postcodes of the council's area
and the centre of every outward code ("RV1"), and writes content/postcodes/lookup.json.
The build splits that file by outward code, so a visitor's browser loads only a few
kilobytes, and only when they type a postcode.
"""

from __future__ import annotations

import csv
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from builder.core.errors import Problem

LOOKUP = "content/postcodes/lookup.json"
LICENCE = "content/postcodes/LICENCE.txt"
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
DISTRICT = re.compile(r"^[A-Z][0-9]{8}$")  # a GSS code like E07000234
CODEPOINT_COLUMNS = 10
ONSPD_POSTCODE = ("pcds", "pcd", "pcd7", "pcd8", "pcd2")
ONSPD_DISTRICT = re.compile(r"^(oslaua|lad\d\dcd)$")
ATTRIBUTION = {
    "onspd": "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. "
             "Contains OS data © Crown copyright and database right {year}. "
             "Contains Royal Mail data © Royal Mail copyright and database right {year}. "
             "Contains GeoPlace data © Local Government Information House Limited copyright and database right {year}.",
    "codepoint": "Contains OS data © Crown copyright and database right {year}. "
                 "Contains Royal Mail data © Royal Mail copyright and database right {year}. "
                 "Source: Office for National Statistics licensed under the Open Government Licence v.3.0.",
}
LAYOUT_NAMES = {"onspd": "ONS Postcode Directory (ONSPD)", "codepoint": "OS Code-Point Open"}


class LayoutError(Exception):
    """The file is not one of the layouts we know; carries the Problem to show."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class Centroid:
    postcode: str  # "RV1 2AB"
    lat: float
    lon: float
    district: str  # local authority (GSS) code, or ""


@dataclass
class Lookup:
    layout: str
    postcodes: dict[str, tuple[float, float]] = field(default_factory=dict)
    outward: dict[str, tuple[float, float]] = field(default_factory=dict)

    def as_json(self, year: int) -> dict:
        return {
            "source": LAYOUT_NAMES[self.layout],
            "licence": "Open Government Licence v3.0",
            "attribution": ATTRIBUTION[self.layout].format(year=year),
            "outward": {code: list(self.outward[code]) for code in sorted(self.outward)},
            "postcodes": {code: list(self.postcodes[code]) for code in sorted(self.postcodes, key=postcode_order)},
        }


def normalise(text: str) -> str | None:
    """'rv12ab' -> 'RV1 2AB'; None when it is not a full postcode."""
    compact = re.sub(r"\s+", "", text.upper())
    match = POSTCODE.match(compact[:-3] + " " + compact[-3:]) if len(compact) >= 5 else None
    return f"{match[1]} {match[2]}" if match else None


def outward_of(postcode: str) -> str:
    return postcode.split(" ")[0]


def postcode_order(postcode: str) -> tuple:
    outward, inward = postcode.split(" ")
    letters = re.match(r"[A-Z]+", outward)[0]
    return letters, int(re.match(r"\d+", outward[len(letters):])[0]), outward, inward


# ---------------------------------------------------------------- reading the two layouts

def read_centroids(rows: list[list[str]], name: str) -> tuple[str, Iterator[Centroid]]:
    """Detect the layout from the first row; returns (layout, centroids). Raises LayoutError."""
    if not rows:
        raise LayoutError(Problem(name, 1, "", "the file is empty.", "Give the postcode CSV from the ONSPD or Code-Point Open download."))
    first = [cell.strip().lower() for cell in rows[0]]
    if any(column in first for column in ONSPD_POSTCODE) and "lat" in first and "long" in first:
        return "onspd", _onspd(rows, first, name)
    if first and first[0] == "postcode" and "eastings" in first:
        return "codepoint", _codepoint(rows[1:], name, 2)
    if len(first) == CODEPOINT_COLUMNS and normalise(rows[0][0]) and _is_number(rows[0][2]) and _is_number(rows[0][3]):
        return "codepoint", _codepoint(rows, name, 1)
    raise LayoutError(Problem(
        name, 1, "", "this is not a postcode file in a layout we know (the first line has "
        f"{len(first)} column{'s' if len(first) != 1 else ''}: {', '.join(rows[0][:6])}{', ...' if len(first) > 6 else ''}).",
        "Use the ONS Postcode Directory CSV (a header row with pcds, lat and long) or an OS Code-Point Open "
        "CSV (10 columns, no header: postcode, quality, eastings, northings, ...)."))


def _onspd(rows: list[list[str]], header: list[str], name: str) -> Iterator[Centroid]:
    postcode_at = next(header.index(c) for c in ONSPD_POSTCODE if c in header)
    lat_at, lon_at = header.index("lat"), header.index("long")
    ended_at = header.index("doterm") if "doterm" in header else None
    district_at = next((i for i, c in enumerate(header) if ONSPD_DISTRICT.match(c)), None)
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise LayoutError(Problem(name, number, "", f"this line has {len(row)} columns; the header has {len(header)}.",
                                      "The file may be cut short or edited: download it again."))
        if ended_at is not None and row[ended_at].strip():
            continue  # a terminated postcode
        postcode = normalise(row[postcode_at])
        lat, lon = _float(row[lat_at]), _float(row[lon_at])
        if postcode is None or lat is None or lon is None or lat > 90:  # ONSPD writes 99.999999 for "no location"
            continue
        yield Centroid(postcode, lat, lon, row[district_at].strip() if district_at is not None else "")


def _codepoint(rows: list[list[str]], name: str, first_line: int) -> Iterator[Centroid]:
    for number, row in enumerate(rows, start=first_line):
        if len(row) != CODEPOINT_COLUMNS:
            raise LayoutError(Problem(name, number, "", f"this line has {len(row)} columns; Code-Point Open has {CODEPOINT_COLUMNS}.",
                                      "The file may be cut short or edited: download it again."))
        postcode, easting, northing = normalise(row[0]), _float(row[2]), _float(row[3])
        if postcode is None or row[1].strip() == "90" or not easting or not northing:  # quality 90: no location
            continue
        lat, lon = osgb_to_wgs84(easting, northing)
        yield Centroid(postcode, lat, lon, row[8].strip())


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _is_number(text: str) -> bool:
    return _float(text) is not None


# ---------------------------------------------------------------- building the lookup

def build_lookup(layout: str, centroids: Iterable[Centroid], within: Iterable[str]) -> Lookup:
    """Full postcodes inside `within` (GSS district codes, postcode areas "RV" or outward codes "RV1"),
    and the centre of every outward code in the file."""
    districts = {w for w in within if DISTRICT.match(w)}
    prefixes = tuple(w for w in within if not DISTRICT.match(w))
    lookup = Lookup(layout)
    sums: dict[str, list[float]] = {}
    for c in centroids:
        outward = outward_of(c.postcode)
        total = sums.setdefault(outward, [0.0, 0.0, 0])
        total[0] += c.lat; total[1] += c.lon; total[2] += 1
        if c.district in districts or any(_in_prefix(outward, p) for p in prefixes):
            lookup.postcodes[c.postcode] = (round(c.lat, 5), round(c.lon, 5))
    lookup.outward = {code: (round(lat / n, 4), round(lon / n, 4)) for code, (lat, lon, n) in sums.items()}
    return lookup


def _in_prefix(outward: str, prefix: str) -> bool:
    """'RV' holds RV1 and RV12 but not RVX1; 'RV1' holds only RV1."""
    letters = re.match(r"[A-Z]+", outward)[0]
    return outward == prefix or letters == prefix


def import_file(path: Path, within: list[str], name: str | None = None) -> Lookup:
    """Read a postcode file from disk. Raises LayoutError for an unknown layout."""
    name = name or str(path)
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as handle:
        rows = list(csv.reader(handle))
    layout, centroids = read_centroids(rows, name)
    lookup = build_lookup(layout, centroids, within)
    if not lookup.postcodes:
        raise LayoutError(Problem(name, 0, "", f"no postcode in the file is within {', '.join(within)}.",
                                  "Give your council's district code (like E07000234) or postcode area (like RV) with --within."))
    return lookup


def write_lookup(root: Path, lookup: Lookup, year: int) -> Path:
    """Write content/postcodes/lookup.json and its licence (the only thing this command writes)."""
    data = lookup.as_json(year)
    target = root / LOOKUP
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False).replace('],"', '],\n"') + "\n", encoding="utf-8")
    (root / LICENCE).write_text(
        f"The postcode lookup in this folder (lookup.json) is made from the {data['source']}.\n\n"
        f"{data['attribution']}\n\n"
        "Open Government Licence v3.0: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/\n",
        encoding="utf-8")
    return target


# ---------------------------------------------------------------- for the site: split by outward code

def site_files(data: dict) -> dict[str, dict]:
    """The files the browser loads: postcodes/index.json (every outward code's centre, and which
    outward codes have full postcodes) and postcodes/<OUTWARD>.json (inward code -> [lat, lon])."""
    full: dict[str, dict] = {}
    for postcode, point in data.get("postcodes", {}).items():
        outward, inward = postcode.split(" ")
        full.setdefault(outward, {})[inward] = point
    index = {"attribution": data.get("attribution", ""), "outward": data.get("outward", {}), "full": sorted(full)}
    return {"index.json": index, **{f"{outward}.json": inwards for outward, inwards in full.items()}}


# ---------------------------------------------------------------- OS grid -> latitude and longitude

AIRY = (6377563.396, 6356256.909)
GRS80 = (6378137.000, 6356752.3141)
HELMERT = (446.448, -125.157, 542.060, -20.4894, 0.1502, 0.2470, 0.8421)  # OSGB36 -> WGS84: m, ppm, arc-seconds


def osgb_to_wgs84(easting: float, northing: float) -> tuple[float, float]:
    """British National Grid -> WGS84 latitude and longitude (about 5 m: the OS's published Helmert transform)."""
    lat, lon = _grid_to_airy(easting, northing)
    return _helmert(lat, lon)


def _grid_to_airy(east: float, north: float) -> tuple[float, float]:
    a, b = AIRY
    f0, lat0, lon0, n0, e0 = 0.9996012717, math.radians(49), math.radians(-2), -100000, 400000
    e2 = 1 - (b * b) / (a * a)
    n = (a - b) / (a + b)
    lat, m = lat0, 0.0
    while True:
        lat = (north - n0 - m) / (a * f0) + lat
        dlat, slat = lat - lat0, lat + lat0
        m = b * f0 * ((1 + n + 5 / 4 * n**2 + 5 / 4 * n**3) * dlat
                      - (3 * n + 3 * n**2 + 21 / 8 * n**3) * math.sin(dlat) * math.cos(slat)
                      + (15 / 8 * n**2 + 15 / 8 * n**3) * math.sin(2 * dlat) * math.cos(2 * slat)
                      - 35 / 24 * n**3 * math.sin(3 * dlat) * math.cos(3 * slat))
        if abs(north - n0 - m) < 0.00001:
            break
    sin, cos, tan = math.sin(lat), math.cos(lat), math.tan(lat)
    nu = a * f0 / math.sqrt(1 - e2 * sin**2)
    rho = a * f0 * (1 - e2) / (1 - e2 * sin**2) ** 1.5
    eta2 = nu / rho - 1
    sec = 1 / cos
    vii = tan / (2 * rho * nu)
    viii = tan / (24 * rho * nu**3) * (5 + 3 * tan**2 + eta2 - 9 * tan**2 * eta2)
    ix = tan / (720 * rho * nu**5) * (61 + 90 * tan**2 + 45 * tan**4)
    x = sec / nu
    xi = sec / (6 * nu**3) * (nu / rho + 2 * tan**2)
    xii = sec / (120 * nu**5) * (5 + 28 * tan**2 + 24 * tan**4)
    xiia = sec / (5040 * nu**7) * (61 + 662 * tan**2 + 1320 * tan**4 + 720 * tan**6)
    de = east - e0
    return lat - vii * de**2 + viii * de**4 - ix * de**6, lon0 + x * de - xi * de**3 + xii * de**5 - xiia * de**7


def _helmert(lat: float, lon: float) -> tuple[float, float]:
    a, b = AIRY
    e2 = 1 - b * b / (a * a)
    nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
    x, y, z = nu * math.cos(lat) * math.cos(lon), nu * math.cos(lat) * math.sin(lon), (1 - e2) * nu * math.sin(lat)
    tx, ty, tz, s, rx, ry, rz = HELMERT
    s, (rx, ry, rz) = s / 1e6, (math.radians(r / 3600) for r in (rx, ry, rz))
    x2 = tx + (1 + s) * x - rz * y + ry * z
    y2 = ty + rz * x + (1 + s) * y - rx * z
    z2 = tz - ry * x + rx * y + (1 + s) * z
    a, b = GRS80
    e2 = 1 - b * b / (a * a)
    p = math.hypot(x2, y2)
    lat = math.atan2(z2, p * (1 - e2))
    for _ in range(10):
        nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
        lat = math.atan2(z2 + e2 * nu * math.sin(lat), p)
    return math.degrees(lat), math.degrees(math.atan2(y2, x2))
