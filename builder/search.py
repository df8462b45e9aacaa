"""Stage 5: index the written pages with Pagefind, for search in the browser.

Input: the staging folder after rendering. Output: pagefind/ (standard pages) and
easy-read/pagefind/ (Easy Read pages), so each version searches only its own pages.
Only what people search for is read: service, provider and information pages (their
templates mark the searchable part with data-pagefind-body), not the browse lists.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from pathlib import Path

from markupsafe import Markup, escape
from pagefind.index import IndexConfig, PagefindIndex

from builder import easyread, paths
from builder.model import Catalogue, Service


def service_record(service: Service, easy: bool, pictures=None) -> Markup:
    """What Pagefind records about a service page: the filters to narrow by and the facts shown
    in results. Hidden from everyone; data-pagefind-ignore keeps these words out of the text index.
    (Written here rather than in a template: it is on every service page, and this is faster.)"""
    label = "easy" if easy else "label"
    spans = [("filter", name, value) for name, values in service.search_filters(easy).items() for value in values]
    summary = easyread.summary_text(service) if easy else service.summary  # Easy Read results show Easy Read words
    spans += [("filter", "kind", "Service"), ("meta", "summary", summary),
              ("meta", "areas", ", ".join(getattr(t, label) for t in service.areas)),
              ("meta", "who", ", ".join(getattr(t, label) for t in service.who_for)),
              ("meta", "status", service.status_label), ("sort", "name", service.name)]
    if easy and pictures is not None and service.types:
        spans.append(("meta", "picture", pictures.term(service.types[0])))  # the type's picture beside each Easy Read result
    if service.is_one_to_one:
        spans.append(("meta", "at_home", "yes"))
    elif service.coordinates:
        spans += [("meta", "lat", str(service.coordinates[0])), ("meta", "lon", str(service.coordinates[1]))]
    return _hidden(spans)


def page_record(kind: str, summary: str) -> Markup:
    """The same for a provider or information page."""
    return _hidden([("filter", "kind", kind), ("meta", "summary", summary)])


def _hidden(spans: list[tuple[str, str, str]]) -> Markup:
    inner = "".join(f'<span data-pagefind-{role}="{escape(name)}">{escape(value)}</span>' for role, name, value in spans)
    return Markup(f"<div hidden data-pagefind-ignore>{inner}</div>")


def searchable_globs(catalogue: Catalogue) -> list[str]:
    """Globs, relative to the output folder, of the pages worth searching."""
    return ["services/**/index.html", "providers/*/index.html"] + [f"{page.url}index.html" for page in catalogue.pages]


def index_site(staging: Path, catalogue: Catalogue) -> int:
    """Writes both indexes; returns the number of pages indexed."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(_index_both(staging, catalogue))
    # called from code that already runs an event loop (a test driving a browser, say)
    with concurrent.futures.ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, _index_both(staging, catalogue)).result()


async def _index_both(staging: Path, catalogue: Catalogue) -> int:
    globs = searchable_globs(catalogue)
    # One after the other: each Pagefind process holds its whole index in memory, and running
    # both at once doubled the peak (4.2 GiB at 10,000 services) for little gain in time.
    standard = await _index(staging, staging / "pagefind", globs)
    easy = await _index(staging, staging / paths.EASY / "pagefind", [paths.EASY + g for g in globs])
    return standard + easy


async def _index(staging: Path, output: Path, globs: list[str]) -> int:
    config = IndexConfig(output_path=str(output), force_language="en")
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(staging), glob="{" + ",".join(globs) + "}")
    _remove_unused_ui(output)
    return int(result.get("page_count", 0))


def _remove_unused_ui(output: Path) -> None:
    """Pagefind also writes its ready-made UIs; the site uses its own markup over the JS API."""
    for file in output.glob("pagefind-*ui.*"):
        file.unlink()
    for name in ("pagefind-highlight.js",):
        (output / name).unlink(missing_ok=True)
