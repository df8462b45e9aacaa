"""The starter site's pages and categories in the site's languages (for `catalogue init`, builder/init.py).

The first language's page has the front matter, its title and summary as {cy: ..., en: ...}
mappings; another language's page beside it (about.cy.md) keeps only its body. The starting
categories (starter/data/taxonomies.yaml) are plain text on a one-language site, mappings on a
bilingual one.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml


def yaml_string(value) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string or list is valid YAML, with any character quoted safely


def starting_taxonomies(starter: Path, languages: tuple[str, ...]) -> dict:
    """starter/data/taxonomies.yaml with each text in the site's languages: plain text for one, a
    {code: text} mapping in the site's order for two."""
    data = yaml.safe_load((starter / "data" / "taxonomies.yaml").read_text(encoding="utf-8"))

    def words(texts: dict) -> str | dict:
        return texts[languages[0]] if len(languages) == 1 else {code: texts[code] for code in languages}

    return {name: {key: {field: words(value) if isinstance(value, dict) else value for field, value in entry.items()}
                   for key, entry in entries.items()}
            for name, entries in data.items()}


def pages_in_each_language(files: dict[str, str], languages: tuple[str, ...]) -> dict[str, str]:
    """Only the first language's page has front matter (the builder reads just the body of
    about.en.md): its title and summary become {cy: ..., en: ...}, with the other language's words."""
    if len(languages) == 1:
        return files
    for name in [n for n in files if n.startswith("content/pages/") and n.count(".") == 1 + n.endswith(".easy.md")]:
        head, body = front_matter(files[name])
        for code in languages[1:]:
            twin = page_name(name, code, languages[0])
            other, files[twin] = front_matter(files[twin])
            for key, text in other.items():
                if key in ("title", "summary"):
                    head[key] = {**(head[key] if isinstance(head[key], dict) else {languages[0]: head[key]}), code: text}
        files[name] = "---\n" + "".join(f"{key}: {value if isinstance(value, int) else yaml_string(value)}\n" for key, value in head.items()) + "---\n" + body
    return files


def front_matter(text: str) -> tuple[dict, str]:
    """'---\ntitle: About\n---\nBody' -> ({'title': 'About'}, 'Body'): the starter's simple `key: text` lines."""
    _, head, body = text.split("---\n", 2)
    fields = dict(line.split(": ", 1) for line in head.splitlines())
    return {key: int(value) if value.isdigit() else value for key, value in fields.items()}, body


def page_name(name: str, language: str, first: str) -> str:
    """about.easy.md -> about.easy.md in the first language, about.cy.easy.md in Welsh."""
    if language == first:
        return name
    stem, _, kind = name.partition(".")
    return f"{stem}.{language}.{kind}"
