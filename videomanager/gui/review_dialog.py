"""The review queue, keyboard-driven: Enter accepts the suggestion, 1-5 pick a candidate, S searches, U unmatches,
Space skips. Each decision is a manual decision (it sticks, like Fix match) and the queue moves on.

Every title, reason and file name is outside text: the list and the labels are plain text.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from videomanager.core.decisions import card_file_ids
from videomanager.core.models import Candidate, Card, resolution_label
from videomanager.core.review import ReviewItem
from videomanager.gui.messages import render_reasons
from videomanager.gui.plain import plain_label

PICK_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3, Qt.Key.Key_5: 4}


class ReviewDialog(QDialog):
    decided = Signal(
        dict
    )  # a decision as the fix-match dialog makes it: {"action", "file_ids", "kind", "tmdb_id"}
    search_requested = Signal(object)  # Card: open Fix match on it

    def __init__(self, items: list[ReviewItem], card_for: Callable[[str], Card | None], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review"))
        self.setMinimumSize(640, 360)
        self.items = list(items)
        self.card_for = card_for
        self.done_ids: dict[str, str] = {}  # card id -> what was decided
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the dialog takes every key
        for item in self.items:
            year = f" ({item.year})" if item.year else ""
            row = QListWidgetItem(f"{item.title}{year}\n{self.reason_words(item)}")
            self.list.addItem(row)
        self.list.currentRowChanged.connect(self._show)
        self.title = plain_label()
        f = QFont(self.title.font())
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.3)
        self.title.setFont(f)
        self.reasons = plain_label()
        self.why = plain_label()
        self.why.setStyleSheet("color: gray;")
        self.suggestion = plain_label()
        self.candidates = plain_label()
        self.files = plain_label()
        self.files.setStyleSheet("color: gray;")
        self.status = plain_label()
        for label in (
            self.title,
            self.reasons,
            self.why,
            self.files,
            self.suggestion,
            self.candidates,
            self.status,
        ):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.keys = plain_label(self.tr("Enter: accept the suggestion   1-5: pick a candidate   S: search   "
                                        "U: unmatch   Space: skip   Esc: close"))  # fmt: skip
        self.keys.setStyleSheet("color: gray;")
        self._build_layout()
        self.resize(860, 460)
        if self.items:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)

    def _build_layout(self) -> None:
        detail = QWidget()
        dl = QVBoxLayout(detail)
        for w in (
            self.title,
            self.reasons,
            self.why,
            self.files,
            self.suggestion,
            self.candidates,
            self.status,
        ):
            dl.addWidget(w)
        dl.addStretch(1)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(detail)
        split.setSizes([320, 540])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for b in buttons.buttons():
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.keys, 1)
        bottom.addWidget(buttons)
        lay = QVBoxLayout(self)
        lay.addWidget(split, 1)
        lay.addLayout(bottom)

    # -- words ---------------------------------------------------------------------------------------------
    def reason_words(self, item: ReviewItem) -> str:
        words = {
            "ambiguous": self.tr("ambiguous"), "low_confidence": self.tr("low confidence"),
            "runtime_mismatch": self.tr("runtime disagrees"), "name_resolution_lies": self.tr("the name lies about the resolution"),
            "not_found": self.tr("not found on TMDb"),
        }  # fmt: skip
        return ", ".join(words.get(r, r) for r in item.reasons)

    def _candidate_line(self, c: Candidate) -> str:
        kind = self.tr("TV show") if c.kind == "tv" else self.tr("Movie")
        parts = [f"{c.title} ({c.year})" if c.year else c.title, kind]
        if c.runtime:
            parts.append(self.tr("%1 min").replace("%1", str(c.runtime)))
        if c.score:
            parts.append(QLocale().toString(float(c.score), "f", 2))
        return " — ".join(parts)

    def _file_line(self, v) -> str:
        """A version as the user checks it: its name, what it runs, its picture."""
        facts = [resolution_label(v.resolution)]
        if v.media is not None and v.media.duration_s:
            facts.insert(0, self.tr("runs %1 min").replace("%1", str(max(1, round(v.media.duration_s / 60)))))
        return f"{os.path.basename(v.path)} — {', '.join(f for f in facts if f)}"

    # -- showing -------------------------------------------------------------------------------------------
    def current(self) -> ReviewItem | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show(self, row: int) -> None:
        item = self.items[row] if 0 <= row < len(self.items) else None
        if item is None:
            self.title.setText(self.tr("Nothing to review."))
            for label in (self.reasons, self.why, self.files, self.suggestion, self.candidates, self.status):
                label.setText("")
            return
        self.title.setText(f"{item.title} ({item.year})" if item.year else item.title)
        self.reasons.setText(self.reason_words(item))
        self.why.setText(render_reasons(item.why))
        card = self.card_for(item.id)
        self.files.setText("\n".join(self._file_line(v) for v in (card.versions if card else ())[:6]))
        s = item.suggestion
        self.suggestion.setText(self.tr("Enter accepts: %1").replace("%1", self._candidate_line(s)) if s
                                else self.tr("No suggestion: search (S) or unmatch (U)."))  # fmt: skip
        lines = [f"{i + 1}.  {self._candidate_line(c)}" for i, c in enumerate(item.candidates)]
        self.candidates.setText("\n".join(lines))
        done = self.done_ids.get(item.id)
        self.status.setText(self.tr("Done: %1").replace("%1", done) if done else "")

    # -- keys ----------------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.current()
            if item is not None and item.suggestion is not None:
                self._match(item, item.suggestion)
        elif key in PICK_KEYS:
            item = self.current()
            i = PICK_KEYS[Qt.Key(key)]
            if item is not None and i < len(item.candidates):
                self._match(item, item.candidates[i])
        elif key == Qt.Key.Key_S:
            item = self.current()
            card = self.card_for(item.id) if item else None
            if card is not None:
                self.search_requested.emit(card)
        elif key == Qt.Key.Key_U:
            self._unmatch(self.current())
        elif key == Qt.Key.Key_Space:
            self.next()
        else:
            super().keyPressEvent(event)

    def next(self) -> None:
        """The next item not decided yet (the queue wraps round), or stay when every item is done."""
        n = len(self.items)
        start = self.list.currentRow()
        for step in range(1, n + 1):
            row = (start + step) % n
            if self.items[row].id not in self.done_ids:
                self.list.setCurrentRow(row)
                return

    def _match(self, item: ReviewItem, c: Candidate) -> None:
        card = self.card_for(item.id)
        if card is None:
            return
        self.decided.emit({"action": "match", "scope": "card", "file_ids": card_file_ids(card),
                           "kind": c.kind, "tmdb_id": c.tmdb_id})  # fmt: skip
        self._done(item, self.tr("matched to %1").replace("%1", self._candidate_line(c)))

    def _unmatch(self, item: ReviewItem | None) -> None:
        card = self.card_for(item.id) if item else None
        if item is None or card is None:
            return
        self.decided.emit({"action": "unmatch", "scope": "card", "file_ids": card_file_ids(card)})
        self._done(item, self.tr("unmatched"))

    def _done(self, item: ReviewItem, what: str) -> None:
        self.done_ids[item.id] = what
        row = self.items.index(item)
        entry = self.list.item(row)
        entry.setForeground(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        entry.setText(f"✓ {entry.text()}")
        self._show(row)
        self.next()
