"""Imports on bilingual sites (issue 24): labels in any of the site's languages, slugs that keep Welsh letters,
times with any note, and every language surviving the round trip through the site's own export."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import BILINGUAL, INIT_FLAGS, MINIMAL_SITE, TODAY, WORST_CASE, make_site, run_cli
from test_import import build, page_facts
from builder.editors.importing.times import parse_times
from builder.core.slugs import slugify

WELSH_FIRST = MINIMAL_SITE.replace("review_months: 12\n", "review_months: 12\nlanguages: [cy, en]\n").replace(
    "older-people: {label: Older people, easy: Older people}",
    "older-people: {label: {cy: Pobl hŷn, en: Older people}, easy: {cy: Pobl hŷn, en: Older people}}").replace(
    "dementia: {label: People living with dementia, easy: People with dementia}",
    "dementia: {label: {cy: Pobl sy'n byw gyda dementia, en: People living with dementia}, easy: {cy: Pobl â dementia, en: People with dementia}}\n"
    "    carers: {label: {cy: Gofalwyr, en: Carers}, easy: {cy: Gofalwyr, en: Pobl sy'n gofalu}}\n"
    "    young-carers: {label: {cy: Gofalwyr ifanc, en: Gofalwyr}, easy: {cy: Gofalwyr ifanc, en: Young carers}}").replace(
    "  - key: north\n    name: North", "  - key: north\n    name: {cy: Y Gogledd, en: North}")


def welsh_first_site(tmp_path: Path) -> Path:
    return make_site(tmp_path / "site", {"site.yaml": WELSH_FIRST})


def import_sheet(root: Path, text: str, *flags: str):
    sheet = root.parent / "in.csv"
    sheet.write_text(text, encoding="utf-8")
    return run_cli("import", "spreadsheet", str(sheet), "--root", str(root), "--today", TODAY, *flags)


def front_matter(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("---\n")[1]


def fields(path: Path) -> dict:
    return yaml.safe_load(front_matter(path))


# Labels in any of the site's languages, where a key is expected

def test_a_welsh_first_site_takes_the_english_and_the_welsh_label_for_a_key_in_any_case_and_spacing(tmp_path: Path):
    root = welsh_first_site(tmp_path)
    result = import_sheet(root, "provider,name,who_for,areas,types,transport,funding\n"
                                "Ymddiriedolaeth,Clwb Un,Older people,North,day-centre,Provided,Direct payment\n"
                                "Ymddiriedolaeth,Clwb Dau,  POBL   hŷn ,y gogledd,Day-Centres,mae trafnidiaeth yn cael ei darparu,Taliad uniongyrchol\n"
                                "Ymddiriedolaeth,Clwb Tri,older-people; Pobl â dementia,NORTH,day centre,none,self funded\n")
    assert "Created 3, updated 0, skipped 0." in result.stdout, result.output
    folder = root / "content/providers/ymddiriedolaeth"
    assert "who_for: [older-people]\nareas: [north]" in front_matter(folder / "clwb-un.md")
    assert "who_for: [older-people]\nareas: [north]" in front_matter(folder / "clwb-dau.md")
    assert "who_for: [older-people, dementia]" in front_matter(folder / "clwb-tri.md")
    assert "transport: provided" in front_matter(folder / "clwb-dau.md")
    assert "funding: [direct-payment]" in front_matter(folder / "clwb-dau.md")
    assert run_cli("check", "--root", str(root), "--today", TODAY).exit_code == 0


def test_a_label_that_names_two_keys_is_ambiguous_and_the_message_names_both(tmp_path: Path):
    root = welsh_first_site(tmp_path)  # 'Gofalwyr' is the Welsh label of carers and the English label of young-carers
    result = import_sheet(root, "provider,name,who_for,areas,types\nA,Clwb,Gofalwyr,north,day-centre\nA,Clwb Arall,Carers,north,day-centre\n")
    assert "Created 1, updated 0, skipped 1." in result.stdout
    assert ("Skipped row 2: column who_for: 'Gofalwyr' is the label of more than one key (carers, young-carers): "
            "write the key you mean.") in result.stderr.splitlines()


def test_an_unknown_label_suggests_the_closest_in_any_language(tmp_path: Path):
    root = welsh_first_site(tmp_path)
    result = import_sheet(root, "provider,name,who_for,areas,types\nA,Clwb,Pobl hyn,north,day-centre\nA,Clwb Dau,Older peple,north,day-centre\n")
    lines = result.stderr.splitlines()
    assert "Skipped row 2: column who_for: 'Pobl hyn' is not in site.yaml. Did you mean 'Pobl hŷn'?" in lines
    assert "Skipped row 3: column who_for: 'Older peple' is not in site.yaml. Did you mean 'Older people'?" in lines


def test_oruk_terms_and_areas_named_by_a_label_in_either_language_map_to_keys(tmp_path: Path):
    root = welsh_first_site(tmp_path)
    record = {"id": "s1", "name": "Clwb", "status": "active", "organization": {"name": "Ymddiriedolaeth"},
              "attributes": [{"taxonomy_term": {"taxonomy": "who_for", "term": "OP", "name": "Older people"}},
                             {"taxonomy_term": {"taxonomy": "who_for", "term": "DEM", "name": "Pobl â dementia"}},
                             {"taxonomy_term": {"taxonomy": "types", "term": "day-centre"}}],
              "service_areas": [{"name": "Y Gogledd"}]}
    ambiguous = json.loads(json.dumps(record)) | {"id": "s2", "name": "Clwb Dau"}
    ambiguous["attributes"][0]["taxonomy_term"]["name"] = "gofalwyr"
    (tmp_path / "feed.json").write_text(json.dumps([record, ambiguous]), encoding="utf-8")
    result = run_cli("import", "oruk", str(tmp_path / "feed.json"), "--root", str(root), "--today", TODAY)
    assert "Created 1, updated 0, skipped 1." in result.stdout, result.output
    assert "who_for: [older-people, dementia]\ntypes: [day-centre]\nareas: [north]" in front_matter(root / "content/providers/ymddiriedolaeth/clwb.md")
    assert ("Skipped feed.json $[1]: feed.json $[1].attributes[0].taxonomy_term.name: 'gofalwyr' is the label of more than one key "
            "(carers, young-carers): write the key you mean.") in result.stderr.splitlines()


# Slugs keep Welsh and other accented letters

@pytest.mark.parametrize("name, slug", [
    ("Tŷ Croeso", "ty-croeso"), ("Côr Llan-non", "cor-llan-non"), ("Memory Café", "memory-cafe"),
    ("ŵ ŷ â ê î ô û ï é", "w-y-a-e-i-o-u-i-e"), ("ŴYL FAWR ÂR ÔL", "wyl-fawr-ar-ol"), ("Straße Œuvre", "strasse-oeuvre"),
])
def test_slugs_transliterate_accented_letters_and_never_drop_them(name: str, slug: str):
    assert slugify(name) == slug


def test_import_names_files_and_folders_with_the_welsh_letters_transliterated(tmp_path: Path):
    root = welsh_first_site(tmp_path)
    result = import_sheet(root, "provider,name,who_for,areas,types\n"
                                "Tŷ Croeso,Côr Llan-non,older-people,north,day-centre\nTŷ Croeso,Memory Café,older-people,north,day-centre\n")
    assert "Created 2," in result.stdout, result.output
    assert sorted(p.name for p in (root / "content/providers/ty-croeso").iterdir()) == ["cor-llan-non.md", "memory-cafe.md", "provider.yaml"]


def test_a_listing_imported_before_slugs_kept_accents_is_still_found_by_its_name(tmp_path: Path):
    root = make_site(tmp_path / "site")
    text = "provider,name,who_for,areas,types\nGarden Trust,Memory Café,older-people,north,day-centre\n"
    assert "Created 1," in import_sheet(root, text).stdout
    folder = root / "content/providers/garden-trust"
    (folder / "memory-cafe.md").rename(folder / "memory-caf.md")  # the name an older version gave it
    assert "updated 1" in import_sheet(root, text, "--update").stdout
    assert sorted(p.name for p in folder.iterdir()) == ["memory-caf.md", "provider.yaml"]


def test_new_suggests_the_transliterated_slug(tmp_path: Path):
    root = make_site(tmp_path / "site")
    result = run_cli("new", "provider", "Tŷ Croeso", "--root", str(root))
    assert result.exit_code == 2
    assert ("'Tŷ Croeso' is not a valid provider name: use lower-case letters, digits and hyphens, like 'ty-croeso'."
            in result.output)


def test_init_makes_area_keys_with_the_welsh_letters_transliterated(tmp_path: Path):
    flags = [f for f in INIT_FLAGS if f not in ("Northdale City", "Eastmoor", "--area")]
    result = run_cli("init", str(tmp_path / "new"), *flags, "--area", "Ynys Môn", "--area", "Tŷ Ddewi")
    assert result.exit_code == 0, result.output
    site = (tmp_path / "new" / "site.yaml").read_text(encoding="utf-8")
    assert "key: ynys-mon" in site and "key: ty-ddewi" in site


def test_check_suggests_a_transliterated_folder_name(tmp_path: Path):
    root = make_site(tmp_path / "site")
    (root / "content/providers/testshire-care").rename(root / "content/providers/Tŷ-Croeso")
    result = run_cli("check", "--root", str(root), "--today", TODAY)
    assert ("content/providers/Tŷ-Croeso: the folder name is not a valid slug (found 'Tŷ-Croeso'). "
            "Use lower-case letters, digits and hyphens, like 'ty-croeso'.") in result.stderr


# Times whose note holds brackets or a ';' (the export writes the note in brackets)

def test_a_times_note_with_brackets_or_a_semicolon_reads_back_whole():
    cell = "Thu 10:00-12:00 (Weekly (alternates with Friday)); Mon 10:00-12:00 (Meet at the hall; the bus leaves at 9:15.); Fri 9-3"
    assert parse_times(cell) == [
        {"days": ["thu"], "from": "10:00", "to": "12:00", "note": "Weekly (alternates with Friday)"},
        {"days": ["mon"], "from": "10:00", "to": "12:00", "note": "Meet at the hall; the bus leaves at 9:15."},
        {"days": ["fri"], "from": "09:00", "to": "15:00"},
    ]
    assert parse_times("Mon 10:00-12:00 (Bring a smile :()") == [{"days": ["mon"], "from": "10:00", "to": "12:00", "note": "Bring a smile :("}]


# Every language survives the round trip through the site's own export

def bilingual_copy(tmp_path: Path, first: str = "cy") -> Path:
    """tests/fixtures/bilingual copied (never edited), with a cost whose label is translated; `first="en"`:
    the same site English-first (the English body in garden-club.md, the Welsh beside it)."""
    root = tmp_path / f"site-{first}"
    shutil.copytree(BILINGUAL, root)
    club = root / "content/providers/testshire-care/garden-club.md"
    club.write_text(club.read_text(encoding="utf-8").replace(
        "funding: [free]\n", "costs:\n  - {label: {cy: Trafnidiaeth, en: Transport there and back}, amount: 6, per: day, kind: transport}\n"
                             "funding: [self-funded]\n"), encoding="utf-8")
    if first == "en":
        site = root / "site.yaml"
        site.write_text(site.read_text(encoding="utf-8").replace("languages: [cy, en]", "languages: [en, cy]"), encoding="utf-8")
        english = club.with_name("garden-club.en.md")
        welsh = club.read_text(encoding="utf-8").rpartition("---\n")[2]
        club.write_text(club.read_text(encoding="utf-8").replace(welsh, english.read_text(encoding="utf-8")), encoding="utf-8")
        english.unlink()
        club.with_name("garden-club.cy.md").write_text(welsh, encoding="utf-8")
        about = root / "content/pages"
        for name in ("about", "about.easy"):  # the pages' bodies swap languages the same way
            main, other = about / f"{name}.md", about / f"{name.replace('about', 'about.en')}.md"
            other.rename(about / f"{name.replace('about', 'about.cy')}.md")
    return root


def fresh_copy(root: Path, folder: Path) -> Path:
    """The site's settings and pages without its listings: a fresh copy of a bilingual site."""
    folder.mkdir()
    shutil.copy(root / "site.yaml", folder / "site.yaml")
    shutil.copytree(root / "content/pages", folder / "content/pages")
    return folder


