"""Shared fixtures. Qt runs offscreen; tests using qtbot/qapp are marked `gui`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
SEEDS_DIR = ROOT.parent / "shared" / "seeds"


def python_prints(*args: str) -> str:
    """What a new Python process, run with `args` in the checkout, prints."""
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def built_catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalog built fresh from data/ (not the committed one)."""
    from viewer.core.catalog.build import build_catalog
    from viewer.core.catalog.document import check
    from viewer.core.catalog.sourcefiles import load_data_dir

    out = tmp_path_factory.mktemp("catalog") / "catalog.sqlite"
    build_catalog(check(load_data_dir(DATA_DIR)), out)
    return out


@pytest.fixture
def catalog(built_catalog: Path) -> Iterator[object]:
    from viewer.core.catalog.read import Catalog

    with Catalog(built_catalog) as cat:
        yield cat


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A scratch copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(autouse=True)
def _no_dangling_widgets(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a GUI test that leaves a top-level widget open (as napari does)."""
    yield
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    assert isinstance(app, QApplication)
    app.processEvents()
    left = [w for w in app.topLevelWidgets() if w.isVisible()]
    for widget in left:
        widget.close()
    assert not left, f"test left top-level widgets open: {left}"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 512 KB file system of its own, mounted for the test."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small disk here (needs root): {mounted.stderr!r}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def fill_disk(disk: Path) -> Path:
    """Take every free byte of the disk."""
    filler = disk / "filler"
    handle = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(handle, b"\0" * 512)
    except OSError:
        pass
    finally:
        os.close(handle)
    return filler
