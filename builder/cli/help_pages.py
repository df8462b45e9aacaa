"""Every `catalogue` command's --help as Markdown: the documentation's Commands page.

docs/hooks/commands.py puts this into docs/commands.md when MkDocs builds the site, so the page
is always the help the installed tool prints, word for word.
"""

from __future__ import annotations

import click


def commands_markdown(group: click.Group, name: str = "catalogue") -> str:
    """One section per command, in the order `--help` lists them, subcommands under their group."""
    return "\n".join(_sections(group, _context(group, name, None), level=2))


def _context(command: click.Command, name: str, parent: click.Context | None) -> click.Context:
    # make_context applies the group's context_settings (-h, the width) as the real command does;
    # a fixed terminal width keeps the page the same whatever terminal MkDocs ran in
    return command.make_context(name, [], parent=parent, resilient_parsing=True, terminal_width=100)


def _sections(command: click.Command, context: click.Context, level: int) -> list[str]:
    out = [f"{'#' * level} `{context.command_path}`", "", "```text", command.get_help(context).rstrip(), "```", ""]
    if isinstance(command, click.Group):
        for name in command.list_commands(context):
            sub = command.get_command(context, name)
            if sub is not None and not sub.hidden:
                out += _sections(sub, _context(sub, name, context), level + 1)
    return out
