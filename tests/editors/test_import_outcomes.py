"""`catalogue import`: what an import keeps from odd cells, duplicates, counts, exit codes, mended phones, ORUK funding."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import MINIMAL_SITE, TODAY, make_site, run_cli

FIXTURES = Path(__file__).parents[1] / "fixtures" / "spreadsheets"
LEFT_OUT = "Left out; the rest was imported."


def import_sheet(root: Path, sheet: Path, *more: str):
    return run_cli("import", "spreadsheet", str(sheet), "--root", str(root), "--today", TODAY, *more)


def written(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "content/providers/garden-trust").glob("*.md"))


def test_a_sheet_with_one_odd_cell_per_row_imports_every_row_and_names_row_column_value_and_fix(tmp_path: Path):
    root = make_site(tmp_path / "site")
    result = import_sheet(root, FIXTURES / "odd-cells.csv")
    assert result.exit_code == 0, result.output
    assert "Created 13, updated 0, skipped 0." in result.stdout
    assert len(written(root)) == 13
    lines = result.stderr.splitlines()
    for line in (
        f"Warning, row 2: column who_for: 'elderly' is not in site.yaml. Use a key or label from site.yaml. {LEFT_OUT}",
        f"Warning, row 7: column times: cannot read 'Somedays 2-4': 'somedays' is not a day. Write days like 'Mon-Fri', "
        f"'Tuesdays' or 'Weekends'. {LEFT_OUT}",
        "Warning, row 8: column costs: 'a few pounds' is not a cost we can read. Write it like 'Full day: £42.50 a day' "
        f"(a session, hour, day, week, month or year), 'Lunch £6', 'Donation' or 'Free'. {LEFT_OUT}",
        f"Warning, row 9: column age_min: should be a whole number of years (found 'eighteen'). {LEFT_OUT}",
        f"Warning, row 10: column needs_assessment: write yes or no (found 'maybe'). {LEFT_OUT}",
        "Warning, row 11: column last_reviewed: is not a date: write it like 2026-05-01 or 01/05/2026 (found 'last spring'). "
        "Left out: the listing says it was checked on the day of the import.",
        "Warning, row 12: column regulator_id: should be a CQC location ID like \"1-1234567890\" (found 'T1460W8'). Copy it "
        f"from the service's page in the CQC register; leave it out if the service is not registered. {LEFT_OUT}",
        "Warning, row 13: column funding: 'vouchers' is not a value we know. Choose from: council, direct-payment, "
        f"individual-service-fund, self-funded, free. {LEFT_OUT}",
        "Warning, row 14: column email: should be an e-mail address like name@example.org (found 'not an email'). "
        f"Write the address on its own, without 'mailto:'. {LEFT_OUT}",
        "Note, row 3: column costs: read 'Lunch £6' as Lunch: £6 a session.",
        "Note, row 4: column costs: read '£4 a lunch' as Lunch: £4 a session.",
    ):
        assert line in lines, line
    folder = root / "content/providers/garden-trust"
    seed = (folder / "seed-swap.md").read_text(encoding="utf-8")
    assert "who_for: [older-people]" in seed  # the value it could read is kept
    shed = (folder / "men-s-shed.md").read_text(encoding="utf-8")
    assert "needs_assessment" not in shed and "times:" in shed
    lunch = (folder / "lunch-club.md").read_text(encoding="utf-8")
    assert "costs:\n- {label: Lunch, amount: 6.0, per: session}" in lunch
    soup = (folder / "soup-club.md").read_text(encoding="utf-8")
    assert "costs:\n- {label: Lunch, amount: 4.0, per: session}" in soup
    assert "costs:\n- {label: Donation, kind: donation}" in (folder / "craft-circle.md").read_text(encoding="utf-8")
    assert "costs:\n- {label: Pay what you can, kind: pay-what-you-can}" in (folder / "walking-group.md").read_text(encoding="utf-8")
    gardening = (folder / "gardening-club.md").read_text(encoding="utf-8")
    assert "funding: [self-funded]" in gardening
    assert run_cli("check", "--root", str(root), "--today", TODAY).exit_code == 0


def test_a_row_is_skipped_only_when_a_required_field_gives_nothing(tmp_path: Path):
    root = make_site(tmp_path / "site")
    sheet = tmp_path / "in.csv"
    sheet.write_text("provider,name,who_for,areas,types\nGarden Trust,Seed Swap,elderly,north,day-centre\n"
                     "Garden Trust,,older-people,north,day-centre\n", encoding="utf-8")
    result = import_sheet(root, sheet)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert "Skipped row 2: column who_for: 'elderly' is not in site.yaml. Use a key or label from site.yaml." in lines
    assert "Skipped row 3: column name: is empty. Every row needs the service's name." in lines
    again = import_sheet(root, sheet, "--set", "who_for=older-people")  # --set fills the field the cell could not
    assert "Created 1, updated 0, skipped 1." in again.stdout


def test_duplicate_rows_are_reported_with_both_rows_and_imported_once(tmp_path: Path):
    root = make_site(tmp_path / "site")
    sheet = tmp_path / "in.csv"
    sheet.write_text("id,provider,name,who_for,areas,types\n"
                     "A1,Garden Trust,Seed Swap,older-people,north,day-centre\n"
                     "A2,Garden Trust,Tea Dance,older-people,north,day-centre\n"
                     "A1,Garden Trust,Seed Swap again,older-people,north,day-centre\n"
                     ",Garden Trust,Bingo,older-people,north,day-centre\n"
                     ",garden trust,BINGO ,older-people,north,day-centre\n", encoding="utf-8")
    result = import_sheet(root, sheet)
    assert "Created 3, updated 0, skipped 2." in result.stdout
    lines = result.stderr.splitlines()
    assert "Skipped row 4: has the same id ('A1') as row 2: a duplicate, imported once (from row 2)." in lines
    assert "Skipped row 6: has the same name and provider as row 5: a duplicate, imported once (from row 5)." in lines
    assert written(root) == ["bingo.md", "seed-swap.md", "tea-dance.md"]  # the counts equal the files written


def test_an_import_that_imports_nothing_exits_1_and_says_why(tmp_path: Path):
    root = make_site(tmp_path / "site")
    sheet = tmp_path / "in.csv"
    sheet.write_text("provider,name,who_for,areas,types\nGarden Trust,Seed Swap,elderly,north,day-centre\n", encoding="utf-8")
    result = import_sheet(root, sheet)
    assert result.exit_code == 1
    assert "Created 0, updated 0, skipped 1." in result.stdout
    assert "Error: Nothing was imported: all 1 listings were skipped, each for the reason given above." in result.stderr
    empty = tmp_path / "empty.csv"
    empty.write_text("provider,name,who_for,areas,types\n", encoding="utf-8")
    result = import_sheet(root, empty)
    assert result.exit_code == 1 and "Error: Nothing was imported: the source holds no listings." in result.stderr
    good = tmp_path / "good.csv"
    good.write_text("provider,name,who_for,areas,types\nGarden Trust,Seed Swap,older-people,north,day-centre\n", encoding="utf-8")
    assert import_sheet(root, good).exit_code == 0
    result = import_sheet(root, good)
    assert result.exit_code == 1
    assert ("Error: Nothing was imported: all 1 listings are in content/providers/ already. "
            "Use --update to rewrite the fields this source holds.") in result.stderr
    assert import_sheet(root, good, "--update").exit_code == 0


def test_a_phone_that_lost_its_leading_0_is_restored_with_a_note(tmp_path: Path):
    root = make_site(tmp_path / "site")
    sheet = tmp_path / "in.csv"
    sheet.write_text("provider,name,who_for,areas,types,telephone,provider_phone\n"
                     "Garden Trust,Seed Swap,older-people,north,day-centre,1570423456,1570 423457\n"
                     "Garden Trust,Tea Dance,older-people,north,day-centre,12345,\n", encoding="utf-8")
    result = import_sheet(root, sheet)
    assert "Created 2, updated 0, skipped 0." in result.stdout
    lines = result.stderr.splitlines()
    assert ("Note, row 2: column phone: '1570423456' had lost its leading 0 (the spreadsheet stored it as a number); "
            "imported as 01570 423456. Format the column as text to keep it.") in lines
    assert ("Note, row 2: column provider_phone: '1570 423457' had lost its leading 0 (the spreadsheet stored it as a number); "
            "imported as 01570 423457. Format the column as text to keep it.") in lines
    assert ("Warning, row 3: column phone: should be a UK phone number like \"01632 960123\" or \"+44 1632 960123\" "
            f"(found '12345'). {LEFT_OUT}") in lines  # no advice about quotes: that is for YAML files
    assert "phone: 01570 423456" in (root / "content/providers/garden-trust/seed-swap.md").read_text(encoding="utf-8")
    assert "phone: 01570 423457" in (root / "content/providers/garden-trust/provider.yaml").read_text(encoding="utf-8")


def test_headings_councils_use_are_read():
    from builder.editors.importing.sheet import match_headings
    headings = ["Service name", "CIW registration number", "CQC provider ID", "Opening times", "Days", "Price",
                "Care Inspectorate registration number", "RQIA registration number"]
    found, unread = match_headings(headings, Path("in.csv"))
    assert found == {0: "name", 1: "regulator_id", 2: "cqc_provider_id", 3: "times", 5: "costs"}
    assert unread == ["Days", "Care Inspectorate registration number", "RQIA registration number"]  # taken by earlier columns
    for heading in ("Days", "Care Inspectorate registration number", "RQIA registration number", "CQC location ID"):
        assert match_headings(["name", heading], Path("in.csv"))[0][1] in ("times", "regulator_id"), heading


def test_costs_in_words_with_an_amount():
    from builder.editors.importing.costs import parse_cost
    assert parse_cost("Lunch £6").cost == {"label": "Lunch", "amount": 6.0, "per": "session"}
    assert parse_cost("£4 a lunch").cost == {"label": "Lunch", "amount": 4.0, "per": "session"}
    assert parse_cost("Support worker time, including travel: £26 an hour").cost == {
        "label": "Support worker time, including travel", "amount": 26.0, "per": "hour"}
    assert parse_cost("£1,200 a year").cost == {"label": "Cost", "amount": 1200.0, "per": "year"}
    assert parse_cost("Free").free and parse_cost("No charge").free


def test_oruk_funding_source_free_reads_back_as_free(tmp_path: Path):
    root = make_site(tmp_path / "site")
    record = {"id": "s1", "name": "Seed Swap", "status": "active", "organization": {"name": "Garden Trust"},
              "funding": [{"source": "Free"}, {"source": "Direct payment"}]}
    (tmp_path / "one.json").write_text(json.dumps(record), encoding="utf-8")
    result = run_cli("import", "oruk", str(tmp_path / "one.json"), "--root", str(root), "--today", TODAY,
                     "--set", "areas=north", "--set", "types=day-centre", "--set", "who_for=older-people")
    assert "Created 1" in result.stdout, result.output
    assert "funding: [free, direct-payment]" in (root / "content/providers/garden-trust/seed-swap.md").read_text(encoding="utf-8")
