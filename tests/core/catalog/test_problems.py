"""A catalog that cannot be used says what is wrong and what to do, and nothing is written."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from viewer.core.annotations.records import Annotation
from viewer.core.annotations.store import AnnotationStore
from viewer.core.catalog.read import Catalog
from viewer.core.errors import CatalogError


def _truncated(good: Path, folder: Path) -> Path:
    bad = folder / "truncated.sqlite"
    data = good.read_bytes()
    bad.write_bytes(data[: len(data) // 2])
    return bad


def _newer(good: Path, folder: Path) -> Path:
    newer = folder / "newer.sqlite"
    shutil.copy(good, newer)
    with sqlite3.connect(newer) as db:
        db.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    return newer


def _annotations(_good: Path, folder: Path) -> Path:
    store = AnnotationStore(folder / "annotations.sqlite", folder / "backups")
    store.save(Annotation("x", "a note"))
    store.close()
    return folder / "annotations.sqlite"


def _text(_good: Path, folder: Path) -> Path:
    path = folder / "notes.txt"
    path.write_text("just some text, not a database\n" * 100)
    return path


def _empty(_good: Path, folder: Path) -> Path:
    path = folder / "empty.sqlite"
    path.write_bytes(b"")
    return path


def _folder(_good: Path, folder: Path) -> Path:
    path = folder / "a-folder"
    path.mkdir()
    return path


def _missing(_good: Path, folder: Path) -> Path:
    return folder / "missing.sqlite"


def _corrupt_page(good: Path, folder: Path) -> Path:
    bad = folder / "corrupt.sqlite"
    data = bytearray(good.read_bytes())
    page = 4096
    for offset in range(3 * page, min(len(data), 6 * page)):  # scribble over a few pages
        data[offset] = (data[offset] * 7 + 13) % 256
    bad.write_bytes(bytes(data))
    return bad


CASES: list[tuple[Callable[[Path, Path], Path], str]] = [
    (_missing, "does not exist"),
    (_folder, "is a folder"),
    (_text, "not a readable catalog"),
    (_empty, "not a readable catalog"),
    (_annotations, "not a readable catalog"),
    (_truncated, "catalog"),
    (_corrupt_page, "catalog"),
    (_newer, "Update the app"),
]


@pytest.mark.parametrize(("make", "says"), CASES, ids=[c[0].__name__[1:] for c in CASES])
def test_a_bad_catalog_is_refused_with_a_reason_and_left_alone(
    built_catalog: Path, tmp_path: Path, make: Callable[[Path, Path], Path], says: str
) -> None:
    bad = make(built_catalog, tmp_path)
    before = {p.name: _digest(p) for p in tmp_path.rglob("*") if p.is_file()}
    with pytest.raises(CatalogError) as refused:
        Catalog(bad)
    assert says in str(refused.value)
    after = {p.name: _digest(p) for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before  # nothing written, nothing left beside it


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_catalog_is_checked_once_a_process_until_it_changes(
    built_catalog: Path, tmp_path: Path
) -> None:
    """The window, the search thread and the annotation loader each open the catalog;
    the quick_check runs for the first only. A file changed since is checked again."""
    path = tmp_path / "catalog.sqlite"
    path.write_bytes(built_catalog.read_bytes())
    Catalog(path).close()  # checked: sound
    when = path.stat().st_mtime_ns
    path.write_bytes(_corrupt_page(path, tmp_path).read_bytes())
    os.utime(path, ns=(when, when))  # same size and time: the same file, as far as we know
    Catalog(path).close()  # not checked again
    os.utime(path, ns=(when + 1_000_000_000, when + 1_000_000_000))
    with pytest.raises(CatalogError, match="damaged"):
        Catalog(path)
