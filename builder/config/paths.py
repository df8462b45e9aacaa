"""Where each content file is published, and relative links between published pages.

Every page is a folder with an index.html ("services/riverside/day-centre/"); links between
pages are relative so the same output works at a domain root, under a sub-path and from disk.
"""

from __future__ import annotations

import posixpath

CACHE_FOLDER = ".catalogue-cache"  # the build cache, beside site.yaml (builder/incremental/cache.py)
EASY = "easy-read/"  # the Easy Read twin of a page lives at the same path below this
INTERNAL = "/@/"  # marks a link between content files in rendered Markdown, resolved per page

# Top-level folders the site uses for its own pages: information pages cannot take them.
RESERVED = frozenset({
    "services", "providers", "areas", "who-for", "types", "activities", "a-to-z", "easy-read",
    "search", "assets", "pagefind", "pagefind-easy", "credits", "offline", "my-list", "404", "index",
    "sitemap", "robots", "accessibility-statement", "open-data", "openreferral",
})

BROWSE_FOLDERS = {"areas": "areas", "who_for": "who-for", "types": "types", "activities": "activities"}


def stem(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return name.removesuffix(".easy.md").removesuffix(".md").removesuffix(".yaml")


def service_id(path: str) -> str:
    """content/providers/riverside/day-centre.md -> riverside/day-centre"""
    parts = path.split("/")
    return f"{parts[-2]}/{stem(path)}"


def url_for_source(path: str) -> str | None:
    """The page a content file becomes, or None when it is not a page of its own."""
    parts = path.split("/")
    if path.startswith("content/providers/") and len(parts) == 4:
        if parts[3] == "provider.yaml":
            return f"providers/{parts[2]}/"
        if parts[3].endswith(".md"):
            return f"services/{parts[2]}/{stem(path)}/"
    if path.startswith("content/pages/") and len(parts) == 3 and parts[2].endswith(".md"):
        return f"{stem(path)}/"
    return None


def service_url(service_id_: str) -> str:
    return f"services/{service_id_}/"


def browse_url(taxonomy: str, key: str = "") -> str:
    return f"{BROWSE_FOLDERS[taxonomy]}/{key + '/' if key else ''}"


def resolve_link(source_path: str, target: str) -> str:
    """A link written in source_path (relative to that file) -> the content path it names."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_path), target))


def relative(from_url: str, to_url: str) -> str:
    """Relative link from the page at from_url to to_url (both folder paths from the root)."""
    depth = from_url.count("/")
    prefix = "../" * depth
    return (prefix + to_url) or "./"
