"""Stage 4: render every page with Jinja2 into the staging folder.

Input: the Catalogue and the theme folders. Output: HTML files, the theme's assets,
sitemap.xml and robots.txt. Each page kind declares the context its template sees (pagekinds.py);
pages are rendered by a pool of processes (forked, so the Catalogue is shared, not copied).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import traceback
import types
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape as xml_escape

import jinja2
from markupsafe import Markup

from builder.config import paths, security
from builder.content.markup import resolve_internal_links
from builder.core.errors import SiteError
from builder.core.workers import worker_pool
from builder.core.writing import write_text
from builder.easyread import sections as easypage
from builder.easyread import sentences
from builder.language import bilingual as translations
from builder.language import interface, wording
from builder.model.catalogue import Catalogue, Service
from builder.pages import fragments
from builder.pages import maps as mapviews
from builder.pages import pagefind_data, phrases
from builder.pages.kinds import (CONTEXTS, EASY, PUBLISHED, TAXONOMY_SINGULAR, TAXONOMY_TITLES, TEMPLATES, Edition, PageSpec,
    PageView, language_prefix)


def plan_pages(catalogue: Catalogue, edition: Edition = PUBLISHED) -> list[PageSpec]:
    specs = [PageSpec("home", ""), PageSpec("a-to-z", "a-to-z/"), PageSpec("providers", "providers/"),
             PageSpec("credits", "credits/"), PageSpec("search", "search/"), PageSpec("offline", "offline/"),
             PageSpec("my-list", "my-list/"), PageSpec("statement", "accessibility-statement/"),
             PageSpec("open-data", "open-data/"),
             PageSpec("not-found", "404.html")]
    specs += [PageSpec("service", s.url, s.id) for s in catalogue.services.values()]
    specs += [PageSpec("provider", p.url, p.key) for p in catalogue.providers.values()]
    specs += [PageSpec("page", p.url, p.slug) for p in catalogue.pages]
    for taxonomy, entries in catalogue.browse.items():
        specs.append(PageSpec("browse-index", paths.browse_url(taxonomy), taxonomy))
        specs += [PageSpec("browse", b.url, f"{taxonomy}/{b.term.key}") for b in entries]
    specs += [PageSpec(s.kind, paths.EASY + s.url, s.key, EASY) for s in specs]
    for language in catalogue.site.page_languages[1:]:  # a bilingual site: the same pages under /<code>/
        specs += [PageSpec(s.kind, f"{language_prefix(language)}{s.url}", s.key, s.version, language=language)
                  for s in specs if s.kind != "not-found" and not s.language]
    return specs if edition == PUBLISHED else [PageSpec(s.kind, s.url, s.key, s.version, edition, s.language) for s in specs]


# ---------------------------------------------------------------- rendering in workers

_WORKER: dict = {}


@dataclasses.dataclass(frozen=True)
class Preview:
    """`catalogue serve` rebuilding the folder it serves: the pages open in a browser (site paths) are
    rendered before the others; `shown(their paths)` is told once they are written, `shown(None)`
    once every page is."""
    open_pages: frozenset[str]
    shown: Callable[[frozenset[str] | None], None]


def render_site(catalogue: Catalogue, specs: list[PageSpec], theme_dirs: list[Path], staging: Path,
                progress: Callable | None = None, chunk: int = 50, kept: frozenset[str] = frozenset(),
                interfaces: dict | None = None, pieces: fragments.Fragments | None = None,
                compiled: Path | None = None, preview: Preview | None = None) -> int:
    """Render and write every page but those `kept` from the last build (see incremental.py); returns
    the number of pages in the site. `progress(done, total)` is told as it goes. `pieces`: the
    services' cards and filters kept from the last build (fragments.py); `compiled`: a folder
    for compiled templates, kept between builds; `preview`: the pages open in a browser go first."""
    # before the pool starts: forked workers see the Catalogue without it being copied to them
    first = interface.active()
    pieces = pieces or fragments.Fragments()
    fragments.use(pieces)
    _WORKER.update(catalogue=catalogue, theme_dirs=[str(d) for d in theme_dirs], staging=staging,
                   interfaces={"": first, **(interfaces or {})}, compiled=str(compiled) if compiled else None)
    _forget_cards(pieces.inputs, first.language)
    mapviews.forget()
    environment.cache_clear()
    pictograms.cache_clear()
    _compile_templates(tuple(_WORKER["theme_dirs"]), _WORKER["compiled"])
    todo = [spec for spec in specs if page_file(spec) not in kept]
    if preview and (opened := [spec for spec in todo if spec.url in preview.open_pages]):
        _render_chunk(opened)
        preview.shown(frozenset(spec.url for spec in opened))
        todo = [spec for spec in todo if spec.url not in preview.open_pages]
    heavy_first = sorted(todo, key=lambda spec: spec.kind not in ("browse", "a-to-z", "provider"))  # balances the workers
    chunks = [heavy_first[i:i + chunk] for i in range(0, len(heavy_first), chunk)]
    written = len(specs) - len(heavy_first)
    with worker_pool(len(heavy_first)) as mapper:
        for count in mapper(_render_chunk, chunks):
            written += count
            if progress and len(specs) > 1000:
                progress(written, len(specs))
    interface.activate(first)  # chunks rendered in this process may have left another language active
    write_text(staging, "sitemap.xml", sitemap(catalogue, specs))
    write_text(staging, "robots.txt", robots(catalogue))
    return written


def _render_chunk(specs: list[PageSpec]) -> int:
    """Renders and writes pages (in a worker); returns their number. The services' pieces it made are
    spooled for the next build."""
    env, pieces = environment(tuple(_WORKER["theme_dirs"]), _WORKER["compiled"]), fragments.current()
    pieces.fresh = {}
    for spec in specs:
        pieces.language = spec.language
        interface.activate(_WORKER["interfaces"][spec.language])
        try:
            html = render_page(env, _WORKER["catalogue"].in_language(spec.language), spec, pictograms(tuple(_WORKER["theme_dirs"])))
        except jinja2.TemplateError as err:
            raise SiteError(template_problem(err, _WORKER["theme_dirs"], spec)) from None
        write_text(_WORKER["staging"], page_file(spec), html)
    pieces.add(pieces.fresh)
    return len(specs)


def _compile_templates(theme_dirs: tuple[str, ...], compiled: str | None) -> None:
    """Once, before the workers fork, rather than once in each worker. A template with an error is
    left for the page that uses it to report, naming that page."""
    env = environment(theme_dirs, compiled)
    for name in env.list_templates(extensions=["html"]):
        try:
            env.get_template(name)
        except jinja2.TemplateError:
            pass


def page_file(spec: PageSpec) -> str:
    return spec.url if spec.url.endswith(".html") else spec.url + "index.html"


class _Dedented(jinja2.FileSystemLoader):
    """Templates without their indentation: smaller pages, at no cost per page.

    Only template source is changed; text from content (a <pre> block in Markdown) is untouched.
    """

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        return re.sub(r"^[ \t]+", "", source, flags=re.MULTILINE), filename, uptodate


class _Context(jinja2.runtime.Context):
    """Jinja2's context with a quicker `call` for plain functions and methods.

    Every call in a template (`_()`, `page.url_to()`, a global) goes through `Context.call`, which asks
    each time whether the callable wants the context or environment passed in: some 250,000 calls at
    1,000 services. The answer for a function never changes, so it is asked once; anything else
    (macros, callable objects, functions that want the context) takes Jinja2's own path."""

    @jinja2.utils.internalcode
    def call(__self, __obj, *args, **kwargs):  # noqa: N805 (Jinja2's own spelling, so a keyword may be `self`)
        kind = type(__obj)
        if kind is types.MethodType or kind is types.FunctionType:
            function = getattr(__obj, "__func__", __obj)
            plain = _PLAIN.get(function)
            if plain is None:  # as Jinja2 asks it: is the function marked with pass_context and friends?
                plain = _PLAIN[function] = jinja2.utils._PassArg.from_obj(function) is None
            if not plain:
                return super().call(__obj, *args, **kwargs)
        elif kind is not types.BuiltinFunctionType:  # a builtin (`', '.join`) cannot be marked
            return super().call(__obj, *args, **kwargs)
        if kwargs:
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined("value was undefined because a callable raised a StopIteration exception")


