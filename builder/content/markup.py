"""Markdown from editors -> safe HTML.

Python-Markdown renders, then nh3 (a Rust HTML sanitiser) keeps only a small allowlist of
tags and attributes and only http, https, mailto and tel links. Raw HTML, scripts, event
handlers, iframes, forms, images and javascript: or data: links never reach a page.
Links to other content files (`../other/service.md`) become internal page links; the links
found are returned so validate.py can report ones that point nowhere.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from html import escape, unescape

import markdown
import nh3
from markdown.treeprocessors import InlineProcessor, Treeprocessor
from markdown.util import AtomicString

from builder.config import paths
from builder.content.files import PAGE, PAGE_EASY, SourceFile
from builder.core.errors import Problem

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "strong", "em", "b", "blockquote",
    "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}


@dataclass
class RenderedBody:
    path: str
    html: str
    links: list[tuple[int, str]] = field(default_factory=list)  # (line, content path) of links to content files
    problems: list[Problem] = field(default_factory=list)  # links to unpublished files, removed images and frames


class _ContentLinks(Treeprocessor):
    """Rewrites links to .md files, records them, and moves headings below the page's own."""

    def __init__(self, md, state: dict):
        super().__init__(md)
        self.state = state

    def run(self, root: etree.Element) -> None:
        source: SourceFile = self.state["source"]
        self._shift_headings(root, self.state["top"])
        for link in root.iter("a"):
            href = link.get("href", "")
            target, _, fragment = href.partition("#")
            if _is_local_file(target):
                self.state["problems"].append(_unpublished_link(source, target))
                continue
            if not target.endswith(".md") or re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("/"):
                continue
            content_path = paths.resolve_link(source.path, target)
            self.state["links"].append((_line_of(source, target), content_path))
            url = paths.url_for_source(content_path.removesuffix(".easy.md") + ".md" if content_path.endswith(".easy.md") else content_path)
            link.set("href", paths.INTERNAL + (url or "") + (f"#{fragment}" if fragment else ""))

    @staticmethod
    def _shift_headings(root: etree.Element, top: int) -> None:
        headings = [el for el in root.iter() if re.fullmatch(r"h[1-6]", el.tag)]
        if not headings:
            return
        shift = max(0, top - min(int(el.tag[1]) for el in headings))
        for el in headings:
            el.tag = f"h{min(6, int(el.tag[1]) + shift)}"


class _Extension(markdown.extensions.Extension):
    def __init__(self, state: dict):
        super().__init__()
        self.state = state

    def extendMarkdown(self, md):
        md.treeprocessors.register(_ContentLinks(md, self.state), "content_links", 5)


class _QuickInline(InlineProcessor):
    """Python-Markdown's inline stage, which tries each of its 14 patterns on every run of text:
    a run holding none of the characters any of them starts with is left as it is at once (half
    the time Markdown takes on real listings). The output is the same by construction, and
    tests/content/test_markdown_quick_path.py compares it with Python-Markdown's own."""

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802,N803 (Python-Markdown's names)
        if patternIndex == 0 and not isinstance(data, AtomicString) and not _MAY_BE_INLINE.search(data):
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)


# What Python-Markdown's inline patterns (named below) start with: ` \ [ < & and the emphasis marks
# * and _ (an image's ! comes before a [), or two spaces before a line break
_MAY_BE_INLINE = re.compile(r"[`\\\[<&*_]|  \n")
_INLINE_PATTERNS = ["backtick", "escape", "reference", "link", "image_link", "image_reference", "short_reference",
                    "short_image_ref", "autolink", "automail", "linebreak", "html", "entity", "em_strong"]

_STATE: dict = {}
_MD: markdown.Markdown | None = None


def _markdown() -> markdown.Markdown:
    global _MD
    if _MD is None:  # one per process: building the parser is the slow part
        _MD = markdown_parser()
    return _MD


def markdown_parser(quick: bool = True) -> markdown.Markdown:
    """`quick`: with the shortcut above, where this version of Python-Markdown has the patterns it knows."""
    md = markdown.Markdown(extensions=["tables", "sane_lists", _Extension(_STATE)], output_format="html")
    delimiters = getattr(md, "delimiters", None)  # Python-Markdown 3.11's emphasis
    known = [item.name for item in md.inlinePatterns._priority] == _INLINE_PATTERNS and set(getattr(delimiters, "tokens", "?")) <= {"*", "_"}
    if quick and known:
        md.treeprocessors.register(_QuickInline(md), "inline", 20)
    return md


