#!/usr/bin/env python3
"""The release workflow's two questions about CHANGELOG.md (standard library only):

    python3 .ci/changelog.py check vX.Y.Z   the tag is pyproject.toml's version, and CHANGELOG.md has its entry
    python3 .ci/changelog.py notes X.Y.Z    prints that entry, for the GitHub release

Each exits 1 with one line saying what to fix.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def entry(changelog: str, version: str) -> str:
    """The text under '## [version] - date', up to the next release heading (links at the end left out)."""
    found = re.search(rf"^## \[{re.escape(version)}\] - \d{{4}}-\d{{2}}-\d{{2}}\n(.*?)(?=^## \[|^\[[^\]]+\]: |\Z)",
                      changelog, flags=re.M | re.S)
    if not found or not found.group(1).strip():
        raise ValueError(f"CHANGELOG.md has no entry for {version}: add '## [{version}] - YYYY-MM-DD' with what changed.")
    return found.group(1).strip() + "\n"


def check(tag: str, pyproject: str, changelog: str) -> str:
    version = tomllib.loads(pyproject)["project"]["version"]
    if tag != f"v{version}":
        raise ValueError(f"the tag {tag} is not pyproject.toml's version {version}: tag the commit v{version}, "
                         "or change the version in pyproject.toml first.")
    entry(changelog, version)
    return version


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("check", "notes"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    command, value = argv
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    try:
        if command == "check":
            print(check(value, (ROOT / "pyproject.toml").read_text(encoding="utf-8"), changelog))
        else:
            sys.stdout.write(entry(changelog, value))
    except ValueError as err:
        print(f"changelog: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
