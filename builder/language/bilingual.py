"""Content in two languages, in the editors' files (a bilingual site, `languages: [cy, en]`).

A field that holds words (the schemas mark them) is plain text, written in the file's content
language (its own `content_language:`, else site.yaml's, else the first language), or a mapping by
language code: `name: {cy: Côr Cymunedol, en: Community choir}`. A Markdown body in another
language lives beside its file as `<name>.<code>.md` (and `<name>.<code>.easy.md`).

`split` turns one file's data into one copy per language, each with plain strings, so every check
and the model see the shapes they always saw. Words shown on a page in another language than
their own are `Untranslated` text, which pages mark with its `lang` (WCAG 3.1.2);
translationstatus.py counts and warns about them."""

from __future__ import annotations

import re
from dataclasses import replace

from markupsafe import Markup, escape

from builder.core import schemas
from builder.core.errors import Problem
from builder.core.yamlfile import Located, LocatedList, line_of

CODE = re.compile(r"^[a-z]{2}$")
# garden-club.cy.md, garden-club.cy.easy.md: a slug has no dots, so the code is unambiguous
TRANSLATED_FILE = re.compile(r"^(?P<stem>[^./]+)\.(?P<code>[a-z]{2,3})(?P<easy>\.easy)?\.md$")


class Untranslated(str):
    """The first language's words on a page in another language: `lang` names the language they are in."""

    lang: str = ""

    def __repr__(self) -> str:  # differs from the plain words': the build cache's digests (repr) see the language
        return f"Untranslated({str.__repr__(self)}, {self.lang!r})"


def untranslated(text: str, lang: str) -> Untranslated:
    value = Untranslated(text)
    value.lang = lang
    return value


def is_translation(value, codes: tuple[str, ...]) -> bool:
    """{cy: ..., en: ...}: every key a two-letter language code, every value text."""
    return (isinstance(value, dict) and bool(value) and all(isinstance(k, str) and CODE.match(k) for k in value)
            and all(isinstance(v, str) for v in value.values()))


def split(source, codes: tuple[str, ...], tags: dict[str, str] | None = None, written_in: str = ""):
    """(the file with its data in the first language and `translated` holding the others', problems).

    `codes`: the site's language codes, the first at the root; `tags`: their <html lang> tags;
    `written_in`: the site's content language (site.yaml's content_language), which the file may override.
    Plain text in a field that holds words is in the file's content language: on another language's
    page it is `Untranslated`, marked with its `lang`."""
    tags = tags or {code: code for code in codes}
    problems: list[Problem] = []
    language = content_language(source, codes, written_in or codes[0], problems)
    words = schemas.text_fields(source.kind) if len(codes) > 1 else ()
    missing: dict[str, list[list]] = {}
    first = _resolve(source.data, codes[0], codes, tags, source.path, [], problems, missing, language, words)
    others = tuple((code, _resolve(source.data, code, codes, tags, source.path, [], None, missing, language, words))
                   for code in codes[1:])
    # a field with no words in a language: translationstatus.py warns, once per file and language
    if len(codes) > 1:
        source = replace(source, written_in=language)
    if not missing and not problems and not any(is_translation(v, codes) for v in _values(source.data)):
        return replace(source, data=first), problems  # nothing translated: one copy serves every language (in_language marks it)
    return replace(source, data=first, translated=others), problems


def content_language(source, codes: tuple[str, ...], default: str, problems: list[Problem]) -> str:
    """The file's own `content_language:` (checked), else `default`."""
    value = source.data.get("content_language") if isinstance(source.data, dict) else None
    if value is None or value in codes:
        return value or default
    if isinstance(value, str):  # the schema words a value that is not text
        named = next((code for code in codes if value.strip().casefold() in (code, _name(code).casefold())), "")
        guess = f"Did you mean '{named}'? " if named else ""
        problems.append(Problem(source.path, line_of(source.data, ["content_language"]), "content_language",
                                f"'{value}' is not one of the site's languages ({', '.join(codes)}).",
                                f"{guess}Write the code of the language this file's words are in: {' or '.join(codes)}."))
    return default


def _values(value):
    yield value
    if isinstance(value, dict):
        for item in value.values():
            yield from _values(item)
    elif isinstance(value, list):
        for item in value:
            yield from _values(item)


def _holds_words(where: list, words) -> bool:
    """Is this place (["locations", 0, "name"]) one of the kind's text fields (("locations", "*", "name"))?"""
    return any(len(path) == len(where) and all(
        step == want or (want == "*" and isinstance(step, int)) or (want == "?" and isinstance(step, str))
        for step, want in zip(where, path)) for path in words)


