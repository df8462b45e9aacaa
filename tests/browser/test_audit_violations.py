"""`catalogue audit` in real headless Chromium fails, naming the page and the rule, on a theme with a deliberate
violation, and says when the Nu HTML Checker was skipped (issue 28). Its own file, so pytest-xdist runs it
beside test_audit.py rather than after it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import PROJECT, TODAY, make_site

from .test_audit import audit


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory):
    """A tiny site whose theme puts an image without alt text, pointing at a file that does not exist, on
    every information page."""
    page = (PROJECT / "templates" / "page.html").read_text(encoding="utf-8")
    assert "<div data-pagefind-body>\n" in page, "templates/page.html changed: update this test"
    root = make_site(tmp_path_factory.mktemp("audit") / "site", {"templates/page.html": page.replace(
        "<div data-pagefind-body>\n", "<div data-pagefind-body>\n<img src=\"{{ page.asset('missing-photo.jpg') }}\">\n")})
    build = subprocess.run([sys.executable, "-m", "builder", "build", "--root", str(root), "--today", TODAY, "-q"],
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stdout + build.stderr
    return root


def test_audit_fails_naming_the_page_and_each_rule_and_in_github_actions_annotates_the_content_file(broken_site):
    result = audit("--root", str(broken_site), "--changed", "content/pages/about.md", github=True)
    assert result.returncode == 1
    about = [line for line in result.stdout.splitlines() if line.startswith("https://example.org/catalogue/about/")]
    assert about == [
        "https://example.org/catalogue/about/: axe image-alt: Images must have alternative text "
        '(1 element: img[src$="missing-photo.jpg"]) https://dequeuniversity.com/rules/axe/4.14/image-alt?application=axeAPI',
        "https://example.org/catalogue/about/: Nu HTML Checker: line 54: An “img” element must have an “alt” attribute, "
        "except under certain conditions. For details, consult guidance on providing text alternatives for images.",
        'https://example.org/catalogue/about/: broken link to missing-photo.jpg: <img src="../missing-photo.jpg">',
    ]
    assert result.stdout.endswith("Audited 44 pages and every internal link: 6 problems.\n")
    # each problem's line is followed by the same problem as an annotation on the content file behind the page
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error file=content/pages/about.md,")]
    assert annotations[0] == (
        "::error file=content/pages/about.md,title=catalogue audit%3A axe image-alt::https://example.org/catalogue/about/: "
        'axe image-alt: Images must have alternative text (1 element: img[src$="missing-photo.jpg"]) '
        "https://dequeuniversity.com/rules/axe/4.14/image-alt?application=axeAPI")
    assert annotations[2] == ("::error file=content/pages/about.md,title=catalogue audit%3A broken link to missing-photo.jpg::"
                              'https://example.org/catalogue/about/: broken link to missing-photo.jpg: <img src="../missing-photo.jpg">')


def test_without_java_the_audit_says_the_nu_checker_was_skipped(broken_site):
    result = audit("--root", str(broken_site), "--vnu", str(broken_site / "no-vnu.jar"))
    assert f"Note: the Nu HTML Checker was skipped: {broken_site / 'no-vnu.jar'} does not exist.\n" in result.stderr
    assert "Nu HTML Checker: line" not in result.stdout and "axe image-alt" in result.stdout
    assert "::error" not in result.stdout  # annotations only in GitHub Actions
