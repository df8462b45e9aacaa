"""Problems found in content, and the exceptions that stop a build.

Every problem names the file (relative to the site root), the line, the field, what is
wrong and a hint, so an editor can fix it without help.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Iterable

import click

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    hint: str = ""
    severity: str = ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        label = "warning: " if self.severity == WARNING else ""
        subject = f"{self.field}: " if self.field else ""
        return f"{where}: {label}{subject}{self.message}" + (f" {self.hint}" if self.hint else "")

    def github(self) -> str:
        """A GitHub Actions workflow command, shown on the line in the pull request."""
        where = f"file={escape_property(self.path)}" + (f",line={self.line}" if self.line else "")
        title = escape_property(self.field or "catalogue check")  # the bold heading of the annotation
        text = f"{self.field + ': ' if self.field else ''}{self.message}" + (f" {self.hint}" if self.hint else "")
        return f"::{self.severity} {where},title={title}::{escape_data(text)}"

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
            "severity": self.severity,
        }


@dataclass
class Problems:
    """Collects every problem of a run so all of them are reported at once."""

    items: list[Problem] = field(default_factory=list)

    def error(self, path: str, line: int, field_name: str, message: str, hint: str = "") -> None:
        self.items.append(Problem(path, line, field_name, message, hint, ERROR))

    def warn(self, path: str, line: int, field_name: str, message: str, hint: str = "") -> None:
        self.items.append(Problem(path, line, field_name, message, hint, WARNING))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:  # counted as printed: a problem found twice is shown once
        return [p for p in self.sorted() if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity == WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items), key=lambda p: (p.path, p.line, p.field, p.message))

    def strict(self) -> "Problems":
        """Warnings become errors (`--strict`)."""
        return Problems([Problem(p.path, p.line, p.field, p.message, p.hint, ERROR) for p in self.items])


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def did_you_mean(found: object, choices: Iterable[str], list_them: bool = True) -> str:
    """A hint naming the closest valid choice, and the valid choices when there are few."""
    choices = list(choices)
    close = difflib.get_close_matches(str(found), choices, n=1, cutoff=0.6)
    hint = f"Did you mean '{close[0]}'?" if close else ""
    if list_them and choices:
        shown = ", ".join(choices[:12]) + (f" and {len(choices) - 12} more" if len(choices) > 12 else "")
        hint = f"{hint} Choose from: {shown}.".strip()
    return hint


class ContentError(click.ClickException):
    """Content is invalid: exit code 1, the problems already printed."""

    exit_code = 1

    def __init__(self, problems: Problems, files: int = 0):
        self.problems = problems
        count = len(problems.errors)
        noun = "error" if count == 1 else "errors"
        super().__init__(f"{count} {noun} in {files} files. Nothing was published.")

    def show(self, file=None) -> None:  # the message is printed by the CLI after the problems
        click.echo(self.format_message(), err=True)


class SiteError(click.ClickException):
    """The site folder itself cannot be used (no site.yaml, output inside content/ ...)."""

    exit_code = 1
