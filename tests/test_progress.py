"""Progress on long builds: stages as plain lines in logs, a bar on a terminal, nothing with --quiet."""

from __future__ import annotations

from builder.progress import Progress

from conftest import TODAY, run_cli

STAGES = ("Checking the content", "Writing the pages (unchanged ones are kept)", "Publishing what changed")


def test_a_build_in_a_log_names_each_stage_on_its_own_line(site, tmp_path):
    result = run_cli("build", "--root", str(site), "--out", str(tmp_path / "out"), "--today", TODAY, "--no-search")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    stages = [line.split("] ", 1)[1] for line in lines if line.startswith("[")]
    assert stages == list(STAGES)
    assert "\r" not in result.stderr
    assert "Wrote " in result.stdout


def test_quiet_build_says_nothing(site, tmp_path):
    result = run_cli("build", "--root", str(site), "--out", str(tmp_path / "out"), "--today", TODAY, "--no-search", "--quiet")
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert (tmp_path / "out" / "index.html").is_file()


def test_a_terminal_shows_a_bar_redrawn_in_place(capsys):
    bar = Progress(interactive=True)
    for done in (500, 1000, 2000):
        bar(done, 2000)
    shown = capsys.readouterr().err
    assert shown == ("\r  [#######.......................] 500/2000 pages"
                     "\r  [###############...............] 1000/2000 pages"
                     "\r  [##############################] 2000/2000 pages\n")


def test_a_log_gets_the_rendering_count_every_quarter_only(capsys):
    log = Progress(interactive=False)
    for done in range(0, 2001, 50):
        log(done, 2000)
    assert capsys.readouterr().err.splitlines() == [f"  {n}/2000 pages" for n in (0, 500, 1000, 1500, 2000)]
