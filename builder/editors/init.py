"""`catalogue init FOLDER`: a new council's site, from the answers to a few questions (asked here; the
files are written by starter_site.py).

The files come from builder/editors/starter/: `.j2` files are filled in with the answers (Jinja2),
the others are copied as they are. `github`, `gitignore` and `gitkeep` become dot files there
(package data leaves dot files out). Information page drafts live in starter/pages/<language>/:
the site's first language gets `about.md`, another gets `about.<code>.md` (its body only: its
title and summary join the first language's front matter as {cy: ..., en: ...} mappings;
builder/editors/starter_site.py). The issue forms and pull-request template live in starter/forms/<language>/
(builder/editors/issue_forms.py). A bilingual site is asked the council's name, title, areas and phone
hours in each language (--council-cy, --area-en, ...) and gets them as mappings in site.yaml.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import click

from builder import DISTRIBUTION, __version__
from builder.content.pitfalls import interface_languages
from builder.core import schemas
from builder.editors.starter_site import REGULATORS, STARTER, Answers, area_key, place_of, refuse_unless_empty, write_site

OWNER = re.compile(r"[A-Za-z0-9](-?[A-Za-z0-9]){0,38}")  # GitHub's rule for user and organisation names
REPO_NAME = re.compile(r"[A-Za-z0-9._-]{1,100}")
DEFAULT_HOURS = "Monday to Friday, 9am to 5pm"
# the default answers in each language the starter has pages in; Welsh ones say "yn ardal {place}", which
# no mutation touches ("yn {place}" would need "yng Nghaerdydd")
DEFAULT_TITLES = {"en": "Find day opportunities in {place}", "cy": "Dod o hyd i gyfleoedd dydd yn ardal {place}"}
DEFAULT_HOURS_IN = {"en": DEFAULT_HOURS, "cy": "Dydd Llun i ddydd Gwener, 9am tan 5pm"}
LANGUAGE_NAMES = {"en": "English", "cy": "Welsh"}  # init's questions are in English
PER_LANGUAGE = ("council", "title", "areas", "hours")  # the answers asked (and written) in each of the site's languages
# a commit id or a released version, never a branch or tag that can move: the site's CI installs it without hashes
PINNED_TOOL = re.compile(re.escape(DISTRIBUTION) + r"( @ git\+https://\S+@[0-9a-f]{40}|==[0-9][0-9A-Za-z.+-]*)")


# ---------------------------------------------------------------- checking one answer

def _setting(*keys: str) -> dict:
    """The site schema's rule for one setting, like ('contact', 'phone')."""
    rule = schemas.schema("site")
    for key in keys:
        rule = rule["properties"][key]
    return rule


def _matches(*keys: str):
    def check(value: str) -> str:
        rule = _setting(*keys)
        value = value.strip()
        if not re.search(rule["pattern"], value):
            expected = rule["x-expected"].removesuffix(", in quotes")  # quotes are for site.yaml, which init writes
            raise click.BadParameter(f"'{value}' is not {expected}.")
        return value
    return check


def _text(limit: int):
    def check(value: str) -> str:
        value = " ".join(value.split())
        if not value:
            raise click.BadParameter("it cannot be empty.")
        if len(value) > limit:
            raise click.BadParameter(f"it has {len(value)} characters; at most {limit} fit.")
        return value
    return check


def _repository(value: str) -> str:
    owner, _, name = value.strip().removeprefix("https://github.com/").removesuffix(".git").partition("/")
    if not (OWNER.fullmatch(owner) and REPO_NAME.fullmatch(name) and name not in {".", ".."}):
        raise click.BadParameter(f"'{value}' is not a GitHub repository: write it as OWNER/NAME, like northdale-council/day-opportunities.")
    return f"{owner}/{name}"


def _list(value) -> list[str]:
    items = value.split(",") if isinstance(value, str) else value
    return [" ".join(item.split()) for item in items if item.strip()]


