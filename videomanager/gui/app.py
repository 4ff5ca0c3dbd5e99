"""The one composition root of the desktop window: builds the QApplication, paths, settings, library,
TMDb client, dialog factories and the MainWindow, then runs the event loop.

Nothing else in the GUI creates these objects; everything is passed down through ``__init__``.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import signal
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

RESOURCE_ICON = Path(__file__).resolve().parent.parent / "resources" / "videomanager.svg"


def make_client(settings, paths, library):
    """The TMDb client for these settings, or None without a credential."""
    try:
        from videomanager.tmdb.factory import build_client
    except ImportError:  # the identify pipeline is not there: no client, the window still works
        return None
    try:
        return build_client(settings, paths, library)
    except Exception as exc:  # a client that cannot be built must not stop the window
        log.warning("TMDb client not available: %s", exc)
        return None


def apply_decision(library, client, decision: dict) -> None:
    """Apply what the fix-match dialog decided (runs off the GUI thread)."""
    from videomanager.core import decisions

    ids = list(decision.get("file_ids") or [])
    if decision.get("action") == "unmatch":
        decisions.unmatch(library, ids)
        return
    kind, tmdb_id = decision["kind"], int(decision["tmdb_id"])
    title = None
    if client is not None and library.title(kind, tmdb_id) is None:
        try:
            data = client.get_tv_show(tmdb_id) if kind == "tv" else client.get_movie(tmdb_id)
        except Exception as exc:  # keep the decision even when the title cannot be fetched now
            log.info("title %s:%s not fetched: %s", kind, tmdb_id, getattr(exc, "user_message", exc))
            data = None
        title = title_fields(data)
    decisions.set_match(library, ids, kind, tmdb_id, title)


# The fields of a TMDb movie or show kept with a manual match, and their types.
_TITLE_FIELDS: dict[str, type | tuple[type, ...]] = {
    "id": int, "title": str, "name": str, "original_title": str, "original_name": str, "release_date": str,
    "first_air_date": str, "poster_path": str, "overview": str, "popularity": (int, float),
}  # fmt: skip


def title_fields(data: object) -> dict | None:
    """What is kept of a TMDb title for a manual match: the fields of the right type (the others are left
    out and logged); None for an answer that is not an object."""
    if not isinstance(data, dict):
        return None
    kept = {
        k: v for k, t in _TITLE_FIELDS.items() if isinstance(v := data.get(k), t) and not isinstance(v, bool)
    }
    dropped = [k for k in _TITLE_FIELDS if k not in kept and data.get(k) is not None]
    if dropped:
        log.info("title %s: left out what was not valid: %s", kept.get("id"), ", ".join(dropped))
    return kept


def split_off(library, file_ids, kind, tmdb_id) -> None:
    from videomanager.core.decisions import split_off as core_split_off

    core_split_off(library, file_ids, kind, tmdb_id)


def merge(library, target, others, keep=None) -> None:
    from videomanager.core.decisions import merge as core_merge

    core_merge(library, target, others, keep)


def configure_process() -> None:
    """Process-wide settings of the window's process (its entry point, and the benchmarks, call this once).

    Worker threads (identify, cards, details) take the GIL whenever the GUI thread lets go of it around a Qt
    call; the GUI thread then waits up to the switch interval to get it back, dozens of times a frame. 1 ms
    instead of the default 5 ms keeps frames short while a worker computes.
    """
    sys.setswitchinterval(0.001)


def run_gui(args: argparse.Namespace) -> int:
    """Open the window; returns the exit status."""
    demo = None
    data_dir = getattr(args, "data_dir", None)
    if getattr(args, "demo", False):
        from videomanager.gui.demo import prepare_demo
        from videomanager.gui.demo_posters import render_poster

        demo = prepare_demo()
        demo.fake.poster_renderer = render_poster
        data_dir = str(demo.data_dir)
    configure_process()
    app = _application()
    try:
        composition = Composition(data_dir)
    except _NoLibrary:
        return 1
    try:
        return composition.run(app, demo)
    finally:
        composition.close()
        if demo is not None:
            demo.cleanup()


def _application():
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("videomanager")
    app.setApplicationDisplayName("videomanager")
    app.setOrganizationName("videomanager")
    app.setDesktopFileName("videomanager")
    if RESOURCE_ICON.exists():
        app.setWindowIcon(QIcon(str(RESOURCE_ICON)))
    return app


class _NoLibrary(Exception):
    """The library cannot be opened (already told to the user)."""


class Composition:
    """Paths, settings, library, TMDb client, dialog factories and the window, built once and wired."""

    def __init__(self, data_dir: str | None) -> None:
        from videomanager.core.paths import resolve_paths
        from videomanager.core.settings import SettingsStore
        from videomanager.gui.message_bar import LEVEL_WARNING

        self.paths = resolve_paths(data_dir)
        self.notices: list[tuple[str, Any, str]] = []  # text: a str, or a callable that words it when shown
        self._ensure_paths()
        self.store = SettingsStore(self.paths.settings_file)
        loaded = self.store.load()
        self.settings = loaded.settings
        if loaded.notice:
            self.notices.append(("settings-notice", loaded.notice, LEVEL_WARNING))
        self._install_translator()
        self.library = self._open_library()
        self.client = make_client(self.settings, self.paths, self.library)
        self.window = self._window()

    def _ensure_paths(self) -> None:
        from PySide6.QtCore import QCoreApplication

        from videomanager.gui.message_bar import LEVEL_ERROR

        try:
            self.paths.ensure()
        except OSError as exc:
            # Worded when shown: the translator is installed once the settings (the language) are read.
            def text(exc: OSError = exc) -> str:
                return (
                    QCoreApplication.translate("App", "Cannot create the data folder %1: %2.")
                    .replace("%1", str(exc.filename))
                    .replace("%2", str(exc.strerror))
                )

            self.notices.append(("paths", text, LEVEL_ERROR))

    def _install_translator(self) -> None:
        from PySide6.QtWidgets import QApplication

        try:
            from videomanager.gui.i18n import install_translator

            install_translator(QApplication.instance(), self.settings.ui_language)
        except Exception as exc:  # no translation: English
            log.debug("no translator: %s", exc)

    def _open_library(self):
        from videomanager.core.library import Library, LibraryError, adopt_settings_folders
        from videomanager.gui.message_bar import LEVEL_WARNING

        try:
            library = Library(self.paths.library_db)
        except LibraryError as exc:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QMessageBox

            # Without a library there is nothing to show: one clear sentence (it names a path), then exit.
            box = QMessageBox(QMessageBox.Icon.Critical, "videomanager", "")
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(str(exc))
            box.exec()
            raise _NoLibrary() from exc
        if library.notice:
            self.notices.append(("library-notice", library.notice, LEVEL_WARNING))
        adopt_settings_folders(library, self.settings)  # the library is the one home of the library folders
        return library

    def _window(self):
        from videomanager.gui.main_window import Hooks, MainWindow

        hooks = Hooks(
            save_settings=self.store.save,
            client_factory=lambda s: make_client(s, self.paths, self.library),
            settings_dialog=self.settings_dialog,
            match_dialog=self.match_dialog,
            apply_decision=lambda lib, d: apply_decision(lib, self.window.client, d),
            split_off=split_off,
            merge=merge,
            cache_clear=self.clear_cache,
        )
        return MainWindow(self.library, self.settings, posters_dir=self.paths.posters_dir,
                          ui_state_path=self.paths.config_dir / "window.ini", client=self.client,
                          hooks=hooks)  # fmt: skip

    # -- dialog factories and actions the window is given ------------------------------------------------
    def settings_dialog(self, current, parent, folders):
        from videomanager.gui.settings_dialog import SettingsDialog

        def validation_client(key: str, token: str):
            from videomanager.tmdb import TMDbClient
            from videomanager.tmdb.factory import effective_tmdb_url

            return TMDbClient(api_key=key or None, access_token=token or None,
                              base_url=effective_tmdb_url(current), language=current.language or "en-US")  # fmt: skip

        return SettingsDialog(current, client_factory=validation_client, requests_today=self.window._requests_today,
                              clear_cache=self.clear_cache, parent=parent, folders=folders)  # fmt: skip

    @staticmethod
    def match_dialog(card, client_now, parent):
        from videomanager.gui.match_dialog import MatchDialog

        return MatchDialog(card, client=client_now, parent=parent)

    def clear_cache(self) -> None:
        cache = getattr(self.window.client, "cache", None)
        if cache is not None and hasattr(cache, "clear"):
            cache.clear()
        shutil.rmtree(self.paths.posters_dir, ignore_errors=True)

    # -- running --------------------------------------------------------------------------------------------
    def run(self, app, demo) -> int:
        for key, text, level in self.notices:
            self.window.message_bar.show_message(key, text() if callable(text) else text, level)
        self.window.show()
        wake = self._close_on_signals(app)  # kept alive while the loop runs
        if demo is not None:
            self.window.start_scan([str(demo.library_root)])
        result = app.exec()
        wake.stop()
        return result

    def _close_on_signals(self, app):
        """Ctrl+C or a TERM signal closes the window cleanly (workers stopped). Python runs signal handlers only
        between bytecodes, so a timer lets it in every 200 ms; the timer also quits for a signal that came
        before the event loop started."""
        from PySide6.QtCore import QTimer

        stop = {"requested": False}

        def on_signal(*_args) -> None:
            stop["requested"] = True
            self.window.close()
            app.quit()

        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, on_signal)
        wake = QTimer()
        wake.timeout.connect(lambda: stop["requested"] and app.quit())
        wake.start(200)
        return wake

    def close(self) -> None:
        self.window.shutdown()
        self.library.close()
        if self.client is not None and hasattr(self.client, "close"):
            self.client.close()
