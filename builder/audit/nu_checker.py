"""The Nu HTML Checker (vnu.jar, run with Java) on the audited pages' files, where both are installed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

# npm install vnu-jar (or the project's npm ci) puts it here, in the site folder or the current one
NPM_PLACE = Path("node_modules") / "vnu-jar" / "build" / "dist" / "vnu.jar"


def find_java() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


def find_vnu(given: Path | None, root: Path | None) -> Path | None:
    if given is not None:
        return given if given.is_file() else None
    places = ([root / NPM_PLACE] if root else []) + [Path.cwd() / NPM_PLACE]
    return next((place for place in places if place.is_file()), None)


def why_skipped(java: str | None, vnu: Path | None, given: Path | None) -> str:
    """'' when the checker can run, else the sentence saying why it does not."""
    if given is not None and vnu is None:
        return f"the Nu HTML Checker was skipped: {given} does not exist."
    if java is None:
        return "the Nu HTML Checker was skipped: Java is not installed (install a Java runtime, 11 or later, to run it)."
    if vnu is None:
        return ("the Nu HTML Checker was skipped: vnu.jar was not found (npm install vnu-jar puts it in "
                f"{NPM_PLACE.as_posix()}; or name it with --vnu or VNU_JAR).")
    return ""


def nu_errors(java: str, vnu: Path, out: Path, urls: list[str]) -> list[tuple[str, int | None, str]]:
    """(page URL, line, message) for each error the checker finds in the pages' files."""
    files = {str((out / (url if url.endswith(".html") else url + "index.html")).resolve()): url for url in urls}
    result = subprocess.run([java, "-jar", str(vnu), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True, timeout=600)
    try:
        report = json.loads(result.stderr or result.stdout or "{}")
    except json.JSONDecodeError:
        raise RuntimeError(f"the Nu HTML Checker did not answer in JSON: {(result.stderr or result.stdout)[:300]}") from None
    found = []
    for message in report.get("messages", []):
        if message.get("type") not in ("error", "non-document-error"):
            continue
        file = message.get("url", "").removeprefix("file:")
        found.append((files.get(str(Path(file).resolve()) if file else "", file), message.get("lastLine"), message["message"]))
    return found
