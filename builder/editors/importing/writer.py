"""Writing imported listings into content/providers/, the same way for every source.

Input: `Listing`s read by oruk.py or sheet.py. Each becomes provider.yaml and <service>.md,
checked with the builder's own rules before anything is written (a listing that would not
pass `catalogue check` is skipped, with the reason), so an import always leaves a site that
checks with no errors. Files are matched by the source's id kept in the record (`source_id`),
so a second import of the same source updates the same files; nothing is overwritten without
`--update`, which rewrites only the fields the source holds.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import click
import yaml

from builder.config.site import SiteConfig
from builder.content import files as content
from builder.content import rules as validate
from builder.content import shapes
from builder.content.files import PROVIDER, SERVICE, SourceFile
from builder.content.site import load_config
from builder.core.errors import did_you_mean
from builder.core.workers import fewer_collections, worker_pool
from builder.core.yamlfile import YamlProblem, load_yaml
from builder.editors.importing.existing import Existing
from builder.editors.importing.terms import taxonomy_keys
from builder.editors.importing.update import first_words, keep_languages
from builder.editors.importing.yamltext import LOADER, dump, service_text
from builder.language import bilingual

LIST_FIELDS = ("types", "who_for", "activities", "areas", "funding", "referral", "languages")
SETTABLE = LIST_FIELDS + ("transport", "status", "last_reviewed", "needs_assessment")
TAXONOMIES = ("types", "who_for", "activities", "areas")
LEFT_OUT = "Left out; the rest was imported."  # after a warning about one field of a listing that is imported
REQUIRED = ("name", "summary", "types", "who_for", "areas", "last_reviewed")  # a service without one is skipped


@dataclass
class Listing:
    """One service read from a source, before it is checked and written."""

    where: str  # "row 5" or "services.json $.contents[3]": named in every message
    source_id: str
    provider: dict  # provider.yaml fields the source holds; "name" always
    service: dict  # front matter fields the source holds
    body: str = ""
    origin: dict[str, str] = field(default_factory=dict)  # field -> the column or JSON path it came from
    problems: list[str] = field(default_factory=list)  # bad input that skips the listing (a required field is missing)
    warnings: list[str] = field(default_factory=list)  # bad input left out (or kept as a note): the listing is still imported
    notes: list[str] = field(default_factory=list)  # what the import mended, like a phone's lost leading 0
    missing: dict[str, str] = field(default_factory=dict)  # required field -> why its cell gave no value (--set may fill it)
    translations: dict[str, str] = field(default_factory=dict)  # {language code: the body in that language} (<slug>.<code>.md)
    file: str = ""  # the content file it had where it was exported from (kept when free: links to it keep working)


@dataclass
class Summary:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (where, why)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (where, what was left out): imported all the same
    notes: list[tuple[str, str]] = field(default_factory=list)  # (where, what was mended)

    @property
    def imported(self) -> int:
        return len(self.created) + len(self.updated)

    def lines(self) -> list[str]:
        """The counts first (they equal the service files written), then every skip, warning and note."""
        lines = [f"Created {len(self.created)}, updated {len(self.updated)}, skipped {len(self.skipped)}."]
        lines += [f"Skipped {where}: {why}" for where, why in self.skipped]
        lines += [f"Warning, {where}: {what}" for where, what in self.warnings]
        lines += [f"Note, {where}: {what}" for where, what in self.notes]
        return lines

    def why_nothing(self) -> str:
        """Why no listing was imported, in one sentence (the reasons per listing are listed above it)."""
        if not self.skipped:
            return "Nothing was imported: the source holds no listings."
        exists = sum("already exists" in why for _, why in self.skipped)
        if exists == len(self.skipped):
            return (f"Nothing was imported: all {exists} listings are in content/providers/ already. "
                    "Use --update to rewrite the fields this source holds.")
        return f"Nothing was imported: all {len(self.skipped)} listings were skipped, each for the reason given above."


def parse_sets(values: tuple[str, ...], site: SiteConfig) -> dict:
    """--set FIELD=VALUE, checked before anything is read: a wrong key would spoil every listing."""
    sets: dict = {}
    for item in values:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or name not in SETTABLE:
            raise click.UsageError(f"--set {item}: write FIELD=VALUE, where FIELD is one of {', '.join(SETTABLE)}.")
        if name in LIST_FIELDS:
            keys = [v.strip() for v in value.split(",") if v.strip()]
            if name in TAXONOMIES:  # keys, or labels in any of the site's languages
                known, labels = [t.key for t in site.taxonomy(name)], taxonomy_keys(site, name)
                for key in keys:
                    if labels.ambiguous(key):
                        raise click.UsageError(f"--set {name}={value}: {labels.find(key)[1]}")
                    if not labels.find(key)[0]:
                        raise click.UsageError(f"--set {name}={value}: '{key}' is not in site.yaml. "
                                               f"{did_you_mean(key, known)}")
                keys = list(dict.fromkeys(labels.find(key)[0] for key in keys))
            sets[name] = keys
        elif name == "needs_assessment":
            sets[name] = value.strip().lower() in ("yes", "true", "y")
        else:
            sets[name] = value.strip()
    return sets


def site_of(root: Path, today: dt.date) -> SiteConfig:
    site, problems = load_config(root, today)
    if site is None or any(p.severity == "error" for p in problems):
        raise click.ClickException(f"{root / 'site.yaml'} has errors: run 'catalogue check' first. Nothing was imported.")
    return site


@fewer_collections()
def import_listings(root: Path, listings, sets: dict, update: bool, today: dt.date, total: int = 0) -> Summary:
    """Plan every file in source order (names), check them all (in workers), then write the good ones."""
    site = site_of(root, today)
    existing = Existing(root, tuple(tag.split("-")[0].lower() for tag in site.page_languages), site.content_language, site.base_url)
    summary = Summary()
    planned: list[Planned | tuple[str, str]] = []
    seen = _Seen()
    with _progress(listings, total) as items:
        for listing in items:
            first = seen.first(listing)
            if first:
                planned.append((listing.where, first))
                continue
            planned.append(_plan(listing, sets, update, today, existing))
    jobs = [(p.relative, p.text, SERVICE, p.origin, p.droppable) for p in planned if isinstance(p, Planned)]
    jobs += list({p.provider_relative: (p.provider_relative, p.provider_text, PROVIDER, p.provider_origin, p.provider_droppable)
                  for p in planned if isinstance(p, Planned) and p.provider_text is not None}.values())
    _CHECKING.update(site=site, today=today, services=_services_for_spokes(planned, existing))
    with worker_pool(len(jobs)) as mapper:
        checked = dict(zip((job[0] for job in jobs), mapper(_check_job, jobs)))
    pending: dict[Path, str] = {}
    for plan in planned:
        if not isinstance(plan, Planned):
            summary.skipped.append(plan)
            continue
        plan.text, found, left_out = checked[plan.relative]
        if plan.provider_text is not None:
            plan.provider_text, provider_found, provider_left_out = checked[plan.provider_relative]
            found, left_out = found + provider_found, left_out + provider_left_out
        if found:
            summary.skipped.append((plan.where, " ".join(found)))
            continue
        if plan.path in pending:  # two listings the source names differently (no ids) that would share one file
            summary.skipped.append((plan.where, f"it would be written to {plan.relative}, as an earlier listing is: imported once."))
            continue
        summary.warnings += [(plan.where, message) for message in plan.warnings + left_out]
        summary.notes += [(plan.where, note) for note in plan.notes]
        if plan.provider_text is not None:
            pending.setdefault(plan.path.parent / "provider.yaml", plan.provider_text)
        pending[plan.path] = plan.text
        pending.update(plan.translations)
        (summary.updated if plan.updating else summary.created).append(plan.relative)
    _write_all(pending)
    return summary


class _Seen:
    """The listings met so far, by source id and by name and provider: a duplicate names the first one.

    Two listings with the same name and provider but different ids are two services (the source says so)."""

    def __init__(self):
        self.by_id: dict[str, str] = {}
        self.by_name: dict[tuple[str, str], tuple[str, str]] = {}  # -> (where, its source id)

    def first(self, listing: Listing) -> str:
        """Why this listing is a duplicate of an earlier one, or "" (then it is remembered)."""
        name = " ".join(str(listing.service.get("name", "")).casefold().split())
        provider = " ".join(str(listing.provider.get("name", "")).casefold().split())
        source_id = listing.source_id
        if source_id and source_id in self.by_id:
            first = self.by_id[source_id]
            return f"has the same id ('{source_id}') as {first}: a duplicate, imported once (from {first})."
        first, first_id = self.by_name.get((name, provider), ("", ""))
        if name and first and not (source_id and first_id and source_id != first_id):
            return f"has the same name and provider as {first}: a duplicate, imported once (from {first})."
        if not listing.problems:  # a skipped listing does not stand in the way of a later good one
            if source_id:
                self.by_id[source_id] = listing.where
            if name:
                self.by_name.setdefault((name, provider), (listing.where, source_id))
        return ""


@dataclass
class Planned:
    """A listing's files, as they would be written, before they are checked."""

    where: str
    path: Path
    relative: str
    text: str
    origin: dict
    updating: bool
    provider_relative: str
    provider_text: str | None  # None: the provider.yaml is left as it is
    provider_origin: dict
    translations: dict[Path, str] = field(default_factory=dict)  # the bodies in other languages, to write
    droppable: tuple[str, ...] = ()  # fields the source gave that may be left out when they fail a check
    provider_droppable: tuple[str, ...] = ()
    warnings: list[str] = field(default_factory=list)  # the listing's own, shown when it is imported
    notes: list[str] = field(default_factory=list)


