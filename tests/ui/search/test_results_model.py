"""The results model and the rows it holds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.modeltest import ModelTester

from viewer.core.catalog.read import Catalog
from viewer.core.search.engine import SearchEngine
from viewer.ui.search.result_delegate import marked
from viewer.ui.search.results_model import Match, ResultsModel, rows_of


@pytest.fixture
def engine(catalog: Catalog) -> Iterator[SearchEngine]:
    engine = SearchEngine(catalog)
    yield engine
    engine.close()


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, engine: SearchEngine) -> None:
    model = ResultsModel()
    model.set_rows(rows_of(engine.search("putin")))
    qtmodeltester.check(model)
    model.set_rows(rows_of(engine.search("insane")))
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_rows_put_exact_quotes_first_then_events_close_and_variants(engine: SearchEngine) -> None:
    rows = rows_of(engine.search("insane"))
    matches = [r.match for r in rows]
    assert matches[0] is Match.QUOTE
    assert Match.VARIANT in matches
    paraphrased = rows[0]
    assert "paraphrased source" in paraphrased.plain_text()
    assert paraphrased.event_id == "2025-05-trump-putin-gone-crazy"


def test_marked_escapes_html_and_highlights_each_span() -> None:
    html = marked("<b>Putin</b> & Trump", ((3, 8), (15, 20)))
    assert "&lt;b&gt;" in html and "&amp;" in html
    assert html.count("background-color") == 2
    assert ">Putin</span>" in html and ">Trump</span>" in html