def spreadsheet(out: Path) -> dict[str, dict[str, str]]:
    with (out / "openreferral/services.csv").open(encoding="utf-8-sig", newline="") as file:
        return {row["file"].removeprefix("content/providers/").removesuffix(".md"): row for row in csv.DictReader(file)}


@pytest.mark.parametrize("first", ["cy", "en"])
def test_the_spreadsheet_export_reimported_into_a_fresh_copy_equals_the_original_in_both_languages(tmp_path: Path, first: str):
    root = bilingual_copy(tmp_path, first)
    out = build(root, tmp_path / "out")
    other = "en" if first == "cy" else "cy"
    rows = spreadsheet(out)
    club = rows["testshire-care/garden-club"]
    headings = list(club)
    assert headings[:5] == ["id", "file", "provider", f"provider ({other})", "provider_description"]
    assert headings[headings.index("name"):][:5] == ["name", f"name ({other})", "summary", f"summary ({other})", "description"]
    words = {"cy": ("Clwb Garddio", "Trafnidiaeth: £6 a day (transport)", "Rydyn ni’n tyfu llysiau gyda’n gilydd."),
             "en": ("Garden Club", "Transport there and back: £6 a day (transport)", "We grow vegetables together.")}
    assert (club["name"], club["costs"], club["description"]) == words[first]
    assert (club[f"name ({other})"], club[f"costs ({other})"], club[f"description ({other})"]) == words[other]
    fresh = fresh_copy(root, tmp_path / "fresh")
    result = run_cli("import", "spreadsheet", str(out / "openreferral/services.csv"), "--root", str(fresh), "--today", TODAY)
    assert "Created 2, updated 0, skipped 0." in result.stdout, result.output
    assert "Columns not read" not in result.stderr
    again = build(fresh, tmp_path / "again")
    assert spreadsheet(again) == rows  # every field, in both languages
    for language in ("", f"{other}/"):
        assert page_facts(again / language) == page_facts(out / language), language


