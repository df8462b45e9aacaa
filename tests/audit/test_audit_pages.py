"""catalogue audit without a browser: which pages it opens, the content file behind each, broken links,
its lines and annotations, the Nu HTML Checker's skip notes, Playwright missing, and the shipped axe-core."""

from __future__ import annotations

import builtins
import json
import shutil
from pathlib import Path

import click
import pytest

from builder.audit import browser, nu_checker
from builder.audit.checks import AXE, axe_version
from builder.audit.findings import Finding
from builder.audit.links import BrokenLink, broken_links
from builder.audit.selection import kind_of, pages_to_audit, source_of, sub_path
from conftest import PROJECT, SAMPLE

KINDS = ["a-to-z", "accessibility-statement", "activities", "activity", "areas", "area", "credits", "home",
         "information", "my-list", "not-found", "offline", "open-data", "provider", "providers", "search", "service",
         "type", "types", "who-for", "who-for group"]


def test_one_page_of_every_kind_in_both_versions_of_the_sample(sample_site):
    pages = pages_to_audit(sample_site, SAMPLE)
    for easy in (False, True):
        assert sorted(p.kind for p in pages if p.easy == easy) == sorted(KINDS)
    assert len(pages) == 42 and {p.language for p in pages} == {""}
    service = next(p for p in pages if p.kind == "service" and p.easy)
    # the largest page of its kind: the one with most on it
    assert service.url == "easy-read/services/redvale-council/orchard-house-hub/"
    assert service.source == "content/providers/redvale-council/orchard-house-hub.easy.md"


def test_a_changed_listing_adds_its_standard_and_easy_read_pages(sample_site):
    pages = pages_to_audit(sample_site, SAMPLE, ["content/providers/riverside-care/riverside-day-centre.md", "site.yaml"])
    assert [(p.url, p.source) for p in pages[-2:]] == [
        ("services/riverside-care/riverside-day-centre/", "content/providers/riverside-care/riverside-day-centre.md"),
        ("easy-read/services/riverside-care/riverside-day-centre/",
         "content/providers/riverside-care/riverside-day-centre.easy.md")]
    assert len(pages) == 44  # site.yaml has no page of its own


def test_every_language_is_audited_and_its_own_files_named(bilingual_site):
    root = PROJECT / "tests" / "fixtures" / "bilingual"
    pages = pages_to_audit(bilingual_site, root, ["content/pages/about.en.md"])
    assert {(p.language, p.easy) for p in pages} == {("", False), ("", True), ("en/", False), ("en/", True)}
    about = {p.url: p.source for p in pages if p.url.endswith("about/")}
    assert about == {"about/": "content/pages/about.md", "easy-read/about/": "content/pages/about.easy.md",
                     "en/about/": "content/pages/about.en.md", "en/easy-read/about/": "content/pages/about.en.easy.md"}


def test_page_kinds_and_sources_from_the_address():
    assert [kind_of(u) for u in ["", "404.html", "services/a/b/", "providers/", "providers/a/", "areas/", "areas/x/",
                                 "search/", "privacy/"]] == [
        "home", "not-found", "service", "providers", "provider", "areas", "area", "search", "information"]
    assert source_of(SAMPLE, "providers/riverside-care/", []) == "content/providers/riverside-care/provider.yaml"
    assert source_of(SAMPLE, "areas/kingsford/", []) is None
    assert source_of(None, "privacy/", []) is None


def test_the_sample_build_has_no_broken_links_and_is_served_under_its_sub_path(sample_site):
    assert sub_path(sample_site) == "/day-opportunities/"
    assert broken_links(sample_site) == []


