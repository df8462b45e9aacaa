"""`catalogue import template`: an empty .xlsx in the import layout, with a Columns sheet that says what each column takes.

On a bilingual site each translatable column has a column per other language ("name (en)"), and
the Columns sheet says how a sheet names languages and which language a column without one is in.
"""

from __future__ import annotations

from pathlib import Path

from builder.editors.importing.columns import language_names
from builder.language.bilingual import LANGUAGE_NAMES
from builder.model.spreadsheet import COLUMNS, TRANSLATABLE, Column, translated

TRANSLATION_HELP = {"times": "The same days and times, with the notes in {language}.",
                    "costs": "The same costs, with the labels in {language}.",
                    "location_name": "The same places, named in {language}.", "address": "The same addresses, in {language}."}


def template_columns(codes: tuple[str, ...], examples: dict[str, str], helps: dict[str, str]) -> list[Column]:
    """The layout's columns, each with this site's help and example, and a column per other language after each translatable one."""
    found = []
    for column in COLUMNS:
        found.append(Column(column.heading, column.synonyms, helps.get(column.heading, column.help), examples.get(column.heading, column.example)))
        if column.heading not in TRANSLATABLE:
            continue
        for code in codes[1:]:
            names = sorted(name for name, known in language_names(codes).items() if known == code and name != code)
            found.append(Column(translated(column.heading, code), tuple(f"{column.heading} ({name.title()})" for name in names),
                                TRANSLATION_HELP.get(column.heading, "The same, in {language}.").format(language=_name(code))
                                + " Leave it empty where the words are the same in every language or not translated yet.", ""))
    return found


def languages_help(codes: tuple[str, ...]) -> list[list[str]]:
    """The Columns sheet's last rows: how translation columns are named and read (a bilingual site only)."""
    if len(codes) < 2:
        return []
    first, others = _name(codes[0]), " and ".join(_name(code) for code in codes[1:])
    return [[], ["Languages", f"Columns without a language are in {first}, the site's first language; a column named like "
                 f"'name ({codes[1]})' holds the field's words in {others}. Name the language by its code ({', '.join(codes)}) "
                 f"or its name in English or in any of the site's languages ('name ({_name(codes[1])})'). A sheet that has a column for "
                 f"{first} too ('name ({codes[0]})') reads its columns without a language as {_name(codes[1])}."],
            ["", "Labels (types, who_for, activities, areas and the fixed lists like funding) may be written as keys or as labels "
                 "in any of the site's languages, in any case."],
            ["", "catalogue import spreadsheet --update changes only what the sheet holds: a language, a field or a cost's "
                 "label the sheet leaves empty keeps the words the listing already has."]]


def write_template(path: Path, examples: dict[str, str] | None = None, helps: dict[str, str] | None = None,
                   codes: tuple[str, ...] = ("en",)) -> None:
    """An empty spreadsheet in the layout: a heading row (with each column's help as a comment) and one example row
    (`examples` and `helps` replace a column's example and help by its name, e.g. with one of the site's own areas;
    `codes`: the site's languages, the first first)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    columns = template_columns(codes, examples or {}, helps or {})
    book = Workbook()
    sheet = book.active
    sheet.title = "Services"
    sheet.append([c.heading for c in columns])
    sheet.append([c.example for c in columns])
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.comment = Comment(column.help, "catalogue")
        sheet.column_dimensions[cell.column_letter].width = max(14, min(40, len(column.example) + 2))
    sheet.freeze_panes = "A2"
    help_sheet = book.create_sheet("Columns")
    help_sheet.append(["Column", "What to write", "Other headings we understand"])
    for column in columns:
        help_sheet.append([column.heading, column.help, ", ".join(column.synonyms)])
    for row in languages_help(codes):
        help_sheet.append(row)
    book.save(path)


def _name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)
