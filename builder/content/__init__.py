"""Stages 1 and 2: find and read the editors' files (site.yaml included), check their shapes against
the JSON Schemas and the rules across records, the first-week pitfalls, checks on Easy Read text
and wording.yaml, and Markdown made safe.

May import: core, language, config.
"""
