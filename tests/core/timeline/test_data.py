import datetime as dt
from dataclasses import replace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.catalog.read import Catalog
from viewer.core.dates.days import Day, year_label
from viewer.core.dates.fuzzy import Precision
from viewer.core.dates.typed import parse_typed_date
from viewer.core.records import Tone
from viewer.core.timeline.codes import DAY_CODE, PRECISION_CODE, PRECISIONS
from viewer.core.timeline.data import TimelineData, point_bins
from viewer.core.timeline.lane_index import LaneIndex, visible_extents
from viewer.core.timeline.lanes import LANES
from viewer.core.timeline.stance import StancePoint, flips
from viewer.core.timeline.timescale import Viewport


def synthetic(days: list[float], month_starts: list[float] = ()) -> TimelineData:  # type: ignore[assignment]
    n = len(days) + len(month_starts)
    start = np.array(list(days) + list(month_starts), dtype=np.float64)
    end = np.array([d + 1 for d in days] + [m + 30 for m in month_starts], dtype=np.float64)
    precision = np.array(
        [DAY_CODE] * len(days) + [PRECISION_CODE[Precision.MONTH]] * len(month_starts),
        dtype=np.int8,
    )
    return TimelineData.from_columns(
        [f"e{i}" for i in range(n)],
        [f"Event {i}" for i in range(n)],
        start,
        end,
        np.zeros(n, dtype=np.int8),
        np.zeros(n, dtype=np.int8),
        precision,
        np.zeros(n, dtype=np.bool_),
        np.zeros(n, dtype=np.bool_),
    )


def test_bins_cluster_close_points_and_split_when_zoomed() -> None:
    base = 737000.0
    data = synthetic([base + i for i in range(10)])
    far = Viewport(base - 1000, 10.0, 1000)  # 10 days a pixel: all in one bin
    bins = point_bins(data, far, [0], [14])
    assert bins.counts.tolist() == [10]
    near = Viewport(base - 5, 0.05, 1000)  # 20 px a day: every point alone
    bins = point_bins(data, near, [0], [14])
    assert bins.counts.tolist() == [1] * 10


def test_bins_only_cover_the_view() -> None:
    data = synthetic([float(d) for d in range(737000, 747000)])
    view = Viewport(740000, 0.5, 200)  # 100 days
    bins = point_bins(data, view, [0], [10])
    assert 95 <= int(bins.counts.sum()) <= 110


def test_vague_dates_are_grouped_by_extent() -> None:
    data = synthetic([], [737000.0, 737000.0, 737000.0, 737100.0])
    index = data.lanes[0]
    assert [len(e.rows) for e in index.extents] == [3, 1]
    assert len(visible_extents(index, Viewport(737050, 1, 100))) == 1


def test_catalog_timeline_columns(catalog: Catalog) -> None:
    data = catalog.timeline("trump-on-putin")
    row = data.row_of("2018-07-16-helsinki-summit")
    assert row is not None
    assert data.start[row] == dt.date(2018, 7, 16).toordinal()
    assert data.is_point(row)
    assert LANES[int(data.lane[row])].key == "meetings"
    vague = data.row_of("2018-11-buenos-aires-g20-meeting-cancelled")
    assert vague is not None and not data.is_point(vague)
    assert data.date_of(vague).label() == "Nov 2018"
    assert bool(data.cancelled[vague])


def test_flip_in_the_bundled_profile(catalog: Catalog) -> None:
    found = flips(catalog.stance("trump-on-putin"))
    assert [(f.before.tone, f.after.tone) for f in found] == [(Tone.WARM, Tone.COLD)]
    assert found[0].after.event_id == "2025-05-trump-putin-gone-crazy"


