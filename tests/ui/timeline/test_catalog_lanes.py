"""Lanes come from the catalog: an imported TimelineJS file reads as its own story, with
its groups as lanes and none of the political profile's parts it does not have."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.ui.conftest import opened_window
from viewer.core.catalog.read import Catalog
from viewer.core.interchange.timelinejs_import import import_file
from viewer.ui.main_window import MainWindow
from viewer.ui.shortcuts import plain

GROUPS = ["Soviet Union", "United States"]


def _slide(year: int, group: str | None, headline: str) -> dict[str, object]:
    slide: dict[str, object] = {
        "start_date": {"year": year},
        "text": {"headline": headline, "text": "What happened."},
    }
    if group:
        slide["group"] = group
    return slide


@pytest.fixture
def imported(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> Iterator[MainWindow]:
    source = tmp_path / "space.json"
    source.write_text(
        json.dumps(
            {
                "title": {"text": {"headline": "Space race"}},
                "events": [
                    _slide(1957, "Soviet Union", "Sputnik"),
                    _slide(1958, "United States", "Explorer 1"),
                    _slide(1961, "Soviet Union", "Gagarin"),
                ],
            }
        )
    )
    out, _ = import_file(source, tmp_path / "space.sqlite")
    catalog = Catalog(out)
    with opened_window(qtbot, catalog, settings) as window:
        yield window
    catalog.close()


def test_an_imported_files_groups_are_its_lanes(imported: MainWindow) -> None:
    geo = imported.timeline.geo
    assert [band.label for _n, band in geo.lanes] == GROUPS  # no empty political lanes
    assert [plain(a.text()) for a in imported.menus.lane_actions] == GROUPS


def test_an_import_shows_no_profile_parts_it_does_not_have(imported: MainWindow) -> None:
    geo = imported.timeline.geo
    assert geo.stance.height == 0 and geo.eras.height == 0  # no quotes, no eras
    header = imported.header
    assert not header.stance_label.isVisible()  # no "Neutral · weak" made up
    assert not header.flip_label.isVisible()
    assert not header.tabs.isVisible() and not header.more_button.isVisible()
    assert imported.legend.entries()[0] == "hollow: cancelled"  # no tones to tell apart


def test_the_bundled_catalog_keeps_its_political_lanes_and_parts(window: MainWindow) -> None:
    geo = window.timeline.geo
    assert [band.label for _n, band in geo.lanes][:3] == [
        "Meetings & summits",
        "Calls",
        "Statements",
    ]
    assert geo.stance.height > 0 and geo.eras.height > 0
    assert window.header.stance_label.isVisible()
    assert "Warm" in window.legend.entries()


def test_a_lane_emptied_by_the_scope_is_not_drawn(window: MainWindow) -> None:
    """With only some events shown (a search's scope, a tag), lanes with none of them
    leave the screen to the others."""
    data = window.timeline.data
    helsinki = data.row_of("2018-07-16-helsinki-summit")
    assert helsinki is not None
    window.timeline.set_data(
        data.subset(data.mask_of({"2018-07-16-helsinki-summit"})),
        window.timeline.eras,
        window.timeline.stance,
        "Stance",
    )
    assert [band.label for _n, band in window.timeline.geo.lanes] == ["Meetings & summits"]
