"""Stage 3: the one data model (catalogue), assembled from checked records (assemble), with its
facets, schedules, open geography, postcode lookup and the spreadsheet row layout.

May import: core, language, config, content.
"""
