#!/usr/bin/env python3
"""Measure the offline copy's "Find a service" at scale: the size of its data files and the time
from typing to results, opened from disk in headless Chromium.

    .venv/bin/python bench/finder.py [--sizes 1000 10000] [--queries dementia garden lunch]

For each size it generates a site (bench/generate.py), reads it into a Catalogue (no pages are
rendered), writes the two find-data.js files and assets/find.js into a scratch folder with a
bare page holding the search form's ids, and times each query from the keystroke to the
announced result count (the polite status region). Sizes are raw and gzipped (the zip
download compresses them about as much).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import shutil
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO / "tests"))

from generate import generate  # noqa: E402

from builder.publish import finder  # noqa: E402
from builder.build import check_site  # noqa: E402

PAGE = """<!doctype html><html lang="en"><title>Find</title>
<form id="search-form" data-root="" data-version="standard"><input id="search-input"><button>Search</button></form>
<div id="search-nojs"></div><div id="search-status"></div><div id="selected-filters"></div>
<h2 id="results-heading">Results</h2><ol id="results"></ol><nav id="pagination"></nav>
<script src="find-data.js"></script><script src="find.js"></script>"""


def measure(size: int, queries: list[str], scratch: Path) -> dict:
    site = scratch / f"site-{size}"
    site.mkdir()
    generate(size, str(site))
    checked = check_site(site, dt.date.today())
    assert checked.catalogue is not None, checked.problems
    out = scratch / f"out-{size}"
    data_bytes = finder.write_finder(out, checked.catalogue)
    gzipped = sum(len(gzip.compress((out / name).read_bytes())) for name in ("find-data.js", "easy-read/find-data.js"))
    shutil.copy(REPO / "templates" / "assets" / "find.js", out / "find.js")
    (out / "index.html").write_text(PAGE, encoding="utf-8")
    return {"size": size, "bytes": data_bytes, "gzip": gzipped, "times": time_queries(out / "index.html", queries)}


def time_queries(page_file: Path, queries: list[str]) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    from browser_support import launch

    times = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(page_file.as_uri())
        times["open"] = time.perf_counter() - started
        for query in queries:
            page.evaluate("document.getElementById('search-status').textContent = ''")
            started = time.perf_counter()
            page.fill("#search-input", query)
            page.press("#search-input", "Enter")  # searches at once, without the typing pause
            page.wait_for_function("document.getElementById('search-status').textContent.length > 0")
            times[query] = time.perf_counter() - started
        browser.close()
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--queries", nargs="+", default=["dementia", "garden", "lunch"])
    args = parser.parse_args(argv)
    print("| Services | find-data.js, both versions | gzipped | open the page | " + " | ".join(args.queries) + " |")
    print("|---:|---:|---:|---:|" + "---:|" * len(args.queries))
    with tempfile.TemporaryDirectory() as scratch:
        for size in args.sizes:
            row = measure(size, args.queries, Path(scratch))
            times = row["times"]
            print(f"| {size:,} | {row['bytes'] / 1e6:.2f} MB | {row['gzip'] / 1e6:.2f} MB | {times['open'] * 1000:.0f} ms | "
                  + " | ".join(f"{times[q] * 1000:.0f} ms" for q in args.queries) + " |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
