"""Stages 5 to 7: the output folder and its atomic swap, the Pagefind search index, the offline copy
and its finder, and the open data (Open Referral UK and its static API layout).

May import: core, language, config, content, model, easyread, pages.
"""
