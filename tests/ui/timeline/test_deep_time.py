"""A cosmological timeline in the window: go anywhere in 13.8 billion years, zoom to
days there, and scroll, with an axis that reads right."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from viewer.core.catalog.read import Catalog
from viewer.core.interchange.timelinejs_import import import_file
from viewer.core.timeline.timescale import ticks
from viewer.ui.main_window import MainWindow

COSMOS = {
    "scale": "cosmological",
    "events": [
        {"start_date": {"year": "-13798000000", "month": ""}, "text": {"headline": "Big Bang"}},
        {"start_date": {"year": "-4798000000"}, "text": {"headline": "Solar System"}},
        {"start_date": {"year": "0"}, "text": {"headline": "Today"}},
    ],
}


@pytest.fixture
def catalog(tmp_path: Path) -> Iterator[Catalog]:
    """The cosmos as a catalog: the `window` fixture opens it instead of the bundled one."""
    source = tmp_path / "cosmos.json"
    source.write_text(json.dumps(COSMOS))
    out, _ = import_file(source, tmp_path / "cosmos.sqlite")
    with Catalog(out) as opened:
        yield opened


@pytest.fixture
def cosmos_window(window: MainWindow) -> MainWindow:
    window.resize(1024, 700)
    return window


def test_go_to_a_year_billions_of_years_ago_and_scroll_there(cosmos_window: MainWindow) -> None:
    timeline = cosmos_window.timeline
    assert cosmos_window.go_to_date("4.6 billion years ago")  # once overflowed the scroll bar
    view = timeline.view
    assert view.span < 4 * 366  # zoomed to the year, with a year either side
    bar = timeline.horizontalScrollBar()
    assert 0 < bar.value() < bar.maximum()
    bar.setValue(bar.value() + bar.pageStep())  # a page on, as a click in the trough
    moved = timeline.view
    assert moved.start > view.start and moved.days_per_px == view.days_per_px
    # The band above names each year differently, though all are "4.6 billion" years ago.
    band = timeline._painter._units(moved)[1]
    assert band is not None
    labels = [t.label for t in ticks(moved.start - 800, moved.end + 800, band)]
    assert len(labels) == len(set(labels)) >= 2


def test_the_whole_cosmos_is_ticked_in_billions_of_years(cosmos_window: MainWindow) -> None:
    timeline = cosmos_window.timeline
    unit, _ = timeline._painter._units(timeline.view)
    labels = [t.label for t in ticks(timeline.view.start, timeline.view.end, unit)]
    assert "10 billion years ago" in labels and "5 billion years ago" in labels
