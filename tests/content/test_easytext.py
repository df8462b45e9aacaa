"""`catalogue check` warns about hard-to-read Easy Read text, naming the file and line."""

from __future__ import annotations

from builder.content.easy_read_checks import body_sentences, reading_ease
from conftest import MINIMAL_SITE, TODAY, make_site, run_cli

SERVICE_EASY = """\
---
checked_by: Testers
checked_on: 2026-06-01
---
They grow vegetables together in the garden every Tuesday morning with lots of friendly people who like plants.

You need an assessment.

They meet at 10am.
"""


def warnings_for(tmp_path, files):
    root = make_site(tmp_path / "site", files)
    result = run_cli("check", "--root", str(root), "--today", TODAY)
    assert result.exit_code == 0, result.output
    return [line for line in result.stderr.splitlines() if ": warning: " in line]


def test_a_long_sentence_and_a_hard_word_are_warned_about_with_file_and_line(tmp_path):
    lines = warnings_for(tmp_path, {"content/providers/testshire-care/garden-club.easy.md": SERVICE_EASY})
    assert lines == [
        "content/providers/testshire-care/garden-club.easy.md:5: warning: this Easy Read sentence has 18 words; "
        "aim for 10 and no more than 15 (found 'They grow vegetables together in the garden every Tuesday m…'). "
        "Split it into shorter sentences, one idea each.",
        "content/providers/testshire-care/garden-club.easy.md:7: warning: 'assessment' is a hard word "
        "(found in 'You need an assessment.'). Use an everyday word, or explain it the first time: 'Assessment means ...'.",
    ]


def test_a_hard_word_that_is_explained_is_not_warned_about(tmp_path):
    text = SERVICE_EASY.replace("You need an assessment.", "You need an assessment.\n\nAn assessment is a chat about the help you need.")
    text = text.replace("with lots of friendly people who like plants", "")
    assert warnings_for(tmp_path, {"content/providers/testshire-care/garden-club.easy.md": text}) == []


def test_initials_number_words_and_missing_checker_are_warned_about(tmp_path):
    text = "They are a CIC group.\n\nThey meet three times a week.\n"
    lines = warnings_for(tmp_path, {"content/providers/testshire-care/garden-club.easy.md": text})
    assert lines == [
        "content/providers/testshire-care/garden-club.easy.md:1: warning: initials or capitals are hard to read (found 'CIC'). "
        "Write the words out in full, in normal case.",
        "content/providers/testshire-care/garden-club.easy.md:1: warning: checked_by, checked_on: nobody is recorded as having "
        "checked this Easy Read text. Ask people with learning disabilities to check it, then add checked_by and checked_on to the front matter.",
        "content/providers/testshire-care/garden-club.easy.md:3: warning: numbers are easier to read as digits (found 'three'). "
        "Write the number as digits, like 3.",
    ]


def test_the_easy_read_sentences_in_a_service_are_checked_on_their_own_lines(tmp_path):
    service = (
        "---\nname: Garden Club\nsummary: A club.\ntypes: [community-group]\nwho_for: [older-people]\n"
        "areas: [north]\nfunding: [free]\nlast_reviewed: 2026-06-01\neasy_read:\n  - They garden.\n"
        "  - Your eligibility depends on the council.\n---\nBody.\n"
    )
    lines = warnings_for(tmp_path, {"content/providers/testshire-care/garden-club.md": service})
    assert lines == [
        "content/providers/testshire-care/garden-club.md:11: warning: easy_read: 'eligibility' is a hard word "
        "(found in 'Your eligibility depends on the council.'). Use an everyday word, or explain it the first time: "
        "'Eligibility means ...'.",
    ]


def test_the_site_can_add_hard_words_and_allow_initials(tmp_path):
    extended = MINIMAL_SITE + "easy_read:\n  hard_words: [garden]\n  allowed_words: [CIC]\n"
    text = "---\nchecked_by: T\nchecked_on: 2026-06-01\n---\nThey are a CIC group.\n\nThey like the garden.\n"
    lines = warnings_for(tmp_path, {"site.yaml": extended, "content/providers/testshire-care/garden-club.easy.md": text})
    assert [line.split(": warning: ")[1].split(" (found")[0] for line in lines] == ["'garden' is a hard word"]


def test_reading_ease_is_high_for_easy_read_and_low_for_officialese():
    easy = [s.text for s in body_sentences("We meet on Monday.\n\nWe have lunch.\n\nYou can come.", 1)]
    hard = ["Eligibility determinations necessitate comprehensive multidisciplinary assessments of individual circumstances."]
    assert reading_ease(easy) > 90
    assert reading_ease(hard) < 0


def test_a_sentence_with_no_picture_an_unknown_picture_and_a_provider_saying_we_are_warned_about(tmp_path):
    text = ("---\nchecked_by: Testers\nchecked_on: 2026-06-01\n---\n## What do they do?\n\n"
            "They grow vegetables.\n\n{picture: unicorn} They sing.\n\nWe have lunch.\n\n{picture: money} It is cheap.\n")
    lines = warnings_for(tmp_path, {"content/providers/testshire-care/garden-club.easy.md": text})
    path = "content/providers/testshire-care/garden-club.easy.md"
    assert lines == [
        f"{path}:7: warning: no picture fits this Easy Read sentence (found 'They grow vegetables.'). "
        "Choose one: put {picture: name} in the sentence, with a name from templates/pictograms.yaml.",
        f"{path}:9: warning: there is no picture called 'unicorn'. Use a name from templates/pictograms.yaml, like {{picture: money}}.",
        f"{path}:11: warning: in Easy Read 'we' means the council, but a provider wrote this (found 'We have lunch.'). "
        "Write what the provider does with 'They', like 'They paint and sing.'",
    ]
