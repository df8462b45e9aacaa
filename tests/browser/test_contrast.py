"""Colour contrast (checklist P-7): the theme's colours in the states a browser will not report (visited links,
focus), and the brand colour from site.yaml. The colours the browser computes on every page kind are checked in
test_every_page.py."""

from __future__ import annotations

import re

import pytest
import yaml

from .a11y import PROJECT, SAMPLE, contrast, css_variables, visit

STYLE = PROJECT / "templates" / "assets" / "style.css"


def theme_colours() -> dict[str, str]:
    css = STYLE.read_text(encoding="utf-8")
    colours = {name.removeprefix("--"): value.strip() for name, value in css_variables(css).items() if value.strip().startswith("#")}
    colours["visited"] = re.search(r"a:visited\s*\{\s*color:\s*(#[0-9a-fA-F]{3,6})", css).group(1)
    for status in ("closed", "evening"):
        colours[f"tag-{status}"] = re.search(r"\.tag--[\w-]*" + status + r"[^{]*\{\s*color:\s*(#[0-9a-fA-F]{3,6})", css).group(1)
    colours["white"] = "#ffffff"
    return colours


def nav_background(brand: str) -> tuple[float, ...]:
    """The main navigation: 25% black over the brand colour (.site-nav)."""
    return tuple(c * 0.75 for c in (int(brand.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)))


# (text, background, minimum): pairs the theme uses, in states the computed check cannot see.
PAIRS = [
    ("text", "white", 4.5), ("text", "light", 4.5), ("text", "warning-bg", 4.5), ("text", "focus", 4.5),
    ("muted", "white", 4.5), ("muted", "light", 4.5),
    ("brand", "white", 4.5), ("brand", "light", 4.5), ("brand", "warning-bg", 4.5),
    ("visited", "white", 4.5), ("visited", "light", 4.5), ("visited", "warning-bg", 4.5),
    ("white", "brand", 4.5), ("white", "text", 4.5),
    ("tag-closed", "white", 4.5), ("tag-closed", "light", 4.5), ("tag-evening", "white", 4.5),
    ("border", "white", 3), ("border", "light", 3),  # outlines of controls and cards (1.4.11)
    ("warning-border", "white", 3), ("warning-border", "light", 3),
    # the focus indicator: a yellow block with a dark bar below it (1.4.11, 2.4.13)
    ("focus", "brand", 3), ("text", "focus", 3), ("text", "white", 3),
]


@pytest.mark.parametrize("text, background, minimum", PAIRS, ids=[f"{a}-on-{b}" for a, b, _ in PAIRS])
def test_theme_colour_pair_meets_its_contrast_minimum(text, background, minimum):
    colours = theme_colours()
    ratio = contrast(colours[text], colours[background])
    assert ratio >= minimum, f"{text} {colours[text]} on {background} {colours[background]}: {ratio:.2f}:1, needs {minimum}:1"


def test_white_text_and_the_focus_colour_stand_out_on_the_navigation_bar():
    colours = theme_colours()
    site = yaml.safe_load((SAMPLE / "site.yaml").read_text(encoding="utf-8"))
    for brand in {colours["brand"], site["theme"]["brand_colour"]}:
        nav = nav_background(brand)
        assert contrast("#ffffff", nav) >= 4.5
        assert contrast(colours["focus"], nav) >= 3


def test_brand_colour_in_site_yaml_meets_4_5_to_1_with_white():
    site = yaml.safe_load((SAMPLE / "site.yaml").read_text(encoding="utf-8"))
    brand = site["theme"]["brand_colour"]
    assert contrast(brand, "#ffffff") >= 4.5, f"brand colour {brand}: {contrast(brand, '#ffffff'):.2f}:1 with white"


def test_the_page_uses_the_brand_colour_from_site_yaml(page, site_url):
    site = yaml.safe_load((SAMPLE / "site.yaml").read_text(encoding="utf-8"))
    visit(page, site_url, "")
    brand = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--brand').trim()")
    assert brand.lower() == site["theme"]["brand_colour"].lower()
