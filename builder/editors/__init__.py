"""What editors and commissioners run besides a build: `new` (in content), `init` with its starter
files, `import`, `report` and `changes`.

May import: everything below it, and builder.build.
"""
