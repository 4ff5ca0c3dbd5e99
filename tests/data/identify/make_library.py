"""Write ``library.jsonl``: the labelled file library for the identification accuracy test.

Run once (``python tests/data/identify/make_library.py``) and commit the output; the .jsonl is the
artifact, this script only documents how it was made. Every tmdb_id is checked against the local TMDb
stand-in's built-in catalog (``videomanager.testing.catalog``), episode numbers against the show's seasons.
Sizes are realistic for the kind of file and deterministic (derived from the path).
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import Counter
from pathlib import Path

from videomanager.testing.catalog import default_catalog

OUT = Path(__file__).with_name("library.jsonl")
CAT = default_catalog()
ROWS: list[dict] = []

# Size ranges in bytes per kind of file (low, high).
SIZES = {
    "remux4k": (48e9, 78e9), "uhd": (14e9, 32e9), "remux": (21e9, 39e9), "bd": (7e9, 15e9),
    "web": (3.5e9, 8e9), "x265": (1.8e9, 4.5e9), "720": (2.5e9, 5.5e9), "yts": (1.3e9, 2.4e9),
    "vob": (0.9e9, 1.07e9), "m2ts": (22e9, 35e9), "dvd": (1.2e9, 2.2e9), "xvid": (690e6, 735e6),
    "xvid1": (0.7e9, 1.46e9), "ep": (0.35e9, 1.4e9), "ep1080": (1.1e9, 3.4e9), "epsd": (170e6, 370e6),
    "trailer": (25e6, 260e6), "sample": (18e6, 95e6), "feat": (90e6, 950e6), "phone": (6e6, 650e6),
    "cam": (0.3e9, 3.9e9), "screen": (4e6, 320e6), "tape": (0.6e9, 2.5e9),
}  # fmt: skip


def size(q: str, path: str) -> int:
    lo, hi = SIZES[q]
    r = int.from_bytes(hashlib.sha1(path.encode()).digest()[:4], "big") / 2**32
    return int(lo + (hi - lo) * r)


def movie(tmdb_id: int) -> dict:
    return CAT.movies[tmdb_id]


def P(tmdb_id: int) -> str:
    """The Plex/Radarr folder name: 'Title (Year)', a colon written as ' -'."""
    m = movie(tmdb_id)
    title = m["title"].replace(": ", " - ").replace(":", " -").replace("?", "").replace("/", "-")
    return f"{title} ({m['release_date'][:4]})"


def S(tmdb_id: int, title: str | None = None) -> str:
    """The scene form 'Title.Year': ASCII, dots for spaces, punctuation dropped."""
    m = movie(tmdb_id)
    text = unicodedata.normalize("NFKD", title or m["title"]).encode("ascii", "ignore").decode()
    for ch in ":,'!?()·":
        text = text.replace(ch, "")
    text = text.replace(" - ", " ").replace("&", "and").replace(" ", ".").replace("..", ".")
    return f"{text}.{m['release_date'][:4]}"


def mv(path: str, tmdb_id: int, category: str, q: str, **kw: object) -> None:
    assert tmdb_id in CAT.movies, (path, tmdb_id)
    ROWS.append({"path": path, "tmdb_id": tmdb_id, "kind": "movie", "role": "version", "category": category,
                 "size": size(q, path), **kw})  # fmt: skip


def ex(path: str, tmdb_id: int, category: str, q: str) -> None:
    assert tmdb_id in CAT.movies, (path, tmdb_id)
    ROWS.append({"path": path, "tmdb_id": tmdb_id, "kind": "movie", "role": "extra", "category": category,
                 "size": size(q, path)})  # fmt: skip


def ep(path: str, show: int, season: int, episode: int, category: str, q: str) -> None:
    seasons = {s["season_number"]: s["episode_count"] for s in CAT.shows[show]["seasons"]}
    assert 1 <= episode <= seasons[season], (path, show, season, episode)
    ROWS.append({"path": path, "tmdb_id": show, "kind": "tv", "role": "episode", "category": category,
                 "size": size(q, path), "season": season, "episode": episode})  # fmt: skip


def pv(path: str, category: str, q: str) -> None:
    ROWS.append({"path": path, "tmdb_id": None, "kind": None, "role": "version", "category": category,
                 "size": size(q, path)})  # fmt: skip


# fmt: off
# The rows: one function per category (tables kept one row a line).
D, N, M, K, U = "Downloads/", "NAS/video/Movies/", "Movies/", "Movies 4K/", "USB Drive/Movies/"


def rel(root: str, tid: int, tags: str, ext: str = "mkv", folder: bool = True, title: str | None = None) -> str:
    """A scene release: 'Title.Year.tags-GRP', in a folder of the same name or loose."""
    name = f"{S(tid, title)}.{tags}"
    return f"{root}{name}/{name}.{ext}" if folder else f"{root}{name}.{ext}"


def cat_scene() -> None:
    c = "scene"
    for tid, tags, q, folder in [
        (603, "1080p.BluRay.x264-SiNNERS", "bd", True),
        (550, "1080p.BluRay.x264-METiS", "bd", True),
        (27205, "2160p.UHD.BluRay.x265.10bit.HDR.DTS-HD.MA.5.1-SWTYBLZ", "uhd", True),
        (155, "1080p.BluRay.x264.DTS-FGT", "bd", False),
        (680, "720p.BluRay.x264-AMIABLE", "720", True),
        (238, "REMASTERED.1080p.BluRay.x264-SADPANDA", "bd", True),
        (98, "EXTENDED.REMASTERED.1080p.BluRay.x264-SPARKS", "bd", True),
        (475557, "1080p.WEBRip.x264-RARBG", "web", True),
        (244786, "1080p.BluRay.x264-SPARKS", "bd", True),
        (68718, "1080p.BluRay.x264-SPARKS", "bd", True),
        (16869, "720p.BluRay.x264-SiNNERS", "720", True),
        (500, "1080p.BluRay.x264-AMIABLE", "bd", False),
        (37165, "1080p.BluRay.x264-AMIABLE", "bd", True),
        (38, "1080p.BluRay.x264-CiNEFiLE", "bd", True),
        (489, "1080p.BluRay.x264-AMIABLE", "bd", True),
        (857, "2160p.UHD.BluRay.x265-TERMiNAL", "uhd", True),
        (497, "1080p.BluRay.x264-CtrlHD", "bd", False),
        (745, "720p.BluRay.x264-HDEX", "720", True),
        (103, "REMASTERED.1080p.BluRay.x264-SADPANDA", "bd", True),
        (185, "1080p.BluRay.x264-HDMaNiAcS", "bd", True),
        (601, "1080p.BluRay.x264-AMIABLE", "bd", True),
        (6977, "720p.BluRay.x264-SiNNERS", "720", False),
        (120467, "1080p.BluRay.x264-SPARKS", "bd", True),
        (106646, "1080p.BluRay.x264-SPARKS", "bd", True),
        (11324, "1080p.BluRay.x264-REFiNED", "bd", True),
        (640, "1080p.BluRay.x264-CiNEFiLE", "bd", True),
        (562, "1080p.BluRay.x264-AMIABLE", "bd", False),
        (361743, "2160p.WEB-DL.DDP5.1.Atmos.DV.HDR.H.265-FLUX", "uhd", True),
        (872585, "IMAX.2160p.WEB-DL.DDP5.1.Atmos.H.265-FLUX", "uhd", True),
        (346698, "1080p.WEB.H264-HUZZAH", "web", True),
        (545611, "1080p.WEB-DL.DDP5.1.H.264-EVO", "web", False),
        (419430, "1080p.BluRay.x264-DRONES", "bd", True),
        (12445, "1080p.BluRay.x264-TiMPE", "bd", True),
    ]:
        mv(rel(D, tid, tags, folder=folder), tid, c, q)
    # Lower-case and old XviD releases, loose in Downloads.
    mv(f"{D}jaws.1975.720p.bluray.x264-hdex.mkv", 578, c, "720")
    mv(f"{D}Full.Metal.Jacket.1987.DVDRip.XviD-DiAMOND.avi", 600, c, "xvid1")
    mv(f"{D}The.Shining.1980.US.Version.DVDRip.XviD-FiCO/fico-theshining.avi", 694, c, "xvid1")
    # YTS and QxR (Tigole) styles.
    for tid in (862, 12, 9806, 2062):
        m = movie(tid)
        y = m["release_date"][:4]
        mv(f"{D}{m['title']} ({y}) [1080p] [BluRay] [5.1] [YTS.MX]/{S(tid)}.1080p.BluRay.x264.AAC5.1-[YTS.MX].mp4", tid, c, "yts")
    for tid in (78, 76341, 9659):
        mv(f"{N}{P(tid)} (1080p BluRay x265 HEVC 10bit AAC 5.1 Tigole)/{P(tid)} (1080p BluRay x265 10bit Tigole).mkv", tid, c, "x265")


def cat_multi_tree() -> None:
    c = "multi_tree"
    for tid, paths in [
        (157336, [f"{M}{P(157336)}/{P(157336)} - 1080p.mkv", f"{K}{P(157336)}/{P(157336)} - 2160p.mkv",
                  rel(D, 157336, "IMAX.2160p.UHD.BluRay.x265.10bit.HDR.DTS-HD.MA.5.1-SWTYBLZ", folder=False)]),
        (603, [f"{K}{P(603)}/{P(603)} - 2160p.mkv", f"{U}The Matrix (1999).mp4"]),
        (27205, [f"{M}{P(27205)}/{P(27205)} - 1080p.mkv", f"{N}Inception (2010)/Inception.2010.720p.BluRay.x264.mkv"]),
        (155, [f"{K}{P(155)}/{P(155)} - 2160p HDR.mkv", "USB Drive/films/the dark knight 2008.mp4"]),
        (680, [f"{K}{P(680)}/{P(680)} - 2160p.mkv", f"{N}Pulp Fiction 1994 1080p.mkv"]),
        (19995, [f"{K}{P(19995)}/{P(19995)} - 2160p.mkv", f"{M}{P(19995)}/{P(19995)} - 1080p.mkv",
                 rel(D, 19995, "EXTENDED.COLLECTORS.CUT.1080p.BluRay.x264-SPARKS")]),
        (120, [f"{K}{P(120)}/{P(120)} - 2160p.mkv", f"{M}{P(120)}/{P(120)} - Extended Edition 1080p.mkv",
               f"NAS/video/LOTR/{S(120)}.EXTENDED.1080p.BluRay.x264-SiNNERS.mkv"]),
        (121, [f"{K}{P(121)}/{P(121)} - 2160p.mkv", f"NAS/video/LOTR/{S(121)}.EXTENDED.1080p.BluRay.x264-SiNNERS.mkv"]),
        (122, [f"{K}{P(122)}/{P(122)} - 2160p.mkv", f"NAS/video/LOTR/{S(122)}.EXTENDED.1080p.BluRay.x264-SiNNERS.mkv"]),
        (329, [f"{M}{P(329)}/{P(329)} - 1080p.mkv", f"{K}{P(329)}/{P(329)} - 2160p.mkv", rel(D, 329, "720p.BluRay.x264-SiNNERS", folder=False)]),
        (348, [f"{M}{P(348)}/{P(348)} - Director's Cut.mkv", f"{K}{P(348)}/{P(348)} - 2160p.mkv"]),
        (679, [rel(D, 679, "Special.Edition.1080p.BluRay.x264-SiNNERS"), f"{M}{P(679)}/{P(679)}.mkv"]),
    ]:
        for path in paths:
            q = "uhd" if ("2160p" in path or path.startswith(K)) else "web" if path.endswith("mp4") else "bd"
            mv(path, tid, c, q)


def cat_plex() -> None:
    c = "plex"
    forms = [
        "{p}/{p} - 1080p.mkv", "{p}/{p} Bluray-1080p.mkv", "{p}/{p} [Bluray-1080p].mkv", "{p}/{p} - 720p.mkv",
        "{p}/{p}.mkv", "{p}/{p} [1080p HEVC].mkv", "{p}/{p} WEBDL-1080p.mkv", "{p}/{p} - 4K.mkv",
    ]
    ids = [278, 238, 13, 98, 597, 105, 274, 424, 769, 1124, 335984, 37799, 1949, 24, 8587, 420818, 862, 808,
           14, 289, 15, 426, 935, 85, 89, 115, 281957, 180, 18, 744, 1891, 1892, 1893, 140607, 954, 353081,
           672, 673, 62, 530915, 1271, 8065, 324857, 557, 280, 218]  # fmt: skip
    for i, tid in enumerate(ids):
        form = forms[i % len(forms)]
        root = K if "4K" in form else (M if i % 3 else N)
        q = {"4K": "uhd", "720p": "720", "WEBDL": "web", "HEVC": "x265"}
        mv(root + form.format(p=P(tid)), tid, c, next((v for k, v in q.items() if k in form), "bd"))


def cat_plex_tags() -> None:
    c = "plex_tags"

    def imdb(tid: int) -> str:
        return movie(tid)["imdb_id"]

    for tid, tag, suffix, root in [
        (97020, "{tmdb-97020}", "", M),
        (64635, "[tmdbid-64635]", " - 1080p", M),
        (841, f"{{imdb-{imdb(841)}}}", "", M),
        (78, "{tmdb-78}", " {edition-Final Cut}", M),
        (60935, "[tmdbid-60935]", "", M),
        (949, "{tmdb-949}", " - 2160p", K),
        (800939, "[tmdbid-800939]", "", M),
        (24, "{tmdb-24}", " - 1080p", N),
        (438631, "{tmdb-438631}", " - 2160p", K),
        (11, "{tmdb-11}", " {edition-Despecialized}", M),
        (670, "[tmdbid-670]", " - 1080p", M),
        (111, f"[imdbid-{imdb(111)}]", "", N),
        (424139, "{tmdb-424139}", "", M),
        (11252, "[tmdbid-11252]", "", M),
        (426063, "{tmdb-426063}", " - 2160p", K),
        (3111, "[tmdbid-3111]", "", N),
        (2082, f"{{imdb-{imdb(2082)}}}", "", M),
    ]:
        mv(f"{root}{P(tid)} {tag}/{P(tid)} {tag}{suffix}.mkv", tid, c, "uhd" if root == K else "bd")
    # Editions without ids.
    mv(f"{M}{P(28)}/{P(28)} {{edition-Redux}}.mkv", 28, c, "bd")
    mv(f"{M}{P(28)}/{P(28)} {{edition-Final Cut}}.mkv", 28, c, "bd")
    mv(f"{M}{P(5548)}/{P(5548)} {{edition-Director's Cut}}.mkv", 5548, c, "bd")
    mv(f"{M}{P(19995)} {{edition-Extended Collector's Cut}}/{P(19995)} {{edition-Extended Collector's Cut}}.mkv", 19995, c, "bd")


def cat_article() -> None:
    c = "article_suffix"
    for tid, name, form in [
        (155, "Dark Knight, The (2008)", "{M}{n}/{n}.mkv"),
        (238, "Godfather, The (1972)", "{N}{n} [1080p].mkv"),
        (694, "Shining, The (1980)", "{M}{n}/{n} - 1080p.mkv"),
        (115, "Big Lebowski, The (1998)", "{M}B/{n}.mkv"),
        (8587, "Lion King, The (1994)", "{M}L/{n}.mkv"),
        (420818, "Lion King, The (2019)", "{M}L/{n}.mkv"),
        (1091, "Thing, The (1982)", "{M}T/{n}.mkv"),
        (564, "Mummy, The (1999)", "{N}{n}/{n}.mkv"),
        (282035, "Mummy, The (2017)", "{N}{n}/{n}.mkv"),
        (1124, "Prestige, The (2006)", "{U}{n}.avi"),
        (1422, "Departed, The (2006)", "{M}{n}/{n}.mkv"),
        (629, "Usual Suspects, The (1995)", "{M}{n}/{n}.mkv"),
        (218, "Terminator, The (1984)", "{N}{n}/{n} - 720p.mkv"),
        (9654, "Italian Job, The (2003)", "{U}{n}.mkv"),
        (10536, "Italian Job, The (1969)", "{U}{n}.mkv"),
        (18, "Fifth Element, The (1997)", "{M}{n}/{n}.mkv"),
        (565, "Ring, The (2002)", "{M}{n}/{n}.avi"),
        (120467, "Grand Budapest Hotel, The (2014)", "{N}{n} [1080p].mkv"),
    ]:
        path = form.format(M=M, N=N, U=U, n=name)
        mv(path, tid, c, "xvid1" if path.endswith("avi") else "bd")


def cat_original_title() -> None:
    c = "original_title"
    for path, tid, q in [
        (f"{M}Le Fabuleux Destin d'Amélie Poulain (2001)/Le Fabuleux Destin d'Amélie Poulain (2001).mkv", 194, "bd"),
        (f"{D}Sen.to.Chihiro.no.Kamikakushi.2001.1080p.BluRay.x264-WiKi.mkv", 129, "bd"),
        (f"{M}千と千尋の神隠し (2001)/千と千尋の神隠し (2001).mkv", 129, "bd"),
        (f"{D}Lola.rennt.1998.GERMAN.1080p.BluRay.x264-DETAiLS/Lola.rennt.1998.GERMAN.1080p.BluRay.x264-DETAiLS.mkv", 104, "bd"),
        (f"{N}Das Leben der Anderen (2006)/Das Leben der Anderen (2006).mkv", 582, "bd"),
        (f"{N}Der Untergang (2004).mkv", 613, "bd"),
        (f"{D}El.laberinto.del.fauno.2006.SPANISH.1080p.BluRay.x264-AMIABLE.mkv", 1417, "bd"),
        (f"{M}La vita è bella (1997)/La vita è bella (1997).mkv", 637, "bd"),
        (f"{M}Nuovo Cinema Paradiso (1988)/Nuovo Cinema Paradiso (1988) - 1080p.mkv", 11216, "bd"),
        (f"{N}Il buono, il brutto, il cattivo (1966)/Il buono, il brutto, il cattivo (1966).mkv", 429, "bd"),
        (f"{M}Cidade de Deus (2002)/Cidade de Deus (2002).mkv", 598, "bd"),
        (f"{D}Intouchables.2011.FRENCH.1080p.BluRay.x264-LOST.mkv", 77338, "bd"),
        (f"{D}Jagten.2012.DANISH.1080p.BluRay.x264-CiNEFiLE/Jagten.2012.DANISH.1080p.BluRay.x264-CiNEFiLE.mkv", 103663, "bd"),
        (f"{D}Druk.2020.DANISH.1080p.BluRay.x264-CiNEMiX.mkv", 580175, "bd"),
        (f"{M}Låt den rätte komma in (2008)/Låt den rätte komma in (2008).mkv", 13310, "bd"),
        (f"{M}Män som hatar kvinnor (2009)/Män som hatar kvinnor (2009).mkv", 15472, "bd"),
        (f"{U}Ondskan (2003).avi", 12514, "xvid1"),
        (f"{M}기생충 (2019)/기생충 (2019) 1080p.mkv", 496243, "bd"),
        (f"{D}Gisaengchung.2019.KOREAN.1080p.BluRay.x264-MOVE.mkv", 496243, "bd"),
        (f"{M}올드보이 (2003)/올드보이 (2003).mkv", 670, "bd"),
        (f"{D}Tonari.no.Totoro.1988.JAPANESE.1080p.BluRay.x264-WiKi.mkv", 8392, "bd"),
        (f"{M}Mononoke-hime (1997)/Mononoke-hime (1997).mkv", 128, "bd"),
        (f"{D}Shichinin.no.samurai.1954.Criterion.1080p.BluRay.x264-CtrlHD.mkv", 346, "bd"),
        (f"{D}Wo.hu.cang.long.2000.CHINESE.1080p.BluRay.x264-WiKi.mkv", 146, "bd"),
        (f"{N}Det sjunde inseglet (1957)/Det sjunde inseglet (1957).mkv", 490, "bd"),
        (f"{M}Trois couleurs - Bleu (1993)/Trois couleurs - Bleu (1993).mkv", 108, "bd"),
        (f"{D}Portrait.de.la.jeune.fille.en.feu.2019.FRENCH.1080p.BluRay.x264-LOST.mkv", 531428, "bd"),
        (f"{M}El secreto de sus ojos (2009)/El secreto de sus ojos (2009).mkv", 25376, "bd"),
        (f"{N}Иди и смотри (1985)/Иди и смотри (1985).mkv", 25237, "bd"),
        (f"{N}Солярис (1972)/Солярис (1972).mkv", 593, "bd"),
        (f"{M}Nosferatu, eine Symphonie des Grauens (1922)/Nosferatu, eine Symphonie des Grauens (1922).mkv", 653, "bd"),
        (f"{M}Nosferatu - Phantom der Nacht (1979)/Nosferatu - Phantom der Nacht (1979).mkv", 6404, "bd"),
        (f"{M}無間道 (2002)/無間道 (2002).mkv", 10775, "bd"),
        (f"{M}花樣年華 (2000)/花樣年華 (2000).mkv", 843, "bd"),
        (f"{M}ドライブ・マイ・カー (2021)/ドライブ・マイ・カー (2021).mkv", 758866, "bd"),
        (f"{D}Y.tu.mama.tambien.2001.SPANISH.720p.BluRay.x264-HDEX.mkv", 1391, "720"),
    ]:
        mv(path, tid, c, q)


def cat_alt_title() -> None:
    c = "alt_title"
    for path, tid, q in [
        (f"{D}12.Monkeys.1995.1080p.BluRay.x264-AMIABLE.mkv", 63, "bd"),
        (f"{M}12 Monkeys (1995)/12 Monkeys (1995).mkv", 63, "bd"),
        (f"{D}Live.Die.Repeat.Edge.of.Tomorrow.2014.1080p.BluRay.x264-SPARKS.mkv", 137113, "bd"),
        (f"{U}Live Die Repeat (2014).mp4", 137113, "web"),
        (f"{M}Harry Potter and the Sorcerer's Stone (2001)/Harry Potter and the Sorcerer's Stone (2001) - 1080p.mkv", 671, "bd"),
        (f"{D}Harry.Potter.and.the.Sorcerers.Stone.2001.720p.BluRay.x264-SiNNERS.mkv", 671, "720"),
        (f"{M}Seven (1995)/Seven (1995).mkv", 807, "bd"),
        (f"{N}Leon (1994)/Leon (1994) - Director's Cut.mkv", 101, "bd"),
        (f"{U}The Professional (1994).avi", 101, "xvid1"),
        (f"{M}Star Wars Episode IV - A New Hope (1977)/Star Wars Episode IV - A New Hope (1977).mkv", 11, "bd"),
        (f"{D}Star.Wars.Episode.V.The.Empire.Strikes.Back.1980.1080p.BluRay.x264-AMIABLE.mkv", 1891, "bd"),
        (f"{D}Star.Wars.Episode.VI.Return.of.the.Jedi.1983.1080p.BluRay.x264-AMIABLE.mkv", 1892, "bd"),
        (f"{M}Star Wars - Episode VII - The Force Awakens (2015)/Star Wars - Episode VII - The Force Awakens (2015).mkv", 140607, "bd"),
        (f"{M}Alien 3 (1992)/Alien 3 (1992) - Assembly Cut.mkv", 8077, "bd"),
        (f"{D}Alien.vs.Predator.2004.1080p.BluRay.x264-HDMaNiAcS.mkv", 395, "bd"),
        (f"{M}WALL-E (2008)/WALL-E (2008).mkv", 10681, "bd"),
        (f"{N}Marvel's The Avengers (2012)/Marvel's The Avengers (2012).mkv", 24428, "bd"),
        (f"{D}Avengers.Assemble.2012.1080p.BluRay.x264-BLOW.mkv", 24428, "bd"),
        (f"{M}Ghostbusters - Answer the Call (2016)/Ghostbusters - Answer the Call (2016).mkv", 43074, "bd"),
        (f"{U}Ocean's 11 (2001).mkv", 161, "720"),
        (f"{D}Terminator.2.1991.REMASTERED.1080p.BluRay.x264-SADPANDA.mkv", 280, "bd"),
        (f"{M}Amelie (2001)/Amelie (2001).mkv", 194, "bd"),
        (f"{N}Untouchable (2011)/Untouchable (2011).mkv", 77338, "bd"),
        (f"{N}The Boat (1981)/The Boat (1981) - Director's Cut.mkv", 387, "bd"),
        (f"{M}Eight and a Half (1963)/Eight and a Half (1963).mkv", 422, "bd"),
        (f"{D}Indiana.Jones.and.the.Raiders.of.the.Lost.Ark.1981.1080p.BluRay.x264-SADPANDA.mkv", 85, "bd"),
        (f"{M}Dr. Strangelove (1964)/Dr. Strangelove (1964).mkv", 935, "bd"),
        (f"{D}Nosferatu.A.Symphony.of.Horror.1922.720p.BluRay.x264-GHOULS.mkv", 653, "720"),
    ]:
        mv(path, tid, c, q)


def cat_remake() -> None:
    c = "remake"
    for path, tid, q in [
        (f"{D}RoboCop.1987.Directors.Cut.1080p.BluRay.x264-AMIABLE.mkv", 5548, "bd"),
        (rel(D, 97020, "1080p.BluRay.x264-SPARKS"), 97020, "bd"),
        (f"{M}{P(5548)}/{P(5548)} - 1080p.mkv", 5548, "bd"),
        (f"{K}{P(97020)}/{P(97020)} - 2160p.mkv", 97020, "uhd"),
        (rel(D, 861, "1080p.BluRay.x264-HDEX"), 861, "bd"),
        (f"{D}Total.Recall.2012.Extended.Directors.Cut.1080p.BluRay.x264-ALLiANCE.mkv", 64635, "bd"),
        (f"{D}The.Thing.1982.1080p.BluRay.x264-HDMaNiAcS.mkv", 1091, "bd"),
        (f"{D}The.Thing.2011.1080p.BluRay.x264-SPARKS.mkv", 60935, "bd"),
        (rel(D, 841, "Extended.Edition.1080p.BluRay.x264-HD4U"), 841, "bd"),
        (rel(D, 438631, "2160p.HMAX.WEB-DL.DDP5.1.Atmos.HDR.HEVC-EVO"), 438631, "uhd"),
        (f"{M}{P(1089)}/{P(1089)}.mkv", 1089, "bd"),
        (f"{M}{P(257088)}/{P(257088)}.mkv", 257088, "bd"),
        (f"{D}Ghostbusters.1984.REMASTERED.1080p.BluRay.x264-SPRiNTER.mkv", 620, "bd"),
        (f"{D}Ghostbusters.2016.EXTENDED.1080p.BluRay.x264-DRONES.mkv", 43074, "bd"),
        (f"{N}{P(929)}.mkv", 929, "bd"),
        (f"{N}{P(124905)}.mkv", 124905, "bd"),
        (f"{D}The.Mummy.1999.1080p.BluRay.x264-HD1080.mkv", 564, "bd"),
        (f"{D}The.Mummy.2017.1080p.BluRay.x264-SPARKS.mkv", 282035, "bd"),
        (f"{M}{P(7340)}/{P(7340)}.mkv", 7340, "bd"),
        (f"{D}Carrie.2013.1080p.BluRay.x264-SPARKS.mkv", 133805, "bd"),
        (f"{U}{P(11797)}.avi", 11797, "xvid1"),
        (f"{U}{P(58151)}.mkv", 58151, "720"),
        (f"{D}Conan.the.Barbarian.1982.1080p.BluRay.x264-CiNEFiLE.mkv", 9387, "bd"),
        (f"{D}Conan.the.Barbarian.2011.1080p.BluRay.x264-SPARKS.mkv", 37430, "bd"),
        (f"{M}{P(10323)}/{P(10323)}.mkv", 10323, "bd"),
        (f"{M}{P(18823)}/{P(18823)}.mkv", 18823, "bd"),
        (f"{N}{P(877)}/{P(877)}.mkv", 877, "bd"),
        (f"{D}Scarface.1983.1080p.BluRay.x264-AMIABLE.mkv", 111, "bd"),
        (f"{D}Halloween.1978.REMASTERED.1080p.BluRay.x264-GHOULS.mkv", 948, "bd"),
        (f"{D}Halloween.2007.Unrated.Directors.Cut.1080p.BluRay.x264-HDEX.mkv", 2082, "bd"),
        (f"{D}Halloween.2018.1080p.BluRay.x264-DRONES.mkv", 424139, "bd"),
        (f"{M}{P(539)}/{P(539)} - 1080p.mkv", 539, "bd"),
        (f"{D}Psycho.1998.1080p.BluRay.x264-PSYCHD.mkv", 11252, "bd"),
        (f"{U}{P(10536)}.mkv", 10536, "720"),
        (f"{D}The.Italian.Job.2003.1080p.BluRay.x264-HDEX.mkv", 9654, "bd"),
        (f"{N}{P(299)}/{P(299)}.mkv", 299, "bd"),
        (f"{D}Oceans.Eleven.2001.1080p.BluRay.x264-HDEX.mkv", 161, "bd"),
        (f"{D}Planet.of.the.Apes.1968.1080p.BluRay.x264-AMIABLE.mkv", 871, "bd"),
        (f"{D}Planet.of.the.Apes.2001.1080p.BluRay.x264-HDEX.mkv", 869, "bd"),
        (f"{D}Solaris.2002.1080p.BluRay.x264-SADPANDA.mkv", 2103, "bd"),
        (f"{D}Nosferatu.1979.1080p.BluRay.x264-CiNEFiLE.mkv", 6404, "bd"),
        (f"{D}Nosferatu.2024.2160p.WEB-DL.DDP5.1.Atmos.DV.HDR.H.265-FLUX.mkv", 426063, "uhd"),
        (f"{N}{P(22692)}/{P(22692)}.mkv", 22692, "dvd"),
        (f"{N}{P(34080)}/{P(34080)}.mkv", 34080, "bd"),
        (f"{D}A.Star.Is.Born.2018.1080p.BluRay.x264-SPARKS.mkv", 332562, "bd"),
        (f"{M}{P(9587)}/{P(9587)}.mkv", 9587, "bd"),
        (f"{D}Little.Women.2019.1080p.BluRay.x264-SPARKS.mkv", 331482, "bd"),
        (f"{D}Oldboy.2013.1080p.BluRay.x264-SPARKS.mkv", 87516, "bd"),
        (f"{D}True.Grit.1969.1080p.BluRay.x264-AMIABLE.mkv", 17529, "bd"),
        (f"{M}{P(44264)}/{P(44264)}.mkv", 44264, "bd"),
        (f"{N}{P(12208)}/{P(12208)}.mkv", 12208, "bd"),
        (f"{D}Casino.Royale.2006.1080p.BluRay.x264-SiNNERS.mkv", 36557, "bd"),
        (f"{M}{P(244)}/{P(244)}.mkv", 244, "bd"),
        (f"{D}King.Kong.2005.Extended.1080p.BluRay.x264-SiNNERS.mkv", 254, "bd"),
        (f"{N}{P(828)}/{P(828)}.mkv", 828, "bd"),
        (f"{D}The.Day.the.Earth.Stood.Still.2008.1080p.BluRay.x264-REFiNED.mkv", 10200, "bd"),
        (f"{N}{P(11349)}/{P(11349)}.mkv", 11349, "bd"),
        (f"{D}Cape.Fear.1991.1080p.BluRay.x264-AMIABLE.mkv", 1598, "bd"),
        (f"{D}The.Girl.with.the.Dragon.Tattoo.2009.SWEDISH.EXTENDED.1080p.BluRay.x264-CiNEFiLE.mkv", 15472, "bd"),
        (f"{D}The.Girl.with.the.Dragon.Tattoo.2011.1080p.BluRay.x264-SPARKS.mkv", 65754, "bd"),
        (f"{M}{P(41402)}/{P(41402)}.mkv", 41402, "bd"),
        (f"{D}Ringu.1998.JAPANESE.1080p.BluRay.x264-WiKi.mkv", 2671, "bd"),
        (f"{D}The.Ring.2002.1080p.BluRay.x264-HDEX.mkv", 565, "bd"),
    ]:
        mv(path, tid, c, q)


def cat_year_off() -> None:
    c = "year_off"
    for tid, year, form in [
        (281957, 2016, "{M}{t} ({y})/{t} ({y}).mkv"),
        (313369, 2017, "{M}{t} ({y})/{t} ({y}) - 1080p.mkv"),
        (9659, 1980, "{N}{t} ({y}).mkv"),
        (289, 1943, "{N}{t} ({y})/{t} ({y}).mkv"),
        (597, 1998, "{U}{t} ({y}).avi"),
        (862, 1996, "{M}{t} ({y})/{t} ({y}).mkv"),
        (530915, 2020, "{M}{t} ({y})/{t} ({y}) - 2160p.mkv"),
        (1271, 2007, "{U}{t} ({y}).mkv"),
        (129, 2002, "{M}{t} ({y})/{t} ({y}).mkv"),
        (1417, 2007, "{M}{t} ({y})/{t} ({y}).mkv"),
        (613, 2005, "{N}{t} ({y}).mkv"),
        (77338, 2012, "{M}{t} ({y})/{t} ({y}).mkv"),
        (598, 2003, "{U}{t} ({y}).mkv"),
        (496243, 2020, "{M}{t} ({y})/{t} ({y}) - 1080p.mkv"),
        (270303, 2015, "{M}{t} ({y})/{t} ({y}).mkv"),
        (68718, 2013, "{N}{t} ({y}).mkv"),
        (758866, 2022, "{M}{t} ({y})/{t} ({y}).mkv"),
        (580175, 2021, "{M}{t} ({y})/{t} ({y}).mkv"),
        (426063, 2025, "{M}{t} ({y})/{t} ({y}).mkv"),
        (582, 2007, "{N}{t} ({y}).mkv"),
        (149, 1989, "{M}{t} ({y})/{t} ({y}).mkv"),
        (548, 1951, "{N}{t} ({y}).mkv"),
    ]:
        t = movie(tid)["title"].replace(": ", " - ")
        path = form.format(M=M, N=N, U=U, t=t, y=year)
        mv(path, tid, c, "xvid1" if path.endswith("avi") else "bd")


def cat_year_in_folder() -> None:
    c = "year_in_folder"
    for path, tid, q in [
        (f"{M}Heat (1995)/Heat.mkv", 949, "bd"),
        (f"{M}Dune (1984)/Dune.avi", 841, "xvid1"),
        (f"{N}Halloween (1978)/Halloween.mkv", 948, "bd"),
        (f"{M}Psycho (1960)/Psycho.mkv", 539, "bd"),
        (f"{M}Scarface (1983)/Scarface.1080p.mkv", 111, "bd"),
        (f"{M}The Thing (1982)/The Thing.mkv", 1091, "bd"),
        (f"{M}Carrie (2013)/Carrie.avi", 133805, "xvid1"),
        (f"{M}King Kong (2005)/King.Kong.Extended.1080p.mkv", 254, "bd"),
        (f"{M}Ghostbusters (2016)/Ghostbusters.mkv", 43074, "bd"),
        (f"{M}Godzilla (2014)/godzilla-1080p.mkv", 124905, "bd"),
        (f"{M}Point Break (1991)/Point.Break.720p.mkv", 1089, "720"),
        (f"{M}Up (2009)/Up.mkv", 14160, "bd"),
        (f"{M}Us (2019)/Us.mkv", 458723, "bd"),
        (f"{M}Her (2013)/Her.mkv", 152601, "bd"),
        (f"{M}Drive (2011)/Drive.mkv", 64690, "bd"),
        (f"{M}Rush (2013)/Rush.mkv", 96721, "bd"),
        (f"{M}Taken (2008)/Taken.mkv", 8681, "bd"),
        (f"{D}Oldboy (2013)/Oldboy.mkv", 87516, "bd"),
        ("USB Drive/Films/Total Recall (1990)/Total Recall.avi", 861, "xvid1"),
        (f"{N}A Star Is Born (1976)/A Star Is Born.mkv", 34080, "bd"),
    ]:
        mv(path, tid, c, q)


def cat_generic() -> None:
    c = "generic_name"
    for path, tid, q in [
        (f"{M}Inception (2010)/movie.mkv", 27205, "bd"),
        (f"{M}Gone Girl (2014)/video-1080p.mkv", 210577, "bd"),
        (f"{M}Arrival (2016)/film.mkv", 329865, "bd"),
        (f"{M}Blade Runner 2049 (2017)/title_t00.mkv", 335984, "remux"),
        (f"{N}Rear Window (1954)/VIDEO_TS/VTS_01_1.VOB", 567, "vob"),
        (f"{N}Casablanca (1942)/VIDEO_TS/VTS_01_1.VOB", 289, "vob"),
        (f"{N}Citizen Kane (1941)/VIDEO_TS/VTS_01_1.VOB", 15, "vob"),
        (f"{N}Gladiator (2000)/VIDEO_TS/VTS_02_1.VOB", 98, "vob"),
        (f"{K}Dune (2021)/BDMV/STREAM/00800.m2ts", 438631, "m2ts"),
        (f"{M}Oppenheimer (2023)/BDMV/STREAM/00003.m2ts", 872585, "m2ts"),
        (f"{M}Zodiac (2007)/main.mkv", 1949, "bd"),
        (f"{U}Prisoners (2013)/movie.mp4", 146233, "web"),
        (f"{U}Whiplash (2014)/video.mp4", 244786, "web"),
        (f"{M}No Country for Old Men (2007)/B1_t00.mkv", 6977, "remux"),
        (f"{M}Memento (2000)/title_t01.mkv", 77, "remux"),
        (f"{M}Halloween (2018)/video.mkv", 424139, "bd"),
        (f"{M}Joker (2019)/movie-2160p.mkv", 475557, "uhd"),
        (f"{M}Her (2013)/film.mp4", 152601, "web"),
        (f"{N}Fargo (1996)/FARGO/VIDEO_TS/VTS_01_1.VOB", 275, "vob"),
        (f"{M}The Social Network (2010)/movie.1080p.mkv", 37799, "bd"),
    ]:
        mv(path, tid, c, q)
    # One DVD whose film spans two VOB files (a person sees one film in parts).
    for n in (1, 2):
        mv(f"{N}Vertigo (1958)/VIDEO_TS/VTS_01_{n}.VOB", 426, c, "vob", stack="Vertigo DVD")


def cat_stack() -> None:
    c = "multi_part"
    for label, tid, paths, q in [
        ("Pulp cd", 680, [f"{M}Pulp Fiction (1994)/Pulp Fiction (1994) cd{n}.avi" for n in (1, 2)], "xvid"),
        ("Fargo DoNE", 275, [f"{D}Fargo.1996.DVDRip.XviD-DoNE/d-fargo.cd{n}.avi" for n in (1, 2)], "xvid"),
        ("Titanic part", 597, [f"{M}Titanic (1997)/Titanic (1997) - part{n}.mkv" for n in (1, 2)], "bd"),
        ("Schindler disc", 424, [f"{N}Schindler's List (1993)/Schindler's List (1993) Disc {n}.mkv" for n in (1, 2)], "bd"),
        ("Godfather CD", 238, [f"{M}The Godfather (1972)/The Godfather (1972) CD{n}.avi" for n in (1, 2)], "xvid"),
        ("SPR pt", 857, [f"{U}Saving Private Ryan (1998) pt{n}.avi" for n in (1, 2)], "xvid"),
        ("Green Mile AEN", 497, [f"{D}The.Green.Mile.1999.DVDRip.XviD-AEN/aen-tgm-cd{n}.avi" for n in (1, 2)], "xvid"),
        ("Seven Samurai", 346, [f"{M}Seven Samurai (1954)/Seven Samurai (1954) - part{n}.mkv" for n in (1, 2)], "bd"),
        ("RotK disc", 122, [f"{N}{P(122)}/{P(122)} - Extended - Disc {n}.mkv" for n in (1, 2)], "bd"),
        ("Kill Bill DiAMOND", 24, [f"{D}Kill.Bill.Vol.1.2003.DVDRip.XviD-DiAMOND/dmd-kb1-cd{n}.avi" for n in (1, 2)], "xvid"),
        ("Apocalypse CD", 28, [f"{U}Apocalypse Now (1979) CD{n}.avi" for n in (1, 2, 3)], "xvid"),
    ]:
        for path in paths:
            mv(path, tid, c, q, stack=label)


def cat_extras() -> None:
    c = "extra"
    matrix, inter, alien = f"{K}{P(603)}", f"{M}{P(157336)}", f"{M}{P(348)}"
    fotr, pulp, jp = f"{M}{P(120)}", f"{M}Pulp Fiction (1994)", f"{M}{P(329)}"
    for path, tid, q in [
        (f"{matrix}/{P(603)}-trailer.mkv", 603, "trailer"),
        (f"{matrix}/Featurettes/The Matrix Revisited.mkv", 603, "feat"),
        (f"{matrix}/Behind The Scenes/Making The Matrix.mkv", 603, "feat"),
        (f"{D}The.Matrix.1999.1080p.BluRay.x264-SiNNERS/Sample/sinners-the.matrix.1999.1080p.sample.mkv", 603, "sample"),
        (f"{inter}/Featurettes/The Science of Interstellar.mkv", 157336, "feat"),
        (f"{inter}/{P(157336)}-trailer.mkv", 157336, "trailer"),
        (f"{inter}/Trailers/Teaser.mkv", 157336, "trailer"),
        (f"{D}RoboCop.2014.1080p.BluRay.x264-SPARKS/Sample/sparks-robocop2014-1080p-sample.mkv", 97020, "sample"),
        (f"{D}Total.Recall.1990.1080p.BluRay.x264-HDEX/Sample/hdex-totalrecall-sample.mkv", 861, "sample"),
        (f"{D}Inception.2010.2160p.UHD.BluRay.x265.10bit.HDR.DTS-HD.MA.5.1-SWTYBLZ/inception.2010.2160p.sample.mkv", 27205, "sample"),
        (f"{D}Dune.2021.2160p.HMAX.WEB-DL.DDP5.1.Atmos.HDR.HEVC-EVO/Sample/dune.2021.2160p.sample.mkv", 438631, "sample"),
        (f"{D}Fargo.1996.DVDRip.XviD-DoNE/Sample/d-fargo.sample.avi", 275, "sample"),
        (f"{D}Jagten.2012.DANISH.1080p.BluRay.x264-CiNEFiLE/Sample/jagten.2012.sample.mkv", 103663, "sample"),
        (f"{alien}/Deleted Scenes/Deleted Scene 1.mkv", 348, "feat"),
        (f"{alien}/Deleted Scenes/Deleted Scene 2.mkv", 348, "feat"),
        (f"{alien}/{P(348)}-featurette.mkv", 348, "feat"),
        (f"{alien}/Trailers/{P(348)} Teaser.mkv", 348, "trailer"),
        (f"{M}Heat (1995)/Extras/Return to the Scene of the Crime.mkv", 949, "feat"),
        (f"{M}Heat (1995)/Heat-trailer.mp4", 949, "trailer"),
        (f"{K}Dune (2021) {{tmdb-438631}}/Trailers/Dune Official Trailer 2.mkv", 438631, "trailer"),
        (f"{M}{P(5548)}/{P(5548)}-trailer.mkv", 5548, "trailer"),
        (f"{M}The Thing (1982)/Featurettes/Terror Takes Shape.mkv", 1091, "feat"),
        (f"{M}The Thing (1982)/The Thing (1982)-trailer.mp4", 1091, "trailer"),
        (f"{fotr}/Behind The Scenes/Appendices Part 1 - From Book to Vision.mkv", 120, "feat"),
        (f"{fotr}/Behind The Scenes/Appendices Part 2 - From Vision to Reality.mkv", 120, "feat"),
        (f"{M}Blade Runner (1982) {{tmdb-78}}/Featurettes/Dangerous Days - Making Blade Runner.mkv", 78, "feat"),
        (f"{M}{P(19995)}/{P(19995)}-deleted.mkv", 19995, "feat"),
        (f"{M}{P(27205)}/{P(27205)}-behindthescenes.mkv", 27205, "feat"),
        (f"{jp}/Interviews/Steven Spielberg.mkv", 329, "feat"),
        (f"{jp}/{P(329)}-interview.mkv", 329, "feat"),
        (f"{M}The Godfather (1972)/Extras/The Godfather Family - A Look Inside.mkv", 238, "feat"),
        (f"{pulp}/{P(680)}-trailer.mkv", 680, "trailer"),
        (f"{pulp}/Deleted Scenes/Jack Rabbit Slim's.mkv", 680, "feat"),
        (f"{M}Big Lebowski, The (1998)/Featurettes/The Dude's Life.mkv", 115, "feat"),
        (f"{M}Harry Potter and the Sorcerer's Stone (2001)/Featurettes/Hogwarts Tour.mkv", 671, "feat"),
        (f"{N}{P(361743)}/{P(361743)}-trailer.mkv", 361743, "trailer"),
        (f"{M}Halloween (2018)/Extras/Back in Haddonfield.mkv", 424139, "feat"),
        (f"{D}Carrie.2013.1080p.BluRay.x264-SPARKS.sample.mkv", 133805, "sample"),
        (f"{M}{P(1089)}/Trailers/{P(1089)} - Trailer.mkv", 1089, "trailer"),
        (f"{M}{P(7340)}/{P(7340)}-trailer.mkv", 7340, "trailer"),
    ]:
        ex(path, tid, c, q)
    # A trailer of the sequel in its own folder must go to the sequel, and the main film there too.
    mv(f"{N}{P(361743)}/{P(361743)} - 1080p.mkv", 361743, "plex", "web")
    mv(f"{M}Big Lebowski, The (1998)/Big Lebowski, The (1998).mkv", 115, "article_suffix", "bd")
    mv(f"{M}Heat (1995)/Heat - 1080p.mkv", 949, "year_in_folder", "bd")


def cat_one_word() -> None:
    c = "one_word"
    for path, tid, q in [
        (f"{D}Carter.2022.1080p.NF.WEB-DL.DDP5.1.Atmos.x264-SMURF.mkv", 800939, "web"),
        (f"{M}Evil (2003)/Evil (2003).mkv", 12514, "bd"),
        (f"{D}Evil.2003.SWEDISH.720p.BluRay.x264-CiNEFiLE.mkv", 12514, "720"),
        (f"{D}Heat.1995.Directors.Definitive.Edition.2160p.UHD.BluRay.x265-B0MBARDiERS.mkv", 949, "uhd"),
        (f"{K}Up (2009)/Up (2009) - 2160p.mkv", 14160, "uhd"),
        (f"{D}Up.2009.1080p.BluRay.x264-CiNEFiLE.mkv", 14160, "bd"),
        (f"{D}Rush.2013.1080p.BluRay.x264-SPARKS.mkv", 96721, "bd"),
        (f"{D}Drive.2011.1080p.BluRay.x264-SPARKS.mkv", 64690, "bd"),
        (f"{N}Drive (2011).mkv", 64690, "bd"),
        (f"{D}Her.2013.1080p.BluRay.x264-SPARKS.mkv", 152601, "bd"),
        (f"{D}Us.2019.1080p.WEB-DL.DD5.1.H264-FGT.mkv", 458723, "web"),
        (f"{D}It.2017.1080p.BluRay.x264-SPARKS.mkv", 346364, "bd"),
        (f"{M}It (2017)/It (2017).mkv", 346364, "bd"),
        (f"{M}Cars (2006)/Cars (2006).mkv", 920, "bd"),
        (f"{D}Taken.2008.EXTENDED.1080p.BluRay.x264-HDEX.mkv", 8681, "bd"),
        (f"{D}Alien.1979.Directors.Cut.1080p.BluRay.x264-AMIABLE.mkv", 348, "bd"),
        (f"{M}Joker (2019)/Joker (2019) - 1080p.mkv", 475557, "bd"),
        (f"{M}Coco (2017)/Coco (2017).mkv", 354912, "bd"),
        (f"{N}Jaws (1975).mkv", 578, "bd"),
        (f"{D}Roma.2018.SPANISH.1080p.NF.WEB-DL.DDP5.1.x264-NTG.mkv", 426426, "web"),
        (f"{D}Hero.2002.CHINESE.1080p.BluRay.x264-WiKi.mkv", 79, "bd"),
        (f"{U}Memento (2000).avi", 77, "xvid1"),
        (f"{D}Gravity.2013.1080p.BluRay.x264-SPARKS.mkv", 49047, "bd"),
        (f"{D}Prisoners.2013.1080p.BluRay.x264-SPARKS.mkv", 146233, "bd"),
        (f"{M}Fargo (1996)/Fargo (1996) - 1080p.mkv", 275, "bd"),
        (f"{D}Predator.1987.1080p.BluRay.x264-AMIABLE.mkv", 106, "bd"),
        (f"{M}Thor (2011)/Thor (2011).mkv", 10195, "bd"),
        (f"{N}Shrek (2001).mkv", 808, "bd"),
        (f"{D}Akira.1988.JAPANESE.1080p.BluRay.x264-WiKi.mkv", 149, "bd"),
        (f"{N}Stalker (1979)/Stalker (1979).mkv", 1398, "bd"),
        (f"{M}Incendies (2010)/Incendies (2010).mkv", 46738, "bd"),
        (f"{U}Titanic (1997).mkv", 597, "720"),
        (f"{D}Shoplifters.2018.JAPANESE.1080p.BluRay.x264-WiKi.mkv", 505192, "bd"),
    ]:
        mv(path, tid, c, q)


def cat_tv_same_name() -> None:
    c = "tv_same_name"
    T, SR = "TV/", "Series/"
    for path, show, s, e, q in [
        (f"{T}Doctor Who (2005)/Season 01/Doctor Who (2005) - S01E01 - Rose.mkv", 57243, 1, 1, "ep"),
        (f"{T}Doctor Who (2005)/Season 01/Doctor Who (2005) - S01E02 - The End of the World.mkv", 57243, 1, 2, "ep"),
        (f"{T}Doctor Who (2005)/Season 01/Doctor Who (2005) - S01E03 - The Unquiet Dead.mkv", 57243, 1, 3, "ep"),
        (f"{D}Doctor.Who.2005.S04E12.720p.BluRay.x264-SHORTBREHD.mkv", 57243, 4, 12, "ep"),
        (f"{SR}Doctor Who 2005/Series 7/Doctor.Who.2005.S07E05.The.Angels.Take.Manhattan.720p.HDTV.x264-FoV.mkv", 57243, 7, 5, "ep"),
        (f"{D}Doctor.Who.2005.S10E01.1080p.BluRay.x264-SHORTBREHD.mkv", 57243, 10, 1, "ep1080"),
        (f"{T}Doctor Who (1963)/Season 01/Doctor Who (1963) - S01E01 - An Unearthly Child.mkv", 121, 1, 1, "epsd"),
        (f"{T}Doctor Who (1963)/Season 01/Doctor Who (1963) - S01E02 - The Cave of Skulls.mkv", 121, 1, 2, "epsd"),
        (f"{T}Doctor Who (1963)/Season 01/Doctor Who (1963) - S01E03 - The Forest of Fear.mkv", 121, 1, 3, "epsd"),
        (f"{SR}Doctor Who Classic/Season 12/Doctor.Who.1963.S12E01.DVDRip.XviD.avi", 121, 12, 1, "epsd"),
        (f"{T}The Office (US)/Season 02/The Office (US) - S02E01 - The Dundies.mkv", 2316, 2, 1, "ep"),
        (f"{T}The Office (US)/Season 04/The Office (US) - S04E01.mkv", 2316, 4, 1, "ep"),
        (f"{D}The.Office.US.S03E05.720p.WEB-DL.DD5.1.H.264-NTb.mkv", 2316, 3, 5, "ep"),
        (f"{SR}The Office US/Season 5/The.Office.US.S05E14.720p.BluRay.x264-DEMAND.mkv", 2316, 5, 14, "ep"),
        (f"{T}The Office (UK)/Series 1/The Office (UK) - S01E01 - Downsize.avi", 2654, 1, 1, "epsd"),
        (f"{T}The Office (UK)/Series 1/The Office (UK) - S01E02 - Work Experience.avi", 2654, 1, 2, "epsd"),
        (f"{D}The.Office.UK.S02E03.DVDRip.XviD-FFNDVD.avi", 2654, 2, 3, "epsd"),
        (f"{T}Battlestar Galactica (2004)/Season 1/Battlestar Galactica (2004) - S01E01 - 33.mkv", 1972, 1, 1, "ep"),
        (f"{SR}Battlestar Galactica (2004)/Season 3/Battlestar.Galactica.S03E01.Occupation.720p.BluRay.x264-SiNNERS.mkv", 1972, 3, 1, "ep"),
        (f"{D}Battlestar.Galactica.2004.S02E10.720p.BluRay.x264-SiNNERS.mkv", 1972, 2, 10, "ep"),
        (f"{T}Battlestar Galactica (1978)/Season 1/Battlestar Galactica (1978) - S01E01 - Saga of a Star World.mkv", 501, 1, 1, "epsd"),
        (f"{T}Battlestar Galactica (1978)/Season 1/Battlestar Galactica (1978) - S01E05.mkv", 501, 1, 5, "epsd"),
        (f"{D}Battlestar.Galactica.1978.S01E10.DVDRip.XviD-SAiNTS.avi", 501, 1, 10, "epsd"),
        (f"{T}Shameless (US)/Season 01/Shameless (US) - S01E01 - Pilot.mkv", 34307, 1, 1, "ep"),
        (f"{D}Shameless.US.S05E01.720p.HDTV.x264-KILLERS.mkv", 34307, 5, 1, "ep"),
        (f"{T}Shameless (UK)/Series 1/Shameless (UK) - S01E01.avi", 1906, 1, 1, "epsd"),
        (f"{D}Shameless.UK.S04E03.PDTV.XviD-RiVER.avi", 1906, 4, 3, "epsd"),
        (f"{T}House of Cards (2013)/Season 01/House of Cards (2013) - S01E01 - Chapter 1.mkv", 1425, 1, 1, "ep1080"),
        (f"{D}House.of.Cards.2013.S02E04.1080p.WEBRip.x264-NTb.mkv", 1425, 2, 4, "ep1080"),
        (f"{T}House of Cards (1990)/Season 1/House of Cards (1990) - S01E01.avi", 38549, 1, 1, "epsd"),
        (f"{D}House.of.Cards.1990.S01E02.DVDRip.XviD-HAGGiS.avi", 38549, 1, 2, "epsd"),
        (f"{T}Charmed (1998)/Season 01/Charmed (1998) - S01E01 - Something Wicca This Way Comes.avi", 1981, 1, 1, "epsd"),
        (f"{D}Charmed.2018.S01E01.720p.HDTV.x264-KILLERS.mkv", 80587, 1, 1, "ep"),
        (f"{D}Charmed.2018.S02E05.720p.HDTV.x264-SVA.mkv", 80587, 2, 5, "ep"),
        (f"{T}Skins (UK)/Series 1/Skins (UK) - 1x01 - Tony.avi", 3394, 1, 1, "epsd"),
        (f"{D}Skins.US.S01E01.720p.HDTV.x264-IMMERSE.mkv", 33932, 1, 1, "ep"),
        (f"{D}Queer.as.Folk.US.S01E01.DVDRip.XviD-SAiNTS.avi", 1557, 1, 1, "epsd"),
        (f"{T}Queer as Folk (UK)/Season 1/Queer as Folk (UK) - S01E01.avi", 1553, 1, 1, "epsd"),
        (f"{D}Magnum.P.I.2018.S01E01.720p.HDTV.x264-AVS.mkv", 78191, 1, 1, "ep"),
        (f"{T}Magnum, P.I. (1980)/Season 1/Magnum, P.I. (1980) - S01E01 - Don't Eat the Snow in Hawaii.avi", 2371, 1, 1, "epsd"),
        (f"{D}MacGyver.2016.S01E01.720p.HDTV.x264-AVS.mkv", 67133, 1, 1, "ep"),
        (f"{T}MacGyver (1985)/Season 1/MacGyver (1985) - S01E01 - Pilot.avi", 1732, 1, 1, "epsd"),
    ]:
        ep(path, show, s, e, c, q)


def cat_tv() -> None:
    c = "tv"
    T, SR = "TV/", "Series/"
    for path, show, s, e, q in [
        (f"{D}Breaking.Bad.S01E01.720p.BluRay.x264-DEMAND.mkv", 1396, 1, 1, "ep"),
        (f"{D}Breaking.Bad.S01E02.720p.BluRay.x264-DEMAND.mkv", 1396, 1, 2, "ep"),
        (f"{T}Breaking Bad/Season 05/Breaking Bad - S05E14 - Ozymandias.mkv", 1396, 5, 14, "ep1080"),
        (f"{T}Breaking Bad/Season 05/Breaking Bad - S05E16 - Felina.mkv", 1396, 5, 16, "ep1080"),
        (f"{D}Game.of.Thrones.S08E03.1080p.WEB.H264-MEMENTO.mkv", 1399, 8, 3, "ep1080"),
        (f"{T}Game of Thrones (2011)/Season 01/Game of Thrones (2011) - S01E01 - Winter Is Coming.mkv", 1399, 1, 1, "ep1080"),
        (f"{T}Game of Thrones (2011)/Season 03/Game of Thrones (2011) - S03E09 - The Rains of Castamere.mkv", 1399, 3, 9, "ep1080"),
        (f"{T}Friends/Season 01/Friends - S01E01 - The One Where Monica Gets a Roommate.mkv", 1668, 1, 1, "ep"),
        (f"{SR}Friends/Season 2/Friends - 2x14 - The One with the Prom Video.avi", 1668, 2, 14, "epsd"),
        (f"{D}Friends.S05E14.720p.BluRay.x264-PSYCHD.mkv", 1668, 5, 14, "ep"),
        (f"{T}The Wire/Season 1/The Wire - S01E01 - The Target.mkv", 1438, 1, 1, "ep"),
        (f"{D}The.Wire.S04E13.720p.BluRay.x264-SiNNERS.mkv", 1438, 4, 13, "ep"),
        (f"{SR}Sherlock/Series 2/Sherlock.2x03.The.Reichenbach.Fall.720p.HDTV.x264-FoV.mkv", 19885, 2, 3, "ep"),
        (f"{T}Sherlock (2010)/Season 01/Sherlock (2010) - S01E01 - A Study in Pink.mkv", 19885, 1, 1, "ep1080"),
        (f"{T}The Sopranos/Season 1/The Sopranos - S01E01 - Pilot.mkv", 1398, 1, 1, "ep"),
        (f"{D}The.Sopranos.S06E21.720p.BluRay.x264-DEMAND.mkv", 1398, 6, 21, "ep"),
        (f"{D}Stranger.Things.S04E01.1080p.NF.WEB-DL.DDP5.1.Atmos.x264-SMURF.mkv", 66732, 4, 1, "ep1080"),
        (f"{T}Stranger Things/Season 1/Stranger Things - S01E01 - The Vanishing of Will Byers.mkv", 66732, 1, 1, "ep1080"),
        (f"{D}Dark.S01E01.GERMAN.1080p.WEB.x264-WvF.mkv", 70523, 1, 1, "ep1080"),
        (f"{T}Dark (2017)/Season 3/Dark (2017) - S03E08.mkv", 70523, 3, 8, "ep1080"),
        (f"{D}La.Casa.de.Papel.S01E01.SPANISH.1080p.NF.WEBRip.x264-AGLET.mkv", 71446, 1, 1, "ep1080"),
        (f"{T}Money Heist/Season 2/Money Heist - S02E03.mkv", 71446, 2, 3, "ep1080"),
        (f"{D}Squid.Game.S01E01.KOREAN.1080p.NF.WEBRip.DDP5.1.x264-AGLET.mkv", 93405, 1, 1, "ep1080"),
        (f"{T}Squid Game/Season 1/Squid Game - S01E02 - Hell.mkv", 93405, 1, 2, "ep1080"),
        (f"{T}Stephen King's It (1990)/Season 1/Stephen King's It (1990) - S01E01.mkv", 19614, 1, 1, "ep"),
        (f"{T}Stephen King's It (1990)/Season 1/Stephen King's It (1990) - S01E02.mkv", 19614, 1, 2, "ep"),
        (f"{D}Better.Call.Saul.S01E01.720p.HDTV.x264-KILLERS.mkv", 60059, 1, 1, "ep"),
        (f"{T}Better Call Saul/Season 6/Better Call Saul - S06E13 - Saul Gone.mkv", 60059, 6, 13, "ep1080"),
        ("NAS/video/TV/Breaking Bad/Season 2/Breaking.Bad.S02E10.Over.720p.BluRay.x264-DEMAND.mkv", 1396, 2, 10, "ep"),
        ("NAS/video/TV/Game of Thrones/Season 6/Game.of.Thrones.S06E09.Battle.of.the.Bastards.1080p.BluRay.x264-ROVERS.mkv", 1399, 6, 9, "ep1080"),
    ]:
        ep(path, show, s, e, c, q)


def cat_personal() -> None:
    c = "personal_camera"
    for path, q in [
        ("Phone/DCIM/Camera/VID_20190704_123456.mp4", "phone"),
        ("Phone/DCIM/Camera/VID_20190704_130211.mp4", "phone"),
        ("Phone/DCIM/Camera/VID_20201224_184502.mp4", "phone"),
        ("Phone/DCIM/Camera/PXL_20210815_134501234.mp4", "phone"),
        ("Phone/DCIM/Camera/PXL_20220101_001503321.TS.mp4", "phone"),
        ("Phone/DCIM/Camera/20190512_143022.mp4", "phone"),
        ("Phone/DCIM/100APPLE/IMG_1234.MOV", "phone"),
        ("Phone/DCIM/100APPLE/IMG_1301.MOV", "phone"),
        ("Phone/DCIM/101APPLE/IMG_4821.MOV", "phone"),
        ("USB Drive/GoPro/DCIM/100GOPRO/GOPR0001.MP4", "cam"),
        ("USB Drive/GoPro/DCIM/100GOPRO/GP010001.MP4", "cam"),
        ("USB Drive/GoPro/DCIM/100GOPRO/GH010123.MP4", "cam"),
        ("USB Drive/GoPro/DCIM/100GOPRO/GX010045.MP4", "cam"),
        ("USB Drive/Camera/DCIM/100NIKON/DSC_0001.AVI", "cam"),
        ("USB Drive/Camera/DCIM/100NIKON/DSC_0412.MOV", "cam"),
        ("NAS/video/Home Videos/2014/MVI_4521.MOV", "cam"),
        ("NAS/video/Home Videos/2014/MVI_4522.MOV", "cam"),
        ("NAS/video/Home Videos/2016/P1000234.MOV", "cam"),
        ("NAS/video/Home Videos/2012/AVCHD/BDMV/STREAM/00001.MTS", "cam"),
        ("NAS/video/Home Videos/2012/AVCHD/BDMV/STREAM/00002.MTS", "cam"),
        ("USB Drive/Drone/DJI_0042.MP4", "cam"),
        ("USB Drive/Drone/DJI_0043.MP4", "cam"),
        ("NAS/video/Home Videos/2019/C0001.MP4", "cam"),
        ("Phone/Movies/trim.3F2A1B4C-5D6E-4F70-8A9B-0C1D2E3F4A5B.MOV", "phone"),
        ("Phone/DCIM/Camera/VID_20230318_101500.mp4", "phone"),
        ("NAS/video/Home Videos/2008/MOV00234.MPG", "cam"),
    ]:
        pv(path, c, q)
    c = "personal_app"
    for path, q in [
        ("Downloads/Screen Recording 2021-03-04 at 10.22.11.mov", "screen"),
        ("Phone/DCIM/Screen recordings/Screen_Recording_20210304-102211_Chrome.mp4", "screen"),
        ("Phone/Movies/Screenrecorder-2022-01-12-18-04-33-431.mp4", "screen"),
        ("Phone/WhatsApp/Media/WhatsApp Video/VID-20200101-WA0001.mp4", "phone"),
        ("Phone/WhatsApp/Media/WhatsApp Video/VID-20200214-WA0012.mp4", "phone"),
        ("Downloads/WhatsApp Video 2020-01-01 at 10.11.12.mp4", "phone"),
        ("Downloads/Telegram Desktop/video_2021-02-03_12-34-56.mp4", "phone"),
        ("Downloads/signal-2021-06-01-123456.mp4", "phone"),
        ("NAS/video/Captures/2021-05-06 20-11-43.mkv", "screen"),
        ("NAS/video/Captures/Replay 2021-05-06 20-15-02.mkv", "screen"),
        ("Downloads/Zoom/2020-04-02 10.00.00 Team Standup 123456789/zoom_0.mp4", "screen"),
        ("Downloads/bandicam 2020-03-04 12-13-14-123.mp4", "screen"),
        ("USB Drive/New folder/test.mkv", "screen"),
        ("Downloads/output.mp4", "screen"),
        ("Downloads/untitled.mov", "screen"),
        ("Phone/Movies/InShot_20210101_123456789.mp4", "phone"),
        ("NAS/video/Captures/Halo Infinite 2021.12.10 - 20.15.33.02.DVR.mp4", "screen"),
        ("Downloads/ffmpeg-out.mkv", "screen"),
    ]:
        pv(path, c, q)
    c = "home_video_named"
    for path, q in [
        ("NAS/video/Home Videos/2019/birthday party 2019.mp4", "phone"),
        ("Phone/Movies/wedding.mp4", "phone"),
        ("NAS/video/Home Videos/2017/christmas 2017.mp4", "phone"),
        ("Phone/DCIM/Camera/halloween 2018.mp4", "phone"),
        ("NAS/video/Home Videos/Roma 2018/colosseo.mp4", "phone"),
        ("NAS/video/Home Videos/Roma 2018/trevi fountain.mp4", "phone"),
        ("Phone/Movies/Coco first bath.mp4", "phone"),
        ("Phone/DCIM/Camera/Carrie graduation 2013.mp4", "phone"),
        ("NAS/video/Home Videos/Casablanca 2019/medina walk.mp4", "phone"),
        ("NAS/video/Home Videos/2021/Dune du Pilat 2021.mp4", "phone"),
        ("NAS/video/Home Videos/1996/Fargo trip.avi", "tape"),
        ("Phone/Movies/Joker costume.mp4", "phone"),
        ("NAS/video/Home Videos/2019/Gladiator run 2019.mp4", "phone"),
        ("Phone/DCIM/Camera/us at the beach.mp4", "phone"),
        ("NAS/video/Home Videos/2016/first steps.mp4", "phone"),
        ("NAS/video/Home Videos/2015/school play.mp4", "phone"),
        ("NAS/video/Home Videos/1998/tape 03.avi", "tape"),
        ("USB Drive/Family/Grandpa 80th birthday.mp4", "phone"),
        ("Phone/Movies/titanic exhibition.mp4", "phone"),
    ]:
        pv(path, c, q)


def cat_no_year() -> None:
    """No year anywhere in the path: only well-known films whose exact title is unique in the catalog."""
    c = "no_year"
    for path, tid, q in [
        (f"{U}Drive.avi", 64690, "xvid1"),
        (f"{U}Her.mkv", 152601, "720"),
        (f"{U}Us.mp4", 458723, "web"),
        (f"{U}Rush.mkv", 96721, "720"),
        (f"{U}Heat.avi", 949, "xvid1"),
        ("USB Drive/films/Alien.avi", 348, "xvid1"),
        ("USB Drive/films/Taken.mp4", 8681, "web"),
        (f"{D}Inception.mkv", 27205, "web"),
        (f"{D}Interstellar.mp4", 157336, "web"),
        (f"{N}Pixar/Up.mkv", 14160, "bd"),
        (f"{N}Pixar/Ratatouille.mkv", 2062, "bd"),
        (f"{N}Pixar/Inside Out.mkv", 150540, "bd"),
        ("USB Drive/films/Whiplash.mkv", 244786, "720"),
        ("USB Drive/films/Oppenheimer.mkv", 872585, "web"),
        (f"{M}Zodiac/Zodiac.Directors.Cut.1080p.mkv", 1949, "bd"),
        (f"{D}Parasite.1080p.WEB-DL.mkv", 496243, "web"),
        (f"{D}Everything.Everywhere.All.at.Once.1080p.WEB.h264.mkv", 545611, "web"),
        (f"{U}The Shawshank Redemption.avi", 278, "xvid1"),
    ]:
        mv(path, tid, c, q)


CATEGORIES = [cat_scene, cat_multi_tree, cat_plex, cat_plex_tags, cat_article, cat_original_title, cat_alt_title,
              cat_remake, cat_year_off, cat_year_in_folder, cat_generic, cat_stack, cat_extras, cat_one_word,
              cat_tv_same_name, cat_tv, cat_personal, cat_no_year]  # fmt: skip
# fmt: on


def main() -> None:
    for fn in CATEGORIES:
        fn()
    paths = Counter(r["path"] for r in ROWS)
    dupes = [p for p, n in paths.items() if n > 1]
    assert not dupes, dupes
    counts = Counter(r["category"] for r in ROWS)
    small = {c: n for c, n in counts.items() if n < 15}
    assert not small, small
    with open(OUT, "w", encoding="utf-8") as fh:
        for row in ROWS:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    for cat, n in sorted(counts.items()):
        print(f"{n:4d}  {cat}")
    print(f"{len(ROWS):4d}  rows written to {OUT}")


if __name__ == "__main__":
    main()
