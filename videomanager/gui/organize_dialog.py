"""The "Organize files…" dialog: choose a naming scheme, preview every move, Apply, then Undo; and the
library's naming problems as Plex and Jellyfin would see them.

Previews, runs and undos happen off the GUI thread (``JobThread`` + ``TaskWorker``); the dialog only shows
what they send back. Names from disk and from TMDb are shown as plain text (table cells, never rich text).
Nothing moves before Apply; Apply moves exactly the files of the preview shown (a file that changed or a
target that appeared meanwhile is left where it is and listed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from videomanager.gui.workers import JobThread, TaskWorker, WorkerError


class RowsModel(QAbstractTableModel):
    """A read-only table of plain-text rows (tooltips: the whole row)."""

    def __init__(self, headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows: list[tuple[str, ...]] = []
        self.tips: list[str] = []

    def set_rows(self, rows: list[tuple[str, ...]], tips: list[str] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.tips = tips or ["\n".join(r) for r in rows]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tips[index.row()]
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


def _table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class _Relay(QObject):
    """Carries a run's progress from its thread to the dialog (a queued signal)."""

    progress = Signal(int, int)


class OrganizeDialog(QDialog):
    """Preview, Apply and Undo (see the module docstring). ``on_changed`` is called after the library
    changed (the window refreshes its cards); ``busy`` says whether a scan is under way (moving files
    while a scan walks them would confuse it); ``tasks`` is the window's set of running jobs, which it
    stops (and waits for) when it closes."""

    def __init__(self, library, parent: QWidget | None = None, *, on_changed: Callable[[], None] | None = None,
                 busy: Callable[[], bool] | None = None, tasks: set | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.library = library
        self.on_changed = on_changed
        self.busy = busy or (lambda: False)
        self.tasks = tasks if tasks is not None else set()
        self.plan = None
        self.cancel = threading.Event()
        self._job: JobThread | None = None
        self._pending: dict[TaskWorker, tuple[JobThread, Callable[[object], None]]] = {}
        self._undo_n = 0
        self._relay = _Relay(self)
        self._relay.progress.connect(self._progressed)
        self.setWindowTitle(self.tr("Organize files"))
        self.resize(960, 560)
        self._build()
        self._refresh_buttons()
        self._run(self._undo_count, self._undo_counted)

    # -- construction --------------------------------------------------------------------------------
    def _build(self) -> None:
        self.scheme_box = QComboBox()
        self.scheme_box.addItem(self.tr("Plex"), "plex")
        self.scheme_box.addItem(self.tr("Jellyfin, Emby, Kodi"), "jellyfin")
        self.scheme_box.currentIndexChanged.connect(lambda _i: self._forget_preview())
        self.target_edit = QLineEdit()
        self.target_edit.setPlaceholderText(self.tr("Empty: each file stays in its library folder"))
        self.target_edit.textChanged.connect(lambda _t: self._forget_preview())
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.clicked.connect(self.preview)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Naming scheme:")))
        top.addWidget(self.scheme_box)
        top.addWidget(QLabel(self.tr("Move into:")))
        top.addWidget(self.target_edit, 1)
        top.addWidget(browse)
        top.addWidget(self.preview_button)

        self.moves_model = RowsModel([self.tr("From"), self.tr("To")], self)
        self.stays_model = RowsModel([self.tr("File"), self.tr("Why it stays")], self)
        self.problems_model = RowsModel(
            [self.tr("Title"), self.tr("Problem"), self.tr("For"), self.tr("Files")], self
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(_table(self.moves_model), self.tr("Moves"))
        self.tabs.addTab(_table(self.stays_model), self.tr("Left where they are"))
        self.tabs.addTab(_table(self.problems_model), self.tr("Naming problems"))

        self.summary = QLabel(self.tr("Choose a scheme and press Preview: nothing moves before Apply."))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.undo_button = buttons.addButton(self.tr("Undo last run"), QDialogButtonBox.ButtonRole.ActionRole)
        self.stop_button = buttons.addButton(self.tr("Stop"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.apply_button.clicked.connect(self.apply)
        self.undo_button.clicked.connect(self.undo)
        self.stop_button.clicked.connect(self.cancel.set)
        close.clicked.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.summary)
        lay.addWidget(self.progress)
        lay.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Move the organized files into"))
        if folder:
            self.target_edit.setText(folder)

    # -- work off the GUI thread -------------------------------------------------------------------------
    def _run(self, fn: Callable[[], object], done: Callable[[object], None]) -> None:
        worker = TaskWorker(fn)
        worker.cancel = self.cancel.set  # what JobThread.stop() calls when the window closes
        job = JobThread(worker, "organize", self, quit_on="done")
        self._job = job
        self._pending[worker] = (job, done)
        self.tasks.add(job)
        # Bound methods of the dialog: Qt queues the calls to the GUI thread, where the dialog lives.
        worker.failed.connect(self._failed)
        worker.done.connect(self._finished)
        self._refresh_buttons()
        job.start("run")

    @Slot(object)
    def _finished(self, result) -> None:
        job, done = self._pending.pop(self.sender(), (None, None))
        if job is None:
            return
        self.tasks.discard(job)
        job.finish(2000)
        if self._job is job:
            self._job = None
        self.progress.setVisible(False)
        done(result)
        self._refresh_buttons()

    @Slot(object)
    def _failed(self, err: WorkerError) -> None:
        self.summary.setText(err.message)

    def _refresh_buttons(self) -> None:
        working = self._job is not None
        self.preview_button.setEnabled(not working)
        self.apply_button.setEnabled(not working and self.plan is not None and bool(self.plan.moves))
        self.undo_button.setEnabled(not working and self._undo_n > 0)
        self.stop_button.setVisible(working)

    def _forget_preview(self) -> None:
        self.plan = None
        self.moves_model.set_rows([])
        self.stays_model.set_rows([])
        self._refresh_buttons()

    def _undo_count(self) -> int:
        from videomanager.core.organize import Organizer

        return Organizer(self.library).undo_count()

    def _undo_counted(self, n) -> None:
        self._undo_n = n or 0

    @Slot(int, int)
    def _progressed(self, n: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(n)

    # -- preview ----------------------------------------------------------------------------------------
    def preview(self) -> None:
        scheme = self.scheme_box.currentData()
        target = self.target_edit.text().strip() or None
        self.summary.setText(self.tr("Working out the moves…"))
        self._run(lambda: _preview(self.library, scheme, target), self._previewed)

    def _previewed(self, result) -> None:
        if result is None:
            return
        plan, problems, settled = result
        self.plan = plan
        self.moves_model.set_rows([(m.src, m.dst) for m in plan.moves])
        self.stays_model.set_rows([(p, why) for p, why in plan.skipped])
        rows, tips = [], []
        for c in problems:
            year = f" ({c.year})" if c.year else ""
            for p in c.problems:
                rows.append((c.title + year, self._problem_name(p.code), ", ".join(s.capitalize() for s in p.servers),
                             "; ".join(p.paths)))  # fmt: skip
                tips.append(p.message)
        self.problems_model.set_rows(rows, tips)
        text = self.tr("%1 files to move, %2 left where they are, %3 naming problems. Nothing has moved yet.")
        text = text.replace("%1", str(len(plan.moves))).replace("%2", str(len(plan.skipped)))
        self.summary.setText(text.replace("%3", str(len(rows))))
        if settled:
            self.on_changed and self.on_changed()
        self._run(self._undo_count, self._undo_counted)

    def _problem_name(self, code: str) -> str:
        names = {
            "versions_split": self.tr("Versions would be split"),
            "extra_as_version": self.tr("An extra would be taken for a film"),
            "wrong_year": self.tr("Wrong year"),
            "no_year": self.tr("No year"),
            "wrong_id": self.tr("Another title's id"),
            "two_films_in_folder": self.tr("Several titles in one folder"),
            "episode_outside_season": self.tr("Episode outside its season folder"),
            "episode_no_show_folder": self.tr("Episode outside a show folder"),
        }
        return names.get(code, code)

    # -- apply and undo ------------------------------------------------------------------------------------
    def _refuse_while_busy(self) -> bool:
        if self.busy():
            self.summary.setText(self.tr("A scan is under way: wait for it to finish, then try again."))
            return True
        return False

    def apply(self) -> None:
        if self.plan is None or not self.plan.moves or self._refuse_while_busy():
            return
        plan, self.plan = self.plan, None
        self.summary.setText(self.tr("Moving %1 files…").replace("%1", str(len(plan.moves))))
        self._start_progress()
        self._run(lambda: self._organize("apply", plan), self._done)

    def undo(self) -> None:
        if self._refuse_while_busy():
            return
        self.summary.setText(self.tr("Putting the files of the last run back…"))
        self._start_progress()
        self._run(lambda: self._organize("undo", None), self._done)

    def _start_progress(self) -> None:
        self.cancel.clear()
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)

    def _organize(self, mode: str, plan):
        from videomanager.core.organize import Organizer

        org = Organizer(self.library, cancel=self.cancel, progress=self._relay.progress.emit)
        with org.locked():
            org.settle()
            return org.apply(plan) if mode == "apply" else org.undo()

    def _done(self, result) -> None:
        self._forget_preview()
        if self.on_changed:
            self.on_changed()
        self._run(self._undo_count, self._undo_counted)
        if result is None:
            return
        self.stays_model.set_rows([(p, why) for p, why in result.skipped])
        if result.mode == "undo":
            text = self.tr("%1 files put back where they were; %2 could not be.")
        else:
            text = self.tr("%1 files moved; %2 left where they were. Undo puts them back.")
        text = text.replace("%1", str(result.moved)).replace("%2", str(len(result.skipped)))
        if result.cancelled:
            text += " " + self.tr("Stopped before the end.")
        self.summary.setText(text)
        if result.skipped:
            self.tabs.setCurrentIndex(1)

    def reject(self) -> None:
        """Close: a run under way stops after the file it is moving (what moved can be undone)."""
        self.cancel.set()
        super().reject()


def _preview(library, scheme: str, target: str | None):
    """(plan, naming problems, whether an interrupted run was settled first), off the GUI thread."""
    from videomanager.core.cards import CardStore
    from videomanager.core.grouping import list_order
    from videomanager.core.lint import lint_library
    from videomanager.core.organize import Organizer
    from videomanager.core.organize_plan import build_plan

    org = Organizer(library)
    with org.locked():
        settled = org.settle()
    cards = sorted(CardStore(library).cards(), key=list_order)
    return build_plan(library, cards, scheme, target), lint_library(library, cards), settled is not None


def open_organize_dialog(window) -> OrganizeDialog:
    """Show the window's Organize dialog (made once, kept: a run it started keeps its dialog alive)."""
    dialog = getattr(window, "_organize_dialog", None)
    if dialog is None:
        dialog = OrganizeDialog(window.library, window, on_changed=window.request_refresh,
                                busy=lambda: window._scan_job is not None, tasks=window._tasks)  # fmt: skip
        window._organize_dialog = dialog
    dialog.open()
    return dialog
