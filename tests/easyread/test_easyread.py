"""The Easy Read sentences made from a service's record: one fact per sentence, in order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from builder import build
from builder.easyread import sections as easypage
from builder.easyread import sentences as easyread
from builder.core.theme import default_theme, theme_dirs
from conftest import MINIMAL_SITE, TODAY, make_site

PICTURES = easyread.Pictograms.load(default_theme() / "pictograms.yaml")


def service_text(tmp_path: Path, front_matter: str) -> dict[str, list[str]]:
    """Build a one-service site and return {section heading: [sentences]} for its Easy Read page."""
    text = f"---\n{front_matter}last_reviewed: 2026-06-01\n---\nBody.\n"
    root = make_site(tmp_path / "site", {"content/providers/testshire-care/garden-club.md": text})
    checked = build.check_site(root, dt.date.fromisoformat(TODAY))
    assert checked.catalogue is not None, [str(p) for p in checked.problems.errors]
    catalogue = checked.catalogue
    service = catalogue.services["testshire-care/garden-club"]
    sections = easy_page(root, catalogue, service)["sections"]
    return {s.heading: [row.text + (f" {row.link_text}" if row.link_text else "") for row in s.rows] for s in sections}


def easy_page(root: Path, catalogue, service) -> dict:
    context = {"service": service, "provider": catalogue.providers[service.provider_key]}
    return easypage.easy_context("service", context, catalogue.site, PICTURES, tuple(str(d) for d in theme_dirs(root)))


BASE = """\
name: Garden Club
summary: A gardening club.
types: [community-group]
who_for: [older-people, dementia]
activities: [gardening]
areas: [north, south]
"""

LOCATION = """\
locations:
  - name: Community Garden
    address: 1 Park Road, Testtown
    postcode: rv12ab
    access: [step-free, accessible-toilet]
"""


def test_a_free_weekday_group_reads_as_short_sentences_in_the_fixed_order(tmp_path):
    text = service_text(tmp_path, BASE + LOCATION + """\
times:
  - days: [mon, tue, wed, thu, fri]
    from: "09:30"
    to: "15:30"
funding: [free]
referral: [self]
transport: provided
contact: {phone: "01632 960123", email: club@example.org}
""")
    assert list(text) == ["What is it?", "Who is it for?", "What can I do there?", "Where is it?", "When is it on?",
                          "How much does it cost?", "How do I start?", "How do I get there?",
                          "How do I find out more?"]  # a community group: nothing to say about regulation
    assert text["What is it?"] == ["Groups near you."]
    assert text["Who is it for?"] == ["Older people.", "People with dementia."]
    assert text["Where is it?"] == ["It is at Community Garden. The address is 1 Park Road, Testtown, RV1 2AB.",
                                    "You can get in with a wheelchair.", "There is a toilet for disabled people.",
                                    "It is for people who live in North and South."]
    assert text["When is it on?"] == ["It is on Monday to Friday, 9:30am to 3:30pm."]
    assert text["How much does it cost?"] == ["It is free."]
    assert text["How do I start?"] == ["You can phone them yourself."]
    assert text["How do I get there?"] == ["They can pick you up and take you home."]
    assert text["How do I find out more?"] == ["Phone 01632 960123", "Email club@example.org", "Testshire Care runs this service."]


def test_one_to_one_support_says_a_support_worker_comes_to_your_home(tmp_path):
    text = service_text(tmp_path, BASE.replace("[community-group]", "[one-to-one]") + "funding: [free]\n")
    assert text["Where is it?"][0] == "A support worker comes to your home."
    assert not any("It is at" in sentence for sentence in text["Where is it?"])


def test_a_paid_service_gives_each_price_and_who_can_pay(tmp_path):
    text = service_text(tmp_path, BASE + LOCATION + """\
costs:
  - {label: Full day, amount: 42.5, per: day}
  - {label: Support, amount: 18, per: hour}
