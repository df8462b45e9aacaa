"""The content security policy in a real browser: it stops injected code, and the site itself never trips it.

Every browser test in this folder also fails on any policy violation (conftest.py's
no_policy_violations), so search, filters, near me, My list, the service worker and the offline
copy are proven to work under the policy by their own tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from browser_support import serve
from builder.pages import render
from builder.build import check_site
from conftest import SAMPLE, TODAY

from .a11y import visit

INJECTED = """
<script>window.__ran = (window.__ran || []).concat("inline script");</script>
<script src="https://evil.example/steal.js"></script>
<img src="missing.png" alt="" onerror="window.__ran = (window.__ran || []).concat('onerror attribute')">
<a id="injected-link" href="javascript:window.__ran = (window.__ran || []).concat('javascript: link'); void 0">Injected link</a>
<p id="injected-style" style="color: rgb(255, 0, 0)">Injected style attribute</p>
<style>#injected-link { color: rgb(255, 0, 0); }</style>
"""
RAN = "window.__ran || []"


@pytest.fixture(scope="module")
def hostile_site(sample_site, tmp_path_factory):
    """A real page of the sample, as built, with injected markup (what nh3 must never let through),
    once with its policy and once with the policy taken out; the site's assets alongside."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "assets").symlink_to(sample_site / "assets", target_is_directory=True)
    page = (sample_site / "providers" / "index.html").read_text(encoding="utf-8")
    assert page.count('http-equiv="Content-Security-Policy"') == 1
    hostile = page.replace('<main id="main-content" class="wrap" tabindex="-1">',
                           '<main id="main-content" class="wrap" tabindex="-1">' + INJECTED, 1)
    assert hostile != page
    without_policy = "\n".join(line for line in hostile.splitlines() if "Content-Security-Policy" not in line)
    for name, html in (("with-policy", hostile), ("without-policy", without_policy)):
        (folder / name).mkdir()
        (folder / name / "index.html").write_text(html, encoding="utf-8")
    with serve(folder) as url:
        yield url


def open_and_click(browser, url: str):
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.click("#injected-link")
    page.wait_for_function("() => document.readyState === 'complete'")
    return context, page


def test_injected_script_event_handler_and_javascript_link_do_not_run(browser, hostile_site, policy_violations):
    before = len(policy_violations)
    context, page = open_and_click(browser, hostile_site + "with-policy/")
    # all six are reported: inline script, other site's script, onerror, javascript: link, style attribute, <style>
    page.wait_for_function("() => (window.__policyViolations || []).length >= 6", timeout=10000)

    assert page.evaluate(RAN) == []
    assert page.eval_on_selector("#injected-style", "p => getComputedStyle(p).color") != "rgb(255, 0, 0)"
    assert page.eval_on_selector("#injected-link", "a => getComputedStyle(a).color") != "rgb(255, 0, 0)"
    reported = page.evaluate("window.__policyViolations")
    directives = [violation["directive"] for violation in reported]
    assert directives.count("script-src-elem") >= 3  # the inline script, the other site's script, the javascript: link
    assert {"script-src-attr", "style-src-attr", "style-src-elem"} <= set(directives)
    assert "https://evil.example/steal.js" in [violation["blocked"] for violation in reported]
    samples = {(violation["directive"], (violation["sample"] or "")[:12]) for violation in reported}
    assert {("script-src-elem", "window.__ran"), ("script-src-attr", "window.__ran"),  # Chromium keeps 40 characters
            ("script-src-elem", "javascript:w")} <= samples
    context.close()
    page_violations = policy_violations[before:]
    assert len(page_violations) >= 6  # every one reached the test too, as the site's own pages' would
    del policy_violations[before:]  # expected here: the check after each test must not count them


def test_without_the_policy_the_same_injection_would_run(browser, hostile_site):
    """The control: the page above is really hostile, so the policy is what stopped it."""
    context, page = open_and_click(browser, hostile_site + "without-policy/")
    page.wait_for_function(f"() => ({RAN}).length >= 3", timeout=10000)

    assert sorted(page.evaluate(RAN)) == ["inline script", "javascript: link", "onerror attribute"]
    assert page.eval_on_selector("#injected-style", "p => getComputedStyle(p).color") == "rgb(255, 0, 0)"
    context.close()


def one_page_of_each_kind() -> list[str]:
    """The first page of every kind the builder writes, in both versions: new kinds are covered as they come."""
    catalogue = check_site(SAMPLE, dt.date.fromisoformat(TODAY)).catalogue
    first: dict[tuple[str, str], str] = {}
    for spec in render.plan_pages(catalogue):
        first.setdefault((spec.kind, spec.version), spec.url)
    return list(first.values())


PAGES = one_page_of_each_kind()


@pytest.mark.parametrize("url", PAGES, ids=[url or "home" for url in PAGES])
def test_every_kind_of_page_loads_with_no_policy_violation(page, site_url, url):
    if url.removeprefix("easy-read/") == "search/":
        url += "?q=lunch"  # runs Pagefind: its WebAssembly, its worker and its index
    visit(page, site_url, url)

    assert page.evaluate("window.__policyViolations || []") == []
    assert page.context.cookies() == [] and page.evaluate("document.cookie") == ""  # no cookies, ever
    assert page.eval_on_selector_all("link[rel=stylesheet]", "links => links.every(l => l.sheet !== null)")
    assert page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--brand').trim()") == "#1d5b79"

