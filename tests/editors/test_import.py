"""`catalogue import`: ORUK and spreadsheets in, round trips through the open data, real data, bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL_SITE, SAMPLE, TODAY, make_site, run_cli
from htmlparse import parse_file

FACTS = ("who", "activities", "where", "when", "costs", "join", "transport", "contact", "quality", "about")
REAL_DATA = Path(__file__).parents[1] / "realdata" / "cqc-locations.csv"


def build(root: Path, out: Path) -> Path:
    done = subprocess.run([sys.executable, "-m", "builder", "build", "--root", str(root), "--out", str(out),
                           "--today", TODAY, "--no-search"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def empty_site(root: Path, site_yaml: str) -> Path:
    """A site with the sample's settings and geography (boundaries, postcodes) but no listings."""
    root.mkdir(parents=True)
    (root / "site.yaml").write_text(site_yaml, encoding="utf-8")
    for geography in ("boundaries", "postcodes"):
        shutil.copytree(SAMPLE / "content" / geography, root / "content" / geography)
    return root


def page_facts(out: Path) -> dict[str, dict[str, str]]:
    """Each service page's facts by service name: the key facts list and each section, as text."""
    facts = {}
    for file in (out / "services").glob("*/*/index.html"):
        doc = parse_file(file)
        main = doc.find("main")
        sections = {s.get("aria-labelledby"): " ".join(s.text.split()) for s in main.find_all("section")
                    if s.get("aria-labelledby") in FACTS}
        sections["key facts"] = " ".join(main.find("dl").text.split())
        facts[" ".join(main.find("h1").text.split())] = sections
    return facts


@pytest.fixture(scope="module")
def oruk_round_trip(sample_site: Path, tmp_path_factory) -> tuple[Path, Path]:
    """The sample's open data imported into an empty site with the same site.yaml, then built."""
    root = empty_site(tmp_path_factory.mktemp("oruk") / "site", (SAMPLE / "site.yaml").read_text(encoding="utf-8"))
    result = run_cli("import", "oruk", str(sample_site / "openreferral"), "--root", str(root), "--today", TODAY)
    assert result.exit_code == 0, result.output
    out = root / "_site"
    build(root, out)
    return root, out


def test_oruk_round_trip_gives_the_same_services_with_the_same_facts(sample_site: Path, oruk_round_trip):
    before, after = page_facts(sample_site), page_facts(oruk_round_trip[1])
    assert sorted(after) == sorted(before)
    for name, facts in before.items():
        assert after[name] == facts, name


def test_a_second_import_of_the_same_source_updates_the_same_files(sample_site: Path, oruk_round_trip):
    root = oruk_round_trip[0]
    files = sorted(p.relative_to(root) for p in (root / "content").rglob("*") if p.is_file())
    result = run_cli("import", "oruk", str(sample_site / "openreferral" / "services"), "--root", str(root), "--today", TODAY)
    assert "Created 0, updated 0, skipped 45." in result.stdout
    assert "already exists. Use --update" in result.stderr
    result = run_cli("import", "oruk", str(sample_site / "openreferral" / "services"), "--root", str(root), "--today", TODAY, "--update")
    assert "Created 0, updated 45, skipped 0." in result.stdout
    assert sorted(p.relative_to(root) for p in (root / "content").rglob("*") if p.is_file()) == files


def test_spreadsheet_round_trip_gives_the_same_rows(sample_site: Path, tmp_path: Path):
    root = empty_site(tmp_path / "site", (SAMPLE / "site.yaml").read_text(encoding="utf-8"))
    first = (sample_site / "openreferral" / "services.csv").read_text(encoding="utf-8-sig")
    result = run_cli("import", "spreadsheet", str(sample_site / "openreferral" / "services.csv"), "--root", str(root), "--today", TODAY)
    assert "Created 45, updated 0, skipped 0." in result.stdout, result.output
    out = tmp_path / "out"
    build(root, out)
    second = (out / "openreferral" / "services.csv").read_text(encoding="utf-8-sig")
    assert sorted(second.splitlines()) == sorted(first.splitlines())


