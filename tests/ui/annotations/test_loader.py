"""The annotations open on a worker thread and arrive on the UI thread."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from viewer.core.annotations.loading import OpenedAnnotations
from viewer.core.annotations.records import Annotation, UserEvent
from viewer.core.annotations.scope import Scope
from viewer.core.annotations.store import AnnotationStore
from viewer.core.catalog.read import Catalog
from viewer.core.paths import UserPaths
from viewer.ui.annotations.loader import AnnotationLoader


def test_marks_tags_and_orphans_arrive_from_the_thread(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog
) -> None:
    paths = UserPaths(tmp_path).ensure()
    store = AnnotationStore(paths.annotations_db, paths.backups_dir)
    store.save(Annotation("2018-07-16-helsinki-summit", "read the transcript", ("essay",), True))
    store.save(Annotation("gone-from-the-catalog", "still mine"))
    store.save(Annotation("mine-1", "", ("essay",)))
    store.save_user_event(UserEvent("mine-1", "My interview", "2019-03", "statement"))
    store.close()
    loader = AnnotationLoader()
    with qtbot.waitSignal(loader.ready, timeout=20_000) as blocker:
        loader.start(paths, catalog.path)
    loader.shutdown()
    opened = blocker.args[0]
    assert isinstance(opened, OpenedAnnotations)
    assert opened.orphans == 1  # the note on an event the catalog lacks; own events count as known
    assert opened.index.in_scope(Scope("tag", "essay")) == {
        "2018-07-16-helsinki-summit",
        "mine-1",
    }
    assert opened.index.in_scope(Scope("starred")) == {"2018-07-16-helsinki-summit"}
    assert opened.store.get("gone-from-the-catalog").note == "still mine"
    opened.store.close()


def test_a_failure_is_reported_not_raised(qtbot: QtBot, tmp_path: Path) -> None:
    paths = UserPaths(tmp_path).ensure()
    loader = AnnotationLoader()
    with qtbot.waitSignal(loader.failed, timeout=20_000) as blocker:
        loader.start(paths, tmp_path / "no-such-catalog.sqlite")
    loader.shutdown()
    assert "does not exist" in blocker.args[0]
