"""Duplicates and space: every card with copies that can go, the most space to win first; the keeper of each
edition with why, and check boxes on the copies (none checked until you choose) to send them to the trash.

Titles, file names and folders are outside text: the tree's cells are plain text.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from videomanager.core.advisor import Duplicates
from videomanager.core.models import Card, Version, resolution_label
from videomanager.gui.plain import plain_label, tooltip
from videomanager.gui.versions_view import (
    audio_text,
    bitrate_text,
    human_size,
    subtitles_text,
    video_text,
    why_words,
)

PATH_ROLE = Qt.ItemDataRole.UserRole
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
CAN_GO_ROLE = Qt.ItemDataRole.UserRole + 2  # a copy that can go (a check box), not a keeper


class DuplicatesDialog(QDialog):
    trash_requested = Signal(list)  # [(Card, [version paths])]: the window asks, then sends them to the trash
    card_chosen = Signal(str)  # a card id (double-click on a title): show it in the grid

    def __init__(self, found: list[Duplicates], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Duplicates and space"))
        self.found = list(found)
        total = sum(d.bytes for d in self.found)
        loc = QLocale()
        self.summary = plain_label(
            self.tr("%1 can be won back from %2 titles. Another edition, a missing file or an extra never counts.")
            .replace("%1", human_size(total)).replace("%2", loc.toString(len(self.found)))
            if self.found else self.tr("No film has copies of the same edition: nothing to win back.")
        )  # fmt: skip
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Title / version"), self.tr("Space to win / size"), self.tr("Resolution"),
                                   self.tr("HDR"), self.tr("Video"), self.tr("Audio"), self.tr("Subtitles"),
                                   self.tr("Bitrate"), self.tr("Edition"), self.tr("Location")])  # fmt: skip
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setMaximumSectionSize(360)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.itemChanged.connect(lambda *_: self._checked_changed())
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self._fill()
        self.suggest_button = QPushButton(self.tr("Check every copy that can go"))
        self.suggest_button.clicked.connect(self.check_suggested)
        self.trash_button = QPushButton(self.tr("Send checked to trash…"))
        self.trash_button.clicked.connect(self._trash)
        self.checked = plain_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.suggest_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.trash_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.tree, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.checked, 1)
        bottom.addWidget(buttons)
        lay.addLayout(bottom)
        self.resize(1100, 560)
        self._checked_changed()

    def _fill(self) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        self.tree.blockSignals(True)
        for d in self.found:
            year = f" ({d.card.year})" if d.card.year else ""
            top = QTreeWidgetItem(self.tree, [f"{d.card.title}{year}", human_size(d.bytes)])
            top.setFont(0, bold)
            top.setFont(1, bold)
            top.setData(0, CARD_ROLE, d.card.id)
            for k in d.keepers:
                if not k.others:
                    continue
                keep = self._row(top, k.version, "★ " + self.tr("keep"))
                keep.setFlags(keep.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                keep.setToolTip(0, tooltip(why_words(k.why)))
                for v in k.others:
                    row = self._row(top, v, "")
                    row.setData(0, CAN_GO_ROLE, True)
                    row.setCheckState(0, Qt.CheckState.Unchecked)
            top.setExpanded(True)
        self.tree.blockSignals(False)

    def _row(self, top: QTreeWidgetItem, v: Version, mark: str) -> QTreeWidgetItem:
        name = os.path.basename(v.path) + (f" (+{len(v.parts) - 1})" if len(v.parts) > 1 else "")
        m = v.media
        cells = [f"{name}  {mark}".rstrip(), human_size(v.size), resolution_label(v.resolution), v.hdr or "",
                 video_text(v), audio_text(m), subtitles_text(m), bitrate_text(m.bitrate if m else None),
                 v.edition or "", os.path.dirname(v.path)]  # fmt: skip
        row = QTreeWidgetItem(top, cells)
        row.setData(0, PATH_ROLE, v.path)
        row.setToolTip(0, tooltip(v.path))
        row.setToolTip(9, tooltip(os.path.dirname(v.path)))
        return row

    # -- choosing ------------------------------------------------------------------------------------------
    def chosen(self) -> list[tuple[Card, list[str]]]:
        """(card, checked version paths) for every card with something checked."""
        out = []
        for i, d in enumerate(self.found):
            top = self.tree.topLevelItem(i)
            paths = [top.child(j).data(0, PATH_ROLE) for j in range(top.childCount())
                     if top.child(j).data(0, CAN_GO_ROLE) and top.child(j).checkState(0) == Qt.CheckState.Checked]  # fmt: skip
            if paths:
                out.append((d.card, paths))
        return out

    def check_suggested(self) -> None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, CAN_GO_ROLE):
                    top.child(j).setCheckState(0, Qt.CheckState.Checked)

    def _checked_changed(self) -> None:
        chosen = self.chosen()
        size = sum(v.size for card, paths in chosen for v in card.versions if v.path in paths)
        count = sum(len(paths) for _card, paths in chosen)
        self.trash_button.setEnabled(bool(chosen))
        self.checked.setText(self.tr("Checked: %1 copies, %2").replace("%1", QLocale().toString(count))
                             .replace("%2", human_size(size)) if chosen else "")  # fmt: skip

    def _trash(self) -> None:
        chosen = self.chosen()
        if chosen:
            self.trash_requested.emit(chosen)

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        card_id = (item.parent() or item).data(0, CARD_ROLE)
        if card_id:
            self.card_chosen.emit(card_id)
