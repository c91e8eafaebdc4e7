"""The in-memory annotation index: scopes and marks, kept in step save by save."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.annotations.index import AnnotationIndex
from viewer.core.annotations.records import Annotation, Mark
from viewer.core.annotations.scope import Scope, scopes
from viewer.core.annotations.store import AnnotationStore

ANNOTATIONS = {
    "a": Annotation("a", "note", ("essay",), True),
    "b": Annotation("b", "", ("essay", "check"), False, "#E69F00"),
    "c": Annotation("c", "  ", (), True),
}


def test_scopes_pick_the_right_events() -> None:
    index = AnnotationIndex(ANNOTATIONS.values())
    assert index.in_scope(Scope()) is None
    assert index.in_scope(Scope("starred")) == {"a", "c"}
    assert index.in_scope(Scope("noted")) == {"a"}
    assert index.in_scope(Scope("coloured")) == {"b"}
    assert index.in_scope(Scope("tag", "check")) == {"b"}
    assert index.in_scope(Scope("tag", "never used")) == frozenset()
    assert [s.label for s in scopes(["essay"])][-1] == "Tag: essay"


def test_marks_show_stars_notes_colours_and_own_events() -> None:
    index = AnnotationIndex(ANNOTATIONS.values(), own=["mine", "a"])
    assert index.mark("a") == Mark(True, True, None, True)
    assert index.mark("b") == Mark(False, False, "#E69F00", False)
    assert index.mark("mine") == Mark(False, False, None, True)
    assert index.mark("nothing") is None
    assert set(index.marks()) == {"a", "b", "c", "mine"}


def _brute_force(notes: dict[str, Annotation], scope: Scope) -> set[str]:
    keep = {
        "starred": lambda a: a.starred,
        "noted": lambda a: bool(a.note.strip()),
        "coloured": lambda a: a.colour is not None,
        "tag": lambda a: scope.tag in a.tags,
    }[scope.kind]
    return {i for i, a in notes.items() if keep(a)}


annotation = st.builds(
    Annotation,
    st.sampled_from("abcdef"),
    st.sampled_from(["", " ", "a note"]),
    st.lists(st.sampled_from(["x", "y", "z"]), unique=True).map(tuple),
    st.booleans(),
    st.sampled_from([None, "#E69F00"]),
)


@settings(max_examples=200)
@given(st.lists(annotation, max_size=30))
def test_scopes_stay_right_through_any_sequence_of_saves(saves: list[Annotation]) -> None:
    index = AnnotationIndex()
    truth: dict[str, Annotation] = {}
    for saved in saves:
        old = truth.pop(saved.event_id, None)
        old_tags = set(old.tags) if old else set()
        new_tags = set() if saved.is_empty else set(saved.tags)
        assert index.put(saved) == (old_tags != new_tags)
        if not saved.is_empty:
            truth[saved.event_id] = saved
        starred = Scope("starred")  # asked between saves: a kept answer must not go stale
        assert index.in_scope(starred) == _brute_force(truth, starred)
    assert set(index) == set(truth)
    for scope in scopes(["x", "y", "z"])[1:]:
        assert index.in_scope(scope) == _brute_force(truth, scope), scope
    for event_id, a in truth.items():
        assert index.mark(event_id) == Mark.of(a)


def test_the_store_loads_the_same_index_as_saving_one_by_one(tmp_path: Path) -> None:
    store = AnnotationStore(tmp_path / "a.sqlite", tmp_path / "backups")
    store.save_many(ANNOTATIONS.values())
    store.save(Annotation("d", "\n\t note \n", ("check",)))
    store.save(Annotation("e", " \n\t", (), False, "#000000"))
    loaded = store.index()
    by_hand = AnnotationIndex([*ANNOTATIONS.values(), *store.annotations().values()])
    store.close()
    assert set(loaded) == set(by_hand) == {"a", "b", "c", "d", "e"}
    for scope in scopes(["essay", "check"]):
        assert loaded.in_scope(scope) == by_hand.in_scope(scope), scope
    assert dict(loaded.marks()) == dict(by_hand.marks())
