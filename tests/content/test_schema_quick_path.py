"""The compiled validator (jsonschema-rs) only lets through files the detailed one passes too.

A file it calls valid skips the detailed check (builder/core/schemas.py), so a wrong "yes" would hide
an editor's mistake. Every file of the sample, and each of them broken field by field in the
ways editors break them, gets the same verdict from both, or a "no" from the quick one.
"""

from __future__ import annotations

import copy
from pathlib import Path

import jsonschema_rs  # noqa: F401  (a locked dependency: without it this test must fail, never skip)

from builder.content import files as content
from builder.core import schemas

SAMPLE = Path(__file__).parents[1] / "fixtures" / "sample"
WRONG_VALUES = (12345, 1.5, True, None, "", " ", "text\n", "١٢٣", "x" * 400, [], ["a", "a"], {}, {"unknown": 1},
                "2026-02-30", "01632 960123\n", "https://example.org/a b", "a@b,org")


def _sources():
    for path, kind in content.find_content(SAMPLE).files:
        source, _ = content.read_file(SAMPLE, path, kind)
        if source is not None:
            yield source


def _detailed_finds_nothing(kind: str, data) -> bool:
    return next(iter(schemas.validator(kind).iter_errors(data)), None) is None


def test_every_valid_sample_file_takes_the_quick_path():
    sources = list(_sources())
    assert sources and all(schemas.surely_valid(source.kind, source.data) for source in sources)


def test_no_broken_field_gets_a_quick_yes_the_detailed_check_would_refuse():
    wrong_yes = []
    for source in _sources():
        for key in list(source.data):
            for value in WRONG_VALUES:
                data = copy.deepcopy(dict(source.data))
                data[key] = value
                if schemas.surely_valid(source.kind, data) and not _detailed_finds_nothing(source.kind, data):
                    wrong_yes.append((source.path, key, value))
            data = {k: v for k, v in source.data.items() if k != key}
            if schemas.surely_valid(source.kind, data) and not _detailed_finds_nothing(source.kind, data):
                wrong_yes.append((source.path, key, "(deleted)"))
    assert wrong_yes == []