def test_update_rewrites_only_the_source_fields_and_keeps_the_body_and_editor_fields(tmp_path: Path):
    root = make_site(tmp_path / "site")
    sheet = tmp_path / "in.csv"
    sheet.write_text("id,provider,name,summary,types,who_for,areas,description\n"
                     "A1,Garden Trust,Seed Swap,Swap seeds.,community-group,older-people,north,From the sheet.\n", encoding="utf-8")
    assert run_cli("import", "spreadsheet", str(sheet), "--root", str(root), "--today", TODAY).exit_code == 0
    file = root / "content/providers/garden-trust/seed-swap.md"
    file.write_text(file.read_text(encoding="utf-8").replace("---\nFrom the sheet.", "alert: Closed in August.\n---\nAn editor's words."), encoding="utf-8")
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("Swap seeds.", "Swap seeds and cuttings."), encoding="utf-8")
    result = run_cli("import", "spreadsheet", str(sheet), "--root", str(root), "--today", TODAY, "--update")
    assert "updated 1" in result.stdout
    text = file.read_text(encoding="utf-8")
    assert "summary: Swap seeds and cuttings." in text and "alert: Closed in August." in text and text.endswith("An editor's words.\n")
    assert run_cli("check", "--root", str(root), "--today", TODAY).exit_code == 0


def test_real_cqc_data_imports_and_builds_with_ask_the_provider_costs(tmp_path: Path):
    root = empty_site(tmp_path / "site", MINIMAL_SITE)
    result = run_cli("import", "spreadsheet", str(REAL_DATA), "--root", str(root), "--today", TODAY,
                     "--set", "areas=north", "--set", "types=day-centre", "--set", "who_for=older-people")
    assert "Created 10, updated 0, skipped 0." in result.stdout  # a bad id in a row leaves the id out, not the row
    assert ("Warning, row 4: column regulator_id: should be a CQC location ID like \"1-1234567890\" (found 'T1460W8'). "
            "Copy it from the service's page in the CQC register; leave it out if the service is not registered. "
            "Left out; the rest was imported." in result.stderr.splitlines())
    check = run_cli("check", "--root", str(root), "--today", TODAY)
    assert check.exit_code == 0
    assert check.stderr.count("warning: costs: the cost is not stated") == 10
    out = tmp_path / "out"
    build(root, out)
    page = parse_file(out / "services/oakfield-nursing-home/oakfield-nursing-home/index.html")
    assert "CostAsk the provider" in " ".join(page.find("dl").text.split())
    assert "PR3 0BL" in page.find("main").text
    easy = parse_file(out / "easy-read/services/oakfield-nursing-home/oakfield-nursing-home/index.html")
    assert "Ask them how much it costs." in easy.find("main").text
    assert "Ask the provider" in parse_file(out / "search/index.html").find("main").text  # the cost filter
    report = run_cli("report", "--root", str(root), "--today", TODAY).stdout
    assert "## 10 open listings do not state the cost" in report
    assert "- **Oakfield Nursing Home** (Oakfield Nursing Home). File: `content/providers/oakfield-nursing-home/oakfield-nursing-home.md`" in report


