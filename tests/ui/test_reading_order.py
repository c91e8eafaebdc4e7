"""A screen reader walks the window in reading order, as Tab goes: menus, toolbar,
search, the profile header, the timeline, the details, the notes, the status line (the
order of child widgets follows their stacking, which had the notes before the timeline
and the header last)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QWidget

from viewer.ui.main_window import MainWindow


def _order(widget: QWidget) -> list[QWidget]:
    """The widgets in the order the accessibility tree gives them, depth first."""
    out: list[QWidget] = []

    def walk(node: QAccessibleInterface) -> None:
        target = node.object()
        if isinstance(target, QWidget):
            out.append(target)
        for i in range(node.childCount()):
            child = node.child(i)
            if child is not None and child.isValid():
                walk(child)

    root = QAccessible.queryAccessibleInterface(widget)
    assert root is not None
    walk(root)
    return out


def test_the_window_is_read_in_the_order_it_is_seen(annotated_window: MainWindow) -> None:
    window = annotated_window
    assert window.annotations is not None
    order = _order(window)
    wanted = [
        window.menuBar(),
        window.menus.toolbar,
        window.search_dock,
        window.header,
        window.timeline,
        window.detail,
        window.annotations.editor,
        window.statusBar(),
    ]
    places = [order.index(w) for w in wanted]
    assert places == sorted(places), [type(w).__name__ for w in sorted(wanted, key=order.index)]


def test_the_order_holds_when_the_details_go_under_the_timeline(
    annotated_window: MainWindow,
) -> None:
    window = annotated_window
    assert window.annotations is not None
    window.resize(1024, 700)
    window.adaptive.adapt()
    order = _order(window)
    assert order.index(window.timeline) < order.index(window.detail)
    assert order.index(window.detail) < order.index(window.annotations.editor)


def test_the_toolbar_is_read_as_its_items_stand(annotated_window: MainWindow) -> None:
    """ "Show:" and its picker (added when the notes arrive) were read after Find,
    which stands after them, and the overflow's » was read first."""
    window = annotated_window
    assert window.annotations is not None
    toolbar = window.menus.toolbar
    order = _order(toolbar)
    wanted: list[QWidget] = [
        window.menus.profile_picker,
        window.menus.lanes_button,
        window.annotations.scope_picker,
        toolbar.widgetForAction(window.menus.find_action),
        toolbar.findChild(QWidget, "qt_toolbar_ext_button"),
    ]
    places = [order.index(w) for w in wanted]
    assert places == sorted(places), [type(w).__name__ for w in sorted(wanted, key=order.index)]


def test_no_part_of_the_toolbar_is_read_without_a_name(annotated_window: MainWindow) -> None:
    """The pair of a label and its picker ("Profile:", "Show:") was read as an unnamed
    filler before the picker itself."""
    toolbar = annotated_window.menus.toolbar
    separators = {toolbar.widgetForAction(a) for a in toolbar.actions() if a.isSeparator()}
    unnamed = []
    for widget in _order(toolbar)[1:]:  # the toolbar itself is "Main"
        if not widget.isVisible() or widget in separators or widget.objectName().startswith("qt_"):
            continue  # hidden, Qt's separators (as in any Qt app), the overflow's » (named)
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is not None and not interface.text(QAccessible.Text.Name).strip():
            unnamed.append(type(widget).__name__)
    assert not unnamed
