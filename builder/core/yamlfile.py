"""YAML that remembers where each value came from.

Uses libyaml's C parser. Mappings load as `Located` dicts and sequences as `LocatedList`s
that know the line of every key and item, so any problem can name its line. Dates stay
text (the schemas check their shape) and duplicate keys are reported, not silently merged.
"""

from __future__ import annotations

import re

import yaml

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader


class Located(dict):
    """A mapping with the 1-based line of itself (`line`) and of each key (`lines`)."""

    line: int = 1
    lines: dict


class LocatedList(list):
    """A sequence with the 1-based line of itself and of each item."""

    line: int = 1
    lines: list


class YamlProblem(Exception):
    def __init__(self, line: int, message: str, hint: str = ""):
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


class _LineLoader(_BaseLoader):
    line_offset = 0

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates: list[tuple[int, str, int]] = []  # (line, dotted field name, line of its first use)
        self.keys: list[str] = []  # the keys leading to the mapping being built, for those names


# Dates are validated as text so an editor's "2026-02-30" gets a message, not a crash.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    mapping = Located()
    mapping.line = node.start_mark.line + 1 + loader.line_offset
    mapping.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) or key is None:
            key = str(key)
        line = key_node.start_mark.line + 1 + loader.line_offset
        if key in mapping:
            loader.duplicates.append((line, ".".join([*loader.keys, str(key)]), mapping.lines[key]))
        loader.keys.append(str(key))
        mapping[key] = loader.construct_object(value_node, deep=True)
        loader.keys.pop()
        mapping.lines[key] = line
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LocatedList:
    items = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1 + loader.line_offset
    items.lines = [child.start_mark.line + 1 + loader.line_offset for child in node.value]
    return items


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)

_PLAIN_ERRORS = {  # libyaml's problem -> (what is wrong, hint), in an editor's words
    "mapping values are not allowed here": (
        "a value contains a colon (:) that YAML reads as a new field",
        "Put the value in quotes, or check the indentation of this line.",
    ),
    "mapping values are not allowed in this context": (
        "a value contains a colon (:) that YAML reads as a new field",
        "Put the value in quotes, or check the indentation of this line.",
    ),
    "could not find expected ':'": (
        "a line is missing the colon (:) after its field name",
        "Each line should read 'field: value'.",
    ),
    "found undefined alias": ("a value starts with '*', which YAML reads as an alias", "Put the value in quotes."),
    "did not find expected key": ("the indentation of this line does not match the lines around it", ""),
    "did not find expected '-' indicator": ("this line is not lined up with the list item it belongs to", ""),
    "block sequence entries are not allowed in this context": (
        "a list item (- ...) starts on the same line as its field",
        "Put each '- item' on its own line below the field, or write the list as [a, b].",
    ),
    "found unexpected end of stream": ("a quote or bracket is opened but never closed", "Add the closing quote or bracket."),
    "did not find expected ',' or ']'": ("a list in [brackets] is not closed with ']'", "Add ']' after the last item."),
    "did not find expected ',' or '}'": ("a mapping in {braces} is not closed with '}'", "Add '}' after the last field."),
    "found unknown escape character": (
        "a backslash (\\) inside double quotes starts a code YAML does not know",
        "Use single quotes instead of double quotes.",
    ),
    "did not find expected hexdecimal number": (
        "a backslash (\\) inside double quotes starts a code YAML does not know",
        "Use single quotes instead of double quotes.",
    ),
    "but found another document": (
        "a second line of three dashes (---) starts another set of fields",
        "A file holds one set of fields: remove the extra '---' line.",
    ),
}

# For these, the line where the value began (the context mark) is the useful one.
_AT_START = {
    "found unexpected end of stream",
    "did not find expected ',' or ']'",
    "did not find expected ',' or '}'",
    "could not find expected ':'",
}


