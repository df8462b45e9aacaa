"""A service's Markdown as plain text, for the ORUK `description` (consumers show it as it is): headings,
emphasis, code marks and HTML go; a link keeps its words and its address in brackets; list items start with "•"."""

from __future__ import annotations

import re

_RULES = [
    (re.compile(r"<[^>\n]+>"), ""),                                          # HTML tags
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),                          # images: their alt text
    (re.compile(r"\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)"), r"\1 (\2)"),  # links
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M), r"\1"),           # headings
    (re.compile(r"^ {0,3}>\s?", re.M), ""),                                  # quotes
    (re.compile(r"^([ \t]*)[-*+][ \t]+", re.M), r"\1• "),                          # list items
    (re.compile(r"^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$", re.M), ""),               # rules
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),                   # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),       # emphasis
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"`+([^`]*)`+"), r"\1"),                                     # code
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])"), r"\1"),                     # escapes
    (re.compile(r"\n{3,}"), "\n\n"),
]


def plain_text(markdown: str) -> str:
    text = markdown.strip()
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text.strip()
