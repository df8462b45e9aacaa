"""The quick inline stage (builder/content/markup.py) writes what Python-Markdown's own writes.

It leaves alone a run of text in which no inline pattern can start, so a pattern it failed to
know about would show as a difference here: on every body of the sample, bilingual and worst-case fixtures,
on the hostile Markdown of the security tests, and on each inline construct alone and mid-sentence.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from builder.content import files as content
from builder.content import markup

from content.test_security import HOSTILE_MARKDOWN

FIXTURES = Path(__file__).parents[1] / "fixtures"
CONSTRUCTS = ["`code`", "``two`` ticks", "\\*not emphasis\\*", "[a link](https://example.org)", "[ref][1]\n\n[1]: https://example.org",
              "![a picture](x.png)", "<https://example.org>", "<someone@example.org>", "a line  \nbreak", "<b>bold</b>",
              "&amp; &#169; &copy;", "*em* **strong** ***both***", "_em_ __strong__ snake_case_word", "a * b _ c", "Tea & coffee",
              "Ring 01632 960000 at 10:00! (Free.)", "# Heading\n\ntext", "| a | b |\n|---|---|\n| 1 | 2 |", "1. one\n2. two\n\n* x\n* y",
              "> quoted *text*", "    indented code <b>", "a <!-- comment --> b", "[link to a listing](../other/service.md)"]


def _bodies() -> list[content.SourceFile]:
    sources = []
    for site in (FIXTURES / "sample", FIXTURES / "bilingual", FIXTURES / "worst-case"):
        for path, kind in content.find_content(site).files:
            source, _ = content.read_file(site, path, kind)
            if source is not None and source.body.strip():
                sources.append(source)
    return sources


def _written(source: content.SourceFile, body: str | None = None) -> content.SourceFile:
    return source if body is None else dataclasses.replace(source, body=body)


@pytest.fixture(scope="module")
def parsers():
    return markup.markdown_parser(quick=True), markup.markdown_parser(quick=False)


def _both(parsers, source, monkeypatch) -> tuple:
    results = []
    for parser in parsers:
        monkeypatch.setattr(markup, "_MD", parser)
        results.append(markup.render_body(source))
    return tuple(results)


def _same(quick, plain) -> bool:
    return quick == plain


def test_the_quick_stage_is_on_for_the_locked_python_markdown(parsers):
    quick, plain = parsers
    assert type(quick.treeprocessors["inline"]).__name__ == "_QuickInline"
    assert type(plain.treeprocessors["inline"]).__name__ == "InlineProcessor"


def test_every_sample_body_renders_the_same_with_and_without_it(parsers, monkeypatch):
    sources = _bodies()
    assert len(sources) > 40
    different = [source.path for source in sources if not _same(*_both(parsers, source, monkeypatch))]
    assert different == []


@pytest.mark.parametrize("markdown", [HOSTILE_MARKDOWN] + CONSTRUCTS + [f"Before {c} after." for c in CONSTRUCTS])
def test_each_inline_construct_renders_the_same_with_and_without_it(parsers, monkeypatch, markdown):
    source = _written(_bodies()[0], markdown)
    quick, plain = _both(parsers, source, monkeypatch)
    assert quick == plain
