"""A catalog of schema version 1 (ISO days only, before BCE dates) still opens, read-only."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from viewer.core.catalog import Catalog
from viewer.core.days import Day
from viewer.core.search import Filters, SearchEngine

DATED = ("era", "event", "profile_action", "quote", "source")


@pytest.fixture
def version_1(built_catalog: Path, tmp_path: Path) -> Path:
    """Today's catalog taken back to version 1: no ordinal day columns."""
    path = tmp_path / "old.sqlite"
    shutil.copy(built_catalog, path)
    with sqlite3.connect(path) as db:
        names = db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '%first_day%'"
        ).fetchall()
        for (name,) in names:
            db.execute(f"DROP INDEX {name}")
        for table in DATED:
            db.execute(f"ALTER TABLE {table} DROP COLUMN first_day")
            db.execute(f"ALTER TABLE {table} DROP COLUMN last_day")
        db.execute("ALTER TABLE event DROP COLUMN summary_html")
        db.execute("ALTER TABLE profile DROP COLUMN summary_html")
        db.execute("ALTER TABLE profile DROP COLUMN title")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    db.close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_older_catalog_reads_as_today_and_is_not_written(
    version_1: Path, built_catalog: Path
) -> None:
    before = _digest(version_1)
    with Catalog(version_1) as old, Catalog(built_catalog) as new:
        assert old.events() == new.events()
        assert old.eras() == new.eras()
        assert old.all_quotes() == new.all_quotes()
        assert old.stance("trump-on-putin") == new.stance("trump-on-putin")
        assert old.event_labels() == new.event_labels()
        assert list(old.timeline("trump-on-putin").ids) == list(new.timeline("trump-on-putin").ids)
        # The search thread's own connection gets the same columns.
        window = Filters(start=Day(2018, 1, 1).toordinal(), end=Day(2018, 12, 31).toordinal())
        old_engine, new_engine = SearchEngine(old), SearchEngine(new)
        try:
            for text in ("putin", "president"):
                found = old_engine.search(text, filters=window)
                same = new_engine.search(text, filters=window)
                assert found.hits or found.events
                assert (found.hits, found.events) == (same.hits, same.events)
        finally:
            old_engine.close()
            new_engine.close()
        with old.session() as session:  # the export's SQLAlchemy models read it too
            from viewer.core.schema import EventRow

            assert session.query(EventRow).count() == len(new.events())
    assert _digest(version_1) == before
    assert sorted(p.name for p in version_1.parent.iterdir()) == ["old.sqlite"]
