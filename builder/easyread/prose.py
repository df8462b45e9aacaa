"""Pictures for the Easy Read that editors write: information pages, `.easy.md` files and `easy_read` lines.

Every sentence gets a picture. An editor chooses one with a `{picture: money}` marker anywhere in the
sentence (a key from pictograms.yaml, or a symbol file name); otherwise the theme's word list picks
one. The sanitised HTML of a body becomes blocks: headings, rows of picture + sentence, and anything
else (a table, a quote) left as it is.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markupsafe import Markup

from builder.config.pictograms import Pictograms
from builder.content.easy_read_checks import MARKER
from builder.easyread.sentences import Row

_BLOCK = re.compile(r"<(h[1-6]|p|ul|ol)\b[^>]*>(.*?)</\1>|<div class=\"table-scroll\"[^>]*><table\b.*?</table></div>"
                    r"|<(table|blockquote|pre)\b.*?</\3>|<hr\s*/?>", re.DOTALL)  # a table keeps its scrolling region (markup.py)
_ITEM = re.compile(r"<li\b[^>]*>(.*?)</li>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z£0-9])")


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "rows" or "html"
    html: Markup = Markup("")  # heading or other HTML, as it was
    rows: tuple[Row, ...] = ()
    level: int = 2


def plain(text: str) -> str:
    return html.unescape(_TAG.sub("", text)).strip()


def picture_for(text: str, pictures: Pictograms) -> tuple[str, str]:
    """(symbol, text without its marker): the editor's choice, else the word list's, else ""."""
    match = MARKER.search(text)
    if match:
        return pictures.named(match.group(1)), MARKER.sub("", text).strip()
    return pictures.for_words(plain(text)), text


def sentence_rows(sentences, pictures: Pictograms) -> tuple[Row, ...]:
    """`easy_read` lines (plain text, escaped when shown) -> rows."""
    rows = []
    for sentence in sentences:
        symbol, text = picture_for(sentence, pictures)
        rows.append(Row(symbol or pictures.fact("information"), text))
    return tuple(rows)


def body_blocks(body_html: str, pictures: Pictograms) -> tuple[Block, ...]:
    """Sanitised Easy Read HTML -> headings and picture rows; a paragraph of plain sentences becomes a row each."""
    blocks: list[Block] = []
    for match in _BLOCK.finditer(body_html):
        tag, inner = match.group(1), match.group(2)
        if tag and tag.startswith("h"):
            blocks.append(Block("heading", Markup(inner), level=int(tag[1])))
        elif tag == "p":
            _add_rows(blocks, _html_rows(_split(inner), pictures))
        elif tag in ("ul", "ol"):
            _add_rows(blocks, _html_rows([item for item in _ITEM.findall(inner)], pictures))
        else:
            blocks.append(Block("html", Markup(match.group(0))))
    return tuple(blocks)


def _split(inner: str) -> list[str]:
    """Sentences of a paragraph; one piece when markup (a link, bold words) could straddle a sentence end."""
    return _SENTENCE_END.split(inner.strip()) if "<" not in inner else [inner.strip()]


def _html_rows(pieces: list[str], pictures: Pictograms) -> list[Row]:
    rows = []
    for piece in pieces:
        symbol, text = picture_for(piece, pictures)
        if plain(text):
            rows.append(Row(symbol or pictures.fact("information"), Markup(text)))
    return rows


def _add_rows(blocks: list[Block], rows: list[Row]) -> None:
    if not rows:
        return
    if blocks and blocks[-1].kind == "rows":
        blocks[-1] = Block("rows", rows=blocks[-1].rows + tuple(rows))
    else:
        blocks.append(Block("rows", rows=tuple(rows)))
