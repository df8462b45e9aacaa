"""Interface words come from message catalogues (issue 12): every string is extracted, every shipped
language translates all of them, a site can change any of them in wording.yaml, and days, dates
and times come from Babel's locale data in the page's language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from builder import i18n, messages, wording
from builder.easyread import cost_sentence
from builder.model import Cost
from tests.conftest import build_in_subprocess, make_site

LANGUAGES_FILE = messages.ROOT / "templates" / "languages.yaml"


def _catalogue(path: Path):
    with path.open("rb") as file:
        return read_po(file)


def _ids(catalogue) -> set:
    return {m.id for m in catalogue if m.id}


def shipped_languages() -> list[str]:
    """The languages templates/languages.yaml offers, other than English (the message ids themselves)."""
    codes = yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8")) or {}
    return [str(code) for code in codes if str(code) != i18n.SOURCE_LANGUAGE]


def test_every_interface_string_is_in_the_catalogue_template():
    """A developer who adds or changes a string runs `python -m builder.messages`; until then this fails."""
    extracted, template = _ids(messages.extract()), _ids(_catalogue(messages.LOCALE / "messages.pot"))
    assert not extracted - template, f"run `python -m builder.messages`: not in messages.pot: {sorted(extracted - template)[:10]}"
    assert not template - extracted, f"run `python -m builder.messages`: no longer used: {sorted(template - extracted)[:10]}"


@pytest.mark.parametrize("code", messages.languages())
def test_each_language_catalogue_has_every_string(code):
    extracted, catalogue = _ids(messages.extract()), _ids(_catalogue(messages.po_path(code)))
    assert not extracted - catalogue, f"{code}: missing {sorted(extracted - catalogue)[:10]}; run `python -m builder.messages`"


@pytest.mark.parametrize("code", shipped_languages() or [pytest.param("none", marks=pytest.mark.skip("no language shipped but English"))])
def test_a_shipped_language_translates_every_string(code):
    catalogue = _catalogue(messages.po_path(code))
    untranslated = [m.id for m in catalogue if m.id and (m.fuzzy or not (all(m.string) if isinstance(m.string, tuple) else m.string))]
    assert not untranslated, f"{code}: {len(untranslated)} strings untranslated, such as {untranslated[:5]}"


def test_the_catalogue_names_a_language_that_needs_a_reviewer():
    """Welsh written here is a draft until a Welsh speaker checks it: the catalogue and the README say so."""
    assert "NEEDS REVIEW BY A WELSH SPEAKER" in messages.po_path("cy").read_text(encoding="utf-8")
    assert "review by a Welsh speaker" in (messages.ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture
def english():
    i18n.activate(i18n.Interface("en-GB"))
    yield
    i18n.activate(i18n.Interface())


@pytest.fixture
def welsh():
    i18n.activate(i18n.load(messages.ROOT, "cy"))
    yield
    i18n.activate(i18n.Interface())


def test_english_days_dates_and_times_keep_the_house_style(english):
    assert wording.days_text(["mon", "tue", "wed", "fri"]) == "Monday to Wednesday and Friday"
    assert wording.date_text(dt.date(2025, 3, 30)) == "30 March 2025"
    assert [wording.clock(t) for t in ("09:30", "12:00", "14:00", "24:00", "00:00", "11:05")] == \
        ["9:30am", "midday", "2pm", "midnight", "midnight", "11:05am"]
    assert wording.time_range("09:30", "15:30") == "9:30am to 3:30pm"
    assert wording.join_words(["a", "b", "c"]) == "a, b and c"


def test_welsh_days_dates_and_times_come_from_babel(welsh):
    assert wording.DAY_NAMES["mon"] == "Dydd Llun"
    assert wording.date_text(dt.date(2025, 3, 30)) == "30 Mawrth 2025"
    assert wording.clock("09:30") == "9:30am" and wording.clock("14:00") == "2pm"  # CLDR cy: AM, PM; written small


def test_a_site_replaces_interface_words_in_wording_yaml(tmp_path):
    """A council's own words ("Short breaks" for "Types of support") without touching the templates."""
    root = make_site(tmp_path / "site", {"wording.yaml": (
        "# Our own words for the interface\n"
        "en:\n"
        "  Types of support: Short breaks and support\n"
        "  Save to my list: Keep for later\n"
        "  It is free.: You do not pay.\n")})
    out = build_in_subprocess(root, tmp_path / "out")
    home = (out / "index.html").read_text(encoding="utf-8")
    assert ">Short breaks and support</a>" in home and ">Types of support<" not in home
    service = next((out / "services").rglob("index.html")).read_text(encoding="utf-8")
    assert "Keep for later</button>" in service and "Save to my list</button>" not in service


def test_wording_overrides_apply_to_python_sentences(tmp_path, english):
    (tmp_path / "wording.yaml").write_text("en:\n  Lunch costs {money}.: Dinner is {money}.\n", encoding="utf-8")
    i18n.forget()
    i18n.activate(i18n.load(tmp_path, "en-GB"))
    assert cost_sentence(Cost("Lunch", 7.5, "session", "lunch")) == "Dinner is £7.50."
    i18n.forget()


PLACEHOLDER = r"%\([a-z_]+\)s|\{[a-z_]+\}|%%"


@pytest.mark.parametrize("code", messages.languages())
def test_translations_keep_the_placeholders_of_the_english(code):
    """A translation that drops or renames '%(name)s' or '{money}' would break the page (or lose the fact)."""
    import re
    wrong = []
    for message in _catalogue(messages.po_path(code)):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(re.findall(PLACEHOLDER, ids[-1])) | set(re.findall(PLACEHOLDER, ids[0]))
        for string in filter(None, strings):
            found = set(re.findall(PLACEHOLDER, string))
            plural = len(ids) > 1  # a plural form may say "1" in words instead of its number
            if not found <= wanted or (not plural and found != wanted):
                wrong.append((ids[0], string))
    assert not wrong, wrong[:5]
