"""The preview's status: an open page asks with the version it has and is answered the moment a
build finishes or fails (not on its next poll), or after the long poll's wait with nothing new.
The pages open in a browser are known to the build, which makes them live first."""

from __future__ import annotations

import json
import threading
import time

from builder.core.errors import Problem
from builder.serve import preview


def answer(status: preview.Status, path: str) -> dict:
    content_type, body = preview.preview_file(path, status)
    assert content_type == "application/json"
    return json.loads(body)


def test_a_page_without_a_version_is_answered_at_once():
    status = preview.Status()
    status.live()
    assert answer(status, "/__catalogue/status") == {"build": 1, "version": 1, "problems": [], "pages": None}


def test_a_waiting_page_is_answered_as_soon_as_the_build_is_done():
    status = preview.Status()
    threading.Timer(0.2, status.live).start()
    started = time.monotonic()
    found = answer(status, "/__catalogue/status?after=0")
    assert found["build"] == 1 and 0.15 < time.monotonic() - started < 5


def test_a_waiting_page_hears_of_problems_too():
    status = preview.Status()
    problem = Problem("content/providers/a/b.md", 7, "areas", "areas: 'nowhere' is not an area")
    threading.Timer(0.1, status.failed, args=([problem],)).start()
    found = answer(status, "/__catalogue/status?after=0")
    assert found["build"] == 0 and found["problems"][0]["path"] == "content/providers/a/b.md"
    assert found["problems"][0]["line"] == 7


def test_a_page_with_an_older_version_is_answered_at_once():
    status = preview.Status()
    status.live()
    status.live()
    started = time.monotonic()
    assert answer(status, "/__catalogue/status?after=1")["build"] == 2
    assert time.monotonic() - started < 1


def test_with_nothing_new_the_answer_comes_after_the_wait():
    status = preview.Status()
    started = time.monotonic()
    assert json.loads(status.as_json(after=0, wait=0.2)) == {"build": 0, "version": 0, "problems": [], "pages": None}
    assert time.monotonic() - started >= 0.2


def test_the_pages_asking_are_the_open_pages():
    status = preview.Status()
    waiting = threading.Thread(target=answer, args=(status, "/__catalogue/status?page=/a-to-z/&after=0"))
    waiting.start()
    time.sleep(0.2)
    answer(status, "/__catalogue/status?page=%2Fservices%2Fa%2Fb%2F")  # a hidden tab: asked, not waiting
    assert status.open_pages() == {"a-to-z/", "services/a/b/"}
    status.live()
    waiting.join()
    assert status.open_pages() == {"a-to-z/", "services/a/b/"}  # asked a moment ago: still open


def test_the_open_pages_are_news_before_the_rest_of_the_build():
    status = preview.Status()
    status.live()
    status.live(frozenset({"services/a/b/"}), new_build=True)
    first = answer(status, "/__catalogue/status?after=1")
    assert first["build"] == 2 and first["pages"] == ["/services/a/b/"]
    status.live(None, new_build=False)
    rest = answer(status, "/__catalogue/status?after=2")
    assert rest == {"build": 2, "version": 3, "problems": [], "pages": None}  # the same build, now whole
