"""The query language: what a person types becomes a safe FTS5 expression."""

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.search.query import MAX_TERMS, parse


@pytest.mark.parametrize(
    ("typed", "fts"),
    [
        ("meddle", '("meddle")'),
        ("Meddle Election", '("meddle" AND "election")'),
        ('"very good"', '("very good")'),
        ("medd*", '("medd"*)'),
        ("putin -crazy", '(("putin") NOT "crazy")'),
        ("crazy OR insane", '("crazy") OR ("insane")'),
        ('"unbalanced phrase', '("unbalanced phrase")'),
        ("U.S. election", '("u s" AND "election")'),
        ("Zelenskyy", '("zelenskyy")'),
    ],
)
def test_translation(typed: str, fts: str) -> None:
    assert parse(typed).to_fts() == fts


@pytest.mark.parametrize("typed", ["", "   ", "OR", "-", "*", '"', "-putin", "😀", "()"])
def test_nothing_to_search_for(typed: str) -> None:
    assert parse(typed).to_fts() is None


def test_huge_paste_is_cut_to_a_bounded_query() -> None:
    query = parse("word " * 10_000)
    assert sum(len(g) for g in query.groups) == MAX_TERMS


_FTS = sqlite3.connect(":memory:")
_FTS.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
_FTS.execute("INSERT INTO t VALUES ('Don’t meddle in the election, président')")


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=200))
def test_no_input_raises_or_breaks_fts5(typed: str) -> None:
    expression = parse(typed).to_fts()
    if expression is not None:
        _FTS.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchone()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                '"',
                "-",
                "*",
                "OR",
                "AND",
                "NOT",
                "NEAR",
                "(",
                ")",
                ":",
                "^",
                "meddle",
                "x",
                " ",
                "'",
                ";",
                "--",
            ]
        ),
        max_size=30,
    )
)
def test_operator_soup_never_raises(parts: list[str]) -> None:
    expression = parse("".join(parts)).to_fts()
    if expression is not None:
        _FTS.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchone()
