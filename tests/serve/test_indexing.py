"""`catalogue serve` rebuilds at once after a save, and indexes search in the background only once
the saving pauses (builder/serve/server.py): a second save soon after the first does not wait
for an indexer, and the index still follows the last save."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from builder.serve import server

SAVED = {"content/providers/testshire-care/garden-club.md"}


class Saves:
    """Two saves in quick succession, then a pause; stops the loop once the indexer has run."""

    def __init__(self, marker: Path):
        self.marker, self.timeouts = marker, []

    def wait(self, timeout=None):
        self.timeouts.append(timeout)
        if len(self.timeouts) <= 2:
            return SAVED
        if len(self.timeouts) == 3:
            return set()  # INDEX_AFTER seconds without a save
        for _ in range(200):
            if self.marker.exists():
                break
            time.sleep(0.05)
        raise KeyboardInterrupt


def _write_whole(path: Path, text: str) -> None:
    """Written under another name, then renamed: the loop stops the indexer as soon as the marker exists."""
    part = path.with_suffix(".part")
    part.write_text(text)
    part.replace(path)


def test_search_is_indexed_once_the_saving_pauses_not_after_every_save(tmp_path, monkeypatch):
    marker, rebuilds = tmp_path / "indexed", []
    monkeypatch.setattr(server, "_rebuild", lambda *args, **kwargs: rebuilds.append(kwargs) or True)
    monkeypatch.setattr(server, "_index_search", lambda root, out, today, cache: _write_whole(marker, "indexed"))
    saves = Saves(marker)
    try:
        server._rebuild_on_change(tmp_path, tmp_path / "_site", dt.date(2026, 11, 1), None, saves, None)
    except KeyboardInterrupt:
        pass
    assert len(rebuilds) == 2 and all(not kwargs["with_search"] and kwargs["in_place"] for kwargs in rebuilds)
    assert saves.timeouts[:3] == [None, server.INDEX_AFTER, server.INDEX_AFTER]  # each save waits for a pause again
    assert marker.read_text() == "indexed"  # the forked indexer ran, after the pause


def _vanishing(monkeypatch, tmp_path: Path, missing: Path) -> list[bool]:
    """build_site fails once with `missing` gone, then succeeds; returns each call's in_place."""
    calls = []

    class Built:
        pages, seconds = 1, 0.1

    def build_site(root, out, today, **options):
        calls.append(options["in_place"])
        if len(calls) == 1:
            raise FileNotFoundError(2, "No such file or directory", str(missing))
        return Built()
    monkeypatch.setattr(server, "build_site", build_site)
    return calls


def test_an_output_folder_removed_while_it_is_built_is_built_again_at_once(monkeypatch, tmp_path: Path, capsys):
    calls = _vanishing(monkeypatch, tmp_path, tmp_path / "_site" / "services" / "index.html")
    status = server.preview.Status()
    assert server._rebuild(tmp_path, tmp_path / "_site", dt.date(2026, 11, 1), status, False, None, in_place=True)
    assert calls == [True, False]  # the second time whole, trusting nothing in the folder
    assert status.build == 1 and "went while it was being built: building again." in capsys.readouterr().err


def test_a_listing_deleted_while_it_is_built_waits_for_the_watcher(monkeypatch, tmp_path: Path):
    calls = _vanishing(monkeypatch, tmp_path, tmp_path / "content" / "providers" / "a" / "b.md")
    status = server.preview.Status()
    assert not server._rebuild(tmp_path, tmp_path / "_site", dt.date(2026, 11, 1), status, False, None, in_place=True)
    assert calls == [True] and status.build == 0  # the watcher has the deletion: the next build follows it
