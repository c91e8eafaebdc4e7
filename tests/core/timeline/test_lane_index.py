"""A lane's index answers which of its vague extents hold given events (what the
timeline's search frames ask, a few rows among a million)."""

from __future__ import annotations

import numpy as np

from tests.core.timeline.test_data import synthetic


def test_the_extents_holding_events_are_found_from_their_rows() -> None:
    base = 737000.0
    days = [base + i for i in range(5)]
    months = [base + 40 * i for i in range(30)]
    data = synthetic(days, months)
    index = data.lanes[0]
    starts = [*index.member_starts.tolist(), len(index.member_rows)]
    holds = {
        e: set(index.member_rows[starts[e] : starts[e + 1]].tolist())
        for e in range(len(index.member_starts))
    }
    rng = np.random.default_rng(5)
    for _ in range(20):
        rows = np.sort(rng.choice(len(data.ids), size=int(rng.integers(0, 12)), replace=False))
        wanted = sorted(e for e, members in holds.items() if members & set(rows.tolist()))
        assert index.extents_of(rows).tolist() == wanted
    assert index.extents_of(np.array([0, 1], dtype=np.int64)).tolist() == []  # exact days
