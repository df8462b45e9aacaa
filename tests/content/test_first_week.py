"""What a council meets in its first week (issue 16), where a tests/invalid/ case cannot show it:
what reaches the page, the commands' exit codes, and the theme's list of languages.

The bad-input messages themselves are cases in tests/invalid/ (service-template-summary-left,
service-text-cut-by-comment, service-coordinates-swapped, warning-service-copied, ...).
"""

from __future__ import annotations

import fcntl
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL_SERVICE, MINIMAL_SITE, PROJECT, TODAY, make_site, run_cli
from serving import free_port

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


def test_a_second_serve_on_the_same_site_says_the_first_is_running(tmp_path: Path):
    """Two previews of one site would swap the output folder from under each other."""
    root = make_site(tmp_path / "site")
    (root / ".catalogue-cache").mkdir()
    with open(root / ".catalogue-cache" / "serve.lock", "w", encoding="ascii") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as the first preview holds it
        lock.write("4242")
        lock.flush()
        done = subprocess.run([sys.executable, "-m", "builder", "serve", "--root", str(root), "--port", str(free_port())],
                              capture_output=True, text=True, timeout=60, cwd=PROJECT)
    assert done.returncode == 1
    assert done.stderr.strip() == ("Error: another 'catalogue serve' is previewing this site already (process 4242). "
                                   "Use the page it serves, or stop it (Ctrl+C in its terminal) and run this again.")
    assert not (root / "_site").exists()


def test_a_theme_that_ships_a_translation_allows_its_language(tmp_path: Path):
    gaelic = MINIMAL_SITE.replace("review_months: 12\n", "review_months: 12\nlanguage: gd\n")
    root = make_site(tmp_path / "site", {"site.yaml": gaelic})
    assert run_cli("check", "--root", str(root), "--today", TODAY).exit_code == 1
    (root / "templates").mkdir()
    (root / "templates" / "languages.yaml").write_text("en: English\ngd: Gàidhlig\n", encoding="utf-8")
    result = run_cli("check", "--root", str(root), "--today", TODAY)
    assert result.exit_code == 0, result.stderr


def test_the_default_theme_is_translated_into_english_and_welsh():
    from builder.content.pitfalls import interface_languages
    assert interface_languages(PROJECT) == {"en": "English", "cy": "Cymraeg"}


@pytest.mark.parametrize("written, shown, href", [
    ("0117 496 0500", "0117 496 0500", "tel:+441174960500"),     # right: kept
    ("01174 960500", "0117 496 0500", "tel:+441174960500"),      # a 4-digit area code split wrongly: regrouped
    ("01174960500", "0117 496 0500", "tel:+441174960500"),
    ("0117 4960500", "0117 4960500", "tel:+441174960500"),       # the area code on its own: kept as written
    ("0121 496 0000", "0121 496 0000", "tel:+441214960000"),
    ("01214960000", "0121 496 0000", "tel:+441214960000"),
    ("0113 496 0000", "0113 496 0000", "tel:+441134960000"),
    ("0131 496 0000", "0131 496 0000", "tel:+441314960000"),
    ("0191 498 0000", "0191 498 0000", "tel:+441914980000"),
    ("01632 960123", "01632 960123", "tel:+441632960123"),
    ("02079460123", "020 7946 0123", "tel:+442079460123"),
    ("+44 1174 960500", "+44 117 496 0500", "tel:+441174960500"),
    ("0161 496 0000 ext 12", "0161 496 0000 extension 12", "tel:+441614960000;ext=12"),
    ("18001 0117 496 0500", "18001 0117 496 0500", "tel:1800101174960500"),  # Relay UK
    ("18001 01174960500", "18001 0117 496 0500", "tel:1800101174960500"),
])
def test_phone_numbers_are_grouped_by_the_uk_numbering_plan(written: str, shown: str, href: str):
    from builder.language.wording import phone_display, phone_href
    assert (phone_display(written), phone_href(written)) == (shown, href)


