"""A bilingual site (issue 12): `languages: [cy, en]` puts the Welsh pages at the root and the English
ones under /en/, every page labelled with its language and linked to the same page in the other."""

from __future__ import annotations

import json
from pathlib import Path


import htmlparse
from conftest import BILINGUAL as FIXTURE, make_site, run_cli
from test_i18n import _all_text, _english_fragments

SITE = "https://example.org/catalogue/"
CONTENT_WORDS = {"Garden Club", "A local charity", "Testshire Care", "Find day opportunities in Testshire", "Testshire Council",
                 "Community groups", "This website tells you about things to do in the day", "Older people",
                 "People living with dementia", "People with dementia", "Groups near you", "Welsh-speaking Coffee Morning",
                 "Hartley Welsh Society", "Hartley Chapel Vestry", "Chapel Lane", "Lower Hartley"}  # the editors' words


def _pages(out: Path) -> dict[str, Path]:
    """{url from the site root: file} for every page but the not-found page (served at any address)."""
    return {htmlparse.page_url(out, file): file for file in htmlparse.html_files(out) if file.name != "404.html"}


def test_every_page_is_in_both_languages_and_labelled(bilingual_site):
    pages = _pages(bilingual_site)
    welsh = {url for url in pages if not url.startswith("en/")}
    english = {url.removeprefix("en/") for url in pages if url.startswith("en/")}
    assert len(welsh) > 40 and welsh == english
    assert "easy-read/services/testshire-care/garden-club/" in welsh
    for url, file in pages.items():
        assert htmlparse.parse_file(file).html.get("lang") == ("en-GB" if url.startswith("en/") else "cy"), url


def test_each_page_names_its_other_language_both_ways(bilingual_site):
    for url, file in _pages(bilingual_site).items():
        here = url.removeprefix("en/")
        document = htmlparse.parse_file(file)
        alternates = {link.get("hreflang"): link.get("href") for link in document.find_all("link")
                      if link.get("rel") == "alternate" and link.get("hreflang")}
        assert alternates == {"cy": SITE + here, "en-GB": SITE + "en/" + here}, url
        switch = [a for a in document.find_all("a") if a.get("hreflang") and a.get("lang")]
        assert len(switch) == 1, url
        other = "cy" if url.startswith("en/") else "en-GB"
        assert switch[0].get("lang") == other and _all_text(switch[0]).strip() == ("Cymraeg" if other == "cy" else "English")
        target = (file.parent / switch[0].get("href")).resolve()
        assert target == (bilingual_site / ("" if other == "cy" else "en/") / here).resolve(), url


def test_welsh_pages_show_no_english_interface_words(bilingual_site):
    fragments = _english_fragments()
    found = {}
    for url, file in _pages(bilingual_site).items():
        if url.startswith("en/"):
            continue
        document = htmlparse.parse_file(file)
        for body in document.find_all("div", class_="prose"):  # the editors' own text, whatever language it is in
            body.children = []
        text = _all_text(document)
        for name in CONTENT_WORDS:
            text = text.replace(name, "")
        left = sorted(f for f in fragments if f in text)
        if left:
            found[url] = left
    assert not found, found


def test_english_pages_speak_english(bilingual_site):
    home = (bilingual_site / "en" / "index.html").read_text(encoding="utf-8")
    assert "Skip to main content" in home and "Neidio" not in home
    service = (bilingual_site / "en" / "easy-read" / "services" / "testshire-care" / "garden-club" / "index.html").read_text(encoding="utf-8")
    assert "Where is it?" in service


def test_each_language_and_version_has_its_own_search_index(bilingual_site):
    for folder, language in (("", "cy"), ("easy-read/", "cy"), ("en/", "en"), ("en/easy-read/", "en")):
        entry = json.loads((bilingual_site / folder / "pagefind" / "pagefind-entry.json").read_text())
        assert list(entry["languages"]) == [language], folder
        search = htmlparse.parse_file(bilingual_site / folder / "search" / "index.html")
        form = next(f for f in search.find_all("form") if f.get("data-pagefind"))
        assert ((bilingual_site / folder / "search") / form.get("data-pagefind")).resolve() == (bilingual_site / folder / "pagefind").resolve()


def test_the_sitemap_service_worker_and_my_list_know_both_languages(bilingual_site):
    sitemap = (bilingual_site / "sitemap.xml").read_text()
    assert f"<loc>{SITE}services/testshire-care/garden-club/</loc>" in sitemap
    assert f"<loc>{SITE}en/easy-read/services/testshire-care/garden-club/</loc>" in sitemap
    worker = (bilingual_site / "sw.js").read_text()
    for page in ("./offline/", "./easy-read/offline/", "./en/offline/", "./en/easy-read/offline/", "./en/pagefind/pagefind.js"):
        assert f'"{page}"' in worker, page
    assert 'LANGUAGE_FOLDERS = ["en/"]' in worker
    files = json.loads((bilingual_site / "search-files.json").read_text())["files"]
    assert any(name.startswith("./en/easy-read/pagefind/") for name, _ in files)
    save = htmlparse.parse_file(bilingual_site / "en" / "services" / "testshire-care" / "garden-club" / "index.html")
    button = next(b for b in save.find_all("button") if b.get("data-url"))
    assert button.get("data-url") == "en/services/testshire-care/garden-club/"
    assert button.get("data-easy-url") == "en/easy-read/services/testshire-care/garden-club/"


