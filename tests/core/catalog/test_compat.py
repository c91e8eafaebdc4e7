"""A catalog of schema version 1 (ISO days only, before BCE dates) still opens, read-only."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from viewer.core.catalog.read import Catalog
from viewer.core.dates.days import Day
from viewer.core.records import Quote
from viewer.core.search.engine import SearchEngine
from viewer.core.search.filters import Filters
from viewer.core.timeline.lanes import LANES

DATED = ("era", "event", "profile_action", "quote", "source")


def _take_back_to_3(db: sqlite3.Connection) -> None:
    """Version 3 had no lanes of its own: the political lanes, by kind."""
    # The column is under a foreign key, which SQLite will not drop it from: the key
    # goes from the table's definition first.
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'event'").fetchone()
    (version,) = db.execute("PRAGMA schema_version").fetchone()
    db.execute("PRAGMA writable_schema = ON")
    db.execute(
        "UPDATE sqlite_master SET sql = ? WHERE name = 'event'",
        (re.sub(r",\s*FOREIGN KEY\(lane_id\) REFERENCES lane \(id\)", "", sql),),
    )
    db.execute(f"PRAGMA schema_version = {version + 1}")
    db.execute("PRAGMA writable_schema = OFF")
    db.execute("ALTER TABLE event DROP COLUMN lane_id")
    db.execute("DROP TABLE lane")


def _take_back_to_2(db: sqlite3.Connection) -> None:
    """Version 2 had no date notes on quotes and actions, no rating basis, no aliases."""
    db.execute("DROP TABLE event_alias")
    db.execute("ALTER TABLE quote DROP COLUMN date_note")
    db.execute("ALTER TABLE profile_action DROP COLUMN date_note")
    kept = [
        r[1]
        for r in db.execute("PRAGMA table_info(profile)")
        if r[1] not in ("rating_source_id", "rating_note")
    ]
    # A column under a foreign key cannot be dropped: the table is made again without it.
    db.execute(f"CREATE TABLE profile_v2 AS SELECT {', '.join(kept)} FROM profile")
    db.execute("DROP TABLE profile")
    db.execute("ALTER TABLE profile_v2 RENAME TO profile")
    db.execute("ALTER TABLE source DROP COLUMN held_copy")
    db.execute("ALTER TABLE entity DROP COLUMN aliases")


def _take_back_to_1(db: sqlite3.Connection) -> None:
    """Version 1: no ordinal day columns, formatted summaries or headings either."""
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


@pytest.fixture(params=[1, 2, 3])
def version_1(request: pytest.FixtureRequest, built_catalog: Path, tmp_path: Path) -> Path:
    """Today's catalog taken back to an older schema version (1, 2 or 3)."""
    path = tmp_path / "old.sqlite"
    shutil.copy(built_catalog, path)
    with sqlite3.connect(path) as db:
        _take_back_to_3(db)
        if request.param <= 2:
            _take_back_to_2(db)
        if request.param == 1:
            _take_back_to_1(db)
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (request.param,))
    db.close()
    return path


def _undated_notes(quotes: list[tuple[Quote, str | None, str | None]]) -> list[object]:
    """What an older catalog can hold of each quote: no date note, no source's copy."""
    return [
        (
            dataclasses.replace(
                q, date_note=None, source=dataclasses.replace(q.source, held_copy=None)
            ),
            t,
            p,
        )
        for q, t, p in quotes
    ]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_older_catalog_reads_as_today_and_is_not_written(
    version_1: Path, built_catalog: Path
) -> None:
    before = _digest(version_1)
    with Catalog(version_1) as old, Catalog(built_catalog) as new:
        assert old.events() == new.events()
        assert old.eras() == new.eras()
        version = old._older
        quotes = new.all_quotes()
        assert old.all_quotes() == (quotes if version == 3 else _undated_notes(quotes))
        assert old.event_aliases() == ({} if version < 3 else new.event_aliases())
        assert old.lanes == LANES  # the political lanes, as the catalog was made with
        assert [(n.key, n.label, n.kinds) for n in new.lanes] == [
            (n.key, n.label, n.kinds) for n in LANES
        ]
        assert (old.timeline().lane == new.timeline().lane).all()
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
                assert found.events == same.events
                assert [h.quote.id for h in found.hits] == [h.quote.id for h in same.hits]
        finally:
            old_engine.close()
            new_engine.close()
        with old.orm_session() as session:  # the export's SQLAlchemy models read it too
            from viewer.core.catalog.schema import EventRow

            assert session.query(EventRow).count() == len(new.events())
    assert _digest(version_1) == before
    assert sorted(p.name for p in version_1.parent.iterdir()) == ["old.sqlite"]
