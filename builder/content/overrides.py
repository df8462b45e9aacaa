"""Checks on wording.yaml, a site's own words for the interface (see builder/language/interface.py).

A mistake there must not pass quietly: words the theme does not have would change nothing, and
a placeholder the theme does not fill would break every page that shows the words.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

from builder.content import pitfalls
from builder.core import theme
from builder.core.errors import WARNING, Problem
from builder.core.yamlfile import Located, YamlProblem, line_of, load_yaml
from builder.language import interface as i18n

FILE = i18n.OVERRIDES
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|\{[a-z_]+\}")
SOURCE_LIST = "templates/locale/messages.pot"


def check(root: Path) -> list[Problem]:
    path = root / FILE
    if not path.is_file():
        return []
    try:
        data, _duplicates = load_yaml(path.read_text(encoding="utf-8"))
    except YamlProblem as err:
        return [Problem(FILE, err.line, "", err.message, err.hint)]
    except UnicodeDecodeError:
        return [Problem(FILE, 1, "", "the file is not saved as UTF-8 text.", "Save it again as UTF-8 in your editor.")]
    if data is None:
        return []
    if not isinstance(data, Located):
        return [Problem(FILE, getattr(data, "line", 1), "", "the file must list languages, like 'en:', each with the words to change.",
                        "See 'Your own words' on the documentation's Languages page.")]
    languages = pitfalls.interface_languages(root)
    known = theme_words(root)
    problems = []
    for code, table in data.items():
        if code not in languages:
            choices = ", ".join(languages)
            problems.append(Problem(FILE, line_of(data, [code]), code, f"'{code}' is not a language the interface is translated into.",
                                    f"Use one of: {choices}."))
            continue
        if not isinstance(table, Located):
            problems.append(Problem(FILE, line_of(data, [code]), code, "the words to change must follow, one 'theme's words: your words' a line."))
            continue
        for english, own in table.items():
            problems += _check_words(data, code, english, own, known)
    return problems


def _check_words(data, code: str, english: str, own, known: dict[str, str]) -> list[Problem]:
    line, field = line_of(data, [code, english]), f"{code}.{english}"
    if english not in known:
        return [Problem(FILE, line, field, "the theme has no such words, so this changes nothing.",
                        f"Copy the English words exactly as {SOURCE_LIST} writes them (msgid lines).", WARNING)]
    if not isinstance(own, str):
        return [Problem(FILE, line, field, "the new words must be text on the same line.", "Put them in quotes if they are a number.")]
    wanted, found = set(PLACEHOLDER.findall(english)), set(PLACEHOLDER.findall(own))
    if found - wanted:
        return [Problem(FILE, line, field, f"the theme has no value called {', '.join(sorted(found - wanted))} to put in here.",
                        f"Use only the placeholders of the theme's words: {', '.join(sorted(wanted)) or 'none'}.")]
    if wanted - found:
        return [Problem(FILE, line, field, f"the new words leave out {', '.join(sorted(wanted - found))}, so the page will not show it.",
                        "Keep each placeholder of the theme's words.", WARNING)]
    return []


def theme_words(root: Path) -> dict[str, str]:
    """Every interface string of the theme, by its English (the first form of a plural too)."""
    for folder in theme.theme_dirs(root):
        pot = Path(folder) / "locale" / "messages.pot"
        if pot.is_file():
            with pot.open("rb") as file:
                words = {}
                for message in read_po(file):
                    for english in (message.id if isinstance(message.id, tuple) else (message.id,)):
                        if english:
                            words[english] = english
                return words
    return {}
