"""Looking after the annotations file: checks, moving a damaged one aside, backups."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
KEEP_BACKUPS = 5


def stamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%d-%H%M%S")


def problem_with(path: Path) -> str | None:
    """Why `path` is not a sound SQLite database, or None if it is."""
    with path.open("rb") as f:
        header = f.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        return "it is not a database file"
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = db.execute("PRAGMA integrity_check").fetchall()
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        return f"it cannot be read ({exc})"
    if rows != [("ok",)]:
        return "it fails the integrity check: " + "; ".join(str(r[0]) for r in rows[:3])
    return None


def user_version(path: Path) -> int:
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()


def move_aside(path: Path, reason: str) -> Path:
    """Rename a bad file (and its WAL files) to `<name>.<reason>-<stamp>`; never delete."""
    target = path.with_name(f"{path.name}.{reason}-{stamp()}")
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    path.rename(target)
    return target


def backup(path: Path, folder: Path, label: str) -> Path:
    """A consistent copy of the live database (SQLite's backup API), into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{path.stem}-{label}-{stamp()}.sqlite"
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target


def daily_backup(path: Path, folder: Path, now: dt.datetime | None = None) -> Path | None:
    """Take today's backup if there is none yet, keeping the newest `KEEP_BACKUPS`."""
    now = now or dt.datetime.now(dt.UTC)
    today = now.strftime("%Y%m%d")
    daily = sorted(folder.glob(f"{path.stem}-daily-*.sqlite")) if folder.exists() else []
    if any(p.name.startswith(f"{path.stem}-daily-{today}") for p in daily):
        return None
    taken = backup(path, folder, "daily")
    daily = sorted(folder.glob(f"{path.stem}-daily-*.sqlite"))
    for old in daily[:-KEEP_BACKUPS]:
        old.unlink()  # only our own rotating copies are ever removed
    return taken


def newest_good_backup(path: Path, folder: Path) -> Path | None:
    if not folder.exists():
        return None
    for candidate in sorted(
        folder.glob(f"{path.stem}-*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True
    ):
        if problem_with(candidate) is None:
            return candidate
    return None


def restore(backup_file: Path, path: Path) -> None:
    """Put a backup in place of the live file (the live one, if any, is moved aside)."""
    if path.exists():
        move_aside(path, "replaced")
    shutil.copy2(backup_file, path)
