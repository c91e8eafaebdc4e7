"""The JSON export is a complete backup: building from it gives the same catalog."""

import json
from pathlib import Path

import pytest

from viewer.core.catalog.build import build_catalog
from viewer.core.catalog.document import check
from viewer.core.catalog.read import Catalog
from viewer.core.catalog.sourcefiles import load_json
from viewer.core.errors import DataError
from viewer.core.interchange.catalog_json import dumps, export_document


def rebuilt_from_backup(exported: dict[str, object], folder: Path) -> Path:
    """The JSON backup written to `folder` and built again into a catalog there."""
    file = folder / "catalog.json"
    file.write_text(dumps(exported), encoding="utf-8")
    rebuilt = folder / "rebuilt.sqlite"
    build_catalog(check(load_json(file)), rebuilt)
    return rebuilt


def test_round_trip_gives_an_identical_catalog(built_catalog: Path, tmp_path: Path) -> None:
    with Catalog(built_catalog) as catalog:
        exported = export_document(catalog)
    rebuilt = rebuilt_from_backup(exported, tmp_path)
    with Catalog(rebuilt) as catalog:
        assert export_document(catalog) == exported
    assert rebuilt.read_bytes() == built_catalog.read_bytes()


def test_export_holds_every_collection(catalog: Catalog) -> None:
    document = export_document(catalog)
    assert document["format"] == "timeline-viewer-catalog"
    assert {k for k in document if isinstance(document[k], list)} == {
        "entities",
        "sources",
        "eras",
        "lanes",
        "profiles",
        "events",
    }
    assert [lane["id"] for lane in document["lanes"]][:2] == ["meetings", "calls"]
    profile = next(p for p in document["profiles"] if p["id"] == "trump-on-putin")
    assert len(profile["actions"]) == 4
    assert len(profile["criticism"]) == 3
    quotes = [q for e in document["events"] for q in e["quotes"]]
    assert all(q["source"] for q in quotes)


def test_newer_format_is_refused(catalog: Catalog, tmp_path: Path) -> None:
    document = export_document(catalog)
    document["format_version"] = 99
    file = tmp_path / "new.json"
    file.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(DataError, match="newer than this app reads"):
        load_json(file)


def test_broken_json_says_where(tmp_path: Path) -> None:
    file = tmp_path / "broken.json"
    file.write_text('{"format": "timeline-viewer-catalog",\n "events": [}', encoding="utf-8")
    with pytest.raises(DataError, match=r"not valid JSON: .* \(line 2"):
        load_json(file)
