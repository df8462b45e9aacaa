"""Interface words in the page's language: gettext message catalogues read with Babel.

The theme ships one catalogue per language, templates/locale/<code>/LC_MESSAGES/messages.po
(English needs none: the message ids are the English words). The package build compiles each
into a messages.mo beside it (setup.py), which an installed tool reads; in a source checkout,
where no .mo file is kept, the .po files are compiled in memory when a build starts.

A site changes any interface words without touching the templates, in `wording.yaml` beside
site.yaml ({language code: {the words as the theme writes them in English: its own words}});
a site's own templates/locale/ catalogue replaces the theme's, like any theme file.

Rendering in a language is one call: `activate(load(root, "cy"))`. Templates (through Jinja2's
i18n extension) and the Python that writes sentences (wording.py, easyread.py...) then read the
active catalogue; `locale()` gives Babel's locale data for days, months and times.
"""

from __future__ import annotations

import contextlib
import functools
import gettext as gettext_module
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import babel
import yaml
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from markupsafe import Markup

from builder.core import theme

SOURCE_LANGUAGE = "en"
OVERRIDES = "wording.yaml"


def N_(message: str) -> str:
    """Marks words to translate where they are written (a table, a constant); `_()` translates them when used."""
    return message


@dataclass
class Interface:
    """The interface's words in one language: the site's own wording first, then the theme's catalogue."""

    language: str = "en-GB"  # as site.yaml writes it: the <html lang>
    catalogue: gettext_module.NullTranslations = field(default_factory=gettext_module.NullTranslations)
    own: dict = field(default_factory=dict)  # wording.yaml for this language
    # each message looked up once: templates and sentences ask for the same few hundred words on every page
    words: dict = field(default_factory=dict, repr=False, compare=False)
    markup: dict = field(default_factory=dict, repr=False, compare=False)  # for templates: (message, has variables)

    def gettext(self, message: str) -> str:
        found = self.words.get(message)
        if found is None:
            found = self.words[message] = self.own.get(message) or self.catalogue.gettext(message)
        return found

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        if count == 1 and self.own.get(singular):
            return self.own[singular]
        if count != 1 and self.own.get(plural):
            return self.own[plural]
        return self.catalogue.ngettext(singular, plural, count)

    @property
    def code(self) -> str:
        """'en-GB' -> 'en': the catalogue's language."""
        return code_of(self.language)

    @functools.cached_property
    def locale(self) -> babel.Locale:
        return babel.Locale.parse(self.language.replace("-", "_"))


class per_language:
    """Like functools.cached_property, but one value for each interface language: a bilingual build
    renders the same object in both languages, and the words (days, times, costs) differ."""

    def __init__(self, function):
        self.function = function
        self.name = function.__name__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        key = (self.name, _ACTIVE[0].language)
        cache = instance.__dict__.setdefault("_per_language", {})
        if key not in cache:
            cache[key] = self.function(instance)
        return cache[key]


def code_of(language: str) -> str:
    return language.split("-")[0].lower()


_ACTIVE = [Interface()]


def activate(interface: Interface) -> None:
    _ACTIVE[0] = interface


def active() -> Interface:
    return _ACTIVE[0]


@contextlib.contextmanager
def english():
    """Words for the council's staff rather than the public (`check` messages, the commissioners'
    report) stay in English, whatever the pages' language."""
    before = _ACTIVE[0]
    _ACTIVE[0] = Interface()
    try:
        yield
    finally:
        _ACTIVE[0] = before


def in_english(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with english():
            return function(*args, **kwargs)
    return wrapper


def _(message: str) -> str:
    """The words in the active language."""
    return _ACTIVE[0].gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _ACTIVE[0].ngettext(singular, plural, count)


def template_gettext(message: str, **variables) -> Markup:
    """`_()` in templates, as Jinja2's newstyle gettext does it (the words as Markup, then always
    `% variables`, which escapes them), without its three nested context calls. Without variables
    the result is the same on every page, so it is kept."""
    if variables:
        found = _ACTIVE[0].markup.get((message, True))
        if found is None:
            found = _ACTIVE[0].markup[(message, True)] = Markup(_ACTIVE[0].gettext(message))
        return found % variables
    found = _ACTIVE[0].markup.get((message, False))
    if found is None:
        found = _ACTIVE[0].markup[(message, False)] = Markup(_ACTIVE[0].gettext(message)) % {}
    return found


def locale() -> babel.Locale:
    return _ACTIVE[0].locale


def load(root: Path, language: str) -> Interface:
    return _load(str(root), tuple(str(d) for d in theme.theme_dirs(root)), language)


@functools.cache
def _load(root: str, theme_dirs: tuple[str, ...], language: str) -> Interface:
    code = code_of(language)
    catalogue = theme_catalogue(theme_dirs, code) if code != SOURCE_LANGUAGE else gettext_module.NullTranslations()
    return Interface(language, catalogue, own_wording(Path(root), code))


def theme_catalogue(theme_dirs: tuple[str, ...], code: str) -> gettext_module.NullTranslations:
    """The theme's catalogue for this language, the site's own copy first: the messages.mo compiled
    when the package was built (an installed tool), or else the messages.po compiled in memory."""
    for folder in theme_dirs:
        messages = Path(folder) / "locale" / code / "LC_MESSAGES"
        mo = messages / "messages.mo"
        if mo.is_file() and Path(folder) == theme.default_theme():  # a site's own .mo could be stale: its .po is the truth
            with mo.open("rb") as file:
                return gettext_module.GNUTranslations(file)
        if (messages / "messages.po").is_file():
            return compile_po(messages / "messages.po")
    return gettext_module.NullTranslations()


def compile_po(po: Path) -> gettext_module.GNUTranslations:
    with po.open("rb") as file:
        messages = read_po(file)
    compiled = io.BytesIO()
    write_mo(compiled, messages)  # fuzzy and empty translations are left out: the English shows instead
    compiled.seek(0)
    return gettext_module.GNUTranslations(compiled)


def own_wording(root: Path, code: str) -> dict[str, str]:
    """wording.yaml beside site.yaml: {language code: {theme's English words: the site's words}}."""
    path = root / OVERRIDES
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    table = data.get(code) if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in table.items() if v} if isinstance(table, dict) else {}


def forget() -> None:
    """Read catalogues and wording.yaml afresh (for `serve`, which builds again after an edit)."""
    _load.cache_clear()


class Labels(Mapping):
    """A table of interface words by key ({'lift': N_('Lift')}), read in the active language."""

    def __init__(self, source: dict[str, str]):
        self.source = dict(source)

    def __getitem__(self, key: str) -> str:
        return _(self.source[key])

    def __iter__(self):
        return iter(self.source)

    def __len__(self) -> int:
        return len(self.source)

    def __repr__(self) -> str:
        return f"Labels({self.source!r})"
