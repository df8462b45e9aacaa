"""The ORUK 3.0 schemata (tests/oruk-3.0/) as jsonschema validators, for the open data tests."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMATA = Path(__file__).parent / "oruk-3.0" / "schemata"
PAGE_FIELDS = ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents")


@functools.cache
def oruk_validator(name: str) -> Draft202012Validator:
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMATA.glob("*.json")}
    registry = Registry().with_resources(
        (file, Resource.from_contents(schema, default_specification=DRAFT202012)) for file, schema in schemas.items())
    return Draft202012Validator(schemas[name], registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors_of(validator: Draft202012Validator, item: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(item)]


def page_errors(page: dict, schema: str) -> list[str]:
    """What is wrong with an ORUK Page (the paged-list fields) and with each item in it."""
    problems = [f"missing {field}" for field in PAGE_FIELDS if field not in page]
    if problems:
        return problems
    if page["size"] != len(page["contents"]) or page["empty"] != (not page["contents"]):
        problems.append("size/empty do not match contents")
    if page["page_number"] == 1 and not page["first_page"] or page["page_number"] == page["total_pages"] and not page["last_page"]:
        problems.append("first_page/last_page do not match page_number")
    validator = oruk_validator(schema)
    return problems + [f"contents[{i}] {error}" for i, item in enumerate(page["contents"]) for error in errors_of(validator, item)]
