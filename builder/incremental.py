"""Incremental builds: read again only the files that changed, render again only the pages
whose inputs changed.

Loading: each content file's result is cached under the digest of its bytes (cache.py).

Rendering: each page's inputs are summed up in one digest: what every page shares (the
builder, the theme, site.yaml, today, the information pages listed in the footer, the
boundaries and postcode lookup, the edition) plus the records the page shows (INPUTS). A page whose digest equals the one
recorded for the output folder is hard-linked from the published copy instead of rendered.
A page kind missing from INPUTS (a new stage's page) is always rendered: any doubt means
rendering again. The rendered bytes never depend on whether a page was kept or rendered,
which tests/test_incremental.py checks against cold builds.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from builder import i18n
from builder.cache import BuildCache, builder_fingerprint, digest, folder_digest
from builder.model import Catalogue
from builder.output import MARKER
from builder.render import PageSpec, page_file


# ---------------------------------------------------------------- loading

@dataclass(frozen=True)
class CachedLoader:
    """Wraps the per-file loader (run in workers): a file whose bytes were seen before is not parsed again."""

    load: Callable
    cache: BuildCache
    words: str  # the site's Easy Read word list, which the file checks use

    def __call__(self, job: tuple):
        root, path, kind = job[:3]
        try:
            raw = Path(root, path).read_bytes()
        except OSError:
            return self.load(job)  # the loader words the problem
        key = digest(builder_fingerprint(), path, kind, self.words, raw)
        result = self.cache.get_loaded(key)
        if result is None:
            result = self.load(job)
            self.cache.put_loaded(key, result)
        else:
            self.cache.touch_loaded(key)
        return result


def loader(load: Callable, cache: BuildCache | None, site, words=None) -> Callable:
    """`words`: the Easy Read word list and pictures the checks use (they are part of each file's key)."""
    if cache is None or site is None:
        return load
    cache.ensure()
    return CachedLoader(load, cache, repr((site.hard_words, site.allowed_words, site.min_reading_ease, words, site.page_languages)))


# ---------------------------------------------------------------- rendering

class PageReuse:
    """Between the previous output in `out` and the new one in staging."""

    def __init__(self, cache: BuildCache, out: Path, theme_dirs: list[Path]):
        self.cache, self.out, self.theme_dirs = cache, out, theme_dirs
        self.published = cache.published_pages(out) if (out / MARKER).exists() else {}
        self.digests: dict[str, str] = {}

    def keep_unchanged(self, catalogue: Catalogue, specs: list[PageSpec], staging: Path) -> frozenset[str]:
        """Hard-link into staging each published page whose inputs are unchanged; returns their files."""
        self.digests = page_digests(catalogue, specs, self.theme_dirs)
        kept, folders = set(), set()
        for file, inputs in self.digests.items():
            if self.published.get(file) != inputs:
                continue
            target = os.path.join(staging, file)
            folder = os.path.dirname(target)
            if folder not in folders:
                os.makedirs(folder, exist_ok=True)
                folders.add(folder)
            try:
                os.link(os.path.join(self.out, file), target)
            except OSError:
                continue  # gone or on another disk: render it
            kept.add(file)
        return frozenset(kept)

    def record(self) -> None:
        """After the swap: the new output folder and the inputs of its pages."""
        self.cache.record_published(self.out, self.digests)


def page_digests(catalogue: Catalogue, specs: list[PageSpec], theme_dirs: list[Path]) -> dict[str, str]:
    shared = digest(builder_fingerprint(), folder_digest(theme_dirs), repr(catalogue.site), repr(i18n.active().own),
                    catalogue.today.isoformat(), repr(catalogue.pages), repr(catalogue.geography))  # maps, postcode box
    records = _Records(catalogue)
    return {page_file(spec): digest(shared, repr(spec), INPUTS[spec.kind](catalogue, spec, records))
            for spec in specs if spec.kind in INPUTS and not spec.language}  # a second language's pages: always rendered


class _Records:
    """Digests of services and providers, each worked out once per build."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self._services: dict[str, str] = {}
        self._providers: dict[str, str] = {}

    def services(self, ids) -> str:
        return "".join(self._service(i) for i in ids)

    def _service(self, service_id: str) -> str:
        if service_id not in self._services:
            self._services[service_id] = digest(repr(self.catalogue.services[service_id]))
        return self._services[service_id]

    def provider(self, key: str) -> str:
        if key not in self._providers:
            self._providers[key] = digest(repr(self.catalogue.providers[key]))
        return self._providers[key]


def _service_inputs(catalogue: Catalogue, spec: PageSpec, records: _Records) -> str:
    service = catalogue.services[spec.key]
    shown = (service.id,) + ((service.spoke_of,) if service.spoke_of in catalogue.services else ()) + service.spokes
    return records.services(shown) + records.provider(service.provider_key)


def _provider_inputs(catalogue: Catalogue, spec: PageSpec, records: _Records) -> str:
    return records.provider(spec.key) + records.services(catalogue.providers[spec.key].services)


def _browse_inputs(catalogue: Catalogue, spec: PageSpec, records: _Records) -> str:
    taxonomy, key = spec.key.split("/")
    entry = next(b for b in catalogue.browse[taxonomy] if b.term.key == key)
    return repr(entry) + records.services(entry.services)


def _nothing_more(catalogue: Catalogue, spec: PageSpec, records: _Records) -> str:
    return ""


INPUTS: dict[str, Callable[[Catalogue, PageSpec, _Records], str]] = {  # what each kind of page shows
    "home": lambda c, s, r: repr(c.browse) + str(len(c.services)),
    "service": _service_inputs,
    "provider": _provider_inputs,
    "providers": lambda c, s, r: "".join(map(r.provider, c.providers)),
    "browse-index": lambda c, s, r: repr(c.browse[s.key]),
    "browse": _browse_inputs,
    "a-to-z": lambda c, s, r: r.services(c.services),
    "page": lambda c, s, r: repr(next(p for p in c.pages if p.slug == s.key)),
    "search": lambda c, s, r: r.services(c.services) + "".join(map(r.provider, c.providers)) + repr(c.browse),
    "credits": _nothing_more, "offline": _nothing_more, "my-list": _nothing_more,
    "statement": _nothing_more, "not-found": _nothing_more,
}


def forget_stale_files(cache: BuildCache | None, since: float, files: int) -> None:
    if cache is not None:
        cache.forget_loaded_before(since - 2, keep=files)  # some file systems keep times to 2 s

