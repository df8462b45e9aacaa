"""Stage 4: render every page with Jinja2 into the staging folder.

Input: the Catalogue and the theme folders. Output: HTML files, the theme's assets,
sitemap.xml and robots.txt. Each page kind declares the context its template sees; pages
are rendered by a pool of processes (forked, so the Catalogue is shared, not copied).
"""

from __future__ import annotations

import functools
import re
import traceback
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape as xml_escape

import jinja2
from markupsafe import Markup

from builder import easypage, easyread, finder, i18n, mapviews, paths, search, security, templatewords, translations, wording
from builder.i18n import N_, _
from builder.markup import resolve_internal_links
from builder.model import Catalogue, Service
from builder.errors import SiteError
from builder.output import write_text
from builder.workers import freeze_before_fork, worker_pool

STANDARD, EASY = "standard", "easy"
TAXONOMY_TITLES = i18n.Labels({"areas": N_("Areas"), "who_for": N_("Who it is for"), "types": N_("Types of support"), "activities": N_("Activities")})
TAXONOMY_SINGULAR = i18n.Labels({"areas": N_("Area"), "who_for": N_("Group"), "types": N_("Type of support"), "activities": N_("Activity")})
BROWSE_TITLES = i18n.Labels({"areas": N_("Browse by areas"), "who_for": N_("Browse by who it is for"), "types": N_("Browse by types of support"),
                             "activities": N_("Browse by activities")})
BROWSE_DESCRIPTIONS = i18n.Labels({"areas": N_("Day opportunities listed by areas."), "who_for": N_("Day opportunities listed by who it is for."),
                                   "types": N_("Day opportunities listed by types of support."), "activities": N_("Day opportunities listed by activities.")})


@dataclass(frozen=True)
class Edition:
    """Which edition of the site is being written: the published one, or the offline copy."""

    files: bool = False  # links name index.html explicitly, so pages open straight from disk
    search: bool = True  # Pagefind search; the offline copy has its own finder (builder/finder.py)
    download: tuple[str, str] | None = None  # (path from the root, size in words) of the offline copy


PUBLISHED = Edition()


@dataclass(frozen=True)
class PageSpec:
    kind: str  # home, service, provider, providers, browse, browse-index, a-to-z, page, not-found
    url: str  # folder path from the site root ("" for home); "404.html" for the not-found page
    key: str = ""  # what the page shows: a service id, provider key, page slug, taxonomy or taxonomy/key
    version: str = STANDARD
    edition: Edition = PUBLISHED
    language: str = ""  # the page's <html lang> on a bilingual site's second language ("": the first)


@dataclass(frozen=True)
class PageView:
    """What every template knows about the page it renders."""

    kind: str
    url: str
    version: str
    title: str  # the h1
    head_title: str  # the <title>: "Page – Section – Site"
    description: str
    root: str  # prefix from this page to the site root: "../../", or an absolute path on the 404 page
    breadcrumbs: tuple[tuple[str, str], ...] = ()  # (label, url from the root)
    edit_path: str = ""  # content file for "suggest a change"
    canonical: str = ""
    twin_url: str = ""  # the same page in the other version, from the root
    edition: Edition = PUBLISHED
    language: str = "en-GB"  # the <html lang>
    prefix: str = ""  # where this language's pages are: "" at the root, "cy/" for a second language
    alternates: tuple[tuple[str, str, str], ...] = ()  # the same page in each language: (tag, name, url from the root)

    @property
    def other_languages(self) -> tuple[tuple[str, str, str], ...]:
        return tuple(a for a in self.alternates if a[0] != self.language)

    @property
    def here(self) -> str:
        """The page's path within its language and version: "services/a/b/"."""
        return self.url.removeprefix(self.prefix).removeprefix(paths.EASY)

    @property
    def pagefind(self) -> str:
        """This language and version's search index, from this page."""
        return self.asset(self.prefix + (paths.EASY if self.easy else "") + "pagefind/")

    @property
    def easy(self) -> bool:
        return self.version == EASY

    def url_to(self, target: str) -> str:
        """Link to a page in this page's version, relative to this page."""
        return self.link(self.prefix + (paths.EASY + target if self.easy else target))

    def asset(self, target: str) -> str:
        """Link to a file that both versions share (CSS, JS, pictograms, the manifest)."""
        return self.root + target

    def link(self, target: str) -> str:
        if self.edition.files and (target == "" or target.endswith("/")):
            target += "index.html"
        return (self.root + target) or "./"

    @property
    def twin_href(self) -> str:
        return self.link(self.twin_url)


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
    return [PageSpec(s.kind, s.url, s.key, s.version, edition, s.language) for s in specs]


