"""`catalogue import spreadsheet`: rows of a .csv, .xlsx or .ods file become Listings.

The layout is layout.COLUMNS. Headings are matched case-insensitively, with synonyms; cells
with several values are split on ';'; taxonomy cells take site.yaml keys or labels. Every
problem names the row, the column and the value. Reading uses python-calamine (xlsx and ods,
fast) and the standard csv module.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import click

from builder.config.site import SiteConfig
from builder.editors.importing import columns
from builder.editors.importing.costs import parse_cost
from builder.editors.importing.terms import Vocabulary
from builder.editors.importing.times import parse_session, session_parts
from builder.editors.importing.writer import LEFT_OUT, Listing, first_sentence
from builder.language import wording
from builder.language.bilingual import LANGUAGE_NAMES
from builder.model.spreadsheet import ACCESS_SEPARATOR, COLUMNS, FORMULA_STARTS, LIST_SEPARATOR, TRANSLATABLE, translated

SUFFIXES = (".csv", ".xlsx", ".ods")
REQUIRED_TERMS = ("types", "who_for", "areas")  # a row whose cell for one gives no key is skipped
VOCABULARIES = {
    "transport": wording.TRANSPORT_LABELS, "funding": {**wording.FUNDING_LABELS, **wording.FUNDING_FILTERS},
    "referral": wording.REFERRAL_LABELS, "status": wording.STATUS_LABELS,
    "provider_kind": wording.PROVIDER_KINDS, "access": wording.ACCESS_LABELS,
}


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """(heading row, [(row number as the spreadsheet shows it, cells)])."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise click.UsageError(f"{path.name}: a spreadsheet must be .csv, .xlsx or .ods (found '{suffix or path.name}').")
    try:
        if suffix == ".csv":
            rows = _csv_rows(path)
        else:
            from python_calamine import CalamineWorkbook
            rows = [[_cell(value) for value in row] for row in CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()]
    except (OSError, ValueError, UnicodeError) as err:
        raise click.ClickException(f"{path}: the file cannot be read ({err}). Nothing was imported.") from err
    numbered = [(number, row) for number, row in enumerate(rows, start=1) if any(c.strip() for c in row)]
    if not numbered:
        raise click.ClickException(f"{path}: the spreadsheet is empty. Nothing was imported.")
    (_, headings), body = numbered[0], numbered[1:]
    return headings, body


def match_headings(headings: list[str], path: Path, codes: tuple[str, ...] = ("en",)) -> tuple[dict[int, str], list[str]]:
    """{column index: layout heading, or "name (en)" for a bilingual site's other language}, and the headings
    not read. `codes`: the site's languages, the first first."""
    matched = []
    for index, heading in enumerate(headings):
        base, code = columns.split_heading(heading, codes)
        layout = layout_heading(base)
        if layout:
            matched.append((index, layout, code))
    found, _ = columns.keys_by_language(matched, codes)
    unread = [h.strip() for i, h in enumerate(headings) if i not in found and h.strip()]
    if not any(key.split(" (")[0] == "name" for key in found.values()):
        raise click.ClickException(f"{path}: row 1 has no column for the service's name (the headings are: "
                                   f"{', '.join(h for h in headings if h.strip())}). Nothing was imported. "
                                   "Run 'catalogue import template' for the layout.")
    return found, unread


def layout_heading(heading: str) -> str:
    """The layout's heading a sheet's heading means ("Post code" -> "postcode"), or ""."""
    return _HEADINGS.get(_key(heading), "")


def in_another_language(heading: str) -> bool:
    """"name (fr)" on a site without French: a translation column of a language the site does not have."""
    found = columns.TAGGED.match(heading.strip())
    return bool(found) and layout_heading(found["base"]) in TRANSLATABLE


def listings(path: Path, site: SiteConfig, root: Path | None = None):
    headings, rows = read_rows(path)
    words = Vocabulary(site, root)
    found, _ = match_headings(headings, path, words.codes)
    for number, cells in rows:
        row = {found[i]: _unneutralise(cells[i].strip()) for i in found if i < len(cells) and cells[i].strip()}
        yield row_listing(row, f"row {number}", site, words)


