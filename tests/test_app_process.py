"""End to end: the real app starts as a process on the bundled data and paints."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def run_app(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The app as a person starts it, offscreen, with errors on stderr."""
    return subprocess.run(
        [sys.executable, "-m", "viewer", "--data-dir", str(data_dir), "--no-err-windows", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )


def test_app_starts_paints_and_exits(tmp_path: Path) -> None:
    result = run_app(tmp_path, "--quit-after-paint")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "settings.ini").exists()  # state saved on close
    assert "Traceback" not in result.stderr


def test_app_reports_a_missing_catalog(tmp_path: Path) -> None:
    result = run_app(tmp_path, "--db", str(tmp_path / "missing.sqlite"))
    assert result.returncode == 2
    assert "Cannot open the catalog" in result.stderr


def test_verbose_prints_the_log_which_is_also_kept_in_a_file(tmp_path: Path) -> None:
    result = run_app(tmp_path, "--quit-after-paint", "--verbose")
    assert result.returncode == 0, result.stderr
    assert "viewer.core.logs: started" in result.stderr
    assert "started" in (tmp_path / "logs" / "timeline-viewer.log").read_text()


def after_the_app(data_dir: Path, *args: str, then: str, env: dict[str, str] | None = None) -> str:
    """What the Python lines `then` print, run in the app's process once it has quit
    (the app started as `python -m viewer` does, offscreen)."""
    code = (
        "import gc, os, runpy, sys\n"
        f"sys.argv = ['viewer', '--data-dir', {str(data_dir)!r}, '--no-err-windows', *{args!r}]\n"
        "try:\n"
        "    runpy.run_module('viewer', run_name='__main__', alter_sys=True)\n"
        "except SystemExit:\n"
        "    pass\n"
    ) + then
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env or {**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    )
    return done.stdout.strip()


def test_start_up_objects_are_frozen_and_collection_resumes_after_the_first_paint(
    tmp_path: Path,
) -> None:
    """The collector is off during start-up (it would walk the same long-lived objects
    ~90 times) and on again after the first paint, with start-up's objects frozen."""
    collector = "print(gc.isenabled(), gc.get_freeze_count())\n"
    enabled, frozen = after_the_app(tmp_path, "--quit-after-paint", then=collector).split()
    assert enabled == "True"
    assert int(frozen) > 20_000
    missing = str(tmp_path / "missing.sqlite")
    enabled, _frozen = after_the_app(tmp_path, "--db", missing, then=collector).split()
    assert enabled == "True"  # on again when the app could not start


def _threads_after_app(data_dir: Path, blas_threads: str | None) -> list[str]:
    """The OpenBLAS setting, and how many threads are named as the main one (OpenBLAS's
    workers are; Qt names its own), after a start."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("OPENBLAS_NUM_THREADS", None)
    if blas_threads is not None:
        env["OPENBLAS_NUM_THREADS"] = blas_threads
    threads = (
        "tasks = os.listdir('/proc/self/task')\n"
        "names = [open(f'/proc/self/task/{t}/comm').read().strip() for t in tasks]\n"
        "main = open('/proc/self/comm').read().strip()\n"
        "print(os.environ['OPENBLAS_NUM_THREADS'], names.count(main), sep='|')\n"
    )
    return after_the_app(data_dir, "--quit-after-paint", then=threads, env=env).split("|")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="threads listed by Linux")
def test_no_spinning_linear_algebra_threads_at_start_unless_asked(tmp_path: Path) -> None:
    """OpenBLAS's worker threads spin while start-up runs, taking a core from it; the
    app does no linear algebra, so it asks for none, unless the user set a number."""
    assert _threads_after_app(tmp_path, None) == ["1", "1"]  # the main thread alone
    assert _threads_after_app(tmp_path, "2") == ["2", "2"]  # and one OpenBLAS worker


def test_the_app_icon_is_set_once_the_window_has_painted(tmp_path: Path) -> None:
    """Set after the first paint (reading its SVG loads Qt's SVG plugin), but set."""
    icon = "from PySide6.QtWidgets import QApplication\nprint(QApplication.windowIcon().isNull())\n"
    assert after_the_app(tmp_path, "--quit-after-paint", then=icon) == "False"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="threads listed by Linux")
def test_the_first_paint_starts_no_painting_threads(tmp_path: Path) -> None:
    """Qt's raster engine hands large fills to a pool of threads and waits: the pool's
    threads were started for the first paint (~12 ms) and saved the frames nothing."""
    pooled = (
        "tasks = os.listdir('/proc/self/task')\n"
        "names = [open(f'/proc/self/task/{t}/comm').read().strip() for t in tasks]\n"
        "print(os.environ.get('QT_NO_GUI_THREADPOOL'), names.count('Thread (pooled)'), sep='|')\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_NO_GUI_THREADPOOL", None)
    said = after_the_app(tmp_path, "--quit-after-paint", then=pooled, env=env)
    assert said.split("|") == ["1", "0"]
