"""Easy Read: sentences made from a service's record, pictures for editors' prose, the glossary, the
Easy Read page's extras and its search page.

May import: core, language, config, content, model.
"""
