"""The counts a catalog shows at start are stored when it is built; a catalog without
them, or with stored counts that do not read as counts, is counted instead."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from viewer.core.catalog.read import Catalog
from viewer.core.catalog.summary import count_profile_events, count_rows
from viewer.core.paths import bundled_catalog


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "catalog.sqlite"
    shutil.copyfile(bundled_catalog(), path)
    return path


def _counted(path: Path) -> tuple[dict[str, int], dict[str, int]]:
    db = sqlite3.connect(path)
    try:
        return count_rows(db), count_profile_events(db)
    finally:
        db.close()


def test_the_built_catalog_stores_what_counting_finds(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    rows, per_profile = _counted(path)
    statements: list[str] = []
    with Catalog(path) as catalog:
        catalog.trace(statements.append)
        assert list(catalog.counts().items()) == list(rows.items())  # same order too
        main = catalog.profiles_main_first()[0]
    assert main.id == max(per_profile, key=lambda p: per_profile[p])
    assert not any("count(" in s for s in statements), statements  # read, not counted


@pytest.mark.parametrize(
    "stored",
    [None, "not json", '["a list"]', '{"event": -1}', '{"event": "49"}', '{"event": 1.5}'],
)
def test_missing_or_unreadable_counts_are_counted_instead(
    tmp_path: Path, stored: str | None
) -> None:
    path = _copy(tmp_path)
    db = sqlite3.connect(path)
    with db:
        db.execute("DELETE FROM meta WHERE key IN ('counts', 'profile_events')")
        if stored is not None:
            db.execute(
                "INSERT INTO meta VALUES ('counts', ?), ('profile_events', ?)", (stored, stored)
            )
    db.close()
    rows, per_profile = _counted(path)
    with Catalog(path) as catalog:
        assert list(catalog.counts().items()) == list(rows.items())  # same order too
        assert catalog.profiles_main_first()[0].id == max(per_profile, key=lambda p: per_profile[p])


def test_speakers_are_everyone_quoted(tmp_path: Path) -> None:
    with Catalog(bundled_catalog()) as catalog:
        speakers = {e.id for e in catalog.speakers()}
    db = sqlite3.connect(bundled_catalog())
    try:
        quoted = {r[0] for r in db.execute("SELECT DISTINCT speaker_id FROM quote")}
    finally:
        db.close()
    assert speakers == quoted and speakers
