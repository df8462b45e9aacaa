"""What a price pays for comes from its `kind`, never from the label's words (issue 24 point 5):
each kind has its own Easy Read sentence in every language, and a translated label changes nothing."""

from __future__ import annotations

import pytest

from builder.language import interface
from builder.language import extract_messages
from builder.easyread.sentences import cost_sentence
from builder.model.catalogue import Cost
from conftest import MINIMAL_SITE, TODAY, build_in_subprocess, make_site, run_cli
import htmlparse

# (kind, amount, per) -> (English, Welsh). The label is a word that names no kind, in either language.
SENTENCES = {
    ("", 6, "day"): ("A day costs £6.", "Mae diwrnod yn costio £6."),
    ("attendance", 6, "day"): ("A day costs £6.", "Mae diwrnod yn costio £6."),
    ("attendance", 3.5, "session"): ("Each visit costs £3.50.", "Mae pob ymweliad yn costio £3.50."),
    ("attendance", 18, "hour"): ("It costs £18 an hour.", "Mae’n costio £18 yr awr."),
    ("attendance", 30, "week"): ("It costs £30 a week.", "Mae’n costio £30 yr wythnos."),
    ("lunch", 6, "session"): ("Lunch costs £6.", "Mae cinio yn costio £6."),
    ("meal", 2.5, "session"): ("Food and drink cost £2.50.", "Mae bwyd a diod yn costio £2.50."),
    ("transport", 6, "day"): ("Transport there and back costs £6.", "Mae trafnidiaeth yno ac yn ôl yn costio £6."),
    ("support", 20, "hour"): ("An hour with a support worker costs £20.", "Mae awr gyda gweithiwr cymorth yn costio £20."),
    ("support", 90, "day"): ("A day with a support worker costs £90.", "Mae diwrnod gyda gweithiwr cymorth yn costio £90."),
    ("support", 40, "session"): ("Help from a support worker costs £40.", "Mae help gan weithiwr cymorth yn costio £40."),
    ("entry", 5, "session"): ("It costs £5 to get in.", "Mae’n costio £5 i fynd i mewn."),
    ("activity", 10, "session"): ("Some activities cost £10 extra.", "Mae rhai gweithgareddau yn costio £10 yn ychwanegol."),
    ("membership", 12, "year"): ("It costs £12 a year to be a member.", "Mae’n costio £12 y flwyddyn i fod yn aelod."),
    ("membership", 2, "month"): ("It costs £2 a month to be a member.", "Mae’n costio £2 y mis i fod yn aelod."),
    ("membership", 5, "session"): ("It costs £5 to be a member.", "Mae’n costio £5 i fod yn aelod."),
    ("donation", None, ""): ("You can give them some money if you want to.",
                             "Gallwch chi roi ychydig o arian iddyn nhw os ydych chi eisiau."),
    ("donation", 2, "session"): ("You can give them some money if you want to. They suggest £2 a session.",
                                 "Gallwch chi roi ychydig o arian iddyn nhw os ydych chi eisiau. Maen nhw’n awgrymu £2 y sesiwn."),
    ("pay-what-you-can", None, ""): ("You pay what you can afford.", "Rydych chi’n talu beth y gallwch chi ei fforddio."),
    ("pay-what-you-can", 5, "day"): ("You pay what you can afford. They suggest £5 a day.",
                                     "Rydych chi’n talu beth y gallwch chi ei fforddio. Maen nhw’n awgrymu £5 y dydd."),
}
# What the standard page says after the label, for the kinds whose amount is a suggestion or left out.
PRICES = {
    ("donation", None, ""): ("donations welcome", "croeso i roddion"),
    ("donation", 2, "session"): ("suggested donation £2 a session", "rhodd a awgrymir: £2 y sesiwn"),
    ("pay-what-you-can", None, ""): ("pay what you can", "talwch beth y gallwch"),
    ("pay-what-you-can", 5, "day"): ("pay what you can, suggested £5 a day", "talwch beth y gallwch, awgrymir £5 y dydd"),
    ("transport", 6, "day"): ("£6 a day", "£6 y dydd"),
}


@pytest.fixture(params=["en", "cy"])
def language(request):
    interface.activate(interface.load(extract_messages.ROOT, request.param) if request.param != "en" else interface.Interface("en-GB"))
    yield request.param
    interface.activate(interface.Interface())


@pytest.mark.parametrize("kind, amount, per", list(SENTENCES))
def test_each_kind_has_its_own_sentence_in_each_language(language, kind, amount, per):
    english, welsh = SENTENCES[kind, amount, per]
    for label in ("Trafnidiaeth", "Transport", "Lunch", "Cinio"):  # the label's words are never read
        assert cost_sentence(Cost(label, amount, per, kind)) == (english if language == "en" else welsh)


@pytest.mark.parametrize("kind, amount, per", list(PRICES))
def test_the_standard_page_words_for_a_price_say_what_it_is(language, kind, amount, per):
    english, welsh = PRICES[kind, amount, per]
    assert Cost("Anything", amount, per, kind).text == (english if language == "en" else welsh)


