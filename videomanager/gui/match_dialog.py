"""The "fix match" dialog: the card's candidates with their scores, a free TMDb search, a TMDb id
(or a themoviedb.org address) entry, the scope (whole card or one file), and Unmatch.

The dialog changes nothing itself: ``decision()`` describes what the user chose and the caller
applies it with ``core.decisions.set_match`` / ``unmatch``. Searches and id look-ups run off the GUI
thread through ``search_runner`` (a QThreadPool by default) and come back by queued signal.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

import msgspec
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from videomanager.core.reasons import compose, phrase
from videomanager.gui.messages import render_reasons

from ..core.matcher import Query, candidate_from_result, score_candidates
from ..core.models import Candidate, Card
from .plain import escape, plain_label, rich_label

__all__ = ["MatchDialog", "SearchRunner", "ThreadPoolRunner", "parse_tmdb_reference"]

# run(fn, done): call fn() off the GUI thread, then done(result or exception) on the GUI thread.
SearchRunner = Callable[[Callable[[], Any], Callable[[Any], None]], None]

log = logging.getLogger(__name__)

_TMDB_URL = re.compile(r"themoviedb\.org/(movie|tv)/(\d+)")


def parse_tmdb_reference(text: str) -> tuple[str | None, int | None]:
    """(kind, id) from "603", "movie/603" or a themoviedb.org address; (None, None) if none."""
    text = text.strip()
    m = _TMDB_URL.search(text) or re.fullmatch(r"(movie|tv)[/:](\d+)", text)
    if m:
        return m.group(1), int(m.group(2))
    if text.isdigit() and int(text) > 0:
        return None, int(text)
    return None, None


class _Signals(QObject):
    done = Signal(object)


class _Call(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # delivered to the dialog, which shows it
            result = exc
        self.signals.done.emit(result)


class ThreadPoolRunner:
    """The default SearchRunner: QThreadPool.globalInstance(), result back by a queued signal."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool or QThreadPool.globalInstance()
        self._calls: set[_Call] = set()

    def __call__(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        call = _Call(fn)
        call.setAutoDelete(False)
        self._calls.add(call)

        def finished(result: Any, call: _Call = call) -> None:
            self._calls.discard(call)
            done(result)

        call.signals.done.connect(finished, Qt.ConnectionType.QueuedConnection)
        self._pool.start(call)


def _card_files(card: Card) -> list[tuple[str, list[int]]]:
    """(label, file ids) for every version and episode of the card."""
    files: list[tuple[str, list[int]]] = []
    for v in card.versions:
        label = v.path.rsplit("/", 1)[-1]
        if len(v.parts) > 1:
            label += f" (+{len(v.parts) - 1})"
        files.append((label, [i for i in v.file_ids if i]))
    for e in card.episodes:
        files.append((e.path.rsplit("/", 1)[-1], [e.file_id] if e.file_id else []))
    return [(label, ids) for label, ids in files if ids]


class MatchDialog(QDialog):
    """Choose the TMDb title of a card (or of one of its files), or unmatch it."""

    results_shown = Signal(int)  # number of rows after a search or look-up (tests listen to it)

    COLUMNS = ("title", "year", "kind", "score", "tmdb_id", "reasons")

    def __init__(
        self,
        card: Card,
        *,
        client: Any,
        search_runner: SearchRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.card = card
        self._client = client
        self._runner: SearchRunner = search_runner or ThreadPoolRunner()
        self._decision: dict[str, Any] | None = None
        self._files = _card_files(card)
        self._busy = False
        self.setWindowTitle(self.tr("Fix match: {title}").format(title=card.title))
        self._build()
        self.show_candidates(sorted(card.candidates, key=lambda c: c.score, reverse=True))
        self.resize(760, 560)

    # ----- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        year = f" ({self.card.year})" if self.card.year else ""
        header = rich_label()
        header.setText(f"<b>{escape(self.card.title)}{escape(year)}</b>")
        layout.addWidget(header)
        if self.card.reasons:
            layout.addWidget(plain_label(render_reasons(self.card.reasons)))

        layout.addLayout(self._search_row())
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels(
            [
                self.tr("Title"),
                self.tr("Year"),
                self.tr("Kind"),
                self.tr("Score"),
                self.tr("TMDb id"),
                self.tr("Why"),
            ]
        )
        header_view = self.table.header()
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 6):
            header_view.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._row_selected)
        self.table.itemDoubleClicked.connect(lambda *_: self.apply_match())
        layout.addWidget(self.table, 1)
        self.status_label = plain_label()  # says what TMDb answered, in its words
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

        layout.addLayout(self._id_row())
        layout.addWidget(self._scope_box())
        layout.addWidget(self._buttons())

    def _search_row(self) -> QHBoxLayout:
        search = QHBoxLayout()
        self.title_edit = QLineEdit(self.card.title)
        self.title_edit.setPlaceholderText(self.tr("Title"))
        self.title_edit.returnPressed.connect(self.start_search)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(0, 2100)
        self.year_spin.setSpecialValueText(self.tr("any year"))
        self.year_spin.setValue(self.card.year or 0)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Movie"), "movie")
        self.kind_combo.addItem(self.tr("TV show"), "tv")
        self.kind_combo.setCurrentIndex(1 if self.card.kind == "tv" or self.card.episodes else 0)
        self.search_button = QPushButton(self.tr("Search TMDb"))
        self.search_button.clicked.connect(self.start_search)
        search.addWidget(self.title_edit, 1)
        search.addWidget(self.year_spin)
        search.addWidget(self.kind_combo)
        search.addWidget(self.search_button)
        return search

    def _id_row(self) -> QHBoxLayout:
        id_row = QHBoxLayout()
        self.id_edit = QLineEdit()
        self.id_edit.setPlaceholderText(self.tr("TMDb id or themoviedb.org address"))
        self.id_edit.textChanged.connect(self._id_edited)
        self.lookup_button = QPushButton(self.tr("Look up"))
        self.lookup_button.clicked.connect(self.start_lookup)
        id_row.addWidget(QLabel(self.tr("TMDb id:")))
        id_row.addWidget(self.id_edit, 1)
        id_row.addWidget(self.lookup_button)
        return id_row

    def _scope_box(self) -> QGroupBox:
        scope = QGroupBox(self.tr("Apply to"))
        scope_layout = QHBoxLayout(scope)
        self.scope_card = QRadioButton(self.tr("The whole card (%n file(s))", "", len(self._all_ids())))
        self.scope_file = QRadioButton(self.tr("Only this file:"))
        self.file_combo = QComboBox()
        for label, ids in self._files:
            self.file_combo.addItem(label, ids)
        self.scope_group = QButtonGroup(self)
        self.scope_group.addButton(self.scope_card)
        self.scope_group.addButton(self.scope_file)
        self.scope_card.setChecked(True)
        self.scope_file.setEnabled(len(self._files) > 1)
        self.file_combo.setEnabled(False)
        self.scope_file.toggled.connect(self.file_combo.setEnabled)
        scope_layout.addWidget(self.scope_card)
        scope_layout.addWidget(self.scope_file)
        scope_layout.addWidget(self.file_combo, 1)
        return scope

    def _buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(
            self.tr("Apply match"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unmatch_button = self.buttons.addButton(
            self.tr("Unmatch"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button.clicked.connect(self.apply_match)
        self.unmatch_button.clicked.connect(self.apply_unmatch)
        self.buttons.rejected.connect(self.reject)
        self.unmatch_button.setEnabled(self.card.tmdb_id is not None)
        self.apply_button.setEnabled(False)
        return self.buttons

    # ----- rows ---------------------------------------------------------------------------------
    def show_candidates(self, candidates: list[Candidate], *, scored: bool = True) -> None:
        self.table.clear()
        for c in candidates:
            kind = self.tr("TV show") if c.kind == "tv" else self.tr("Movie")
            score = (
                f"{c.score:.2f}" if scored else self.tr("popularity {value:.0f}").format(value=c.popularity)
            )
            title = (
                c.title
                if not c.original_title or c.original_title == c.title
                else f"{c.title} ({c.original_title})"
            )
            item = QTreeWidgetItem(
                [title, str(c.year or ""), kind, score, str(c.tmdb_id), render_reasons(c.reasons)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, c)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
        if not candidates:
            self.status_label.setText(self.tr("No candidates: search TMDb or enter an id."))
        self.results_shown.emit(len(candidates))

    def rows(self) -> list[Candidate]:
        return [
            self.table.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
            for i in range(self.table.topLevelItemCount())
        ]

    def _row_selected(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        c: Candidate = items[0].data(0, Qt.ItemDataRole.UserRole)
        self.id_edit.setText(f"{c.kind}/{c.tmdb_id}")

    def _id_edited(self) -> None:
        kind, tmdb_id = parse_tmdb_reference(self.id_edit.text())
        if kind is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self.apply_button.setEnabled(tmdb_id is not None)

    # ----- searches (off the GUI thread) ---------------------------------------------------------
    def _set_busy(self, busy: bool, message: str = "") -> None:
        self._busy = busy
        self.search_button.setEnabled(not busy)
        self.lookup_button.setEnabled(not busy)
        self.search_button.setText(self.tr("Searching...") if busy else self.tr("Search TMDb"))
        self.status_label.setText(message)

    @Slot()
    def start_search(self) -> None:
        title = self.title_edit.text().strip()
        if not title or self._busy:
            return
        year = self.year_spin.value() or None
        kind = self.kind_combo.currentData()
        client = self._client

        def search() -> tuple[list[Candidate], bool]:
            method = client.search_tv if kind == "tv" else client.search_movie
            data = method(title, year=year)
            items = data.get("results") if isinstance(data, dict) else None
            return _score(items if isinstance(items, list) else [], title, year, kind)

        self._set_busy(True, self.tr("Searching TMDb for \u201c{title}\u201d...").format(title=title))
        self._runner(search, self._search_done)

    def _search_done(self, result: Any) -> None:
        self._set_busy(False)
        if isinstance(result, Exception):
            self.status_label.setText(self.tr("The search failed: {reason}").format(reason=_reason(result)))
            return
        candidates, scored = result
        self.show_candidates(candidates, scored=scored)
        if candidates:
            self.status_label.setText(self.tr("{count} results.").format(count=len(candidates)))

    @Slot()
    def start_lookup(self) -> None:
        kind, tmdb_id = parse_tmdb_reference(self.id_edit.text())
        if tmdb_id is None or self._busy:
            return
        kind = kind or self.kind_combo.currentData()
        client = self._client

        def lookup() -> Candidate:
            data = client.get_tv_show(tmdb_id) if kind == "tv" else client.get_movie(tmdb_id)
            candidate = _candidate(data, kind)
            if candidate is None:
                raise UnreadableAnswer()
            return candidate

        what = self.tr("TV show") if kind == "tv" else self.tr("Movie")
        self._set_busy(True, self.tr("Looking up {kind} {id}...").format(kind=what, id=tmdb_id))
        self._runner(lookup, self._lookup_done)

    def _lookup_done(self, result: Any) -> None:
        self._set_busy(False)
        if isinstance(result, Exception):
            reason = (
                self.tr("TMDb's answer could not be read.")
                if isinstance(result, UnreadableAnswer)
                else _reason(result)
            )
            self.status_label.setText(self.tr("Look-up failed: {reason}").format(reason=reason))
            return
        self.show_candidates([result], scored=False)
        self.table.setCurrentItem(self.table.topLevelItem(0))

    # ----- the decision -------------------------------------------------------------------------
    def _all_ids(self) -> list[int]:
        return [i for _label, ids in self._files for i in ids]

    def _scope(self) -> tuple[str, list[int]]:
        if self.scope_file.isChecked() and self.file_combo.currentIndex() >= 0:
            return "file", list(self.file_combo.currentData())
        return "card", self._all_ids()

    def set_scope(self, scope: str, file_index: int = 0) -> None:
        """Choose "card" or "file" (with the index of the file in the combo)."""
        (self.scope_file if scope == "file" else self.scope_card).setChecked(True)
        if scope == "file":
            self.file_combo.setCurrentIndex(file_index)

    @Slot()
    def apply_match(self) -> None:
        kind, tmdb_id = parse_tmdb_reference(self.id_edit.text())
        if tmdb_id is None:
            return
        scope, ids = self._scope()
        self._decision = {
            "action": "match",
            "kind": kind or self.kind_combo.currentData(),
            "tmdb_id": tmdb_id,
            "scope": scope,
            "file_ids": ids,
        }
        self.accept()

    @Slot()
    def apply_unmatch(self) -> None:
        scope, ids = self._scope()
        self._decision = {"action": "unmatch", "scope": scope, "file_ids": ids}
        self.accept()

    def decision(self) -> dict[str, Any] | None:
        """What to apply after the dialog closed with Apply or Unmatch; None after Cancel."""
        return self._decision if self.result() == QDialog.DialogCode.Accepted else None


def _score(items: list[dict], title: str, year: int | None, kind: str) -> tuple[list[Candidate], bool]:
    """Candidates from raw results, scored by the matcher like the identify pipeline does."""
    candidates = [c for c in (_candidate(item, kind) for item in items) if c is not None]
    scored = score_candidates(Query(title=title, year=year, kind=kind), candidates)
    out = [
        msgspec.structs.replace(
            s.candidate, score=s.score, reasons=compose([phrase("title", f"{s.title_sim:.2f}"), s.year_note])
        )
        for s in scored
    ]
    return out, True


def _candidate(item: object, kind: str) -> Candidate | None:
    """A candidate from one TMDb result; None (logged) for a result without a valid id or title."""
    if not isinstance(item, dict):
        log.info("TMDb result that is not an object left out: %.200r", item)
        return None
    tmdb_id = item.get("id")
    keys = ("name", "original_name") if kind == "tv" else ("title", "original_title")
    titles_ok = all(item.get(k) is None or isinstance(item.get(k), str) for k in keys)
    if not isinstance(tmdb_id, int) or isinstance(tmdb_id, bool) or tmdb_id <= 0 or not titles_ok:
        log.info("TMDb result without a valid id or title left out: %.200r", item)
        return None
    return candidate_from_result(item, kind)


class UnreadableAnswer(Exception):
    """A look-up answered with something that is not a TMDb title."""


def _reason(exc: Exception) -> str:
    return getattr(exc, "user_message", None) or type(exc).__name__