def test_the_own_export_imported_back_with_update_changes_no_value_and_keeps_every_language(tmp_path: Path):
    root = bilingual_copy(tmp_path)
    before = {p.relative_to(root): p.read_text(encoding="utf-8") for p in (root / "content").rglob("*.*")}
    out = build(root, tmp_path / "out")
    result = run_cli("import", "spreadsheet", str(out / "openreferral/services.csv"), "--root", str(root), "--today", TODAY, "--update")
    assert "Created 0, updated 2, skipped 0." in result.stdout, result.output
    after = {p.relative_to(root): p.read_text(encoding="utf-8") for p in (root / "content").rglob("*.*")}
    assert sorted(after) == sorted(before)  # the same files: matched by their paths, no new ones
    club = front_matter(root / "content/providers/testshire-care/garden-club.md")
    assert "name: {cy: Clwb Garddio, en: Garden Club}" in club
    assert "- label: {cy: Trafnidiaeth, en: Transport there and back}\n  amount: 6.0\n  per: day\n  kind: transport" in club
    assert "description: {cy: Elusen leol., en: A local charity.}" in (root / "content/providers/testshire-care/provider.yaml").read_text(encoding="utf-8")
    assert spreadsheet(build(root, tmp_path / "again")) == spreadsheet(out)


