"""Every page exists in a standard and an Easy Read version, and each links to the other."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from conftest import SAMPLE
from htmlparse import html_files


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.alternate: list[str] = []
        self.switch: list[tuple[str, str]] = []  # (href, text) of the version switch link
        self.h1_seen = False
        self.switch_before_h1 = False
        self._in_switch = False
        self._in_link = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate":
            self.alternate.append(attrs["href"])
        if tag == "p" and "version-switch" in (attrs.get("class") or ""):
            self._in_switch = True
        if tag == "a" and self._in_switch:
            self._in_link, self._text = attrs["href"], ""
        if tag == "h1":
            self.h1_seen = True

    def handle_endtag(self, tag):
        if tag == "a" and self._in_link is not None:
            self.switch.append((self._in_link, " ".join(self._text.split())))
            self.switch_before_h1 = not self.h1_seen
            self._in_link = None
        if tag == "p":
            self._in_switch = False

    def handle_data(self, data):
        if self._in_link is not None:
            self._text += data


def links_of(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def resolve(page: str, href: str) -> str:
    """The output file a relative link from `page` (a path in the output) points at."""
    folder = PurePosixPath(page).parent
    target = str(PurePosixPath(*(folder / href).parts)) if not href.startswith("/") else href
    parts: list[str] = []
    for part in target.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    joined = "/".join(parts)
    if href.endswith("/") or href in ("./", ""):
        return (joined + "/" if joined else "") + "index.html"
    return joined


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in html_files(site) if p.name != "404.html")


def test_every_standard_page_has_an_easy_read_twin_and_every_twin_a_standard_page(sample_site):
    pages = set(html_pages(sample_site))
    standard = {p for p in pages if not p.startswith("easy-read/")}
    easy = {p.removeprefix("easy-read/") for p in pages if p.startswith("easy-read/")}
    assert standard == easy
    assert len(standard) > 100


def test_each_version_links_to_the_other_above_the_h1_and_in_the_head(sample_site):
    for page in html_pages(sample_site):
        links = links_of(sample_site / page)
        twin = page.removeprefix("easy-read/") if page.startswith("easy-read/") else "easy-read/" + page
        expected_text = "Standard version of this page" if page.startswith("easy-read/") else "Easy Read version of this page"
        assert len(links.switch) == 1, page
        href, text = links.switch[0]
        assert (resolve(page, href), text) == (twin, expected_text), page
        assert links.switch_before_h1, page
        assert [resolve(page, a) for a in links.alternate] == [twin], page


def test_the_404_pages_link_to_each_other(sample_site):
    standard = links_of(sample_site / "404.html")
    easy = links_of(sample_site / "easy-read" / "404.html")
    assert standard.switch[0][0].endswith("/easy-read/404.html")
    assert easy.switch[0][0].endswith("/404.html") and "easy-read" not in easy.switch[0][0]


def test_every_sample_information_page_has_an_editor_written_easy_read_version():
    pages = SAMPLE / "content" / "pages"
    standard = sorted(p.name.removesuffix(".md") for p in pages.glob("*.md") if not p.name.endswith(".easy.md"))
    easy = sorted(p.name.removesuffix(".easy.md") for p in pages.glob("*.easy.md"))
    assert standard == easy and standard
    for name in easy:
        front = (pages / f"{name}.easy.md").read_text(encoding="utf-8").split("---")[1]
        assert re.search(r"^checked_by: \S", front, re.M) and re.search(r"^checked_on: \d{4}-\d\d-\d\d", front, re.M), name


def test_easy_read_pages_are_marked_as_easy_read(sample_site):
    for page in html_pages(sample_site / "easy-read"):
        html = (sample_site / "easy-read" / page).read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", html).group(1)
        assert title.endswith("(Easy Read)"), page
        assert '<p class="er-label">Easy Read</p>' in html, page


def test_a_page_without_an_easy_read_version_says_so_with_a_phone_number_and_a_link(tmp_path):
    from conftest import TODAY, make_site, run_cli
    root = make_site(tmp_path / "site", {"content/pages/about.easy.md": None})
    check = run_cli("check", "--root", str(root), "--today", TODAY)
    assert "content/pages/about.md: warning: this page has no Easy Read version yet." in check.stderr
    result = run_cli("build", "--root", str(root), "--today", TODAY, "--no-search")
    assert result.exit_code == 0, result.output
    html = (root / "_site" / "easy-read" / "about" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", html)
    assert "This page is not in Easy Read yet." in text
    assert 'href="tel:+441632960000"' in html
    assert '<a href="../../about/">Read the standard page</a>' in html
