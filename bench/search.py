#!/usr/bin/env python3
"""Measure search at scale: Pagefind index time and size, and the time from typing to results.

    .venv/bin/python bench/search.py [--size 10000] [--queries dementia garden lunch]

Generates a site of N services (bench/generate.py), builds it without search, then times the
search stage on its own (both indexes, standard and Easy Read, through Pagefind's Python API)
and measures the peak memory of the Pagefind process. Then it serves the result on 127.0.0.1
and, in headless Chromium, times each query from the keystroke to the announced result count
(the polite status region), first on a cold page and then again on a warm one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO / "tests"))

import generate  # noqa: E402
from browser_support import launch, serve  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from builder import build
from builder.publish import search  # noqa: E402


def peak_rss_of_children(stop: threading.Event, result: list) -> None:
    """Largest summed RSS of this process's descendants (the Pagefind binary), sampled every 20 ms."""
    me = os.getpid()
    peak = 0
    while not stop.is_set():
        total = 0
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            if fields.get("PPid", "").strip() == str(me) and "VmRSS" in fields:
                total += int(fields["VmRSS"].split()[0]) * 1024
        peak = max(peak, total)
        time.sleep(0.02)
    result.append(peak)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--queries", nargs="+", default=["dementia", "garden", "lunch", "swimming", "transport"])
    args = parser.parse_args()

    work = BENCH / "out"
    site, out = work / f"search-site-{args.size}", work / f"search-build-{args.size}"
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    site.mkdir(parents=True)
    generate.generate(args.size, str(site), seed=1)
    today = dt.date(2026, 11, 1)
    built = build.build_site(site, out, today, with_search=False)
    catalogue = build.check_site(site, today).catalogue

    stop, peak = threading.Event(), []
    sampler = threading.Thread(target=peak_rss_of_children, args=(stop, peak))
    sampler.start()
    started = time.perf_counter()
    pages = search.index_site(out, catalogue)
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    size = folder_size(out / "pagefind") + folder_size(out / "easy-read" / "pagefind")
    print(f"indexed {pages} pages in {seconds:.1f} s: {size / 2**20:.1f} MiB, Pagefind peak {(peak[0] if peak else 0) / 2**20:.0f} MiB",
          flush=True)

    timings = {"cold": [], "warm": []}
    with sync_playwright() as playwright, serve(out) as url:
        browser = launch(playwright)
        page = browser.new_page()
        for query in args.queries:
            for kind in ("cold", "warm"):
                if kind == "cold":
                    page.goto(url + "search/")
                    page.wait_for_function("document.getElementById('near-me') && !document.getElementById('near-me').hidden",
                                           timeout=120000)
                page.fill("#search-input", "")
                page.evaluate("document.getElementById('search-status').textContent = ''")
                start = time.perf_counter()
                page.type("#search-input", query, delay=0)
                page.wait_for_function("document.getElementById('search-status').textContent.length > 0", timeout=60000)
                # the page waits 300 ms after the last keystroke before it searches (debounce)
                timings[kind].append((time.perf_counter() - start) * 1000)
        browser.close()

    print("| Services | Pages built | Pages indexed | Index time | Index size (both) | Pagefind peak memory | "
          "Typing to results, first search (median) | Later searches (median) | CPUs |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {args.size:,} | {built.pages:,} | {pages:,} | {seconds:.1f} s | {size / 2**20:.1f} MiB | "
          f"{(peak[0] if peak else 0) / 2**20:.0f} MiB | {statistics.median(timings['cold']):.0f} ms | "
          f"{statistics.median(timings['warm']):.0f} ms | {os.cpu_count()} |")
    print(f"\nQueries: {', '.join(args.queries)}. Typing time includes the page's 300 ms pause after the last key.")
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
