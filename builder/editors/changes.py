"""What a pull request changes: the services it adds, changes and removes.

Input: two site roots (the base branch's content and the pull request's). Output: `Changes`,
then Markdown for the pull request's job summary. Only stage 1 (content.py) reads the
files, so the base tree is compared as written even if today's rules would reject it;
the pull request's tree is checked by the caller, which adds its warnings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from builder.content import files as content
from builder.core.errors import Problem
from builder.core.mdtext import literal

BODY = "description text"  # the Markdown under the front matter
EASY_BODY = "Easy Read text"  # the <service>.easy.md twin


@dataclass(frozen=True)
class ServiceChange:
    id: str  # "<provider>/<service>"
    name: str  # the pull request's name for it (the base's when removed)
    fields: tuple[str, ...] = ()  # for a changed service: front matter fields, then BODY, EASY_BODY


@dataclass(frozen=True)
class Changes:
    added: tuple[ServiceChange, ...]  # each list by id
    changed: tuple[ServiceChange, ...]
    removed: tuple[ServiceChange, ...]
    other_files: tuple[tuple[str, str], ...]  # (path, "added" | "changed" | "removed"): providers, pages, site.yaml
    warnings: tuple[Problem, ...] = ()  # the pull request's warnings, such as listings due for review


@dataclass(frozen=True)
class _Listing:
    name: str
    front: dict | None  # front matter; None when the file cannot be read
    text: str  # the whole file
    body: str
    easy: str | None  # the .easy.md file's text, None when there is none


def compare_trees(base: Path, head: Path, warnings=()) -> Changes:
    old, new = _listings(base), _listings(head)
    added = tuple(ServiceChange(i, new[i].name) for i in sorted(new.keys() - old.keys()))
    removed = tuple(ServiceChange(i, old[i].name) for i in sorted(old.keys() - new.keys()))
    changed = tuple(ServiceChange(i, new[i].name, fields)
                    for i in sorted(old.keys() & new.keys()) if (fields := changed_fields(old[i], new[i])))
    return Changes(added, changed, removed, _other_files(base, head), tuple(warnings))


def changed_fields(old: _Listing, new: _Listing) -> tuple[str, ...]:
    if old.front is None or new.front is None:  # a file that cannot be read has no fields to name
        return ("the whole file",) if old.text != new.text else ()
    keys = list(new.front) + [k for k in old.front if k not in new.front]
    fields = [str(k) for k in keys if old.front.get(k) != new.front.get(k)]
    if old.body.strip() != new.body.strip():
        fields.append(BODY)
    if old.easy != new.easy:
        fields.append(EASY_BODY)
    return tuple(fields)


def _listings(root: Path) -> dict[str, _Listing]:
    tree = content.find_content(root)
    easy = {_service_id(path): (root / path).read_text(encoding="utf-8", errors="replace")
            for path, kind in tree.files if kind == content.SERVICE_EASY}
    listings = {}
    for path, kind in tree.files:
        if kind != content.SERVICE:
            continue
        service_id = _service_id(path)
        text = (root / path).read_text(encoding="utf-8", errors="replace")
        source, _ = content.read_file(root, path, kind)  # None when it cannot be read: compared as text
        front = dict(source.data) if source is not None else None
        name = front.get("name") if front and isinstance(front.get("name"), str) else service_id
        listings[service_id] = _Listing(name, front, text, source.body if source else text, easy.get(service_id))
    return listings


def _service_id(path: str) -> str:
    """'content/providers/riverside/day-centre.easy.md' -> 'riverside/day-centre'."""
    provider, file = path.split("/")[-2:]
    return f"{provider}/{file.removesuffix('.md').removesuffix('.easy')}"


def _other_files(base: Path, head: Path) -> tuple[tuple[str, str], ...]:
    def files(root: Path) -> dict[str, bytes]:
        paths = [p for p, kind in content.find_content(root).files if kind not in (content.SERVICE, content.SERVICE_EASY)]
        return {p: (root / p).read_bytes() for p in paths + (["site.yaml"] if (root / "site.yaml").is_file() else [])}

    old, new = files(base), files(head)
    how = {p: "added" for p in new.keys() - old.keys()} | {p: "removed" for p in old.keys() - new.keys()}
    how |= {p: "changed" for p in old.keys() & new.keys() if old[p] != new[p]}
    return tuple(sorted(how.items()))


# ---------------------------------------------------------------- Markdown

def changes_markdown(changes: Changes) -> str:
    counts = f"{len(changes.added)} added, {len(changes.changed)} changed, {len(changes.removed)} removed"
    lines = ["## Listings in this pull request", "", f"**{counts}**, compared with the base branch.", ""]
    for title, items in (("Added", changes.added), ("Changed", changes.changed), ("Removed", changes.removed)):
        if items:
            lines += [f"### {title} ({len(items)})", ""]
            lines += [f"- {literal(c.name)} (`{c.id}`)" + (f": {', '.join(c.fields)}" if c.fields else "") for c in items]
            lines.append("")
    if changes.other_files:
        lines += [f"### Other content files ({len(changes.other_files)})", ""]
        lines += [f"- `{path}` ({how})" for path, how in changes.other_files] + [""]
    if changes.warnings:
        lines += [f"### Warnings ({len(changes.warnings)})", "",
                  "These do not stop the site being published, but someone should act on them.", ""]
        lines += [f"- `{p.path}" + (f":{p.line}`" if p.line else "`") + f": {literal(_problem_text(p))}"
                  for p in changes.warnings]
        lines.append("")
    else:
        lines += ["No warnings.", ""]
    return "\n".join(lines)


def _problem_text(problem: Problem) -> str:
    return (f"{problem.field}: " if problem.field else "") + problem.message + (f" {problem.hint}" if problem.hint else "")
