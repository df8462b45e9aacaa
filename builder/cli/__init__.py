"""The `catalogue` command: each subcommand parses its flags and calls one function.

May import: everything.
"""

from builder.cli.commands import main  # the console script: catalogue = "builder.cli.commands:main"

__all__ = ["main"]
