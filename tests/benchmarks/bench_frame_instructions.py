"""The whole window's frames, counted in instructions: a figure a noisy machine leaves alone.

    python tests/benchmarks/bench_frame_instructions.py [--events 20000]
        [--tree OTHER_CHECKOUT ...]

On a shared machine the wall-clock frames of bench_timeline.py --window swing by tens
of percent from one round to the next, more than most changes to the painting make.
Here the same frames (the window over a synthetic catalog with one quote per event
and a starred note on one event in fifty; panning a tenth of the view back and forth,
then zoom steps, at ten years, one year and one week) run under valgrind's callgrind,
which counts the instructions executed: the same code on the same data gives the same
count to within ~0.05 % (two runs of one checkout at 5,000 events: 0.9998-1.0004),
whatever else the machine does. Only what the window does while Qt handles
the events a step posted (building the scene, painting the timeline, its overview and
its scroll bar) is counted, not valgrind's start of Python and Qt.

Each `--tree` (default: this checkout) runs the same child on the same catalog, so
two trees give a paired figure (before/after a change) from one run of each. Prints,
as JSON, each tree's instructions per frame at each zoom and their ratio to the
first tree's. Needs valgrind (Debian: apt-get install valgrind); about two minutes a
tree at 20,000 events.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: The zooms, each panned and zoomed as bench_timeline.py --window does.
ZOOMS = {"ten years": 3652.0, "one year": 365.0, "one week": 7.0}
PANS, ZOOM_STEPS = 20, 10
#: Called by the child between zooms: callgrind writes what it counted so far.
MARK = "QWidget::setWindowTitle*"
#: What is counted: Qt's handling of the events a step posted (its paints among them).
COUNTED = "QCoreApplication::processEvents*"


def child(db: Path) -> None:
    sys.path.insert(0, str(Path.cwd()))  # the tree being measured, before this checkout
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tests.benchmarks.bench_timeline import _annotated
    from viewer.cli import apply_run_environment
    from viewer.core.catalog.read import Catalog
    from viewer.ui.error_reporter import ErrorReporter
    from viewer.ui.main_window import MainWindow

    apply_run_environment()
    app = QApplication([])
    folder = Path(tempfile.mkdtemp())
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    catalog = Catalog(db)
    store = _annotated(folder, catalog.timeline("p").ids)
    window = MainWindow(catalog, settings, ErrorReporter(windows=False), store=store)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    view = window.timeline
    centre = (view.limits.first + view.limits.last) / 2
    for name, span in ZOOMS.items():
        view.show_range(centre - span / 2, centre + span / 2)
        app.processEvents()
        window.setWindowTitle(name)  # the mark: what came before is written out
        for i in range(PANS):
            view.pan(view.view.width * 0.1 * (1 if i % 2 == 0 else -1))
            app.processEvents()
        for _ in range(ZOOM_STEPS):
            view.zoom(1.005)
            app.processEvents()
    window.setWindowTitle("done")
    window.close()
    store.close()


def counted(tree: Path, db: Path, out: Path) -> dict[str, float]:
    """Instructions per frame at each zoom, for the checkout at `tree`."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONMALLOC": "malloc"}
    env["PYTHONHASHSEED"] = "0"  # sets and dicts of str in the same order at every run
    env["PYTHONPATH"] = str(tree)
    subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            "--collect-atstart=no",
            f"--toggle-collect={COUNTED}",
            f"--dump-before={MARK}",
            sys.executable,
            __file__,
            "--child",
            str(db),
        ],
        cwd=tree,
        env=env,
        check=True,
        capture_output=True,
    )
    # One numbered file a mark (the window sets its own title too, while it opens), in
    # order; the last ones, one a zoom: its frames and the next zoom's setting (one
    # show_range). What is left at exit goes to `out` itself (nothing counted).
    parts = sorted(out.parent.glob(f"{out.name}.*"), key=lambda p: int(p.suffix[1:]))
    totals = [_total(part) for part in parts[-len(ZOOMS) :]]
    frames = PANS + ZOOM_STEPS
    return {name: round(total / frames) for name, total in zip(ZOOMS, totals, strict=True)}


def _total(dump: Path) -> int:
    for line in dump.read_text().splitlines():
        if match := re.match(r"(?:summary|totals):\s*(\d+)", line):
            return int(match.group(1))
    raise RuntimeError(f"no total in {dump}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--tree", type=Path, action="append", help="a checkout to count")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    sys.path.insert(0, str(ROOT))
    from tests.benchmarks.synthetic import make_catalog

    trees = [tree.resolve() for tree in args.tree or [ROOT]]
    results: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = make_catalog(Path(tmp) / "events.sqlite", args.events, args.events)
        for number, tree in enumerate(trees):
            out = Path(tmp) / f"tree{number}" / "callgrind.out"
            out.parent.mkdir()
            results.append(counted(tree, db, out))
    for tree, per_zoom in zip(trees, results, strict=True):
        ratios = {zoom: round(count / results[0][zoom], 4) for zoom, count in per_zoom.items()}
        print(json.dumps({"tree": str(tree), "instructions_per_frame": per_zoom, "ratio": ratios}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
