#!/usr/bin/env python3
"""Time `catalogue build` on generated sites and print a Markdown results table.

    python bench/run.py [--sizes 1000 10000] [--runs 3] [--seed 1] [--search] [--keep]

For each size N: generate a site with bench/generate.py into bench/out/site-N
(git-ignored), then run the build as a whole process

    python -m builder build --root bench/out/site-N --out bench/out/build-N [--no-search]

--runs times (3 by default; the output folder is removed before each run, so every
run is a cold, full build). Reported per size: median and minimum wall time, peak
memory of the whole process tree (the process plus every descendant, e.g. a
process pool, sampled every ~20 ms from /proc), pages written (*.html files in the
output), output size and CPU count. The table is printed and written to
bench/results.md.

Linux only (it reads /proc). Standard library only.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
OUT_ROOT = os.path.join(BENCH, "out")
RESULTS = os.path.join(BENCH, "results.md")
# A fixed build date keeps "due for review" (and anything else date-dependent)
# reproducible; generated last_reviewed dates lie in 2026-01..2026-10.
BUILD_DATE = "2026-11-01"
SAMPLE_INTERVAL = 0.02
TARGETS = {1000: 3.0, 10000: 25.0}   # seconds, without search indexing, on 2 cores
MEMORY_TARGET = 1 << 30              # bytes

sys.path.insert(0, BENCH)
import generate  # noqa: E402  (bench/generate.py)


# ---------------------------------------------------------------------------
# Process-tree memory sampling via /proc
# ---------------------------------------------------------------------------

def _children(pid: int) -> list:
    """Direct children of pid, from /proc/<pid>/task/*/children."""
    kids = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return kids
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                kids.extend(int(x) for x in f.read().split())
        except OSError:
            continue
    return kids


def _children_by_scan(pid: int) -> list:
    """Fallback when the kernel lacks CONFIG_PROC_CHILDREN: scan /proc/*/stat."""
    kids = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        # Field 4 (ppid) follows the parenthesised command name, which may hold spaces.
        rest = stat[stat.rfind(")") + 2:].split()
        if len(rest) > 1 and int(rest[1]) == pid:
            kids.append(int(name))
    return kids


HAVE_CHILDREN_FILE = os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children")


def tree_pids(root: int) -> list:
    find = _children if HAVE_CHILDREN_FILE else _children_by_scan
    seen, stack = [], [root]
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.append(pid)
        stack.extend(find(pid))
    return seen


def rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024  # reported in kB
    except (OSError, ValueError):
        pass
    return 0  # exited, or a zombie (no VmRSS line)


def pss_bytes(pid: int) -> int:
    """Proportional set size: shared pages divided between the processes sharing them."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


class TreeSampler(threading.Thread):
    """Samples the summed RSS (and optionally PSS) of a process tree until the root exits."""

    def __init__(self, proc: subprocess.Popen, pss: bool = False):
        super().__init__(daemon=True)
        self.proc = proc
        self.pss = pss
        self.peak = 0
        self.peak_pss = 0
        self.peak_procs = 0
        self.samples = 0

    def run(self):
        while self.proc.poll() is None:
            pids = tree_pids(self.proc.pid)
            total = sum(rss_bytes(p) for p in pids)
            self.samples += 1
            if total > self.peak:
                self.peak, self.peak_procs = total, len(pids)
            if self.pss:
                self.peak_pss = max(self.peak_pss, sum(pss_bytes(p) for p in pids))
            time.sleep(SAMPLE_INTERVAL)


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

def builder_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = REPO + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.setdefault("CATALOGUE_TODAY", BUILD_DATE)
    return env


def build_help() -> str | None:
    r = subprocess.run([sys.executable, "-m", "builder", "build", "--help"], cwd=REPO,
                       env=builder_env(), capture_output=True, text=True)
    if r.returncode != 0:
        return None
    return r.stdout


def output_stats(out: str) -> tuple:
    pages, size = 0, 0
    for dirpath, _, files in os.walk(out):
        for name in files:
            if name.endswith(".html"):
                pages += 1
            try:
                size += os.path.getsize(os.path.join(dirpath, name))
            except OSError:
                pass
    return pages, size


