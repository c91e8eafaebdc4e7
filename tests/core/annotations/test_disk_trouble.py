"""A full or read-only disk is not damage: the file stays, is shown if it can be, and
nothing is lost; backups are only ever whole copies. Real small disks (tmpfs), as root."""

from __future__ import annotations

import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest

from tests.conftest import fill_disk
from viewer.core.annotations import files
from viewer.core.annotations.records import Annotation
from viewer.core.annotations.schema import SCHEMA_VERSION
from viewer.core.annotations.store import AnnotationStore


def _store(folder: Path) -> AnnotationStore:
    return AnnotationStore(folder / "annotations.sqlite", folder / "backups")


def _with_fifty_notes(folder: Path) -> None:
    store = _store(folder)
    store.save_many(Annotation(f"e{n}", f"note {n}", starred=True) for n in range(50))
    store.close()


def test_a_full_disk_leaves_a_sound_file_in_place_and_nothing_is_lost(small_disk: Path) -> None:
    _with_fifty_notes(small_disk)
    filler = fill_disk(small_disk)
    store = _store(small_disk)
    assert not list(small_disk.glob("annotations.sqlite.damaged-*"))
    assert (small_disk / "annotations.sqlite").exists()
    if store.read_only:  # could not even open for writing: said so, shown if readable
        assert "cannot be saved" in store.report.messages[0]
    else:
        with pytest.raises(sqlite3.OperationalError):  # the save fails, loudly
            store.save(Annotation("e-new", "x" * 200_000))
    store.close()
    filler.unlink()  # space freed: the next start has every note
    again = _store(small_disk)
    assert not again.read_only and len(again.annotations()) == 50
    again.close()


def test_a_read_only_disk_shows_the_notes_and_moves_nothing(small_disk: Path) -> None:
    _with_fifty_notes(small_disk)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    store = _store(small_disk)
    assert store.read_only and not store.unavailable
    assert "cannot be saved" in store.report.messages[0]
    assert len(store.annotations()) == 50
    assert sorted(p.name for p in small_disk.iterdir()) == ["annotations.sqlite"]
    store.close()


def test_an_empty_or_cut_backup_never_counts(tmp_path: Path) -> None:
    live = tmp_path / "annotations.sqlite"
    backups = tmp_path / "backups"
    _with_fifty_notes(tmp_path)
    backups.mkdir()
    empty = backups / "annotations-daily-20990101-000000.sqlite"
    empty.write_bytes(b"")  # a backup a full disk cut short, today's by its name
    assert files.backup_problem(empty) == "it is empty"
    assert files.newest_good_backup(live, backups) is None
    assert files.daily_backup(live, backups) is not None  # today's is taken all the same
    good = files.newest_good_backup(live, backups)
    assert good is not None and good != empty
    copy = AnnotationStore(good, tmp_path / "other")
    assert len(copy.annotations()) == 50
    copy.close()


def test_every_kind_of_backup_is_rotated_and_leaves_no_litter(tmp_path: Path) -> None:
    _with_fifty_notes(tmp_path)
    live, backups = tmp_path / "annotations.sqlite", tmp_path / "backups"
    backups.mkdir()
    for n in range(8):
        stale = backups / f"annotations-before-v{SCHEMA_VERSION}-2000010{n}-000000.sqlite"
        stale.write_bytes(live.read_bytes())
        (backups / f"{stale.name}-wal").write_bytes(b"")
        (backups / f"{stale.name}-journal").write_bytes(b"")
    files.backup(live, backups, f"before-v{SCHEMA_VERSION}")
    names = sorted(p.name for p in backups.iterdir())
    assert len(names) == files.KEEP_BACKUPS
    assert all(name.endswith(".sqlite") for name in names)


def test_two_instances_upgrading_an_old_file_at_once_both_open_it(tmp_path: Path) -> None:
    path = tmp_path / "annotations.sqlite"
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE annotation (event_id TEXT PRIMARY KEY, note TEXT NOT NULL "
        "DEFAULT '', starred INTEGER NOT NULL DEFAULT 0, updated TEXT NOT NULL)"
    )
    db.execute(
        "CREATE TABLE tag (event_id TEXT NOT NULL REFERENCES annotation(event_id) ON "
        "DELETE CASCADE, name TEXT NOT NULL, PRIMARY KEY (event_id, name))"
    )
    db.execute("CREATE INDEX ix_tag_name ON tag(name)")
    db.execute("INSERT INTO annotation VALUES ('e1', 'old', 1, '2020')")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    opened: list[AnnotationStore] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def open_one(n: int) -> None:
        start.wait()
        try:
            opened.append(AnnotationStore(path, tmp_path / f"backups{n}"))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_one, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert all(not s.read_only and s.get("e1").note == "old" for s in opened)
    assert files.user_version(path) == SCHEMA_VERSION
    for store in opened:
        store.close()
