"""The main window's media info, review queue and duplicates: the background read after each scan, the
review count on the toolbar, the review and "Duplicates and space" dialogs, and sending copies to the trash.

A mixin of MainWindow (like WindowActions); strings use the "MainWindow" translation context. The actions
are QActions on the window (``review_action``, ``duplicates_action``) so a menu can hold them too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from videomanager.core.decisions import card_file_ids
from videomanager.core.models import Card
from videomanager.core.review import review_queue
from videomanager.gui.message_bar import LEVEL_ERROR, LEVEL_INFO, LEVEL_WARNING
from videomanager.gui.versions_view import human_size
from videomanager.gui.workers import JobThread, MediaWorker

tr = QCoreApplication.translate
MEDIA_REFRESH_MS = 10_000  # card updates at most every 10 s while a media read runs (and at its end)
# One reader thread: MediaInfo runs without the GIL, but the Python around it (opening, looking at the first
# bytes, storing) shares the GIL with the GUI thread; a second thread measurably roughened scrolling.
MEDIA_WORKERS = 1


class MediaActions:
    """Media info, review and duplicates of MainWindow (see main_window.py for the attributes used)."""

    _media_job: JobThread | None = None
    _identify_after_media = False
    _identify_again = False  # a media read ended while an identify run went on

    def _build_media_actions(self) -> None:
        self._review_ids: set[str] = set()
        self.review_action = QAction(tr("MainWindow", "Review"), self)
        self.review_action.setShortcut(QKeySequence("Ctrl+R"))
        self.review_action.setToolTip(
            tr("MainWindow", "The cards that need you: ambiguous, low confidence, runtime or name disagrees")
        )
        self.review_action.triggered.connect(self.open_review)
        self.duplicates_action = QAction(tr("MainWindow", "Duplicates and space…"), self)
        self.duplicates_action.setToolTip(
            tr("MainWindow", "Copies of the same film and edition, and the space they take")
        )
        self.duplicates_action.triggered.connect(self.open_duplicates)
        self.addAction(self.review_action)
        self.addAction(self.duplicates_action)
        self._show_review_count()
        self._build_media_timer()

    def _build_media_timer(self) -> None:
        self._media_refresh = QTimer(self)
        self._media_refresh.setSingleShot(True)
        self._media_refresh.setInterval(MEDIA_REFRESH_MS)
        self._media_refresh.timeout.connect(self._mark_dirty)

    def _build_media_status(self) -> None:
        self.media_status = QLabel()
        self.media_status.setContentsMargins(6, 0, 6, 0)
        self.statusBar().addPermanentWidget(self.media_status)
        self.media_status.setVisible(False)

    def _watch_review(self, worker) -> None:
        worker.review_changed.connect(self._track_review)

    # -- the background read ------------------------------------------------------------------------------------
    def is_reading_media(self) -> bool:
        """A media info read runs (or is stopping)."""
        return self._media_job is not None

    def is_settled(self) -> bool:
        """No scan, identify run or media read runs, and the grid shows the cards as the library has them."""
        return not self._busy() and not self._dirty and not self._refresh_busy and not self._pending_diffs

    def start_media_read(self, then_identify: bool = False) -> None:
        """Read the media info of the files that need it (nothing when every file is read); identify after."""
        self._identify_after_media = self._identify_after_media or then_identify
        if self._media_job is not None or self._closing or self.library.read_only:
            return
        worker = MediaWorker(self.library, workers=MEDIA_WORKERS)
        job = JobThread(worker, "media", self, quit_on="finished")
        worker.progress.connect(self._media_progress)
        worker.stored.connect(self._mark_dirty_media)
        worker.failed.connect(self._worker_failed)
        worker.finished.connect(self._media_done)
        self._media_job = job
        job.start("run")
        self._update_actions()

    def _mark_dirty_media(self, *_args) -> None:
        """Media info was stored: the cards follow every MEDIA_REFRESH_MS at most. A first read changes every
        card, and each regroup is seconds of Python on the cards thread that the GUI thread shares the GIL
        with: fewer, larger regroups keep scrolling smooth."""
        if not self._media_refresh.isActive():
            self._media_refresh.start()

    def _media_progress(self, p: dict) -> None:
        if "media" in self._stopping or not p.get("total"):
            return
        loc = QLocale()
        self.media_status.setText(tr("MainWindow", "Media info: %1 / %2 files").replace("%1", loc.toString(p.get("done", 0)))
                                  .replace("%2", loc.toString(p.get("total", 0))))  # fmt: skip
        self.media_status.setVisible(True)

    def _media_done(self, summary: dict) -> None:
        job, self._media_job = self._media_job, None
        self._stopping.discard("media")
        self._media_refresh.stop()
        if job is not None:
            job.finish()
        self.media_status.setVisible(False)
        self.request_refresh()
        then_identify, self._identify_after_media = self._identify_after_media, False
        self._update_actions()
        if self._closing:
            return
        if then_identify and not summary.get("cancelled") and self._has_key():
            if self._identify_job is not None:  # it followed a big scan: once it ends, identify again
                self._identify_again = True
            else:
                self.start_identify()

    # -- the review queue ---------------------------------------------------------------------------------------
    def _track_review(self, need: set[str], clear: set[str]) -> None:
        """Keep the set of cards that need a person in step with the cards' changes (worked out by the cards
        worker)."""
        self._review_ids.difference_update(clear)
        self._review_ids.update(need)
        self._show_review_count()

    def review_count(self) -> int:
        return len(self._review_ids)

    def _show_review_count(self) -> None:
        n = len(self._review_ids)
        self.review_action.setText(
            tr("MainWindow", "Review (%1)").replace("%1", QLocale().toString(n))
            if n
            else tr("MainWindow", "Review")
        )
        self.review_action.setEnabled(n > 0)

    def review_items(self):
        cards = [c for c in (self.model.card(i) for i in self._review_ids) if c is not None]
        return review_queue(cards)

    def open_review(self) -> None:
        from videomanager.gui.review_dialog import ReviewDialog

        dialog = ReviewDialog(self.review_items(), self.model.card, self)
        dialog.decided.connect(self._review_decided)
        dialog.search_requested.connect(self.open_match_dialog)
        dialog.open()
        self._review_dialog = dialog

    def _review_decided(self, decision: dict) -> None:
        if self.hooks.apply_decision is None:
            return
        apply = self.hooks.apply_decision
        self.run_task("review", lambda: apply(self.library, decision))

    # -- duplicates and the trash -------------------------------------------------------------------------------
    def open_duplicates(self) -> None:
        from videomanager.core.advisor import duplicates
        from videomanager.gui.duplicates_dialog import DuplicatesDialog

        cards = [self.model.card_at(r) for r in range(self.model.rowCount())]
        dialog = DuplicatesDialog(duplicates(c for c in cards if c.reclaimable_bytes), self)
        dialog.trash_requested.connect(self.confirm_trash_many)
        dialog.card_chosen.connect(self.select_card)
        dialog.open()
        self._duplicates_dialog = dialog

    def confirm_trash(self, card: Card, paths: list[str]) -> None:
        """Ask, listing every file and the total, then send these versions of ``card`` to the system trash."""
        self.confirm_trash_many([(card, paths)])

    def confirm_trash_many(self, chosen: list[tuple[Card, list[str]]]) -> None:
        """Ask once, listing every file of every chosen version and the total, then send them to the trash."""
        from videomanager.core.advisor import TrashError, check_removal
        from videomanager.gui.trash_dialog import TrashDialog

        try:
            versions = [(card, check_removal(card, paths)) for card, paths in chosen if paths]
        except TrashError as exc:
            self.message_bar.show_message("trash", str(exc), LEVEL_WARNING)
            return
        if not versions:
            return
        files = [
            (p, v.size if len(v.parts) == 1 else None) for _c, vs in versions for v in vs for p in v.parts
        ]
        total = sum(v.size for _c, vs in versions for v in vs)
        titles = ", ".join(dict.fromkeys(c.title for c, _vs in versions))
        dialog = TrashDialog(titles, files, total, self)
        dialog.accepted.connect(lambda: self._trash([(c, [v.path for v in vs]) for c, vs in versions]))
        dialog.open()
        self._trash_box = dialog

    def _trash(self, chosen: list[tuple[Card, list[str]]]) -> None:
        from videomanager.core.advisor import trash_versions

        library = self.library
        results: list = []

        def run() -> None:
            for card, paths in chosen:
                results.append(trash_versions(library, card, paths))

        def done() -> None:
            trashed = sum(len(r.trashed) for r in results)
            size = sum(r.bytes for r in results)
            text = tr("MainWindow", "%1 sent to the trash (%2).").replace("%1", QLocale().toString(trashed))
            self.message_bar.show_message("trash", text.replace("%2", human_size(size)), LEVEL_INFO)
            failed = [f for r in results for f in r.failed]
            if failed:
                path, why = failed[0]
                self.message_bar.show_message("trash-failed", tr("MainWindow", "Not sent to the trash: %1 (%2).")
                                              .replace("%1", path).replace("%2", why), LEVEL_ERROR)  # fmt: skip

        self.run_task("trash", run, on_done=done)

    def review_decision(
        self, card: Card, action: str, kind: str | None = None, tmdb_id: int | None = None
    ) -> dict:
        """The decision dict the window applies (as the fix-match dialog makes it) for every file of a card."""
        out = {"action": action, "scope": "card", "file_ids": card_file_ids(card)}
        if action == "match":
            out.update(kind=kind, tmdb_id=tmdb_id)
        return out
