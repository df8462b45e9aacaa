"""Slugs: the lower-case ASCII words a file, folder or key is named with ("Tŷ Croeso" -> "ty-croeso").

Every slug the tool makes (an import's file names, `catalogue new`'s suggestion, init's area keys,
the names `check` suggests) comes from `slugify`, so a Welsh or accented letter becomes its plain
letter (ŷ -> y, ô -> o, é -> e) and is never dropped.
"""

from __future__ import annotations

import re
import unicodedata

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# Letters Unicode does not split into a plain letter and an accent
LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})


def slugify(text: str, limit: int = 0, empty: str = "name") -> str:
    """'Côr Llan-non' -> 'cor-llan-non'; at most `limit` characters (cut between words), `empty` when
    nothing is left (a name of punctuation only)."""
    plain = unicodedata.normalize("NFKD", text.casefold().translate(LETTERS)).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain)
    slug = "-".join(words)
    if limit and len(slug) > limit:
        slug = slug[:limit + 1].rsplit("-", 1)[0] if "-" in slug[:limit + 1] else slug[:limit]
    return slug or empty


def ascii_only_slug(text: str) -> str:
    """The slug an import made before accented letters were kept ('Memory Café' -> 'memory-caf'):
    a listing imported then is still found by its name."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:60].strip("-")