def test_more_than_one_number_each_labelled_on_both_versions(tmp_path: Path):
    contact = ('contact:\n  phone: "0117 496 0500"\n  other_phones:\n    - {label: Text only, number: "18001 0117 496 0500"}\n'
               '    - {label: Out of hours, number: "01214960000"}\n')
    root = make_site(tmp_path / "site", {SERVICE: MINIMAL_SERVICE.replace("funding: [free]\n", "funding: [free]\n" + contact)})
    result = run_cli("build", "--root", str(root), "--today", TODAY, "--no-search")
    assert result.exit_code == 0, result.stderr
    standard = (root / "_site" / PAGE).read_text(encoding="utf-8")
    easy = (root / "_site" / "easy-read" / PAGE).read_text(encoding="utf-8")
    assert '<div><dt>Phone</dt><dd><a class="phone" href="tel:+441174960500">0117 496 0500</a></dd></div>' in standard
    assert '<div><dt>Text only</dt><dd><a class="phone" href="tel:1800101174960500">18001 0117 496 0500</a></dd></div>' in standard
    assert '<li>Out of hours: <a class="phone" href="tel:+441214960000">0121 496 0000</a></li>' in standard
    for label, number in (("Text only", "18001 0117 496 0500"), ("Out of hours", "0121 496 0000")):
        assert re.search(rf"{label}\s*<a [^>]*>{number}</a>", easy), label


def test_a_labelled_number_with_too_few_digits_is_an_error_naming_its_line(tmp_path: Path):
    contact = 'contact:\n  other_phones:\n    - {label: Text only, number: "0117 496 05"}\n'
    root = make_site(tmp_path / "site", {SERVICE: MINIMAL_SERVICE.replace("funding: [free]\n", "funding: [free]\n" + contact)})
    result = run_cli("check", "--root", str(root), "--today", TODAY)
    assert result.exit_code == 1
    assert (f"{SERVICE}:19: contact.other_phones.number: is not a complete UK phone number (found '0117 496 05'). "
            "A UK number has 10 or 11 digits, like \"01632 960123\".") in result.stderr.splitlines()


def test_suggest_a_change_offers_email_phone_and_github_each_only_where_configured(tmp_path: Path):
    root = make_site(tmp_path / "site")
    assert run_cli("build", "--root", str(root), "--today", TODAY, "--no-search").exit_code == 0
    standard = (root / "_site" / PAGE).read_text(encoding="utf-8")
    easy = (root / "_site" / "easy-read" / PAGE).read_text(encoding="utf-8")
    subject = "Change%20to%20listing%3A%20Garden%20Club%20%28https%3A//example.org/catalogue/services/testshire-care/garden-club/%29"
    assert f'<li>email <a href="mailto:care@example.org?subject={subject}">care@example.org</a></li>' in standard
    assert '<li>call <a class="phone" href="tel:+441632960000">01632 960000</a></li>' in standard
    assert ('<a href="https://github.com/example/catalogue/edit/main/content/providers/testshire-care/garden-club.md">'
            "Suggest a change to this listing") in standard
    assert "mailto:care@example.org?subject=Change%20to%20listing%3A%20Garden%20Club" in easy
    assert 'Phone us: <a href="tel:+441632960000">01632 960000</a>' in easy

    no_github = MINIMAL_SITE.replace("edit_url: https://github.com/example/catalogue/edit/main/{path}\n", "")
    other = make_site(tmp_path / "other", {"site.yaml": no_github.replace('  phone: "01632 960000"\n', "")})
    assert run_cli("build", "--root", str(other), "--today", TODAY, "--no-search").exit_code == 0
    html = (other / "_site" / PAGE).read_text(encoding="utf-8")
    assert "mailto:care@example.org?subject=" in html and "github.com" not in html and "tel:+441632960000" not in html
