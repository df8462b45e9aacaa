"""The `catalogue` command itself: output formats, exit codes, failed builds, `catalogue new`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from builder.publish.output import MARKER
from builder.core.schemas import schema
from conftest import MINIMAL_SERVICE, MINIMAL_SITE, TODAY, make_site, run_cli

SERVICE = "content/providers/testshire-care/garden-club.md"
TAXI = MINIMAL_SERVICE.replace("funding: [free]\n", "funding: [free]\ntransport: taxi\n")  # transport on line 17
NO_EASY_READ = {"content/pages/about.easy.md": None}


def test_json_format_lists_errors_and_warnings_with_every_field(tmp_path: Path):
    root = make_site(tmp_path / "site", {SERVICE: TAXI, **NO_EASY_READ})
    result = run_cli("check", "--root", str(root), "--today", TODAY, "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "errors": [{
            "path": SERVICE, "line": 17, "field": "transport",
            "message": "'taxi' is not one of the allowed values.",
            "hint": "Choose from: provided, help-to-arrange, none.",
            "severity": "error",
        }],
        "warnings": [{
            "path": "content/pages/about.md", "line": 0, "field": "",
            "message": "this page has no Easy Read version yet.",
            "hint": "Write content/pages/about.easy.md so people with learning disabilities can read it.",
            "severity": "warning",
        }],
    }


def test_github_format_writes_one_annotation_per_problem(tmp_path: Path):
    root = make_site(tmp_path / "site", {SERVICE: TAXI, **NO_EASY_READ})
    result = run_cli("check", "--root", str(root), "--today", TODAY, "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::warning file=content/pages/about.md,title=catalogue check::this page has no Easy Read version yet. "
        "Write content/pages/about.easy.md so people with learning disabilities can read it.",
        f"::error file={SERVICE},line=17,title=transport::transport: 'taxi' is not one of the allowed values. "
        "Choose from: provided, help-to-arrange, none.",
    ]


@pytest.mark.parametrize("args, complaint", [
    (["check", "--today", "2026-13-01"], "Invalid value for '--today'"),
    (["check", "--stirct"], "--stirct"),
    (["check", "--format", "xml"], "Invalid value for '--format'"),
    (["chek"], "No such command 'chek'"),
])
def test_usage_errors_exit_2_with_a_usage_line(args: list[str], complaint: str, tmp_path: Path):
    result = run_cli(*args, "--root", str(make_site(tmp_path / "site")))
    assert result.exit_code == 2
    assert complaint in result.stderr and "Usage: " in result.stderr
    assert "Traceback" not in result.output


def test_failed_build_leaves_existing_output_untouched_and_writes_nothing(tmp_path: Path):
    root = make_site(tmp_path / "site", {SERVICE: TAXI})
    (root / "_site").mkdir()
    (root / "_site" / MARKER).write_text("Made by catalogue build.\n")
    (root / "_site" / "index.html").write_text("<p>The site as last published.</p>\n")
    before = snapshot(tmp_path)
    result = run_cli("build", "--root", str(root), "--today", TODAY, "--no-search")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "1 error in 7 files. Nothing was published."
    assert snapshot(tmp_path) == before  # no staging folder left, nothing replaced, content/ unchanged


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() if path.is_file() else b"<dir>"
            for path in folder.rglob("*")}


def test_new_provider_and_service_write_every_field_of_their_schema(tmp_path: Path):
    root = new_site(tmp_path)
    texts = {"provider": provider_file(root).read_text(), "service": service_file(root).read_text()}
    for kind, text in texts.items():
        for field, shape in schema(kind)["properties"].items():
            if shape.get("deprecated"):  # an older name still read (cqc_location_id): new files use the new one
                assert not re.search(rf"^(# )?{field}:", text, re.M)
                continue
            assert re.search(rf"^(# )?{field}:", text, re.M), f"the {kind} template does not mention {field}"


def test_new_files_parse_and_need_only_their_blanks_filled(tmp_path: Path):
    root = new_site(tmp_path)
    result = run_cli("check", "--root", str(root), "--format", "json")
    errors = json.loads(result.stdout)["errors"]
    body = [error for error in errors if not error["field"]]
    assert errors and [error["line"] for error in body] == [54]  # field problems, and the example text below them
    assert {"areas", "summary", "locations.address", "contact.email"} <= {error["field"] for error in errors}


# What `catalogue new` writes as examples, and what an editor writes instead.
OWN_DETAILS = {
    "service": [("areas: []", "areas: [north]"),
                ("One or two plain sentences about the service.", "A hot lunch and a chat for older people."),
                ("name: Building name", "name: St Mark's Hall"), ("address: Street, Town", "address: 4 Church Lane, Testtown"),
                ('"01632 960000"', '"01632 960555"'), ("hello@example.org", "lunch@riverside.example.org"),
                ("website: https://example.org\n", "website: https://riverside.example.org/lunch\n"),
                ("Describe the service here in plain English", "Lunch is at noon")],
    "provider": [("A short plain description of the organisation.", "A local charity for older people."),
                 ('"01632 960000"', '"01632 960444"'), ("website: https://example.org ", "website: https://riverside.example.org ")],
}


def test_new_files_with_their_examples_left_in_fail_check_naming_each_placeholder(tmp_path: Path):
    root = new_site(tmp_path)
    service = service_file(root)
    service.write_text(service.read_text().replace("areas: []", "areas: [north]"))
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert ("content/providers/riverside-care/lunch-club.md:5: summary: still has the example text from the template "
            "(found 'One or two plain sentences about the service.'). Write this service's or organisation's own details, "
            "or delete the line if it is optional.") in lines
    assert any(line.startswith("content/providers/riverside-care/lunch-club.md:15: locations.address: still has the example text") for line in lines)
    assert any(line.startswith("content/providers/riverside-care/lunch-club.md:42: contact.email: still has the example text "
                               "from the template (found 'hello@example.org')") for line in lines)
    assert any(line.startswith("content/providers/riverside-care/lunch-club.md:54: the text below the front matter is still "
                               "the template's example") for line in lines)
    assert any(line.startswith("content/providers/riverside-care/provider.yaml:4: description: still has the example text") for line in lines)
    assert lines[-1].startswith("10 errors and 1 warning in 3 files.")  # and the site has no privacy page yet


def test_new_files_pass_check_once_every_example_is_replaced(tmp_path: Path):
    root = new_site(tmp_path)
    for file, edits in ((service_file(root), OWN_DETAILS["service"]), (provider_file(root), OWN_DETAILS["provider"])):
        text = file.read_text()
        for before, after in edits:
            assert before in text
            text = text.replace(before, after)
        file.write_text(text)
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 0, result.stderr


def test_new_files_explain_every_top_level_field_in_a_comment(tmp_path: Path):
    root = new_site(tmp_path)
    for file in (provider_file(root), service_file(root)):
        fields = [line for line in file.read_text().splitlines() if re.match(r"^[a-z_]+:", line)]
        assert [line for line in fields if "#" not in line] == []


def test_new_refuses_to_overwrite_and_leaves_the_file_alone(tmp_path: Path):
    root = new_site(tmp_path)
    service_file(root).write_text("edited\n")
    for args in (["provider", "riverside-care"], ["service", "riverside-care/lunch-club"]):
        result = run_cli("new", *args, "--root", str(root))
        assert result.exit_code == 1
        assert "already exists; it was left unchanged." in result.stderr
    assert service_file(root).read_text() == "edited\n"


def new_site(tmp_path: Path) -> Path:
    """A site holding only site.yaml, then a provider and a service made by `catalogue new`."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "site.yaml").write_text(MINIMAL_SITE)
    assert run_cli("new", "provider", "--root", str(root), "riverside-care").exit_code == 0
    assert run_cli("new", "service", "--root", str(root), "riverside-care/lunch-club").exit_code == 0
    return root


def provider_file(root: Path) -> Path:
    return root / "content/providers/riverside-care/provider.yaml"


def service_file(root: Path) -> Path:
    return root / "content/providers/riverside-care/lunch-club.md"
