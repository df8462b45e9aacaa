"""Translation columns: "name (en)", "Name (English)" or "name (Saesneg)" hold a field's words in one language.

On a bilingual site each translatable column (layout.TRANSLATABLE) may have a column per language.
A heading names the language by its code, its English name, or its name in any of the site's
languages. A column with no language is in the site's first language, unless the sheet also
has that field's column for the first language: then it is in the site's other language.
"""

from __future__ import annotations

import re

import babel

from builder.model.spreadsheet import TRANSLATABLE, translated

TAGGED = re.compile(r"^(?P<base>.*\S)\s*[(\[]\s*(?P<language>[^()\[\]]+?)\s*[)\]]$")


def language_names(codes: tuple[str, ...]) -> dict[str, str]:
    """{casefolded way of naming a language: its code}: 'cy', 'welsh', 'cymraeg', 'saesneg' ..."""
    names: dict[str, str] = {}
    for code in codes:
        names[code] = code
        try:
            language = babel.Locale.parse(code)
        except (ValueError, babel.UnknownLocaleError):
            continue
        for other in ("en", *codes):
            name = language.get_display_name(other)
            if name:
                names.setdefault(name.casefold(), code)
    return names


def split_heading(heading: str, codes: tuple[str, ...]) -> tuple[str, str]:
    """('name', 'en') for "Name (English)"; (heading, '') when it names no language of the site."""
    found = TAGGED.match(heading.strip())
    if found:
        code = language_names(codes).get(found["language"].casefold())
        if code:
            return found["base"], code
    return heading, ""


def keys_by_language(found: list[tuple[int, str, str]], codes: tuple[str, ...]) -> tuple[dict[int, str], str]:
    """[(column index, layout heading, language code or '')] -> ({index: "name" or "name (en)"}, the
    language of the columns without one). The first language's words are read as "name", the others'
    as "name (en)"; a second column for the same field and language is not read."""
    first = codes[0]
    tagged = {code for _, _, code in found if code}
    plain = first
    if first in tagged and len(codes) > 1:
        untagged = [code for code in codes[1:] if code not in tagged]
        plain = untagged[0] if len(untagged) == 1 else first
    keys: dict[int, str] = {}
    for index, heading, code in found:
        code = code or plain if heading in TRANSLATABLE else first  # "types (en)": keys are in no language
        key = heading if code == first else translated(heading, code)
        if key not in keys.values():
            keys[index] = key
    return keys, plain


def words_by_language(values: dict[str, str], codes: tuple[str, ...]):
    """{code: words} -> plain text when only the first language has words (or all have the same),
    else {code: words} in the site's order; "" when none has any."""
    values = {code: values[code] for code in codes if values.get(code)}
    if not values:
        return ""
    if list(values) == [codes[0]] or (len(values) == len(codes) and len(set(values.values())) == 1):
        return values[codes[0]]
    return values


def merge_words(base: list[dict], languages: dict[str, list[dict]], codes: tuple[str, ...], same: tuple[str, ...],
                words: tuple[str, ...]) -> list[str]:
    """Into `base` (the sessions or costs read from the first column that has them), each language's words
    (`words`, like a note or a label) read from its own column ({code: items read the same way}); the other
    fields (`same`) must agree. Returns the codes whose column does not list the same items."""
    agree = lambda a, b: all(a.get(f) == b.get(f) for f in same if a.get(f) is not None and b.get(f) is not None)  # noqa: E731
    wrong = [code for code, items in languages.items() if len(items) != len(base) or not all(map(agree, base, items))]
    for index, item in enumerate(base):
        for name in same:  # a fact only one language's column states (a cost's kind): taken from it
            item.setdefault(name, next((items[index][name] for code, items in languages.items()
                                        if code not in wrong and items[index].get(name) is not None), None))
            if item[name] is None:
                del item[name]
        for name in words:
            values = {code: items[index].get(name, "") for code, items in languages.items() if code not in wrong}
            if any(values.values()):
                item[name] = words_by_language(values, codes)
            else:
                item.pop(name, None)
    return wrong
