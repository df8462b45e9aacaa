"""The JSON Schemas in schemas/: the single source of truth for field shapes.

They ship inside the package (builder.schemas), so editors' tools and the builder read the
same files.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import jsonschema

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
    source = Path(__file__).resolve().parent.parent / "schemas"
    if (source / "site.schema.json").is_file():
        return source
    # installed: the files sit in builder/schemas/ beside this module, which shadows them as "builder.schemas"
    return Path(__file__).resolve().parent / "schemas"


@functools.cache
def schema(kind: str) -> dict:
    """The schema as the builder reads it (see _one_language)."""
    return _one_language(json.loads((schema_dir() / SCHEMA_FILES[kind]).read_text(encoding="utf-8")))


@functools.cache
def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(kind))


TRANSLATED = {"$ref": "#/$defs/translated"}


def _one_language(node):
    """The schema as the builder checks a file: in one language at a time (builder/translations.py has
    already turned each {cy: ..., en: ...} into one language's words), so a text field is text."""
    if isinstance(node, dict):
        if len(node.get("anyOf", ())) == 2 and node["anyOf"][1] == TRANSLATED:
            return _one_language(node["anyOf"][0])
        return {key: _one_language(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_one_language(item) for item in node]
    return node
