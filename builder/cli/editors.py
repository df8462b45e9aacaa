"""`catalogue report` and `catalogue changes`: commands for commissioners and pull-request reviews.

Each command parses its flags and calls one function. cli.py registers them at its end, so
this module must not import cli.py (that would be a circular import); shared options are in options.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import click

from builder import build as pipeline
from builder.cli.options import root_option, today_option
from builder.core.errors import ContentError, SiteError
from builder.editors.changes import changes_markdown, compare_trees
from builder.editors.report import commissioners_report, report_html, report_markdown


def _checked(root: Path, today: dt.datetime | None):
    """Check the content as `catalogue check` does; invalid content stops here with every problem listed."""
    checked = pipeline.check_site(root, today.date() if today else dt.date.today())
    if checked.catalogue is None:
        for problem in checked.problems.sorted():
            click.echo(str(problem), err=True)
        raise ContentError(checked.problems, checked.files)
    return checked


@click.command(short_help="Report for commissioners: gaps in choice, reviews due, listings per provider.")
@root_option
@today_option
@click.option("--format", "fmt", type=click.Choice(["markdown", "html"]), default="markdown", show_default=True,
              help="markdown to paste into an e-mail, issue or document; html for a page to open in a browser.")
@click.option("--due", is_flag=True,
              help="Only list the listings due for review, with their providers' phone numbers and e-mail addresses.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Save the report in this file instead of showing it.")
def report(root: Path, today, fmt: str, due: bool, out: Path | None):
    """Report for commissioners: where choice is missing, what needs checking, who provides what.

    \b
    The report shows:
      - gaps: areas with nothing for a group of people, nothing at weekends
        or nothing in the evening
      - how many active listings each area has, by group, type of support and day
      - listings due for review, with the provider's contact details
      - how many listings each provider has
      - on a bilingual site, what is not yet translated, language by language

    Only active listings count towards coverage: closed and temporarily closed ones are left out.
    """
    catalogue = _checked(root, today).catalogue
    found = commissioners_report(catalogue)
    text = report_html(found, due) if fmt == "html" else report_markdown(found, due)
    if out is None:
        click.echo(text, nl=False)
        return
    if out.resolve().is_relative_to((root / "content").resolve()):
        raise SiteError(f"the report cannot be saved inside content/ ({out}): the builder would read it as content. "
                        "Choose another folder.")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    click.echo(f"Saved the report in {out}.", err=True)


@click.command(short_help="List the listings a pull request adds, changes and removes.")
@click.option("--base", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="The site folder before the change: in a pull request, the base branch checked out separately.")
@root_option
@today_option
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True,
              help="markdown for a pull request's summary; json for tools.")
def changes(base: Path, root: Path, today, fmt: str):
    """List the listings added, changed and removed between two copies of the site.

    Compares the content in --base (before) with --root (after): each listing is named with
    its provider/service id, and a changed listing with the fields that changed. Then lists
    the warnings in --root, such as listings due for review. The after copy must pass
    'catalogue check'; the before copy is compared as it is.
    """
    checked = _checked(root, today)
    found = compare_trees(base, root, [p for p in checked.problems.sorted() if p.severity == "warning"])
    if fmt == "json":
        click.echo(json.dumps(dataclasses.asdict(found), indent=2))
    else:
        click.echo(changes_markdown(found), nl=False)
