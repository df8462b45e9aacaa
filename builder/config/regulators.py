"""The care regulator a site names (`regulator:` in site.yaml), from the theme's regulators.yaml.

England's Care Quality Commission is the default; Wales, Scotland and Northern Ireland have
their own regulator, register and ids. Each one's words and id shape live in regulators.yaml.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from builder.language.interface import _

DEFAULT = "cqc"


@dataclass(frozen=True)
class Regulator:
    key: str
    name: str
    short_name: str
    country: str
    registered: str
    not_registered: str
    register_link: str  # {name}, {id}
    easy_registered: str
    easy_not_registered: str
    glossary: str
    filter: str
    easy_filter: str
    id_name: str
    an_id: str  # id_name after 'a' or 'an'
    id_pattern: str
    id_example: str
    id_url: str  # {id}
    open_data_type: str

    def matches(self, regulator_id: str) -> bool:
        return re.fullmatch(self.id_pattern, regulator_id) is not None

    def url_for(self, regulator_id: str) -> str:
        return self.id_url.replace("{id}", regulator_id) if regulator_id else ""

    def link_text(self, service_name: str, regulator_id: str) -> str:
        """The link to the register, in the page's language."""
        return _(self.register_link).replace("{name}", service_name).replace("{id}", regulator_id)


@functools.cache
def load(theme_dirs: tuple[str, ...]) -> dict[str, Regulator]:
    """Every regulator by key; the site's own regulators.yaml replaces the default one."""
    for folder in theme_dirs:
        path = Path(folder) / "regulators.yaml"
        if path.is_file():
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            return {key: Regulator(key=key, **{k: str(v) for k, v in entry.items()}) for key, entry in data.items()}
    return {}


def default_regulators() -> dict[str, Regulator]:
    from builder.core.theme import default_theme
    return load((str(default_theme()),))


def default() -> Regulator:
    return default_regulators()[DEFAULT]


def shaped_like(regulator_id: str, regulators: dict[str, Regulator]) -> Regulator | None:
    """The regulator whose ids look like this one, if any."""
    return next((r for r in regulators.values() if r.matches(regulator_id)), None)
