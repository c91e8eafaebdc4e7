"""Opening a catalog file read-only, and refusing one that is not sound.

A catalog made by this app has exactly its tables (no view or trigger, so no SQL a
file carries ever runs), a schema version this app reads (an older one is read
through `compat`'s added columns), and passes SQLite's quick_check (small files, once
per process). Every refusal says what the file is and what to do.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from viewer.core.catalog.compat import OLDER_VERSIONS, add_new_columns
from viewer.core.catalog.version import SCHEMA_VERSION
from viewer.core.errors import CatalogError


def read_only_uri(path: Path) -> str:
    """A SQLite URI that reads `path` without ever writing to it (a live file: locks kept)."""
    return path.resolve().as_uri() + "?mode=ro"


def catalog_uri(path: Path) -> str:
    """A catalog is never changed while open: `immutable` reads it without locks, so not
    even a -shm or -wal file appears beside it (whatever file `--db` points at)."""
    return read_only_uri(path) + "&immutable=1"


#: The tables every catalog this app made has had, in every schema version it reads.
REQUIRED_TABLES = frozenset(
    {
        "meta", "entity", "source", "era", "profile", "profile_action", "criticism", "event",
        "event_participant", "event_profile", "event_source", "quote", "quote_fts", "event_fts",
    }
)  # fmt: skip

# Catalogs up to this size get SQLite's quick_check when opened (the bundled one takes
# 2 ms); bigger ones, which would take a noticeable time, are trusted.
QUICK_CHECK_BYTES = 16_000_000
# Files found sound in this process, as (path, size, modification time): the window, the
# search thread and the annotation loader each open the catalog, and only the first
# open pays for the check.
_FOUND_SOUND: set[tuple[str, int, int]] = set()


def connect(path: Path, older: int = 0) -> sqlite3.Connection:
    """A fresh read-only connection to the catalog at `path` whose rows are read by
    column name; `older`: the older schema version it has (its new columns added)."""
    conn = sqlite3.connect(catalog_uri(path), uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row  # rows read by column name, never by position
    if older:
        add_new_columns(conn, older)
    return conn


def open_checked(path: Path) -> tuple[sqlite3.Connection, int]:
    """A connection to the sound catalog at `path` and the older schema version it has
    (0: today's); CatalogError, saying why and what to do, for anything else."""
    if path.is_dir():
        raise CatalogError(f"{path} is a folder, not a catalog file.")
    if not path.is_file():
        raise CatalogError(f"The catalog {path} does not exist.")
    try:
        db = connect(path)
    except sqlite3.Error as exc:
        raise CatalogError(f"{path} cannot be opened: {exc}") from exc
    try:
        return db, _check(db, path)
    except BaseException:
        db.close()
        raise


def damage(db: sqlite3.Connection) -> str | None:
    """What SQLite's quick_check finds wrong with the file, or None when it is sound."""
    try:
        verdict = str(db.execute("PRAGMA quick_check").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        verdict = str(exc)
    return None if verdict == "ok" else verdict


def _check(db: sqlite3.Connection, path: Path) -> int:
    """The older schema version `db` has (0: today's), after every check."""
    older = 0
    try:
        _check_tables(db, path)
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError as exc:
        if _starts_with(path, b"{"):
            raise CatalogError(
                f"{path} is a JSON document, not a catalog. An exported catalog becomes "
                f"one with: timeline-viewer build-data --from-json {path} --out "
                "NEW.sqlite; a TimelineJS file with: timeline-viewer import "
                f"{path} (or File > Import a TimelineJS timeline)."
            ) from exc
        raise CatalogError(
            f"{path} is not a readable catalog ({exc}). Open a catalog made by this "
            "app: the bundled one, an imported timeline, or one built from data."
        ) from exc
    version = meta.get("schema_version")
    if str(version).isdigit() and int(str(version)) in OLDER_VERSIONS:
        older = int(str(version))
        add_new_columns(db, older)
    elif version != str(SCHEMA_VERSION):
        newer = str(version).isdigit() and int(str(version)) > SCHEMA_VERSION
        raise CatalogError(
            f"{path} has catalog schema version {version}; this app reads version "
            f"{SCHEMA_VERSION}. "
            + (
                "Update the app to open it."
                if newer
                else "Rebuild it from its data with this version's build-data."
            )
        )
    stat = path.stat()
    seen = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if stat.st_size > QUICK_CHECK_BYTES or seen in _FOUND_SOUND:
        return older
    if problem := damage(db):
        raise CatalogError(
            f"{path} is damaged ({problem}). Reinstall the app, or rebuild the "
            "catalog from its data (build-data)."
        )
    _FOUND_SOUND.add(seen)
    return older


def _check_tables(db: sqlite3.Connection, path: Path) -> None:
    """Before anything is read: a catalog made by this app has exactly its tables and
    no view or trigger. A file with either is refused unread, so no SQL it carries
    ever runs (a view named like a table would run on the first query)."""
    rows = db.execute("SELECT type, name FROM main.sqlite_master").fetchall()
    if ("table", "meta") not in {(t, n) for t, n in rows}:
        raise CatalogError(
            f"{path} is not a readable catalog (it has no meta table). "
            "Open a catalog made by this app: the bundled one, an imported timeline, "
            "or one built from data."
        )
    code = sorted(f"{t} {n}" for t, n in rows if t in ("view", "trigger"))
    if code:
        raise CatalogError(
            f"{path} is not a catalog made by this app: it holds "
            f"{', '.join(code[:5])}; it was not opened, so nothing in it ran."
        )
    missing = sorted(REQUIRED_TABLES - {n for t, n in rows if t == "table"})
    if missing:
        raise CatalogError(f"{path} is not a whole catalog: it has no {', '.join(missing)} table.")


def _starts_with(path: Path, prefix: bytes) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(64).lstrip().startswith(prefix)
    except OSError:
        return False
