"""Unit tests of the name parser (videomanager.core.parser) and title keys (videomanager.core.text)."""

from __future__ import annotations

import os
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

from videomanager.core.models import RESOLUTIONS, Parsed
from videomanager.core.parser import (
    is_generic_stem,
    is_personal_video,
    normalize_resolution,
    parse,
    parse_name,
)
from videomanager.core.text import normalize_title, sort_title

# --- text -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("The Matrix", "the matrix"),
        ("Matrix, The", "the matrix"),
        ("The.Matrix", "the matrix"),
        ("Matrix, The (1999)", "the matrix 1999"),
        ("Grande Vadrouille, La", "la grande vadrouille"),
        ("Boot, Das", "das boot"),
        ("Usual Suspects, The", "the usual suspects"),
        ("Amélie", "amelie"),
        ("Léon: The Professional", "leon the professional"),
        ("Fast & Furious", "fast and furious"),
        ("Schindler's List", "schindlers list"),
        ("The Man from U.N.C.L.E.", "the man from uncle"),
        ("Marvel's_Agents_of_S.H.I.E.L.D.", "marvels agents of shield"),
        ("Rocky II", "rocky ii"),
        ("Hello, I Must Be Going", "hello i must be going"),
        ("  WALL·E  ", "wall e"),
        ("", ""),
    ],
)
def test_normalize_title(raw, key):
    assert normalize_title(raw) == key


def test_normalize_title_both_article_forms_share_a_key():
    assert normalize_title("Postman, The") == normalize_title("The Postman")
    assert normalize_title("Matrix, The") == normalize_title(parse("Matrix, The (1999).mkv").title)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("The Matrix", "matrix"),
        ("Matrix, The", "matrix"),
        ("A Beautiful Mind", "beautiful mind"),
        ("An Education", "education"),
        ("Annie Hall", "annie hall"),
        ("Les Misérables", "miserables"),
        ("The", "the"),
        (None, ""),
    ],
)
def test_sort_title(raw, key):
    assert sort_title(raw) == key


# --- movies and episodes ----------------------------------------------------------------------------

MOVIES = [
    # path, title, year, resolution, source, codec
    ("The.Matrix.1999.1080p.BluRay.x264-GRP.mkv", "The Matrix", 1999, "1080p", "Blu-ray", "H.264"),
    ("Matrix, The (1999).mkv", "The Matrix", 1999, None, None, None),
    ("Movies/The Matrix (1999)/The.Matrix.720p.WEB-DL.mkv", "The Matrix", 1999, "720p", "Web", None),
    ("Amélie.2001.DVDRip.XviD.avi", "Amélie", 2001, "480p", "DVD", "Xvid"),
    (
        "Mad.Max.Fury.Road.2015.2160p.UHD.BluRay.REMUX.HEVC.mkv",
        "Mad Max Fury Road",
        2015,
        "2160p",
        "Ultra HD Blu-ray",
        "H.265",
    ),
    ("Blade.Runner.1982.4K.HDR.mkv", "Blade Runner", 1982, "2160p", None, None),
    ("Alien.1979.1080i.HDTV.mkv", "Alien", 1979, "1080p", "HDTV", None),
]


@pytest.mark.parametrize(("path", "title", "year", "resolution", "source", "codec"), MOVIES)
def test_movies(path, title, year, resolution, source, codec):
    p = parse(path)
    assert (p.title, p.year, p.kind) == (title, year, "movie")
    assert (p.resolution, p.source, p.video_codec) == (resolution, source, codec)
    assert p.title_from == "file" and not p.generic


