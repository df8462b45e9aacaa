"""What the audit found, one line per problem, and the same as GitHub Actions annotations."""

from __future__ import annotations

from dataclasses import dataclass

from builder.core.errors import escape_data, escape_property


@dataclass(frozen=True)
class Finding:
    address: str  # the page's published address (or its URL from the site root when the site has no base_url)
    rule: str  # "axe image-alt", "Nu HTML Checker", "reflow", "broken link to services/x/"
    detail: str = ""  # what is wrong, and where on the page
    source: str | None = None  # the content file behind the page, from the site folder

    def __str__(self) -> str:
        return f"{self.address}: {self.rule}" + (f": {self.detail}" if self.detail else "")

    def github(self) -> str:
        """A workflow command: an annotation on the content file behind the page, or on the run when there is none."""
        where = f"file={escape_property(self.source)}," if self.source else ""
        return f"::error {where}title={escape_property('catalogue audit: ' + self.rule)}::{escape_data(str(self))}"
