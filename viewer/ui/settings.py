"""The settings file, read and written in one place: every key is named here and
every value is checked for its type as it is read (a hand-edited or damaged file
gives the default, never an exception)."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from viewer.core.frozen import frozen

RECENT_LIMIT = 8


@frozen
class SavedView:
    """Where the reader was: kept per catalog (another catalog opens fitted)."""

    catalog: str = ""  # the catalog's resolved path
    profile: str | None = None
    start: float | None = None  # the first day in view
    span: float | None = None  # days across the view
    hidden_lanes: tuple[str, ...] = ()  # lane keys
    selected: str | None = None  # the event shown in detail


class Settings:
    def __init__(self, qsettings: QSettings) -> None:
        self.q = qsettings

    @classmethod
    def at(cls, path: Path) -> Settings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    # -- window layout -------------------------------------------------------------

    def layout(self, name: str) -> QByteArray | None:
        """The saved state of a part of the window: "geometry", "state" (docks and
        toolbars) or a splitter's object name."""
        value = self.q.value(f"window/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_layout(self, name: str, state: QByteArray) -> None:
        self.q.setValue(f"window/{name}", state)

    def notes_width(self) -> int | None:
        """The notes' width beside the details (a narrow window) as the reader dragged
        it, in px; None where they have not (the window shares the row itself)."""
        try:
            px = int(str(self.q.value("window/notes_width", 0)))
        except ValueError:
            return None
        return px if px > 0 else None

    def set_notes_width(self, px: int | None) -> None:
        self.q.setValue("window/notes_width", px or 0)

    # -- the view ------------------------------------------------------------------

    def view(self) -> SavedView:
        q = self.q
        catalog, profile, selected = (
            q.value(f"view/{key}") for key in ("catalog", "profile", "selected_event")
        )
        return SavedView(
            catalog=catalog if isinstance(catalog, str) else "",
            profile=profile if isinstance(profile, str) else None,
            start=_finite(q.value("view/start")),
            span=_finite(q.value("view/span")),
            hidden_lanes=tuple(k for k in str(q.value("view/hidden_lanes", "")).split(",") if k),
            selected=selected if isinstance(selected, str) else None,
        )

    def set_view(self, view: SavedView) -> None:
        q = self.q
        q.setValue("view/catalog", view.catalog)
        if view.profile:
            q.setValue("view/profile", view.profile)
        for key, number in (("start", view.start), ("span", view.span)):
            if number is not None:
                q.setValue(f"view/{key}", number)
        q.setValue("view/hidden_lanes", ",".join(view.hidden_lanes))
        if view.selected:
            q.setValue("view/selected_event", view.selected)
        else:
            q.remove("view/selected_event")

    # -- catalogs --------------------------------------------------------------------

    def recent_catalogs(self) -> list[Path]:
        saved = self.q.value("catalogs/recent", [])
        listed = [saved] if isinstance(saved, str) else saved if isinstance(saved, list) else []
        return [Path(p) for p in listed if isinstance(p, str)]

    def set_recent_catalogs(self, paths: list[Path]) -> None:
        listed = [str(p) for p in paths[:RECENT_LIMIT]]
        if listed != [str(p) for p in self.recent_catalogs()]:  # at every start: no write
            self.q.setValue("catalogs/recent", listed)

    # -- pictures --------------------------------------------------------------------

    def picture_choice(self) -> tuple[str, bool]:
        """The export dialog's last size (its label) and whether it was dark."""
        size, dark = self.q.value("picture/size"), self.q.value("picture/dark")
        return (size if isinstance(size, str) else "", str(dark).lower() == "true")

    def set_picture_choice(self, size: str, dark: bool) -> None:
        self.q.setValue("picture/size", size)
        self.q.setValue("picture/dark", "true" if dark else "false")

    def sync(self) -> None:
        self.q.sync()


def _finite(value: object) -> float | None:
    try:
        number = float(str(value))
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None
