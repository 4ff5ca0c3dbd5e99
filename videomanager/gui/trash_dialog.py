"""The confirmation before copies go to the trash: every file named, the total, and Cancel as the default."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QVBoxLayout, QWidget

from videomanager.gui.plain import plain_label, tooltip
from videomanager.gui.versions_view import human_size


class TrashDialog(QDialog):
    """Lists every file that would go to the system trash, with the total; Send to trash accepts."""

    def __init__(
        self, title: str, files: list[tuple[str, int | None]], total: int, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send to trash"))
        self.files = [path for path, _size in files]
        n = len(files)
        head = (
            self.tr("Send 1 file of “%1” to the trash?")
            if n == 1
            else self.tr("Send %2 files of “%1” to the trash?")
        )
        self.question = plain_label(head.replace("%2", QLocale().toString(n)).replace("%1", title))
        self.question.setWordWrap(True)
        self.list = QListWidget()
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # the name and size stay in sight
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for path, size in files:
            self.list.addItem(f"{path}  ({human_size(size)})" if size is not None else path)
            self.list.item(self.list.count() - 1).setToolTip(tooltip(path))
        self.total = plain_label(self.tr("Total: %1. They go to the system trash, where you can restore them; "
                                         "nothing is deleted.").replace("%1", human_size(total)))  # fmt: skip
        self.total.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.send_button = buttons.addButton(
            self.tr("Send to trash"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        cancel.setFocus()
        self.send_button.setAutoDefault(False)
        self.send_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        for w in (self.question, self.list, self.total, buttons):
            lay.addWidget(w)
        self.resize(640, 320)
