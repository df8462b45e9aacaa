"""Serving a built site under a sub-path, and launching Debian's Chromium with Playwright: catalogue audit's own
helpers (builder/audit/browser.py), with the tests' sub-path and browser."""

from __future__ import annotations

import os
from pathlib import Path

from builder.audit import browser
from builder.audit.browser import CHROMIUM_ARGS  # noqa: F401 (tests launching their own browser use it)

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SUB_PATH = "/day-opportunities/"  # the sample's base_url path


def serve(folder: Path):
    """Yields the base URL (ending in SUB_PATH) of `folder` served on 127.0.0.1, as catalogue audit serves a site."""
    return browser.serve(folder, SUB_PATH)


def launch(playwright):
    """Headless Chromium: Debian's package (or CHROMIUM), since Playwright cannot download browsers here."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run .ci/setup, which installs Debian's chromium package")
    return browser.launch(playwright, CHROMIUM)


# Installed in every page: each content security policy violation is kept in the page
# (window.__policyViolations) and told to the test (the __policyViolation binding).
REPORT_POLICY_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  const found = { directive: event.effectiveDirective, blocked: event.blockedURI, page: event.documentURI,
                  sample: event.sample, line: event.lineNumber };
  (window.__policyViolations = window.__policyViolations || []).push(found);
  if (window.__policyViolation) window.__policyViolation(found);
});
"""


def record_policy_violations(browser, found: list) -> None:
    """Every context `browser` makes reports its pages' policy violations into `found`."""
    make_context = browser.new_context

    def new_context(**options):
        context = make_context(**options)
        context.expose_binding("__policyViolation", lambda source, violation: found.append(violation))
        context.add_init_script(REPORT_POLICY_VIOLATIONS)
        return context

    browser.new_context = new_context
