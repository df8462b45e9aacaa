"""Easy Read service pages on a phone: the six answers come first, in one box, inside the first screen; pictures stay big."""

from __future__ import annotations

import pytest

from .a11y import EASY, PHONE, visit

QUESTIONS = ["What is it?", "Who is it for?", "When is it on?", "Where is it?", "How much does it cost?", "How do I get in touch?"]
FIRST_SCREEN = 700  # px from the top of the page: the box must end inside the first 700 px of a 375 px-wide screenshot

@pytest.fixture(scope="module")
def easy_service_urls(sample_site):
    folder = sample_site / EASY / "services"
    return sorted(f.parent.relative_to(sample_site).as_posix() + "/" for f in folder.glob("*/*/index.html"))


def test_the_six_answers_follow_the_heading_inside_the_first_700_px_of_every_easy_read_service_page_at_375_px(
        page, site_url, easy_service_urls):
    assert PHONE["width"] == 375 and len(easy_service_urls) >= 30
    problems = []
    for url in easy_service_urls:
        visit(page, site_url, url, PHONE)
        page.evaluate("() => window.scrollTo(0, 0)")
        found = page.evaluate("""() => {
            const box = document.querySelector('main .er-summary');
            if (!box) return null;
            const h1 = document.querySelector('main h1');
            return {questions: [...box.querySelectorAll('.er-question')].map(q => q.textContent.trim()),
                    bottom: box.getBoundingClientRect().bottom + window.scrollY,
                    follows: h1.nextElementSibling === box || h1.nextElementSibling.nextElementSibling === box,
                    pictures: [...box.querySelectorAll('img')].map(i => Math.min(i.getBoundingClientRect().width, i.getBoundingClientRect().height))}
        }""")
        if found is None:
            problems.append(f"{url}: no summary box")
            continue
        # the sixth question ("How do I get in touch?") is left out only for a service with no contact
        if found["questions"][:5] != QUESTIONS[:5] or found["questions"][5:] not in ([], QUESTIONS[5:]):
            problems.append(f"{url}: questions {found['questions']}")
        if found["bottom"] > FIRST_SCREEN or not found["follows"]:
            problems.append(f"{url}: the box ends {found['bottom']:.0f}px from the top (at most {FIRST_SCREEN}), "
                            f"right after the heading: {found['follows']}")
        if len(found["pictures"]) != len(found["questions"]) or min(found["pictures"]) < 80:
            problems.append(f"{url}: pictures {found['pictures']}")
    assert not problems, "\n".join(problems)


def test_pictures_are_at_least_80px_and_three_lines_of_text_tall_on_a_phone(page, site_url):
    visit(page, site_url, EASY + "services/riverside-care/riverside-day-centre/", PHONE)
    sizes = page.evaluate("""() => [...document.querySelectorAll('main .er-row > img')].map(i => {
        const p = i.parentElement.querySelector('p');
        return [i.getBoundingClientRect().width, i.getBoundingClientRect().height, 3 * parseFloat(getComputedStyle(p).lineHeight)];
    })""")
    assert len(sizes) > 20
    assert all(w >= 80 and h >= 80 and h >= lines - 0.5 for w, h, lines in sizes), sizes
