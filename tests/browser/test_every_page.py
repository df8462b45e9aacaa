"""Every page of every kind, standard and Easy Read, on each built site: opened once per width, with every check
that reads a page as it first appears (checklist CI-3, CI-6, CI-7, CI-9 in part, P-3, P-7, ER-1, ER-2, ER-5, ER-6).

One visit serves all the checks at that width, so a page is loaded three times (1280, 375 and 320 px) rather than
once per check. The checks that only read the page run first; the ones that change it (Tab and Enter on the skip
link, then the text spacing overrides) run last, in that order. Each check stays a test of its own.

Screenshots are saved as test-output/screenshots/NAME-WIDTH.png (git-ignored; CI keeps the folder as an artifact),
for a person to look at: each page kind at 1280 and 375 px, and the worst-case service page and its Easy Read twin
at 320 px too.
"""

from __future__ import annotations

import struct

import pytest

from .a11y import (ALL_PAGES, DESKTOP, EASY_PAGES, NARROW, PHONE, SCREENSHOT_PAGES, SCREENSHOTS, WORST_CASE_EASY_SERVICE,
                   WORST_CASE_SERVICE, SitePage, easy_row_problems, easy_type_problems, page_id, reflow_problems,
                   rules_that_ran, run_axe, skip_link_problems, text_contrast_problems, text_spacing_problems,
                   violation_report, visit)

# The Easy Read pages with rows of pictures and sentences (the last three are on the worst-case site).
ROW_PAGES = [p for p in EASY_PAGES if p.name in (
    "home", "service-with-locations", "service-one-to-one", "service-closed", "service-hub", "provider", "providers",
    "area", "who-for-group", "a-to-z", "credits", "statement", "not-found", "offline", "search",
    "service-everything", "provider-40-services", "area-empty")]

# Each page kind at 1280 and 375 px; and the worst-case service page and its Easy Read twin at 320 px (issue 18).
SHOTS = [(p, v) for p in SCREENSHOT_PAGES for v in (DESKTOP, PHONE)] + [(p, NARROW) for p in (WORST_CASE_SERVICE, WORST_CASE_EASY_SERVICE)]
SHOT_IDS = [f"{page_id(p)}-{v['width']}" for p, v in SHOTS]


def png_size(path) -> tuple[int, int]:
    with open(path, "rb") as file:
        head = file.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def screenshot(page, site_page: SitePage, viewport: dict) -> tuple[int, int]:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{page_id(site_page)}-{viewport['width']}.png"
    page.screenshot(path=str(path), full_page=True, animations="disabled", caret="initial")
    return png_size(path)


def read_at_desktop(page, site_page: SitePage) -> dict:
    """What every 1280 px check needs from one visit: reading checks first, then the skip link, then text spacing."""
    found = {"axe": run_axe(page), "contrast": text_contrast_problems(page)}
    if site_page.easy:
        found["type"] = easy_type_problems(page)
    if site_page in ROW_PAGES:
        found["rows"] = easy_row_problems(page, 96, must_be_left=True)
    if (site_page, DESKTOP) in SHOTS:
        found["screenshot"] = screenshot(page, site_page, DESKTOP)
    found["skip link"] = skip_link_problems(page)
    found["text spacing"] = text_spacing_problems(page)
    return found


def read_at_narrow(page, site_page: SitePage) -> dict:
    """What every 320 px check needs from one visit: reflow and the Easy Read layout, then text spacing."""
    found = {"reflow": reflow_problems(page)}
    if site_page.easy:
        found["type"] = easy_type_problems(page)
    if site_page in ROW_PAGES:
        found["rows"] = easy_row_problems(page, 64, must_be_left=False)
    if (site_page, NARROW) in SHOTS:
        found["screenshot"] = screenshot(page, site_page, NARROW)
    found["text spacing"] = text_spacing_problems(page)
    return found


def read_at_phone(page, site_page: SitePage) -> dict:
    return {"screenshot": screenshot(page, site_page, PHONE)}


