"""The suite catches breakage: tiny sites whose templates/ override breaks one thing in the default theme.

Each broken site must make the matching check fail with the specific problem (an axe rule id, or the
sentence our own check writes), while the same tiny site with the default theme passes every check.
The tiny site also has browse pages with no services, which the sample site lacks.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from browser_support import serve
from conftest import PROJECT, TODAY, make_site

from .a11y import (DESKTOP, EASY, NARROW, easy_row_problems, keyboard_problems, reflow_problems, run_axe,
                   skip_link_problems, text_contrast_problems, violation_ids, violation_report, visit)

THEME = PROJECT / "templates"
SERVICE = "services/testshire-care/garden-club/"
EMPTY_BROWSE = ["who-for/dementia/", "areas/south/"]  # the tiny site lists no service there


def broken(path: str, pattern: str, replacement: str = "", flags: int = re.S) -> dict[str, str]:
    """The default theme file at `path` with `pattern` replaced: fails loudly if the pattern is gone."""
    text = (THEME / path).read_text(encoding="utf-8")
    changed, count = re.subn(pattern, replacement, text, flags=flags)
    assert count, f"{path} no longer contains {pattern!r}: update this breakage test"
    return {f"templates/{path}": changed}


def with_css(extra: str) -> dict[str, str]:
    return {"templates/assets/style.css": (THEME / "assets" / "style.css").read_text(encoding="utf-8") + "\n" + extra}


VARIANTS = {
    "control": lambda: {},
    "no-skip-link": lambda: broken("partials/header.html", r'<a class="skip-link"[^>]*>.*?</a>\n?'),
    "picture-without-alt": lambda: broken("partials/easy.html", r' alt=""'),
    "search-without-label": lambda: broken("partials/search-form.html", r"<label\b[^>]*>.*?</label>\n?"),
    "faint-grey-text": lambda: broken("assets/style.css", r"--muted:\s*#[0-9a-fA-F]{3,6}", "--muted: #9a9a9a"),
    "no-focus-style": lambda: broken("assets/style.css", r"a:focus-visible, button:focus-visible[^{]*\{[^}]*\}"),
    "too-wide-at-320": lambda: with_css(".site-footer .wrap { min-width: 30rem; }"),
    "pictures-on-the-right": lambda: {"templates/assets/easy.css": (THEME / "assets" / "easy.css").read_text(encoding="utf-8")
                                      + "\n.er-row { flex-direction: row-reverse; }\n"},
}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Every variant built (in a subprocess: the builder forks workers) and served from one folder:
    BASE/VARIANT/PAGE."""
    out = tmp_path_factory.mktemp("breakage")
    builds = {}
    for name, files in VARIANTS.items():
        root = make_site(out / "sources" / name, files())
        builds[name] = subprocess.Popen(
            [sys.executable, "-m", "builder", "build", "--root", str(root), "--out", str(out / "built" / name),
             "--today", TODAY, "--no-search"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for name, build in builds.items():
        output, _ = build.communicate(timeout=300)
        assert build.returncode == 0, f"{name}: {output}"
    with serve(out / "built") as url:
        yield url


def axe_on(page, served, variant: str, path: str) -> dict:
    visit(page, served, f"{variant}/{path}")
    return run_axe(page)


# ---------------------------------------------------------------- the default theme passes

@pytest.mark.parametrize("path", ["", SERVICE, EASY + SERVICE, "types/", *EMPTY_BROWSE, *(EASY + p for p in EMPTY_BROWSE)])
def test_tiny_site_with_the_default_theme_passes_including_empty_browse_pages(page, served, path):
    result = axe_on(page, served, "control", path)
    assert result["violations"] == [], violation_report(path, result)
    if path.removeprefix(EASY) in EMPTY_BROWSE:
        assert re.search(r"no services listed here yet|do not know about any services here", page.inner_text("main"))
    problems = skip_link_problems(page) + text_contrast_problems(page)
    visit(page, served, f"control/{path}", NARROW)
    problems += reflow_problems(page)
    assert not problems, "\n".join(problems)


def test_tiny_site_with_the_default_theme_passes_the_keyboard_and_easy_read_checks(page, served):
    visit(page, served, f"control/{SERVICE}")
    problems = keyboard_problems(page)
    visit(page, served, f"control/{EASY}{SERVICE}")
    count, row_problems = easy_row_problems(page, 96, must_be_left=True)
    assert count > 0
    problems += row_problems
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- each break is caught

def test_removing_the_skip_link_fails_the_skip_link_check(page, served):
    visit(page, served, f"no-skip-link/{SERVICE}")
    problems = skip_link_problems(page)
    assert problems and "not a skip link" in problems[0], problems


def test_removing_a_picture_alt_fails_axe_with_image_alt(page, served):
    result = axe_on(page, served, "picture-without-alt", EASY + SERVICE)
    assert "image-alt" in violation_ids(result), violation_report(EASY + SERVICE, result)


def test_removing_the_search_label_fails_axe_with_label(page, served):
    result = axe_on(page, served, "search-without-label", "")
    assert "label" in violation_ids(result), violation_report("home", result)


def test_faint_grey_text_fails_axe_and_the_computed_contrast_check(page, served):
    result = axe_on(page, served, "faint-grey-text", "types/")
    assert "color-contrast" in violation_ids(result), violation_report("types/", result)
    problems = text_contrast_problems(page)
    assert any("#9a9a9a on #ffffff" in p for p in problems), problems


def test_removing_the_focus_style_fails_the_keyboard_check(page, served):
    visit(page, served, f"no-focus-style/{SERVICE}")
    problems = keyboard_problems(page)
    assert any("has no focus indicator" in p for p in problems), problems


def test_a_box_wider_than_320px_fails_the_reflow_check(page, served):
    visit(page, served, f"too-wide-at-320/{SERVICE}", NARROW)
    problems = reflow_problems(page)
    assert problems and "in a 320px window" in problems[0], problems
    visit(page, served, f"too-wide-at-320/{SERVICE}", DESKTOP)
    assert reflow_problems(page) == []  # at full width it fits: the check is about narrow screens


def test_pictures_right_of_their_sentences_fail_the_easy_read_layout_check(page, served):
    visit(page, served, f"pictures-on-the-right/{EASY}{SERVICE}")
    count, problems = easy_row_problems(page, 96, must_be_left=True)
    assert count and any("picture not left of its text" in p for p in problems), problems
