"""`catalogue new`: start a provider or service from a template with every field explained.

With `catalogue init` (which writes through create_new too), the only code that writes into
content/, and it never overwrites a file.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import click
import yaml

from builder.config import regulators
from builder.core import theme
from builder.core.slugs import SLUG, slugify

PROVIDER_TEMPLATE = """\
# The organisation that runs one or more services. Fields marked "required" must be filled in.
# Full guide: docs/content-model.md. Check your changes with: catalogue check
name: {title}                         # required: the organisation's name
description: A short plain description of the organisation.   # required: one or two sentences
kind: charity                         # charity | council | community-interest-company | social-enterprise | private | community-group
# charity_number: "1234567"          # optional: registered charity number, in quotes
# cqc_provider_id: "1-101234567"      # optional: Care Quality Commission provider ID
# source_id: "ORG-12"                 # written by 'catalogue import': the id in the source it came from; keep it
# content_language: en               # optional, a bilingual site: the language this file's words are in, if not site.yaml's
contact:                              # how people contact the organisation
  phone: "01632 960000"               # a UK phone number, in quotes
  email: info@example.org             # an e-mail address, without mailto:
  website: https://example.org        # starts with https://
"""

SERVICE_TEMPLATE = """\
---
# One day opportunity. Lines marked "required" must be filled in; delete optional lines you do not need.
# Keys for types, who_for, activities and areas are listed in site.yaml. Full guide: docs/content-model.md
name: {title}                          # required: at most 80 characters
summary: One or two plain sentences about the service.   # required: at most 300 characters
types: [day-centre]                    # required: day-centre, community-group or one-to-one (keys in site.yaml)
who_for: [older-people]                # required: groups from taxonomies.who_for in site.yaml
activities: []                         # optional: keys from taxonomies.activities in site.yaml
ages: {{min: 18}}                        # optional: whole years, min and/or max
areas: []                              # required: keys of areas in site.yaml where people can come from
hub: false                             # optional: true if this is the hub of a hub-and-spoke model
# spoke_of: provider-folder/service-file   # optional: the hub this service belongs to
locations:                             # delete the whole block for one-to-one support from home
  - name: Building name
    address: Street, Town
    postcode: RV1 2AB                  # a UK postcode
    coordinates: [52.0, -1.9]          # optional: [latitude, longitude]
    access: [step-free, accessible-toilet]   # step-free, lift, accessible-toilet, changing-places, hearing-loop, accessible-parking, quiet-space, bsl
times:                                 # when it runs; times in quotes, 24-hour
  - days: [mon, tue, wed, thu, fri]    # mon tue wed thu fri sat sun
    from: "09:30"
    to: "15:30"
    # monthly: [first]                 # optional: only these weeks of each month: first, second, third, fourth, last
    # every_weeks: 2                   # optional: every other week (2 to 8), with starting:
    # starting: 2026-06-04             # the date of one session
    # note: Not in August              # optional
    # easy_note: It is not on in August.  # optional: the note in Easy Read
  # - by_arrangement: true             # no fixed times: agreed with each person (days optional)
transport: none                        # provided | help-to-arrange | none
costs:                                 # delete the block if it is free, and put free in funding
  - label: Full day, including lunch
    amount: 40.00                      # pounds
    per: day                           # session | hour | day | week | month | year
    # kind: attendance                 # optional: attendance | lunch | meal | transport | support | entry | activity | membership | donation | pay-what-you-can
funding: [council, direct-payment, self-funded]   # council | direct-payment | individual-service-fund | self-funded | free
referral: [self, social-worker]        # self | family | carer | social-worker | gp | other
needs_assessment: false                # true if a council care needs assessment is needed first
{regulator_line}
contact:                               # how people contact the service
  phone: "01632 960000"
  email: hello@example.org
  website: https://example.org
