"""The Nu HTML Checker (npm vnu-jar, run with Java) over every HTML file of the sample build, of the worst-case
fixture build (checklist CI-2) and of the site `catalogue init` starts."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from htmlparse import html_files

from .a11y import VNU


@pytest.mark.parametrize("build, at_least", [("sample_site", 200), ("worst_case_site", 150), ("init_site", 60),
                                                 ("bilingual_site", 100)],
                         ids=["sample", "worst-case", "init", "bilingual"])
def test_every_html_page_of_the_build_has_no_nu_html_checker_errors(request, build, at_least):
    sample_site = request.getfixturevalue(build)
    java = shutil.which("java")
    assert java, "java is missing: run .ci/setup (it installs Debian's default-jre-headless)"
    assert VNU.is_file(), f"{VNU} is missing: run .ci/setup (npm ci)"
    pages = list(html_files(sample_site))
    assert len(pages) > at_least  # every page kind, standard and Easy Read
    result = subprocess.run([java, "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json",
                             *map(str, pages)], capture_output=True, text=True, timeout=300)
    report = json.loads(result.stderr or result.stdout)
    errors = [m for m in report["messages"] if m["type"] in ("error", "non-document-error")]
    shown = "\n".join(f"{m.get('url', '').removeprefix('file:' + str(sample_site))}:{m.get('lastLine', '?')}: "
                      f"{m['message']}\n    {m.get('extract', '').strip()[:160]}" for m in errors[:40])
    assert errors == [], f"{len(errors)} Nu HTML Checker error(s):\n{shown}"
    assert result.returncode == 0, result.stdout + result.stderr