def test_a_translation_an_editor_added_survives_a_reimport_of_the_same_file_with_update(tmp_path: Path):
    root = bilingual_copy(tmp_path)
    exported = build(root, tmp_path / "out") / "openreferral/services.csv"
    coffee = root / "content/providers/hartley-welsh-society/welsh-coffee-morning.md"
    coffee.write_text(coffee.read_text(encoding="utf-8").replace(
        "summary: {cy: Bore coffi am ddim yn Gymraeg a Saesneg i bobl hŷn ym mhentrefi Fforest Hartley.}",
        "summary: {cy: Bore coffi am ddim yn Gymraeg a Saesneg i bobl hŷn ym mhentrefi Fforest Hartley., "
        "en: A free coffee morning in Welsh and English.}"), encoding="utf-8")
    (coffee.with_name("welsh-coffee-morning.en.md")).write_text("An editor's English words.\n", encoding="utf-8")
    result = run_cli("import", "spreadsheet", str(exported), "--root", str(root), "--today", TODAY, "--update")
    assert "Created 0, updated 2, skipped 0." in result.stdout, result.output
    assert fields(coffee)["summary"] == {"cy": "Bore coffi am ddim yn Gymraeg a Saesneg i bobl hŷn ym mhentrefi Fforest Hartley.",
                                         "en": "A free coffee morning in Welsh and English."}
    assert coffee.with_name("welsh-coffee-morning.en.md").read_text(encoding="utf-8") == "An editor's English words.\n"


def test_a_sheet_in_one_language_updates_that_language_and_keeps_the_others_words(tmp_path: Path):
    root = bilingual_copy(tmp_path)
    sheet = tmp_path / "welsh.csv"
    sheet.write_text("id,provider,name,costs,types,who_for,areas\n"
                     "testshire-care/garden-club,Testshire Care,Clwb Garddio Newydd,Cludiant: £6 a day,community-group,older-people,north\n",
                     encoding="utf-8")
    result = run_cli("import", "spreadsheet", str(sheet), "--root", str(root), "--today", TODAY, "--update")
    assert "Created 0, updated 1, skipped 0." in result.stdout, result.output
    club = front_matter(root / "content/providers/testshire-care/garden-club.md")
    assert "name: {cy: Clwb Garddio Newydd, en: Garden Club}" in club
    assert "- label: {cy: Cludiant, en: Transport there and back}\n  amount: 6.0\n  per: day\n  kind: transport" in club


