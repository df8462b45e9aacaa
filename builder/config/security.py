"""Defence in depth: the content security policy every page carries, the referrer policy, the
site's colour as a stylesheet (so no page needs inline CSS), and /.well-known/security.txt.

The policy is the one place to change what pages may load: base.html reads it from here.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from builder.config.site import SiteConfig
from builder.core.errors import Problem
from builder.core.writing import write_text
from builder.core.yamlfile import line_of

# Only the site's own files; nothing inline. Pagefind compiles its WebAssembly ('wasm-unsafe-eval')
# and runs in a worker (pagefind-worker.js); search fetches its index (connect-src). 'report-sample'
# puts the start of blocked inline code in the violation report, so a test can say what was stopped.
# frame-ancestors, report-uri and sandbox are ignored in a <meta> policy, so they are not listed.
POLICY = {
    "default-src": "'none'",
    "script-src": "'self' 'wasm-unsafe-eval' 'report-sample'",
    "style-src": "'self' 'report-sample'",
    "img-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "manifest-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
CONTENT_SECURITY_POLICY = "; ".join(f"{directive} {sources}" for directive, sources in POLICY.items())
# The offline copy opens from disk, where Firefox counts each file as its own origin: 'self' alone
# stopped the copy's search boxes from opening its "Find a service" page.
OFFLINE_COPY_POLICY = CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' file:")

# A visitor's page address is never sent to another site (a mental-health listing tells the
# provider's website nothing); links within the site do not need it either.
REFERRER_POLICY = "no-referrer"

BRAND_STYLESHEET = "assets/brand.css"
SECURITY_TXT = ".well-known/security.txt"
EXPIRY_WARNING_DAYS = 30


def brand_stylesheet(site: SiteConfig) -> str:
    """The council's colour (theme.brand_colour) for the stylesheets, as a file rather than inline CSS."""
    return f":root {{ --brand: {site.brand_colour}; }}\n"


def write_brand_stylesheet(folder: Path, site: SiteConfig) -> None:
    write_text(folder, BRAND_STYLESHEET, brand_stylesheet(site))


# ---------------------------------------------------------------- security.txt (RFC 9116)

def security_txt(site: SiteConfig) -> str:
    """The file security researchers look for; empty when site.yaml has no security block."""
    security = site.security
    if security is None:
        return ""
    lines = [f"Contact: {security.contact}", f"Expires: {security.expires.isoformat()}T00:00:00Z"]
    lines += [f"Policy: {security.policy}"] if security.policy else []
    lines += [f"Preferred-Languages: {site.language.split('-')[0].lower()}",
              f"Canonical: {site.base_url}{SECURITY_TXT}"]
    return "\n".join(lines) + "\n"


def github_policy_url(edit_url: str) -> str:
    """https://github.com/OWNER/REPO/security/policy (GitHub shows SECURITY.md there), or ''."""
    found = re.match(r"(https://github\.com/[^/]+/[^/]+)/edit/", edit_url or "")
    return f"{found.group(1)}/security/policy" if found else ""


def write_security_txt(folder: Path, site: SiteConfig) -> None:
    text = security_txt(site)
    if text:
        write_text(folder, SECURITY_TXT, text)


def check_expiry(data: dict, today: dt.date) -> list[Problem]:
    """Warnings from `check`: security.txt expires soon, has expired, or is set too far ahead."""
    security = data.get("security") or {}
    try:
        expires = dt.date.fromisoformat(security.get("expires"))
    except (TypeError, ValueError):
        return []  # missing or malformed: the schema reports it
    line = line_of(data, ["security", "expires"])
    days = (expires - today).days
    if days < 0:
        message = f"security.txt expired {-days} days ago ({expires.isoformat()}); researchers are told to ignore an expired file."
    elif days <= EXPIRY_WARNING_DAYS:
        message = f"security.txt expires in {days} days ({expires.isoformat()})."
    elif days > 366:
        message = f"security.txt expires more than a year ahead ({expires.isoformat()}); RFC 9116 asks for less than a year."
    else:
        return []
    return [Problem("site.yaml", line, "security.expires", message,
                    "Check the security contact still works, then set a new date less than a year ahead.", "warning")]