def human_bytes(n: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def git_revision() -> str:
    try:
        r = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"],
                           capture_output=True, text=True, timeout=10)
        rev = r.stdout.strip()
        d = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--", "builder", "templates"],
                           capture_output=True, text=True, timeout=10)
        return rev + ("+dirty" if d.stdout.strip() else "") if rev else "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def time_build(site: str, out: str, extra: list, log_path: str, pss: bool = False) -> dict:
    if os.path.isdir(out):
        shutil.rmtree(out)
    cmd = [sys.executable, "-m", "builder", "build", "--root", site, "--out", out, *extra]
    with open(log_path, "w") as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=REPO, env=builder_env(), stdout=log,
                                stderr=subprocess.STDOUT)
        sampler = TreeSampler(proc, pss)
        sampler.start()
        rc = proc.wait()
        wall = time.perf_counter() - t0
        sampler.join()
    return {"rc": rc, "wall": wall, "peak": sampler.peak, "peak_pss": sampler.peak_pss,
            "procs": sampler.peak_procs,
            "samples": sampler.samples, "cmd": cmd}


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000],
                    help="numbers of services to benchmark (default: 1000 10000)")
    ap.add_argument("--runs", type=int, default=3, help="timed builds per size (default 3)")
    ap.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    ap.add_argument("--search", action="store_true",
                    help="include search indexing (by default --no-search is passed "
                         "when the build supports it)")
    ap.add_argument("--pss", action="store_true",
                    help="also sample PSS from /proc/<pid>/smaps_rollup: summed RSS counts "
                         "pages shared by forked workers once per process, PSS does not "
                         "(costs a little more per sample)")
    ap.add_argument("--keep", action="store_true",
                    help="keep bench/out/site-N and bench/out/build-N afterwards")
    args = ap.parse_args(argv)

    help_text = build_help()
    if help_text is None:
        print("error: `python -m builder build --help` failed: is the builder installed/importable "
              f"from {REPO}?", file=sys.stderr)
        return 2
    supports_no_search = "--no-search" in help_text
    extra = ["--no-search"] if (supports_no_search and not args.search) else []
    # "default": the build has no --no-search flag, so it does whatever it does by default.
    search_label = "no" if extra else ("yes" if supports_no_search else "default")

    load_before = os.getloadavg()[0]
    if load_before > 0.5:
        print(f"warning: the 1-minute load average is {load_before:.2f}: other work on this "
              "machine will slow the builds down; the table records it", file=sys.stderr)
    cpus = os.cpu_count()
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = cpus
    os.makedirs(OUT_ROOT, exist_ok=True)

    rows = []
    failed = False
    for n in args.sizes:
        site = os.path.join(OUT_ROOT, f"site-{n}")
        out = os.path.join(OUT_ROOT, f"build-{n}")
        log = os.path.join(OUT_ROOT, f"build-{n}.log")
        if os.path.isdir(site):
            shutil.rmtree(site)
        os.makedirs(site)
        t0 = time.perf_counter()
        stats = generate.generate(n, site, args.seed)
        gen_time = time.perf_counter() - t0
        print(f"[{n}] generated {stats['services']} services, {stats['providers']} providers "
              f"in {gen_time:.1f} s", flush=True)

        runs = []
        for i in range(args.runs):
            r = time_build(site, out, extra, log, args.pss)
            if r["rc"] != 0:
                print(f"[{n}] build failed (exit {r['rc']}): {' '.join(r['cmd'])}", file=sys.stderr)
                with open(log, errors="replace") as f:
                    tail = f.read()[-4000:]
                print(tail, file=sys.stderr)
                print(f"[{n}] the generated site is kept in {site} and the log in {log}",
                      file=sys.stderr)
                failed = True
                break
            runs.append(r)
            pss_text = f", PSS {human_bytes(r['peak_pss'])}" if args.pss else ""
            print(f"[{n}] run {i + 1}/{args.runs}: {r['wall']:.2f} s, peak tree RSS "
                  f"{human_bytes(r['peak'])}{pss_text} ({r['procs']} process{'es' if r['procs'] != 1 else ''}, "
                  f"{r['samples']} samples)", flush=True)
        if not runs:
            continue
        pages, size = output_stats(out)
        walls = [r["wall"] for r in runs]
        rows.append({
            "n": n, "providers": stats["providers"], "median": statistics.median(walls),
            "min": min(walls), "peak": max(r["peak"] for r in runs),
            "peak_pss": max(r["peak_pss"] for r in runs),
            "procs": max(r["procs"] for r in runs), "pages": pages, "size": size,
            "runs": len(runs),
        })
        if not args.keep:
            shutil.rmtree(site, ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)

    if not rows:
        return 1

    cpu_text = f"{cpus}" if usable == cpus else f"{cpus} ({usable} usable)"
    lines = [
        "| Services | Providers | Median wall | Min wall | Peak memory (process tree) "
        + ("| Peak PSS " if args.pss else "")
        + "| Pages written | Output size | CPUs | Search index | Target |",
        "|---:|---:|---:|---:|---:|" + ("---:|" if args.pss else "") + "---:|---:|---:|:---:|:---|",
    ]
    for r in rows:
        target = TARGETS.get(r["n"])
        verdicts = []
        if target is not None:
            verdicts.append(f"{'met' if r['median'] < target else 'MISSED'}: < {target:g} s")
        verdicts.append(f"{'met' if r['peak'] < MEMORY_TARGET else 'MISSED'}: < 1 GiB")
        lines.append(
            f"| {r['n']:,} | {r['providers']:,} | {r['median']:.2f} s | {r['min']:.2f} s "
            f"| {human_bytes(r['peak'])} ({r['procs']} proc.) "
            + (f"| {human_bytes(r['peak_pss'])} " if args.pss else "")
            + f"| {r['pages']:,} "
            f"| {human_bytes(r['size'])} | {cpu_text} | {search_label} | {'; '.join(verdicts)} |"
        )
    runs_text = {r["runs"] for r in rows}
    note = (
        f"Median and minimum of {'/'.join(str(x) for x in sorted(runs_text))} cold builds "
        f"(`python -m builder build{' --no-search' if extra else ''}`), seed {args.seed}, "
        f"CATALOGUE_TODAY={builder_env()['CATALOGUE_TODAY']}; "
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"builder at {git_revision()}, load average {load_before:.2f} before the first run. "
        f"Peak memory is the largest sum of VmRSS over the build "
        f"process and all its descendants, sampled every {SAMPLE_INTERVAL * 1000:.0f} ms. "
        f"Targets assume 2 cores."
    )
    table = "\n".join(lines) + "\n\n" + note + "\n"
    print()
    print(table)
    with open(RESULTS, "w", encoding="utf-8") as f:
        f.write("# Benchmark results\n\nProduced by `python bench/run.py "
                + " ".join(["--sizes"] + [str(n) for n in args.sizes]
                           + (["--search"] if args.search else [])
                           + (["--pss"] if args.pss else [])) + "`.\n\n" + table)
    print(f"written to {os.path.relpath(RESULTS, os.getcwd())}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
