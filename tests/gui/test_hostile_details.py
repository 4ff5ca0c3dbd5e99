"""TMDb details of the wrong shape reach the window's consumers (the detail panel through the details
worker's signal, the fix-match dialog, a manual match): what is valid is shown, the rest is left out and
logged, never a traceback."""

from __future__ import annotations

import logging

import pytest

from tests.gui.conftest import scanned_sample
from videomanager.gui.details import read_details

HOSTILE = [
    None,
    "a string",
    42,
    [],
    ["credits", "videos"],
    {"credits": ["not", "a", "dict"], "videos": "a string", "genres": [1, 2, {"name": "Drama"}],
     "runtime": "90", "overview": {"text": "x"}, "external_ids": "tt0133093", "imdb_id": 42},
    {"credits": {"cast": [{"name": None}, {"name": "Keanu Reeves"}, "x", {"name": 5}, None], "crew": "Lana"},
     "videos": {"results": [None, {"site": "YouTube", "key": "<script>"}, 7,
                            {"site": "YouTube", "key": "m8e-FF8MsqU", "type": "Trailer"}]},
     "runtime": True, "episode_run_time": "45", "created_by": [{"name": ["x"]}]},
    {"credits": {"cast": "Keanu", "crew": [{"job": "Director", "name": {"x": 1}}, {"job": ["Director"]}]},
     "genres": "Action", "runtime": -5, "episode_run_time": [None], "imdb_id": "tt<b>1</b>"},
    {"credits": None, "genres": None, "videos": {"results": "x"}, "external_ids": {"imdb_id": ["tt1"]},
     "overview": None, "runtime": 10**12, "created_by": "Vince Gilligan"},
    {"genres": [{"name": float("nan")}, {"name": "Thriller"}], "episode_run_time": [45, "x"], "runtime": None,
     "credits": {"crew": [None, {"job": "Director", "name": "Michael Mann"}]}, "overview": "A heist."},
]  # fmt: skip


@pytest.mark.parametrize("data", HOSTILE, ids=range(len(HOSTILE)))
def test_read_details_keeps_what_is_valid(data) -> None:
    details, _dropped = read_details(data)  # never raises
    assert all(isinstance(g, str) and g for g in details.genres + details.cast + details.directors)
    assert details.runtime is None or (isinstance(details.runtime, int) and 0 < details.runtime < 10_000)


def test_hostile_details_in_the_detail_panel(qtbot, tmp_path, window_factory, caplog, capfd) -> None:
    w = scanned_sample(qtbot, window_factory, tmp_path / "videos")
    matrix = next(c for c in w.model.cards() if c.title == "The Matrix")
    assert w.select_card(matrix.id)
    panel, ready = w.detail, w.details_job.worker.ready
    caplog.set_level(logging.INFO, logger="videomanager")
    for data in HOSTILE:  # the details worker's signal, as when TMDb answers
        ready.emit(matrix.id, data)
    ready.emit(matrix.id, HOSTILE[5])
    assert panel.credits.text() == "Drama" and panel.overview.text() == "" and panel.links.text() == ""
    ready.emit(matrix.id, HOSTILE[6])
    assert "Keanu Reeves" in panel.credits.text() and "min" not in panel.credits.text()
    assert "watch?v=m8e-FF8MsqU" in panel.links.text() and "script" not in panel.links.text()
    ready.emit(matrix.id, HOSTILE[7])
    assert panel.credits.text() == "" and panel.links.text() == ""
    ready.emit(matrix.id, HOSTILE[9])
    assert "Thriller" in panel.credits.text() and "45 min" in panel.credits.text()
    assert "Michael Mann" in panel.credits.text() and panel.overview.text() == "A heist."
    # Logged, by field name (HOSTILE[6]):
    assert (
        "cast item, cast name, created_by name, crew, episode_run_time, runtime, videos item" in caplog.text
    )
    assert "Traceback" not in capfd.readouterr().err


class StandInClient:
    """The TMDb client's interface, answering what a broken or hostile service might (shapes only: the real
    client is tested against the local TMDb stand-in)."""

    def __init__(self, answer) -> None:
        self.answer = answer

    def search_movie(self, title, year=None):
        return self.answer

    def get_movie(self, tmdb_id, **_kw):
        return self.answer


def test_hostile_answers_in_the_fix_match_dialog(qtbot) -> None:
    from videomanager.core.models import Card
    from videomanager.gui.match_dialog import MatchDialog

    card = Card(id="local:1", tmdb_id=None, kind=None, title="Heat", year=1995, state="pending")

    def inline(fn, done):
        try:
            done(fn())
        except Exception as exc:
            done(exc)

    results = {"results": [{"id": "603"}, {"id": True, "title": "x"}, "str", None, {"id": 949, "title": ["x"]},
                           {"id": 949, "title": "Heat", "release_date": 1995, "popularity": "high"}]}  # fmt: skip
    for answer, rows in ((results, 1), ({"results": "Heat"}, 0), (["Heat"], 0), ({"results": None}, 0)):
        dialog = MatchDialog(card, client=StandInClient(answer), search_runner=inline)
        qtbot.addWidget(dialog)
        dialog.start_search()
        assert len(dialog.rows()) == rows
        if rows:
            assert dialog.rows()[0].tmdb_id == 949 and dialog.rows()[0].title == "Heat"
    for answer in ({"id": "949", "title": "Heat"}, ["Heat"], None):
        dialog = MatchDialog(card, client=StandInClient(answer), search_runner=inline)
        qtbot.addWidget(dialog)
        dialog.id_edit.setText("949")
        dialog.start_lookup()
        assert dialog.status_label.text() == "Look-up failed: TMDb's answer could not be read."


def test_a_manual_match_keeps_only_valid_title_fields(tmp_path) -> None:
    from videomanager.core.grouping import cards_from_library
    from videomanager.core.indexer import scan_into_library
    from videomanager.core.library import Library
    from videomanager.gui.app import apply_decision

    root = tmp_path / "videos"
    root.mkdir()
    (root / "Heat.1995.mkv").write_bytes(b"heat")
    library = Library(tmp_path / "library.sqlite3")
    try:
        scan_into_library(library, [str(root)], workers=1)
        file_id = library.file_by_path(str(root / "Heat.1995.mkv")).id
        answer = {"id": 949, "title": "Heat", "original_title": ["Heat"], "release_date": 1995,
                  "poster_path": {"x": 1}, "overview": "A heist.", "popularity": True}  # fmt: skip
        apply_decision(library, StandInClient(answer), {"action": "match", "kind": "movie", "tmdb_id": 949,
                                                        "file_ids": [file_id]})  # fmt: skip
        assert library.title("movie", 949) == {"id": 949, "title": "Heat", "overview": "A heist."}
        (card,) = cards_from_library(library)
        assert (card.id, card.title, card.poster_path) == ("movie:949", "Heat", None)
    finally:
        library.close()
