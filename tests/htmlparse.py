"""A small, tolerant HTML tree for tests, built on the standard library's html.parser.

The venv has neither lxml nor BeautifulSoup, and the builder's output is regular enough
that a stack-based tree builder with HTML's void elements and a few implied end tags
reads it faithfully. Attribute values and text are unescaped, as a browser sees them.

    doc = parse_file(path)
    doc.find("h1").text
    [a.get("href") for a in doc.find_all("a")]
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr"})
_BLOCKS = ("address", "article", "aside", "blockquote", "div", "dl", "fieldset", "footer", "form", "h1", "h2", "h3",
           "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul")
# HTML's implied end tags: a start tag (key) closes the open elements it names, up to a boundary.
IMPLIED_END: dict[str, tuple[frozenset, frozenset]] = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "tr": (frozenset({"tr", "td", "th"}), frozenset({"table", "thead", "tbody", "tfoot"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "thead": (frozenset({"thead", "tbody", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "tbody": (frozenset({"thead", "tbody", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "tfoot": (frozenset({"thead", "tbody", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "option": (frozenset({"option"}), frozenset({"select", "optgroup"})),
    **{block: (frozenset({"p"}), frozenset({"button", "table", "td", "th", "caption", "object", "template"}))
       for block in _BLOCKS},
}


class Element:
    def __init__(self, tag: str, attrs: dict[str, str | None], line: int = 0, parent: "Element | None" = None):
        self.tag = tag
        self.attrs = attrs
        self.line = line
        self.parent = parent
        self.children: list[Element | str] = []

    def __repr__(self) -> str:
        shown = " ".join(f'{k}="{v}"' for k, v in self.attrs.items())
        return f"<{self.tag}{' ' + shown if shown else ''}> (line {self.line})"

    def get(self, name: str, default: str | None = None) -> str | None:
        value = self.attrs.get(name, default)
        return "" if value is None and name in self.attrs else value

    @property
    def classes(self) -> list[str]:
        return (self.get("class") or "").split()

    @property
    def text(self) -> str:
        """All text inside, whitespace collapsed (what a reader hears, roughly)."""
        return re.sub(r"\s+", " ", "".join(self._texts())).strip()

    @property
    def own_text(self) -> str:
        """Only the text directly inside this element, not inside its children."""
        return re.sub(r"\s+", " ", "".join(c for c in self.children if isinstance(c, str))).strip()

    def _texts(self) -> Iterator[str]:
        for child in self.children:
            if isinstance(child, str):
                yield child
            else:
                if child.tag == "br":
                    yield " "
                yield from child._texts()

    def iter(self, tag: str | None = None) -> Iterator["Element"]:
        """This element and every element below it, in document order."""
        if tag is None or self.tag == tag:
            yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter(tag)

    def find_all(self, tag: str | None = None, *, class_: str | None = None, **attrs: str) -> list["Element"]:
        found = []
        for el in self.iter(tag):
            if el is self:
                continue
            if class_ is not None and class_ not in el.classes:
                continue
            if any(el.get(name.rstrip("_").replace("_", "-")) != value for name, value in attrs.items()):
                continue
            found.append(el)
        return found

    def find(self, tag: str | None = None, *, class_: str | None = None, **attrs: str) -> "Element | None":
        found = self.find_all(tag, class_=class_, **attrs)
        return found[0] if found else None

    def by_id(self, ident: str) -> "Element | None":
        return next((el for el in self.iter() if el.get("id") == ident), None)

    def ancestors(self) -> Iterator["Element"]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def inside(self, tag: str) -> bool:
        return any(a.tag == tag for a in self.ancestors())


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs) -> None:
        self._close_implied(tag)
        parent = self.stack[-1]
        values: dict[str, str | None] = {}
        for name, value in attrs:
            values.setdefault(name, value)  # a repeated attribute: browsers keep the first
        element = Element(tag, values, self.getpos()[0], parent)
        parent.children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return
        # a stray end tag: ignored, as browsers do

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def _close_implied(self, tag: str) -> None:
        rule = IMPLIED_END.get(tag)
        if not rule:
            return
        closes, boundaries = rule
        outermost = None
        for index in range(len(self.stack) - 1, 0, -1):
            open_tag = self.stack[index].tag
            if open_tag in boundaries:
                break
            if open_tag in closes:
                outermost = index
        if outermost is not None:
            del self.stack[outermost:]


class Document(Element):
    def __init__(self, root: Element, doctype: str, path: Path | None = None):
        super().__init__("#document", {})
        self.children = root.children
        for child in self.children:
            if isinstance(child, Element):
                child.parent = self
        self.doctype = doctype
        self.path = path
        self.url = ""  # where the page is published, from the site root, when the caller knows it

    @property
    def html(self) -> Element | None:
        return self.find("html")

    @property
    def title(self) -> str:
        el = self.find("title")
        return el.text if el else ""

    def h1s(self) -> list[Element]:
        return self.find_all("h1")


def parse(text: str, path: Path | None = None) -> Document:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return Document(builder.root, builder.doctype, path)


def parse_file(path: Path) -> Document:
    return parse(path.read_text(encoding="utf-8"), path)


URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "cite", "background", "data", "ping",
                  "manifest", "xlink:href", "codebase", "longdesc", "usemap", "icon")


def urls_of(element: Element) -> list[tuple[str, str]]:
    """(attribute, URL) for every attribute of the element a browser would load or follow."""
    found = [(name, value) for name, value in element.attrs.items() if name in URL_ATTRIBUTES and value is not None]
    for name in ("srcset", "imagesrcset"):
        if element.get(name):
            found += [(name, part.strip().split()[0]) for part in element.get(name).split(",") if part.strip()]
    return found


_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def url_scheme(url: str) -> str:
    """The scheme a browser would see: after trimming spaces and controls and dropping tabs and newlines."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                   "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else ""


