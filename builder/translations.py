"""Content in two languages, in the editors' files (a bilingual site, `languages: [cy, en]`).

A text field is a plain string (the same in both languages: a name, an address) or a mapping by
language code: `name: {cy: Côr Cymunedol, en: Community choir}`. A Markdown body in the second
language lives beside its file as `<name>.<code>.md` (and `<name>.<code>.easy.md`).

`split` turns one file's data into one copy per language, each with plain strings, so every check
and the model see the shapes they always saw. Where a mapping lacks a language, that language's
copy holds the first language's words as `Untranslated` text, which pages mark with its `lang`
(WCAG 3.1.2), and `check` warns once per file.
"""

from __future__ import annotations

import re
from dataclasses import replace

from markupsafe import Markup, escape

from builder.errors import Problem
from builder.yamlfile import Located, LocatedList, line_of

CODE = re.compile(r"^[a-z]{2}$")
# garden-club.cy.md, garden-club.cy.easy.md: a slug has no dots, so the code is unambiguous
TRANSLATED_FILE = re.compile(r"^(?P<stem>[^./]+)\.(?P<code>[a-z]{2,3})(?P<easy>\.easy)?\.md$")


class Untranslated(str):
    """The first language's words on a page in another language: `lang` names the language they are in."""

    lang: str = ""


def untranslated(text: str, lang: str) -> Untranslated:
    value = Untranslated(text)
    value.lang = lang
    return value


def is_translation(value, codes: tuple[str, ...]) -> bool:
    """{cy: ..., en: ...}: every key a two-letter language code, every value text."""
    return (isinstance(value, dict) and bool(value) and all(isinstance(k, str) and CODE.match(k) for k in value)
            and all(isinstance(v, str) for v in value.values()))


def split(source, codes: tuple[str, ...], tags: dict[str, str] | None = None):
    """(the file with its data in the first language and `translated` holding the others', problems).

    `codes`: the site's language codes, the first at the root; `tags`: their <html lang> tags."""
    tags = tags or {code: code for code in codes}
    problems: list[Problem] = []
    missing: dict[str, list[list]] = {}
    first = _resolve(source.data, codes[0], codes, tags, source.path, [], problems, missing)
    others = tuple((code, _resolve(source.data, code, codes, tags, source.path, [], None, missing)) for code in codes[1:])
    for code, wheres in missing.items():
        names = ", ".join(dict.fromkeys(_field(where) for where in wheres))
        problems.append(Problem(source.path, line_of(source.data, wheres[0]), _field(wheres[0]),
                                f"there is no {_name(code)} for {names}, so the {_name(code)} page shows other words there.",
                                f"Add '{code}:' to each of these fields, like name: {{{codes[0]}: ..., {code}: ...}}.", "warning"))
    if not missing and not problems and not any(is_translation(v, codes) for v in _values(source.data)):
        return source, problems  # nothing translated: the same data serves every language
    return replace(source, data=first, translated=others), problems


def _values(value):
    yield value
    if isinstance(value, dict):
        for item in value.values():
            yield from _values(item)
    elif isinstance(value, list):
        for item in value:
            yield from _values(item)


def _resolve(value, code, codes, tags, path, where, problems, missing):
    if is_translation(value, codes):
        for key in value:
            if key not in codes and problems is not None and code == codes[0]:
                problems.append(Problem(path, line_of(value, [key]) if isinstance(value, Located) else 0, _field(where),
                                        f"'{key}' is not one of the site's languages ({', '.join(codes)}).",
                                        f"Write this field's words for {', '.join(codes)} only, or add '{key}' to languages in site.yaml."))
        if value.get(code):
            return value[code]
        missing.setdefault(code, []).append(where)
        shown = next((c for c in codes if value.get(c)), "")
        return untranslated(value.get(shown, ""), tags.get(shown, shown))
    if isinstance(value, Located):
        copy = Located((k, _resolve(v, code, codes, tags, path, where + [k], problems, missing)) for k, v in value.items())
        copy.__dict__.update(value.__dict__)  # its line numbers (an empty front matter has no `lines`)
        return copy
    if isinstance(value, LocatedList):
        copy = LocatedList(_resolve(v, code, codes, tags, path, where + [i], problems, missing) for i, v in enumerate(value))
        copy.__dict__.update(value.__dict__)
        return copy
    return value


def _field(where: list) -> str:
    return ".".join(str(step) for step in where if not isinstance(step, int))


def _path(field: str) -> list:
    return field.split(".") if field else []


