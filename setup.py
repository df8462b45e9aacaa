"""The one build step pyproject.toml cannot declare: the theme's message catalogues compiled.

Each templates/locale/<code>/LC_MESSAGES/messages.po is compiled with Babel into a messages.mo beside
it in the built package (the wheel), so an installed tool reads the compiled catalogue; the .mo files
are never committed. A source checkout has none and compiles the .po in memory (builder/language/interface.py).
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithCatalogues(build_py):
    def run(self):
        super().run()
        if not getattr(self, "editable_mode", False):  # an editable install reads the .po files in place
            for po in sorted(Path(self.build_lib, "builder", "theme", "locale").glob("*/LC_MESSAGES/messages.po")):
                self._compile(po)

    def _compile(self, po: Path) -> None:
        with po.open("rb") as source:
            catalogue = read_po(source, locale=po.parent.parent.name)
        errors = [f"{po.name}:{message.lineno}: {error}" for message, errors in catalogue.check() for error in errors]
        if errors:
            raise SystemExit(f"{po}: cannot compile the catalogue:\n" + "\n".join(errors))
        with po.with_suffix(".mo").open("wb") as compiled:
            write_mo(compiled, catalogue)  # fuzzy and empty translations are left out, as in builder/language/interface.py
        self.announce(f"compiled {po.with_suffix('.mo')}", level=2)


setup(cmdclass={"build_py": BuildPyWithCatalogues})
