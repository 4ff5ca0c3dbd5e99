"""Hand-written facts about real TV shows, and the TMDb person ids we know, for the local TMDb stand-in.

Same-named pairs (Doctor Who 1963/2005, The Office UK/US, ...) exercise a matcher's year and country
handling. Seasons are written as ``"YYYY-MM-DD/episode_count"`` tokens in order from season 1.
TMDb/TVDB ids of the well-known shows are real; the ones marked ``# id?`` are best guesses.
TV genre codes: aa (Action & Adventure) ani com cri doc dra fam kids mys sff (Sci-Fi & Fantasy) war wes.
"""

from __future__ import annotations

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
    season_list = []
    for number, token in enumerate(seasons.split(), start=1):
        air_date, count = token.split("/")
        season_list.append({"season_number": number, "air_date": air_date, "episode_count": int(count)})
    for (season, episode), title in kw.get("episodes", {}).items():
        season_list[season - 1].setdefault("episode_names", {})[episode] = title
    return {
        "id": id,
        "name": name,
        "original_name": kw.get("on", name),
        "original_language": kw.get("ol", "en"),
        "origin_country": [kw.get("country", "US")],
        "first_air_date": season_list[0]["air_date"],
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
