"""Stage 1: find and read the content files.

Input: the site root. Output: a list of `SourceFile`s (front matter as `Located` data with
line numbers, Markdown body, the line the body starts on) and the problems met while
reading: bad encoding, empty files, tabs, broken front matter, YAML syntax errors.
Nothing here knows what the fields mean; that is validate.py's job.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from builder.core.errors import Problem
from builder.core.yamlfile import Located, YamlProblem, load_yaml, values_cut_by_comments
from builder.language.bilingual import TRANSLATED_FILE

PROVIDER = "provider"
SERVICE = "service"
SERVICE_EASY = "service-easy"
PAGE = "page"
PAGE_EASY = "page-easy"
SITE = "site"
TRANSLATION = "translation"  # <name>.<code>.md or <name>.<code>.easy.md: a body in a bilingual site's other language


@dataclass(frozen=True)
class SourceFile:
    path: str  # relative to the site root, with forward slashes
    kind: str  # one of the kinds above
    data: Located
    body: str = ""
    body_line: int = 1
    translated: tuple = ()  # a bilingual site: ((language code, the data in that language), ...) (translations.py)
    written_in: str = ""  # a bilingual site: the code of the language its plain text and body are in (content_language)


@dataclass(frozen=True)
class ContentTree:
    """Every content file found, before reading: what exists is itself checked."""

    files: list[tuple[str, str]]  # (relative path, kind)
    provider_folders: list[str]  # relative paths of folders under content/providers/
    ignored: list[str]  # files the builder does not read


def find_content(root: Path) -> ContentTree:
    files: list[tuple[str, str]] = []
    folders: list[str] = []
    ignored: list[str] = []
    for folder in (entry for entry in _entries(root / "content" / "providers") if entry.is_dir()):
        folders.append(f"content/providers/{folder.name}")
        for file in _entries(Path(folder.path)):
            kind, path = _provider_file_kind(file), f"content/providers/{folder.name}/{file.name}"
            (files.append((path, kind)) if kind else ignored.append(path))
    for file in _entries(root / "content" / "pages"):
        name = file.name
        kind = (TRANSLATION if TRANSLATED_FILE.match(name) else PAGE_EASY if name.endswith(".easy.md")
                else PAGE if os.path.splitext(name)[1] == ".md" else "")
        path = f"content/pages/{name}"
        (files.append((path, kind)) if kind and file.is_file() else ignored.append(path))
    return ContentTree(files, folders, ignored)


def _entries(folder: Path) -> list[os.DirEntry]:
    """A folder's entries in name order (os.scandir: no stat per file, which counts at 12,500 files)."""
    try:
        return sorted(os.scandir(folder), key=lambda entry: entry.name)
    except (FileNotFoundError, NotADirectoryError):
        return []


def _provider_file_kind(file: os.DirEntry) -> str:
    if not file.is_file():
        return ""
    name = file.name
    if name == "provider.yaml":
        return PROVIDER
    if TRANSLATED_FILE.match(name):
        return TRANSLATION
    if name.endswith(".easy.md"):
        return SERVICE_EASY
    if os.path.splitext(name)[1] == ".md":
        return SERVICE
    return ""


def read_file(root: Path, path: str, kind: str) -> tuple[SourceFile | None, list[Problem]]:
    """Read one file: YAML for provider.yaml and site.yaml, front matter + Markdown otherwise."""
    try:
        text = decode((root / path).read_bytes())
    except UnicodeDecodeError as err:
        line = err.object[: err.start].count(b"\n") + 1
        before = err.object[: err.start].rsplit(b"\n", 1)[-1].decode("utf-8", "replace").strip()[-30:]
        return None, [Problem(path, line, "", f"the file is not saved as UTF-8 text (found byte 0x{err.object[err.start]:02x}"
                              + (f" after '{before}'" if before else "") + ").", "Save it again as UTF-8 in your editor.")]
    except OSError as err:
        return None, [Problem(path, 0, "", f"the file cannot be read ({err.strerror}).")]
    if not text.strip():
        return None, [Problem(path, 1, "", "the file is empty.", _empty_hint(kind))]
    try:
        if kind in (PROVIDER, SITE):
            data, duplicates = load_yaml(text)
            body, body_line = "", 1
        else:
            front, body, body_line = split_front_matter(text, kind)
            data, duplicates = load_yaml(front, line_offset=1) if front.strip() else (Located(), [])
    except YamlProblem as err:
        return None, [Problem(path, err.line, "", err.message, err.hint)]
    if data is None:
        data = Located()
    if not isinstance(data, Located):
        return None, [Problem(path, getattr(data, "line", 1), "", "the fields must be written as 'field: value' lines (found a list or a single value).")]
    problems = [Problem(path, line, key, f"is written twice in the same block (first on line {first}).",
                        "Keep only one of them: the second one would win.") for line, key, first in duplicates]
    problems += cut_short(path, text if kind in (PROVIDER, SITE) else front, 0 if kind in (PROVIDER, SITE) else 1)
    return SourceFile(path, kind, data, body, body_line), problems


def cut_short(path: str, text: str, line_offset: int) -> list[Problem]:
    return [Problem(path, line, key, f"the text is cut short: YAML reads ' #' as the start of a comment, so the site would show "
                    f"'{kept}' and drop '#{dropped}'.", f'Put the whole value in quotes: {key.rsplit(".", 1)[-1]}: "{kept} #{dropped}"')
            for line, key, kept, dropped in values_cut_by_comments(text, line_offset)]


def decode(raw: bytes) -> str:
    text = raw.decode("utf-8")
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str, kind: str) -> tuple[str, str, int]:
    """Split '---' front matter from the Markdown body; returns (yaml, body, body's first line)."""
    lines = text.split("\n")
    if lines[0].strip() != "---":
        if kind in (SERVICE_EASY, TRANSLATION):  # a service's Easy Read body, or a translated body, may have no front matter at all
            return "", text, 1
        raise YamlProblem(1, "the file must start with front matter: a line of three dashes (---).",
                          "Put '---' on the first line, then the fields, then '---' again before the text.")
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            return "\n".join(lines[1: number - 1]), "\n".join(lines[number:]), number + 1
    raise YamlProblem(1, "the front matter is never closed: no second line of three dashes (---).",
                      "Add a line '---' after the last field, before the text.")


def _empty_hint(kind: str) -> str:
    if kind == PROVIDER:
        return "Add at least 'name:' and 'description:' (run 'catalogue new provider SLUG' for a template)."
    if kind == SERVICE:
        return "Run 'catalogue new service PROVIDER/SLUG' for a template with every field."
    return "Add the front matter and text, or delete the file."
