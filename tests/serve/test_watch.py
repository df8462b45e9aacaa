"""What `catalogue serve` notices (builder/serve/watch.py): edits, additions, deletions and renames
under content/ and templates/ and of site.yaml; a burst of saves as one change; never editors'
temporary files or the build's own output. Both ways of watching: the system's notifications
and scanning (`--poll`, or when notifications cannot start)."""

from __future__ import annotations

import errno
import threading
import time

import pytest

from builder.serve import watch
from conftest import make_site

SERVICE = "content/providers/testshire-care/garden-club.md"


@pytest.fixture(params=[False, True], ids=["notified", "scanned"])
def poll(request):
    return request.param


def test_a_burst_of_saves_is_one_change_and_temporary_files_are_ignored(tmp_path):
    root = make_site(tmp_path)
    with watch.watching(root) as changes:
        for word in ("one", "two", "three", "four", "five"):  # an editor, then a formatter, saving again
            (root / SERVICE).write_text(f"---\nname: {word}\n---\n", encoding="utf-8")
        for name in (".garden-club.md.swp", "garden-club.md~", ".#garden-club.md", "4913"):
            (root / "content/providers/testshire-care" / name).write_text("editor", encoding="utf-8")
        assert changes.wait() == {SERVICE}
        (root / "site.yaml").write_text("title: Changed\n", encoding="utf-8")
        assert changes.wait() == {"site.yaml"}  # nothing left over from the burst


def test_a_wait_with_a_timeout_ends_empty_after_a_pause_and_still_returns_a_save(tmp_path):
    """`serve` indexes search only after a pause in the saving (server.INDEX_AFTER)."""
    root = make_site(tmp_path)
    with watch.watching(root) as changes:
        started = time.monotonic()
        assert changes.wait(timeout=0.3) == set()
        assert 0.3 <= time.monotonic() - started < 1.5
        threading.Timer(0.1, lambda: (root / SERVICE).write_text("---\nname: Saved\n---\n", encoding="utf-8")).start()
        assert changes.wait(timeout=10) == {SERVICE}


def test_additions_deletions_and_renames_are_noticed(tmp_path, poll):
    root = make_site(tmp_path)
    added = root / "content/providers/testshire-care/pottery-club.md"
    with watch.watching(root, poll) as changes:
        added.write_text("---\nname: Pottery Club\n---\n", encoding="utf-8")
        assert changes.wait() == {"content/providers/testshire-care/pottery-club.md"}
        added.rename(root / "content/providers/testshire-care/clay-club.md")
        assert changes.wait() == {"content/providers/testshire-care/pottery-club.md",
                                  "content/providers/testshire-care/clay-club.md"}
        (root / "content/providers/testshire-care/clay-club.md").unlink()
        assert changes.wait() == {"content/providers/testshire-care/clay-club.md"}
        (root / "templates").mkdir()  # a fork starts overriding the theme while serve runs
        (root / "templates/footer.html").write_text("<footer></footer>", encoding="utf-8")
        assert changes.wait() <= {"templates", "templates/footer.html"}
        (root / "templates/footer.html").write_text("<footer>Ours</footer>", encoding="utf-8")
        assert changes.wait() == {"templates/footer.html"}


def test_the_build_output_and_cache_are_not_changes(tmp_path, poll):
    root = make_site(tmp_path)
    with watch.watching(root, poll) as changes:
        for folder in ("_site", ".catalogue-cache"):
            (root / folder).mkdir()
            (root / folder / "index.html").write_text("built", encoding="utf-8")
        (root / SERVICE).write_text("---\nname: Changed\n---\n", encoding="utf-8")
        assert changes.wait() == {SERVICE}


def test_without_notifications_it_scans_and_says_so_in_one_line(tmp_path, monkeypatch, capsys):
    root = make_site(tmp_path)

    def watch_limit_reached(root, changes):
        raise OSError(errno.ENOSPC, "inotify watch limit reached")

    monkeypatch.setattr(watch, "_start_observer", watch_limit_reached)
    with watch.watching(root) as changes:
        (root / SERVICE).write_text("---\nname: Changed\n---\n", encoding="utf-8")
        assert changes.wait() == {SERVICE}
    assert capsys.readouterr().err == ("Checking for changes every 0.5 s by scanning the files "
                                       "(the system cannot report changes here: inotify watch limit reached).\n")
