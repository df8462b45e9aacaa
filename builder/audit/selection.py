"""Which pages of a built site the audit opens, and the content file behind each.

Input: the output folder (and the site folder, to name content files). Output: `AuditPage`s, one of
every kind in each version (standard and Easy Read) and language, plus the pages of the content files
a pull request changes. Read from the written files alone, so any build can be audited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from builder.config import paths

NOT_PAGES = ("assets/", "icons/", "pagefind", "openreferral/", "postcodes/")  # folders of files, not pages
OWN_KINDS = {"a-to-z", "search", "credits", "accessibility-statement", "open-data", "my-list", "offline"}
BROWSE = {"areas": "area", "who-for": "who-for group", "types": "type", "activities": "activity"}  # folder: one entry


@dataclass(frozen=True)
class AuditPage:
    url: str  # from the site root: "easy-read/services/riverside/day-centre/"
    kind: str  # "service", "area", "information", ...
    language: str  # the language's folder ("en/"), "" for the site's first language
    easy: bool
    source: str | None = None  # the content file behind it, from the site folder, when there is one


class _Head(HTMLParser):
    """The canonical address and the other languages' addresses from a page's <head>."""

    def __init__(self):
        super().__init__()
        self.canonical, self.languages = "", []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").split()
        if tag == "link" and "canonical" in rel:
            self.canonical = attrs.get("href") or ""
        elif tag == "link" and "alternate" in rel and attrs.get("hreflang") and attrs.get("href"):
            self.languages.append(attrs["href"])


def _head(out: Path) -> _Head:
    head = _Head()
    home = out / "index.html"
    if home.is_file():
        head.feed(home.read_text(encoding="utf-8", errors="replace"))
    return head


def published_base(out: Path) -> str:
    """The address the site is published at, from the home page's canonical link ("" when it has none)."""
    return _head(out).canonical


def sub_path(out: Path) -> str:
    """The path the site is served under ("/day-opportunities/"), so links from the domain root resolve."""
    path = urlsplit(published_base(out)).path
    return path if path.endswith("/") else "/"


def language_folders(out: Path) -> list[str]:
    """The folders the other languages are published in ("en/"), from the home page's hreflang links."""
    head = _head(out)
    folders = {href.removeprefix(head.canonical) if head.canonical and href.startswith(head.canonical) else href
               for href in head.languages}
    return sorted(f for f in folders if re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]+)?/", f))


def page_urls(out: Path) -> list[str]:
    """Every HTML page of the build, as its URL from the site root."""
    urls = []
    for file in out.rglob("*.html"):
        relative = file.relative_to(out).as_posix()
        if any(part in relative for part in NOT_PAGES):
            continue
        urls.append(relative.removesuffix("index.html"))
    return sorted(urls)


def split_url(url: str, languages: list[str]) -> tuple[str, bool, str]:
    """(language folder, Easy Read?, the rest of the URL)."""
    language = next((folder for folder in languages if url.startswith(folder)), "")
    rest = url.removeprefix(language)
    return language, rest.startswith(paths.EASY), rest.removeprefix(paths.EASY)


def kind_of(rest: str) -> str:
    """The page kind of a URL within one version and language ("services/a/b/" -> "service")."""
    if rest == "":
        return "home"
    if rest.endswith("404.html"):
        return "not-found"
    parts = rest.strip("/").split("/")
    if parts[0] == "services":
        return "service"
    if parts[0] == "providers":
        return "provider" if len(parts) > 1 else "providers"
    if parts[0] in BROWSE:
        return BROWSE[parts[0]] if len(parts) > 1 else parts[0]
    return parts[0] if parts[0] in OWN_KINDS else "information"


def source_of(root: Path | None, url: str, languages: list[str]) -> str | None:
    """The content file a page is made from, the Easy Read or other language's file when there is one."""
    if root is None:
        return None
    language, easy, rest = split_url(url, languages)
    parts = rest.strip("/").split("/")
    if parts[0] == "services" and len(parts) == 3:
        base = f"content/providers/{parts[1]}/{parts[2]}"
    elif parts[0] == "providers" and len(parts) == 2:
        return f"content/providers/{parts[1]}/provider.yaml"
    elif kind_of(rest) == "information":
        base = f"content/pages/{parts[0]}"
    else:
        return None
    code = language.rstrip("/")
    tried = ([f"{base}.{code}.easy.md"] if code and easy else []) + ([f"{base}.{code}.md"] if code else []) + (
        [f"{base}.easy.md"] if easy else []) + [f"{base}.md"]
    return next((path for path in tried if (root / path).is_file()), None)


def pages_to_audit(out: Path, root: Path | None, changed: list[str] = ()) -> list[AuditPage]:
    """One page of every kind in each version and language (its largest: the one with most on it), then
    the standard and Easy Read pages of each changed content file in every language."""
    languages = language_folders(out)
    urls = page_urls(out)
    chosen: dict[tuple[str, bool, str], str] = {}
    for url in urls:
        language, easy, rest = split_url(url, languages)
        key = (language, easy, kind_of(rest))
        if key not in chosen or _size(out, url) > _size(out, chosen[key]):
            chosen[key] = url
    wanted = sorted(chosen.values())
    on_site = set(urls)
    for path in changed:
        page = paths.url_for_source(path.replace("\\", "/").removeprefix("./"))
        if page is None:
            continue
        page = re.sub(r"\.[a-z]{2,3}/$", "/", page)  # about.en.md: the English page at about/
        for language in [""] + languages:
            for version in ("", paths.EASY):
                url = language + version + page
                if url in on_site and url not in wanted:
                    wanted.append(url)
    return [AuditPage(url, kind_of(split_url(url, languages)[2]), *split_url(url, languages)[:2],
                      source_of(root, url, languages)) for url in wanted]


def _size(out: Path, url: str) -> int:
    return (out / (url if url.endswith(".html") else url + "index.html")).stat().st_size
