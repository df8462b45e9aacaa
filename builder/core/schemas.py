"""The JSON Schemas in schemas/: the single source of truth for field shapes.

They ship inside the package (builder.core.schemas), so editors' tools and the builder read the
same files.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import jsonschema

try:  # optional: a compiled validator that only says yes or no, many times faster
    import jsonschema_rs
except ImportError:  # pragma: no cover - then every file takes the detailed path
    jsonschema_rs = None

SCHEMA_FILES = {
    "site": "site.schema.json",
    "provider": "provider.schema.json",
    "service": "service.schema.json",
    "service-easy": "service-easy.schema.json",
    "page": "page.schema.json",
    "page-easy": "page-easy.schema.json",
}


def schema_dir() -> Path:
    """schemas/ in a source checkout, or the copy installed with the package."""
    source = Path(__file__).resolve().parents[2] / "schemas"
    if (source / "site.schema.json").is_file():
        return source
    # installed: the files sit in builder/schemas/ in the package, as "builder.schemas"
    return Path(__file__).resolve().parents[1] / "schemas"


@functools.cache
def schema(kind: str) -> dict:
    """The schema as the builder reads it (see _one_language)."""
    return _one_language(json.loads((schema_dir() / SCHEMA_FILES[kind]).read_text(encoding="utf-8")))


@functools.cache
def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(kind))


@functools.cache
def _quick(kind: str):
    if jsonschema_rs is None:
        return None
    try:
        return jsonschema_rs.Draft202012Validator(schema(kind))
    except Exception:  # a schema it cannot compile: the detailed path checks every file
        return None


def surely_valid(kind: str, data) -> bool:
    """True when the compiled validator finds nothing wrong, so the detailed one (whose errors
    become the editors' messages) need not run. Only its yes is trusted: a no, or data it cannot
    read (a number as a key, say), goes to the detailed path, which words every problem."""
    quick = _quick(kind)
    if quick is None:
        return False
    try:
        return quick.is_valid(data)
    except Exception:
        return False


TRANSLATED = {"$ref": "#/$defs/translated"}


def _one_language(node):
    """The schema as the builder checks a file: in one language at a time (builder/language/bilingual.py has
    already turned each {cy: ..., en: ...} into one language's words), so a text field is text."""
    if isinstance(node, dict):
        if len(node.get("anyOf", ())) == 2 and node["anyOf"][1] == TRANSLATED:
            return _one_language(node["anyOf"][0])
        return {key: _one_language(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_one_language(item) for item in node]
    return node


@functools.cache
def text_fields(kind: str) -> tuple[tuple[str, ...], ...]:
    """Where a file of this kind holds words (the fields that take a translation), as paths:
    ("locations", "*", "name"); "*" is any item of a list, "?" any key of a mapping."""
    if kind not in SCHEMA_FILES:
        return ()
    found: list[tuple[str, ...]] = []
    _text_paths(json.loads((schema_dir() / SCHEMA_FILES[kind]).read_text(encoding="utf-8")), (), found)
    return tuple(found)


def _text_paths(node, path: tuple[str, ...], found: list) -> None:
    if not isinstance(node, dict):
        return
    if TRANSLATED in node.get("anyOf", ()):
        found.append(path)
    for name, value in (node.get("properties") or {}).items():
        _text_paths(value, path + (name,), found)
    _text_paths(node.get("items"), path + ("*",), found)
    _text_paths(node.get("additionalProperties"), path + ("?",), found)
    for choice in [*node.get("anyOf", ()), *node.get("oneOf", ())]:
        _text_paths(choice, path, found)
