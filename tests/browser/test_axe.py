"""axe-core (pinned in package-lock.json) on one page of every kind, standard and Easy Read (checklist CI-3)."""

from __future__ import annotations

import pytest

from .a11y import ALL_PAGES, PROJECT, page_id, rules_that_ran, run_axe, violation_report, visit


@pytest.mark.parametrize("site_page", ALL_PAGES, ids=page_id)
def test_page_has_no_axe_violations_under_wcag_22_aa_and_best_practice(page, site_url, site_page):
    visit(page, site_url, site_page.url)
    result = run_axe(page)
    # A default axe.run() leaves out target-size (WCAG 2.5.8); it must be among the rules that ran.
    assert "target-size" in rules_that_ran(result), "axe did not run target-size: check the runOnly tags"
    if result["violations"]:
        pytest.fail(violation_report(str(site_page), result), pytrace=False)


def test_the_axe_core_the_tests_and_catalogue_audit_run_is_the_pinned_version(page, site_url):
    import json

    lock = json.loads((PROJECT / "package-lock.json").read_text())
    pinned = lock["packages"]["node_modules/axe-core"]["version"]
    visit(page, site_url, "")
    run_axe(page)
    assert page.evaluate("axe.version") == pinned
    package = json.loads((PROJECT / "package.json").read_text())
    assert package["devDependencies"]["axe-core"] == pinned  # an exact version, not a range