EPISODES = [
    # path, root, title, year, season, episode, episode title
    ("Doctor Who (2005)/Season 1/S01E01.mkv", None, "Doctor Who", 2005, 1, 1, None),
    ("/tv/Doctor Who (2005)/Season 1/Doctor.Who.S01E01.Rose.mkv", "/tv", "Doctor Who", 2005, 1, 1, "Rose"),
    ("Breaking.Bad.S05E14.Ozymandias.720p.mkv", None, "Breaking Bad", None, 5, 14, "Ozymandias"),
    ("Show Name/Show.Name.S02E03-E05.mkv", None, "Show Name", None, 2, 3, None),  # first of a range
    (
        "Californication/Season 2/Californication.2x05.Vaginatown.HDTV.XviD-0TV.avi",
        None,
        "Californication",
        None,
        2,
        5,
        "Vaginatown",
    ),
]


@pytest.mark.parametrize(("path", "root", "title", "year", "season", "episode", "ep_title"), EPISODES)
def test_episodes(path, root, title, year, season, episode, ep_title):
    p = parse(path, root)
    assert p.kind == "episode"
    assert (p.title, p.year, p.season, p.episode, p.episode_title) == (title, year, season, episode, ep_title)


# --- folder fallback --------------------------------------------------------------------------------

GENERIC = [
    # path, root, title, year, generic
    ("/lib/The Matrix (1999)/movie.mkv", "/lib", "The Matrix", 1999, True),
    ("/lib/The Matrix (1999)/film.mkv", "/lib", "The Matrix", 1999, True),
    ("/lib/The Matrix (1999)/video-1080p.mkv", "/lib", "The Matrix", 1999, True),
    ("/lib/The Matrix (1999)/title00.mkv", "/lib", "The Matrix", 1999, True),
    ("/lib/The Matrix (1999)/1080p.mkv", "/lib", "The Matrix", 1999, True),
    ("/lib/Heat (1995)/VIDEO_TS/VTS_01_1.VOB", "/lib", "Heat", 1995, True),
    ("/lib/Heat (1995)/BDMV/STREAM/00001.m2ts", "/lib", "Heat", 1995, True),
    ("/lib/Movies 4K/Heat (1995)/main.mkv", "/lib", "Heat", 1995, True),
    ("/lib/Downloads/Heat (1995)/XD607ebb-BRc59935-5155473f-1c5f49.mkv", "/lib", "Heat", 1995, True),
    # the name has a title but no year: the folder that names the same film gives the year
    ("/lib/Heat (1995)/Heat.1080p.BluRay.mkv", "/lib", "Heat", 1995, False),
]


@pytest.mark.parametrize(("path", "root", "title", "year", "generic"), GENERIC)
def test_folder_supplies_title_and_year(path, root, title, year, generic):
    p = parse(path, root)
    assert (p.title, p.year, p.generic) == (title, year, generic)
    if generic:
        assert p.title_from == "folder"


@pytest.mark.parametrize(
    ("path", "root"),
    [
        ("/lib/Movies/movie.mkv", "/lib"),
        ("/lib/movie.mkv", "/lib"),
        ("/lib/Movies 4K/video-2160p.mkv", "/lib"),
        ("/media/The Matrix (1999)/movie.mkv", "/media/The Matrix (1999)"),  # the root is never a title
    ],
)
def test_generic_name_without_title_folder_has_no_title(path, root):
    p = parse(path, root)
    assert p.title is None and p.generic


def test_library_folders_do_not_leak_into_fields():
    p = parse("/lib/Movies 4K/Heat.1995.mkv", "/lib")
    assert (p.title, p.year, p.resolution) == ("Heat", 1995, None)


def test_disc_folders_hint_the_source():
    assert parse("/l/Heat (1995)/VIDEO_TS/VTS_01_1.VOB", "/l").source == "DVD"
    assert parse("/l/Heat (1995)/BDMV/STREAM/00001.m2ts", "/l").source == "Blu-ray"


