"""The stance track: the tone of the subject's own words over time, and its flips.

Each event where the profile's subject is quoted becomes one point, with the tone
of what they said there (warm +1, mixed or neutral 0, cold -1). A flip is where
the tone turns from warm to cold or back, ignoring neutral points in between and
points dated only to a year or a longer interval, whose order against the others
the sources do not give.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from viewer.core.frozen import frozen
from viewer.core.records import Tone

if TYPE_CHECKING:
    import numpy.typing as npt

VALUE = {Tone.WARM: 1, Tone.MIXED: 0, Tone.NEUTRAL: 0, Tone.COLD: -1}
#: Longest extent (days) a point may have and still be ordered against others.
ORDERABLE_DAYS = 92


@frozen
class StancePoint:
    start: float  # first day of the event's extent
    end: float  # last day + 1
    tone: Tone
    event_id: str

    @property
    def day(self) -> float:
        return (self.start + self.end) / 2

    @property
    def orderable(self) -> bool:
        return self.end - self.start <= ORDERABLE_DAYS

    @property
    def value(self) -> int:
        return VALUE[self.tone]


@frozen
class Flip:
    before: StancePoint
    after: StancePoint

    @property
    def day(self) -> float:
        return (self.before.day + self.after.day) / 2

    @property
    def to_tone(self) -> Tone:
        return self.after.tone


def stance_points(quotes: Iterable[tuple[str, float, float, Tone]]) -> list[StancePoint]:
    """One point per event from (event id, start, end, quote tone) of the subject's quotes."""
    by_event: dict[str, tuple[float, float, Counter[Tone]]] = {}
    for event_id, start, end, tone in quotes:
        _, _, tones = by_event.setdefault(event_id, (start, end, Counter()))
        tones[tone] += 1
    points = [
        StancePoint(start, end, _dominant(tones), event_id)
        for event_id, (start, end, tones) in by_event.items()
    ]
    return sorted(points, key=lambda p: (p.day, p.event_id))


def _dominant(tones: Counter[Tone]) -> Tone:
    warm, cold = tones[Tone.WARM], tones[Tone.COLD]
    if warm and cold:
        return Tone.MIXED if warm == cold else (Tone.WARM if warm > cold else Tone.COLD)
    if warm or cold:
        return Tone.WARM if warm else Tone.COLD
    return Tone.MIXED if tones[Tone.MIXED] else Tone.NEUTRAL


def flips(points: Sequence[StancePoint]) -> list[Flip]:
    """Where the sign of the tone changes over time, skipping neutral and coarsely dated
    points (worked out by `StanceTrack`, the one place that says what a flip is)."""
    return StanceTrack.of(points).flips


_TONE_NUMBER = {Tone.WARM: 0, Tone.COLD: 1, Tone.MIXED: 2, Tone.NEUTRAL: 3}  # lanes.TONES
_NUMBER_TONE = {number: tone for tone, number in _TONE_NUMBER.items()}
_VALUE_OF_NUMBER = np.array([VALUE[_NUMBER_TONE[n]] for n in range(4)], dtype=np.int64)


