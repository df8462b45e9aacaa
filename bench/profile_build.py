#!/usr/bin/env python3
"""Profile one `catalogue build` with cProfile, in one process, and print where the time goes.

    PYTHONPATH=. .venv/bin/python bench/profile_build.py SITE OUT [--no-search] [--edit] [--lines 25]

The worker pool is turned off, so the profile sees every page and every file (a normal build
shares that work between the cores). SITE is a folder written by bench/generate.py; OUT is
emptied first (cold build, cache deleted) unless --warm. --edit builds first (untimed, unless OUT
holds a build already), edits one listing's summary, then profiles the rebuild. --sort chooses cProfile's order (tottime or
cumulative). Times are CPU seconds of this process (so a busy machine inflates them less); Pagefind
runs in its own process, so its work does not show, only the build's own.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import pstats
import shutil
import subprocess
import sys
import time
from pathlib import Path

from compare import edit_one_listing  # bench/compare.py


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--no-search", action="store_true")
    parser.add_argument("--warm", action="store_true", help="keep the cache and the previous output")
    parser.add_argument("--edit", action="store_true", help="profile the rebuild after editing one listing")
    parser.add_argument("--lines", type=int, default=25)
    parser.add_argument("--sort", default="tottime", choices=("tottime", "cumulative"))
    parser.add_argument("--save", type=Path, help="also write the raw profile here (for snakeviz and friends)")
    args = parser.parse_args()

    from builder import build
    from builder.core import workers
    workers.PARALLEL_FROM = sys.maxsize  # one process: the profile sees everything
    today = dt.date(2026, 11, 1)

    def run() -> None:
        build.build_site(args.site, args.out, today, with_search=not args.no_search)

    if not (args.warm or args.edit):
        shutil.rmtree(args.site / ".catalogue-cache", ignore_errors=True)
        shutil.rmtree(args.out, ignore_errors=True)
    if args.edit:
        if not (args.out / ".catalogue-build").exists():  # the build before the edit, as usual (both cores)
            code = Path(build.__file__).resolve().parent.parent  # the same builder as the profiled one, whatever the cwd
            subprocess.run([sys.executable, "-m", "builder", "build", "--root", str(args.site.resolve()), "--out",
                            str(args.out.resolve()), "--today", today.isoformat(), "--quiet", "--no-search"], check=True, cwd=code)
        edit_one_listing(str(args.site))  # the same edit as bench/compare.py's
    profiler = cProfile.Profile(time.process_time)  # CPU time: other work on the machine does not inflate it
    started, started_cpu = time.perf_counter(), time.process_time()
    profiler.runcall(run)
    wall, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.strip_dirs().sort_stats(args.sort).print_stats(args.lines)
    print(f"under the profiler: {wall:.1f} s wall, {cpu:.1f} s CPU of this process")
    print(text.getvalue())
    if args.save:
        stats.dump_stats(args.save)


if __name__ == "__main__":
    main()
