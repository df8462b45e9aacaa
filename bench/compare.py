#!/usr/bin/env python3
"""The whole comparison in one command: the catalogue builder cold, warm and after one edit,
with and without search, side by side with Eleventy rendering the same pages.

    .venv/bin/python bench/compare.py [--sizes 1000 10000] [--keep]

For each size N it generates a site (bench/generate.py, seed 1) into bench/out/compare-N
and runs, each as a whole process, timed, with the peak memory of its process tree:

  cold + search    no cache, no previous output: `catalogue build` (both search indexes)
  cold             the same with --no-search
  warm             again, nothing changed (--no-search)
  one edit         one listing's summary edited (--no-search)
  warm + search    nothing changed since, with both search indexes again
  eleventy         Eleventy 3 (bench/eleventy) on the same content, cold, no search
  hugo             Hugo (Debian's package, bench/hugo) on the same pages, cold, no search: its
                   timed run includes bench/hugo_content.py, which lays out the provider and
                   browse pages Hugo cannot read from the site itself

and prints a table (also written to bench/compare-results.md) with the 1-minute load average
before each run, the CPU seconds the run used (less sensitive to a busy machine than the wall
time) and the targets of issues 13 and 27. The first run installs Eleventy with `npm ci` in
bench/eleventy if needed, and Hugo with `apt-get install -y hugo` (as root) if it is missing. Linux only (reads /proc); standard library only.
"""

from __future__ import annotations

import argparse
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
ELEVENTY = os.path.join(BENCH, "eleventy")
HUGO = os.path.join(BENCH, "hugo")
RESULTS = os.path.join(BENCH, "compare-results.md")
sys.path.insert(0, BENCH)
import generate  # noqa: E402
from run import TreeSampler, builder_env, human_bytes  # noqa: E402

GIB = 1 << 30


def measure(cmd: list[str], cwd: str, env: dict) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sampler = TreeSampler(proc)
    sampler.start()
    output, _ = proc.communicate()
    wall = time.perf_counter() - started
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"failed (exit {proc.returncode}): {' '.join(cmd)}\n{output[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "peak": sampler.peak, "load": load}


def wait_for_background_deletion(site: str) -> None:
    """The builder deletes the previous output after it returns: let that finish before the next run."""
    trash = os.path.join(site, ".catalogue-cache", "trash")
    while os.path.isdir(trash) and os.listdir(trash):
        time.sleep(0.2)


def one_listing(site: str) -> str:
    """The Markdown file of a listing in the middle of the site: the same one on every run."""
    providers = os.path.join(site, "content", "providers")
    folder = os.path.join(providers, sorted(os.listdir(providers))[len(os.listdir(providers)) // 2])
    return os.path.join(folder, sorted(f for f in os.listdir(folder) if f.endswith(".md") and not f.endswith(".easy.md"))[0])


def edit_one_listing(site: str) -> None:
    listing = one_listing(site)
    with open(listing, encoding="utf-8") as file:
        text = file.read()
    with open(listing, "w", encoding="utf-8") as file:
        file.write(text.replace("\nsummary: ", "\nsummary: Checked again. ", 1))


def eleventy_ready() -> list[str]:
    binary = os.path.join(ELEVENTY, "node_modules", ".bin", "eleventy")
    if not os.path.exists(binary):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ELEVENTY, check=True)
    return [binary, "--quiet"]


def hugo_ready() -> str:
    """Debian's `hugo` package (0.111 on Debian 12): installed with apt-get when missing, as Eleventy is with npm."""
    binary = shutil.which("hugo")
    if binary is None:
        if os.geteuid() != 0:
            raise SystemExit("Hugo is not installed: run `apt-get install -y hugo` as root, or pass --without hugo")
        subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "hugo"], check=True)
        binary = shutil.which("hugo") or "/usr/bin/hugo"
    return binary