def test_spreadsheet_bad_cells_name_row_column_and_value_and_the_rest_is_imported(tmp_path: Path):
    root = make_site(tmp_path / "site")
    sheet = tmp_path / "in.csv"
    sheet.write_text("Organisation,Service name,Who it is for,Area,Days and times,Costs,Type\n"
                     "Garden Trust,Seed Swap,older people,North,Tuesdays 10am to 12 noon,£3 a session,Day centres\n"
                     "Garden Trust,Bad Club,elderly,North,Mon-Fri 9.30-3.30,,Day centres\n"
                     "Garden Trust,Late Club,Older people,North,Someday 10-12,lots,Day centres\n", encoding="utf-8")
    result = run_cli("import", "spreadsheet", str(sheet), "--root", str(root), "--today", TODAY)
    assert "Created 2, updated 0, skipped 1." in result.stdout
    lines = result.stderr.splitlines()
    assert "Skipped row 3: column who_for: 'elderly' is not in site.yaml. Use a key or label from site.yaml." in lines
    assert ("Warning, row 4: column times: cannot read 'Someday 10-12': 'someday' is not a day. "
            "Write days like 'Mon-Fri', 'Tuesdays' or 'Weekends'. Left out; the rest was imported.") in lines
    assert ("Warning, row 4: column costs: 'lots' is not a cost we can read. Write it like 'Full day: £42.50 a day' "
            "(a session, hour, day, week, month or year), 'Lunch £6', 'Donation' or 'Free'. Left out; the rest was imported.") in lines
    late = (root / "content/providers/garden-trust/late-club.md").read_text(encoding="utf-8")
    assert "times:" not in late and "costs:" not in late and "who_for: [older-people]" in late
    text = (root / "content/providers/garden-trust/seed-swap.md").read_text(encoding="utf-8")
    assert 'days: [tue]\n  from: "10:00"\n  to: "12:00"' in text
    assert run_cli("check", "--root", str(root), "--today", TODAY).exit_code == 0


def test_a_source_without_ids_matches_listings_by_name_on_a_second_import(tmp_path: Path):
    root = make_site(tmp_path / "site")
    sheet = tmp_path / "in.csv"
    sheet.write_text("provider,name,who_for,areas,types\nGarden Trust,Seed Swap,older-people,north,day-centre\n", encoding="utf-8")
    assert "Created 1," in run_cli("import", "spreadsheet", str(sheet), "--root", str(root), "--today", TODAY).stdout
    again = run_cli("import", "spreadsheet", str(sheet), "--root", str(root), "--today", TODAY)
    assert "Skipped row 2: content/providers/garden-trust/seed-swap.md already exists." in again.stderr
    assert "updated 1" in run_cli("import", "spreadsheet", str(sheet), "--root", str(root), "--today", TODAY, "--update").stdout
    assert sorted(p.name for p in (root / "content/providers/garden-trust").iterdir()) == ["provider.yaml", "seed-swap.md"]


def test_taxonomy_cells_suggest_the_closest_label(tmp_path: Path):
    root = make_site(tmp_path / "site")
    sheet = tmp_path / "in.csv"
    sheet.write_text("provider,name,who_for,areas,types\nA,B,Older peple,north,day-centre\n", encoding="utf-8")
    result = run_cli("import", "spreadsheet", str(sheet), "--root", str(root), "--today", TODAY)
    assert "Skipped row 2: column who_for: 'Older peple' is not in site.yaml. Did you mean 'Older people'?" in result.stderr.splitlines()


def test_oruk_bad_input_names_the_json_path_and_field(tmp_path: Path):
    root = make_site(tmp_path / "site")
    good = {"id": "s1", "name": "Seed Swap", "status": "active", "organization": {"id": "o1", "name": "Garden Trust", "description": "A trust."},
            "attributes": [{"taxonomy_term": {"taxonomy": "types", "term": "community-group"}},
                           {"taxonomy_term": {"taxonomy": "who_for", "term": "older-people"}}],
            "service_areas": [{"name": "North"}],
            "contacts": [{"phones": [{"number": "01632 960123"}]}]}
    bad = json.loads(json.dumps(good)) | {"id": "s2", "name": "Bad Swap",
                                         "schedules": [{"byday": "MO", "opens_at": "10:00"}],
                                         "cost_options": [{"amount": 5, "amount_description": "each go"}]}
    (tmp_path / "feed.json").write_text(json.dumps({"contents": [good, bad]}), encoding="utf-8")
    result = run_cli("import", "oruk", str(tmp_path / "feed.json"), "--root", str(root), "--today", TODAY)
    assert "Created 1, updated 0, skipped 1." in result.stdout
    assert ("Skipped feed.json $.contents[1]: feed.json $.contents[1].schedules[0]: needs byday (like \"MO,TU\"), opens_at and "
            "closes_at (found byday 'MO', opens_at '10:00', closes_at ''). feed.json $.contents[1].cost_options[0].amount_description: "
            "say what the price is for, like 'per day' or 'per session' (found 'each go').") in result.stderr.splitlines()
    text = (root / "content/providers/garden-trust/seed-swap.md").read_text(encoding="utf-8")
    assert "phone: 01632 960123" in text and "source_id: s1" in text