def html_files(out: Path) -> list[Path]:
    """The pages: not openreferral/'s folder indexes (JSON documents, for harvesters)."""
    return sorted(p for p in out.rglob("*.html") if p.relative_to(out).parts[0] != "openreferral")


def page_url(out: Path, file: Path) -> str:
    """The site-relative URL a written file is served at: 'services/a/b/' for services/a/b/index.html."""
    relative = file.relative_to(out).as_posix()
    return relative.removesuffix("index.html") if relative.endswith("index.html") else relative


def visible_text(element: Element) -> str:
    """Text a reader can see or hear: skips `hidden` elements, scripts, styles and templates."""
    def walk(el: Element):
        for child in el.children:
            if isinstance(child, str):
                yield child
            elif child.tag in ("script", "style", "template") or "hidden" in child.attrs:
                continue
            else:
                if child.tag == "br":
                    yield " "
                yield from walk(child)
    return re.sub(r"\s+", " ", "".join(walk(element))).strip()


def resolve(base_url: str, page: str, href: str) -> tuple[str, str] | None:
    """Where an href on the page at `page` (site-relative URL) leads inside the site published
    at base_url: (site-relative path, fragment), or None when it leaves the site."""
    from urllib.parse import urldefrag, urljoin, urlsplit
    target, fragment = urldefrag(urljoin(base_url + page, href))
    if not target.startswith(base_url):
        return None
    path = urlsplit(target).path.removeprefix(urlsplit(base_url).path)
    return path, fragment


def unresolved_links(out: Path, not_linked: set[str]) -> list[tuple]:
    """Relative links and assets of a built site that name no file (nor a folder with index.html)."""
    from urllib.parse import unquote
    missing = []
    for file in html_files(out):
        if "pagefind" in file.parts or page_url(out, file) in not_linked:
            continue
        for el in parse_file(file).iter():
            for attr, value in urls_of(el):
                if url_scheme(value) or value.startswith(("/", "#")):
                    continue
                path = unquote(value.split("#")[0].split("?")[0])
                target = (file.parent / path) if path else file
                if not (target.is_file() or (target / "index.html").is_file()):
                    missing.append((page_url(out, file), el.line, el.tag, attr, value))
    return missing
