"""Hand-written facts about real TV shows, and the TMDb person ids we know, for the local TMDb stand-in.

Same-named pairs (Doctor Who 1963/2005, The Office UK/US, ...) exercise a matcher's year and country
handling. Seasons are written as ``"YYYY-MM-DD/episode_count"`` tokens in order from season 1; ``specials``
is season 0 in the same form. Episodes air weekly from the season's date, or on the ``weekdays`` given
(``"0123"``: Monday to Thursday, as talk shows do), one a day, skipping the other days.
The shows after ``SHOWS`` (``TV_SHOWS``) are the TV library's hard cases: daily shows, anime numbered
absolutely across seasons, numbers inside titles, miniseries and specials.
TMDb/TVDB ids of the well-known shows are real; the ones marked ``# id?`` are best guesses.
TV genre codes: aa (Action & Adventure) ani com cri doc dra fam kids mys sff (Sci-Fi & Fantasy) war wes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def _s(
    id: int,
    name: str,
    imdb: str,
    tvdb: int | None,
    pop: float,
    vote: float,
    votes: int,
    genres: str,
    network: str,
    creators: str,
    seasons: str,
    overview: str,
    **kw: Any,
) -> dict[str, Any]:
    """One show row -> a custom-catalog show dict (keyword extras: ol, on, country, episodes, status, alt)."""
    tokens = [(n, t) for n, t in enumerate(seasons.split(), start=1)]
    if kw.get("specials"):
        tokens.insert(0, (0, kw["specials"]))
    season_list = []
    for number, token in tokens:
        air_date, count = token.split("/")
        season = {"season_number": number, "air_date": air_date, "episode_count": int(count)}
        if kw.get("weekdays") and number > 0:
            season["weekdays"] = kw["weekdays"]
        season_list.append(season)
    by_number = {s["season_number"]: s for s in season_list}
    for (season, episode), title in kw.get("episodes", {}).items():
        by_number[season].setdefault("episode_names", {})[episode] = title
    return {
        "id": id,
        "name": name,
        "original_name": kw.get("on", name),
        "original_language": kw.get("ol", "en"),
        "origin_country": [kw.get("country", "US")],
        "first_air_date": by_number[1]["air_date"],
        "popularity": pop,
        "vote_average": vote,
        "vote_count": votes,
        "genres": genres.split(),
        "networks": [network],
        "created_by": [c for c in creators.split("|") if c],
        "seasons": season_list,
        "overview": overview,
        "status": kw.get("status", "Ended"),
        "external_ids": {"imdb_id": imdb, "tvdb_id": tvdb},
        "alternative_titles": list(kw.get("alt", [])),
    }


# fmt: off
SHOWS: list[dict[str, Any]] = [
    _s(121, "Doctor Who", "tt0056751", 76107, 45.2, 7.6, 580, "aa dra sff", "BBC One", "Sydney Newman", "1963-11-23/42 1964-10-31/39 1965-09-11/45 1966-09-10/43 1967-09-02/40 1968-08-10/44 1970-01-03/25 1971-01-02/25 1972-01-01/26 1972-12-30/26 1973-12-15/26 1974-12-28/20 1975-08-30/26 1976-09-04/26 1977-09-03/26 1978-09-02/26 1979-09-01/20 1980-08-30/28 1982-01-04/26 1983-01-03/22 1984-01-05/24 1985-01-05/13 1986-09-06/14 1987-09-07/14 1988-10-05/14 1989-09-06/14", "A time-travelling alien known as the Doctor explores the universe in a ship shaped like a police box.", country="GB", episodes={(1, 1): "An Unearthly Child", (1, 2): "The Cave of Skulls", (1, 3): "The Forest of Fear", (1, 4): "The Firemaker"}),
    _s(57243, "Doctor Who", "tt0436992", 78804, 160.4, 7.5, 3100, "aa dra sff", "BBC One", "Russell T Davies", "2005-03-26/13 2006-04-15/13 2007-03-31/13 2008-04-05/13 2010-04-03/13 2011-04-23/13 2012-09-01/13 2014-08-23/12 2015-09-19/12 2017-04-15/12 2018-10-07/10 2020-01-01/10 2021-10-31/6", "The Doctor, a Time Lord from Gallifrey, travels through time and space with human companions.", country="GB", episodes={(1, 1): "Rose", (1, 2): "The End of the World", (1, 3): "The Unquiet Dead"}),
    _s(2654, "The Office", "tt0290978", 78107, 22.6, 7.8, 1100, "com", "BBC Two", "Ricky Gervais|Stephen Merchant", "2001-07-09/6 2002-09-30/6", "A mockumentary about the staff of a Slough paper merchant and their deluded manager David Brent.", country="GB", episodes={(1, 1): "Downsize", (1, 2): "Work Experience"}, alt=[("US", "The Office (UK)")]),
    _s(2316, "The Office", "tt0386676", 73244, 210.7, 8.6, 4300, "com", "NBC", "Greg Daniels", "2005-03-24/6 2005-09-20/22 2006-09-21/25 2007-09-27/19 2008-09-25/28 2009-09-17/26 2010-09-23/26 2011-09-22/24 2012-09-20/23", "A mockumentary about the employees of the Scranton branch of the Dunder Mifflin paper company.", episodes={(1, 1): "Pilot", (1, 2): "Diversity Day", (1, 3): "Health Care"}, alt=[("US", "The Office (US)"), ("US", "The Office: An American Workplace")]),
    _s(501, "Battlestar Galactica", "tt0076984", 71173, 18.4, 7.1, 210, "aa sff dra", "ABC", "Glen A. Larson", "1978-09-17/21", "The survivors of the twelve colonies of man flee the Cylons aboard the last battlestar.", episodes={(1, 1): "Saga of a Star World"}),
    _s(1972, "Battlestar Galactica", "tt0407362", 73545, 49.7, 8.2, 1500, "aa dra sff", "Syfy", "Ronald D. Moore", "2004-10-18/13 2005-07-15/20 2006-10-06/20 2008-04-04/20", "After a Cylon attack destroys the colonies, a ragtag fleet searches for the mythical planet Earth.", episodes={(1, 1): "33", (1, 2): "Water", (1, 3): "Bastille Day"}, alt=[("US", "BSG")]),
    _s(1906, "Shameless", "tt0377260", 77137, 19.8, 7.4, 250, "com dra", "Channel 4", "Paul Abbott", "2004-01-13/7 2005-01-04/9 2006-01-03/9 2007-01-09/16 2008-01-08/16 2009-01-13/22 2010-01-26/16 2011-01-18/22 2011-11-15/14 2012-02-21/16 2013-02-05/9", "The chaotic Gallagher family and their neighbours survive on a Manchester council estate.", country="GB"),  # id?
    _s(34307, "Shameless", "tt1586680", 161511, 190.3, 8.2, 2600, "dra com", "Showtime", "Paul Abbott|John Wells", "2011-01-09/12 2012-01-08/12 2013-01-13/12 2014-01-12/12 2015-01-11/12 2016-01-10/12 2016-10-02/12 2017-11-05/12 2018-09-09/14 2019-11-10/12 2020-12-06/12", "Frank Gallagher's six children raise themselves on Chicago's South Side while he drinks.", alt=[("US", "Shameless (US)")]),
    _s(38549, "House of Cards", "tt0098825", 78005, 9.6, 7.7, 120, "dra", "BBC One", "Andrew Davies", "1990-11-18/4 1993-11-07/4 1995-11-05/4", "A scheming Conservative chief whip plots his way to Downing Street.", country="GB"),  # id?
    _s(1425, "House of Cards", "tt1856010", 262980, 61.2, 7.6, 2600, "dra", "Netflix", "Beau Willimon", "2013-02-01/13 2014-02-14/13 2015-02-27/13 2016-03-04/13 2017-05-30/13 2018-11-02/8", "A ruthless congressman and his wife scheme their way to the presidency.", status="Ended", episodes={(1, 1): "Chapter 1", (1, 2): "Chapter 2"}),
    _s(1981, "Charmed", "tt0158552", 70626, 115.6, 8.2, 2500, "dra sff", "The WB", "Constance M. Burge", "1998-10-07/22 1999-09-30/22 2000-10-05/22 2001-10-04/22 2002-09-22/23 2003-09-28/23 2004-09-26/22 2005-09-25/22", "Three sisters discover they are witches destined to protect innocents from demons.", episodes={(1, 1): "Something Wicca This Way Comes"}),
    _s(80587, "Charmed", "tt6394324", 349273, 36.5, 6.9, 900, "dra sff", "The CW", "Jessica O'Toole|Amy Rardin", "2018-10-14/22 2020-01-24/13 2021-03-14/16 2022-03-25/13", "Three sisters in a college town discover they are powerful witches.", alt=[("US", "Charmed (2018)")]),  # id?
    _s(3394, "Skins", "tt0840196", 79773, 28.1, 7.8, 700, "dra", "E4", "Bryan Elsley|Jamie Brittain", "2007-01-25/9 2008-02-11/10 2009-01-22/8 2010-01-28/8 2011-01-27/8 2012-01-23/10 2013-07-01/6", "Bristol teenagers navigate sex, drugs and growing up through sixth form.", country="GB", alt=[("GB", "Skins UK")]),  # id?
    _s(33932, "Skins", "tt1508290", 190241, 8.9, 5.9, 160, "dra", "MTV", "Bryan Elsley", "2011-01-17/10", "An American remake following a group of Baltimore teenagers.", alt=[("US", "Skins (US)")]),  # id?
    _s(1553, "Queer as Folk", "tt0185046", 76235, 11.4, 7.7, 150, "dra", "Channel 4", "Russell T Davies", "1999-02-23/8 2000-02-22/2", "Three gay men live and love around Manchester's Canal Street.", country="GB"),  # id?
    _s(1557, "Queer as Folk", "tt0262985", 73237, 35.9, 8.1, 600, "dra", "Showtime", "Ron Cowen|Daniel Lipman", "2000-12-03/22 2002-01-06/20 2003-03-02/14 2004-04-18/14 2005-05-22/13", "A group of gay friends in Pittsburgh navigate relationships, careers and family.", alt=[("US", "Queer as Folk (US)")]),  # id?
    _s(2371, "Magnum, P.I.", "tt0080240", 74380, 27.8, 7.5, 400, "aa cri dra", "CBS", "Donald P. Bellisario|Glen A. Larson", "1980-12-11/18 1981-10-08/22 1982-09-30/22 1983-09-29/22 1984-09-27/22 1985-09-28/22 1986-10-01/22 1987-09-30/13", "A former Navy SEAL works as a private investigator while living on a Hawaiian estate.", alt=[("US", "Magnum PI")]),  # id?
    _s(78191, "Magnum P.I.", "tt7942794", 351015, 61.4, 7.8, 900, "aa cri dra", "CBS", "Peter M. Lenkov|Eric Guggenheim", "2018-09-24/20 2019-09-27/20 2020-12-04/16 2021-09-24/20 2023-02-19/20", "A decorated ex-Navy SEAL turns his military skills into a private investigation business in Hawaii.", alt=[("US", "Magnum PI")]),  # id?
    _s(1732, "MacGyver", "tt0088559", 77847, 39.0, 7.2, 650, "aa cri", "ABC", "Lee David Zlotoff", "1985-09-29/22 1986-09-22/22 1987-09-21/20 1988-10-31/19 1989-09-18/21 1990-09-17/21 1991-09-16/14", "A resourceful secret agent solves problems with science and a Swiss Army knife instead of a gun."),  # id?
    _s(67133, "MacGyver", "tt4955642", 311902, 63.3, 7.3, 1500, "aa dra", "CBS", "Peter M. Lenkov", "2016-09-23/21 2017-09-29/23 2018-09-28/22 2020-02-07/13 2020-12-04/15", "A young agent of a clandestine organisation uses ingenuity to save lives.", alt=[("US", "MacGyver (2016)")]),
    _s(1396, "Breaking Bad", "tt0903747", 81189, 298.9, 8.9, 13500, "dra cri", "AMC", "Vince Gilligan", "2008-01-20/7 2009-03-08/13 2010-03-21/13 2011-07-17/13 2012-07-15/16", "A chemistry teacher diagnosed with cancer turns to making methamphetamine to provide for his family.", episodes={(1, 1): "Pilot", (1, 2): "Cat's in the Bag...", (1, 3): "...And the Bag's in the River", (5, 16): "Felina"}),
    _s(1399, "Game of Thrones", "tt0944947", 121361, 346.1, 8.4, 21400, "sff dra aa", "HBO", "David Benioff|D. B. Weiss", "2011-04-17/10 2012-04-01/10 2013-03-31/10 2014-04-06/10 2015-04-12/10 2016-04-24/10 2017-07-16/7 2019-04-14/6", "Seven noble families fight for control of the mythical land of Westeros.", episodes={(1, 1): "Winter Is Coming", (1, 2): "The Kingsroad", (1, 3): "Lord Snow", (8, 6): "The Iron Throne"}, alt=[("FR", "Le Trône de fer")]),
    _s(1668, "Friends", "tt0108778", 79168, 250.3, 8.4, 7300, "com", "NBC", "David Crane|Marta Kauffman", "1994-09-22/24 1995-09-21/24 1996-09-19/25 1997-09-25/24 1998-09-24/24 1999-09-23/25 2000-10-12/24 2001-09-27/24 2002-09-26/24 2003-09-25/18", "Six young friends navigate life and love in New York City.", episodes={(1, 1): "The One Where Monica Gets a Roommate", (1, 2): "The One with the Sonogram at the End"}),
    _s(1438, "The Wire", "tt0306414", 79126, 62.1, 8.6, 2400, "cri dra", "HBO", "David Simon", "2002-06-02/13 2003-06-01/12 2004-09-19/12 2006-09-10/13 2008-01-06/10", "Baltimore's drug scene seen through the eyes of dealers and the police who pursue them.", episodes={(1, 1): "The Target"}),
    _s(19885, "Sherlock", "tt1475582", 176941, 95.2, 8.5, 5200, "cri dra mys", "BBC One", "Mark Gatiss|Steven Moffat", "2010-07-25/3 2012-01-01/3 2014-01-01/3 2017-01-01/3", "A modern update finds the famous sleuth and his doctor partner solving crime in 21st-century London.", country="GB", episodes={(1, 1): "A Study in Pink", (1, 2): "The Blind Banker", (1, 3): "The Great Game"}),
    _s(1398, "The Sopranos", "tt0141842", 75299, 110.5, 8.6, 2600, "dra", "HBO", "David Chase", "1999-01-10/13 2000-01-16/13 2001-03-04/13 2002-09-15/13 2004-03-07/13 2006-03-12/21", "New Jersey mob boss Tony Soprano balances his crime family with his own family and therapy.", episodes={(1, 1): "The Sopranos"}),
    _s(66732, "Stranger Things", "tt4574334", 305288, 215.4, 8.6, 17500, "dra sff mys", "Netflix", "Matt Duffer|Ross Duffer", "2016-07-15/8 2017-10-27/9 2019-07-04/8 2022-05-27/9", "When a boy vanishes, a small town uncovers secret experiments and a strange girl.", status="Returning Series", episodes={(1, 1): "Chapter One: The Vanishing of Will Byers"}),
    _s(70523, "Dark", "tt5753856", 334824, 58.2, 8.4, 6600, "cri dra sff mys", "Netflix", "Baran bo Odar|Jantje Friese", "2017-12-01/10 2019-06-21/8 2020-06-27/8", "A missing child sets four families on a search that reveals a time-travel conspiracy spanning generations.", ol="de", on="Dark", country="DE", episodes={(1, 1): "Secrets"}),
    _s(71446, "Money Heist", "tt6468322", 327417, 83.8, 8.2, 18900, "cri dra", "Netflix", "Álex Pina", "2017-05-02/15 2019-07-19/16 2021-09-03/10", "A criminal mastermind called the Professor plans the biggest heist in Spanish history.", ol="es", on="La casa de papel", country="ES", alt=[("ES", "La casa de papel")]),
    _s(93405, "Squid Game", "tt10919420", 383275, 107.9, 7.8, 14800, "aa mys dra", "Netflix", "Hwang Dong-hyuk", "2021-09-17/9", "Hundreds of cash-strapped players compete in deadly children's games for a huge prize.", ol="ko", on="오징어 게임", country="KR", status="Returning Series", episodes={(1, 1): "Red Light, Green Light"}),
    _s(19614, "It", "tt0099864", 79452, 28.6, 6.8, 1500, "dra mys sff", "ABC", "", "1990-11-18/2", "A group of friends reunite in Derry to face the shape-shifting evil they fought as children.", alt=[("US", "Stephen King's It")]),  # id?
    _s(60059, "Better Call Saul", "tt3032476", 273181, 89.6, 8.7, 5000, "cri dra", "AMC", "Vince Gilligan|Peter Gould", "2015-02-08/10 2016-02-15/10 2017-04-10/10 2018-08-06/10 2020-02-23/10 2022-04-18/13", "Small-time lawyer Jimmy McGill slowly becomes the criminal attorney Saul Goodman.", episodes={(1, 1): "Uno"}),
]
# fmt: on


def _yearly(first: int, last: int, month: int, day: int, count: int, weekday: int = 0) -> str:
    """Season tokens for a show with one season a year, each starting on the first ``weekday`` on or after
    ``month``/``day``: "1996-07-22/150 1997-01-06/150 ..." (the first season's date is given by the caller)."""
    out = []
    for year in range(first, last + 1):
        start = dt.date(year, month, day)
        start += dt.timedelta(days=(weekday - start.weekday()) % 7)
        out.append(f"{start.isoformat()}/{count}")
    return " ".join(out)


_BAND_OF_BROTHERS = ["Currahee", "Day of Days", "Carentan", "Replacements", "Crossroads", "Bastogne",
                     "The Breaking Point", "The Last Patrol", "Why We Fight", "Points"]  # fmt: skip

# fmt: off
TV_SHOWS: list[dict[str, Any]] = [
    # Daily and weekly talk shows, named by air date.
    _s(2224, "The Daily Show", "tt0115147", 71256, 40.1, 6.8, 700, "com", "Comedy Central", "Lizz Winstead|Madeleine Smithberg", "1996-07-22/80 " + _yearly(1997, 2024, 1, 6, 150), "A late-night satirical news programme.", weekdays="0123", status="Returning Series", alt=[("US", "The Daily Show with Jon Stewart"), ("US", "The Daily Show with Trevor Noah")]),
    _s(59941, "The Tonight Show Starring Jimmy Fallon", "tt3444938", 270262, 35.2, 6.2, 400, "com", "NBC", "", "2014-02-17/120 " + _yearly(2014, 2023, 9, 8, 160), "Jimmy Fallon hosts the long-running late-night talk show.", weekdays="01234", status="Returning Series", alt=[("US", "Jimmy Fallon")]),
    _s(2912, "Jeopardy!", "tt0159881", 72419, 60.3, 7.2, 300, "fam", "Syndication", "Merv Griffin", _yearly(1984, 2024, 9, 10, 225), "Contestants answer trivia clues phrased as answers, in the form of a question.", weekdays="01234", status="Returning Series"),
    _s(60694, "Last Week Tonight with John Oliver", "tt3530232", 278518, 28.7, 8.0, 900, "com", "HBO", "John Oliver", "2014-04-27/24 2015-02-08/35 2016-02-14/30 2017-02-12/30 2018-02-18/30 2019-02-17/30 2020-02-16/30", "John Oliver's satirical look at the week in news, politics and current events.", status="Returning Series"),
    _s(63770, "The Late Show with Stephen Colbert", "tt3697842", 289574, 30.5, 6.5, 350, "com", "CBS", "", "2015-09-08/150 2016-09-06/150 2017-09-05/150 2018-09-04/150 2019-09-03/150", "Stephen Colbert brings his wit to late-night television.", weekdays="01234", status="Returning Series"),
    # Anime numbered absolutely across TMDb's seasons.
    _s(37854, "One Piece", "tt0388629", 81797, 140.6, 8.7, 4800, "ani aa com", "Fuji TV", "Eiichiro Oda", "1999-10-20/61 2001-03-07/16 2001-07-11/14 2001-10-31/39 2002-11-17/13 2003-03-02/52 2004-06-20/33 2005-04-17/35 2006-01-08/73 2007-07-01/45 2008-06-08/26 2009-01-11/14 2009-04-19/101 2011-04-02/58 2013-01-13/62 2014-07-06/50 2015-07-05/118 2017-11-05/33 2018-07-01/98 2020-01-19/195 2024-01-07/80", "Monkey D. Luffy sets off to find the legendary treasure One Piece and become King of the Pirates.", ol="ja", on="ワンピース", country="JP", status="Returning Series", specials="2000-12-20/20"),
    _s(31910, "Naruto Shippūden", "tt0988824", 79824, 95.5, 8.5, 6500, "ani aa com", "TV Tokyo", "Masashi Kishimoto", "2007-02-15/32 2007-10-11/21 2008-03-13/18 2008-07-17/17 2008-11-13/24 2009-04-30/31 2009-12-03/8 2010-01-21/24 2010-07-15/21 2010-12-09/25 2011-06-09/19 2011-10-20/12 2012-01-12/20 2012-06-07/25 2012-12-06/28 2013-06-27/13 2013-10-03/9 2013-12-05/21 2014-06-05/20 2014-11-13/33 2015-07-16/79", "Naruto returns from training to face the Akatsuki.", ol="ja", on="NARUTO -ナルト- 疾風伝", country="JP", alt=[("US", "Naruto Shippuden"), ("JP", "Naruto Shippuuden")]),
    _s(1429, "Attack on Titan", "tt2560140", 267440, 120.4, 8.7, 6100, "ani aa sff", "MBS", "Hajime Isayama", "2013-04-07/25 2017-04-01/12 2018-07-23/22 2020-12-07/30", "Humanity lives behind enormous walls that protect it from man-eating Titans.", ol="ja", on="進撃の巨人", country="JP", alt=[("JP", "Shingeki no Kyojin")], specials="2013-12-09/8"),
    _s(30984, "Bleach", "tt0434665", 74796, 88.1, 8.3, 2100, "ani aa sff", "TV Tokyo", "Tite Kubo", "2004-10-05/20 2005-03-01/21 2005-07-26/22 2006-01-10/28 2006-08-01/21 2006-12-19/20 2007-05-08/21 2007-10-02/17 2008-02-05/22 2008-07-15/14 2008-11-04/10 2009-01-13/21 2009-06-16/38 2010-03-17/51 2011-03-15/27 2011-09-27/32 2022-10-11/26", "Ichigo Kurosaki gains the powers of a Soul Reaper.", ol="ja", on="BLEACH", country="JP"),
    _s(85937, "Demon Slayer: Kimetsu no Yaiba", "tt9335498", 348545, 150.7, 8.7, 6700, "ani aa sff", "Tokyo MX", "Koyoharu Gotouge", "2019-04-06/26 2021-10-10/18 2023-04-09/11 2024-05-12/8", "Tanjiro becomes a demon slayer after his family is slaughtered and his sister turned into a demon.", ol="ja", on="鬼滅の刃", country="JP", alt=[("JP", "Kimetsu no Yaiba")]),
    _s(65930, "My Hero Academia", "tt5626028", 305074, 110.2, 8.5, 4700, "ani aa sff", "MBS", "Kohei Horikoshi", "2016-04-03/13 2017-04-01/25 2018-04-07/25 2019-10-12/25 2021-03-27/25 2022-10-01/25 2024-05-04/21", "In a world where most people have superpowers, a powerless boy dreams of becoming a hero.", ol="ja", on="僕のヒーローアカデミア", country="JP", alt=[("JP", "Boku no Hero Academia")]),
    _s(209867, "Frieren: Beyond Journey's End", "tt22248376", 424536, 95.3, 8.9, 800, "ani aa sff", "Nippon TV", "Kanehito Yamada", "2023-09-29/28", "An elf mage outlives her companions and learns what their journey meant.", ol="ja", on="葬送のフリーレン", country="JP", alt=[("JP", "Sousou no Frieren"), ("US", "Frieren")]),  # id?
    _s(67075, "Mob Psycho 100", "tt5897304", 307000, 60.2, 8.5, 1900, "ani aa com", "Tokyo MX", "ONE", "2016-07-12/12 2019-01-08/13 2022-10-06/12", "A psychic middle schooler tries to live a normal life.", ol="ja", on="モブサイコ100", country="JP"),  # id?
    _s(100565, "86 EIGHTY-SIX", "tt13718450", 378609, 35.4, 8.1, 600, "ani aa sff", "Tokyo MX", "Asato Asato", "2021-04-11/23", "The Republic fights a war with drones piloted by the ones it calls the Eighty-Six.", ol="ja", on="86―エイティシックス―", country="JP", alt=[("US", "86"), ("JP", "Eighty Six")]),  # id?
    _s(46261, "Fairy Tail", "tt1528406", 114801, 90.1, 8.2, 2300, "ani aa com", "TV Tokyo", "Hiro Mashima", "2009-10-12/48 2010-10-09/48 2011-10-08/54 2012-09-29/25 2014-04-05/51 2015-04-04/51 2018-10-07/51", "Natsu and the wizards of the Fairy Tail guild take on jobs and dark guilds.", ol="ja", on="FAIRY TAIL", country="JP"),
    _s(225634, "Fairy Tail: 100 Years Quest", "tt31215880", 440170, 40.7, 7.9, 150, "ani aa com", "TV Tokyo", "Hiro Mashima", "2024-07-07/25", "Natsu's team takes on the hundred-year quest no one has ever completed.", ol="ja", on="FAIRY TAIL 100年クエスト", country="JP"),  # id?
    _s(46298, "Hunter x Hunter", "tt2098220", 252322, 100.9, 8.9, 2100, "ani aa sff", "Nippon TV", "Yoshihiro Togashi", "2011-10-02/26 2012-04-01/49 2013-03-10/73", "Gon sets out to become a Hunter and find his father.", ol="ja", on="HUNTER×HUNTER", country="JP"),
    _s(95479, "Jujutsu Kaisen", "tt12343534", 377543, 130.5, 8.6, 3400, "ani aa sff", "MBS", "Gege Akutami", "2020-10-03/24 2023-07-06/23", "A boy swallows a cursed talisman and joins a school of sorcerers.", ol="ja", on="呪術廻戦", country="JP"),
    _s(12971, "Dragon Ball Z", "tt0214341", 81472, 110.8, 8.3, 3500, "ani aa sff", "Fuji TV", "Akira Toriyama", "1989-04-26/39 1990-03-14/35 1990-11-07/33 1991-06-19/32 1992-02-05/28 1992-08-19/29 1993-02-24/25 1993-08-11/34 1994-04-27/36", "Goku and his friends defend the Earth from ever stronger foes.", ol="ja", on="ドラゴンボールZ", country="JP"),
    # Numbers inside titles, and a remake told apart by its year.
    _s(1973, "24", "tt0285331", 76290, 70.4, 7.8, 2300, "aa cri dra", "FOX", "Joel Surnow|Robert Cochran", "2001-11-06/24 2002-10-29/24 2004-10-28/24 2005-01-09/24 2006-01-15/24 2007-01-14/24 2009-01-11/24 2010-01-17/24 2014-05-05/12", "Counter-terrorist agent Jack Bauer races the clock, one hour a episode.", alt=[("US", "24: Live Another Day")], specials="2008-11-23/1"),
    _s(75219, "9-1-1", "tt7235466", 339468, 180.3, 8.2, 1700, "aa dra", "FOX", "Ryan Murphy|Brad Falchuk|Tim Minear", "2018-01-03/10 2018-09-24/18 2019-09-23/18 2021-01-18/14 2021-09-20/18 2022-09-19/18 2024-03-14/10", "First responders face frightening and heart-stopping situations.", status="Returning Series", alt=[("US", "911")]),
    _s(89393, "9-1-1: Lone Star", "tt10323338", 364093, 90.7, 7.9, 700, "aa dra", "FOX", "Ryan Murphy|Brad Falchuk|Tim Minear", "2020-01-19/10 2021-01-18/14 2022-01-04/18 2023-04-18/13 2024-09-23/12", "A New York firefighter rebuilds a firehouse in Austin.", alt=[("US", "911 Lone Star")]),
    _s(157744, "1923", "tt19850008", 419347, 60.1, 8.3, 900, "dra wes", "Paramount+", "Taylor Sheridan", "2022-12-18/8 2025-02-23/7", "The Duttons face drought, depression and Prohibition in early twentieth-century Montana.", status="Ended"),
    _s(118357, "1883", "tt13991232", 403245, 55.4, 8.6, 1200, "dra wes", "Paramount+", "Taylor Sheridan", "2021-12-19/10", "The Dutton family journeys west through the Great Plains.", status="Ended"),
    _s(48866, "The 100", "tt2661044", 268592, 110.6, 7.8, 8200, "sff dra", "The CW", "Jason Rothenberg", "2014-03-19/13 2014-10-22/16 2016-01-21/16 2017-02-01/13 2018-04-24/13 2019-04-30/13 2020-05-20/16", "A hundred juvenile delinquents are sent to a ravaged Earth.", alt=[("US", "The Hundred")]),
    _s(4608, "30 Rock", "tt0496424", 79488, 40.3, 7.6, 1400, "com", "NBC", "Tina Fey", "2006-10-11/21 2007-10-04/15 2008-10-30/22 2009-10-15/22 2010-09-23/23 2012-01-12/22 2012-10-04/13", "A head writer juggles a sketch show, its stars and her network boss."),
    _s(64464, "11.22.63", "tt2879552", 301824, 30.2, 7.8, 1700, "dra sff mys", "Hulu", "Bridget Carpenter", "2016-02-15/8", "A teacher travels back in time to stop the assassination of President Kennedy.", alt=[("US", "11/22/63")]),
    _s(3137, "Babylon 5", "tt0105946", 70726, 40.5, 8.1, 600, "sff dra", "PTEN", "J. Michael Straczynski", "1994-01-26/22 1994-11-02/22 1995-11-04/22 1996-11-04/22 1998-01-21/22", "A space station becomes the focus of interstellar politics.", specials="1993-02-22/1"),
    _s(61550, "12 Monkeys", "tt3148266", 281536, 45.3, 7.6, 1400, "sff dra mys", "Syfy", "Terry Matalas|Travis Fickett", "2015-01-16/13 2016-04-18/13 2017-05-19/10 2018-06-15/11", "A time traveller from a plague-ravaged future tries to stop the outbreak."),
    _s(4105, "The 4400", "tt0380136", 73127, 20.4, 7.4, 400, "sff dra mys", "USA Network", "Scott Peters|René Echevarria", "2004-07-11/5 2005-06-05/13 2006-06-11/13 2007-06-17/13", "4400 people, missing for decades, return all at once without having aged."),  # id?
    _s(48891, "Brooklyn Nine-Nine", "tt2467372", 269586, 90.2, 8.2, 3900, "com cri", "FOX", "Dan Goor|Michael Schur", "2013-09-17/22 2014-09-28/23 2015-09-27/23 2016-09-20/22 2018-03-18/22 2019-01-10/18 2020-02-06/13 2021-08-12/10", "A talented but immature detective and his precinct solve crimes in Brooklyn.", alt=[("US", "Brooklyn 99")]),
    _s(1403, "Marvel's Agents of S.H.I.E.L.D.", "tt2364582", 263365, 70.6, 7.5, 3200, "aa dra sff", "ABC", "Joss Whedon|Jed Whedon|Maurissa Tancharoen", "2013-09-24/22 2014-09-23/22 2015-09-29/22 2016-09-20/22 2017-12-01/22 2019-05-10/13 2020-05-27/13", "Agent Phil Coulson leads a team of agents for the Strategic Homeland Intervention, Enforcement and Logistics Division.", alt=[("US", "Agents of SHIELD")]),
    _s(32798, "Hawaii Five-0", "tt1600194", 164541, 80.3, 7.6, 1700, "aa cri dra", "CBS", "Alex Kurtzman|Roberto Orci|Peter M. Lenkov", "2010-09-20/24 2011-09-19/23 2012-09-24/24 2013-09-27/22 2014-09-26/25 2015-09-25/25 2016-09-23/25 2017-09-29/25 2018-09-28/25 2019-09-27/22", "A new elite task force fights crime on Oahu.", alt=[("US", "Hawaii Five-0 (2010)")]),
    _s(1917, "Hawaii Five-O", "tt0062568", 71223, 25.1, 7.4, 200, "aa cri dra", "CBS", "Leonard Freeman", "1968-09-20/24 1969-09-17/25 1970-09-16/24 1971-09-14/24 1972-09-12/24 1973-09-11/24 1974-09-10/24 1975-09-12/24 1976-09-30/24 1977-09-15/24 1978-09-28/24 1979-10-04/21", "Detective Steve McGarrett leads the Hawaii state police's special unit."),  # id?
    _s(1419, "Castle", "tt1219024", 83462, 70.3, 8.0, 1900, "cri dra com", "ABC", "Andrew W. Marlowe", "2009-03-09/10 2009-09-21/24 2010-09-20/24 2011-09-19/23 2012-09-24/24 2013-09-23/23 2014-09-29/23 2015-09-21/22", "A crime novelist shadows an NYPD homicide detective."),
    _s(1869, "Being Human", "tt1595680", 81886, 20.3, 7.6, 300, "dra sff com", "BBC Three", "Toby Whithouse", "2009-01-25/6 2010-01-10/8 2011-01-30/8 2012-02-05/8 2013-02-03/6", "A werewolf, a vampire and a ghost share a house in Bristol.", country="GB", alt=[("GB", "Being Human (UK)")]),  # id?
    _s(38431, "Being Human", "tt1590961", 211311, 25.6, 7.4, 450, "dra sff", "Syfy", "Jeremy Carver|Anna Fricke", "2011-01-17/13 2012-01-16/13 2013-01-14/13 2014-01-20/13", "A werewolf, a vampire and a ghost try to live like twenty-somethings in Boston.", alt=[("US", "Being Human (US)")]),  # id?
    # Miniseries: one season, episodes often named as parts.
    _s(4613, "Band of Brothers", "tt0185906", 74205, 60.2, 8.6, 3900, "dra war", "HBO", "Erik Jendresen", "2001-09-09/10", "Easy Company from Normandy to the end of the war in Europe.", episodes={(1, i + 1): t for i, t in enumerate(_BAND_OF_BROTHERS)}),
    _s(87108, "Chernobyl", "tt7366338", 360893, 70.8, 8.6, 6200, "dra", "HBO", "Craig Mazin", "2019-05-06/5", "The 1986 nuclear accident and the people who sacrificed to save Europe.", episodes={(1, 1): "1:23:45", (1, 2): "Please Remain Calm", (1, 3): "Open Wide, O Earth", (1, 4): "The Happiness of All Mankind", (1, 5): "Vichnaya Pamyat"}),
    _s(87739, "The Queen's Gambit", "tt10048342", 372484, 60.4, 8.5, 4000, "dra", "Netflix", "Scott Frank|Allan Scott", "2020-10-23/7", "An orphaned chess prodigy rises to the top of the chess world.", episodes={(1, 1): "Openings", (1, 2): "Exchanges", (1, 3): "Doubled Pawns", (1, 4): "Middle Game", (1, 5): "Fork", (1, 6): "Adjournment", (1, 7): "End Game"}),
    _s(16997, "The Pacific", "tt0374463", 82395, 40.1, 8.1, 1500, "dra war", "HBO", "Bruce C. McKenna|Robert Schenkkan", "2010-03-14/10", "Three US Marines fight across the Pacific theatre of the Second World War."),
    _s(1100, "How I Met Your Mother", "tt0460649", 75760, 160.4, 8.2, 4600, "com", "CBS", "Carter Bays|Craig Thomas", "2005-09-19/22 2006-09-18/22 2007-09-24/20 2008-09-22/24 2009-09-21/24 2010-09-20/24 2011-09-19/24 2012-09-24/24 2013-09-23/24", "Ted tells his children how he met their mother.", specials="2006-05-15/3", alt=[("US", "HIMYM")]),
    _s(1622, "Supernatural", "tt0460681", 78901, 250.1, 8.3, 7500, "dra mys sff", "The CW", "Eric Kripke", "2005-09-13/22 2006-09-28/22 2007-10-04/16 2008-09-18/22 2009-09-10/22 2010-09-24/22 2011-09-23/23 2012-10-03/23 2013-10-08/23 2014-10-07/23 2015-10-07/23 2016-10-13/23 2017-10-12/23 2018-10-11/20 2019-10-10/20", "Two brothers hunt supernatural creatures across America.", specials="2011-05-11/3"),
    _s(456, "The Simpsons", "tt0096697", 71663, 300.4, 8.0, 9800, "ani com fam", "FOX", "Matt Groening", _yearly(1989, 2023, 9, 24, 22, 6), "The satiric adventures of a working-class family in Springfield.", specials="1987-04-19/48"),
]
# fmt: on

SHOWS += TV_SHOWS


# Real TMDb person ids we are fairly sure of: name -> (id, gender). 1 female, 2 male. Everyone else in the
# catalog gets an invented high id (see catalog.py) and gender 0, which TMDb uses for "not set".
# fmt: off
KNOWN_PEOPLE: dict[str, tuple[int, int]] = {
    "George Lucas": (1, 2), "Mark Hamill": (2, 2), "Harrison Ford": (3, 2), "Carrie Fisher": (4, 1),
    "Robert Zemeckis": (24, 2), "Tom Hanks": (31, 2), "Robin Wright": (32, 1), "Gary Sinise": (33, 2),
    "Orson Welles": (40, 2), "Luc Besson": (59, 2), "Bruce Willis": (62, 2), "Milla Jovovich": (63, 1),
    "Gary Oldman": (64, 2), "Chris Tucker": (66, 2), "Mark Ruffalo": (103, 2), "Peter Jackson": (108, 2),
    "Elijah Wood": (109, 2), "Viggo Mortensen": (110, 2), "Quentin Tarantino": (138, 2),
    "Uma Thurman": (139, 1), "Morgan Freeman": (192, 2), "Kate Winslet": (204, 1), "Kirsten Dunst": (205, 1),
    "Jim Carrey": (206, 2), "Stanley Kubrick": (240, 2), "Brad Pitt": (287, 2), "Robert De Niro": (380, 2),
    "Steven Spielberg": (488, 2), "Tom Cruise": (500, 2), "Tim Robbins": (504, 2), "Tim Burton": (510, 2),
    "Jack Nicholson": (514, 2), "Michael J. Fox": (521, 2), "Natalie Portman": (524, 1),
    "Christopher Nolan": (525, 2), "Carrie-Anne Moss": (530, 1), "Ridley Scott": (578, 2),
    "Hayao Miyazaki": (608, 2), "Dan Aykroyd": (707, 2), "Edward Norton": (819, 2), "Owen Wilson": (887, 2),
    "Russell Crowe": (934, 2), "Connie Nielsen": (935, 1), "Jean Reno": (1003, 2), "Mads Mikkelsen": (1019, 2),
    "Martin Scorsese": (1032, 2), "Harvey Keitel": (1037, 2), "Jodie Foster": (1038, 1),
    "Christopher Lloyd": (1062, 2), "Lea Thompson": (1063, 1), "Arnold Schwarzenegger": (1100, 2),
    "Al Pacino": (1158, 2), "Michelle Pfeiffer": (1160, 1), "Joel Coen": (1223, 2), "Jeff Bridges": (1229, 2),
    "John Goodman": (1230, 2), "Julianne Moore": (1231, 1), "Scarlett Johansson": (1245, 1),
    "Helena Bonham Carter": (1283, 1), "Hugo Weaving": (1331, 2), "Jet Li": (1336, 2),
    "Tony Leung Chiu-wai": (1337, 2), "Maggie Cheung": (1338, 1), "Zhang Ziyi": (1339, 1),
    "Ian McKellen": (1327, 2), "George Clooney": (1461, 2), "Bill Murray": (1532, 2), "Ang Lee": (1614, 2),
    "Chow Yun-fat": (1619, 2), "Michelle Yeoh": (1620, 1), "Francis Ford Coppola": (1776, 2),
    "Heath Ledger": (1810, 2), "Anne Hathaway": (1813, 1), "Steven Soderbergh": (1884, 2),
    "Matt Damon": (1892, 2), "Kevin Spacey": (1979, 2), "Cillian Murphy": (2037, 2),
    "Robin Williams": (2157, 2), "Tommy Lee Jones": (2176, 2), "Tobey Maguire": (2219, 2),
    "Samuel L. Jackson": (2231, 2), "Michael Keaton": (2232, 2), "Ben Kingsley": (2282, 2),
    "Mel Gibson": (2461, 2), "Tom Hardy": (2524, 2), "Alfred Hitchcock": (2636, 2), "James Cameron": (2710, 2),
    "Michael Biehn": (2712, 2), "Linda Hamilton": (2713, 1), "Will Smith": (2888, 2),
    "Laurence Fishburne": (2975, 2), "Marlon Brando": (3084, 2), "James Caan": (3085, 2), "Tim Roth": (3129, 2),
    "Robert Downey Jr.": (3223, 2), "Rachel Weisz": (3293, 1), "Paul Newman": (3636, 2),
    "Javier Bardem": (3810, 2), "Christian Bale": (3894, 2), "Michael Caine": (3895, 2),
    "Liam Neeson": (3896, 2), "Ken Watanabe": (3899, 2), "William H. Macy": (3905, 2),
    "Frances McDormand": (3910, 1), "Frank Darabont": (4027, 2), "Bob Gunton": (4029, 2),
    "Grace Kelly": (4070, 1), "Humphrey Bogart": (4110, 2), "Ingrid Bergman": (4111, 1),
    "Anthony Hopkins": (4173, 2), "Sergio Leone": (4385, 2), "Sharon Stone": (4430, 1), "Joe Pesci": (4517, 2),
    "Matthew Broderick": (4756, 2), "Sam Neill": (4783, 2), "Laura Dern": (4784, 1), "Jeff Goldblum": (4785, 2),
    "Vince Vaughn": (4937, 2), "Akira Kurosawa": (5026, 2), "Emily Blunt": (5081, 1), "Willem Dafoe": (5293, 2),
    "Ralph Fiennes": (5469, 2), "David Lynch": (5602, 2), "Wes Anderson": (5655, 2), "Leonardo DiCaprio": (6193, 2),
    "Aaron Eckhart": (6383, 2), "Keanu Reeves": (6384, 2), "Kyle MacLachlan": (6677, 2), "Kurt Russell": (6856, 2),
    "Charlize Theron": (6885, 1), "Hugh Jackman": (6968, 2), "Anthony Perkins": (7301, 2), "Janet Leigh": (7302, 1),
    "Toshiro Mifune": (7450, 2), "David Fincher": (7467, 2), "Sam Raimi": (7623, 2), "Daniel Craig": (8784, 2),
    "Zoe Saldaña": (8691, 1), "John Travolta": (8891, 2), "Jamie Lee Curtis": (8944, 1),
    "Lana Wachowski": (9340, 1), "Park Chan-wook": (10099, 2), "Sigourney Weaver": (10205, 1),
    "Matthew McConaughey": (10297, 2), "Paul Verhoeven": (10491, 2), "Guillermo del Toro": (10828, 2),
    "Rosamund Pike": (10882, 1), "Eva Green": (10912, 1), "Chris Columbus": (10965, 2),
    "Daniel Radcliffe": (10980, 2), "Rupert Grint": (10989, 2), "Emma Watson": (10990, 1),
    "John Carpenter": (11770, 2), "Ray Liotta": (11477, 2), "Bruce Campbell": (11357, 2),
    "Gwyneth Paltrow": (12052, 1), "Wong Kar-wai": (12453, 2), "Tim Allen": (12898, 2),
    "Mark Wahlberg": (13240, 2), "James Earl Jones": (15152, 2), "Chris Evans": (16828, 2),
    "Josh Brolin": (16851, 2), "Jeremy Irons": (16940, 2), "Sandra Bullock": (18277, 1),
    "Brendan Fraser": (18269, 2), "Jackie Chan": (18897, 2), "J.K. Simmons": (18999, 2), "George Miller": (20629, 2),
    "Song Kang-ho": (20738, 2), "Bong Joon-ho": (21684, 2), "Joseph Gordon-Levitt": (24045, 2),
    "Oscar Isaac": (25072, 2), "Christoph Waltz": (27319, 2), "Ryan Gosling": (30614, 2),
    "Jessica Chastain": (83002, 1), "Emma Stone": (54693, 1), "Melissa McCarthy": (55536, 1),
    "Sam Worthington": (65731, 2), "Colin Farrell": (72466, 2), "Joaquin Phoenix": (73421, 2),
    "Chris Hemsworth": (74568, 2), "Choi Min-sik": (64880, 2), "Damien Chazelle": (136495, 2),
    "Denis Villeneuve": (137427, 2), "Margot Robbie": (234352, 1), "Timothée Chalamet": (1190668, 2),
}
# fmt: on
