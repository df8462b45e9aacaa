"""The theme's pictograms.yaml: which Mulberry symbol shows beside which fact, term, access feature,
day or word on Easy Read pages (and which the Easy Read checks may expect).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from builder.config.site import Term


@dataclass(frozen=True)
class Pictograms:
    """Our keys (taxonomy keys, facts, access features, days) -> symbol files."""

    groups: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "Pictograms":
        return cls(yaml.safe_load(path.read_text(encoding="utf-8")) or {})

    @classmethod
    def from_theme(cls, theme_dirs) -> "Pictograms":
        """The theme's pictograms.yaml: the site's own copy replaces the default one."""
        found = next((Path(d) / "pictograms.yaml" for d in theme_dirs if (Path(d) / "pictograms.yaml").is_file()), None)
        return cls.load(found) if found else cls()

    def fact(self, key: str) -> str:
        return self.groups.get("facts", {}).get(key, "")

    def term(self, term: Term) -> str:
        return term.symbol or self.groups.get(term.taxonomy, {}).get(term.key, "") or self.fact("information")

    def access(self, key: str) -> str:
        return self.groups.get("access", {}).get(key, "")

    def day(self, key: str) -> str:
        return self.groups.get("days", {}).get(key, "")

    def named(self, name: str) -> str:
        """An editor's {picture: name}: a fact, taxonomy or word key, or a symbol file name; "" if unknown."""
        if name.endswith(".svg"):
            return name if name in self.files() else ""
        return next((group[name] for group in self.groups.values() if name in group), "")

    def for_words(self, text: str) -> str:
        """The picture of the first word-list entry (in list order) that `text` uses, or ""."""
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = next((symbol for pattern, symbol in self._words if pattern.search(text)), "")
        return found

    @functools.cached_property
    def _words(self) -> tuple[tuple[re.Pattern, str], ...]:
        return tuple((re.compile(rf"(?<![A-Za-z]){re.escape(word)}(s|es)?(?![A-Za-z])", re.IGNORECASE), symbol)
                     for word, symbol in self.groups.get("words", {}).items())

    @functools.cached_property
    def _found(self) -> dict[str, str]:
        """Sentences seen before, with their picture: the same sentences recur on many pages."""
        return {}

    def files(self) -> set[str]:
        return {name for group in self.groups.values() for name in group.values()}