def language_prefix(language: str) -> str:
    return f"{i18n.code_of(language)}/"



# ---------------------------------------------------------------- rendering in workers

_WORKER: dict = {}


def render_site(catalogue: Catalogue, specs: list[PageSpec], theme_dirs: list[Path], staging: Path,
                progress: Callable | None = None, chunk: int = 50, kept: frozenset[str] = frozenset(),
                interfaces: dict | None = None) -> int:
    """Render and write every page but those `kept` from the last build (see incremental.py); returns
    the number of pages in the site. `progress(done, total)` is told as it goes."""
    # before the pool starts: forked workers see the Catalogue without it being copied to them
    first = i18n.active()
    _WORKER.update(catalogue=catalogue, theme_dirs=[str(d) for d in theme_dirs], staging=staging,
                   interfaces={"": first, **(interfaces or {})})
    _CARDS.clear()
    mapviews.forget()
    environment.cache_clear()
    pictograms.cache_clear()
    freeze_before_fork()
    heavy_first = sorted((spec for spec in specs if page_file(spec) not in kept),
                         key=lambda spec: spec.kind not in ("browse", "a-to-z", "provider"))  # balances the workers
    chunks = [heavy_first[i:i + chunk] for i in range(0, len(heavy_first), chunk)]
    written = len(specs) - len(heavy_first)
    with worker_pool(len(heavy_first)) as mapper:
        for count in mapper(_render_chunk, chunks):
            written += count
            if progress and len(specs) > 1000:
                progress(written, len(specs))
    i18n.activate(first)  # chunks rendered in this process may have left another language active
    write_text(staging, "sitemap.xml", sitemap(catalogue, specs))
    write_text(staging, "robots.txt", robots(catalogue))
    return written


def _render_chunk(specs: list[PageSpec]) -> int:
    env = environment(tuple(_WORKER["theme_dirs"]))
    for spec in specs:
        i18n.activate(_WORKER["interfaces"][spec.language])
        try:
            html = render_page(env, _WORKER["catalogue"].in_language(spec.language), spec, pictograms(tuple(_WORKER["theme_dirs"])))
        except jinja2.TemplateError as err:
            raise SiteError(template_problem(err, _WORKER["theme_dirs"], spec)) from None
        write_text(_WORKER["staging"], page_file(spec), html)
    return len(specs)


def page_file(spec: PageSpec) -> str:
    return spec.url if spec.url.endswith(".html") else spec.url + "index.html"


class _Dedented(jinja2.FileSystemLoader):
    """Templates without their indentation: smaller pages, at no cost per page.

    Only template source is changed; text from content (a <pre> block in Markdown) is untouched.
    """

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        return re.sub(r"^[ \t]+", "", source, flags=re.MULTILINE), filename, uptodate


