"""`catalogue serve`: build, serve on 127.0.0.1, watch the sources, rebuild and reload.

May import: everything below it, and builder.build.
"""
