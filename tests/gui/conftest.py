"""GUI test helpers: a real MainWindow on a tmp library (offscreen), trees of empty video files, and the
local TMDb stand-in over real HTTP when a client is needed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from videomanager.core.library import Library
from videomanager.core.settings import Settings, SettingsStore


def make_tree(root: Path, names: list[str], *, distinct: bool = False) -> list[Path]:
    """Create small files named like videos under root (sub-folders allowed in names). ``distinct``: each
    file holds its own name, so that each has its own fingerprint (manual decisions are keyed on it)."""
    out = []
    for name in names:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(name.encode("utf-8", "surrogateescape").ljust(64, b"\0") if distinct else b"\0" * 64)
        out.append(p)
    return out


SAMPLE = [
    "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv",
    "The.Matrix.1999.720p.WEB.mkv",
    "Heat (1995)/Heat.1995.2160p.UHD.BluRay.HDR.x265.mkv",
    "Breaking Bad/Season 1/Breaking.Bad.S01E01.720p.mkv",
    "Breaking Bad/Season 1/Breaking.Bad.S01E02.720p.mkv",
    "Alien.1979.Directors.Cut.1080p.BluRay.mkv",
    "Inception.2010.mkv",
]


@pytest.fixture(autouse=True, scope="session")
def english_plurals(qapp) -> None:
    """The interface in English, as the program installs it (the plural forms of "%n card(s)")."""
    from videomanager.gui.i18n import install_translator

    install_translator(qapp, "en")


@pytest.fixture
def fake_tmdb() -> Iterator[Any]:
    from videomanager.testing.fake_tmdb import FakeTMDb

    server = FakeTMDb(latency=0.0)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def window_factory(qtbot, tmp_path) -> Iterator[Callable[..., Any]]:
    """Build MainWindows on tmp data dirs; every window is shut down (threads joined) at the end."""
    from videomanager.gui.main_window import Hooks, MainWindow

    made: list[Any] = []
    libraries: list[Library] = []

    def make(*, settings: Settings | None = None, client=None, hooks: Hooks | None = None, data: Path | None = None,
             show: bool = True, **kw: Any):  # fmt: skip
        data = data or tmp_path / f"data{len(made)}"
        data.mkdir(parents=True, exist_ok=True)
        library = Library(data / "library.sqlite3")
        libraries.append(library)
        store = SettingsStore(data / "settings.json")
        hooks = hooks or Hooks()
        if hooks.save_settings is None:
            hooks.save_settings = store.save
        kw.setdefault("scan_workers", 1)
        kw.setdefault("watch_folders", False)  # tests of the watch turn it on
        w = MainWindow(library, settings or Settings(), posters_dir=data / "posters",
                       ui_state_path=data / "window.ini", client=client, hooks=hooks, **kw)  # fmt: skip
        w.data_dir = data
        w.settings_store = store
        qtbot.addWidget(w)
        made.append(w)
        if show:
            w.show()
        return w

    yield make
    for w in made:
        w.shutdown()
    for lib in libraries:
        lib.close()


def wait_cards(qtbot, window, n: int, timeout: int = 10_000) -> None:
    """Wait until the grid holds n cards."""
    qtbot.waitUntil(lambda: window.model.rowCount() == n, timeout=timeout)


def scanned_sample(qtbot, window_factory, root: Path, *, distinct: bool = False, **kw: Any):
    """A window (``window_factory(**kw)``) that has scanned the SAMPLE tree under ``root``: 5 cards."""
    make_tree(root, SAMPLE, distinct=distinct)
    w = window_factory(**kw)
    with qtbot.waitSignal(w.scan_finished, timeout=15_000):
        w.add_folders([str(root)])
    wait_cards(qtbot, w, 5)
    return w


def store_cards(data: Path, cards: list) -> None:
    """Put these cards in the library's card store under ``data`` as if grouping had made them (the window
    shows stored cards first, and nothing in the library changes them): cards no library holds, for tests
    of how the window shows whatever a card may carry."""
    from videomanager.core.cards import CARDS_FORMAT, sort_key

    data.mkdir(parents=True, exist_ok=True)
    lib = Library(data / "library.sqlite3")
    with lib.transaction() as c:
        c.executemany(
            "INSERT INTO cards(id, kind, tmdb_id, sort_key, data) VALUES (?, ?, ?, ?, ?)",
            [(k.id, k.kind, k.tmdb_id, sort_key(k), k.to_json()) for k in cards],
        )
        c.execute(
            "INSERT INTO meta(key, value) VALUES ('cards_format', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (CARDS_FORMAT,),
        )
    lib.close()


def accepting_settings_dialog(settings: Settings, folders: Callable[[], list[str]]):
    """A settings-dialog factory for ``Hooks.settings_dialog`` whose dialog is accepted as soon as it opens,
    with these settings and library folders (OK pressed after editing)."""
    from PySide6.QtWidgets import QDialog

    class Accepting(QDialog):
        def open(self) -> None:
            self.accept()

        def result_settings(self) -> Settings:
            return settings

        def result_folders(self) -> list[str]:
            return folders()

    return lambda _current, parent, folders=None: Accepting(parent)