def count_rows(path: Path) -> int:
    return len(read_rows(path)[1])


def row_listing(row: dict[str, str], where: str, site: SiteConfig, words: Vocabulary | None = None) -> Listing:
    reader = _Row(row, where, site, words or Vocabulary(site))
    service = reader.service()
    provider = {k: v for k, v in {
        "name": reader.text("provider") or service.get("name", ""), "description": reader.text("provider_description"),
        "kind": reader.choice("provider_kind"), "charity_number": row.get("charity_number"),
        "cqc_provider_id": row.get("cqc_provider_id"),
        "contact": _contact(row, "provider_phone", "provider_email", "provider_website", reader),
    }.items() if v}
    if not service.get("name"):
        reader.problems.append("column name: is empty. Every row needs the service's name.")
    for name in REQUIRED_TERMS:  # a cell was there, but no value in it could be read
        if row.get(name) and not service.get(name):
            reader.missing[name] = " ".join(why.removesuffix(f" {LEFT_OUT}") for why in reader.why.pop(name, []))
    origin = {h: f"column {h}" for h in row} | {
        "who_for": "column who_for", "types": "column types", "areas": "column areas",
        "locations": "column location_name", "locations.postcode": "column postcode", "locations.address": "column address",
        "locations.name": "column location_name", "locations.coordinates": "columns latitude and longitude",
        "locations.access": "column access", "times": "column times", "costs": "column costs", "ages": "columns age_min and age_max",
        "contact.phone": "column phone", "contact.email": "column email", "contact.website": "column website",
    }
    bodies = reader.in_languages("description")
    body = bodies.pop(reader.codes[0], "")
    return Listing(where, row.get("id", ""), provider, service, body, origin, reader.problems, translations=bodies,
                   file=row.get("file", ""), warnings=[w for ws in reader.why.values() for w in ws], notes=reader.notes, missing=reader.missing)


