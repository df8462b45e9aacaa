"""`catalogue import postcodes FILE`: make the site's postcode lookup from open data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from builder.cli.options import root_option


@click.command("postcodes")
@root_option
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--within", "within", multiple=True, required=True, metavar="CODE",
              help="Your council's area: a local authority code from the file (like E07000234), a postcode area "
                   "(like RV) or an outward code (like RV1). Repeat for more than one.")
@click.option("--year", type=int, default=lambda: dt.date.today().year, show_default="this year",
              help="The year of the data release, for the copyright line.")
def postcodes(root: Path, file: Path, within: tuple[str, ...], year: int):
    """Write content/postcodes/lookup.json from an open postcode file.

    FILE is the ONS Postcode Directory CSV (ONSPD, with a header row) or an OS Code-Point
    Open CSV (no header), both Open Government Licence. The lookup keeps every postcode
    within your area, and the centre of every outward code in the file (RV1, RV2, ...) for
    postcodes outside it. The attribution goes into content/postcodes/LICENCE.txt.
    """
    from builder.model.postcodes import LAYOUT_NAMES, LayoutError, import_file, write_lookup
    try:
        lookup = import_file(file, [w.strip().upper() for w in within])
    except LayoutError as err:
        click.echo(str(err.problem), err=True)
        raise SystemExit(1)
    target = write_lookup(root, lookup, year)
    click.echo(f"Wrote {target.relative_to(root) if target.is_relative_to(root) else target}: "
               f"{len(lookup.postcodes)} postcodes in your area and {len(lookup.outward)} outward codes "
               f"(from the {LAYOUT_NAMES[lookup.layout]}).")
