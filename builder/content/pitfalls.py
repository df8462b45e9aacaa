"""Mistakes a council makes in its first week, that the schemas cannot see.

Per file (in the workers, from build.load_file): text left over from `catalogue new`'s
templates, and coordinates outside the UK. Across files (from build.check_site): the same
listing twice. In site.yaml (from config.py): taxonomy entries without a pictogram of their
own, a language the interface is not translated into, an accessibility statement copied from
another council, and no privacy page.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from builder.config import paths
from builder.content import scaffold
from builder.content.files import PAGE, PROVIDER, SERVICE, SourceFile
from builder.core import theme
from builder.core.errors import Problem
from builder.core.yamlfile import Located, line_of

# The fields of `catalogue new`'s templates whose text only makes sense as an example.
PLACEHOLDER_FIELDS = {
    PROVIDER: [["description"], ["contact", "phone"], ["contact", "website"]],
    SERVICE: [["summary"], ["locations", 0, "name"], ["locations", 0, "address"],
              ["contact", "phone"], ["contact", "email"], ["contact", "website"]],
}
# The UK, generously (Shetland to the Scillies, Northern Ireland to Lowestoft).
UK_LATITUDE, UK_LONGITUDE = (49.8, 61.0), (-8.7, 2.0)


def _template_data(kind: str) -> tuple[dict, str]:
    if kind == PROVIDER:
        return yaml.safe_load(scaffold.PROVIDER_TEMPLATE.format(title="x")), ""
    _, front, body = scaffold.SERVICE_TEMPLATE.format(title="x", today="2000-01-01", regulator_line="").split("---\n", 2)
    return yaml.safe_load(front), body.strip().split("\n")[0]


def _placeholders(kind: str) -> dict[str, str]:
    """{'summary': 'One or two plain sentences about the service.', ...}, read from the templates."""
    data, _ = _template_data(kind)
    found = {}
    for at in PLACEHOLDER_FIELDS[kind]:
        value = data
        for step in at:
            value = value[step]
        found[_field(at)] = value
    return found


def _field(at: list) -> str:
    return ".".join(str(step) for step in at if not isinstance(step, int))


PLACEHOLDERS = {kind: _placeholders(kind) for kind in PLACEHOLDER_FIELDS}
BODY_PLACEHOLDER = _template_data(SERVICE)[1]


def check_file(source: SourceFile) -> list[Problem]:
    problems = _check_placeholders(source) if source.kind in PLACEHOLDERS else []
    if source.kind == SERVICE:
        problems += _check_coordinates(source)
    return problems


def _check_placeholders(source: SourceFile) -> list[Problem]:
    problems = []
    for field, example in PLACEHOLDERS[source.kind].items():
        for at, value in _values(source.data, field.split(".")):
            if value == example:
                problems.append(Problem(source.path, line_of(source.data, at), field,
                                        f"still has the example text from the template (found '{value}').",
                                        "Write this service's or organisation's own details, or delete the line if it is optional."))
    if source.kind == SERVICE and BODY_PLACEHOLDER and BODY_PLACEHOLDER in source.body:
        offset = source.body.split("\n").index(next(l for l in source.body.split("\n") if BODY_PLACEHOLDER in l))
        problems.append(Problem(source.path, source.body_line + offset, "", "the text below the front matter is still the template's example "
                                f"(found '{BODY_PLACEHOLDER[:40]}...').", "Describe the service in your own words."))
    return problems


def _values(data, steps: list[str], at: list | None = None):
    """Every (path, value) at `steps`, going through each item of a list on the way (locations)."""
    at = at or []
    if not steps:
        yield at, data
        return
    if isinstance(data, list):
        for index, item in enumerate(data):
            yield from _values(item, steps, at + [index])
    elif isinstance(data, dict) and steps[0] in data:
        yield from _values(data[steps[0]], steps[1:], at + [steps[0]])


def _check_coordinates(source: SourceFile) -> list[Problem]:
    problems = []
    locations = source.data.get("locations")
    for index, location in enumerate(locations if isinstance(locations, list) else []):
        point = location.get("coordinates") if isinstance(location, dict) else None
        if not (isinstance(point, list) and len(point) == 2 and all(_is_number(c) for c in point)):
            continue  # the schema reports the shape
        lat, lon = point
        if not (-90 <= lat <= 90 and -180 <= lon <= 180) or _in_uk(lat, lon):
            continue  # validate.py reports coordinates off the map
        line = line_of(source.data, ["locations", index, "coordinates"])
        if _in_uk(lon, lat):
            problems.append(Problem(source.path, line, "locations.coordinates",
                                    f"are outside the UK (found [{lat}, {lon}]): latitude and longitude look swapped.",
                                    f"Write [latitude, longitude]: [{lon}, {lat}]."))
        else:
            problems.append(Problem(source.path, line, "locations.coordinates", f"are outside the UK (found [{lat}, {lon}]).",
                                    "Write [latitude, longitude], like [52.48, -1.89]; copy them from the map again.", "warning"))
    return problems


def _in_uk(lat: float, lon: float) -> bool:
    return UK_LATITUDE[0] <= lat <= UK_LATITUDE[1] and UK_LONGITUDE[0] <= lon <= UK_LONGITUDE[1]


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# ---------------------------------------------------------------- across listings

def check_duplicates(sources: list[SourceFile]) -> list[Problem]:
    """The same listing twice (copied file, or added twice): the A to Z would show two identical lines."""
    problems = []
    seen: dict[tuple, str] = {}
    for source in sorted((s for s in sources if s.kind == SERVICE), key=lambda s: s.path):
        name = source.data.get("name")
        if not isinstance(name, str):
            continue
        keys = [("provider", name.casefold(), source.path.rsplit("/", 2)[-2])]
        postcode, phone = _first_postcode(source.data), _value(source.data, ["contact", "phone"])
        if postcode and isinstance(phone, str):
            keys.append(("place", name.casefold(), postcode.replace(" ", "").upper(), re.sub(r"\D", "", phone)))
        first = next((seen[key] for key in keys if key in seen), None)
        if first:
            problems.append(Problem(source.path, line_of(source.data, ["name"]), "name",
                                    f"the listing '{name}' looks like a copy of {first} (same name and provider, or same name, postcode and phone).",
                                    "Delete one of the two files, or give each its own name.", "warning"))
        for key in keys:
            seen.setdefault(key, source.path)
    return problems


def _first_postcode(data: dict) -> str:
    locations = data.get("locations")
    if isinstance(locations, list) and locations and isinstance(locations[0], dict):
        postcode = locations[0].get("postcode")
        return postcode if isinstance(postcode, str) else ""
    return ""


def _value(data, at: list):
    for step in at:
        data = data.get(step) if isinstance(data, dict) else None
    return data


# ---------------------------------------------------------------- site.yaml

def check_site_file(root: Path, source: SourceFile) -> list[Problem]:
    return _check_pictograms(root, source.data) + _check_language(root, source.data) + _check_languages(root, source.data) + _check_statement_owner(source.data)


def check_pages(root: Path, tree_files: list[tuple[str, str]]) -> list[Problem]:
    """A site needs a privacy page (search and "My list" store nothing, but people must be told so)."""
    if any(kind == PAGE and "privacy" in paths.stem(path) for path, kind in tree_files):
        return []
    return [Problem("content/pages", 0, "", "there is no privacy page.",
                    "Add content/pages/privacy.md (and privacy.easy.md) saying what the site stores and who to ask; "
                    "the sample's privacy page is a starting point.", "warning")]


def _check_pictograms(root: Path, data: dict) -> list[Problem]:
    """A taxonomy entry with no picture of its own gets the general 'information' one on Easy Read pages."""
    try:
        mapped = yaml.safe_load(theme.read_text(root, "pictograms.yaml")) or {}
    except (FileNotFoundError, yaml.YAMLError):
        return []
    problems = []
    taxonomies = data.get("taxonomies") if isinstance(data.get("taxonomies"), dict) else {}
    for name, entries in taxonomies.items():
        for key, entry in entries.items() if isinstance(entries, dict) else ():
            if isinstance(entry, dict) and not entry.get("symbol") and key not in (mapped.get(name) or {}) \
                    and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(key)):
                problems.append(Problem("site.yaml", line_of(data, ["taxonomies", name, key]), f"taxonomies.{name}.{key}",
                                        "has no pictogram of its own, so Easy Read pages show the general 'information' picture for it.",
                                        "Add 'symbol: FILE.svg' (a file in templates/assets/pictograms/), or add it to templates/pictograms.yaml.",
                                        "warning"))
    return problems


def interface_languages(root: Path) -> dict[str, str]:
    """The languages the theme's interface is translated into: {code: name}, from its languages.yaml."""
    try:
        return {str(code): str(name) for code, name in (yaml.safe_load(theme.read_text(root, "languages.yaml")) or {}).items()}
    except FileNotFoundError:
        return {"en": "English"}


