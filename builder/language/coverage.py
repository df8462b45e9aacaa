"""How much of a bilingual site is translated, for its translators: per language, the listings,
providers, pages and labels whose words are all in that language, and what is not.

Input: site.yaml and the content files after translations.split (each knows the language it is
written in). Output: a LanguageStatus per language (the build's last line, `report`'s section)
and one warning per listing, page or label not translated (`check` summarises them past ten).
Pure: reads nothing from disk.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.core.errors import Problem
from builder.core.mdtext import literal
from builder.core.yamlfile import line_of
from builder.language import bilingual as translations

KINDS = {"service": "listing", "provider": "provider", "page": "page"}
COUNTED = (("listing", "listings"), ("provider", "providers"), ("page", "pages"), ("label", "labels"))
SITE_WORDS = ("title", "organisation", "notice", "contact.hours")


@dataclass(frozen=True)
class Missing:
    """One thing a language lacks: a listing, provider, page, label, area or site setting."""

    kind: str  # "listing", "provider", "page", "label", "area" or "setting"
    name: str  # how the council knows it: the listing's name, the label's key
    path: str  # the file its words are in
    line: int
    fields: tuple[str, ...]  # the fields not in the language; "text" for the Markdown below the front matter
    written_in: str  # the language code they are in
    taxonomy: str = ""  # a label's: "types", "who_for" or "activities"


@dataclass(frozen=True)
class LanguageStatus:
    code: str
    counts: tuple[tuple[str, int, int], ...]  # (plural noun, translated, total): listings, providers, pages, labels
    missing: tuple[Missing, ...]

    @property
    def name(self) -> str:
        return translations.language_name(self.code)

    @property
    def line(self) -> str:
        """'Welsh: 1 of 4 listings, 0 of 2 providers, 1 of 2 pages and 4 of 11 labels translated.'"""
        parts = [f"{done} of {total} {noun}" for noun, done, total in self.counts if total]
        joined = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else "".join(parts)
        return f"{self.name}: {joined or 'nothing'} translated."

    @property
    def complete(self) -> bool:
        return not self.missing


def translation_status(site, site_source, sources) -> tuple[LanguageStatus, ...]:
    """Every language of a bilingual site (nothing for a one-language site)."""
    if site is None or not site.translated or site_source is None:
        return ()
    languages = translations.site_languages(site)
    codes = languages[0]
    present = {translations.translated_file(s.path) for s in sources if s.kind == "translation"}
    easy = {s.path: s for s in sources if s.kind in ("service-easy", "page-easy")}
    records = [s for s in sources if s.kind in KINDS]
    return tuple(_status(code, languages, site_source, records, easy, present) for code in codes)


def _status(code, languages, site_source, records, easy, present) -> LanguageStatus:
    missing, done = [], {kind: [0, 0] for kind, _ in COUNTED}
    for record in records:
        twin = easy.get(record.path.removesuffix(".md") + ".easy.md")
        places = _fields(record, code, languages, present)
        fields = tuple(name for name, _ in places) + tuple(f"Easy Read {name}" for name, _ in _fields(twin, code, languages, present))
        kind = KINDS[record.kind]
        done[kind][1] += 1
        if fields:
            name = record.data.get("name") or record.data.get("title") or record.path
            line = (line_of(record.data, places[0][1]) if places[0][1] else record.body_line) if places else 1
            missing.append(Missing(kind, str(name), record.path, line, fields, record.written_in))
        else:
            done[kind][0] += 1
    for item in _labels(site_source, code, languages):
        counted = item.kind in ("label", "area")
        done["label"][1] += counted
        done["label"][0] += counted and not item.fields
        if item.fields:
            missing.append(item)
    return LanguageStatus(code, tuple((noun, *done[kind]) for kind, noun in COUNTED), tuple(missing))


def _fields(source, code, languages, present) -> list[tuple[str, list | None]]:
    """(field, where it is) for each field of one file whose words are not in `code` on its pages
    ("text", None for its body)."""
    if source is None:
        return []
    found = {}
    for where in _untranslated_places(translations.data_in(source, code, languages), []):
        found.setdefault(translations.field_name(where), where)
    places = list(found.items())
    if source.body.strip() and source.written_in != code and (source.path, code) not in present:
        places.append(("text", None))
    return places


def _untranslated_places(value, where: list) -> list[list]:
    if isinstance(value, translations.Untranslated):
        return [where]
    if isinstance(value, dict):
        return [place for key, item in value.items() for place in _untranslated_places(item, where + [key])]
    if isinstance(value, list):
        return [place for index, item in enumerate(value) for place in _untranslated_places(item, where + [index])]
    return []


def _labels(site_source, code, languages) -> list[Missing]:
    """Each taxonomy entry and area of site.yaml, and the site's own words, with what `code` lacks."""
    data = translations.data_in(site_source, code, languages)
    written_in = site_source.written_in
    items = []
    for taxonomy, entries in (data.get("taxonomies") or {}).items():
        for key, entry in (entries or {}).items():
            where = ["taxonomies", taxonomy, key]
            fields = tuple(translations.field_name(p[3:]) for p in _untranslated_places(entry, where + []))
            items.append(Missing("label", key, "site.yaml", line_of(site_source.data, where), fields, written_in, taxonomy))
    for index, area in enumerate(data.get("areas") or []):
        fields = tuple(translations.field_name(p) for p in _untranslated_places(area, []))
        items.append(Missing("area", str(area.get("key", index)), "site.yaml", line_of(site_source.data, ["areas", index]), fields, written_in))
    for field in SITE_WORDS:
        where = field.split(".")
        value = data
        for step in where:
            value = value.get(step) if isinstance(value, dict) else None
        if isinstance(value, translations.Untranslated):
            items.append(Missing("setting", field, "site.yaml", line_of(site_source.data, where), (field,), written_in))
    return items


