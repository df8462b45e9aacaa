"""Imports on bilingual sites (issue 24): labels in any of the site's languages, slugs that keep Welsh letters,
times with any note, and every language surviving the round trip through the site's own export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import INIT_FLAGS, MINIMAL_SITE, TODAY, make_site, run_cli
from builder.importing.times import parse_times
from builder.slugs import slugify

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
