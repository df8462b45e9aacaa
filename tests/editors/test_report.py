"""`catalogue report`: the commissioners' report names the real gaps and the listings due for review."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pytest

from builder.build import check_site
from builder.editors.report import NOTHING_DUE, commissioners_report
from conftest import MINIMAL_SERVICE, PROJECT, SAMPLE, TODAY, make_site, run_cli


@pytest.fixture(scope="module")
def sample_report() -> str:
    result = run_cli("report", "--root", str(SAMPLE), "--today", TODAY)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def table_row(markdown: str, heading: str, label: str) -> dict[str, str]:
    """One row of the table under '## {heading}', as {column: cell}."""
    lines = markdown.split(f"## {heading}\n", 1)[1].splitlines()
    rows = [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines if line.startswith("| ")]
    columns = rows[0]
    row = next(r for r in rows if r[0] == label)
    return dict(zip(columns, row))


# ---------------------------------------------------------------- the sample site's real gaps

def test_sample_report_names_the_areas_with_nothing_for_autistic_people_at_weekends_or_in_the_evening(sample_report):
    assert "- **Hartley Forest**: nothing for autistic people." in sample_report
    assert "- **East Wold**: nothing at weekends." in sample_report
    assert "- **Millbrook**: nothing in the evening." in sample_report
    assert "- **Redvale City**: no gaps found." in sample_report


def test_sample_report_tables_mark_the_gaps_as_none(sample_report):
    assert table_row(sample_report, "Active listings in each area, by group", "Autistic people")["Hartley Forest"] == "**none**"
    by_day = "Active listings in each area, by day"
    assert table_row(sample_report, by_day, "Weekends")["East Wold"] == "**none**"
    assert table_row(sample_report, by_day, "Saturday")["East Wold"] == "**none**"
    assert table_row(sample_report, by_day, "Evenings (after 6pm)")["Millbrook"] == "**none**"
    assert table_row(sample_report, by_day, "Evenings (after 6pm)")["Redvale City"] != "**none**"


def test_sample_gaps_in_the_model_match_the_report():
    report = commissioners_report(check_site(SAMPLE, dt.date.fromisoformat(TODAY)).catalogue)
    gaps = {g.area.key: g for g in report.gaps}

    assert [t.key for t in gaps["hartley-forest"].groups] == ["autism"]
    assert [key for key, g in gaps.items() if g.no_weekends] == ["east-wold"]
    assert [key for key, g in gaps.items() if g.no_evenings] == ["millbrook"]


def test_sample_report_lists_the_listings_due_for_review_with_their_providers_contact_details(sample_report):
    due = run_cli("report", "--root", str(SAMPLE), "--today", TODAY, "--due").stdout
    lines = due.splitlines()

    assert lines[0] == "# 3 listings are due for review"
    assert [line.split("**")[1] for line in lines if line.startswith("- **")] == [
        "East Wold Village Lunch Club", "St Mary's Friendship Club", "BrightPath Rural Outreach"]  # oldest first
    assert ("    - Provider: BrightPath Support Ltd. Phone 01632 960103, e-mail enquiries@brightpath.example.org, "
            "[website](https://brightpath.example.org).") in lines
    assert ("File: [`content/providers/east-wold-lunch-club/village-lunch-club.md`](https://github.com/example/"
            "day-opportunities/edit/main/content/providers/east-wold-lunch-club/village-lunch-club.md)") in due
    assert "## 3 listings are due for review" in sample_report
    assert "## Gaps in choice" not in due


def test_sample_report_counts_listings_per_provider_and_only_active_ones_for_coverage(sample_report):
    council = table_row(sample_report, "Listings per provider", "Redvale County Council Adult Day Services")
    assert (council["Active"], council["Closed"]) == ("3", "1")
    brain_injury = table_row(sample_report, "Listings per provider", "Redvale Brain Injury Group")
    assert (brain_injury["Active"], brain_injury["Temporarily closed"]) == ("1", "1")
    assert "2 listings closed or temporarily closed are left out" in sample_report


# ---------------------------------------------------------------- rules, on tiny sites

def test_closed_services_do_not_count_towards_coverage(tmp_path):
    site = make_site(tmp_path, {
        "content/providers/testshire-care/memory-cafe.md":
            MINIMAL_SERVICE.replace("Garden Club", "Memory Cafe").replace("[older-people]", "[dementia]")
            .replace("[north]", "[south]").replace("last_reviewed:", "status: closed\nlast_reviewed:"),
    })

    report = run_cli("report", "--root", str(site), "--today", TODAY).stdout

    assert table_row(report, "Active listings in each area, by group", "People living with dementia") == {
        "Group": "People living with dementia", "North": "**none**", "South": "**none**"}
    assert "Coverage counts only the 1 listing that is active: 1 listing closed or temporarily closed is left out" in report
    assert "- **South**: nothing for older people and people living with dementia; no day centres, community " \
           "groups and one-to-one support; nothing at weekends; nothing in the evening." in report


def test_a_session_running_after_6pm_counts_as_an_evening_and_saturday_as_a_weekend(tmp_path):
    site = make_site(tmp_path, {
        "content/providers/testshire-care/garden-club.md":
            MINIMAL_SERVICE.replace("[tue]", "[sat]").replace('"12:00"', '"18:30"'),
    })

    report = run_cli("report", "--root", str(site), "--today", TODAY).stdout

    by_day = "Active listings in each area, by day"
    assert table_row(report, by_day, "Evenings (after 6pm)")["North"] == "1"
    assert table_row(report, by_day, "Weekends")["North"] == "1"
    assert table_row(report, by_day, "Saturday")["North"] == "1"
    assert table_row(report, by_day, "Tuesday")["North"] == "**none**"


def test_nothing_due_starts_with_the_sentence_the_review_workflow_looks_for(tmp_path):
    site = make_site(tmp_path)

    due = run_cli("report", "--root", str(site), "--today", TODAY, "--due").stdout

    assert due.splitlines()[0] == f"# {NOTHING_DUE}"
    review = (PROJECT / ".github/workflows/review-due.yml").read_text(encoding="utf-8")
    assert f"grep -q '^# {NOTHING_DUE}'" in review


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_report_is_a_whole_page_with_editor_text_escaped(tmp_path):
    site = make_site(tmp_path, {
        "content/providers/testshire-care/garden-club.md":
            MINIMAL_SERVICE.replace("Garden Club", "Garden <script>alert(1)</script> Club")
            .replace("2026-06-01", "2024-06-01"),
    })

    result = run_cli("report", "--root", str(site), "--today", TODAY, "--format", "html", "--out",
                     str(tmp_path / "out" / "report.html"))
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(html)
    tags = [tag for tag, _ in parser.tags]

    assert result.exit_code == 0 and result.stdout == ""
    assert "script" not in tags
    assert "Garden &lt;script&gt;alert(1)&lt;/script&gt; Club" in html
    assert parser.tags[0] == ("html", {"lang": "en-GB"})
    assert tags.count("h1") == 1 and "table" in tags
    assert all(attrs.get("scope") == "col" for tag, attrs in parser.tags if tag == "th")
    assert "</a><ul>\n<li>Provider: Testshire Care. Phone 01632 960100, e-mail info@example.org.</li>" in html


def test_report_will_not_save_into_content(tmp_path):
    site = make_site(tmp_path)

    result = run_cli("report", "--root", str(site), "--today", TODAY, "--out", str(site / "content/pages/report.md"))

    assert result.exit_code == 1
    assert "cannot be saved inside content/" in result.stderr
    assert not (site / "content/pages/report.md").exists()


def test_report_on_invalid_content_prints_every_problem_like_check_and_exits_1(tmp_path):
    site = make_site(tmp_path, {
        "content/providers/testshire-care/garden-club.md": MINIMAL_SERVICE.replace("[older-people]", "[older-peple]"),
    })

    result = run_cli("report", "--root", str(site), "--today", TODAY)
    check = run_cli("check", "--root", str(site), "--today", TODAY)

    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines()[:-1] == check.stderr.splitlines()[:-1]
    assert ("content/providers/testshire-care/garden-club.md:5: who_for: 'older-peple' is not a group in site.yaml."
            in result.stderr)
    assert result.stderr.splitlines()[-1] == "1 error in 7 files. Nothing was published."


def test_sample_report_lists_the_easy_read_pages_nobody_has_checked_and_names_the_checking_group(sample_report):
    section = sample_report.split("Easy Read pages have not been checked yet", 1)[1].split("\n## ", 1)[0]
    assert "Nobody has recorded that Redvale Speak Up group (sample) checked these pages." in section
    assert "- BrightPath Community Support: `content/providers/brightpath-support/brightpath-community-support.md`" in section
    assert "riverside-day-centre" not in section  # its .easy.md names who checked it
    assert "What are day opportunities" not in section
