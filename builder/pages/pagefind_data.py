"""What each page tells Pagefind, hidden in the page itself: a service's filters, sort keys and the
facts its search result shows, or a provider's or information page's kind and summary. The index
itself is made after rendering, by builder/publish/search.py.
"""

from __future__ import annotations

import json

from markupsafe import Markup, escape

from builder.easyread import sentences
from builder.language import bilingual
from builder.language.interface import _
from builder.model.catalogue import Service


def service_record(service: Service, easy: bool, pictures=None) -> Markup:
    """What Pagefind records about a service page: the filters to narrow by and the facts shown
    in results. Hidden from everyone; data-pagefind-ignore keeps these words out of the text index.
    (Written here rather than in a template: it is on every service page, and this is faster.)"""
    label = "easy" if easy else "label"
    spans = [("filter", name, value) for name, values in service.search_filters(easy).items() for value in values]
    summary = sentences.summary_text(service) if easy else service.summary  # Easy Read results show Easy Read words
    spans += [("filter", "kind", _("Service")), ("meta", "summary", summary),
              ("meta", "areas", ", ".join(getattr(t, label) for t in service.areas)),
              ("meta", "who", ", ".join(getattr(t, label) for t in service.who_for)),
              ("meta", "status", service.status_label), ("sort", "name", service.name)]
    spans += _languages_of(service, easy, label, summary)
    if isinstance(summary, Markup):  # an Easy Read sentence naming words in another language: the words, and their parts
        spans = [(role, name, summary.striptags() if name == "summary" else value) for role, name, value in spans]
        spans.append(("meta", "summary_parts", json.dumps(bilingual.marked_parts(summary), ensure_ascii=False)))
    if easy and pictures is not None and service.types:
        spans.append(("meta", "picture", pictures.term(service.types[0])))  # the type's picture beside each Easy Read result
    if service.is_one_to_one:
        spans.append(("meta", "at_home", "yes"))
    elif service.coordinates:
        spans += [("meta", "lat", str(service.coordinates[0])), ("meta", "lon", str(service.coordinates[1]))]
    return _hidden(spans)


def _languages_of(service: Service, easy: bool, label: str, summary: str) -> list[tuple[str, str, str]]:
    """The language of the words a result shows that are not in the page's (search.js marks them with `lang`):
    title_lang, summary_lang, and areas_parts / who_parts ([[words, lang], ...] as JSON) for lists with such words."""
    spans = [("meta", f"{name}_lang", value.lang) for name, value in (("title", service.name), ("summary", summary))
             if isinstance(value, bilingual.Untranslated)]
    for name, terms in (("areas", service.areas), ("who", service.who_for)):
        words = [getattr(term, label) for term in terms]
        if any(isinstance(w, bilingual.Untranslated) for w in words):
            spans.append(("meta", f"{name}_parts", json.dumps([[w, getattr(w, "lang", "")] for w in words], ensure_ascii=False)))
    return spans


def page_record(kind: str, summary: str) -> Markup:
    """The same for a provider or information page."""
    lang = [("meta", "summary_lang", summary.lang)] if isinstance(summary, bilingual.Untranslated) else []
    return _hidden([("filter", "kind", kind), ("meta", "summary", summary), *lang])


def _hidden(spans: list[tuple[str, str, str]]) -> Markup:
    inner = "".join(f'<span data-pagefind-{role}="{escape(name)}"{bilingual.lang_of(value)}>{escape(value)}</span>'
                    for role, name, value in spans)
    return Markup(f"<div hidden data-pagefind-ignore>{inner}</div>")
