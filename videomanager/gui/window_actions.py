"""The main window's dialogs and user actions: settings, fix match, split off, merge, drag and drop.

Strings use the "MainWindow" translation context explicitly (``self.tr`` here would be found by lupdate
under "WindowActions" but looked up at run time under "MainWindow").

A mixin of MainWindow (split out to keep modules small); it uses the window's message bar, library,
settings and hooks. Library changes run off the GUI thread through ``run_task``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

from videomanager.core.decisions import identified_titles
from videomanager.core.models import Card
from videomanager.core.settings import Settings
from videomanager.gui.library_model import CardRole
from videomanager.gui.merge_dialog import MergeDialog
from videomanager.gui.message_bar import LEVEL_ERROR, LEVEL_INFO, LEVEL_WARNING
from videomanager.gui.seen_actions import card_files
from videomanager.gui.workers import TaskJob


@dataclass
class Hooks:
    """Things the window can do that live elsewhere (given by app.py; tests pass their own)."""

    save_settings: Callable[[Settings], None] | None = None
    client_factory: Callable[[Settings], object | None] | None = None
    settings_dialog: Callable[..., object] | None = (
        None  # (settings copy, parent, folders=library folders) -> dialog with result_settings/result_folders()
    )
    match_dialog: Callable[..., object] | None = None  # (card, client, parent) -> dialog with decision()
    apply_decision: Callable[[object, dict], object] | None = (
        None  # (library, decision dict), off the GUI thread
    )
    split_off: Callable[..., object] | None = None  # (library, file_ids, kind, tmdb_id), off the GUI thread
    # (library, target card, other cards, title to keep: (kind, tmdb id) or None), off the GUI thread
    merge: Callable[..., object] | None = None
    poster_fetch: Callable[[str], bytes | None] | None = None  # poster path -> bytes; None: from the client
    cache_clear: Callable[[], None] | None = None
    extra: dict = field(default_factory=dict)


class WindowActions:
    """Dialogs and actions of MainWindow (see main_window.py for the attributes used)."""

    # -- dialogs and actions -----------------------------------------------------------------------------
    def open_settings(self) -> None:
        factory = self.hooks.settings_dialog
        if factory is None:
            self.message_bar.show_message(
                "settings",
                QCoreApplication.translate("MainWindow", "The settings dialog is not available."),
                LEVEL_WARNING,
            )
            return
        dialog = factory(self.settings.copy(), self, folders=self.library_folders())
        dialog.accepted.connect(lambda: self._settings_accepted(dialog))
        dialog.open()
        self._settings_dialog = dialog

    def _settings_accepted(self, dialog) -> None:
        new: Settings | None = dialog.result_settings()
        folders: list[str] | None = dialog.result_folders()
        if new is None or folders is None:
            return
        relanguage = new.language != self.settings.language
        self.apply_settings(new)
        current = self.library_folders()
        added = [f for f in folders if f not in current]
        removed = [f for f in current if f not in folders]
        if removed:
            self.remove_folders(removed)
        if added:
            self.start_scan(added)  # identifies when it ends
        elif relanguage and self._has_key():
            self.start_identify()  # fetches the identified titles again in the new language

    def apply_settings(self, new: Settings) -> None:
        """Commit edited settings: save them, rebuild the client, refresh what depends on them."""
        self.settings = new
        self._save_settings()
        if self.hooks.client_factory is not None:
            old, self.client = self.client, self.hooks.client_factory(new)
            self._watch_budget(old, self.client)
            self.details_job.worker.client = self.client  # type: ignore[attr-defined]
            self.posters.fetch = self._make_fetch()
        self.folder_watch.follow(new)
        self.collections.set_client(self.client)
        self.update_key_state()

    def _save_settings(self) -> None:
        if self.hooks.save_settings is None:
            return
        try:
            self.hooks.save_settings(self.settings)
        except OSError as exc:
            self.message_bar.show_message("settings-save", QCoreApplication.translate("MainWindow", "The settings could not be saved: %1")
                                          .replace("%1", str(exc)), LEVEL_ERROR)  # fmt: skip

    # -- library folders (the library's roots table is their one home) ----------------------------------
    def library_folders(self) -> list[str]:
        """The library's folders, without those being removed right now."""
        return [f for f in self.library.roots() if f not in self._removing]

    def remove_folders(self, folders: list[str]) -> None:
        """Take folders out of the library with their files (off the GUI thread; the files on disk are not
        touched). A scan under way that covers one of them stops and goes on with the other folders."""
        gone = set(folders)
        self._removing |= gone
        self._scan_queue = [r for r in self._scan_queue if r not in gone]
        job = self._scan_job
        scanning: list[str] = list(job.worker.roots) if job is not None else []  # type: ignore[attr-defined]
        if gone & set(scanning):
            self._scan_queue.extend(r for r in scanning if r not in gone and r not in self._scan_queue)
            job.worker.cancel()  # type: ignore[union-attr]
        remove = self.library.remove_roots
        self.run_task(
            "folders", lambda: remove(folders), on_done=lambda: self._removing.difference_update(gone)
        )

    def forget_missing(self) -> None:
        """Ask, saying how many, then forget the files marked missing (the files themselves are not touched)."""
        count = self.library.missing_count()
        tr = QCoreApplication.translate
        if not count:
            self.message_bar.show_message("prune", tr("MainWindow", "No file is missing: there is nothing to forget."), LEVEL_INFO)  # fmt: skip
            return
        text = (tr("MainWindow", "Forget 1 missing file?") if count == 1
                else tr("MainWindow", "Forget %1 missing files?").replace("%1", QLocale().toString(count)))  # fmt: skip
        box = QMessageBox(
            QMessageBox.Icon.Question, tr("MainWindow", "Forget missing files"), text, parent=self
        )
        box.setInformativeText(tr("MainWindow", "They leave the library; nothing on disk is touched. Files on a drive that is unplugged now count as missing too. Your manual matches are kept and come back if the files are found again."))  # fmt: skip
        forget = box.addButton(tr("MainWindow", "Forget"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        prune = self.library.prune
        box.finished.connect(lambda _r: box.clickedButton() is forget and self.run_task("prune", prune))
        box.open()
        self._forget_box = box

    def open_match_dialog(self, card: Card | None) -> None:
        if card is None or self.hooks.match_dialog is None:
            return
        dialog = self.hooks.match_dialog(card, self.client, self)
        dialog.accepted.connect(lambda: self._match_accepted(dialog))
        dialog.open()
        self._match_dialog = dialog

    def _match_accepted(self, dialog) -> None:
        decision = dialog.decision()
        if decision and self.hooks.apply_decision is not None:
            apply = self.hooks.apply_decision
            self.run_task("match", lambda: apply(self.library, decision))

    def split_off(self, file_ids: list[int]) -> None:
        card = self.detail.card
        if self.hooks.split_off is None or not file_ids or card is None:
            return
        split = self.hooks.split_off
        self.run_task("split", lambda: split(self.library, file_ids, card.kind, card.tmdb_id))

    def selected_cards(self) -> list[Card]:
        """The selected cards, the current one first (it is the one the others join)."""
        current = self.current_card()
        cards = [i.data(CardRole) for i in self.view.selectionModel().selectedIndexes()]
        cards = [c for c in cards if c is not None]
        if current is not None and current in cards:
            cards.remove(current)
            cards.insert(0, current)
        return cards

    def merge_selected(self) -> None:
        """Put the files of every selected card on one card (as a manual decision that survives rescans;
        Split off undoes it). The merged card keeps the TMDb title of the selected cards, whichever was
        clicked last; when they are different titles, a dialog asks which one (Cancel merges nothing)."""
        cards = self.selected_cards()
        if self.hooks.merge is None or len(cards) < 2:
            return
        titles = identified_titles(cards)
        if len(titles) <= 1:
            self._merge(cards, titles[0] if titles else None)
            return
        identified = [next(c for c in cards if (c.kind, c.tmdb_id) == t) for t in titles]
        dialog = MergeDialog(identified, self)
        dialog.accepted.connect(lambda: self._merge_chosen(cards, dialog.chosen()))
        dialog.open()
        self._merge_dialog = dialog

    def _merge_chosen(self, cards: list[Card], keep: Card | None) -> None:
        if keep is not None:
            self._merge(cards, (keep.kind, keep.tmdb_id))

    def _merge(self, cards: list[Card], keep: tuple[str, int] | None) -> None:
        target, others = cards[0], cards[1:]
        kept = next((c for c in cards if keep is not None and (c.kind, c.tmdb_id) == keep), target)
        merge = self.hooks.merge
        self.run_task("merge", lambda: merge(self.library, target, others, keep))
        self.message_bar.show_message(
            "merge",
            QCoreApplication.translate("MainWindow", "%1 cards merged into “%2”. Split off undoes it.")
            .replace("%1", str(len(cards))).replace("%2", kept.title),
            LEVEL_INFO,
        )  # fmt: skip

    def run_task(
        self, key: str, fn: Callable[[], object], on_done: Callable[[], object] | None = None
    ) -> None:
        """Run a library change off the GUI thread; refresh the cards after, explain a failure."""
        job = TaskJob(fn, key, self)
        self._tasks.add(job)
        current = self.current_card()
        follow = card_files(current) if current is not None else []

        def done(_result, job=job) -> None:
            self._tasks.discard(job)
            if on_done is not None:
                on_done()
            if follow:
                self._follow_files = follow  # the card of these files stays selected (see _follow_selection)
            self.request_refresh()

        job.failed.connect(lambda err: self.message_bar.show_message(key, err.message, LEVEL_ERROR))
        job.done.connect(done)
        job.start()

    # -- drag and drop ----------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        # Accept anything so that a drop of something unusable can say why nothing happened.
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        folders: list[str] = []
        refused: list[str] = []
        for url in mime.urls() if mime.hasUrls() else []:
            path = url.toLocalFile() if url.isLocalFile() else ""
            if path and os.path.isdir(path):
                folders.append(path)
            elif path and os.path.isfile(path):
                folders.append(os.path.dirname(path))
            else:
                refused.append(url.toString() if not path else path)
        if not mime.hasUrls() and mime.hasText():
            refused.append(mime.text()[:80])
        event.acceptProposedAction()
        if refused:
            self.message_bar.show_message(
                "drop",
                QCoreApplication.translate(
                    "MainWindow",
                    "Only folders and files on this computer can be added; nothing was added for: %1",
                ).replace("%1", ", ".join(refused[:3]) + ("…" if len(refused) > 3 else "")),
                LEVEL_WARNING,
            )
        else:
            self.message_bar.dismiss("drop")
        if folders:
            self.add_folders(list(dict.fromkeys(folders)))
