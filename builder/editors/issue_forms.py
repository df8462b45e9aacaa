"""The new site's GitHub issue forms and pull-request template, in each of its languages (for `catalogue init`).

GitHub shows one issue form per file, so a bilingual site gets each form once per language, named by it
(`report-a-problem.cy.yml`, `report-a-problem.en.yml`: the chooser lists a form's two languages side by side).

The pull-request template is one bilingual file. GitHub's other convention, several files in
.github/PULL_REQUEST_TEMPLATE/, offers no choice in its web editor: a template there is used only when the
pull request's address names it (`?template=...`), so editors, who work in the web editor, would get none.
One file, with each line in the site's first language and then the other, gives every editor one
checklist, ticked once, in both languages.
"""

from __future__ import annotations

from pathlib import Path

FORMS = ("report-a-problem.yml", "suggest-a-listing.yml")
PULL_REQUEST_TEMPLATE = "pull_request_template.md"


def github_forms(folder: Path, languages: tuple[str, ...]) -> dict[str, str]:
    """{path in the new site: text} for the issue forms and the pull-request template; `folder` holds
    one folder of them per language (starter/forms/<code>/)."""
    def text(code: str, name: str) -> str:
        return (folder / code / name).read_text(encoding="utf-8")

    files = {}
    for name in FORMS:
        for code in languages:
            stem = name.removesuffix(".yml")
            files[f".github/ISSUE_TEMPLATE/{stem}.{code}.yml" if len(languages) > 1 else f".github/ISSUE_TEMPLATE/{name}"] = text(code, name)
    files[f".github/{PULL_REQUEST_TEMPLATE}"] = bilingual([text(code, PULL_REQUEST_TEMPLATE) for code in languages])
    return files


def bilingual(texts: list[str]) -> str:
    """Markdown files with the same lines in each language, as one: a heading's languages joined with " / ",
    a checklist item's other languages on lines of its own under the same box, other lines one after the other."""
    if len(texts) == 1:
        return texts[0]
    lines = [text.splitlines() for text in texts]
    if len({len(each) for each in lines}) > 1:
        raise ValueError("the translations of the pull-request template have different lines")
    out = []
    for versions in zip(*lines):
        first, others = versions[0], versions[1:]
        if not first.strip():
            out.append(first)
        elif first.startswith("#"):
            out.append(" / ".join([first, *(other.lstrip("# ") for other in others)]))
        elif first.startswith("- [ ] "):
            out.append("\n".join([first, *("  " + other.removeprefix("- [ ] ") for other in others)]))
        else:
            out.append("\n".join(versions))
    return "\n".join(out) + "\n"