def test_translation_columns_name_the_language_by_code_or_name_and_columns_without_one_are_the_first_language(tmp_path: Path):
    root = welsh_first_site(tmp_path)
    result = import_sheet(root, "Provider,Service name,Name (English),Summary [Saesneg],Costs,Costs (en),who_for,areas,types\n"
                                "Ymddiriedolaeth,Clwb Cinio,Lunch Club,Cinio poeth.,Cinio: £4 a day,Lunch: £4 a day,older-people,north,day-centre\n")
    assert "Created 1, updated 0, skipped 0." in result.stdout, result.output
    text = front_matter(root / "content/providers/ymddiriedolaeth/clwb-cinio.md")
    assert "name: {cy: Clwb Cinio, en: Lunch Club}\nsummary: {en: Cinio poeth.}" in text
    assert "label: {cy: Cinio, en: Lunch}" in text


def test_a_sheet_with_welsh_columns_reads_its_untagged_columns_as_english_on_a_welsh_first_site(tmp_path: Path):
    root = welsh_first_site(tmp_path)  # an English-first site's export: name and name (cy)
    result = import_sheet(root, "provider,name,name (cy),who_for,areas,types\nTrust,Lunch Club,Clwb Cinio,older-people,north,day-centre\n")
    assert "Created 1, updated 0, skipped 0." in result.stdout, result.output
    assert "name: {cy: Clwb Cinio, en: Lunch Club}" in front_matter(root / "content/providers/trust/clwb-cinio.md")
    assert ("The columns without a language are read as English, because the sheet has Welsh columns too: provider, name."
            in result.stderr.splitlines())


def test_translated_costs_or_times_that_do_not_match_name_the_column(tmp_path: Path):
    root = welsh_first_site(tmp_path)
    result = import_sheet(root, "provider,name,costs,costs (en),times,times (en),who_for,areas,types\n"
                                "A,Clwb,Cinio: £4 a day,Lunch: £5 a day,Mon 10-12 (Bob wythnos),Tue 10-12 (Every week),older-people,north,day-centre\n")
    assert ("Skipped row 2: column times (en): should list the same days and times as column times, with the notes in English "
            "(found 'Tue 10-12 (Every week)'). column costs (en): should list the same costs as column costs, with the labels "
            "in English (found 'Lunch: £5 a day').") in result.stderr.splitlines()


def test_the_own_export_of_the_worst_case_site_reimports_with_no_row_skipped_and_no_value_changed(tmp_path: Path):
    out = build(WORST_CASE, tmp_path / "out")  # notes with ';' and brackets, the longest names and addresses
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(WORST_CASE / "site.yaml", root / "site.yaml")
    for folder in (WORST_CASE / "content").iterdir():
        if folder.name != "providers":
            shutil.copytree(folder, root / "content" / folder.name)
    result = run_cli("import", "spreadsheet", str(out / "openreferral/services.csv"), "--root", str(root), "--today", TODAY)
    assert f"Created {len(spreadsheet(out))}, updated 0, skipped 0." in result.stdout, result.output
    assert spreadsheet(build(root, tmp_path / "again")) == spreadsheet(out)


# ORUK: each object whose words are translated carries "translations": {"cy": {...}, "en": {...}}

