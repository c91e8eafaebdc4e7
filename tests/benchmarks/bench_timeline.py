"""Timeline benchmark: repaint, pan, open-to-first-frame and peak RSS.

    python tests/benchmarks/bench_timeline.py [--sizes 1000,10000,100000,1000000]
        [--quotes-per-event 1] [--window]

For each size a synthetic catalog (ten years, six lanes, by default one quote per
event, as real catalogs have more quotes than events) is written to a temporary
folder and measured in a fresh process offscreen. Repaint times include rebuilding
what is visible (the scene), not just drawing it. With --window the frames are the
whole main window's, as the user waits for them: a pan moves the timeline, its
overview and its scroll bar, and the time is until every one of them has painted.
Start-up compares the whole app, process start to first painted window, with a
bare PySide6 window and with the floor (that window, numpy and a few Qt classes)
shown by the same Python, run alternately; the floor is timed again with one OpenBLAS
thread, as the app runs (the stricter comparison), and the machine's speed before and
after (`loop_ms_before_after`: a fixed loop of Python; on a shared machine a figure
taken while it slowed down is not comparable). The ratios are given as the median app
over the median floor (issue 17's figure), `_by_round`: the median of each round's
app over that round's floor, which the machine's changes of speed between rounds
leave alone, and `_best`: the fastest app run over the fastest floor run. Every window
is 1,400 x 900, on an offscreen screen with room for it. Each process
says on stderr when its first window's painting was done (`--quit-after-paint` in the
app), on the monotonic clock this script starts it by; the time to the end of the
process is reported as well.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from viewer.ui.app import FIRST_PAINT, reported_first_paint  # noqa: E402 - the app's word

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtWidgets import QApplication

    from viewer.core.annotations.store import AnnotationStore
    from viewer.ui.timeline.view import TimelineView

ZOOMS = {"ten years": 3652.0, "one year": 365.0, "one week": 7.0}
_TIMED = ("repaint", "pan", "zoom")


def peak_rss_mb() -> float:
    """This process's peak resident memory. Not getrusage's ru_maxrss: on Linux a child
    keeps its parent's figure across fork and exec, so a child started by the process
    that built a million-event catalog reported that process's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource  # not Linux: the best there is

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_one(db: Path) -> dict[str, object]:
    t0 = time.perf_counter()
    from PySide6.QtWidgets import QApplication

    from viewer.core.catalog.read import Catalog
    from viewer.ui.timeline.view import TimelineView

    app = QApplication.instance() or QApplication([])
    view = TimelineView()
    view.resize(1600 + 2, 900)
    view.show()
    app.processEvents()
    t_open = time.perf_counter()
    catalog = Catalog(db)
    data = catalog.timeline("p")
    view.set_data(data, catalog.eras(), catalog.stance_track("p"), "Stance")  # as the app
    view.viewport().repaint()
    first_frame = time.perf_counter() - t_open
    results: dict[str, object] = {"events": len(data), "open_to_first_frame_s": first_frame}
    centre = (view.limits.first + view.limits.last) / 2
    for name, span in ZOOMS.items():
        view.show_range(centre - span / 2, centre + span / 2)
        times = []
        for i in range(60):
            # move a little each time so nothing is cached between frames
            view.set_viewport(view.view.panned(1 if i % 2 else -1, view.limits))
            start = time.perf_counter()
            view._relayout()
            view.viewport().repaint()
            times.append((time.perf_counter() - start) * 1000)
        results[f"repaint {name}"] = _stats(times)
        results[f"pan 10% {name}"] = _stats(_pans(view, partial(_repainted, view)))
        view.show_range(centre - span / 2, centre + span / 2)
        zooms = []
        for _ in range(40):
            # a new scale every frame, as while zooming: nothing kept from the frame before
            # serves (stamped bars of the old widths, the scroll bar's handle)
            view.set_viewport(view.view.zoomed(1.005, view.view.width / 2, view.limits))
            start = time.perf_counter()
            view._relayout()
            view.viewport().repaint()
            zooms.append((time.perf_counter() - start) * 1000)
        results[f"zoom step {name}"] = _stats(zooms)
    results.update(_searching(view, app, centre, partial(_repainted, view)))
    results["peak_rss_mb"] = peak_rss_mb()
    results["process_s"] = time.perf_counter() - t0
    view.close()
    catalog.close()
    return results


def _repainted(view: TimelineView, step: Callable[[], object]) -> float:
    """A change of the view and its repaint (the view's alone), in ms."""
    start = time.perf_counter()
    step()
    view.viewport().repaint()
    return (time.perf_counter() - start) * 1000


def _pans(view: TimelineView, frame: Callable[[Callable[[], object]], float]) -> list[float]:
    """The view panned by a tenth of its width, back and forth: each `frame`'s time."""
    return [
        frame(lambda i=i: view.pan(view.view.width * 0.1 * (1 if i % 2 == 0 else -1)))
        for i in range(40)
    ]


