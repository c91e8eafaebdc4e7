"""Qt's own warnings (qWarning, QML-less plugin chatter, bad connections) into logging."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
# Said by the offscreen platform for every window: noise, kept at debug level.
_HARMLESS = ("This plugin does not support propagateSizeHints()",)


def route_qt_messages() -> None:
    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        level = logging.DEBUG if message.startswith(_HARMLESS) else _LEVELS.get(kind, 30)
        where = f" ({context.file}:{context.line})" if context.file else ""
        log.log(level, "%s%s", message, where)

    qInstallMessageHandler(handler)