# --- resolution -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2160p", "2160p"),
        ("4K", "2160p"),
        ("4320p", "2160p"),
        ("1440p", "1080p"),
        ("1080i", "1080p"),
        ("1920x800", "1080p"),
        ("1280x544", "720p"),
        ("960p", "720p"),
        ("720p", "720p"),
        ("576p", "576p"),
        ("540p", "480p"),
        ("480i", "480p"),
        ("360p", "480p"),
        ("nonsense", None),
        (None, None),
    ],
)
def test_normalize_resolution(value, expected):
    assert normalize_resolution(value) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Show.S01E01.HDTV.XviD-LOL.avi", "480p"),  # scene SD TV
        ("Show.S01E01.HD.TV.x264.mkv", "720p"),
        ("Show.S01E01.HR.WS.PDTV.x264-DIMENSION.mkv", "720p"),
        ("Movie.2007.DVD9.NTSC", "480p"),
        ("Movie.2007.PAL.DVDR", "576p"),
        ("Movie.2013.BDISO", "1080p"),
        ("Movie.2009.Bluray.AVC.DTS.HD.MA.5.1", "1080p"),
        ("Revolution.S01E02.Chained.Heat.[Bluray720p].mkv", "720p"),
        ("Movie.2019.4Kto1080p.WEBRip.x265.mkv", "1080p"),
        ("Movie.2019.WEB-DL.x264.mkv", None),  # web releases come in every size: no guess
        ("Movie.2019.HDCAM.mkv", None),
    ],
)
def test_resolution_from_source_hints(name, expected):
    assert parse(name).resolution == expected


def test_resolution_is_always_a_known_class():
    names = ["a.2160p.mkv", "b.1440p.mkv", "c.720p.mkv", "d.DVDRip.avi", "e.mkv", "f.8K.mkv"]
    assert {parse(n).resolution for n in names} <= {*RESOLUTIONS, None}


# --- HDR ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "hdr"),
    [
        ("Movie.2019.2160p.UHD.BluRay.DV.HDR10.HEVC-GRP.mkv", "Dolby Vision"),
        ("Movie.2019.2160p.WEB-DL.DoVi.mkv", "Dolby Vision"),
        ("Movie.2019.2160p.HDR10Plus.HEVC.mkv", "HDR10+"),
        ("Movie.2019.2160p.HDR10+.HEVC.mkv", "HDR10+"),
        ("Movie.2019.2160p.HDR10.HEVC.mkv", "HDR10"),
        ("Movie.2019.2160p.HDR.HEVC.mkv", "HDR"),
        ("Movie.2019.1080p.BluRay.x264.mkv", None),
        ("Home.Movie.1998.DV.avi", None),  # a DV camcorder tape, not Dolby Vision
    ],
)
def test_hdr(name, hdr):
    assert parse(name).hdr == hdr


# --- editions -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "title", "edition"),
    [
        ("Blade.Runner.1982.Final.Cut.1080p.mkv", "Blade Runner", "Final Cut"),
        ("Aliens.1986.Special.Edition.mkv", "Aliens", "Special Edition"),
        ("Apocalypse Now 1979 Directors Cut.mkv", "Apocalypse Now", "Director's Cut"),
        ("Kingdom.of.Heaven.2005.Extended.Directors.Cut.mkv", "Kingdom of Heaven", "Extended Director's Cut"),
        ("Star.Wars.1977.Despecialized.mkv", "Star Wars", "Despecialized"),
        ("The Dark Knight 2008 IMAX.mkv", "The Dark Knight", "IMAX"),
        (
            "Movie.Title.2012.(Special.Edition.Remastered).[Bluray-1080p].mkv",
            "Movie Title",
            "Special Edition Remastered",
        ),
        ("Jaws.1975.50th.Anniversary.Edition.mkv", "Jaws", "50th Anniversary Edition"),
        ("Titanic.1997.Open.Matte.1080p.mkv", "Titanic", "Open Matte"),
        ("Seven.Samurai.1954.Criterion.Collection.mkv", "Seven Samurai", "Criterion Collection"),
        ("Fake Movie Final Cut 2016.mkv", "Fake Movie", "Final Cut"),
        # Plex's token wins and gives its label verbatim, and never reaches the title
        ("Blade Runner (1982) {edition-The Final Cut} Extended.mkv", "Blade Runner", "The Final Cut"),
        # edition words that are the title
        ("The Final Cut 2004.mkv", "The Final Cut", None),
        ("Uncut.Gems.2019.720p.BluRay.x264-YOL0W.mkv", "Uncut Gems", None),
        ("The.Christmas.Edition.1941.720p.HDTV.x264.mkv", "The Christmas Edition", None),
        ("The Ultimate Gift 2007.mkv", "The Ultimate Gift", None),
        ("Directors.Cut.German.2006.COMPLETE.PAL.DVDR-LoD", None, None),
        ("Movie.2011.LIMITED.BluRay.720p.mkv", "Movie", None),
    ],
)
def test_editions(name, title, edition):
    p = parse(name)
    assert p.edition == edition
    if title is not None:
        assert p.title == title