def _searching(
    view: TimelineView,
    app: QApplication,
    centre: float,
    frame: Callable[[Callable[[], object]], float],
) -> dict[str, object]:
    """Pans over ten years while a search marks some events found (picked at random, as
    a query's hits fall): the frames wash what was not found and frame what was."""
    import numpy as np

    ids = list(view.data.ids)
    span = ZOOMS["ten years"]
    results: dict[str, object] = {}
    for hits in (50, 2000):
        chosen = np.random.default_rng(1).choice(len(ids), min(hits, len(ids)), replace=False)
        view.set_hits([ids[i] for i in chosen.tolist()])
        view.show_range(centre - span / 2, centre + span / 2)
        app.processEvents()
        results[f"pan 10% ten years, {hits:,} hits"] = _stats(_pans(view, frame))
    view.set_hits(None)
    return results


def measure_window(db: Path) -> dict[str, object]:
    """The frames of the whole window: each step changes the view as the user does, then
    waits until every part of the window that changed has painted."""
    t0 = time.perf_counter()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from viewer.core.catalog.read import Catalog
    from viewer.ui.error_reporter import ErrorReporter
    from viewer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    folder = tempfile.mkdtemp()
    settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
    catalog = Catalog(db)
    store = _annotated(Path(folder), catalog.timeline("p").ids)
    t_open = time.perf_counter()
    window = MainWindow(catalog, settings, ErrorReporter(windows=False), store=store)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    first_frame = time.perf_counter() - t_open
    view = window.timeline
    results: dict[str, object] = {"events": len(view.data), "open_to_first_frame_s": first_frame}
    centre = (view.limits.first + view.limits.last) / 2

    def frame(step: object) -> float:
        start = time.perf_counter()
        step()  # type: ignore[operator]
        app.processEvents()  # the paints the change asked for: timeline, overview, bar
        return (time.perf_counter() - start) * 1000

    for name, span in ZOOMS.items():
        view.show_range(centre - span / 2, centre + span / 2)
        app.processEvents()
        results[f"pan 10% {name}"] = _stats(_pans(view, frame))
        zooms = [frame(lambda: view.zoom(1.005)) for _ in range(40)]
        results[f"zoom step {name}"] = _stats(zooms)
    results.update(_searching(view, app, centre, frame))
    results["peak_rss_mb"] = peak_rss_mb()
    results["process_s"] = time.perf_counter() - t0
    window.close()
    store.close()
    return results


def _annotated(folder: Path, ids: Sequence[str]) -> AnnotationStore:
    """The user's notes as people keep them: a starred, tagged note on one event in
    fifty, which the timeline marks (a star, a note) and the search frames take in."""
    from viewer.core.annotations.records import Annotation
    from viewer.core.annotations.store import AnnotationStore

    store = AnnotationStore(folder / "annotations.sqlite", folder / "backups")
    store.save_many(
        Annotation(event_id, "Compare with the transcript.", ("to check",), True)
        for event_id in list(ids)[::50]
    )
    return store


def _stats(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1], 2),
    }


BARE = f"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
def painted():
    print("{FIRST_PAINT}", time.monotonic(), file=sys.stderr, flush=True)
    QApplication.quit()
