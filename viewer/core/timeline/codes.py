"""The codes the timeline's columns hold (precision and tone as small integers), the
array types they are kept in, and helpers for their arrays: groups laid end to end,
distinct values, values looked up in a sorted array."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from viewer.core.dates.fuzzy import Precision

if TYPE_CHECKING:  # the array types, for annotations (numpy.typing is not loaded to run)
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float64]
    IntArray = npt.NDArray[np.int64]
    BoolArray = npt.NDArray[np.bool_]

PRECISIONS: tuple[Precision, ...] = tuple(Precision)
PRECISION_CODE = {p: i for i, p in enumerate(PRECISIONS)}
DAY_CODE = PRECISION_CODE[Precision.DAY]
NEUTRAL = 3  # index of Tone.NEUTRAL in lanes.TONES: grey, for groups of mixed tones


def offsets(counts: IntArray) -> IntArray:
    """Where each group begins when groups of these sizes are laid end to end."""
    offsets = np.zeros(len(counts), dtype=np.int64)
    if len(counts) > 1:
        offsets[1:] = np.cumsum(counts[:-1])
    return offsets


def distinct(values: IntArray) -> IntArray:
    """The distinct values of an array, in order (np.unique without importing numpy.ma,
    which np.unique does at its first call: 12-20 ms, once, before the first paint)."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]


def located(ordered: IntArray, values: IntArray) -> tuple[IntArray, BoolArray]:
    """Where each of `values` is in the sorted array `ordered`, and whether it is there
    at all (np.isin by binary search: a few values looked up among many, each frame)."""
    if not len(ordered):
        return np.zeros(len(values), dtype=np.int64), np.zeros(len(values), dtype=np.bool_)
    at = np.minimum(np.searchsorted(ordered, values), len(ordered) - 1)
    return at, ordered[at] == values
