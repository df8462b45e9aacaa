"""Broken internal links: every link and asset of every page of the build, resolved as a browser would
under the site's sub-path, must name a file of the build (a folder with index.html) and, with a
#fragment, an id on that page. Read from disk: no server, so a large site is checked in seconds."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from builder.audit.selection import page_urls, published_base, sub_path

LINKING = {"a": ("href",), "area": ("href",), "link": ("href",), "img": ("src", "srcset"), "source": ("src", "srcset"),
           "script": ("src",), "iframe": ("src",), "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
           "form": ("action",), "button": ("formaction",), "object": ("data",)}
HOST = "http://site.invalid"  # a stand-in host: only the paths matter


@dataclass(frozen=True)
class BrokenLink:
    page: str  # the URL, from the site root, of the page with the link
    target: str  # where it points, from the site root (or as written when it leaves the site)
    written: str  # the element and attribute, as in the page: '<a href="../nowhere/">'
    why: str = ""  # "" for a missing page or file; else what is wrong with the fragment


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(name):
                self.ids.add(attrs[name])
        for attribute in LINKING.get(tag, ()):
            value = attrs.get(attribute)
            if not value:
                continue
            values = [part.strip().split()[0] for part in value.split(",") if part.strip()] if attribute == "srcset" else [value]
            self.links += [(tag, attribute, v) for v in values]


def _file_of(out: Path, rest: str) -> Path | None:
    path = out / unquote(rest)
    for candidate in ((path / "index.html") if rest.endswith("/") or rest == "" else path, path / "index.html"):
        if candidate.is_file():
            return candidate
    return None


def broken_links(out: Path) -> list[BrokenLink]:
    base_path, published = sub_path(out), published_base(out)
    pages = {url: _read(out, url) for url in page_urls(out)}
    ids = {(out / (url if url.endswith(".html") else url + "index.html")).resolve(): page.ids for url, page in pages.items()}
    broken = []
    for url, page in pages.items():
        here = HOST + base_path + url
        for tag, attribute, value in page.links:
            written = f'<{tag} {attribute}="{value}">'
            if published and value.startswith(published):
                value = base_path + value[len(published):]  # the site's own address written in full
            scheme = urlsplit(value).scheme
            if scheme and scheme not in ("http", "https") or value.startswith("//") or (scheme and not value.startswith(HOST)):
                continue  # another site, mailto:, tel:, data:: not ours to check
            target, fragment = urldefrag(urljoin(here, value))
            path = urlsplit(target).path
            if not path.startswith(base_path):
                broken.append(BrokenLink(url, path, written, f"outside the site's address {base_path}"))
                continue
            rest = path[len(base_path):]
            file = _file_of(out, rest)
            if file is None:
                broken.append(BrokenLink(url, rest or "(home)", written))
            elif fragment and file.suffix == ".html" and unquote(fragment) not in ids.get(file.resolve(), {unquote(fragment)}):
                broken.append(BrokenLink(url, f"{rest}#{fragment}", written, f"no id '{unquote(fragment)}' on that page"))
    return broken


def _read(out: Path, url: str) -> _Page:
    page = _Page()
    page.feed((out / (url if url.endswith(".html") else url + "index.html")).read_text(encoding="utf-8", errors="replace"))
    return page