def _resolve(value, code, codes, tags, path, where, problems, missing, language=None, words=()):
    if is_translation(value, codes):
        for key in value:
            if key not in codes and problems is not None and code == codes[0]:
                problems.append(Problem(path, line_of(value, [key]) if isinstance(value, Located) else 0, _field(where),
                                        f"'{key}' is not one of the site's languages ({', '.join(codes)}).",
                                        f"Write this field's words for {', '.join(codes)} only, or add '{key}' to languages in site.yaml."))
        if value.get(code):
            return value[code]
        missing.setdefault(code, []).append(where)
        shown = next((c for c in (language, *codes) if value.get(c)), "")
        return untranslated(value.get(shown, ""), tags.get(shown, shown))
    if isinstance(value, str) and language and _holds_words(where, words):
        return str(value) if code == language else untranslated(value, tags.get(language, language))
    if isinstance(value, Located):
        copy = Located((k, _resolve(v, code, codes, tags, path, where + [k], problems, missing, language, words))
                       for k, v in value.items())
        copy.__dict__.update(value.__dict__)  # its line numbers (an empty front matter has no `lines`)
        return copy
    if isinstance(value, LocatedList):
        copy = LocatedList(_resolve(v, code, codes, tags, path, where + [i], problems, missing, language, words)
                           for i, v in enumerate(value))
        copy.__dict__.update(value.__dict__)
        return copy
    return value


def _field(where: list) -> str:
    return ".".join(str(step) for step in where if not isinstance(step, int))


def _path(field: str) -> list:
    return field.split(".") if field else []


LANGUAGE_NAMES = {"en": "English", "cy": "Welsh"}  # for editors' messages, which are in English


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, f"'{code}'")


_name = language_name


def field_name(where: list) -> str:
    """["locations", 0, "name"] -> "locations.name": a field as editors' messages name it."""
    return _field(where)


def translated_file(path: str) -> tuple[str, str] | None:
    """content/pages/about.cy.easy.md -> ("content/pages/about.easy.md", "cy"); None for other files."""
    folder, _, name = path.rpartition("/")
    match = TRANSLATED_FILE.match(name)
    if not match:
        return None
    return f"{folder}/{match['stem']}{match['easy'] or ''}.md", match["code"]


def site_languages(site) -> tuple[tuple[str, ...], dict[str, str], str]:
    """(the site's language codes, first one first; {code: <html lang> tag}; the code untranslated words are in)."""
    tags = site.page_languages if site else ("en-GB",)
    codes = tuple(tag.split("-")[0].lower() for tag in tags)
    return codes, dict(zip(codes, tags)), (site.content_language if site else "") or codes[0]


def data_in(source, code: str, languages) -> dict:
    """The file's data in one of the site's languages: its words in `code` where it has them, else marked `Untranslated`."""
    found = dict(source.translated).get(code)
    if found is not None or not source.written_in:
        return source.data if found is None else found
    codes, tags, _ = languages
    return _resolve(source.data, code, codes, tags, source.path, [], None, {}, source.written_in, schemas.text_fields(source.kind))


def check_file(source, languages) -> list[Problem]:
    """A <name>.<code>.md: its language must be one of the site's (its twin may be written in another: check_twins)."""
    codes = languages[0]
    _, code = translated_file(source.path)
    if code in codes:
        return []
    return [Problem(source.path, 1, "", f"the file is a translation into '{code}', but the site's languages are {', '.join(codes)}.",
                    f"Add '{code}' to languages in site.yaml, or rename or delete the file.")]


def lang_of(value) -> Markup:
    """The ` lang="cy"` an element needs when it shows words not in the page's language (a template filter)."""
    return Markup(f' lang="{escape(value.lang)}"') if isinstance(value, Untranslated) and value.lang else Markup("")


def in_lang(value):
    """Words not in the page's language, in a <span> that says which they are in (a template filter);
    any other value as it is. For text in an element's content; an element of its own takes `lang_of`."""
    if isinstance(value, Untranslated) and value.lang:
        return Markup('<span lang="{}">{}</span>').format(value.lang, value)
    return value


def fill(template: str, *args, **values):
    """str.format for a sentence in the page's language whose values may be words in another: then the
    sentence is markup, each such value in a <span lang> (else the plain text str.format gives)."""
    if not any(isinstance(v, (Untranslated, Markup)) for v in (*args, *values.values())):
        return template.format(*args, **values)
    return Markup(escape(template)).format(*map(in_lang, args), **{key: in_lang(v) for key, v in values.items()})


MARKED = re.compile(r'<span lang="([^"]*)">(.*?)</span>')


