"""A person's page (opened from a name in the detail panel's credits): their films as director and in the
cast, newest first, the ones in the library marked. TMDb's text is shown as plain text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

tr = QCoreApplication.translate


def person_films(data: dict) -> list[tuple[int, str, int | None, str]]:
    """(TMDb id, title, year, role) of every film of a person's ``movie_credits``, newest first; a film
    both directed and acted in is listed once per role."""
    credits = data.get("movie_credits") if isinstance(data.get("movie_credits"), dict) else {}
    out: dict[tuple[int, str], tuple[int, str, int | None, str]] = {}
    for part, default_role in (("crew", ""), ("cast", "")):
        for item in credits.get(part) or []:
            if not isinstance(item, dict) or not isinstance(item.get("id"), int):
                continue
            date = item.get("release_date") or ""
            year = int(date[:4]) if isinstance(date, str) and date[:4].isdigit() else None
            if part == "crew":
                role = (
                    tr("PersonDialog", "Director")
                    if item.get("job") == "Director"
                    else str(item.get("job") or "")
                )
            else:
                role = tr("PersonDialog", "Cast")
            title = item.get("title") if isinstance(item.get("title"), str) else ""
            out.setdefault((item["id"], role or default_role), (item["id"], title, year, role))
    return sorted(out.values(), key=lambda f: (-(f[2] or 0), f[1]))


class PersonDialog(QDialog):
    card_wanted = Signal(int)  # the TMDb id of an owned film (double-click: show its card)

    def __init__(self, data: dict, owned: set[int], parent=None) -> None:
        super().__init__(parent)
        name = data.get("name") if isinstance(data.get("name"), str) else ""
        self.setWindowTitle(name)
        films = person_films(data)
        mine = {f[0] for f in films} & owned
        heading = QLabel(name)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        self.summary = QLabel(
            tr("PersonDialog", "%n film(s) on TMDb", "", len({f[0] for f in films}))
            + " · "
            + tr("PersonDialog", "%n in your library", "", len(mine))
        )
        self.table = QTableWidget(len(films), 4)
        self.table.setHorizontalHeaderLabels(
            [
                tr("PersonDialog", "In library"),
                tr("PersonDialog", "Title"),
                tr("PersonDialog", "Year"),
                tr("PersonDialog", "Role"),
            ]  # fmt: skip
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, (tmdb_id, title, year, role) in enumerate(films):
            have = tmdb_id in owned
            cells = ["✓" if have else "", title, str(year) if year else "", role]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, tmdb_id)
                if have:
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (0, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemDoubleClicked.connect(
            lambda item: (
                int(item.data(Qt.ItemDataRole.UserRole)) in owned
                and self.card_wanted.emit(int(item.data(Qt.ItemDataRole.UserRole)))
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(heading)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.resize(620, 480)

    def owned_rows(self) -> list[str]:
        return [
            self.table.item(r, 1).text() for r in range(self.table.rowCount()) if self.table.item(r, 0).text()
        ]
