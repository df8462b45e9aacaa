"""Easy Read service pages on a phone: the six answers come first, in one box; pictures stay big."""

from __future__ import annotations

import pytest

from .a11y import EASY, PHONE, visit

QUESTIONS = ["What is it?", "Who is it for?", "When is it on?", "Where is it?", "How much does it cost?", "How do I get in touch?"]
SUMMARY_HEIGHT = 700  # px at 375 px wide: the six answers fit in one phone screen


@pytest.fixture(scope="module")
def easy_service_urls(sample_site):
    folder = sample_site / EASY / "services"
    return sorted(f.parent.relative_to(sample_site).as_posix() + "/" for f in folder.glob("*/*/index.html"))


def test_the_six_answers_follow_the_heading_in_one_phone_screen_on_every_easy_read_service_page(page, site_url, easy_service_urls):
    assert len(easy_service_urls) >= 30
    problems = []
    for url in easy_service_urls:
        visit(page, site_url, url, PHONE)
        found = page.evaluate("""() => {
            const box = document.querySelector('main .er-summary');
            if (!box) return null;
            const h1 = document.querySelector('main h1');
            return {questions: [...box.querySelectorAll('.er-question')].map(q => q.textContent.trim()),
                    height: box.getBoundingClientRect().height,
                    follows: h1.nextElementSibling === box || h1.nextElementSibling.nextElementSibling === box,
                    pictures: [...box.querySelectorAll('img')].map(i => i.getBoundingClientRect().width)}
        }""")
        if found is None:
            problems.append(f"{url}: no summary box")
            continue
        if found["questions"][:5] != QUESTIONS[:5] or len(found["questions"]) not in (5, 6):
            problems.append(f"{url}: questions {found['questions']}")
        if found["height"] > SUMMARY_HEIGHT or not found["follows"]:
            problems.append(f"{url}: box {found['height']:.0f}px tall, right after the heading: {found['follows']}")
        if min(found["pictures"]) < 80:
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