_CHECKING: dict = {}  # the site, the date and the hubs, set before the workers fork


def _services_for_spokes(planned: list, existing: Existing) -> dict:
    """{provider/service: SourceFile} of the hubs a spoke_of may name: those this import writes and those on disk."""
    hubs = {}
    texts = [(p.relative, p.text) for p in planned if isinstance(p, Planned)]
    texts += [(existing.relative(path), existing.read_text(path) or "") for path in existing.on_disk]
    for relative, text in texts:
        if re.search(r"^hub:\s*true\s*$", text.split("\n---", 1)[0], re.M):
            key = relative.removeprefix("content/providers/").removesuffix(".md")
            hubs[key] = SourceFile(relative, SERVICE, {"hub": True})
    return hubs


def _check_job(job: tuple) -> tuple[str, list[str], list[str]]:
    """(the text to write, the errors that skip it, what was left out): an optional field the source gave that
    fails a check is left out (with a warning) and the rest checked again; a required one skips the listing."""
    relative, text, kind, origin, droppable = job
    prefix = "provider." if kind == PROVIDER else ""
    left_out: list[str] = []
    for _ in range(3):  # leaving a field out cannot make another fail, but a check may report one field at a time
        found = check_problems(relative, text, kind, _CHECKING["site"], _CHECKING["today"], origin, prefix, _CHECKING["services"])
        dropped = {top for top, _ in found if top in droppable}
        if not found or not dropped or len(dropped) < len({top for top, _ in found}):
            break  # nothing to leave out, or a required field fails too: the listing is skipped with every reason
        left_out += [f"{message} {LEFT_OUT}" for top, message in found]
        text = _without(text, kind, dropped)
    return text, [message for _, message in found], left_out


