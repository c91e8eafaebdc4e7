"""Nothing prints over anything: over random catalogs (events known to a day, a month,
a year or an interval, in several lanes), window heights and zooms, no two bars in a
row overlap (a lane keeps the rows its events need and scrolls when the window is
short; where they need more rows than a lane has, or are too short to tell apart, they
become one counted bar), no two labels in a row meet, no label runs over a bar, and
point labels stop before the next point."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from viewer.core.dates.fuzzy import Precision
from viewer.core.timeline.codes import PRECISION_CODE
from viewer.core.timeline.data import TimelineData
from viewer.core.timeline.stance import StanceTrack
from viewer.core.timeline.timescale import Viewport
from viewer.ui.timeline import geometry as g
from viewer.ui.timeline.scene import build_scene
from viewer.ui.timeline.scene_bars import CROWDED_PX, label_span

Label = tuple[float, float, bool] | None
PRECISIONS = (Precision.DAY, Precision.MONTH, Precision.YEAR, Precision.INTERVAL)


def _catalog(seed: int, n: int) -> TimelineData:
    rng = np.random.default_rng(seed)
    first = 737000.0
    start = np.sort(rng.integers(0, 3650, n)).astype(np.float64) + first
    kind = rng.integers(0, 4, n)
    length = np.choose(kind, [1, 30, 365, rng.integers(2, 900, n)]).astype(np.float64)
    order = np.lexsort((np.arange(n), start))
    start, length, kind = start[order], length[order], kind[order]
    return TimelineData.from_columns(
        [f"e{i}" for i in range(n)],
        [f"Event number {i} with a longish title" for i in range(n)],
        start,
        start + length,
        rng.integers(0, 3, n).astype(np.int8),
        rng.integers(0, 4, n).astype(np.int8),
        np.array([PRECISION_CODE[PRECISIONS[k]] for k in kind.tolist()], dtype=np.int8),
        np.zeros(n, dtype=np.bool_),
        np.zeros(n, dtype=np.bool_),
    )


@pytest.mark.parametrize("seed", range(12))
def test_no_two_labels_meet_and_none_runs_over_a_bar(seed: int) -> None:
    rng = np.random.default_rng(1000 + seed)
    data = _catalog(seed, int(rng.choice([20, 200, 2000])))
    width, height = int(rng.choice([700, 1200, 1800])), int(rng.choice([300, 500, 900]))
    geo = g.layout(width + g.gutter_for(width), height, [0, 1, 2])
    first, last = data.bounds()
    for days_per_px in (
        float(rng.uniform(0.05, 0.5)),
        float(rng.uniform(0.5, 5)),
        (last - first) / width,
    ):
        start = float(rng.uniform(first - 30, max(first, last - width * days_per_px) + 30))
        scene = build_scene(
            data, Viewport(start, days_per_px, width), geo, frozenset(), StanceTrack.of([])
        )
        rows: dict[tuple[int, float], list[tuple[float, float, Label]]] = {}
        for bar in scene.bars:
            rows.setdefault((bar.lane, bar.y), []).append(
                (bar.x0, bar.x1, label_span(bar, geo.gutter))
            )
        for plain in scene.plain:
            spans = zip(plain.x0.tolist(), plain.x1.tolist(), plain.y.tolist(), strict=True)
            for x0, x1, y in spans:
                rows.setdefault((plain.lane, y), []).append((x0, x1, None))
        for items in rows.values():
            spans = sorted((x0, x1) for x0, x1, _span in items)
            for (_a0, b0), (a1, _b1) in itertools.pairwise(spans):
                assert a1 >= b0 - CROWDED_PX, "two bars in a row overlap"
            labels = sorted(span[:2] for _x0, _x1, span in items if span)
            for (_a0, b0), (a1, _b1) in itertools.pairwise(labels):
                assert b0 <= a1, "two labels meet"
            for _own_x0, _own_x1, span in items:
                if span is None:
                    continue
                left, right, _inside = span
                for x0, x1, other in items:
                    if other is span:
                        continue  # its own bar
                    assert not (x0 < right - 0.5 and left + 0.5 < x1), "a label runs over a bar"
        for lane in scene.points:  # a point's label room ends before the next point
            nxt = np.append(lane.xs[1:], np.inf)
            assert (
                lane.xs + 2 * geo.rows.half + lane.room
                <= np.minimum(nxt, geo.time_left + width) + 1e-6
            ).all()


@pytest.mark.parametrize("seed", range(6))
def test_a_title_stops_short_of_the_next_markers_selection_ring(seed: int) -> None:
    """A chosen marker's ring reaches further than the marker: the title before it ran
    into the ring (at the usual size "Han…" before the Helsinki summit)."""
    rng = np.random.default_rng(2000 + seed)
    data = _catalog(seed, 200)
    width = 1200
    geo = g.layout(width + g.gutter_for(width), 600, [0, 1, 2])
    first, last = data.bounds()
    chosen = frozenset(rng.choice(len(data), 40, replace=False).tolist())
    checked = 0
    for days_per_px in (0.5, 2.0, (last - first) / width):
        view = Viewport(float(first), days_per_px, width)
        scene = build_scene(data, view, geo, chosen, StanceTrack.of([]))
        for lane in scene.points:
            for i in np.flatnonzero(lane.selected[1:]).tolist():
                if lane.room[i] > 40:  # a title is drawn before the chosen one
                    title_end = lane.xs[i] + geo.rows.half - 1 + lane.room[i]
                    assert title_end <= lane.xs[i + 1] - geo.rows.ring
                    checked += 1
    assert checked
