"""Language of parts (WCAG 3.1.2, issue 24): on a bilingual site where most content is not yet translated,
every word shown in a language other than the page's sits inside an element whose `lang` names it.

tests/fixtures/bilingual-partial is English first, its listings, pages and labels mostly English only,
one provider writing in Welsh only (content_language: cy). It is also built Welsh-first with
`content_language: en`, as a Welsh council writing its listings in English would set it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import htmlparse
from conftest import PROJECT, TODAY, make_site, run_cli

# The fixture's own words, by the language they are written in (untranslated and translated alike).
ENGLISH = (
    "Find day opportunities in Testshire", "Testshire Borough Council", "Monday to Friday, 9am to 5pm", "Northfield Vale",
    "Southern Hills", "Day centres for adults", "Community groups", "Groups near you", "One-to-one support at home",
    "A support worker helps you", "Older people", "People living with dementia", "People who forget things",
    "Gardening and growing", "Gardening outside", "Singing", "Testshire Care Trust", "A local charity running clubs",
    "Garden Club", "A gardening club for older people.", "Community Garden", "1 Park Road", "We grow vegetables together.",
    "Friday Lunch and Chat", "A hot two-course lunch", "Saint Aidan's Parish Hall", "2 Vicarage Road", "Not on bank holidays",
    "Two-course lunch", "Minibus there and back", "Lunch is served at noon", "You can eat a hot meal with other people.",
    "Home Support Visits", "A support worker visits you at home", "Support worker time", "Your support worker plans each visit",
    "About this site.", "This site lists day opportunities.", "About this website", "This website tells you about things to do",
    "Privacy notice", "What this site stores about you.", "This site does not store anything", "Your privacy",
    "This website does not keep facts",
)
WELSH = (
    "Dod o hyd i gyfleoedd dydd yn Testshire", "Bryniau'r De", "Grwpiau cymunedol", "Grwpiau yn agos atoch chi", "Pobl hŷn",
    "Canu", "Clwb Garddio", "Clwb garddio i bobl hŷn.", "Gardd Gymunedol", "Rydyn ni’n tyfu llysiau", "Cymdeithas Gymraeg Llan",
    "Grŵp bach o wirfoddolwyr", "Côr Cymunedol Llan", "Côr i bobl hŷn sy’n hoffi canu", "Festri Capel Bethel",
    "Heol y Capel, Llan", "Bob yn ail wythnos", "Rydyn ni’n canu bob nos Iau", "Amdanom ni", "Am y wefan hon",
    "Mae’r wefan hon yn rhestru", "Mae’r wefan hon yn sôn am bethau",
)
KNOWN = {**{words: "en" for words in ENGLISH}, **{words: "cy" for words in WELSH}}
_PATTERN = re.compile("|".join(rf"(?<!\w){re.escape(words)}(?!\w)" for words in sorted(KNOWN, key=len, reverse=True)))
READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")  # what a screen reader may say


def language_at(element) -> str:
    """The primary language of the nearest `lang` at or above the element ("en-GB" -> "en")."""
    for node in (element, *element.ancestors()):
        if node.get("lang") is not None:
            return node.get("lang").split("-")[0].lower()
    return ""


def _search_record(element) -> bool:
    """Pagefind's hidden record of a page (search.py): data, never shown; its words' languages travel as
    *_lang and *_parts meta, which search.js puts on the results (tested below)."""
    return any(node.get("hidden") is not None and node.get("data-pagefind-ignore") is not None for node in (element, *element.ancestors()))


def stray_words(document) -> list[str]:
    """Each of the fixture's words shown in the body in a language its element does not declare:
    "'Garden Club' (en) in <a> (cy)". The head (the <title>, metadata) is not read as the page's parts."""
    body = document.find("body")
    strays = []
    for element in body.iter():
        if element.tag in ("script", "style") or _search_record(element):
            continue
        texts = [child for child in element.children if isinstance(child, str)]
        texts += [element.get(name) for name in READ_ATTRIBUTES if element.get(name)]
        for text in texts:
            for match in _PATTERN.finditer(text):
                want, have = KNOWN[match.group(0)], language_at(element)
                if want != have:
                    strays.append(f"'{match.group(0)}' ({want}) in <{element.tag}> ({have})")
    return strays


