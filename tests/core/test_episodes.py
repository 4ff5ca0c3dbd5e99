"""How names number TV episodes (core/episodes.py through parser.parse): one class of names per test.

Each case is what a careful person reads in the path; guessit alone gets every one of them wrong (a title
"Season", an episode 86, no date, a film, no range), which is why the cases are here.
"""

from __future__ import annotations

import pytest

from videomanager.core.episodes import find_markers, folder_season
from videomanager.core.parser import parse, parse_name


def fields(path: str) -> tuple:
    p = parse(path)
    return p.kind, p.title, p.season, p.episode, p.episode_end, p.absolute, p.air_date


@pytest.mark.parametrize(
    ("path", "title", "season", "date"),
    [
        ("TV/The Daily Show/Season 2011/The Daily Show - 2011-04-12 - Guest Name.mkv", "The Daily Show", None,
         "2011-04-12"),
        ("Downloads/The.Daily.Show.2011.04.12.720p.HDTV.x264-GRP.mkv", "The Daily Show", None, "2011-04-12"),
        ("TV/Jeopardy!/Jeopardy! - 05-27-2020 - Episode.mkv", "Jeopardy!", None, "2020-05-27"),
        ("TV/Jeopardy!/Jeopardy! - 17.03.2022.mkv", "Jeopardy!", None, "2022-03-17"),
        ("TV/Jeopardy!/2021/Jeopardy.20211125.HDTV.XviD-FQM.mkv", "Jeopardy", None, "2021-11-25"),
        ("TV/The Daily Show/Season 2006/2006-06-15.mkv", "The Daily Show", None, "2006-06-15"),
        ("Downloads/The.Daily.Show.2006.02.14.Guest.Name.1080p.WEB/The.Daily.Show.2006.02.14.Guest.Name.1080p.WEB.mkv",
         "The Daily Show", None, "2006-02-14"),
    ],
)  # fmt: skip
def test_daily_shows_read_the_air_date_and_a_year_folder_is_no_season_nor_title(path, title, season, date):
    p = parse(path)
    assert (p.kind, p.title, p.season, p.episode, p.air_date) == ("episode", title, season, None, date)
    assert p.year is None  # the air date's year is not the show's


@pytest.mark.parametrize(
    ("name", "title", "year"),
    [("[2014] Taken 3 [720p].mkv", "Taken 3", 2014), ("[2019] Toy Story 4 [1080p].mkv", "Toy Story 4", 2019)],
)
def test_a_leading_bracketed_year_is_no_fansub_group(name, title, year):
    p = parse_name(name, [])
    assert (p.kind, p.title, p.year, p.episode, p.absolute) == ("movie", title, year, None, None)


@pytest.mark.parametrize(
    ("path", "title", "number"),
    [
        ("Anime/One Piece/[HorribleSubs] One Piece - 143 [1080p].mkv", "One Piece", 143),
        ("Anime/[SubsPlease] Frieren - 01v2 (1080p) [ABCD1234].mkv", "Frieren", 1),
        ("Anime/One Piece/One Piece E1206.mkv", "One Piece", 1206),
        ("Anime/Naruto Shippuden/Naruto_Shippuuden_-_450_[BD_1080p].mkv", "Naruto Shippuden", 450),
        ("Anime/One Piece/[Kawaiika-Raws] One Piece - 62 (1080p) [E8B7AC76].mkv", "One Piece", 62),
        (
            "Anime/Hunter x Hunter (2011)/[Judas] Hunter x Hunter (2011) - 012 [1080p].mkv",
            "Hunter x Hunter",
            12,
        ),
    ],
)
def test_anime_numbers_without_a_season_are_absolute(path, title, number):
    assert fields(path) == ("episode", title, None, number, None, number, None)


@pytest.mark.parametrize(
    "path",
    [
        "Anime/[Judas] Shingeki no Kyojin S3 05 [1080p].mkv",
        "Anime/[SubsPlease] Shingeki no Kyojin S3 - 05 [1080p].mkv",
        "Anime/[Group] Shingeki no Kyojin Season 3 - 05 [1080p].mkv",
        "Anime/Shingeki no Kyojin 3rd Season - 05.mkv",
    ],
)
def test_a_season_word_before_a_fansub_number_numbers_the_season(path):
    assert fields(path) == ("episode", "Shingeki no Kyojin", 3, 5, None, None, None)


