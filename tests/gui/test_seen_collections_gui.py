"""Seen marks, collections and people in a real window (offscreen) on the local TMDb stand-in: a card and an
episode marked seen (kept through a rescan), Play marking when the setting says so, the Unseen filter, a
film's collection with what is owned and what is missing, the gaps filter, and a person's page. TMDb is
asked once per collection and once per person opened."""

from __future__ import annotations

import os

import pytest
from PySide6.QtGui import QDesktopServices

from tests.gui.conftest import make_tree, scanned_sample, wait_cards
from videomanager.core.settings import Settings

pytestmark = pytest.mark.slow


def _card(w, title: str):
    return next(c for c in w.model.cards() if c.title == title)


def test_seen_marks_filter_and_survive_a_rescan(qtbot, window_factory, tmp_path, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))
    w = scanned_sample(qtbot, window_factory, tmp_path / "videos", distinct=True)
    w.select_card(_card(w, "The Matrix").id)
    w.seen_action.trigger()
    qtbot.waitUntil(lambda: _card(w, "The Matrix").seen, timeout=5000)
    assert w.seen_action.isChecked()
    w.filter_box.setCurrentIndex(w.filter_box.findData("unseen"))
    assert "The Matrix" not in {w.proxy.card_at(r).title for r in range(w.proxy.rowCount())}
    w.filter_box.setCurrentIndex(w.filter_box.findData("all"))
    os.rename(
        tmp_path / "videos" / "The.Matrix.1999.720p.WEB.mkv",
        tmp_path / "videos" / "The Matrix (1999) 720p.mkv",
    )
    with qtbot.waitSignal(w.scan_finished, timeout=15_000):
        w.rescan()
    qtbot.waitUntil(
        lambda: _card(w, "The Matrix").seen and len(_card(w, "The Matrix").versions) == 2, timeout=5000
    )
    # An episode, from the detail panel.
    bad = next(c for c in w.model.cards() if c.episodes)
    w.select_card(bad.id)
    season = w.detail.episodes.topLevelItem(0)
    season.child(1).setSelected(True)
    w.seen.episode_action.trigger()
    qtbot.waitUntil(lambda: [e.seen for e in w.model.card(bad.id).episodes] == [False, True], timeout=5000)
    # Play marks what it opens when the setting says so.
    w.apply_settings(Settings(mark_seen_on_play=True))
    heat = next(c for c in w.model.cards() if c.title.startswith("Heat"))
    w.select_card(heat.id)
    w.detail.play_button.click()
    qtbot.waitUntil(lambda: w.model.card(heat.id).seen, timeout=5000)


@pytest.fixture
def identified(qtbot, window_factory, tmp_path, fake_tmdb):
    from videomanager.core.paths import resolve_paths
    from videomanager.gui.main_window import Hooks
    from videomanager.tmdb.factory import build_client

    root = tmp_path / "films"
    make_tree(root, ["Alien (1979)/Alien (1979) {tmdb-348}.mkv", "Aliens (1986)/Aliens (1986) {tmdb-679}.mkv",
                     "Heat (1995)/Heat (1995).mkv"], distinct=True)  # fmt: skip
    data = tmp_path / "data"
    data.mkdir()
    settings = Settings(tmdb_api_key=fake_tmdb.API_KEY, tmdb_url=fake_tmdb.base_url)
    holder: dict = {}
    w = holder["w"] = window_factory(settings=settings, data=data,
                                     hooks=Hooks(client_factory=lambda s: build_client(s, resolve_paths(data), holder["w"].library)))  # fmt: skip
    w.apply_settings(settings.copy())
    with qtbot.waitSignal(w.identify_finished, timeout=30_000):
        w.add_folders([str(root)])
    wait_cards(qtbot, w, 3)
    qtbot.waitUntil(lambda: {"Alien", "Aliens"} <= {c.title for c in w.model.cards()}, timeout=10_000)
    return w


def test_a_films_collection_and_its_gaps(qtbot, identified, fake_tmdb):
    w = identified
    fake_tmdb.reset_stats()
    w.select_card(_card(w, "Alien").id)  # its details name its collection; the collection is fetched
    label = w.detail.collection
    qtbot.waitUntil(lambda: label.isVisible() and "you own 2 of 5" in label.text(), timeout=10_000)
    assert "Alien Collection" in label.text()
    qtbot.waitUntil(
        lambda: _card(w, "Aliens").collection_id == 8091, timeout=5000
    )  # learnt from the collection
    w.collections.open_collection_of(w.detail.card)
    dialog = w.collections.dialogs[-1]
    assert dialog.summary.text() == "Alien Collection: you own 2 of 5"
    texts = [dialog.films.item(i).text() for i in range(dialog.films.count())]
    assert texts[0].startswith("✓ Alien (1979)") and texts[1].startswith("✓ Aliens (1986)")
    assert [t.split("\n")[0] for t in texts[2:]] == [
        "Alien³ (1992)",
        "Alien Resurrection (1997)",
        "Alien: Romulus (2024)",
    ]
    assert all(t.endswith("missing") for t in texts[2:])
    dialog.close()
    w.collections.open_collection_of(w.detail.card)  # again: no new request
    w.filter_box.setCurrentIndex(w.filter_box.findData("gaps"))
    qtbot.waitUntil(lambda: w.proxy.rowCount() == 2, timeout=5000)
    assert {w.proxy.card_at(r).title for r in range(2)} == {"Alien", "Aliens"}
    assert fake_tmdb.stats.by_path["/3/collection/8091"] == 1


def test_a_persons_page_from_the_credits(qtbot, identified, fake_tmdb):
    w = identified
    w.select_card(_card(w, "Alien").id)
    qtbot.waitUntil(lambda: "person:" in w.detail.credits.text(), timeout=10_000)
    assert "Sigourney Weaver" in w.detail.credits.text()
    weaver = int(w.detail.credits.text().split("person:")[2].split("'")[0])  # the first of the cast
    fake_tmdb.reset_stats()
    w.detail.credits.linkActivated.emit(f"person:{weaver}")
    qtbot.waitUntil(
        lambda: bool(w.collections.dialogs) and w.collections.dialogs[-1].isVisible(), timeout=10_000
    )
    dialog = w.collections.dialogs[-1]
    assert dialog.windowTitle() == "Sigourney Weaver"
    assert set(dialog.owned_rows()) == {"Alien", "Aliens"}  # her films in the library, marked
    assert dialog.table.rowCount() >= 3
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 1).text() == "Aliens")
    dialog.table.itemDoubleClicked.emit(dialog.table.item(row, 1))  # shows the film's card
    assert w.current_card().title == "Aliens"
    dialog.close()
    w.detail.credits.linkActivated.emit(f"person:{weaver}")  # cached for the session
    assert fake_tmdb.stats.by_path[f"/3/person/{weaver}"] == 1
