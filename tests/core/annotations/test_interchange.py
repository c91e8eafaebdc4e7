"""Export and import of annotations: round trip, merging, and refusing bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.annotations.interchange import (
    ImportRefusedError,
    export_document,
    import_file,
    notes_markdown,
    parse_document,
    write_export,
)
from viewer.core.annotations.records import Annotation, UserEvent
from viewer.core.annotations.store import AnnotationStore

KNOWN = {"e1", "e2", "e3"}


def store_in(folder: Path) -> AnnotationStore:
    folder.mkdir(parents=True, exist_ok=True)
    return AnnotationStore(folder / "annotations.sqlite", folder / "backups")


def test_round_trip_into_an_empty_store(tmp_path: Path) -> None:
    source = store_in(tmp_path / "a")
    source.save(Annotation("e1", "note **one**", ("essay",), True, "#0072B2"))
    source.save_user_event(UserEvent("mine-1", "My event", "2019-03", "statement", "n"))
    exported = tmp_path / "export.json"
    write_export(source, exported)
    target = store_in(tmp_path / "b")
    report = import_file(target, exported, KNOWN)
    assert set(report.added) == {"e1", "mine-1"}
    assert target.annotations() == source.annotations()
    assert target.user_events() == source.user_events()
    again = import_file(target, exported, KNOWN)
    assert again.added == () and again.updated == ()
    assert {why for _id, why in again.skipped} == {"already the same"}


def test_merge_keeps_the_newer_and_skips_unknown_events(tmp_path: Path) -> None:
    store = store_in(tmp_path)
    store.save(Annotation("e1", "mine, newer", updated="2026-05-01T00:00:00.000+00:00"))
    store.save(Annotation("e2", "mine, older", updated="2020-01-01T00:00:00.000+00:00"))
    document = {
        "format": "timeline-viewer-annotations",
        "version": 1,
        "annotations": [
            {"event_id": "e1", "note": "theirs", "updated": "2025-01-01T00:00:00.000+00:00"},
            {"event_id": "e2", "note": "theirs", "updated": "2025-01-01T00:00:00.000+00:00"},
            {"event_id": "gone", "note": "?", "updated": "2025-01-01T00:00:00.000+00:00"},
        ],
    }
    path = tmp_path / "in.json"
    path.write_text(json.dumps(document))
    report = import_file(store, path, KNOWN)
    assert report.updated == ("e2",)
    assert dict(report.skipped) == {"e1": "yours is newer", "gone": "no such event in this catalog"}
    assert store.get("e1").note == "mine, newer"
    assert store.get("e2").note == "theirs"
    assert "1 updated" in report.summary()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not valid JSON"),
        ('{"format": "something else"}', "not an annotations export"),
        ('{"format": "timeline-viewer-annotations", "version": 99}', "newer version"),
        (
            '{"format": "timeline-viewer-annotations", "version": 1, "annotations": {}}',
            "annotations: must be a list",
        ),
        (
            '{"format": "timeline-viewer-annotations", "version": 1, "annotations": '
            '[{"event_id": "e1", "tags": "essay"}]}',
            "annotations[0].tags",
        ),
        (
            '{"format": "timeline-viewer-annotations", "version": 1, "annotations": '
            '[{"event_id": "e1"}, {"event_id": "e1"}]}',
            "appears twice",
        ),
        (
            '{"format": "timeline-viewer-annotations", "version": 1, "annotations": '
            '[{"event_id": "e1", "colour": "red"}]}',
            "annotations[0].colour",
        ),
        (
            '{"format": "timeline-viewer-annotations", "version": 1, "user_events": '
            '[{"id": "x", "title": "t", "date": "2019", "kind": "party"}]}',
            "user_events[0].kind",
        ),
    ],
)
def test_broken_files_are_refused_and_change_nothing(
    tmp_path: Path, content: str, expected: str
) -> None:
    store = store_in(tmp_path)
    store.save(Annotation("e1", "precious"))
    before = export_document(store)["annotations"]
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(ImportRefusedError, match=expected.replace("[", r"\[").replace("]", r"\]")):
        import_file(store, path, KNOWN)
    assert export_document(store)["annotations"] == before


def test_a_huge_note_is_refused(tmp_path: Path) -> None:
    document = {
        "format": "timeline-viewer-annotations",
        "version": 1,
        "annotations": [{"event_id": "e1", "note": "x" * 10_000_001}],
    }
    with pytest.raises(ImportRefusedError, match="longer than"):
        parse_document(document, "test")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.fixed_dictionaries(
        {"format": st.just("timeline-viewer-annotations"), "version": st.just(1)},
        optional={
            "annotations": st.lists(
                st.dictionaries(
                    st.sampled_from(["event_id", "note", "tags", "starred", "colour", "updated"]),
                    json_values,
                ),
                max_size=4,
            ),
            "user_events": json_values,
        },
    )
)
def test_any_document_is_parsed_or_refused_never_crashes(document: dict[str, object]) -> None:
    try:
        annotations, events = parse_document(document, "random")
    except ImportRefusedError as exc:
        assert "nothing was changed" in str(exc) or "version" in str(exc)
    else:
        assert all(isinstance(a, Annotation) for a in annotations)
        assert all(isinstance(e, UserEvent) for e in events)


def test_notes_as_markdown_in_date_order() -> None:
    text = notes_markdown(
        [Annotation("e2", "second", ("b",)), Annotation("e1", "first", starred=True)],
        {
            "e1": ("2017-07-07", "7 Jul 2017", "Hamburg"),
            "e2": ("2018-07-16", "16 Jul 2018", "Helsinki"),
        },
        "My notes",
    )
    assert text.index("## Hamburg ★") < text.index("## Helsinki")
    assert "Tags: b" in text
    assert "*7 Jul 2017*" in text
