"""Progress on long builds: stages as plain lines in logs, a bar on a terminal, nothing with
--quiet, and nothing on small sites (scripts see the same output as before)."""

from __future__ import annotations


from builder.core import progress
from builder.core.progress import Progress

from conftest import TODAY, run_cli

STAGES = ["Checked 7 content files", "Writing the pages (unchanged ones are kept)", "Publishing what changed"]


def build(site, out, *extra):
    result = run_cli("build", "--root", str(site), "--out", str(out), "--today", TODAY, "--no-search", *extra)
    assert result.exit_code == 0, result.output
    return result


def test_a_long_build_in_a_log_names_each_stage_on_its_own_line(site, tmp_path, monkeypatch):
    monkeypatch.setattr(progress, "LONG_BUILD", 1)  # the tiny site counts as long
    result = build(site, tmp_path / "out")
    stages = [line.split("] ", 1)[1] for line in result.stderr.splitlines() if line.startswith("[")]
    assert stages == STAGES
    assert "\r" not in result.stderr
    assert "Wrote " in result.stdout


def test_quiet_build_says_nothing(site, tmp_path, monkeypatch):
    monkeypatch.setattr(progress, "LONG_BUILD", 1)
    result = build(site, tmp_path / "out", "--quiet")
    assert result.output == ""
    assert (tmp_path / "out" / "index.html").is_file()


def test_a_small_site_reports_only_the_result(site, tmp_path):
    result = build(site, tmp_path / "out")
    assert result.stderr == ""
    assert result.stdout.startswith("Wrote ")


def active(interactive: bool) -> Progress:
    shown = Progress(interactive)
    shown.begin(progress.LONG_BUILD)
    return shown


def test_a_terminal_shows_a_bar_redrawn_in_place(capsys):
    bar = active(interactive=True)
    for done in (500, 1000, 2000):
        bar(done, 2000)
    assert capsys.readouterr().err == ("\r  [#######.......................] 500/2000 pages"
                                       "\r  [###############...............] 1000/2000 pages"
                                       "\r  [##############################] 2000/2000 pages\n")


def test_a_log_gets_the_rendering_count_every_quarter_only(capsys):
    log = active(interactive=False)
    for done in range(0, 2001, 50):
        log(done, 2000)
    assert capsys.readouterr().err.splitlines() == [f"  {n}/2000 pages" for n in (0, 500, 1000, 1500, 2000)]
