"""The direct check of a module's source answers as PySide6's own check does."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

import viewer.core.records
import viewer.ui.main_window
from viewer.ui.pyside_feature import check_sources_directly


def test_the_direct_check_gives_pyside6_s_answers() -> None:
    feature = sys.modules["shibokensupport.feature"]
    before = feature._mod_uses_pyside
    try:
        assert check_sources_directly()
        direct = feature._mod_uses_pyside
        assert direct is not before
        assert check_sources_directly()  # a second call keeps the one installed
        assert feature._mod_uses_pyside is direct
        modules = [m for _n, m in sorted(sys.modules.items()) if isinstance(m, ModuleType)]
        assert len(modules) > 300  # the app's, the standard library's, numpy's, built-ins
        for module in modules:
            assert direct(module) == before(module), module.__name__
        assert direct(viewer.ui.main_window) and not direct(viewer.core.records)
    finally:
        feature._mod_uses_pyside = before


def test_in_a_bundle_a_module_without_source_does_not_use_pyside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feature = sys.modules["shibokensupport.feature"]
    before = feature._mod_uses_pyside
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # as PyInstaller's bootloader
    try:
        check_sources_directly()
        direct = feature._mod_uses_pyside
        sourceless = ModuleType("viewer.ui.bundled")
        sourceless.__file__ = str(tmp_path / "bundled.pyc")  # as PyInstaller sets it
        assert direct(sourceless) is False
        assert before(sourceless) is False
        beside = tmp_path / "bundled.py"  # a source kept beside it is read
        beside.write_text("from PySide6.QtCore import Qt\n")
        assert direct(sourceless) is True
    finally:
        feature._mod_uses_pyside = before