class Quit(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, painted)
        return False
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1400, 900)
q = Quit(); w.installEventFilter(q); w.show(); app.exec()
"""


# The floor under the app's start-up that is not ours: the bare window, plus importing
# numpy (the timeline's arrays) and naming a few of the Qt classes any main window uses
# (PySide6 makes each class's Python enums when a module first names the class).
FLOOR = (
    "import numpy\n"
    "from PySide6.QtCore import Qt\n"
    "from PySide6.QtWidgets import QStyle, QAbstractItemView, QSizePolicy, QFrame\n"
    "from PySide6.QtGui import QPainter, QFont, QKeySequence, QTextDocument\n" + BARE
)


#: The offscreen platform's screen for the start-up runs (its configfile's format).
SCREEN = {"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96}


def loop_ms() -> float:
    """How fast this machine runs Python just now: 3 million additions, in ms. Shared
    machines change speed for minutes at a time; this says which speed a figure had."""
    started, total = time.perf_counter(), 0
    for i in range(3_000_000):
        total += i
    return round((time.perf_counter() - started) * 1000)


def startup(runs: int) -> dict[str, object]:
    # Bytecode is cached as on any installed copy (pip compiles at install), even where
    # this machine's environment turns caching off.
    env = {**os.environ}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("OPENBLAS_NUM_THREADS", None)
    # The app asks OpenBLAS for one thread (no worker spinning through start-up); the
    # floor is also timed so, "floor_one_blas": the stricter figure.
    one_blas = {**env, "OPENBLAS_NUM_THREADS": "1"}
    commands = {
        "app": [sys.executable, "-m", "viewer", "--no-err-windows", "--quit-after-paint"],
        "bare": [sys.executable, "-c", BARE],
        "floor": [sys.executable, "-c", FLOOR],
        "floor_one_blas": [sys.executable, "-c", FLOOR],
    }
    speed_before = loop_ms()
    times: dict[str, list[float]] = {which: [] for which in commands}  # to first paint
    to_exit: dict[str, list[float]] = {which: [] for which in commands}
    with tempfile.TemporaryDirectory() as tmp:
        # A screen with room for each window at 1,400 x 900 (offscreen's own is 800 x
        # 800): the app's window, restored from the round before, keeps that size too,
        # and every process paints the same area.
        screen = Path(tmp) / "screen.json"
        screen.write_text(json.dumps({"screens": [SCREEN]}))
        for environ in (env, one_blas):
            environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
        for i in range(runs + 1):
            for which, cmd in commands.items():
                data = ["--data-dir", str(Path(tmp) / "user")] if which == "app" else []
                start = time.monotonic()  # the clock the child says its first paint on
                done = subprocess.run(
                    cmd + data,
                    env=one_blas if which == "floor_one_blas" else env,
                    cwd=ROOT,
                    check=True,
                    capture_output=True,
                )
                ended = time.monotonic()
                if i:  # the first round warms the disk cache
                    times[which].append(reported_first_paint(done.stderr) - start)
                    to_exit[which].append(ended - start)
    app_med, bare_med, floor_med, strict_med = (statistics.median(kept) for kept in times.values())
    # Each round's app and floors run one after another: their ratio in that round is
    # untouched by the machine's speed changing between rounds (this one's does, by
    # minutes at a time), so the median of those ratios is the steadier figure.
    paired = statistics.median(a / f for a, f in zip(times["app"], times["floor"], strict=True))
    paired_strict = statistics.median(
        a / f for a, f in zip(times["app"], times["floor_one_blas"], strict=True)
    )
    app_exit, _bare_exit, floor_exit, _strict_exit = (
        statistics.median(kept) for kept in to_exit.values()
    )
    return {
        "app_median_s": round(app_med, 3),
        "bare_pyside6_median_s": round(bare_med, 3),
        "ratio": round(app_med / bare_med, 2),
        "bare_plus_numpy_and_qt_classes_s": round(floor_med, 3),
        "floor_ratio": round(floor_med / bare_med, 2),  # the floor over the bare window
        "app_to_floor_ratio": round(app_med / floor_med, 2),  # issue 17's figure
        "floor_one_blas_s": round(strict_med, 3),
        "app_to_floor_one_blas_ratio": round(app_med / strict_med, 2),
        "app_to_floor_ratio_by_round": round(paired, 2),  # median of each round's ratio
        "app_to_floor_one_blas_ratio_by_round": round(paired_strict, 2),
        # The fastest run of each over the fastest floor: what each costs when nothing
        # else on the machine gets in its way (slowdowns only ever add time).
        "app_to_floor_ratio_best": round(min(times["app"]) / min(times["floor"]), 2),
        "app_to_floor_one_blas_ratio_best": round(
            min(times["app"]) / min(times["floor_one_blas"]), 2
        ),
        # The same to the end of the process: the app's Python tears down ~3x more
        # objects than the floor's (not start-up, but what this figure measured before).
        "app_to_floor_ratio_to_exit": round(app_exit / floor_exit, 2),
        # What the app adds to the floor, in ms: the median of each round's difference
        # (a figure that does not move with the floor's own share of a slowdown).
        "app_minus_floor_ms_by_round": round(
            statistics.median(a - f for a, f in zip(times["app"], times["floor"], strict=True))
            * 1000
        ),
        "runs": runs,
        "loop_ms_before_after": [speed_before, loop_ms()],
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--startup-runs", type=int, default=10)
    parser.add_argument("--quotes-per-event", type=float, default=1.0)
    parser.add_argument("--window", action="store_true", help="time the whole window")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        from viewer.cli import apply_run_environment

        apply_run_environment()  # the frames as the app paints them
        measure = measure_window if args.window else measure_one
        print(json.dumps(measure(args.child)))
        return 0
    from tests.benchmarks.synthetic import make_catalog

    table = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            quotes = int(size * args.quotes_per_event)
            db = make_catalog(Path(tmp) / f"events-{size}.sqlite", size, quotes)
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    str(db),
                    *(["--window"] if args.window else []),
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            result = json.loads(out.strip().splitlines()[-1])
            result["quotes"] = quotes
            table.append(result)
            print(json.dumps(result), flush=True)
    print(
        "\n| events | quotes | open→first frame | "
        + " | ".join(f"{k} median / p95" for k in table[0] if k.startswith(_TIMED))
        + " | peak RSS |"
    )
    print("|" + "---|" * (4 + sum(1 for k in table[0] if k.startswith(_TIMED))))
    for r in table:
        cells = [
            f"{r[k]['median_ms']} / {r[k]['p95_ms']} ms"
            for k in r  # type: ignore[index]
            if k.startswith(_TIMED)
        ]
        print(
            f"| {r['events']:,} | {r['quotes']:,} | {r['open_to_first_frame_s'] * 1000:.0f} ms | "
            + " | ".join(cells)
            + f" | {r['peak_rss_mb']:.0f} MB |"
        )
    if args.startup_runs:
        print(
            "\nStart-up, process start to first painted window:",
            json.dumps(startup(args.startup_runs)),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
