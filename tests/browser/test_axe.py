"""The axe-core the tests and catalogue audit run is the one pinned in package-lock.json (checklist CI-3).

Each page of every kind is checked with it in test_every_page.py."""

from __future__ import annotations

from .a11y import PROJECT, run_axe, visit


def test_the_axe_core_the_tests_and_catalogue_audit_run_is_the_pinned_version(page, site_url):
    import json

    lock = json.loads((PROJECT / "package-lock.json").read_text())
    pinned = lock["packages"]["node_modules/axe-core"]["version"]
    visit(page, site_url, "")
    run_axe(page)
    assert page.evaluate("axe.version") == pinned
    package = json.loads((PROJECT / "package.json").read_text())
    assert package["devDependencies"]["axe-core"] == pinned  # an exact version, not a range
