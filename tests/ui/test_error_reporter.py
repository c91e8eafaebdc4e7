"""Uncaught exceptions are logged, reported once, and pending work is saved first."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from pytestqt.qtbot import QtBot

from viewer.ui.error_reporter import ErrorReporter, crash_report


@pytest.fixture
def reporter(monkeypatch: pytest.MonkeyPatch) -> ErrorReporter:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    return ErrorReporter(windows=False)


def test_an_uncaught_error_saves_first_then_reports(
    qtbot: QtBot, reporter: ErrorReporter, caplog: pytest.LogCaptureFixture
) -> None:
    order: list[str] = []
    reporter.install_excepthook(before=lambda: order.append("saved"))
    try:
        raise ValueError("bad value in a slot")
    except ValueError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    order.append("reported" if reporter.reported else "not reported")
    assert order == ["saved", "reported"]
    [(title, text)] = reporter.reported
    assert title == "Unexpected error" and "bad value in a slot" in text
    assert any("Traceback" in r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)


def test_a_failing_save_does_not_hide_the_report(qtbot: QtBot, reporter: ErrorReporter) -> None:
    def broken_save() -> None:
        raise OSError("disk full")

    reporter.install_excepthook(before=broken_save)
    try:
        raise RuntimeError("first problem")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert "first problem" in reporter.reported[0][1]


def test_an_error_in_a_worker_thread_is_reported_on_the_ui_thread(
    qtbot: QtBot, reporter: ErrorReporter
) -> None:
    reporter.install_excepthook()
    seen_in: list[bool] = []
    original = reporter._show_crash

    def show(text: str, details: str) -> None:
        seen_in.append(threading.current_thread() is threading.main_thread())
        original(text, details)

    reporter._show_crash = show  # type: ignore[method-assign]
    reporter.install_excepthook()

    def work() -> None:
        raise KeyError("lost in a thread")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(reporter.reported), timeout=5000)
    assert seen_in == [True]
    assert "lost in a thread" in reporter.reported[0][1]


def test_the_copied_report_says_version_and_traceback() -> None:
    report = crash_report("Unexpected error", "Something went wrong", "Traceback: line 1")
    assert report.startswith("Timeline Viewer ") and "Traceback: line 1" in report