class _Row:
    def __init__(self, row: dict[str, str], where: str, site: SiteConfig, words: Vocabulary):
        self.row, self.where, self.site, self.words, self.problems = row, where, site, words, []
        self.why: dict[str, list[str]] = {}  # column -> what could not be read in it (left out, or kept as a note)
        self.notes: list[str] = []
        self.missing: dict[str, str] = {}
        self.codes = words.codes

    def in_languages(self, column: str) -> dict[str, str]:
        """{code: the cell} of a translatable column in each language that has one ("name", "name (en)" ...)."""
        keys = {code: column if code == self.codes[0] else translated(column, code) for code in self.codes}
        return {code: self.row[key] for code, key in keys.items() if self.row.get(key)}

    def text(self, column: str):
        """A translatable column's words: plain text, or {code: words} where other languages have their own."""
        return columns.words_by_language(self.in_languages(column), self.codes)

    def service(self) -> dict:
        row = self.row
        data: dict = {}
        for name in ("name", "summary", "alert"):
            if self.text(name):
                data[name] = self.text(name)
        if row.get("regulator_id"):
            data["regulator_id"] = row["regulator_id"]
        if "summary" not in data and self.in_languages("description"):
            summaries = {code: first_sentence(text) for code, text in self.in_languages("description").items()}
            data["summary"] = columns.words_by_language(summaries, self.codes)
        for taxonomy in ("types", "who_for", "activities", "areas"):
            if row.get(taxonomy) and (keys := self.terms(taxonomy)):
                data[taxonomy] = keys
        for name in ("funding", "referral"):
            if row.get(name) and (keys := self.keys(name)):
                data[name] = keys
        for name in ("transport", "status"):
            if row.get(name) and (key := self.choice(name)):
                data[name] = key
        if row.get("languages"):
            data["languages"] = [v.lower() for v in _split(row["languages"])]
        if row.get("needs_assessment") and (needed := self.yes_no("needs_assessment")) is not None:
            data["needs_assessment"] = needed
        ages = {k: age for k in ("min", "max") if row.get("age_" + k) and (age := self.whole("age_" + k)) is not None}
        if ages:
            data["ages"] = ages
        self._locations(data)
        self._times(data)
        self._costs(data)
        contact = _contact(row, "phone", "email", "website", self)
        if contact:
            data["contact"] = contact
        if row.get("last_reviewed") and (day := self.date("last_reviewed")):
            data["last_reviewed"] = day
        return data

    def warn(self, column: str, message: str) -> None:
        self.why.setdefault(column, []).append(f"column {column}: {message}")

    def bad(self, column: str, message: str, outcome: str = LEFT_OUT) -> None:
        self.warn(column, f"{message} (found '{self.row.get(column, '')}'). {outcome}")

    def terms(self, taxonomy: str) -> list[str]:
        keys = []
        for value in _split(self.row[taxonomy]):
            key, why = self.words.taxonomy(taxonomy).find(value)
            if key:
                keys.append(key)
            else:
                self.warn(taxonomy, f"{why} {LEFT_OUT}")
        return list(dict.fromkeys(keys))

    def vocabulary(self, column: str, value: str) -> str:
        """The key, or "" (with a warning: the value is left out)."""
        key, why = self.words.words(column, VOCABULARIES[column]).find(value)
        if not key:
            self.warn(column, f"{why} {LEFT_OUT}")
        return key

    def keys(self, column: str) -> list[str]:
        return [key for value in _split(self.row[column]) if (key := self.vocabulary(column, value))]

    def choice(self, column: str) -> str:
        return self.vocabulary(column, self.row[column]) if self.row.get(column) else ""

    def yes_no(self, column: str) -> bool | None:
        value = self.row[column].casefold()
        if value in ("yes", "y", "true", "1"):
            return True
        if value in ("no", "n", "false", "0"):
            return False
        self.bad(column, "write yes or no")
        return None

    def whole(self, column: str) -> int | None:
        try:
            return int(self.row[column])
        except ValueError:
            self.bad(column, "should be a whole number of years")
            return None

    def date(self, column: str) -> str:
        value = self.row[column]
        for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y"):
            try:
                return dt.datetime.strptime(value, pattern).date().isoformat()
            except ValueError:
                continue
        self.bad(column, "is not a date: write it like 2026-05-01 or 01/05/2026",
                 "Left out: the listing says it was checked on the day of the import.")
        return ""

    def _locations(self, data: dict) -> None:
        row = self.row
        names, addresses = ({code: _split(cell, keep_empty=True) for code, cell in self.in_languages(k).items()} for k in ("location_name", "address"))
        postcodes = _split(row.get("postcode", ""), keep_empty=True)
        lats, lons = (_split(row.get(k, ""), keep_empty=True) for k in ("latitude", "longitude"))
        access = [part.strip() for part in row["access"].split(ACCESS_SEPARATOR)] if row.get("access") else []
        count = max(len(postcodes), *map(len, names.values()), *map(len, addresses.values()), 0)
        locations = []
        for index in range(count):
            pick = lambda values: values[index] if index < len(values) else ""  # noqa: E731
            address = columns.words_by_language({code: pick(cells) for code, cells in addresses.items()}, self.codes)
            name = columns.words_by_language({code: pick(cells) for code, cells in names.items()}, self.codes)
            if not name:  # the address's first line names the place
                first = {code: pick(cells).split(",")[0] for code, cells in addresses.items()}
                name = columns.words_by_language(first, self.codes)
            location = {"name": name, "address": address, "postcode": pick(postcodes)}
            if pick(lats) and pick(lons):
                try:
                    location["coordinates"] = [float(pick(lats)), float(pick(lons))]
                except ValueError:
                    self.bad("latitude", "latitude and longitude should be numbers, like 52.091 and -1.946")
            if index < len(access) and access[index] != "?":
                location["access"] = [] if access[index].casefold() == "none" else [
                    key for v in _split(access[index]) if (key := self.vocabulary("access", v))]
            locations.append(location)
        if locations:
            data["locations"] = locations

    def _times(self, data: dict) -> None:
        read = {}
        for code, cell in self.in_languages("times").items():
            sessions = []
            for part in (p.strip() for p in session_parts(cell) if p.strip()):
                try:
                    sessions.append(parse_session(part))
                except ValueError as err:
                    self.warn(self.heading("times", code), f"cannot read '{part}': {err} {LEFT_OUT}")
            if sessions:
                read[code] = sessions
        if read:
            data["times"] = self._merged("times", read, ("days", "from", "to"), ("note",),
                                         "should list the same days and times as column {base}, with the notes in {language}")

    def _costs(self, data: dict) -> None:
        read = {code: self._cost_list(code, data) for code, cell in self.in_languages("costs").items()}
        read = {code: costs for code, costs in read.items() if costs}
        if read:
            data["costs"] = self._merged("costs", read, ("amount", "per", "kind"), ("label",),
                                         "should list the same costs as column {base}, with the labels in {language}")

    def heading(self, name: str, code: str) -> str:
        """The column of a translatable field in one language: "costs", "costs (en)"."""
        return name if code == self.codes[0] else translated(name, code)

    def _merged(self, name: str, read: dict[str, list[dict]], same: tuple, words: tuple, why: str) -> list[dict]:
        """The items of the first language that has them, with each language's words (a column per language)."""
        base_code = next(iter(read))
        base = [dict(item) for item in read[base_code]]
        for code in columns.merge_words(base, read, self.codes, same, words):
            self.problems.append(f"column {self.heading(name, code)}: "
                                 + why.format(base=self.heading(name, base_code), language=language_name(code))
                                 + f" (found '{self.row[self.heading(name, code)]}').")
        return base

    def _cost_list(self, code: str, data: dict) -> list[dict]:
        costs, column = [], self.heading("costs", code)
        for part in _split(self.row[column]):
            try:
                read = parse_cost(part)
            except ValueError as err:
                self.warn(column, f"{err} {LEFT_OUT}")
                continue
            if read.assumed:
                self.notes.append(f"column {column}: {read.assumed}")
            if read.free:
                data["funding"] = list(dict.fromkeys([*data.get("funding", []), "free"]))
            else:
                costs.append(read.cost)
        return costs


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, f"'{code}'")