@pytest.mark.parametrize(
    ("path", "season", "first", "last"),
    [
        ("TV/Show/Show.S01E01E02.720p.mkv", 1, 1, 2),
        ("TV/Show/Show.S01E01-E03.720p.mkv", 1, 1, 3),
        ("TV/Show/Show.S01E01-03.720p.mkv", 1, 1, 3),
        ("TV/Show/Show.1x01-02.720p.mkv", 1, 1, 2),
        ("TV/Show/Show - 6x04-6x05 - Niagara.avi", 6, 4, 5),
        ("TV/Show/Show - S03E01 & S03E02.mkv", 3, 1, 2),
        ("TV/Show/Show.S05E01+E02.mkv", 5, 1, 2),
        ("TV/Show/Show.S02E01.E02.DVDRip.avi", 2, 1, 2),
        ("TV/Show/Skins.1x01x02.avi", 1, 1, 2),
        ("TV/Show/Show.S01E01.S01E02.720p.mkv", 1, 1, 2),
    ],
)
def test_multi_episode_files_give_a_range(path, season, first, last):
    p = parse(path)
    assert (p.kind, p.season, p.episode, p.episode_end) == ("episode", season, first, last)


def test_a_single_episode_has_no_range_and_release_tags_are_no_range():
    p = parse("TV/Show/Show S01E01 - 720p.mkv")
    assert (p.season, p.episode, p.episode_end) == (1, 1, None)


@pytest.mark.parametrize(
    ("path", "title", "season", "episode"),
    [
        ("TV/24/Season 1/24.S01E05.720p.mkv", "24", 1, 5),
        ("TV/86/[Group] 86 - 05 [1080p].mkv", "86", None, 5),
        ("TV/9-1-1/9-1-1.S02E03.1080p.WEB.mkv", "9-1-1", 2, 3),
        ("Anime/Mob Psycho 100/[HorribleSubs] Mob Psycho 100 - 05 [1080p].mkv", "Mob Psycho 100", None, 5),
        ("Anime/Fairy Tail 100 Years Quest/Fairy Tail 100 Years Quest - 01.mkv", "Fairy Tail 100 Years Quest",
         None, 1),
        ("Fairy Tail 100 Years Quest - 01.mkv", "Fairy Tail 100 Years Quest", None, 1),
        ("TV/Road to X/Road to X Part01.mkv", "Road to X", 1, 1),
        ("TV/The 100/Season 2/The 100 - 205 - Remember Me.avi", "The 100", 2, 5),
        ("TV/24/Season 2/24 - 201 - Day 2 8.00 AM.avi", "24", 2, 1),
        ("TV/1923/Season 2/1923 - S02E03.mkv", "1923", 2, 3),
        ("TV/12 Monkeys/Season 2/02x04.mkv", "12 Monkeys", 2, 4),
        ("TV/11.22.63/11.22.63.S01E01.720p.HDTV.x264-KILLERS.mkv", "11 22 63", 1, 1),
    ],
)  # fmt: skip
def test_numbers_inside_show_titles_stay_in_the_title(path, title, season, episode):
    p = parse(path)
    assert (p.kind, p.title, p.season, p.episode) == ("episode", title, season, episode)
    assert p.year is None


@pytest.mark.parametrize(
    ("path", "title", "season", "episode"),
    [
        ("TV/Show/Season 00/Show - S00E05 - Special.mkv", "Show", 0, 5),
        ("TV/Supernatural/Specials/Supernatural.S00E03.720p.mkv", "Supernatural", 0, 3),
        ("TV/Band.of.Brothers.Part.Two.720p.mkv", "Band of Brothers", 1, 2),
        ("TV/Band of Brothers/Band of Brothers - Part IX - Why We Fight.mkv", "Band of Brothers", 1, 9),
        ("TV/Show Part 1 of 3.mkv", "Show", 1, 1),
        ("TV/Show 2 of 3.mkv", "Show", None, 2),
        ("TV/Chernobyl/Chernobyl.Part.Four.1080p.mkv", "Chernobyl", 1, 4),
        ("TV/The Pacific/The Pacific Pt. 9.mkv", "The Pacific", 1, 9),
    ],
)
def test_specials_and_miniseries_parts(path, title, season, episode):
    p = parse(path)
    assert (p.kind, p.title, p.season, p.episode) == ("episode", title, season, episode)


