"""A pool of processes for the stages that work file by file (reading, Markdown, rendering).

Forked, so workers share the parent's memory (the Catalogue) instead of receiving copies.
Small sites run in-process: starting workers costs more than it saves.
"""

from __future__ import annotations

import contextlib
import gc
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
    _freeze_before_fork()
    with context.Pool(processes) as pool:
        yield lambda fn, items: pool.imap(fn, items, chunksize=max(1, len(items) // (processes * 16)))


@contextlib.contextmanager
def fewer_collections():
    """Builds create hundreds of thousands of objects that live until the end: Python's cycle
    collector would scan them again and again (a quarter of the CPU time at 10,000 services).
    Collect rarely while building, and freeze what exists before forking workers, so they
    neither rescan it nor copy its memory by touching it."""
    old = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


def _freeze_before_fork() -> None:
    """What exists now is left alone by the collector (in the workers: none of its memory copied by a
    scan); only when workers are started, as a build that renders a few pages has no need."""
    gc.collect(1)  # the young generations only: a full pass over a 10,000-service catalogue takes a second
    gc.freeze()
