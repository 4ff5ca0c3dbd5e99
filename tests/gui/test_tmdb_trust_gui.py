"""The window when TMDb misbehaves: a failed poster is asked for again later; back-off after errors is
not shown as rate-limit waiting; "Requests today" follows the library's count live, whoever made the
request; a whole-run stop shows in the message bar by its error kind, with the action that helps."""

from __future__ import annotations

import threading
from datetime import date

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStatusBar

from tests.gui.conftest import make_tree
from tests.gui.test_card_delegate import png_bytes
from videomanager.core.paths import resolve_paths
from videomanager.core.settings import Settings
from videomanager.gui.posters import PosterCache
from videomanager.gui.progress import StatusPanel
from videomanager.gui.workers import WorkerError, worker_error
from videomanager.tmdb import (
    DailyLimitReachedError,
    InvalidCredentialError,
    MalformedAnswerError,
    NetworkError,
    RateLimitedError,
)
from videomanager.tmdb.factory import build_client


def test_a_failed_poster_is_asked_for_again_later(qtbot, tmp_path) -> None:
    blue = png_bytes("#1030d0")
    calls: list[str] = []

    def fetch(path: str) -> bytes | None:
        calls.append(path)
        return None if len(calls) == 1 else blue  # TMDb down at first, back a moment later

    cache = PosterCache(tmp_path / "p", fetch, QSize(100, 150), retry_failed_after=0.3)
    try:
        with qtbot.waitSignal(cache._bridge.failed, timeout=5000):
            cache.pixmap("/x.jpg")
        assert cache.pixmap("/x.jpg") is None and calls == ["/x.jpg"]  # not at once again
        # The cells showing it are told to repaint when the delay is over; they ask again.
        with qtbot.waitSignal(cache.poster_ready, timeout=5000):
            pass
        cache.pixmap("/x.jpg")
        qtbot.waitUntil(lambda: cache.pixmap("/x.jpg") is not None, timeout=5000)
        assert calls == ["/x.jpg", "/x.jpg"]
    finally:
        cache.shutdown()


def test_a_new_fetcher_retries_the_failed_posters_at_once(qtbot, tmp_path) -> None:
    cache = PosterCache(tmp_path / "p", None, QSize(100, 150))  # no client yet
    try:
        with qtbot.waitSignal(cache._bridge.failed, timeout=5000):
            cache.pixmap("/y.jpg")
        cache.fetch = lambda p: png_bytes("#d01030")  # a key was added in Settings
        cache.pixmap("/y.jpg")
        qtbot.waitUntil(lambda: cache.pixmap("/y.jpg") is not None, timeout=5000)
    finally:
        cache.shutdown()


def test_back_off_after_errors_is_not_labelled_a_rate_limit_wait(qtbot) -> None:
    bar = QStatusBar()
    qtbot.addWidget(bar)
    panel = StatusPanel(bar)
    panel.set_identify({"keys_done": 3, "keys_total": 9, "waits_429": 0, "wait_seconds": 0.2,
                        "backoff_seconds": 12.0})  # fmt: skip
    assert not panel.waits.isHidden()
    assert panel.waits.text() == "Waiting to retry after errors: 12 s"
    assert "Rate-limit" not in panel.waits.text()
    panel.set_identify({"keys_done": 4, "keys_total": 9, "waits_429": 1, "wait_seconds": 5.0,
                        "backoff_seconds": 12.0})  # fmt: skip
    assert panel.waits.text() == (
        "Rate-limit waits: 5 s in all · 1 slow-down from TMDb · Waiting to retry after errors: 12 s"
    )


def test_errors_map_to_their_kind() -> None:
    assert worker_error(RateLimitedError()).kind == "rate-limit"
    assert worker_error(InvalidCredentialError()).kind == "credential"
    assert worker_error(DailyLimitReachedError(5, 5)).kind == "daily-limit"
    assert worker_error(NetworkError()).kind == "network"
    assert worker_error(MalformedAnswerError()).kind == "malformed"
    assert worker_error(OSError(13, "Permission denied")).kind == "folder"
    assert worker_error(ValueError("x")) == WorkerError("other", "x")


def test_requests_today_follows_the_library_live(qtbot, tmp_path, fake_tmdb, window_factory) -> None:
    """A request made by anyone (here: the details of a title) shows in the status bar at once, with the
    figure the library recorded."""
    from videomanager.gui.main_window import Hooks

    data = tmp_path / "data"
    data.mkdir()
    settings = Settings(tmdb_api_key=fake_tmdb.API_KEY, tmdb_url=fake_tmdb.base_url)
    holder: dict = {}
    hooks = Hooks(client_factory=lambda s: build_client(s, resolve_paths(data), holder["w"].library))
    w = holder["w"] = window_factory(settings=settings, hooks=hooks, data=data, auto_identify=False)
    assert w.status.requests.text() == "Requests today: 0 / 20000"
    w.apply_settings(settings.copy())  # the client of this window's library
    threading.Thread(target=lambda: w.client.get_movie(603, append_to_response="credits")).start()
    qtbot.waitUntil(lambda: w.status.requests.text() == "Requests today: 1 / 20000", timeout=5000)
    assert w.library.requests_on(date.today().isoformat()) == 1
    w.client.close()


def test_a_rate_limit_stop_shows_its_kind_with_retry(qtbot, tmp_path, fake_tmdb, window_factory) -> None:
    root = tmp_path / "videos"
    make_tree(root, ["Heat.1995.mkv", "Alien.1979.mkv", "Psycho.1960.mkv", "Ghostbusters.1984.mkv"])
    data = tmp_path / "data"
    data.mkdir()
    fake_tmdb.faults.rate_limit = 0  # every request: 429, and come back in 31 years
    fake_tmdb.faults.retry_after = 999_999_999
    settings = Settings(tmdb_api_key=fake_tmdb.API_KEY, tmdb_url=fake_tmdb.base_url)
    w = window_factory(settings=settings, client=build_client(settings, resolve_paths(data), None), data=data)
    with qtbot.waitSignal(w.identify_finished, timeout=30_000) as done:
        w.add_folders([str(root)])
    assert done.args[0]["stop_kind"] == "rate-limit"
    msg = w.message_bar.message("error:rate-limit")
    assert msg is not None and "too many requests" in msg.text
    assert [b.text() for b in msg.buttons] == ["Retry"]
    w.client.close()


def test_closing_while_details_drip_in_does_not_wait_for_them(
    qtbot, tmp_path, fake_tmdb, window_factory
) -> None:
    """A server that sends one byte every 2 s holds a details fetch for its whole deadline; closing the
    window aborts it instead of waiting."""
    import time

    from tests.gui.conftest import scanned_sample

    data = tmp_path / "data"
    settings = Settings(tmdb_api_key=fake_tmdb.API_KEY, tmdb_url=fake_tmdb.base_url)
    client = build_client(settings, resolve_paths(str(data)), None)
    w = scanned_sample(qtbot, window_factory, tmp_path / "videos", client=client, data=data)
    fake_tmdb.faults.drip = 2.0
    w._fetch_details.emit("movie:603", "movie", 603)  # what selecting an identified card asks for
    qtbot.waitUntil(lambda: any(p.endswith("/movie/603") for p in fake_tmdb.stats.by_path), timeout=10_000)
    started = time.monotonic()
    w.close()
    assert time.monotonic() - started < 5.0
