"""Screenshots of the main window on the generated sample library, identified through the local TMDb
stand-in (real HTTP, posters included). Offscreen; writes PNGs into docs/screenshots/.

    python bench/screenshots.py [--out docs/screenshots]
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
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from videomanager.core.library import Library
    from videomanager.core.paths import resolve_paths
    from videomanager.core.settings import Settings
    from videomanager.gui.main_window import MainWindow
    from videomanager.testing.demo_library import demo_files
    from videomanager.testing.fake_tmdb import FakeTMDb
    from videomanager.tmdb.factory import build_client

    app = QApplication([])
    app.setApplicationName("videomanager")
    from videomanager.gui.demo_posters import render_poster

    fake = FakeTMDb(latency=0.0)
    fake.poster_renderer = render_poster  # as in `videomanager --demo`
    fake.start()
    tmp = tempfile.TemporaryDirectory(prefix="vm-shots-")
    base = Path(tmp.name)
    library_root = base / "Videos"
    demo_files(library_root)
    data = base / "data"
    data.mkdir()
    settings = Settings(tmdb_api_key=fake.API_KEY, tmdb_url=fake.base_url)
    library = Library(data / "library.sqlite3")
    client = build_client(settings, resolve_paths(data), library)
    window = MainWindow(library, settings, posters_dir=data / "posters", ui_state_path=data / "window.ini",
                        client=client)  # fmt: skip
    window.resize(1440, 900)
    window.splitter.setSizes([1000, 440])
    window.show()
    status = {"code": 1}

    def after_identify(_summary: dict) -> None:
        window.view.viewport().repaint()  # asks for the posters of the visible cards
        QTimer.singleShot(2500, pick)

    def pick() -> None:
        model = window.model
        target = next((model.card_at(r) for r in range(model.rowCount()) if model.card_at(r).title == "The Matrix"),
                      model.card_at(0))  # fmt: skip
        window.select_card(target.id)
        QTimer.singleShot(2000, shoot)

    def shoot() -> None:
        window.view.viewport().repaint()
        window.grab().save(str(out / "main-window.png"))
        window.detail.grab().save(str(out / "detail-panel.png"))
        window.filter_box.setCurrentIndex(window.filter_box.findData("unidentified"))
        QTimer.singleShot(300, shoot_filtered)

    def shoot_filtered() -> None:
        window.grab().save(str(out / "main-window-unidentified.png"))
        # A first start: no key, nothing in the library yet.
        empty_dir = base / "empty"
        empty_dir.mkdir()
        empty_lib = Library(empty_dir / "library.sqlite3")
        first = MainWindow(empty_lib, Settings(), posters_dir=empty_dir / "posters",
                           ui_state_path=empty_dir / "window.ini")  # fmt: skip
        first.resize(1100, 640)
        first.show()
        QTimer.singleShot(500, lambda: finish(first, empty_lib))

    def finish(first, empty_lib) -> None:
        first.grab().save(str(out / "main-window-first-start.png"))
        first.close()
        empty_lib.close()
        print("wrote", *sorted(p.name for p in out.glob("*.png")))
        status["code"] = 0
        window.close()
        app.quit()

    window.identify_finished.connect(after_identify)
    window.add_folders([str(library_root)])
    QTimer.singleShot(120_000, app.quit)  # never hang
    app.exec()
    window.shutdown()
    library.close()
    fake.stop()
    tmp.cleanup()
    return status["code"]


if __name__ == "__main__":
    sys.exit(main())
