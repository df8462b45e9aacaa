"""Incremental builds write exactly what a cold build writes, and leave unchanged files alone.

One copy of the sample site is edited step by step (a listing edited, added, renamed and
deleted, a hub renamed, a provider and site.yaml changed); after each step it is built again
with its cache and previous output, and compared byte for byte with a cold build (no cache,
no previous output) of a fresh copy of the same content.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
from pathlib import Path

import pytest

from builder.build import build_site, check_site
from builder.incremental.cache import FOLDER, BuildCache
from builder.pages.render import Preview
from builder.publish import openreferral

from conftest import SAMPLE, TODAY

DAY = dt.date.fromisoformat(TODAY)
SHED = "content/providers/kingsford-community-shed"
HUB = "content/providers/redvale-council/orchard-house-hub.md"
SPOKE = "content/providers/redvale-council/kingsford-library-spoke.md"
BRAIN_INJURY = "content/providers/redvale-brain-injury-group/brain-injury-day-service.md"
EASY_TWIN = "content/providers/makers-kitchen/cafe-training.easy.md"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def folders(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir()}


def stats(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def cold_build(site: Path, scratch: Path) -> dict[str, bytes]:
    copy = scratch / "cold-site"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns(FOLDER))
    shutil.rmtree(scratch / "cold-out", ignore_errors=True)
    build_site(copy, scratch / "cold-out", DAY, with_search=False)
    return tree(scratch / "cold-out")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, Path, Path]:
    scratch = tmp_path_factory.mktemp("incremental")
    root = scratch / "site"
    root.mkdir()
    shutil.copy(SAMPLE / "site.yaml", root / "site.yaml")
    shutil.copytree(SAMPLE / "content", root / "content")
    out = scratch / "out"
    build_site(root, out, DAY, with_search=False)
    return root, out, scratch


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def first_service(root: Path, folder: str) -> Path:
    return sorted(p for p in (root / folder).glob("*.md") if not p.name.endswith(".easy.md"))[0]


STEPS = {
    "nothing changed": lambda root: None,
    "a listing edited": lambda root: edit(first_service(root, SHED), "\nname: ", "\nname: Zebra "),
    "a listing added": lambda root: shutil.copy(first_service(root, SHED), root / SHED / "a-new-listing.md"),
    "a listing renamed": lambda root: (root / SHED / "a-new-listing.md").rename(root / SHED / "renamed-listing.md"),
    "a listing deleted": lambda root: (root / SHED / "renamed-listing.md").unlink(),
    "a listing reopened": lambda root: edit(root / BRAIN_INJURY, "\nstatus: temporarily-closed", "\nstatus: active"),  # the A to Z's tag
    "a hub renamed": lambda root: edit(root / HUB, "\nname: ", "\nname: Renamed "),
    "a provider edited": lambda root: edit(root / SHED / "provider.yaml", "name: ", "name: The "),
    "an Easy Read twin edited": lambda root: edit(root / EASY_TWIN, "helps you every day", "helps you each day"),
    "a spoke left its hub": lambda root: edit(root / SPOKE, "\nspoke_of: redvale-council/orchard-house-hub", ""),
    "site.yaml edited": lambda root: edit(root / "site.yaml", "\ntitle: ", "\ntitle: The "),
    "boundaries edited": lambda root: edit(root / "content/boundaries/areas.geojson", "Made-up outlines", "Invented outlines"),
    "postcode lookup edited": lambda root: edit(root / "content/postcodes/lookup.json", "Contains OS data", "Includes OS data"),
}


@pytest.mark.parametrize("step", list(STEPS))
def test_incremental_build_equals_cold_build(site, step):
    root, out, scratch = site
    before = stats(out)
    STEPS[step](root)
    build_site(root, out, DAY, with_search=False)
    assert tree(out) == cold_build(root, scratch)
    assert folders(out) == folders(scratch / "cold-out")  # the reused folders of the build before last: none left over
    after = stats(out)
    kept = {file for file in before.keys() & after.keys() if before[file] == after[file]}
    changed = {file for file in before.keys() & after.keys() if before[file] != after[file]}
    if step == "nothing changed":
        assert not changed
    elif step == "site.yaml edited":
        assert "index.html" in changed and "a-to-z/index.html" in changed
    elif step in ("boundaries edited", "postcode lookup edited"):  # the credits name the open data
        assert "credits/index.html" in changed
    else:
        assert "accessibility-statement/index.html" in kept and "credits/index.html" in kept
        assert changed  # the edited pages


def test_unchanged_files_keep_their_time_and_the_edited_page_is_rewritten(site):
    root, out, _ = site
    listing = first_service(root, SHED)
    page = f"services/kingsford-community-shed/{listing.stem}/index.html"
    build_site(root, out, DAY, with_search=False)
    before = stats(out)
    edit(listing, "\nsummary: ", "\nsummary: Newly checked. ")
    build_site(root, out, DAY, with_search=False)
    after = stats(out)
    assert "Newly checked." in (out / page).read_text(encoding="utf-8")
    assert after[page] != before[page]
    unchanged = [file for file in before if file.startswith("providers/") and "kingsford-community-shed" not in file]
    assert unchanged and all(after[file] == before[file] for file in unchanged)
    assert after["assets/style.css"] == before["assets/style.css"]
    open_data = [file for file in before if file.startswith("openreferral/services/") and file != "openreferral/services/index.html"]
    changed = {file.split("/")[2].removesuffix(".json") for file in open_data if after[file] != before[file]}
    assert len(open_data) > 10 and len(changed) == 1  # the edited listing's record (its .json and its folder's index.html)


def test_a_deleted_cache_means_a_full_build_with_the_same_output(site):
    root, out, scratch = site
    while (root / FOLDER).exists():  # the previous build's background clean-up may be deleting in it too
        shutil.rmtree(root / FOLDER, ignore_errors=True)
    build_site(root, out, DAY, with_search=False)
    assert (root / FOLDER / "README.txt").is_file()
    assert tree(out) == cold_build(root, scratch)


def test_a_hand_replaced_output_folder_is_not_trusted(site):
    """The manifest names the folder it describes: a folder put back by hand is rendered afresh."""
    root, out, scratch = site
    build_site(root, out, DAY, with_search=False)
    stale = scratch / "stale"
    shutil.copytree(out, stale)
    edit(first_service(root, SHED), "\nsummary: ", "\nsummary: Again. ")
    build_site(root, out, DAY, with_search=False)
    shutil.rmtree(out)
    os.rename(stale, out)  # the older site is back, with the current manifest
    build_site(root, out, DAY, with_search=False)
    assert tree(out) == cold_build(root, scratch)


def test_serve_updates_the_served_folder_in_place_and_writes_what_a_cold_build_writes(site):
    """`catalogue serve` rewrites only the changed files inside the folder it serves, with no swap."""
    root, out, scratch = site
    cache = BuildCache(root, in_memory=True)  # as serve keeps it: unchanged files are the same objects, and so are their services
    build_site(root, out, DAY, with_search=False, cache=cache)
    folder = out.stat().st_ino
    for step in ("a listing edited", "a listing added", "a listing renamed", "a listing deleted", "a hub renamed", "a provider edited"):
        before = stats(out)
        STEPS[step](root)
        build_site(root, out, DAY, with_search=False, in_place=True, cache=cache)
        after = stats(out)
        assert out.stat().st_ino == folder
        assert tree(out) == cold_build(root, scratch), step
        assert after["credits/index.html"] == before["credits/index.html"]  # untouched, not even relinked
    STEPS["site.yaml edited"](root)  # serve builds a new folder for it, with the same cache
    build_site(root, out, DAY, with_search=False, cache=cache)
    assert tree(out) == cold_build(root, scratch)


def service_records(out: Path) -> list[Path]:
    return list((out / "openreferral/services").glob("*.json"))


LIST = re.compile(r"openreferral/([a-z_]+\.json|[a-z_]+/index\.html|services\.csv|index\.html)")  # not one record's


def test_serve_makes_the_pages_open_in_a_browser_live_before_the_rest(site):
    """The edited listing's page, open in a browser, is written first and said to be live while the
    other pages showing the edit (its Easy Read page, its provider's page) are still the old ones;
    then every page is, and the folder is what a cold build writes."""
    root, out, scratch = site
    cache = BuildCache(root, in_memory=True)
    build_site(root, out, DAY, with_search=False, cache=cache)
    listing = first_service(root, SHED)
    page = next(p for p in out.glob("services/*/*/index.html") if p.parent.name == listing.stem).relative_to(out).parent
    opened, provider = f"{page.as_posix()}/", f"providers/{page.parent.name}/index.html"
    news = []

    def pages_live(pages):
        news.append((pages, [b"Opened first." in (out / name).read_bytes()
                             for name in (opened + "index.html", "easy-read/" + opened + "index.html", provider)]))
    edit(listing, "\nsummary: ", "\nsummary: Opened first. ")
    build_site(root, out, DAY, with_search=False, in_place=True, cache=cache,
               preview=Preview(frozenset({opened, "no-such-page/"}), pages_live))
    assert news == [({opened}, [True, False, False]), (None, [True, True, True])]
    assert tree(out) == cold_build(root, scratch)


def test_serve_between_saves_updates_the_records_and_leaves_the_lists_for_the_indexers_build(site, monkeypatch):
    """`serve` rebuilds with `lists_later`: the edited service's own record is current at once; the
    documents that list every record wait for the search indexer's full build, which then writes
    what a cold build writes."""
    root, out, scratch = site
    cache = BuildCache(root, in_memory=True)
    build_site(root, out, DAY, with_search=False, cache=cache)
    listing = first_service(root, SHED)
    before = stats(out)
    edit(listing, "\nsummary: ", "\nsummary: Saved between. ")
    build_site(root, out, DAY, with_search=False, in_place=True, cache=cache, lists_later=True)
    after, cold = tree(out), cold_build(root, scratch)
    lists = {file for file in cold if LIST.fullmatch(file)}
    records = [file for file in cold if b"Saved between." in cold[file] and file.startswith("openreferral/") and file not in lists]
    assert len(records) >= 2 and all(after[file] == cold[file] for file in records)  # its .json and index.html, at least
    assert {"openreferral/services.json", "openreferral/services/index.html", "openreferral/services.csv"} <= lists
    assert {file for file in cold if after.get(file) != cold[file]} == {file for file in lists if b"Saved between." in cold[file]}
    assert all(stats(out)[file] == before[file] for file in lists)  # not written again
    build_site(root, out, DAY, with_search=False, cache=cache)  # the indexer's build, after the pause
    assert tree(out) == cold_build(root, scratch)
    reused, unchanged_services = [], openreferral._unchanged_services

    def spied(*args):
        found = unchanged_services(*args)
        reused.append(len(found[0]))  # the services whose records are kept
        return found
    monkeypatch.setattr(openreferral, "_unchanged_services", spied)
    build_site(root, out, DAY, with_search=False)  # `catalogue build` after serve stopped: the cache on disk is current
    assert reused == [len(service_records(out))]  # every record kept, none written again


def test_an_edit_that_keeps_the_file_size_and_time_is_seen_when_made_just_after_a_build(site):
    """File digests are trusted from size, inode and time only for files older than the last build's
    look by two seconds: on a file system with coarse times an edit in the same instant still shows."""
    root, out, _ = site
    listing = first_service(root, SHED)
    os.utime(listing)  # saved now: on a coarse clock, the edit below could carry this very time
    build_site(root, out, DAY, with_search=False)
    before = listing.stat()
    text = listing.read_text(encoding="utf-8")
    summary = next(line for line in text.splitlines() if line.startswith("summary: "))
    changed = summary[:-1] + ("X" if summary[-1] != "X" else "Y")
    listing.write_text(text.replace(summary, changed, 1), encoding="utf-8")
    os.utime(listing, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert listing.stat().st_size == before.st_size
    build_site(root, out, DAY, with_search=False)
    page = out / f"services/kingsford-community-shed/{listing.stem}/index.html"
    assert html.escape(changed.removeprefix("summary: "), quote=False) in page.read_text(encoding="utf-8")


def test_a_build_stopped_part_way_leaves_the_published_site_as_it_was_and_the_next_build_whole(site, monkeypatch):
    """The staging folder shares most files with the published site (the pages it keeps are the
    published files themselves): a build that stops after rendering must not have changed one byte
    of them, and the next build, reusing what the stopped one left, writes what a cold build writes."""
    root, out, scratch = site
    build_site(root, out, DAY, with_search=False)
    before, published = stats(out), tree(out)
    edit(first_service(root, SHED), "\nsummary: ", "\nsummary: Stopped. ")

    def stop(*args, **kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr("builder.build.openreferral.write_open_data", stop)
        with pytest.raises(KeyboardInterrupt):
            build_site(root, out, DAY, with_search=False)
    assert stats(out) == before and tree(out) == published
    edit(first_service(root, SHED), "\nsummary: Stopped. ", "\nsummary: Started again. ")
    build_site(root, out, DAY, with_search=False)
    assert tree(out) == cold_build(root, scratch)
    assert folders(out) == folders(scratch / "cold-out")


def test_serve_checks_again_each_file_that_an_edit_elsewhere_makes_wrong(tmp_path):
    """serve keeps the problems found in each unchanged file on its own (content/rules.py); a file
    edited, site.yaml edited or another day means checking again."""
    root = tmp_path / "site"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns(FOLDER, "_site"))
    cache, shed = BuildCache(root, in_memory=True), first_service(root, SHED)
    found = lambda today=DAY: [str(p) for p in check_site(root, today, cache=cache).problems.sorted() if p.path.endswith(shed.name)]
    assert found() == []
    edit(shed, '{phone: "01632 960236"', '{phone: "01632 960"')
    wrong_phone = found()
    assert len(wrong_phone) == 1 and wrong_phone[0].startswith(f"{SHED}/{shed.name}:25: contact.phone: ")
    edit(root / HUB, "\nname: ", "\nname: Renamed ")
    assert found() == wrong_phone  # remembered, not lost
    edit(shed, '{phone: "01632 960"', '{phone: "01632 960236"')
    assert found() == []
    edit(root / "site.yaml", "\n    arts-crafts:\n", "\n    arts-and-crafts:\n")
    assert found() == [f"{SHED}/{shed.name}:6: activities: 'arts-crafts' is not an activity in site.yaml. Did you mean 'arts-and-crafts'? "
                       "Choose from taxonomies.activities: arts-and-crafts, life-skills, employment, volunteering, sport-fitness, "
                       "gardening, lunch-club, social-clubs, music, learning, outdoor-walks, cooking, drama, digital-skills."]
    edit(root / "site.yaml", "\n    arts-and-crafts:\n", "\n    arts-crafts:\n")
    assert found() == []
    assert [p.split(": warning: ")[0] for p in found(DAY.replace(year=DAY.year + 2))] == [f"{SHED}/{shed.name}:26"]  # due for review


def test_every_field_of_a_page_is_part_of_its_digest():
    """A field added to PageSpec later must still make a page with another value render again."""
    import dataclasses

    from builder.incremental.reuse import _spec_key
    from builder.pages.kinds import Edition, PageSpec

    page = PageSpec("service", "services/a/", "a")
    others = {"kind": "provider", "url": "services/b/", "key": "b", "version": "easy-read", "language": "cy",
              "edition": Edition(files=True)}
    assert {field.name for field in dataclasses.fields(PageSpec)} == others.keys()
    keys = {_spec_key(dataclasses.replace(page, **{name: value}), {}) for name, value in others.items()}
    assert len(keys | {_spec_key(page, {})}) == len(others) + 1
