"""Every path the app uses, in one place.

Bundled files come from the `viewer.resources` package; the user's own files go
to the platform's user data folder (platformdirs), unless a base directory is
given (`--data-dir`, for tests and portable use). Nothing is computed at import.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from viewer.core.errors import UsageError
from viewer.core.frozen import frozen

APP_NAME = "timeline-viewer"
CATALOG_FILE = "catalog.sqlite"
#: A catalog's own file type (a double-click opens it in the app); catalogs made before
#: it, and the bundled one, end in .sqlite and open as well.
CATALOG_SUFFIX = ".tlcat"
CATALOG_SUFFIXES = (CATALOG_SUFFIX, ".sqlite")
CATALOG_MIME_TYPE = "application/x-timeline-catalog"


def resource(name: str) -> Path:
    """A file shipped in `resources/` (the package `viewer.resources`): beside the
    package's own module, as it is in a source checkout, a wheel's install and the
    installers' bundles alike (importlib.resources would cost 5 ms at every start)."""
    package = importlib.import_module("viewer.resources")  # its data files, on first use
    assert package.__file__ is not None  # a regular package: resources/__init__.py
    return Path(package.__file__).parent / name


def bundled_catalog() -> Path:
    """The catalog that ships with the app."""
    return resource(CATALOG_FILE)


def source_checkout() -> Path | None:
    """The source checkout this copy runs from (an editable install), else None."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() and (root / "viewer").is_dir() else None


def beside_program(name: str) -> Path | None:
    """A folder the installers put beside the program ("licences", "docs"; inside the
    .app's Resources on macOS), or a source checkout's own; None when this copy has none
    (a plain pip install)."""
    if getattr(sys, "frozen", False):
        program = Path(sys.executable).resolve().parent
        for folder in (program / name, program.parent / "Resources" / name):
            if folder.is_dir():
                return folder
        return None
    root = source_checkout()
    return root / name if root is not None and (root / name).is_dir() else None


def source_data_dir() -> Path | None:
    """The `data/` folder `build-data` reads by default: the one in the current folder,
    else the source checkout's; None when neither is there (an installed copy)."""
    here = Path.cwd() / "data"
    if (here / "entities.toml").is_file():
        return here
    root = source_checkout()
    return root / "data" if root is not None and (root / "data").is_dir() else None


def writable_bundled_catalog() -> Path | None:
    """The bundled catalog when it lives in a source checkout (rebuilt there by
    `build-data`); None for an installed copy, whose catalog is never written."""
    root = source_checkout()
    catalog = bundled_catalog()
    return catalog if root is not None and catalog.is_relative_to(root) else None


@frozen
class UserPaths:
    """Where the user's own files live."""

    base: Path
    logs: Path | None = None  # the platform's log folder; else `base`/logs (portable use)
    cache: Path | None = None  # the platform's cache folder; else `base`/cache

    @classmethod
    def at(cls, base: Path | None) -> UserPaths:
        """The folders under `base` (--data-dir, --temp-basedir), else the platform's."""
        return cls(base) if base else cls.default()

    @classmethod
    def default(cls) -> UserPaths:
        from platformdirs import (  # noqa: PLC0415 - start-up
            user_cache_path,
            user_data_path,
            user_log_path,
        )

        return cls(
            user_data_path(APP_NAME, appauthor=False, roaming=True),
            user_log_path(APP_NAME, appauthor=False),
            user_cache_path(APP_NAME, appauthor=False),
        )

    @property
    def settings_file(self) -> Path:
        return self.base / "settings.ini"

    @property
    def annotations_db(self) -> Path:
        return self.base / "annotations.sqlite"

    @property
    def catalogs_dir(self) -> Path:
        """Catalogs the user made by importing a timeline."""
        return self.base / "catalogs"

    @property
    def backups_dir(self) -> Path:
        return self.base / "backups"

    @property
    def log_dir(self) -> Path:
        return self.logs or self.base / "logs"

    @property
    def cache_dir(self) -> Path:
        """What the app keeps only to start faster: safe to delete at any time."""
        return self.cache or self.base / "cache"

    def ensure(self) -> UserPaths:
        """Make the user's folder if needed; a `UsageError` says why it cannot be used."""
        _make_folder(self.base, "The folder for your settings and notes")
        return self

    def ensure_catalogs(self) -> Path:
        """The folder of imported catalogs, made if needed."""
        _make_folder(self.catalogs_dir, "The folder for imported timelines")
        return self.catalogs_dir


def _make_folder(folder: Path, what: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise UsageError(
            f"{what}, {folder}, cannot be made: a file of that name is in the way. "
            "Give another folder with --data-dir DIR."
        ) from exc
    except OSError as exc:
        raise UsageError(
            f"{what}, {folder}, cannot be made: {exc.strerror or exc}. "
            "Give another folder with --data-dir DIR."
        ) from exc
    if not os.access(folder, os.W_OK):
        raise UsageError(
            f"{what}, {folder}, is read-only. Give another folder with --data-dir DIR."
        )
