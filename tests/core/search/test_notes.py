from viewer.core.annotations.records import Annotation
from viewer.core.search.notes import fold, note_hits
from viewer.core.search.query import parse

NOTES = {
    "a": Annotation("a", "Check the Élysée transcript with the press office."),
    "b": Annotation("b", "Ask about the pressure on Zelenskyy."),
    "c": Annotation("c", "", ("tag",)),
}


def test_fold_keeps_positions() -> None:
    text = "Élysée ÉTÉ"
    assert len(fold(text)) == len(text)
    assert fold(text) == "elysee ete"


def test_words_phrases_prefix_and_exclusion() -> None:
    assert [h.event_id for h in note_hits(parse("elysee"), NOTES)] == ["a"]
    assert [h.event_id for h in note_hits(parse('"press office"'), NOTES)] == ["a"]
    assert {h.event_id for h in note_hits(parse("press*"), NOTES)} == {"a", "b"}
    assert [h.event_id for h in note_hits(parse("press* -zelenskyy"), NOTES)] == ["a"]
    assert {h.event_id for h in note_hits(parse("elysee OR zelenskyy"), NOTES)} == {"a", "b"}
    [hit] = note_hits(parse("TRANSCRIPT"), NOTES)
    start, end = hit.spans[0]
    assert hit.note[start:end] == "transcript"
