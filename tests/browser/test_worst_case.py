"""Anyone's content, not just the sample's (issue 18): the worst-case fixture site (tests/fixtures/worst-case) has
every field at its longest, 60-letter Welsh place names, long e-mail and web addresses, two sessions a day with long
notes, and a provider with 40 services. Its pages run through the whole browser suite (they are in a11y.ALL_PAGES);
the checks here are the ones only it can make.
"""

from __future__ import annotations

import pytest

from htmlparse import html_files

from .a11y import (DESKTOP, EASY, NARROW, WORST_CASE_EASY_SERVICE, WORST_CASE_SERVICE, page_id, reflow_problems,
                   visit)

FILLER = "services/gwasanaethau-lu/gwasanaeth-"  # the 40 services alike but for their number: one stands for all


def worst_case_pages(site) -> list[str]:
    """Every page the worst-case build wrote (one of the 40 look-alike services), as URLs from the site root."""
    urls = []
    for path in sorted(html_files(site)):
        url = path.relative_to(site).as_posix().removesuffix("index.html")
        if FILLER not in url or f"{FILLER}01/" in url:
            urls.append(url)
    return urls


def test_every_page_of_every_kind_fits_a_320_px_screen_with_the_worst_case_content(page, worst_case_url, worst_case_site):
    """The guard for the future: a new template, or a new field shown on an old one, that makes any page of the
    worst-case site scroll sideways at 320 CSS px (WCAG 1.4.10) fails here, with the page and what sticks out."""
    urls = worst_case_pages(worst_case_site)
    assert len(urls) > 100 and any(url.startswith(EASY) for url in urls)
    failures = []
    for url in urls:
        visit(page, worst_case_url, url, NARROW)
        failures += [f"{url or '(home)'}: {problem}" for problem in reflow_problems(page)]
    assert not failures, f"{len(failures)} of {len(urls)} pages scroll sideways:\n" + "\n".join(failures)


_TIMES = """() => { const t = document.querySelector('main table.times'); const rows = [...t.querySelectorAll('tbody tr')];
  return {display: getComputedStyle(t).display, right: t.getBoundingClientRect().right, rows: rows.length,
          labels: rows.map(r => [...r.querySelectorAll('td')].map(td => getComputedStyle(td, '::before').content)),
          header: getComputedStyle(t.querySelector('thead')).position}; }"""


def test_the_opening_times_restack_into_labelled_blocks_on_a_narrow_screen_and_stay_a_table_on_a_wide_one(page, worst_case_url):
    visit(page, worst_case_url, WORST_CASE_SERVICE.url, NARROW)
    narrow = page.evaluate(_TIMES)
    assert narrow["rows"] == 14  # seven days, two sessions each
    assert narrow["display"] == "block" and narrow["right"] <= NARROW["width"], narrow
    assert narrow["header"] == "absolute"  # the column headings are read out, not shown: each cell says its own
    assert all(labels == ['"Times: "', '"Notes: "'] for labels in narrow["labels"]), narrow["labels"]
    # Restacked by CSS only, it is still a table to a screen reader: Chromium's accessibility tree keeps the roles.
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    roles = [node["role"]["value"] for node in tree if node.get("role")]
    assert roles.count("rowheader") == 14 and "table" in roles and "columnheader" in roles
    visit(page, worst_case_url, WORST_CASE_SERVICE.url, DESKTOP)
    wide = page.evaluate(_TIMES)
    assert wide["display"] == "table" and wide["header"] == "static"
    assert all(labels == ["none", "none"] for labels in wide["labels"]), wide["labels"]


_REGION = """() => { const r = document.querySelector('main .table-scroll');
  return r && {role: r.getAttribute('role'), label: r.getAttribute('aria-label'), tabIndex: r.tabIndex,
               scrolls: r.scrollWidth > r.clientWidth, right: r.getBoundingClientRect().right}; }"""


@pytest.mark.parametrize("url", [WORST_CASE_SERVICE.url, "talu/"], ids=["service", "information"])
def test_a_wide_table_an_editor_wrote_scrolls_in_its_own_labelled_region_and_the_keyboard_can_scroll_it(page, worst_case_url, url):
    visit(page, worst_case_url, url, NARROW)
    region = page.evaluate(_REGION)
    assert region == {"role": "region", "label": "Table: Day", "tabIndex": 0, "scrolls": True, "right": pytest.approx(304, abs=1)}
    page.focus("main .table-scroll")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('main .table-scroll').scrollLeft > 0")
    assert reflow_problems(page) == []


_PRINTED = """() => { const shown = sel => { const el = document.querySelector(sel);
    return !!el && el.checkVisibility() && el.getBoundingClientRect().height > 0; };
  return {name: shown('main h1'), phone: shown('main a[href^="tel:"]'), times: shown('main table.times, main .er-section'),
          nav: getComputedStyle(document.querySelector('nav.site-nav')).display}; }"""


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["1280px", "320px"])
@pytest.mark.parametrize("site_page", [WORST_CASE_SERVICE, WORST_CASE_EASY_SERVICE], ids=page_id)
def test_the_printed_worst_case_service_page_keeps_its_facts_and_fits_the_paper(page, site_url, site_page, viewport):
    visit(page, site_url, site_page.url, viewport)
    page.emulate_media(media="print")
    try:
        assert page.evaluate(_PRINTED) == {"name": True, "phone": True, "times": True, "nav": "none"}
        problems = reflow_problems(page)
        assert not problems, "\n".join(problems)
    finally:
        page.emulate_media(media="screen")


@pytest.mark.parametrize("easy", [False, True], ids=["standard", "easy-read"])
def test_my_list_holding_the_worst_case_services_fits_a_320_px_screen(new_context, worst_case_url, easy):
    """My list is drawn by script from what was saved, so no built page shows it full: save, then look."""
    page = new_context(viewport=NARROW).new_page()
    prefix = EASY if easy else ""
    services = [WORST_CASE_SERVICE.url, "services/cymdeithas-gofal/cefnogaeth-un-i-un/", "services/cymdeithas-gofal/clwb-cinio/"]
    for url in services:
        visit(page, worst_case_url, prefix + url, NARROW)
        page.click("[data-save-service]")
        page.wait_for_function("() => document.querySelector('[data-save-service]').getAttribute('aria-pressed') === 'true'")
    visit(page, worst_case_url, prefix + "my-list/", NARROW)
    page.wait_for_function(f"() => document.querySelectorAll('.my-list__item').length === {len(services)}")
    problems = reflow_problems(page)
    assert not problems, "\n".join(problems)
    page.close()