NOUNS = {"listing": "this listing", "provider": "this provider", "page": "this page"}


def warnings(statuses: tuple[LanguageStatus, ...]) -> list[Problem]:
    """One warning for each thing a language lacks (check summarises each kind past ten)."""
    problems = []
    for status in statuses:
        for item in status.missing:
            language, written = status.name, translations.language_name(item.written_in)
            if item.kind in NOUNS:
                what = f"{NOUNS[item.kind]} has no {language} translation ({', '.join(item.fields)})"
            elif item.kind == "label":
                what = f"the label '{item.name}' (taxonomies.{item.taxonomy}) has no {language} translation ({', '.join(item.fields)})"
            elif item.kind == "area":
                what = f"the area '{item.name}' has no {language} translation ({', '.join(item.fields)})"
            else:
                what = f"the site's {item.name} has no {language} translation"
            problems.append(Problem(item.path, item.line, "", f"{what}, so the {language} pages show it in {written}.",
                                    _hint(item, status.code), "warning"))
    return problems


BODIES = ("text", "Easy Read text")


def _hint(item: Missing, code: str) -> str:
    files = [f"the text in {_translation_file(item.path, code)}"] if "text" in item.fields else []
    if "Easy Read text" in item.fields:
        files.append(f"the Easy Read text in {_translation_file(item.path.removesuffix('.md') + '.easy.md', code)}")
    fields = [field for field in item.fields if field not in BODIES]
    if not fields:
        return f"Write {' and '.join(files)} beside this file."
    example = f"{fields[0].split('.')[-1].removeprefix('Easy Read ')}: {{{item.written_in}: ..., {code}: ...}}"
    if len(files) == 2:
        return f"Give each field its words in both languages, like {example}, and write {files[0]}, and {files[1]}."
    return f"Give each field its words in both languages, like {example}" + (f", and write {files[0]}." if files else ".")


def _translation_file(path: str, code: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if name.endswith(".easy.md"):
        return f"{name.removesuffix('.easy.md')}.{code}.easy.md"
    return f"{name.removesuffix('.md')}.{code}.md"


# ---------------------------------------------------------------- the report's section (Markdown)

KIND_NAMES = {"listing": "Listing", "provider": "Provider", "page": "Page", "label": "Label", "area": "Area", "setting": "Site setting"}


def report_section(statuses: tuple[LanguageStatus, ...]) -> list[str]:
    """`catalogue report`'s "Translation" section: the counts, then what each language lacks, for translators."""
    if not statuses:
        return []
    lines = ["## Translation", ""] + [f"- {status.line}" for status in statuses] + [""]
    for status in statuses:
        if status.complete:
            lines += [f"Everything is in {status.name}.", ""]
            continue
        lines += [f"### Not yet in {status.name} ({len(status.missing)})", "",
                  f"Give each field below its {status.name} words (like `name: {{{status.missing[0].written_in}: ..., "
                  f"{status.code}: ...}}`); the text of a file goes in a file of its own beside it, named as shown.", "",
                  "| What | File | Not in " + status.name + " |", "| --- | --- | --- |"]
        for item in status.missing:
            name = f"{literal(item.name)} (taxonomies.{item.taxonomy})" if item.taxonomy else literal(item.name)
            fields = ", ".join(_with_file(field, item.path, status.code) for field in item.fields)
            lines.append(f"| {KIND_NAMES[item.kind]}: {name} | `{item.path}` | {fields} |")
        lines.append("")
    return lines


def _with_file(field: str, path: str, code: str) -> str:
    if field == "text":
        return f"text (in `{_translation_file(path, code)}`)"
    if field == "Easy Read text":
        return f"Easy Read text (in `{_translation_file(path.removesuffix('.md') + '.easy.md', code)}`)"
    return literal(field)