def by_name(rows: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Rows by the service's name (every column: the ids are the feed's UUIDs, the files keep their names,
    the provider's kind travels in the `catalogue` object)."""
    return {row["name"]: row for row in rows.values()}


@pytest.mark.parametrize("first", ["cy", "en"])
def test_the_oruk_export_reimported_into_a_fresh_copy_equals_the_original_in_both_languages(tmp_path: Path, first: str):
    root = bilingual_copy(tmp_path, first)
    out = build(root, tmp_path / "out")
    record = next(json.loads(p.read_text(encoding="utf-8")) for p in (out / "openreferral/services").glob("*.json")
                  if "Clwb Garddio" in p.read_text(encoding="utf-8"))
    assert record["translations"] == {"cy": {"name": "Clwb Garddio", "short_description": "Clwb garddio i bobl hŷn.",
                                             "description": "Rydyn ni’n tyfu llysiau gyda’n gilydd."},
                                      "en": {"name": "Garden Club", "short_description": "A gardening club for older people.",
                                             "description": "We grow vegetables together."}}
    assert record["cost_options"][0]["translations"] == {"cy": {"option": "Trafnidiaeth"}, "en": {"option": "Transport there and back"}}
    assert record["organization"]["translations"] == {"cy": {"description": "Elusen leol."}, "en": {"description": "A local charity."}}
    fresh = fresh_copy(root, tmp_path / "fresh")
    result = run_cli("import", "oruk", str(out / "openreferral"), "--root", str(fresh), "--today", TODAY)
    assert "Created 2, updated 0, skipped 0." in result.stdout, result.output
    again = build(fresh, tmp_path / "again")
    assert by_name(spreadsheet(again)) == by_name(spreadsheet(out))  # every field, in both languages, cost kinds too
    other = "en" if first == "cy" else "cy"
    for language in ("", f"{other}/"):
        assert page_facts(again / language) == page_facts(out / language), language


def test_an_english_only_site_takes_the_english_words_of_a_bilingual_feed(tmp_path: Path):
    out = build(bilingual_copy(tmp_path), tmp_path / "out")  # Welsh-first: the Welsh words in the ORUK fields
    root = make_site(tmp_path / "english", {"content/providers/testshire-care/garden-club.md": None})  # else: the same listing
    result = run_cli("import", "oruk", str(out / "openreferral"), "--root", str(root), "--today", TODAY)
    assert "Created 2, updated 0, skipped 0." in result.stdout, result.output
    club = fields(root / "content/providers/testshire-care/garden-club.md")  # the name it had
    assert (club["name"], club["summary"], club["costs"][0]["label"]) == ("Garden Club", "A gardening club for older people.", "Transport there and back")
    assert (root / "content/providers/testshire-care/garden-club.md").read_text(encoding="utf-8").endswith("---\nWe grow vegetables together.\n")


def test_an_oruk_reimport_with_update_keeps_a_translation_an_editor_added(tmp_path: Path):
    root = bilingual_copy(tmp_path)
    out = build(root, tmp_path / "out")
    fresh = fresh_copy(root, tmp_path / "fresh")
    assert "Created 2," in run_cli("import", "oruk", str(out / "openreferral"), "--root", str(fresh), "--today", TODAY).stdout
    coffee = fresh / "content/providers/hartley-welsh-society/welsh-coffee-morning.md"  # the name it had
    text = coffee.read_text(encoding="utf-8")
    summary = fields(coffee)["summary"]
    coffee.write_text(text.replace(f"summary: {summary}\n", f"summary: {{cy: {summary}, en: A coffee morning in Welsh.}}\n"), encoding="utf-8")
    result = run_cli("import", "oruk", str(out / "openreferral"), "--root", str(fresh), "--today", TODAY, "--update")
    assert "Created 0, updated 2, skipped 0." in result.stdout, result.output
    assert fields(coffee)["summary"] == {"cy": summary, "en": "A coffee morning in Welsh."}
    assert fields(coffee)["name"] == {"cy": "Bore Coffi Cymraeg", "en": "Welsh-speaking Coffee Morning"}


def test_a_bilingual_sites_template_has_a_column_per_language_and_its_columns_sheet_says_what_is_accepted(tmp_path: Path):
    root = bilingual_copy(tmp_path)
    path = tmp_path / "services.xlsx"
    assert run_cli("import", "template", str(path), "--root", str(root)).exit_code == 0
    from openpyxl import load_workbook
    book = load_workbook(path)
    headings = [c.value for c in book["Services"][1]]
    assert headings[:6] == ["id", "file", "provider", "provider (en)", "provider_description", "provider_description (en)"]
    assert headings[headings.index("name"):][:6] == ["name", "name (en)", "summary", "summary (en)", "description", "description (en)"]
    assert {"times (en)", "costs (en)", "location_name (en)", "address (en)", "alert (en)"} <= set(headings)
    help_rows = {row[0]: row[1:] for row in book["Columns"].iter_rows(values_only=True) if row[0]}
    assert help_rows["costs (en)"] == ("The same costs, with the labels in English. Leave it empty where the words are the same "
                                       "in every language or not translated yet.", "costs (English), costs (Saesneg)")
    assert help_rows["Languages"][0] == (
        "Columns without a language are in Welsh, the site's first language; a column named like 'name (en)' holds the "
        "field's words in English. Name the language by its code (cy, en) or its name in English or in any of the site's "
        "languages ('name (English)'). A sheet that has a column for Welsh too ('name (cy)') reads its columns without a "
        "language as English.")
    sheet = book["Services"]  # filled in, in both languages
    for heading, value in {"name": "Clwb Cinio", "name (en)": "Lunch Club", "costs": "Cinio: £4 a day", "costs (en)": "Lunch: £4 a day",
                           "areas": "north", "who_for": "Older people", "types": "community-group", "activities": ""}.items():
        sheet.cell(row=2, column=headings.index(heading) + 1, value=value)
    book.save(path)
    result = run_cli("import", "spreadsheet", str(path), "--root", str(root), "--today", TODAY)
    assert "Created 1, updated 0, skipped 0." in result.stdout, result.output
    club = fields(next((root / "content/providers").glob("*/clwb-cinio.md")))
    assert club["name"] == {"cy": "Clwb Cinio", "en": "Lunch Club"} and club["costs"][0]["label"] == {"cy": "Cinio", "en": "Lunch"}


def test_a_rebuild_after_a_translation_changes_publishes_it_in_the_spreadsheet_and_the_oruk_record(tmp_path: Path):
    root = bilingual_copy(tmp_path)
    out = build(root, tmp_path / "out")
    (root / "content/providers/testshire-care/garden-club.en.md").write_text("We grow beans.\n", encoding="utf-8")
    build(root, out)  # with the build cache of the first build
    assert spreadsheet(out)["testshire-care/garden-club"]["description (en)"] == "We grow beans."
    record = next(json.loads(p.read_text(encoding="utf-8")) for p in (out / "openreferral/services").glob("*.json")
                  if "Clwb Garddio" in p.read_text(encoding="utf-8"))
    assert record["translations"]["en"]["description"] == "We grow beans."


def test_set_takes_a_label_in_any_of_the_sites_languages_too(tmp_path: Path):
    root = welsh_first_site(tmp_path)
    result = import_sheet(root, "provider,name,types\nA,Clwb,day-centre\n", "--set", "who_for=Older people,Pobl â dementia",
                          "--set", "areas=Y Gogledd")
    assert "Created 1, updated 0, skipped 0." in result.stdout, result.output
    assert "who_for: [older-people, dementia]\nareas: [north]" in front_matter(root / "content/providers/a/clwb.md")
    result = import_sheet(root, "provider,name,types\nA,Clwb,day-centre\n", "--set", "who_for=Gofalwyr")
    assert result.exit_code == 2
    assert "--set who_for=Gofalwyr: 'Gofalwyr' is the label of more than one key (carers, young-carers): write the key you mean." in result.output


def test_a_cost_kind_written_in_one_languages_column_is_kept(tmp_path: Path):
    root = welsh_first_site(tmp_path)
    result = import_sheet(root, "provider,name,costs,costs (en),who_for,areas,types\n"
                                "A,Clwb,Cinio: £4 a day,Lunch: £4 a day (lunch),older-people,north,day-centre\n")
    assert "Created 1, updated 0, skipped 0." in result.stdout, result.output
    assert fields(root / "content/providers/a/clwb.md")["costs"] == [
        {"label": {"cy": "Cinio", "en": "Lunch"}, "amount": 4.0, "per": "day", "kind": "lunch"}]


def test_the_offline_copy_is_named_from_the_title_with_its_welsh_letters_transliterated():
    from types import SimpleNamespace
    from builder.publish.offline import copy_name
    assert copy_name(SimpleNamespace(title="Dod o hyd i gyfleoedd dydd yn Ynys Môn")) == "dod-o-hyd-i-gyfleoedd-dydd-yn-ynys-mon"


def test_translation_columns_in_a_language_the_site_does_not_have_are_named_and_not_read(tmp_path: Path):
    root = make_site(tmp_path / "site")  # English only
    result = import_sheet(root, "provider,name,name (cy),Summary (Welsh),Colour,who_for,areas,types\n"
                                "Trust,Lunch Club,Clwb Cinio,Cinio.,Red,older-people,north,day-centre\n")
    assert "Created 1, updated 0, skipped 0." in result.stdout, result.output
    assert result.stderr.splitlines()[:2] == [
        "Columns not read: Colour.",
        "Columns not read, in a language the site does not have (its languages: en): name (cy), Summary (Welsh). "
        "Add the language to languages in site.yaml to import them."]
    assert fields(root / "content/providers/trust/lunch-club.md")["name"] == "Lunch Club"


def test_a_welsh_first_site_writing_in_english_keeps_each_body_in_its_language_through_the_round_trip(tmp_path: Path):
    root = bilingual_copy(tmp_path)
    site = root / "site.yaml"  # listings written in English: garden-club.md in English, its Welsh beside it
    site.write_text(site.read_text(encoding="utf-8").replace("languages: [cy, en]", "languages: [cy, en]\ncontent_language: en"), encoding="utf-8")
    for page in ("about.md", "about.easy.md"):  # the pages stay written in Welsh
        page = root / "content/pages" / page
        page.write_text(page.read_text(encoding="utf-8").replace("---\n", "---\ncontent_language: cy\n", 1), encoding="utf-8")
    club = root / "content/providers/testshire-care/garden-club.md"
    welsh = club.read_text(encoding="utf-8").rpartition("---\n")[2]
    club.write_text(club.read_text(encoding="utf-8").replace(welsh, "We grow vegetables together.\n"), encoding="utf-8")
    club.with_name("garden-club.en.md").unlink()
    club.with_name("garden-club.cy.md").write_text(welsh, encoding="utf-8")
    out = build(root, tmp_path / "out")
    row = spreadsheet(out)["hartley-welsh-society/welsh-coffee-morning"]
    assert row["description"].startswith("Many families") and row["description (en)"] == ""  # written in English, shown on both
    assert spreadsheet(out)["testshire-care/garden-club"]["description"] == welsh.strip()
    fresh = fresh_copy(root, tmp_path / "fresh")
    assert "skipped 0." in run_cli("import", "spreadsheet", str(out / "openreferral/services.csv"), "--root", str(fresh), "--today", TODAY).stdout
    imported = next((fresh / "content/providers").glob("*/garden-club.md"))
    assert imported.read_text(encoding="utf-8").endswith("---\nWe grow vegetables together.\n")
    assert imported.with_name("garden-club.cy.md").read_text(encoding="utf-8") == welsh
    again = build(fresh, tmp_path / "again")
    assert spreadsheet(again) == spreadsheet(out)
    for language in ("", "en/"):
        assert page_facts(again / language) == page_facts(out / language), language


def test_an_english_only_body_imported_into_a_welsh_first_site_says_it_is_written_in_english(tmp_path: Path):
    root = welsh_first_site(tmp_path)  # an English-first site's export: columns without a language are English
    result = import_sheet(root, "provider,name,name (cy),description,description (cy),who_for,areas,types\n"
                                "Trust,Lunch Club,Clwb Cinio,Lunch at noon.,,older-people,north,day-centre\n")
    assert "Created 1, updated 0, skipped 0." in result.stdout, result.output
    club = root / "content/providers/trust/clwb-cinio.md"
    assert fields(club)["content_language"] == "en" and club.read_text(encoding="utf-8").endswith("---\nLunch at noon.\n")
    assert run_cli("check", "--root", str(root), "--today", TODAY).exit_code == 0


def test_a_donation_with_its_own_label_in_both_languages_survives_both_round_trips(tmp_path: Path):
    root = bilingual_copy(tmp_path)
    coffee = root / "content/providers/hartley-welsh-society/welsh-coffee-morning.md"
    coffee.write_text(coffee.read_text(encoding="utf-8").replace(
        "funding: [free]\n", "funding: [free]\ncosts:\n  - {label: {cy: Blwch y gronfa gacennau, en: Cake fund box}, kind: donation}\n"), encoding="utf-8")
    out = build(root, tmp_path / "out")
    row = spreadsheet(out)["hartley-welsh-society/welsh-coffee-morning"]
    assert (row["costs"], row["costs (en)"]) == ("Blwch y gronfa gacennau (donation)", "Cake fund box (donation)")
    for source, command in ((out / "openreferral/services.csv", "spreadsheet"), (out / "openreferral", "oruk")):
        fresh = fresh_copy(root, tmp_path / f"fresh-{command}")
        result = run_cli("import", command, str(source), "--root", str(fresh), "--today", TODAY)
        assert "Created 2, updated 0, skipped 0." in result.stdout, result.output
        imported = fields(next((fresh / "content/providers").glob("*/welsh-coffee-morning.md")))
        assert imported["costs"] == [{"label": {"cy": "Blwch y gronfa gacennau", "en": "Cake fund box"}, "kind": "donation"}], command
