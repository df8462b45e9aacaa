#!/usr/bin/env python3
"""Time the data-in and data-out paths on N services (default 10,000).

    .venv/bin/python bench/import_open_data.py [--size 10000] [--keep]

1. Generates a site with bench/generate.py and checks it once (not timed).
2. Open data: times openreferral.write_open_data alone, the time it adds to a build.
3. ORUK import: times `catalogue import oruk` of that openreferral/ folder into an empty site.
4. Spreadsheet import: times `catalogue import spreadsheet` of openreferral/services.csv.

Each import runs in its own process, as a council would run it, and is checked to have
created every listing. Prints a Markdown table of wall time and CPU time (user + system,
workers included) with the machine's load (`uptime`): on a shared machine the wall time
grows with the load, the CPU time much less, so read the figures with the load beside them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-23"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--keep", action="store_true", help="keep the working folder and print where it is")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        rows = run(args.size, work)
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"| What ({args.size:,} services) | Wall time | CPU time |\n|---|---:|---:|")
    for label, seconds, cpu in rows:
        print(f"| {label} | {seconds:.1f} s | {cpu:.1f} s |")
    print(f"\nMachine: {os.cpu_count()} cores; load when finished: {load.split('load average:')[-1].strip()}")


def run(size: int, work: Path) -> list[tuple[str, float]]:
    sys.path.insert(0, str(HERE.parent))
    from builder import build
    from builder.publish import openreferral

    source = work / "source"
    subprocess.run([sys.executable, str(HERE / "generate.py"), str(size), str(source)], check=True, capture_output=True)
    checked = build.check_site(source, dt.date.fromisoformat(TODAY))
    assert checked.catalogue is not None, "the generated site has errors"
    out = work / "out"
    started, cpu = time.perf_counter(), _cpu()
    written = openreferral.write_open_data(source, checked.catalogue, out)
    rows = [("Writing the open data (added to every build)", time.perf_counter() - started, _cpu() - cpu)]
    assert written == size
    for label, command, path in (("Importing the ORUK files (`import oruk`)", "oruk", out / "openreferral" / "services"),
                                 ("Importing the spreadsheet (`import spreadsheet`)", "spreadsheet", out / "openreferral" / "services.csv")):
        target = work / f"into-{command}"
        target.mkdir()
        shutil.copy(source / "site.yaml", target / "site.yaml")
        started, cpu = time.perf_counter(), _cpu()
        done = subprocess.run([sys.executable, "-m", "builder", "import", command, str(path), "--root", str(target),
                               "--today", TODAY], capture_output=True, text=True, cwd=HERE.parent)
        seconds, cpu = time.perf_counter() - started, _cpu() - cpu
        assert f"Created {size}," in done.stdout, done.stdout + done.stderr[-2000:]
        rows.append((label, seconds, cpu))
    return rows


def _cpu() -> float:
    """User and system time of this process and of its finished children (imports, workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main()
