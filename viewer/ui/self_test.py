"""`timeline-viewer --self-test`: proves an installed copy works, with no display needed.

Run by the packaging scripts on every bundle and installed package, and useful to
a support person: it opens the catalog, searches it, saves and reads back an
annotation in a throw-away folder (never the user's), renders the main window
offscreen, and prints each check with how long it took. Exit code 0 when all pass.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from viewer import __version__
from viewer.core.errors import CatalogError, UsageError
from viewer.core.plurals import plural


def run(catalog_path: Path | None) -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"timeline-viewer {__version__} self-test (Python {sys.version.split()[0]})")
    with tempfile.TemporaryDirectory(prefix="timeline-viewer-self-test-") as folder:
        checks = _Checks(catalog_path, Path(folder))
        steps: list[tuple[str, Callable[[], str]]] = [
            ("open the catalog", checks.catalog),
            ("search", checks.search),
            ("save and read an annotation", checks.annotation),
            ("render the main window", checks.window),
        ]
        failed = None
        for number, (name, step) in enumerate(steps):
            start = time.perf_counter()
            try:
                detail = step()
            except (CatalogError, UsageError) as exc:  # said in words: no traceback
                failed = name
                print(f"FAIL {name}: {exc}", flush=True)
                for later, _step in steps[number + 1 :]:
                    print(f"skip {later}")
                break
            except Exception:  # printed whole; the later checks build on this one
                failed = name
                print(f"FAIL {name}\n{traceback.format_exc()}", flush=True)
                for later, _step in steps[number + 1 :]:
                    print(f"skip {later}")
                break
            took = (time.perf_counter() - start) * 1000
            print(f"ok   {name}: {detail} ({took:.0f} ms)", flush=True)
        checks.close()
    print("all checks passed" if failed is None else f"failed: {failed}")
    return 0 if failed is None else 1


class _Checks:
    def __init__(self, catalog_path: Path | None, folder: Path) -> None:
        from viewer.core.paths import bundled_catalog  # noqa: PLC0415

        self.path = catalog_path or bundled_catalog()
        self.folder = folder
        self._closers: list[Callable[[], None]] = []

    def catalog(self) -> str:
        from viewer.core.catalog.read import Catalog  # noqa: PLC0415

        catalog = Catalog(self.path)
        self._closers.append(catalog.close)
        if (
            problem := catalog.damage()
        ) is not None:  # also for catalogs too big to check on opening
            raise RuntimeError(f"{self.path} fails its integrity check: {problem}")
        self.catalog_ = catalog
        profiles = catalog.profiles()
        events = len(catalog.event_ids())
        return f"{self.path} ({plural(events, 'event')}, {plural(len(profiles), 'profile')})"

    def search(self) -> str:
        from viewer.core.search.engine import SearchEngine  # noqa: PLC0415

        engine = SearchEngine(self.catalog_)
        self._closers.append(engine.close)
        word = self._a_word()
        result = engine.search(word)
        if not (result.hits or result.events):
            raise RuntimeError(f"searching for {word!r} found nothing ({result.message})")
        return f"{word!r} finds {plural(result.count, 'result')}"

    def _a_word(self) -> str:
        """A word the catalog certainly holds: the longest in its first event's title
        (the bundled catalog, or any other: an imported timeline has no quotes)."""
        titles = self.catalog_.timeline().titles
        words = re.findall(r"\w{4,}", titles[0] if titles else "")
        if not words:
            raise RuntimeError("the catalog has no event with a searchable title")
        return max(words, key=len)

    def annotation(self) -> str:
        from viewer.core.annotations.records import Annotation  # noqa: PLC0415
        from viewer.core.annotations.store import AnnotationStore  # noqa: PLC0415

        store = AnnotationStore(self.folder / "annotations.sqlite", self.folder / "backups")
        self._closers.append(store.close)
        event_id = next(iter(sorted(self.catalog_.event_ids())))
        store.save(Annotation(event_id, "self-test note", ("self-test",), True))
        if store.get(event_id).note != "self-test note":
            raise RuntimeError("a saved annotation did not read back")
        if (problem := store.check()) is not None:
            raise RuntimeError(problem)
        return f"in {self.folder} (removed afterwards)"

    def window(self) -> str:
        from PySide6.QtCore import QSettings  # noqa: PLC0415
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415

        from viewer.ui.error_reporter import ErrorReporter  # noqa: PLC0415
        from viewer.ui.main_window import MainWindow  # noqa: PLC0415
        from viewer.ui.qt_log import route_qt_messages  # noqa: PLC0415

        route_qt_messages()  # Qt's chatter goes to the log, not between the check lines
        app = QApplication.instance() or QApplication(sys.argv[:1])
        settings = QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(self.catalog_, settings, ErrorReporter(windows=False))
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        image = window.grab().toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 16) for y in (200, 400)}
        window.close()
        window.deleteLater()
        app.processEvents()
        if image.width() < 100 or len(colours) < 3:
            raise RuntimeError("the window rendered blank")
        platform = QApplication.platformName()
        return f"{image.width()}x{image.height()} on '{platform}', {len(colours)} colours seen"

    def close(self) -> None:
        for close in reversed(self._closers):
            close()
