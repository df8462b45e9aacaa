"""Options several `catalogue` commands share, worded once for editors."""

from __future__ import annotations

from pathlib import Path

import click


def root_option(fn):
    return click.option("--root", type=click.Path(exists=True, file_okay=False, path_type=Path), default=".", show_default=True,
                        help="The site folder: the one holding site.yaml and content/.")(fn)


def today_option(fn):
    return click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), envvar="CATALOGUE_TODAY",
                        help="Pretend today is this date (YYYY-MM-DD) when deciding which listings are due for "
                             "review, so builds can be repeated exactly. Also read from CATALOGUE_TODAY.")(fn)


def strict_option(fn):
    return click.option("--strict", is_flag=True, help="Treat warnings (such as listings due for review) as errors.")(fn)


def debug_option(fn):
    return click.option("--debug", is_flag=True, help="Show the full Python traceback if the builder itself fails.")(fn)