def test_a_part_outside_a_tv_library_stays_a_film_part():
    assert parse("Movies/Kill Bill/Kill.Bill.Part.2.2004.1080p.mkv").kind == "movie"


@pytest.mark.parametrize(
    ("path", "season", "episode"),
    [
        ("TV/Breaking Bad/Season 2/02.mkv", 2, 2),
        ("TV/Breaking Bad/Season 2/03 - Bit by a Dead Bee.mkv", 2, 3),
        ("TV/Breaking Bad/Season 3/Episode 5.mkv", 3, 5),
        ("TV/Breaking Bad/Season 3/E06.mkv", 3, 6),
        ("TV/Breaking Bad/S01/Breaking Bad - E05.mkv", 1, 5),
        ("TV/Breaking Bad/Season 4/Breaking Bad - 4.03 - Cornered.mkv", 4, 3),
        ("TV/Breaking Bad/Season 5/Breaking Bad - 512.mkv", 5, 12),
        ("TV/Dark/Staffel 2/Folge 3.mkv", 2, 3),
    ],
)
def test_season_folders_number_bare_names_and_name_the_show(path, season, episode):
    p = parse(path)
    assert (p.kind, p.title, p.season, p.episode) == ("episode", "Breaking Bad" if "Bad" in path else "Dark",
                                                      season, episode)  # fmt: skip


def test_the_show_folder_names_the_show_in_a_tv_library():
    # An abbreviation in a season folder, and a fansub title under TV/: the folder names the show.
    assert parse("TV/How I Met Your Mother/Season 1/HIMYM.S01E01.mkv").title == "How I Met Your Mother"
    p = parse("Anime/Dragon Ball Z/DBZ - 150.mkv")
    assert (p.title, p.alternative_titles) == ("Dragon Ball Z", ("DBZ",))
    # The folder's year and country complete the name's title.
    p = parse("TV/The Office US/Season 2/The Office - S02E02.mkv")
    assert (p.title, p.country) == ("The Office", "US")
    assert parse("TV/Doctor Who (2005)/Season 1/Doctor.Who.S01E01.mkv").year == 2005
    # A more precise name wins; a nickname folder in Downloads is only an alternative.
    assert parse("TV/Star Trek/Season 1/Star.Trek.The.Next.Generation.S01E01.mkv").title.startswith(
        "Star Trek The Next Generation"
    )
    p = parse("Downloads/Doctor Who Classic/Doctor.Who.S12E03.avi")
    assert (p.title, p.alternative_titles) == ("Doctor Who", ("Doctor Who Classic",))


def test_a_year_after_the_episode_title_dates_the_episode():
    p = parse("TV/24/24 - S00E01 - Redemption (2008).mkv")
    assert (p.title, p.year, p.season, p.episode, p.episode_title) == ("24", None, 0, 1, "Redemption")


def test_compact_numbers_keep_the_written_number_for_tmdb_to_decide():
    # guessit reads 367 as S03E67 here; the name's number stays, and TMDb's counts decide (core/seasons.py).
    p = parse("Anime/Bleach/Bleach - 367 [Thousand-Year Blood War].mkv")
    assert (p.season, p.episode, p.absolute) == (3, 67, 367)
    p = parse("TV/Friends/Season 9/Friends - 902 - The One Where Emma Cries.avi")
    assert (p.season, p.episode, p.absolute) == (9, 2, 902)


def test_markers_and_folders():
    kinds = [m.kind for m in find_markers("Show.S01E01.2011.04.12.Part.2")]
    assert kinds == ["se", "date", "part"]
    assert [m.kind for m in find_markers("[Group] Show - 05 [1080p][ABCD1234]")] == ["dash"]
    assert find_markers("Show.Season.2of5.3of9")[0].episode == 3  # "2of5" counts seasons
    assert folder_season("Season 02") == (2, False)
    assert folder_season("Specials") == (0, False)
    assert folder_season("Season 2011") == (2011, True)
    assert folder_season("Breaking Bad") == (None, False)
