"""The menu bar, the window's keyboard shortcuts, the card zoom, Keyboard shortcuts and About.

File: Add folder, Rescan, Forget missing files, Settings, Quit. Edit: Find (focuses the search), Select all.
View: the filters and sort orders of the toolbar, Zoom in / out / reset of the cards. Library: Identify,
Fix match, Merge, Seen, the collection of the current film, and the actions other parts of the window
add (review queue, duplicates and space, organize files) when they are there. Help: Keyboard shortcuts,
About (versions, and the attribution TMDb's terms ask of every program using its API).
"""

from __future__ import annotations

import platform
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from videomanager import __version__

ZOOM_STEPS = (0.7, 0.8, 0.9, 1.0, 1.15, 1.3, 1.5)


tr = QCoreApplication.translate
_FALLBACK_KEYS = {
    QKeySequence.StandardKey.Quit: "Ctrl+Q",
    QKeySequence.StandardKey.Find: "Ctrl+F",
    QKeySequence.StandardKey.SelectAll: "Ctrl+A",
    QKeySequence.StandardKey.ZoomIn: "Ctrl++",
    QKeySequence.StandardKey.ZoomOut: "Ctrl+-",
    QKeySequence.StandardKey.HelpContents: "F1",
}


class WindowMenus:
    """Builds the menu bar of a MainWindow and owns the actions only the menus have."""

    def __init__(self, window) -> None:
        self.window = window
        w = window
        self.quit_action = self._action(tr("Menus", "&Quit"), QKeySequence.StandardKey.Quit, w.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.find_action = self._action(
            tr("Menus", "&Find"), QKeySequence.StandardKey.Find, self.focus_search
        )
        self.select_all_action = self._action(tr("Menus", "Select &all"), QKeySequence.StandardKey.SelectAll,
                                              self.select_all)  # fmt: skip
        self.zoom_in_action = self._action(
            tr("Menus", "Zoom &in"), QKeySequence.StandardKey.ZoomIn, lambda: self.zoom(+1)
        )
        self.zoom_in_action.setShortcuts([QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")])
        self.zoom_out_action = self._action(
            tr("Menus", "Zoom &out"), QKeySequence.StandardKey.ZoomOut, lambda: self.zoom(-1)
        )
        self.zoom_reset_action = self._action(
            tr("Menus", "&Actual size"), QKeySequence("Ctrl+0"), lambda: self.set_zoom(1.0)
        )
        self.shortcuts_action = self._action(tr("Menus", "&Keyboard shortcuts"), QKeySequence.StandardKey.HelpContents,
                                             self.show_shortcuts)  # fmt: skip
        self.about_action = self._action(tr("Menus", "&About videomanager"), None, self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.descending_action = QAction(tr("Menus", "&Descending order"), w)
        self.descending_action.setCheckable(True)
        self.descending_action.toggled.connect(w.order_button.setChecked)
        w.order_button.toggled.connect(self.descending_action.setChecked)
        self._build()

    def _action(self, text: str, key, slot) -> QAction:
        action = QAction(text, self.window)
        if key is not None:
            # The platform's key for a standard action, and the usual one where the platform has none
            # (a bare X11 session, Xvfb, offscreen have no Quit key of their own).
            keys = [key if isinstance(key, QKeySequence) else QKeySequence(key)]
            fallback = _FALLBACK_KEYS.get(key) if isinstance(key, QKeySequence.StandardKey) else None
            if fallback is not None and QKeySequence(fallback) not in keys[0:1] + QKeySequence.keyBindings(
                key
            ):
                keys.append(QKeySequence(fallback))
            action.setShortcuts([k for k in keys if not k.isEmpty()])
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build(self) -> None:
        w = self.window
        bar = w.menuBar()
        file_menu = bar.addMenu(tr("Menus", "&File"))
        for a in (w.add_folder_action, w.rescan_action, w.forget_missing_action, None, w.settings_action, None,
                  self.quit_action):  # fmt: skip
            file_menu.addSeparator() if a is None else file_menu.addAction(a)
        edit = bar.addMenu(tr("Menus", "&Edit"))
        edit.addAction(self.find_action)
        edit.addAction(self.select_all_action)
        self.view_menu = bar.addMenu(tr("Menus", "&View"))
        self._mirror_combo(self.view_menu.addMenu(tr("Menus", "&Filter")), w.filter_box)
        sort = self.view_menu.addMenu(tr("Menus", "&Sort by"))
        self._mirror_combo(sort, w.sort_box)
        sort.addSeparator()
        sort.addAction(self.descending_action)
        self.view_menu.addSeparator()
        for a in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            self.view_menu.addAction(a)
        self.library_menu = bar.addMenu(tr("Menus", "&Library"))
        self.library_menu.aboutToShow.connect(self._fill_library_menu)
        self._fill_library_menu()
        help_menu = bar.addMenu(tr("Menus", "&Help"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    def _fill_library_menu(self) -> None:
        """Identify, the card actions, and the actions other parts of the window add when they are there."""
        w, menu = self.window, self.library_menu
        menu.clear()
        for a in (w.identify_action, w.stop_action, None, w.fix_match_action, w.merge_action,
                  getattr(w, "seen_action", None), getattr(w, "collection_action", None)):  # fmt: skip
            if a is None:
                menu.addSeparator()
            elif isinstance(a, QAction):
                menu.addAction(a)
        extra = [getattr(w, n, None) for n in ("review_action", "duplicates_action", "organize_action")]
        extra = [a for a in extra if isinstance(a, QAction)]
        if extra:
            menu.addSeparator()
            for a in extra:
                menu.addAction(a)

    def _mirror_combo(self, menu, combo) -> None:
        """Checkable actions for a toolbar combo box's items, kept in step with it both ways."""
        group = QActionGroup(menu)
        actions = []
        for i in range(combo.count()):
            a = QAction(combo.itemText(i), menu)
            a.setCheckable(True)
            a.setData(i)
            a.triggered.connect(lambda _c=False, i=i: combo.setCurrentIndex(i))
            group.addAction(a)
            menu.addAction(a)
            actions.append(a)

        def follow(index: int) -> None:
            if 0 <= index < len(actions):
                actions[index].setChecked(True)

        combo.currentIndexChanged.connect(follow)
        follow(combo.currentIndex())

    # -- actions ---------------------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.window.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.window.search.selectAll()

    def select_all(self) -> None:
        focus = self.window.focusWidget()
        if focus is self.window.search:
            self.window.search.selectAll()
        else:
            self.window.view.selectAll()

    def zoom(self, step: int) -> None:
        current = self.window.delegate.scale
        index = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - current))
        self.set_zoom(ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, index + step))])

    def set_zoom(self, scale: float) -> None:
        w = self.window
        if abs(w.delegate.scale - scale) < 1e-6:
            return
        w.delegate.set_scale(scale)
        w.view.set_cell_size(w.delegate.sizeHint(None, None))  # type: ignore[arg-type]
        w.ui_state.setValue("view/zoom", scale)
        self.zoom_in_action.setEnabled(scale < ZOOM_STEPS[-1])
        self.zoom_out_action.setEnabled(scale > ZOOM_STEPS[0])

    def restore_zoom(self) -> None:
        try:
            scale = float(self.window.ui_state.value("view/zoom", 1.0))
        except (TypeError, ValueError):
            scale = 1.0
        self.set_zoom(min(ZOOM_STEPS, key=lambda s: abs(s - scale)))

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(what, keys) for every action with a shortcut, and the grid's own keys."""
        w = self.window
        rows = []
        for a in [*w.findChildren(QAction)]:
            keys = a.shortcuts()
            if keys and a.text():
                text = a.text().replace("&", "").rstrip("…").rstrip(".")
                native = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
                if (text, native) not in rows:
                    rows.append((text, native))
        grid = [(tr("Menus", "Move between cards"), tr("Menus", "Arrow keys, Home, End, Page Up, Page Down")),
                (tr("Menus", "Show the card's details"), tr("Menus", "Enter")), (tr("Menus", "Play"), tr("Menus", "Space")),
                (tr("Menus", "Select several cards"), tr("Menus", "Shift or Ctrl with the arrows or a click"))]  # fmt: skip
        return sorted(rows) + grid

    def show_shortcuts(self) -> None:
        rows = self.shortcut_rows()
        dialog = QDialog(self.window)
        dialog.setWindowTitle(tr("Menus", "Keyboard shortcuts"))
        table = QTableWidget(len(rows), 2, dialog)
        table.setHorizontalHeaderLabels([tr("Menus", "Action"), tr("Menus", "Keys")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, (what, keys) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(what))
            table.setItem(r, 1, QTableWidgetItem(keys))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        lay = QVBoxLayout(dialog)
        lay.addWidget(table)
        lay.addWidget(buttons)
        dialog.resize(560, 520)
        dialog.open()
        self.shortcuts_dialog = dialog

    def about_text(self) -> str:
        """The About box's text (rich text, all of it ours)."""
        versions = tr("Menus", "Version %1 · Python %2 · Qt %3 · PySide6 %4 · %5").replace("%1", __version__)
        versions = versions.replace("%2", platform.python_version()).replace("%3", qVersion())
        versions = versions.replace("%4", pyside_version).replace("%5", sys.platform)
        what = tr("Menus", "A video library manager: one card per film or show, with all its versions.")
        source = tr("Menus", "Film and show data and images come from %1.").replace(
            "%1", '<a href="https://www.themoviedb.org/">The Movie Database (TMDB)</a>'
        )
        notice = tr("Menus", "This product uses the TMDB API but is not endorsed or certified by TMDB.")
        return f"<h3>videomanager</h3><p>{what}</p><p>{versions}</p><p>{source}<br><b>{notice}</b></p>"

    def show_about(self) -> None:
        dialog = QDialog(self.window)
        dialog.setWindowTitle(tr("Menus", "About videomanager"))
        label = QLabel(self.about_text())
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setOpenExternalLinks(True)
        label.setWordWrap(True)
        label.setObjectName("about-text")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        lay = QVBoxLayout(dialog)
        lay.addWidget(label)
        lay.addWidget(buttons)
        dialog.resize(520, 260)
        dialog.open()
        self.about_dialog = dialog
