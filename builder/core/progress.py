"""What a long build tells the person waiting: each stage as it starts, and a bar while pages
are rendered. On an interactive terminal the bar redraws in place; elsewhere (CI logs, pipes)
each stage is one plain line and the rendering is reported every quarter; `--quiet` says nothing.
Small sites build in moments, so they say nothing either: output stays the same for scripts.
"""

from __future__ import annotations

import sys
import time

import click

BAR_WIDTH = 30
LONG_BUILD = 1000  # content files; below this a build takes seconds and needs no progress report


class Progress:
    def __init__(self, interactive: bool, quiet: bool = False):
        self.interactive, self.quiet = interactive, quiet
        self.started = time.perf_counter()
        self._last_quarter = -1
        self.active = False

    def begin(self, files: int) -> None:
        """Called once the content is read: report only on long builds."""
        self.active = not self.quiet and files >= LONG_BUILD

    @classmethod
    def for_terminal(cls, quiet: bool) -> "Progress":
        return cls(sys.stderr.isatty(), quiet)

    def stage(self, text: str) -> None:
        if self.active:
            click.echo(f"[{time.perf_counter() - self.started:5.1f}s] {text}", err=True)

    def __call__(self, done: int, total: int) -> None:
        """Pages rendered so far (kept pages count as done from the start)."""
        if not self.active or total <= 0:
            return
        if self.interactive:
            filled = BAR_WIDTH * done // total
            click.echo(f"\r  [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} pages",
                       nl=done >= total, err=True)
            return
        quarter = 4 * done // total
        if quarter > self._last_quarter:
            self._last_quarter = quarter
            click.echo(f"  {done}/{total} pages", err=True)


class Silent:
    """For callers that want no output (the API, tests, the offline copy)."""

    def begin(self, files: int) -> None:
        pass

    def stage(self, text: str) -> None:
        pass

    def __call__(self, done: int, total: int) -> None:
        pass
