"""Looking after the annotations file: checks, moving a damaged one aside, backups."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from contextlib import suppress
from pathlib import Path

from viewer.core.errors import ViewerError

SQLITE_HEADER = b"SQLite format 3\x00"
KEEP_BACKUPS = 5
#: The files SQLite may keep beside a database.
COMPANIONS = ("-wal", "-shm", "-journal")


def stamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%d-%H%M%S")


class UnreadableError(ViewerError):
    """The file could not be read for a reason outside it: permissions, a full or
    read-only disk, an I/O error, a lock. The file may be sound: it is never moved."""


#: SQLite's words for a file that is not (or no longer) a sound database.
_DAMAGE = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether a SQLite error says the file itself is broken (not the disk or a lock)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name:
        return name.startswith(_DAMAGE)
    return any(words in str(exc) for words in ("malformed", "not a database"))


def problem_with(path: Path) -> str | None:
    """Why `path` is damaged (not a database, or failing its integrity check), or None if
    it is sound. `UnreadableError` when that cannot be told (a disk or permission problem)."""
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise UnreadableError(exc.strerror or str(exc)) from exc
    if header and header != SQLITE_HEADER:
        return "it is not a database file"
    try:
        db = connect_read_only(path)
        try:
            rows = db.execute("PRAGMA integrity_check").fetchall()
        finally:
            db.close()
    except sqlite3.Error as exc:
        if is_damage(exc):
            return f"it cannot be read ({exc})"
        raise UnreadableError(str(exc)) from exc
    if rows != [("ok",)]:
        return "it fails the integrity check: " + "; ".join(str(r[0]) for r in rows[:3])
    return None


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection; on a read-only disk, where SQLite cannot make the shared
    memory file it wants beside a WAL database, one that reads the file as it stands."""
    uri = path.resolve().as_uri()
    db = sqlite3.connect(f"{uri}?mode=ro", uri=True)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        db.close()
        db = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
    return db


def backup_problem(path: Path) -> str | None:
    """Why a backup cannot be restored from, or None: an empty or unfinished copy never
    counts, nor one without annotations tables."""
    try:
        if path.stat().st_size == 0:
            return "it is empty"
        problem = problem_with(path)
        if problem is None and user_version(path) < 1:
            problem = "it holds no annotations tables"
    except (UnreadableError, OSError, sqlite3.Error) as exc:
        return f"it cannot be read ({exc})"
    return problem


def user_version(path: Path) -> int:
    db = connect_read_only(path)
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()


def move_aside(path: Path, reason: str) -> Path:
    """Rename a bad file (and its WAL files) to `<name>.<reason>-<stamp>`; never delete."""
    target = path.with_name(f"{path.name}.{reason}-{stamp()}")
    for suffix in COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    path.rename(target)
    return target


def backup(path: Path, folder: Path, label: str) -> Path:
    """A consistent copy of the live database (SQLite's backup API), into `folder`.

    Written under a temporary name, checked, then renamed: a copy cut short by a full
    disk or a kill is never taken for a backup. Copies of the same label beyond the
    newest `KEEP_BACKUPS` are removed (only our own copies are ever removed)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{path.stem}-{label}-{stamp()}.sqlite"
    partial = target.with_name(f".{target.name}.partial")
    try:
        source = connect_read_only(path)
        try:
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                copy.close()
        finally:
            source.close()
        if (problem := backup_problem(partial)) is not None:
            raise UnreadableError(f"the copy made is not sound: {problem}")
        partial.replace(target)
    finally:
        for leftover in (partial, *(partial.with_name(partial.name + s) for s in COMPANIONS)):
            with suppress(OSError):
                leftover.unlink()
    rotate(folder, f"{path.stem}-{label}-")
    return target


def rotate(folder: Path, prefix: str) -> None:
    """Keep the newest `KEEP_BACKUPS` copies named `prefix…`, with nothing beside them:
    a finished copy is one self-contained file, so a journal or WAL file of one, or a
    partial copy a kill left, is only litter."""
    copies = sorted(folder.glob(f"{prefix}*.sqlite"))
    litter = [*folder.glob(f"{prefix}*.sqlite-*"), *folder.glob(f".{prefix}*.partial*")]
    for old in [*copies[:-KEEP_BACKUPS], *litter]:
        with suppress(OSError):
            old.unlink()


def daily_backup(path: Path, folder: Path, now: dt.datetime | None = None) -> Path | None:
    """Take today's backup if there is no sound one yet, keeping the newest `KEEP_BACKUPS`."""
    now = now or dt.datetime.now(dt.UTC)
    today = now.strftime("%Y%m%d")
    daily = sorted(folder.glob(f"{path.stem}-daily-{today}*.sqlite")) if folder.exists() else []
    if any(backup_problem(p) is None for p in daily):
        return None
    return backup(path, folder, "daily")


def newest_good_backup(path: Path, folder: Path) -> Path | None:
    if not folder.exists():
        return None
    for candidate in sorted(
        folder.glob(f"{path.stem}-*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True
    ):
        if backup_problem(candidate) is None:
            return candidate
    return None


def restore(backup_file: Path, path: Path) -> None:
    """Put a backup in place of the live file (the live one, if any, is moved aside)."""
    if path.exists():
        move_aside(path, "replaced")
    shutil.copy2(backup_file, path)
