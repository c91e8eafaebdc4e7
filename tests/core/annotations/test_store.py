"""The annotations database on real files: saving, upgrades, damage, newer versions."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from viewer.core.annotations import files
from viewer.core.annotations.records import Annotation, UserEvent
from viewer.core.annotations.schema import SCHEMA_VERSION, STEPS
from viewer.core.annotations.scope import Scope
from viewer.core.annotations.store import AnnotationStore, ReadOnlyError


def open_store(tmp_path: Path) -> AnnotationStore:
    return AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")


def test_save_and_read_back(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.save(
        Annotation(
            "2018-07-16-helsinki-summit", "Check *this*", ("essay", "press"), True, "#E69F00"
        )
    )
    store.close()
    again = open_store(tmp_path)
    got = again.get("2018-07-16-helsinki-summit")
    assert (got.note, got.tags, got.starred, got.colour) == (
        "Check *this*",
        ("essay", "press"),
        True,
        "#E69F00",
    )
    assert again.tags_in_use() == [("essay", 1), ("press", 1)]
    assert (
        sqlite3.connect(tmp_path / "annotations.sqlite")
        .execute("PRAGMA journal_mode")
        .fetchone()[0]
        == "wal"
    )
    again.close()


def test_an_emptied_annotation_is_removed(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.save(Annotation("e1", "note", ("t",)))
    store.save(Annotation("e1"))
    assert store.annotations() == {}
    assert store.tags_in_use() == []


def test_user_events_round_trip(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.save_user_event(
        UserEvent("mine-1", "Interview with a source", "2019-03", "statement", "n")
    )
    store.save_user_event(UserEvent("mine-1", "Interview (moved)", "2019-04", "statement"))
    [event] = store.user_events()
    assert (event.title, event.date) == ("Interview (moved)", "2019-04")
    store.delete_user_event("mine-1")
    assert store.user_events() == []


def _version_one(path: Path) -> None:
    db = sqlite3.connect(path)
    for statement in STEPS[1]:
        db.execute(statement)
    db.execute("INSERT INTO annotation VALUES ('e1', 'old note', 1, '2024-01-01T00:00:00Z')")
    db.execute("INSERT INTO tag VALUES ('e1', 'kept')")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()


def test_upgrade_from_every_earlier_version_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "annotations.sqlite"
    _version_one(path)
    store = open_store(tmp_path)
    assert store.report.upgraded_from == 1
    assert store.report.backup_taken and Path(store.report.backup_taken).exists()
    assert files.user_version(Path(store.report.backup_taken)) == 1
    got = store.get("e1")
    assert (got.note, got.tags, got.starred, got.colour) == ("old note", ("kept",), True, None)
    assert files.user_version(path) == SCHEMA_VERSION


def test_a_failing_upgrade_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "annotations.sqlite"
    _version_one(path)
    broken = dict(STEPS)
    broken[2] = (*STEPS[2], "THIS IS NOT SQL")
    monkeypatch.setattr("viewer.core.annotations.opening.STEPS", broken)
    store = open_store(tmp_path)  # not upgraded: left as it was, nothing shown or saved
    assert store.read_only and store.unavailable
    assert "cannot be saved" in store.report.messages[0]
    assert "left where it is, untouched" in store.report.messages[0]
    store.close()
    assert files.user_version(path) == 1
    columns = [r[1] for r in sqlite3.connect(path).execute("PRAGMA table_info(annotation)")]
    assert "colour" not in columns


def test_a_newer_database_is_opened_read_only_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "annotations.sqlite"
    store = open_store(tmp_path)
    store.save(Annotation("e1", "from the future"))
    store.close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = path.read_bytes()
    newer = open_store(tmp_path)
    assert newer.read_only
    assert "newer version" in newer.report.messages[0]
    assert newer.get("e1").note == "from the future"
    with pytest.raises(ReadOnlyError):
        newer.save(Annotation("e1", "overwrite"))
    newer.close()
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "content", [b"this is a text file, not a database", b"SQLite format 3\x00" + b"\xff" * 5000]
)
def test_a_damaged_file_is_moved_aside_never_deleted(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "annotations.sqlite"
    path.write_bytes(content)
    store = open_store(tmp_path)
    assert store.report.moved_aside is not None
    kept = Path(store.report.moved_aside)
    assert kept.read_bytes() == content
    assert str(kept) in store.report.messages[0]
    store.save(Annotation("e1", "fresh start"))
    assert store.check() is None


def test_daily_backups_rotate(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.save(Annotation("e1", "x"))
    folder = tmp_path / "backups"
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    for day in range(8):
        when = start + dt.timedelta(days=day)
        taken = files.daily_backup(store.path, folder, when)
        assert taken is not None
        taken.rename(folder / f"annotations-daily-{when:%Y%m%d}-000000.sqlite")
    assert files.daily_backup(store.path, folder, start + dt.timedelta(days=7)) is None
    assert len(list(folder.glob("annotations-daily-*.sqlite"))) == files.KEEP_BACKUPS
    good = files.newest_good_backup(store.path, folder)
    assert good is not None and files.problem_with(good) is None


def test_orphans_are_kept_and_can_be_reattached(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.save(Annotation("renamed-event", "my note", ("a",)))
    store.save(Annotation("still-here", "other", ("b",)))
    orphans = store.orphaned({"still-here", "new-name"})
    assert [o.event_id for o in orphans] == ["renamed-event"]
    store.reattach("renamed-event", "new-name")
    assert store.orphaned({"still-here", "new-name"}) == []
    assert store.get("new-name").note == "my note"


def test_tag_counts_follow_every_kind_of_change(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.save(Annotation("e1", "", ("a", "b")))
    assert store.tags_in_use() == [("a", 1), ("b", 1)]
    store.save(Annotation("e2", "", ("a",)))
    store.save(Annotation("e1", "", ("b", "c")))
    assert store.tags_in_use() == [("a", 1), ("b", 1), ("c", 1)]
    store.save(Annotation("e1"))  # emptied
    assert store.tags_in_use() == [("a", 1)]
    store.delete("e2")
    assert store.tags_in_use() == []
    fresh = open_store(tmp_path)
    assert fresh.tags_in_use() == store.tags_in_use()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_every_earlier_version_upgrades_with_its_notes_searchable(
    tmp_path: Path, version: int
) -> None:
    path = tmp_path / "annotations.sqlite"
    db = sqlite3.connect(path)
    for step in range(1, version + 1):
        for statement in STEPS[step]:
            db.execute(statement)
    db.execute(
        "INSERT INTO annotation (event_id, note, starred, updated) "
        "VALUES ('e1', 'an old élysée note', 1, '2024-01-01T00:00:00Z')"
    )
    db.execute("INSERT INTO tag VALUES ('e1', 'kept')")
    db.execute(f"PRAGMA user_version = {version}")
    db.commit()
    db.close()
    store = open_store(tmp_path)
    assert store.report.upgraded_from == version
    assert store.index().in_scope(Scope("tag", "kept")) == {"e1"}

    def found(word: str) -> list[str]:
        with sqlite3.connect(path) as check:
            return [
                r[0]
                for r in check.execute(
                    "SELECT a.event_id FROM note_fts JOIN annotation a "
                    "ON a.rowid = note_fts.rowid WHERE note_fts MATCH ?",
                    (word,),
                )
            ]

    assert found("elysee") == ["e1"]  # the old notes went into the new index
    store.save(Annotation("e1", "rewritten entirely"))
    assert found("elysee") == [] and found("rewritten") == ["e1"]  # kept in step
    store.close()


def test_a_change_writes_only_the_fields_it_changed(tmp_path: Path) -> None:
    """Two writers over time: one stars from a stale copy; the other's note and tag stay."""
    store = open_store(tmp_path)
    stale = store.get("e1")  # read before the other writer's note
    store.save(Annotation("e1", "written elsewhere", ("from-A",)))
    saved = store.save_change(stale, Annotation("e1", starred=True))
    assert (saved.note, saved.tags, saved.starred) == ("written elsewhere", ("from-A",), True)
    unstarred = store.save_change(saved, Annotation("e1", "written elsewhere", ("from-A",)))
    assert unstarred.note == "written elsewhere" and not unstarred.starred
    cleared = store.save_change(unstarred, Annotation("e1"))  # nothing left: removed
    assert cleared.is_empty and "e1" not in store.annotations()
    store.close()