_PLAIN: dict = {}  # function -> whether Jinja2 passes it nothing extra


@functools.cache
def environment(theme_dirs: tuple[str, ...], compiled: str | None = None) -> jinja2.Environment:
    """`compiled`: a folder to keep compiled templates in between builds (Jinja2 checks each
    against its source)."""
    env = jinja2.Environment(
        loader=_Dedented(list(theme_dirs)),
        bytecode_cache=jinja2.FileSystemBytecodeCache(compiled) if compiled else None,
        auto_reload=False,  # one build, one set of templates; `serve` starts afresh for each build
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.context_class = _Context
    # the words of the active language (interface.activate): one environment serves every language
    env.install_gettext_callables(lambda message: interface._(message), interface.ngettext, newstyle=True)
    env.globals["_"] = interface.template_gettext  # autoescape is always on: Markup, like newstyle gettext
    env.globals.update(card=_card, cards=_cards, footer=_footer, chrome=_chrome, service_record=pagefind_data.service_record, page_record=pagefind_data.page_record)
    env.globals.update(maps=mapviews, **phrases.GLOBALS)
    env.filters.update(phrases.FILTERS, lang_of=translations.lang_of, in_lang=translations.in_lang)
    env.filters.update(date=wording.date_text, money=wording.money, join_words=wording.join_words,
                       phone=wording.phone_display, tel=wording.phone_href)
    env.globals.update(
        DAY_NAMES=wording.DAY_NAMES, ACCESS=wording.ACCESS_LABELS, TRANSPORT=wording.TRANSPORT_LABELS,
        FUNDING=wording.FUNDING_LABELS, REFERRAL=wording.REFERRAL_LABELS, LANGUAGES=wording.LANGUAGE_NAMES,
        TAXONOMY_TITLES=TAXONOMY_TITLES, TAXONOMY_SINGULAR=TAXONOMY_SINGULAR,
    )
    env.globals.update(CONTENT_SECURITY_POLICY=Markup(security.CONTENT_SECURITY_POLICY),
                       OFFLINE_COPY_POLICY=Markup(security.OFFLINE_COPY_POLICY), REFERRER_POLICY=security.REFERRER_POLICY)
    return env


_CARDS: dict = {}
_CARDS_SHOW: list = [None]  # {service id: the inputs of its cards in _CARDS}, None: not known


def _forget_cards(inputs: dict[str, str], language: str) -> None:
    """Before a build: `serve` builds again after each save, in the same process, and the lists show
    thousands of cards, so the cards made in this process are kept but those of the services whose
    inputs changed (fragments.py). The footers and menus, and cards in a second language (their
    records are not in the inputs), are made again; without inputs (no cache), everything is."""
    shown = _CARDS_SHOW[0]
    changed = None if not inputs or shown is None else [key for key, was in shown.items() if inputs.get(key) != was]
    for key in list(_CARDS):
        if changed is None or key[0] != "cards" or key[-1] != language:
            del _CARDS[key]
        else:
            for service_id in changed:
                _CARDS[key].pop(service_id, None)
    _CARDS_SHOW[0] = dict(inputs) if inputs else None


@jinja2.pass_environment
def _card(env: jinja2.Environment, service: Service, page: PageView, pictures, level: int = 2) -> Markup:
    """A service in a list (browse pages, A to Z, providers). The same card appears on many
    pages at the same depth, so each is rendered once per process and reused, and kept for the next build."""
    return _cards_like(page, level).get(service.id) or _new_card(env, service, page, pictures, level)


def _cards_like(page: PageView, level: int) -> dict[str, Markup]:
    """{service id: card} of the cards made for pages like this one (depth, version, edition,
    heading level, language). Looked up once a list: the browse pages list every service again and
    again, and a key holding the edition would hash it for each card."""
    return _CARDS.setdefault(("cards", page.root, page.version, page.edition, level, interface.active().language), {})


def _new_card(env: jinja2.Environment, service: Service, page: PageView, pictures, level: int) -> Markup:
    name = "partials/easy-card.html" if page.easy else "partials/service-card.html"
    card = _cards_like(page, level)[service.id] = Markup(fragments.current().get(
        service.id, ("card", page.root, page.version, page.edition, level),
        lambda: env.get_template(name).render(service=service, page=page, level=level, pictures=pictures)))
    return card


@jinja2.pass_environment
def _cards(env: jinja2.Environment, services, page: PageView, pictures, level: int = 2) -> Markup:
    """The cards of a list, one after another: what `{% for s in services %}{{ card(s, ...) }}{% endfor %}`
    writes, without a template loop step and call per card (browse pages list thousands)."""
    made = _cards_like(page, level)
    return Markup("".join([made.get(service.id) or _new_card(env, service, page, pictures, level) for service in services]))


@jinja2.pass_environment
def _footer(env: jinja2.Environment, page: PageView, site, catalogue) -> Markup:
    """The footer is the same on every page at the same depth and version: rendered once for each."""
    key = ("footer", page.root, page.version, page.edition, interface.active().language)
    if key not in _CARDS:
        _CARDS[key] = Markup(env.get_template("partials/footer.html").render(page=page, site=site, catalogue=catalogue))
    return _CARDS[key]


@jinja2.pass_environment
def _chrome(env: jinja2.Environment, name: str, page: PageView, site) -> Markup:
    """The header and the menus (partials/header.html, easy-menu.html): the same on every page at the same
    depth, in the same version and language, with the same menu item lit. Rendered once for each."""
    here = page.here
    lit = tuple((here.startswith(target), here == target) for target, *_ in phrases.NAV_LINKS)
    key = (name, page.root, page.prefix, page.version, page.edition, page.kind == "search", lit, interface.active().language)
    if key not in _CARDS:
        _CARDS[key] = Markup(env.get_template(name).render(page=page, site=site))
    return _CARDS[key]


def template_problem(err: jinja2.TemplateError, theme_dirs: list[str], spec: PageSpec) -> str:
    """'templates/service.html:12: 'x' is undefined (while writing services/a/b/)': the template's own line."""
    where = ""
    if isinstance(err, jinja2.TemplateSyntaxError) and err.filename:
        folder = next((d for d in theme_dirs if err.filename.startswith(d)), None)
        where = f"{Path(err.filename).relative_to(Path(folder).parent).as_posix() if folder else err.filename}:{err.lineno}"
    else:
        for frame, line in traceback.walk_tb(err.__traceback__):
            name = frame.f_code.co_filename
            folder = next((d for d in theme_dirs if name.startswith(d)), None)
            if folder is not None:
                where = f"{Path(name).relative_to(Path(folder).parent).as_posix()}:{line}"
    return f"{where or 'a template'}: {err.message or type(err).__name__} (while writing {spec.url}). Fix the template and build again. Nothing was published."


@functools.cache
def pictograms(theme_dirs: tuple[str, ...]) -> sentences.Pictograms:
    """The theme's pictograms.yaml: the site's own copy replaces the default one."""
    return sentences.Pictograms.from_theme(theme_dirs)


def render_page(env: jinja2.Environment, catalogue: Catalogue, spec: PageSpec, pictures: sentences.Pictograms) -> str:
    context = CONTEXTS[spec.kind](catalogue, spec)
    view: PageView = context["page"]
    if view.easy:
        context.update(easypage.easy_context(spec.kind, context, catalogue.site, pictures, tuple(_WORKER.get("theme_dirs", ()))))
    template = ("easy/" if view.easy else "") + TEMPLATES[spec.kind]
    html = env.get_template(template).render(site=catalogue.site, catalogue=catalogue, pictures=pictures, **context)
    return resolve_internal_links(html, view.root + view.prefix + (paths.EASY if view.easy else ""), view.edition.files)


# ---------------------------------------------------------------- sitemap and robots

def sitemap(catalogue: Catalogue, specs: list[PageSpec]) -> str:
    base = catalogue.site.base_url
    hidden = ("not-found", "offline", "my-list")
    rows = "".join(f"  <url><loc>{xml_escape(base + spec.url)}</loc></url>\n" for spec in specs if spec.kind not in hidden)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}</urlset>\n'


def robots(catalogue: Catalogue) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {catalogue.site.base_url}sitemap.xml\n"