@frozen(slots=False)
class StanceTrack:
    """The stance points as columns, by day, and their flips: made once per profile (read
    from the catalog's build-time columns) or search. A frame finds what is in view by
    bisection and, where the points are denser than the pixels, sums them per pixel bin;
    a point's record is made only when it is drawn or asked for."""

    event_ids: tuple[str, ...]
    start: npt.NDArray[np.float64]
    end: npt.NDArray[np.float64]
    tone: npt.NDArray[np.int8]  # the tone's number in lanes.TONES

    @classmethod
    def of(cls, points: Sequence[StancePoint]) -> StanceTrack:
        ordered = sorted(points, key=lambda p: (p.day, p.event_id))
        n = len(ordered)
        return cls(
            tuple(p.event_id for p in ordered),
            np.fromiter((p.start for p in ordered), dtype=np.float64, count=n),
            np.fromiter((p.end for p in ordered), dtype=np.float64, count=n),
            np.fromiter((_TONE_NUMBER[p.tone] for p in ordered), dtype=np.int8, count=n),
        )

    def __len__(self) -> int:
        return len(self.event_ids)

    def __iter__(self) -> Iterator[StancePoint]:
        return (self.point(i) for i in range(len(self)))

    def point(self, i: int) -> StancePoint:
        return StancePoint(
            float(self.start[i]),
            float(self.end[i]),
            _NUMBER_TONE[int(self.tone[i])],
            self.event_ids[i],
        )

    @cached_property
    def day(self) -> npt.NDArray[np.float64]:
        return (self.start + self.end) / 2

    @cached_property
    def value(self) -> npt.NDArray[np.int64]:
        """Warm +1, mixed and neutral 0, cold -1 (summed per bin)."""
        return _VALUE_OF_NUMBER[self.tone]

    @cached_property
    def wide(self) -> npt.NDArray[np.int64]:
        """The points dated to more than ORDERABLE_DAYS."""
        return np.flatnonzero(self.end - self.start > ORDERABLE_DAYS).astype(np.int64)

    @cached_property
    def _flip_ends(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Where the sign turns from one point to the next, skipping neutral and coarsely
        dated points (dated to more than ORDERABLE_DAYS: their order is not known)."""
        kept = np.flatnonzero((self.value != 0) & (self.end - self.start <= ORDERABLE_DAYS))
        signs = self.value[kept]
        turns = np.flatnonzero(signs[1:] != signs[:-1])
        return kept[turns], kept[turns + 1]

    @cached_property
    def flip_day(self) -> npt.NDArray[np.float64]:
        before, after = self._flip_ends
        return (self.day[before] + self.day[after]) / 2

    @property
    def flips(self) -> list[Flip]:
        return self._flips(0, len(self.flip_day))

    def _flips(self, lo: int, hi: int) -> list[Flip]:
        before, after = self._flip_ends
        return [
            Flip(self.point(int(a)), self.point(int(b)))
            for a, b in zip(before[lo:hi].tolist(), after[lo:hi].tolist(), strict=True)
        ]

    def in_view(self, first: float, last: float) -> npt.NDArray[np.int64]:
        """Indexes of the points whose extent meets the days `first` to `last`, by day."""
        bounds = np.searchsorted(self.day, [first - ORDERABLE_DAYS, last + ORDERABLE_DAYS])
        lo, hi = int(bounds[0]), int(bounds[1])
        start, end = self.start[lo:hi], self.end[lo:hi]
        near = np.flatnonzero((end >= first) & (start <= last)) + lo
        # A point dated to years reaches in from further away (they are few).
        wide = self.wide[(self.wide < lo) | (self.wide >= hi)]
        wide = wide[(self.end[wide] >= first) & (self.start[wide] <= last)]
        if not len(wide):
            return near
        # Both are in day order and apart (the wide ones lie outside near's range): put
        # each wide one in its place, not sort tens of thousands again (0.8 ms a frame).
        return np.insert(near, np.searchsorted(near, wide), wide)

    def flips_in(self, first: float, last: float) -> list[Flip]:
        lo, hi = np.searchsorted(self.flip_day, [first, last])
        return self._flips(int(lo), int(hi))

    def flip_ends_in(
        self, first: float, last: float
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """The flips between the days `first` and `last` as arrays, made into no objects
        (a frame needs a few markers of many flips): their days, and the indexes of the
        points before and after each."""
        lo, hi = (int(i) for i in np.searchsorted(self.flip_day, [first, last]))
        before, after = self._flip_ends
        return self.flip_day[lo:hi], before[lo:hi], after[lo:hi]

    def only(self, event_ids: set[str] | frozenset[str]) -> StanceTrack:
        """The points of these events (a search's), in the same order."""
        keep = np.fromiter(
            (e in event_ids for e in self.event_ids), dtype=np.bool_, count=len(self)
        )
        rows = np.flatnonzero(keep)
        return StanceTrack(
            tuple(self.event_ids[i] for i in rows.tolist()),
            self.start[rows],
            self.end[rows],
            self.tone[rows],
        )
