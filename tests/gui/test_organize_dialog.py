"""The Organize dialog in a real window (offscreen): Preview lists every move and touches nothing, Apply
moves the files and the grid follows them, Undo puts the exact tree back; the naming problems tab; French."""

from __future__ import annotations

import threading

import pytest

from tests.gui.conftest import make_tree, wait_cards
from tests.organize.helpers import identify_locally, snapshot
from videomanager.gui import i18n
from videomanager.gui.library_model import CardRole

pytestmark = pytest.mark.slow

NAMES = [
    "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv",
    "The.Matrix.1999.1080p.BluRay.x264-GRP.srt",
    "Heat (1995)/Heat.1995.2160p.UHD.BluRay.HDR.x265.mkv",
    "Heat (1995)/Heat (1995)-trailer.mkv",
    "Breaking Bad/Breaking.Bad.S01E01.720p.mkv",
]
TITLES = {
    "the matrix": ("movie", 603, "The Matrix", "1999-03-30"),
    "heat": ("movie", 949, "Heat", "1995-12-15"),
    "breaking bad": ("tv", 1396, "Breaking Bad", "2008-01-20"),
}


def _window(qtbot, tmp_path, window_factory):
    root = tmp_path / "lib"
    make_tree(root, NAMES)
    for n, p in enumerate(sorted(root.rglob("*.*"))):
        p.write_bytes(f"{n} {p.name}".encode())  # distinct contents
    w = window_factory(auto_identify=False)
    with qtbot.waitSignal(w.scan_finished, timeout=15_000):
        w.add_folders([str(root)])
    identify_locally(w.library, TITLES)
    w.request_refresh()
    wait_cards(qtbot, w, 3)
    qtbot.waitUntil(lambda: all(c.tmdb_id for c in _cards(w)), timeout=5000)
    return w, root


def _cards(window):
    return [window.model.index(r, 0).data(CardRole) for r in range(window.model.rowCount())]


def _paths(window) -> list[str]:
    return [
        p
        for c in _cards(window)
        for p in [*(q for v in c.versions for q in v.parts), *(e.path for e in c.episodes)]
    ]


def test_preview_apply_and_undo(qtbot, tmp_path, window_factory):
    w, root = _window(qtbot, tmp_path, window_factory)
    before = snapshot(root)
    w.organize_action.trigger()
    dialog = w._organize_dialog
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog._job is None, timeout=5000)
    assert not dialog.apply_button.isEnabled() and not dialog.undo_button.isEnabled()

    threads = []
    refresh = dialog._refresh_buttons

    def on_gui_thread_only() -> None:  # the dialog's widgets may only be touched on the GUI thread
        threads.append(threading.current_thread() is threading.main_thread())
        refresh()

    dialog._refresh_buttons = on_gui_thread_only
    dialog.scheme_box.setCurrentIndex(dialog.scheme_box.findData("plex"))
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.moves_model.rowCount() > 0 and dialog._job is None, timeout=10_000)
    moves = dict(dialog.moves_model.rows)
    assert moves[str(root / "The.Matrix.1999.1080p.BluRay.x264-GRP.srt")].endswith(
        "The Matrix (1999) {tmdb-603} - 1080p BluRay x264.srt"
    )
    assert len(moves) == 5 and snapshot(root) == before  # a preview touches nothing
    problems = [row[1] for row in dialog.problems_model.rows]
    assert "Episode outside its season folder" in problems
    assert dialog.apply_button.isEnabled()

    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog._job is None and dialog.undo_button.isEnabled(), timeout=15_000)
    assert "5 files moved" in dialog.summary.text()
    assert not (root / "Heat (1995)").exists()
    qtbot.waitUntil(lambda: all("{tmdb-" in p for p in _paths(w)), timeout=10_000)  # the grid follows

    dialog.undo_button.click()
    qtbot.waitUntil(lambda: dialog._job is None and not dialog.undo_button.isEnabled(), timeout=15_000)
    assert snapshot(root) == before
    assert "5 files put back" in dialog.summary.text()
    qtbot.waitUntil(lambda: not any("{tmdb-" in p for p in _paths(w)), timeout=10_000)
    assert len(threads) > 3 and all(threads)
    dialog.reject()


def test_the_dialog_speaks_french(qtbot, qapp, tmp_path, window_factory):
    i18n.install_translator(qapp, "fr")
    try:
        w = window_factory()
        assert w.organize_action.text() == "Organiser les fichiers…"
        w.organize_action.trigger()
        dialog = w._organize_dialog
        qtbot.waitUntil(lambda: dialog._job is None, timeout=5000)
        assert dialog.windowTitle() == "Organiser les fichiers"
        assert dialog.preview_button.text() == "Aperçu"
        assert dialog.apply_button.text() == "Appliquer"
        dialog.reject()
    finally:
        i18n.install_translator(qapp, "en")


def test_nfo_export_reads_the_window_poster_cache(tmp_path):
    from videomanager.core.nfo import poster_cache_file
    from videomanager.gui.posters import poster_file

    for path in ("/abc.jpg", "/../../x.png", "/é.jpg"):
        assert poster_cache_file(tmp_path, path) == poster_file(tmp_path, path)
