"""The pipeline, on one screen: config -> load -> validate -> model -> render -> index -> publish.

`check_site` runs the first three stages and returns every problem; `build_site` runs them
all. Nothing is written unless the content is valid, and the output folder is replaced only
once the new site is complete.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from builder import content, easytext, markup, render, search, theme, validate
from builder.assemble import assemble_catalogue
from builder.config import load_config, wordlist
from builder.errors import ContentError, Problems
from builder.model import Catalogue
from builder.output import copy_assets, fresh_output
from builder.workers import worker_pool


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


def check_site(root: Path, today: dt.date, strict: bool = False) -> Checked:
    site, config_problems = load_config(root, today)                                   # config
    tree = content.find_content(root)
    with worker_pool(len(tree.files)) as mapper:
        sources, problems = content.read_content(root, tree, mapper)              # load
        problems += config_problems + validate.check_all_fields(sources, mapper)  # validate: shapes
        bodies = markup.render_bodies(sources, mapper)                            # Markdown -> safe HTML
    problems += validate.check_records(site, tree, sources, today)                # validate: cross-record
    problems += validate.check_links({p: b.links for p, b in bodies.items()}, {path for path, _ in tree.files})
    problems += easytext.check_easy_text(sources, wordlist(site))                 # validate: Easy Read text
    found = Problems(problems).strict() if strict else Problems(problems)
    if found.errors or site is None:
        return Checked(None, found, len(tree.files) + 1)
    return Checked(assemble_catalogue(site, sources, bodies, today), found, len(tree.files) + 1)  # model


def build_site(root: Path, out: Path, today: dt.date, strict: bool = False, progress=None,
               with_search: bool = True) -> Built:
    started = time.perf_counter()
    checked = check_site(root, today, strict)
    if checked.catalogue is None:
        raise ContentError(checked.problems, checked.files)
    specs = render.plan_pages(checked.catalogue)
    with fresh_output(out, root) as staging:                                      # publish (on success)
        with worker_pool(len(specs)) as mapper:
            pages = render.render_site(checked.catalogue, specs, theme.theme_dirs(root), staging, mapper, progress)  # render
        copy_assets(staging, theme.asset_files(root))
        if with_search:
            search.index_site(staging, checked.catalogue)                         # index
    return Built(pages, checked.problems, time.perf_counter() - started, out)
