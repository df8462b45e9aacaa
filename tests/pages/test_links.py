"""The sample site served under a sub-path and crawled: zero broken internal links.

The output is served at http://127.0.0.1:PORT/day-opportunities/ (the sub-path of the
sample's base_url) by a server that answers 404 for anything outside it, then crawled from
the home page following every href, src, srcset and form action on the same host, url()s
in CSS, the web app manifest's icons and the service worker's list of files. Fragments are
checked against the ids of the page they point at.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
import urllib.error
import urllib.request
from collections import deque
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest

import sampledata as data
from htmlparse import html_files, page_url, parse, parse_file, unresolved_links, url_scheme, urls_of

SUB_PATH = urlsplit(data.site_yaml()["base_url"]).path  # "/day-opportunities/"
BASE = data.site_yaml()["base_url"]
NOT_LINKED = {"404.html", "easy-read/404.html"}  # shown by the server for missing pages, never linked


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the output folder at SUB_PATH only, as GitHub Pages serves a project site."""

    def send_head(self):
        if not urlsplit(self.path).path.startswith(SUB_PATH):
            self.send_error(404, "outside the sub-path")
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + urlsplit(path).path[len(SUB_PATH):])

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def server(sample_site):
    handler = functools.partial(SubPathHandler, directory=str(sample_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as err:
        return err.code, "", b""


def references(url: str, kind: str, body: bytes) -> list[tuple[str, str]]:
    """(what refers, URL as written) found in one fetched file."""
    text = body.decode("utf-8", errors="replace")
    if kind == "text/html":
        doc = parse(text)
        found = [(f"<{el.tag} {attr}> line {el.line}", value) for el in doc.iter() for attr, value in urls_of(el)]
        # The search page loads Pagefind from the folder its form names.
        found += [(f"<{el.tag} data-pagefind>", el.get("data-pagefind") + "pagefind.js")
                  for el in doc.iter() if el.get("data-pagefind")]
        return found
    if kind == "text/css":
        return [("css url()", m.group(2)) for m in re.finditer(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)", text)
                if not m.group(2).startswith("data:")]
    if url.endswith(".webmanifest"):
        manifest = json.loads(text)
        found = [("manifest icon", icon["src"]) for icon in manifest.get("icons", [])]
        return found + ([("manifest start_url", manifest["start_url"])] if "start_url" in manifest else [])
    if url.endswith("/sw.js"):
        shell = re.search(r"\bSHELL\s*=\s*(\[.*?\]);", text, re.S)
        return [("service worker SHELL", entry) for entry in json.loads(shell.group(1))] if shell else []
    return []


@pytest.fixture(scope="module")
def crawl(server, sample_site):
    """Crawl from the home page: {path: status}, [(from, how, href, problem)], {path: ids}."""
    start = server + SUB_PATH
    queue = deque([start] + ([start + "sw.js"] if (sample_site / "sw.js").is_file() else []))
    seen: dict[str, int] = {}
    ids: dict[str, set[str] | None] = {}
    links: list[tuple[str, str, str, str]] = []  # (from page, how, href, absolute target)
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        status, kind, body = fetch(url)
        seen[url] = status
        if status != 200:
            continue
        if kind == "text/html":
            doc = parse(body.decode("utf-8"))
            ids[url] = {el.get("id") for el in doc.iter() if el.get("id")} | {
                el.get("name") for el in doc.find_all("a") if el.get("name")}
        for how, href in references(url, kind, body):
            if url_scheme(href) not in ("", "http", "https") or href.startswith("//"):
                continue
            target = urljoin(url, href)
            if urlsplit(target).netloc != urlsplit(server).netloc:
                continue  # another host: not ours to check
            links.append((url, how, href, target))
            page, _ = urldefrag(target)
            page = page.split("?")[0]
            if page not in seen:
                queue.append(page)
    return start, seen, ids, links


def test_crawl_under_a_sub_path_finds_no_broken_internal_links(crawl):
    start, seen, ids, links = crawl
    broken = []
    for source, how, href, target in links:
        page, fragment = urldefrag(target)
        status = seen.get(page.split("?")[0])
        if status != 200:
            broken.append((source.removeprefix(start), how, href, status))
        elif fragment and ids.get(page) is not None and unquote(fragment) not in ids[page]:
            broken.append((source.removeprefix(start), how, href, "no such id"))
    assert len(links) > 1000  # the crawl really went through the site
    assert broken == []


def test_crawl_reaches_every_page_in_the_output(crawl, sample_site):
    start, seen, _, _ = crawl
    reached = {url.removeprefix(start) for url, status in seen.items() if status == 200}
    pages = {page_url(sample_site, f) for f in html_files(sample_site) if "pagefind" not in f.parts}
    assert sorted(pages - reached - NOT_LINKED) == []


def test_crawl_reaches_the_stylesheets_and_icons(crawl, sample_site):
    start, seen, _, _ = crawl
    reached = {url.removeprefix(start) for url, status in seen.items() if status == 200}
    assets = {p.relative_to(sample_site).as_posix() for p in (sample_site / "assets").rglob("*.css")}
    assets |= {p.relative_to(sample_site).as_posix() for p in (sample_site / "assets" / "icons").rglob("*") if p.is_file()}
    assert assets and sorted(assets - reached) == []


def test_server_answers_404_outside_the_sub_path(server):
    assert fetch(server + "/")[0] == 404
    assert fetch(server + "/assets/style.css")[0] == 404
    assert fetch(server + SUB_PATH + "assets/style.css")[0] == 200


def test_every_internal_link_and_asset_is_relative(sample_site):
    """No leading "/" and no scheme: the same files work at any sub-path and from a folder.

    Only the canonical link names the published address; 404 pages are served at any missing
    address, so they alone use paths from the domain root (the base_url's sub-path).
    """
    offenders = []
    for file in html_files(sample_site):
        if "pagefind" in file.parts:
            continue
        url = page_url(sample_site, file)
        doc = parse_file(file)
        for el in doc.iter():
            for attr, value in urls_of(el):
                if el.tag == "link" and "canonical" in (el.get("rel") or "").split():
                    continue
                scheme = url_scheme(value)
                if scheme in ("http", "https") and value.startswith(BASE):
                    offenders.append((url, el.line, el.tag, attr, value))
                elif scheme == "" and value.startswith("//"):
                    offenders.append((url, el.line, el.tag, attr, value))
                elif scheme == "" and value.startswith("/") and not (url in NOT_LINKED and value.startswith(SUB_PATH)):
                    offenders.append((url, el.line, el.tag, attr, value))
    assert offenders == []


def test_relative_links_resolve_to_files_on_disk(sample_site):
    """The output opened from a folder: every relative link names a file or a folder with index.html."""
    assert unresolved_links(sample_site, NOT_LINKED) == []