LANGUAGE_NAMES = {"en": "English", "cy": "Welsh"}  # for editors' messages, which are in English


def _name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, f"'{code}'")


def translated_file(path: str) -> tuple[str, str] | None:
    """content/pages/about.cy.easy.md -> ("content/pages/about.easy.md", "cy"); None for other files."""
    folder, _, name = path.rpartition("/")
    match = TRANSLATED_FILE.match(name)
    if not match:
        return None
    return f"{folder}/{match['stem']}{match['easy'] or ''}.md", match["code"]


def site_languages(site) -> tuple[tuple[str, ...], dict[str, str]]:
    """(the site's language codes, first one first; {code: <html lang> tag})."""
    tags = site.page_languages if site else ("en-GB",)
    codes = tuple(tag.split("-")[0].lower() for tag in tags)
    return codes, dict(zip(codes, tags))


def check_file(source, languages) -> list[Problem]:
    """A <name>.<code>.md: its language must be one of the site's, other than the first (whose words are in <name>.md)."""
    codes, _ = languages
    twin, code = translated_file(source.path)
    if code in codes[1:]:
        return []
    if code == codes[0]:
        why, hint = (f"'{code}' is the site's first language, whose words are in {twin.rsplit('/', 1)[-1]}.",
                     f"Put this text in {twin.rsplit('/', 1)[-1]}, or delete the file.")
    else:
        why, hint = (f"the file is a translation into '{code}', but the site's languages are {', '.join(codes)}.",
                     f"Add '{code}' to languages in site.yaml, or rename or delete the file.")
    return [Problem(source.path, 1, "", why, hint)]


def lang_of(value) -> Markup:
    """The ` lang="cy"` an element needs when it shows words not in the page's language (a template filter)."""
    return Markup(f' lang="{escape(value.lang)}"') if isinstance(value, Untranslated) and value.lang else Markup("")


def check_twins(sources, present: set[str]) -> list[Problem]:
    """Each <name>.<code>.md translates a file that exists."""
    problems = []
    for source in sources:
        twin = translated_file(source.path)
        if twin and source.kind == "translation" and twin[0] not in present:
            name = twin[0].rsplit("/", 1)[-1]
            problems.append(Problem(source.path, 1, "", f"there is no {name} for this translation to belong to.",
                                    f"Rename it after the file it translates, like {name.removesuffix('.md')}.{twin[1]}.md, or delete it."))
    return problems


def in_language(sources, bodies: dict, code: str, tag_of_first: str) -> tuple[list, dict, list[str]]:
    """The records and rendered bodies in a bilingual site's other language: each field and body in
    that language where it is translated, else the first language's, marked as such.
    Returns (sources, bodies, paths of records whose body has no translation)."""
    translated = {}
    for source in sources:
        twin = translated_file(source.path) if source.kind == "translation" else None
        if twin and twin[1] == code and source.path in bodies:
            translated[twin[0]] = bodies[source.path]
    out_bodies, untranslated_bodies = {}, []
    for path, body in bodies.items():
        if path in translated:
            out_bodies[path] = translated[path]
        else:
            out_bodies[path] = replace(body, html=untranslated(body.html, tag_of_first))
            untranslated_bodies.append(path)
    out_sources = [replace(s, data=dict(s.translated).get(code, s.data)) for s in sources if s.kind != "translation"]
    return out_sources, out_bodies, untranslated_bodies


def other_languages(site, sources, bodies: dict, problems: list) -> list[tuple]:
    """[(tag, its SiteConfig, (its sources, its bodies))] for a bilingual site's other language; adds a
    warning for each partly translated record whose body is not translated (once per record)."""
    if site is None or not site.translated:
        return []
    warned = {p.path for p in problems if p.severity == "warning" and p.field and "so the " in p.message}
    result = []
    for tag, other in site.translated:
        code = tag.split("-")[0].lower()
        found, out_bodies, bare = in_language(sources, bodies, code, site.page_languages[0])
        records = {s.path: s for s in sources}
        for path in bare:
            record = records.get(path)
            if record is not None and record.translated and path not in warned:
                stem = path.removesuffix(".md").removesuffix(".easy")
                name = f"{stem.rsplit('/', 1)[-1]}.{code}{'.easy' if path.endswith('.easy.md') else ''}.md"
                problems.append(Problem(path, record.body_line, "", f"the text below the front matter has no {_name(code)} version, "
                                        f"so the {_name(code)} page shows it as it is.", f"Write it in {name} beside this file.", "warning"))
        result.append((tag, other, (found, out_bodies)))
    return result
