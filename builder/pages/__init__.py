"""Stage 4: the kinds of page, rendering them with Jinja2, maps, the phrases templates use, and the
fragments of pages kept between builds.

May import: core, language, config, content, model, easyread.
"""
