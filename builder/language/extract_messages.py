"""Keep the message catalogues in step with the templates and Python: `python -m builder.language.extract_messages`.

Extracts every interface string (babel.cfg says where), writes templates/locale/messages.pot, and
adds new strings to each language's messages.po (untranslated, for a translator to fill in).
A test fails while a string is missing from a catalogue or left untranslated.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "templates" / "locale"
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None, "text_": None}
# The words of templates/regulators.yaml that pages show (the rest are for editors, in English)
REGULATOR_WORDS = ("name", "registered", "not_registered", "register_link", "easy_registered", "easy_not_registered",
                   "glossary", "filter", "easy_filter")


def extract() -> Catalog:
    """Every interface string in the templates and the Python, with where it is used."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    method_map.append(("templates/regulators.yaml", extract_regulators))
    catalog = Catalog(project="Day Opportunities Catalogue", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(ROOT, method_map, options_map, keywords=KEYWORDS):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def extract_regulators(fileobj, keywords, comment_tags, options):
    """Babel extraction method for regulators.yaml: each regulator's words that the pages show."""
    text = fileobj.read().decode("utf-8")
    lines = text.splitlines()
    for key, entry in (yaml.safe_load(text) or {}).items():
        for field in REGULATOR_WORDS:
            if entry.get(field):
                line = next((n for n, row in enumerate(lines, 1) if row.strip().startswith(f"{field}:") and str(entry[field]) in row), 0)
                yield line, None, str(entry[field]), [f"regulators.yaml: {key}.{field}"]


def languages() -> list[str]:
    return sorted(p.parent.parent.name for p in LOCALE.glob("*/LC_MESSAGES/messages.po"))


def po_path(code: str) -> Path:
    return LOCALE / code / "LC_MESSAGES" / "messages.po"


def update() -> None:
    template = extract()
    _write_if_changed(LOCALE / "messages.pot", template)
    for code in languages():
        with po_path(code).open("rb") as file:
            catalog = read_po(file, locale=code)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.fuzzy = False  # the header: a fuzzy one would be left out when compiled, and its plural rule with it
        _write_if_changed(po_path(code), catalog, ignore_obsolete=True)
        missing = sum(1 for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string))
        print(f"{code}: {len(catalog)} strings, {missing} to translate")


def _write_if_changed(path: Path, catalog: Catalog, **options) -> None:
    """Rewrite a catalogue only when more than its creation date changed, so an unchanged one stays as committed."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, sort_output=True, width=100, **options)
    new = buffer.getvalue()
    old = path.read_bytes() if path.is_file() else b""
    dated = re.compile(rb'"POT-Creation-Date: [^"]*"\n')
    if dated.sub(b"", new) != dated.sub(b"", old):
        path.write_bytes(new)


if __name__ == "__main__":
    update()
    sys.exit(0)
