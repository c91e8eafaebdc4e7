"""The compiled catalog: deterministic, read-only, indexed, and matching data/."""

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import DATA_DIR
from viewer.core.catalog.build import build_catalog
from viewer.core.catalog.document import check
from viewer.core.catalog.read import Catalog
from viewer.core.catalog.sourcefiles import load_data_dir
from viewer.core.errors import CatalogError
from viewer.core.interchange.catalog_json import export_document
from viewer.core.paths import bundled_catalog


def test_building_twice_gives_the_same_file(built_catalog: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.sqlite"
    build_catalog(check(load_data_dir(DATA_DIR)), again)
    assert again.read_bytes() == built_catalog.read_bytes()


def test_shipped_catalog_matches_the_sources(built_catalog: Path) -> None:
    """The committed resources/catalog.sqlite is what data/ compiles to.

    If this fails, run `timeline-viewer build-data` and commit the result.
    """
    with Catalog(bundled_catalog()) as shipped, Catalog(built_catalog) as fresh:
        assert export_document(shipped) == export_document(fresh)


def test_catalog_is_opened_read_only(catalog: Catalog) -> None:
    with catalog.orm_session() as session, pytest.raises(Exception, match="readonly"):
        session.connection().exec_driver_sql("DELETE FROM event")
    conn = catalog.raw_connection()
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM quote")
    conn.close()


def test_full_text_index_covers_quotes_and_events(built_catalog: Path) -> None:
    conn = sqlite3.connect(built_catalog)
    quotes = conn.execute("SELECT count(*) FROM quote_fts WHERE quote_fts MATCH 'meddle'")
    assert quotes.fetchone()[0] == 2
    events = conn.execute("SELECT event_id FROM event_fts WHERE event_fts MATCH 'helsinki'")
    assert "2018-07-16-helsinki-summit" in {r[0] for r in events}
    conn.close()


def test_failed_build_leaves_the_old_catalog(tmp_path: Path, data_copy: Path) -> None:
    out = tmp_path / "catalog.sqlite"
    build_catalog(check(load_data_dir(DATA_DIR)), out)
    before = out.read_bytes()
    (data_copy / "eras.toml").write_text("[[era]]\nid = 'x'\n", encoding="utf-8")
    with pytest.raises(Exception):  # noqa: B017 - any failure must leave the file alone
        build_catalog(check(load_data_dir(data_copy)), out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_not_a_catalog_is_refused_clearly(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(CatalogError, match="not a readable catalog"):
        Catalog(junk)
    with pytest.raises(CatalogError, match="does not exist"):
        Catalog(tmp_path / "missing.sqlite")


def test_other_schema_version_is_refused(built_catalog: Path, tmp_path: Path) -> None:
    copy = tmp_path / "old.sqlite"
    copy.write_bytes(built_catalog.read_bytes())
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(CatalogError, match="schema version 999"):
        Catalog(copy)


def test_reader_and_schema_agree_on_the_version() -> None:
    from viewer.core.catalog import opening as catalog
    from viewer.core.catalog import schema

    assert catalog.SCHEMA_VERSION == schema.SCHEMA_VERSION  # one definition, imported
