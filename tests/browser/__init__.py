"""Accessibility in a real browser (issue 5): axe-core, the Nu HTML Checker, keyboard, reflow, contrast,
print, motion and Easy Read layout, on one page of every kind, standard and Easy Read.

A package (not a plain folder) so that its conftest and helpers have their own module names
beside tests/conftest.py.
"""
