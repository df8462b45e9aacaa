"""The `catalogue` command: each subcommand parses its flags and calls one function."""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
import traceback
from pathlib import Path

import click

from builder import __version__
from builder import build as pipeline
from builder.cli.options import debug_option, root_option, strict_option, today_option
from builder.core.errors import ContentError, Problems
from builder.core.progress import Progress
from builder.core.workers import fewer_collections
from builder.core.summarise import summarised
from builder.editors.init import init_options, start_site

FORMATS = ("text", "json", "github")


def friendly(fn):
    """Content problems end the command with exit 1 and no traceback (unless --debug)."""
    @functools.wraps(fn)
    def wrapper(*args, debug=False, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except Exception as err:  # a bug in the builder, not in the content
            if debug:
                traceback.print_exc()
            click.echo(f"Error: the builder failed unexpectedly ({type(err).__name__}: {err}). "
                       "Nothing was published. Run again with --debug and report the output.", err=True)
            sys.exit(1)
    return debug_option(wrapper)


def verbose_option(fn):
    return click.option("--verbose", is_flag=True, help="List every warning; without it, each kind of warning past ten is summarised.")(fn)


def _today(value: dt.datetime | None) -> dt.date:
    return value.date() if value else dt.date.today()


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="catalogue", message="%(prog)s %(version)s")
def main():
    """Build the day opportunities catalogue from site.yaml and content/.

    \b
    Common tasks:
      catalogue check             find mistakes in the content (nothing is written)
      catalogue build             check, then write the website to _site/
      catalogue serve             build and preview at http://127.0.0.1:8000/
      catalogue new service P/S   start a new listing from a filled-in template
      catalogue init FOLDER       start a new council's catalogue
    """


@main.command()
@root_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the website. Default: _site inside the site folder.")
@strict_option
@today_option
@verbose_option
@click.option("--no-search", is_flag=True, help="Skip the search index (quicker, for previews and benchmarks).")
@click.option("--quiet", "-q", is_flag=True, help="Say nothing while building: no stages, no progress bar, no summary (errors and warnings still show).")
@click.option("--offline-copy", is_flag=True,
              help="Also write a zip of the whole site that works without internet, opened straight from disk, "
                   "and offer it for download on the home page.")
@friendly
@fewer_collections()  # also while the warnings are sorted and printed, the catalogue still in memory
def build(root: Path, out: Path | None, strict: bool, today, no_search: bool, quiet: bool, offline_copy: bool, verbose: bool = False):
    """Check the content, then write the whole website.

    The new site replaces the old one only when every page has been written, so a failed
    build never leaves a half-published site. Exit code 1 means the content has errors:
    each one names the file, the line and what to change.
    """
    out = out or root / "_site"
    report = Progress.for_terminal(quiet)
    try:
        built = pipeline.build_site(root, out, _today(today), strict, progress=report,
                                     with_search=not no_search, offline_copy=offline_copy)
    except ContentError as err:
        _print_problems(err.problems, "text", verbose)
        raise
    _print_problems(Problems(built.problems.warnings), "text", verbose)
    warnings = len(built.problems.warnings)
    if not quiet:
        click.echo(f"Wrote {built.pages} pages to {built.out} in {built.seconds:.1f}s"
                   f" ({warnings} warning{'s' if warnings != 1 else ''}).")
        for line in translated_lines(built.translation):  # last: how much each language lacks
            click.echo(line)


@main.command()
@root_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text for people, json for tools, github for pull-request annotations.")
@strict_option
@today_option
@verbose_option
@friendly
@fewer_collections()
def check(root: Path, fmt: str, strict: bool, today, verbose: bool = False):
    """Check the content without building. Lists every problem, then exits 1 if any is an error."""
    checked = pipeline.check_site(root, _today(today), strict)
    _print_problems(checked.problems, fmt, verbose)
    errors, warnings = len(checked.problems.errors), len(checked.problems.warnings)
    if fmt == "text":
        for line in translated_lines(checked.catalogue.translation_status if checked.catalogue else ()):
            click.echo(line, err=True)
        verdict = "Nothing was published." if errors else "The content is ready to build."
        click.echo(f"{errors} error{'s' if errors != 1 else ''} and {warnings} warning{'s' if warnings != 1 else ''}"
                   f" in {checked.files} files. {verdict}", err=bool(errors))
    sys.exit(1 if errors else 0)


@main.command()
@root_option
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to serve on.")
@today_option
@click.option("--poll", is_flag=True, help="Notice changes by scanning the files twice a second, for folders whose "
                                         "changes the system does not report (network drives, some containers).")
@friendly
def serve(root: Path, port: int, today, poll: bool):
    """Build the site and preview it at http://127.0.0.1:PORT/.

    Rebuilds whenever a file under content/ or templates/, or site.yaml, changes; open pages
    reload themselves. Stop with Ctrl+C.
    """
    from builder.serve.server import serve_site
    serve_site(root, port, _today(today), poll)


@main.group()
def new():
    """Start a new provider or service from a template with every field explained."""


@new.command("provider")
@root_option
@click.argument("slug")
@friendly
def new_provider(root: Path, slug: str):
    """Create content/providers/SLUG/provider.yaml (never overwrites an existing file)."""
    from builder.content.scaffold import new_provider as create
    click.echo(f"Created {create(root, slug)}. Fill in the fields, then run 'catalogue check'.")


@new.command("service")
@root_option
@click.argument("service")
@friendly
def new_service(root: Path, service: str):
    """Create content/providers/PROVIDER/SLUG.md for SERVICE written as PROVIDER/SLUG."""
    from builder.content.scaffold import new_service as create
    click.echo(f"Created {create(root, service)}. Fill in the fields, then run 'catalogue check'.")


@main.command("init")
@init_options
@friendly
def init(folder: Path, no_questions: bool, **given):
    """Start a new council's catalogue in FOLDER (a new or empty folder).

    Asks for the council's name, its areas, languages, care regulator, contact details and
    GitHub repository (or takes them as flags, with --yes to ask nothing), then writes
    site.yaml, an empty content/providers/, draft information pages with their Easy Read
    twins, and the GitHub workflows, issue forms and pull-request template. The README's
    "Start a catalogue for your council" goes on from there to a published site.
    """
    start_site(folder, no_questions, given)


def translated_lines(statuses) -> list[str]:
    """'Welsh: 1 of 22 listings, ... translated.' for each language something is not written or translated in."""
    return [status.line for status in statuses if not status.complete]


def _print_problems(problems: Problems, fmt: str, verbose: bool = True) -> None:
    items = problems.sorted()
    if fmt == "text" and not verbose:
        for line in summarised(items):
            click.echo(line, err=True)
        return
    if fmt == "json":
        click.echo(json.dumps({"errors": [p.as_dict() for p in items if p.severity == "error"],
                               "warnings": [p.as_dict() for p in items if p.severity == "warning"]}, indent=2))
        return
    for problem in items:
        line = problem.github() if fmt == "github" else str(problem)
        click.echo(line, err=fmt == "text")


from builder.cli.editors import changes, report  # noqa: E402

main.add_command(report); main.add_command(changes)
from builder.cli.imports import import_group  # noqa: E402

main.add_command(import_group)
from builder.cli.audit import audit  # noqa: E402

main.add_command(audit)
