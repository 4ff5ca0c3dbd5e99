"""Which title a merge keeps, when the cards being merged are identified as different TMDb titles.

The dialog only asks: ``chosen()`` is the card whose TMDb title the merged card keeps (None after
Cancel); the window applies the merge.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from videomanager.core.models import Card
from videomanager.gui.plain import plain_label


class MergeDialog(QDialog):
    """A list of the identified cards (the current one first and selected), OK and Cancel."""

    def __init__(self, cards: list[Card], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge cards"))
        layout = QVBoxLayout(self)
        question = plain_label(
            self.tr("These cards are different titles on TMDb. Which one does the merged card keep?")
        )
        question.setWordWrap(True)
        layout.addWidget(question)
        self.list = QListWidget()
        for card in cards:
            kind = self.tr("TV show") if card.kind == "tv" else self.tr("Movie")
            year = f" ({card.year})" if card.year else ""
            item = QListWidgetItem(f"{card.title}{year} — {kind}, TMDb {card.tmdb_id}")
            item.setData(Qt.ItemDataRole.UserRole, card)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)

    def choose(self, row: int) -> None:
        self.list.setCurrentRow(row)

    def candidates(self) -> list[Card]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def chosen(self) -> Card | None:
        """The card whose title to keep, once the dialog was accepted; None after Cancel."""
        item = self.list.currentItem()
        if self.result() != QDialog.DialogCode.Accepted or item is None:
            return None
        return item.data(Qt.ItemDataRole.UserRole)