def hugo_command(site: str, staging: str, out: str) -> list[str]:
    """One shell command: lay out the provider and browse pages (timed too), then Hugo."""
    lay_out = [sys.executable, os.path.join(BENCH, "hugo_content.py"), site, staging]
    hugo = [hugo_ready(), "--quiet", "--source", HUGO, "--destination", out,
            "--config", f"{os.path.join(HUGO, 'config.yaml')},{os.path.join(staging, 'mounts.yaml')}"]
    return ["sh", "-c", f"{shlex.join(lay_out)} && {shlex.join(hugo)}"]


def run_size(n: int, keep: bool, without: tuple[str, ...] = (), rounds: int = 1, work: str = "") -> list[dict]:
    base = os.path.join(work or os.path.join(BENCH, "out"), f"compare-{n}")
    site, out, eleventy_out, hugo_out = (os.path.join(base, name) for name in ("site", "catalogue", "eleventy", "hugo"))
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(site)
    generate.generate(n, site, 1)
    build = [sys.executable, "-m", "builder", "build", "--root", site, "--out", out, "--quiet"]
    env = builder_env()

    def from_nothing():
        for folder in (out, os.path.join(site, ".catalogue-cache")):
            shutil.rmtree(folder, ignore_errors=True)

    scenarios = [
        ("cold + search", build, from_nothing),
        ("cold", build + ["--no-search"], from_nothing),
        ("warm", build + ["--no-search"], lambda: None),
        ("one edit", build + ["--no-search"], lambda: edit_one_listing(site)),
        ("warm + search", build, lambda: None),
    ]
    if "search" in without:
        scenarios = [(name, cmd, prepare) for name, cmd, prepare in scenarios if "search" not in name]
    runs: dict[str, list[dict]] = {}
    for _ in range(rounds):
        for name, cmd, prepare in scenarios:
            prepare()
            _run(runs, n, f"catalogue {name}", cmd, REPO, env)
            wait_for_background_deletion(site)
        if "eleventy" not in without:
            shutil.rmtree(eleventy_out, ignore_errors=True)
            _run(runs, n, "eleventy (no search)", eleventy_ready(), ELEVENTY, env | {"SITE_ROOT": site, "ELEVENTY_OUT": eleventy_out})
        if "hugo" not in without:
            shutil.rmtree(hugo_out, ignore_errors=True)
            _run(runs, n, "hugo (no search)", hugo_command(site, os.path.join(base, "hugo-content"), hugo_out), REPO, env)
    rows = [_median(what, measured) for what, measured in runs.items()]
    outputs = {"eleventy": eleventy_out, "hugo": hugo_out}
    for row in rows:
        row["pages"] = _pages(outputs.get(row["what"].split()[0], out))
    if not keep:
        shutil.rmtree(base, ignore_errors=True)
    return rows


def _run(runs: dict, n: int, what: str, cmd: list[str], cwd: str, env: dict) -> None:
    row = measure(cmd, cwd, env) | {"n": n, "what": what}
    runs.setdefault(what, []).append(row)
    print(f"[{n}] {what}: {row['wall']:.2f} s, {row['cpu']:.1f} CPU s, {human_bytes(row['peak'])}, load {row['load']:.2f}", flush=True)


def _median(what: str, measured: list[dict]) -> dict:
    """The median run's wall time and CPU, the highest peak memory, the median load: one row per build."""
    middle = lambda key: statistics.median(row[key] for row in measured)  # noqa: E731
    return measured[0] | {"wall": middle("wall"), "cpu": middle("cpu"), "load": middle("load"),
                          "peak": max(row["peak"] for row in measured), "runs": len(measured)}


def _pages(folder: str) -> int:
    return sum(name.endswith(".html") for _, _, names in os.walk(folder) for name in names)


