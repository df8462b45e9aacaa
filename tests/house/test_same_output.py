"""The house move (issue 28) changed where the code lives, not what it makes: the sample builds to
the same bytes, file for file, as it did before the move (tests/house/sample-output.sha256).

Pagefind's index files are named by hashes that differ from run to run, so they are left out, with
the search manifests and what sw.js says of them (its VERSION, the index's file name). A deliberate change to the output
updates the list: UPDATE_EXPECTED=1 pytest tests/house/test_same_output.py, and the commit says why.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

EXPECTED = Path(__file__).parent / "sample-output.sha256"
UNSTABLE = re.compile(r"^(easy-read/|[a-z]{2}/)?(pagefind/|search-files\.json$|search-size\.json$)")


def digests(site: Path) -> dict[str, str]:
    found = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        if UNSTABLE.match(relative):
            continue
        data = path.read_bytes()
        if path.name == "sw.js":
            data = re.sub(rb'^const VERSION = "[^"]*";$', b"", data, flags=re.M)
            data = re.sub(rb"pagefind\.[a-z]+_[0-9a-f]+\.pf_meta", b"pagefind.pf_meta", data)
        found[relative] = hashlib.sha256(data).hexdigest()
    return found


def manifest(found: dict[str, str]) -> str:
    return "".join(f"{digest}  {name}\n" for name, digest in found.items())


def test_the_sample_builds_to_the_same_bytes_as_before_the_move(sample_site):
    found = digests(sample_site)
    if os.environ.get("UPDATE_EXPECTED"):
        EXPECTED.write_text(manifest(found), encoding="utf-8")
    expected = dict(reversed(line.split("  ", 1)) for line in EXPECTED.read_text(encoding="utf-8").splitlines())
    assert sorted(found) == sorted(expected), "files added or removed"
    changed = sorted(name for name in found if found[name] != expected[name])
    assert not changed, f"{len(changed)} files differ, the first: {changed[:10]}"