def _areas(value) -> tuple[str, ...]:
    names = _list(value)
    if not names:
        raise click.BadParameter("name at least one area.")
    keys = [area_key(name) for name in names]
    for name, key in zip(names, keys):
        if not key:
            raise click.BadParameter(f"'{name}' has no letters or digits to make the area's key from.")
        if keys.count(key) > 1:
            raise click.BadParameter(f"two areas would have the same key '{key}': give them different names.")
        _text(80)(name)
    return tuple(names)


def _languages(value) -> tuple[str, ...]:
    codes = [code.lower() for code in _list(value)]
    # the default theme's languages (STARTER has no templates/ of its own) that have starter pages
    available = {code: name for code, name in interface_languages(STARTER).items() if (STARTER / "pages" / code).is_dir()}
    for code in codes:
        if code not in available:
            choices = ", ".join(f"{known} ({name})" for known, name in available.items())
            raise click.BadParameter(f"'{code}' is not a language the catalogue's interface is translated into. Available: {choices}.")
    if not codes:
        raise click.BadParameter("name at least one language, like en.")
    if len(set(codes)) < len(codes):
        raise click.BadParameter("a language is named twice.")
    return tuple(codes)


def _tool(value: str) -> str:
    value = value.strip()
    if not PINNED_TOOL.fullmatch(value):
        raise click.BadParameter(f"'{value}' does not pin the catalogue tool to one version: write a release, like {released_tool()}, "
                                 f"or {DISTRIBUTION} @ git+https://github.com/OWNER/REPO@COMMIT with the commit's full 40-character id.")
    return value


def released_tool() -> str:
    """The pip requirement of the release running now: a new site is built with the version that made it."""
    return f"{DISTRIBUTION}=={__version__}"


# ---------------------------------------------------------------- asking

QUESTIONS = [  # (answer, flag, question, check, default from earlier answers); "{in}" marks a question asked per language
    ("languages", "--language", "The site's languages, separated by commas (the first is the main one)", _languages, lambda a, code: "en"),
    ("council", "--council", "The council's name{in}, as it signs its pages", _text(120), None),
    ("title", "--title", "The site's name{in}, in the header of every page", _text(80),
     lambda a, code: DEFAULT_TITLES[code].format(place=place_of(a["council"][code]))),
    ("areas", "--area", "The areas the catalogue covers{in}, separated by commas", _areas,
     lambda a, code: None if code == a["languages"][0] else ", ".join(a["areas"][a["languages"][0]])),
    ("regulator", "--regulator", "The care regulator: cqc (England), ciw (Wales), care-inspectorate (Scotland) or rqia (Northern Ireland)",
     None, lambda a, code: "ciw" if "cy" in a["languages"] else "cqc"),  # a site in Welsh is most likely in Wales
    ("repository", "--repository", "The GitHub repository the site will live in, as OWNER/NAME", _repository, None),
    ("phone", "--phone", "Adult social care's phone number", _matches("contact", "phone"), None),
    ("email", "--email", "Adult social care's e-mail address", _matches("contact", "email"), None),
    ("hours", "--hours", "When the phone line is open{in}", _text(120), lambda a, code: _default_hours(a, code)),
    ("website", "--website", "Adult social care's web page", _matches("contact", "website"), None),
    ("safeguarding_phone", "--safeguarding-phone", "The phone number to report a safeguarding concern", _matches("safeguarding", "phone"), None),
    ("safeguarding_url", "--safeguarding-url", "The council's safeguarding web page", _matches("safeguarding", "url"), None),
    ("tool", "--tool", "The catalogue tool the site's GitHub Actions install: this release, or a git commit (a pip requirement)", _tool,
     lambda a, code: released_tool()),
]


def _default_hours(answers: dict, code: str) -> str | None:
    """Each language's default while the first language keeps its default; the council's own words
    must be given in each language."""
    first = answers["languages"][0]
    if code == first or answers["hours"][first] == DEFAULT_HOURS_IN[first]:
        return DEFAULT_HOURS_IN[code]
    return None


