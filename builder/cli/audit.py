"""`catalogue audit`: axe-core, reflow, the Nu HTML Checker and broken links on the built site's own pages.

Registered by commands.py at its end, so this module must not import commands.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from builder.audit.inspection import audit_site
from builder.cli.options import root_option
from builder.editors.changes import compare_trees


@click.command(short_help="Test the built site in Chromium: axe-core, reflow, the Nu HTML Checker, broken links.")
@root_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="The built site to test. Default: _site inside the site folder.")
@click.option("--changed", multiple=True, metavar="FILE",
              help="A content file a pull request changes (from the site folder): its pages are tested too. Repeat it.")
@click.option("--base", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="The site folder before the change (in a pull request, the base branch checked out separately): "
                   "every listing and page added or changed since is tested too.")
@click.option("--chromium", envvar="CHROMIUM", metavar="PATH",
              help="The Chromium or Google Chrome to run. Also read from CHROMIUM. Default: the first of "
                   "/usr/bin/chromium and /usr/bin/google-chrome, else Playwright's own.")
@click.option("--vnu", envvar="VNU_JAR", type=click.Path(dir_okay=False, path_type=Path),
              help="The Nu HTML Checker's vnu.jar. Also read from VNU_JAR. Default: node_modules/vnu-jar/build/dist/vnu.jar "
                   "in the site folder or the current one.")
def audit(root: Path, out: Path | None, changed: tuple[str, ...], base: Path | None, chromium: str | None, vnu: Path | None):
    """Test the built site's own pages as the accessibility statement says.

    \b
    Opens one page of every kind, in each version (standard and Easy Read)
    and language, and the pages of every changed listing, in headless Chromium:
      - axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules (axe-core ships with the tool)
      - reflow: nothing scrolls sideways at 320 CSS pixels
      - the Nu HTML Checker, when Java and vnu.jar are installed (it says when it is skipped)
      - every internal link of the whole build, and the #ids they point at
    Prints one line per problem with the page's address and the rule, and exits 1
    if there is any. In GitHub Actions each problem is also an annotation on the
    content file behind the page. Needs Playwright: pip install "day-opportunities-catalogue[audit]".
    """
    out = out or root / "_site"
    files = list(changed) + (_changed_since(base, root) if base else [])
    found = audit_site(out, root, files, chromium, vnu)
    for note in found.skipped:
        click.echo(f"Note: {note}", err=True)
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for finding in found.findings:
        click.echo(str(finding))
        if github:
            click.echo(finding.github())
    count = len(found.findings)
    summary = (f"Audited {len(found.pages)} pages and every internal link: "
               + (f"{count} problem{'s' if count != 1 else ''}." if count else "no problems found."))
    click.echo(summary)
    sys.exit(1 if count else 0)


def _changed_since(base: Path, root: Path) -> list[str]:
    """The content files of the listings and pages added or changed since `base`."""
    changes = compare_trees(base, root)
    return ([f"content/providers/{c.id}.md" for c in changes.added + changes.changed]
            + [path for path, how in changes.other_files if how != "removed"])
