"""Writing one file of the site into the staging folder, never outside it and never through a link."""

from __future__ import annotations

import os
from pathlib import Path

from builder.core.errors import SiteError


def write_text(staging: Path, relative: str, text: str) -> None:
    """Write a file inside the output folder; page paths come from slugs, but never trust them to stay inside."""
    if relative.startswith("/") or ".." in relative.split("/"):
        raise SiteError(f"refusing to write outside the output folder: {relative}")
    target = os.path.join(staging, relative)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    if os.path.lexists(target):  # never write through a file that may be a link to a published page: replace it
        temporary = f"{target}.{os.getpid()}.new"
        with open(temporary, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, target)
        return
    with open(target, "w", encoding="utf-8") as file:
        file.write(text)
