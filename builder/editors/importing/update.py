"""What `--update` keeps: a field, a language or a label the source does not hold stays as the file has it.

A spreadsheet with one language's words updates that language: `name: {cy: ..., en: ...}` stays a
mapping when the sheet has only the Welsh name, a cost keeps its English label and its `kind`,
a place keeps its access features when the sheet has no access column.
"""

from __future__ import annotations

from builder.language.bilingual import is_translation


def keep_languages(old, new, codes: tuple[str, ...]):
    """`new` (read from the source) over `old` (in the file): plain text from the source is the first
    language's words; mappings, lists of the same length and nested fields are merged, never emptied."""
    if old is None:
        return new
    if is_translation(old, codes):
        if isinstance(new, str):
            return old if old.get(codes[0]) == new else {**old, codes[0]: new}
        if is_translation(new, codes):
            return {**old, **new}
        return new
    if isinstance(old, dict) and isinstance(new, dict) and not is_translation(new, codes):
        return {**old, **{key: keep_languages(old.get(key), value, codes) for key, value in new.items()}}
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [keep_languages(a, b, codes) for a, b in zip(old, new)]
    return new


def first_words(value) -> str:
    """The words a name is matched and slugged by: plain text, or the first language's of a mapping."""
    if isinstance(value, dict):
        return str(next((v for v in value.values() if v), ""))
    return str(value or "")


def every_name(value) -> list[str]:
    """A provider's name in each language it is written in (any of them finds it)."""
    return [str(v) for v in value.values() if v] if isinstance(value, dict) else [str(value)] if value else []
