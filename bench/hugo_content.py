#!/usr/bin/env python3
"""Lay out what Hugo cannot read straight from a generated site, for bench/compare.py's Hugo row.

    python bench/hugo_content.py SITE STAGING

Hugo (Debian's 0.111, before content adapters) makes pages only from content files, so this
writes into STAGING: a page for each provider (its provider.yaml's name and description) and for
each browse term (its label from site.yaml), the A to Z page, site.yaml as Hugo data, and
`mounts.yaml`, which mounts the site's own service and information Markdown files into the Hugo
site unchanged (Hugo reads and renders those itself, with Goldmark). It is part of the timed Hugo
run, as reading provider.yaml is part of Eleventy's. Standard library only: it copies YAML
values it does not parse beyond `key: value` lines.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys

TAXONOMIES = ("types", "who_for", "activities")


def top_level(text: str) -> dict[str, str]:
    """`key: value` lines at the start of a line (provider.yaml's name and description)."""
    return {m[1]: m[2] for m in re.finditer(r'^(\w+): (.*)$', text, re.M)}


def page(path: str, fields: dict[str, object]) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:  # JSON front matter: values need no YAML quoting
        file.write(json.dumps(fields, ensure_ascii=False, indent=1) + "\n")


def terms(site_yaml: str) -> list[tuple[str, str, str]]:
    """(taxonomy, key, label) for each term of types/who_for/activities and each area."""
    found, taxonomy, key = [], None, None
    for line in site_yaml.splitlines():
        if re.match(r"^\S", line):
            taxonomy = "areas" if line.startswith("areas:") else None
        if taxonomy == "areas" and (m := re.match(r"\s+- key: (\S+)", line)):
            key = m[1]
        elif taxonomy == "areas" and key and (m := re.match(r'\s+name: "?(.*?)"?$', line)):
            found.append(("areas", key, m[1]))
        elif m := re.match(r"^  (\w+):$", line):
            taxonomy = m[1] if m[1] in TAXONOMIES else None
        elif taxonomy in TAXONOMIES and (m := re.match(r'^    ([\w-]+): \{label: "(.*?)"', line)):
            found.append((taxonomy, m[1], m[2]))
    return found


def lay_out(site: str, staging: str) -> None:
    shutil.rmtree(staging, ignore_errors=True)
    content = os.path.join(staging, "content")
    providers = os.path.join(site, "content", "providers")
    for key in sorted(os.listdir(providers)):
        with open(os.path.join(providers, key, "provider.yaml"), encoding="utf-8") as file:
            fields = top_level(file.read())
        page(os.path.join(content, "services", key, "_index.md"),
             {"title": json.loads(fields["name"]), "description": json.loads(fields.get("description", '""')),
              "url": f"/providers/{key}/"})
    never = {"_build": {"render": "never", "list": "always"}}
    page(os.path.join(content, "services", "_index.md"), never)
    page(os.path.join(content, "info", "_index.md"), never)
    page(os.path.join(content, "a-to-z.md"), {"title": "A to Z of services", "layout": "a-to-z", "url": "/a-to-z/"})
    with open(os.path.join(site, "site.yaml"), encoding="utf-8") as file:
        site_yaml = file.read()
    for taxonomy, key, label in terms(site_yaml):
        page(os.path.join(content, taxonomy, key, "_index.md"), {"title": label})
    os.makedirs(os.path.join(staging, "data"))
    shutil.copy(os.path.join(site, "site.yaml"), os.path.join(staging, "data", "site.yaml"))
    mounts = [(content, "content")] + [(os.path.join(providers, key), f"content/services/{key}") for key in sorted(os.listdir(providers))] + [
              (os.path.join(site, "content", "pages"), "content/info"), (os.path.join(staging, "data"), "data")]
    with open(os.path.join(staging, "mounts.yaml"), "w", encoding="utf-8") as file:
        file.write("module:\n  mounts:\n" + "".join(f"    - source: {json.dumps(os.path.abspath(s))}\n      target: {t}\n"
                                                     for s, t in mounts))


if __name__ == "__main__":
    lay_out(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]))