funding: [council, direct-payment, self-funded]
needs_assessment: true
referral: [social-worker, family]
""")
    assert text["How much does it cost?"] == [
        "A day costs £42.50.", "It costs £18 an hour.",
        "The council can pay if you need this support.",
        "You can pay with a direct payment.", "A direct payment is money from the council that you control.",
        "You can pay for it yourself."]
    assert text["How do I start?"] == ["Talk to a social worker first.", "They will ask what help you need.",
                                       "Your family or carer can phone them for you."]


def test_a_closed_service_says_so_first_then_there_is_news_rather_than_the_standard_alert(tmp_path):
    text = service_text(tmp_path, BASE + LOCATION + "funding: [free]\nstatus: closed\nalert: We moved to the library.\n")
    assert list(text)[0] == "Important"
    assert text["Important"] == ["This service has closed. It does not run any more.",
                                 "There is news about this service. Phone them to find out more."]


def test_an_alert_and_a_session_note_written_in_easy_read_are_shown_instead(tmp_path):
    text = service_text(tmp_path, BASE + LOCATION + """\
funding: [free]
alert: Sessions are moving to Thursday from next month while the hall is repaired.
easy_alert: From next month it is on Thursday.
times:
  - days: [sat]
    from: "10:00"
    to: "12:00"
    note: First Saturday of the month
    easy_note: It is on the first Saturday of each month.
""")
    assert text["Important"] == ["From next month it is on Thursday."]
    assert text["When is it on?"] == ["It is on Saturday, 10am to midday.", "It is on the first Saturday of each month."]


def test_a_temporarily_closed_service_says_to_phone_and_ask(tmp_path):
    text = service_text(tmp_path, BASE + LOCATION + "funding: [free]\nstatus: temporarily-closed\n")
    assert text["Important"] == ["This service is closed for now. Phone them to ask when it opens."]


def test_no_times_asks_people_to_phone(tmp_path):
    text = service_text(tmp_path, BASE + LOCATION + "funding: [free]\n")
    assert text["When is it on?"] == ["Phone them to ask when it is on."]


def test_weekend_only_and_evening_sessions_are_written_in_full(tmp_path):
    text = service_text(tmp_path, BASE + LOCATION + """\
times:
  - days: [sat, sun]
    from: "10:00"
    to: "12:00"
    note: First weekend of the month
  - days: [fri]
    from: "18:30"
    to: "21:00"
funding: [free]
""")
    assert text["When is it on?"] == ["It is on Saturday and Sunday, 10am to midday.", "Phone them to ask which weeks it is on.",
                                      "It is on Friday, 6:30pm to 9pm."]


def test_several_locations_each_get_their_own_sentences_and_unknown_access_is_said(tmp_path):
    text = service_text(tmp_path, BASE + """\
locations:
  - name: North Hall
    address: 2 High Street, Northtown
    postcode: RV2 3CD
  - name: South Hall
    address: 3 Low Street, Southtown
    postcode: RV3 4EF
    access: []
funding: [free]
""")
    assert text["Where is it?"] == ["It is at North Hall. The address is 2 High Street, Northtown, RV2 3CD.",
                                    "Phone them to ask if you can get in with a wheelchair.",
                                    "It is at South Hall. The address is 3 Low Street, Southtown, RV3 4EF.",
                                    "It is for people who live in North and South."]


def test_ages_languages_and_cqc_registration_become_sentences(tmp_path):
    text = service_text(tmp_path, BASE + LOCATION + """\
ages: {min: 18, max: 25}
languages: [en, cy]
regulator_id: "1-1234567890"
funding: [free]
easy_read:
  - We grow vegetables.
""")
    assert "You need to be 18 to 25 years old." in text["Who is it for?"]
    assert "Staff can talk with you in Welsh." in text["Who is it for?"]
    assert text["Is it checked?"] == ["The Care Quality Commission checks this service.",
                                      "The Care Quality Commission is a group that checks care is safe and good."]
    assert text["More about it"] == ["We grow vegetables."]


def test_every_pictogram_named_in_the_mapping_is_shipped_with_the_licence():
    folder = default_theme() / "assets" / "pictograms"
    missing = sorted(name for name in PICTURES.files() if not (folder / name).is_file())
    assert missing == []
    assert "creativecommons.org/licenses/by-sa/4.0" in (folder / "LICENSE.txt").read_text(encoding="utf-8")
    unused = sorted(p.name for p in folder.glob("*.svg") if p.name not in PICTURES.files())
    assert unused == [], "ship only the symbols used"


def test_each_price_says_what_it_pays_for_with_its_own_picture(tmp_path):
    root = make_site(tmp_path / "site", {"content/providers/testshire-care/garden-club.md": f"""---
{BASE}{LOCATION}costs:
  - {{label: Full day, amount: 52, per: day}}
  - {{label: Return transport in our minibus, amount: 7.5, per: day, kind: transport}}
  - {{label: Hot meal, amount: 4, per: day, kind: lunch}}
  - {{label: Support worker time, amount: 20, per: hour, kind: support}}
