"""`catalogue init FOLDER` (issue 12): a new council's site that builds, points at its own
repository, and carries nothing of the sample council. The browser accessibility suite runs
on the built site too (the `init` pages in tests/browser/a11y.py)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from builder import __version__ as VERSION
from builder.editors import starter_site as starter
from builder.cli.commands import main
from builder.core.schemas import validator
from builder.core.yamlfile import load_yaml
from conftest import INIT_FLAGS, PROJECT, SAMPLE, init_site_with_a_listing, run_cli
from htmlparse import parse_file
from test_workflows import run_actionlint

DRAFTS = ["about", "privacy", "what-are-day-opportunities", "care-needs-assessment", "paying-for-day-opportunities",
          "support-for-carers", "for-providers", "quality-and-safety"]


def init(folder: Path, *flags: str, input: str | None = None):
    return CliRunner().invoke(main, ["init", str(folder), *flags], input=input)


@pytest.fixture(scope="module")
def new_site(tmp_path_factory) -> Path:
    """init's files alone, before any listing is added."""
    folder = tmp_path_factory.mktemp("init") / "northdale"
    result = init(folder, *INIT_FLAGS)
    assert result.exit_code == 0, result.output
    return folder


def written(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


# ---------------------------------------------------------------- the new site builds

def test_init_then_new_service_then_build_gives_a_site_named_for_the_council_with_every_draft_in_both_versions(init_site: Path):
    home = parse_file(init_site / "index.html")
    assert home.find("h1").text == "Find day opportunities in Northdale"
    assert "Northdale County Council" in home.find(class_="site-organisation").text
    assert "information pages, which are drafts" in home.text
    service = parse_file(init_site / "services" / "northdale-care" / "friday-lunch-club" / "index.html")
    assert service.find("h1").text == "Friday lunch club"
    for name in DRAFTS:
        for version in ("", "easy-read/"):
            page = parse_file(init_site / version / name / "index.html")
            assert "draft" in page.find("main").text.lower(), f"{version}{name}/ does not say it is a draft"


def test_the_new_site_has_every_file_a_council_needs(new_site: Path):
    files = written(new_site)
    assert files == sorted([
        ".github/ISSUE_TEMPLATE/config.yml", ".github/ISSUE_TEMPLATE/report-a-problem.yml",
        ".github/ISSUE_TEMPLATE/suggest-a-listing.yml", ".github/dependabot.yml", ".github/pull_request_template.md",
        ".github/workflows/check.yml", ".github/workflows/publish.yml", ".github/workflows/review-due.yml",
        ".gitignore", "README.md", "content/providers/.gitkeep", "requirements/audit.txt", "requirements/catalogue.txt", "requirements/site.txt",
        "site.yaml", *(f"content/pages/{name}{kind}" for name in DRAFTS for kind in (".md", ".easy.md")),
    ])


def test_site_yaml_is_valid_and_every_setting_says_what_it_is(new_site: Path):
    text = (new_site / "site.yaml").read_text(encoding="utf-8")
    data, duplicates = load_yaml(text)
    assert not duplicates and list(validator("site").iter_errors(data)) == []
    assert data["organisation"] == "Northdale County Council"
    assert [(a["key"], a["name"]) for a in data["areas"]] == [("northdale-city", "Northdale City"), ("eastmoor", "Eastmoor")]
    assert data["language"] == "en-GB" and "regulator" not in data  # cqc is the default
    lines = text.splitlines()
    for number, line in enumerate(lines):
        setting = re.match(r"(\w+):", line)
        if setting and setting.group(1) != "taxonomies":
            assert "#" in line or lines[number - 1].startswith("#"), f"site.yaml's {setting.group(1)} has no comment"


def test_the_new_site_points_at_its_own_repository_and_council(new_site: Path):
    site = yaml.safe_load((new_site / "site.yaml").read_text(encoding="utf-8"))
    assert site["base_url"] == "https://northdale-council.github.io/day-opportunities/"
    assert site["edit_url"] == "https://github.com/northdale-council/day-opportunities/edit/main/{path}"
    config = yaml.safe_load((new_site / ".github/ISSUE_TEMPLATE/config.yml").read_text(encoding="utf-8"))
    assert [link["url"] for link in config["contact_links"]] == [site["safeguarding"]["url"], site["contact"]["website"]]
    sample = yaml.safe_load((SAMPLE / "site.yaml").read_text(encoding="utf-8"))  # the project's own repository's settings
    own_repository = sample["edit_url"].split("/edit/")[0].removeprefix("https://github.com/")
    for name in written(new_site):
        assert own_repository not in (new_site / name).read_text(encoding="utf-8"), f"{name} names this project's repository"


def test_nothing_of_the_sample_council_reaches_the_new_site(new_site: Path, init_site: Path):
    sample = yaml.safe_load((SAMPLE / "site.yaml").read_text(encoding="utf-8"))
    providers = [p.name.replace("-", " ") for p in (SAMPLE / "content" / "providers").iterdir()]
    names = {"redvale", *(area["name"].lower() for area in sample["areas"]), *providers}
    found = [(f, name) for f in written(new_site) for name in names if name in (new_site / f).read_text(encoding="utf-8").lower()]
    built = [p for p in init_site.rglob("*.html") if "redvale" in p.read_text(encoding="utf-8").lower()]
    assert found == [] and built == []


def test_the_workflows_install_the_tool_pass_actionlint_and_pin_the_same_actions_as_this_project(new_site: Path):
    for lock in ("requirements/site.txt", "requirements/audit.txt"):
        assert (new_site / lock).read_text() == (PROJECT / lock).read_text()
    assert (new_site / "requirements/catalogue.txt").read_text().splitlines()[-1] == INIT_FLAGS[-1]
    ours = set(re.findall(r"uses: (\S+)", "".join(p.read_text() for p in (PROJECT / ".github/workflows").glob("*.yml"))))
    for workflow in sorted((new_site / ".github/workflows").glob("*.yml")):
        text = workflow.read_text(encoding="utf-8")
        assert "pip install --no-deps --no-build-isolation -r requirements/catalogue.txt" in text
        assert set(re.findall(r"uses: (\S+)", text)) <= ours, f"{workflow.name} pins an action this project does not"
        done = run_actionlint(workflow, new_site)
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_issue_forms_ask_what_this_projects_forms_ask(new_site: Path):
    def questions(path: Path) -> list:
        form = yaml.safe_load(path.read_text(encoding="utf-8"))
        return [(q["type"], q.get("id"), q["attributes"].get("label"), q["attributes"].get("options")) for q in form["body"]]
    for form in ("report-a-problem.yml", "suggest-a-listing.yml"):
        assert questions(new_site / ".github/ISSUE_TEMPLATE" / form) == questions(PROJECT / ".github/ISSUE_TEMPLATE" / form)


# ---------------------------------------------------------------- asking on a terminal

def test_init_asks_each_question_offers_defaults_and_asks_again_after_a_wrong_answer(tmp_path: Path, monkeypatch):
    answers = ["", "Eastmoor Borough Council", "", "Eastmoor, West Fell, Ynys Môn", "", "eastmoor-bc/catalogue",
               "12345", "01632 960100", "care@eastmoor.example.org", "", "https://eastmoor.example.org/care",
               "01632 960101", "https://eastmoor.example.org/safeguarding", "  ", ""]  # the tool: blank, then Enter
    result = init(tmp_path / "eastmoor", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "The site's name, in the header of every page [Find day opportunities in Eastmoor]:" in result.output
    assert ("The catalogue tool the site's GitHub Actions install: this release, or a git commit (a pip requirement) "
            f"[day-opportunities-catalogue=={VERSION}]:") in result.output
    assert ("Error: '' does not pin the catalogue tool to one version: write a release, like "
            f"day-opportunities-catalogue=={VERSION}, or day-opportunities-catalogue @ git+") in result.output
    assert (tmp_path / "eastmoor" / "requirements" / "catalogue.txt").read_text(encoding="utf-8").splitlines()[-1] == \
        f"day-opportunities-catalogue=={VERSION}"
    assert "Error: '12345' is not a UK phone number like \"01632 960123\" or \"+44 1632 960123\".\n" in result.output
    site = yaml.safe_load((tmp_path / "eastmoor" / "site.yaml").read_text(encoding="utf-8"))
    assert site["title"] == "Find day opportunities in Eastmoor"
    assert [a["key"] for a in site["areas"]] == ["eastmoor", "west-fell", "ynys-mon"]
    assert site["contact"]["hours"] == "Monday to Friday, 9am to 5pm"
    assert site["contact"]["phone"] == "01632 960100"


# ---------------------------------------------------------------- bad input

def flags_with(**changes: str) -> list[str]:
    flags = list(INIT_FLAGS)
    for flag, value in changes.items():
        option = "--" + flag.replace("_", "-")
        if option in flags:
            flags[flags.index(option) + 1] = value
        else:
            flags += [option, value]
    return flags


@pytest.mark.parametrize("changes, message", [
    ({"language": "fr"},
     "Error: Invalid value for '--language': 'fr' is not a language the catalogue's interface is translated into. "
     "Available: en (English), cy (Cymraeg)."),
    ({"regulator": "ofsted"},
     "Error: Invalid value for '--regulator': 'ofsted' is not one of 'cqc', 'ciw', 'care-inspectorate', 'rqia'."),
    ({"repository": "northdale council"},
     "Error: Invalid value for '--repository': 'northdale council' is not a GitHub repository: write it as OWNER/NAME, "
     "like northdale-council/day-opportunities."),
    ({"email": "mailto:care@northdale.example.org"},
     "Error: Invalid value for '--email': 'mailto:care@northdale.example.org' is not an e-mail address like name@example.org."),
    ({"tool": "day-opportunities-catalogue @ git+https://github.com/example-org/catalogue@main"},
     "Error: Invalid value for '--tool': 'day-opportunities-catalogue @ git+https://github.com/example-org/catalogue@main' does not pin "
     f"the catalogue tool to one version: write a release, like day-opportunities-catalogue=={VERSION}, or "
     "day-opportunities-catalogue @ git+https://github.com/OWNER/REPO@COMMIT with the commit's full 40-character id."),
], ids=["language", "regulator", "repository", "email", "tool"])
def test_a_wrong_answer_stops_init_with_what_to_write_and_writes_nothing(tmp_path: Path, changes: dict, message: str):
    result = init(tmp_path / "site", *flags_with(**changes))
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == message
    assert not (tmp_path / "site").exists()


def test_init_never_writes_into_a_folder_that_has_files(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = init(tmp_path, *INIT_FLAGS)
    assert result.exit_code == 1
    assert result.output == (f"Error: {tmp_path} is not an empty folder. Choose a new or empty folder for the new site: "
                             "init never changes files that are already there.\n")
    assert written(tmp_path) == ["notes.txt"]


def test_without_a_terminal_a_missing_answer_is_named(tmp_path: Path):
    flags = [f for i, f in enumerate(INIT_FLAGS) if "--council" not in INIT_FLAGS[max(i - 1, 0): i + 1]]
    result = init(tmp_path / "site", *flags)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == ("Error: --council is missing: the council's name, as it signs its pages. "
                                              "Give it as a flag, or leave out --yes to be asked.")


def test_a_default_that_does_not_fit_names_the_flag_to_give(tmp_path: Path):
    council = "The Royal Borough of Northdale and the Eastmoor Valley Combined Authority Council"
    result = init(tmp_path / "site", *flags_with(council=council))
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "Error: Invalid value for '--title': it has 99 characters; at most 80 fit."


# ---------------------------------------------------------------- other choices

def test_a_regulator_other_than_cqc_is_written_into_site_yaml_and_named_on_the_quality_page(tmp_path: Path):
    result = init(tmp_path / "scotland", *flags_with(regulator="care-inspectorate"))
    assert result.exit_code == 0, result.output
    assert 'regulator: "care-inspectorate"' in (tmp_path / "scotland" / "site.yaml").read_text(encoding="utf-8")
    assert "registered with the Care Inspectorate" in (tmp_path / "scotland/content/pages/quality-and-safety.md").read_text()


@pytest.mark.parametrize("regulator, shape", [("ciw", "SIN-"), ("care-inspectorate", "CS"), ("rqia", "")])
def test_a_new_site_for_another_regulator_checks_its_first_listing_with_that_regulators_words(tmp_path: Path, regulator, shape):
    root = init_site_with_a_listing(tmp_path / "site", "--regulator", regulator)
    listing = (root / "content/providers/northdale-care/friday-lunch-club.md").read_text(encoding="utf-8")
    line = next(line for line in listing.splitlines() if line.startswith("# regulator_id:"))
    assert f'"{shape}' in line and "Care Quality Commission" not in listing
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 0, result.output


def test_a_second_language_gets_its_own_draft_files_beside_the_first():
    assert starter.page_name("about.easy.md", "en", "en") == "about.easy.md"
    assert starter.page_name("about.easy.md", "cy", "en") == "about.cy.easy.md"
    assert starter.page_name("about.md", "cy", "en") == "about.cy.md"


def build_quickly(root: Path) -> Path:
    out = root.parent / "_site"
    result = subprocess.run([sys.executable, "-m", "builder", "build", "--root", str(root), "--out", str(out), "--no-search"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_a_welsh_council_starts_a_bilingual_site_welsh_first_with_every_draft_in_both_languages(tmp_path: Path):
    root = init_site_with_a_listing(tmp_path / "site", "--language", "cy", "--language", "en", "--regulator", "ciw",
                                    "--council", "Cyngor Sir Northdale", "--council-en", "Northdale County Council")
    data = yaml.safe_load((root / "site.yaml").read_text(encoding="utf-8"))
    assert data["languages"] == ["cy", "en"] and data["regulator"] == "ciw"
    assert data["title"] == {"cy": "Dod o hyd i gyfleoedd dydd yn ardal Sir Northdale", "en": "Find day opportunities in Northdale"}
    check = run_cli("check", "--root", str(root))
    assert check.exit_code == 0 and "\n0 errors " in f"\n{check.output}", check.output
    assert "there is no English" not in check.output and "there is no Welsh" not in check.output  # the drafts are translated
    out = build_quickly(root)
    home, english = parse_file(out / "index.html"), parse_file(out / "en" / "index.html")
    assert home.html.get("lang") == "cy" and english.html.get("lang") == "en-GB"
    assert home.find("h1").text == "Dod o hyd i gyfleoedd dydd yn ardal Sir Northdale"
    assert english.find("h1").text == "Find day opportunities in Northdale"
    for page in (home, english):  # each names both, itself included
        alternates = {link.get("hreflang"): link.get("href") for link in page.find_all("link")
                      if link.get("rel") == "alternate" and link.get("hreflang")}
        assert alternates == {"cy": "https://northdale-council.github.io/day-opportunities/",
                              "en-GB": "https://northdale-council.github.io/day-opportunities/en/"}
    for name in DRAFTS:
        for version, welsh, english_words in (("", "Drafft i'w ddisodli", "This page is a draft to replace"),
                                              ("easy-read/", "Drafft yw'r dudalen hon", "This page is a draft.")):
            cy_page, en_page = parse_file(out / version / name / "index.html"), parse_file(out / "en" / version / name / "index.html")
            assert welsh in cy_page.find("main").text and english_words not in cy_page.find("main").text, f"{version}{name}/"
            assert english_words in en_page.find("main").text and welsh not in en_page.find("main").text, f"en/{version}{name}/"
    assert "Arolygiaeth Gofal Cymru" in parse_file(out / "quality-and-safety" / "index.html").find("main").text
    assert "Care Inspectorate Wales" in parse_file(out / "en" / "quality-and-safety" / "index.html").find("main").text
    # the starting categories are in both languages too (starter/data/taxonomies.yaml)
    assert data["taxonomies"]["who_for"]["older-people"]["label"] == {"cy": "Pobl hŷn", "en": "Older people"}
    assert "Pobl hŷn" in parse_file(out / "who-for" / "index.html").find("main").text
    assert "Older people" in parse_file(out / "en" / "who-for" / "index.html").find("main").text
    # "report a problem" opens the form in the page's language (init writes one per language)
    for prefix, form, title in (("", "report-a-problem.cy.yml", "Problem gyda chofnod: Friday lunch club"),
                                ("en/", "report-a-problem.en.yml", "Problem with a listing: Friday lunch club")):
        page = parse_file(out / prefix / "services/northdale-care/friday-lunch-club/index.html")
        link = next(a.get("href") for a in page.find_all("a") if "/issues/new?" in (a.get("href") or ""))
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)
        assert (query["template"], query["title"]) == ([form], [title]), prefix


def test_an_english_first_bilingual_site_puts_the_welsh_drafts_beside_the_english(tmp_path: Path):
    result = init(tmp_path / "site", *INIT_FLAGS, "--language", "en", "--language", "cy", "--council-cy", "Cyngor Sir Northdale")
    assert result.exit_code == 0, result.output
    pages = tmp_path / "site" / "content" / "pages"
    assert (pages / "about.cy.md").is_file() and (pages / "about.cy.easy.md").is_file()
    assert "Drafft" in (pages / "about.cy.md").read_text(encoding="utf-8")
    check = run_cli("check", "--root", str(tmp_path / "site"))
    assert check.exit_code == 0, check.output


def test_a_welsh_only_site_builds_in_welsh(tmp_path: Path):
    root = init_site_with_a_listing(tmp_path / "site", "--language", "cy", "--regulator", "ciw", "--council", "Cyngor Northdale")
    data = yaml.safe_load((root / "site.yaml").read_text(encoding="utf-8"))
    assert data["language"] == "cy" and "languages" not in data
    assert not list((root / "content" / "pages").glob("*.en.*"))
    out = build_quickly(root)
    home = parse_file(out / "index.html")
    assert home.html.get("lang") == "cy" and not (out / "en").exists()
    assert home.find("h1").text == "Dod o hyd i gyfleoedd dydd yn ardal Northdale"
    assert "Drafft i'w ddisodli" in parse_file(out / "about" / "index.html").find("main").text


def test_the_welsh_drafts_match_the_english_ones_file_for_file_and_field_for_field():
    english, welsh = starter.STARTER / "pages" / "en", starter.STARTER / "pages" / "cy"
    assert sorted(p.name for p in welsh.iterdir()) == sorted(p.name for p in english.iterdir())
    for page in english.iterdir():
        ours, theirs = page.read_text(encoding="utf-8"), (welsh / page.name).read_text(encoding="utf-8")
        assert list(starter.front_matter(ours)[0]) == list(starter.front_matter(theirs)[0]), page.name
        names = lambda text: set(re.findall(r"\{\{ *(\w+)", text)) - {"regulator_name", "regulator_name_cy"}
        assert names(theirs) == names(ours), page.name


def test_the_title_is_made_from_the_councils_place_name():
    assert starter.place_of("Northdale County Council") == "Northdale"
    assert starter.place_of("City of Eastmoor Council") == "City of Eastmoor"
    assert starter.place_of("Westvale Metropolitan Borough Council") == "Westvale"


# ---------------------------------------------------------------- the tool as the new site's CI installs it

def test_the_tool_installed_as_a_package_not_a_checkout_starts_and_builds_a_site(tmp_path: Path, new_site: Path):
    """The new site's workflows pip-install the tool (not editable): its theme, schemas, starter and lock must come with it."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "builder", "templates", "schemas", "requirements"):
        copy = shutil.copytree if (PROJECT / name).is_dir() else shutil.copy2
        copy(PROJECT / name, source / name, **({"ignore": shutil.ignore_patterns("__pycache__")} if copy is shutil.copytree else {}))
    installed = tmp_path / "installed"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                           "--target", str(installed), str(source)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    env = {**os.environ, "PYTHONPATH": str(installed)}
    site = tmp_path / "westvale"
    for args in (["init", str(site), *INIT_FLAGS], ["build", "--root", str(site), "--quiet"]):
        done = subprocess.run([sys.executable, "-m", "builder", *args], capture_output=True, text=True, timeout=300, cwd=tmp_path, env=env)
        assert done.returncode == 0, done.stdout + done.stderr
    assert written(site / "content") == written(new_site / "content")
    assert (site / "_site" / "privacy" / "index.html").is_file() and (site / "_site" / "pagefind").is_dir()


def test_dependabot_watches_only_what_the_new_site_has(new_site: Path):
    config = yaml.safe_load((new_site / ".github/dependabot.yml").read_text(encoding="utf-8"))
    assert [(u["package-ecosystem"], u["directory"]) for u in config["updates"]] == [("github-actions", "/"), ("pip", "/requirements")]


# ---------------------------------------------------------------- the released tool, pinned and upgraded

def test_a_new_site_pins_this_release_and_its_dependabot_and_check_carry_each_upgrade(tmp_path: Path):
    flags = [f for i, f in enumerate(INIT_FLAGS) if "--tool" not in INIT_FLAGS[max(i - 1, 0): i + 1]]
    result = init(tmp_path / "site", *flags)
    assert result.exit_code == 0, result.output
    site = tmp_path / "site"
    pinned = (site / "requirements/catalogue.txt").read_text(encoding="utf-8")
    assert pinned.splitlines()[-1] == f"day-opportunities-catalogue=={VERSION}"
    assert "merge the pull request Dependabot opens when a new version is released" in pinned
    readme = (site / "README.md").read_text(encoding="utf-8")
    assert "## Upgrading the catalogue tool" in readme and "Dependabot opens a pull request that changes the\nversion in" in readme
    assert (site / "requirements/site.txt").read_text(encoding="utf-8") == (PROJECT / "requirements/site.txt").read_text(encoding="utf-8")

    pip = yaml.safe_load((site / ".github/dependabot.yml").read_text(encoding="utf-8"))["updates"][1]
    assert (pip["package-ecosystem"], pip["directory"]) == ("pip", "/requirements")
    assert list(pip["groups"]) == ["catalogue-tool", "python"]  # the tool's upgrade is a pull request of its own
    assert pip["groups"]["catalogue-tool"]["patterns"] == ["day-opportunities-catalogue"]

    check = yaml.safe_load((site / ".github/workflows/check.yml").read_text(encoding="utf-8"))
    assert list(check[True]) == ["pull_request"]  # Dependabot's pull requests too
    steps = check["jobs"]["check"]["steps"]
    install = next(s["run"] for s in steps if s.get("name") == "Install the catalogue tool").splitlines()
    assert install == ["pip install --require-hashes -r requirements/site.txt",
                       "pip install --no-deps --no-build-isolation -r requirements/catalogue.txt", "pip check", "catalogue --version"]
    runs = [s.get("run", "") for s in steps]
    assert "catalogue check --format github" in runs and "catalogue build" in runs  # the whole site, with the new version


def test_the_check_workflow_audits_the_built_pages_and_the_statement_says_exactly_what_that_runs(new_site: Path):
    steps = yaml.safe_load((new_site / ".github/workflows/check.yml").read_text(encoding="utf-8"))["jobs"]["check"]["steps"]
    names = [s.get("name") for s in steps]
    assert names[-3:] == ["Summarise the changes to listings", "Install what the audit needs", "Audit the built pages"]
    install = steps[-2]["run"].splitlines()
    assert install[:2] == ["pip install --no-deps --require-hashes -r requirements/audit.txt", "pip check"]
    assert install[-1] == 'echo "VNU_JAR=$RUNNER_TEMP/package/build/dist/vnu.jar" >> "$GITHUB_ENV"'
    assert steps[-1]["run"] == "catalogue audit --base ../base"  # every listing the pull request adds or changes
    statement = yaml.safe_load((new_site / "site.yaml").read_text(encoding="utf-8"))["accessibility"]["tested_by"]
    assert statement == ("the automated audit on every pull request (catalogue audit), which runs axe-core's WCAG A and AA "
                         "rules in Chromium, the Nu HTML Checker, a reflow check at 320 CSS pixels and a broken-link check on "
                         "one page of every kind in each version and language and on every changed listing")
    assert "keyboard" not in statement and "text-spacing" not in statement  # not what the workflow runs


def test_a_git_requirement_is_still_taken_and_says_how_to_upgrade_it(new_site: Path):
    pinned = (new_site / "requirements/catalogue.txt").read_text(encoding="utf-8")
    assert pinned.splitlines()[-1] == INIT_FLAGS[-1]
    assert "change the commit below and copy that commit's requirements/site.txt" in pinned


# ---------------------------------------------------------------- every answer in every language (issue 24)

CEREDIGION = [  # a Welsh-first council's answers, every one that has words given in both languages
    "--yes", "--language", "cy", "--language", "en", "--regulator", "ciw",
    "--council", "Cyngor Sir Ceredigion", "--council-en", "Ceredigion County Council",
    "--area", "Aberaeron", "--area", "Llanbedr Pont Steffan", "--area-en", "Aberaeron", "--area-en", "Lampeter",
    "--hours", "Dydd Llun i ddydd Iau, 8:30am tan 5pm", "--hours-en", "Monday to Thursday, 8:30am to 5pm",
    "--repository", "ceredigion/day-opportunities", "--phone", "01545 570881", "--email", "care@ceredigion.example.org",
    "--website", "https://ceredigion.example.org/care", "--safeguarding-phone", "01545 574000",
    "--safeguarding-url", "https://ceredigion.example.org/safeguarding", "--tool", INIT_FLAGS[-1],
]
PROMPTED = [  # the same answers, on a terminal
    "cy, en", "Cyngor Sir Ceredigion", "Ceredigion County Council", "", "", "Aberaeron, Llanbedr Pont Steffan", "Aberaeron",
    "Aberaeron, Lampeter", "", "ceredigion/day-opportunities", "01545 570881", "care@ceredigion.example.org",
    "Dydd Llun i ddydd Iau, 8:30am tan 5pm", "", "Monday to Thursday, 8:30am to 5pm", "https://ceredigion.example.org/care",
    "01545 574000", "https://ceredigion.example.org/safeguarding", INIT_FLAGS[-1],
]


def site_yaml(root: Path) -> dict:
    return yaml.safe_load((root / "site.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def ceredigion(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("ceredigion") / "site"
    result = init(folder, *CEREDIGION)
    assert result.exit_code == 0, result.output
    return folder


def test_a_welsh_first_site_from_flags_writes_each_answer_in_both_languages(ceredigion: Path):
    data = site_yaml(ceredigion)
    assert data["organisation"] == {"cy": "Cyngor Sir Ceredigion", "en": "Ceredigion County Council"}
    assert data["title"] == {"cy": "Dod o hyd i gyfleoedd dydd yn ardal Sir Ceredigion", "en": "Find day opportunities in Ceredigion"}
    assert data["notice"] == {
        "cy": "Mae'r wefan hon yn newydd: mae Cyngor Sir Ceredigion yn dal i wirio ei thudalennau gwybodaeth, sy'n ddrafftiau.",
        "en": "This site is new: Ceredigion County Council is still checking its information pages, which are drafts."}
    assert data["contact"]["hours"] == {"cy": "Dydd Llun i ddydd Iau, 8:30am tan 5pm", "en": "Monday to Thursday, 8:30am to 5pm"}
    # a name that is the same in both languages is written once
    assert data["areas"] == [{"key": "aberaeron", "name": "Aberaeron"},
                             {"key": "llanbedr-pont-steffan", "name": {"cy": "Llanbedr Pont Steffan", "en": "Lampeter"}}]
    as_editors_tools_see_it = jsonschema.Draft202012Validator(json.loads((PROJECT / "schemas/site.schema.json").read_text(encoding="utf-8")))
    assert list(as_editors_tools_see_it.iter_errors(load_yaml((ceredigion / "site.yaml").read_text(encoding="utf-8"))[0])) == []


def test_the_same_answers_asked_on_a_terminal_ask_each_language_in_turn_and_write_the_same_site_yaml(tmp_path: Path, ceredigion: Path):
    result = init(tmp_path / "site", input="\n".join(PROMPTED) + "\n")
    assert result.exit_code == 0, result.output
    asked = [line.split(":")[0] for line in result.output.splitlines()[1:-2]]  # the tool's question is issue 25's
    assert asked == [
        "The site's languages, separated by commas (the first is the main one) [en]",
        "The council's name in Welsh, as it signs its pages",
        "The council's name in English, as it signs its pages",
        "The site's name in Welsh, in the header of every page [Dod o hyd i gyfleoedd dydd yn ardal Sir Ceredigion]",
        "The site's name in English, in the header of every page [Find day opportunities in Ceredigion]",
        "The areas the catalogue covers in Welsh, separated by commas",
        "The same areas in English, in the same order, separated by commas [Aberaeron, Llanbedr Pont Steffan]",
        "Error",
        "The same areas in English, in the same order, separated by commas [Aberaeron, Llanbedr Pont Steffan]",
        "The care regulator",
        "The GitHub repository the site will live in, as OWNER/NAME",
        "Adult social care's phone number",
        "Adult social care's e-mail address",
        "When the phone line is open in Welsh [Dydd Llun i ddydd Gwener, 9am tan 5pm]",
        "When the phone line is open in English",  # the council's own Welsh hours: the English must be written too
        "When the phone line is open in English",
        "Adult social care's web page",
        "The phone number to report a safeguarding concern",
        "The council's safeguarding web page",
    ]
    assert ("Error: it names 1 area, but there are 2 areas in Welsh (Aberaeron, Llanbedr Pont Steffan): "
            "name each of them, in the same order.") in result.output
    assert "(Northern Ireland) [ciw]:" in result.output  # a site in Welsh is most likely in Wales
    assert site_yaml(tmp_path / "site") == {**site_yaml(ceredigion), "base_url": site_yaml(ceredigion)["base_url"]}


def test_the_welsh_first_site_checks_and_builds_with_each_language_s_words_on_its_own_pages(ceredigion: Path):
    check = run_cli("check", "--root", str(ceredigion))
    assert check.exit_code == 0 and "\n0 errors " in f"\n{check.output}", check.output
    assert "there is no English" not in check.output and "there is no Welsh" not in check.output
    out = build_quickly(ceredigion)
    welsh, english = parse_file(out / "index.html"), parse_file(out / "en" / "index.html")
    assert welsh.find(class_="site-organisation").text.strip() == "Cyngor Sir Ceredigion"
    assert english.find(class_="site-organisation").text.strip() == "Ceredigion County Council"
    assert ("Mae'r wefan hon yn newydd: mae Cyngor Sir Ceredigion yn dal i wirio ei thudalennau gwybodaeth, sy'n ddrafftiau."
            in " ".join(welsh.text.split()))
    assert "(Dydd Llun i ddydd Iau, 8:30am tan 5pm)" in welsh.find("footer").text
    assert "(Monday to Thursday, 8:30am to 5pm)" in english.find("footer").text
    about = parse_file(out / "about" / "index.html").find("main").text
    assert "ar gyfer Cyngor Sir Ceredigion" in about and "County Council" not in about
    assert "Ceredigion County Council" in parse_file(out / "en" / "about" / "index.html").find("main").text
    carers = " ".join(parse_file(out / "support-for-carers" / "index.html").find("main").text.split())
    assert "Ffôn Cyngor Sir Ceredigion: 01545 570881 (Dydd Llun i ddydd Iau, 8:30am tan 5pm). E-bost: care@ceredigion.example.org." in carers
    assert "Lampeter" in parse_file(out / "en" / "areas" / "index.html").find("main").text
    assert "Llanbedr Pont Steffan" in parse_file(out / "areas" / "index.html").find("main").text


def test_a_bilingual_site_s_readme_has_a_plain_heading_and_names_the_council_in_english(ceredigion: Path):
    lines = (ceredigion / "README.md").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# Find day opportunities in Ceredigion"
    assert lines[2] == "The catalogue of day opportunities published by Ceredigion County Council at https://ceredigion.github.io/day-opportunities/."


def test_a_bilingual_site_gets_each_issue_form_in_each_language_named_by_it(ceredigion: Path):
    forms = sorted(p.name for p in (ceredigion / ".github/ISSUE_TEMPLATE").iterdir())
    assert forms == ["config.yml", "report-a-problem.cy.yml", "report-a-problem.en.yml", "suggest-a-listing.cy.yml", "suggest-a-listing.en.yml"]
    welsh = yaml.safe_load((ceredigion / ".github/ISSUE_TEMPLATE/report-a-problem.cy.yml").read_text(encoding="utf-8"))
    assert (welsh["name"], welsh["title"]) == ("Rhoi gwybod am broblem gyda chofnod", "Problem gyda chofnod: ")
    english = yaml.safe_load((ceredigion / ".github/ISSUE_TEMPLATE/report-a-problem.en.yml").read_text(encoding="utf-8"))
    assert english == yaml.safe_load((starter.STARTER / "forms/en/report-a-problem.yml").read_text(encoding="utf-8"))
    config = yaml.safe_load((ceredigion / ".github/ISSUE_TEMPLATE/config.yml").read_text(encoding="utf-8"))
    assert [link["name"] for link in config["contact_links"]] == [
        "Poeni bod rhywun yn cael ei niweidio neu ei esgeuluso?", "Gofyn am ofal a chymorth i chi'ch hun neu i rywun arall",
        "Worried someone is being harmed or neglected?", "Ask about care and support for yourself or someone else"]


@pytest.mark.parametrize("form", ["report-a-problem.yml", "suggest-a-listing.yml"])
def test_the_welsh_forms_ask_the_english_forms_questions_field_for_field(form: str):
    def shape(code: str) -> list:
        data = yaml.safe_load((starter.STARTER / "forms" / code / form).read_text(encoding="utf-8"))
        return [(q["type"], q.get("id"), len(q["attributes"].get("options", ())), q.get("validations")) for q in data["body"]], data["labels"]
    assert shape("cy") == shape("en")


def test_a_bilingual_site_has_one_pull_request_template_with_each_line_in_both_languages(ceredigion: Path):
    text = (ceredigion / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert text.splitlines()[:10] == [
        "## Beth mae'r newid hwn yn ei wneud / What this change does",
        "",
        "<!-- Un neu ddwy frawddeg, er enghraifft: \"Mae Clwb Cinio Dydd Mawrth yn cwrdd am 11am nawr, nid am hanner dydd.\" -->",
        "<!-- One or two sentences, for example: \"Tuesday Lunch Club now meets at 11am, not at noon.\" -->",
        "",
        "## Rhestr wirio / Checklist",
        "",
        "- [ ] Gwiriais y manylion gyda'r darparwr (dros y ffôn, drwy e-bost neu ar ei wefan), neu rwy'n gweithio i'r darparwr.",
        "  I checked the details with the provider (by phone, e-mail or their website), or I work for the provider.",
        "- [ ] Rhoddais `last_reviewed` ar y dyddiad y cafodd y manylion eu gwirio (cofnodion yn unig).",
    ]
    assert text.count("- [ ] ") == 6  # one box per check, ticked once for both languages


def test_an_english_first_bilingual_site_puts_english_first_in_every_mapping_and_in_the_template(tmp_path: Path):
    result = init(tmp_path / "site", *INIT_FLAGS, "--language", "en", "--language", "cy", "--council-cy", "Cyngor Sir Northdale",
                  "--area-cy", "Dinas Northdale", "--area-cy", "Eastmoor")
    assert result.exit_code == 0, result.output
    data = site_yaml(tmp_path / "site")
    assert list(data["organisation"].items()) == [("en", "Northdale County Council"), ("cy", "Cyngor Sir Northdale")]
    assert list(data["contact"]["hours"].items()) == [("en", "Monday to Friday, 9am to 5pm"), ("cy", "Dydd Llun i ddydd Gwener, 9am tan 5pm")]
    assert data["areas"] == [{"key": "northdale-city", "name": {"en": "Northdale City", "cy": "Dinas Northdale"}},
                             {"key": "eastmoor", "name": "Eastmoor"}]
    text = (tmp_path / "site/.github/pull_request_template.md").read_text(encoding="utf-8")
    assert text.startswith("## What this change does / Beth mae'r newid hwn yn ei wneud\n")
    assert (tmp_path / "site/.github/ISSUE_TEMPLATE/suggest-a-listing.cy.yml").is_file()


def test_a_welsh_only_site_has_welsh_forms_under_their_plain_names_and_a_welsh_template(tmp_path: Path):
    result = init(tmp_path / "site", *flags_with(council="Cyngor Sir Ceredigion"), "--language", "cy")
    assert result.exit_code == 0, result.output
    data = site_yaml(tmp_path / "site")
    assert (data["organisation"], data["contact"]["hours"]) == ("Cyngor Sir Ceredigion", "Dydd Llun i ddydd Gwener, 9am tan 5pm")
    assert data["regulator"] == "ciw"
    forms = tmp_path / "site/.github/ISSUE_TEMPLATE"
    assert sorted(p.name for p in forms.iterdir()) == ["config.yml", "report-a-problem.yml", "suggest-a-listing.yml"]
    assert yaml.safe_load((forms / "suggest-a-listing.yml").read_text(encoding="utf-8"))["name"] == "Awgrymu cofnod newydd"
    assert (tmp_path / "site/.github/pull_request_template.md").read_text(encoding="utf-8").startswith("## Beth mae'r newid hwn yn ei wneud\n")


@pytest.mark.parametrize("flags, message", [
    (["--language", "cy", "--language", "en"],
     "Error: --council-en is missing: the council's name in English, as it signs its pages. Give it as a flag, or leave out --yes to be asked."),
    (["--language", "en", "--language", "cy", "--council-cy", "Cyngor Sir Northdale", "--hours", "Monday to Thursday, 9am to 4pm"],
     "Error: --hours-cy is missing: when the phone line is open in Welsh. Give it as a flag, or leave out --yes to be asked."),
    (["--language", "en", "--language", "cy", "--council-cy", "Cyngor Sir Northdale", "--area-cy", "Dinas Northdale"],
     "Error: Invalid value for '--area-cy': it names 1 area, but there are 2 areas in English (Northdale City, Eastmoor): "
     "name each of them, in the same order."),
    (["--council-cy", "Cyngor Sir Northdale"],
     "Error: --council-cy gives an answer in Welsh, which is not one of the site's languages (en): add --language cy, or leave it out."),
    (["--language", "en", "--language", "cy", "--council-en", "Northdale Council"],
     "Error: --council and --council-en both give the English answer, differently: give one of them."),
], ids=["name-missing", "own-hours-untranslated", "areas-differ", "language-not-on-site", "two-answers"])
def test_an_answer_missing_or_wrong_in_one_language_stops_init_naming_the_flag(tmp_path: Path, flags: list, message: str):
    result = init(tmp_path / "site", *INIT_FLAGS, *flags)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == message
    assert not (tmp_path / "site").exists()


def test_a_welsh_council_s_place_keeps_sir_where_the_county_s_name_needs_it():
    assert starter.place_of("Cyngor Sir Ceredigion") == "Sir Ceredigion"
    assert starter.place_of("Cyngor Sir Gâr") == "Sir Gâr"  # not "Gâr": Carmarthenshire is Sir Gâr
    assert starter.place_of("Cyngor Bwrdeistref Sirol Pen-y-bont ar Ogwr") == "Pen-y-bont ar Ogwr"
    assert starter.place_of("Cyngor Dinas a Sir Abertawe") == "Abertawe"
    assert starter.place_of("Cyngor Gwynedd") == "Gwynedd"


def test_the_bilingual_template_joins_lines_of_the_same_shape():
    from builder.editors.issue_forms import bilingual
    assert bilingual(["## Un\n\n- [ ] Dau\nTri\n", "## One\n\n- [ ] Two\nThree\n"]) == "## Un / One\n\n- [ ] Dau\n  Two\nTri\nThree\n"


def test_no_welsh_draft_puts_the_council_or_place_after_a_word_that_would_mutate_it():
    """"i Gyngor Sir Ceredigion", "Ffoniwch Gyngor ...": a name from site.yaml cannot be mutated by a template, so the
    Welsh drafts never put one after a preposition or as the object of a verb (welsh-review.md, "Mutations to test")."""
    mutating = re.compile(r"\b(i|o|â|a|gan|am|ar|at|dan|dros|drwy|trwy|heb|hyd|wrth|yn|gyda|ffoniwch|gofynnwch|cysylltwch|e-bostiwch)"
                          r"\s+\{\{ *(organisation|place) *\}\}", re.IGNORECASE)
    found = [(page.name, match.group(0)) for page in sorted((starter.STARTER / "pages" / "cy").iterdir())
             for match in mutating.finditer(page.read_text(encoding="utf-8"))]
    assert found == []