def test_flips_skip_neutral_and_coarse_points() -> None:
    def p(day: float, tone: Tone, span: float = 1) -> StancePoint:
        return StancePoint(day, day + span, tone, f"e{day}")

    points = [
        p(0, Tone.WARM),
        p(10, Tone.NEUTRAL),
        p(20, Tone.COLD, span=365),
        p(30, Tone.WARM),
        p(40, Tone.COLD),
    ]
    assert [(f.before.start, f.after.start) for f in flips(points)] == [(30, 40)]


def test_typed_dates() -> None:
    assert parse_typed_date("2018") == (
        dt.date(2018, 1, 1).toordinal(),
        dt.date(2019, 1, 1).toordinal(),
    )
    assert parse_typed_date("2018-07-16") == (
        dt.date(2018, 7, 16).toordinal(),
        dt.date(2018, 7, 17).toordinal(),
    )
    assert parse_typed_date("16/07/2018") == parse_typed_date("2018-07-16")
    assert parse_typed_date("2018-02") is not None
    for bad in ("", "July", "2018-13", "2018-02-30", "99999", "0 BCE", "44 BCE-03"):
        assert parse_typed_date(bad) is None
    # Before 1 CE: as people write it, or with a sign as ISO and EDTF do (-0043 is 44 BCE).
    ides_year = (float(Day(-43, 1, 1).toordinal()), float(Day(-42, 1, 1).toordinal()))
    assert parse_typed_date("44 BCE") == parse_typed_date("44 bc") == ides_year
    assert parse_typed_date("-0043") == parse_typed_date("-43") == ides_year
    assert parse_typed_date("-0043-03-15") == (
        float(Day(-43, 3, 15).toordinal()),
        float(Day(-43, 3, 16).toordinal()),
    )


def test_deep_time_is_typed_as_the_axis_writes_it() -> None:
    """ "Go to date" on a cosmological timeline: what the axis shows can be typed back."""
    for year in (-4_599_999_999, -4_599_999_998, -65_999_999, -13_799_999_999, -9_999):
        label = year_label(year)  # "4.6 billion years ago", "4,599,999,999 BCE", "10,000 BCE"
        assert parse_typed_date(label) == (
            float(Day(year, 1, 1).toordinal()),
            float(Day(year + 1, 1, 1).toordinal()),
        ), label
    assert parse_typed_date("66 million BCE") == parse_typed_date("66 m years ago")
    assert parse_typed_date("4.6 bn years ago") == parse_typed_date("4.6 billion years ago")
    for bad in ("4.6 billion", "30 billion years ago", "1,0000 BCE", "million years ago"):
        assert parse_typed_date(bad) is None, bad


def test_subset_keeps_only_the_chosen_events(catalog: Catalog) -> None:
    data = catalog.timeline("trump-on-putin")
    wanted = {"2018-07-16-helsinki-summit", "2019-06-osaka-g20-meeting"}
    part = data.subset(data.mask_of(wanted))
    assert set(part.ids) == wanted
    row = part.row_of("2018-07-16-helsinki-summit")
    assert row is not None
    assert part.titles[row] == "Helsinki summit"
    assert sum(len(lane.point_rows) + len(lane.extents) for lane in part.lanes) == 2


def test_with_events_adds_the_users_own_in_order(catalog: Catalog) -> None:
    from viewer.core.dates.user import parse_user_date

    data = catalog.timeline("trump-on-putin")
    date = parse_user_date("2018-07-17")
    assert date is not None
    both = data.with_events([("mine-1", "My interview", date, 2)])
    assert len(both) == len(data) + 1
    row = both.row_of("mine-1")
    assert row is not None and both.titles[row] == "My interview"
    assert list(both.start) == sorted(both.start)
    assert int(both.lane[row]) == 2


def _built_from_columns(data: TimelineData, keep: np.ndarray) -> TimelineData:
    rows = np.flatnonzero(keep)
    return TimelineData.from_columns(
        [data.ids[r] for r in rows],
        [data.titles[r] for r in rows],
        data.start[rows],
        data.end[rows],
        data.lane[rows],
        data.tone[rows],
        data.precision[rows],
        data.approximate[rows],
        data.cancelled[rows],
    )


