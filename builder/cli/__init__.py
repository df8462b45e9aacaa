"""The `catalogue` command: each subcommand parses its flags and calls one function.

May import: everything.
"""

import os
import sys

from builder.cli.commands import main


def run() -> None:
    """The console script and `python -m builder`: `main`, then leave at once.

    A build leaves millions of objects behind; Python's shutdown frees them one by one, which
    takes about a second at 10,000 services, for a process that is ending anyway. Nothing
    registered to run at exit needs it: workers, temporary folders and files are closed by then.
    Tests call `main` itself."""
    try:
        main()
        code = 0
    except SystemExit as finished:  # click ends every command this way
        code = _exit_code(finished.code)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _exit_code(code) -> int:
    if code is None or isinstance(code, int):
        return code or 0
    print(code, file=sys.stderr)  # what sys.exit("text") would print
    return 1


__all__ = ["main", "run"]
