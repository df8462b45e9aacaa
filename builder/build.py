"""The pipeline, on one screen: config -> load -> validate -> model -> render -> index -> publish.

`check_site` runs the first three stages and returns every problem; `build_site` runs them
all. Nothing is written unless the content is valid, and the output folder is replaced only
once the new site is complete.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from builder.config import security
from builder.content import easy_read_checks
from builder.content import files as content
from builder.content import markup, pitfalls, rules, shapes
from builder.content.site import load_config, wordlist
from builder.core import theme
from builder.core.errors import ContentError, Problems
from builder.core.progress import Silent
from builder.core.workers import fewer_collections
from builder.incremental import reuse as incremental
from builder.incremental.cache import BuildCache
from builder.language import bilingual as translations
from builder.language import coverage
from builder.language import interface as i18n
from builder.model.assemble import assemble_catalogue
from builder.model.catalogue import Catalogue
from builder.model.geography import load_geography, write_postcode_lookup
from builder.pages import render
from builder.publish import finder, offline, openreferral, search
from builder.publish.output import check_output_location, copy_assets, fresh_output, updated_in_place


@dataclass(frozen=True)
class Checked:
    catalogue: Catalogue | None  # None when there are errors
    problems: Problems
    files: int


@dataclass(frozen=True)
class Built:
    pages: int
    problems: Problems
    seconds: float
    out: Path
    translation: tuple = ()  # a bilingual site: coverage.LanguageStatus for each language


def check_site(root: Path, today: dt.date, strict: bool = False, cache: BuildCache | None = None) -> Checked:
    site, problems = load_config(root, today)                                     # config
    if site is not None:
        i18n.forget()  # `serve` builds again after an edit: read wording.yaml afresh
        i18n.activate(i18n.load(root, site.language))                             # the interface's words
    tree = content.find_content(root)
    words = wordlist(site, root)
    languages = translations.site_languages(site)
    loaded = incremental.load_files(load_file, [(str(root), path, kind, words, languages) for path, kind in tree.files],
                                    cache, site, words)                           # load, file by file (changed ones only)
    sources = [source for source, _, _ in loaded if source is not None]
    bodies = {body.path: body for _, _, body in loaded if body is not None}
    problems += [problem for _, file_problems, _ in loaded for problem in file_problems]
    problems += rules.check_records(site, tree, sources, today, cache.checked if cache else None)  # validate: cross-record
    problems += rules.check_links({p: b.links for p, b in bodies.items()}, {path for path, _ in tree.files})
    problems += translations.check_twins(sources, {path for path, _ in tree.files}) + translations.check_easy_twins(sources)
    in_languages = translations.other_languages(site, sources, bodies)            # a bilingual site's other language
    status = coverage.translation_status(site, _site_file(root, languages) if in_languages else None, sources)
    problems += coverage.warnings(status)                                # what is not translated yet
    problems += pitfalls.check_duplicates(sources) + pitfalls.check_pages(root, tree.files)
    geo, geo_problems = load_geography(root, site) if site else (None, [])          # boundaries, postcodes
    problems += geo_problems
    found = Problems(problems).strict() if strict else Problems(problems)
    if found.errors or site is None:
        return Checked(None, found, len(tree.files) + 1)
    first = translations.first_language(site, sources, bodies)
    remembered = cache.assembled if cache is not None else None
    catalogue = dataclasses.replace(assemble_catalogue(site, sources, first, today, remembered), geography=geo, translation_status=status,  # model
                                    translations=tuple((tag, dataclasses.replace(assemble_catalogue(other, *found, today, remembered), geography=geo))
                                                       for tag, other, found in in_languages))
    return Checked(catalogue, found, len(tree.files) + 1)


def _site_file(root: Path, languages) -> content.SourceFile | None:
    """site.yaml in the first language, with its line numbers (load_config has checked it)."""
    source, _ = content.read_file(root, "site.yaml", content.SITE)
    return translations.split(source, *languages)[0] if source is not None else None


def load_file(job: tuple) -> tuple[content.SourceFile | None, list, markup.RenderedBody | None]:
    """One content file: read it, check its fields and its Easy Read text, render its Markdown (in a worker)."""
    root, path, kind, words, languages = job
    source, problems = content.read_file(Path(root), path, kind)
    if source is None:
        return None, problems, None
    body = markup.render_body(source) if source.body.strip() else None
    if kind == content.TRANSLATION:  # a body in the other language: its record's fields are checked in that file
        return source, problems + (body.problems if body else []) + translations.check_file(source, languages), body
    source, found = translations.split(source, *languages)
    problems += found
    problems += pitfalls.check_file(source) + (body.problems if body else [])
    return source, problems + shapes.check_fields(source) + easy_read_checks.check_easy_text(source, words), body


@fewer_collections()
def build_site(root: Path, out: Path, today: dt.date, strict: bool = False, progress=None,
               with_search: bool = True, offline_copy: bool = False, cache: BuildCache | None = None,
               in_place: bool = False, preview: render.Preview | None = None, lists_later: bool = False) -> Built:
    """`in_place` (for `catalogue serve`): update the last build's output folder file by file instead
    of swapping in a new one, if it is the folder the cache recorded. The `preview` then hears of the
    pages as they are written, before the open data and the cache; with `lists_later` the open
    data's lists of every record are left for a full build to write."""
    started, progress = time.perf_counter(), progress or Silent()
    check_output_location(out, root)  # before anything is written, even the cache
    cache = cache or BuildCache(root)
    checked = check_site(root, today, strict, cache)
    progress.begin(checked.files)
    progress.stage(f"Checked {checked.files:,} content files")
    if checked.catalogue is None:
        cache.discard_if_new()
        raise ContentError(checked.problems, checked.files)
    catalogue = checked.catalogue
    reuse = incremental.PageReuse(cache, out, theme.theme_dirs(root), in_place)   # pages unchanged since
    publish = updated_in_place(out, root, reuse.forget) if reuse.in_place else fresh_output(out, root, reuse.published, reuse.in_staging)
    with publish as staging:                                                      # publish (on success)
        download = _offline_copy(root, catalogue, staging, progress) if offline_copy else None
        progress.stage("Writing the pages (unchanged ones are kept)")
        preview = preview if reuse.in_place else None
        pages = write_pages(root, catalogue, staging, render.Edition(download=download), progress, reuse, preview)  # render
        if preview:
            preview.shown(None)
        if with_search:
            progress.stage("Indexing for search")
            search.index_site(staging, catalogue)                                 # index
        write_postcode_lookup(staging, catalogue.geography)
        offline.write_offline_support(staging, catalogue.site, theme.read_text(root, "sw.js"))  # offline
        security.write_security_txt(staging, catalogue.site)
        openreferral.write_open_data(root, catalogue, staging, reuse, lists=not (reuse.in_place and lists_later))  # open data
        progress.stage("Publishing what changed")
        reuse.remove_gone(staging)
    reuse.record()
    return Built(pages, checked.problems, time.perf_counter() - started, out, catalogue.translation_status)


