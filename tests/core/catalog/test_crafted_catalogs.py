"""A crafted catalog runs no SQL when opened, and a broken one is refused in words."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from viewer.core.catalog.read import Catalog
from viewer.core.errors import CatalogError


def _crafted(built_catalog: Path, tmp_path: Path, *statements: str) -> Path:
    path = tmp_path / "crafted.sqlite"
    shutil.copy(built_catalog, path)
    db = sqlite3.connect(path)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()
    return path


def test_a_view_in_place_of_a_table_never_runs(built_catalog: Path, tmp_path: Path) -> None:
    path = _crafted(
        built_catalog,
        tmp_path,
        "ALTER TABLE profile RENAME TO profile_real",
        # Runs for ever if it is ever read.
        "CREATE VIEW profile AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
        "SELECT i AS id FROM n",
    )
    start = time.perf_counter()
    with pytest.raises(CatalogError, match="holds view profile; it was not opened"):
        Catalog(path)
    assert time.perf_counter() - start < 5


def test_a_trigger_or_a_huge_blob_view_is_refused(built_catalog: Path, tmp_path: Path) -> None:
    path = _crafted(built_catalog, tmp_path, "CREATE VIEW big AS SELECT zeroblob(1000000000) AS b")
    with pytest.raises(CatalogError, match="view big"):
        Catalog(path)


def test_a_catalog_without_its_tables_is_refused_in_words(
    built_catalog: Path, tmp_path: Path
) -> None:
    path = _crafted(built_catalog, tmp_path, "DROP TABLE profile")
    with pytest.raises(CatalogError, match="has no profile table"):
        Catalog(path)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE timeline_cache SET data = x'00' WHERE name = 'start'",
        "UPDATE timeline_cache SET data = x'7f7f7f7f' WHERE name = 'lane'",
        "DELETE FROM timeline_cache WHERE name = 'titles'",
        "UPDATE timeline_cache SET data = 'not utf-8' || x'ff' WHERE name = 'ids'",
    ],
)
def test_a_cache_that_does_not_add_up_is_read_from_the_tables(
    built_catalog: Path, tmp_path: Path, statement: str
) -> None:
    path = _crafted(built_catalog, tmp_path, statement)
    with Catalog(path) as broken, Catalog(built_catalog) as sound:
        for profile in (None, "trump-on-putin"):
            assert list(broken.timeline(profile).ids) == list(sound.timeline(profile).ids)
