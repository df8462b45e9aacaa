"""The new site's files, made from `catalogue init`'s answers: the starter's templates filled in
(builder/editors/starter/), its pages in each of the site's languages, the issue forms
(issue_forms.py) and the tool's dependency lock. The questions are asked in init.py.

Pages: the first language's page has the front matter, its title and summary as {cy: ..., en: ...}
mappings; another language's page beside it (about.cy.md) keeps only its body. The starting
categories (starter/data/taxonomies.yaml) are plain text on a one-language site, mappings on a
bilingual one.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import click
import jinja2
import yaml

from builder.content.scaffold import create_new
from builder.core.slugs import slugify
from builder.editors import issue_forms as issueforms

STARTER = Path(__file__).resolve().parent / "starter"
DOTTED = {"github", "gitignore", "gitkeep"}
REGULATORS = {  # the name the starter's quality-and-safety page gives each one
    "cqc": "the Care Quality Commission (CQC)",
    "ciw": "Care Inspectorate Wales (CIW)",
    "care-inspectorate": "the Care Inspectorate",
    "rqia": "the Regulation and Quality Improvement Authority (RQIA)",
}
REGULATORS_CY = {  # the same, for the Welsh quality-and-safety page (it starts a clause, so it has a capital)
    "cqc": "Y Comisiwn Ansawdd Gofal (CQC)",
    "ciw": "Arolygiaeth Gofal Cymru (AGC)",
    "care-inspectorate": "Y Care Inspectorate (yr Alban)",  # left in English on Welsh pages: "Arolygiaeth Gofal" is CIW
    "rqia": "Yr Awdurdod Rheoleiddio a Gwella Ansawdd (RQIA)",
}
NOTICES = {"en": "This site is new: {council} is still checking its information pages, which are drafts.",
           "cy": "Mae'r wefan hon yn newydd: mae {council} yn dal i wirio ei thudalennau gwybodaeth, sy'n ddrafftiau."}
TAGS = {"en": "en-GB"}  # a language's <html lang> tag, when it is not its code
COUNCIL_WORDS = re.compile(r"\s+(county borough|metropolitan borough|county|borough|city|district|islands?)?\s*council$", re.IGNORECASE)
# Welsh names put "Cyngor" first ("Cyngor Sir Ceredigion"); "Sir" stays, as in "Sir Gâr" and "Sir Ddinbych", whose
# place is the whole name (stripping it would leave a mutated "Ddinbych")
CYNGOR_WORDS = re.compile(r"^cyngor\s+(bwrdeistref sirol\s+|dinas a sir\s+|dinas\s+)?", re.IGNORECASE)


@dataclass(frozen=True)
class Answers:
    """The answers; council, title, areas and hours by language code, in the site's order."""

    council: dict[str, str]
    title: dict[str, str]
    areas: dict[str, tuple[str, ...]]
    languages: tuple[str, ...]
    regulator: str
    repository: str
    phone: str
    email: str
    hours: dict[str, str]
    website: str
    safeguarding_phone: str
    safeguarding_url: str
    out_of_hours: str
    tool: str


def area_key(name: str) -> str:
    """'Ynys Môn' -> 'ynys-mon'."""
    return slugify(name, empty="")


def place_of(council: str) -> str:
    """'Northdale County Council' -> 'Northdale', 'Cyngor Sir Ceredigion' -> 'Sir Ceredigion': for the
    default title and the pages' first sentences (which say "yn ardal {place}", so no mutation applies)."""
    return CYNGOR_WORDS.sub("", COUNCIL_WORDS.sub("", council)).strip() or council


# ---------------------------------------------------------------- writing

