"""Write ``tv.jsonl``: the labelled TV library for the TV accuracy report (tests/identify/test_tv_accuracy.py).

Run once (``PYTHONPATH=. python tests/data/tv/make_tv.py`` from the repo root) and commit the output; the
.jsonl is the artifact. The names follow the layouts the naming guides of Plex, Jellyfin and Kodi describe
(see README.md), scene and fansub habits, and a sample of guessit's own episode test names. Every label is
what a careful person would answer, in TMDb's numbering: the show's id, and the season/episode TMDb gives
the file. Absolute anime numbers and air dates are turned into TMDb's season/episode from the local TMDb
stand-in's catalog (``videomanager.testing.catalog``), so the labels and the stand-in agree by construction.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter
from pathlib import Path

from videomanager.testing.catalog import default_catalog
from videomanager.testing.fake_tmdb_serial import episode_air_date

HERE = Path(__file__).resolve().parent
OUT = HERE / "tv.jsonl"
GUESSIT = HERE.parents[0] / "corpora" / "guessit-episodes.jsonl"
CAT = default_catalog()
ROWS: list[dict] = []
RNG = random.Random(20240611)


def size(path: str, hd: bool = True) -> int:
    lo, hi = (0.9e9, 3.2e9) if hd else (0.17e9, 0.55e9)
    r = int.from_bytes(hashlib.sha1(path.encode()).digest()[:4], "big") / 2**32
    return int(lo + (hi - lo) * r)


def seasons(show: int) -> dict[int, dict]:
    return {s["season_number"]: s for s in CAT.shows[show]["seasons"]}


def air(show: int, season: int, episode: int) -> str:
    return episode_air_date(seasons(show)[season], episode)


def by_date(show: int, date: str) -> tuple[int, int]:
    found = [
        (n, e)
        for n, s in seasons(show).items()
        if n > 0
        for e in range(1, s["episode_count"] + 1)
        if episode_air_date(s, e) == date
    ]
    assert len(found) == 1, (show, date, found)
    return found[0]


def from_absolute(show: int, number: int) -> tuple[int, int]:
    left = number
    for n, s in sorted(seasons(show).items()):
        if n == 0:
            continue
        if left <= s["episode_count"]:
            return n, left
        left -= s["episode_count"]
    raise AssertionError((show, number))


def absolute_of(show: int, season: int, episode: int) -> int:
    return sum(s["episode_count"] for n, s in seasons(show).items() if 0 < n < season) + episode


def ep(path: str, show: int | None, season: int | None, episode: int | None, category: str, source: str,
       **kw: object) -> None:  # fmt: skip
    if show is not None:
        assert show in CAT.shows, (path, show)
        s = seasons(show)
        assert season in s and 1 <= episode <= s[season]["episode_count"], (path, show, season, episode)
        end = kw.get("episode_end")
        assert end is None or episode < end <= s[season]["episode_count"], (path, end)
    row = {"path": path, "tmdb_id": show, "kind": "tv" if show else None, "role": "episode",
           "category": category, "source": source, "size": size(path, "720p" in path or "1080p" in path),
           "season": season, "episode": episode}  # fmt: skip
    row.update({k: v for k, v in kw.items() if v is not None})
    ROWS.append(row)


def dots(title: str) -> str:
    """The scene form of a title: ASCII words joined by dots, most punctuation dropped."""
    for ch in ":,'!?()":
        title = title.replace(ch, "")
    return ".".join(title.replace(" - ", " ").replace("&", "and").split())


# fmt: off
SCENE_TAGS = ["720p.HDTV.x264-KILLERS", "1080p.WEB.H264-GLHF", "720p.WEB-DL.DD5.1.H.264-NTb", "HDTV.x264-LOL",
              "1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb", "HDTV.XviD-FQM", "1080p.BluRay.x264-DEMAND", "720p.HDTV.x264-AVS",
              "1080p.NF.WEB-DL.DDP5.1.x264-NTG", "WEBRip.x264-ION10", "2160p.WEB.H265-GGEZ", "480p.x264-mSD"]
PLEX, JF, KODI, SCENE, FANSUB = "plex-guide", "jellyfin-guide", "kodi-guide", "scene", "fansub"


def tag() -> str:
    return RNG.choice(SCENE_TAGS)


# --- standard layouts: the guides' season folders and scene names --------------------------------------
def cat_standard() -> None:
    c = "standard"
    for show, name, year, picks in [
        (1396, "Breaking Bad", 2008, [(1, 1), (1, 2), (2, 5), (3, 7), (5, 16)]),
        (1399, "Game of Thrones", 2011, [(1, 1), (1, 3), (4, 9), (6, 10), (8, 6)]),
        (1668, "Friends", 1994, [(1, 1), (2, 7), (5, 14), (10, 17)]),
        (1438, "The Wire", 2002, [(1, 1), (3, 11), (4, 13)]),
        (19885, "Sherlock", 2010, [(1, 1), (2, 3), (4, 3)]),
        (66732, "Stranger Things", 2016, [(1, 1), (2, 9), (4, 1)]),
        (1100, "How I Met Your Mother", 2005, [(1, 1), (4, 12), (9, 24)]),
        (1622, "Supernatural", 2005, [(1, 1), (5, 22), (15, 20)]),
    ]:
        for i, (s, e) in enumerate(picks):
            style = i % 5
            if style == 0:
                ep(f"TV Shows/{name} ({year})/Season {s:02d}/{name} ({year}) - s{s:02d}e{e:02d} - Episode Title.mkv", show, s, e, c, PLEX)
            elif style == 1:
                ep(f"TV/{name}/Season {s}/{name} S{s:02d}E{e:02d}.mkv", show, s, e, c, JF)
            elif style == 2:
                ep(f"Series/{name}/Season {s}/{dots(name)}.S{s:02d}E{e:02d}.{tag()}.mkv", show, s, e, c, SCENE)
            elif style == 3:
                ep(f"TV/{name}/Season {s}/{name} - {s}x{e:02d} - Some Title.avi", show, s, e, c, KODI)
            else:
                rel = f"{dots(name)}.S{s:02d}E{e:02d}.{tag()}"
                ep(f"Downloads/{rel}/{rel}.mkv", show, s, e, c, SCENE)
    ep("TV/The Sopranos/Season 2/the.sopranos.s02e03.dvdrip.xvid-fov.avi", 1398, 2, 3, c, SCENE)
    ep("TV/Better Call Saul/Season 6/Better.Call.Saul.S06E13.Saul.Gone.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb.mkv", 60059, 6, 13, c, SCENE)
    ep("TV/Dark/Staffel 1/Dark.S01E01.German.DL.1080p.WEB.x264-GRP.mkv", 70523, 1, 1, c, SCENE)
    ep("TV/Money Heist/Season 2/Money.Heist.S02E05.SPANISH.1080p.NF.WEB-DL.mkv", 71446, 2, 5, c, SCENE)
    ep("TV/Squid Game/Squid Game - S01E01 - Red Light, Green Light.mkv", 93405, 1, 1, c, PLEX)
    ep("TV/Friends/Season 3/Friends - S03E05 - The One with Frank Jr.mkv", 1668, 3, 5, c, PLEX)
    ep("TV/Friends/Season 3/Friends.3x06.The.One.with.the.Flashback.avi", 1668, 3, 6, c, KODI)
    ep("TV/Breaking Bad/Season 4/breaking_bad_4x03_open_house.avi", 1396, 4, 3, c, SCENE)
    ep("TV/Breaking Bad/Season 4/Breaking Bad S04 E04.mkv", 1396, 4, 4, c, KODI)
    ep("TV/Game of Thrones/Season 7/Game.of.Thrones.S07.E05.Eastwatch.1080p.mkv", 1399, 7, 5, c, SCENE)
    ep("TV/Game of Thrones/Season 3/Game Of Thrones - Season 3 Episode 9 - The Rains of Castamere.mp4", 1399, 3, 9, c, KODI)
    ep("TV/Stranger Things/Season 3/Stranger Things - S3E4.mkv", 66732, 3, 4, c, PLEX)
    ep("TV/The Wire/Season 5/The Wire - 5x10 - -30-.mkv", 1438, 5, 10, c, KODI)
    ep("TV/Better Call Saul/Season 1/Better Call Saul - 1x01 - Uno [1080p].mkv", 60059, 1, 1, c, KODI)
    ep("TV/The Office (US)/Season 02/The Office (US) - s02e01 - The Dundies.mkv", 2316, 2, 1, c, PLEX)
    ep("TV/Doctor Who (2005)/Season 1/Doctor Who (2005) - S01E01 - Rose.mkv", 57243, 1, 1, c, PLEX)
    ep("TV/Doctor Who (1963)/Season 12/Doctor Who (1963) - S12E01.mkv", 121, 12, 1, c, PLEX)
    ep("TV/Charmed (2018)/Season 1/Charmed (2018) - S01E03.mkv", 80587, 1, 3, c, PLEX)
    ep("TV/Skins/Series 2/Skins - 2x04 - Sketch.avi", 3394, 2, 4, c, KODI)
    ep("TV/House of Cards (2013)/Season 1/House.of.Cards.2013.S01E01.720p.WEB-DL.mkv", 1425, 1, 1, c, SCENE)


# --- daily shows: air dates in the name, Season YYYY folders ---------------------------------------------
def cat_daily() -> None:
    c = "daily"
    shows = [
        (2224, "The Daily Show", "The.Daily.Show", 1996, [2, 11, 16, 17, 19, 24, 25]),
        (59941, "The Tonight Show Starring Jimmy Fallon", "The.Tonight.Show.Starring.Jimmy.Fallon", 2014, [1, 3, 5, 7]),
        (2912, "Jeopardy!", "Jeopardy", 1984, [20, 30, 36, 38]),
        (60694, "Last Week Tonight with John Oliver", "Last.Week.Tonight.with.John.Oliver", 2014, [1, 2, 5, 6]),
        (63770, "The Late Show with Stephen Colbert", "The.Late.Show.with.Stephen.Colbert", 2015, [1, 2, 4, 5]),
    ]
    n = 0
    for show, name, scene, year, season_picks in shows:
        for s in season_picks:
            count = seasons(show)[s]["episode_count"]
            for e in sorted(RNG.sample(range(1, count + 1), 3)):
                d = air(show, s, e)
                y, m, dd = d.split("-")
                style = n % 9
                n += 1
                if style == 0:
                    p = f"TV/{name} ({year})/Season {y}/{name} ({year}) - {d} - Guest Name.mkv"
                    src = PLEX
                elif style == 1:
                    p = f"Downloads/{scene}.{y}.{m}.{dd}.{tag()}.mkv"
                    src = SCENE
                elif style == 2:
                    p = f"TV/{name}/Season {y}/{name} - {y}.{m}.{dd}.mp4"
                    src = PLEX
                elif style == 3:
                    rel = f"{scene}.{y}.{m}.{dd}.{RNG.choice(['Guest.Name', 'Some.Guest'])}.{tag()}"
                    p = f"Downloads/{rel}/{rel}.mkv"
                    src = SCENE
                elif style == 4:
                    p = f"TV/{name}/{name} - {m}-{dd}-{y} - Episode.mkv"
                    src = PLEX
                elif style == 5:
                    p = f"TV/{name}/Season {y}/{d}.mkv"
                    src = KODI
                elif style == 6:
                    p = f"TV/{name}/{name} {y} {m} {dd} 720p.mkv"
                    src = PLEX
                elif style == 7:
                    p = f"TV/{name}/{y}/{scene}.{y}{m}{dd}.{tag()}.mkv"
                    src = SCENE
                else:
                    p = f"TV/{name}/Season {y}/{name} - {y}-{m}-{dd}.mkv"
                    src = PLEX
                ep(p, show, s, e, c, src, air_date=d)


# --- anime: absolute numbers across TMDb's seasons -------------------------------------------------------
def cat_anime() -> None:
    c = "anime"
    groups = ["HorribleSubs", "SubsPlease", "Erai-raws", "EMBER", "Judas", "Commie", "DB", "Kawaiika-Raws"]
    for show, fansub, folder, numbers in [
        (37854, "One Piece", "One Piece", [1, 62, 143, 400, 575, 892, 1000, 1085, 1206]),
        (31910, "Naruto Shippuuden", "Naruto Shippuden", [1, 33, 100, 250, 389, 450, 500]),
        (1429, "Shingeki no Kyojin", "Attack on Titan", [1, 26, 38, 60, 75, 89]),
        (30984, "Bleach", "Bleach", [1, 21, 150, 300, 366]),
        (85937, "Kimetsu no Yaiba", "Demon Slayer", [1, 27, 44, 55, 63]),
        (65930, "Boku no Hero Academia", "My Hero Academia", [1, 14, 39, 88, 113, 138, 159]),
        (209867, "Sousou no Frieren", "Frieren", [1, 14, 28]),
        (46298, "Hunter x Hunter (2011)", "Hunter x Hunter (2011)", [1, 27, 76, 148]),
        (95479, "Jujutsu Kaisen", "Jujutsu Kaisen", [1, 24, 25, 47]),
        (12971, "Dragon Ball Z", "Dragon Ball Z", [1, 40, 107, 199, 291]),
        (46261, "Fairy Tail", "Fairy Tail", [1, 49, 150, 277, 328]),
    ]:
        for i, number in enumerate(numbers):
            s, e = from_absolute(show, number)
            g = groups[(i + show) % len(groups)]
            width = 4 if number >= 1000 else 3 if number >= 100 else 2
            style = i % 6
            if style == 0:
                p = f"Anime/{folder}/[{g}] {fansub} - {number:0{width}d} [1080p].mkv"
            elif style == 1:
                p = f"Anime/{folder}/[{g}] {fansub} - {number:0{width}d} (1080p) [{hashlib.sha1(fansub.encode()).hexdigest()[:8].upper()}].mkv"
            elif style == 2:
                p = f"Anime/{folder}/{fansub} - {number:0{width}d}v2 [720p].mkv"
            elif style == 3:
                p = f"Downloads/[{g}] {fansub} - {number:0{width}d} [1080p][Multiple Subtitle].mkv"
            elif style == 4:
                p = f"Anime/{folder}/{fansub} E{number:0{width}d}.mkv"
            else:
                p = f"Anime/{folder}/{fansub.replace(' ', '_')}_-_{number:0{width}d}_[BD_1080p].mkv"
            ep(p, show, s, e, c, FANSUB, absolute=number)
    # Season folders in TMDb's numbering with absolute numbers inside, and the "S2 - 05" fansub form.
    ep("Anime/Attack on Titan/Season 2/[SubsPlease] Shingeki no Kyojin S2 - 05 [1080p].mkv", 1429, 2, 5, c, FANSUB)
    ep("Anime/Demon Slayer/Season 3/[Erai-raws] Kimetsu no Yaiba - Katanakaji no Sato-hen - 03 [1080p].mkv", 85937, 3, 3, c, FANSUB)
    ep("Anime/My Hero Academia/Season 4/Boku no Hero Academia S4 - 12 [720p].mkv", 65930, 4, 12, c, FANSUB)
    ep("Anime/Jujutsu Kaisen/Season 2/[SubsPlease] Jujutsu Kaisen - 30 (1080p) [F1E2D3C4].mkv", 95479, 2, 6, c, FANSUB, absolute=30)
    ep("Anime/Bleach/Season 17/Bleach - S17E05 - Thousand-Year Blood War.mkv", 30984, 17, 5, c, PLEX)
    ep("Anime/One Piece/Season 1/One Piece - S01E05.mkv", 37854, 1, 5, c, PLEX)
    ep("Anime/Frieren/Season 1/Frieren - S01E10 [1080p].mkv", 209867, 1, 10, c, PLEX)
    ep("Anime/Spy x Family/[SubsPlease] Spy x Family - 07 (1080p).mkv", None, None, 7, c, FANSUB, absolute=7)


# --- multi-episode files ----------------------------------------------------------------------------------
def cat_multi() -> None:
    c = "multi_episode"
    for p, show, s, e, end, src in [
        ("TV/Friends/Season 1/Friends.S01E01E02.720p.BluRay.x264.mkv", 1668, 1, 1, 2, SCENE),
        ("TV/Friends/Season 6/Friends - S06E15-E16 - The One That Could Have Been.mkv", 1668, 6, 15, 16, PLEX),
        ("TV/Friends/Season 10/Friends - 10x17-18 - The Last One.avi", 1668, 10, 17, 18, KODI),
        ("TV/Breaking Bad/Season 1/Breaking.Bad.S01E01-E03.1080p.BluRay.mkv", 1396, 1, 1, 3, SCENE),
        ("TV/Game of Thrones/Season 1/Game of Thrones - S01E01-E02.mkv", 1399, 1, 1, 2, JF),
        ("TV/The Office (US)/Season 4/The Office (US) - s04e01-e02 - Fun Run.mkv", 2316, 4, 1, 2, PLEX),
        ("TV/The Office (US)/Season 5/The.Office.US.S05E01E02.720p.WEB-DL.mkv", 2316, 5, 1, 2, SCENE),
        ("TV/The Office (US)/Season 6/The Office - 6x04-6x05 - Niagara.avi", 2316, 6, 4, 5, KODI),
        ("TV/Stranger Things/Season 4/Stranger.Things.S04E08-09.2160p.NF.WEB-DL.mkv", 66732, 4, 8, 9, SCENE),
        ("TV/How I Met Your Mother/Season 9/How I Met Your Mother - S09E23-E24 - Last Forever.mkv", 1100, 9, 23, 24, PLEX),
        ("TV/How I Met Your Mother/Season 2/How.I.Met.Your.Mother.S02E01.E02.DVDRip.XviD.avi", 1100, 2, 1, 2, SCENE),
        ("TV/Supernatural/Season 1/Supernatural 1x01-1x02.mkv", 1622, 1, 1, 2, KODI),
        ("TV/Supernatural/Season 3/Supernatural - S03E01 & S03E02.mkv", 1622, 3, 1, 2, PLEX),
        ("TV/Supernatural/Season 5/supernatural.s05e21e22.720p.hdtv.x264-ctu.mkv", 1622, 5, 21, 22, SCENE),
        ("TV/Doctor Who (2005)/Season 4/Doctor.Who.2005.S04E12E13.720p.BluRay.mkv", 57243, 4, 12, 13, SCENE),
        ("TV/Doctor Who (2005)/Season 1/Doctor Who - 1x12-13 - Bad Wolf.avi", 57243, 1, 12, 13, KODI),
        ("TV/The Wire/Season 1/The Wire S01E01-E02-E03.mkv", 1438, 1, 1, 3, JF),
        ("TV/Sherlock/Season 1/Sherlock.S01E01-02.720p.mkv", 19885, 1, 1, 2, SCENE),
        ("TV/Castle/Season 2/Castle.2009.S02E17E18.720p.HDTV.X264-DIMENSION.mkv", 1419, 2, 17, 18, SCENE),
        ("TV/Castle/Season 3/Castle (2009) - S03E01-03.mkv", 1419, 3, 1, 3, PLEX),
        ("TV/Brooklyn Nine-Nine/Season 5/Brooklyn Nine-Nine - S05E01-E02.mkv", 48891, 5, 1, 2, PLEX),
        ("TV/Brooklyn Nine-Nine/Season 1/Brooklyn.Nine-Nine.S01E01.E02.720p.mkv", 48891, 1, 1, 2, SCENE),
        ("TV/30 Rock/Season 7/30 Rock - S07E12-E13 - Hogcock! Last Lunch.mkv", 4608, 7, 12, 13, PLEX),
        ("TV/24/Season 1/24.S01E01-E02.DVDRip.mkv", 1973, 1, 1, 2, SCENE),
        ("TV/24/Season 9/24 - 9x11-12 - Day 9 10.00 PM.mkv", 1973, 9, 11, 12, KODI),
        ("TV/Babylon 5/Season 5/Babylon 5 - S05E21E22.avi", 3137, 5, 21, 22, JF),
        ("TV/Castle/Season 5/Castle.S05E01+E02.mkv", 1419, 5, 1, 2, SCENE),
        ("TV/Marvel's Agents of S.H.I.E.L.D/Season 1/Marvels.Agents.of.S.H.I.E.L.D.S01E21E22.720p.mkv", 1403, 1, 21, 22, SCENE),
        ("TV/Hawaii Five-0 (2010)/Season 1/Hawaii.Five-0.2010.S01E01-E02.mkv", 32798, 1, 1, 2, SCENE),
        ("TV/Band of Brothers/Band.of.Brothers.S01E01-E02.1080p.BluRay.mkv", 4613, 1, 1, 2, SCENE),
        ("TV/Chernobyl/Chernobyl - S01E04-E05.mkv", 87108, 1, 4, 5, JF),
        ("TV/Skins/Series 1/Skins.1x01x02.avi", 3394, 1, 1, 2, KODI),
        ("TV/Charmed/Season 8/Charmed - S08E21-22 - Forever Charmed.mkv", 1981, 8, 21, 22, PLEX),
        ("TV/Shameless (US)/Season 1/Shameless.US.S01E01-E02.720p.mkv", 34307, 1, 1, 2, SCENE),
    ]:
        ep(p, show, s, e, c, src, episode_end=end)


# --- numbers inside show titles ---------------------------------------------------------------------------
def cat_numbers() -> None:
    c = "numbers_in_title"
    rows = [
        ("TV/24/Season 1/24.S01E05.720p.BluRay.x264.mkv", 1973, 1, 5, SCENE),
        ("TV/24/Season 3/24 - 3x07 - Day 3 7.00 PM - 8.00 PM.avi", 1973, 3, 7, KODI),
        ("TV/24/Season 5/24 - S05E01.mkv", 1973, 5, 1, PLEX),
        ("TV/24/Season 8/24 S08E24.mkv", 1973, 8, 24, JF),
        ("Downloads/24.S09E01.11.00.AM-12.00.PM.720p.WEB-DL.mkv", 1973, 9, 1, SCENE),
        ("TV/24/Season 2/24 - 201 - Day 2 8.00 AM.avi", 1973, 2, 1, KODI),
        ("TV/9-1-1/Season 2/9-1-1.S02E03.1080p.WEB.H264-METCON.mkv", 75219, 2, 3, SCENE),
        ("TV/9-1-1/Season 1/9-1-1 - S01E01 - Pilot.mkv", 75219, 1, 1, PLEX),
        ("TV/9-1-1/Season 4/9-1-1 - 4x05.mkv", 75219, 4, 5, KODI),
        ("Downloads/9-1-1.S06E10.720p.HDTV.x264-SYNCOPY.mkv", 75219, 6, 10, SCENE),
        ("TV/9-1-1 Lone Star/Season 2/9-1-1.Lone.Star.S02E05.1080p.mkv", 89393, 2, 5, SCENE),
        ("TV/9-1-1 Lone Star/Season 1/9-1-1 Lone Star - S01E01.mkv", 89393, 1, 1, PLEX),
        ("TV/1923/Season 1/1923.S01E01.1080p.WEB.H264-GLHF.mkv", 157744, 1, 1, SCENE),
        ("TV/1923/Season 2/1923 - S02E03.mkv", 157744, 2, 3, PLEX),
        ("TV/1883/1883.S01E05.720p.mkv", 118357, 1, 5, SCENE),
        ("TV/1883/1883 - 1x10 - This Is Not Your Heaven.mkv", 118357, 1, 10, KODI),
        ("TV/The 100/Season 1/The.100.S01E01.720p.HDTV.X264-DIMENSION.mkv", 48866, 1, 1, SCENE),
        ("TV/The 100/Season 3/The 100 - 3x07 - Thirteen.mkv", 48866, 3, 7, KODI),
        ("TV/The 100/Season 7/The 100 - S07E16 - The Last War.mkv", 48866, 7, 16, PLEX),
        ("TV/30 Rock/Season 1/30.Rock.S01E01.DVDRip.XviD-TOPAZ.avi", 4608, 1, 1, SCENE),
        ("TV/30 Rock/Season 4/30 Rock - 4x10 - Black Light Attack!.avi", 4608, 4, 10, KODI),
        ("TV/11.22.63/11.22.63.S01E01.720p.HDTV.x264-KILLERS.mkv", 64464, 1, 1, SCENE),
        ("TV/11.22.63/11.22.63 - S01E08 - The Day in Question.mkv", 64464, 1, 8, PLEX),
        ("TV/Babylon 5/Season 1/Babylon 5 - 1x01 - Midnight on the Firing Line.avi", 3137, 1, 1, KODI),
        ("TV/Babylon 5/Season 3/Babylon.5.S03E10.DVDRip.XviD.avi", 3137, 3, 10, SCENE),
        ("TV/12 Monkeys/Season 1/12.Monkeys.S01E01.720p.HDTV.x264-KILLERS.mkv", 61550, 1, 1, SCENE),
        ("TV/12 Monkeys/Season 4/12 Monkeys - S04E11 - The Beginning.mkv", 61550, 4, 11, PLEX),
        ("TV/The 4400/Season 2/The.4400.S02E05.DVDRip.XviD.avi", 4105, 2, 5, SCENE),
        ("TV/The 4400/Season 1/The 4400 - 1x01 - Pilot.avi", 4105, 1, 1, KODI),
        ("TV/Brooklyn Nine-Nine/Season 2/Brooklyn.Nine-Nine.S02E05.720p.mkv", 48891, 2, 5, SCENE),
        ("TV/Brooklyn Nine-Nine/Season 8/Brooklyn Nine-Nine - S08E10 - The Last Day.mkv", 48891, 8, 10, PLEX),
        ("TV/Hawaii Five-0 (2010)/Season 2/Hawaii.Five-0.2010.S02E01.720p.HDTV.X264-DIMENSION.mkv", 32798, 2, 1, SCENE),
        ("TV/Hawaii Five-0 (2010)/Season 10/Hawaii Five-0 (2010) - S10E22.mkv", 32798, 10, 22, PLEX),
        ("TV/Hawaii Five-O (1968)/Season 1/Hawaii Five-O (1968) - S01E01.mkv", 1917, 1, 1, PLEX),
        ("TV/Hawaii Five-O (1968)/Season 5/Hawaii Five-O - 5x03.avi", 1917, 5, 3, KODI),
        ("Anime/86 EIGHTY-SIX/86 - S01E12.mkv", 100565, 1, 12, PLEX),
        ("Anime/Mob Psycho 100/Season 2/Mob Psycho 100 S2 - 03 [1080p].mkv", 67075, 2, 3, FANSUB),
        ("Anime/Mob Psycho 100/Mob.Psycho.100.S03E12.1080p.WEB.mkv", 67075, 3, 12, SCENE),
        ("Anime/Fairy Tail 100 Years Quest/Fairy.Tail.100.Years.Quest.S01E25.1080p.mkv", 225634, 1, 25, SCENE),
        ("TV/Marvel's Agents of S.H.I.E.L.D/Season 2/Marvels.Agents.of.S.H.I.E.L.D.S02E10.720p.HDTV.x264-KILLERS.mkv", 1403, 2, 10, SCENE),
        ("TV/Marvel's Agents of S.H.I.E.L.D/Season 7/Marvel's Agents of S.H.I.E.L.D. - S07E13 - What We're Fighting For.mkv", 1403, 7, 13, PLEX),
        ("TV/Room 104/Room.104.S01E01.mkv", None, 1, 1, SCENE),
        ("TV/Station 19/Season 3/Station 19 - 3x05.mkv", None, 3, 5, KODI),
        ("TV/Numb3rs/Season 2/Numb3rs.S02E07.DVDRip.XviD.avi", None, 2, 7, SCENE),
        ("TV/The 100/Season 2/The 100 - 205 - Remember Me.avi", 48866, 2, 5, KODI),
        ("TV/30 Rock/Season 3/30 Rock - 301 - Do-Over.avi", 4608, 3, 1, KODI),
    ]
    for p, show, s, e, src in rows:
        ep(p, show, s, e, c, src)
    for p, show, number in [
        ("Anime/86 EIGHTY-SIX/[SubsPlease] 86 - 05 (1080p) [A1B2C3D4].mkv", 100565, 5),
        ("Anime/86/[Erai-raws] 86 - 20 [1080p].mkv", 100565, 20),
        ("Anime/Mob Psycho 100/[HorribleSubs] Mob Psycho 100 - 05 [1080p].mkv", 67075, 5),
        ("Anime/Fairy Tail 100 Years Quest/Fairy Tail 100 Years Quest - 01.mkv", 225634, 1),
        ("Anime/Fairy Tail 100 Years Quest/[SubsPlease] Fairy Tail - 100-nen Quest - 12 (1080p).mkv", 225634, 12),
        ("Anime/Hunter x Hunter (2011)/[Judas] Hunter x Hunter (2011) - 012 [1080p].mkv", 46298, 12),
        ("Anime/Dragon Ball Z/Dragon Ball Z - 021 [DVD].mkv", 12971, 21),
    ]:
        s, e = from_absolute(show, number)
        ep(p, show, s, e, c, FANSUB, absolute=number)
    for number in (3, 14, 21):
        s, e = from_absolute(100565, number)
        ep(f"Anime/86/[Judas] 86 - {number:02d} [1080p][HEVC].mkv", 100565, s, e, c, FANSUB, absolute=number)
    for number in (2, 17, 30):
        s, e = from_absolute(67075, number)
        ep(f"Anime/Mob Psycho 100/[Commie] Mob Psycho 100 - {number:02d} [BD 1080p].mkv", 67075, s, e, c, FANSUB, absolute=number)


# --- specials and miniseries ------------------------------------------------------------------------------
def cat_specials() -> None:
    c = "specials"
    for p, show, e, src in [
        ("TV/How I Met Your Mother/Season 00/How I Met Your Mother - S00E01.mkv", 1100, 1, PLEX),
        ("TV/How I Met Your Mother/Specials/How I Met Your Mother - S00E02 - Behind the Scenes.mkv", 1100, 2, PLEX),
        ("TV/Supernatural/Specials/Supernatural.S00E03.720p.mkv", 1622, 3, SCENE),
        ("TV/Supernatural/Season 0/Supernatural - 0x01.avi", 1622, 1, KODI),
        ("TV/24/Specials/24 - S00E01 - Redemption.mkv", 1973, 1, PLEX),
        ("TV/24/Season 00/24.S00E01.Redemption.720p.BluRay.mkv", 1973, 1, SCENE),
        ("Anime/One Piece/Specials/One Piece - S00E05.mkv", 37854, 5, PLEX),
        ("Anime/One Piece/Season 00/One.Piece.S00E12.1080p.mkv", 37854, 12, SCENE),
        ("Anime/Attack on Titan/Specials/Attack on Titan - S00E03 - OVA.mkv", 1429, 3, PLEX),
        ("Anime/Attack on Titan/Season 0/[Group] Shingeki no Kyojin - S00E07 [1080p].mkv", 1429, 7, FANSUB),
        ("TV/Babylon 5/Specials/Babylon 5 - S00E01 - The Gathering.avi", 3137, 1, PLEX),
        ("TV/The Simpsons/Season 00/The Simpsons - S00E10.avi", 456, 10, PLEX),
        ("TV/The Simpsons/Specials/The.Simpsons.S00E22.DVDRip.avi", 456, 22, SCENE),
    ]:
        ep(p, show, 0, e, c, src)
    c = "miniseries"
    bob = [("Part.Two", 2), ("Part.Three", 3), ("Part.Five", 5), ("Part.Ten", 10)]
    for word, e in bob:
        ep(f"TV/Band of Brothers/Band.of.Brothers.{word}.720p.BluRay.x264.mkv", 4613, 1, e, c, SCENE)
    for e in (1, 4, 7):
        ep(f"TV/Band of Brothers/Band of Brothers Part {e} of 10.avi", 4613, 1, e, c, SCENE)
    for e in (1, 3, 5):
        ep(f"TV/Chernobyl/Chernobyl.Part.{e}.1080p.AMZN.WEB-DL.mkv", 87108, 1, e, c, SCENE)
    for e in (2, 6):
        ep(f"TV/The Queen's Gambit/The Queen's Gambit - Part {e}.mkv", 87739, 1, e, c, SCENE)
    for e in (1, 9):
        ep(f"TV/The Pacific/The Pacific Pt. {e}.mkv", 16997, 1, e, c, SCENE)
    for p, show, e, src in [
        ("TV/Band of Brothers/Band of Brothers - S01E06 - Bastogne.mkv", 4613, 6, PLEX),
        ("TV/Band of Brothers/Band.of.Brothers.E08.The.Last.Patrol.mkv", 4613, 8, SCENE),
        ("TV/Chernobyl/Chernobyl - 1x02 - Please Remain Calm.mkv", 87108, 2, KODI),
        ("TV/The Queen's Gambit/The.Queens.Gambit.S01E07.End.Game.1080p.NF.WEB-DL.mkv", 87739, 7, SCENE),
        ("TV/The Pacific/The.Pacific.Part.10.720p.BluRay.mkv", 16997, 10, SCENE),
        ("TV/11.22.63/11.22.63 Part 3 of 8.mkv", 64464, 3, SCENE),
        ("TV/It (1990)/It.1990.Part.2.DVDRip.avi", 19614, 2, SCENE),
        ("TV/Stephen King's It/Stephen King's It - Part 1.avi", 19614, 1, SCENE),
    ]:
        ep(p, show, 1, e, c, src)


# --- season folder layouts --------------------------------------------------------------------------------
def cat_folders() -> None:
    c = "season_folder"
    for p, show, s, e, src in [
        ("TV/Breaking Bad/Season 2/02.mkv", 1396, 2, 2, KODI),
        ("TV/Breaking Bad/Season 2/03 - Bit by a Dead Bee.mkv", 1396, 2, 3, KODI),
        ("TV/Breaking Bad/Season 3/Episode 5.mkv", 1396, 3, 5, KODI),
        ("TV/Breaking Bad/Season 3/E06.mkv", 1396, 3, 6, KODI),
        ("TV/Breaking Bad/Season 5/S05E14.mkv", 1396, 5, 14, PLEX),
        ("TV/Breaking Bad/S01/Breaking Bad - E05.mkv", 1396, 1, 5, KODI),
        ("TV/Game of Thrones/Season 01/01 Winter Is Coming.mkv", 1399, 1, 1, KODI),
        ("TV/Game of Thrones/Season 02/Episode 02 - The Night Lands.mkv", 1399, 2, 2, KODI),
        ("TV/Game of Thrones/Season 5/5x08 - Hardhome.mkv", 1399, 5, 8, KODI),
        ("TV/Game of Thrones/Season 6/s06e09.mkv", 1399, 6, 9, PLEX),
        ("TV/Friends/Season 4/Friends - 4x01.avi", 1668, 4, 1, KODI),
        ("TV/Friends/Season 7/07.avi", 1668, 7, 7, KODI),
        ("TV/Friends/Season 8/Ep 03.avi", 1668, 8, 3, KODI),
        ("TV/The Wire/Season 2/The Wire - Episode 4.avi", 1438, 2, 4, KODI),
        ("TV/The Wire/Season 4/04x06.mkv", 1438, 4, 6, KODI),
        ("TV/Dark/Staffel 2/Folge 3.mkv", 70523, 2, 3, KODI),
        ("TV/Dark/Staffel 3/Dark - S03E08.mkv", 70523, 3, 8, PLEX),
        ("TV/Money Heist/Temporada 1/La Casa de Papel - 1x05.mkv", 71446, 1, 5, KODI),
        ("TV/Money Heist/Temporada 3/Capitulo 2.mkv", 71446, 3, 2, KODI),
        ("TV/Sherlock/Series 3/Sherlock - 3x01 - The Empty Hearse.mkv", 19885, 3, 1, KODI),
        ("TV/Sherlock/Series 2/02 - The Hounds of Baskerville.mkv", 19885, 2, 2, KODI),
        ("TV/Sherlock/Season 4/Sherlock.S04E02.720p.mkv", 19885, 4, 2, SCENE),
        ("TV/The Sopranos/Season 6/The Sopranos S06E21.mkv", 1398, 6, 21, JF),
        ("TV/The Sopranos/Season 1/01 - The Sopranos.avi", 1398, 1, 1, KODI),
        ("TV/Better Call Saul/Season 3/Better.Call.Saul.S03E05.1080p.mkv", 60059, 3, 5, SCENE),
        ("TV/Better Call Saul/Season 03/e06.mkv", 60059, 3, 6, KODI),
        ("TV/Supernatural/Season 10/10x05 - Fan Fiction.mkv", 1622, 10, 5, KODI),
        ("TV/Supernatural/Season 12/Supernatural - S12E01 - Keep Calm and Carry On.mkv", 1622, 12, 1, PLEX),
        ("TV/How I Met Your Mother/Season 3/How.I.Met.Your.Mother.S03E07.720p.mkv", 1100, 3, 7, SCENE),
        ("TV/How I Met Your Mother/Season 6/How I Met Your Mother 6x13.avi", 1100, 6, 13, KODI),
        ("TV/Skins/Series 5/5x02.avi", 3394, 5, 2, KODI),
        ("TV/Castle/Season 4/Castle - S04E12.mkv", 1419, 4, 12, PLEX),
        ("TV/Castle/Season 8/08 - Castle.mkv", 1419, 8, 8, KODI),
        ("TV/Chernobyl/Season 1/Chernobyl - S01E03.mkv", 87108, 1, 3, PLEX),
        ("TV/The Simpsons/Season 5/The Simpsons - S05E02 - Cape Feare.mkv", 456, 5, 2, PLEX),
        ("TV/The Simpsons/Season 10/The.Simpsons.S10E12.DVDRip.avi", 456, 10, 12, SCENE),
        ("TV/The Simpsons/Season 20/The Simpsons - 20x05.mkv", 456, 20, 5, KODI),
        ("TV/Brooklyn Nine-Nine/Season 3/Episode 12.mkv", 48891, 3, 12, KODI),
        ("TV/12 Monkeys/Season 2/02x04.mkv", 61550, 2, 4, KODI),
    ]:
        ep(p, show, s, e, c, src)


# --- one card per show: the same show in several layouts and trees ---------------------------------------
def cat_one_card() -> None:
    c = "one_card"
    for p, show, s, e, src in [
        # loose episodes beside season folders
        ("TV/Castle/Castle - S01E01 - Flowers for Your Grave.mkv", 1419, 1, 1, PLEX),
        ("TV/Castle/Season 02/Castle - S02E05.mkv", 1419, 2, 5, PLEX),
        ("TV/Castle (2009)/Season 6/Castle (2009) - S06E10.mkv", 1419, 6, 10, PLEX),
        ("Downloads/Castle.2009.S07E01.720p.HDTV.x264-KILLERS.mkv", 1419, 7, 1, SCENE),
        # Show (Year)/ vs Show/
        ("TV/Stranger Things (2016)/Season 4/Stranger Things (2016) - S04E05.mkv", 66732, 4, 5, PLEX),
        ("Media/TV/Stranger Things/Stranger.Things.S04E06.1080p.mkv", 66732, 4, 6, SCENE),
        ("TV/Game of Thrones (2011)/Season 2/Game of Thrones (2011) - S02E09 - Blackwater.mkv", 1399, 2, 9, PLEX),
        ("TV/Game of Thrones/Game.of.Thrones.S02E10.720p.HDTV.x264.mkv", 1399, 2, 10, SCENE),
        # country suffixes
        ("TV/The Office US/Season 2/The.Office.US.S02E01.720p.mkv", 2316, 2, 1, SCENE),
        ("TV/The Office US/Season 2/The Office - S02E02.mkv", 2316, 2, 2, PLEX),
        ("TV/The Office (US)/Season 3/The Office (US) - 3x04.avi", 2316, 3, 4, KODI),
        ("TV/The Office UK/Series 1/The.Office.UK.S01E01.DVDRip.avi", 2654, 1, 1, SCENE),
        ("TV/The Office (UK)/Series 2/The Office - 2x03 - Party.avi", 2654, 2, 3, KODI),
        ("TV/Shameless US/Season 3/Shameless.US.S03E02.720p.mkv", 34307, 3, 2, SCENE),
        ("TV/Shameless (US)/Season 5/Shameless (US) - S05E01.mkv", 34307, 5, 1, PLEX),
        ("TV/Shameless (UK)/Series 2/Shameless.UK.S02E03.avi", 1906, 2, 3, SCENE),
        ("TV/Being Human (UK)/Series 1/Being.Human.UK.S01E01.avi", 1869, 1, 1, SCENE),
        ("TV/Being Human (US)/Season 2/Being Human (US) - S02E05.mkv", 38431, 2, 5, PLEX),
        ("TV/Being Human US/Season 4/Being.Human.US.S04E13.720p.mkv", 38431, 4, 13, SCENE),
        ("TV/Being Human (UK)/Series 4/Being Human (UK) - 4x02.avi", 1869, 4, 2, KODI),
        # scene names in Downloads, in release folders and loose
        ("Downloads/Better.Call.Saul.S05E01.720p.HDTV.x264-AVS/Better.Call.Saul.S05E01.720p.HDTV.x264-AVS.mkv", 60059, 5, 1, SCENE),
        ("Downloads/better.call.saul.s05e02.720p.hdtv.x264-avs.mkv", 60059, 5, 2, SCENE),
        ("Downloads/Better Call Saul S05E03 1080p WEB H264.mkv", 60059, 5, 3, SCENE),
        ("Downloads/Better.Call.Saul.S05.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb/Better.Call.Saul.S05E04.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb.mkv", 60059, 5, 4, SCENE),
        ("Downloads/Better.Call.Saul.S05.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb/Better.Call.Saul.S05E05.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb.mkv", 60059, 5, 5, SCENE),
        ("Downloads/Stranger.Things.S03.COMPLETE.720p.NF.WEBRip.x264-GalaxyTV/Stranger.Things.S03E01.720p.NF.WEBRip.x264-GalaxyTV.mkv", 66732, 3, 1, SCENE),
        ("Downloads/Stranger.Things.S03.COMPLETE.720p.NF.WEBRip.x264-GalaxyTV/Stranger.Things.S03E02.720p.NF.WEBRip.x264-GalaxyTV.mkv", 66732, 3, 2, SCENE),
        ("Downloads/Brooklyn.Nine-Nine.S07E01.1080p.WEB.H264-CAKES[rarbg]/brooklyn.nine-nine.s07e01.1080p.web.h264-cakes.mkv", 48891, 7, 1, SCENE),
        ("Downloads/Hawaii.Five-0.2010.S08E01.720p.HDTV.x264-KILLERS.mkv", 32798, 8, 1, SCENE),
        ("Downloads/Marvels.Agents.of.S.H.I.E.L.D.S05E01.720p.HDTV.x264-AVS.mkv", 1403, 5, 1, SCENE),
        ("Downloads/Doctor.Who.2005.S10E01.720p.HDTV.x264-FoV.mkv", 57243, 10, 1, SCENE),
        ("Downloads/Doctor Who (2005) - S11E01 - The Woman Who Fell to Earth.mkv", 57243, 11, 1, PLEX),
        ("Downloads/Doctor.Who.1963.S04E01.DVDRip.XviD.avi", 121, 4, 1, SCENE),
        ("Downloads/Doctor Who Classic/Doctor.Who.S12E03.avi", 121, 12, 3, SCENE),
        # the same show across drives
        ("NAS/Series/Breaking Bad/Season 3/Breaking.Bad.S03E01.1080p.BluRay.mkv", 1396, 3, 1, SCENE),
        ("USB Drive/TV/Breaking Bad (2008)/Season 3/Breaking Bad (2008) - S03E02.mkv", 1396, 3, 2, PLEX),
        ("NAS/Series/Friends (1994)/Season 09/Friends (1994) - S09E01.mkv", 1668, 9, 1, PLEX),
        ("USB Drive/Friends/friends.s09e02.dvdrip.xvid.avi", 1668, 9, 2, SCENE),
        ("NAS/Anime/One Piece (1999)/Season 1/One Piece (1999) - S01E10.mkv", 37854, 1, 10, PLEX),
        ("NAS/Anime/One Piece (1999)/Season 13/One Piece (1999) - S13E01.mkv", 37854, 13, 1, PLEX),
    ]:
        ep(p, show, s, e, c, src)
    for number in (1060, 1061):
        s, e = from_absolute(37854, number)
        ep(f"Downloads/[SubsPlease] One Piece - {number} (1080p) [ABCDEF12].mkv", 37854, s, e, c, FANSUB, absolute=number)


# --- a second batch, written after the first was read (to check that the reading generalises) ----------
def cat_second() -> None:
    for p, show, s, e, cat, src, kw in [
        ("TV/Jeopardy!/Jeopardy! (1984) - 2019-11-05 - Tournament of Champions Quarterfinal 1.mkv", 2912, None, None, "daily", PLEX, {}),
        ("Downloads/jeopardy.2022.03.17.720p.hdtv.x264-w4f.mkv", 2912, None, None, "daily", SCENE, {}),
        ("TV/Jeopardy!/Jeopardy! - 17.03.2022.mkv", 2912, None, None, "daily", PLEX, {}),
        ("TV/The Daily Show/2014/The Daily Show - 2014-04-08 - Guest.mkv", 2224, None, None, "daily", PLEX, {}),
        ("TV/The Daily Show/Season 26/The Daily Show - 2021-03-02.mkv", 2224, None, None, "daily", PLEX, {}),
        ("Downloads/The.Daily.Show.With.Jon.Stewart.2011.04.12.Guest.720p.WEB-DL.mkv", 2224, None, None, "daily", SCENE, {}),
        ("Downloads/The.Daily.Show.With.Trevor.Noah.2019.01.08.720p.WEB.x264-TBS.mkv", 2224, None, None, "daily", SCENE, {}),
        ("TV/The Tonight Show/Jimmy.Fallon.2019.03.12.Guest.720p.WEB.x264-TBS.mkv", 59941, None, None, "daily", SCENE, {}),
        ("Downloads/Stephen.Colbert.2019.10.01.Guest.720p.WEB.x264-TBS.mkv", 63770, None, None, "daily", SCENE, {}),
        ("TV/Last Week Tonight with John Oliver/Season 6/Last Week Tonight with John Oliver - S06E05 - 2019-03-17.mkv", 60694, 6, 5, "daily", PLEX, {}),
        ("Downloads/Last.Week.Tonight.With.John.Oliver.S07E01.2020.02.16.720p.HDTV.x264-SVA.mkv", 60694, 7, 1, "daily", SCENE, {}),
        ("Downloads/[Erai-raws] One Piece - 1085 [1080p][Multiple Subtitle][ABCDEF12].mkv", 37854, None, 1085, "anime", FANSUB, {}),
        ("Anime/Jujutsu Kaisen/Jujutsu Kaisen - 01 - Ryomen Sukuna.mkv", 95479, None, 1, "anime", FANSUB, {}),
        ("Anime/Bleach/Season 01/Bleach - 05.mkv", 30984, 1, 5, "anime", FANSUB, {}),
        ("Anime/Bleach/Bleach - 367 [Thousand-Year Blood War].mkv", 30984, None, 367, "anime", FANSUB, {}),
        ("Anime/Dragon Ball Z/DBZ - 150.mkv", 12971, None, 150, "anime", FANSUB, {}),
        ("Anime/Attack on Titan/Attack on Titan - S04E28 - The Dawn of Humanity.mkv", 1429, 4, 28, "anime", PLEX, {}),
        ("Anime/One Piece/One.Piece.E1071.1080p.WEB.H264-SENPAI.mkv", 37854, None, 1071, "anime", SCENE, {}),
        ("Anime/[SubsPlease] Jujutsu Kaisen - 47 (1080p) [9A8B7C6D].mkv", 95479, None, 47, "anime", FANSUB, {}),
        ("Anime/Frieren/[SubsPlease] Sousou no Frieren - 28 (1080p) [E1C7E5A2].mkv", 209867, None, 28, "anime", FANSUB, {}),
        ("Anime/My Hero Academia/My.Hero.Academia.S06E25.1080p.WEB.H264-SENPAI.mkv", 65930, 6, 25, "anime", SCENE, {}),
        ("Anime/Demon Slayer/Demon.Slayer.Kimetsu.no.Yaiba.S04E08.1080p.WEB.H264-SENPAI.mkv", 85937, 4, 8, "anime", SCENE, {}),
        ("Anime/Hunter x Hunter/Hunter.x.Hunter.2011.E148.1080p.BluRay.x264.mkv", 46298, None, 148, "anime", SCENE, {}),
        ("Anime/86/86 - Eighty Six - 11 [1080p].mkv", 100565, None, 11, "numbers_in_title", FANSUB, {}),
        ("TV/24/24.S07E12.720p.HDTV.x264.mkv", 1973, 7, 12, "numbers_in_title", SCENE, {}),
        ("TV/24 (2001)/Season 4/24 (2001) - S04E01.mkv", 1973, 4, 1, "numbers_in_title", PLEX, {}),
        ("TV/The 100/The.100.S04E13.Praimfaya.720p.WEB-DL.mkv", 48866, 4, 13, "numbers_in_title", SCENE, {}),
        ("Downloads/The.100.S06E01.720p.HDTV.x264-AVS.mkv", 48866, 6, 1, "numbers_in_title", SCENE, {}),
        ("TV/9-1-1/911.S05E01.1080p.WEB.H264-GLHF.mkv", 75219, 5, 1, "numbers_in_title", SCENE, {}),
        ("TV/Babylon 5/B5 - 2x01.avi", 3137, 2, 1, "numbers_in_title", KODI, {}),
        ("TV/Brooklyn Nine-Nine/Brooklyn 99 - 3x05.mkv", 48891, 3, 5, "numbers_in_title", KODI, {}),
        ("TV/Hawaii Five-0/Hawaii.Five-0.2010.S03E01.720p.HDTV.mkv", 32798, 3, 1, "numbers_in_title", SCENE, {}),
        ("TV/Room 104/Room 104 - S02E03.mkv", None, 2, 3, "numbers_in_title", PLEX, {}),
        ("TV/Station 19/Station.19.S05E10.720p.mkv", None, 5, 10, "numbers_in_title", SCENE, {}),
        ("TV/Friends/Season 2/Friends - s02e12e13 - The One After the Superbowl.mkv", 1668, 2, 12, "multi_episode", PLEX, {"episode_end": 13}),
        ("TV/The Simpsons/Season 8/The Simpsons - 8x21-22.mkv", 456, 8, 21, "multi_episode", KODI, {"episode_end": 22}),
        ("TV/Game of Thrones/Season 8/GoT.S08E05-E06.mkv", 1399, 8, 5, "multi_episode", SCENE, {"episode_end": 6}),
        ("TV/Supernatural/Season 10/Supernatural.S10E22-E23.FINAL.720p.mkv", 1622, 10, 22, "multi_episode", SCENE, {"episode_end": 23}),
        ("TV/Castle/Season 1/Castle - 1x09-1x10.avi", 1419, 1, 9, "multi_episode", KODI, {"episode_end": 10}),
        ("Downloads/Breaking.Bad.S05E15E16.720p.HDTV.x264.mkv", 1396, 5, 15, "multi_episode", SCENE, {"episode_end": 16}),
        ("TV/The Simpsons/Specials/The Simpsons - Special - S00E40.mkv", 456, 0, 40, "specials", PLEX, {}),
        ("TV/Supernatural/Season 00/Supernatural - 0x02 - Special.mkv", 1622, 0, 2, "specials", KODI, {}),
        ("TV/24/24 - S00E01 - Redemption (2008).mkv", 1973, 0, 1, "specials", PLEX, {}),
        ("TV/Chernobyl/Chernobyl.Part.Four.1080p.mkv", 87108, 1, 4, "miniseries", SCENE, {}),
        ("TV/Band of Brothers/Band of Brothers - Part IX - Why We Fight.mkv", 4613, 1, 9, "miniseries", SCENE, {}),
        ("TV/The Pacific/The Pacific - Part 4 of 10.mkv", 16997, 1, 4, "miniseries", SCENE, {}),
        ("TV/The Queen's Gambit/The.Queens.Gambit.E03.Doubled.Pawns.1080p.mkv", 87739, 1, 3, "miniseries", SCENE, {}),
        ("TV/Friends/Season 5/Friends 5x10.avi", 1668, 5, 10, "season_folder", KODI, {}),
        ("TV/The Wire/S03/The Wire S03E02.mkv", 1438, 3, 2, "season_folder", JF, {}),
        ("TV/The Sopranos/Season.5/05.mkv", 1398, 5, 5, "season_folder", KODI, {}),
        ("TV/Sherlock/Series 1/Sherlock - 1x03 - The Great Game.mkv", 19885, 1, 3, "season_folder", KODI, {}),
        ("TV/Better Call Saul/Season 4/04.mkv", 60059, 4, 4, "season_folder", KODI, {}),
        ("TV/Dark/Season 1/Dark - 01 - Secrets.mkv", 70523, 1, 1, "season_folder", KODI, {}),
        ("TV/Game of Thrones/Season 4/Game of Thrones - 4.03 - Breaker of Chains.mkv", 1399, 4, 3, "season_folder", KODI, {}),
        ("TV/Friends/Season 9/Friends - 902 - The One Where Emma Cries.avi", 1668, 9, 2, "season_folder", KODI, {}),
        ("TV/Supernatural/Season 11/Supernatural - 1105.mkv", 1622, 11, 5, "season_folder", KODI, {}),
        ("TV/The Office (US)/The Office S07E01.mkv", 2316, 7, 1, "one_card", JF, {}),
        ("Downloads/The.Office.US.S07E02.720p.WEB-DL.mkv", 2316, 7, 2, "one_card", SCENE, {}),
        ("TV/Castle 2009/Season 3/Castle.2009.S03E04.mkv", 1419, 3, 4, "one_card", SCENE, {}),
        ("TV/Shameless/Season 4/Shameless.US.S04E01.720p.mkv", 34307, 4, 1, "one_card", SCENE, {}),
        ("TV/Skins (UK)/Series 6/Skins.S06E01.mkv", 3394, 6, 1, "one_card", SCENE, {}),
        ("USB Drive/TV/Dark/Dark S02E01 German.mkv", 70523, 2, 1, "one_card", SCENE, {}),
        ("TV/Band of Brothers/Season 1/Carentan.mkv", 4613, 1, 3, "season_folder", KODI, {}),
        ("TV/Chernobyl/Season 1/Please Remain Calm.mkv", 87108, 1, 2, "miniseries", KODI, {}),
        ("TV/The Queen's Gambit/Season 1/The Queen's Gambit - End Game.mkv", 87739, 1, 7, "season_folder", KODI, {}),
        ("Anime/Attack on Titan/[Judas] Shingeki no Kyojin S3 05 [1080p].mkv", 1429, 3, 5, "anime", FANSUB, {}),
        ("TV/Friends/Season 1/Friends.S01E03.S01E04.720p.mkv", 1668, 1, 3, "multi_episode", SCENE, {"episode_end": 4}),
    ]:
        kw = dict(kw)
        if cat == "daily" and s is None:
            y, m, d = _date_of(p)
            kw["air_date"] = f"{y}-{m}-{d}"
            s, e = by_date(show, kw["air_date"])
        elif cat == "daily":
            kw["air_date"] = air(show, s, e)
        elif s is None:
            kw["absolute"] = e
            s, e = from_absolute(show, e)
        ep(p, show, s, e, cat, src, batch=2, **kw)


def _date_of(path: str) -> tuple[str, str, str]:
    import re

    if m := re.search(r"(\d{4})[-.](\d{2})[-.](\d{2})", path):
        return m.group(1), m.group(2), m.group(3)
    m = re.search(r"(\d{2})\.(\d{2})\.(\d{4})", path)
    return m.group(3), m.group(2), m.group(1)


# --- guessit's own episode names (not in the stand-in's catalog: season/episode as written) -------------
def cat_guessit() -> None:
    c = "guessit"
    rows = [json.loads(line) for line in GUESSIT.read_text(encoding="utf-8").splitlines() if line.strip()]
    picked = 0
    for i, r in enumerate(rows):
        e = r["expected"]
        name = r["name"]
        if e.get("type") != "episode" or not isinstance(e.get("season"), int) or name.startswith(("/", "\\")):
            continue
        episode = e.get("episode")
        if isinstance(episode, list):
            first, end = min(episode), max(episode)
        elif isinstance(episode, int):
            first, end = episode, None
        else:
            continue
        if i % 3:
            continue
        low = name.lower()
        if not low.endswith((".mkv", ".avi", ".mp4", ".m4v", ".wmv", ".ts", ".mpg", ".ogm")):
            name += ".mkv"
        ep(name.replace("\\", "/"), None, e["season"], first, c, "guessit episodes.yml", episode_end=end)
        picked += 1
    assert picked >= 80, picked
# fmt: on


def main() -> None:
    for build in (cat_standard, cat_daily, cat_anime, cat_multi, cat_numbers, cat_specials, cat_folders,
                  cat_one_card, cat_second, cat_guessit):  # fmt: skip
        build()
    paths = [r["path"] for r in ROWS]
    assert len(paths) == len(set(paths)), [p for p, n in Counter(paths).items() if n > 1]
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in ROWS:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(ROWS)} rows -> {OUT}")
    print(Counter(r["category"] for r in ROWS))


if __name__ == "__main__":
    main()
