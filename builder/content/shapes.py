"""Stage 2, first half: field shapes. JSON Schema errors of one file, in plain words.

Input: one SourceFile. Output: its Problems, each naming the line and field, saying what was
expected (the schema's `x-expected`) and what was found, with a "did you mean" where it helps.
Runs file by file in the workers; rules that need more than one record are in validate.py.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from builder.content.files import PAGE, SERVICE, SourceFile
from builder.core.errors import Problem, did_you_mean
from builder.core.schemas import schema as load_schema
from builder.core.schemas import surely_valid, validator
from builder.core.yamlfile import line_of


def check_fields(source: SourceFile) -> list[Problem]:
    """Schema problems of one file, in plain words."""
    if surely_valid(source.kind, source.data):
        return []
    problems = []
    for error in validator(source.kind).iter_errors(source.data):
        problems.extend(_explain(source, error))
    return problems


def field_name(path: Iterable) -> str:
    return ".".join(str(step) for step in path if not isinstance(step, int))


def _explain(source: SourceFile, error) -> list[Problem]:
    path = list(error.absolute_path)
    name = field_name(path)
    line = line_of(source.data, path)
    kind, expected, instance = error.validator, error.validator_value, error.instance
    schema = error.schema
    described = schema.get("x-expected") or schema.get("description", "")
    extra = schema.get("x-hint", "")  # a schema's own advice for this field, when it has some
    if "propertyNames" in error.schema_path:  # the key itself is wrong: point at its line
        line = line_of(source.data, path + [instance])

    if kind == "required":
        missing = [key for key in expected if key not in instance]
        props = error.schema.get("properties") or _enclosing_properties(source.kind, error)
        return [Problem(source.path, line, _join(name, key), "is missing.",
                        f"Add '{key}:' ({_lower_first(props.get(key, {}).get('description', 'required'))}).")
                for key in missing]
    if kind == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        extras = [key for key in instance if key not in known]
        return [Problem(source.path, line_of(source.data, path + [key]), _join(name, str(key)),
                        f"is not a field we know (found '{key}').",
                        did_you_mean(key, known, list_them=False) or f"The fields here are: {', '.join(known)}.")
                for key in extras]
    if kind == "enum" and isinstance(instance, bool):
        return [_yes_no_problem(source.path, line, name, expected)]
    if kind == "type" and isinstance(instance, bool) and "enum" in schema:
        return []  # the enum problem above explains it
    if kind == "type" and _is_phone_number(name, instance):
        return [Problem(source.path, line, name, f"should be a phone number in quotes (found the number {instance}: "
                        "YAML reads digits without quotes as a number, and a number starting with 0 as an octal one).",
                        'Put the phone number in quotes, like "01632 960123".')]
    if kind == "pattern" and name.rsplit(".", 1)[-1] == "website" and isinstance(instance, str) and " " in instance.strip():
        return [Problem(source.path, line, name, f"should be a web address without spaces (found '{instance}').",
                        "Spaces are not allowed in a web address: remove them, or copy the address again from the browser.")]
    if kind == "pattern" and name.rsplit(".", 1)[-1] == "email" and isinstance(instance, str) and "," in instance:
        return [Problem(source.path, line, name, f"should be {described}, with no commas (found '{instance}').",
                        f"Did you mean '{instance.replace(',', '.')}'? Give one address only.")]
    if kind == "pattern" and name in TAXONOMY_FIELDS and isinstance(instance, str):
        return []  # validate.py names the site.yaml key that matches, with every choice
    if kind == "enum":
        return [Problem(source.path, line, name, f"'{_shown(instance)}' is not one of the allowed values.",
                        did_you_mean(instance, expected))]
    if kind == "type":
        return [_type_problem(source.path, line, name, expected, instance, extra)]
    if instance == "" and kind in ("pattern", "minLength"):
        optional = ", or delete the line" if not _required(source.kind, error) else ""
        return [Problem(source.path, line, name, "is empty.", f"Write {_lower_first(described)}{optional}." if described else "")]
    if kind == "pattern":
        return [Problem(source.path, line, name, f"should be {described} (found '{_shown(instance)}').", extra)]
    if kind == "minLength":
        return [Problem(source.path, line, name, f"is too short: at least {expected} characters (found '{instance}').", extra)]
    if kind == "maxLength":
        below = "; the full detail can go in the text below the front matter" if source.kind in (SERVICE, PAGE) else ""
        return [Problem(source.path, line, name, f"is too long: {len(instance)} characters, the limit is {expected}.",
                        f"Shorten it{below}.")]
    if kind == "minItems":
        return [Problem(source.path, line, name, "is an empty list." if not instance else f"needs at least {expected} items.",
                        f"{described}." if described else "")]
    if kind == "maxItems":
        return [Problem(source.path, line, name, f"has too many items: at most {expected}.", f"It should be {described}.")]
    if kind == "uniqueItems":
        twice = [item for item, count in Counter(map(str, instance)).items() if count > 1]
        return [Problem(source.path, line, name, f"lists '{twice[0] if twice else ''}' more than once.", "Keep one of them.")]
    if kind == "minProperties":
        return [Problem(source.path, line, name, "is empty.", f"{described}." if described else "")]
    if kind in ("minimum", "exclusiveMinimum", "maximum"):
        word = {"minimum": "at least", "exclusiveMinimum": "more than", "maximum": "at most"}[kind]
        return [Problem(source.path, line, name, f"should be {word} {expected} (found {_shown(instance)}).", extra)]
    return [Problem(source.path, line, name, error.message, "")]


TAXONOMY_FIELDS = ("types", "who_for", "activities", "areas")


def _yes_no_problem(path: str, line: int, name: str, expected) -> Problem:
    """`transport: yes` reaches us as true: YAML 1.1 reads yes, no, on and off as true or false."""
    words = [str(word) for word in expected]
    return Problem(path, line, name, f"should be one of the words {', '.join(words)} (found a yes or no answer: "
                   "YAML reads yes, no, on, off, true and false as true or false).",
                   f"Write one of: {', '.join(words)}.")


def _is_phone_number(name: str, instance) -> bool:
    return name.rsplit(".", 1)[-1] in ("phone", "out_of_hours") and isinstance(instance, int) and not isinstance(instance, bool)


def _required(kind: str, error) -> bool:
    """Whether the field an error is about is required where it stands (so deleting it is no fix)."""
    steps = list(error.absolute_schema_path)[:-1]  # [..., "properties", field]
    if len(steps) < 2 or steps[-2] != "properties":
        return True
    parent = load_schema(kind)
    for step in steps[:-2]:
        parent = parent[step]
    return steps[-1] in parent.get("required", ())


def _enclosing_properties(kind: str, error) -> dict:
    """The fields of the object a rule inside it applies to (a `required` in an if/else names their descriptions)."""
    found, schema = {}, load_schema(kind)
    for step in list(error.absolute_schema_path)[:-1]:
        schema = schema[step] if isinstance(schema, (dict, list)) else {}
        if isinstance(schema, dict) and isinstance(schema.get("properties"), dict):
            found = schema["properties"]
    return found


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _lower_first(text: str) -> str:
    """'The page title' -> 'the page title', but 'CQC provider ID' stays as it is."""
    first = text.split(" ", 1)[0]
    return text if len(first) > 1 and first.isupper() else text[:1].lower() + text[1:]


def _shown(value) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    return str(value)


TYPE_WORDS = {"string": "text", "number": "a number", "integer": "a whole number", "boolean": "true or false",
              "array": "a list", "object": "a set of 'field: value' lines"}


def _describe(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return _shown(value)
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return f"'{value}'"


def _type_problem(path: str, line: int, name: str, expected, instance, hint: str = "") -> Problem:
    wanted = " or ".join(TYPE_WORDS.get(t, t) for t in ([expected] if isinstance(expected, str) else expected))
    leaf = name.rsplit(".", 1)[-1]
    if leaf in ("from", "to") and isinstance(instance, int) and not isinstance(instance, bool):
        hours, minutes = divmod(instance, 60)
        return Problem(path, line, name, f"should be a time in quotes (found {instance}: YAML reads an unquoted time as a number).",
                       f"Add quotes: \"{hours:02d}:{minutes:02d}\".")
    if expected == "string" and instance is not None:
        hint = "Put the value in quotes."
    elif expected == "array" and isinstance(instance, str):
        hint = f"Write it as a list: [{instance}]."
    elif instance is None:
        hint = "Give it a value, or remove the line."
    return Problem(path, line, name, f"should be {wanted} (found {_describe(instance)}).", hint)
