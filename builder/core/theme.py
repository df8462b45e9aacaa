"""The theme: the default templates/ shipped with the package, overridden file by file by a
site's own templates/ folder."""

from __future__ import annotations

from pathlib import Path


def default_theme() -> Path:
    """templates/ in a source checkout, or the copy installed with the package."""
    source = Path(__file__).resolve().parents[2] / "templates"
    if (source / "base.html").is_file():
        return source
    # installed: the files sit in builder/theme/ in the package, as "builder.theme"
    return Path(__file__).resolve().parents[1] / "theme"


def theme_dirs(root: Path) -> list[Path]:
    """The site's own templates/ first (when it has one), then the default theme."""
    own = root / "templates"
    default = default_theme()
    return [own, default] if own.is_dir() and own.resolve() != default.resolve() else [default]


def find_asset(root: Path, name: str) -> Path | None:
    """A file under a theme's assets/ ('assets/logo.svg'), the site's own first."""
    for folder in theme_dirs(root):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def asset_files(root: Path) -> dict[str, Path]:
    """Every asset, as {path under assets/: file}; the site's files replace the default ones."""
    files: dict[str, Path] = {}
    for folder in reversed(theme_dirs(root)):
        assets = folder / "assets"
        if assets.is_dir():
            for file in sorted(assets.rglob("*")):
                if file.is_file():
                    files[file.relative_to(folder).as_posix()] = file
    return files


def read_text(root: Path, name: str) -> str:
    """A theme file (like sw.js), the site's own copy first."""
    for folder in theme_dirs(root):
        candidate = folder / name
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise FileNotFoundError(f"the theme has no {name}")