BILINGUAL_SITE = MINIMAL_SITE.replace("review_months: 12\n", "review_months: 12\nlanguages: [cy, en]\n")
SERVICE = """---
name: {cy: Clwb Garddio, en: Garden Club}
summary: {cy: Clwb garddio i bobl hŷn., en: A gardening club for older people.}
types: [community-group]
who_for: [older-people]
areas: [north]
locations:
  - {name: Community Garden, address: 1 Park Road, postcode: RV1 2AB}
costs:
  - {label: {cy: Diwrnod, en: Day}, amount: 20, per: day}
  - {label: {cy: Trafnidiaeth, en: Transport}, amount: 6, per: day, kind: transport}
  - {label: {cy: Cinio poeth, en: Hot lunch}, amount: 4, per: session, kind: lunch}
funding: [self-funded]
last_reviewed: 2026-06-01
---
Body.
"""


@pytest.fixture(scope="module")
def translated_costs(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("costs") / "site", {
        "site.yaml": BILINGUAL_SITE,
        "content/providers/testshire-care/garden-club.md": SERVICE,
        "content/providers/testshire-care/memory-cafe.md": """---
name: Memory Cafe
summary: A free afternoon cafe.
types: [community-group]
who_for: [older-people]
areas: [north]
locations:
  - {name: Library, address: 1 Library Square, postcode: RV1 2AB}
costs:
  - {label: {cy: Rhoddion, en: Donations}, kind: donation}
funding: [free]
last_reviewed: 2026-06-01
---
Body.
"""})
    return build_in_subprocess(root, tmp_path_factory.mktemp("costs") / "out")


def _cost_rows(out, url):
    page = htmlparse.parse_file(out / url / "index.html")
    section = page.find("section", **{"aria-labelledby": "er-cost"})
    return [htmlparse.visible_text(li) for li in section.find_all("li", class_="er-row")]


def test_a_translated_label_says_the_same_thing_on_both_languages_easy_read_pages(translated_costs):
    assert _cost_rows(translated_costs, "easy-read/services/testshire-care/garden-club")[:3] == [
        "Mae diwrnod yn costio £20.", "Mae trafnidiaeth yno ac yn ôl yn costio £6.", "Mae cinio yn costio £4."]
    assert _cost_rows(translated_costs, "en/easy-read/services/testshire-care/garden-club")[:3] == [
        "A day costs £20.", "Transport there and back costs £6.", "Lunch costs £4."]


def test_a_free_service_that_asks_for_donations_says_both(translated_costs):
    assert _cost_rows(translated_costs, "en/easy-read/services/testshire-care/memory-cafe") == [
        "It is free.", "You can give them some money if you want to."]
    assert _cost_rows(translated_costs, "easy-read/services/testshire-care/memory-cafe") == [
        "Mae’n rhad ac am ddim.", "Gallwch chi roi ychydig o arian iddyn nhw os ydych chi eisiau."]
    page = htmlparse.parse_file(translated_costs / "en/services/testshire-care/memory-cafe/index.html")
    section = page.find("section", **{"aria-labelledby": "costs"})
    assert htmlparse.visible_text(section.find("p")) == "Free."
    assert [htmlparse.visible_text(li) for li in section.find_all("li")] == ["Donations: donations welcome"]


def test_the_standard_page_gives_each_label_in_its_language_with_the_price(translated_costs):
    for prefix, expected in (("", ["Diwrnod: £20 y dydd", "Trafnidiaeth: £6 y dydd", "Cinio poeth: £4 y sesiwn"]),
                             ("en/", ["Day: £20 a day", "Transport: £6 a day", "Hot lunch: £4 a session"])):
        page = htmlparse.parse_file(translated_costs / f"{prefix}services/testshire-care/garden-club/index.html")
        section = page.find("section", **{"aria-labelledby": "costs"})
        assert [htmlparse.visible_text(li) for li in section.find("ul").find_all("li")] == expected


def test_check_warns_when_several_prices_do_not_say_what_they_pay_for(tmp_path):
    root = make_site(tmp_path / "site", {"content/providers/testshire-care/garden-club.md": SERVICE.replace(
        "  - {label: {cy: Diwrnod, en: Day}, amount: 20, per: day}\n", "  - {label: Day, amount: 20, per: day}\n").replace(
        ", kind: transport}", "}").replace("label: {cy: Trafnidiaeth, en: Transport}", "label: Transport").replace(
        "label: {cy: Cinio poeth, en: Hot lunch}", "label: Hot lunch").replace(
        "name: {cy: Clwb Garddio, en: Garden Club}", "name: Garden Club").replace(
        "summary: {cy: Clwb garddio i bobl hŷn., en: A gardening club for older people.}", "summary: A gardening club.")})
    result = run_cli("check", "--root", str(root), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if "costs.kind" in line] == [
        "content/providers/testshire-care/garden-club.md:10: warning: costs.kind: is missing on 2 of its 3 prices, so Easy Read "
        "says each of those is for the visit itself (\"A day costs ...\"), whatever its label says. Add 'kind:' to each price: "
        "attendance (the visit itself), lunch, meal, transport, support, entry, activity, membership, donation or pay-what-you-can."]
