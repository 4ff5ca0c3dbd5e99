"""Real films whose names people write in hard ways, for the local TMDb stand-in.

Sagas with subtitles and parts (Star Wars, Harry Potter, The Hobbit, Kung Fu Panda, Che, Friday the 13th),
numbers and years as titles (2012, 9, 1941, 11:14, 3:10 to Yuma, 50/50, 127 Hours, 20,000 Days on Earth),
titles that hold words taken for tags or system folders (Life of Pi, Home, Movie 43, Gone in 60 Seconds),
and the films of the Radarr and guessit release-name corpora (tests/data/corpora). Titles, years and ids
are TMDb's as best known; popularity and votes are realistic in their order, not exact. Rows use the
documented custom-catalog dict shape (``catalog.py``), with only what the identify pipeline reads.
"""

from __future__ import annotations

from typing import Any


def _f(
    id: int, title: str, date: str, pop: float, votes: int, *alt: str, genres: str = "dra"
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": id, "title": title, "release_date": date, "popularity": pop, "vote_count": votes,
        "vote_average": 7.0, "genres": genres.split(), "runtime": 100,
    }  # fmt: skip
    if alt:
        row["alternative_titles"] = [("US", a) for a in alt]
    return row


# fmt: off
NAMES: list[dict[str, Any]] = [
    # --- sagas: subtitles, episodes and parts ---
    _f(1894, "Star Wars: Episode II - Attack of the Clones", "2002-05-15", 38.4, 13800, "Star Wars: Attack of the Clones", genres="adv act sf"),
    _f(1895, "Star Wars: Episode III - Revenge of the Sith", "2005-05-17", 40.2, 14200, "Star Wars: Revenge of the Sith", genres="adv act sf"),
    _f(181808, "Star Wars: The Last Jedi", "2017-12-13", 44.6, 15300, "Star Wars: Episode VIII - The Last Jedi", genres="adv act sf"),
    _f(330459, "Rogue One: A Star Wars Story", "2016-12-14", 49.7, 16100, genres="act adv sf"),
    _f(348350, "Solo: A Star Wars Story", "2018-05-15", 33.1, 8900, genres="act adv sf"),
    _f(74849, "The Star Wars Holiday Special", "1978-11-17", 6.2, 260, genres="fam sf"),
    _f(674, "Harry Potter and the Goblet of Fire", "2005-11-16", 84.1, 21300, genres="adv fan fam"),
    _f(675, "Harry Potter and the Order of the Phoenix", "2007-06-28", 80.5, 19900, genres="adv fan"),
    _f(767, "Harry Potter and the Half-Blood Prince", "2009-07-07", 81.3, 19600, genres="adv fan"),
    _f(12444, "Harry Potter and the Deathly Hallows: Part 1", "2010-11-17", 85.9, 19700, genres="adv fan"),
    _f(49051, "The Hobbit: An Unexpected Journey", "2012-12-12", 88.2, 17900, "Der Hobbit: Eine unerwartete Reise", genres="adv fan"),
    _f(57158, "The Hobbit: The Desolation of Smaug", "2013-12-11", 76.8, 12900, genres="adv fan"),
    _f(122917, "The Hobbit: The Battle of the Five Armies", "2014-12-10", 80.6, 13600, genres="adv fan act"),
    _f(240, "The Godfather Part II", "1974-12-20", 61.2, 12100, "The Godfather: Part II", genres="dra cri"),
    _f(242, "The Godfather Part III", "1990-12-25", 43.7, 5800, "The Godfather: Part III", genres="dra cri"),
    _f(393, "Kill Bill: Vol. 2", "2004-04-16", 39.8, 12300, "Kill Bill: Volume 2", genres="act cri thr"),
    _f(9502, "Kung Fu Panda", "2008-06-04", 72.4, 10900, genres="ani act fam"),
    _f(15854, "Kung Fu Panda: Secrets of the Furious Five", "2008-11-09", 14.1, 690, genres="ani fam"),
    _f(49444, "Kung Fu Panda 2", "2011-05-25", 61.0, 6900, genres="ani fam"),
    _f(8881, "Che: Part One", "2008-09-05", 12.6, 780, "Che: The Argentine", genres="dra his"),
    _f(8880, "Che: Part Two", "2008-09-05", 11.9, 660, "Che: Guerrilla", genres="dra his"),
    _f(10228, "Pokémon: The First Movie", "1998-07-18", 31.5, 1500, "Pokémon: The First Movie - Mewtwo Strikes Back", genres="ani fam"),
    _f(4488, "Friday the 13th", "1980-05-09", 34.2, 3200, genres="hor"),
    _f(13207, "Friday the 13th", "2009-02-11", 27.8, 2100, genres="hor"),
    _f(9730, "Friday the 13th: The Final Chapter", "1984-04-13", 16.9, 1100, "Friday the 13th Part IV: The Final Chapter", genres="hor"),
    _f(9731, "Friday the 13th: A New Beginning", "1985-03-22", 15.1, 900, "Friday the 13th Part V: A New Beginning", genres="hor"),
    _f(36593, "Naked Gun 33⅓: The Final Insult", "1994-03-18", 20.3, 2000, "Naked Gun 33 1/3: The Final Insult", genres="com cri"),
    _f(177677, "Mission: Impossible - Rogue Nation", "2015-07-23", 45.7, 9100, genres="act adv thr"),
    _f(76338, "Thor: The Dark World", "2013-10-30", 62.4, 16200, genres="act adv fan"),
    _f(173897, "Resident Evil: The Final Chapter", "2016-12-23", 38.7, 5300, genres="act hor sf"),
    _f(316727, "The Purge: Election Year", "2016-06-29", 29.9, 5400, genres="act hor thr"),
    _f(72559, "G.I. Joe: Retaliation", "2013-03-26", 34.9, 6500, genres="act adv sf"),
    _f(209112, "Batman v Superman: Dawn of Justice", "2016-03-23", 63.3, 17800, genres="act adv fan"),
    _f(271110, "Captain America: Civil War", "2016-04-27", 73.6, 21900, genres="adv act sf"),
    _f(246655, "X-Men: Apocalypse", "2016-05-18", 45.2, 12200, genres="act adv sf"),
    _f(363088, "Ant-Man and the Wasp", "2018-07-04", 51.9, 13000, genres="act adv sf"),
    _f(87, "Indiana Jones and the Temple of Doom", "1984-05-23", 41.6, 8900, genres="adv act"),
    _f(496, "Borat: Cultural Learnings of America for Make Benefit Glorious Nation of Kazakhstan", "2006-11-01", 24.8, 6400, "Borat", genres="com"),
    # --- numbers and years as titles ---
    _f(14161, "2012", "2009-10-10", 52.3, 11900, genres="act adv sf"),
    _f(12244, "9", "2009-08-19", 24.7, 3500, genres="ani act sf"),
    _f(11519, "1941", "1979-12-13", 12.0, 820, genres="com war"),
    _f(9282, "11:14", "2003-10-11", 10.4, 920, genres="cri thr"),
    _f(5176, "3:10 to Yuma", "2007-09-06", 26.5, 4300, genres="wes"),
    _f(14168, "3:10 to Yuma", "1957-08-07", 9.1, 420, genres="wes"),
    _f(470, "21 Grams", "2003-09-06", 20.2, 3300, genres="dra cri thr"),
    _f(44115, "127 Hours", "2010-11-12", 32.8, 7700, genres="adv dra"),
    _f(170, "28 Days Later", "2002-10-31", 38.6, 8900, genres="hor thr sf"),
    _f(10468, "28 Days", "2000-04-14", 14.7, 1000, genres="com dra"),
    _f(40807, "50/50", "2011-09-30", 21.4, 4300, genres="com dra"),
    _f(844, "2046", "2004-09-28", 15.9, 1200, genres="dra rom"),
    _f(173, "20,000 Leagues Under the Sea", "1954-12-23", 17.3, 1300, genres="adv fam sf"),
    _f(7840, "10,000 BC", "2008-02-22", 29.4, 3900, genres="adv act dra"),
    _f(246400, "20,000 Days on Earth", "2014-09-17", 6.8, 150, genres="doc mus"),
    _f(65851, "Jackass 3.5", "2011-06-14", 9.3, 310, genres="com doc"),
    _f(14158, "Jackass 2.5", "2007-12-18", 8.1, 260, genres="com doc"),
    _f(9358, "Final Destination 2", "2003-01-31", 36.1, 4300, genres="hor mys"),
    _f(55779, "Final Destination 5", "2011-08-12", 37.7, 3800, genres="hor mys"),
    _f(9679, "Gone in 60 Seconds", "2000-06-09", 35.4, 4700, genres="act cri thr"),
    _f(16246, "Gone in 60 Seconds", "1974-07-28", 8.7, 220, genres="act cri"),
    _f(19913, "(500) Days of Summer", "2009-07-17", 30.6, 9700, genres="com dra rom"),
    _f(159117, "V/H/S/2", "2013-06-06", 13.9, 1100, genres="hor thr"),
    # --- words taken for tags or folders ---
    _f(87827, "Life of Pi", "2012-11-20", 45.5, 13300, genres="adv dra"),
    _f(228161, "Home", "2015-03-18", 44.7, 4300, genres="ani com fam"),
    _f(62320, "Home", "2009-06-05", 11.8, 900, genres="doc"),
    _f(87818, "Movie 43", "2013-01-24", 19.7, 2600, genres="com"),
    _f(162, "Edward Scissorhands", "1990-12-05", 44.3, 12800, genres="fan dra rom"),
    _f(2277, "Bicentennial Man", "1999-12-17", 28.2, 3700, genres="sf dra fam"),
    _f(17809, "Fist of Legend", "1994-12-22", 15.8, 400, genres="act"),
    _f(4291, "Kikujiro", "1999-06-05", 13.4, 800, genres="com dra"),
    _f(70981, "Prometheus", "2012-05-30", 56.4, 11900, genres="hor sf adv"),
    # --- films of the release-name corpora ---
    _f(203801, "The Man from U.N.C.L.E.", "2015-08-13", 35.8, 7600, genres="act com adv"),
    _f(49524, "R.I.P.D.", "2013-07-18", 26.6, 3900, genres="fan act com"),
    _f(9846, "To Live and Die in L.A.", "1985-11-01", 13.3, 680, genres="act cri thr"),
    _f(644, "A.I. Artificial Intelligence", "2001-06-29", 30.1, 6000, genres="dra sf adv"),
    _f(72190, "World War Z", "2013-06-20", 52.9, 16700, genres="act dra hor sf"),
    _f(59859, "Kick-Ass 2", "2013-07-17", 30.2, 6100, genres="act adv cri"),
    _f(187, "Sin City", "2005-04-01", 37.1, 8500, genres="thr cri"),
    _f(44896, "Rango", "2011-03-02", 38.4, 5600, genres="ani com fam wes"),
    _f(297761, "Suicide Squad", "2016-08-02", 68.3, 21000, genres="act adv fan"),
    _f(37834, "Knight and Day", "2010-06-15", 24.6, 4300, genres="act com"),
    _f(9323, "Ghost in the Shell", "1995-11-18", 33.0, 3500, genres="ani act sf"),
    _f(315837, "Ghost in the Shell", "2017-03-29", 27.6, 8200, genres="act dra sf"),
    _f(4954, "Drop Zone", "1994-12-09", 10.2, 300, genres="act thr"),
    _f(260346, "Taken 3", "2014-12-16", 40.6, 6800, "96 Hours - Taken 3", genres="thr act"),
    _f(75656, "Now You See Me", "2013-05-29", 42.1, 15300, "Die Unfassbaren - Now You See Me", genres="thr cri"),
    _f(34544, "The A-Team", "2010-06-09", 30.0, 5200, "Das A-Team - Der Film", genres="thr act adv com"),
    _f(76170, "The Wolverine", "2013-07-23", 38.3, 9300, "Wolverine: Weg des Kriegers", genres="act sf adv"),
    _f(1878, "Fear and Loathing in Las Vegas", "1998-05-22", 24.4, 4300, genres="adv dra com"),
    _f(2666, "Dark City", "1998-02-27", 19.1, 2100, genres="mys sf thr"),
    _f(34647, "Enter the Void", "2009-09-16", 16.7, 1300, genres="dra fan"),
    _f(1542, "Office Space", "1999-02-19", 19.6, 3000, genres="com cri"),
    _f(11631, "Mamma Mia!", "2008-07-02", 34.5, 6400, genres="com rom"),
    _f(17431, "Moon", "2009-06-12", 26.0, 5600, genres="sf dra"),
    _f(1366, "Rocky", "1976-11-21", 43.9, 7200, genres="dra"),
    _f(269149, "Zootopia", "2016-02-11", 87.4, 15700, genres="ani adv fam com"),
    _f(293660, "Deadpool", "2016-02-09", 80.3, 29600, genres="act adv com"),
    _f(286217, "The Martian", "2015-09-30", 55.1, 19100, genres="dra adv sf"),
    _f(259316, "Fantastic Beasts and Where to Find Them", "2016-11-16", 59.4, 18700, genres="adv fan"),
    _f(278927, "The Jungle Book", "2016-04-07", 41.2, 6700, genres="fam adv dra fan"),
    _f(295693, "The Boss Baby", "2017-03-23", 60.7, 6700, genres="ani com fam"),
    _f(324786, "Hacksaw Ridge", "2016-10-07", 41.8, 12400, genres="dra his war"),
    _f(788, "Mrs. Doubtfire", "1993-11-24", 36.2, 6600, genres="com dra fam"),
    _f(641, "Requiem for a Dream", "2000-10-06", 30.8, 9000, genres="cri dra"),
    _f(2640, "Heathers", "1989-03-31", 17.1, 1500, genres="com cri"),
    _f(9549, "The Right Stuff", "1983-10-20", 14.6, 900, genres="dra his"),
    _f(259694, "How to Be Single", "2016-01-21", 21.9, 3900, genres="com rom"),
    _f(68726, "Pacific Rim", "2013-07-11", 45.6, 11400, genres="act sf adv"),
    _f(2011, "Persepolis", "2007-06-27", 17.9, 2200, genres="ani dra"),
    _f(68, "Brazil", "1985-02-20", 20.4, 2900, genres="com sf"),
    _f(11020, "Picnic at Hanging Rock", "1975-08-08", 12.8, 700, genres="dra mys"),
    _f(3176, "Battle Royale", "2000-12-16", 29.8, 3500, genres="dra thr act"),
    _f(4247, "Scary Movie", "2000-07-07", 41.5, 7700, genres="com"),
    _f(473033, "Uncut Gems", "2019-12-13", 29.7, 5500, genres="cri dra thr"),
]
# fmt: on
