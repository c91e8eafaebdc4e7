"""A note made on an event's former id follows the event to its new id (catalog aliases)."""

from __future__ import annotations

from pathlib import Path

from viewer.core.annotations.loading import load
from viewer.core.annotations.records import Annotation, UserEvent
from viewer.core.annotations.store import AnnotationStore
from viewer.core.catalog.read import Catalog

OLD, NEW = "2023-wagner-mutiny", "2022-2024-wagner-mutiny"


def test_the_catalog_keeps_the_old_ids(catalog: Catalog) -> None:
    aliases = catalog.event_aliases()
    assert aliases[OLD] == NEW
    assert (
        aliases["2023-trump-putin-somewhat-weakened"] == "2022-2024-trump-putin-somewhat-weakened"
    )
    assert not set(aliases) & catalog.event_ids()


def test_a_note_on_the_old_id_shows_on_the_renamed_event(
    built_catalog: Path, tmp_path: Path
) -> None:
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    store.save(Annotation(OLD, "Read the Wagner chapter", ("essay",), True, "#E69F00"))
    # Already a mark under the new id: the two are merged, nothing is lost.
    store.save(Annotation(NEW, "Second thought", ("press",)))
    opened = load(store, built_catalog)
    assert opened.orphans == 0
    assert OLD not in opened.index.event_ids()
    note = store.get(NEW)
    assert "Read the Wagner chapter" in note.note and "Second thought" in note.note
    assert note.tags == ("essay", "press") and note.starred and note.colour == "#E69F00"
    store.close()
    again = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    assert again.get(NEW).starred and again.get(OLD).is_empty
    again.close()


def test_the_users_own_event_with_an_old_id_is_left_alone(
    built_catalog: Path, tmp_path: Path
) -> None:
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    store.save_user_event(UserEvent(OLD, "My own", "2023", "context"))
    store.save(Annotation(OLD, "mine", starred=True))
    load(store, built_catalog)
    assert store.get(OLD).note == "mine" and store.get(NEW).is_empty
    store.close()


def test_an_exported_note_on_the_old_id_imports_onto_the_renamed_event(
    catalog: Catalog, tmp_path: Path
) -> None:
    from viewer.core.annotations.interchange import import_file, write_export

    before = AnnotationStore(tmp_path / "before.sqlite", tmp_path / "backups")
    before.save(Annotation(OLD, "Exported before the update", starred=True))
    exported = tmp_path / "notes.json"
    write_export(before, exported)
    before.close()
    after = AnnotationStore(tmp_path / "after.sqlite", tmp_path / "backups")
    report = import_file(after, exported, catalog.event_ids(), catalog.event_aliases())
    assert report.added == (NEW,)
    assert after.get(NEW).note == "Exported before the update"
    after.close()
