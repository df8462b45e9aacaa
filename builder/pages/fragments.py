"""Pieces of pages that show one service, kept between builds: its card in a list and its search
filters. A one-word edit at 10,000 services re-renders A to Z, the browse pages and the search
page that list the service: tens of thousands of cards and filter sets, of which one has changed.

`inputs` is {service id: digest of everything such a piece can show (the service, the theme, the
site, the interface's words)}, worked out by incremental.py; `saved` holds the last build's pieces
under (that digest, what the piece is), `fresh` collects the new ones of a chunk of pages (in a
worker), which that worker then spools to a temporary file: a cold build at 10,000 services
never holds its tens of megabytes of cards in the parent. Only the site's first language is kept: a second language's records are not in
the digests.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from typing import Callable, Iterator, TypeVar

T = TypeVar("T")


class Fragments:
    def __init__(self, inputs: dict[str, str] | None = None, saved: dict | None = None):
        self.inputs, self.saved = inputs or {}, saved or {}
        self.fresh: dict = {}
        self.language = ""  # of the page being rendered ("" for the first)
        self._spool = tempfile.mkdtemp(prefix="catalogue-fragments-") if self.inputs else None

    def add(self, fresh: dict) -> None:
        """The new pieces of a chunk of pages, spooled by the process that rendered them (each to a
        file of its own): tens of megabytes of cards never travel to, or stay in, the parent."""
        if fresh and self._spool:
            with open(os.path.join(self._spool, f"{os.getpid()}.pickle"), "ab") as file:
                pickle.dump(fresh, file, protocol=pickle.HIGHEST_PROTOCOL)

    def _spooled(self) -> Iterator[dict]:
        for entry in sorted(os.scandir(self._spool), key=lambda e: e.name) if self._spool else ():
            with open(entry.path, "rb") as file:
                while True:
                    try:
                        yield pickle.load(file)
                    except EOFError:
                        break

    def close(self) -> None:
        if self._spool:
            shutil.rmtree(self._spool, ignore_errors=True)

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
        if not (self._spool and os.listdir(self._spool)) and all(key[0] in current for key in self.saved):
            return None
        return ({key: piece for key, piece in chunk.items() if key[0] in current}
                for chunk in (self.saved, *self._spooled()))


_CURRENT = [Fragments()]


def use(fragments: Fragments) -> None:
    """The store for the pages about to be rendered (render.render_site, before the workers fork)."""
    _CURRENT[0] = fragments


def current() -> Fragments:
    return _CURRENT[0]
