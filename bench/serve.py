#!/usr/bin/env python3
"""Time `catalogue serve`: from saving one listing to the page in the browser showing the change.

    .venv/bin/python bench/serve.py [--size 10000] [--edits 5] [--pause 0] [--keep]

Generates a site of N services (bench/generate.py, seed 1) into bench/out/serve-N, starts
`python -m builder serve` on it as its own process, waits for the first build, and opens one
listing's page in headless Chromium. Then, --edits times, it writes a new word into that
listing's summary and times, from the moment the file is written (--pause S: S seconds after each
reload before the next edit, as an editor reading the page; 0, the default, edits at once, while
the last rebuild may still be writing the open data):

  served    until the preview server sends the rebuilt page (polled over HTTP every 20 ms)
  reloaded  until the open page has reloaded itself and shows the new word
  whole     until the preview says every page of the rebuild is live (its status, polled every
            20 ms): the open page is rebuilt first, the other pages showing the listing after it

and once writes a bad value (an unknown type) and times until the error overlay appears over
the page, then puts the file back. Before it opens the page it samples the CPU the idle serve
process uses for 10 s (its watcher's cost). Prints a table (median, min, max), with the CPU count and
the 1-minute load average, and writes it to bench/serve-results.md. The serve process (and
every process it started) is always stopped and the listing always restored; the site is
removed afterwards unless --keep. Needs the test set-up (.ci/setup) for Chromium and Playwright.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RESULTS = BENCH / "serve-results.md"
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO / "tests"))

import generate  # noqa: E402
from browser_support import launch  # noqa: E402
from compare import one_listing  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from run import builder_env  # noqa: E402

FIRST_BUILD_TIMEOUT = 1800  # seconds: the first build indexes search too, minutes at 10,000 on a busy machine
CHANGE_TIMEOUT = 600
IDLE_SAMPLE = 10  # seconds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_until_served(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + FIRST_BUILD_TIMEOUT
    while fetch(url) is None:
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"catalogue serve did not start:\n{log.read_text(encoding='utf-8')[-3000:]}")
        time.sleep(0.5)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far, from /proc/PID/stat."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as file:
        fields = file.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_until(found, started: float, result: list) -> None:
    """In a thread: seconds from `started` until `found()` is true, asked every 20 ms."""
    deadline = started + CHANGE_TIMEOUT
    while time.perf_counter() < deadline:
        if found():
            result.append(time.perf_counter() - started)
            return
        time.sleep(0.02)


def status(base: str) -> dict:
    return json.loads(fetch(base + "__catalogue/status") or '{"build": -1, "pages": []}')


def time_one_edit(page, base: str, url: str, listing: Path, text: str, marker: str) -> tuple[float, float, float]:
    """(seconds until served over HTTP, until the open page reloaded with `marker`, until the
    whole rebuild was live)."""
    served: list[float] = []
    whole: list[float] = []
    build = status(base)["build"]
    listing.write_text(text.replace('\nsummary: "', f'\nsummary: "{marker} ', 1), encoding="utf-8")
    started = time.perf_counter()
    pollers = [threading.Thread(target=time_until, args=(lambda: marker in (fetch(url) or ""), started, served)),
               threading.Thread(target=time_until, args=(lambda: (s := status(base))["build"] > build and s.get("pages") is None,
                                                         started, whole))]
    for poller in pollers:
        poller.start()
    page.wait_for_function(f"() => document.body !== null && document.body.textContent.includes('{marker}')",
                           timeout=CHANGE_TIMEOUT * 1000, polling=20)
    reloaded = time.perf_counter() - started
    for poller in pollers:
        poller.join()
    if not served or not whole:
        raise SystemExit(f"the server never sent the page with {marker}, or never finished the rebuild")
    return served[0], reloaded, whole[0]


def time_error_overlay(page, listing: Path, text: str) -> float:
    listing.write_text(text.replace('\ntypes: ["', '\ntypes: ["no-such-type", "', 1), encoding="utf-8")
    started = time.perf_counter()
    page.locator("#catalogue-preview-problems").wait_for(state="visible", timeout=CHANGE_TIMEOUT * 1000)
    return time.perf_counter() - started


def measure(site: Path, edits: int, pause: float = 0) -> tuple[dict[str, list[float]], float, float]:
    """The times of each kind, the 1-minute load average just before the first edit, and the
    share of one CPU the idle serve process used (its watcher) before the page was opened."""
    listing = Path(one_listing(str(site)))
    original = listing.read_text(encoding="utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    url = f"{base}services/{listing.parent.name}/{listing.stem}/"
    log = site.with_suffix(".log")
    times: dict[str, list[float]] = {"served": [], "reloaded": [], "whole": [], "overlay": []}
    with open(log, "w", encoding="utf-8") as output:
        process = subprocess.Popen([sys.executable, "-m", "builder", "serve", "--root", str(site), "--port", str(port)],
                                   cwd=REPO, env=builder_env(), stdout=output, stderr=subprocess.STDOUT,
                                   start_new_session=True)  # its own process group: stopping it stops its workers
    try:
        started = time.perf_counter()
        wait_until_served(base, process, log)
        print(f"first build and serve: {time.perf_counter() - started:.0f} s", flush=True)
        if fetch(url) is None:
            raise SystemExit(f"{url} is not served")
        before = cpu_seconds(process.pid)
        time.sleep(IDLE_SAMPLE)  # no page open yet: the offline worker would download the site meanwhile
        idle = (cpu_seconds(process.pid) - before) / IDLE_SAMPLE
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page()
            page.goto(url)
            page.wait_for_timeout(1000)  # the preview script's first status poll: it reloads on a build newer than that
            load = os.getloadavg()[0]
            for number in range(1, edits + 1):
                time.sleep(pause if number > 1 else 0)
                served, reloaded, whole = time_one_edit(page, base, url, listing, original, f"Benchmarkword{number}x{port}")
                times["served"].append(served)
                times["reloaded"].append(reloaded)
                times["whole"].append(whole)
                print(f"edit {number}: served after {served:.2f} s, page reloaded after {reloaded:.2f} s, "
                      f"every page live after {whole:.2f} s (load {os.getloadavg()[0]:.2f})", flush=True)
            times["overlay"].append(time_error_overlay(page, listing, original))
            print(f"error overlay after {times['overlay'][0]:.2f} s", flush=True)
            listing.write_text(original, encoding="utf-8")  # back to the good page before stopping
            page.locator("#catalogue-preview-problems").wait_for(state="detached", timeout=CHANGE_TIMEOUT * 1000)
            browser.close()
    finally:
        if listing.read_text(encoding="utf-8") != original:
            listing.write_text(original, encoding="utf-8")
        stop(process)
    return times, load, idle


def stop(process: subprocess.Popen) -> None:
    """Ctrl+C to the serve process and everything it started (its process group); killed if it hangs."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def table(size: int, times: dict[str, list[float]], load_before: float, idle: float) -> str:
    rows = [("saved → rebuilt page served (HTTP)", times["served"]),
            ("saved → open page reloaded with the change", times["reloaded"]),
            ("saved → every rebuilt page live (the other pages showing it too)", times["whole"]),
            ("saved a bad value → error overlay shown", times["overlay"])]
    lines = ["| Services | From | Median | Min | Max | Runs |", "|---:|:---|---:|---:|---:|---:|"]
    lines += [f"| {size:,} | {what} | {statistics.median(values):.2f} s | {min(values):.2f} s | {max(values):.2f} s "
              f"| {len(values)} |" for what, values in rows]
    return ("\n".join(lines) + f"\n\n{os.cpu_count()} CPUs; 1-minute load average {load_before:.2f} before the first edit, "
            f"{os.getloadavg()[0]:.2f} after the last; Python {sys.version.split()[0]}. Idle, the "
            f"serve process used {idle:.0%} of one CPU ({IDLE_SAMPLE} s sample). Target (issue 27): "
            "the open page reloaded under 1 s at 1,000 services and under 2 s at 10,000.\n")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--pause", type=float, default=0, help="seconds between a reload and the next edit")
    parser.add_argument("--keep", action="store_true", help="keep bench/out/serve-N afterwards")
    args = parser.parse_args(argv)
    # run in the background from a shell, Ctrl+C would be ignored here and in the serve process
    signal.signal(signal.SIGINT, signal.default_int_handler)
    site = BENCH / "out" / f"serve-{args.size}"
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    try:
        generate.generate(args.size, str(site), 1)
        times, load_before, idle = measure(site, args.edits, args.pause)
    finally:
        if not args.keep:
            shutil.rmtree(site, ignore_errors=True)
            site.with_suffix(".log").unlink(missing_ok=True)
    text = table(args.size, times, load_before, idle)
    print("\n" + text)
    RESULTS.write_text(f"# `catalogue serve` results\n\nProduced by `python bench/serve.py --size {args.size} "
                       f"--edits {args.edits}{f' --pause {args.pause:g}' if args.pause else ''}`.\n\n{text}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
