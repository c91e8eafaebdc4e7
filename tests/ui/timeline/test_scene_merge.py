"""The quick overlap check agrees with the merge it lets the timeline skip."""

from __future__ import annotations

import dataclasses

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from viewer.core.dates.fuzzy import Precision
from viewer.core.timeline.data import TimelineData
from viewer.core.timeline.lane_index import Extent
from viewer.core.timeline.stance import StanceTrack
from viewer.ui.main_window import MainWindow
from viewer.ui.timeline.geometry import NORMAL_ROWS, Rows
from viewer.ui.timeline.scene import _any_overlap, _merge_overlapping, badge_widths
from viewer.ui.timeline.scene_items import Bar

TWICE = Rows(*(2 * size for size in dataclasses.astuple(NORMAL_ROWS)))  # twice the text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 2000, allow_nan=False), st.integers(1, 10**7)),
        min_size=0,
        max_size=30,
    ),
    st.sampled_from([NORMAL_ROWS, TWICE]),
)
def test_no_overlap_found_means_the_merge_would_change_nothing(
    bins: list[tuple[float, int]], rows: Rows
) -> None:
    bins.sort()
    xs = np.array([x for x, _ in bins], dtype=np.float64)
    counts = np.array([c for _, c in bins], dtype=np.int64)
    merged_xs, _counts, _first = _merge_overlapping(
        xs.tolist(), counts.tolist(), list(range(len(bins))), rows
    )
    assert _any_overlap(xs, badge_widths(counts, rows)) == (len(merged_xs) < len(bins))


@settings(max_examples=200, deadline=None)
@given(
    st.integers(2, 10**6),
    st.integers(5, 60),
    st.floats(0, 1),
    st.sampled_from([NORMAL_ROWS, TWICE]),
)
def test_badges_kept_in_their_bins_never_touch(
    count: int, bins: int, shift: float, rows: Rows
) -> None:
    """Badges as wide as their bins allow, each pushed to its bin's edge, are not merged."""
    from viewer.ui.timeline.scene_items import cluster_width

    width = cluster_width(count, rows) + 2  # the bin width chosen for this count
    lefts = np.arange(bins) * width
    wide = badge_widths(np.full(bins, count, dtype=np.int64), rows)
    low, high = lefts + wide / 2 + 1, lefts + width - wide / 2 - 1
    xs = low + (high - low) * shift
    assert not _any_overlap(xs, wide)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 1500), st.floats(0, 60), st.integers(0, 2), st.integers(0, 3)),
        max_size=80,
    )
)
def test_runs_join_touching_bars_of_a_row_and_tone(
    bars: list[tuple[float, float, int, int]],
) -> None:
    """Joined runs, checked against joining by hand: per (tone, row), in x order."""
    from viewer.ui.timeline.scene_bars import _runs

    bars.sort(key=lambda b: b[0])  # the scene hands them over in start order
    x0 = np.array([b[0] for b in bars])
    x1 = x0 + np.array([b[1] for b in bars])
    rows = np.array([b[2] for b in bars], dtype=np.int64)
    tones = np.array([b[3] for b in bars], dtype=np.int64)
    got = {
        (tone, y, x): w
        for tone, xs, ys, ws in _runs(x0, x1, rows * 15.0, tones, rows)
        for x, y, w in zip(xs, ys, ws, strict=True)
    }
    expected: dict[tuple[int, float, float], float] = {}
    for tone in range(4):
        for row in range(3):
            mine = [
                (a, b)
                for a, b, r, t in zip(x0, x1, rows, tones, strict=True)
                if (r, t) == (row, tone)
            ]
            run: list[tuple[float, float]] = []
            for a, b in mine:  # a new run where a bar starts clear of the one before
                if run and a > run[-1][1] + 1.5:
                    expected[(tone, row * 15.0, run[0][0])] = max(e for _, e in run) - run[0][0]
                    run = []
                run.append((a, b))
            if run:
                expected[(tone, row * 15.0, run[0][0])] = max(e for _, e in run) - run[0][0]
    assert got.keys() == expected.keys()
    assert all(abs(got[k] - expected[k]) < 1e-9 for k in got)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 3000)), max_size=400),
    st.floats(0.02, 30),
    st.integers(-500, 3000),
    st.sets(st.integers(0, 399), max_size=5),
)
def test_lanes_laid_out_together_are_each_laid_out_as_alone(
    events: list[tuple[int, int]], days_per_px: float, offset: int, chosen: set[int]
) -> None:
    """The scene bins and lays out all lanes' points in one pass; each lane must come
    out as it does when it is the only lane shown."""
    from viewer.core.timeline.data import TimelineData
    from viewer.core.timeline.timescale import Viewport
    from viewer.ui.timeline import geometry as g
    from viewer.ui.timeline.scene import build_scene

    n = len(events)
    data = TimelineData.from_columns(
        [f"e{i}" for i in range(n)],
        [f"Event {i}" for i in range(n)],
        np.array([737000.0 + d for _, d in events]),
        np.array([737001.0 + d for _, d in events]),
        np.array([lane for lane, _ in events], dtype=np.int8),
        np.zeros(n, dtype=np.int8),
        np.zeros(n, dtype=np.int8),  # known to the day
        np.zeros(n, dtype=np.bool_),
        np.zeros(n, dtype=np.bool_),
    )
    view = Viewport(737000.0 + offset, days_per_px, 1200)
    selected = frozenset(c for c in chosen if c < n)
    together = build_scene(
        data, view, g.layout(1350, 900, list(range(6))), selected, StanceTrack.of([])
    )
    by_lane = {points.lane: points for points in together.points}
    for lane in range(6):
        alone = build_scene(
            data, view, g.layout(1350, 900, [lane]), selected, StanceTrack.of([])
        ).points
        assert len(alone) == (lane in by_lane)
        for name in ("xs", "counts", "first", "rows", "room", "selected", "start", "end"):
            if alone:
                assert np.array_equal(getattr(by_lane[lane], name), getattr(alone[0], name))


