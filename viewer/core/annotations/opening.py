"""Opening the annotations file so that nothing is ever lost.

A damaged file is moved aside (and the user told where), a file from a newer app is
opened read-only, an older one is backed up before it is upgraded in a single
transaction that rolls back on failure, and a disk that cannot be written leaves the
file untouched and shown read-only.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from viewer.core.annotations import files
from viewer.core.annotations.records import OpenReport
from viewer.core.annotations.schema import SCHEMA_VERSION, STEPS
from viewer.core.frozen import frozen


@frozen(slots=False)
class Opened:
    """How the file was found: the report for the user, why it is read-only (None when
    writable), and whether it could not be read at all (an empty stand-in is shown)."""

    report: OpenReport
    read_only_reason: str | None
    unavailable: bool = False


def open_file(path: Path, backups: Path, read_only_reason: str | None) -> Opened:
    """Make, check and upgrade `path` for writing, or say why it is read-only.
    `read_only_reason`, when given, says why this copy must not write at all."""
    try:
        return _open_for_writing(path, backups, read_only_reason)
    except (files.UnreadableError, OSError, sqlite3.OperationalError) as exc:
        # A full or read-only disk, permissions, an I/O error: the file (if any) is
        # left where it is, untouched, and shown read-only if it can be read.
        reason = getattr(exc, "strerror", None) or str(exc)
        return _read_only_after(path, f"the file cannot be written: {reason}", reason)


def _open_for_writing(path: Path, backups: Path, read_only_reason: str | None) -> Opened:
    messages: list[str] = []
    moved: str | None = None
    if read_only_reason is not None:
        return _read_only_after(path, read_only_reason, None)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        problem = files.problem_with(path)
        if problem is not None:
            moved_to = files.move_aside(path, "damaged")
            moved = str(moved_to)
            messages.append(
                f"Your annotations file could not be used because {problem}. It was "
                f"kept, unchanged, as {moved_to}. A new, empty one was started."
            )
    version = files.user_version(path) if path.exists() else 0
    if version > SCHEMA_VERSION:
        messages.append(
            f"Your annotations were saved by a newer version of the app (format {version}; "
            f"this one reads up to {SCHEMA_VERSION}). They are shown read-only and left "
            "untouched; update the app to edit them."
        )
        report = OpenReport(read_only=True, moved_aside=moved, messages=tuple(messages))
        return Opened(report, "saved by a newer version")
    taken = None
    if 0 < version < SCHEMA_VERSION:
        taken = str(files.backup(path, backups, f"before-v{SCHEMA_VERSION}"))
    _migrate(path)
    report = OpenReport(
        moved_aside=moved,
        backup_taken=taken,
        upgraded_from=version if 0 < version < SCHEMA_VERSION else None,
        messages=tuple(messages),
    )
    return Opened(report, None)


def _read_only_after(path: Path, read_only_reason: str, failure: str | None) -> Opened:
    """Open the file read-only because it cannot be written (`failure`) or because
    another window writes it; nothing at all if unreadable."""
    messages: list[str] = []
    readable = False
    if path.exists():
        try:
            # Only a file of this version can be read without upgrading it first.
            readable = files.problem_with(path) is None and (
                files.user_version(path) == SCHEMA_VERSION
            )
        except (files.UnreadableError, sqlite3.Error, OSError):
            readable = False
    if failure is not None:
        shown = "They are shown read-only" if readable else "They cannot be shown now"
        messages.append(
            f"Your annotations ({path}) cannot be saved: {failure}. The file was "
            f"left where it is, untouched. {shown}; free some disk space or fix the "
            "folder's permissions, then start the app again."
        )
    report = OpenReport(read_only=True, messages=tuple(messages))
    return Opened(report, read_only_reason, unavailable=not readable)


def _migrate(path: Path) -> None:
    """Run the missing schema steps in one transaction (all or nothing). The version is
    read again once the write lock is held: another instance may have upgraded it."""
    db = sqlite3.connect(path, isolation_level=None, timeout=10)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("BEGIN IMMEDIATE")
        try:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for statement in STEPS[step]:
                    db.execute(statement)
            if version < SCHEMA_VERSION:
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    finally:
        db.close()