def render_body(source: SourceFile) -> RenderedBody:
    """Markdown body of one file -> sanitised HTML. Headings start at h2 on pages, h3 in services."""
    _STATE.update(source=source, top=2 if source.kind in (PAGE, PAGE_EASY) else 3, links=[], problems=[])
    md = _markdown()
    md.reset()
    html = md.convert(source.body)
    problems = list(_STATE["problems"]) + _removed(source, html)
    return RenderedBody(source.path, scrollable_tables(drop_empty(sanitise(html))), list(_STATE["links"]), problems)


_REMOVED = re.compile(r"<(img|iframe|video|audio|object|embed|form|script|style)\b", re.I)
_REMOVED_NAMES = {"img": "an image", "iframe": "an embedded frame (iframe)", "video": "a video", "audio": "a sound player",
                  "object": "an embedded object", "embed": "an embedded object", "form": "a form", "script": "a script",
                  "style": "a style block"}


def _removed(source: SourceFile, html: str) -> list[Problem]:
    """What the sanitiser takes out, so the editor knows it will not appear (a warning per element)."""
    problems = []
    for match in _REMOVED.finditer(html):
        tag = match.group(1).lower()
        needle = "![" if tag == "img" and "![" in source.body else f"<{tag}"
        problems.append(Problem(source.path, _line_of(source, needle, ignore_case=True), "",
                                f"{_REMOVED_NAMES[tag]} was removed: pages show only text and links.",
                                "Delete it, or link to it instead: [what it shows](https://...).", "warning"))
    return problems


def drop_empty(html: str) -> str:
    """Paragraphs left empty by the sanitiser (an image alone on its line) would be read out as blank."""
    return re.sub(r"<p>\s*</p>\n?", "", html)


def _unpublished_link(source: SourceFile, target: str) -> Problem:
    line = _line_of(source, target)
    if target.startswith("www."):
        return Problem(source.path, line, "", f"a web address is missing https:// (found '{target}'), so it would lead nowhere.",
                       f"Write it in full: https://{target}")
    return Problem(source.path, line, "", f"a link points to '{target}', a file that is not published on the site.",
                   "Put the file on a website and link to its full address (https://...), or link to a listing's .md file.")


def _is_local_file(target: str) -> bool:
    """A relative link to a file that is not a content file (menu.pdf): the site does not publish it."""
    return re.fullmatch(r"[\w./-]*\w\.[A-Za-z0-9]{1,5}", target) is not None and not target.endswith(".md")


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


_TABLE = re.compile(r"<table>(.*?)</table>", re.S)


def scrollable_tables(body: str) -> str:
    """Each table an editor wrote goes in a labelled region that scrolls sideways on its own, by keyboard too:
    a wide table must not make a phone's page scroll sideways (WCAG 1.4.10). Runs after sanitising."""
    def wrap(match: re.Match) -> str:
        first_header = re.search(r"<th[^>]*>(.*?)</th>", match.group(1), re.S)
        name = unescape(re.sub(r"<[^>]+>", "", first_header.group(1))).strip() if first_header else ""
        label = escape(f"Table: {name}" if name else "Table", quote=True)
        return f'<div class="table-scroll" role="region" tabindex="0" aria-label="{label}">{match.group(0)}</div>'
    return _TABLE.sub(wrap, body)


def _line_of(source: SourceFile, target: str, ignore_case: bool = False) -> int:
    for offset, line in enumerate(source.body.split("\n")):
        if target in line or (ignore_case and target.lower() in line.lower()):
            return source.body_line + offset
    return source.body_line


_INTERNAL_LINK = re.compile(r'href="' + re.escape(paths.INTERNAL) + r'([^"#]*)')


def resolve_internal_links(html: str, prefix: str, files: bool = False) -> str:
    """Internal links become relative to the page showing them (`prefix` leads to the root).

    With `files`, folder links name their index.html, for a copy opened straight from disk.
    """
    def relative(match: re.Match) -> str:
        target = match.group(1)
        if files and (target == "" or target.endswith("/")):
            target += "index.html"
        return f'href="{prefix}{target}'
    return _INTERNAL_LINK.sub(relative, html)
