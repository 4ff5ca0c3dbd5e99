"""The window as a desktop program: its menu bar and shortcuts, About, the card zoom, a grid that uses its
whole width, keyboard navigation of the grid, and readable detail tables. Real windows, offscreen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices

from tests.gui.conftest import scanned_sample
from videomanager import __version__
from videomanager.gui.library_model import CardRole


def _menu_titles(w) -> list[str]:
    return [a.text().replace("&", "") for a in w.menuBar().actions()]


def _menu(w, title: str):
    return next(a.menu() for a in w.menuBar().actions() if a.text().replace("&", "") == title)


def test_menu_bar_quit_find_and_select_all(qtbot, window_factory, tmp_path):
    w = scanned_sample(qtbot, window_factory, tmp_path / "videos")
    assert _menu_titles(w) == ["File", "Edit", "View", "Library", "Help"]
    file_items = [a.text() for a in _menu(w, "File").actions() if not a.isSeparator()]
    assert file_items == ["Add folder…", "Rescan", "Forget missing files…", "Settings…", "&Quit"]
    assert "Ctrl+Q" in [k.toString() for k in w.menus.quit_action.shortcuts()]
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.search.hasFocus()
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(w.selected_cards()) == 5
    w.menus.quit_action.trigger()
    assert not w.isVisible()


def test_library_menu_takes_the_actions_other_parts_add(qtbot, window_factory):
    w = window_factory()
    review = QAction("Review queue", w)
    w.review_action = review
    w.menus.library_menu.aboutToShow.emit()
    texts = [a.text() for a in w.menus.library_menu.actions()]
    assert "Identify" in texts and "Review queue" in texts and "Seen" in texts


def test_about_names_the_versions_and_tmdbs_notice(qtbot, window_factory):
    w = window_factory()
    w.menus.show_about()
    text = w.menus.about_dialog.findChild(type(w.count_label), "about-text").text()
    assert __version__ in text and "Qt " in text and "PySide6 " in text
    assert "This product uses the TMDB API but is not endorsed or certified by TMDB." in text
    w.menus.show_shortcuts()
    rows = dict(w.menus.shortcut_rows())
    assert "Ctrl+Q" in rows["Quit"] and "Ctrl+F" in rows["Find"] and "Ctrl++" in rows["Zoom in"]


def _margins(w) -> tuple[int, int]:
    """The empty space left of the first column and right of the last one."""
    view = w.view
    rects = [view.visualRect(view.model().index(r, 0)) for r in range(view.model().rowCount())]
    return min(r.left() for r in rects), view.viewport().width() - 1 - max(r.right() for r in rects)


def test_the_grid_uses_its_whole_width_and_zooms(qtbot, window_factory, tmp_path):
    w = scanned_sample(qtbot, window_factory, tmp_path / "videos")
    w.resize(1400, 820)
    w.splitter.setSizes([1030, 370])  # a grid width that leaves room for 5 cards and more
    qtbot.waitUntil(lambda: w.view.viewport().width() > 0)
    cell = w.delegate.sizeHint(None, None).width()
    assert w.view.viewport().width() % cell > 60  # a strip this wide would stay empty on the right
    # The columns are spread: as much room on the right as on the left, give or take a few pixels of
    # rounding and the room the view keeps for its vertical scroll bar.
    bar = w.view.style().pixelMetric(w.view.style().PixelMetric.PM_ScrollBarExtent)
    qtbot.waitUntil(lambda: 0 <= _margins(w)[1] - _margins(w)[0] <= bar + 6, timeout=3000)
    before = w.delegate.sizeHint(None, None)
    qtbot.keyClick(w.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    after = w.delegate.sizeHint(None, None)
    assert after.width() > before.width() and w.view.gridSize().height() == after.height()
    assert float(w.ui_state.value("view/zoom")) > 1.0
    w.menus.set_zoom(1.0)
    assert w.delegate.sizeHint(None, None) == before


def test_keyboard_moves_through_the_grid_enter_shows_space_plays(
    qtbot, window_factory, tmp_path, monkeypatch
):
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(QUrl(url).toLocalFile()) or True)
    )
    w = scanned_sample(qtbot, window_factory, tmp_path / "videos")
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Home)
    first = w.current_card()
    qtbot.keyClick(w.view, Qt.Key.Key_Right)
    assert w.current_card() != first and w.detail.card == w.current_card()
    qtbot.keyClick(w.view, Qt.Key.Key_End)
    last = w.current_card()
    assert last == w.view.model().index(w.view.model().rowCount() - 1, 0).data(CardRole)
    w.splitter.setSizes([1280, 0])  # the detail panel folded away
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    assert w.splitter.sizes()[1] > 0 and w.detail.hasFocus()
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Space)
    played = [p for p in opened if p]
    assert played and played[-1] in [v.path for v in last.versions] + [e.path for e in last.episodes]


def test_detail_tables_give_file_names_room(qtbot, window_factory, tmp_path):
    w = scanned_sample(qtbot, window_factory, tmp_path / "videos")
    w.resize(1280, 820)
    matrix = next(c for c in w.model.cards() if c.title == "The Matrix")
    w.select_card(matrix.id)
    table = w.detail.versions
    qtbot.waitUntil(lambda: table.rowCount() == 2)
    for row in range(2):
        rect = table.visualItemRect(table.item(row, 0))
        text = table.item(row, 0).text()
        needed = table.fontMetrics().horizontalAdvance(text)
        lines = max(1, rect.height() // table.fontMetrics().lineSpacing())
        assert needed <= rect.width() * lines, (text, rect)  # wrapped, not elided to "The.Matri…kv"
    assert table.indexAt(QPoint(2, 2)).isValid()
