"""The theme a fork can override, and the preview server.

A site without templates/ is built with the default theme installed with the package; a
site's own templates/ files replace the default files one by one (templates, partials and
assets alike), and everything it does not replace stays the default.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path


from conftest import MINIMAL_SERVICE, PROJECT, TODAY, make_site, run_cli
from serving import get, wait_for
from htmlparse import html_files, page_url, parse, parse_file

DEFAULT_THEME = PROJECT / "templates"
SERVICE_PAGE = "services/testshire-care/garden-club/index.html"
DEFAULT_FOOTER_HEADING = "All providers"  # a link in the default partials/footer.html

CUSTOM_FOOTER = """\
<footer class="site-footer" id="our-footer">
  <p>Published by {{ site.organisation }}, with our own footer.</p>
  <a href="{{ page.url_to('a-to-z/') }}">Every service</a>
</footer>
"""


def asset_content(path: Path) -> bytes:
    """A theme file's content, ignoring comments and whitespace (the build may minify CSS and JS)."""
    data = path.read_bytes()
    if path.suffix == ".css":
        return re.sub(rb"\s+", b"", re.sub(rb"/\*.*?\*/", b"", data, flags=re.S))
    if path.suffix == ".js":
        lines = (line.strip() for line in data.splitlines())
        return re.sub(rb"\s+", b"", b"".join(line for line in lines if not line.startswith(b"//")))
    return data


def assert_default_assets(out: Path, *, except_: str = "") -> None:
    for asset in (DEFAULT_THEME / "assets").rglob("*"):
        relative = asset.relative_to(DEFAULT_THEME).as_posix()
        if asset.is_file() and relative != except_:
            assert asset_content(out / relative) == asset_content(asset), relative


def build(root: Path, out: Path):
    result = run_cli("build", "--root", str(root), "--out", str(out), "--today", TODAY, "--no-search")
    assert result.exit_code == 0, result.output
    return out


def test_site_without_templates_builds_with_the_default_theme_from_any_folder(tmp_path):
    root = make_site(tmp_path / "site")
    assert not (root / "templates").exists()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "builder", "build", "--root", str(root), "--out", str(tmp_path / "out"),
         "--today", TODAY, "--no-search"],
        cwd=elsewhere, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    out = tmp_path / "out"
    doc = parse_file(out / SERVICE_PAGE)
    assert [h.text for h in doc.h1s()] == ["Garden Club"]
    assert doc.find("footer") is not None
    assert_default_assets(out)
    assert not (root / "templates").exists()  # the build did not copy the theme into the site


def test_site_partial_overrides_the_default_partial_on_every_page(tmp_path):
    root = make_site(tmp_path / "site", {"templates/partials/footer.html": CUSTOM_FOOTER})
    out = build(root, tmp_path / "out")
    pages = [f for f in html_files(out) if "pagefind" not in f.parts]
    assert pages
    for file in pages:
        doc = parse_file(file)
        footers = doc.find_all("footer")
        assert [f.get("id") for f in footers] == ["our-footer"], page_url(out, file)
        assert "with our own footer" in footers[0].text
        assert DEFAULT_FOOTER_HEADING not in doc.text
    # Everything else is still the default theme: base layout, service page, assets.
    service = parse_file(out / SERVICE_PAGE)
    assert [h.text for h in service.h1s()] == ["Garden Club"]
    assert service.by_id("main-content") is not None
    assert_default_assets(out)


def test_site_asset_overrides_the_default_asset_and_keeps_the_others(tmp_path):
    css = "/* our own colours */\nbody { color: #222; }\n"
    root = make_site(tmp_path / "site", {"templates/assets/style.css": css})
    out = build(root, tmp_path / "out")
    assert asset_content(out / "assets/style.css") == b"body{color:#222;}"
    assert_default_assets(out, except_="assets/style.css")
    assert (root / "templates/assets/style.css").read_text(encoding="utf-8") == css  # the site's file is untouched


def test_site_page_template_overrides_one_page_kind_and_extends_the_default_base(tmp_path):
    service_template = """\
{% extends "base.html" %}
{% block main %}
<h1>{{ service.name }}</h1>
<p id="our-service-page">Our own layout for {{ service.name }}.</p>
{% endblock %}
"""
    root = make_site(tmp_path / "site", {"templates/service.html": service_template})
    out = build(root, tmp_path / "out")
    service = parse_file(out / SERVICE_PAGE)
    assert service.by_id("our-service-page").text == "Our own layout for Garden Club."
    assert service.find("footer") is not None and DEFAULT_FOOTER_HEADING in service.find("footer").text
    provider = parse_file(out / "providers/testshire-care/index.html")
    assert provider.by_id("our-service-page") is None
    assert [h.text for h in provider.h1s()] == ["Testshire Care"]


# ---------------------------------------------------------------- catalogue serve

def h1_of(html: str) -> list[str]:
    return [h.text for h in parse(html).h1s()]


def service_file(root: Path) -> Path:
    return root / "content/providers/testshire-care/garden-club.md"


def test_serve_shows_the_built_site(served):
    root, url = served
    status, html = get(url)
    assert status == 200
    assert h1_of(html) == ["Find day opportunities in Testshire"]
    status, html = get(url + "services/testshire-care/garden-club/")
    assert status == 200 and h1_of(html) == ["Garden Club"]


def test_serve_rebuilds_within_seconds_when_a_content_file_changes(served):
    root, url = served
    page = url + "services/testshire-care/garden-club/"
    text = service_file(root).read_text(encoding="utf-8")
    service_file(root).write_text(text.replace("name: Garden Club", "name: Allotment Club"), encoding="utf-8")
    assert wait_for(lambda: h1_of(get(page)[1]) == ["Allotment Club"], 10, "the page showed the new name")


def test_serve_keeps_the_last_good_build_when_content_breaks_then_recovers(served):
    root, url = served
    page = url + "services/testshire-care/garden-club/"
    good = service_file(root).read_text(encoding="utf-8")
    shown = wait_for(lambda: h1_of(get(page)[1]), 10, "the page was served")
    service_file(root).write_text(good.replace("areas: [north]", "areas: [nowhere]"), encoding="utf-8")
    time.sleep(2)  # the watcher notices and the rebuild fails
    status, html = get(page)
    assert status == 200 and h1_of(html) == shown
    service_file(root).write_text(good.replace("areas: [north]", "areas: [north]")
                                  .replace("summary: A gardening club", "summary: A mended gardening club"),
                                  encoding="utf-8")
    wait_for(lambda: "A mended gardening club" in get(page)[1], 10, "the page showed the fixed content")


def test_serve_publishes_a_new_listing_and_removes_a_deleted_one(served):
    root, url = served
    new_file = root / "content/providers/testshire-care/pottery-club.md"
    page = url + "services/testshire-care/pottery-club/"
    new_file.write_text(MINIMAL_SERVICE.replace("name: Garden Club", "name: Pottery Club"), encoding="utf-8")
    assert wait_for(lambda: h1_of(get(page)[1]) == ["Pottery Club"], 10, "the new listing was served")
    new_file.unlink()
    assert wait_for(lambda: get(page)[0] == 404, 10, "the deleted listing was gone")