def _asked_in(key: str, code: str, answers: dict) -> tuple[str, str]:
    """(the flag, the question) for one language's answer: --council-en, "The council's name in English, ..."."""
    flag, question = next((flag, question) for k, flag, question, *_ in QUESTIONS if k == key)
    languages = answers["languages"]
    if len(languages) == 1:
        return flag, question.format(**{"in": ""})
    if key == "areas" and code != languages[0]:
        question = f"The same areas in {LANGUAGE_NAMES[code]}, in the same order, separated by commas"
    return f"{flag}-{code}", question.format(**{"in": f" in {LANGUAGE_NAMES[code]}"})


def _given_in(given: dict, key: str, flag: str, code: str, first: str):
    """A flag's value for one language: --council-cy names the Welsh, --council the first language's."""
    own = given.get(f"{key}_{code}")
    plain = given.get(key) if code == first else None
    if own not in (None, ()) and plain not in (None, ()) and own != plain:
        raise click.UsageError(f"{flag} and {flag}-{code} both give the {LANGUAGE_NAMES[code]} answer, differently: give one of them.")
    return own if own not in (None, ()) else plain


def gather(given: dict, ask: bool) -> Answers:
    """The answers: each flag as given (checked), else asked on the terminal, else its default."""
    answers: dict = {}
    if ask:
        click.echo("A few questions about the new site. Press Enter to keep the answer in [brackets].")
    for key, flag, question, check, default in QUESTIONS:
        if key == "areas":  # after languages: a flag for a language the site does not have is a mistake
            _no_other_languages(given, answers["languages"])
        if key not in PER_LANGUAGE:
            answers[key] = _answer(given.get(key), key, flag, question, check, default and (lambda: default(answers, "")), ask)
            continue
        answers[key] = {}
        first = answers["languages"][0]
        for code in answers["languages"]:
            flag_in, question_in = _asked_in(key, code, answers)
            value = _given_in(given, key, flag, code, first)
            check_in = _areas_like(answers["areas"][first], first) if key == "areas" and code != first else check
            answers[key][code] = _answer(value, key, flag_in, question_in, check_in,
                                         default and (lambda code=code: default(answers, code)), ask)
    out_of_hours = given.get("out_of_hours") or ""
    if out_of_hours:
        out_of_hours = _checked(out_of_hours, _matches("safeguarding", "out_of_hours"), "--out-of-hours")
    return Answers(**answers, out_of_hours=out_of_hours)


def _no_other_languages(given: dict, languages: tuple[str, ...]) -> None:
    for key, flag, *_ in QUESTIONS:
        for name, value in given.items():
            code = name.removeprefix(f"{key}_")
            if key in PER_LANGUAGE and name.startswith(f"{key}_") and value not in (None, ()) and code not in languages:
                raise click.UsageError(f"{flag}-{code} gives an answer in {LANGUAGE_NAMES.get(code, code)}, which is not one of the "
                                       f"site's languages ({', '.join(languages)}): add --language {code}, or leave it out.")


def _answer(value, key: str, flag: str, question: str, check, default, ask: bool):
    """One answer: the flag's value (checked), else asked, else the default; a required one missing stops init."""
    suggestion = default() if default and value in (None, (), "") else None
    if value in (None, (), "") and ask:
        kind = click.Choice(list(REGULATORS)) if key == "regulator" else None
        return click.prompt(question, default=suggestion, type=kind, show_choices=False, value_proc=None if kind else check)
    if value in (None, (), ""):
        if suggestion is None:
            raise click.UsageError(f"{flag} is missing: {question[0].lower() + question[1:]}. "
                                   "Give it as a flag, or leave out --yes to be asked.")
        value = suggestion
    return _checked(value, check, flag)


def _areas_count(count: int) -> str:
    return f"{count} area" if count == 1 else f"{count} areas"