def _check_language(root: Path, data: dict) -> list[Problem]:
    language = data.get("language")
    if not isinstance(language, str):
        return []
    languages = interface_languages(root)
    if language.split("-")[0].lower() in languages:
        return []
    choices = ", ".join(f"{code} ({name})" for code, name in languages.items())
    return [Problem("site.yaml", line_of(data, ["language"]), "language",
                    f"the pages' words (menus, buttons, headings) are not translated into '{language}', "
                    "so the site would be labelled with a language it is not written in.",
                    f"Choose a language the interface is translated into: {choices}, like en-GB.")]


def _check_languages(root: Path, data: dict) -> list[Problem]:
    """`languages: [cy, en]`: each a language the interface is translated into, none twice."""
    wanted = data.get("languages")
    if not isinstance(wanted, list):
        return []
    known = interface_languages(root)
    choices = ", ".join(f"{code} ({name})" for code, name in known.items())
    problems = []
    for index, code in enumerate(wanted):
        where = line_of(data, ["languages", index]) or line_of(data, ["languages"])
        if isinstance(code, str) and code not in known:
            problems.append(Problem("site.yaml", where, "languages",
                                    f"the pages' words (menus, buttons, headings) are not translated into '{code}', "
                                    "so the site cannot have pages in it.",
                                    f"Choose languages the interface is translated into, by their code: {choices}."))
        elif code in wanted[:index]:
            problems.append(Problem("site.yaml", where, "languages", f"'{code}' is listed twice.", "List each language once."))
    return problems


def _check_statement_owner(data: dict) -> list[Problem]:
    """The accessibility statement's dates and claims describe tests of one council's site."""
    statement = data.get("accessibility")
    if not isinstance(statement, Located) or not isinstance(statement.get("prepared_for"), str):
        return []
    owner, organisation = statement["prepared_for"], data.get("organisation")
    if owner == organisation:
        return []
    return [Problem("site.yaml", line_of(data, ["accessibility", "prepared_for"]), "accessibility.prepared_for",
                    f"the accessibility statement was written for {owner}, not {organisation}: its dates, tests and known issues "
                    "are copied from another site.",
                    "Test your own site, update prepared_on, reviewed_on, tested_on, tested_by and known_issues, "
                    "then set prepared_for to your organisation.", "warning")]