def test_edition_from_folder_for_generic_names():
    p = parse("/l/Blade Runner (1982) {edition-Final Cut}/movie.mkv", "/l")
    assert (p.title, p.year, p.edition) == ("Blade Runner", 1982, "Final Cut")


# --- embedded ids -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "tmdb", "imdb", "tvdb"),
    [
        ("The Matrix (1999) {tmdb-603}.mkv", 603, None, None),
        ("The Matrix (1999) [tmdbid-603].mkv", 603, None, None),
        ("The Matrix (1999) {tmdbid=603}.mkv", 603, None, None),
        ("The Matrix (1999) tmdb=603.mkv", 603, None, None),
        ("The.Matrix.1999.tt0133093.1080p.mkv", None, "tt0133093", None),
        ("The Matrix (1999) {imdb-tt0133093}.mkv", None, "tt0133093", None),
        ("The Matrix (1999) [imdbid-tt0133093].mkv", None, "tt0133093", None),
        ("/l/The Matrix (1999) {tmdb-603}/The Matrix (1999).mkv", 603, None, None),
        ("/l/Doctor Who (2005) {tvdb-78804}/Season 1/S01E01.mkv", None, None, 78804),
    ],
)
def test_embedded_ids_are_read_and_kept_out_of_the_title(path, tmdb, imdb, tvdb):
    p = parse(path, "/l")
    assert (p.tmdb_id, p.imdb_id, p.tvdb_id) == (tmdb, imdb, tvdb)
    assert p.title in {"The Matrix", "Doctor Who"}
    assert p.year in {1999, 2005}
    assert not any(
        tok in (p.title + " ".join(p.alternative_titles)).lower() for tok in ("tmdb", "tt0", "tvdb")
    )


# --- alternative titles -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "title", "alternatives"),
    [
        ("Leon AKA The Professional (1994).mkv", "Leon", ("The Professional",)),
        (
            "Kampen Om Tungtvannet aka The Heavy Water War COMPLETE 720p x265 HEVC-Lund",
            "Kampen Om Tungtvannet",
            ("The Heavy Water War",),
        ),
        ("Movie.2001.HDR10Plus.DoVi.2160p.mkv", "Movie", ()),  # technical leftovers are no title
    ],
)
def test_alternative_titles(name, title, alternatives):
    p = parse(name)
    assert (p.title, p.alternative_titles) == (title, alternatives)


# --- personal videos ----------------------------------------------------------------------------------

PERSONAL = [
    "VID_20190704_123456.mp4",
    "VID-20200101-WA0001.mp4",
    "IMG_1234.MOV",
    "IMG_E1234.MOV",
    "PXL_20210101_123456789.mp4",
    "DSC_0001.AVI",
    "DSCF0001.AVI",
    "MVI_1234.MOV",
    "GH010123.MP4",
    "GX010045.MP4",
    "GOPR0123.MP4",
    "GoPro GH010123.MP4",
    "DJI_0001.MP4",
    "20190704_123456.mp4",
    "Screen Recording 2020-01-01 at 10.00.00.mov",
    "RPReplay_Final1612345678.MP4",
    "WhatsApp Video 2021-03-04 at 12.00.00.mp4",
]


