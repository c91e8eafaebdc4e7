"""Every path the app uses, in one place.

Bundled files come from the `viewer.resources` package; the user's own files go
to the platform's user data folder (platformdirs), unless a base directory is
given (`--data-dir`, for tests and portable use). Nothing is computed at import.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

APP_NAME = "timeline-viewer"
CATALOG_FILE = "catalog.sqlite"


def resource(name: str) -> Path:
    """A file shipped in `resources/` (the package `viewer.resources`)."""
    return Path(str(resources.files("viewer.resources").joinpath(name)))


def bundled_catalog() -> Path:
    """The catalog that ships with the app."""
    return resource(CATALOG_FILE)


def source_data_dir() -> Path:
    """The `data/` folder of a source checkout (where `build-data` reads by default)."""
    return Path(__file__).resolve().parents[2] / "data"


@dataclass(frozen=True, slots=True)
class UserPaths:
    """Where the user's own files live."""

    base: Path
    logs: Path | None = None  # the platform's log folder; else `base`/logs (portable use)

    @classmethod
    def default(cls) -> UserPaths:
        from platformdirs import user_data_path, user_log_path  # noqa: PLC0415 - start-up

        return cls(
            user_data_path(APP_NAME, appauthor=False, roaming=True),
            user_log_path(APP_NAME, appauthor=False),
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

    def ensure(self) -> UserPaths:
        self.base.mkdir(parents=True, exist_ok=True)
        return self
