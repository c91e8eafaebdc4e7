"""Print what a screen reader is given: the running app's tree on the AT-SPI bus (the
accessibility bus Orca reads), through pyatspi. Run by tests/tools/atspi_tree.sh, which
starts Xvfb, a D-Bus session, the AT-SPI bus and the app on the xcb platform.

Needs Debian's python3-pyatspi (run with /usr/bin/python3, not the project's venv).
"""

from __future__ import annotations

import sys
import time

import pyatspi  # type: ignore[import-not-found]

SHOWN_ITEMS = 12  # list items printed per list (the rest are counted)


def find_app(name: str) -> object | None:
    desktop = pyatspi.Registry.getDesktop(0)
    for _ in range(60):
        for app in desktop:
            if app is not None and name in (app.name or "").lower():
                return app
        time.sleep(0.5)
    return None


def walk(node: object, depth: int = 0) -> None:
    role, name = node.getRoleName(), node.name  # type: ignore[attr-defined]
    count = node.childCount  # type: ignore[attr-defined]
    words = ""
    if role in ("label", "text") and count:  # a document: what it reads out, in short
        try:
            text = node.queryText()  # type: ignore[attr-defined]
            words = " | " + " ".join(text.getText(0, -1).split())[:160]
        except NotImplementedError:
            words = ""
    print(f"{'  ' * depth}{role}: {name!r}" + (f" ({count})" if count else "") + words)
    items = 0
    for i in range(count):
        child = node.getChildAtIndex(i)  # type: ignore[attr-defined]
        if child is None:
            continue
        if child.getRoleName() == "list item":
            items += 1
            if items > SHOWN_ITEMS:
                continue
        walk(child, depth + 1)
    if items > SHOWN_ITEMS:
        print(f"{'  ' * (depth + 1)}… and {items - SHOWN_ITEMS} more list items")


def main() -> int:
    app = find_app("timeline")
    if app is None:
        print("the app is not on the AT-SPI bus", file=sys.stderr)
        return 1
    walk(app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