def test_oruk_required_field_missing_names_where_to_map_it(tmp_path: Path):
    root = make_site(tmp_path / "site")
    record = {"id": "s1", "name": "Seed Swap", "status": "active", "organization": {"name": "Garden Trust"}}
    (tmp_path / "one.json").write_text(json.dumps(record), encoding="utf-8")
    result = run_cli("import", "oruk", str(tmp_path / "one.json"), "--root", str(root), "--today", TODAY, "--set", "areas=north")
    assert ("Skipped one.json $: one.json $.attributes (no term maps to a type; use --map or --set types=KEY): is missing. "
            "Add 'types:' (type of support: keys of taxonomies.types). "
            "one.json $.attributes (no term maps to a group; use --map or --set who_for=KEY): is missing. "
            "Add 'who_for:' (who it is for: keys of taxonomies.who_for).") in result.stderr.splitlines()


def test_oruk_terms_map_through_the_mapping_file(tmp_path: Path):
    root = make_site(tmp_path / "site")
    record = {"id": "s1", "name": "Seed Swap", "status": "active", "organization": {"name": "Garden Trust"},
              "attributes": [{"taxonomy_term": {"term": "GRP", "name": "Groups"}}, {"taxonomy_term": {"name": "Elderly"}}]}
    (tmp_path / "one.json").write_text(json.dumps([record]), encoding="utf-8")
    (tmp_path / "map.yaml").write_text("Groups: types/community-group\nelderly: [who_for/older-people]\n", encoding="utf-8")
    result = run_cli("import", "oruk", str(tmp_path / "one.json"), "--map", str(tmp_path / "map.yaml"), "--root", str(root),
                     "--today", TODAY, "--set", "areas=south")
    assert "Created 1" in result.stdout, result.output
    text = (root / "content/providers/garden-trust/seed-swap.md").read_text(encoding="utf-8")
    assert "types: [community-group]" in text and "who_for: [older-people]" in text and "areas: [south]" in text


def test_an_unreadable_source_writes_nothing(tmp_path: Path):
    root = make_site(tmp_path / "site")
    before = sorted(p for p in root.rglob("*"))
    (tmp_path / "feed.json").write_text("{not json", encoding="utf-8")
    result = run_cli("import", "oruk", str(tmp_path / "feed.json"), "--root", str(root), "--today", TODAY)
    assert result.exit_code == 1 and "Nothing was imported." in result.stderr
    result = run_cli("import", "spreadsheet", str(tmp_path / "feed.json"), "--root", str(root))
    assert result.exit_code == 2 and "a spreadsheet must be .csv, .xlsx or .ods (found '.json')" in result.output
    result = run_cli("import", "oruk", str(tmp_path / "feed.json"), "--root", str(root), "--set", "who_for=elderly")
    assert result.exit_code == 2 and "--set who_for=elderly: 'elderly' is not in site.yaml." in result.output
    assert sorted(p for p in root.rglob("*")) == before