READERS = {DESKTOP["width"]: read_at_desktop, NARROW["width"]: read_at_narrow, PHONE["width"]: read_at_phone}


@pytest.fixture(scope="module")
def opened(page, request):
    """opened(site_page, viewport): what the checks found on that page at that width, from one visit made the first
    time any test asks (a visit that fails is made again by the next test that asks)."""
    found: dict[tuple[SitePage, int], dict] = {}

    def results(site_page: SitePage, viewport: dict) -> dict:
        key = (site_page, viewport["width"])
        if key not in found:
            site_url = request.getfixturevalue(f"{site_page.site}_url")
            visit(page, site_url, site_page.url, viewport)
            found[key] = READERS[viewport["width"]](page, site_page)
        return found[key]

    return results


def problems_in(found: dict, check: str) -> str:
    return "\n".join(found[check])


# ---------------------------------------------------------------- at 1280 px

@pytest.mark.parametrize("site_page", ALL_PAGES, ids=page_id)
def test_page_has_no_axe_violations_under_wcag_22_aa_and_best_practice(opened, site_page):
    result = opened(site_page, DESKTOP)["axe"]
    # A default axe.run() leaves out target-size (WCAG 2.5.8); it must be among the rules that ran.
    assert "target-size" in rules_that_ran(result), "axe did not run target-size: check the runOnly tags"
    if result["violations"]:
        pytest.fail(violation_report(str(site_page), result), pytrace=False)


@pytest.mark.parametrize("site_page", ALL_PAGES, ids=page_id)
def test_every_text_colour_on_the_page_meets_its_contrast_minimum(opened, site_page):
    found = opened(site_page, DESKTOP)
    assert not found["contrast"], problems_in(found, "contrast")


@pytest.mark.parametrize("site_page", ALL_PAGES, ids=page_id)
def test_first_tab_focuses_the_skip_link_and_it_moves_focus_to_main(opened, site_page):
    found = opened(site_page, DESKTOP)
    assert not found["skip link"], problems_in(found, "skip link")


@pytest.mark.parametrize("site_page", ROW_PAGES, ids=page_id)
def test_each_easy_read_picture_is_first_96px_and_left_of_its_sentence_on_a_wide_screen(opened, site_page):
    count, problems = opened(site_page, DESKTOP)["rows"]
    assert count > 0, "no picture rows"
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- at 320 px

@pytest.mark.parametrize("site_page", ALL_PAGES, ids=page_id)
def test_page_does_not_scroll_sideways_at_320_css_pixels(opened, site_page):
    found = opened(site_page, NARROW)
    assert not found["reflow"], problems_in(found, "reflow")


@pytest.mark.parametrize("site_page", ROW_PAGES, ids=page_id)
def test_each_easy_read_picture_is_at_least_64px_and_beside_or_above_its_sentence_at_320px(opened, site_page):
    count, problems = opened(site_page, NARROW)["rows"]
    assert count > 0, "no picture rows"
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- at both widths

@pytest.mark.parametrize("site_page", ALL_PAGES, ids=page_id)
@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["1280px", "320px"])
def test_text_spacing_overrides_cut_nothing_off(opened, site_page, viewport):
    found = opened(site_page, viewport)
    assert not found["text spacing"], problems_in(found, "text spacing")


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["1280px", "320px"])
@pytest.mark.parametrize("site_page", EASY_PAGES, ids=page_id)
def test_easy_read_text_is_big_spaced_left_aligned_with_no_italics_or_capitals(opened, site_page, viewport):
    found = opened(site_page, viewport)
    assert not found["type"], problems_in(found, "type")


@pytest.mark.parametrize("site_page, viewport", SHOTS, ids=SHOT_IDS)
def test_screenshot_of_each_page_kind_is_saved(opened, site_page, viewport):
    width, height = opened(site_page, viewport)["screenshot"]
    assert width == viewport["width"] and height >= 300, (width, height)  # the whole page, not a blank strip