def _areas_like(first: tuple[str, ...], language: str):
    """The check of another language's area names: as many as the first language's, in the same order."""
    def check(value) -> tuple[str, ...]:
        names = _areas(value)
        if len(names) != len(first):
            raise click.BadParameter(f"it names {_areas_count(len(names))}, but there {'is' if len(first) == 1 else 'are'} "
                                     f"{_areas_count(len(first))} in {LANGUAGE_NAMES[language]} "
                                     f"({', '.join(first)}): name each of them, in the same order.")
        return names
    return check


def _checked(value, check, flag: str):
    """A flag's value (or its default) through its check; a wrong one names the flag."""
    try:
        return check(value) if check else value
    except click.BadParameter as err:
        err.param_hint = f"'{flag}'"
        raise


# ---------------------------------------------------------------- the command

def init_options(fn):
    """Every question as a flag, for scripts (cli.py defines the command itself)."""
    options = [
        click.argument("folder", type=click.Path(path_type=Path)),
        click.option("--language", "languages", multiple=True,
                     help="A language of the site, like en. Repeat for each; the first is the main one. Default: en."),
        click.option("--council", help="The council's name in the site's first language, as it signs its pages, like 'Northdale County Council'."),
        click.option("--title", help="The site's name in the header, in the first language. Default: 'Find day opportunities in' the council's place name."),
        click.option("--area", "areas", multiple=True, help="An area the catalogue covers, like 'Northdale City', in the first language. Repeat for each area."),
        *_in_other_languages(),
        click.option("--regulator", type=click.Choice(list(REGULATORS)), help="Who registers and inspects care services: "
                     "cqc (England, the default), ciw (Wales, the default for a site in Welsh), care-inspectorate (Scotland) or rqia (Northern Ireland)."),
        click.option("--repository", help="The GitHub repository the site will live in, as OWNER/NAME."),
        click.option("--phone", help="Adult social care's phone number, like \"01632 960000\"."),
        click.option("--email", help="Adult social care's e-mail address."),
        click.option("--hours", help=f"When the phone line is open, in the first language. Default: {DEFAULT_HOURS}."),
        click.option("--website", help="Adult social care's web page, starting with https://."),
        click.option("--safeguarding-phone", help="The phone number to report a concern about someone's safety."),
        click.option("--out-of-hours", help="The safeguarding number out of hours, if there is one."),
        click.option("--safeguarding-url", help="The council's safeguarding web page, starting with https://."),
        click.option("--tool", help="The catalogue tool the site's GitHub Actions install, as a pip requirement. Default: this "
                     "release, 'day-opportunities-catalogue==VERSION' (Dependabot proposes each new one). A copy of the tool "
                     "of your own: 'day-opportunities-catalogue @ git+https://github.com/OWNER/REPO@COMMIT'."),
        click.option("--yes", "-y", "no_questions", is_flag=True,
                     help="Ask nothing: use the flags and defaults, and stop if a required one is missing."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _in_other_languages() -> list:
    """--council-cy, --title-cy, --area-cy, --hours-cy and the same for each language init has pages in."""
    options = []
    for code in sorted(p.name for p in (STARTER / "pages").iterdir() if p.is_dir()):
        language = LANGUAGE_NAMES.get(code, code)
        options += [
            click.option(f"--council-{code}", f"council_{code}", help=f"The council's name in {language}."),
            click.option(f"--title-{code}", f"title_{code}", help=f"The site's name in {language}. Default: made from the council's {language} name."),
            click.option(f"--area-{code}", f"areas_{code}", multiple=True,
                         help=f"An area's name in {language}: repeat for each area, in the order of --area. Default: the same names."),
            click.option(f"--hours-{code}", f"hours_{code}", help=f"When the phone line is open, in {language}."),
        ]
    return options


def start_site(folder: Path, no_questions: bool, given: dict) -> None:
    refuse_unless_empty(folder)  # before the questions, not after them
    answers = gather(given, ask=not no_questions)
    written = write_site(folder, answers, dt.date.today())
    click.echo(f"Wrote {len(written)} files to {folder}. Next: add a provider and a service "
               f"(catalogue new provider NAME --root {folder}), then follow \"Start a catalogue for your council\" in the documentation for council administrators.")
