"""MatchDialog with a real TMDbClient talking HTTP to the local stand-in: candidates, free search
(scored by the matcher, off the GUI thread), id entry and look-up, scopes, unmatch, cancel."""

from __future__ import annotations

from typing import Any

import pytest

from videomanager.core.models import STATE_AMBIGUOUS, Candidate, Card, Version
from videomanager.gui.match_dialog import MatchDialog, parse_tmdb_reference
from videomanager.tmdb import TMDbClient


@pytest.fixture
def fake(fake_tmdb: Any) -> Any:
    return fake_tmdb  # the stand-in from tests/gui/conftest.py


@pytest.fixture
def client(fake) -> TMDbClient:
    return TMDbClient(api_key=fake.API_KEY, base_url=fake.base_url, timeout=5.0)


def _card() -> Card:
    return Card(
        id="local:robocop",
        tmdb_id=None,
        kind=None,
        title="RoboCop",
        year=None,
        state=STATE_AMBIGUOUS,
        reasons="two films are close",
        versions=(
            Version(path="/v/RoboCop.720p.mkv", parts=("/v/RoboCop.720p.mkv",), size=1, file_ids=(11,)),
            Version(
                path="/v/RoboCop.cd1.avi",
                parts=("/v/RoboCop.cd1.avi", "/v/RoboCop.cd2.avi"),
                size=2,
                file_ids=(12, 13),
            ),
        ),
        candidates=(
            Candidate(97020, "movie", "RoboCop", 2014, score=0.71, reasons="title 1.00, no year"),
            Candidate(5548, "movie", "RoboCop", 1987, score=0.74, reasons="title 1.00, no year"),
        ),
    )


def _dialog(qtbot, client, card: Card | None = None) -> MatchDialog:
    dlg = MatchDialog(card or _card(), client=client)
    qtbot.addWidget(dlg)
    return dlg


def test_candidates_listed_best_first(qtbot, client):
    dlg = _dialog(qtbot, client)
    assert [c.tmdb_id for c in dlg.rows()] == [5548, 97020]
    assert dlg.table.topLevelItem(0).text(3) == "0.74"
    dlg.table.setCurrentItem(dlg.table.topLevelItem(1))
    assert dlg.id_edit.text() == "movie/97020"
    assert dlg.apply_button.isEnabled()


def test_free_search_returns_scored_results_from_the_fake(qtbot, client):
    dlg = _dialog(qtbot, client)
    dlg.title_edit.setText("RoboCop")
    dlg.year_spin.setValue(2014)
    with qtbot.waitSignal(dlg.results_shown, timeout=15000):
        dlg.search_button.click()
        assert dlg.search_button.text() == "Searching..."  # the GUI thread is not blocked
    rows = dlg.rows()
    assert rows, dlg.status_label.text()
    assert rows[0].tmdb_id == 97020 and rows[0].year == 2014
    assert rows == sorted(rows, key=lambda c: c.score, reverse=True)
    assert 0 < rows[0].score <= 1 and "title" in rows[0].reasons
    assert dlg.search_button.isEnabled()


def test_tv_search(qtbot, client):
    dlg = _dialog(qtbot, client)
    dlg.title_edit.setText("Doctor Who")
    dlg.year_spin.setValue(0)
    dlg.kind_combo.setCurrentIndex(dlg.kind_combo.findData("tv"))
    with qtbot.waitSignal(dlg.results_shown, timeout=15000):
        dlg.start_search()
    rows = dlg.rows()
    assert {c.tmdb_id for c in rows} >= {121, 57243}
    assert all(c.kind == "tv" for c in rows)


def test_id_lookup_and_apply_to_whole_card(qtbot, client):
    dlg = _dialog(qtbot, client)
    dlg.id_edit.setText("https://www.themoviedb.org/movie/603-the-matrix")
    with qtbot.waitSignal(dlg.results_shown, timeout=15000):
        dlg.lookup_button.click()
    assert [(c.tmdb_id, c.title, c.year) for c in dlg.rows()] == [(603, "The Matrix", 1999)]
    dlg.apply_button.click()
    assert dlg.decision() == {
        "action": "match",
        "kind": "movie",
        "tmdb_id": 603,
        "scope": "card",
        "file_ids": [11, 12, 13],
    }


def test_apply_to_one_file(qtbot, client):
    dlg = _dialog(qtbot, client)
    dlg.id_edit.setText("5548")
    dlg.set_scope("file", 1)  # the two-part version: both parts move together
    dlg.apply_match()
    assert dlg.decision() == {
        "action": "match",
        "kind": "movie",
        "tmdb_id": 5548,
        "scope": "file",
        "file_ids": [12, 13],
    }


def test_unmatch_and_cancel(qtbot, client):
    card = Card(
        id="movie:603",
        tmdb_id=603,
        kind="movie",
        title="The Matrix",
        year=1999,
        state="matched",
        versions=(Version(path="/v/m.mkv", parts=("/v/m.mkv",), size=1, file_ids=(7,)),),
    )
    dlg = _dialog(qtbot, client, card)
    assert dlg.unmatch_button.isEnabled() and not dlg.scope_file.isEnabled()
    dlg.unmatch_button.click()
    assert dlg.decision() == {"action": "unmatch", "scope": "card", "file_ids": [7]}
    dlg = _dialog(qtbot, client, card)
    dlg.id_edit.setText("603")
    dlg.reject()
    assert dlg.decision() is None


def test_search_failure_is_shown(qtbot, client, fake):
    fake.faults.down = True
    dlg = _dialog(qtbot, client)
    dlg.title_edit.setText("Heat")
    qtbot.waitUntil(lambda: dlg.search_button.isEnabled())
    dlg.start_search()
    qtbot.waitUntil(lambda: dlg.search_button.isEnabled(), timeout=20000)
    assert "failed" in dlg.status_label.text()
    assert [c.tmdb_id for c in dlg.rows()] == [5548, 97020]  # the candidates are still there


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("603", (None, 603)),
        ("tv/1399", ("tv", 1399)),
        ("https://www.themoviedb.org/tv/1399-x", ("tv", 1399)),
        ("abc", (None, None)),
        ("0", (None, None)),
    ],
)
def test_parse_tmdb_reference(text, expected):
    assert parse_tmdb_reference(text) == expected