last_reviewed: {today}                 # required: when these details were last checked, YYYY-MM-DD
status: active                         # active | temporarily-closed | closed
# alert: Closed on bank holidays.      # optional: a short notice at the top of the page
# easy_alert: It is shut on bank holidays.   # optional: the alert in Easy Read ("They ..." for the provider)
# languages: [en, cy]                  # optional: languages staff can support people in; bfi = British Sign Language
# source_id: "RC-001"                  # written by 'catalogue import': the id in the source it came from; keep it
# content_language: en                # optional, a bilingual site: the language this file's words are in, if not site.yaml's
easy_read:                             # optional: short sentences for the Easy Read page, at most 15 words each
  - They meet friends and have lunch together.
---
Describe the service here in plain English: what happens on a typical day, who it suits,
and what to expect on a first visit. You can use Markdown: **bold**, lists, [links](https://example.org).
"""


def _check_slug(slug: str, what: str) -> None:
    if not SLUG.fullmatch(slug):
        raise click.UsageError(f"'{slug}' is not a valid {what}: use lower-case letters, digits and hyphens, "
                               f"like '{slugify(slug, empty='riverside-care')}'.")


def _title(slug: str) -> str:
    return slug.replace("-", " ").capitalize()


def create_new(path: Path, text: str) -> Path:
    if path.exists():
        raise click.ClickException(f"{path} already exists; it was left unchanged.")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:  # "x": never overwrite, even in a race
        file.write(text)
    return path


def _site_setting(root: Path, key: str, default):
    """One setting of site.yaml, or `default` when site.yaml cannot say."""
    try:
        return (yaml.safe_load((root / "site.yaml").read_text(encoding="utf-8")) or {}).get(key, default)
    except (OSError, UnicodeError, yaml.YAMLError, AttributeError):
        return default


TRANSLATABLE_LINE = re.compile(r"^(name|summary|description): (.+?)(\s+#.*)?$", re.MULTILINE)


def _in_languages(root: Path, text: str) -> str:
    """On a bilingual site (site.yaml languages: [cy, en]), the text fields ask for each language."""
    codes = _site_setting(root, "languages", None)
    if not isinstance(codes, list) or len(codes) < 2 or not all(isinstance(c, str) for c in codes):
        return text
    def both(match: re.Match) -> str:
        comment = (match[3] or "").strip()
        head = f"{match[1]}:".ljust(39) + (f"{comment}, in each language" if comment else "# in each language")
        return head + "".join(f"\n  {code}: {match[2]}" for code in codes)
    return TRANSLATABLE_LINE.sub(both, text)


def _regulator_line(root: Path) -> str:
    """The commented regulator_id line, in the shape of the site's regulator (the default when site.yaml cannot say)."""
    known = regulators.load(tuple(map(str, theme.theme_dirs(root))))
    key = _site_setting(root, "regulator", regulators.DEFAULT)
    regulator = known.get(key) if isinstance(key, str) else None
    regulator = regulator or regulators.default()
    return (f'# regulator_id: "{regulator.id_example}"'.ljust(39) + f"# optional: the {regulator.id_name} ({regulator.name}) of a registered service\n"
            + "# regulated: false".ljust(39) + "# optional: the provider says it is not registered with the care regulator")


def new_provider(root: Path, slug: str) -> Path:
    _check_slug(slug, "provider name")
    return create_new(root / "content" / "providers" / slug / "provider.yaml", _in_languages(root, PROVIDER_TEMPLATE.format(title=_title(slug))))


def new_service(root: Path, service: str) -> Path:
    provider, _, slug = service.partition("/")
    if not slug:
        raise click.UsageError("Write the service as PROVIDER/SLUG, like riverside-care/lunch-club.")
    _check_slug(provider, "provider name")
    _check_slug(slug, "service name")
    if not (root / "content" / "providers" / provider / "provider.yaml").is_file():
        raise click.ClickException(f"There is no provider '{provider}'. Create it first: catalogue new provider {provider}")
    text = SERVICE_TEMPLATE.format(title=_title(slug), today=dt.date.today().isoformat(), regulator_line=_regulator_line(root))
    return create_new(root / "content" / "providers" / provider / f"{slug}.md", _in_languages(root, text))
