"""The profile header: a long summary shows its start and leads to the whole of it."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from viewer.core.catalog.read import Catalog
from viewer.core.records import Entity, Profile, ProfileDetail
from viewer.ui.profile_header import SUMMARY_CHARS, ProfileHeader


def _detail(summary: str, html: str | None = None, context: str = "") -> ProfileDetail:
    who = Entity("a", "Imported timeline", "group", "TimelineJS file rome.json")
    what = Entity("b", "Rome", "group")
    profile = Profile("p", who, what, "Neutral", "weak", False, summary, html, heading="Rome")
    return ProfileDetail(profile, context, (), ())


def test_a_short_summary_is_shown_whole_and_plain_text_is_never_markup(qtbot: QtBot) -> None:
    header = ProfileHeader()
    qtbot.addWidget(header)
    header.set_profile(_detail("Plain <b>words</b> & more"))
    assert header.summary_label.text() == "Plain <b>words</b> & more"
    assert header.title_label.text() == "Rome"
    header.set_profile(_detail("Bold words", "<p><b>Bold</b> words</p>"))
    assert header.summary_label.text() == "<p><b>Bold</b> words</p>"


def test_a_long_summary_shows_its_start_and_all_of_it_in_context(qtbot: QtBot) -> None:
    header = ProfileHeader()
    qtbot.addWidget(header)
    words = " ".join(f"word{i}" for i in range(200)) + " THE-END"
    assert len(words) > SUMMARY_CHARS
    header.set_profile(_detail(words, context="Our own context."))
    shown = header.summary_label.text()
    assert "word0 word1" in shown and "THE-END" not in shown and "Read all in Context" in shown
    everything = header.context_view.toPlainText()
    assert "THE-END" in everything and "Our own context." in everything
    header.tabs.setCurrentWidget(header.actions_view)
    header.summary_label.linkActivated.emit("summary:more")
    assert header.tabs.currentWidget() is header.context_view


def test_a_rating_of_the_editors_own_says_so_and_a_sourced_one_does_not(
    qtbot: QtBot, catalog: Catalog
) -> None:
    header = ProfileHeader()
    qtbot.addWidget(header)
    header.set_profile(catalog.profile_detail("putin-on-trump"))
    assert not header.rating_label.isHidden()
    assert header.rating_label.text() == "Editors' assessment"
    assert header.rating_label.toolTip().startswith("Editors' assessment: none of our sources")
    assert "About the rating" in header.context_view.toPlainText()
    header.set_profile(catalog.profile_detail("trump-on-putin"))
    assert header.rating_label.isHidden()
    assert "As rated by the stance profile page" in header.stance_label.toolTip()


def test_the_profile_tabs_are_named_for_a_screen_reader(qtbot: QtBot) -> None:
    header = ProfileHeader()
    qtbot.addWidget(header)
    header.show()
    for widget in (header.tabs, header.tabs.tabBar()):
        face = QAccessible.queryAccessibleInterface(widget)
        assert face is not None and face.text(QAccessible.Text.Name), widget
