"""Finding an event's row by its id among a million without a dict of a million.

A dict from id to row costs 0.4 s to make for a million events, and the first paint
needs a few rows (the stance track's flips, the selection). The index keeps each id's
hash in a sorted numpy array (0.15 s for a million, made when first asked): a lookup
is a binary search and a comparison of the ids that share the hash.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import numpy.typing as npt


class IdIndex:
    """Rows of `ids` by id; the ids are unique."""

    def __init__(self, ids: Sequence[str]) -> None:
        self._ids = ids
        hashes = np.fromiter(map(hash, ids), dtype=np.int64, count=len(ids))
        self._order = np.argsort(hashes)  # ties only where hashes collide: any order
        self._hashes = hashes[self._order]

    def row_of(self, event_id: str) -> int | None:
        """The row of `event_id`, or None when there is none."""
        row = int(self.rows_of([event_id])[0])
        return None if row < 0 else row

    def rows_of(self, event_ids: Iterable[str]) -> npt.NDArray[np.int64]:
        """The row of each id, -1 where there is none (in one vectorised search)."""
        wanted = list(event_ids)
        found = np.full(len(wanted), -1, dtype=np.int64)
        if not wanted or not len(self._ids):
            return found
        hashes = np.fromiter(map(hash, wanted), dtype=np.int64, count=len(wanted))
        starts = np.searchsorted(self._hashes, hashes).tolist()
        sorted_hashes, order, ids, end = self._hashes, self._order, self._ids, len(self._ids)
        for k, (event_id, start) in enumerate(zip(wanted, starts, strict=True)):
            h = hash(event_id)
            at = start
            while at < end and sorted_hashes[at] == h:  # almost always once
                row = int(order[at])
                if ids[row] == event_id:
                    found[k] = row
                    break
                at += 1
        return found