@pytest.mark.parametrize("name", PERSONAL)
def test_personal_videos_have_nothing_to_look_up(name):
    assert is_personal_video(name)
    p = parse(f"/home/me/Holiday 2019/{name}", "/home/me")
    assert (p.title, p.year, p.kind, p.episode) == (None, None, "movie", None)


@pytest.mark.parametrize(
    "name",
    ["The.Matrix.1999.mkv", "Video.Killed.the.Radio.Star.2010.mkv", "Image.2005.mkv", "Dsc.mkv", "GH.mkv"],
)
def test_films_are_not_personal_videos(name):
    assert not is_personal_video(name)


@pytest.mark.parametrize(
    ("stem", "generic"),
    [
        ("movie", True),
        ("VTS_01_1", True),
        ("00001", True),
        ("title_t00", True),
        ("video-1080p", True),
        ("S01E01", True),
        ("The.Matrix.1999", False),
        ("Heat", False),
    ],
)
def test_is_generic_stem(stem, generic):
    assert is_generic_stem(stem) is generic


# --- robustness ---------------------------------------------------------------------------------------

ODD = [
    "",
    "/",
    ".mkv",
    "2001.mkv",
    "🎬🍿.mkv",
    "🎬 Film 2019.mkv",
    "فيلم.2019.1080p.mkv",
    "אבג (2019).mkv",
    "a" * 251 + ".mkv",
    "é" * 126 + ".mkv",
    "Am\udce9lie.2001.mkv",  # a name that is not UTF-8 (cp1252 bytes, surrogate-escaped)
    "\udcff\udcfe.mkv",
    "\ud800lone.mkv",
    "{edition-}.mkv",
    "{tmdb-}.mkv",
    "tmdb=99999999999999999999.mkv",
    "((((((((.mkv",
    "S01E01-E999999.mkv",
    "...",
    "C:\\Movies\\Heat (1995)\\Heat.mkv",
]


@pytest.mark.parametrize("name", ODD)
def test_never_crashes(name):
    p = parse(name)
    assert isinstance(p, Parsed)
    assert p.resolution in {*RESOLUTIONS, None}
    assert p.title is None or isinstance(p.title, str)
    pickle.loads(pickle.dumps(p))  # crosses a process boundary


def test_surrogate_escaped_name_is_decoded_as_cp1252():
    raw = "Am\xe9lie.2001.mkv".encode("cp1252")
    assert parse(os.fsdecode(raw)).title == "Amélie"


def test_windows_paths_and_root():
    p = parse("C:\\Movies\\Heat (1995)\\movie.mkv", "C:\\Movies")
    assert (p.title, p.year, p.title_from) == ("Heat", 1995, "folder")


def test_parse_name_matches_parse():
    assert parse_name("movie.mkv", ["Heat (1995)"]) == parse("/l/Heat (1995)/movie.mkv", "/l")


def _parse_in_child(path: str) -> Parsed:
    return parse(path)


def test_parse_runs_in_a_process_pool():
    paths = ["/l/Heat (1995)/movie.mkv", "The.Matrix.1999.1080p.mkv"]
    with ProcessPoolExecutor(max_workers=1) as pool:
        results = list(pool.map(parse, paths))
    assert results == [parse(p) for p in paths]
    assert results[0].title == "Heat" and results[1].title == "The Matrix"


# --- film names as people write them ----------------------------------------------------------------

FILMS_NOT_EPISODES = [
    # path, title, year: guessit reads each as an episode; no episode marker and a year make it a film
    ("Gone in 60 Seconds (2000) [1080p].mkv", "Gone in 60 Seconds", 2000),
    ("127 Hours (2010) [480p].mkv", "127 Hours", 2010),
    ("28 Up (1985) [1080p].mkv", "28 Up", 1985),
    ("Movies/Final Destination 2 (2003)/Final Destination 2.mkv", "Final Destination 2", 2003),
    ("Blade.Runner.1982.Final.Cut.1080p.BluRay.x264.mkv", "Blade Runner", 1982),
    ("Police Story 2 (1988) - Final Cut.mkv", "Police Story 2", 1988),
    ("2004 - Around the World in 80 Days [1080p].mkv", "Around the World in 80 Days", 2004),
    ("Jackass.3.5.2011.720p.WEB-DL.H264-GRP.mkv", "Jackass 3 5", 2011),
    ("11.14.2003.720p.BluRay.x264-HANDJOB.mkv", "11 14", 2003),
    ("9 11 2002 TELESYNC x264 AC3 MAXPRO.avi", "9 11", 2002),
]


