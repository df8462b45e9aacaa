"""Checks on editor-written Easy Read text: warnings an editor can act on, with file and line.

Covers a service's `easy_read` sentences and the bodies of `.easy.md` files: sentences over
15 words, hard words that are not explained, initials and runs of capitals, number words,
a Flesch reading-ease score per file, and who checked the text (`checked_by`, `checked_on`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from builder.config.pictograms import Pictograms
from builder.content.files import PAGE_EASY, SERVICE, SERVICE_EASY, SourceFile
from builder.core.errors import WARNING, Problem
from builder.core.yamlfile import line_of

MAX_WORDS = 15
EXPLAIN_WITHIN = 3  # a hard word may be explained in the next few sentences
MIN_READING_EASE = 60  # Flesch: 60-70 is plain English; Easy Read should read easier still
HARD_WORDS = (
    "assessment", "eligibility", "eligible", "respite", "safeguarding", "commissioning", "commissioned",
    "provision", "provider", "referral", "refer", "personalised", "outcomes", "wellbeing", "statutory",
    "entitlement", "facilitate", "facilitator", "regulated", "unregulated", "inspection", "means-tested",
    "financial", "contribution", "direct payment", "individual service fund", "cohort", "holistic",
    "independence", "accessible", "signpost", "signposting", "appropriate", "residential", "domiciliary",
)
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
CAPITALS = re.compile(r"\b[A-Z]{2,}\b")
MARKER = re.compile(r"\{\s*picture\s*:\s*([A-Za-z0-9_,.-]+)\s*\}\s*")  # an editor's choice of picture
ALWAYS_ALLOWED = {"OK", "TV"}


@dataclass(frozen=True)
class Wordlist:
    hard: tuple[str, ...] = HARD_WORDS
    allowed: frozenset[str] = frozenset()
    min_reading_ease: int = MIN_READING_EASE
    pictures: Pictograms | None = None  # the theme's pictograms.yaml: warn about sentences with no picture


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int
    heading: bool = False  # a heading or title: no picture beside it


def check_easy_text(source: SourceFile, words: Wordlist) -> list[Problem]:
    """Warnings for the editor-written Easy Read text in one file (none for other files)."""
    if source.kind == SERVICE and isinstance(source.data.get("easy_read"), list):
        sentences = [Sentence(text, line_of(source.data, ["easy_read", i]))
                     for i, text in enumerate(source.data["easy_read"]) if isinstance(text, str)]
        return (_check_sentences(source.path, sentences, words, "easy_read")
                + _check_pictures(source.path, sentences, words, "easy_read") + _check_voice(source.path, sentences, "easy_read"))
    if source.kind in (SERVICE_EASY, PAGE_EASY):
        sentences = body_sentences(source.body, source.body_line)
        if source.kind == PAGE_EASY and isinstance(source.data.get("title"), str):
            sentences.insert(0, Sentence(source.data["title"], line_of(source.data, ["title"]), heading=True))
        voice = _check_voice(source.path, sentences, "") if source.kind == SERVICE_EASY else []
        return (_check_sentences(source.path, sentences, words, "") + _check_pictures(source.path, sentences, words, "") + voice
                + _check_reading_ease(source.path, sentences, words) + _check_checked(source))
    return []


def body_sentences(body: str, first_line: int) -> list[Sentence]:
    """Sentences of a Markdown body, each with its line; Markdown marks removed."""
    sentences = []
    for offset, raw in enumerate(body.split("\n")):
        text = re.sub(r"^\s*(#+|[-*+]|\d+\.)\s+", "", raw)
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
        text = re.sub(r"[*_`]+", "", text).strip()
        text = re.sub(r"\S+@\S+|https?://\S+", "", text)  # e-mail and web addresses are not words to read
        for part in re.split(r"(?<=[.!?])\s+", text):
            if re.search(r"[A-Za-z]", MARKER.sub("", part)):
                sentences.append(Sentence(part, first_line + offset, heading=raw.lstrip().startswith("#")))
    return sentences


def words_of(text: str) -> list[str]:
    return re.findall(r"[A-Za-z£0-9][A-Za-z0-9'’.,:£-]*", MARKER.sub("", text))


def _check_pictures(path: str, sentences: list[Sentence], words: Wordlist, field: str) -> list[Problem]:
    """Every sentence needs a picture: the editor's {picture: name}, or one the word list finds."""
    pictures, problems = words.pictures, []
    for sentence in [s for s in sentences if not s.heading] if pictures else []:
        marker = MARKER.search(sentence.text)
        if marker and not pictures.named(marker.group(1)):
            problems.append(Problem(path, sentence.line, field, f"there is no picture called '{marker.group(1)}'.",
                                    "Use a name from templates/pictograms.yaml, like {picture: money}.", WARNING))
        elif not marker and not pictures.for_words(sentence.text):
            problems.append(Problem(path, sentence.line, field, f"no picture fits this Easy Read sentence (found '{_clip(sentence.text)}').",
                                    "Choose one: put {picture: name} in the sentence, with a name from templates/pictograms.yaml.", WARNING))
    return problems


