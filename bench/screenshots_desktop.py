"""Screenshots of the desktop features on the generated sample library, identified through the local TMDb
stand-in: the main window with its menu bar, the detail panel with a collection, the collection and a
person's page, the settings, the review queue when there is one, About and the keyboard shortcuts.
Offscreen; writes PNGs into docs/screenshots/ (``-fr`` in their names with ``--lang fr``).

    python bench/screenshots_desktop.py [--lang fr] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--lang", default="en")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "en" else f"-{args.lang}"

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QTabWidget

    from videomanager.core.library import Library
    from videomanager.core.paths import resolve_paths
    from videomanager.core.settings import Settings
    from videomanager.gui.demo_posters import render_poster
    from videomanager.gui.i18n import install_translator
    from videomanager.gui.main_window import Hooks, MainWindow
    from videomanager.gui.settings_dialog import SettingsDialog
    from videomanager.testing.demo_library import demo_files
    from videomanager.testing.fake_tmdb import FakeTMDb
    from videomanager.tmdb.factory import build_client

    app = QApplication([])
    app.setApplicationName("videomanager")
    install_translator(app, args.lang)
    fake = FakeTMDb(latency=0.0)
    fake.poster_renderer = render_poster
    fake.start()
    tmp = tempfile.TemporaryDirectory(prefix="vm-desktop-shots-")
    base = Path(tmp.name)
    demo_files(base / "Videos")
    data = base / "data"
    data.mkdir()
    language = "fr-FR" if args.lang == "fr" else "en-US"
    settings = Settings(
        tmdb_api_key=fake.API_KEY, tmdb_url=fake.base_url, language=language, ui_language=args.lang
    )
    library = Library(data / "library.sqlite3")
    client = build_client(settings, resolve_paths(data), library)

    def settings_dialog(current, parent, folders):
        return SettingsDialog(current, client_factory=lambda k, t: None, requests_today=lambda: 14,
                              clear_cache=lambda: None, parent=parent, folders=folders)  # fmt: skip

    window = MainWindow(library, settings, posters_dir=data / "posters", ui_state_path=data / "window.ini",
                        client=client, hooks=Hooks(settings_dialog=settings_dialog))  # fmt: skip
    window.resize(1440, 900)
    window.splitter.setSizes([1000, 440])
    window.show()
    status = {"code": 1}
    shots: list[str] = []

    def save(widget, name: str) -> None:
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        shots.append(path.name)

    def card(title: str, year: int | None = None):
        m = window.model
        return next(m.card_at(r) for r in range(m.rowCount())
                    if m.card_at(r).title.startswith(title) and (year is None or m.card_at(r).year == year))  # fmt: skip

    steps = []

    def step(delay_ms: int):
        def wrap(fn):
            steps.append((delay_ms, fn))
            return fn

        return wrap

    @step(2500)
    def pick_robocop() -> None:
        window.view.viewport().repaint()
        window.select_card(card("RoboCop", 1987).id)

    @step(2500)
    def shoot_main() -> None:
        window.view.viewport().repaint()
        save(window, "desktop-main")
        save(window.detail, "desktop-detail")
        window.collections.open_collection_of(window.detail.card)

    @step(2000)
    def shoot_collection() -> None:
        dialogs = [d for d in window.collections.dialogs if d.isVisible()]
        if dialogs:
            save(dialogs[-1], "desktop-collection")
            dialogs[-1].close()
        credits = window.detail.credits.text()  # the shown film's director: his page
        window.collections.open_person(int(credits.split("person:")[1].split("'")[0]))

    @step(1500)
    def shoot_person() -> None:
        dialogs = [d for d in window.collections.dialogs if d.isVisible()]
        if dialogs:
            save(dialogs[-1], "desktop-person")
            dialogs[-1].close()
        window.open_settings()

    @step(800)
    def shoot_settings() -> None:
        dialog = window._settings_dialog
        save(dialog, "desktop-settings")
        dialog.findChild(QTabWidget).setCurrentIndex(2)  # Library: folders, the watch, Play marks seen

    @step(500)
    def shoot_settings_library() -> None:
        dialog = window._settings_dialog
        save(dialog, "desktop-settings-library")
        dialog.reject()
        review = getattr(window, "review_action", None)
        if review is not None:
            review.trigger()
        window.menus.show_about()

    @step(800)
    def shoot_about() -> None:
        save(window.menus.about_dialog, "desktop-about")
        window.menus.about_dialog.close()
        window.menus.show_shortcuts()

    @step(800)
    def shoot_shortcuts() -> None:
        save(window.menus.shortcuts_dialog, "desktop-shortcuts")
        window.menus.shortcuts_dialog.close()
        window.filter_box.setCurrentIndex(window.filter_box.findData("gaps"))

    @step(800)
    def shoot_gaps() -> None:
        save(window, "desktop-gaps")
        print("wrote", *shots)
        status["code"] = 0
        app.quit()

    def run(i: int = 0) -> None:
        if i < len(steps):
            delay, fn = steps[i]
            QTimer.singleShot(delay, lambda: (fn(), run(i + 1)))

    window.identify_finished.connect(lambda _s: run())
    window.add_folders([str(base / "Videos")])
    QTimer.singleShot(120_000, app.quit)
    app.exec()
    window.shutdown()
    library.close()
    fake.stop()
    tmp.cleanup()
    return status["code"]


if __name__ == "__main__":
    sys.exit(main())
