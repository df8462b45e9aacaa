"""Stage 5: index the written pages with Pagefind, for search in the browser.

Input: the staging folder after rendering. Output: pagefind/ (standard pages) and
easy-read/pagefind/ (Easy Read pages), so each version searches only its own pages.
Only what people search for is read: service, provider and information pages (their
templates mark the searchable part with data-pagefind-body), not the browse lists.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import click
from pagefind.service import get_executable

from builder.config import paths
from builder.model.catalogue import Catalogue


def searchable_globs(catalogue: Catalogue) -> list[str]:
    """Globs, relative to the output folder, of the pages worth searching."""
    return ["services/**/index.html", "providers/*/index.html"] + [f"{page.url}index.html" for page in catalogue.pages]


def index_site(staging: Path, catalogue: Catalogue) -> int:
    """Writes both indexes; returns the number of pages indexed.

    One after the other: each Pagefind process holds its whole index in memory, and running both
    at once doubled the peak (4.2 GiB at 10,000 services) for little gain in time."""
    globs, indexed = searchable_globs(catalogue), 0
    for prefix, language in language_folders(catalogue.site):  # a bilingual site: one pair of indexes per language
        for version in ("", paths.EASY):
            indexed += _index(staging, staging / prefix / version / "pagefind", [prefix + version + g for g in globs], language)
    return indexed


def language_folders(site) -> list[tuple[str, str]]:
    """(folder prefix, language code) of each language's pages: ("", "en") and, on a bilingual site, ("cy/", "cy")."""
    codes = [language.split("-")[0].lower() for language in site.page_languages]
    return [("", "en" if len(codes) == 1 else codes[0])] + [(f"{code}/", code) for code in codes[1:]]


def _index(staging: Path, output: Path, globs: list[str], language: str = "en") -> int:
    """Runs Pagefind's own command on the written pages.

    Not its Python API: that API stops the Pagefind process once it answers "files written", and
    under load the process was sometimes still writing, which left an empty pagefind-entry.json
    and a search that could not start. The command exits only when every file is on disk."""
    command = [str(get_executable()), "--site", str(staging), "--glob", "{" + ",".join(globs) + "}",
               "--output-path", str(output), "--force-language", language]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise click.ClickException(f"Pagefind could not index the site. Nothing was published.\n{result.stdout}{result.stderr}")
    _remove_unused_ui(output)
    indexed = re.search(r"Indexed (\d+) pages?", result.stdout)
    return int(indexed.group(1)) if indexed else 0


def _remove_unused_ui(output: Path) -> None:
    """Pagefind also writes its ready-made UIs; the site uses its own markup over the JS API."""
    for file in output.glob("pagefind-*ui.*"):
        file.unlink()
    for name in ("pagefind-highlight.js",):
        (output / name).unlink(missing_ok=True)