last_reviewed: 2026-06-01
---
Body.
"""})
    catalogue = build.check_site(root, dt.date.fromisoformat(TODAY)).catalogue
    section = next(s for s in easy_page(root, catalogue, catalogue.services["testshire-care/garden-club"])["sections"] if s.key == "cost")
    assert [r.text for r in section.rows] == ["A day costs £52.", "Transport there and back costs £7.50.", "Lunch costs £4.",
                                              "An hour with a support worker costs £20.",
                                              "A support worker is paid to help you."]  # the glossary
    assert len({r.symbol for r in section.rows[:4]}) == 4


def test_the_not_checked_line_is_said_only_when_the_listing_says_so(tmp_path):
    site = MINIMAL_SITE.replace("easy: A support worker helps you}", "easy: A support worker helps you, personal_care: true}")
    assert site != MINIMAL_SITE
    root = make_site(tmp_path / "site", {"site.yaml": site, "content/providers/testshire-care/garden-club.md": f"""---
{BASE.replace("[community-group]", "[one-to-one]")}funding: [free]
regulated: false
last_reviewed: 2026-06-01
---
Body.
"""})
    catalogue = build.check_site(root, dt.date.fromisoformat(TODAY)).catalogue
    section = next(s for s in easy_page(root, catalogue, catalogue.services["testshire-care/garden-club"])["sections"] if s.key == "checked")
    assert [r.text for r in section.rows] == ["The Care Quality Commission does not check this service.",
                                              "The Care Quality Commission is a group that checks care is safe and good."]


def test_the_summary_box_answers_the_six_questions(tmp_path):
    root = make_site(tmp_path / "site", {"content/providers/testshire-care/garden-club.md": f"""---
{BASE}{LOCATION}times:
  - {{days: [mon, wed], from: "10:00", to: "12:00"}}
costs:
  - {{label: Session, amount: 6, per: session}}
contact: {{phone: "01632 960123"}}
last_reviewed: 2026-06-01
---
Body.
"""})
    catalogue = build.check_site(root, dt.date.fromisoformat(TODAY)).catalogue
    summary = easy_page(root, catalogue, catalogue.services["testshire-care/garden-club"])["summary"]
    assert [(r.question, r.text + (f" {r.link_text}" if r.link_text else "")) for r in summary] == [
        ("What is it?", "Groups near you."), ("Who is it for?", "Older people and people with dementia."),
        ("When is it on?", "It is on Monday and Wednesday."), ("Where is it?", "It is at Community Garden, RV1 2AB."),
        ("How much does it cost?", "Each visit costs £6."), ("How do I get in touch?", "Phone 01632 960123")]


def test_a_hard_word_is_explained_after_its_first_use_only(tmp_path):
    text = service_text(tmp_path, BASE + LOCATION + """\
funding: [free]
easy_read:
  - You can have respite here.
  - Respite is good for you.
  - Some people come for respite every week.
""")
    assert text["More about it"] == ["You can have respite here.", "Respite is good for you.", "Some people come for respite every week."]
    text = service_text(tmp_path / "2", BASE + LOCATION + """\
funding: [free]
easy_read:
  - You can have respite here.
  - Some people come for respite every week.
""")
    assert text["More about it"] == ["You can have respite here.",
                                     "Respite means a short break for you and the person who looks after you.",
                                     "Some people come for respite every week."]


def test_editor_written_sentences_get_the_chosen_picture_or_one_from_the_word_list():
    from builder.easyread.prose import body_blocks
    blocks = body_blocks("<h2>Money</h2><p>{picture: closed} No.</p><p>It is free. Phone us.</p><ul><li>Bring a <strong>bus</strong> pass.</li></ul>", PICTURES)
    assert [b.kind for b in blocks] == ["heading", "rows"]
    assert [(r.symbol, str(r.text)) for r in blocks[1].rows] == [
        ("closed.svg", "No."), ("money.svg", "It is free."), ("telephone_handset.svg", "Phone us."),
        ("bus.svg", "Bring a <strong>bus</strong> pass.")]
