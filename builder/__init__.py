"""Day Opportunities Catalogue: builds an accessible static site from site.yaml and content/."""

__version__ = "0.1.0"
