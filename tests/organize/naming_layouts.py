"""Good and bad library layouts, from the servers' published naming guides, for the naming linter's tests.

Sources (cited per layout as [key]):

* [plex-movies]  Plex support, "Naming and organizing your Movie files": ``/Movies/Avatar (2009)/Avatar
  (2009).mkv``; an id hint ``{tmdb-...}``; "Multiple versions" with a `` - 1080p`` style suffix in one movie
  folder; "Split into multiple files" with `` - pt1``; and "Movie editions" ``{edition-...}``.
* [plex-extras]  Plex support, "Local Media Assets – Movies": extras in ``Behind The Scenes``, ``Deleted
  Scenes``, ``Featurettes``, ``Interviews``, ``Scenes``, ``Shorts``, ``Trailers`` or ``Other`` folders inside
  the movie's folder, or inline with a ``-trailer``, ``-featurette``, ... suffix; only for a movie in its own
  folder.
* [plex-tv]  Plex support, "Naming and organizing your TV Show files": ``/TV Shows/Grey's Anatomy (2005)/
  Season 01/Grey's Anatomy (2005) - s01e01 - Pilot.avi``; specials in ``Season 00``.
* [jf-movies]  Jellyfin docs, "Movies": ``Movies/Film (2010)/Film (2010).mkv``, ids ``[tmdbid-...]``,
  ``[imdbid-...]``; "Multiple Versions": "each file must begin exactly with the base name of the parent
  folder", the label "separated by a hyphen, dot, underscore, or enclosed in square brackets"; "Extras":
  folders ``extras``, ``trailers``, ``behind the scenes``, ``samples``, ... and suffixes ``-trailer``, ...
* [jf-shows]  Jellyfin docs, "Shows": ``Shows/Series Name A (2010)/Season 01/Series Name A S01E01.mkv``.
* [jf-tests]  jellyfin/jellyfin ``tests/Jellyfin.Naming.Tests/Video/MultiVersionTests.cs`` (in
  /work/shared/corpora/jellyfin-multiversion.jsonl): the cases named after each layout.

Each layout: the files (under library folders ``Movies`` or ``Shows``), what the files are (normalised
title or id key -> kind, TMDb id, title, first date: what identification would find), manual matches
(path -> TMDb id) and the problem codes the linter must report (none for a good layout).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Layout:
    name: str
    source: str
    files: tuple[str, ...]
    titles: dict
    problems: frozenset[str] = frozenset()
    manual: dict = field(default_factory=dict)


def _movie(tmdb_id: int, title: str, date: str) -> tuple:
    return ("movie", tmdb_id, title, date)


def _show(tmdb_id: int, title: str, date: str) -> tuple:
    return ("tv", tmdb_id, title, date)


GOOD = [
    Layout("plex movie in its folder", "[plex-movies]", ("Movies/Avatar (2009)/Avatar (2009).mkv",),
           {"avatar": _movie(19995, "Avatar", "2009-12-15")}),
    Layout("plex id hint", "[plex-movies]",
           ("Movies/Batman Begins (2005) {tmdb-272}/Batman Begins (2005) {tmdb-272}.mp4",),
           {"batman begins": _movie(272, "Batman Begins", "2005-06-10")}),
    Layout("plex multiple versions", "[plex-movies]",
           ("Movies/Pulp Fiction (1994)/Pulp Fiction (1994) - 1080p.mkv",
            "Movies/Pulp Fiction (1994)/Pulp Fiction (1994) - 720p.mkv"),
           {"pulp fiction": _movie(680, "Pulp Fiction", "1994-09-10")}),
    Layout("plex edition", "[plex-movies]",
           ("Movies/Blade Runner (1982) {edition-Director's Cut}/Blade Runner (1982) {edition-Director's Cut}.mkv",),
           {"blade runner": _movie(78, "Blade Runner", "1982-06-25")}),
    Layout("plex split file", "[plex-movies]",
           ("Movies/The Return of the King (2003)/The Return of the King (2003) - pt1.mkv",
            "Movies/The Return of the King (2003)/The Return of the King (2003) - pt2.mkv"),
           {"the return of the king": _movie(122, "The Return of the King", "2003-12-01")}),
    Layout("plex local extras", "[plex-extras]",
           ("Movies/The Dark Knight (2008)/The Dark Knight (2008).mkv",
            "Movies/The Dark Knight (2008)/The Dark Knight (2008)-trailer.mp4",
            "Movies/The Dark Knight (2008)/Featurettes/Making the Joker.mkv",
            "Movies/The Dark Knight (2008)/Behind The Scenes/On the set.mkv"),
           {"the dark knight": _movie(155, "The Dark Knight", "2008-07-16")}),
    Layout("jellyfin versions with labels", "[jf-movies] [jf-tests] TestMultiVersion12",
           ("Movies/X-Men Apocalypse (2016)/X-Men Apocalypse (2016).mkv",
            "Movies/X-Men Apocalypse (2016)/X-Men Apocalypse (2016) - Directors Cut.mkv",
            "Movies/X-Men Apocalypse (2016)/X-Men Apocalypse (2016) - 1080p.mkv",
            "Movies/X-Men Apocalypse (2016)/X-Men Apocalypse (2016) - 2160p.mkv",
            "Movies/X-Men Apocalypse (2016)/X-Men Apocalypse (2016) - 720p.mkv"),
           {"x men apocalypse": _movie(246655, "X-Men: Apocalypse", "2016-05-18")}),
    Layout("jellyfin bracket labels", "[jf-tests] TestMultiVersion10",
           ("Movies/Blade Runner (1982)/Blade Runner (1982) [Final Cut] [1080p HEVC AAC].mkv",
            "Movies/Blade Runner (1982)/Blade Runner (1982) [EE by ADM] [480p HEVC AAC,AAC,AAC].mkv"),
           {"blade runner": _movie(78, "Blade Runner", "1982-06-25")}),
    Layout("jellyfin underscore label", "[jf-tests] Resolve_GivenUnderscoreSeparator_GroupsVersions",
           ("Movies/Tenet (2020)/Tenet (2020)_4K.mkv", "Movies/Tenet (2020)/Tenet (2020)_1080p.mkv"),
           {"tenet": _movie(577922, "Tenet", "2020-08-22")}),
    Layout("jellyfin dot label", "[jf-tests] Resolve_GivenDotSeparator_GroupsVersions",
           ("Movies/Soul (2020)/Soul (2020).UHD.mkv", "Movies/Soul (2020)/Soul (2020).1080p.mkv"),
           {"soul": _movie(508442, "Soul", "2020-12-25")}),
    Layout("jellyfin id in folder and hyphenated title", "[jf-tests] Resolve_GivenFolderNameWithBracketsAndHyphens",
           ("Movies/John Wick - Kapitel 3 (2019) [imdbid=tt6146586]/John Wick - Kapitel 3 (2019) [imdbid=tt6146586] - Version 1.mkv",
            "Movies/John Wick - Kapitel 3 (2019) [imdbid=tt6146586]/John Wick - Kapitel 3 (2019) [imdbid=tt6146586] - Version 2.mkv"),
           {"imdb:tt6146586": _movie(458156, "John Wick: Chapter 3 - Parabellum", "2019-05-15")}),
    Layout("jellyfin extras folders", "[jf-movies] extras",
           ("Movies/Interstellar (2014)/Interstellar (2014).mkv",
            "Movies/Interstellar (2014)/trailers/Official Trailer.mkv",
            "Movies/Interstellar (2014)/behind the scenes/Making of.mkv"),
           {"interstellar": _movie(157336, "Interstellar", "2014-11-05")}),
    Layout("jellyfin show", "[jf-shows]",
           ("Shows/Dark (2017)/Season 01/Dark S01E01.mkv", "Shows/Dark (2017)/Season 01/Dark S01E02.mkv",
            "Shows/Dark (2017)/Season 02/Dark S02E01.mkv"),
           {"dark": _show(70523, "Dark", "2017-12-01")}),
    Layout("plex show with episode titles", "[plex-tv]",
           ("Shows/Grey's Anatomy (2005)/Season 01/Grey's Anatomy (2005) - s01e01 - Pilot.avi",
            "Shows/Grey's Anatomy (2005)/Season 02/Grey's Anatomy (2005) - s02e01 - Raindrops Keep Falling on My Head.avi"),
           {"greys anatomy": _show(1416, "Grey's Anatomy", "2005-03-27")}),
    Layout("plex specials", "[plex-tv]",
           ("Shows/Doctor Who (2005)/Season 00/Doctor Who (2005) - s00e01 - The Christmas Invasion.mkv",
            "Shows/Doctor Who (2005)/Season 01/Doctor Who (2005) - s01e01 - Rose.mkv"),
           {"doctor who": _show(57243, "Doctor Who", "2005-03-26")}),
    Layout("jellyfin episode versions", "[jf-tests] TestMultiVersionEpisodeMixedSeasonFolder",
           ("Shows/Dexter/Season 1/Dexter - S01E01 - 1080p.mkv", "Shows/Dexter/Season 1/Dexter - S01E01 - 720p.mkv",
            "Shows/Dexter/Season 1/Dexter - S01E02.mkv"),
           {"dexter": _show(1405, "Dexter", "2006-10-01")}),
]  # fmt: skip

BAD = [
    Layout("versions in two folders", "[jf-movies] multiple versions (one folder)",
           ("Movies/Inception (2010)/Inception (2010) - 1080p.mkv", "Movies/Inception 4K/Inception (2010) - 2160p.mkv"),
           {"inception": _movie(27205, "Inception", "2010-07-15")}, frozenset({"versions_split"})),
    Layout("names that do not start with the folder's", "[jf-movies] multiple versions",
           ("Movies/Gravity (2013)/Gravity.2013.1080p.BluRay.mkv", "Movies/Gravity (2013)/Gravity.2013.720p.WEB.mkv"),
           {"gravity": _movie(49047, "Gravity", "2013-10-03")}, frozenset({"versions_split"})),
    Layout("unclosed bracket", "[jf-tests] Resolve_GivenUnclosedBrackets_DoesNotGroup",
           ("Movies/John Wick - Chapter 3 (2019)/John Wick - Chapter 3 (2019) [Version 1].mkv",
            "Movies/John Wick - Chapter 3 (2019)/John Wick - Chapter 3 (2019) [Version 2.mkv"),
           {"john wick": _movie(458156, "John Wick: Chapter 3 - Parabellum", "2019-05-15")},
           frozenset({"versions_split"})),
    Layout("a space only before the label", "[jf-tests] TestMultiVersion3",
           ("Movies/Tenet (2020)/Tenet (2020) 1080p.mkv", "Movies/Tenet (2020)/Tenet (2020) 2160p.mkv"),
           {"tenet": _movie(577922, "Tenet", "2020-08-22")}, frozenset({"versions_split"})),
    Layout("versions with different years", "[jf-tests] TestMultiVersion7",
           ("Movies/Dune (2021)/Dune (2021) - 2160p.mkv", "Movies/Dune (2021)/Dune (2020) - 1080p.mkv"),
           {"dune": _movie(438631, "Dune", "2021-09-15")}, frozenset({"versions_split", "wrong_year"})),
    Layout("extras folder Plex does not know", "[plex-extras] (no Extras folder) [jf-movies] extras",
           ("Movies/Interstellar (2014)/Interstellar (2014).mkv", "Movies/Interstellar (2014)/Extras/Interstellar Trailer.mkv"),
           {"interstellar": _movie(157336, "Interstellar", "2014-11-05")}, frozenset({"extra_as_version"})),
    Layout("inline extra of a film without its folder", "[plex-extras] (movie in its own folder)",
           ("Movies/Arrival.2016.1080p.mkv", "Movies/Arrival.2016-trailer.mkv"),
           {"arrival": _movie(329865, "Arrival", "2016-11-10")}, frozenset({"extra_as_version"})),
    Layout("sample named with a prefix", "[jf-movies] extras (suffixes only)",
           ("Movies/Joker (2019)/Joker (2019).mkv", "Movies/Joker (2019)/sample-joker.mkv"),
           {"joker": _movie(475557, "Joker", "2019-10-01")}, frozenset({"extra_as_version"})),
    Layout("wrong year", "[plex-movies] [jf-movies] Title (Year)",
           ("Movies/Heat (1996)/Heat (1996).mkv",), {"heat": _movie(949, "Heat", "1995-12-15")},
           frozenset({"wrong_year"})),
    Layout("no year", "[plex-movies] [jf-movies] Title (Year)",
           ("Movies/Prisoners/Prisoners.1080p.BluRay.mkv",), {"prisoners": _movie(146233, "Prisoners", "2013-09-19")},
           frozenset({"no_year"})),
    Layout("two films in one folder", "[plex-movies] [jf-movies] one film per folder",
           ("Movies/Nolan/Memento (2000).mkv", "Movies/Nolan/Insomnia (2002).mkv"),
           {"memento": _movie(77, "Memento", "2000-10-11"), "insomnia": _movie(320, "Insomnia", "2002-05-24")},
           frozenset({"two_films_in_folder"})),
    Layout("episode outside a season folder", "[plex-tv] [jf-shows] Season folders",
           ("Shows/Dark (2017)/Dark S01E01.mkv", "Shows/Dark (2017)/Season 01/Dark S01E02.mkv"),
           {"dark": _show(70523, "Dark", "2017-12-01")}, frozenset({"episode_outside_season"})),
    Layout("episode in another season's folder", "[plex-tv] [jf-shows] Season folders",
           ("Shows/Fargo (2014)/Season 1/Fargo S01E01.mkv", "Shows/Fargo (2014)/Season 1/Fargo S02E01.mkv"),
           {"fargo": _show(60622, "Fargo", "2014-04-15")}, frozenset({"episode_outside_season"})),
    Layout("episodes without a show folder", "[plex-tv] [jf-shows] show folders",
           ("Shows/Chernobyl.S01E01.mkv", "Shows/Chernobyl.S01E02.mkv"),
           {"chernobyl": _show(87108, "Chernobyl", "2019-05-06")}, frozenset({"episode_no_show_folder"})),
    Layout("an id that is not the film's", "[plex-movies] id hints",
           ("Movies/Taken (2008) {tmdb-1}/Taken (2008) {tmdb-1}.mkv",), {"taken": _movie(8681, "Taken", "2008-02-18")},
           frozenset({"wrong_id"}), manual={"Movies/Taken (2008) {tmdb-1}/Taken (2008) {tmdb-1}.mkv": 8681}),
]  # fmt: skip
