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

from pagefind.index import IndexConfig, PagefindIndex

from builder import paths
from builder.model import Catalogue


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
    standard = _index(staging, staging / "pagefind", globs)
    easy = _index(staging, staging / paths.EASY / "pagefind", [paths.EASY + g for g in globs])
    counts = await asyncio.gather(standard, easy)
    return sum(counts)


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
