"""After publish: `catalogue audit` proves the built site on its own pages. One page of every kind in
every version and language (and every page a pull request changes) is served under the site's
sub-path and opened in headless Chromium through Playwright, an optional extra: axe-core (shipped
in axe/, so nothing is fetched), reflow at 320 px, the Nu HTML Checker where Java is present, and
every internal link of the build.

May import: core, language, config.
"""