def test_bars_made_from_columns_are_the_records_made_one_by_one(window: MainWindow) -> None:
    """Wide bars are made for many extents at once; each must be what the extent's
    record gives, made one by one (selected ones included)."""
    view = window.timeline
    data = view.data
    some = frozenset(range(0, len(data), 3))
    for factor in (1.0, 3.0, 9.0):
        view.zoom(factor)
        view._select_rows(sorted(some), reveal=False, emit=False)
        bars = view.scene.bars
        assert bars
        for bar in bars:
            index = data.lanes[bar.lane]
            matches = [
                index.extents[i]
                for i in range(len(index.extents))
                if index.extents[i].rows == bar.rows and index.extents[i].start == bar.start
            ]
            if not matches:  # bars that overlapped in a row, counted as one: all their events
                held = [x for x in index.extents if set(x.rows) <= set(bar.rows)]
                assert len(held) >= 2 and bar.label == f"{len(bar.rows)} events"
                assert sorted(r for x in held for r in x.rows) == sorted(bar.rows)
                continue
            (extent,) = matches
            made = _bar_from_record(data, extent, bar.x0, bar.x1, bar.y, bar.lane, frozenset(some))
            assert made == bar._replace(room=0.0)  # the room after it depends on its row


def _bar_from_record(
    data: TimelineData,
    extent: Extent,
    x0: float,
    x1: float,
    y: float,
    lane: int,
    selected: frozenset[int],
) -> Bar:
    """A bar made from one extent's record, field by field (the reference)."""
    members = extent.rows
    single = len(members) == 1
    return Bar(
        x0,
        x1,
        y,
        lane,
        extent.tone,
        members,
        extent.start,
        extent.end,
        extent.approximate,
        single and bool(data.cancelled[members[0]]),
        bool(selected) and not selected.isdisjoint(members),
        _title(data, members[0]) if single else f"{len(members)} events",
    )


