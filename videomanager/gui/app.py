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
        from videomanager.core.enrich import build_client
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


def run_gui(args: argparse.Namespace) -> int:
    """Open the window; returns the exit status."""
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from videomanager.gui.compat import ensure_none_immortal

    ensure_none_immortal()  # see gui/compat.py: PySide6 6.12 wheels on Python 3.11
    from videomanager.core.library import Library, LibraryError
    from videomanager.core.paths import resolve_paths
    from videomanager.core.settings import SettingsStore
    from videomanager.gui.main_window import Hooks, MainWindow
    from videomanager.gui.message_bar import LEVEL_ERROR, LEVEL_WARNING

    demo = None
    data_dir = getattr(args, "data_dir", None)
    if getattr(args, "demo", False):
        from videomanager.gui.demo import prepare_demo

        demo = prepare_demo()
        from videomanager.gui.demo_posters import render_poster

        demo.fake.poster_renderer = render_poster
        data_dir = str(demo.data_dir)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("videomanager")
    app.setApplicationDisplayName("videomanager")
    app.setOrganizationName("videomanager")
    app.setDesktopFileName("videomanager")
    if RESOURCE_ICON.exists():
        app.setWindowIcon(QIcon(str(RESOURCE_ICON)))

    paths = resolve_paths(data_dir)
    notices: list[tuple[str, Any, str]] = []  # text: a str, or a callable that words it when shown
    try:
        paths.ensure()
    except OSError as exc:
        notices.append(
            # Worded when shown: the translator is installed once the settings (the language) are read.
            (
                "paths",
                lambda exc=exc: (
                    QCoreApplication.translate("App", "Cannot create the data folder %1: %2.")
                    .replace("%1", str(exc.filename))
                    .replace("%2", str(exc.strerror))
                ),
                LEVEL_ERROR,
            )
        )
    store = SettingsStore(paths.settings_file)
    loaded = store.load()
    settings = loaded.settings
    if loaded.notice:
        notices.append(("settings-notice", loaded.notice, LEVEL_WARNING))
    try:
        from videomanager.gui.i18n import install_translator

        install_translator(app, settings.ui_language)
    except Exception as exc:  # no translation: English
        log.debug("no translator: %s", exc)

    try:
        library = Library(paths.library_db)
    except LibraryError as exc:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        # Without a library there is nothing to show: one clear sentence (it names a path), then exit.
        box = QMessageBox(QMessageBox.Icon.Critical, "videomanager", "")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(str(exc))
        box.exec()
        return 1
    if library.notice:
        notices.append(("library-notice", library.notice, LEVEL_WARNING))
    client = make_client(settings, paths, library)

    def settings_dialog(current, parent):
        from videomanager.gui.settings_dialog import SettingsDialog

        def validation_client(key: str, token: str):
            from videomanager.core.settings import effective_tmdb_url
            from videomanager.tmdb import TMDbClient

            return TMDbClient(api_key=key or None, access_token=token or None,
                              base_url=effective_tmdb_url(current), language=current.language or "en-US")  # fmt: skip

        return SettingsDialog(current, client_factory=validation_client,
                              requests_today=window._requests_today, clear_cache=clear_cache, parent=parent)  # fmt: skip

    def match_dialog(card, client_now, parent):
        from videomanager.gui.match_dialog import MatchDialog

        return MatchDialog(card, client=client_now, parent=parent)

    def clear_cache() -> None:
        current = window.client
        cache = getattr(current, "cache", None)
        if cache is not None and hasattr(cache, "clear"):
            cache.clear()
        shutil.rmtree(paths.posters_dir, ignore_errors=True)

    hooks = Hooks(
        save_settings=store.save,
        client_factory=lambda s: make_client(s, paths, library),
        settings_dialog=settings_dialog,
        match_dialog=match_dialog,
        apply_decision=lambda lib, d: apply_decision(lib, window.client, d),
        split_off=split_off,
        merge=merge,
        cache_clear=clear_cache,
    )
    window = MainWindow(
        library,
        settings,
        posters_dir=paths.posters_dir,
        ui_state_path=paths.config_dir / "window.ini",
        snapshot_path=paths.cache_dir / "cards.snapshot",
        cards_in_process=True,
        client=client,
        hooks=hooks,
    )
    for key, text, level in notices:
        window.message_bar.show_message(key, text() if callable(text) else text, level)
    window.show()
    # Ctrl+C or a TERM signal closes the window cleanly (workers stopped, helper process ended). Python
    # runs signal handlers only between bytecodes, so a timer lets it in every 200 ms; the timer also
    # quits for a signal that came before the event loop started.
    stop = {"requested": False}

    def on_signal(*_args) -> None:
        stop["requested"] = True
        window.close()
        app.quit()

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, on_signal)
    wake = QTimer()
    wake.timeout.connect(lambda: stop["requested"] and app.quit())
    wake.start(200)
    if demo is not None:
        window.start_scan([str(demo.library_root)])
    try:
        return app.exec()
    finally:
        window.shutdown()
        library.close()
        if client is not None and hasattr(client, "close"):
            client.close()
        if demo is not None:
            demo.cleanup()