@pytest.mark.parametrize(("path", "title", "year"), FILMS_NOT_EPISODES)
def test_a_year_and_no_episode_marker_mean_a_film(path, title, year):
    p = parse(path)
    assert (p.kind, p.title, p.year, p.season, p.episode, p.episode_title) == (
        "movie", title, year, None, None, None)  # fmt: skip


@pytest.mark.parametrize(
    "path",
    [
        "the.flash.2014.208.hdtv-lol[ettv].mkv",  # a number right after the year is the episode's
        "[Erai-raws] Fruits Basket (2019) - 05 [1080p].mkv",  # an absolute episode number after " - "
        "Doctor.Who.2005.8x11.Dark.Water.720p.HDTV.x264-FoV.mkv",
        "Show Name (2010)/Season 2/Show Name (2010) - 03 - Title.mkv",
        "Annika.Bengtzon.2012.E01.Le.Testament.De.Nobel.FRENCH.DVDRiP.XViD-STVFRV.avi",
        "Date.Show.03-29-2012.HDTV.XViD-FlexGet.mkv",
    ],
)
def test_episodes_with_a_year_stay_episodes(path):
    assert parse(path).kind == "episode"


@pytest.mark.parametrize(
    ("path", "title", "year"),
    [
        ("2009 - 2012 [1080p].mkv", "2012", 2009),  # the year first, then a year as the title
        ("2012 (2009).mkv", "2012", 2009),
        ("2012.2009.720p.BluRay.x264.DTS WiKi.mkv", "2012", 2009),
        ("Movies/1900 (1976)/1900.mp4", "1900", 1976),  # the file's number is the folder's title
        ("50-50 (2011).avi", "50-50", 2011),
        ("Movies/50-50 (2011)/title_t00.mkv", "50-50", 2011),
        ("(500).Days.Of.Summer.(2009).DTS.1080p.BluRay.x264.NLsubs", "(500) Days Of Summer", 2009),
        ("1991 - F-X2 [1080p].mkv", "F-X2", 1991),  # guessit keeps one side of the hyphen
        ("Movies/1-900 (1994)/movie-1080p.mkv", "1-900", 1994),
        ("Angel-A.2005.HDRip.XViD-juggs[ETRG].avi", "Angel-A", 2005),
        ("infamous-daylight.1996.2160p.bluray.x264.mkv", "daylight", 1996),  # a lowercase scene prefix
        ("(2019) Us.avi", "Us", 2019),  # not the country
        ("NAS/video/R.I.P.D [2013].mkv", "R.I.P.D", 2013),
        ("Downloads/V-H-S-2 [2013].mkv", "V-H-S-2", 2013),
    ],
)
def test_numbers_and_years_as_titles(path, title, year):
    p = parse(path)
    assert (p.kind, p.title, p.year) == ("movie", title, year)


@pytest.mark.parametrize(
    ("path", "title", "year", "edition"),
    [
        ("Blade.Runner.The.Final.Cut.1982.mkv", "Blade Runner", 1982, "Final Cut"),
        (
            "Kikujiro.The.Final.Cut.1999.2160p.AMZN.WEB-DL.DDP5.1.H.264-TERMiNAL.mkv",
            "Kikujiro",
            1999,
            "Final Cut",
        ),
        ("The.Final.Cut.2004.720p.BluRay.x264.mkv", "The Final Cut", 2004, None),  # the film called that
        ("Life.Of.Pi.2012.1080p.BluRay.DTS.x264.D-Z0N3.mkv", "Life Of Pi", 2012, None),
    ],
)
def test_edition_words_are_editions_not_titles(path, title, year, edition):
    p = parse(path)
    assert (p.title, p.year, p.edition, p.kind) == (title, year, edition, "movie")


