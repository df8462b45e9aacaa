"""Interface words come from message catalogues (issue 12): every string is extracted, every shipped
language translates all of them, a site can change any of them in wording.yaml, and days, dates
and times come from Babel's locale data in the page's language."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from builder.language import interface as i18n
from builder.language import extract_messages as messages
from builder.pages import phrases
from builder.language import wording
from builder.content import overrides
from builder.easyread.sentences import cost_sentence
from builder.model.catalogue import Cost
import htmlparse
from conftest import MINIMAL_SITE, TODAY, build_in_subprocess, make_site, run_cli

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
    """A developer who adds or changes a string runs `python -m builder.language.extract_messages`; until then this fails."""
    extracted, template = _ids(messages.extract()), _ids(_catalogue(messages.LOCALE / "messages.pot"))
    assert not extracted - template, f"run `python -m builder.language.extract_messages`: not in messages.pot: {sorted(extracted - template)[:10]}"
    assert not template - extracted, f"run `python -m builder.language.extract_messages`: no longer used: {sorted(template - extracted)[:10]}"


@pytest.mark.parametrize("code", messages.languages())
def test_each_language_catalogue_has_every_string(code):
    extracted, catalogue = _ids(messages.extract()), _ids(_catalogue(messages.po_path(code)))
    assert not extracted - catalogue, f"{code}: missing {sorted(extracted - catalogue)[:10]}; run `python -m builder.language.extract_messages`"


def test_welsh_ships_with_the_theme():
    assert "cy" in shipped_languages()


@pytest.mark.parametrize("code", shipped_languages())
def test_a_shipped_language_translates_every_string(code):
    catalogue = _catalogue(messages.po_path(code))
    untranslated = [m.id for m in catalogue if m.id and (m.fuzzy or not (all(m.string) if isinstance(m.string, tuple) else m.string))]
    assert not untranslated, f"{code}: {len(untranslated)} strings untranslated, such as {untranslated[:5]}"


def test_the_catalogue_names_a_language_that_needs_a_reviewer():
    """Welsh written here is a draft until a Welsh speaker checks it: the catalogue and the Languages page say so."""
    assert "NEEDS REVIEW BY A WELSH SPEAKER" in messages.po_path("cy").read_text(encoding="utf-8")
    assert "review by a Welsh speaker" in (messages.ROOT / "docs" / "languages.md").read_text(encoding="utf-8")


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


# ---------------------------------------------------------------- a Welsh site (language: cy)

def _all_text(element) -> str:
    """Every word a reader may meet, hidden parts too (scripts show them): not scripts or styles."""
    def walk(el):
        for child in el.children:
            if isinstance(child, str):
                yield child
            elif child.tag not in ("script", "style", "template"):
                yield " " if child.tag == "br" else ""
                yield from walk(child)
    return re.sub(r"\s+", " ", "".join(walk(element)))


def _english_fragments() -> set[str]:
    """Pieces of English interface text (between placeholders) that a Welsh page must not show:
    at least two words, from strings whose Welsh differs from the English."""
    welsh = {m.id: m.string for m in _catalogue(messages.po_path("cy")) if m.id}
    fragments = set()
    for message_id, string in welsh.items():
        ids = message_id if isinstance(message_id, tuple) else (message_id,)
        strings = string if isinstance(string, tuple) else (string,)
        for english in ids:
            if english in strings:
                continue
            for piece in re.split(PLACEHOLDER + r"|<[^>]+>", english.replace("%%", "%")):
                piece = piece.strip(" .,:;()‘’“”")
                if len(piece.split()) >= 2 and len(piece) >= 10:
                    fragments.add(piece)
    return fragments


@pytest.fixture(scope="module")
def welsh_site(tmp_path_factory) -> Path:
    root = make_site(tmp_path_factory.mktemp("cy") / "site", {
        "site.yaml": MINIMAL_SITE.replace("review_months: 12\n", "review_months: 12\nlanguage: cy\n")})
    return build_in_subprocess(root, tmp_path_factory.mktemp("cy") / "out")


def test_a_welsh_site_is_labelled_welsh_on_every_page(welsh_site):
    pages = htmlparse.html_files(welsh_site)
    assert len(pages) > 20
    for file in pages:
        assert htmlparse.parse_file(file).html.get("lang") == "cy", file


def test_a_welsh_site_shows_no_english_interface_words(welsh_site):
    """Every page, both versions: no sentence of the English interface is left (the editors' own
    content, here in English, is theirs to translate)."""
    fragments = _english_fragments()
    content = {"Garden Club", "A local charity", "Testshire Care", "Find day opportunities in Testshire", "Testshire Council",
               "Community groups", "This website tells you about things to do in the day"}  # the editors' words
    found = {}
    for file in htmlparse.html_files(welsh_site):
        text = _all_text(htmlparse.parse_file(file))
        for name in content:
            text = text.replace(name, "")
        left = sorted(f for f in fragments if f in text)
        if left:
            found[file.relative_to(welsh_site).as_posix()] = left
    assert not found, found


def test_a_welsh_site_speaks_welsh_in_its_easy_read_and_scripts(welsh_site):
    service = next((welsh_site / "easy-read" / "services").rglob("index.html")).read_text(encoding="utf-8")
    assert "Ble mae e?" in service and "Beth yw e?" in service  # the Easy Read questions
    document = htmlparse.parse_file(next((welsh_site / "services").rglob("index.html")))
    words = json.loads(document.find_all("body")[0].get("data-messages"))
    assert words["Save to my list"] == "Cadw yn fy rhestr"  # what app.js writes on the button once saved/unsaved


def test_an_english_page_carries_no_script_words(sample_site):
    """In English the scripts' own words are right as they are, so the pages stay as before."""
    assert "data-messages" not in (sample_site / "index.html").read_text(encoding="utf-8")


