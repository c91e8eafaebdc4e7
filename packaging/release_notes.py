"""Print the CHANGELOG.md section of one version, for the release's notes; exit 1 (and
say so) when there is none, so that no release goes out without its notes.

    python packaging/release_notes.py 0.1.0 > notes.md
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

CHANGELOG = Path(__file__).resolve().parents[1] / "CHANGELOG.md"


def section(text: str, version: str) -> str | None:
    heading = re.compile(rf"^## \[{re.escape(version)}\][^\n]*\n", re.MULTILINE)
    found = heading.search(text)
    if found is None:
        return None
    following = re.compile(r"^## \[", re.MULTILINE).search(text, found.end())
    body = text[found.end() : following.start() if following else len(text)]
    return body.strip() + "\n"


def main() -> int:
    version = sys.argv[1].removeprefix("v")
    notes = section(CHANGELOG.read_text(encoding="utf-8"), version)
    if notes is None:
        print(f"CHANGELOG.md has no section '## [{version}]'", file=sys.stderr)
        return 1
    sys.stdout.write(notes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
