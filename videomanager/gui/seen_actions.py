"""Seen marks in the window: the Seen action on the selected cards (menu, context menu, Ctrl+Shift+S), on
the selected episodes of the detail panel, and Play marking what it opens when the setting says so.

A mark is a user decision kept by the library (``core.seen``): the change runs off the GUI thread and
comes back through the card store like every decision.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from videomanager.core.models import Card

tr = QCoreApplication.translate


def card_files(card: Card) -> list[int]:
    """Every video file of a card (versions' parts and episodes; not extras)."""
    return [i for v in card.versions for i in v.file_ids] + [e.file_id for e in card.episodes if e.file_id]


class SeenControl(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(tr("SeenControl", "Seen"), window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.action.setToolTip(tr("SeenControl", "Mark the selected cards as seen, or not seen"))
        self.action.triggered.connect(lambda _c=False: self.toggle_selected())
        window.seen_action = self.action
        window.view.addAction(self.action)
        self.episode_action = QAction(tr("SeenControl", "Seen"), window)
        self.episode_action.setCheckable(True)
        self.episode_action.triggered.connect(lambda _c=False: self.toggle_episodes())
        episodes = window.detail.episodes
        episodes.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        episodes.addAction(self.episode_action)
        episodes.itemSelectionChanged.connect(self._episodes_selected)
        window.detail.play_button.clicked.connect(self._played)
        window.detail.episodes.itemActivated.connect(lambda _item, _col: self._played())
        window.view.play_requested.connect(self._played)
        window.cards_applied.connect(self.update_state)

    def update_state(self) -> None:
        card = self.window.current_card()
        self.action.setEnabled(card is not None)
        self.action.setChecked(bool(card is not None and card.seen))
        self._episodes_selected()

    def toggle_selected(self) -> None:
        cards = self.window.selected_cards()
        if not cards:
            return
        seen = not all(c.seen for c in cards)
        self.mark([i for c in cards for i in card_files(c)], seen)

    def _selected_episode_ids(self) -> list[int]:
        card = self.window.detail.card
        if card is None:
            return []
        by_path = {e.path: e.file_id for e in card.episodes}
        paths = [it.data(0, Qt.ItemDataRole.UserRole) for it in self.window.detail.episodes.selectedItems()]
        return [by_path[p] for p in paths if p in by_path]

    def _episodes_selected(self) -> None:
        card = self.window.detail.card
        ids = set(self._selected_episode_ids())
        self.episode_action.setEnabled(bool(ids))
        self.episode_action.setChecked(
            bool(ids) and card is not None and all(e.seen for e in card.episodes if e.file_id in ids)
        )

    def toggle_episodes(self) -> None:
        card = self.window.detail.card
        ids = self._selected_episode_ids()
        if card is None or not ids:
            return
        seen = not all(e.seen for e in card.episodes if e.file_id in ids)
        self.mark(ids, seen)

    def _played(self) -> None:
        """Play opened something: mark it seen when the setting says so."""
        detail = self.window.detail
        card = detail.card
        if card is None or not self.window.settings.mark_seen_on_play:
            return
        if card.versions:
            path = detail.selected_version_path()
            ids = next((list(v.file_ids) for v in card.versions if v.path == path), [])
        else:
            item = detail.episodes.currentItem()
            path = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
            ids = [e.file_id for e in card.episodes if e.path == path] or [
                e.file_id for e in card.episodes[:1]
            ]
        self.mark(ids, True)

    def mark(self, file_ids: list[int], seen: bool) -> None:
        from videomanager.core.seen import set_seen

        ids = [i for i in file_ids if i]
        if ids:
            library = self.window.library
            self.window.run_task("seen", lambda: set_seen(library, ids, seen))
