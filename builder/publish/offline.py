"""Stage 6: make the written site work offline and installable.

Input: the staging folder after rendering and indexing. Output: sw.js (a service worker
whose caches are versioned by a hash of the shell, so a new release replaces the old one
on the next visit), search-files.json and search-size.json (what saving search on a device downloads),
manifest.webmanifest and its icons in the council's colour.
The downloadable offline copy is made by `write_offline_copy`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import tempfile
import zlib
from pathlib import Path

from builder.config import paths
from builder.config.site import SiteConfig
from builder.core.slugs import slugify
from builder.core.writing import write_text
from builder.language.interface import _

SHELL_PAGES = ("", "search/", "offline/", "my-list/")
PAGEFIND_RUNTIME = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.en.pagefind", "wasm.unknown.pagefind")
ICON_SIZES = (192, 512)
SEARCH_LIST = "search-files.json"  # every search file, for the service worker (large on a big site)
SEARCH_SIZE = "search-size.json"  # what the search page needs to know (small, in the shell)


def version_folders(site: SiteConfig | None) -> list[str]:
    """Where each language and version's pages are: "", "easy-read/" and, on a bilingual site, "cy/", "cy/easy-read/"."""
    languages = [f"{language.split('-')[0].lower()}/" for language in site.page_languages[1:]] if site else []
    return [language + version for language in [""] + languages for version in ("", paths.EASY)]


def shell_files(staging: Path, site: SiteConfig | None = None) -> list[str]:
    """What the service worker stores on install, relative to the site root."""
    files = [p.relative_to(staging).as_posix() for p in sorted((staging / "assets").rglob("*")) if p.is_file()]
    for prefix in version_folders(site):
        files += [f"{prefix}{page}index.html" for page in SHELL_PAGES if (staging / prefix / page / "index.html").is_file()]
        runtime = staging / prefix / "pagefind"
        if runtime.is_dir():
            files += [f"{prefix}pagefind/{name}" for name in PAGEFIND_RUNTIME if (runtime / name).is_file()]
            files += [f"{prefix}pagefind/{p.name}" for p in sorted(runtime.glob("*.pf_meta"))]
    return files + [f"icons/icon-{size}.png" for size in ICON_SIZES] + ["manifest.webmanifest"]


def release_hash(staging: Path, shell: list[str]) -> str:
    """Changes whenever the shell, the list of pages or the search index changes: the caches' version.

    Pages themselves are fetched network-first, so a changed page needs no new version.
    """
    digest = hashlib.blake2b(digest_size=8)
    for name in shell + ["sitemap.xml"]:
        path = staging / name
        if path.is_file():
            digest.update(name.encode() + path.read_bytes())
    return digest.hexdigest()


def write_offline_support(staging: Path, site: SiteConfig, worker_template: str) -> None:
    write_icons(staging, site.brand_colour)
    write_text(staging, "manifest.webmanifest", manifest(site))
    shell = shell_files(staging, site)
    version = release_hash(staging, shell)
    urls = ["./" + name.removesuffix("index.html") for name in shell] + ["./" + SEARCH_SIZE]
    saved_at_once = write_search_list(staging, site, version)
    worker = worker_template.replace("__VERSION__", version).replace("__SHELL__", json.dumps(urls))
    worker = worker.replace("__LANGUAGE_FOLDERS__", json.dumps([f for f in version_folders(site)[2:] if not f.endswith(paths.EASY)]))
    write_text(staging, "sw.js", worker.replace("__SEARCH_AUTO__", json.dumps(saved_at_once)))


def write_search_list(staging: Path, site: SiteConfig, version: str) -> bool:
    """Every file of both search indexes with its size, for saving search on a device, and their total.

    Returns whether it is within the site's budget, so the service worker saves it without asking."""
    sizes = [("./" + name, size) for prefix in version_folders(site) for name, size in _files_under(staging, prefix + "pagefind")]
    total = sum(size for _, size in sizes)
    within = total <= site.offline_search_mb * 1_000_000
    summary = {"version": version, "bytes": total, "size": size_text(total), "auto": within, "files": len(sizes)}
    write_text(staging, SEARCH_SIZE, json.dumps(summary))
    write_text(staging, SEARCH_LIST, json.dumps({**summary, "files": sizes}, separators=(",", ":")))
    return within


def _files_under(root: Path, folder: str) -> list[tuple[str, int]]:
    """(path from `root`, size) of each file in `folder` and below, in the order of sorted(Path.rglob):
    from the folder listings (tens of thousands of index files at 10,000 services, listed again after
    each of `serve`'s rebuilds)."""
    found, queue = [], [folder]
    while queue:
        relative = queue.pop()
        try:
            entries = list(os.scandir(os.path.join(root, relative)))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if entry.is_dir():
                queue.append(f"{relative}/{entry.name}")
            elif entry.is_file():
                found.append((f"{relative}/{entry.name}", entry.stat().st_size))
    return sorted(found, key=lambda item: item[0].split("/"))


def manifest(site: SiteConfig) -> str:
    return json.dumps({
        "name": site.title,
        "short_name": site.title if len(site.title) <= 24 else site.organisation[:24],
        "description": _("Day opportunities listed by {organisation}.").format(organisation=site.organisation),
        "lang": site.language,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": site.brand_colour,
        "icons": [{"src": f"icons/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any maskable"}
                  for size in ICON_SIZES],
    }, indent=2, ensure_ascii=False)


def write_icons(staging: Path, colour: str) -> None:
    (staging / "icons").mkdir(exist_ok=True)
    for size in ICON_SIZES:
        (staging / "icons" / f"icon-{size}.png").write_bytes(icon_png(size, colour))


def icon_png(size: int, colour: str) -> bytes:
    """A square in the brand colour with a white plus: the app icon, drawn without any library."""
    brand = bytes(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    white = b"\xff\xff\xff"
    bar, half = size // 8, size // 2
    arm = size * 3 // 10
    rows = []
    for y in range(size):  # each row: brand colour, then the plus's white run (if any), then brand colour
        reach = max(bar // 2 + 1 if abs(y - half) < arm else 0, arm if abs(y - half) < bar // 2 + 1 else 0)
        start, end = max(0, half - reach + 1), min(size, half + reach)
        rows.append(b"\x00" + brand * start + white * max(0, end - start) + brand * (size - max(start, end)))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


def copy_name(site: SiteConfig) -> str:
    """The offline copy's folder and file name, from the site's title: 'find-day-opportunities-in-testshire'."""
    return slugify(site.title, 60, empty="directory")  # "... yn Ynys Môn" -> "...-yn-ynys-mon"


def size_text(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{max(1, round(size / 1000))} KB"


def write_offline_copy(copy: Path, zip_path: Path) -> int:
    """Zip a rendered copy of the site (made with explicit index.html links); returns its size in bytes."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        archive = shutil.make_archive(str(Path(scratch) / "copy"), "zip", root_dir=copy.parent, base_dir=copy.name)
        shutil.move(archive, zip_path)
    return zip_path.stat().st_size
