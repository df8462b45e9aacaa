"""`catalogue audit` from end to end: choose the pages, open each in Chromium (axe-core, reflow at 320 px),
run the Nu HTML Checker on their files where Java is present, and check every internal link of the build.

Input: the output folder, the site folder, the changed content files. Output: `Audit`, whose findings
name each page's address and the rule it breaks.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import click

from builder.audit import browser, nu_checker
from builder.audit.checks import DESKTOP, NARROW, PAGE_LIBRARY, axe_findings, reflow_problems, run_axe
from builder.audit.findings import Finding
from builder.audit.links import broken_links
from builder.audit.selection import AuditPage, pages_to_audit, published_base, sub_path


@dataclass(frozen=True)
class Audit:
    pages: tuple[AuditPage, ...]
    findings: tuple[Finding, ...]
    skipped: tuple[str, ...]  # checks that could not run, each a sentence saying why


def audit_site(out: Path, root: Path | None, changed: list[str] = (), chromium: str | None = None,
               vnu: Path | None = None) -> Audit:
    if not (out / "index.html").is_file():
        raise click.ClickException(f"there is no built site in {out}: run 'catalogue build' first, or name the folder with --out.")
    pages = pages_to_audit(out, root, list(changed))
    base = published_base(out) or sub_path(out)
    address = {page.url: base + page.url for page in pages}
    source = {page.url: page.source for page in pages}
    java, jar = nu_checker.find_java(), nu_checker.find_vnu(vnu, root)
    skipped = nu_checker.why_skipped(java, jar, vnu)
    with ThreadPoolExecutor(max_workers=1) as background:
        # the Nu checker is a Java process of its own: it runs while Chromium opens the pages
        nu_report = None if skipped else background.submit(nu_checker.nu_errors, java, jar, out, [page.url for page in pages])
        findings = [Finding(address[url], rule, detail, source[url]) for url, rule, detail in _in_chromium(out, pages, chromium)]
    if nu_report is not None:
        for url, line, message in nu_report.result():
            findings.append(Finding(address.get(url, base + url), "Nu HTML Checker",
                                    (f"line {line}: " if line else "") + message, source.get(url)))
    for link in broken_links(out):
        findings.append(Finding(base + link.page, f"broken link to {link.target}",
                                link.written + (f": {link.why}" if link.why else ""), source.get(link.page)))
    return Audit(tuple(pages), tuple(findings), (skipped,) if skipped else ())


def _in_chromium(out: Path, pages: list[AuditPage], chromium: str | None) -> list[tuple[str, str, str]]:
    """(page URL, rule, detail) from axe-core at 1280 px and reflow at 320 px, page by page."""
    executable = browser.find_chromium(chromium)
    found = []
    with browser.sync_playwright() as playwright, browser.serve(out, sub_path(out)) as served:
        chromium_browser = browser.launch(playwright, executable)
        # service workers blocked: the offline worker would answer from its cache instead of the build
        context = chromium_browser.new_context(viewport=DESKTOP, service_workers="block")
        context.add_init_script(PAGE_LIBRARY)
        context.set_default_timeout(30000)
        tab = context.new_page()
        for page in pages:
            found += [(page.url, rule, detail) for rule, detail in _one_page(tab, served + page.url)]
        chromium_browser.close()
    return found


def _one_page(tab, url: str) -> list[tuple[str, str]]:
    tab.set_viewport_size(DESKTOP)
    response = tab.goto(url, wait_until="load")
    if response is None or not response.ok:
        return [("page did not load", f"HTTP {response.status if response else 'no response'}")]
    tab.evaluate("document.fonts.ready")
    found = [(f"axe {rule}", detail) for rule, detail in axe_findings(run_axe(tab))]
    tab.set_viewport_size(NARROW)
    tab.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    return found + [("reflow", problem) for problem in reflow_problems(tab)]
