"""Event titles kept as the catalog stores them, one UTF-8 blob, each read when asked.

A million titles split into a million Python strings took 0.14 s of opening a
catalog, and a frame reads a few hundred of them: the blob is kept, with where each
title begins, and a title is decoded when it is drawn, listed or searched.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, overload

import numpy as np

if TYPE_CHECKING:
    import numpy.typing as npt


class PackedTitles(Sequence[str]):
    """Titles joined by a one-byte separator (as the catalog stores them)."""

    def __init__(self, blob: bytes, bounds: npt.NDArray[np.int64]) -> None:
        self._blob = blob
        self._bounds = bounds  # title i is blob[bounds[i] : bounds[i + 1] - 1]

    @classmethod
    def split(cls, blob: bytes, separator: str, count: int) -> PackedTitles | None:
        """The `count` titles of `blob`, or None when it does not hold that many or is not
        UTF-8 (checked once here, 30 ms for a million titles: no string is kept)."""
        mark = separator.encode("utf-8")
        if len(mark) != 1 or count < 1:
            return None
        try:
            blob.decode("utf-8")
        except UnicodeDecodeError:
            return None
        seps = np.flatnonzero(np.frombuffer(blob, dtype=np.uint8) == mark[0])
        if len(seps) != count - 1:
            return None
        bounds = np.empty(count + 1, dtype=np.int64)
        bounds[0] = 0
        bounds[1:-1] = seps + 1
        bounds[-1] = len(blob) + 1
        return cls(blob, bounds)

    def __len__(self) -> int:
        return len(self._bounds) - 1

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        n = len(self)
        if not -n <= index < n:
            raise IndexError(index)
        index %= n
        start, end = int(self._bounds[index]), int(self._bounds[index + 1]) - 1
        return self._blob[start:end].decode("utf-8")  # whole characters: checked in split

    def __iter__(self) -> Iterator[str]:
        blob, bounds = self._blob, self._bounds.tolist()
        for start, end in itertools.pairwise(bounds):
            yield blob[start : end - 1].decode("utf-8")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]