def test_the_template_is_a_spreadsheet_the_importer_reads(tmp_path: Path):
    path = tmp_path / "services.xlsx"
    root = make_site(tmp_path / "site", {"site.yaml": (SAMPLE / "site.yaml").read_text(encoding="utf-8")}, base=False)
    result = run_cli("import", "template", str(path), "--root", str(root))
    assert result.exit_code == 0
    from openpyxl import load_workbook
    sheet = load_workbook(path).active
    from builder.model.spreadsheet import HEADINGS
    assert [c.value for c in sheet[1]] == list(HEADINGS)
    assert sheet.max_row == 2  # the heading row and one example row
    result = run_cli("import", "spreadsheet", str(path), "--root", str(root), "--today", TODAY)
    assert "Created 1, updated 0, skipped 0." in result.stdout, result.output
    assert run_cli("check", "--root", str(root), "--today", TODAY).exit_code == 0


def test_days_and_times_in_the_forms_people_type():
    from builder.editors.importing.times import parse_times
    assert parse_times("Mon-Fri 9.30-3.30") == [{"days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:30", "to": "15:30"}]
    assert parse_times("Tuesdays 10am to 12 noon") == [{"days": ["tue"], "from": "10:00", "to": "12:00"}]
    assert parse_times("Weekends 2pm-4pm; Wed 18:00-20:30 (first week)") == [
        {"days": ["sat", "sun"], "from": "14:00", "to": "16:00"},
        {"days": ["wed"], "from": "18:00", "to": "20:30", "note": "first week"}]


def test_many_warnings_of_one_kind_are_summarised_unless_verbose(tmp_path: Path):
    files = {f"content/providers/testshire-care/club-{i}.md": (
        "---\nname: Club\nsummary: A club.\ntypes: [day-centre]\nwho_for: [older-people]\nareas: [north]\n"
        "last_reviewed: 2026-06-01\n---\n") for i in range(12)}
    root = make_site(tmp_path / "site", files)
    result = run_cli("check", "--root", str(root), "--today", TODAY)
    lines = [l for l in result.stderr.splitlines() if "cost is not stated" in l]
    assert len(lines) == 4
    assert lines[-1].startswith("... and 9 more warnings like these (12 in all: costs: the cost is not stated, so the page says). ")
    assert lines[-1].endswith("Run again with --verbose to list every one.")
    verbose = run_cli("check", "--root", str(root), "--today", TODAY, "--verbose")
    assert verbose.stderr.count("cost is not stated") == 12
    github = run_cli("check", "--root", str(root), "--today", TODAY, "--format", "github")
    assert github.stdout.count("::warning ") >= 12


def _front(path: Path) -> dict:
    import yaml
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1]) or {}


def test_the_oruk_round_trip_keeps_file_names_provider_kinds_hubs_spokes_and_easy_read(oruk_round_trip):
    root = oruk_round_trip[0]
    listings = lambda site: sorted(p.relative_to(site).as_posix() for p in (site / "content/providers").glob("*/*.md")  # noqa: E731
                                   if p.name.count(".") == 1)
    assert listings(root) == listings(SAMPLE)  # information pages' links to them keep working
    kept = ("hub", "spoke_of", "easy_read", "easy_alert")
    for name in listings(SAMPLE):
        before, after = _front(SAMPLE / name), _front(root / name)
        assert {k: before.get(k) for k in kept} == {k: after.get(k) for k in kept}, name
        assert [t.get("easy_note") for t in before.get("times") or []] == [t.get("easy_note") for t in after.get("times") or []], name
    for provider in (SAMPLE / "content/providers").glob("*/provider.yaml"):
        imported = root / provider.relative_to(SAMPLE)
        assert _front_yaml(imported).get("kind") == _front_yaml(provider).get("kind"), provider.parent.name
    assert any(_front(SAMPLE / name).get("spoke_of") for name in listings(SAMPLE))  # the sample has hub and spokes


def _front_yaml(path: Path) -> dict:
    import yaml
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
