"""What an Easy Read page shows beyond its template: a service's summary box and sections, and
editor-written Easy Read as picture rows, with hard words explained where they first appear."""

from __future__ import annotations

from builder.config.pictograms import Pictograms
from builder.config.site import SiteConfig
from builder.easyread import filter_questions, glossary
from builder.easyread import prose as easyprose
from builder.easyread import sentences
from builder.easyread.sentences import Section
from builder.language import interface
from builder.language.interface import _


def easy_context(kind: str, context: dict, site: SiteConfig, pictures: Pictograms, theme_dirs: tuple[str, ...]) -> dict:
    explainer = glossary.Explainer(glossary.with_regulator(glossary.load(theme_dirs, interface.active().code), site.regulator), pictures)
    if kind == "service":
        service, provider = context["service"], context["provider"]
        summary = explainer.rows(sentences.summary_rows(service, provider, pictures), inline=True)
        sections = sentences.service_sections(service, provider, site, pictures)
        more = Section(_("More about it"), easyprose.sentence_rows(service.easy_read, pictures), "more")
        sections = tuple(Section(s.heading, explainer.rows(s.rows), s.key) for s in (*sections, more) if s.rows)
        return {"summary": summary, "sections": sections,
                "prose": explainer.blocks(easyprose.body_blocks(service.easy_body_html, pictures)),
                "checks": sentences.checked_rows(service.last_reviewed, service.easy_checked_by if service.easy_body_html else "", pictures)}
    if kind == "search":
        return {"easy_filters": filter_questions.easy_filters(context["facets"], site, pictures), "messages": dict(filter_questions.MESSAGES)}
    if kind == "page" and context["info"].easy:
        easy = context["info"].easy
        return {"prose": explainer.blocks(easyprose.body_blocks(easy.body_html, pictures)),
                "checks": sentences.checked_rows(None, easy.checked_by, pictures)}
    return {}
