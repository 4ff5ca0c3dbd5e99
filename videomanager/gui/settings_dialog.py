"""The settings dialog: TMDb credential (with live type detection and a Validate check), metadata
language and region, request rate and daily budget, cache, library folders and interface language.

It edits a copy of :class:`Settings` and of the library's folders; after OK the caller saves
``result_settings()`` and applies ``result_folders()`` to the library, so Cancel changes nothing.
Validation runs on a QThreadPool thread and reports back through a queued signal: the dialog never waits
on the network. The credential is never put in a label, a log line or a repr.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.settings import Settings
from ..tmdb.client_support import ValidationResult
from ..tmdb.credentials import clean_credential, credential_warning, detect_credential
from .i18n import available_languages
from .plain import plain_label, tooltip

__all__ = ["SettingsDialog", "ValidationResult", "INDICATOR_COLORS", "METADATA_LANGUAGES", "REGIONS"]

# Colours of the round indicator, by state.
INDICATOR_COLORS: dict[str, str] = {
    "valid": "#2e9d4a",
    "invalid": "#d03b3b",
    "untested": "#e8b818",
    "missing": "#e8b818",
    "unreachable": "#ec8a1c",
    "checking": "#9aa0a6",
}

METADATA_LANGUAGES = [
    "en-US", "en-GB", "fr-FR", "fr-CA", "de-DE", "es-ES", "es-MX", "it-IT", "pt-BR", "pt-PT", "nl-NL",
    "sv-SE", "da-DK", "nb-NO", "fi-FI", "pl-PL", "cs-CZ", "ru-RU", "tr-TR", "ja-JP", "ko-KR", "zh-CN",
]  # fmt: skip
REGIONS = ["", "US", "GB", "FR", "CA", "BE", "CH", "DE", "ES", "IT", "NL", "BR", "JP", "KR", "AU"]


def _credential_digest(key: str, token: str) -> str:
    """Identifies which credential a result belongs to without keeping the credential itself."""
    return hashlib.sha256(f"{key}\0{token}".encode()).hexdigest()


class _ValidationSignals(QObject):
    finished = Signal(str, object)  # credential digest, ValidationResult


class _ValidationTask(QRunnable):
    """Builds a client and calls validate() on a pool thread; the result comes back by signal."""

    def __init__(self, factory: Callable[[str, str], Any], key: str, token: str, digest: str) -> None:
        super().__init__()
        self.signals = _ValidationSignals()
        self._factory, self._key, self._token, self._digest = factory, key, token, digest

    def run(self) -> None:
        try:
            result = self._factory(self._key, self._token).validate()
        except Exception as exc:  # a bug or an odd setup must not leave the button stuck on "Checking..."
            result = ValidationResult(
                "unreachable",
                QCoreApplication.translate("SettingsDialog", "The check failed unexpectedly (%1).").replace(
                    "%1", type(exc).__name__
                ),
                datetime.now().astimezone(),
                None,
            )
        self.signals.finished.emit(self._digest, result)


class SettingsDialog(QDialog):
    """Edit a copy of the settings; ``result_settings()`` after OK, ``None`` after Cancel."""

    validation_finished = Signal(object)  # the ValidationResult shown (tests and the caller may listen)

    def __init__(
        self,
        settings: Settings,
        *,
        client_factory: Callable[[str, str], Any],
        requests_today: Callable[[], int],
        clear_cache: Callable[[], None],
        parent: QWidget | None = None,
        last_validation: ValidationResult | None = None,
        folders: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._folders = list(folders or [])  # the library's folders when the dialog opened
        self.setWindowTitle(self.tr("Settings"))
        self._original = settings
        self._edited = settings.copy()
        self._client_factory = client_factory
        self._requests_today = requests_today
        self._clear_cache = clear_cache
        self._pool = QThreadPool.globalInstance()
        self._running: _ValidationTask | None = None
        # The last result and the credential it was obtained for (as a digest): a result passed in
        # belongs to the credential the settings hold.
        self._last: ValidationResult | None = last_validation
        self._last_digest: str | None = None
        self._build()
        self._load(self._edited)
        if last_validation is not None:
            self._last_digest = _credential_digest(*self._credentials())
        self._credential_edited()

    # ----- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        tabs = QTabWidget()
        tabs.addTab(self._build_tmdb_tab(), self.tr("TMDb"))
        tabs.addTab(self._build_requests_tab(), self.tr("Requests"))
        tabs.addTab(self._build_library_tab(), self.tr("Library"))
        tabs.addTab(self._build_interface_tab(), self.tr("Interface"))
        self.tabs = tabs
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.buttons)
        self.resize(620, 470)

    def _secret_row(self, placeholder: str) -> tuple[QLineEdit, QPushButton, QLabel, QWidget]:
        """A masked field with its Show/Hide button, and the detected-type line under it."""
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        toggle = QPushButton(self.tr("Show"))
        toggle.setCheckable(True)
        toggle.toggled.connect(lambda shown: self._set_shown(edit, toggle, shown))
        detected = QLabel()
        detected.setWordWrap(True)
        detected.setStyleSheet("color: palette(dark);")
        row = QWidget()
        column = QVBoxLayout(row)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        line = QHBoxLayout()
        line.addWidget(edit, 1)
        line.addWidget(toggle)
        column.addLayout(line)
        column.addWidget(detected)
        return edit, toggle, detected, row

    def _build_tmdb_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.key_edit, self.key_toggle, self.key_type, key_row = self._secret_row(
            self.tr("32 letters and digits")
        )
        self.token_edit, self.token_toggle, self.token_type, token_row = self._secret_row(
            self.tr("a long text starting with eyJ")
        )
        form.addRow(self.tr("API key (v3):"), key_row)
        form.addRow(self.tr("Read access token (v4):"), token_row)

        self.indicator = QLabel()
        self.indicator.setFixedSize(16, 16)
        self.validate_button = QPushButton(self.tr("Validate"))
        self.validate_button.clicked.connect(self.start_validation)
        self.status_label = plain_label()  # TMDb's own words may be in it
        self.status_label.setWordWrap(True)
        self.status_label.setMinimumHeight(48)  # room for a two-line message without the form jumping
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        check_row = QWidget()
        box = QHBoxLayout(check_row)
        box.setContentsMargins(0, 4, 0, 4)
        box.addWidget(self.validate_button)
        box.addWidget(self.indicator)
        box.addWidget(self.status_label, 1)
        form.addRow("", check_row)

        self.language_combo = QComboBox()
        self.language_combo.setEditable(True)
        self.language_combo.addItems(METADATA_LANGUAGES)
        self.region_combo = QComboBox()
        self.region_combo.setEditable(True)
        self.region_combo.addItems(REGIONS)
        self.region_combo.lineEdit().setPlaceholderText(self.tr("none"))
        self.adult_check = QCheckBox(self.tr("Include adult titles in searches"))
        form.addRow(self.tr("Metadata language:"), self.language_combo)
        form.addRow(self.tr("Region:"), self.region_combo)
        form.addRow("", self.adult_check)

        self.key_edit.textChanged.connect(self._credential_edited)
        self.token_edit.textChanged.connect(self._credential_edited)
        return page

    def _build_requests_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.rate_spin = QDoubleSpinBox()
        self.rate_spin.setRange(0.5, 40.0)
        self.rate_spin.setDecimals(1)
        self.rate_spin.setSingleStep(1.0)
        self.rate_spin.setSuffix(self.tr(" per second"))
        self.limit_spin = QSpinBox()
        self.limit_spin.setRange(0, 1_000_000)
        self.limit_spin.setSingleStep(1000)
        self.limit_spin.setSpecialValueText(self.tr("No limit"))
        self.usage_label = QLabel()
        limit_row = QWidget()
        box = QHBoxLayout(limit_row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.limit_spin)
        box.addWidget(self.usage_label, 1)
        form.addRow(self.tr("Requests:"), self.rate_spin)
        form.addRow(self.tr("Daily request limit:"), limit_row)

        self.clear_button = QPushButton(self.tr("Clear cache..."))
        self.clear_button.clicked.connect(self._ask_clear_cache)
        self.confirm_box = QWidget()
        confirm = QHBoxLayout(self.confirm_box)
        confirm.setContentsMargins(0, 0, 0, 0)
        confirm.addWidget(QLabel(self.tr("Delete the cached TMDb answers and posters?")))
        self.confirm_clear_button = QPushButton(self.tr("Clear"))
        self.confirm_clear_button.clicked.connect(self._do_clear_cache)
        self.keep_cache_button = QPushButton(self.tr("Keep"))
        self.keep_cache_button.clicked.connect(lambda: self.confirm_box.setVisible(False))
        confirm.addWidget(self.confirm_clear_button)
        confirm.addWidget(self.keep_cache_button)
        confirm.addStretch(1)
        self.confirm_box.setVisible(False)
        self.cache_status = QLabel()
        form.addRow(self.tr("Cache:"), self.clear_button)
        form.addRow("", self.confirm_box)
        form.addRow("", self.cache_status)
        return page

    def _build_library_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Folders scanned for videos:")))
        self.folder_list = QListWidget()
        layout.addWidget(self.folder_list, 1)
        row = QHBoxLayout()
        self.add_folder_button = QPushButton(self.tr("Add folder..."))
        self.add_folder_button.clicked.connect(self._browse_folder)
        self.remove_folder_button = QPushButton(self.tr("Remove"))
        self.remove_folder_button.clicked.connect(self.remove_selected_folders)
        row.addWidget(self.add_folder_button)
        row.addWidget(self.remove_folder_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.folders_note = QLabel(
            self.tr(
                "When you press OK, the removed folders leave the library with their videos (the files on "
                "disk are not touched). Your manual matches are kept: they come back if you add a folder again."
            )
        )
        self.folders_note.setWordWrap(True)
        self.folders_note.setVisible(False)
        layout.addWidget(self.folders_note)
        self.watch_check = QCheckBox(
            self.tr("Watch the library folders: show new, changed and removed files without Rescan")
        )
        layout.addWidget(self.watch_check)
        self.seen_on_play_check = QCheckBox(self.tr("Play marks the video as seen"))
        layout.addWidget(self.seen_on_play_check)
        return page

    def _build_interface_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.ui_language_combo = QComboBox()
        self.ui_language_combo.addItem(self.tr("System language"), "")
        for code, name in available_languages():
            self.ui_language_combo.addItem(name, code)
        form.addRow(self.tr("Interface language:"), self.ui_language_combo)
        note = QLabel(self.tr("Takes effect the next time videomanager starts."))
        note.setStyleSheet("color: palette(dark);")
        form.addRow("", note)
        return page

    # ----- settings <-> widgets -----------------------------------------------------------------
    def _load(self, s: Settings) -> None:
        self.key_edit.setText(s.tmdb_api_key)
        self.token_edit.setText(s.tmdb_access_token)
        self.language_combo.setCurrentText(s.language)
        self.region_combo.setCurrentText(s.region)
        self.adult_check.setChecked(s.include_adult)
        self.rate_spin.setValue(s.requests_per_second)
        self.limit_spin.setValue(s.daily_request_limit)
        for folder in self._folders:
            self.folder_list.addItem(folder)
        self.watch_check.setChecked(s.watch_folders)
        self.seen_on_play_check.setChecked(s.mark_seen_on_play)
        index = self.ui_language_combo.findData(s.ui_language)
        self.ui_language_combo.setCurrentIndex(max(0, index))
        self.refresh_usage()

    def _credentials(self) -> tuple[str, str]:
        return clean_credential(self.key_edit.text()) or "", clean_credential(self.token_edit.text()) or ""

    def edited_settings(self) -> Settings:
        """The settings as the widgets show them now (a new object; the original is untouched)."""
        s = self._edited.copy()
        s.tmdb_api_key, s.tmdb_access_token = self._credentials()
        s.language = self.language_combo.currentText().strip() or "en-US"
        s.region = self.region_combo.currentText().strip().upper()
        s.include_adult = self.adult_check.isChecked()
        s.requests_per_second = float(self.rate_spin.value())
        s.daily_request_limit = int(self.limit_spin.value())
        s.ui_language = self.ui_language_combo.currentData() or ""
        s.watch_folders = self.watch_check.isChecked()
        s.mark_seen_on_play = self.seen_on_play_check.isChecked()
        return s

    def result_settings(self) -> Settings | None:
        """The edited copy after OK; None when the dialog was cancelled (or is still open)."""
        if self.result() != QDialog.DialogCode.Accepted:
            return None
        return self.edited_settings()

    def result_folders(self) -> list[str] | None:
        """The library folders as edited, after OK; None when the dialog was cancelled (or is still open)."""
        if self.result() != QDialog.DialogCode.Accepted:
            return None
        return self.folders()

    # ----- credentials and validation -----------------------------------------------------------
    def _set_shown(self, edit: QLineEdit, toggle: QPushButton, shown: bool) -> None:
        edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        toggle.setText(self.tr("Hide") if shown else self.tr("Show"))

    def _describe(self, field: str, text: str) -> str:
        """The detected type of what was typed, plus a warning when it looks misplaced."""
        if not text.strip():
            return self.tr("Empty.")
        kind = detect_credential(text)
        detected = {
            "v3_key": self.tr("Detected: v3 API key."),
            "v4_token": self.tr("Detected: v4 read access token."),
        }.get(kind, self.tr("Not a TMDb key or token format."))
        warning = credential_warning(field, text)
        if warning is None:
            return detected
        if field == "access_token" and kind == "v3_key":
            warning = self.tr("This is a v3 API key: it belongs in the API key field (it will still work).")
        elif field == "api_key" and kind == "v4_token":
            warning = self.tr(
                "This is a v4 token: it belongs in the access token field (it will still work)."
            )
        elif kind == "unknown":
            warning = self.tr("Copy it again from the API page of your TMDb account.")
        else:
            warning = self.tr("Spaces, quotes or a prefix were removed: check it was copied whole.")
        return f"{detected} <b>{warning}</b>"

    @Slot()
    def _credential_edited(self) -> None:
        self.key_type.setText(self._describe("api_key", self.key_edit.text()))
        self.token_type.setText(self._describe("access_token", self.token_edit.text()))
        self._refresh_indicator()

    @property
    def last_validation(self) -> ValidationResult | None:
        """The last result, if it still applies to the credential in the fields (else None)."""
        if self._last is None or self._last_digest != _credential_digest(*self._credentials()):
            return None
        return self._last

    @property
    def validation_state(self) -> str:
        """valid, invalid, unreachable, untested, missing (no credential) or checking."""
        if self._running is not None:
            return "checking"
        key, token = self._credentials()
        if not key and not token:
            return "missing"
        result = self.last_validation
        if result is None or result.status == "missing":
            return "untested"
        return result.status

    def _refresh_indicator(self) -> None:
        state = self.validation_state
        color = INDICATOR_COLORS[state]
        self.indicator.setStyleSheet(
            f"background-color: {color}; border-radius: 8px; border: 1px solid rgba(0,0,0,60);"
        )
        result = self.last_validation
        text = {
            "checking": self.tr("Checking with TMDb..."),
            "missing": self.tr("No API key or token: films cannot be identified."),
            "untested": self.tr("Not checked yet."),
        }.get(state, "")
        if result is not None and state == "valid":
            when = result.checked_at.astimezone().strftime("%H:%M")
            text = self.tr("Valid (checked at {time}).").format(time=when)
        elif result is not None and state == "invalid":
            text = self.tr(
                "Invalid: TMDb refused this API key or access token; check it, or get one at themoviedb.org."
            )
        elif result is not None and state == "unreachable":
            text = self.tr("Could not reach TMDb: check your internet connection, then Validate again.")
        # TMDb's own words (outside text, in TMDb's language) go in the tooltips, as plain text.
        detail = result.message if result is not None and state in ("invalid", "unreachable") else ""
        self.indicator.setToolTip(tooltip(f"{text}\n{detail}" if detail else text))
        self.status_label.setToolTip(tooltip(detail))
        self.status_label.setText(text)
        checking = state == "checking"
        self.validate_button.setEnabled(not checking and state != "missing")
        self.validate_button.setText(self.tr("Checking...") if checking else self.tr("Validate"))
        if not checking and getattr(self, "_refocus", False):
            self._refocus = False  # the button had the focus when pressed: it gets it back
            if self.validate_button.isEnabled():
                self.validate_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def start_validation(self) -> None:
        """Check the credential in the fields with TMDb, on a pool thread."""
        if self._running is not None:
            return
        self._refocus = self.focusWidget() is self.validate_button
        key, token = self._credentials()
        task = _ValidationTask(self._client_factory, key, token, _credential_digest(key, token))
        task.signals.finished.connect(self._validation_done, Qt.ConnectionType.QueuedConnection)
        self._running = task
        self._refresh_indicator()
        self._pool.start(task)

    @Slot(str, object)
    def _validation_done(self, digest: str, result: ValidationResult) -> None:
        self._running = None
        self._last, self._last_digest = result, digest
        # If the fields were edited meanwhile, last_validation is None and the light stays yellow.
        self._refresh_indicator()
        self.validation_finished.emit(result)

    # ----- requests, cache, folders -------------------------------------------------------------
    def refresh_usage(self) -> None:
        try:
            used = int(self._requests_today())
        except Exception:  # the count is informative only; never block the dialog on it
            self.usage_label.setText("")
            return
        self.usage_label.setText(
            self.tr("{count} used today").format(count=f"{used:,}".replace(",", "\u202f"))
        )

    def _ask_clear_cache(self) -> None:
        self.cache_status.setText("")
        self.confirm_box.setVisible(True)

    def _do_clear_cache(self) -> None:
        self.confirm_box.setVisible(False)
        try:
            self._clear_cache()
        except OSError as exc:
            self.cache_status.setText(
                self.tr("Could not clear the cache: {reason}").format(reason=exc.strerror or exc)
            )
            return
        self.cache_status.setText(self.tr("Cache cleared."))

    def folders(self) -> list[str]:
        return [self.folder_list.item(i).text() for i in range(self.folder_list.count())]

    def add_folder(self, path: str) -> bool:
        """Add a library folder (ignored when already listed). Returns whether it was added."""
        if not path or path in self.folders():
            return False
        self.folder_list.addItem(path)
        return True

    def remove_selected_folders(self) -> None:
        for item in self.folder_list.selectedItems():
            self.folder_list.takeItem(self.folder_list.row(item))
        self.folders_note.setVisible(any(f not in self.folders() for f in self._folders))

    def _browse_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Add a library folder"), os.path.expanduser("~")
        )
        self.add_folder(path)
