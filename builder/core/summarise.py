"""Warnings of one kind, past ten, become a summary: imported sites raise hundreds of them.

Errors are always shown in full. `--verbose` shows every warning; `--format github` and
`--format json` always keep every one (tools, not people, read them).
"""

from __future__ import annotations

import re
from collections import defaultdict

from builder.core.errors import Problem

LIMIT = 10  # warnings of one kind shown in full
SHOWN = 3  # ... and how many of them a summary still shows


def kind_of(problem: Problem) -> tuple[str, str]:
    """Warnings of one kind share their field and the words before the first detail (a date, a quote)."""
    return problem.field, re.split(r"[\d'\"(]", problem.message, maxsplit=1)[0].strip(" :,")


def summarised(problems: list[Problem]) -> list[str]:
    """Lines to print: every error, and each kind of warning in full up to LIMIT, else summarised."""
    kinds: dict[tuple[str, str], list[Problem]] = defaultdict(list)
    for problem in problems:
        if problem.severity == "warning":
            kinds[kind_of(problem)].append(problem)
    lines = []
    for problem in problems:
        same = kinds.get(kind_of(problem)) if problem.severity == "warning" else None
        if same is None or len(same) <= LIMIT:
            lines.append(str(problem))
        elif problem is same[0]:
            lines += [str(p) for p in same[:SHOWN]]
            field = f"{problem.field}: " if problem.field else ""
            lines.append(f"... and {len(same) - SHOWN} more warnings like these ({len(same)} in all: {field}{kind_of(problem)[1]}). "
                         f"{problem.hint} Run again with --verbose to list every one.".replace("  ", " "))
    return lines