def test_a_language_the_interface_lacks_is_an_error(tmp_path):
    site = (FIXTURE / "site.yaml").read_text(encoding="utf-8").replace("languages: [cy, en]", "languages: [cy, gd]")
    root = make_site(tmp_path, {"site.yaml": site})
    result = run_cli("check", "--root", str(root), "--today", "2026-11-23")
    assert result.exit_code == 1
    assert "site.yaml:5: languages: the pages' words (menus, buttons, headings) are not translated into 'gd'" in result.output


# ---------------------------------------------------------------- translated content

def _text(file: Path, selector_tag: str, class_: str | None = None):
    document = htmlparse.parse_file(file)
    element = (document.find_all(selector_tag, class_=class_) if class_ else document.find_all(selector_tag))[0]
    return _all_text(element).strip(), element.get("lang")


def test_translated_fields_and_bodies_show_in_each_language(bilingual_site):
    welsh = bilingual_site / "services" / "testshire-care" / "garden-club" / "index.html"
    english = bilingual_site / "en" / "services" / "testshire-care" / "garden-club" / "index.html"
    assert _text(welsh, "h1") == ("Clwb Garddio", None) and _text(english, "h1") == ("Garden Club", None)
    assert _text(welsh, "p", "lead") == ("Clwb garddio i bobl hŷn.", None)
    assert _text(english, "div", "prose") == ("We grow vegetables together.", None)  # garden-club.en.md
    assert _text(welsh, "div", "prose") == ("Rydyn ni’n tyfu llysiau gyda’n gilydd.", None)
    assert _text(bilingual_site / "en" / "about" / "index.html", "h1") == ("About", None)
    assert _text(bilingual_site / "about" / "index.html", "h1") == ("Amdanom ni", None)
    assert "<title>Dod o hyd i gyfleoedd dydd yn Testshire</title>" in (bilingual_site / "index.html").read_text(encoding="utf-8")
    assert "Gardening" in _all_text(htmlparse.parse_file(bilingual_site / "en" / "activities" / "gardening" / "index.html"))
    assert "Gardening" not in _all_text(htmlparse.parse_file(bilingual_site / "activities" / "gardening" / "index.html"))


def test_a_missing_translation_shows_the_first_language_marked_with_its_lang(bilingual_site):
    english = bilingual_site / "en" / "services" / "hartley-welsh-society" / "welsh-coffee-morning" / "index.html"
    text, lang = _text(english, "p", "lead")
    assert text.startswith("Bore coffi am ddim") and lang == "cy"  # WCAG 3.1.2: the words are Welsh
    assert _text(english, "h1") == ("Welsh-speaking Coffee Morning", None)


def test_check_warns_once_for_each_record_not_translated(tmp_path):
    """Its fields and text not in English are named in one warning (tests/language/test_language_of_parts.py has the rest)."""
    result = run_cli("check", "--root", str(FIXTURE), "--today", "2026-11-23")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if "welsh-coffee-morning" in line]
    assert warnings == ["content/providers/hartley-welsh-society/welsh-coffee-morning.md:3: warning: this listing has no English "
                        "translation (summary, locations.name, locations.address, text), so the English pages show it "
                        "in Welsh. Give each field its words in both languages, like summary: {cy: ..., en: ...}, and write the text "
                        "in welsh-coffee-morning.en.md."]
    assert "English: 0 of 2 listings, 0 of 2 providers, 1 of 2 pages and 1 of 8 labels translated." in result.output


def test_new_asks_for_each_language_on_a_bilingual_site(tmp_path):
    site = (FIXTURE / "site.yaml").read_text(encoding="utf-8")
    root = make_site(tmp_path, {"site.yaml": site})
    assert run_cli("new", "service", "testshire-care/lake-swim", "--root", str(root)).exit_code == 0
    text = (root / "content" / "providers" / "testshire-care" / "lake-swim.md").read_text(encoding="utf-8")
    assert "\nname:" in text and "\n  cy: Lake swim\n  en: Lake swim\n" in text
    assert "\n  en: One or two plain sentences about the service.\n" in text


def test_an_easy_read_body_has_its_own_translation(bilingual_site):
    welsh = _all_text(htmlparse.parse_file(bilingual_site / "easy-read" / "about" / "index.html"))
    english = _all_text(htmlparse.parse_file(bilingual_site / "en" / "easy-read" / "about" / "index.html"))
    assert "Mae’r wefan hon yn sôn am bethau" in welsh and "This website tells you about things" not in welsh
    assert "This website tells you about things to do in the day." in english  # about.en.easy.md
    assert _text(bilingual_site / "en" / "easy-read" / "about" / "index.html", "h1") == ("About this website", None)
