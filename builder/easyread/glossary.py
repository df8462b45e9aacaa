"""Hard words explained where they first appear on an Easy Read page (the theme's glossary.yaml).

The first row of a page that uses a glossary word is followed by the word's Easy Read explanation,
with its picture, unless the page explains the word itself in the next few sentences.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from builder.config.pictograms import Pictograms
from builder.content.easy_read_checks import EXPLAIN_WITHIN, explains
from builder.easyread.prose import Block, plain
from builder.easyread.sentences import Row
from builder.language.interface import _


@dataclass(frozen=True)
class Entry:
    words: tuple[str, ...]  # the word first, then its other forms
    easy: str  # the explanation: one Easy Read sentence
    picture: str  # a key of `facts` in pictograms.yaml

    def used_in(self, text: str) -> bool:
        return self._use.search(text) is not None

    @functools.cached_property
    def _use(self) -> re.Pattern:
        """Any of the word's forms, compiled once (this runs for every row of every Easy Read page)."""
        return re.compile("|".join(rf"\b{re.escape(word)}s?\b" for word in self.words), re.IGNORECASE)

    def explained_in(self, text: str) -> bool:
        return any(explains(word, text) for word in self.words)


@functools.cache
def load(theme_dirs: tuple[str, ...], language: str = "en") -> tuple[Entry, ...]:
    """The site's own glossary.yaml replaces the default one; a language other than English has its
    own words to explain, in glossary.<code>.yaml (glossary.cy.yaml)."""
    name = "glossary.yaml" if language == "en" else f"glossary.{language}.yaml"
    for folder in theme_dirs:
        path = Path(folder) / name
        if path.is_file():
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            return tuple(Entry((word, *entry.get("forms", ())), entry["easy"], entry.get("picture", ""))
                         for word, entry in data.items())
    return ()


def with_regulator(entries: tuple[Entry, ...], regulator) -> tuple[Entry, ...]:
    """The glossary and the site's care regulator (from regulators.yaml), unless the glossary has its own entry."""
    name = _(regulator.name)  # in the page's language, like the sentences that name it
    if any(name.casefold() == word.casefold() for entry in entries for word in entry.words):
        return entries
    return (*entries, Entry((name,), _(regulator.glossary), "checked"))


class Explainer:
    """Walks one page's rows in reading order, adding each explanation after the word's first use."""

    def __init__(self, entries: tuple[Entry, ...], pictures: Pictograms):
        self.waiting = list(entries)
        self.pictures = pictures

    def rows(self, rows: tuple[Row, ...], inline: bool = False) -> tuple[Row, ...]:
        """`inline`: the explanation joins the row's own sentence (in the summary box, one row per question)."""
        texts = [plain(f"{row.text} {row.link_text}") for row in rows]
        result = []
        for index, row in enumerate(rows):
            result.append(row)
            for entry in [e for e in self.waiting if e.used_in(texts[index])]:
                self.waiting.remove(entry)
                if any(entry.explained_in(text) for text in texts[index: index + 1 + EXPLAIN_WITHIN]):
                    continue
                if inline and not row.href:
                    result[-1] = replace(result[-1], text=f"{result[-1].text} {entry.easy}")
                else:
                    result.append(Row(self.pictures.fact(entry.picture) or self.pictures.fact("information"), entry.easy))
        return tuple(result)

    def blocks(self, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        return tuple(Block("rows", rows=self.rows(b.rows)) if b.kind == "rows" else b for b in blocks)
