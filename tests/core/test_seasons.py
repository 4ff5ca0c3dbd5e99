"""Placing parsed episodes in a show's TMDb seasons (core/seasons.py): dates, absolute numbers, ranges."""

from __future__ import annotations

from videomanager.core.library import SeasonRow
from videomanager.core.models import Parsed
from videomanager.core.seasons import ShowSeasons, needed_seasons, place


def row(
    season: int, count: int, start: str | None = None, fetched: bool = True, names: str = "Ep"
) -> SeasonRow:
    episodes = None
    if fetched:
        episodes = tuple((n, f"{names} {season}.{n}", f"{start[:8]}{n:02d}" if start else None)
                         for n in range(1, count + 1))  # fmt: skip
    return SeasonRow(1, season, count, start, episodes, "en-US", 0.0)


# Season 1: 28 episodes from 1999-10-01 (one a day), season 2: 16, season 3: 14 (not fetched), specials: 3.
SHOW = ShowSeasons({0: row(0, 3, None), 1: row(1, 28, "1999-10-01"), 2: row(2, 16, "2001-03-01"),
                    3: row(3, 14, "2002-07-01", fetched=False)})  # fmt: skip


def ep(**kw) -> Parsed:
    return Parsed(kind="episode", title="Show", **kw)


def test_absolute_numbers_count_through_the_seasons_specials_apart():
    at = place(ep(episode=30, absolute=30), SHOW)
    assert (at.season, at.episode, at.absolute, at.title) == (2, 2, 30, "Ep 2.2")
    at = place(ep(episode=50, absolute=50), SHOW)  # season 3 is counted but not fetched: no title
    assert (at.season, at.episode, at.title) == (3, 6, None)
    at = place(ep(episode=99, absolute=99), SHOW)  # beyond every season: the name's number stays
    assert (at.season, at.episode, at.absolute) == (None, 99, 99)


def test_an_air_date_is_the_episode_that_aired_that_day():
    at = place(ep(air_date="2001-03-05"), SHOW)
    assert (at.season, at.episode, at.air_date, at.title) == (2, 5, "2001-03-05", "Ep 2.5")
    at = place(ep(season=2011, air_date="2001-03-05"), SHOW)  # a "Season 2011" folder does not stop it
    assert (at.season, at.episode) == (2, 5)
    at = place(ep(air_date="2005-01-01"), SHOW)  # no episode that day: the date is kept, no numbers made up
    assert (at.season, at.episode, at.air_date) == (None, None, "2005-01-01")


def test_numbers_tmdb_does_not_have_are_read_again():
    # "Bleach - 367" read as S03E67, which TMDb does not have: the written number is absolute.
    counts = {1: 100, 2: 100, 3: 22, 4: 200}
    show = ShowSeasons({n: row(n, c, f"200{n}-01-01", fetched=False) for n, c in counts.items()})
    at = place(ep(season=3, episode=67, absolute=367), show)
    assert (at.season, at.episode, at.absolute) == (4, 145, 367)
    at = place(ep(season=3, episode=7, absolute=307), show)  # S03E07 exists: the compact reading stands
    assert (at.season, at.episode, at.absolute) == (3, 7, None)
    # "Season 2/Show - 30" (absolute inside TMDb's season 2)
    at = place(ep(season=2, episode=30), SHOW)
    assert (at.season, at.episode, at.absolute) == (2, 2, 30)
    # "Show.2011.E148" with a year for a season: the season that started that year, else absolute.
    at = place(ep(season=2001, episode=3), SHOW)
    assert (at.season, at.episode) == (2, 3)
    at = place(ep(season=2001, episode=50), SHOW)
    assert (at.season, at.episode, at.absolute) == (3, 6, 50)


def test_multi_episode_files_keep_their_range_and_all_their_names():
    at = place(ep(season=1, episode=3, episode_end=4), SHOW)
    assert (at.season, at.episode, at.episode_end, at.title) == (1, 3, 4, "Ep 1.3 / Ep 1.4")
    at = place(ep(episode=29, episode_end=30, absolute=29), SHOW)
    assert (at.season, at.episode, at.episode_end) == (2, 1, 2)


def test_without_season_data_the_name_numbers_the_episode():
    p = ep(season=4, episode=2, episode_title="Own Title", air_date=None)
    at = place(p, None)
    assert (at.season, at.episode, at.title, at.absolute) == (4, 2, "Own Title", None)
    assert place(ep(season=1, episode=5), ShowSeasons({})).episode == 5


def test_needed_seasons_asks_for_the_season_list_only_to_place_dates_and_absolute_numbers():
    empty = ShowSeasons({})
    assert needed_seasons([ep(season=2, episode=3), ep(season=0, episode=1)], empty) == (False, {0, 2})
    assert needed_seasons([ep(episode=30, absolute=30)], empty) == (True, set())
    assert needed_seasons([ep(air_date="2001-03-05")], empty) == (True, set())
    assert needed_seasons([ep(episode=30, absolute=30), ep(air_date="2002-07-04")], SHOW) == (False, {2, 3})
    assert needed_seasons([ep(season=2011, episode=4)], SHOW) == (True, {2011, 1})


def test_a_file_named_by_its_episode_title_is_that_episode():
    at = place(ep(season=2), SHOW, "Show - Ep 2.7")  # "Ep 2.7" is the name TMDb gives S02E07 here
    assert (at.season, at.episode, at.title) == (2, 7, "Ep 2.7")
    names = ShowSeasons({1: SeasonRow(1, 1, 3, "2019-05-06", ((1, "1:23:45", None), (2, "Please Remain Calm", None),
                                                                (3, "Open Wide, O Earth", None)), "en", 0.0)})  # fmt: skip
    at = place(ep(), names, "Chernobyl - Please Remain Calm [1080p]")
    assert (at.season, at.episode) == (1, 2)
    assert place(ep(), names, "Chernobyl - Bonus").episode is None  # no name fits: nothing made up


def test_a_card_counts_the_episodes_its_files_hold():
    from videomanager.core.models import Episode
    from videomanager.core.seasons import episodes_held

    files = [Episode(path="a", season=1, episode=1, size=1, episode_end=3),
             Episode(path="b", season=1, episode=2, size=1),  # a second copy of S01E02
             Episode(path="c", season=2, episode=1, size=1), Episode(path="d", season=None, episode=None, size=1)]  # fmt: skip
    assert episodes_held(files) == 5
