"""The offline copy opened from disk has no broken links (issue 26 point 5): its open-data page links to
the published files on the website (absolute, under base_url) and says they are online only."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import BILINGUAL, SAMPLE, TODAY, make_site, run_cli
from htmlparse import html_files, page_url, parse_file, unresolved_links, urls_of, visible_text

BASE = "https://example.org/catalogue/"
DATA_FILES = ["services.csv", "services.json", "taxonomy_terms.json", "index.json"]


def offline_copy(root: Path, into: Path) -> Path:
    result = run_cli("build", "--root", str(root), "--today", TODAY, "--offline-copy", "--no-search")
    assert result.exit_code == 0, result.output
    (archive,) = (root / "_site" / "downloads").glob("*.zip")
    with zipfile.ZipFile(archive) as copy:
        copy.extractall(into)
    return next(into.glob("*/index.html")).parent


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> dict[str, Path]:
    english = make_site(tmp_path_factory.mktemp("english") / "site")
    bilingual, sample = tmp_path_factory.mktemp("bilingual") / "site", tmp_path_factory.mktemp("sample") / "site"
    shutil.copytree(BILINGUAL, bilingual)
    shutil.copytree(SAMPLE, sample)  # the builder writes _site beside the content: never into the repository
    return {"english": offline_copy(english, tmp_path_factory.mktemp("english-copy")),
            "bilingual": offline_copy(bilingual, tmp_path_factory.mktemp("bilingual-copy")),
            "sample": offline_copy(sample, tmp_path_factory.mktemp("sample-copy"))}


@pytest.mark.parametrize("name", ["english", "bilingual", "sample"])
def test_a_crawl_of_the_offline_copy_from_disk_finds_no_broken_links(copies, name):
    copy = copies[name]
    assert len(html_files(copy)) > 20
    assert unresolved_links(copy, set()) == []
    from_the_root = [(page_url(copy, file), value) for file in html_files(copy) for el in parse_file(file).iter()
                     for _, value in urls_of(el) if value.startswith("/") and not value.startswith("//")]
    assert from_the_root == []  # a link from "/" leads nowhere on disk


def _links(file: Path) -> list[str]:
    main = parse_file(file).find("main")
    return [a.get("href") for a in main.find_all("a")]


def test_the_open_data_page_links_to_the_published_files_and_says_they_are_online_only(copies):
    copy = copies["english"]
    page = copy / "open-data" / "index.html"
    assert [href for href in _links(page) if "openreferral/" in href] == [BASE + "openreferral/" + f for f in DATA_FILES]
    assert ("This offline copy does not include these files: they are on the website, so you need to be online to get them."
            in visible_text(parse_file(page).find("main")))
    easy = copy / "easy-read" / "open-data" / "index.html"
    assert [href for href in _links(easy) if "openreferral/" in href] == [BASE + "openreferral/services.csv"]
    assert "You need the internet to get the list." in visible_text(parse_file(easy).find("main"))


def test_the_welsh_open_data_page_of_the_offline_copy_says_so_in_welsh(copies):
    copy = copies["bilingual"]
    page = copy / "open-data" / "index.html"  # Welsh first, at the root
    assert [href for href in _links(page) if "openreferral/" in href] == [BASE + "openreferral/" + f for f in DATA_FILES]
    assert ("Nid yw’r copi all-lein hwn yn cynnwys y ffeiliau hyn: maen nhw ar y wefan, felly mae angen i chi fod ar-lein i’w cael."
            in visible_text(parse_file(page).find("main")))
    english = copy / "en" / "open-data" / "index.html"
    assert [href for href in _links(english) if "openreferral/" in href] == [BASE + "openreferral/" + f for f in DATA_FILES]


def test_the_published_open_data_page_still_links_its_own_files(tmp_path):
    root = make_site(tmp_path / "site")
    assert run_cli("build", "--root", str(root), "--today", TODAY, "--no-search").exit_code == 0
    page = root / "_site" / "open-data" / "index.html"
    assert [href for href in _links(page) if "openreferral/" in href] == ["../openreferral/" + f for f in DATA_FILES]
    assert "offline copy" not in visible_text(parse_file(page).find("main"))
    for name in DATA_FILES:
        assert (root / "_site" / "openreferral" / name).is_file()
