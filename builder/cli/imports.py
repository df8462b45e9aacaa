"""`catalogue import`: bring a council's existing listings in (ORUK feeds, spreadsheets).

A Click group: each source is one subcommand that turns its input into Listings and hands
them to importing.writer. To add a source, add a command to `import_group` here (cli.py
registers the group; this module must not import cli.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from builder.cli.options import root_option, today_option
from builder.content.site import load_config
from builder.editors.importing import oruk, sheet, template
from builder.editors.importing.columns import split_heading
from builder.editors.importing.writer import import_listings, parse_sets, site_of
from builder.language.bilingual import LANGUAGE_NAMES, site_languages


def source_options(fn):
    """The options every importer shares."""
    fn = click.option("--update", is_flag=True,
                      help="Rewrite files this source created before (matched by its ids): only the fields the source "
                           "holds change; the description and every other field an editor wrote are kept.")(fn)
    fn = click.option("--set", "sets", multiple=True, metavar="FIELD=VALUE",
                      help="Fill a field the source lacks, for every listing: --set areas=trafford --set who_for=older-people "
                           "(list fields take comma-separated keys). Repeatable.")(fn)
    return today_option(root_option(fn))


@click.group("import")
def import_group():
    """Bring existing listings into content/providers/ (each file checked as 'catalogue check' would).

    \b
      catalogue import spreadsheet services.xlsx --set areas=north-district
      catalogue import oruk feed.json --map terms.yaml
      catalogue import template services.xlsx
    """


@import_group.command("oruk")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--map", "map_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A YAML file mapping the source's taxonomy terms to site.yaml keys, one per line: "
                   "'Day centre: types/day-centre'.")
@source_options
def import_oruk(source: Path, map_file: Path | None, root: Path, today, sets: tuple, update: bool):
    """Import Open Referral UK 3.0 services: a service_full JSON file, an array, a /services Page, or a folder of them."""
    day = _today(today)
    site = site_of(root, day)
    chosen = parse_sets(sets, site)
    found = oruk.read_source(source)
    mapping = oruk.read_map(map_file)
    _finish(import_listings(root, oruk.listings(found, site, mapping), chosen, update, day, len(found)))


@import_group.command("spreadsheet")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@source_options
def import_spreadsheet(file: Path, root: Path, today, sets: tuple, update: bool):
    """Import a .csv, .xlsx or .ods file with one service per row (see 'catalogue import template')."""
    day = _today(today)
    site = site_of(root, day)
    chosen = parse_sets(sets, site)
    headings, rows = sheet.read_rows(file)
    codes = site_languages(site)[0]
    found, unread = sheet.match_headings(headings, file, codes)
    foreign = [heading for heading in unread if sheet.in_another_language(heading)]
    unread = [heading for heading in unread if heading not in foreign]
    if unread:
        click.echo(f"Columns not read: {', '.join(unread)}.", err=True)
    if foreign:
        click.echo(f"Columns not read, in a language the site does not have (its languages: {', '.join(codes)}): "
                   f"{', '.join(foreign)}. Add the language to languages in site.yaml to import them.", err=True)
    other = {key.rpartition(" (")[2].rstrip(")") for i, key in found.items() if key.endswith(")") and not split_heading(headings[i], codes)[1]}
    if other:  # an English-first site's export ("name", "name (cy)") on a Welsh-first site
        moved = [headings[i].strip() for i, key in found.items() if key.endswith(")") and not split_heading(headings[i], codes)[1]]
        click.echo(f"The columns without a language are read as {LANGUAGE_NAMES.get(min(other), min(other))}, because the sheet "
                   f"has {LANGUAGE_NAMES.get(codes[0], codes[0])} columns too: {', '.join(moved)}.", err=True)
    _finish(import_listings(root, sheet.listings(file, site, root), chosen, update, day, len(rows)))


@import_group.command("template")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@root_option
def import_template(file: Path, root: Path):
    """Write an empty .xlsx spreadsheet in the import layout: headings, their help and one example row."""
    if file.suffix.lower() != ".xlsx":
        raise click.UsageError(f"{file.name}: the template is an Excel file; name it something.xlsx.")
    if file.exists():
        raise click.ClickException(f"{file} already exists; it was left unchanged.")
    site, _ = load_config(root, dt.date.today())  # the example row names one of this site's areas, when there is one
    examples, helps = {"areas": site.areas[0].key} if site and site.areas else {}, {}
    if site:  # the id column follows the site's care regulator
        examples["regulator_id"] = site.regulator.id_example
        helps["regulator_id"] = f"{site.regulator.name}: the service's {site.regulator.id_name}, when it is registered"
    codes = site_languages(site)[0] if site else ("en",)
    template.write_template(file, examples, helps, codes)
    click.echo(f"Wrote {file}. Fill in one row per service (replace the example row), then run "
               f"'catalogue import spreadsheet {file.name}'.")


def _finish(summary) -> None:
    """The counts on stdout, every skip, warning and note on stderr; exit code 1 when nothing was imported."""
    for line in summary.lines()[1:]:
        click.echo(line, err=True)
    click.echo(summary.lines()[0] + (" Run 'catalogue check' to see the warnings." if summary.imported else ""))
    if not summary.imported:
        raise click.ClickException(summary.why_nothing())


def _today(value: dt.datetime | None) -> dt.date:
    return value.date() if value else dt.date.today()


from builder.cli.postcodes import postcodes  # noqa: E402  (a source of its own module: postcodes.py)

import_group.add_command(postcodes)