def _without(text: str, kind: str, fields: set[str]) -> str:
    if kind == SERVICE:
        front, body, _ = content.split_front_matter(text, kind)
        return service_text({k: v for k, v in (yaml.load(front, Loader=LOADER) or {}).items() if k not in fields}, body)
    return dump({k: v for k, v in (yaml.load(text, Loader=LOADER) or {}).items() if k not in fields})


def _plan(listing: Listing, sets: dict, update: bool, today: dt.date, existing: Existing) -> Planned | tuple[str, str]:
    problems = listing.problems + [why for name, why in listing.missing.items() if name not in sets]
    if problems:
        return listing.where, " ".join(problems)
    service = {**listing.service, **{k: v for k, v in sets.items() if k not in listing.service}}
    service.setdefault("summary", first_sentence(listing.body) or service.get("name", ""))
    service.setdefault("last_reviewed", today.isoformat())  # when the source has no date: the day it was copied
    if listing.source_id:
        service["source_id"] = listing.source_id
    folder, provider_data, provider_new = existing.provider_for(listing.provider, listing.file)
    path = existing.service_path(folder, listing.source_id, first_words(service.get("name", "")), listing.file)
    old = existing.read(path)
    if old is not None and not update:
        return listing.where, f"{existing.relative(path)} already exists. Use --update to rewrite the fields this source holds."
    existing.claim(path)
    written_in = str((old[0] if old is not None else {}).get("content_language") or existing.written_in)
    main, others, language = place_bodies(listing.body, listing.translations, written_in, existing.codes)
    if language and (old is None or not old[1].strip()):
        service["content_language"] = language  # the only body is in another language than the site's
    body = old[1] if old is not None and old[1].strip() else main
    front = keep_languages(old[0], service, existing.codes) if old is not None else service
    provider_text = existing.provider_text(folder, keep_languages(provider_data, listing.provider, existing.codes)) if provider_new or update else None
    translations = {}  # like the body: an editor's words in a file already there are kept
    for code, text in others.items():
        twin = path.with_name(f"{path.name.removesuffix('.md')}.{code}.md")
        if text.strip() and (existing.read_text(twin) or "").strip() == "":
            translations[twin] = text.strip() + "\n"
    return Planned(listing.where, path, existing.relative(path), service_text(front, body), listing.origin, old is not None,
                   existing.relative(folder / "provider.yaml"), provider_text,
                   {k: f"provider {v}" for k, v in listing.origin.items()}, translations,
                   tuple(k for k in listing.service if k not in REQUIRED), tuple(k for k in listing.provider if k not in ("name", "description")),
                   listing.warnings, listing.notes)


