"""The log file: written, rotated, and never a reason for the app not to start."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from viewer.core import logs


@pytest.fixture(autouse=True)
def _restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_messages_reach_a_rotating_file(tmp_path: Path) -> None:
    path = logs.setup(tmp_path / "logs")
    assert path == tmp_path / "logs" / logs.LOG_FILE
    logging.getLogger("viewer.test").warning("something to keep")
    files = [h for h in logging.getLogger().handlers if isinstance(h, logging.FileHandler)]
    for handler in files:
        handler.flush()
    assert "something to keep" in path.read_text()
    [rotating] = [h for h in files if isinstance(h, logs.RotatingLog)]
    assert (rotating.limit, rotating.kept) == (logs.FILE_BYTES, logs.FILES_KEPT)


def test_a_full_log_is_moved_aside_and_the_oldest_dropped(tmp_path: Path) -> None:
    path = tmp_path / logs.LOG_FILE
    path.write_text("x" * 150)  # left by an earlier run: full already
    handler = logs.RotatingLog(path, limit=100, kept=2)
    log = logging.getLogger("viewer.test.rotation")
    log.propagate = False
    log.addHandler(handler)
    try:
        for n in range(12):
            log.warning("line %02d %s", n, "y" * 40)  # 48 bytes: a new file every 3 lines
    finally:
        log.removeHandler(handler)
        handler.close()
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == [logs.LOG_FILE, f"{logs.LOG_FILE}.1", f"{logs.LOG_FILE}.2"]
    assert path.read_text().startswith("line 09")
    assert (tmp_path / f"{logs.LOG_FILE}.1").read_text().startswith("line 06")
    assert all(len(p.read_text()) <= 150 for p in tmp_path.iterdir())


def test_setting_up_twice_does_not_log_twice(tmp_path: Path) -> None:
    logs.setup(tmp_path)
    logs.setup(tmp_path)
    logging.getLogger("viewer.test").warning("once")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert (tmp_path / logs.LOG_FILE).read_text().count("once") == 1


def test_an_unwritable_log_folder_is_said_and_survived(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    assert logs.setup(blocker / "logs") is None
    assert "cannot write the log" in capsys.readouterr().err


def test_a_log_that_cannot_be_moved_aside_goes_on_in_the_same_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / logs.LOG_FILE
    path.write_text("x" * 150)
    (tmp_path / f"{logs.LOG_FILE}.1").mkdir()  # in the way: the full file cannot move there
    (tmp_path / f"{logs.LOG_FILE}.1" / "keep").write_text("")
    handler = logs.RotatingLog(path, limit=100, kept=1)
    log = logging.getLogger("viewer.test.stuck")
    log.propagate = False
    log.addHandler(handler)
    try:
        log.warning("still written")  # no exception reaches the code that logs
    finally:
        log.removeHandler(handler)
        handler.close()
    assert path.read_text().endswith("still written\n")
    assert "Traceback" in capsys.readouterr().err  # logging's own report of the failure
