"""What every built page carries for defence in depth, and the files researchers and robots read.

The browser proof that the policy bites is tests/browser/test_content_security_policy.py."""

from __future__ import annotations

import pytest

import re

from builder.config import security
from conftest import PROJECT
from htmlparse import html_files, page_url, parse_file


@pytest.fixture(scope="module")
def documents(sample_site):
    files = [f for f in html_files(sample_site) if "pagefind" not in f.parts]
    assert len(files) > 200
    return [(page_url(sample_site, f), parse_file(f)) for f in files]


def test_every_page_carries_the_policy_before_anything_it_loads(documents):
    bad = []
    for url, doc in documents:
        head = doc.find("head")
        policies = [m.get("content") for m in doc.find_all("meta") if m.get("http-equiv") == "Content-Security-Policy"]
        loads = [el for el in head.iter() if el.tag in ("link", "script", "style", "meta")]
        first = next(i for i, el in enumerate(loads) if el.get("http-equiv") == "Content-Security-Policy") if policies else -1
        if policies != [security.CONTENT_SECURITY_POLICY] or any(el.tag != "meta" for el in loads[:first]):
            bad.append((url, policies))
    assert bad == []


def test_the_policy_allows_only_the_sites_own_files_and_pagefinds_webassembly():
    policy = dict(part.split(" ", 1) for part in security.CONTENT_SECURITY_POLICY.split("; "))

    assert policy["default-src"] == "'none'" and policy["object-src"] == "'none'"
    assert policy["script-src"] == "'self' 'wasm-unsafe-eval' 'report-sample'"
    assert policy["style-src"] == "'self' 'report-sample'"
    for directive in ("img-src", "font-src", "connect-src", "worker-src", "manifest-src", "base-uri", "form-action"):
        assert policy[directive] == "'self'", directive
    assert "unsafe-inline" not in security.CONTENT_SECURITY_POLICY and "*" not in security.CONTENT_SECURITY_POLICY


def test_no_page_tells_another_site_which_page_a_visitor_came_from(documents):
    referrer = {url: [m.get("content") for m in doc.find_all("meta") if m.get("name") == "referrer"] for url, doc in documents}
    assert {url: found for url, found in referrer.items() if found != ["no-referrer"]} == {}


def test_the_brand_colour_comes_from_a_stylesheet_every_page_links(sample_site, documents):
    assert (sample_site / "assets" / "brand.css").read_text(encoding="utf-8") == ":root { --brand: #1d5b79; }\n"
    missing = [url for url, doc in documents
               if not any((link.get("href") or "").endswith("assets/brand.css") for link in doc.find_all("link"))]
    assert missing == []


def test_security_txt_follows_rfc_9116_from_site_yaml(sample_site):
    text = (sample_site / ".well-known" / "security.txt").read_text(encoding="utf-8")

    assert text == (
        "Contact: mailto:security@redvale.example.org\n"
        "Expires: 2027-10-31T00:00:00Z\n"
        "Policy: https://github.com/example/day-opportunities/security/policy\n"
        "Preferred-Languages: en\n"
        "Canonical: https://example.github.io/day-opportunities/.well-known/security.txt\n"
    )


def test_without_a_security_block_no_security_txt_is_published(tmp_path):
    from conftest import TODAY, make_site, run_cli
    root = make_site(tmp_path / "site")
    out = tmp_path / "out"

    result = run_cli("build", "--root", str(root), "--out", str(out), "--today", TODAY, "--no-search")

    assert result.exit_code == 0, result.output
    assert not (out / ".well-known").exists()
    assert (out / "assets" / "brand.css").is_file()


def test_robots_txt_allows_everything_and_names_only_the_sitemap(sample_site):
    assert (sample_site / "robots.txt").read_text(encoding="utf-8") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://example.github.io/day-opportunities/sitemap.xml\n")


def test_every_promise_in_security_md_points_at_a_test_that_exists():
    text = (PROJECT / "SECURITY.md").read_text(encoding="utf-8")
    promises = [line for line in text.splitlines() if line.startswith("| **")]
    assert len(promises) >= 6 and all("tests/" in line for line in promises)
    for path, name in re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", text):
        assert re.search(rf"^def {name}\(", (PROJECT / path).read_text(encoding="utf-8"), re.MULTILINE), f"{path}::{name}"
    for folder in re.findall(r"`(tests/invalid/[\w-]+)/`", text):
        assert (PROJECT / folder / "expected.txt").is_file(), folder
