"""A Welsh site (site.yaml `language: cy`, the sample's content) in Chromium: a service page and its
Easy Read twin pass axe, the scripts speak Welsh, and screenshots of both are saved for a Welsh
speaker to look at (test-output/screenshots/welsh-*.png)."""

from __future__ import annotations

import re
import shutil

import pytest

from browser_support import serve
from conftest import SAMPLE, build_in_subprocess

from .a11y import DESKTOP, PHONE, SCREENSHOTS, run_axe, violation_report, visit

SERVICE = "services/active-redvale/inclusive-sports-club/"
PAGES = {"welsh-service": SERVICE, "welsh-easy-service": "easy-read/" + SERVICE, "welsh-search": "search/?q=club"}


@pytest.fixture(scope="module")
def welsh_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("welsh") / "site"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns("_site", ".catalogue-cache"))
    site = (root / "site.yaml").read_text(encoding="utf-8")
    (root / "site.yaml").write_text(re.sub(r"(?m)^language: .*$", "language: cy", site), encoding="utf-8")
    with serve(build_in_subprocess(root, tmp_path_factory.mktemp("welsh") / "_site")) as url:
        yield url


@pytest.mark.parametrize("name", PAGES)
def test_welsh_pages_pass_axe_and_are_photographed(page, welsh_url, name):
    for viewport in (DESKTOP, PHONE):
        visit(page, welsh_url, PAGES[name], viewport)
        assert page.get_attribute("html", "lang") == "cy"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{viewport['width']}.png"), full_page=True, animations="disabled")
    result = run_axe(page)
    if result["violations"]:
        pytest.fail(violation_report(PAGES[name], result), pytrace=False)


def test_the_scripts_speak_welsh(new_context, welsh_url):
    page = new_context().new_page()
    page.goto(welsh_url + SERVICE)
    button = page.locator("[data-save-service]")
    assert button.inner_text() == "Cadw yn fy rhestr"
    button.click()
    assert button.inner_text() == "Wedi’i gadw yn fy rhestr"
    assert page.inner_text("#save-status") == "Mae Inclusive Sports Club wedi’i gadw yn eich rhestr."
    page.goto(welsh_url + "search/?q=club")
    page.wait_for_function("() => !document.getElementById('results-heading').hidden")
    assert re.match(r"(1 canlyniad|\d+ o ganlyniadau) ar gyfer ‘club’", page.inner_text("#results-heading"))
