"""The quick overlap check agrees with the merge it lets the timeline skip."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.ui.timeline.scene import _any_overlap, _merge_overlapping


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 2000, allow_nan=False), st.integers(1, 10**7)),
        min_size=0,
        max_size=30,
    )
)
def test_no_overlap_found_means_the_merge_would_change_nothing(
    bins: list[tuple[float, int]],
) -> None:
    bins.sort()
    xs = np.array([x for x, _ in bins], dtype=np.float64)
    counts = np.array([c for _, c in bins], dtype=np.int64)
    merged_xs, _counts, _first = _merge_overlapping(
        xs.tolist(), counts.tolist(), list(range(len(bins)))
    )
    assert _any_overlap(xs, counts) == (len(merged_xs) < len(bins))
