"""YAML that remembers where each value came from.

Uses libyaml's C parser. Mappings load as `Located` dicts and sequences as `LocatedList`s
that know the line of every key and item, so any problem can name its line. Dates stay
text (the schemas check their shape) and duplicate keys are reported, not silently merged.
"""

from __future__ import annotations

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
        self.duplicates: list[tuple[int, str]] = []


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
            loader.duplicates.append((line, str(key)))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = line
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LocatedList:
    items = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1 + loader.line_offset
    items.lines = [child.start_mark.line + 1 + loader.line_offset for child in node.value]
    return items


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)

_PLAIN_ERRORS = {
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
    "found character '\\t' that cannot start any token": (
        "a tab character is used for indentation",
        "YAML needs spaces for indentation: replace the tab with spaces.",
    ),
    "found undefined alias": ("an '*' starts a value, which YAML reads as an alias", "Put the value in quotes."),
    "did not find expected key": ("the indentation of this line does not match the lines around it", ""),
    "found unexpected end of stream": ("a quote or bracket is opened but never closed", ""),
    "did not find expected ',' or ']'": ("a list in [brackets] is not closed with ']'", ""),
    "did not find expected ',' or '}'": ("a mapping in {braces} is not closed with '}'", ""),
}

_UNCLOSED = {
    "found unexpected end of stream",
    "did not find expected ',' or ']'",
    "did not find expected ',' or '}'",
}


def load_yaml(text: str, line_offset: int = 0):
    """Parse YAML text; line numbers are shifted by `line_offset` (for front matter).

    Returns (data, duplicate_keys) where duplicate_keys is a list of (line, key).
    Raises YamlProblem with a plain-language message on a syntax error.
    """
    tab_line = _first_tab_indent(text)
    if tab_line:
        raise YamlProblem(
            tab_line + line_offset,
            "a tab character is used for indentation",
            "YAML needs spaces for indentation: replace the tab with spaces.",
        )
    loader = _LineLoader(text)
    loader.line_offset = line_offset
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as err:
        problem = (err.problem or "").strip()
        # For something opened and never closed, the line where it opened is the useful one.
        opened = problem in _UNCLOSED and err.context_mark is not None
        mark = err.context_mark if opened else (err.problem_mark or err.context_mark)
        line = (mark.line + 1 if mark else 1) + line_offset
        message, hint = _PLAIN_ERRORS.get(problem, (f"the YAML cannot be read: {problem}", ""))
        raise YamlProblem(line, message, hint or "Check the indentation and quotes on this line.") from err
    except yaml.YAMLError as err:
        raise YamlProblem(1 + line_offset, f"the YAML cannot be read: {err}") from err
    finally:
        loader.dispose()
    return data, loader.duplicates


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