FIXTURE = PROJECT / "tests" / "fixtures" / "bilingual-partial"


def _build(root: Path, out: Path, *flags: str) -> Path:
    result = subprocess.run([sys.executable, "-m", "builder", "build", "--root", str(root), "--out", str(out), "--today", TODAY, *flags],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def welsh_first(folder: Path) -> Path:
    """The fixture as a Welsh council writing its listings in English would set it up."""
    root = folder / "welsh-first"
    shutil.copytree(FIXTURE, root)
    site = root / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("languages: [en, cy]\n", "languages: [cy, en]\ncontent_language: en\n"),
                    encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def english_first(tmp_path_factory) -> Path:
    return _build(FIXTURE, tmp_path_factory.mktemp("partial") / "_site")


@pytest.fixture(scope="module")
def welsh_first_site(tmp_path_factory) -> Path:
    """Built with the offline copy, which is crawled too."""
    folder = tmp_path_factory.mktemp("partial-cy")
    return _build(welsh_first(folder), folder / "_site", "--offline-copy")


def _strays(out: Path) -> dict[str, list[str]]:
    found = {}
    for file in htmlparse.html_files(out):
        strays = stray_words(htmlparse.parse_file(file))
        if strays:
            found[htmlparse.page_url(out, file)] = strays
    return found


def _crawled(out: Path) -> set[str]:
    return {htmlparse.page_url(out, file) for file in htmlparse.html_files(out)}


def test_every_page_of_an_english_first_site_marks_the_words_in_another_language(english_first):
    pages = _crawled(english_first)
    for url in ("services/cymdeithas-llan/cor-llan/", "cy/services/testshire-care/lunch-and-chat/", "cy/easy-read/services/testshire-care/home-support/",
                "cy/search/", "cy/easy-read/search/", "cy/areas/northfield/", "cy/privacy/", "easy-read/providers/cymdeithas-llan/"):
        assert url in pages  # both languages, both versions, maps, search pages
    assert _strays(english_first) == {}


def test_every_page_of_a_welsh_first_site_writing_in_english_marks_the_english(welsh_first_site):
    assert "en/services/cymdeithas-llan/cor-llan/" in _crawled(welsh_first_site)
    assert _strays(welsh_first_site) == {}


def test_the_offline_copy_marks_them_too(welsh_first_site, tmp_path):
    with zipfile.ZipFile(next((welsh_first_site / "downloads").glob("*.zip"))) as copy:
        copy.extractall(tmp_path)
    pages = _crawled(tmp_path)
    assert len(pages) > 100 and any(url.endswith("/en/easy-read/search/") for url in pages)
    assert _strays(tmp_path) == {}
    finder = next(tmp_path.glob("*/en/find-data.js")).read_text(encoding="utf-8")
    data = json.loads(finder.removeprefix("window.catalogueFind=").rstrip().removesuffix(";"))
    assert ["area", "Bryniau'r De"] not in data["values"] and ["area", "Southern Hills"] in data["values"]  # the English words
    assert ["type", "Grwpiau cymunedol"] not in data["values"]
    choir = next(row for row in data["services"] if row[0] == "Côr Cymunedol Llan")
    assert choir[6] == {"name": "cy", "summary": "cy"}  # find.js puts them on the result


def _element(out: Path, url: str, tag: str, text: str):
    document = htmlparse.parse_file(out / url / "index.html")
    return next(e for e in document.find_all(tag) if e.text == text)


def test_a_welsh_first_council_writing_in_english_gets_lang_en_in_both_versions(welsh_first_site):
    standard = "services/testshire-care/lunch-and-chat/"
    assert _element(welsh_first_site, standard, "h1", "Friday Lunch and Chat").get("lang") == "en-GB"
    body = _element(welsh_first_site, standard, "div", "Lunch is served at noon in the hall. Come for the company, the food, or both.")
    assert body.get("lang") == "en-GB" and body.classes == ["prose"]
    easy = _element(welsh_first_site, "easy-read/" + standard, "h1", "Friday Lunch and Chat")
    assert easy.get("lang") == "en-GB"
    # on the English pages the same words are the page's own: no lang of their own
    assert _element(welsh_first_site, "en/" + standard, "h1", "Friday Lunch and Chat").get("lang") is None
    # a Welsh translation of an English listing's text (garden-club.cy.md) shows on the Welsh page, unmarked
    assert _element(welsh_first_site, "services/testshire-care/garden-club/", "div", "Rydyn ni’n tyfu llysiau gyda’n gilydd.").get("lang") is None


def test_easy_read_sentences_mark_the_names_inside_them(welsh_first_site):
    document = htmlparse.parse_file(welsh_first_site / "easy-read" / "services" / "testshire-care" / "lunch-and-chat" / "index.html")
    row = next(p for p in document.find_all("p") if p.text.startswith("Y lle yw Saint Aidan"))
    spans = [(s.text, s.get("lang")) for s in row.find_all("span")]
    assert spans == [("Saint Aidan's Parish Hall", "en-GB"), ("2 Vicarage Road, Testtown", "en-GB")]


def test_search_records_and_the_finder_carry_the_words_languages(english_first):
    document = htmlparse.parse_file(english_first / "cy" / "services" / "testshire-care" / "lunch-and-chat" / "index.html")
    meta = {s.get("data-pagefind-meta"): s.text for s in document.find_all("span") if s.get("data-pagefind-meta")}
    assert meta["title_lang"] == "en-GB" and meta["summary_lang"] == "en-GB"
    assert json.loads(meta["who_parts"]) == [["Pobl hŷn", ""], ["People living with dementia", "en-GB"]]
    filters = {(s.get("data-pagefind-filter"), s.text): s.get("lang") for s in document.find_all("span") if s.get("data-pagefind-filter")}
    assert filters[("type", "Day centres for adults")] == "en-GB" and filters[("who", "Pobl hŷn")] is None
    label = next(l for l in htmlparse.parse_file(english_first / "cy" / "search" / "index.html").find_all("label")
                 if l.text.startswith("Northfield Vale"))
    assert label.find("span").get("lang") == "en-GB"  # search.js reads a filter's language from its label


# ---------------------------------------------------------------- content language: declared, checked

def _partial_copy(folder: Path, files: dict[str, str | None] | None = None, site: tuple[str, str] | None = None) -> Path:
    root = folder / "site"
    shutil.copytree(FIXTURE, root)
    if site:
        path = root / "site.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(*site), encoding="utf-8")
    return make_site(root, files, base=False)


def _check(root: Path, *flags: str):
    return run_cli("check", "--root", str(root), "--today", TODAY, *flags)


def test_a_content_language_not_of_the_site_is_an_error_naming_file_line_and_field(tmp_path):
    choir = (FIXTURE / "content/providers/cymdeithas-llan/cor-llan.md").read_text(encoding="utf-8")
    root = _partial_copy(tmp_path, {"content/providers/cymdeithas-llan/cor-llan.md": choir.replace("content_language: cy", "content_language: fr")})
    result = _check(root)
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if "content_language" in line] == [
        "content/providers/cymdeithas-llan/cor-llan.md:2: content_language: 'fr' is not one of the site's languages (en, cy). "
        "Write the code of the language this file's words are in: en or cy."]


