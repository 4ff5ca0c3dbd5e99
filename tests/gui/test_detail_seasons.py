"""The detail panel's seasons view: "8 of 10 episodes" per season, the missing episodes by number and name,
an episode table whose titles are readable, TMDb text shown as plain text; the DetailsWorker hands it the
library's season data."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QTreeWidgetItem

from videomanager.core.library import Library
from videomanager.core.models import Card, Episode
from videomanager.gui.detail_panel import DetailPanel, number_ranges, season_plan
from videomanager.gui.workers import DetailsWorker

TITLES = ["Pilot", "Cat's in the Bag...", "...And the Bag's in the River", "Cancer Man", "Gray Matter",
          "Crazy Handful of Nothin'", "A No-Rough-Stuff-Type Deal"]  # fmt: skip


def card() -> Card:
    def e(season, episode, end=None, title=None, path=None):
        path = (
            path or f"/tv/Breaking Bad/Season {season}/Breaking.Bad.S{season or 0:02d}E{episode or 0:02d}.mkv"
        )
        return Episode(path=path, season=season, episode=episode, size=2_000_000_000, resolution="1080p",
                       title=title, episode_end=end, air_date="2008-01-20" if episode == 1 else None)  # fmt: skip

    episodes = (e(1, 1, title=TITLES[0]), e(1, 2, 3, title=f"{TITLES[1]} / {TITLES[2]}"), e(1, 5, title=TITLES[4]),
                e(2, 1, title="<b>Seven Thirty-Seven</b>"), e(None, None, path="/tv/Breaking Bad/extra.mkv"))  # fmt: skip
    return Card(id="tv:1396", tmdb_id=1396, kind="tv", title="Breaking Bad", year=2008, state="matched",
                episodes=episodes)  # fmt: skip


DETAILS = {
    "seasons": [{"season_number": 1, "episode_count": 7}, {"season_number": 2, "episode_count": 13}],
    "season_episodes": [
        {"season": 1, "count": 7, "episodes": [[n, t, f"2008-01-{19 + n}"] for n, t in enumerate(TITLES, 1)]}
    ],
}


def children(item: QTreeWidgetItem) -> list[list[str]]:
    return [[item.child(i).text(c) for c in range(5)] for i in range(item.childCount())]


def test_each_season_says_how_many_episodes_it_holds_and_which_are_missing(qtbot, tmp_path) -> None:
    panel = DetailPanel()
    qtbot.addWidget(panel)
    panel.resize(520, 900)
    panel.show()
    c = card()
    panel.show_card(c)
    panel.set_details(c.id, DETAILS)
    tree = panel.episodes
    tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [t.text(0) for t in tops] == [
        "Season 1  ·  4 of 7 episodes",
        "Season 2  ·  1 of 13 episodes",
        "Other",
    ]
    rows = children(tops[0])
    assert [r[0] for r in rows] == ["E01", "E02–E03", "E04", "E05", "E06", "E07"]
    assert rows[2] == ["E04", "Cancer Man", "2008-01-23", "missing", ""]
    assert rows[1][1] == "Cat's in the Bag... / ...And the Bag's in the River"
    # Season 2: TMDb's count only (no names fetched): the missing numbers, in gray rows.
    assert [r[0] for r in children(tops[1])][:3] == ["E01", "E02", "E03"]
    assert children(tops[1])[0][1] == "<b>Seven Thirty-Seven</b>"  # TMDb text is plain text
    # Readable: the title column is wide enough for the titles, not cut to "E01 B...".
    fm = tree.fontMetrics()
    assert tree.columnWidth(1) >= fm.horizontalAdvance("Cat's in the Bag...")
    assert tree.columnWidth(0) >= fm.horizontalAdvance("E02–E03")
    shot = os.environ.get("VIDEOMANAGER_SCREENSHOT_DIR")
    if shot:
        panel.grab().save(os.path.join(shot, "detail-seasons.png"))


def test_a_long_run_of_missing_episodes_is_one_row_of_ranges() -> None:
    many = Card(id="tv:2224", tmdb_id=2224, kind="tv", title="The Daily Show", year=1996, state="matched",
                episodes=(Episode(path="/tv/a.mkv", season=16, episode=52, size=1),))  # fmt: skip
    plan = season_plan(many, {"seasons": [{"season_number": 16, "episode_count": 150}]})
    assert plan[0][2] == 150 and len(plan[0][3]) == 149
    assert number_ranges([n for n, _, _ in plan[0][3]]) == "1–51, 53–150"


def test_the_details_worker_adds_the_library_season_data(qtbot, tmp_path) -> None:
    lib = Library(tmp_path / "library.sqlite3")
    try:
        lib.save_season_episodes(
            1396, 1, [(1, "Pilot", "2008-01-20")], air_date="2008-01-20", language="en-US"
        )
        worker = DetailsWorker(None, lib)
        with qtbot.waitSignal(worker.ready, timeout=2000) as sig:
            worker.fetch("tv:1396", "tv", 1396)
        assert sig.args == ["tv:1396", {"season_episodes": [
            {"season": 1, "count": 1, "episodes": [[1, "Pilot", "2008-01-20"]]}]}]  # fmt: skip
    finally:
        lib.close()


def test_the_card_subtitle_counts_episodes_not_files() -> None:
    from videomanager.gui.card_delegate import CardDelegate

    assert (
        CardDelegate._subtitle(card()) == "2008  ·  6 episodes"
    )  # E01, E02–E03, E05, S02E01, one unnumbered
