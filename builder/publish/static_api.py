"""The open data as a static host serves it: every ORUK API endpoint is also a folder whose index.html
is the JSON document, so a harvester given `<base_url>openreferral/` can call it as it calls an API.

A static host (GitHub Pages, python -m http.server, nginx) answers `openreferral/services` with a
redirect to `openreferral/services/`, serves that folder's index.html and ignores `?page=1`: one page
holding every item (total_pages 1) answers every page request. The `.json` files stay beside the
folders for people and tools that use them. Browsers given index.html read it as HTML, so the text
never holds a raw `<`, `>` or `&` (JSON escapes them; the data is the same).
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import resources
from pathlib import Path

from builder.publish.records import page

INDEX = "index.html"
OPENAPI_FILE = "openapi.json"  # the ORUK 3.0 OpenAPI document, shipped with the builder (CC BY 4.0)
ENDPOINTS = ("services", "taxonomies", "taxonomy_terms", "organizations", "service_at_locations")


def json_text(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def write_document(folder: Path, name: str, data: dict) -> None:
    """`name`.json and `name`/index.html (the root, `name` "", is index.json and index.html)."""
    _write_document_text(folder, name, json_text(data))


def _write_document_text(folder: Path, name: str, text: str) -> None:
    (folder / name).mkdir(parents=True, exist_ok=True)
    write_twins(folder / name / INDEX, folder / f"{name or 'index'}.json", text)


def write_page(folder: Path, name: str, texts: list[str]) -> None:
    """write_document(folder, name, records.page(items)), given each item's json_text: the list of
    every service is joined from the texts the build keeps, not encoded again."""
    head = json_text({**page(texts), "contents": []})  # ends with "contents":[]}
    _write_document_text(folder, name, head.removesuffix("[]}") + "[" + ",".join(texts) + "]}")


def record_files(endpoint: str, record_id: str) -> tuple[str, str]:
    """The two files of one record, relative to openreferral/."""
    return f"{endpoint}/{record_id}.json", f"{endpoint}/{record_id}/{INDEX}"


def write_record(folder: Path, endpoint: str, record_id: str, text: str) -> None:
    as_json, as_index = record_files(endpoint, record_id)
    (folder / as_index).parent.mkdir(parents=True, exist_ok=True)
    write_twins(folder / as_index, folder / as_json, text)


def write_items(folder: Path, endpoint: str, items: list[dict], keep=None) -> None:
    """Each item's record files; with `keep(file, inputs)` (incremental builds), a file whose text is
    that of the published one is kept (and every file is recorded, so a gone one is removed)."""
    for item in items:
        text = json_text(item)
        inputs = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        kept = [keep(file, inputs) for file in record_files(endpoint, item["id"])] if keep else [False]
        if not all(kept):
            write_record(folder, endpoint, item["id"], text)


def write_openapi(folder: Path) -> None:
    """The OpenAPI document the root's openapi_url names, and its licence beside it."""
    text = resources.files("builder.publish").joinpath("standards/oruk-3.0-openapi.json").read_text(encoding="utf-8")
    licence = json.loads(text)["info"]["license"]
    write_file(folder / OPENAPI_FILE, text)
    write_file(folder / "openapi.LICENCE.txt", f"openapi.json is the Open Referral UK 3.0 OpenAPI document (openreferraluk.org, "
                                               f"MHCLG), copied unchanged. Licence: {licence['name']}, {licence['url']}\n")


def write_twins(path: Path, twin: Path, text: str) -> None:
    """The same text at two paths: one file with two names (a hard link), where the disk allows.
    Thousands of records would otherwise be thousands more files to create, and to upload."""
    write_file(path, text)
    try:
        os.unlink(twin)
    except FileNotFoundError:
        pass
    try:
        os.link(path, twin)
    except OSError:
        twin.write_text(text, encoding="utf-8")


def write_file(path: Path, text: str) -> None:
    """Never through a hard link kept from the last build: that file is the published one."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    path.write_text(text, encoding="utf-8")
