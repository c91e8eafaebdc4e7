"""The stance track as columns: the same points and flips as the records, stored at
build time, and what a view of any days shows."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from viewer.core.catalog.read import Catalog
from viewer.core.records import Tone
from viewer.core.timeline.columns import query_stance
from viewer.core.timeline.stance import Flip, StancePoint, StanceTrack

TONES = (Tone.WARM, Tone.COLD, Tone.MIXED, Tone.NEUTRAL)


def _flips_one_by_one(points: list[StancePoint]) -> list[Flip]:
    """The reference: walk the points in order, a flip wherever the sign turns."""
    out: list[Flip] = []
    last: StancePoint | None = None
    for point in points:
        if point.value == 0 or not point.orderable:
            continue
        if last is not None and point.value != last.value:
            out.append(Flip(last, point))
        last = point
    return out


def _random_points(seed: int, n: int) -> list[StancePoint]:
    rng = np.random.default_rng(seed)
    points = []
    for i in range(n):
        start = float(rng.integers(0, 5000))
        length = float(rng.choice([1, 31, 365, 1500]))
        points.append(StancePoint(start, start + length, TONES[rng.integers(0, 4)], f"e{i}"))
    return points


@pytest.mark.parametrize("seed", range(8))
def test_the_columns_give_the_records_and_flips_of_the_points(seed: int) -> None:
    points = _random_points(seed, 400)
    track = StanceTrack.of(points)
    ordered = sorted(points, key=lambda p: (p.day, p.event_id))
    assert list(track) == ordered
    assert track.flips == _flips_one_by_one(ordered)
    assert [f.day for f in track.flips] == track.flip_day.tolist()


@pytest.mark.parametrize("seed", range(8))
def test_in_view_is_every_point_whose_extent_meets_the_days(seed: int) -> None:
    points = _random_points(seed, 400)
    track = StanceTrack.of(points)
    rng = np.random.default_rng(100 + seed)
    for _ in range(20):
        first = float(rng.integers(-500, 6000))
        last = first + float(rng.choice([3, 60, 700, 9000]))
        expected = [i for i, p in enumerate(track) if p.end >= first and p.start <= last]
        assert track.in_view(first, last).tolist() == expected
        assert [f.day for f in track.flips_in(first, last)] == [
            f.day for f in track.flips if first <= f.day < last
        ]
        days, before, after = track.flip_ends_in(first, last)
        as_arrays = [
            Flip(track.point(b), track.point(a))
            for b, a in zip(before.tolist(), after.tolist(), strict=True)
        ]
        assert as_arrays == track.flips_in(first, last)
        assert days.tolist() == [f.day for f in as_arrays]


def test_the_track_stored_at_build_is_the_one_read_from_the_tables(catalog: Catalog) -> None:
    for profile in catalog.profiles():
        stored = catalog.stance_track(profile.id)
        from_tables = query_stance(catalog.raw_connection(), profile.id)
        assert list(stored) == list(from_tables)
        assert len(stored) > 0


def test_a_scribbled_stored_track_is_read_from_the_tables(
    built_catalog: Path, tmp_path: Path
) -> None:
    path = tmp_path / "scribbled.sqlite"
    shutil.copy(built_catalog, path)
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE timeline_cache SET data = X'FF00FF' "
            "WHERE profile_id = 'trump-on-putin' AND name = 'stance_tone'"
        )
    db.close()
    with Catalog(path) as scribbled, Catalog(built_catalog) as sound:
        assert list(scribbled.stance_track("trump-on-putin")) == list(
            sound.stance_track("trump-on-putin")
        )


def test_a_search_keeps_only_its_statements() -> None:
    track = StanceTrack.of(_random_points(3, 50))
    kept = track.only({"e1", "e7", "e30"})
    assert sorted(p.event_id for p in kept) == ["e1", "e30", "e7"]
    assert (np.diff(kept.day) >= 0).all()
