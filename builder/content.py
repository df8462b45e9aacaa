"""Stage 1: find and read the content files.

Input: the site root. Output: a list of `SourceFile`s (front matter as `Located` data with
line numbers, Markdown body, the line the body starts on) and the problems met while
reading: bad encoding, empty files, tabs, broken front matter, YAML syntax errors.
Nothing here knows what the fields mean; that is validate.py's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from builder.errors import Problem
from builder.translations import TRANSLATED_FILE
from builder.yamlfile import Located, YamlProblem, load_yaml, values_cut_by_comments

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
    providers = root / "content" / "providers"
    for folder in sorted(p for p in providers.iterdir() if p.is_dir()) if providers.is_dir() else []:
        folders.append(_relative(folder, root))
        for file in sorted(folder.iterdir()):
            kind = _provider_file_kind(file)
            (files.append((_relative(file, root), kind)) if kind else ignored.append(_relative(file, root)))
    pages = root / "content" / "pages"
    for file in sorted(pages.iterdir()) if pages.is_dir() else []:
        kind = (TRANSLATION if TRANSLATED_FILE.match(file.name) else PAGE_EASY if file.name.endswith(".easy.md")
                else PAGE if file.suffix == ".md" else "")
        (files.append((_relative(file, root), kind)) if kind and file.is_file() else ignored.append(_relative(file, root)))
    return ContentTree(files, folders, ignored)


def _provider_file_kind(file: Path) -> str:
    if not file.is_file():
        return ""
    if file.name == "provider.yaml":
        return PROVIDER
    if TRANSLATED_FILE.match(file.name):
        return TRANSLATION
    if file.name.endswith(".easy.md"):
        return SERVICE_EASY
    if file.suffix == ".md":
        return SERVICE
    return ""


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


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