def _contact(row: dict, phone: str, email: str, website: str, reader: "_Row") -> dict:
    contact = {"phone": row.get(phone), "email": row.get(email), "website": row.get(website)}
    contact = {k: v for k, v in contact.items() if v}
    if contact.get("phone") and (mended := _leading_zero(contact["phone"])):
        reader.notes.append(f"column {phone}: '{contact['phone']}' had lost its leading 0 (the spreadsheet stored it as a "
                            f"number); imported as {mended}. Format the column as text to keep it.")
        contact["phone"] = mended
    if contact.get("website") and not re.match(r"https?://", contact["website"], re.I):
        contact["website"] = "https://" + contact["website"]  # "www.example.org", as sources often write it
    return contact


def _leading_zero(phone: str) -> str:
    """'1570423456' (a spreadsheet's number) -> '01570 423456', when that is a valid UK number; else ""."""
    digits = re.sub(r"[\s-]", "", phone)
    if not digits.isdigit() or digits.startswith("0") or not wording.phone_is_valid("0" + digits):
        return ""
    return wording.phone_display("0" + digits)


def _split(cell: str, keep_empty: bool = False) -> list[str]:
    parts = [part.strip() for part in cell.split(LIST_SEPARATOR)] if cell else []
    return parts if keep_empty else [p for p in parts if p]


def _key(heading: str) -> str:
    return " ".join(re.sub(r"[_\-/?]+", " ", heading.casefold()).split())


_HEADINGS = {_key(c.heading): c.heading for c in COLUMNS}  # a layout heading wins over any synonym
for _column in COLUMNS:
    for _name in _column.synonyms:
        _HEADINGS.setdefault(_key(_name), _column.heading)


def _unneutralise(value: str) -> str:
    """services.csv writes "'-1.946" so spreadsheets do not run it: read it back as -1.946."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def _cell(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return "" if value is None else str(value)


def _csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")  # Excel's "CSV" on Windows
    return list(csv.reader(io.StringIO(text, newline="")))
