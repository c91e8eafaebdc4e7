from viewer.core.annotations.records import Annotation
from viewer.core.annotations.scope import Scope, scopes

ANNOTATIONS = {
    "a": Annotation("a", "note", ("essay",), True),
    "b": Annotation("b", "", ("essay", "check"), False, "#E69F00"),
    "c": Annotation("c", "  ", (), True),
}


def test_scopes_pick_the_right_events() -> None:
    assert Scope().event_ids(ANNOTATIONS) is None
    assert Scope("starred").event_ids(ANNOTATIONS) == {"a", "c"}
    assert Scope("noted").event_ids(ANNOTATIONS) == {"a"}
    assert Scope("coloured").event_ids(ANNOTATIONS) == {"b"}
    assert Scope("tag", "check").event_ids(ANNOTATIONS) == {"b"}
    assert [s.label for s in scopes(["essay"])][-1] == "Tag: essay"
