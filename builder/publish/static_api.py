"""The open data as a static host serves it: every ORUK API endpoint is also a folder whose index.html
is the JSON document, so a harvester given `<base_url>openreferral/` can call it as it calls an API.

A static host (GitHub Pages, python -m http.server, nginx) answers `openreferral/services` with a
redirect to `openreferral/services/`, serves that folder's index.html and ignores `?page=1`: one page
holding every item (total_pages 1) answers every page request. The `.json` files stay beside the
folders for people and tools that use them. Browsers given index.html read it as HTML, so the text
never holds a raw `<`, `>` or `&` (JSON escapes them; the data is the same).
"""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

INDEX = "index.html"
OPENAPI_FILE = "openapi.json"  # the ORUK 3.0 OpenAPI document, shipped with the builder (CC BY 4.0)
ENDPOINTS = ("services", "taxonomies", "taxonomy_terms", "organizations", "service_at_locations")


def json_text(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def write_document(folder: Path, name: str, data: dict) -> None:
    """`name`.json and `name`/index.html (the root, `name` "", is index.json and index.html)."""
    text = json_text(data)
    _write(folder / f"{name or 'index'}.json", text)
    (folder / name).mkdir(parents=True, exist_ok=True)
    _write(folder / name / INDEX, text)


def record_files(endpoint: str, record_id: str) -> tuple[str, str]:
    """The two files of one record, relative to openreferral/."""
    return f"{endpoint}/{record_id}.json", f"{endpoint}/{record_id}/{INDEX}"


def write_openapi(folder: Path) -> None:
    _write(folder / OPENAPI_FILE, resources.files("builder.publish").joinpath("standards/oruk-3.0-openapi.json").read_text(encoding="utf-8"))


def _write(path: Path, text: str) -> None:
    """Never through a hard link kept from the last build: that file is the published one."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    path.write_text(text, encoding="utf-8")
