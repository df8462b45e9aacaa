"""The YAML an import reads and writes: libyaml's C loader and dumper (10,000 files in seconds),
times and dates in quotes as editors are told to write them, never an &anchor.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from builder.content import files as content
from builder.content.files import SERVICE
from builder.core.yamlfile import YamlProblem
from builder.editors.importing.update import first_words


def service_text(front: dict, body: str) -> str:
    return "---\n" + dump(front) + "---\n" + (body.strip() + "\n" if body.strip() else "")


def provider_yaml(data: dict) -> str:
    data = dict(data)
    data.setdefault("description", f"{first_words(data.get('name')) or 'This organisation'} runs the services listed here.")
    return dump(data)


LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml's C emitter: 10,000 files in seconds
    """Times and dates in quotes, as editors are told to write them; never an &anchor (a summary that is the name)."""

    def ignore_aliases(self, data) -> bool:
        return True


def _quoted_when_needed(dumper, value: str):
    style = '"' if re.fullmatch(r"\d{2}:\d{2}|\d{4}-\d{2}-\d{2}", value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _quoted_when_needed)


def dump(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)


def yaml_file(path: Path) -> dict:
    try:
        data = yaml.load(content.decode(path.read_bytes()), Loader=LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def front_matter_of(path: Path) -> dict:
    try:
        front = content.split_front_matter(content.decode(path.read_bytes()), SERVICE)[0]
        data = yaml.load(front, Loader=LOADER)
    except (OSError, UnicodeDecodeError, YamlProblem, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}
