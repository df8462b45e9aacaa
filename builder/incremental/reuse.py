"""Incremental builds: read again only the files that changed, render again only the pages
whose inputs changed.

Loading: each content file's result is cached under the digest of its bytes (cache.py).

Rendering: each page's inputs are summed up in one digest: what every page shares (the
builder, the theme, site.yaml, today, the information pages listed in the footer, the
boundaries and postcode lookup, the edition) plus the records the page shows (INPUTS). A page whose digest equals the one
recorded for the output folder is hard-linked from the published copy instead of rendered.
A page kind missing from INPUTS (a new stage's page) is always rendered: any doubt means
rendering again. The rendered bytes never depend on whether a page was kept or rendered,
which tests/incremental/test_incremental.py checks against cold builds.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Callable

from builder.core.workers import worker_pool
from builder.incremental.cache import BuildCache, FileDigests, builder_fingerprint, digest, folder_digest
from builder.language import interface
from builder.model.catalogue import Catalogue
from builder.pages.fragments import Fragments
from builder.pages.render import PageSpec, page_file
from builder.publish.output import MARKER

# ---------------------------------------------------------------- loading

def load_files(load: Callable, jobs: list[tuple], cache: BuildCache | None, site, words=None) -> list:
    """Each job's result, `load(job)`; with a cache, a file whose bytes were seen before is not parsed
    again, and only the others are loaded, by a pool of workers. `words`: the Easy Read word list and
    pictures the checks use (part of each file's key)."""
    keys = [None] * len(jobs)
    if cache is not None and site is not None:
        cache.ensure()
        words = repr((site.hard_words, site.allowed_words, site.min_reading_ease, words, site.page_languages, site.content_language))
        cache.look_at_files()
        same_for_all = digest(builder_fingerprint(), words)
        keys = [_file_key(cache.files, job, same_for_all) for job in jobs]
        cache.files.save()
    known = cache.loaded() if cache is not None else {}
    results = [known.get(key) if key else None for key in keys]
    missing = [index for index, result in enumerate(results) if result is None]
    with worker_pool(len(missing)) as mapper:
        for index, result in zip(missing, mapper(load, [jobs[i] for i in missing])):
            results[index] = result
    if cache is not None:
        cache.record_loaded({key: result for key, result in zip(keys, results) if key},
                            {keys[i]: results[i] for i in missing if keys[i]})
    return results


def _file_key(files: FileDigests, job: tuple, same_for_all: str) -> str | None:
    """The builder, the word lists, the file's kind and bytes, and its path (last: it may hold spaces).
    Not hashed again: tens of thousands of keys a build, most of them only looked up."""
    path, kind = job[1:3]
    found = files.of(path)
    if found is None:
        return None  # unreadable: the loader words the problem
    return f"{same_for_all} {kind} {found} {path}"


# ---------------------------------------------------------------- rendering

class PageReuse:
    """Between the previous output in `out` and the new one in staging."""

    def __init__(self, cache: BuildCache, out: Path, theme_dirs: list[Path], in_place: bool = False):
        """`in_place`: the new output is written into `out` itself (see output.updated_in_place), if
        `out` is the folder the cache recorded."""
        self.cache, self.out, self.theme_dirs = cache, out, theme_dirs
        self.published = cache.published_pages(out) if (out / MARKER).exists() else {}
        self.in_place = in_place and bool(self.published)
        self.digests: dict[str, str] = {}
        self.shared, self.records = "", None
        self.in_staging: set[str] = set()  # published files a recycled staging folder holds already (output.fresh_output)

    def keep_unchanged(self, catalogue: Catalogue, specs: list[PageSpec], staging: Path) -> frozenset[str]:
        """Hard-link into staging each published page whose inputs are unchanged; returns their files."""
        self.shared, self.records = shared_inputs(catalogue, self.theme_dirs), _Records(catalogue, self.cache.digests, self.cache.files)
        pages = page_digests(catalogue, specs, self.shared, self.records)
        return frozenset(file for file, inputs in pages.items() if self.keep(file, inputs, staging))

    def keep(self, file: str, inputs: str, staging: Path, usable: bool = True) -> bool:
        """Records the inputs of an output file; if they are those of the published copy (and it is
        `usable`), hard-links that copy into staging and returns True: the caller must not write it."""
        self.digests[file] = inputs
        if not usable or self.published.get(file) != inputs:
            return False
        if self.in_place or file in self.in_staging:
            return True  # it is there already
        published, target = os.path.join(self.out, file), os.path.join(staging, file)
        try:
            os.link(published, target)
        except FileExistsError:
            return True  # in a recycled staging folder a tracked file is left only while it is the published one
        except FileNotFoundError:  # a new folder, or the published copy is gone
            try:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                os.link(published, target)
            except OSError:
                return False
        except OSError:
            return False  # on another disk: write it
        return True

    def open_data_inputs(self, catalogue: Catalogue, service_id: str) -> str | None:
        """What a service's open data record shows: the service, its provider, its Markdown as written
        (None if its file cannot be read)."""
        service = catalogue.services[service_id]
        markdown = self.cache.files.of(service.source_path)
        # a bilingual site's spreadsheet also holds the other languages' words and bodies
        others = [repr(other.services[service_id]) + repr(other.providers[service.provider_key]) +
                  str(self.cache.files.of(service.source_path.removesuffix(".md") + f".{tag.split('-')[0].lower()}.md"))
                  for tag, other in catalogue.translations]
        return markdown and digest(self.shared, "open data", self.records.services((service_id,)),
                                   self.records.provider(service.provider_key), markdown, *others)

    def fragments(self, catalogue: Catalogue) -> Fragments:
        """The services' cards and filters of the last build, and what each shows now (after keep_unchanged)."""
        inputs = {key: digest(self.shared, self.records.services((key,))) for key in catalogue.services}
        return Fragments(inputs, self.cache.fragments())

    def record_fragments(self, pieces: Fragments) -> None:
        self.cache.record_fragments(pieces.kept(), to_disk=not self.in_place)

    def remove_gone(self, folder: Path) -> None:
        """Delete the pages and records of the last build that this one no longer has, from the new
        output `folder` (`out` itself, in place; or a recycled staging folder, which may hold them)."""
        for file in self.published.keys() - self.digests.keys():
            target = os.path.join(folder, file)
            if not self.in_place and not _same_file(target, os.path.join(self.out, file)):
                continue  # not there, or written by this build
            with contextlib.suppress(OSError):
                os.unlink(target)
            with contextlib.suppress(OSError):
                os.removedirs(os.path.dirname(os.path.join(folder, file)))  # its folder, if now empty

    def record(self) -> None:
        """After the swap: the new output folder and the inputs of its pages."""
        self.cache.record_published(self.out, self.digests)

    def forget(self) -> None:
        """An in-place update that failed part-way: nothing in `out` is trusted next time."""
        self.cache.forget_published(self.out)


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def shared_inputs(catalogue: Catalogue, theme_dirs: list[Path]) -> str:
    """What every page depends on."""
    return digest(builder_fingerprint(), folder_digest(theme_dirs), repr(catalogue.site), repr(interface.active().own),
                  catalogue.today.isoformat(), repr(catalogue.pages), repr(catalogue.geography))  # maps, postcode box


def page_digests(catalogue: Catalogue, specs: list[PageSpec], shared: str, records: "_Records") -> dict[str, str]:
    editions: dict = {}  # one or two in a build: spelt out once, not once a page
    shown: dict = {}  # what a page shows, summed up once for its standard and Easy Read versions
    return {page_file(spec): digest(shared, _spec_key(spec, editions), _shows(catalogue, spec, records, shown))
            for spec in specs if spec.kind in INPUTS and not spec.language}  # a second language's pages: always rendered


def _shows(catalogue: Catalogue, spec: PageSpec, records: "_Records", shown: dict) -> str:
    key = (spec.kind, spec.key)
    found = shown.get(key)
    if found is None:
        found = shown[key] = INPUTS[spec.kind](catalogue, spec, records)
    return found


def _spec_key(spec: PageSpec, editions: dict) -> str:
    """Every field of the spec, as its repr would give them, at a fifth of the cost."""
    edition = editions.get(spec.edition) or editions.setdefault(spec.edition, repr(spec.edition))
    return repr((spec.kind, spec.url, spec.key, spec.version, spec.language)) + edition


class _Records:
    """Digests of services and providers, each worked out once per build."""

    def __init__(self, catalogue: Catalogue, earlier: dict | None = None, files: FileDigests | None = None):
        """`earlier`: {service id: (Service, digest)} kept between builds by `serve` (else none).
        `files`: the content files' digests this build, from which a service's own is worked out."""
        self.catalogue, self.files = catalogue, files
        self._earlier = earlier if earlier is not None else {}
        self._services: dict[str, str] = {}
        self._providers: dict[str, str] = {}
        self._lists: dict[tuple, str] = {}
        self._browse: dict[str, str] = {}
        self._twins = [".easy.md"] + [f".{tag.split('-')[0].lower()}.md" for tag in catalogue.site.page_languages]

    def services(self, ids) -> str:
        """One digest for the services listed (A to Z, search and the browse pages list the same
        thousands in both versions: each list is summed up once)."""
        ids = tuple(ids)
        if ids not in self._lists:
            self._lists[ids] = digest(*map(self._service, ids)) if len(ids) > 1 else "".join(map(self._service, ids))
        return self._lists[ids]

    def _service(self, service_id: str) -> str:
        if service_id not in self._services:
            service = self.catalogue.services[service_id]
            earlier = self._earlier.get(service_id)
            found = earlier[1] if earlier and earlier[0] is service else self._made_from(service)  # serve: the same object as last time
            self._services[service_id] = found
            self._earlier[service_id] = (service, found)
        return self._services[service_id]

    def _made_from(self, service) -> str:
        """What model/assemble._service makes a Service from: its file, its Easy Read and other-language
        twins, and its spokes (site.yaml, today and the builder are in every page's shared inputs).
        A tenth of the cost of digesting the Service itself; without the files' digests, that."""
        read = self.files.current if self.files is not None else {}
        if service.source_path not in read:
            return digest(repr(service))
        stem = service.source_path.removesuffix(".md")
        twins = [read.get(stem + twin, (None, None))[1] for twin in self._twins]
        return digest("made from", service.source_path, read[service.source_path][1], *map(str, twins), repr(service.spokes))

    def browse(self, taxonomy: str = "") -> str:
        """The browse entries of a taxonomy ("": of all), summed up once per build: the home, search and
        browse pages of both versions show them."""
        if taxonomy not in self._browse:
            browse = self.catalogue.browse
            self._browse[taxonomy] = digest(*(name + self.browse(name) for name in browse)) if not taxonomy else \
                digest(repr(browse[taxonomy]))
        return self._browse[taxonomy]

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
    "home": lambda c, s, r: r.browse() + str(len(c.services)),
    "service": _service_inputs,
    "provider": _provider_inputs,
    "providers": lambda c, s, r: "".join(map(r.provider, c.providers)),
    "browse-index": lambda c, s, r: r.browse(s.key),
    "browse": _browse_inputs,
    "a-to-z": lambda c, s, r: r.services(c.services),
    "page": lambda c, s, r: repr(next(p for p in c.pages if p.slug == s.key)),
    "search": lambda c, s, r: r.services(c.services) + "".join(map(r.provider, c.providers)) + r.browse(),
    "credits": _nothing_more, "offline": _nothing_more, "my-list": _nothing_more,
    "statement": _nothing_more, "not-found": _nothing_more,
}