def marked_parts(markup: Markup) -> list[list[str]]:
    """[[words, lang], ...] of the words `fill`/`in_lang` put in a <span lang> (for the scripts, which mark them again)."""
    return [[Markup(words).unescape(), lang] for lang, words in MARKED.findall(str(markup))]


def join_marked(join, words: list):
    """`join(words)` (like wording.join_words) keeping each word's language: words in another language in a <span lang>."""
    if not any(isinstance(w, (Untranslated, Markup)) for w in words):
        return join(words)
    return fill(join([f"{{{index}}}" for index in range(len(words))]), *words)


def keep_lang(original, text: str):
    """`text` made from `original` (a sentence from a label, a lower-cased word): in the language `original` is in."""
    return untranslated(text, original.lang) if isinstance(original, Untranslated) else text


def check_twins(sources, present: set[str]) -> list[Problem]:
    """Each <name>.<code>.md translates a file that exists, into a language that file is not written in."""
    problems = []
    written_in = {source.path: source.written_in for source in sources}
    for source in sources:
        twin = translated_file(source.path)
        if not twin or source.kind != "translation":
            continue
        name = twin[0].rsplit("/", 1)[-1]
        if twin[0] not in present:
            problems.append(Problem(source.path, 1, "", f"there is no {name} for this translation to belong to.",
                                    f"Rename it after the file it translates, like {name.removesuffix('.md')}.{twin[1]}.md, or delete it."))
        elif written_in.get(twin[0]) == twin[1]:
            problems.append(Problem(source.path, 1, "", f"{name} is written in {_name(twin[1])} (content_language '{twin[1]}'), "
                                    f"so this file would replace its words with others in the same language.",
                                    f"Put this text in {name}, or delete the file, or say in {name} which language it is written in."))
    return problems


def check_easy_twins(sources) -> list[Problem]:
    """An .easy.md file says its own content_language: warn when its standard file names another and it names none."""
    said = {s.path: s.data.get("content_language") for s in sources if isinstance(s.data, dict) and s.written_in}
    problems = []
    for source in sources:
        twin = source.path.removesuffix(".easy.md") + ".md"
        if source.kind in ("service-easy", "page-easy") and said.get(twin) and not said.get(source.path) and said[twin] != source.written_in:
            name, language = twin.rsplit("/", 1)[-1], said[twin]
            problems.append(Problem(source.path, 1, "content_language",
                                    f"{name} is written in {_name(language)} (content_language: {language}), but this file says "
                                    f"nothing, so it is read as {_name(source.written_in)}.",
                                    f"If it is in {_name(language)} too, add content_language: {language} to its front matter.", "warning"))
    return problems


def in_language(sources, bodies: dict, code: str, languages) -> tuple[list, dict, list[str]]:
    """The records and rendered bodies in one of a bilingual site's languages: each field and body in
    that language where it is written or translated, else the words it is written in, marked as such.
    Returns (sources, bodies, paths of records whose body has no translation)."""
    _, tags, _ = languages
    translated = {}
    for source in sources:
        twin = translated_file(source.path) if source.kind == "translation" else None
        if twin and twin[1] == code and source.path in bodies:
            translated[twin[0]] = bodies[source.path]
    records = {source.path: source for source in sources}
    out_bodies, untranslated_bodies = {}, []
    for path, body in bodies.items():
        written_in = getattr(records.get(path), "written_in", "") or languages[2]
        if path in translated:
            out_bodies[path] = translated[path]
        elif written_in == code or records.get(path) is None or records[path].kind == "translation":
            out_bodies[path] = body
        else:
            out_bodies[path] = replace(body, html=untranslated(body.html, tags.get(written_in, written_in)))
            untranslated_bodies.append(path)
    out_sources = [replace(s, data=data_in(s, code, languages)) for s in sources if s.kind != "translation"]
    return out_sources, out_bodies, untranslated_bodies


def first_language(site, sources, bodies: dict) -> dict:
    """The rendered bodies on a bilingual site's first-language pages (each body as it is on a one-language site)."""
    if site is None or not site.translated:
        return bodies
    languages = site_languages(site)
    return in_language(sources, bodies, languages[0][0], languages)[1]


def other_languages(site, sources, bodies: dict) -> list[tuple]:
    """[(tag, its SiteConfig, (its sources, its bodies))] for a bilingual site's other languages
    (what each lacks is counted and warned about by translationstatus.py)."""
    if site is None or not site.translated:
        return []
    languages = site_languages(site)
    result = []
    for tag, other in site.translated:
        found, out_bodies, _ = in_language(sources, bodies, tag.split("-")[0].lower(), languages)
        result.append((tag, other, (found, out_bodies)))
    return result
