"""`python -m builder` runs the `catalogue` command."""

from builder.cli.commands import main

main()
