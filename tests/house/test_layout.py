"""The house: builder/ is one package per stage, imports only go down the stages, and every module
is small enough to read (issue 28). Each package's docstring says what it owns and may import."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import builder

BUILDER = Path(builder.__file__).resolve().parent
# From the floor up: a package may import only from the packages before it (and itself).
# builder/build.py, the pipeline on one screen, sits between the stages it runs and the commands.
LAYERS = ["core", "language", "config", "content", "model", "easyread", "pages", "publish", "audit", "incremental",
          "build", "editors", "serve", "cli"]
LIMIT = 400  # lines, the house limit


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(BUILDER.rglob("*.py")):
        parts = path.relative_to(BUILDER.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports_of(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("builder"):
            names = [f"builder.{a.name}" for a in node.names] if node.module == "builder" else [node.module]
            found += [(node.lineno, name) for name in names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("builder.")]
    return found


def test_imports_only_go_down_the_stages():
    upward = []
    for module, path in modules().items():
        mine = layer_of(module)
        for line, target in imports_of(path):
            theirs = layer_of(target)
            if mine and theirs and LAYERS.index(theirs) > LAYERS.index(mine):
                upward.append(f"{path.relative_to(BUILDER.parent)}:{line}: {mine} imports {target} ({theirs} is above it)")
    assert not upward, "\n".join(upward)


def test_every_module_belongs_to_a_stage_package():
    loose = sorted(m for m in modules() if m.count(".") == 1 and m not in {"builder.__main__", "builder.build"}
                   and layer_of(m) is None)
    assert not loose, f"put these in a stage package: {loose}"
    packages = {p.name for p in BUILDER.iterdir() if (p / "__init__.py").is_file()}
    assert packages == set(LAYERS) - {"build"}


def test_each_package_says_what_it_owns_and_what_it_may_import():
    for name in set(LAYERS) - {"build"}:
        package = importlib.import_module(f"builder.{name}")
        doc = package.__doc__ or ""
        assert len(doc.split()) > 12, f"builder/{name}/__init__.py needs a docstring saying what it owns"
        below = LAYERS[:LAYERS.index(name)]
        said = re.search(r"May import: (.+?)\.?\s*$", doc, re.S)
        assert said or name == "core", f"builder/{name}/__init__.py: say which packages it may import"
        if name == "core":
            assert "imports nothing else from builder" in doc.lower()


def test_no_module_is_over_the_house_limit():
    long = {str(p.relative_to(BUILDER.parent)): n for p in BUILDER.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > LIMIT}
    assert not long, f"over {LIMIT} lines: {long}"


def test_no_two_modules_differ_only_by_a_suffix():
    """easyread, easytext, easyprose ... cli, cli_import: names only their authors could tell apart."""
    names = sorted({path.stem for path in BUILDER.rglob("*.py") if path.stem != "__init__"})
    clashes = [(a, b) for a in names for b in names if a != b and b.startswith(a) and len(b) - len(a) <= 8]
    assert not clashes, clashes
