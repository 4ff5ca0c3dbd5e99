"""Write ``films.jsonl``: labelled film names for the film accuracy test (clean, real-release, long tail).

Run from the repository root (``PYTHONPATH=. python tests/data/identify/make_films.py``) and commit the
output; the .jsonl is the artifact. Three kinds of rows, every id checked against the stand-in's built-in
catalog (``videomanager.testing.catalog``):

* ``styled``: every film of ``catalog_names`` and a seeded sample of the other films, each written in a
  clean style and a release style (and sometimes as a generic file in its folder) by
  ``tests/identify/film_names.py``;
* the classes of names the issue names (title and subtitle, numbers as titles, words taken for tags,
  generic files in a titled folder), written by hand;
* ``corpus``: real release names from the Radarr and guessit test suites (``tests/data/corpora``, see
  ``FILMS.md`` for the attribution) whose film is in the catalog, with the answer a careful person gives.
  Left out: names no title search can find ("Interstelar" misspelt; "The.Purge.3.Election.Year", whose
  sequel number TMDb's title does not have).

Every row has a ``family``: ``clean`` (as a person or a media server names files) or ``release`` (as
release groups and trackers do), the split the accuracy report shows.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from tests.identify.film_names import Film, names_for  # noqa: E402
from videomanager.testing.catalog import default_catalog  # noqa: E402
from videomanager.testing.catalog_names import NAMES  # noqa: E402

OUT = Path(__file__).with_name("films.jsonl")
CAT = default_catalog()
SEED = 2024
ROWS: dict[str, dict] = {}


def add(path: str, tmdb_id: int, category: str, family: str, source: str | None = None) -> None:
    assert tmdb_id in CAT.movies, (path, tmdb_id)
    assert path not in ROWS, path
    row = {"path": path, "tmdb_id": tmdb_id, "kind": "movie", "role": "version", "category": category,
           "family": family, "size": 1_600_000_000}  # fmt: skip
    if source:
        row["source"] = source
    ROWS[path] = row


def styled() -> None:
    rng = random.Random(SEED)
    names = {r["id"] for r in NAMES}
    others = sorted(i for i in CAT.movies if i not in names)
    chosen = sorted(names) + sorted(rng.sample(others, 120))
    same = Counter((CAT.movies[i]["title"].casefold(), CAT.movies[i]["release_date"][:4]) for i in CAT.movies)
    for tmdb_id in chosen:
        m = CAT.movies[tmdb_id]
        if same[(m["title"].casefold(), m["release_date"][:4])] > 1:
            continue  # two films, one name: nothing in a name can tell them apart
        if any(ch in m["title"] for ch in "\u00bd\u2153\u00bc\u00be"):
            continue  # 8½, 33⅓: no one way to write a fraction in a file name
        for r in names_for(Film(tmdb_id, m["title"], int(m["release_date"][:4])), rng):
            if r["path"] not in ROWS:
                family = "release" if r["category"] == "release" else "clean"
                add(r["path"], tmdb_id, r["category"], family)


# fmt: off
CLASSES = [
    # title and subtitle: the part after " - " is the film's subtitle, episode title or part
    ("Movies/Star Wars - The Empire Strikes Back (1980).mkv", 1891, "subtitle", "clean"),
    ("[1999] Star Wars - The Phantom Menace [720p].mkv", 1893, "subtitle", "release"),
    ("Movies/Star Wars - Attack of the Clones (2002)/Star Wars - Attack of the Clones (2002) - 1080p.mkv", 1894, "subtitle", "clean"),
    ("Downloads/Star.Wars.Episode.III.Revenge.of.the.Sith.2005.1080p.BluRay.x264-GRP.mkv", 1895, "subtitle", "release"),
    ("Movies/Star Wars - A New Hope (1977).mkv", 11, "subtitle", "clean"),
    ("Movies/Harry Potter/Harry Potter - Part 2.mkv", 12445, "subtitle", "clean"),
    ("Movies/Harry Potter and the Deathly Hallows - Part 1 (2010).mkv", 12444, "subtitle", "clean"),
    ("Harry.Potter.and.the.Deathly.Hallows.Part.2.2011.1080p.BluRay.x264-SPARKS.mkv", 12445, "subtitle", "release"),
    ("Movies/Pokemon - The First Movie - Mewtwo Strikes Back (1998).mkv", 10228, "subtitle", "clean"),
    ("Movies/Kung Fu Panda - Secrets of the Furious Five (2008).mkv", 15854, "subtitle", "clean"),
    ("Movies/Kung Fu Panda (2008)/Kung Fu Panda (2008) - 720p.mkv", 9502, "subtitle", "clean"),
    ("Movies/Che - Part Two (2008).mkv", 8880, "subtitle", "clean"),
    ("Che.Part.One.2008.720p.BluRay.x264-CiNEFiLE.mkv", 8881, "subtitle", "release"),
    ("Movies/Friday the 13th Part V - A New Beginning (1985).avi", 9731, "subtitle", "clean"),
    ("Friday.the.13th.The.Final.Chapter.1984.1080p.BluRay.x264-GRP.mkv", 9730, "subtitle", "release"),
    ("Kill.Bill.Vol.2.2004.1080p.BluRay.x264-SiNNERS.mkv", 393, "subtitle", "release"),
    ("Movies/The Godfather - Part II (1974).mkv", 240, "subtitle", "clean"),
    ("The.Godfather.Part.III.1990.720p.BluRay.x264-GRP.mkv", 242, "subtitle", "release"),
    ("Movies/The Hobbit - The Desolation of Smaug (2013)/The Hobbit - The Desolation of Smaug (2013) - 2160p.mkv", 57158, "subtitle", "clean"),
    ("Movies/Mission - Impossible - Rogue Nation (2015).mkv", 177677, "subtitle", "clean"),
    # numbers and years as titles
    ("Movies/2012 (2009).mkv", 14161, "number", "clean"),
    ("2012 (2009) 1080p BrRip x264 - 1.7GB - YIFY.mp4", 14161, "number", "release"),
    ("2009 - 2012 [1080p].mkv", 14161, "number", "release"),
    ("Movies/9 (2009).mkv", 12244, "number", "clean"),
    ("Movies/11 -14 (2003).mkv", 9282, "number", "clean"),
    ("11.14.2003.720p.BluRay.x264-HANDJOB.mkv", 9282, "number", "release"),
    ("Movies/3 -10 to Yuma (2007).mkv", 5176, "number", "clean"),
    ("3.10.to.Yuma.1957.1080p.BluRay.x264-GRP.mkv", 14168, "number", "release"),
    ("Movies/50-50 (2011).avi", 40807, "number", "clean"),
    ("Movies/127 Hours (2010) [480p].mkv", 44115, "number", "clean"),
    ("Movies/28 Days Later (2002)/28 Days Later (2002) [1080p].mkv", 170, "number", "clean"),
    ("Movies/2046 (2004).mkv", 844, "number", "clean"),
    ("Movies/10,000 BC (2008).mkv", 7840, "number", "clean"),
    ("20000.Days.on.Earth.2014.1080p.BluRay.x264-[YTS.AG].mp4", 246400, "number", "release"),
    ("Jackass.3.5.2011.720p.WEB-DL.DD5.1.H264-GRP.mkv", 65851, "number", "release"),
    ("Movies/1917 (2019)/1917.mkv", 530915, "number", "clean"),
    ("300.2006.1080p.BluRay.x264-GRP.mkv", 1271, "number", "release"),
    ("Movies/2001 - A Space Odyssey (1968).mkv", 62, "number", "clean"),
    # words guessit or our rules take for tags
    ("Downloads/Blade.Runner.1982.Final.Cut.1080p.BluRay.x264-GRP.mkv", 78, "tag_word", "release"),
    ("Downloads/Blade.Runner.The.Final.Cut.1982.720p.BluRay.x264-GRP.mkv", 78, "tag_word", "release"),
    ("Movies/Blade Runner (1982) - Final Cut.mkv", 78, "tag_word", "clean"),
    ("Movies/Gone in 60 Seconds (2000) [1080p].mkv", 9679, "tag_word", "clean"),
    ("Gone.In.60.Seconds.1974.DVDRip.XviD-GRP.avi", 16246, "tag_word", "release"),
    ("Movies/Final Destination 2 (2003)/Final Destination 2.mkv", 9358, "tag_word", "clean"),
    ("Edward.Scissorhands.1990.Directors.Cut.720p.BluRay.x264-GRP.mkv", 162, "tag_word", "release"),
    ("Life.of.Pi.2012.3D.HSBS.1080p.BluRay.x264-GRP.mkv", 87827, "tag_word", "release"),
    ("Movies/Prometheus (2012)/Prometheus (2012) - The Extended Cut.mkv", 70981, "tag_word", "clean"),
    # generic file names in a titled folder, whatever the folder's words
    ("Movies/Home (2015)/video-576p.avi", 228161, "generic_folder", "clean"),
    ("Movies/Home (2009)/movie.mkv", 62320, "generic_folder", "clean"),
    ("Movies/Movie 43 (2013)/movie-2160p.mkv", 87818, "generic_folder", "clean"),
    ("Movies/9 (2009)/film-1080p.mkv", 12244, "generic_folder", "clean"),
    ("Movies/1917 (2019)/movie-2160p.mkv", 530915, "generic_folder", "clean"),
    ("Movies/Kick-Ass 2 (2013)/video-576p.avi", 59859, "generic_folder", "clean"),
    ("Movies/V-H-S-2 (2013)/movie.mkv", 159117, "generic_folder", "clean"),
    ("Movies/50-50 (2011)/title_t00.mkv", 40807, "generic_folder", "clean"),
    ("Movies/Up (2009)/Up (2009) - 1080p.mkv", 14160, "generic_folder", "clean"),
    ("Movies/Up (2009)/video.mp4", 14160, "generic_folder", "clean"),
    ("USB Drive/Kids stuff/Rango.2011.1080p.BluRay.x264-GRP.mkv", 44896, "generic_folder", "release"),
    ("USB Drive/Kids stuff/movie.mkv", 44896, "generic_folder", "clean"),
]

# (name as in the corpus, tmdb id, corpus file): real release names from other projects' test suites.
CORPUS = [
    ("The.Man.from.U.N.C.L.E.2015.1080p.BluRay.x264-SPARKS", 203801, "radarr-titles-2021-realnames"),
    ("1941.1979.EXTENDED.720p.BluRay.X264-AMIABLE", 11519, "radarr-titles-2021-realnames"),
    ("R.I.P.D.2013.720p.BluRay.x264-SPARKS", 49524, "radarr-titles-2021-realnames"),
    ("(500).Days.Of.Summer.(2009).DTS.1080p.BluRay.x264.NLsubs", 19913, "radarr-titles-2021-realnames"),
    ("To.Live.and.Die.in.L.A.1985.1080p.BluRay", 9846, "radarr-titles-2021-realnames"),
    ("A.I.Artificial.Intelligence.(2001)", 644, "radarr-titles-2021-realnames"),
    ("Thor: The Dark World 2013", 76338, "radarr-titles-2021-realnames"),
    ("Resident.Evil.The.Final.Chapter.2016", 173897, "radarr-titles-2021-realnames"),
    ("Scary.Movie.2000.FRENCH..BluRay.-AiRLiNE", 4247, "radarr-titles-2021-realnames"),
    ("World.War.Z.EXTENDED.2013.German.DL.1080p.BluRay.AVC-XANOR", 72190, "radarr-titles-2021-realnames"),
    ("G.I.Joe.Retaliation.2013.THEATRiCAL.COMPLETE.BLURAY-GLiMMER", 72559, "radarr-titles-2021-realnames"),
    ("Drop.Zone.1994.German.AC3D.DL.720p.BluRay.x264-KLASSiGERHD", 4954, "radarr-titles-2021-realnames"),
    ("Kick.Ass.2.2013.German.DTS.DL.720p.BluRay.x264-Pate", 59859, "radarr-titles-2021-realnames"),
    ("96.Hours.Taken.3.EXTENDED.2014.German.DL.1080p.BluRay.x264-ENCOUNTERS", 260346, "radarr-titles-2021-realnames"),
    ("World.War.Z.EXTENDED.CUT.2013.German.DL.1080p.BluRay.x264-HQX", 72190, "radarr-titles-2021-realnames"),
    ("Sin.City.2005.RECUT.EXTENDED.German.DL.1080p.BluRay.x264-DETAiLS", 187, "radarr-titles-2021-realnames"),
    ("Rango.EXTENDED.2011.HDRip.AC3.German.XviD-POE", 44896, "radarr-titles-2021-realnames"),
    ("Suicide.Squad.2016.EXTENDED.German.DL.AC3.BDRip.x264-hqc", 297761, "radarr-titles-2021-realnames"),
    ("Knight.and.Day.2010.Extended.Cut.German.DTS.DL.720p.BluRay.x264-HDS", 37834, "radarr-titles-2021-realnames"),
    ("Der.Hobbit.Eine.Unerwartete.Reise.Extended.German.720p.BluRay.x264-EXQUiSiTE", 49051, "radarr-titles-2021-realnames"),
    ("Die.Unfassbaren.Now.You.See.Me.EXTENDED.German.DTS.720p.BluRay.x264-RHD", 75656, "radarr-titles-2021-realnames"),
    ("Cars.2.German.DL.720p.BluRay.x264-EmpireHD", 49013, "radarr-titles-2021-realnames"),
    ("(1995) Ghost in the Shell", 9323, "radarr-titles-2021-realnames"),
    ("Mission Impossible: Rogue Nation (2015)\ufffd[XviD - Ita Ac3 - SoftSub Ita]azione, spionaggio, thriller *Prima Visione* Team mulnic Tom Cruise", 177677, "radarr-titles-2021-realnames"),
    ("Prometheus 2012 Directors Cut", 70981, "radarr-editions-2021-realnames"),
    ("Prometheus.2012.(Special.Edition.Remastered).[Bluray-1080p]", 70981, "radarr-editions-2021-realnames"),
    ("Prometheus.(Extended.Theatrical.Version.IMAX).2012.BluRay.1080p.asdf", 70981, "radarr-editions-2021-realnames"),
    ("2001 A Space Odyssey (1968) Director's Cut ", 62, "radarr-editions-2021-realnames"),
    ("Star.Wars.Holiday.Special.1978.DVD.REMUX.DD.2.0-ViETNAM", 74849, "radarr-editions-2021-realnames"),
    ("Uncut.Gems.2019.720p.BluRay.x264-YOL0W", 473033, "radarr-editions-2021-realnames"),
    ("Movies/Fear and Loathing in Las Vegas (1998)/Fear.and.Loathing.in.Las.Vegas.720p.HDDVD.DTS.x264-ESiR", 1878, "guessit-movies"),
    ("Movies/Dark City (1998)/Dark.City.(1998).DC.BDRip.720p.DTS.X264-CHD", 2666, "guessit-movies"),
    ("Movies/Sin City (BluRay) (2005)/Sin.City.2005.BDRip.720p.x264.AC3-SEPTiC", 187, "guessit-movies"),
    ("Movies/Borat (2006)/Borat.(2006).R5.PROPER.REPACK.DVDRip.XviD-PUKKA", 496, "guessit-movies"),
    ("Enter.the.Void.2009.2in1.1080p.BluRay.DD5.1.x264-EbP", 34647, "guessit-movies"),
    ("Movies/Toy Story (1995)/Toy Story [HDTV 720p English-Spanish]", 862, "guessit-movies"),
    ("Movies/Office Space (1999)/Office.Space.[Dual-DVDRip].[Spanish-English].[XviD-AC3-AC3].[by.Oswald]", 1542, "guessit-movies"),
    ("Movies/21 (2008)/21.(2008).DVDRip.x264.AC3-FtS.[sharethefiles.com]", 8065, "guessit-movies"),
    ("Movies/9 (2009)/9.2009.Blu-ray.DTS.720p.x264.HDBRiSe.[sharethefiles.com]", 12244, "guessit-movies"),
    ("Movies/Mamma.Mia.2008.DVDRip.AC3.XviD-CrazyTeam/Mamma.Mia.2008.DVDRip.AC3.XviD-CrazyTeam", 11631, "guessit-movies"),
    ("Movies/Moon_(2009)", 17431, "guessit-movies"),
    ("Life.Of.Pi.2012.1080p.BluRay.DTS.x264.D-Z0N3", 87827, "guessit-movies"),
    ("2001.A.Space.Odyssey.1968.HDDVD.1080p.DTS.x264.dxva EuReKA", 62, "guessit-movies"),
    ("2012.2009.720p.BluRay.x264.DTS WiKi", 14161, "guessit-movies"),
    ("Rocky 1976 French SubForced BRRip x264 AC3-FUNKY", 1366, "guessit-movies"),
    ("The Lord of the Rings The Fellowship of the Ring THEATRICAL EDITION (2001) [1080p]", 120, "guessit-movies"),
    ("World War Z (2013) Theatrical Cut 720p BluRay x264", 72190, "guessit-movies"),
    ("Mrs.Doubtfire.1993.720p.OAR.Bluray.DTS.x264-CtrlHD", 788, "guessit-movies"),
    ("Aliens.SE.1986.BDRip.1080p", 679, "guessit-movies"),
    ("Zootopia.2016.HDRip.1.46Gb.Dub.MegaPeer", 269149, "guessit-movies"),
    ("Hacksaw Ridge 2016 Multi 2160p UHD BluRay Hevc10 HDR10 DTSHD & ATMOS 7.1 -DDR", 324786, "guessit-movies"),
    ("The Martian 2015 Multi 2160p 4K UHD Bluray HEVC10 SDR DTSHD 7.1 -Zeus", 286217, "guessit-movies"),
    ("Fantastic Beasts and Where to Find Them 2016 Multi 2160p UHD BluRay HEVC HDR Atmos7.1-DDR", 259316, "guessit-movies"),
    ("Life of Pi 2012 2160p 4K BluRay HDR10 HEVC BT2020 DTSHD 7.1 subs -DDR", 87827, "guessit-movies"),
    ("Deadpool.2016.4K.2160p.UHD.HQ.8bit.BluRay.8CH.x265.HEVC-MZABI", 293660, "guessit-movies"),
    ("Requiem.For.A.Dream.2000.DC.1080p.BluRay.x264.anoXmous", 641, "guessit-movies"),
    ("Alien DC (1979) [1080p]", 348, "guessit-movies"),
    ("Heathers.1988.1080p.BluRay.ARROW.4K.RESTORED.Plus.Comm.DTS.x264-MaG", 2640, "guessit-movies"),
    ("The.Jungle.Book.2016.MULTi.1080p.BluRay.x264.DTS-HD.MA.7.1.DTS-HD.HRA.5.1-LeRalou", 278927, "guessit-movies"),
    ("Ghost.in.the.Shell.1995.1080p.Bluray.DTSES.x264-SHiTSoNy", 9323, "guessit-movies"),
    ("The.Boss.Baby.2017.BluRay.1080p.DTS-ES.x264-PRoDJi", 295693, "guessit-movies"),
    ("How.To.Be.Single.2016.1080p.BluRay.x264-BLOW/blow-how.to.be.single.2016.1080p.bluray.x264", 259694, "guessit-movies"),
    ("ulshd-the.right.stuff.1983.multi.1080p.bluray.x264", 9549, "guessit-movies"),
    ("Casablanca [Ultimate Collector's Edition].1942.BRRip.XviD-VLiS", 289, "guessit-movies"),
    ("Batman V Superman Dawn of Justice 2016 Extended Cut Ultimate Edition HDRip x264 AC3-DaDDy", 209112, "guessit-movies"),
    ("Ant-Man.and.the.Wasp.2018.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTG", 363088, "guessit-movies"),
    ("Avengers.Infinity.War.2018.3D.Hybrid.REPACK.1080p.BluRay.REMUX.AVC.Atmos-EPSiLON", 299536, "guessit-movies"),
    ("X-Men.Apocalypse.2016.complete.hdts.pcm.TrueFrench-Scarface45", 246655, "guessit-movies"),
    ("Suicide Squad EXTENDED (2016) 2160p 4K UltraHD Blu-Ray x265 (HEVC 10bit BT709) Dolby Atmos 7.1 -DDR", 297761, "guessit-movies"),
    ("Movies/Persepolis (2007)/[XCT] Persepolis [H264+Aac-128(Fr-Eng)+ST(Fr-Eng)+Ind]", 2011, "guessit-movies"),
    ("Movies/Brazil (1985)/Brazil_Criterion_Edition_(1985).CD2", 68, "guessit-movies"),
    ("Movies/Picnic.at.Hanging.Rock.1975.Criterion.Collection.1080p.BluRay.x264.DTS-WiKi", 11020, "guessit-movies"),
    ("public/uTorrent/Downloads Finished/Movies/Indiana.Jones.and.the.Temple.of.Doom.1984.HDTV.720p.x264.AC3.5.1-REDµX/Indiana.Jones.and.the.Temple.of.Doom.1984.HDTV.720p.x264.AC3.5.1-REDµX.mkv", 87, "guessit-movies"),
    ("Howl's_Moving_Castle_(2004)_[720p,HDTV,x264,DTS]-FlexGet", 4935, "guessit-movies"),
]
# fmt: on


def main() -> None:
    styled()
    for path, tmdb_id, category, family in CLASSES:
        add(path, tmdb_id, category, family)
    for name, tmdb_id, source in CORPUS:
        path = name.strip().replace("/movies/", "Movies/")
        path = path if path.lower().endswith((".mkv", ".avi", ".mp4")) else f"{path}.mkv"
        if path in ROWS:
            continue
        add(path, tmdb_id, "corpus", "release", source)
    rows = list(ROWS.values())
    with open(OUT, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    for (cat, fam), n in sorted(Counter((r["category"], r["family"]) for r in rows).items()):
        print(f"{n:4d}  {cat} ({fam})")
    print(f"{len(rows):4d}  rows written to {OUT}")


if __name__ == "__main__":
    main()
