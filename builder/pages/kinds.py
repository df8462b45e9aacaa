"""The pages of the site: what each kind of page is (PageSpec), what every template knows about
the page it renders (PageView), and the context each kind of page's template sees (CONTEXTS).

Pure: no templates and no files here; render.py renders and writes.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass

from builder.config import paths
from builder.language import interface
from builder.language.interface import N_, _
from builder.model.catalogue import Catalogue, Service
from builder.pages import fragments

STANDARD, EASY = "standard", "easy"
TAXONOMY_TITLES = interface.Labels({"areas": N_("Areas"), "who_for": N_("Who it is for"), "types": N_("Types of support"), "activities": N_("Activities")})
TAXONOMY_SINGULAR = interface.Labels({"areas": N_("Area"), "who_for": N_("Group"), "types": N_("Type of support"), "activities": N_("Activity")})
BROWSE_TITLES = interface.Labels({"areas": N_("Browse by areas"), "who_for": N_("Browse by who it is for"), "types": N_("Browse by types of support"),
                             "activities": N_("Browse by activities")})
BROWSE_DESCRIPTIONS = interface.Labels({"areas": N_("Day opportunities listed by areas."), "who_for": N_("Day opportunities listed by who it is for."),
                                   "types": N_("Day opportunities listed by types of support."), "activities": N_("Day opportunities listed by activities.")})

NOT_FILTERS = ("kind",)  # filters the offline copy's finder leaves out: it finds services only


@dataclass(frozen=True)
class Edition:
    """Which edition of the site is being written: the published one, or the offline copy."""

    files: bool = False  # links name index.html explicitly, so pages open straight from disk
    search: bool = True  # Pagefind search; the offline copy has its own finder (builder/publish/finder.py)
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

    def published(self, target: str, base_url: str) -> str:
        """Link to a file only the published site has (the open data): the offline copy leaves it out,
        so there the link goes to the website ("" when the site has no address to link to)."""
        return (base_url + target if base_url else "") if self.edition.files else self.root + target

    def link(self, target: str) -> str:
        if self.edition.files and (target == "" or target.endswith("/")):
            target += "index.html"
        return (self.root + target) or "./"

    @property
    def twin_href(self) -> str:
        return self.link(self.twin_url)


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
    return tuple((tag, names.get(interface.code_of(tag), tag), ("" if n == 0 else language_prefix(tag)) + here)
                 for n, tag in enumerate(site.page_languages))


def language_prefix(language: str) -> str:
    return f"{interface.code_of(language)}/"


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
    # a bilingual site's forms are one per language (`catalogue init` names them report-a-problem.cy.yml, ...)
    form = f"report-a-problem.{view.language.split('-')[0]}.yml" if len(catalogue.site.page_languages) > 1 else "report-a-problem.yml"
    query = urllib.parse.urlencode({"template": form, "title": _("Problem with a listing: %(name)s") % {"name": service.name},
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
    easy, pieces = spec.version == EASY, fragments.current()
    facets = catalogue.search_facets(easy, lambda s: pieces.get(s.id, ("filters", easy), lambda: s.search_filters(easy)))
    if not spec.edition.search:  # the offline copy's finder (builder/publish/finder.py) finds services only
        title, facets = _("Find a service"), [f for f in facets if f[0] not in NOT_FILTERS]
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
