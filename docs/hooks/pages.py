"""MkDocs hooks (mkdocs.yml `hooks:`): pages made when the documentation is built, never by hand.

- commands.md gets every command's --help where it says COMMANDS_MARKER, from the Click commands
  themselves (builder/cli/help_pages.py), so the reference cannot drift from the tool.
- The project's root files a council reads on GitHub (CONTRIBUTING.md, SECURITY.md, CHANGELOG.md)
  are pages of the site too, with their links to docs/ and the README pointed at the site's pages.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.structure.files import File

COMMANDS_MARKER = "<!-- every command's help, put here by docs/hooks/pages.py -->"
ROOT_PAGES = {"CONTRIBUTING.md": "contributing.md", "SECURITY.md": "security-policy.md", "CHANGELOG.md": "changelog.md"}
PROJECT = Path(__file__).resolve().parents[2]


def on_files(files, config):
    for source, page in ROOT_PAGES.items():
        if (PROJECT / source).is_file():
            text = (PROJECT / source).read_text(encoding="utf-8")
            files.append(File.generated(config, page, content=_site_links(text)))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    if page.file.src_uri != "commands.md":
        return markdown
    if COMMANDS_MARKER not in markdown:
        raise ValueError(f"docs/commands.md has lost the line {COMMANDS_MARKER!r}")
    from builder.cli.commands import main  # the installed tool's own commands
    from builder.cli.help_pages import commands_markdown
    return markdown.replace(COMMANDS_MARKER, commands_markdown(main))


def _site_links(text: str) -> str:
    """A root file's links as the site has them: docs/x.md is x.md, README.md is the home page."""
    text = re.sub(r"\]\(docs/", "](", text)
    text = re.sub(r"\]\(README\.md", "](index.md", text)
    return re.sub(r"\]\((CONTRIBUTING|SECURITY|CHANGELOG)\.md", lambda m: f"]({ROOT_PAGES[m[1] + '.md']}", text)
