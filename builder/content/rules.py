"""Stage 2, second half: the rules that need more than one record, or site.yaml.

Input: the SiteConfig and the SourceFiles read by content.py. Output: a list of Problems,
all of them, each naming file, line and field in plain words with a hint. Field shapes (one
file against its JSON Schema) are checked by shapes.py.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Callable

from builder.config import paths, regulators
from builder.config.site import SiteConfig
from builder.content import timetables
from builder.content.files import PAGE, PAGE_EASY, PROVIDER, SERVICE, SERVICE_EASY, ContentTree, SourceFile
from builder.content.shapes import field_name
from builder.core.errors import Problem, did_you_mean
from builder.core.schemas import schema as load_schema
from builder.core.slugs import SLUG, slugify
from builder.core.yamlfile import Located, line_of, mappings
from builder.language import interface, wording

# The schema's shape for phone numbers: only numbers of that shape get the digit count check.
PHONE_SHAPE = re.compile(load_schema("provider")["properties"]["contact"]["properties"]["phone"]["pattern"])
TAXONOMY_NOUNS = {"types": "type of support", "who_for": "group", "activities": "activity", "areas": "area"}


# ---------------------------------------------------------------- site.yaml

def check_site(source: SourceFile, asset_exists: Callable[[str], bool]) -> list[Problem]:
    data, path = source.data, source.path
    problems = []
    for at in (["contact", "phone"], ["safeguarding", "phone"], ["safeguarding", "out_of_hours"]):
        problems += _check_phone(source, at)
    seen: set[str] = set()
    for index, area in enumerate(mappings(data.get("areas"))):
        key = area.get("key")
        if not isinstance(key, str):
            continue  # the schema reports it
        if key in seen:
            problems.append(Problem(path, line_of(data, ["areas", index, "key"]), "areas.key",
                                    f"the area '{key}' is listed twice.", "Each area needs its own key."))
        seen.add(key)
    colour = _value_at(data, ["theme", "brand_colour"])
    if isinstance(colour, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        ratio = contrast_with_white(colour)
        if ratio < 4.5:
            problems.append(Problem(path, line_of(data, ["theme", "brand_colour"]), "theme.brand_colour",
                                    f"white text on this colour is hard to read: contrast {ratio:.2f}:1, at least 4.5:1 is needed (found '{colour}').",
                                    "Choose a darker colour."))
    logo = _value_at(data, ["theme", "logo"])
    if isinstance(logo, str) and not asset_exists(logo):
        problems.append(Problem(path, line_of(data, ["theme", "logo"]), "theme.logo",
                                f"the file does not exist (found '{logo}').", "Put the file in templates/assets/ or remove the line."))
    return problems


def contrast_with_white(colour: str) -> float:
    """WCAG 2 contrast ratio between `colour` (#rrggbb) and white."""
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(colour[i:i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)


# ---------------------------------------------------------------- records against each other

def check_records(site: SiteConfig | None, tree: ContentTree, sources: list[SourceFile], today: dt.date,
                  remembered: dict | None = None) -> list[Problem]:
    """`remembered` (`catalogue serve`, which checks again in the same process after each save): a dict
    kept between builds, through which a service file unchanged since (the very same object, held in
    memory by serve's cache) keeps the problems found in it alone, rather than being checked again."""
    problems: list[Problem] = []
    problems += _check_names(tree)
    services = {paths.service_id(s.path): s for s in sources if s.kind == SERVICE}
    present = {path for path, _ in tree.files}
    alone = _checked_before(remembered, (site, today, interface.active().own))
    for source in sources:
        if source.kind == SERVICE:
            problems += alone(source, lambda: _check_service(source, site, today)) + _check_spoke(source, services)
        elif source.kind == PROVIDER:
            problems += _check_phone(source, ["contact", "phone"]) + _check_other_phones(source)
        elif source.kind in (SERVICE_EASY, PAGE_EASY):
            problems += _check_twin(source, present)
            problems += _check_checked_on(source, today)
        elif source.kind == PAGE:
            problems += _check_page(source, present)
    for folder in tree.provider_folders:
        if f"{folder}/provider.yaml" not in present:
            problems.append(Problem(folder, 0, "", "this provider folder has no provider.yaml.",
                                    f"Add {folder}/provider.yaml with the organisation's name and description."))
    return problems


def _checked_before(remembered: dict | None, setting: tuple) -> Callable[[SourceFile, Callable[[], list[Problem]]], list[Problem]]:
    """`alone(source, check)`: check(), or what it found last time in the same file object, where
    site.yaml, the date and the interface's words are those of last time too."""
    if remembered is None:
        return lambda source, check: check()
    earlier = remembered.get("problems", {}) if remembered.get("setting") == setting else {}
    now: dict[str, tuple[SourceFile, list[Problem]]] = {}
    remembered.update(setting=setting, problems=now)

    def alone(source: SourceFile, check: Callable[[], list[Problem]]) -> list[Problem]:
        found = earlier.get(source.path)
        problems = found[1] if found is not None and found[0] is source else check()
        now[source.path] = (source, problems)
        return problems
    return alone


def _check_names(tree: ContentTree) -> list[Problem]:
    problems = []
    for folder in tree.provider_folders:
        name = folder.rsplit("/", 1)[-1]
        if not SLUG.fullmatch(name):
            problems.append(Problem(folder, 0, "", f"the folder name is not a valid slug (found '{name}').",
                                    f"Use lower-case letters, digits and hyphens, like '{slugify(name)}'."))
    for path, kind in tree.files:
        if kind in (SERVICE, SERVICE_EASY, PAGE, PAGE_EASY):
            stem = paths.stem(path)
            if not SLUG.fullmatch(stem):
                problems.append(Problem(path, 0, "", f"the file name is not a valid slug (found '{stem}').",
                                        f"Rename it to '{slugify(stem)}{'.easy' if kind.endswith('easy') else ''}.md'."))
        if kind == PAGE and paths.stem(path) in paths.RESERVED:  # its .easy.md twin moves with it
            name = paths.stem(path)
            problems.append(Problem(path, 0, "", f"'{name}' is a name the site uses for its own pages (found '{name}.md').",
                                    f"Rename it and its Easy Read twin, for example to 'about-{name}.md' and 'about-{name}.easy.md'."))
    for path in tree.ignored:
        problems.append(Problem(path, 0, "", "this file is not read by the builder.",
                                "Services are .md files, providers need provider.yaml; move or delete it.", "warning"))
    return problems


def _check_twin(source: SourceFile, present: set[str]) -> list[Problem]:
    twin = source.path.removesuffix(".easy.md") + ".md"
    if twin in present:
        return []
    return [Problem(source.path, 0, "", f"this Easy Read file has no standard version ({twin} does not exist).",
                    "Rename it to match its standard page, or add the standard page.")]


def _check_page(source: SourceFile, present: set[str]) -> list[Problem]:
    twin = source.path.removesuffix(".md") + ".easy.md"
    if twin in present:
        return []
    return [Problem(source.path, 0, "", "this page has no Easy Read version yet.",
                    f"Write {twin} so people with learning disabilities can read it.", "warning")]


def _check_checked_on(source: SourceFile, today: dt.date) -> list[Problem]:
    return _check_date(source, "checked_on", today) if "checked_on" in source.data else []


def _check_date(source: SourceFile, key: str, today: dt.date) -> list[Problem]:
    value = source.data.get(key)
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return []  # the schema already reported the shape
    line = line_of(source.data, [key])
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        return [Problem(source.path, line, key, f"is not a real date (found '{value}').",
                        "Check the day and the month; dates are written YYYY-MM-DD.")]
    if date > today:
        return [Problem(source.path, line, key, f"is in the future (found '{value}').",
                        f"Is it a typo? Today is {today.isoformat()}.")]
    return []


def parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def check_service(source: SourceFile, site: SiteConfig | None, services: dict, today: dt.date) -> list[Problem]:
    """One service file as check_records checks it, against site.yaml and the `services` its spoke_of may name."""
    return _check_service(source, site, today) + _check_spoke(source, services)


def _check_service(source: SourceFile, site: SiteConfig | None, today: dt.date) -> list[Problem]:
    """A service file on its own, with site.yaml (its hub, another file, is checked by _check_spoke)."""
    data, path = source.data, source.path
    problems = []
    if site is not None:
        for taxonomy in ("types", "who_for", "activities", "areas"):
            problems += _check_terms(source, taxonomy, site.taxonomy(taxonomy))
    problems += _check_date(source, "last_reviewed", today)
    if site is not None:
        problems += _check_review_due(source, site.review_months, today)
    problems += timetables.check_times(source)
    problems += timetables.check_costs(source)
    problems += _check_phone(source, ["contact", "phone"])
    problems += _check_other_phones(source)
    problems += _check_regulator_id(source, site)
    for index, location in enumerate(mappings(data.get("locations"))):
        problems += _check_coordinates(source, location, index)
    ages = data.get("ages")
    if isinstance(ages, Located) and _is_int(ages.get("min")) and _is_int(ages.get("max")) and ages["min"] > ages["max"]:
        problems.append(Problem(path, line_of(data, ["ages", "min"]), "ages.min",
                                f"is above ages.max (found {ages['min']} and {ages['max']}).", "Swap them round."))
    if data.get("hub") is True and data.get("spoke_of"):
        problems.append(Problem(path, line_of(data, ["spoke_of"]), "spoke_of",
                                "a hub cannot also be a spoke of another hub.", "Remove 'hub: true' or 'spoke_of'."))
    return problems


ALIAS = "cqc_location_id"  # the older name of regulator_id, still read


def _check_regulator_id(source: SourceFile, site: SiteConfig | None) -> list[Problem]:
    data = source.data
    if "regulator_id" in data and ALIAS in data:
        return [Problem(source.path, line_of(data, [ALIAS]), ALIAS, "is given as well as regulator_id.",
                        f"{ALIAS} is the older name of regulator_id: keep regulator_id and delete the {ALIAS} line.")]
    key = "regulator_id" if "regulator_id" in data else ALIAS
    value = data.get(key)
    if data.get("regulated") is False and value:
        return [Problem(source.path, line_of(data, ["regulated"]), "regulated",
                        f"says the service is not registered, but it has {key} '{value}'.",
                        f"Delete 'regulated: false' if it is registered, or delete the {key} line if it is not.")]
    if site is not None and not value:
        return _check_registration_said(source, site)
    if site is None or not isinstance(value, str) or not value:
        return []  # the schema reports a value that is not text
    regulator = site.regulator
    if regulator.matches(value):
        return []
    other = regulators.shaped_like(value, {k: r for k, r in regulators.default_regulators().items() if k != regulator.key})
    if other:
        hint = (f"It looks like {other.an_id}, but this site's regulator is {regulator.key} ({regulator.name}) in site.yaml. "
                f"Give the service's id in the {regulator.short_name} register, or leave it out.")
    else:
        hint = f"Copy it from the service's page in the {regulator.short_name} register; leave it out if the service is not registered."
    return [Problem(source.path, line_of(data, [key]), key,
                    f"should be {regulator.an_id} like \"{regulator.id_example}\" (found '{value}').", hint)]


def _check_registration_said(source: SourceFile, site: SiteConfig) -> list[Problem]:
    """A type that may give personal care, with no id: its pages say nothing about the regulator, so ask for one."""
    data, regulator = source.data, site.regulator
    types = data.get("types") if isinstance(data.get("types"), list) else []
    care = [t.label for t in site.taxonomy("types") if t.personal_care and t.key in types]
    if not care or data.get("regulated") is False or data.get("status", "active") != "active":
        return []
    line = line_of(data, ["regulated"]) if "regulated" in data else line_of(data, ["types"])
    return [Problem(source.path, line, "regulator_id",
                    f"is missing: services of the type '{care[0]}' may give personal care, and without an id "
                    f"the pages cannot say whether {regulator.short_name} checks this one.",
                    f"Add regulator_id: with its {regulator.id_name}, like \"{regulator.id_example}\", "
                    "or 'regulated: false' if it is not registered.", "warning")]


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_terms(source: SourceFile, taxonomy: str, terms) -> list[Problem]:
    values = source.data.get(taxonomy)
    if not isinstance(values, list):
        return []
    keys = [t.key for t in terms]
    noun = TAXONOMY_NOUNS[taxonomy]
    where = "areas" if taxonomy == "areas" else f"taxonomies.{taxonomy}"
    problems = []
    for index, value in enumerate(values):
        if isinstance(value, str) and value not in keys:
            label_of = _key_by_label(value, terms)
            guess = f"Did you mean '{label_of}'? Write the key, not the label." if label_of else did_you_mean(value, keys, list_them=False)
            problems.append(Problem(source.path, line_of(source.data, [taxonomy, index]), taxonomy,
                                    f"'{value}' is not {_article(noun)} {noun} in site.yaml.",
                                    f"{guess} Choose from {where}: {', '.join(keys)}.".strip()))
    return problems


def _key_by_label(value: str, terms) -> str:
    """'Older People' or 'Kingsford' (a label, as shown on the site) -> the key that has it."""
    wanted = value.strip().casefold()
    for term in terms:
        if wanted in (term.label.casefold(), term.easy.casefold()) or slugify(value) == term.key:
            return term.key
    return ""


def _article(noun: str) -> str:
    return "an" if noun[0] in "aeiou" else "a"


def _check_spoke(source: SourceFile, services: dict) -> list[Problem]:
    target = source.data.get("spoke_of")
    if not isinstance(target, str) or "/" not in target:
        return []
    line = line_of(source.data, ["spoke_of"])
    hub = services.get(target)
    if hub is None:
        return [Problem(source.path, line, "spoke_of", f"there is no service '{target}'.",
                        did_you_mean(target, sorted(services), list_them=False) or "Write it as provider-folder/service-file, without .md.")]
    if hub.data.get("hub") is not True:
        return [Problem(source.path, line, "spoke_of", f"'{target}' is not a hub.",
                        f"Add 'hub: true' to {hub.path}, or remove spoke_of.")]
    return []


def _check_review_due(source: SourceFile, months: int, today: dt.date) -> list[Problem]:
    reviewed = parse_date(source.data.get("last_reviewed"))
    if reviewed is None or reviewed > today or not is_due(reviewed, months, today):
        return []
    return [Problem(source.path, line_of(source.data, ["last_reviewed"]), "last_reviewed",
                    f"this listing is due for review: last checked {_english_date(reviewed)}, more than {months} months ago.",
                    "Check the details with the provider, then update last_reviewed.", "warning")]


def is_due(reviewed: dt.date, months: int, today: dt.date) -> bool:
    year, month = divmod(today.month - 1 - months, 12)
    day = min(today.day, 28)
    return reviewed < dt.date(today.year + year, month + 1, day)


def _check_phone(source: SourceFile, at: list) -> list[Problem]:
    """A phone number the schema accepted must also have a UK number's 10 or 11 digits."""
    phone = _value_at(source.data, at)
    if not isinstance(phone, str) or not PHONE_SHAPE.fullmatch(phone) or wording.phone_is_valid(phone):
        return []  # missing, already reported by the schema, or fine
    return [Problem(source.path, line_of(source.data, at), field_name(at),
                    f"is not a complete UK phone number (found '{phone}').",
                    "A UK number has 10 or 11 digits, like \"01632 960123\".")]


def _check_other_phones(source: SourceFile) -> list[Problem]:
    others = _value_at(source.data, ["contact", "other_phones"])
    return [problem for index in range(len(others) if isinstance(others, list) else 0)
            for problem in _check_phone(source, ["contact", "other_phones", index, "number"])]


def _value_at(data, at: list):
    for step in at:
        if isinstance(step, int):
            data = data[step] if isinstance(data, list) and step < len(data) else None
        else:
            data = data.get(step) if isinstance(data, dict) else None
    return data


def _check_coordinates(source: SourceFile, location: dict, index: int) -> list[Problem]:
    coordinates = location.get("coordinates")
    if not (isinstance(coordinates, list) and len(coordinates) == 2 and all(_is_number(c) for c in coordinates)):
        return []  # the schema reports the shape
    lat, lon = coordinates
    if -90 <= lat <= 90 and -180 <= lon <= 180:
        return []
    return [Problem(source.path, line_of(source.data, ["locations", index, "coordinates"]), "locations.coordinates",
                    f"are outside the map (found [{lat}, {lon}]).",
                    "Write [latitude, longitude]: latitude -90 to 90, longitude -180 to 180.")]


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check_links(links: dict[str, list[tuple[int, str]]], existing: set[str]) -> list[Problem]:
    """Markdown links to other content files must point at a file that exists."""
    problems = []
    for path, found in links.items():
        for line, target in found:
            if target in existing:
                continue
            closest = _closest_file(target, existing)
            hint = (f"Did you mean '{closest}'? Links are relative to this file." if closest
                    else "Check the file name; links are relative to this file, like ../other-provider/service.md.")
            problems.append(Problem(path, line, "", f"a link points to a content file that does not exist (found '{target}').", hint))
    return problems


def _closest_file(target: str, existing: set[str]) -> str:
    """The same file name in another folder, or a close name in the same folder."""
    folder, _, name = target.rpartition("/")
    same_name = sorted(p for p in existing if p.rpartition("/")[2] == name)
    if same_name:
        return same_name[0]
    siblings = {p.rpartition("/")[2]: p for p in existing if p.rpartition("/")[0] == folder}
    close = difflib.get_close_matches(name, sorted(siblings), n=1, cutoff=0.8)
    return siblings[close[0]] if close else ""


@interface.in_english
def _english_date(value: dt.date) -> str:
    """A date in a message for editors, which is in English whatever the pages' language."""
    return wording.date_text(value)