@functools.cache
def environment(theme_dirs: tuple[str, ...]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=_Dedented(list(theme_dirs)),
        auto_reload=False,  # one build, one set of templates; `serve` starts afresh for each build
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    # the words of the active language (i18n.activate): one environment serves every language
    env.install_gettext_callables(lambda message: i18n._(message), i18n.ngettext, newstyle=True)
    env.globals.update(card=_card, footer=_footer, service_record=search.service_record, page_record=search.page_record)
    env.globals.update(maps=mapviews, **templatewords.GLOBALS)
    env.filters.update(templatewords.FILTERS, lang_of=translations.lang_of)
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


@jinja2.pass_environment
def _card(env: jinja2.Environment, service: Service, page: PageView, pictures, level: int = 2) -> Markup:
    """A service in a list (browse pages, A to Z, providers). The same card appears on many
    pages at the same depth, so each is rendered once per process and reused."""
    key = (service.id, page.root, page.version, page.edition, level, i18n.active().language)
    if key not in _CARDS:
        name = "partials/easy-card.html" if page.easy else "partials/service-card.html"
        _CARDS[key] = Markup(env.get_template(name).render(service=service, page=page, level=level, pictures=pictures))
    return _CARDS[key]


@jinja2.pass_environment
def _footer(env: jinja2.Environment, page: PageView, site, catalogue) -> Markup:
    """The footer is the same on every page at the same depth and version: rendered once for each."""
    key = ("footer", page.root, page.version, page.edition, i18n.active().language)
    if key not in _CARDS:
        _CARDS[key] = Markup(env.get_template("partials/footer.html").render(page=page, site=site, catalogue=catalogue))
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
def pictograms(theme_dirs: tuple[str, ...]) -> easyread.Pictograms:
    """The theme's pictograms.yaml: the site's own copy replaces the default one."""
    return easyread.Pictograms.from_theme(theme_dirs)


def render_page(env: jinja2.Environment, catalogue: Catalogue, spec: PageSpec, pictures: easyread.Pictograms) -> str:
    context = CONTEXTS[spec.kind](catalogue, spec)
    view: PageView = context["page"]
    if view.easy:
        context.update(easypage.easy_context(spec.kind, context, catalogue.site, pictures, tuple(_WORKER.get("theme_dirs", ()))))
    template = ("easy/" if view.easy else "") + TEMPLATES[spec.kind]
    html = env.get_template(template).render(site=catalogue.site, catalogue=catalogue, pictures=pictures, **context)
    return resolve_internal_links(html, view.root + view.prefix + (paths.EASY if view.easy else ""), view.edition.files)


def _view(catalogue: Catalogue, spec: PageSpec, title: str, section: str = "", description: str = "",
          crumbs: tuple = (), edit_path: str = "") -> PageView:
    site = catalogue.site
    head = " – ".join(dict.fromkeys(part for part in (title, section, site.title) if part))
    if spec.version == EASY:
        head = _("{title} (Easy Read)").format(title=head)
    if spec.kind == "not-found" and not spec.edition.files:  # served at any address; the copy's opens from disk
        root = urllib.parse.urlsplit(site.base_url).path
    else:
        root = "../" * spec.url.count("/")
    canonical = site.base_url + ("" if spec.kind == "not-found" and spec.version == STANDARD else spec.url)
    language = spec.language or site.page_languages[0]
    prefix = language_prefix(language) if spec.language else ""
    here = spec.url.removeprefix(prefix)
    twin = prefix + (here.removeprefix(paths.EASY) if spec.version == EASY else paths.EASY + here)
    return PageView(spec.kind, spec.url, spec.version, title, head, description, root,
                    ((_("Home"), ""),) + crumbs if spec.kind != "home" else (), edit_path, canonical, twin, spec.edition,
                    language, prefix, _alternates(site, here) if len(site.page_languages) > 1 and spec.kind != "not-found" else ())


def _alternates(site, here: str) -> tuple[tuple[str, str, str], ...]:
    """The same page in each of a bilingual site's languages: (tag, the language's own name, url from the root)."""
    names = dict(site.language_names)  # each in its own language: the link to it is read in it
    return tuple((tag, names.get(i18n.code_of(tag), tag), ("" if n == 0 else language_prefix(tag)) + here)
                 for n, tag in enumerate(site.page_languages))


# ---------------------------------------------------------------- context of each page kind

def _home(catalogue: Catalogue, spec: PageSpec) -> dict:
    view = _view(catalogue, spec, catalogue.site.title, description=catalogue.site.title)
    return {"page": view, "pages": catalogue.pages, "browse": catalogue.browse,
            "service_count": len(catalogue.services)}


def _service(catalogue: Catalogue, spec: PageSpec) -> dict:
    service = catalogue.services[spec.key]
    provider = catalogue.providers[service.provider_key]
    view = _view(catalogue, spec, service.name, provider.name, service.summary,
                 ((provider.name, provider.url),), edit_path=service.source_path)
    return {
        "page": view,
        "service": service,
        "provider": provider,
        "hub": catalogue.services.get(service.spoke_of),
        "spokes": catalogue.services_of(service.spokes),
        "edit_url": edit_url(catalogue, service.source_path),
        "problem_url": problem_url(catalogue, service, view),
    }


def edit_url(catalogue: Catalogue, source_path: str) -> str:
    template = catalogue.site.edit_url
    return template.replace("{path}", source_path) if template else ""


def problem_url(catalogue: Catalogue, service: Service, view: PageView) -> str:
    """The "report a problem" issue form on GitHub, with the listing named (empty for other hosts)."""
    template = catalogue.site.edit_url
    if "github.com/" not in template or "/edit/" not in template:
        return ""
    query = urllib.parse.urlencode({"template": "report-a-problem.yml", "title": f"Problem with a listing: {service.name}",
                                    "listing": f"{service.name} – {view.canonical}"})
    return f"{template.split('/edit/')[0]}/issues/new?{query}"


def _provider(catalogue: Catalogue, spec: PageSpec) -> dict:
    provider = catalogue.providers[spec.key]
    view = _view(catalogue, spec, provider.name, _("Providers"), provider.description,
                 ((_("Providers"), "providers/"),), edit_path=provider.source_path)
    return {"page": view, "provider": provider, "services": catalogue.services_of(provider.services),
            "edit_url": edit_url(catalogue, provider.source_path)}


def _providers(catalogue: Catalogue, spec: PageSpec) -> dict:
    view = _view(catalogue, spec, _("Providers"), description=_("Every organisation that runs a service in this catalogue."))
    return {"page": view, "providers": list(catalogue.providers.values())}


def _browse_index(catalogue: Catalogue, spec: PageSpec) -> dict:
    view = _view(catalogue, spec, BROWSE_TITLES[spec.key], description=BROWSE_DESCRIPTIONS[spec.key])
    return {"page": view, "taxonomy": spec.key, "entries": catalogue.browse[spec.key]}


def _browse(catalogue: Catalogue, spec: PageSpec) -> dict:
    taxonomy, key = spec.key.split("/")
    entry = next(b for b in catalogue.browse[taxonomy] if b.term.key == key)
    view = _view(catalogue, spec, entry.term.label, TAXONOMY_TITLES[taxonomy],
                 entry.term.description or _("Day opportunities: {term}.").format(term=entry.term.label),
                 ((BROWSE_TITLES[taxonomy], paths.browse_url(taxonomy)),))
    return {"page": view, "taxonomy": taxonomy, "entry": entry, "services": catalogue.services_of(entry.services)}


def _a_to_z(catalogue: Catalogue, spec: PageSpec) -> dict:
    view = _view(catalogue, spec, _("A to Z of services"), description=_("Every day opportunity in this catalogue, A to Z."))
    return {"page": view, "letters": letters(catalogue.services.values())}


def letters(services) -> list[tuple[str, list[Service]]]:
    groups: dict[str, list[Service]] = {}
    for service in services:
        first = service.name[:1].upper()
        groups.setdefault(first if first.isalpha() else "0–9", []).append(service)
    return sorted(groups.items(), key=lambda item: (not item[0].isalpha(), item[0]))


def _page(catalogue: Catalogue, spec: PageSpec) -> dict:
    page = next(p for p in catalogue.pages if p.slug == spec.key)
    view = _view(catalogue, spec, page.title, description=page.summary, edit_path=page.source_path)
    return {"page": view, "info": page, "edit_url": edit_url(catalogue, page.source_path)}


def _search(catalogue: Catalogue, spec: PageSpec) -> dict:
    title = _("Search") if spec.version == EASY else _("Search for a service")
    facets = catalogue.search_facets(spec.version == EASY)
    if not spec.edition.search:  # the offline copy's finder (builder/finder.py) finds services only
        title, facets = _("Find a service"), [f for f in facets if f[0] not in finder.NOT_FILTERS]
    view = _view(catalogue, spec, title, description=_("Search the day opportunities, with filters."))
    return {"page": view, "facets": facets, "total": len(catalogue.services), "browse": catalogue.browse}


def _statement(catalogue: Catalogue, spec: PageSpec) -> dict:
    title = _("Accessibility statement for {site}").format(site=catalogue.site.title)
    view = _view(catalogue, spec, title, description=_("How accessible this website is, and how to report a problem."))
    return {"page": view, "statement": catalogue.site.accessibility}


def _open_data(catalogue: Catalogue, spec: PageSpec) -> dict:
    view = _view(catalogue, spec, _("Open data"), description=_("Every listing as Open Referral UK open data and as a spreadsheet, free to reuse."))
    licence, licence_url = catalogue.site.open_data_licence
    return {"page": view, "licence": licence, "licence_url": licence_url, "service_count": len(catalogue.services)}


def _offline(catalogue: Catalogue, spec: PageSpec) -> dict:
    view = _view(catalogue, spec, _("You are offline") if spec.version == STANDARD else _("No internet"),
                 description=_("This page is not saved on your device yet."))
    return {"page": view}


def _my_list(catalogue: Catalogue, spec: PageSpec) -> dict:
    view = _view(catalogue, spec, _("My list"), description=_("Services you saved in this browser."))
    return {"page": view}


def _credits(catalogue: Catalogue, spec: PageSpec) -> dict:
    view = _view(catalogue, spec, _("Credits"), description=_("The pictures and software this website uses, and their licences."))
    return {"page": view}


def _not_found(catalogue: Catalogue, spec: PageSpec) -> dict:
    view = _view(catalogue, spec, _("Page not found"), description=_("This page does not exist."))
    return {"page": view, "pages": catalogue.pages}


CONTEXTS = {
    "home": _home, "service": _service, "provider": _provider, "providers": _providers,
    "browse-index": _browse_index, "browse": _browse, "a-to-z": _a_to_z, "page": _page, "credits": _credits, "search": _search, "offline": _offline, "my-list": _my_list, "statement": _statement, "not-found": _not_found,
    "open-data": _open_data,
}
TEMPLATES = {
    "home": "home.html", "service": "service.html", "provider": "provider.html", "providers": "providers.html",
    "browse-index": "browse-index.html", "browse": "browse.html", "a-to-z": "a-to-z.html", "page": "page.html",
    "credits": "credits.html", "search": "search.html", "statement": "accessibility-statement.html",
    "offline": "offline.html", "my-list": "my-list.html",
    "not-found": "404.html", "open-data": "open-data.html",
}


# ---------------------------------------------------------------- sitemap and robots

def sitemap(catalogue: Catalogue, specs: list[PageSpec]) -> str:
    base = catalogue.site.base_url
    hidden = ("not-found", "offline", "my-list")
    rows = "".join(f"  <url><loc>{xml_escape(base + spec.url)}</loc></url>\n" for spec in specs if spec.kind not in hidden)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}</urlset>\n'


def robots(catalogue: Catalogue) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {catalogue.site.base_url}sitemap.xml\n"