def _same(a: TimelineData, b: TimelineData) -> None:
    assert a.ids == b.ids and a.titles == b.titles
    assert np.array_equal(a.point_pos, b.point_pos)
    for mine, theirs in zip(a.lanes, b.lanes, strict=True):
        assert np.array_equal(mine.point_days, theirs.point_days)
        assert np.array_equal(mine.point_rows, theirs.point_rows)
        unstacked = [replace(x, row=0) for x in mine.extents]
        assert unstacked == [replace(x, row=0) for x in theirs.extents]
        for name in (
            "extent_starts",
            "extent_ends",
            "extent_approximate",
            "extent_tones",
            "extent_counts",
            "extent_hollow",
            "member_rows",
            "member_starts",
        ):
            assert np.array_equal(getattr(mine, name), getattr(theirs, name)), name
        _stacked_well(mine)


def _stacked_well(lane: LaneIndex) -> None:
    """No two extents that overlap share a stacking row, and no row is left empty."""
    rows = lane.extent_rows
    assert set(rows.tolist()) == set(range(len(set(rows.tolist()))))
    for row in set(rows.tolist()):
        ends = lane.extent_ends[rows == row]
        starts = lane.extent_starts[rows == row]
        assert (starts[1:] >= ends[:-1]).all()


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.floats(0, 1))
def test_a_subset_is_what_building_from_the_kept_events_gives(seed: int, share: float) -> None:
    """The fast cut-down lanes equal lanes built from scratch, for any events kept."""
    rng = np.random.default_rng(seed)
    n = 300
    start = rng.integers(730_000, 731_000, n).astype(np.float64)
    precision = rng.integers(0, len(PRECISIONS), n).astype(np.int8)
    length = np.where(precision == DAY_CODE, 1, rng.choice([30, 90, 365], n))
    data = TimelineData.from_columns(
        [f"e{i:04d}" for i in range(n)],
        [f"Event {i}" for i in range(n)],
        start,
        start + length,
        rng.integers(0, len(LANES), n).astype(np.int8),
        rng.integers(0, 4, n).astype(np.int8),
        precision,
        rng.random(n) < 0.2,
        rng.random(n) < 0.1,
    )
    keep = rng.random(n) < share
    _same(data.subset(keep), _built_from_columns(data, keep))


def test_mask_of_finds_known_ids_and_ignores_unknown_ones(catalog: Catalog) -> None:
    data = catalog.timeline("trump-on-putin")
    known = {"2018-07-16-helsinki-summit", data.ids[0], data.ids[-1]}
    mask = data.mask_of(known | {"", "zzzz-after-all", "0000-before-all", "2018-07-16"})
    assert {data.ids[r] for r in np.flatnonzero(mask)} == known
    assert not data.mask_of(set()).any()
    assert not TimelineData.empty().mask_of({"x"}).any()


def test_left_and_right_step_by_first_day_then_lane_by_lane() -> None:
    """The documented order (Help > Keyboard shortcuts): by first day; on one day, lane
    by lane from the top."""
    day = 737000.0
    data = TimelineData.from_columns(
        ["a", "b", "c", "d"],
        ["A", "B", "C", "D"],
        np.array([day, day, day - 5, day + 1]),
        np.array([day + 1, day + 1, day - 4, day + 2]),
        np.array([2, 0, 3, 1], dtype=np.int8),
        np.zeros(4, dtype=np.int8),
        np.full(4, DAY_CODE, dtype=np.int8),
        np.zeros(4, dtype=np.bool_),
        np.zeros(4, dtype=np.bool_),
    )
    order = data.order(frozenset({0, 1, 2, 3}))
    assert [data.ids[r] for r in order] == ["c", "b", "a", "d"]
    assert [data.ids[r] for r in data.order(frozenset({2, 3}))] == ["c", "a"]