def write_pages(root: Path, catalogue: Catalogue, folder: Path, edition: render.Edition, progress=None,
                reuse: incremental.PageReuse | None = None, preview: render.Preview | None = None) -> int:
    specs = render.plan_pages(catalogue, edition)
    kept = reuse.keep_unchanged(catalogue, specs, folder) if reuse else frozenset()
    pieces = reuse.fragments(catalogue) if reuse else None
    try:
        pages = render.render_site(catalogue, specs, theme.theme_dirs(root), folder, progress, kept=kept,
                                   interfaces=second_languages(root, catalogue), pieces=pieces,
                                   compiled=reuse.cache.templates_folder() if reuse else None, preview=preview)
        if reuse:
            reuse.record_fragments(pieces)
    finally:
        if pieces:
            pieces.close()
    copy_assets(folder, theme.asset_files(root))
    security.write_brand_stylesheet(folder, catalogue.site)
    return pages


def second_languages(root: Path, catalogue: Catalogue) -> dict[str, i18n.Interface]:
    """A bilingual site's second language: {its tag: its interface words} (empty for one language)."""
    return {tag: i18n.load(root, tag) for tag in catalogue.site.page_languages[1:]}


def _offline_copy(root: Path, catalogue: Catalogue, staging: Path, progress) -> tuple[str, str]:
    """A zip of the site that works opened from disk, offered for download on the site itself."""
    progress.stage("Writing the offline copy")
    name = offline.copy_name(catalogue.site)
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / name
        write_pages(root, catalogue, copy, render.Edition(files=True, search=False))
        finder.write_finder(copy, catalogue)
        first = i18n.active()
        for tag, interface in second_languages(root, catalogue).items():
            i18n.activate(interface)
            finder.write_finder(copy, catalogue.in_language(tag), render.language_prefix(tag))
        i18n.activate(first)
        size = offline.write_offline_copy(copy, staging / "downloads" / f"{name}.zip")
    return f"downloads/{name}.zip", offline.size_text(size)
