"""A pool of processes for the stages that work file by file (reading, Markdown, rendering).

Forked, so workers share the parent's memory (the Catalogue) instead of receiving copies.
Small sites run in-process: starting workers costs more than it saves.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os

PARALLEL_FROM = 300  # files; below this, one process is faster


@contextlib.contextmanager
def worker_pool(size_hint: int):
    processes = min(os.cpu_count() or 1, 8)
    if size_hint < PARALLEL_FROM or processes < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield map
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(processes) as pool:
        yield lambda fn, items: pool.imap(fn, items, chunksize=max(1, len(items) // (processes * 16)))
