"""What an import finds already in content/providers/: each provider and service by source id and by
name, so a second import of the same source updates the same files, and new files get free names.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import yaml

from builder.content import files as content
from builder.content.files import SERVICE
from builder.core.slugs import ascii_only_slug, slugify
from builder.editors.importing.update import every_name, first_words
from builder.editors.importing.yamltext import LOADER, front_matter_of, provider_yaml, yaml_file


class Existing:
    """What is already in content/providers/, found by source id and by name."""

    def __init__(self, root: Path, codes: tuple[str, ...] = ("en",), written_in: str = "", base_url: str = ""):
        self.root, self.codes, self.base_url = root, codes, base_url  # codes: the site's languages, the first first
        self.written_in = written_in or codes[0]  # the language plain text and bodies are in (content_language)
        self.providers = root / "content" / "providers"
        self.by_source: dict[str, Path] = {}  # service source_id -> file
        self.provider_by_source: dict[str, Path] = {}
        self.provider_by_name: dict[str, Path] = {}
        self.provider_data: dict[Path, dict] = {}
        self.taken: set[Path] = set()
        self.provider_texts: dict[Path, str] = {}
        self.claimed: set[Path] = set()  # files this import writes
        self.on_disk: set[Path] = set()
        for folder in sorted(self.providers.iterdir()) if self.providers.is_dir() else []:
            if not folder.is_dir():
                continue
            self.taken.add(folder)
            data = yaml_file(folder / "provider.yaml")
            self.provider_data[folder] = data
            if data.get("source_id"):
                self.provider_by_source[str(data["source_id"])] = folder
            for name in every_name(data.get("name")):
                self.provider_by_name.setdefault(name.casefold(), folder)
            for file in folder.glob("*.md"):
                self.taken.add(file)
                self.on_disk.add(file)
                if not file.name.endswith(".easy.md") and "." not in file.name.removesuffix(".md"):
                    source_id = front_matter_of(file).get("source_id")
                    if source_id:
                        self.by_source[str(source_id)] = file
                    # the site's own services.csv names a listing without a source id by its path
                    self.by_source.setdefault(f"{folder.name}/{file.name.removesuffix('.md')}", file)

    def provider_for(self, provider: dict, file: str = "") -> tuple[Path, dict, bool]:
        """(folder, its provider.yaml fields, whether it is new). `file`: the listing's content file where
        it was exported from: a new provider takes that folder when it is free."""
        source_id, name = str(provider.get("source_id") or ""), first_words(provider.get("name"))
        folder = self.provider_by_source.get(source_id) if source_id else None
        folder = folder or next((self.provider_by_name[n.casefold()] for n in every_name(provider.get("name"))
                                 if n.casefold() in self.provider_by_name), None)
        if folder is None:  # claimed now: the next service of this provider joins it
            wanted = self._wanted(file)
            folder = wanted.parent if wanted and wanted.parent not in self.taken else self._free(self.providers / slugify(name, 60), "")
            self.taken.add(folder)
            if source_id:
                self.provider_by_source[source_id] = folder
            for each in every_name(provider.get("name")):
                self.provider_by_name[each.casefold()] = folder
        return folder, self.provider_data.get(folder, {}), folder not in self.provider_data

    def service_path(self, folder: Path, source_id: str, name: str, file: str = "") -> Path:
        if source_id and source_id in self.by_source:
            return self.by_source[source_id]
        wanted = self._wanted(file)
        if wanted and wanted.parent == folder and wanted not in self.claimed and (
                wanted not in self.taken or wanted in self.on_disk and self._published_id(wanted) == source_id):
            self.by_source[source_id] = wanted
            return wanted  # the name it had (or this site's own listing, exported): links to it keep working
        for same_name in (folder / f"{slugify(name, 60)}.md", folder / f"{ascii_only_slug(name)}.md"):
            if not source_id and same_name in self.on_disk and same_name not in self.claimed:
                return same_name  # a source without ids: the listing of the same name is the same listing
        path = self._free(folder / slugify(name, 60), ".md")
        if source_id:
            self.by_source[source_id] = path
        return path

    def provider_text(self, folder: Path, data: dict) -> str:
        """provider.yaml as the first listing of this provider in the source has it (written once)."""
        if folder not in self.provider_texts:
            self.provider_texts[folder] = provider_yaml(data)
        return self.provider_texts[folder]

    def claim(self, path: Path) -> None:
        self.taken.add(path)
        self.claimed.add(path)

    def read(self, path: Path) -> tuple[dict, str] | None:
        if not path.is_file():
            return None
        text = content.decode(path.read_bytes())
        front, body, _ = content.split_front_matter(text, SERVICE)
        return yaml.load(front, Loader=LOADER) or {}, body

    def read_text(self, path: Path) -> str | None:
        return content.decode(path.read_bytes()) if path.is_file() else None

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def _published_id(self, path: Path) -> str:
        """The ORUK id this site's open data gives a listing never imported (builder/publish/records.py Ids)."""
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.base_url}#{self.relative(path)}")) if self.base_url else ""

    def _wanted(self, file: str) -> Path | None:
        """content/providers/<folder>/<name>.md, as a path here (None for anything else)."""
        parts = Path(file).parts if file else ()
        if len(parts) == 4 and parts[:2] == ("content", "providers") and parts[3].endswith(".md") and ".." not in parts:
            return self.providers / parts[2] / parts[3]
        return None

    def _free(self, stem: Path, suffix: str) -> Path:
        """A stable name not taken yet: riverside, then riverside-2, riverside-3 ..."""
        candidate, number = Path(f"{stem}{suffix}"), 1
        while candidate in self.taken:
            number += 1
            candidate = Path(f"{stem}-{number}{suffix}")
        return candidate
