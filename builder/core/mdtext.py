"""Editor text written into Markdown (reports, job summaries, issues) as literal text.

Names and summaries are plain text (docs/content-model.md): in Markdown they must not turn
into emphasis, links, raw HTML or extra table cells.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def literal(text: str) -> str:
    """'Tea & *cake* | lunch' -> 'Tea &amp; \\*cake\\* \\| lunch': shown exactly as written."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def href(url: str) -> str:
    """A URL safe inside a Markdown link's brackets."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
