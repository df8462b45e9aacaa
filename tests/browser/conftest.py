"""The sample site served under a sub-path, and one Chromium for every browser test in this folder.

Chromium is Debian's /usr/bin/chromium (installed by .ci/setup). If it or the npm tools are
missing the tests fail with a message saying so: they are never skipped.

The browser is package-scoped: it lives while the tests in tests/browser run, then closes, because
Playwright's sync API cannot run two instances at once and other test modules start their own.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from browser_support import launch, record_policy_violations, serve

from .a11y import AXE, DESKTOP, PAGE_LIBRARY, SAMPLE_SITE, VNU


@pytest.fixture(scope="package")
def sample_url(sample_site):
    """The sample build, served as http://127.0.0.1:PORT/day-opportunities/ (as a GitHub project site is)."""
    with serve(sample_site) as url:
        yield url


@pytest.fixture(scope="package")
def worst_case_url(worst_case_site):
    """The worst-case fixture build (tests/fixtures/worst-case), served the same way."""
    with serve(worst_case_site) as url:
        yield url


@pytest.fixture(scope="package")
def init_url(init_site):
    """The site `catalogue init` starts, with one listing (init_site in tests/conftest.py), served the same way."""
    with serve(init_site) as url:
        yield url


@pytest.fixture(scope="package")
def bilingual_url(bilingual_site):
    """The bilingual fixture build (tests/fixtures/bilingual: Welsh at the root, English under en/), served the same way."""
    with serve(bilingual_site) as url:
        yield url


@pytest.fixture
def site_url(request):
    """The served site a test visits: the one its `site_page` parameter is on, else the sample.

    So one test, parametrised over pages of every site, checks each (the worst-case and init sites are built only if asked for)."""
    callspec = getattr(request.node, "callspec", None)
    site_page = callspec.params.get("site_page") if callspec else None
    return request.getfixturevalue(f"{site_page.site if site_page else SAMPLE_SITE}_url")


@pytest.fixture(scope="package")
def policy_violations() -> list[dict]:
    """Every content security policy violation reported by any page any browser test opens."""
    return []


@pytest.fixture(scope="package")
def browser(policy_violations):
    for tool in (AXE, VNU):
        assert tool.is_file(), f"{tool} is missing: run .ci/setup (npm ci installs the pinned test tools)"
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        record_policy_violations(chromium, policy_violations)
        yield chromium
        chromium.close()


@pytest.fixture(autouse=True)
def no_policy_violations(request):
    """Each browser test also proves that nothing it did broke the content security policy.

    The policy forbids eval, so write wait_for_function predicates as functions ("() => ..."):
    Playwright evaluates a bare expression string with eval, and the page refuses it."""
    if "browser" not in request.fixturenames:
        yield
        return
    found = request.getfixturevalue("policy_violations")
    before = len(found)
    yield
    assert found[before:] == [], "the content security policy blocked something the site does"


@pytest.fixture(scope="package")
def new_context(browser):
    """Makes browser contexts with the page helpers installed; each is closed at the end."""
    made = []

    def make(**options):
        options.setdefault("viewport", DESKTOP)
        options.setdefault("service_workers", "block")  # the offline worker would serve cached pages between tests
        context = browser.new_context(**options)
        context.add_init_script(PAGE_LIBRARY)
        context.set_default_timeout(15000)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture(scope="package")
def page(new_context):
    """One tab reused by the tests (each test opens the page it needs with a11y.visit)."""
    return new_context().new_page()
