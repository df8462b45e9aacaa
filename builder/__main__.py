"""`python -m builder` runs the `catalogue` command."""

from builder.cli import run

run()