def test_a_sites_content_language_written_as_a_name_suggests_its_code(tmp_path):
    root = _partial_copy(tmp_path, site=("languages: [en, cy]\n", "languages: [en, cy]\ncontent_language: Welsh\n"))
    result = _check(root)
    assert result.exit_code == 1
    assert ("site.yaml:10: content_language: 'Welsh' is not one of the site's languages (en, cy). Did you mean 'cy'? "
            "Write the code of the language this file's words are in: en or cy.") in result.output.splitlines()


def test_a_translation_into_the_language_a_file_is_written_in_is_an_error(tmp_path):
    root = _partial_copy(tmp_path, {"content/providers/cymdeithas-llan/cor-llan.cy.md": "Rydyn ni’n canu.\n"})
    result = _check(root)
    assert result.exit_code == 1
    assert ("content/providers/cymdeithas-llan/cor-llan.cy.md:1: cor-llan.md is written in Welsh (content_language 'cy'), "
            "so this file would replace its words with others in the same language. Put this text in cor-llan.md, or delete "
            "the file, or say in cor-llan.md which language it is written in.") in result.output.splitlines()


def test_a_translation_into_the_first_language_is_read_when_the_file_is_written_in_another(welsh_first_site):
    """Welsh-first, content_language: en: garden-club.cy.md is the Welsh text of an English listing."""
    assert "Rydyn ni’n tyfu llysiau" in (welsh_first_site / "services/testshire-care/garden-club/index.html").read_text(encoding="utf-8")
    assert "We grow vegetables together." in (welsh_first_site / "en/services/testshire-care/garden-club/index.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------- translation status

PARTIAL_WELSH = "Welsh: 2 of 4 listings, 1 of 2 providers, 1 of 2 pages and 4 of 9 labels translated."
PARTIAL_ENGLISH = "English: 3 of 4 listings, 1 of 2 providers, 2 of 2 pages and 9 of 9 labels translated."


def test_check_warns_for_each_untranslated_listing_page_and_label_and_counts_them():
    result = _check(FIXTURE)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for line in (
        "content/providers/testshire-care/lunch-and-chat.md:2: warning: this listing has no Welsh translation (name, summary, "
        "locations.name, locations.address, times.note, costs.label, text, Easy Read text), so the Welsh pages show it in English. "
        "Give each field its words in both languages, like name: {en: ..., cy: ...}, and write the text in lunch-and-chat.cy.md, "
        "and the Easy Read text in lunch-and-chat.cy.easy.md.",
        "content/providers/cymdeithas-llan/provider.yaml:2: warning: this provider has no English translation (name, description), "
        "so the English pages show it in Welsh. Give each field its words in both languages, like name: {cy: ..., en: ...}.",
        "content/pages/privacy.md:2: warning: this page has no Welsh translation (title, summary, text, Easy Read title, Easy Read "
        "text), so the Welsh pages show it in English. Give each field its words in both languages, like title: {en: ..., cy: ...}, "
        "and write the text in privacy.cy.md, and the Easy Read text in privacy.cy.easy.md.",
        "site.yaml:26: warning: the label 'day-centre' (taxonomies.types) has no Welsh translation (label, easy), so the Welsh pages "
        "show it in English. Give each field its words in both languages, like label: {en: ..., cy: ...}.",
        "site.yaml:20: warning: the area 'northfield' has no Welsh translation (name), so the Welsh pages show it in English. "
        "Give each field its words in both languages, like name: {en: ..., cy: ...}.",
        "site.yaml:6: warning: the site's organisation has no Welsh translation, so the Welsh pages show it in English. Give each "
        "field its words in both languages, like organisation: {en: ..., cy: ...}.",
    ):
        assert line in lines, line
    assert lines[-3:] == [PARTIAL_ENGLISH, PARTIAL_WELSH, "0 errors and 13 warnings in 15 files. The content is ready to build."]
    assert not any("garden-club" in line for line in lines)  # translated throughout (its body in garden-club.cy.md)


def test_strict_makes_an_untranslated_listing_an_error():
    result = _check(FIXTURE, "--strict")
    assert result.exit_code == 1
    assert ("content/providers/testshire-care/home-support.md:2: this listing has no Welsh translation (name, summary, costs.label, "
            "text), so the Welsh pages show it in English. Give each field its words in both languages, like name: {en: ..., cy: ...}, "
            "and write the text in home-support.cy.md.") in result.output.splitlines()


def test_past_ten_untranslated_listings_check_summarises_them(tmp_path):
    listing = (FIXTURE / "content/providers/testshire-care/home-support.md").read_text(encoding="utf-8")
    root = _partial_copy(tmp_path, {f"content/providers/testshire-care/visits-{n}.md": listing.replace("Home Support Visits", f"Visits {n}")
                                    for n in range(1, 11)})
    lines = _check(root).output.splitlines()
    assert ("... and 9 more warnings like these (12 in all: this listing has no Welsh translation). Give each field its words in "
            "both languages, like name: {en: ..., cy: ...}, and write the text in home-support.cy.md. Run again with --verbose to "
            "list every one.") in lines
    assert "Welsh: 2 of 14 listings, 1 of 2 providers, 1 of 2 pages and 4 of 9 labels translated." in lines


def test_the_builds_last_lines_count_what_each_language_has(tmp_path):
    result = subprocess.run([sys.executable, "-m", "builder", "build", "--root", str(FIXTURE), "--out", str(tmp_path / "_site"),
                             "--today", TODAY, "--no-search"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-2:] == [PARTIAL_ENGLISH, PARTIAL_WELSH]


def test_a_one_language_site_says_nothing_of_translation(tmp_path):
    root = make_site(tmp_path)
    result = _check(root)
    assert "translated" not in result.output
    report = run_cli("report", "--root", str(root), "--today", TODAY)
    assert "## Translation" not in report.output


def test_the_report_lists_what_is_untranslated_for_translators():
    report = run_cli("report", "--root", str(FIXTURE), "--today", TODAY).output
    section = report[report.index("## Translation"):report.index("## Listings per provider")]
    assert section.splitlines()[:12] == [
        "## Translation", "",
        f"- {PARTIAL_ENGLISH}", f"- {PARTIAL_WELSH}", "",
        "### Not yet in English (2)", "",
        "Give each field below its English words (like `name: {cy: ..., en: ...}`); the text of a file goes in a file of its "
        "own beside it, named as shown.", "",
        "| What | File | Not in English |", "| --- | --- | --- |",
        "| Listing: Côr Cymunedol Llan | `content/providers/cymdeithas-llan/cor-llan.md` | name, summary, locations.name, "
        "locations.address, times.note, text (in `cor-llan.en.md`) |"]
    for row in ("| Listing: Friday Lunch and Chat | `content/providers/testshire-care/lunch-and-chat.md` | name, summary, locations.name, "
                "locations.address, times.note, costs.label, text (in `lunch-and-chat.cy.md`), Easy Read text (in "
                "`lunch-and-chat.cy.easy.md`) |",
                "| Label: dementia (taxonomies.who_for) | `site.yaml` | label, easy |",
                "| Area: northfield | `site.yaml` | name |",
                "| Site setting: contact.hours | `site.yaml` | contact.hours |"):
        assert row in section.splitlines(), row


def test_a_listing_lacking_only_its_text_is_told_which_file_to_write(tmp_path):
    root = _partial_copy(tmp_path, {"content/providers/testshire-care/garden-club.cy.md": None})
    assert ("content/providers/testshire-care/garden-club.md:20: warning: this listing has no Welsh translation (text), so the "
            "Welsh pages show it in English. Write the text in garden-club.cy.md beside this file.") in _check(root).output.splitlines()


def test_a_changed_content_language_rebuilds_every_page_showing_the_file(tmp_path):
    """The build cache compares what pages show by repr: a name's language is part of it."""
    root = welsh_first(tmp_path)
    _build(root, root / "_site", "--no-search")
    choir = root / "content/providers/cymdeithas-llan/cor-llan.md"
    choir.write_text(choir.read_text(encoding="utf-8").replace("content_language: cy", "content_language: en"), encoding="utf-8")
    _build(root, root / "_site", "--no-search")
    # a cold build of a copy without the cache (the cache's trash is still being emptied in the background)
    copy = shutil.copytree(root, tmp_path / "copy", ignore=shutil.ignore_patterns(".catalogue-cache", "_site"))
    _build(copy, tmp_path / "cold", "--no-search")
    cold = tmp_path / "cold"
    changed = [str(file.relative_to(cold)) for file in htmlparse.html_files(cold)
               if (root / "_site" / file.relative_to(cold)).read_bytes() != file.read_bytes()]
    assert changed == []
    assert '<span lang="en-GB">Côr Cymunedol Llan</span>' in (root / "_site/a-to-z/index.html").read_text(encoding="utf-8")


def test_an_easy_read_file_silent_on_the_language_its_standard_file_names_is_warned(tmp_path):
    root = _partial_copy(tmp_path, {"content/providers/cymdeithas-llan/cor-llan.easy.md":
                                    "---\nchecked_by: Testers\nchecked_on: 2026-06-01\n---\nRydyn ni’n canu.\n"})
    assert ("content/providers/cymdeithas-llan/cor-llan.easy.md:1: warning: content_language: cor-llan.md is written in Welsh "
            "(content_language: cy), but this file says nothing, so it is read as English. If it is in Welsh too, add "
            "content_language: cy to its front matter.") in _check(root).output.splitlines()
    (root / "content/providers/cymdeithas-llan/cor-llan.easy.md").write_text(
        "---\ncontent_language: cy\nchecked_by: Testers\nchecked_on: 2026-06-01\n---\nRydyn ni’n canu.\n", encoding="utf-8")
    assert not any("cor-llan.easy.md:1: warning: content_language" in line for line in _check(root).output.splitlines())
