"""Keys from what a source writes where a key is expected: the key, or a label in any of the site's languages.

A spreadsheet for a Welsh-first site may say "Older people" (the English label) or "Pobl hŷn" (the
Welsh one) in its who_for column: both mean `older-people`. Matching ignores case, spaces, hyphens
and underscores. A label shared by two keys is ambiguous: the message names both.
"""

from __future__ import annotations

import re
from pathlib import Path

from builder.config.site import SiteConfig
from builder.core.errors import did_you_mean
from builder.language import interface as i18n


def normal(text: str) -> str:
    """'Older-People ' -> 'older people'."""
    return " ".join(re.sub(r"[-_]+", " ", str(text).casefold()).split())


class Keys:
    """The keys of one vocabulary, found by key or by any label."""

    def __init__(self, labels: dict[str, list[str]], unknown: str, list_keys: bool = False):
        """`labels`: {key: its labels in every language}; `unknown`: what a miss says, like "is not in site.yaml";
        `list_keys`: a miss lists the keys (a short fixed list, like the ways to pay)."""
        self.keys = {normal(key): key for key in labels}
        self.by_label: dict[str, set[str]] = {}
        for key, names in labels.items():
            for name in names:
                if name:
                    self.by_label.setdefault(normal(name), set()).add(key)
        self.choices = list(labels) + list(dict.fromkeys(n for names in labels.values() for n in names if n))
        self.unknown, self.list_keys = unknown, list_keys

    def ambiguous(self, value: str) -> bool:
        return normal(value) not in self.keys and len(self.by_label.get(normal(value), ())) > 1

    def find(self, value: str) -> tuple[str, str]:
        """(the key, "") or ("", why not)."""
        wanted = normal(value)
        if wanted in self.keys:
            return self.keys[wanted], ""
        found = sorted(self.by_label.get(wanted, ()))
        if len(found) == 1:
            return found[0], ""
        if found:
            return "", f"'{value}' is the label of more than one key ({', '.join(found)}): write the key you mean."
        if self.list_keys:
            return "", f"'{value}' {self.unknown}. {did_you_mean(value, list(self.keys.values()))}"
        return "", f"'{value}' {self.unknown}. {did_you_mean(value, self.choices, list_them=False) or 'Use a key or label from site.yaml.'}"


def sites_in_every_language(site: SiteConfig) -> list[SiteConfig]:
    """The site.yaml labels in each of the site's languages (the first, then the others)."""
    return [site] + [other for _, other in site.translated]


def taxonomy_keys(site: SiteConfig, taxonomy: str) -> Keys:
    labels: dict[str, list[str]] = {}
    for config in sites_in_every_language(site):
        for term in config.taxonomy(taxonomy):
            labels.setdefault(term.key, []).extend((term.label, term.easy))
    return Keys(labels, "is not in site.yaml")


def word_keys(table, site: SiteConfig, root: Path | None) -> Keys:
    """An interface table ({'provided': N_('Provided')}) by key, English label or its label in each of
    the site's languages (from the theme's catalogue and the site's wording.yaml)."""
    interfaces = [i18n.load(root, tag) for tag in site.page_languages] if root is not None else []
    source = getattr(table, "source", table)  # a Labels table, or a dict of its English words
    labels = {key: [words, *(interface.gettext(words) for interface in interfaces)] for key, words in source.items()}
    return Keys(labels, "is not a value we know", list_keys=True)


class Vocabulary:
    """Every vocabulary an import reads keys of, each made once: the site's taxonomies and the interface's tables."""

    def __init__(self, site: SiteConfig, root: Path | None = None):
        self.site, self.root, self.made = site, root, {}
        self.codes = tuple(i18n.code_of(tag) for tag in site.page_languages)  # the site's languages, the first first

    def taxonomy(self, name: str) -> Keys:
        if name not in self.made:
            self.made[name] = taxonomy_keys(self.site, name)
        return self.made[name]

    def words(self, name: str, table) -> Keys:
        if name not in self.made:
            self.made[name] = word_keys(table, self.site, self.root)
        return self.made[name]
