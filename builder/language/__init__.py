"""Words in the page's language: gettext interface words (interface), how facts are written
(wording), content in two languages (bilingual), how much is translated (coverage), and keeping
the message catalogues in step (catalogues).

May import: core.
"""
