"""Collections and people in the window: "Alien Collection: you own 2 of 5" in the detail panel, a
collection's films together (owned ones marked, the missing ones with their year and poster), a person's
page from the credits, and the "collections with gaps" filter.

TMDb is asked once per collection and once per person opened (the client caches the answers on disk,
and this window keeps them for the session); a film's collection comes with the details the panel
fetches anyway. The requests and the library writes run on their own thread (``CollectionsWorker``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from videomanager.core.collections import Collection
from videomanager.core.models import Card
from videomanager.gui.plain import escape
from videomanager.gui.workers import JobThread, worker_error

log = logging.getLogger(__name__)
tr = QCoreApplication.translate


class CollectionsWorker(QObject):
    """Fetches collections and people, keeps what a film's details say of its collection (its own thread)."""

    loaded = Signal(dict)  # collection id -> Collection: what the library holds
    collection_ready = Signal(int, object)  # collection id, Collection or None
    person_ready = Signal(int, object)  # person id, the person's answer (with movie_credits) or None
    failed = Signal(str)  # a sentence
    titles_changed = Signal()  # a film's stored title now names its collection: its card changes

    def __init__(self, library, client) -> None:
        super().__init__()
        self.library = library
        self.client = client

    @Slot()
    def load(self) -> None:
        from videomanager.core.collections import stored_collections

        try:
            self.loaded.emit(stored_collections(self.library))
        except Exception as exc:
            log.debug("collections not read", exc_info=True)
            self.failed.emit(worker_error(exc).message)

    @Slot(str, object)
    def details_arrived(self, card_id: str, data: object) -> None:
        from videomanager.core.collections import note_details

        kind, _, rest = card_id.partition(":")
        tmdb_id = rest.split(":", 1)[0]
        if kind == "movie" and tmdb_id.isdigit():
            try:
                if note_details(self.library, kind, int(tmdb_id), data):
                    self.titles_changed.emit()
            except Exception:  # the panel shows the details anyway; the card learns its collection later
                log.debug("collection of %s not kept", card_id, exc_info=True)

    @Slot(int)
    def fetch_collection(self, collection_id: int) -> None:
        from videomanager.core.collections import fetch_collection

        if self.client is None:
            self.collection_ready.emit(collection_id, None)
            return
        try:
            collection = fetch_collection(self.library, self.client, collection_id)
        except Exception as exc:
            self.failed.emit(worker_error(exc).message)
            collection = None
        self.collection_ready.emit(collection_id, collection)

    @Slot(int)
    def fetch_person(self, person_id: int) -> None:
        if self.client is None:
            self.person_ready.emit(person_id, None)
            return
        try:
            data = self.client.get_person(person_id, append_to_response="movie_credits")
        except Exception as exc:
            self.failed.emit(worker_error(exc).message)
            data = None
        self.person_ready.emit(person_id, data)