def _title(data: TimelineData, row: int) -> str:
    """A bar's words: the title, after its date for an event known only to a month,
    a season or a year (some time in that period)."""
    date = data.date_of(row)
    vague = date.precision in (Precision.MONTH, Precision.SEASON, Precision.YEAR)
    return f"{date.label()} · {data.titles[row]}" if vague else data.titles[row]


def test_bars_overlapping_on_screen_take_a_free_row_before_they_are_counted(
    qtbot: QtBot,
) -> None:
    """Two one-day periods side by side share a row (their days do not overlap), but at
    ten days a pixel each is drawn 3 px wide and they overlap: the lane has a second row
    (two other periods overlap elsewhere), so one moves there; neither is counted."""
    from viewer.core.dates.fuzzy import Precision
    from viewer.core.timeline.codes import PRECISION_CODE
    from viewer.core.timeline.data import TimelineData
    from viewer.ui.timeline.view import TimelineView

    starts = np.array([737000.0, 737001.0, 737400.0, 737450.0])
    ends = np.array([737001.0, 737002.0, 737500.0, 737550.0])
    data = TimelineData.from_columns(
        ["a", "b", "c", "d"],
        ["First", "Second", "Third", "Fourth"],
        starts,
        ends,
        np.zeros(4, dtype=np.int8),  # one lane
        np.zeros(4, dtype=np.int8),
        np.full(4, PRECISION_CODE[Precision.INTERVAL], dtype=np.int8),
        np.zeros(4, dtype=np.bool_),
        np.zeros(4, dtype=np.bool_),
    )
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1200, 500)
    view.show()
    view.set_data(data, [], StanceTrack.of([]), "Stance")
    width = view.view.width
    view.show_range(737001.0 - 5 * width, 737001.0 + 5 * width)  # ten days a pixel
    edge = view.view.x_of(737100) + view.geo.time_left  # left of the other two
    drawn = [(bar.y, bar.label) for bar in view.scene.bars if bar.x0 < edge]
    for plain in view.scene.plain:
        drawn += [
            (y, "") for x0, y in zip(plain.x0.tolist(), plain.y.tolist(), strict=True) if x0 < edge
        ]
    assert len(drawn) == 2, drawn  # two bars, not one "2 events"
    assert len({y for y, _label in drawn}) == 2  # in two rows


def test_stance_bins_kept_as_columns_are_found_and_listed_as_items() -> None:
    """Statements too dense to show one by one are summed per pixel bin and kept as
    columns; pointing at a bin finds it, and it is listed (for a screen reader) as the
    same item, with how many statements it holds and their days."""
    from viewer.core.records import Tone
    from viewer.core.timeline.data import TimelineData
    from viewer.core.timeline.stance import StancePoint
    from viewer.core.timeline.timescale import Viewport
    from viewer.ui.timeline import geometry as g
    from viewer.ui.timeline.scene import build_scene
    from viewer.ui.timeline.scene_items import ItemKind

    tones = (Tone.WARM, Tone.COLD, Tone.NEUTRAL)
    points = [StancePoint(737000.0 + d, 737001.0 + d, tones[d % 3], f"e{d}") for d in range(3000)]
    view = Viewport(737000.0, 10.0, 1200)  # ten days a pixel: many statements a bin
    scene = build_scene(
        TimelineData.empty(6), view, g.layout(1350, 900, [0]), frozenset(), StanceTrack.of(points)
    )
    bins = scene.stance_bins
    assert bins is not None and len(bins) > 10
    assert int(bins.counts.sum()) == len(points)  # every statement in one bin
    listed = [item for item in scene.items() if item.kind is ItemKind.STANCE]
    assert len(listed) == len(bins)
    middle = listed[len(listed) // 2]
    found = scene.at(middle.rect.center().x(), middle.rect.center().y())
    assert found == middle and found.count > 1
    assert found.label == f"{found.count} statements" and found.start < found.end