def test_a_broken_link_and_a_missing_id_name_the_page_and_the_target(sample_site, tmp_path):
    out = tmp_path / "_site"
    shutil.copytree(sample_site, out, ignore=shutil.ignore_patterns("pagefind*"))
    about = out / "about" / "index.html"
    about.write_text(about.read_text(encoding="utf-8").replace(
        "</main>", '<a href="../nowhere/">Gone</a><a href="../privacy/#no-such-part">Part</a>'
                   '<a href="/elsewhere/">Off the site</a><a href="https://example.org/x">Away</a></main>'), encoding="utf-8")
    assert broken_links(out) == [
        BrokenLink("about/", "nowhere/", '<a href="../nowhere/">'),
        BrokenLink("about/", "privacy/#no-such-part", '<a href="../privacy/#no-such-part">', "no id 'no-such-part' on that page"),
        BrokenLink("about/", "/elsewhere/", '<a href="/elsewhere/">', "outside the site's address /day-opportunities/"),
    ]


def test_a_finding_is_one_line_and_an_annotation_on_the_content_file():
    finding = Finding("https://example.org/catalogue/about/", "axe image-alt",
                      "Images must have alternative text (1 element: img)", "content/pages/about.md")
    assert str(finding) == "https://example.org/catalogue/about/: axe image-alt: Images must have alternative text (1 element: img)"
    assert finding.github() == ("::error file=content/pages/about.md,title=catalogue audit%3A axe image-alt::"
                                "https://example.org/catalogue/about/: axe image-alt: Images must have alternative text (1 element: img)")
    assert Finding("https://example.org/catalogue/", "reflow", "400px wide").github() == (
        "::error title=catalogue audit%3A reflow::https://example.org/catalogue/: reflow: 400px wide")


def test_the_nu_checker_says_plainly_why_it_was_skipped(tmp_path):
    jar = tmp_path / "vnu.jar"
    assert nu_checker.why_skipped(None, jar, None) == (
        "the Nu HTML Checker was skipped: Java is not installed (install a Java runtime, 11 or later, to run it).")
    assert nu_checker.why_skipped("/usr/bin/java", None, None) == (
        "the Nu HTML Checker was skipped: vnu.jar was not found (npm install vnu-jar puts it in "
        "node_modules/vnu-jar/build/dist/vnu.jar; or name it with --vnu or VNU_JAR).")
    assert nu_checker.why_skipped("/usr/bin/java", None, jar) == f"the Nu HTML Checker was skipped: {jar} does not exist."
    assert nu_checker.why_skipped("/usr/bin/java", jar, jar) == ""
    assert nu_checker.find_vnu(None, PROJECT) == PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_without_playwright_the_audit_says_how_to_install_it(monkeypatch):
    real_import = builtins.__import__

    def no_playwright(name, *args, **kwargs):
        if name.startswith("playwright"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_playwright)
    with pytest.raises(click.ClickException) as raised:
        browser.sync_playwright()
    assert raised.value.message == ("catalogue audit needs Playwright, which is not installed. Install the audit extra: "
                                    'pip install "day-opportunities-catalogue[audit]"')


def test_a_browser_that_is_not_there_is_named():
    with pytest.raises(click.ClickException) as raised:
        browser.find_chromium("/no/such/chrome")
    assert raised.value.message == ("the browser /no/such/chrome is not there. Name an installed Chromium or Google Chrome "
                                    "with --chromium or the CHROMIUM environment variable.")


def test_the_shipped_axe_core_is_package_locks_version_with_its_licence():
    lock = json.loads((PROJECT / "package-lock.json").read_text(encoding="utf-8"))["packages"]["node_modules/axe-core"]
    assert axe_version() == lock["version"] == AXE.read_text(encoding="utf-8").split("\n", 1)[0].removeprefix("/*! axe v")
    assert lock["license"] == "MPL-2.0"
    assert "Mozilla Public License, version 2.0" in (AXE.parent / "LICENSE").read_text(encoding="utf-8")
    npm_copy = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
    assert AXE.read_bytes() == npm_copy.read_bytes(), "copy node_modules/axe-core/axe.min.js into builder/audit/axe/"