def template_values(answers: Answers, today: dt.date) -> dict:
    """What the starter's templates see; the pages of each language see `in_language`'s values on top."""
    owner, name = answers.repository.split("/")
    user_site = name.lower() == f"{owner.lower()}.github.io"
    first = answers.languages[0]
    readme = "en" if "en" in answers.languages else first  # the README and site.yaml's comments are in English
    return {
        **answers.__dict__,
        "organisation": _in_each_language(answers.council),
        "organisation_name": answers.council[readme],
        "first_organisation": answers.council[first],  # what check wants the accessibility statement's prepared_for to say
        "readme_title": answers.title[readme],
        "today": today.isoformat(),
        "fix_by": (today + dt.timedelta(days=183)).isoformat(),
        "security_expires": (today + dt.timedelta(days=364)).isoformat(),
        "title": _in_each_language(answers.title),
        "notice": _in_each_language({code: NOTICES[code].format(council=answers.council[code]) for code in answers.languages}),
        "site_hours": _in_each_language(answers.hours),
        "base_url": f"https://{owner.lower()}.github.io/" + ("" if user_site else f"{name}/"),
        "edit_url": f"https://github.com/{answers.repository}/edit/main/{{path}}",
        "language": TAGS.get(first, first),
        "extra_languages": answers.languages[1:],
        "areas": [{"key": area_key(area), "name": _in_each_language({code: answers.areas[code][index] for code in answers.languages})}
                  for index, area in enumerate(answers.areas[first])],
        "regulator_name": REGULATORS[answers.regulator],
        "regulator_name_cy": REGULATORS_CY[answers.regulator],
        "taxonomies": starting_taxonomies(STARTER, answers.languages),
    }


def in_language(values: dict, answers: Answers, code: str) -> dict:
    """The values one language's draft pages see: the council's name, place and phone hours in that language."""
    return {**values, "organisation": answers.council[code], "place": place_of(answers.council[code]), "hours": answers.hours[code]}


def _in_each_language(texts: dict[str, str]):
    """site.yaml's text for a setting: plain text when every language has the same words (a name that is
    the same in Welsh and English), else a {code: text} mapping in the site's order."""
    values = list(texts.values())
    return values[0] if len(set(values)) == 1 else dict(texts)


def starter_files(answers: Answers, today: dt.date) -> dict[str, str]:
    """Every file of the new site, as {path: text}."""
    values = template_values(answers, today)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(STARTER), undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=True, autoescape=False)
    env.filters["q"] = yaml_string
    files = {}
    for source in sorted(p for p in STARTER.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        relative = source.relative_to(STARTER).as_posix()
        parts = relative.split("/")
        if parts[0] in ("data", "forms"):  # what init reads, not a file of the new site
            continue
        if parts[0] == "pages":
            if parts[1] not in answers.languages:
                continue
            target = "content/pages/" + page_name(parts[2].removesuffix(".j2"), parts[1], answers.languages[0])
            files[target] = env.get_template(relative).render(in_language(values, answers, parts[1]))
            continue
        target = "/".join("." + part if part in DOTTED else part for part in parts).removesuffix(".j2")
        files[target] = env.get_template(relative).render(values) if relative.endswith(".j2") else source.read_text(encoding="utf-8")
    for lock in ("site.txt", "audit.txt"):
        files[f"requirements/{lock}"] = _dependency_lock(lock)
    return {**pages_in_each_language(files, answers.languages), **issueforms.github_forms(STARTER / "forms", answers.languages)}


def _dependency_lock(name: str) -> str:
    """One of the tool's own hash-checked locks (its dependencies, or catalogue audit's): the new site's CI
    installs the same versions."""
    source = Path(__file__).resolve().parents[2] / "requirements" / name
    installed = Path(__file__).resolve().parents[1] / "locks" / name
    return (source if source.is_file() else installed).read_text(encoding="utf-8")


def refuse_unless_empty(folder: Path) -> None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise click.ClickException(f"{folder} is not an empty folder. Choose a new or empty folder for the new site: "
                                   "init never changes files that are already there.")


def write_site(folder: Path, answers: Answers, today: dt.date) -> list[Path]:
    refuse_unless_empty(folder)
    files = starter_files(answers, today)
    return [create_new(folder / name, text) for name, text in files.items()]


# ---------------------------------------------------------------- pages in each language

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
