"""The build cache and the incremental builds that reuse it.

May import: every stage package below it (core up to publish).
"""
