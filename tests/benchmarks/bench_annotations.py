"""Annotations benchmark: 100k annotations on a 100k-event synthetic catalog.

    python tests/benchmarks/bench_annotations.py [--events 100000] [--annotations 100000]

Measures, in a 1600x900 window offscreen: attaching the annotations to a painted
window (what follows the first paint), narrowing the timeline to one tag and
repainting, and saving one edit on the UI thread (through the undo stack).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.benchmarks.synthetic import make_catalog  # noqa: E402
from viewer.core.annotations.loading import load  # noqa: E402
from viewer.core.annotations.records import Annotation  # noqa: E402
from viewer.core.annotations.scope import Scope  # noqa: E402
from viewer.core.annotations.store import AnnotationStore  # noqa: E402
from viewer.core.catalog.read import Catalog  # noqa: E402
from viewer.ui.app import settle  # noqa: E402
from viewer.ui.error_reporter import ErrorReporter  # noqa: E402
from viewer.ui.main_window import MainWindow  # noqa: E402


def ms(seconds: list[float]) -> dict[str, float]:
    values = sorted(s * 1000 for s in seconds)
    return {
        "median_ms": round(statistics.median(values), 2),
        "p95_ms": round(values[max(0, int(len(values) * 0.95) - 1)], 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--annotations", type=int, default=100_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-annotations-"))
    db = make_catalog(folder / "catalog.sqlite", args.events)
    rng = random.Random(3)
    catalog = Catalog(db)
    ids = [f"e{i:07d}" for i in range(args.events)]
    store = AnnotationStore(folder / "annotations.sqlite", folder / "backups")
    chosen = rng.sample(ids, min(args.annotations, len(ids)))
    start = time.perf_counter()
    store.save_many(
        Annotation(
            eid,
            f"Note {n} " + "word " * rng.randint(0, 40),
            tuple(sorted({f"tag{rng.randint(0, 49)}" for _ in range(rng.randint(0, 3))})),
            rng.random() < 0.2,
            "#E69F00" if rng.random() < 0.1 else None,
            "2026-01-01T00:00:00.000+00:00",
        )
        for n, eid in enumerate(chosen)
    )
    fill = time.perf_counter() - start
    store.close()
    size = (folder / "annotations.sqlite").stat().st_size

    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(catalog, settings, ErrorReporter(windows=False))
    window.resize(1600, 900)
    window.show()
    app.processEvents()
    start = time.perf_counter()
    store = AnnotationStore(folder / "annotations.sqlite", folder / "backups")
    opened = time.perf_counter() - start
    start = time.perf_counter()
    loaded = load(store, db)  # in the app: in a background thread
    read = time.perf_counter() - start
    start = time.perf_counter()
    window.attach_store(loaded)
    window.timeline.viewport().repaint()
    attached = time.perf_counter() - start
    settle()  # as the app does once the annotations are attached

    scope_times = []
    window.state.set_scope(Scope("starred"))  # the first narrowing sorts the ids once
    for n in range(20):
        start = time.perf_counter()
        window.state.set_scope(Scope("tag", f"tag{n}"))
        window.timeline.viewport().repaint()
        scope_times.append(time.perf_counter() - start)
    repaint_times = []
    for _ in range(20):
        start = time.perf_counter()
        window.timeline.viewport().repaint()
        repaint_times.append(time.perf_counter() - start)
    window.state.set_scope(Scope())

    assert window.annotations is not None
    editor = window.annotations.editor
    save_times = []
    for n in range(50):
        window.timeline.select_ids([chosen[n]], reveal=False)
        editor.show_event(chosen[n])
        start = time.perf_counter()
        editor.add_tag(f"bench{n}")  # one undoable, saved edit
        save_times.append(time.perf_counter() - start)
    raw_save = []
    for n in range(50):
        start = time.perf_counter()
        store.save(Annotation(chosen[n], f"raw {n}"))
        raw_save.append(time.perf_counter() - start)
    report = {
        "events": args.events,
        "annotations": len(chosen),
        "annotations_file_mb": round(size / 1e6, 1),
        "fill_s": round(fill, 2),
        "open_store_ms (background thread)": round(opened * 1000, 1),
        "read_marks_tags_orphans_ms (background thread)": round(read * 1000, 1),
        "attach_to_painted_window_ms (UI thread)": round(attached * 1000, 1),
        "scope_to_tag_and_repaint": ms(scope_times),
        "repaint_while_scoped": ms(repaint_times),
        "edit_saved_through_undo_stack_ui_thread": ms(save_times),
        "store_save_only": ms(raw_save),
    }
    window.close()
    store.close()
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
