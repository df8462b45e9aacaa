"""What every stage uses: problems and the errors that stop a build, YAML that remembers lines,
slugs, the process pool, progress, and where the packaged theme and JSON Schemas are.

Imports nothing else from builder: it is the floor every other package stands on.
"""