def test_the_scripts_words_are_all_in_the_catalogue():
    """Each t("...") in assets/*.js is listed in SCRIPT_WORDS (so it is extracted and translated), and nothing else is."""
    used = set()
    for script in (messages.ROOT / "templates" / "assets").glob("*.js"):
        used |= set(re.findall(r'\bt\("((?:[^"\\]|\\.)*)"', script.read_text(encoding="utf-8")))
    assert used == set(phrases.SCRIPT_WORDS)


# ---------------------------------------------------------------- mistakes in wording.yaml

def _wording_problems(tmp_path, text: str) -> list[str]:
    root = make_site(tmp_path / "site", {"wording.yaml": text})
    return [str(p) for p in overrides.check(root)]


def test_words_the_theme_does_not_have_are_a_warning(tmp_path):
    assert _wording_problems(tmp_path, "en:\n  Tpyes of support: Short breaks\n") == [
        "wording.yaml:2: warning: en.Tpyes of support: the theme has no such words, so this changes nothing. "
        "Copy the English words exactly as templates/locale/messages.pot writes them (msgid lines)."]


def test_a_placeholder_the_theme_does_not_fill_is_an_error(tmp_path):
    assert _wording_problems(tmp_path, 'en:\n  Save to my list: Keep\n  "Lunch costs {money}.": "Dinner is {price}."\n') == [
        "wording.yaml:3: en.Lunch costs {money}.: the theme has no value called {price} to put in here. "
        "Use only the placeholders of the theme's words: {money}."]


def test_a_language_the_interface_lacks_is_an_error(tmp_path):
    assert _wording_problems(tmp_path, "fr:\n  Search: Chercher\n") == [
        "wording.yaml:1: fr: 'fr' is not a language the interface is translated into. Use one of: en, cy."]


def test_check_reports_wording_mistakes_and_publishes_nothing(tmp_path):
    root = make_site(tmp_path / "site", {"wording.yaml": 'en:\n  "Phone %(phone)s": "Ring %(number)s"\n'})
    result = run_cli("check", "--root", str(root), "--today", TODAY)
    assert result.exit_code == 1
    assert "wording.yaml:2: en.Phone %(phone)s: the theme has no value called %(number)s to put in here." in result.output + result.stderr
