"""Recurring sessions (issue 26): monthly, every N weeks and by arrangement, from content to the words on both
versions in both languages, to the day filters, to the ORUK schedules and back through `import oruk` and
`import spreadsheet`."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL_SITE, TODAY, make_site, run_cli
from htmlparse import parse_file

HEAD = ("---\nname: {name}\nsummary: A group.\ntypes: [community-group]\nwho_for: [older-people]\nareas: [north]\n"
        "last_reviewed: 2026-06-01\nfunding: [free]\n")
HALL = "locations:\n  - name: The Hall\n    address: 1 High Street, Northtown\n    postcode: RV1 2AB\n"
SERVICES = {
    "memory-cafe": HALL + 'times:\n  - days: [fri]\n    from: "10:00"\n    to: "12:00"\n    monthly: [first]\n',
    "tea-dance": HALL + ('times:\n  - days: [mon]\n    from: "14:00"\n    to: "16:00"\n    monthly: [first, third]\n'
                         '  - days: [sat]\n    from: "10:00"\n    to: "12:00"\n    monthly: [last]\n'),
    "walking-group": HALL + ('times:\n  - days: [thu]\n    from: "13:00"\n    to: "15:00"\n    every_weeks: 2\n'
                             '    starting: 2026-06-04\n'),
    "befriending": "times:\n  - by_arrangement: true\n    note: Usually weekday mornings\n",
}
NAMES = {"memory-cafe": "Memory Cafe", "tea-dance": "Tea Dance", "walking-group": "Walking Group", "befriending": "Befriending"}
FILES = {f"content/providers/testshire-care/{slug}.md": HEAD.format(name=NAMES[slug]) + body + "---\n"
         for slug, body in SERVICES.items()}


def build(root: Path, out: Path) -> Path:
    done = subprocess.run([sys.executable, "-m", "builder", "build", "--root", str(root), "--out", str(out),
                           "--today", TODAY, "--no-search"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """The same four groups on an English site and on a Welsh one, built."""
    built = {}
    for code in ("en", "cy"):
        site_yaml = MINIMAL_SITE if code == "en" else MINIMAL_SITE.replace("review_months: 12\n", "review_months: 12\nlanguage: cy\n")
        root = make_site(tmp_path_factory.mktemp(code) / "site", {**FILES, "site.yaml": site_yaml})
        built[code] = build(root, root / "_site")
    return built


def standard(out: Path, slug: str) -> tuple[str, list[tuple[str, str]]]:
    """(the key facts' days and times, [(days cell, times cell)] of the When table)."""
    main = parse_file(out / f"services/testshire-care/{slug}/index.html").find("main")
    facts = {" ".join(div.find("dt").text.split()): " ".join(div.find("dd").text.split()) for div in main.find("dl").find_all("div")}
    when = main.find("section", aria_labelledby="when")
    rows = [(" ".join(row.find("th").text.split()), " ".join(row.find("td").text.split())) for row in when.find("tbody").find_all("tr")]
    return facts.get("Days and times") or facts["Dyddiau ac amseroedd"], rows


def easy_when(out: Path, slug: str) -> str:
    main = parse_file(out / f"easy-read/services/testshire-care/{slug}/index.html").find("main")
    return " ".join(main.text.split())


def day_filters(out: Path, slug: str) -> list[str]:
    page = parse_file(out / f"services/testshire-care/{slug}/index.html")
    return [" ".join(tag.text.split()) for tag in page.find_all(data_pagefind_filter="day")]


def test_standard_pages_say_how_often_in_english(sites):
    out = sites["en"]
    assert standard(out, "memory-cafe") == ("First Friday of each month, 10am to midday",
                                            [("First Friday of each month", "10am to midday")])
    assert standard(out, "tea-dance")[0] == ("First Monday and third Monday of each month, 2pm to 4pm; "
                                             "Last Saturday of each month, 10am to midday")
    assert standard(out, "tea-dance")[1][1] == ("Last Saturday of each month Weekend", "10am to midday")
    assert standard(out, "walking-group") == ("Thursday, every other week, 1pm to 3pm",
                                              [("Thursday, every other week", "1pm to 3pm")])
    assert standard(out, "befriending") == ("By arrangement", [("By arrangement", "Times agreed with you")])


def test_standard_pages_say_how_often_in_welsh(sites):
    out = sites["cy"]
    assert standard(out, "memory-cafe") == ("Dydd Gwener cyntaf bob mis, 10am – canol dydd",
                                            [("Dydd Gwener cyntaf bob mis", "10am – canol dydd")])
    assert standard(out, "tea-dance")[0] == ("Dydd Llun cyntaf, trydydd dydd Llun bob mis, 2pm – 4pm; "
                                             "Dydd Sadwrn olaf bob mis, 10am – canol dydd")
    assert standard(out, "walking-group")[0] == "Dydd Iau, bob yn ail wythnos, 1pm – 3pm"
    assert standard(out, "befriending") == ("Drwy drefniant", [("Drwy drefniant", "Amseroedd wedi’u cytuno gyda chi")])


def test_easy_read_pages_say_how_often_in_both_languages(sites):
    english, welsh = (lambda slug, code=code: easy_when(sites[code], slug) for code in ("en", "cy"))
    assert "When is it on? It is on the first Friday of every month. It is from 10am to midday." in english("memory-cafe")
    assert ("It is on the first Monday and third Monday of every month. It is from 2pm to 4pm. "
            "It is on the last Saturday of every month. It is from 10am to midday.") in english("tea-dance")
    assert "It is on Thursday every other week. It is from 1pm to 3pm." in english("walking-group")
    assert "When is it on? You agree the day and time with them. How much" in english("befriending")
    assert "Pryd mae’n digwydd? Pryd: dydd Gwener cyntaf bob mis. Amser: 10am – canol dydd." in welsh("memory-cafe")
    assert "Pryd: dydd Sadwrn olaf bob mis. Amser: 10am – canol dydd." in welsh("tea-dance")
    assert "Pryd: Dydd Iau, bob yn ail wythnos. Amser: 1pm – 3pm." in welsh("walking-group")
    assert "Rydych chi’n cytuno ar y diwrnod a’r amser gyda nhw." in welsh("befriending")


def test_day_filters_count_monthly_and_fortnightly_days_and_no_day_by_arrangement(sites):
    assert day_filters(sites["en"], "tea-dance") == ["Monday", "Saturday", "Weekends"]  # open on Saturdays: the last one
    assert day_filters(sites["en"], "walking-group") == ["Thursday"]
    assert day_filters(sites["en"], "befriending") == []
    assert day_filters(sites["cy"], "memory-cafe") == ["Dydd Gwener"]


def test_the_open_data_writes_rfc_5545_schedules(sites):
    schedules = {}
    for file in (sites["en"] / "openreferral" / "services").glob("*.json"):
        record = json.loads(file.read_text(encoding="utf-8"))
        schedules[record["name"]] = [{k: v for k, v in s.items() if k not in ("id", "service_id")} for s in record["schedules"]]
    assert schedules["Memory Cafe"] == [{"freq": "MONTHLY", "interval": 1, "byday": "1FR", "opens_at": "10:00", "closes_at": "12:00",
                                         "description": "First Friday of each month, 10am to midday"}]
    assert [s["byday"] for s in schedules["Tea Dance"]] == ["1MO,3MO", "-1SA"]
    assert schedules["Walking Group"] == [{"freq": "WEEKLY", "interval": 2, "byday": "TH", "dtstart": "2026-06-04", "opens_at": "13:00",
                                           "closes_at": "15:00", "description": "Thursday, every other week, 1pm to 3pm"}]
    assert schedules["Befriending"] == [{"attending_type": "by arrangement", "description": "By arrangement",
                                         "notes": "Usually weekday mornings"}]
    assert schedules["Garden Club"][0]["freq"] == "WEEKLY" and schedules["Garden Club"][0]["interval"] == 1


@pytest.mark.parametrize("source", ["oruk", "spreadsheet"])
@pytest.mark.parametrize("code", ["en", "cy"])
def test_the_open_data_imports_back_to_the_same_schedules(sites, tmp_path: Path, source: str, code: str):
    out = sites[code]
    site_yaml = (out.parent / "site.yaml").read_text(encoding="utf-8")
    root = make_site(tmp_path / "site", {"content/providers/testshire-care/garden-club.md": None,
                                         "content/providers/testshire-care/provider.yaml": None, "site.yaml": site_yaml})
    path = out / "openreferral" / ("services" if source == "oruk" else "services.csv")
    result = run_cli("import", source, str(path), "--root", str(root), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert "Created 5, updated 0, skipped 0." in result.stdout
    again = build(root, tmp_path / "out")
    for slug in SERVICES:
        assert standard(again, slug) == standard(out, slug), slug
        assert easy_when(again, slug) == easy_when(out, slug), slug
    assert "every_weeks: 2\n  starting: \"2026-06-04\"" in (root / "content/providers/testshire-care/walking-group.md").read_text(encoding="utf-8")


def test_spreadsheet_cells_in_the_phrasings_people_use():
    from builder.editors.importing.times import parse_times
    assert parse_times("first Friday of the month 10am-12") == [{"days": ["fri"], "from": "10:00", "to": "12:00", "monthly": ["first"]}]
    assert parse_times("2nd Tuesday 2-4pm") == [{"days": ["tue"], "from": "14:00", "to": "16:00", "monthly": ["second"]}]
    assert parse_times("First and third Monday of each month, 10-12") == [
        {"days": ["mon"], "from": "10:00", "to": "12:00", "monthly": ["first", "third"]}]
    assert parse_times("Last Friday of every month 7pm-9pm") == [{"days": ["fri"], "from": "19:00", "to": "21:00", "monthly": ["last"]}]
    assert parse_times("Every other Thursday 1-3") == [{"days": ["thu"], "from": "13:00", "to": "15:00", "every_weeks": 2}]
    assert parse_times("Fortnightly on Wednesdays 10-12 starting 03/06/2026") == [
        {"days": ["wed"], "from": "10:00", "to": "12:00", "every_weeks": 2, "starting": "2026-06-03"}]
    assert parse_times("By arrangement") == [{"by_arrangement": True}]
    assert parse_times("Tuesdays by arrangement; weekday mornings by arrangement") == [
        {"by_arrangement": True, "days": ["tue"]}, {"by_arrangement": True, "note": "Weekday mornings"}]


def test_a_monthly_cell_without_its_week_names_row_column_and_fix(tmp_path: Path):
    root = make_site(tmp_path / "site")
    sheet = tmp_path / "in.csv"
    sheet.write_text("provider,name,who_for,areas,types,Days\nGarden Trust,Seed Swap,older-people,north,day-centre,Monthly 10-12\n"
                     "Garden Trust,Tea Dance,older-people,north,day-centre,Every other Thursday 1-3\n", encoding="utf-8")
    result = run_cli("import", "spreadsheet", str(sheet), "--root", str(root), "--today", TODAY)
    assert "Created 2, updated 0, skipped 0." in result.stdout
    assert ("Warning, row 2: column times: cannot read 'Monthly 10-12': 'Monthly 10-12' does not say which week of the month. "
            "Write it like 'First Friday of the month 10am-12'. Left out; the rest was imported.") in result.stderr.splitlines()
    check = run_cli("check", "--root", str(root), "--today", TODAY)
    assert ("content/providers/garden-trust/tea-dance.md:10: warning: times.every_weeks: has no 'starting' date, so nobody can "
            "tell which weeks it is on. Add starting: with the date of one session, like starting: 2026-06-04.") in check.stderr.splitlines()


def test_the_template_shows_the_phrasings(tmp_path: Path):
    from openpyxl import load_workbook
    path = tmp_path / "services.xlsx"
    assert run_cli("import", "template", str(path), "--root", str(make_site(tmp_path / "site"))).exit_code == 0
    columns = {row[0].value: row[1].value for row in load_workbook(path)["Columns"].iter_rows(min_row=2)}
    assert columns["times"] == ("Days and times, like 'Mon-Fri 9.30-3.30', 'Tuesdays 10am to 12 noon', 'First Friday of the month 10-12', "
                                "'2nd and 4th Tuesday 2-4pm', 'Every other Thursday 1-3pm from 04/06/2026' or 'By arrangement'; "
                                "several separated by ;")


def test_which_dates_a_session_falls_on():
    from builder.model.schedules import Recurrence
    june = [dt.date(2026, 6, 1) + dt.timedelta(days=n) for n in range(61)]
    assert [d.isoformat() for d in june if Recurrence(every_weeks=2, starting=dt.date(2026, 6, 4)).meets_on(d, ("thu",))] == [
        "2026-06-04", "2026-06-18", "2026-07-02", "2026-07-16", "2026-07-30"]
    assert [d.isoformat() for d in june if Recurrence(monthly=("first", "last")).meets_on(d, ("fri",))] == [
        "2026-06-05", "2026-06-26", "2026-07-03", "2026-07-31"]
    assert not any(Recurrence(by_arrangement=True).meets_on(d, ("mon",)) for d in june)


def test_an_oruk_schedule_the_model_cannot_hold_names_its_json_path(tmp_path: Path):
    root = make_site(tmp_path / "site")
    record = {"id": "s1", "name": "Seed Swap", "status": "active", "organization": {"name": "Garden Trust"},
              "schedules": [{"freq": "MONTHLY", "byday": "FR", "opens_at": "10:00", "closes_at": "12:00"}]}
    good = {**record, "id": "s2", "name": "Tea Dance",
            "schedules": [{"freq": "MONTHLY", "interval": 1, "byday": "2TU,4TU", "opens_at": "14:00", "closes_at": "16:00"},
                          {"freq": "WEEKLY", "interval": 3, "byday": "SA", "dtstart": "2026-06-06", "opens_at": "10:00", "closes_at": "12:00"},
                          {"attending_type": "By arrangement", "description": "By arrangement"}]}
    (tmp_path / "feed.json").write_text(json.dumps([record, good]), encoding="utf-8")
    result = run_cli("import", "oruk", str(tmp_path / "feed.json"), "--root", str(root), "--today", TODAY,
                     "--set", "areas=north", "--set", "types=day-centre", "--set", "who_for=older-people")
    assert "Created 1, updated 0, skipped 1." in result.stdout
    assert ("Skipped feed.json $[0]: feed.json $[0].schedules[0]: freq MONTHLY needs byday with the week of the month before "
            "each day, like \"1FR\" (first Friday) or \"-1SA\" (last Saturday); weeks 1 to 4 and -1 are read "
            "(found byday 'FR', bymonthday '').") in result.stderr.splitlines()
    text = (root / "content/providers/garden-trust/tea-dance.md").read_text(encoding="utf-8")
    assert ('times:\n- days: [tue]\n  from: "14:00"\n  to: "16:00"\n  monthly: [second, fourth]\n'
            '- days: [sat]\n  from: "10:00"\n  to: "12:00"\n  every_weeks: 3\n  starting: "2026-06-06"\n'
            '- {by_arrangement: true}\n') in text
