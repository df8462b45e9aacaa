"""Day Opportunities Catalogue: builds an accessible static site from site.yaml and content/."""

from __future__ import annotations

DISTRIBUTION = "day-opportunities-catalogue"


def _version() -> str:
    """The version written once, in pyproject.toml: from the installed package's metadata, or from
    pyproject.toml itself when the package is run from a checkout without being installed."""
    from importlib import metadata
    from pathlib import Path
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        import tomllib
        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]


__version__ = _version()