def _check_voice(path: str, sentences: list[Sentence], field: str) -> list[Problem]:
    """In Easy Read 'we' is always the council, so a provider's own words say 'They'."""
    return [Problem(path, s.line, field, f"in Easy Read 'we' means the council, but a provider wrote this (found '{_clip(s.text)}').",
                    "Write what the provider does with 'They', like 'They paint and sing.'", WARNING)
            for s in sentences if re.search(r"\b(we|our|us|ours)\b", s.text, re.IGNORECASE)]


def _check_sentences(path: str, sentences: list[Sentence], words: Wordlist, field: str) -> list[Problem]:
    problems = []
    for sentence in sentences:
        count = len(words_of(sentence.text))
        if count > MAX_WORDS:
            problems.append(Problem(path, sentence.line, field, f"this Easy Read sentence has {count} words; "
                                    f"aim for 10 and no more than {MAX_WORDS} (found '{_clip(sentence.text)}').",
                                    "Split it into shorter sentences, one idea each.", WARNING))
        for initials in sorted(set(CAPITALS.findall(sentence.text)) - ALWAYS_ALLOWED - words.allowed):
            problems.append(Problem(path, sentence.line, field, f"initials or capitals are hard to read (found '{initials}').",
                                    "Write the words out in full, in normal case.", WARNING))
        for number in _number_words(sentence.text):
            problems.append(Problem(path, sentence.line, field, f"numbers are easier to read as digits (found '{number}').",
                                    "Write the number as digits, like 3.", WARNING))
    problems += _check_hard_words(path, sentences, words, field)
    return problems


def _number_words(text: str) -> list[str]:
    return [m.group(0) for m in re.finditer(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", text, re.IGNORECASE)]


def _check_hard_words(path: str, sentences: list[Sentence], words: Wordlist, field: str) -> list[Problem]:
    problems = []
    for word in words.hard:
        if word in words.allowed:
            continue
        pattern = re.compile(rf"\b{re.escape(word)}s?\b", re.IGNORECASE)
        for index, sentence in enumerate(sentences):
            if not pattern.search(sentence.text):
                continue
            nearby = [s.text for s in sentences[index: index + 1 + EXPLAIN_WITHIN]]
            if not any(explains(word, text) for text in nearby):
                problems.append(Problem(path, sentence.line, field, f"'{word}' is a hard word (found in '{_clip(sentence.text)}').",
                                        f"Use an everyday word, or explain it the first time: '{word.capitalize()} means ...'.", WARNING))
            break  # only the first use needs explaining
    return problems


def explains(word: str, sentence: str) -> bool:
    """'An assessment is ...', 'This is called a direct payment.', 'We call them providers.'"""
    return any(pattern.search(sentence) for pattern in _explaining(word))


@functools.lru_cache(maxsize=1024)
def _explaining(word: str) -> tuple[re.Pattern, ...]:
    word = re.escape(word)
    patterns = (rf"\b{word}s?\b[^.?!]*?\b(is|are|means|mean)\b(?! called)",
                rf"\bcall(ed|s)?\b( it| them| this)?\s+(an?\s+|the\s+)?{word}s?\b",
                r"^(this|that|it) means\b")
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def _check_reading_ease(path: str, sentences: list[Sentence], words: Wordlist) -> list[Problem]:
    score = reading_ease([s.text for s in sentences])
    if score is None or score >= words.min_reading_ease:
        return []
    return [Problem(path, sentences[0].line if sentences else 1, "", f"the reading-ease score is {score:.0f}; "
                    f"Easy Read should score at least {words.min_reading_ease} (Flesch reading ease, higher is easier).",
                    "Use shorter sentences and shorter, everyday words.", WARNING)]


def reading_ease(sentences: list[str]) -> float | None:
    """Flesch reading ease: 206.835 - 1.015 (words per sentence) - 84.6 (syllables per word)."""
    all_words = [w for s in sentences for w in re.findall(r"[A-Za-z]+", s)]
    if not sentences or not all_words:
        return None
    syllables = sum(count_syllables(w) for w in all_words)
    return 206.835 - 1.015 * (len(all_words) / len(sentences)) - 84.6 * (syllables / len(all_words))


def count_syllables(word: str) -> int:
    word = word.lower()
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


def _check_checked(source: SourceFile) -> list[Problem]:
    missing = [key for key in ("checked_by", "checked_on") if not source.data.get(key)]
    if not missing:
        return []
    return [Problem(source.path, 1, ", ".join(missing), "nobody is recorded as having checked this Easy Read text.",
                    "Ask people with learning disabilities to check it, then add checked_by and checked_on to the front matter.",
                    WARNING)]


def _clip(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
