"""Where the app's log goes: a rotating file in the log folder, and stderr on request.

Every module logs through `logging.getLogger(__name__)`; this sets up the handlers
once at start-up. The file keeps the last few runs (1 MB each, five kept) so a
support person can ask for it; `--verbose` also prints everything to stderr.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

LOG_FILE = "timeline-viewer.log"
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


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
        file_handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_FILE, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
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
