"""Titles kept as the catalog stores them read back as the list they were made from,
and a stored blob that does not add up is refused (the columns are then queried)."""

from __future__ import annotations

import pytest

from viewer.core.timeline.columns import SEPARATOR
from viewer.core.timeline.packed_titles import PackedTitles

TITLES = ["Helsinki summit", "", "Встреча в Хельсинки", "Trump–Putin call · 2025", "x"]


def _packed(titles: list[str]) -> PackedTitles:
    packed = PackedTitles.split(SEPARATOR.join(titles).encode("utf-8"), SEPARATOR, len(titles))
    assert packed is not None
    return packed


def test_titles_read_back_as_they_were_made() -> None:
    packed = _packed(TITLES)
    assert len(packed) == len(TITLES)
    assert list(packed) == TITLES and packed == TITLES and packed == tuple(TITLES)
    assert [packed[i] for i in range(-len(TITLES), len(TITLES))] == TITLES + TITLES
    assert packed[1:4] == TITLES[1:4] and packed[::-2] == TITLES[::-2]
    assert _packed([""]) == [""]
    with pytest.raises(IndexError):
        packed[len(TITLES)]


@pytest.mark.parametrize(
    "blob, count",
    [
        (SEPARATOR.join(TITLES).encode(), len(TITLES) + 1),  # a title missing
        (SEPARATOR.join(TITLES).encode(), len(TITLES) - 1),  # one too many
        (b"a\x1fb" + b"\xff\xfe", 2),  # not UTF-8
        (b"", 0),
    ],
)
def test_a_blob_that_does_not_add_up_is_refused(blob: bytes, count: int) -> None:
    assert PackedTitles.split(blob, SEPARATOR, count) is None