def verdicts(rows: list[dict]) -> dict[int, str]:
    by = {(r["n"], r["what"]): r for r in rows}
    notes = {}
    for index, row in enumerate(rows):
        n, what = row["n"], row["what"]
        text = ""
        if n == 1000 and what == "catalogue cold + search":
            eleventy = by.get((n, "eleventy (no search)"))
            if eleventy:
                text = f"{'met' if row['wall'] < eleventy['wall'] else 'MISSED'}: < Eleventy without search"
        if n == 1000 and what == "catalogue cold":
            hugo = by.get((n, "hugo (no search)"))
            if hugo:
                text = f"{row['wall'] / hugo['wall']:.1f} × Hugo: {'met' if row['wall'] <= 2 * hugo['wall'] else 'MISSED'} (≤ 2 × Hugo)"
        if n == 10000 and what == "catalogue cold":
            text = f"{'met' if row['wall'] < 20 else 'MISSED'}: < 20 s; {'met' if row['peak'] < GIB else 'MISSED'}: < 1 GiB"
        if n == 10000 and what == "catalogue cold + search":
            text = f"{'met' if row['wall'] < 60 else 'MISSED'}: < 60 s; {'met' if row['peak'] < 1.5 * GIB else 'MISSED'}: < 1.5 GiB"
        if n == 10000 and what == "catalogue warm + search":
            warm = by[(n, "catalogue warm")]
            indexing = row["wall"] - warm["wall"]
            text = (f"search indexing ≈ {indexing:.1f} s: {'met' if indexing < 15 else 'MISSED'} (< 15 s); "
                    f"{'met' if row['peak'] < 2 * GIB else 'MISSED'}: < 2 GiB")
        if n == 10000 and what == "catalogue one edit":
            text = f"{'met' if row['wall'] < 3 else 'MISSED'}: < 3 s"
        notes[index] = text
    return notes


def table(rows: list[dict], rounds: int = 1, work: str = "") -> str:
    notes = verdicts(rows)
    lines = ["| Services | Build | Wall | CPU | Peak memory (tree) | Pages | Load before | Target |",
             "|---:|:---|---:|---:|---:|---:|---:|:---|"]
    for index, r in enumerate(rows):
        lines.append(f"| {r['n']:,} | {r['what']} | {r['wall']:.2f} s | {r['cpu']:.1f} s | {human_bytes(r['peak'])} "
                     f"| {r['pages']:,} | {r['load']:.2f} | {notes[index]} |")
    cpus = os.cpu_count()
    return "\n".join(lines) + (f"\n\n{cpus} CPUs; Python {sys.version.split()[0]}; CPU is user + system seconds of the "
                               "whole process tree. A build keeps the previous output as its next build's spare folders; "
                               "anything it deletes (in the background) is gone before the next run starts."
                               + (f" Median of {rounds} rounds, each running every build in turn (peak: the highest)." if rounds > 1 else "")
                               + f" Sites and outputs in {work or 'bench/out'}.\n")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--keep", action="store_true", help="keep bench/out/compare-N afterwards")
    parser.add_argument("--without", nargs="+", default=[], choices=("search", "eleventy", "hugo"),
                        help="leave out the builds with search, Eleventy or Hugo (at 50,000 services each takes many minutes)")
    parser.add_argument("--rounds", type=int, default=1, help="run every build this many times, in turn, and report the median")
    parser.add_argument("--work", default="", help="where to generate the sites and write the outputs (default bench/out); "
                        "/dev/shm keeps this machine's disk out of the figures (see bench/README.md)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    rows = [row for n in args.sizes for row in run_size(n, args.keep, tuple(args.without), args.rounds, args.work)]
    text = table(rows, args.rounds, args.work)
    print("\n" + text)
    command = " ".join(["--sizes", *map(str, args.sizes)] + (["--without", *args.without] if args.without else [])
                       + (["--rounds", str(args.rounds)] if args.rounds > 1 else []) + (["--work", args.work] if args.work else []))
    results = RESULTS if args.sizes == [1000, 10000] and not args.without else RESULTS.replace(".md", f"-{'-'.join(map(str, args.sizes))}.md")
    if args.work:  # e.g. compare-results-1000-shm.md
        results = results.replace(".md", f"-{os.path.basename(os.path.normpath(args.work))}.md")
    with open(results, "w", encoding="utf-8") as file:
        file.write(f"# Comparison results\n\nProduced by `python bench/compare.py {command}` in "
                   f"{time.perf_counter() - started:.0f} s.\n\n{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
