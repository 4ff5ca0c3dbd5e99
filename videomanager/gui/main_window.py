"""The main window: toolbar, search and filters, the card grid, the detail panel, the status bar.

Everything slow happens in workers (scan, identify, card rebuilds, details, posters); the window only
starts them, applies what they send back in small batches and shows progress. Collaborators (library,
settings, TMDb client, dialog factories, core actions) arrive through ``__init__`` from ``gui/app.py``.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import deque
from pathlib import Path

from PySide6.QtCore import (
    QItemSelectionModel,
    QLocale,
    QSettings,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from videomanager.core.models import Card
from videomanager.core.settings import Settings
from videomanager.gui.card_delegate import POSTER_H, POSTER_RADIUS, POSTER_W, CardDelegate, CardGrid
from videomanager.gui.collections_view import CollectionsControl
from videomanager.gui.detail_panel import DetailPanel
from videomanager.gui.library_model import (
    FILTER_ALL,
    FILTER_GAPS,
    FILTERS,
    SORT_KEYS,
    SORT_TITLE,
    CardFilterProxy,
    CardModel,
    CardRole,
    CardsDiff,
    diff_batches,
)
from videomanager.gui.media_actions import MediaActions
from videomanager.gui.menus import WindowMenus
from videomanager.gui.message_bar import LEVEL_ERROR, LEVEL_INFO, LEVEL_WARNING, MessageBar
from videomanager.gui.organize_dialog import open_organize_dialog
from videomanager.gui.posters import PosterCache, http_fetcher
from videomanager.gui.progress import StatusPanel
from videomanager.gui.seen_actions import SeenControl, card_files
from videomanager.gui.watcher import WatchControl
from videomanager.gui.window_actions import Hooks, WindowActions
from videomanager.gui.workers import (
    CardsWorker,
    DetailsWorker,
    IdentifyWorker,
    JobThread,
    ScanWorker,
    WorkerError,
)

log = logging.getLogger(__name__)

APPLY_CHUNK = 250  # cards applied to the grid at a time
APPLY_BUDGET_S = 0.025  # chunks applied per event-loop turn until this much time is spent
REFRESH_MS = 250  # card updates at most ~4/s while a scan or identification runs
FIRST_SCREEN = 100  # cards: below this, a scan's writes are shown at once
# Files a scan has written before identify starts while it still runs. A smaller scan is read, then its
# files' media info, then identified, so the files' runtimes count from the first lookup; a bigger one is
# identified as it goes, and its runtimes are checked by the identify run that follows the media read.
IDENTIFY_DURING_SCAN_AFTER = 1000
PARSER_WARM_UP_MS = 2000  # after opening, the first scan's name reader is built on a background thread


class MainWindow(WindowActions, MediaActions, QMainWindow):
    scan_finished = Signal(dict)
    identify_finished = Signal(dict)
    cards_applied = Signal()
    _refresh_cards = Signal()
    _fetch_details = Signal(str, str, int)
    _requests_counted = Signal(int)  # the day's count of requests that reached TMDb (any thread)

    def __init__(
        self,
        library,
        settings: Settings,
        *,
        posters_dir: Path,
        ui_state_path: Path,
        client=None,
        hooks: Hooks | None = None,
        scan_workers: int | None = None,
        auto_identify: bool = True,
        watch_folders: bool = True,
    ) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self.client = client
        self.hooks = hooks or Hooks()
        self.scan_workers = scan_workers
        self.auto_identify = auto_identify
        self.identify_during_scan_after = IDENTIFY_DURING_SCAN_AFTER  # files (see the constant)
        self._scan_written = 0
        self.ui_state = QSettings(str(ui_state_path), QSettings.Format.IniFormat)
        self._scan_job: JobThread | None = None
        self._identify_job: JobThread | None = None
        self._scan_queue: list[str] = []
        self._removing: set[str] = set()  # library folders being removed (off the GUI thread)
        self._tasks: set[JobThread] = set()
        self._stopping: set[str] = set()  # "scan", "identify": asked to stop, not ended yet
        self._identify_progress: dict = {}
        self._pending_diffs: deque[CardsDiff] = deque()
        self._follow_files: list[int] = []  # files whose card is selected again after a library change
        self._selected_files: list[int] | None = None  # the current card's files while cards are applied
        self._dirty = False
        self._refresh_busy = False
        self._closing = False
        self.setWindowTitle("videomanager")
        self.setAcceptDrops(True)

        self._build_models(posters_dir)
        self._build_actions()
        self._build_ui()
        self._build_workers()
        self.folder_watch = WatchControl(self, watch_folders)
        self._build_desktop()
        self._restore_ui_state()
        self.menus.restore_zoom()
        self.update_key_state()
        self._cards_count_changed()
        self._build_timers()
        self.request_refresh()
        self.start_media_read()  # what an earlier run left unread
        self._update_actions()

    # -- construction -----------------------------------------------------------------------------------
    def _build_models(self, posters_dir: Path) -> None:
        self.posters = PosterCache(posters_dir, self._make_fetch(), QSize(POSTER_W, POSTER_H),
                                   self.devicePixelRatioF(), parent=self, corner_radius=POSTER_RADIUS)  # fmt: skip
        self.posters.poster_ready.connect(self._poster_ready)
        self.model = CardModel(self)
        self.proxy = CardFilterProxy(self)
        # Between the grid and the (Python) model, always a proxy whose rows live in C++: QListView lays out
        # every row after each insert or removal and asks the model for an index twice per row, which on the
        # Python model means tens of thousands of Python calls per change. Without a search or filter, that
        # proxy is a plain C++ one (the filter proxy calls Python for every inserted row).
        self.passthrough = QSortFilterProxyModel(self)
        self.passthrough.setSourceModel(self.model)

    def _build_timers(self) -> None:
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self._maybe_refresh)
        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.setInterval(0)
        self._apply_timer.timeout.connect(self._apply_next)
        QTimer.singleShot(PARSER_WARM_UP_MS, self._warm_up_parser)

    def _make_fetch(self):
        if self.hooks.poster_fetch is not None:
            return self.hooks.poster_fetch
        if self.client is None:
            return None
        client = self.client
        return http_fetcher(lambda p: client.image_url(p, "w342"))

    def _std(self, pixmap: QStyle.StandardPixmap):
        return self.style().standardIcon(pixmap)

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.add_folder_action = QAction(self._std(sp.SP_DirOpenIcon), self.tr("Add folder…"), self)
        self.add_folder_action.setShortcut(QKeySequence.StandardKey.Open)
        self.add_folder_action.triggered.connect(self.choose_folder)
        self.rescan_action = QAction(self._std(sp.SP_BrowserReload), self.tr("Rescan"), self)
        self.rescan_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.rescan_action.triggered.connect(self.rescan)
        self.identify_action = QAction(self._std(sp.SP_FileDialogContentsView), self.tr("Identify"), self)
        self.identify_action.triggered.connect(lambda: self.start_identify())
        self.stop_action = QAction(self._std(sp.SP_BrowserStop), self.tr("Stop"), self)
        self.stop_action.triggered.connect(self.stop_work)
        self.settings_action = QAction(self._std(sp.SP_FileDialogDetailedView), self.tr("Settings…"), self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        self.fix_match_action = QAction(self.tr("Fix match…"), self)
        self.fix_match_action.triggered.connect(lambda: self.open_match_dialog(self.current_card()))
        self.merge_action = QAction(self.tr("Merge selected cards"), self)
        self.merge_action.setShortcut(QKeySequence("Ctrl+M"))
        self.merge_action.setToolTip(self.tr("Put the files of the selected cards on the current one"))
        self.merge_action.setEnabled(False)
        self.merge_action.triggered.connect(self.merge_selected)
        self.forget_missing_action = QAction(self.tr("Forget missing files…"), self)
        self.forget_missing_action.setToolTip(
            self.tr("Take the files that cannot be found out of the library")
        )
        self.forget_missing_action.triggered.connect(self.forget_missing)
        self._build_media_actions()
        self.organize_action = QAction(self.tr("Organize files…"), self)
        self.organize_action.setToolTip(self.tr("Rename and move files as Plex or Jellyfin expect them, with a preview and undo"))  # fmt: skip
        self.organize_action.triggered.connect(lambda: open_organize_dialog(self))

    def _build_ui(self) -> None:
        self._build_toolbar()
        self._build_grid()
        self.detail = DetailPanel(poster_for=self.posters.pixmap)
        self.detail.details_wanted.connect(self._fetch_details)
        self.detail.fix_match_requested.connect(self.open_match_dialog)
        self.detail.split_requested.connect(self.split_off)
        self.detail.trash_requested.connect(self.confirm_trash)
        self.detail.open_failed.connect(
            lambda text: self.message_bar.show_message("open", text, LEVEL_WARNING)
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main-splitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 380])
        self.message_bar = MessageBar()
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.message_bar)
        lay.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._build_status_bar()

    def _build_toolbar(self) -> None:
        tb = self.addToolBar(self.tr("Main"))
        tb.setObjectName("main-toolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.setIconSize(QSize(18, 18))
        for a in (self.add_folder_action, self.rescan_action, self.identify_action, self.stop_action,
                  self.review_action):  # fmt: skip
            tb.addAction(a)
        tb.addSeparator()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, original title, year, path"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self._filter_changed)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        tb.addWidget(self.search)
        self._build_filter_and_sort(tb)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tb.addWidget(spacer)
        tb.addAction(self.organize_action)
        tb.addAction(self.settings_action)
        self.addAction(self.fix_match_action)
        self.addAction(self.merge_action)

    def _build_filter_and_sort(self, tb) -> None:
        self.filter_box = QComboBox()
        labels = {
            "all": self.tr("All"), "movies": self.tr("Movies"), "tv": self.tr("TV"),
            "unidentified": self.tr("Unidentified"), "ambiguous": self.tr("Ambiguous"),
            "several": self.tr("Several versions"), "missing": self.tr("Missing files"),
            "unseen": self.tr("Unseen"), "gaps": self.tr("Collections with gaps"),
        }  # fmt: skip
        for name in FILTERS:
            self.filter_box.addItem(labels[name], name)
        self.filter_box.currentIndexChanged.connect(lambda _i: self._filter_changed())
        tb.addWidget(self.filter_box)
        self.sort_box = QComboBox()
        sort_labels = {
            "title": self.tr("Title"), "year": self.tr("Year"), "added": self.tr("Date added"),
            "size": self.tr("Size"), "resolution": self.tr("Resolution"),
        }  # fmt: skip
        for name in SORT_KEYS:
            self.sort_box.addItem(sort_labels[name], name)
        self.sort_box.setToolTip(self.tr("Sort by"))
        self.sort_box.currentIndexChanged.connect(lambda _i: self._sort_changed())
        tb.addWidget(self.sort_box)
        self.order_button = QToolButton()
        self.order_button.setCheckable(True)
        self.order_button.setToolTip(self.tr("Descending order"))
        self.order_button.setIcon(self._std(QStyle.StandardPixmap.SP_ArrowUp))
        self.order_button.toggled.connect(lambda _c: self._sort_changed())
        self.order_button.toggled.connect(
            lambda c: self.order_button.setIcon(
                self._std(QStyle.StandardPixmap.SP_ArrowDown if c else QStyle.StandardPixmap.SP_ArrowUp)
            )
        )
        tb.addWidget(self.order_button)
        self.filter_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sort_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def _build_grid(self) -> None:
        self.view = CardGrid()
        self.view.setModel(self.passthrough)  # the filter proxy comes in only while a search or filter is on
        self.proxy.setSourceModel(None)  # type: ignore[arg-type]
        for model in (self.passthrough, self.proxy):
            for sig in (model.rowsInserted, model.rowsRemoved, model.layoutChanged, model.modelReset):
                sig.connect(self._cards_count_changed)
        self.delegate = CardDelegate(self.posters, self.view)
        self.view.verticalScrollBar().valueChanged.connect(lambda _v: self.posters.hold())
        self.view.setItemDelegate(self.delegate)
        # Right-click on the grid: fix the match of the current card, merge the selected ones.
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.addAction(self.fix_match_action)
        self.view.addAction(self.merge_action)
        separator = QAction(self)
        separator.setSeparator(True)
        self.view.addAction(separator)
        self.view.addAction(self.forget_missing_action)
        self._watch_selection()
        self.view.doubleClicked.connect(lambda _i: self.detail._play())

    def _build_status_bar(self) -> None:
        self.status = StatusPanel(self.statusBar())
        self.count_label = QLabel()
        self.statusBar().addWidget(self.count_label)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.setVisible(False)
        self.statusBar().addPermanentWidget(self.progress)
        self._build_media_status()
        self.status.set_budget(self._requests_today(), self.settings.daily_request_limit)
        self._requests_counted.connect(self._show_requests_today)
        self._watch_budget(None, self.client)

    def _build_workers(self) -> None:
        worker = CardsWorker(self.library)
        self.cards_job = JobThread(worker, "cards", self)
        self._refresh_cards.connect(worker.refresh)
        worker.loaded.connect(self._apply_later)
        worker.diff_ready.connect(self._diff_ready)
        self._watch_review(worker)
        self.cards_job.worker.failed.connect(self._worker_failed)
        self.cards_job.start()
        self.details_job = JobThread(DetailsWorker(self.client, self.library), "details", self)
        self._fetch_details.connect(self.details_job.worker.fetch)
        self.details_job.worker.ready.connect(self.detail.set_details)
        self.details_job.worker.failed.connect(self.detail.set_details_failed)
        self.details_job.start()

    def _build_desktop(self) -> None:
        """Menus and keys, seen marks, collections and people (gui/menus.py, seen_actions.py,
        collections_view.py)."""
        self.seen = SeenControl(self)
        self.collections = CollectionsControl(self)
        self.menus = WindowMenus(self)
        self.view.open_requested.connect(self.show_details)
        self.view.play_requested.connect(self.detail._play)

    def show_details(self) -> None:
        """Enter on a card: the detail panel, opened if it was folded away, takes the focus."""
        sizes = self.splitter.sizes()
        if len(sizes) == 2 and sizes[1] == 0:
            self.splitter.setSizes([max(1, sizes[0] - 380), 380])
        self.detail.setFocus(Qt.FocusReason.OtherFocusReason)

    def _follow_selection(self) -> None:
        """After a fix, merge, split or unmatch, the card of the files that were selected becomes current again
        (its id changed with its identity); it may come with a later refresh."""
        if self._select_files(self._follow_files):
            self._follow_files = []

    def _select_files(self, file_ids: list[int]) -> bool:
        """Make the card holding these files current, unless it is already. False when no card holds them."""
        files = set(file_ids)
        if not files:
            return False
        current = self.current_card()
        if current is not None and files & set(card_files(current)):
            return True
        card = next((c for c in self.model.cards() if files & set(card_files(c))), None)
        if card is not None:
            self.select_card(card.id)
        return card is not None

    def refresh_gaps_filter(self) -> None:
        """The "collections with gaps" filter follows what is owned and what the collections hold."""
        if self.proxy.filter_name == FILTER_GAPS:
            self.proxy.set_gaps(self.collections.gaps())

    # -- persistence of the window's layout -----------------------------------------------------------------
    def _restore_ui_state(self) -> None:
        geo = self.ui_state.value("window/geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            self.resize(1280, 820)
        split = self.ui_state.value("window/splitter")
        if split is not None:
            self.splitter.restoreState(split)
        sort = str(self.ui_state.value("view/sort", SORT_TITLE))
        desc = str(self.ui_state.value("view/descending", "false")).lower() == "true"
        filt = str(self.ui_state.value("view/filter", FILTER_ALL))
        self.sort_box.setCurrentIndex(max(0, self.sort_box.findData(sort)))
        self.order_button.setChecked(desc)
        self.filter_box.setCurrentIndex(max(0, self.filter_box.findData(filt)))
        self._sort_changed()

    def save_ui_state(self) -> None:
        self.ui_state.setValue("window/geometry", self.saveGeometry())
        self.ui_state.setValue("window/splitter", self.splitter.saveState())
        self.ui_state.setValue("view/sort", self.sort_box.currentData())
        self.ui_state.setValue("view/descending", "true" if self.order_button.isChecked() else "false")
        self.ui_state.setValue("view/filter", self.filter_box.currentData())
        self.ui_state.sync()

    def _watch_selection(self) -> None:
        selection = self.view.selectionModel()
        selection.currentChanged.connect(lambda cur, _prev: self._current_changed(cur))
        selection.selectionChanged.connect(
            lambda *_a: self.merge_action.setEnabled(len(selection.selectedIndexes()) > 1)
        )
        self.merge_action.setEnabled(len(selection.selectedIndexes()) > 1)

    def _filter_changed(self) -> None:
        """Apply the search and the filter. With neither, the view shows the pass-through proxy: the filter
        proxy calls Python for every row of every insert, on the GUI thread."""
        text, name = self.search.text(), self.filter_box.currentData() or FILTER_ALL
        active = bool(text.split()) or name != FILTER_ALL
        want = self.proxy if active else self.passthrough
        current = self.current_card()
        self.proxy.set_search(text)
        if name == FILTER_GAPS:
            self.proxy.set_gaps(self.collections.gaps())
        self.proxy.set_filter(name)
        if self.view.model() is not want:
            if active:
                self.proxy.setSourceModel(self.model)
            self.view.setModel(want)  # a new selection model: follow it, keep the current card
            if not active:
                self.proxy.setSourceModel(None)  # type: ignore[arg-type]
            self._watch_selection()
            if current is None or not self.select_card(current.id):
                self.detail.show_card(None)
        self._cards_count_changed()

    def _sort_changed(self) -> None:
        order = (self.sort_box.currentData() or SORT_TITLE, self.order_button.isChecked())
        self.model.set_sort(*order)
        job = getattr(self, "cards_job", None)
        if job is not None:
            job.worker.order = order  # first fills arrive sorted this way (see CardsWorker)

    # -- cards ------------------------------------------------------------------------------------------------
    def request_refresh(self) -> None:
        """Rebuild the cards now (or as soon as the running rebuild ends)."""
        self._dirty = True
        self._maybe_refresh()

    def _maybe_refresh(self) -> None:
        if self._dirty and not self._refresh_busy and not self._closing:
            self._dirty = False
            self._refresh_busy = True
            self._refresh_cards.emit()
        if not self._busy() and not self._dirty and not self._refresh_busy:
            self._refresh_timer.stop()

    def _mark_dirty(self, *_args) -> None:
        self._dirty = True
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _diff_ready(self, diff: CardsDiff) -> None:
        self._refresh_busy = False
        self._apply_later(diff)
        if self._dirty:
            self._mark_dirty()

    def _apply_later(self, diff: CardsDiff) -> None:
        """Queue a diff for the grid, in batches applied one per event-loop turn."""
        if not diff:
            self.cards_applied.emit()
            return
        if len(diff) <= APPLY_CHUNK or (self.model.rowCount() == 0 and not self._pending_diffs):
            # Small, or the first fill of an empty grid (one insert, whatever its size).
            self._pending_diffs.append(diff)
        else:
            self._pending_diffs.extend(diff_batches(diff, APPLY_CHUNK))
        self._apply_timer.start()

    def _apply_next(self) -> None:
        """Apply queued chunks for up to APPLY_BUDGET_S, then let the event loop paint and take input."""
        started = time.perf_counter()
        if self._selected_files is None:  # the current card's files, before its id may change (identified)
            current = self.current_card()
            self._selected_files = card_files(current) if current is not None else []
        while self._pending_diffs and time.perf_counter() - started < APPLY_BUDGET_S:
            self.model.apply_diff(self._pending_diffs.popleft())
        self._cards_count_changed()
        if self._pending_diffs:
            self._apply_timer.start()
            return
        log.debug("cards shown: %d", self.model.rowCount())
        self._select_files(self._selected_files)
        self._selected_files = None
        self._follow_selection()
        card = self.current_card()
        if card is not None:
            fresh = self.model.card(card.id)
            if fresh is not None and fresh != self.detail.card:
                self.detail.show_card(fresh)
        self.cards_applied.emit()

    def _cards_count_changed(self, *_args) -> None:
        n = self.model.rowCount()
        shown = self.proxy.rowCount() if self.view.model() is self.proxy else n
        loc = QLocale()
        if shown != n:
            text = self.tr("%1 of %n card(s)", "", n).replace("%1", loc.toString(shown))
        else:
            text = self.tr("%n card(s)", "", n)
        self.count_label.setText(text)
        if n == 0:
            self.view.empty_text = self.tr(
                "Your library is empty.\nDrop folders of videos here, or use Add folder."
            )
        else:
            self.view.empty_text = self.tr("No card matches the search and filter.")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # The RAM poster cache holds about three screens of cards (calibre sizes it the same way).
        self.posters.set_ram_items(self._visible_cells() * 3)

    def _visible_cells(self) -> int:
        vp = self.view.viewport().size()
        cell = self.delegate.sizeHint(None, None)  # type: ignore[arg-type]
        return max(1, (vp.width() // cell.width() + 1) * (vp.height() // cell.height() + 2))

    def _poster_ready(self, _path: str) -> None:
        self.view.viewport().update()
        if self.detail.card is not None and self.detail.card.poster_path == _path:
            self.detail.refresh_poster()

    def current_card(self) -> Card | None:
        idx = self.view.currentIndex()
        return idx.data(CardRole) if idx.isValid() else None

    def _current_changed(self, index) -> None:
        self.detail.show_card(index.data(CardRole) if index.isValid() else None)
        self.collections.card_shown(self.detail.card)
        self.seen.update_state()

    def select_card(self, card_id: str) -> bool:
        row = self.model.row_of(card_id)
        if row is None:
            return False
        idx = self.view.model().mapFromSource(self.model.index(row, 0))  # type: ignore[attr-defined]
        if not idx.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(idx, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(idx)
        return True

    # -- scanning ---------------------------------------------------------------------------------------------
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Add a folder to the library"), os.path.expanduser("~")
        )
        if folder:
            self.add_folders([folder])

    def add_folders(self, folders: list[str]) -> None:
        """Add folders to the library and scan them (the scan makes them library folders)."""
        self.start_scan([os.path.abspath(f) for f in folders])

    def rescan(self) -> None:
        roots = self.library_folders()
        if not roots:
            self.message_bar.show_message("scan", self.tr("Add a folder first: drop it on the window or use Add folder."),
                                          LEVEL_INFO, [(self.tr("Add folder…"), self.choose_folder)])  # fmt: skip
            return
        self.start_scan(roots)

    def start_scan(self, roots: list[str]) -> None:
        if self._scan_job is not None:
            self._scan_queue.extend(r for r in roots if r not in self._scan_queue)
            return
        self.message_bar.dismiss("scan")
        worker = ScanWorker(self.library, roots, workers=self.scan_workers)
        job = JobThread(worker, "scan", self, quit_on="finished")
        worker.progress.connect(self._scan_progress)
        worker.files_added.connect(self._scan_wrote)
        worker.files_added.connect(self._identify_while_scanning)
        worker.failed.connect(self._worker_failed)
        worker.finished.connect(self._scan_done)
        self._scan_job = job
        self._scan_written = 0
        self.status.set_scan({"seen": 0}, running=True)
        self.progress.setRange(0, 0)  # busy until the walk is done and the total known
        job.start("run")
        self._mark_dirty()
        self._update_actions()

    def _scan_progress(self, progress: dict) -> None:
        if "scan" not in self._stopping:  # "Stopping…" stays until the scan has ended
            self.status.set_scan(progress, running=True)
        total = int(progress.get("to_parse") or 0)
        if progress.get("walked") and total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(total, int(progress.get("parsed") or 0)))

    def _warm_up_parser(self) -> None:
        """On a window with no cards (a first start, where a big first scan is likely), build the fast path's
        vocabulary (guessit's rules: ~0.5 s of CPU) on a background thread, so that the first folder dropped
        on the window is read at once. A window with cards leaves it to the first scan that needs it: the
        build holds the interpreter lock in bursts that would stall a grid being scrolled."""
        if self._closing or self.model.rowCount() > 0:
            return
        from videomanager.core.fastparse import warm_up

        threading.Thread(target=warm_up, name="parser-warm-up", daemon=True).start()

    def _scan_wrote(self, _written: int = 0) -> None:
        """Files were written: the cards follow, at once while the grid holds less than a screenful (the
        first cards of a first scan), then at most every REFRESH_MS."""
        if self.model.rowCount() < FIRST_SCREEN and not self._refresh_busy:
            self.request_refresh()
        else:
            self._mark_dirty()

    def _identify_while_scanning(self, written: int = 0) -> None:
        """A big scan has written its first files: identify them now (when the window identifies after a
        scan), and the rest as the scan writes them."""
        self._scan_written += written
        if self._scan_written < self.identify_during_scan_after:
            return
        if self._scan_job is not None and not self._closing and self.auto_identify and self._has_key():
            self.start_identify(follow=True)

    def _scan_done(self, result: dict) -> None:
        job, self._scan_job = self._scan_job, None
        self._stopping.discard("scan")
        if job is not None:
            job.finish()
        if self._identify_job is not None:
            self._identify_job.worker.scan_ended()  # type: ignore[attr-defined]
        self.status.set_scan(result, running=False)
        for root in result.get("unavailable_roots") or []:
            self.message_bar.show_message(
                f"root:{root}",
                self.tr(
                    "The folder %1 could not be read (an unplugged drive?); its files are kept and marked missing."
                ).replace("%1", root),
                LEVEL_WARNING,
                [(self.tr("Retry"), self.rescan), (self.tr("Forget missing files…"), self.forget_missing)],
            )
        self._show_scan_notes(result)
        self.request_refresh()
        self.scan_finished.emit(result)
        if self._closing:
            return
        if self._scan_queue:
            roots, self._scan_queue = self._scan_queue, []
            self.start_scan(roots)
        elif not result.get("cancelled"):
            self.start_media_read(then_identify=self.auto_identify and self._has_key())
        self._update_actions()

    def _show_scan_notes(self, result: dict) -> None:
        """Say which folders were retired and name what could not be read (the first few)."""
        retired = result.get("retired_roots") or []
        if retired:
            text = " ".join(self.tr("%1 no longer exists and every file in it was found elsewhere: it is no longer a library folder.").replace("%1", r) for r in retired)  # noqa: E501  # fmt: skip
            self.message_bar.show_message("scan-notes", text, LEVEL_INFO)
        problems = result.get("problems") or []
        if not problems:
            self.message_bar.dismiss("scan-problems")
            return
        named = ", ".join(f"{path} ({why})" for path, why in problems[:3])
        more = len(problems) - 3
        text = self.tr("Not read: %1").replace("%1", named)
        if more > 0:
            text += " " + self.tr("and %1 more.").replace("%1", QLocale().toString(more))
        self.message_bar.show_message("scan-problems", text, LEVEL_WARNING)

    # -- identification ----------------------------------------------------------------------------------------
    def _has_key(self) -> bool:
        return self.client is not None and bool(getattr(self.client, "has_credential", True))

    def update_key_state(self) -> None:
        if self._has_key():
            self.message_bar.dismiss("no-key")
            self.identify_action.setToolTip(self.tr("Look up on TMDb what is not identified yet"))
        else:
            self.identify_action.setToolTip(self.tr("Add a TMDb API key in Settings to identify your videos"))
            self.message_bar.show_message(
                "no-key",
                self.tr(
                    "No TMDb API key is set: everything works except identification. Get a free key at themoviedb.org (Settings → API) and add it in Settings."  # noqa: E501
                ),  # fmt: skip
                LEVEL_INFO,
                [(self.tr("Open settings"), self.open_settings)],
            )
        self._update_actions()

    def start_identify(self, retry: bool = False, follow: bool = False) -> None:
        """Identify what is pending; with ``follow`` (a scan is running), also what the scan writes until
        it ends."""
        if self._identify_job is not None:
            return
        if not self._has_key():
            self.update_key_state()
            return
        self.message_bar.dismiss("identify")
        worker = IdentifyWorker(
            self.library, self.client, retry=retry, follow=follow and self._scan_job is not None
        )
        job = JobThread(worker, "identify", self, quit_on="finished")
        worker.progress.connect(self._identify_progress_changed)
        worker.keys_done.connect(self._mark_dirty)
        worker.failed.connect(self._worker_failed)
        worker.finished.connect(self._identify_done)
        self._identify_job = job
        job.start("run")
        self._mark_dirty()
        self._update_actions()

    def _identify_progress_changed(self, progress: dict) -> None:
        self._identify_progress = progress
        if "identify" not in self._stopping:
            self.status.set_identify(progress)

    def _identify_done(self, summary: dict) -> None:
        log.debug("identify finished: %s titles", summary.get("keys_total"))
        job, self._identify_job = self._identify_job, None
        if job is not None:
            job.finish()
        if "identify" in self._stopping:
            self._stopping.discard("identify")
            self.status.set_identify(self._identify_progress)  # the figures "Stopping…" stood in for
        self.status.identify_done(summary)
        self._identify_feedback(summary)
        self.request_refresh()
        self.identify_finished.emit(summary)
        clean = not (summary.get("stop_reason") or summary.get("cancelled") or summary.get("failed"))
        again, self._identify_again = self._identify_again, False
        if self._scan_job is not None and not self._closing and clean:
            self._identify_while_scanning()  # another scan started meanwhile: follow it too
        elif again and clean and not self._closing:
            self.start_identify()  # a media read ended meanwhile: its runtimes are checked now
        self._update_actions()

    def _identify_feedback(self, summary: dict) -> None:
        """After a run that went through: the errors of earlier runs are stale; a run with nothing to do
        says so (and offers to look again at what was not found or ambiguous)."""
        if summary.get("cancelled") or summary.get("stop_reason") or summary.get("failed"):
            return
        for kind in ("network", "rate-limit", "malformed", "credential", "daily-limit", "other"):
            self.message_bar.dismiss(f"error:{kind}")
        if summary.get("keys_total") == 0 and not summary.get("titles_refreshed"):
            self.message_bar.show_message(
                "identify",
                self.tr("Nothing to identify: every title has been looked up already."),
                LEVEL_INFO,
                [
                    (
                        self.tr("Look again at the titles not found or ambiguous"),
                        lambda: self.start_identify(retry=True),
                    )
                ],
            )

    def stop_work(self) -> None:
        """Ask the running scan and identification to stop; until they have, the toolbar and the status bar
        say "Stopping…"."""
        self._scan_queue.clear()
        for name, job, label in (("scan", self._scan_job, self.status.scan),
                                 ("identify", self._identify_job, self.status.identify),
                                 ("media", self._media_job, self.media_status)):  # fmt: skip
            if job is not None:
                job.worker.cancel()  # type: ignore[attr-defined]
                self._stopping.add(name)
                label.setText(self.tr("Stopping…"))
        self._update_actions()

    def is_scanning(self) -> bool:
        """A scan runs (or is stopping)."""
        return self._scan_job is not None

    def is_identifying(self) -> bool:
        """An identify run runs (or is stopping)."""
        return self._identify_job is not None

    def _busy(self) -> bool:
        return self.is_scanning() or self.is_identifying() or self.is_reading_media()

    def _update_actions(self) -> None:
        busy = self._busy()
        running = {"scan": self._scan_job, "identify": self._identify_job, "media": self._media_job}
        stoppable = any(job is not None and name not in self._stopping for name, job in running.items())
        self.stop_action.setEnabled(stoppable)
        self.stop_action.setText(self.tr("Stopping…") if busy and not stoppable else self.tr("Stop"))
        self.identify_action.setEnabled(self._has_key() and self._identify_job is None)
        self.progress.setVisible(busy)
        self.status.set_budget(None, self.settings.daily_request_limit)

    def _worker_failed(self, err: WorkerError) -> None:
        """Show a worker's failure with the action its kind calls for (see tmdb.errors for the kinds)."""
        actions = []
        if err.kind in ("credential", "daily-limit"):
            actions = [(self.tr("Open settings"), self.open_settings)]
        elif err.kind in ("network", "rate-limit", "malformed"):
            actions = [(self.tr("Retry"), lambda: self.start_identify())]
        elif err.kind == "folder":
            actions = [(self.tr("Retry"), self.rescan)]
        level = (
            LEVEL_WARNING
            if err.kind in ("daily-limit", "network", "rate-limit", "malformed")
            else LEVEL_ERROR
        )
        self.message_bar.show_message(f"error:{err.kind}", err.message, level, actions)

    def _watch_budget(self, old_client, new_client) -> None:
        """Follow the daily request count of the client in use, whoever makes the requests (identify,
        details, posters' image settings): the status bar shows what the library recorded."""
        old = getattr(old_client, "budget", None)
        if old is not None:
            old.remove_listener(self._request_counted)
        new = getattr(new_client, "budget", None)
        if new is not None:
            new.add_listener(self._request_counted)

    def _request_counted(self, count: int) -> None:
        """Called on the requesting thread: hand the figure to the GUI thread."""
        self._requests_counted.emit(count)

    def _show_requests_today(self, count: int) -> None:
        self.status.set_budget(count, self.settings.daily_request_limit)

    def _requests_today(self) -> int:
        from datetime import date

        try:
            return int(self.library.requests_on(date.today().isoformat()))
        except Exception:  # a read-only or damaged library: the figure is only informative
            return 0

    # -- closing ----------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.hide()  # the window goes at once; a scan finishes the batch it is parsing meanwhile
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop every worker and wait for it (what they wrote is already committed)."""
        if self._closing:
            return
        self._closing = True
        self.save_ui_state()
        self.folder_watch.stop()
        self.collections.stop()
        self._refresh_timer.stop()
        self._scan_queue.clear()
        for job in (self._scan_job, self._identify_job, self._media_job):
            if job is not None:
                # Wait as long as it takes: destroying a running QThread aborts the process, and what
                # the worker already found is committed (the library writes as it goes).
                while not job.stop(5_000):
                    log.info("waiting for the %s worker to stop", job.thread.objectName())
        for job in list(self._tasks):
            job.stop()
        self.cards_job.stop()
        self.details_job.stop()
        self.posters.shutdown()

    def open_url(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))
