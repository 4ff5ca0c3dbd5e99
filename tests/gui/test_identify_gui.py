"""Identification from the window against the local TMDb stand-in (real HTTP): cards update in place,
posters arrive through the loader thread, details fill the panel; an invalid key shows in the message
bar with an "Open settings" action."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import accepting_settings_dialog, make_tree, wait_cards
from videomanager.core.paths import resolve_paths
from videomanager.core.settings import Settings
from videomanager.tmdb.factory import build_client

pytestmark = pytest.mark.slow  # each test drives an identify run against the stand-in


def client_for(fake, data, *, key: str | None = None, library=None):
    settings = Settings(tmdb_api_key=key or fake.API_KEY, tmdb_url=fake.base_url)
    return settings, build_client(settings, resolve_paths(data), library)


def test_identify_updates_cards_posters_and_details(qtbot, tmp_path, fake_tmdb, window_factory) -> None:
    root = tmp_path / "videos"
    make_tree(root, ["The.Matrix.1999.1080p.BluRay.mkv", "The Matrix (1999)/The.Matrix.1999.720p.mkv",
                     "Heat.1995.2160p.mkv"])  # fmt: skip
    data = tmp_path / "data"
    data.mkdir()
    settings, client = client_for(fake_tmdb, data)
    w = window_factory(settings=settings, client=client, data=data)
    assert "no-key" not in w.message_bar.keys()
    assert w.identify_action.isEnabled()
    with qtbot.waitSignal(w.identify_finished, timeout=30_000):
        w.add_folders([str(root)])  # scans, then identifies (a key is set)
    qtbot.waitUntil(lambda: w.model.card("movie:603") is not None, timeout=10_000)
    wait_cards(qtbot, w, 2)
    matrix = w.model.card("movie:603")
    assert matrix.state == "matched" and len(matrix.versions) == 2 and matrix.poster_path
    assert "Identified 2 / 2" in w.status.identify.text()
    assert "Requests today" in w.status.requests.text()
    # Posters: asked for by painting, downloaded and decoded off the GUI thread, cached on disk.
    w.view.viewport().repaint()
    qtbot.waitUntil(lambda: w.posters.pixmap(matrix.poster_path) is not None, timeout=10_000)
    assert len(list((data / "posters").glob("*.img"))) >= 1
    # Details through the worker: overview, director, cast, IMDb link.
    assert w.select_card("movie:603")
    qtbot.waitUntil(lambda: "imdb.com/title/tt" in w.detail.links.text(), timeout=10_000)
    assert w.detail.credits.text()
    assert "confidence" in w.detail.state.text()
    assert "youtube.com/watch?v=" in w.detail.links.text()  # the trailer
    assert "Keanu Reeves" in w.detail.credits.text() and "Director" in w.detail.credits.text()
    assert (
        "Science Fiction" in w.detail.credits.text() and "min" in w.detail.credits.text()
    )  # genres, runtime
    assert "simulation" in w.detail.overview.text()


def test_invalid_key_shows_open_settings_in_the_message_bar(
    qtbot, tmp_path, fake_tmdb, window_factory
) -> None:
    root = tmp_path / "videos"
    make_tree(root, ["Heat.1995.mkv"])
    data = tmp_path / "data"
    data.mkdir()
    settings, client = client_for(fake_tmdb, data, key="0123456789abcdef0123456789abcdef")
    w = window_factory(settings=settings, client=client, data=data)
    with qtbot.waitSignal(w.identify_finished, timeout=30_000):
        w.add_folders([str(root)])
    msg = w.message_bar.message("error:credential")
    assert msg is not None
    assert [b.text() for b in msg.buttons] == ["Open settings"]
    assert "0123456789abcdef0123456789abcdef" not in msg.text  # never the key
    wait_cards(qtbot, w, 1)
    assert w.model.card_at(0).state == "pending"  # nothing lost, still to identify


def test_network_down_for_a_few_titles_says_so_with_retry(qtbot, tmp_path, window_factory) -> None:
    """Fewer failures in a row than stop a whole run: the titles stay pending, and the message bar says
    why, with Retry (before, the status bar only read "Identified 0 / 2")."""
    import socket

    with socket.socket() as s:  # a port nothing listens on: connections are refused, as with TMDb down
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    root = tmp_path / "videos"
    make_tree(root, ["Heat.1995.mkv", "Alien.1979.mkv"])
    data = tmp_path / "data"
    data.mkdir()
    settings = Settings(
        tmdb_api_key="0123456789abcdef0123456789abcdef", tmdb_url=f"http://127.0.0.1:{port}/3"
    )
    w = window_factory(settings=settings, client=build_client(settings, resolve_paths(data), None), data=data)
    with qtbot.waitSignal(w.identify_finished, timeout=60_000):
        w.add_folders([str(root)])
    msg = w.message_bar.message("error:network")
    assert msg is not None
    assert msg.text.startswith("2 titles could not be looked up and stay pending")
    assert [b.text() for b in msg.buttons] == ["Retry"]
    wait_cards(qtbot, w, 2)
    assert {w.model.card_at(i).state for i in range(2)} == {"pending"}


@pytest.fixture
def slow_tmdb():
    from videomanager.testing.fake_tmdb import FakeTMDb

    fake = FakeTMDb(latency=0.15)  # slow enough that 40 lookups are still running a moment later
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()


def _states(library) -> dict[str, int]:
    return dict(library.conn.execute("SELECT state, COUNT(*) FROM lookups GROUP BY state").fetchall())


def _identifying(qtbot, tmp_path, window_factory, fake):
    """A window identifying 40 titles, some of them already looked up (not found: unknown titles)."""
    root = tmp_path / "videos"
    make_tree(root, [f"Unknown Film Number {i:02d} ({1950 + i}).mkv" for i in range(40)])
    data = tmp_path / "data"
    data.mkdir()
    settings, client = client_for(fake, data)
    w = window_factory(settings=settings, client=client, data=data)
    w.add_folders([str(root)])
    qtbot.waitUntil(lambda: w.is_identifying() and _states(w.library).get("not_found", 0) > 0,
                    timeout=30_000)  # fmt: skip
    return w


def test_stop_button_stops_identify_and_keeps_what_was_found(
    qtbot, tmp_path, window_factory, slow_tmdb
) -> None:
    w = _identifying(qtbot, tmp_path, window_factory, slow_tmdb)
    assert w.stop_action.isEnabled()
    with qtbot.waitSignal(w.identify_finished, timeout=30_000) as finished:
        w.stop_action.trigger()  # the toolbar's Stop
    assert finished.args[0]["cancelled"] is True
    states = _states(w.library)
    assert states.get("not_found", 0) > 0 and states.get("pending", 0) > 0, (
        states
    )  # kept; the rest left to do
    assert sum(states.values()) == 40
    assert not w.stop_action.isEnabled() and w.identify_action.isEnabled()
    assert "(stopped)" in w.status.identify.text()


def test_closing_mid_identify_stops_cleanly_and_loses_nothing(
    qtbot, tmp_path, window_factory, slow_tmdb
) -> None:
    import time

    w = _identifying(qtbot, tmp_path, window_factory, slow_tmdb)
    job = w._identify_job
    started = time.monotonic()
    w.close()
    assert not job.thread.isRunning()
    assert time.monotonic() - started < 10
    states = _states(w.library)
    assert states.get("not_found", 0) > 0 and sum(states.values()) == 40, states
    assert w.library.integrity_ok()


def test_changing_the_metadata_language_retitles_the_cards(
    qtbot, tmp_path, fake_tmdb, window_factory
) -> None:
    from videomanager.gui.main_window import Hooks

    root = tmp_path / "videos"
    make_tree(root, ["Ghostbusters.1984.1080p.mkv", "Psycho.1960.mkv"])
    data = tmp_path / "data"
    data.mkdir()
    settings, client = client_for(fake_tmdb, data)
    hooks = Hooks(client_factory=lambda s: build_client(s, resolve_paths(data), None))
    w = window_factory(settings=settings, client=client, data=data, hooks=hooks)
    with qtbot.waitSignal(w.identify_finished, timeout=30_000):
        w.add_folders([str(root)])
    qtbot.waitUntil(lambda: w.model.card("movie:620") is not None, timeout=10_000)
    assert w.model.card("movie:620").title == "Ghostbusters"

    french = settings.copy()
    french.language = "fr-FR"
    w.hooks.settings_dialog = accepting_settings_dialog(
        french, w.library.roots
    )  # OK pressed with French chosen
    with qtbot.waitSignal(w.identify_finished, timeout=30_000) as done:
        w.open_settings()
    assert done.args[0]["titles_refreshed"] == 2
    qtbot.waitUntil(lambda: w.model.card("movie:620").title == "SOS Fantômes", timeout=10_000)
    qtbot.waitUntil(lambda: w.model.card("movie:539").title == "Psychose", timeout=10_000)


def test_identify_starts_on_the_first_files_a_scan_writes_and_follows_it(
    qtbot, tmp_path, fake_tmdb, window_factory, monkeypatch
) -> None:
    import time

    import videomanager.core.indexer as indexer

    real = indexer.parse

    def slow_parse(*args):  # a scan long enough to have a middle: guessit at a slow machine's pace
        time.sleep(0.05)
        return real(*args)

    monkeypatch.setattr(indexer, "parse", slow_parse)
    root = tmp_path / "videos"
    films = ["The Matrix (1999)", "Heat (1995)", "Inception (2010)", "Alien (1979)", "Fight Club (1999)"]
    make_tree(root, [f"{f}/{f} - {r}.mkv" for f in films for r in ("720p", "1080p", "2160p", "480p")])
    data = tmp_path / "data"
    data.mkdir()
    settings, client = client_for(fake_tmdb, data)
    w = window_factory(settings=settings, client=client, data=data)
    w.identify_during_scan_after = 4  # this small tree stands for a big first scan
    identifying_when_scan_ended: list[bool] = []
    w.scan_finished.connect(lambda _r: identifying_when_scan_ended.append(w._identify_job is not None))
    with qtbot.waitSignal(w.identify_finished, timeout=60_000) as done:
        w.add_folders([str(root)])
    assert identifying_when_scan_ended == [True]  # it began before the scan's end
    assert w.library.pending_lookup_keys() == []
    assert done.args[0]["matched"] == 5 and done.args[0]["keys_total"] == 5  # each key once, over the runs
    qtbot.waitUntil(lambda: w.model.card("movie:603") is not None, timeout=10_000)


def test_identify_following_a_scan_looks_up_the_keys_written_meanwhile_then_ends(tmp_path, fake_tmdb) -> None:
    import threading
    import time

    from videomanager.core.indexer import scan_into_library
    from videomanager.core.library import Library
    from videomanager.gui.workers import IdentifyWorker

    root = tmp_path / "videos"
    make_tree(root, ["The.Matrix.1999.1080p.mkv", "Heat.1995.720p.mkv"])
    data = tmp_path / "data"
    data.mkdir()
    library = Library(data / "library.sqlite3")
    scan_into_library(library, [str(root)], workers=1)
    _settings, client = client_for(fake_tmdb, data)
    worker = IdentifyWorker(library, client, follow=True)
    worker.FOLLOW_PAUSE = 0.05
    results: list[dict] = []
    # Emitted on the worker's thread, called there: this test runs no event loop.
    worker.finished.connect(results.append, Qt.ConnectionType.DirectConnection)
    thread = threading.Thread(target=worker.run)
    thread.start()

    def settled(timeout: float = 20.0) -> None:
        end = time.monotonic() + timeout
        while library.pending_lookup_keys() or not library.lookups():
            assert time.monotonic() < end
            time.sleep(0.05)

    settled()
    make_tree(root, ["Inception.2010.mkv", "Alien.1979.mkv"])  # the scan goes on and writes more
    scan_into_library(library, [str(root)], workers=1)
    settled()
    assert thread.is_alive()  # still following the scan
    requests = fake_tmdb.stats.request_count
    worker.scan_ended()
    thread.join(timeout=20)
    assert not thread.is_alive()
    assert results and results[0]["matched"] == 4 and results[0]["keys_total"] == 4
    assert fake_tmdb.stats.request_count == requests  # the last run found nothing left to ask