class CollectionsControl(QObject):
    """The window's collections and people (see the module docstring)."""

    _fetch_collection = Signal(int)
    _fetch_person = Signal(int)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.collections: dict[int, Collection] = {}
        self.people: dict[int, dict] = {}
        self._asked: set[int] = set()
        self._open_when_ready: set[int] = set()
        self.dialogs: list[QDialog] = []
        worker = CollectionsWorker(window.library, window.client)
        self.job = JobThread(worker, "collections", self)
        worker.loaded.connect(self._loaded)
        worker.titles_changed.connect(window.request_refresh)
        worker.collection_ready.connect(self._collection_ready)
        worker.person_ready.connect(self._person_ready)
        worker.failed.connect(lambda text: window.message_bar.show_message("collections", text, "warning"))
        self._fetch_collection.connect(worker.fetch_collection)
        self._fetch_person.connect(worker.fetch_person)
        window.details_job.worker.ready.connect(worker.details_arrived)
        self.job.start("load")
        self.action = QAction(tr("CollectionsControl", "Show the film's collection"), window)
        self.action.setShortcut("Ctrl+L")
        self.action.triggered.connect(lambda: self.open_collection_of(window.current_card()))
        window.collection_action = self.action
        window.detail.person_requested.connect(self.open_person)
        window.detail.collection.linkActivated.connect(
            lambda _href: self.open_collection_of(window.detail.card)
        )
        window.cards_applied.connect(self._cards_applied)
        self._update_action(None)

    def set_client(self, client) -> None:
        self.job.worker.client = client  # type: ignore[attr-defined]

    def stop(self) -> None:
        self.job.stop()

    # -- what the user owns ------------------------------------------------------------------------------------
    def owned_movies(self) -> set[int]:
        model = self.window.model
        return {c.tmdb_id for c in model.cards() if c.kind == "movie" and c.tmdb_id}

    def gaps(self) -> set[int]:
        """The collections (known to the library) the user owns part of, not all."""
        owned = self.owned_movies()
        return {cid for cid, c in self.collections.items() if c.owned(owned) and c.missing(owned)}

    # -- the detail panel --------------------------------------------------------------------------------------
    def card_shown(self, card: Card | None) -> None:
        """Say which collection the shown film belongs to, and how much of it is owned."""
        label = self.window.detail.collection
        self._update_action(card)
        if card is None or card.collection_id is None:
            label.setVisible(False)
            return
        name = escape(card.collection_name or tr("CollectionsControl", "a collection"))
        c = self.collections.get(card.collection_id)
        if c is None:
            text = tr("CollectionsControl", "Part of %1").replace("%1", f"<a href='collection'>{name}</a>")
            self._ask(card.collection_id)
        else:
            owned = len(c.owned(self.owned_movies()))
            text = (
                tr("CollectionsControl", "%1: you own %2 of %3")
                .replace("%1", f"<a href='collection'>{name}</a>")
                .replace("%2", str(owned))
                .replace("%3", str(len(c.parts)))
            )
        label.setText(text)
        label.setVisible(True)

    def _update_action(self, card: Card | None) -> None:
        self.action.setEnabled(card is not None and card.collection_id is not None)

    def _ask(self, collection_id: int) -> None:
        if collection_id not in self._asked:
            self._asked.add(collection_id)
            self._fetch_collection.emit(collection_id)

    def _cards_applied(self) -> None:
        self.card_shown(self.window.detail.card)

    def _loaded(self, collections: dict) -> None:
        self.collections.update(collections)
        self.window.refresh_gaps_filter()
        self.card_shown(self.window.detail.card)

    def _collection_ready(self, collection_id: int, collection: object) -> None:
        if isinstance(collection, Collection):
            self.collections[collection_id] = collection
            self.window.request_refresh()  # the other films of the collection now show it
            self.window.refresh_gaps_filter()
        else:
            self._asked.discard(collection_id)  # ask again next time
        self.card_shown(self.window.detail.card)
        if collection_id in self._open_when_ready:
            self._open_when_ready.discard(collection_id)
            if isinstance(collection, Collection):
                self._show_collection(collection)

    # -- dialogs -------------------------------------------------------------------------------------------------
    def open_collection_of(self, card: Card | None) -> None:
        if card is None or card.collection_id is None:
            return
        c = self.collections.get(card.collection_id)
        if c is not None:
            self._show_collection(c)
            return
        self._open_when_ready.add(card.collection_id)
        self._asked.discard(card.collection_id)
        self._ask(card.collection_id)

    def _show_collection(self, c: Collection) -> None:
        dialog = CollectionDialog(c, self.owned_movies(), self.window.posters, self.window)
        dialog.card_wanted.connect(self._select_movie)
        self._keep(dialog)

    def open_person(self, person_id: int) -> None:
        data = self.people.get(person_id)
        if data is not None:
            self._show_person(data)
            return
        self._open_when_ready.add(-person_id)
        self._fetch_person.emit(person_id)

    def _person_ready(self, person_id: int, data: object) -> None:
        if isinstance(data, dict):
            self.people[person_id] = data
            if -person_id in self._open_when_ready:
                self._show_person(data)
        self._open_when_ready.discard(-person_id)

    def _show_person(self, data: dict) -> None:
        from videomanager.gui.person_dialog import PersonDialog

        dialog = PersonDialog(data, self.owned_movies(), self.window)
        dialog.card_wanted.connect(self._select_movie)
        self._keep(dialog)

    def _keep(self, dialog: QDialog) -> None:
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.open()

    def _select_movie(self, tmdb_id: int) -> None:
        card = next(
            (c for c in self.window.model.cards() if c.kind == "movie" and c.tmdb_id == tmdb_id), None
        )
        if card is not None:
            self.window.select_card(card.id)


class CollectionDialog(QDialog):
    """The films of one collection: owned ones marked, missing ones with their year and poster."""

    card_wanted = Signal(int)  # the TMDb id of an owned film (double-click: show its card)

    def __init__(self, collection: Collection, owned: set[int], posters, parent=None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.posters = posters
        self.setWindowTitle(collection.name or tr("CollectionDialog", "Collection"))
        mine = collection.owned(owned)
        self.summary = QLabel(
            tr("CollectionDialog", "%1: you own %2 of %3")
            .replace("%1", collection.name)
            .replace("%2", str(len(mine)))
            .replace("%3", str(len(collection.parts)))
        )
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        font = self.summary.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.summary.setFont(font)
        self.films = QListWidget()
        self.films.setViewMode(QListWidget.ViewMode.IconMode)
        self.films.setIconSize(QSize(92, 138))
        self.films.setGridSize(QSize(150, 200))
        self.films.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.films.setMovement(QListWidget.Movement.Static)
        self.films.setWordWrap(True)
        self.films.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items: list[QListWidgetItem] = []
        for part in collection.parts:
            have = part.tmdb_id in owned
            year = f" ({part.year})" if part.year else ""
            state = tr("CollectionDialog", "owned") if have else tr("CollectionDialog", "missing")
            item = QListWidgetItem(f"{'✓ ' if have else ''}{part.title}{year}\n{state}")
            item.setData(Qt.ItemDataRole.UserRole, part.tmdb_id)
            item.setData(Qt.ItemDataRole.UserRole + 1, part.poster_path)
            item.setToolTip(f"{part.title}{year}")
            if not have:
                item.setForeground(self.palette().color(self.palette().ColorGroup.Disabled,
                                                        self.palette().ColorRole.Text))  # fmt: skip
            self.films.addItem(item)
            self.items.append(item)
        self.films.itemDoubleClicked.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.films, 1)
        lay.addWidget(buttons)
        self.resize(720, 480)
        if posters is not None:
            posters.poster_ready.connect(self._poster_ready)
        self._show_posters()

    def _show_posters(self) -> None:
        if self.posters is None:
            return
        for item in self.items:
            path = item.data(Qt.ItemDataRole.UserRole + 1)
            pm = self.posters.pixmap(path) if path else None
            if pm is not None and not pm.isNull():
                item.setIcon(QIcon(pm))

    def _poster_ready(self, _path: str) -> None:
        self._show_posters()

    def _activated(self, item: QListWidgetItem) -> None:
        self.card_wanted.emit(int(item.data(Qt.ItemDataRole.UserRole)))