def place_bodies(body: str, translations: dict[str, str], written_in: str, codes: tuple[str, ...]) -> tuple[str, dict, str]:
    """(the body of <slug>.md, {code: the body of <slug>.<code>.md}, the language <slug>.md must say it is
    written in, or ""). A body in one column only is the file's own, in its language; bodies in several
    languages: the one in the language the file is written in (site.yaml's content_language) is its own."""
    if not translations:
        return body, {}, ""
    bodies = {code: text for code, text in {codes[0]: body, **translations}.items() if text.strip()}
    if written_in in bodies or not bodies:
        return bodies.pop(written_in, ""), bodies, ""
    language = next(iter(bodies))
    return bodies.pop(language), bodies, language


def check_text(path: str, text: str, kind: str, site: SiteConfig, today: dt.date, origin: dict, prefix: str = "") -> list[str]:
    """The builder's own checks of one file, as it would be written: errors only."""
    return [message for _, message in check_problems(path, text, kind, site, today, origin, prefix)]


def check_problems(path: str, text: str, kind: str, site: SiteConfig, today: dt.date, origin: dict,
                   prefix: str = "", services: dict | None = None) -> list[tuple[str, str]]:
    """[(the top-level field, the message naming the source's column or path)] for each error. `services`:
    {provider/service: its file's source}, the hubs a spoke_of may name."""
    try:
        if kind == SERVICE:
            front, body, _ = content.split_front_matter(text, kind)
            data, _ = load_yaml(front, line_offset=1)
        else:
            data, _ = load_yaml(text)
    except YamlProblem as err:
        return [("", f"{err.message}")]
    source, found = bilingual.split(SourceFile(path, kind, data), *bilingual.site_languages(site))  # as the build reads it
    found += shapes.check_fields(source)
    if kind == SERVICE:
        found += validate.check_service(source, site, services or {}, today)  # the same rules as check
    messages = {}
    for problem in found:
        if problem.severity != "error":
            continue
        top = problem.field.split(".")[0]
        column = origin.get(problem.field) or origin.get(top) or f"{prefix}{problem.field or top}"
        messages.setdefault(_for_sources(f"{column}: {problem.message} {problem.hint}".strip()), top)
    return [(top, message) for message, top in messages.items()]


def _for_sources(message: str) -> str:
    """The check's words without its advice on YAML quoting: the import writes the quotes itself."""
    return re.sub(r",? in quotes\b", "", message)


def first_sentence(text: str, limit: int = 300) -> str:
    plain = " ".join(re.sub(r"[#*_`>\[\]]", "", text).split())
    sentence = re.split(r"(?<=[.!?])\s", plain, maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 3].rsplit(" ", 1)[0] + "..."


def _write_all(pending: dict[Path, str]) -> None:
    """Every file or none: each is written beside its place, then all are moved in."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, text in pending.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.importing")
            temporary.write_text(text, encoding="utf-8")
            staged.append((temporary, path))
    except OSError as err:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise click.ClickException(f"{err.filename}: cannot be written ({err.strerror}). Nothing was imported.") from err
    for temporary, path in staged:
        os.replace(temporary, path)


class _progress:
    """A progress bar on large sources, shown only to a person at a terminal."""

    def __init__(self, items, total: int):
        self.items, self.total = items, total
        self.bar = None

    def __enter__(self):
        if self.total > 200 and click.get_text_stream("stderr").isatty():
            self.bar = click.progressbar(self.items, length=self.total, label="Importing", file=click.get_text_stream("stderr"))
            return self.bar.__enter__()
        return self.items

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)