@pytest.mark.parametrize(
    ("path", "title", "year"),
    [
        ("Movies/Home (2015)/video-576p.avi", "Home", 2015),  # a film called like a system folder
        ("Movies/Videos (2011)/movie-2160p.mkv", "Videos", 2011),
        ("Movies/Downloads (2010)/movie.mkv", "Downloads", 2010),
        ("Movies/9 (2009)/film-1080p.mkv", "9", 2009),
        ("Movies/Movie 43 (2013)/movie-2160p.mkv", "Movie 43", 2013),
        ("Plex/Movies/Movie 43 (2013).avi", "Movie 43", 2013),
        ("Movies/Home.2009.1080p.BluRay.x264-GRP/movie.mkv", "Home", 2009),
    ],
)
def test_a_folder_with_a_year_beside_it_names_a_film(path, title, year):
    p = parse(path)
    assert (p.title, p.year) == (title, year)


@pytest.mark.parametrize("path", ["Movies 4K/movie.mkv", "Downloads/2019/movie.mkv", "Home Videos/video.mp4"])
def test_library_folders_still_name_nothing(path):
    assert parse(path).title is None


@pytest.mark.parametrize(
    ("path", "title", "full"),
    [
        (
            "Star Wars - The Empire Strikes Back (1980).mkv",
            "Star Wars",
            "Star Wars - The Empire Strikes Back",
        ),
        ("[1999] Star Wars - The Phantom Menace [720p].mkv", "Star Wars", "Star Wars - The Phantom Menace"),
        ("Harry Potter - Part 2.mkv", "Harry Potter", "Harry Potter - Part 2"),
        ("Kill.Bill.Vol.1.2003.mkv", "Kill Bill", "Kill Bill Vol 1"),
        (
            "Friday the 13th Part V - A New Beginning (1985).avi",
            "Friday the 13th",
            "Friday the 13th Part V - A New Beginning",
        ),
        (
            "Pokemon - The First Movie - Mewtwo Strikes Back (1998).mkv",
            "Pokemon",
            "Pokemon - The First Movie - Mewtwo Strikes Back",
        ),
        (
            "Naked Gun 33 1-3 - The Final Insult [1994].mkv",
            "Naked Gun",
            "Naked Gun 33 1-3 - The Final Insult",
        ),
        ("10 -30 (2005).mkv", "10 -30", None),  # a colon written as " -": numbers before the year
        ("2001 - A Space Odyssey (1968).mkv", "2001", "2001 - A Space Odyssey"),
        ("Police Story 2 (1988) - Final Cut.mkv", "Police Story 2", None),  # an edition is no subtitle
        ("The.Matrix.1999.1080p.BluRay.x264-GRP.mkv", "The Matrix", None),
        ("Leon AKA The Professional (1994).mkv", "Leon", None),
    ],
)
def test_full_title_keeps_what_guessit_cut_off(path, title, full):
    p = parse(path)
    assert (p.title, p.full_title) == (title, full)


def test_episodes_have_no_full_title():
    assert parse("Doctor Who - The Runaway Bride - S04E00.mkv").full_title is None


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("[ www.Speed.cd ] - Dutch.1991.480p.WEB-DL.H264-VETO.mkv", "Dutch"),
        ("www.TamilRockers.ws - xXx.2002.HDRip.XviD.AC3-EVO.mkv", "xXx"),
        ("[720pMkv.Com]_sons.of.anarchy.s05e10.480p.BluRay.x264-GAnGSteR.mkv", "sons of anarchy"),
        ("Dr.No.1962.mkv", "Dr No"),
    ],
)
def test_site_prefixes_are_no_title(path, title):
    assert parse(path).title == title
