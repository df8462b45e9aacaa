"""Pieces of pages that show one service, kept between builds: its card in a list and its search
filters. A one-word edit at 10,000 services re-renders A to Z, the browse pages and the search
page that list the service: tens of thousands of cards and filter sets, of which one has changed.

`inputs` is {service id: digest of everything such a piece can show (the service, the theme, the
site, the interface's words)}, worked out by incremental.py; `saved` holds the last build's pieces
under (that digest, what the piece is), `fresh` collects the new ones of a chunk of pages (in a
worker), and the parent spools each chunk's to a temporary file rather than holding tens of
megabytes of cards in memory while the workers render (a cold build at 10,000 services stays
under 1 GiB). Only the site's first language is kept: a second language's records are not in
the digests.
"""

from __future__ import annotations

import pickle
import tempfile
from typing import Callable, Iterator, TypeVar

T = TypeVar("T")


class Fragments:
    def __init__(self, inputs: dict[str, str] | None = None, saved: dict | None = None):
        self.inputs, self.saved = inputs or {}, saved or {}
        self.fresh: dict = {}
        self.language = ""  # of the page being rendered ("" for the first)
        self._spool = None  # this build's new pieces, chunk by chunk

    def add(self, fresh: dict) -> None:
        """The new pieces of a chunk of pages (in the parent)."""
        if fresh:
            self._spool = self._spool or tempfile.TemporaryFile()
            pickle.dump(fresh, self._spool, protocol=pickle.HIGHEST_PROTOCOL)

    def _spooled(self) -> Iterator[dict]:
        if self._spool is None:
            return
        self._spool.seek(0)
        while True:
            try:
                yield pickle.load(self._spool)
            except EOFError:
                return

    def get(self, service_id: str, what: tuple, make: Callable[[], T]) -> T:
        """The piece `what` of a service: from the last build if the service is unchanged, else `make()`."""
        inputs = self.inputs.get(service_id) if not self.language else None
        if inputs is None:
            return make()
        key = (inputs, *what)
        found = self.saved.get(key)
        if found is None:
            found = self.fresh[key] = make()
        return found

    def kept(self) -> Iterator[dict] | None:
        """The pieces worth keeping for the next build (those of services as they are now), a dict
        at a time, or None when they are the ones saved already."""
        current = set(self.inputs.values())
        if self._spool is None and all(key[0] in current for key in self.saved):
            return None
        return ({key: piece for key, piece in chunk.items() if key[0] in current}
                for chunk in (self.saved, *self._spooled()))


_CURRENT = [Fragments()]


def use(fragments: Fragments) -> None:
    """The store for the pages about to be rendered (render.render_site, before the workers fork)."""
    _CURRENT[0] = fragments


def current() -> Fragments:
    return _CURRENT[0]
