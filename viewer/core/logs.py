"""Where the app's log goes: a rotating file in the log folder, and stderr on request.

Every module logs through `logging.getLogger(__name__)`; this sets up the handlers
once at start-up. The file keeps the last few runs (1 MB each, five kept) so a
support person can ask for it; `--verbose` also prints everything to stderr.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

LOG_FILE = "timeline-viewer.log"
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
FILE_BYTES, FILES_KEPT = 1_000_000, 5


def setup(log_dir: Path, *, verbose: bool = False) -> Path | None:
    """Log to `log_dir`/timeline-viewer.log (rotated); returns the file, or None if the
    folder cannot be written (then the app logs to stderr only, and says so there)."""
    root = logging.getLogger()
    for handler in list(root.handlers):  # set up once, even if called again (tests)
        if getattr(handler, "_timeline_viewer", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    path: Path | None = log_dir / LOG_FILE
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = RotatingLog(log_dir / LOG_FILE, FILE_BYTES, FILES_KEPT)
    except OSError as exc:
        print(f"timeline-viewer: cannot write the log in {log_dir}: {exc}", file=sys.stderr)
        path = None
    else:
        _add(root, file_handler)
    if verbose:
        _add(root, logging.StreamHandler(sys.stderr))
    logging.getLogger(__name__).info("started; log file %s", path)
    return path


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    handler.setFormatter(logging.Formatter(FORMAT))
    handler._timeline_viewer = True  # type: ignore[attr-defined]
    root.addHandler(handler)


class RotatingLog(logging.FileHandler):
    """A log file that is moved aside as `.1` once it holds `limit` bytes, the older
    ones becoming `.2` … up to `kept`: what logging.handlers.RotatingFileHandler does,
    without loading logging.handlers (sockets, selectors and queues, ~5 ms of every
    start-up, for handlers the app never uses)."""

    def __init__(self, path: Path, limit: int, kept: int) -> None:
        super().__init__(path, encoding="utf-8")
        self.limit, self.kept = limit, kept

    def emit(self, record: logging.LogRecord) -> None:
        try:  # a log that cannot be moved aside grows on; it never stops the app
            if self.stream is not None and self.stream.tell() >= self.limit:
                self.stream.close()
                try:
                    self._move_aside()
                finally:
                    self.stream = self._open()
        except Exception:
            self.handleError(record)
        super().emit(record)

    def _move_aside(self) -> None:
        path = Path(self.baseFilename)
        for n in range(self.kept - 1, 0, -1):
            older = path.with_name(f"{path.name}.{n}")
            if older.exists():
                older.replace(path.with_name(f"{path.name}.{n + 1}"))
        path.replace(path.with_name(f"{path.name}.1"))