def load_yaml(text: str, line_offset: int = 0):
    """Parse YAML text; line numbers are shifted by `line_offset` (for front matter).

    Returns (data, duplicate_keys) where duplicate_keys is a list of (line, dotted key, line of the first).
    Raises YamlProblem with a plain-language message on a syntax error.
    """
    tab_line = _first_tab_indent(text)
    if tab_line:
        source = text.split("\n")[tab_line - 1]
        raise YamlProblem(
            tab_line + line_offset,
            f"this line is indented with a tab character (found a tab before '{_shorten(source.strip())}').",
            "YAML needs spaces for indentation: replace the tab with spaces.",
        )
    loader = _LineLoader(text)
    loader.line_offset = line_offset
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as err:
        raise _syntax_problem(err, text, line_offset) from err
    except yaml.reader.ReaderError as err:  # a control character: the only error without a line
        line = text[: err.position].count("\n") + 1 + line_offset
        raise YamlProblem(line, f"the text contains an invisible control character (found U+{err.character:04X}).",
                          "Delete it; if you cannot see it, type the line again.") from err
    except yaml.YAMLError as err:
        raise YamlProblem(1 + line_offset, f"the YAML cannot be read ({str(err).splitlines()[0]}).",
                          "Check the indentation and quotes.") from err
    finally:
        loader.dispose()
    return data, loader.duplicates


def _syntax_problem(err: yaml.MarkedYAMLError, text: str, line_offset: int) -> YamlProblem:
    """libyaml's error -> the line to fix, what is wrong in plain words, and that line's text."""
    problem = (err.problem or "").strip()
    at_start = problem in _AT_START and err.context_mark is not None
    mark = err.context_mark if at_start else (err.problem_mark or err.context_mark)
    number, column = (mark.line, mark.column) if mark else (0, 0)
    lines = text.split("\n")
    source = lines[number] if number < len(lines) else ""
    what, hint = _PLAIN_ERRORS.get(problem, (f"the YAML cannot be read: {problem}", ""))
    before = source[:column].rstrip()
    if problem == "did not find expected key" and before.endswith(("\"", "'")):
        what, hint = "there is more text after the closing quote", "Put the whole value inside the quotes."
    elif problem.startswith("mapping values") and column == source.find(":") and source[:1] == " ":
        what = "this line is indented more than the field above it"
        hint = "Line it up with the field above; if the line above goes on, put its value in quotes."
    elif problem.startswith("found character") and column < len(source):
        what, hint = f"a value starts with '{source[column]}', which YAML reserves", "Put the value in quotes."
    elif problem.startswith("could not determine a constructor"):
        what, hint = "a value starts with '!', which YAML reads as a type", "Put the value in quotes."
    found = f" (found '{_shorten(source.strip())}')" if source.strip() else ""
    return YamlProblem(number + 1 + line_offset, f"{what}{found}.", hint or "Check the indentation and quotes on this line.")


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _first_tab_indent(text: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            return number
    return 0


def line_of(data, path) -> int:
    """The line of the deepest key or item along `path` (keys and indexes) that exists."""
    line = getattr(data, "line", 1)
    node = data
    for step in path:
        if isinstance(node, Located) and step in node:
            line = node.lines.get(step, line)
            node = node[step]
        elif isinstance(node, LocatedList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.lines[step]
            node = node[step]
        else:
            break
    return line


def values_cut_by_comments(text: str, line_offset: int = 0) -> list[tuple[int, str, str, str]]:
    """Unquoted text values that YAML cut short at ' #': `summary: Room #2 of the hall` reads 'Room'.

    A comment that starts straight after the '#' ('#2', '#4') is almost always part of the text;
    the templates' own comments have a space after the '#'. Returns (line, field, kept, cut off).
    """
    lines = text.split("\n")
    found: list[tuple[int, str, str, str]] = []

    def visit(node, keys: list[str]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                visit(value, keys + [str(key.value)])
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                visit(item, keys)
        elif isinstance(node, yaml.ScalarNode) and not node.style and node.tag.endswith(":str"):
            end = node.end_mark
            rest = lines[end.line][end.column:] if end.line < len(lines) else ""
            if re.match(r"\s+#[^\s#]", rest):
                found.append((end.line + 1 + line_offset, ".".join(keys), node.value, rest.strip()[1:]))

    try:
        visit(yaml.compose(text, Loader=_BaseLoader), [])
    except yaml.YAMLError:
        pass  # load_yaml has reported it
    return found


def mappings(value) -> list:
    """A list's items as located mappings (anything not a mapping becomes an empty one); [] if not a list."""
    return [item if isinstance(item, Located) else Located() for item in value] if isinstance(value, list) else []
