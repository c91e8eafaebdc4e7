"""Rows by id, found through sorted hashes: every id is found at its row, an absent id
is not, and ids whose hashes collide are told apart by the ids themselves."""

from __future__ import annotations

import random

import numpy as np

from viewer.core.timeline.id_index import IdIndex


def test_every_id_is_found_at_its_row_and_absent_ones_are_not() -> None:
    rng = random.Random(3)
    ids = [f"event-{rng.randrange(10**12)}-{n}" for n in range(20_000)]
    index = IdIndex(ids)
    order = list(range(len(ids)))
    rng.shuffle(order)
    found = index.rows_of(ids[r] for r in order)
    assert found.tolist() == order
    assert index.row_of(ids[123]) == 123
    assert index.row_of("no such event") is None
    assert index.rows_of(["x", ids[5], "y"]).tolist() == [-1, 5, -1]
    assert IdIndex([]).row_of("x") is None
    assert index.rows_of([]).dtype == np.int64


class Colliding(str):
    """An id whose hash is the same as every other's (as two ids' hashes may be)."""

    def __hash__(self) -> int:
        return 42


def test_ids_sharing_a_hash_are_told_apart() -> None:
    ids = [Colliding(f"e{n}") for n in range(50)]
    index = IdIndex(ids)
    assert [index.row_of(Colliding(f"e{n}")) for n in range(50)] == list(range(50))
    assert index.row_of(Colliding("e50")) is None
