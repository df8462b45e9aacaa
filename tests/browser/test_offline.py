"""Offline use in a real browser: the service worker, My list, new releases, the offline copy, page weight."""

from __future__ import annotations

import zipfile


import sampledata
from browser_support import serve
from conftest import TODAY, make_site, run_cli

SERVICE_A = "riverside-care/riverside-day-centre"
SERVICE_B = "active-redvale/walking-football"
UNVISITED = "makers-kitchen/cafe-training"


def controlled_page(browser, url):
    """A fresh browser profile, with the service worker installed and in control."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.evaluate("navigator.serviceWorker.ready")
    page.reload()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30000)
    return context, page


def wait_for_status(page):
    page.wait_for_function("() => document.getElementById('search-status').textContent.length > 0", timeout=30000)
    return page.inner_text("#search-status")


def test_visited_pages_and_a_repeated_search_work_offline_and_others_show_the_offline_page(browser, site_url):
    context, page = controlled_page(browser, site_url)
    for service in (SERVICE_A, SERVICE_B):
        page.goto(f"{site_url}services/{service}/")
    page.goto(f"{site_url}search/?q=walking")
    online = wait_for_status(page)
    page.wait_for_timeout(500)  # let the worker store what the search fetched

    context.set_offline(True)
    page.goto(site_url)
    assert page.inner_text("h1") == sampledata.site_yaml()["title"]
    for service in (SERVICE_A, SERVICE_B):
        page.goto(f"{site_url}services/{service}/")
        assert page.inner_text("h1") == sampledata.services()[service]["name"]
    page.goto(f"{site_url}services/{UNVISITED}/")
    assert page.inner_text("h1") == "You are offline"
    assert page.url == f"{site_url}services/{UNVISITED}/"
    page.wait_for_selector("#offline-pages a")
    offline_links = page.eval_on_selector_all("#offline-pages a", "links => links.map(a => a.href)")
    assert f"{site_url}services/{SERVICE_A}/" in offline_links
    assert page.eval_on_selector("link[rel=stylesheet]", "l => l.sheet !== null"), "the offline page keeps its styles"

    page.goto(f"{site_url}search/?q=walking")
    assert wait_for_status(page) == online
    context.close()


def test_saved_services_show_on_my_list_with_phone_numbers_and_open_offline(browser, site_url):
    context, page = controlled_page(browser, site_url)
    for service in (SERVICE_A, SERVICE_B):
        page.goto(f"{site_url}easy-read/services/{service}/" if service == SERVICE_B else f"{site_url}services/{service}/")
        button = page.locator("[data-save-service]")
        assert button.get_attribute("aria-pressed") == "false"
        button.focus()
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-pressed") == "true"
        assert page.inner_text("#save-status") == f"{sampledata.services()[service]['name']} is saved to your list."
    page.wait_for_timeout(500)

    context.set_offline(True)
    page.goto(f"{site_url}my-list/")
    items = page.locator(".my-list__item")
    assert items.count() == 2
    for index, service in enumerate((SERVICE_A, SERVICE_B)):
        data = sampledata.services()[service]
        phone = (data.get("contact") or {}).get("phone") or sampledata.providers()[service.split("/")[0]]["contact"]["phone"]
        text = items.nth(index).inner_text()
        assert data["name"] in text and sampledata.phone_display(phone) in text
        assert items.nth(index).locator("a.phone").get_attribute("href") == sampledata.phone_href(phone)
    mail = page.get_attribute("#my-list-email", "href")
    assert mail.startswith("mailto:?subject=") and "Riverside%20Day%20Centre" in mail
    items.nth(1).locator("h2 a").click()
    assert page.inner_text("h1") == sampledata.services()[SERVICE_B]["name"]
    context.close()


def test_without_javascript_there_is_no_save_button_and_my_list_explains(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}services/{SERVICE_A}/")
    assert not page.is_visible("[data-save-service]")
    page.goto(f"{site_url}my-list/")
    assert page.is_visible("#my-list-nojs") and not page.is_visible("#my-list-js")
    context.close()


def test_after_a_rebuild_the_next_visit_gets_the_new_content(browser, tmp_path):
    root = make_site(tmp_path / "site")
    assert run_cli("build", "--root", str(root), "--today", TODAY).exit_code == 0
    with serve(root / "_site") as url:
        context, page = controlled_page(browser, url)
        service_url = f"{url}services/testshire-care/garden-club/"
        page.goto(service_url)
        assert page.inner_text("h1") == "Garden Club"
        caches = ("caches.keys().then(keys => keys.filter(k => k.startsWith('catalogue-') && k !== 'catalogue-saved'"
                  " && !k.startsWith('catalogue-search-')))")
        old_caches = page.evaluate(caches)
        assert len(old_caches) == 1

        service = root / "content" / "providers" / "testshire-care" / "garden-club.md"
        service.write_text(service.read_text().replace("name: Garden Club", "name: Allotment Club"))
        assert run_cli("build", "--root", str(root), "--today", TODAY).exit_code == 0

        page.goto(service_url)
        assert page.inner_text("h1") == "Allotment Club"
        page.goto(url)
        page.wait_for_function(f"() => {caches}.then(keys => keys.length === 1 && keys[0] !== {old_caches[0]!r})", timeout=30000)
        page.reload()
        assert page.evaluate("navigator.serviceWorker.controller.scriptURL") == url + "sw.js"
        context.close()


def test_the_offline_copy_works_opened_from_disk(browser, tmp_path):
    root = make_site(tmp_path / "site")
    result = run_cli("build", "--root", str(root), "--today", TODAY, "--offline-copy")
    assert result.exit_code == 0, result.output
    zips = list((root / "_site" / "downloads").glob("*.zip"))
    assert len(zips) == 1
    home = (root / "_site" / "index.html").read_text(encoding="utf-8")
    assert f'href="downloads/{zips[0].name}" download>Download the directory (ZIP file, ' in home
    with zipfile.ZipFile(zips[0]) as archive:
        archive.extractall(tmp_path / "copy")
    start = next((tmp_path / "copy").glob("*/index.html"))
    assert not (start.parent / "pagefind").exists() and not (start.parent / "search" / "index.html").read_text().count("pagefind.js")

    context = browser.new_context()
    page = context.new_page()
    page.goto(start.as_uri())
    page.click(".site-nav a:has-text('Areas')")
    assert page.url.endswith("/areas/index.html")
    page.click("a:has-text('North')")
    assert page.url.endswith("/areas/north/index.html")
    page.click("a:has-text('Garden Club')")
    assert page.url.endswith("/services/testshire-care/garden-club/index.html")
    assert page.inner_text("h1") == "Garden Club"
    page.go_back()
    assert page.url.endswith("/areas/north/index.html") and page.inner_text("h1") == "North"
    context.close()


def test_a_service_page_with_its_map_weighs_at_most_45_kb_and_loads_nothing_from_other_hosts(browser, site_url):
    for version in ("", "easy-read/"):
        context = browser.new_context()
        page = context.new_page()
        requests = []
        page.on("requestfinished", lambda request: requests.append(request))
        page.goto(f"{site_url}{version}services/{SERVICE_A}/")
        page.wait_for_load_state("networkidle")
        counted = [r for r in requests if r.resource_type in ("document", "stylesheet", "script")]
        weight = sum(r.sizes()["responseBodySize"] for r in counted)
        assert page.locator("svg.map").count() == 1  # the budget includes the map (issue 15)
        assert weight <= 45_000, (version, weight, [(r.url, r.sizes()["responseBodySize"]) for r in counted])
        assert all(r.url.startswith(site_url) for r in requests), [r.url for r in requests]
        context.close()
