"""What a council meets in its first week (issue 16), where a tests/invalid/ case cannot show it:
what reaches the page, the commands' exit codes, and the theme's list of languages.

The bad-input messages themselves are cases in tests/invalid/ (service-template-summary-left,
service-text-cut-by-comment, service-coordinates-swapped, warning-service-copied, ...).
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from conftest import MINIMAL_SERVICE, MINIMAL_SITE, PROJECT, TODAY, make_site, run_cli

SERVICE = "content/providers/testshire-care/garden-club.md"
PAGE = "services/testshire-care/garden-club/index.html"


def test_a_removed_image_or_frame_leaves_no_empty_paragraph_on_the_page(tmp_path: Path):
    body = ("We grow vegetables together.\n\n![Our garden](https://example.org/garden.jpg)\n\n"
            '<iframe src="https://example.org/map"></iframe>\n\nCome along on Tuesdays.\n')
    root = make_site(tmp_path / "site", {SERVICE: MINIMAL_SERVICE.replace("We grow vegetables together.\n", body)})
    result = run_cli("build", "--root", str(root), "--today", TODAY, "--no-search")
    assert result.exit_code == 0, result.stderr
    assert "warning: an image was removed" in result.stderr
    html = (root / "_site" / PAGE).read_text(encoding="utf-8")
    assert "<p>We grow vegetables together.</p>" in html and "<p>Come along on Tuesdays.</p>" in html
    assert "<p></p>" not in html and "garden.jpg" not in html and "iframe" not in html


def test_check_on_a_folder_that_does_not_exist_is_a_usage_error_exit_2():
    result = run_cli("check", "--root", "/nonexistent-site-folder")
    assert result.exit_code == 2
    assert "Directory '/nonexistent-site-folder' does not exist." in result.stderr


def test_serve_on_a_port_in_use_says_so_and_suggests_another(tmp_path: Path):
    root = make_site(tmp_path / "site")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "builder", "serve", "--root", str(root), "--port", str(port)],
                              capture_output=True, text=True, timeout=60, cwd=PROJECT)
    assert done.returncode == 1
    assert done.stderr.strip() == (f"Error: port {port} is already in use (another preview, or another program, is using it). "
                                   f"Stop it, or choose another port: catalogue serve --port {port + 1}")
    assert not (root / "_site").exists()  # it stopped before building


def test_a_theme_that_ships_a_translation_allows_its_language(tmp_path: Path):
    welsh = MINIMAL_SITE.replace("review_months: 12\n", "review_months: 12\nlanguage: cy\n")
    root = make_site(tmp_path / "site", {"site.yaml": welsh})
    assert run_cli("check", "--root", str(root), "--today", TODAY).exit_code == 1
    (root / "templates").mkdir()
    (root / "templates" / "languages.yaml").write_text("en: English\ncy: Cymraeg\n", encoding="utf-8")
    result = run_cli("check", "--root", str(root), "--today", TODAY)
    assert result.exit_code == 0, result.stderr


def test_the_default_theme_is_translated_into_english_only():
    from builder.pitfalls import interface_languages
    assert interface_languages(PROJECT) == {"en": "English"}
