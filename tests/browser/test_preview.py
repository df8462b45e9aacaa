"""`catalogue serve` in a real browser: a content error appears over the page (file, line,
message) while the last good page stays; once fixed, the page reloads itself with the change."""

from __future__ import annotations

from serving import get  # the `served` fixture (catalogue serve on a tiny site) is in tests/conftest.py

SERVICE = "content/providers/testshire-care/garden-club.md"


def test_errors_show_over_the_page_then_the_fixed_page_reloads_itself(served, page):
    root, url = served
    page.goto(url + "services/testshire-care/garden-club/")
    assert page.locator("h1").inner_text() == "Garden Club"
    service = root / SERVICE
    good = service.read_text(encoding="utf-8")

    service.write_text(good.replace("areas: [north]", "areas: [nowhere]"), encoding="utf-8")
    overlay = page.locator("#catalogue-preview-problems[role=alert]")
    overlay.wait_for(state="visible", timeout=20000)
    assert overlay.locator("h2").inner_text() == "The preview is out of date: fix this problem and save again"
    problem = overlay.locator("li")
    assert problem.locator("code").inner_text() == f"{SERVICE}:7"
    assert "areas" in problem.inner_text() and "nowhere" in problem.inner_text()
    assert page.locator("main h1").inner_text() == "Garden Club"  # the last good page stays

    service.write_text(good.replace("name: Garden Club", "name: Allotment Club"), encoding="utf-8")
    page.wait_for_function("() => document.querySelector('main h1').textContent.trim() === 'Allotment Club'", timeout=20000)
    assert page.locator("#catalogue-preview-problems").count() == 0


def test_the_preview_script_is_a_file_not_inline_code(served):
    _, url = served
    status, html = get(url)
    assert status == 200
    assert '<script src="/__catalogue/preview.js"></script></body>' in html
    assert get(url + "__catalogue/preview.js")[0] == 200


def test_the_page_reloads_itself_with_the_offline_service_worker_installed(served, new_context):
    # the site's worker keeps every file but pages: in the preview it must keep nothing, neither the
    # status nor a stylesheet, nor download the search index from the preview server
    root, url = served
    page = new_context(service_workers="allow").new_page()
    page.goto(url + "services/testshire-care/garden-club/")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=20000)
    page.reload()
    stored = "async () => { let n = 0; for (const name of await caches.keys()) n += (await (await caches.open(name)).keys()).length; return n; }"
    assert page.evaluate(stored) == 0
    service = root / SERVICE
    good = service.read_text(encoding="utf-8")
    try:
        service.write_text(good.replace("summary: A gardening club", "summary: A watered gardening club"), encoding="utf-8")
        page.wait_for_function("() => document.body.textContent.includes('A watered gardening club')", timeout=20000)
        assert "A watered gardening club" in page.locator("main").inner_text()  # the reloaded page, not the cached one
        assert page.evaluate("() => navigator.serviceWorker.controller !== null")  # still under the worker
    finally:
        service.write_text(good, encoding="utf-8")
