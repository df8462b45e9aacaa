"""The site's fixed settings: the SiteConfig data every stage reads, the care regulators, where each
file is published (paths), and the security policies every page carries.

May import: core, language.
"""
