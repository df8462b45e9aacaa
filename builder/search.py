"""Stage 5: index the written pages with Pagefind, for search in the browser.

Input: the staging folder after rendering. Output: pagefind/ (standard pages) and
easy-read/pagefind/ (Easy Read pages), so each version searches only its own pages.
Only what people search for is read: service, provider and information pages (their
templates mark the searchable part with data-pagefind-body), not the browse lists.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import click
from markupsafe import Markup, escape
from pagefind.service import get_executable

from builder import easyread, paths, translations
from builder.i18n import _
from builder.model import Catalogue, Service


def service_record(service: Service, easy: bool, pictures=None) -> Markup:
    """What Pagefind records about a service page: the filters to narrow by and the facts shown
    in results. Hidden from everyone; data-pagefind-ignore keeps these words out of the text index.
    (Written here rather than in a template: it is on every service page, and this is faster.)"""
    label = "easy" if easy else "label"
    spans = [("filter", name, value) for name, values in service.search_filters(easy).items() for value in values]
    summary = easyread.summary_text(service) if easy else service.summary  # Easy Read results show Easy Read words
    spans += [("filter", "kind", _("Service")), ("meta", "summary", summary),
              ("meta", "areas", ", ".join(getattr(t, label) for t in service.areas)),
              ("meta", "who", ", ".join(getattr(t, label) for t in service.who_for)),
              ("meta", "status", service.status_label), ("sort", "name", service.name)]
    spans += _languages_of(service, easy, label, summary)
    if isinstance(summary, Markup):  # an Easy Read sentence naming words in another language: the words, and their parts
        spans = [(role, name, summary.striptags() if name == "summary" else value) for role, name, value in spans]
        spans.append(("meta", "summary_parts", json.dumps(translations.marked_parts(summary), ensure_ascii=False)))
    if easy and pictures is not None and service.types:
        spans.append(("meta", "picture", pictures.term(service.types[0])))  # the type's picture beside each Easy Read result
    if service.is_one_to_one:
        spans.append(("meta", "at_home", "yes"))
    elif service.coordinates:
        spans += [("meta", "lat", str(service.coordinates[0])), ("meta", "lon", str(service.coordinates[1]))]
    return _hidden(spans)


def _languages_of(service: Service, easy: bool, label: str, summary: str) -> list[tuple[str, str, str]]:
    """The language of the words a result shows that are not in the page's (search.js marks them with `lang`):
    title_lang, summary_lang, and areas_parts / who_parts ([[words, lang], ...] as JSON) for lists with such words."""
    spans = [("meta", f"{name}_lang", value.lang) for name, value in (("title", service.name), ("summary", summary))
             if isinstance(value, translations.Untranslated)]
    for name, terms in (("areas", service.areas), ("who", service.who_for)):
        words = [getattr(term, label) for term in terms]
        if any(isinstance(w, translations.Untranslated) for w in words):
            spans.append(("meta", f"{name}_parts", json.dumps([[w, getattr(w, "lang", "")] for w in words], ensure_ascii=False)))
    return spans


def page_record(kind: str, summary: str) -> Markup:
    """The same for a provider or information page."""
    lang = [("meta", "summary_lang", summary.lang)] if isinstance(summary, translations.Untranslated) else []
    return _hidden([("filter", "kind", kind), ("meta", "summary", summary), *lang])


def _hidden(spans: list[tuple[str, str, str]]) -> Markup:
    inner = "".join(f'<span data-pagefind-{role}="{escape(name)}"{translations.lang_of(value)}>{escape(value)}</span>'
                    for role, name, value in spans)
    return Markup(f"<div hidden data-pagefind-ignore>{inner}</div>")


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
