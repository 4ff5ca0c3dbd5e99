"""The fake TMDb's catalog: normalised film/show/person records, lookups and a TMDb-like title search.

Custom catalogs (benchmarks pass big generated lists) use the same plain-dict shapes as the built-in
rows. Only ``id`` and ``title`` (``name`` for shows and people) are required; everything else defaults:

Movie dict::

    id: int                      (required)
    title: str                   (required)
    original_title: str          = title
    original_language: str       = "en"
    origin_country: list[str]    = ["US"]
    release_date: str            = ""              primary release, "YYYY-MM-DD" or ""
    release_dates: dict[str,str] = {}              other countries' releases {"FR": "YYYY-MM-DD"}
    popularity: float            = 1.0
    vote_average: float          = 0.0;  vote_count: int = 0
    runtime: int | None          = None
    genres: list[int | str]      = []              TMDb genre ids or codes ("act", "sf", ...)
    overview: str                = "";   tagline: str = ""
    imdb_id: str | None          = None
    poster_path, backdrop_path   = derived from the id ("/<27 chars>.jpg"); pass None for "no image"
    alternative_titles           = []              [("US", "Title")] or [{"iso_3166_1", "title", "type"}]
    translations: dict[str,str]  = {}              {"fr-FR": "Titre français"}
    director: str | list[str]    = [];   cast: list[str] = []    (person names)
    adult/video: bool = False;   budget/revenue: int = 0;   status: str = "Released"

Show dict: ``id``, ``name`` (required); ``original_name``, ``original_language``, ``origin_country``,
``first_air_date`` (default: the first season's air date or ""), ``popularity``, ``vote_average``,
``vote_count``, ``genres`` (TV ids or codes), ``overview``, ``networks`` (names), ``created_by`` (names),
``status`` ("Ended"), ``external_ids`` ({"imdb_id", "tvdb_id"}), ``alternative_titles``, ``poster_path``,
``backdrop_path`` and ``seasons``: ``[{"season_number", "air_date", "episode_count",
"episode_names": {1: "Pilot"}}]`` (default ``[]``).

``Catalog(..., long_tail=True)`` (and ``FakeTMDb(long_tail=True)``) adds TMDb's long tail: obscure
same-title namesakes of every film (shorts, TV films; other years and sometimes the same one; popularity
0-1.4, a handful of votes), made by ``catalog_longtail.namesakes``.

Collection dict: ``id``, ``name`` (required); ``overview``, ``poster_path`` (derived), ``parts``: catalog
movie ids, or ``{"id", "title", "release_date"}`` records of films the catalog leaves out (see
``catalog_collections.py``). A movie in a collection names it in ``belongs_to_collection``.

Person dict: ``id``, ``name`` (required); ``known_for_department`` ("Acting"), ``gender`` (0),
``popularity`` (derived), ``imdb_id`` (None), ``birthday`` (None), ``place_of_birth`` (None),
``profile_path`` (derived). Names used in ``director``/``cast``/``created_by`` resolve to these people,
else to the built-in known TMDb ids, else to invented ids from 90,000,000 up.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from typing import Any

MOVIE_GENRES: dict[int, str] = {
    28: "Action", 12: "Adventure", 16: "Animation", 35: "Comedy", 80: "Crime", 99: "Documentary",
    18: "Drama", 10751: "Family", 14: "Fantasy", 36: "History", 27: "Horror", 10402: "Music",
    9648: "Mystery", 10749: "Romance", 878: "Science Fiction", 10770: "TV Movie", 53: "Thriller",
    10752: "War", 37: "Western",
}  # fmt: skip
TV_GENRES: dict[int, str] = {
    10759: "Action & Adventure", 16: "Animation", 35: "Comedy", 80: "Crime", 99: "Documentary",
    18: "Drama", 10751: "Family", 10762: "Kids", 9648: "Mystery", 10763: "News", 10764: "Reality",
    10765: "Sci-Fi & Fantasy", 10766: "Soap", 10767: "Talk", 10768: "War & Politics", 37: "Western",
}  # fmt: skip
_MOVIE_CODES = {
    "act": 28, "adv": 12, "ani": 16, "com": 35, "cri": 80, "doc": 99, "dra": 18, "fam": 10751,
    "fan": 14, "his": 36, "hor": 27, "mus": 10402, "mys": 9648, "myst": 9648, "rom": 10749,
    "sf": 878, "tvm": 10770, "thr": 53, "war": 10752, "wes": 37,
}  # fmt: skip
_TV_CODES = {
    "aa": 10759, "ani": 16, "com": 35, "cri": 80, "doc": 99, "dra": 18, "fam": 10751, "kids": 10762,
    "mys": 9648, "news": 10763, "real": 10764, "sff": 10765, "soap": 10766, "talk": 10767,
    "war": 10768, "wes": 37,
}  # fmt: skip
COUNTRY_NAMES = {
    "US": "United States of America", "GB": "United Kingdom", "FR": "France", "DE": "Germany",
    "JP": "Japan", "KR": "South Korea", "ES": "Spain", "IT": "Italy", "SE": "Sweden", "DK": "Denmark",
    "MX": "Mexico", "BR": "Brazil", "HK": "Hong Kong", "TW": "Taiwan", "CN": "China", "SU": "Soviet Union",
    "AR": "Argentina", "IR": "Iran", "CA": "Canada", "AU": "Australia",
}  # fmt: skip
LANGUAGE_NAMES = {
    "en": ("English", "English"), "fr": ("French", "Français"), "de": ("German", "Deutsch"),
    "ja": ("Japanese", "日本語"), "ko": ("Korean", "한국어/조선말"), "es": ("Spanish", "Español"),
    "it": ("Italian", "Italiano"), "sv": ("Swedish", "svenska"), "da": ("Danish", "Dansk"),
    "pt": ("Portuguese", "Português"), "zh": ("Mandarin", "普通话"), "cn": ("Cantonese", "广州话 / 廣州話"),
    "ru": ("Russian", "Pусский"), "fa": ("Persian", "فارسی"),
}  # fmt: skip

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_INVENTED_PERSON_BASE = 90_000_000
_DROP = re.compile(r"['’`]")
_THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}(?!\d))")  # "20,000 Days" is found by "20000 days"
_NON_WORD = re.compile(r"[^\w]+")


def normalize(text: str) -> str:
    """Lowercase, strip accents, '&' -> 'and', '20,000' -> '20000', drop apostrophes, other punctuation -> space."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DROP.sub("", _THOUSANDS.sub("", text.replace("&", " and ")))
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


def image_path(kind: str, key: object, ext: str = ".jpg") -> str:
    """A deterministic TMDb-looking image path such as '/kqjL17yufvn9OVLyXYpvtyrFfak.jpg'."""
    digest = hashlib.sha256(f"{kind}:{key}".encode()).digest()
    return "/" + "".join(_ALPHABET[b % 62] for b in digest[:27]) + ext


def _genre_ids(values: Any, codes: dict[str, int]) -> list[int]:
    return [v if isinstance(v, int) else codes[v] for v in (values or [])]


def _alt_titles(values: Any) -> list[dict[str, str]]:
    out = []
    for alt in values or []:
        if isinstance(alt, dict):
            out.append({"iso_3166_1": alt["iso_3166_1"], "title": alt["title"], "type": alt.get("type", "")})
        else:
            out.append({"iso_3166_1": alt[0], "title": alt[1], "type": ""})
    return out


def _names(value: Any) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else list(value)


class Catalog:
    """Normalised records plus the indexes the fake server needs (ids, external ids, title words)."""

    def __init__(
        self,
        movies: list[dict[str, Any]],
        shows: list[dict[str, Any]],
        people: list[dict[str, Any]] | None = None,
        known_people: dict[str, tuple[int, int]] | None = None,
        collections: list[dict[str, Any]] | None = None,
        long_tail: bool = False,
    ) -> None:
        if long_tail:  # obscure namesakes of every film (see catalog_longtail)
            from videomanager.testing.catalog_longtail import namesakes

            movies = [*movies, *namesakes(movies)]
        self.people: dict[int, dict[str, Any]] = {}
        self._person_by_name: dict[str, int] = {}
        self._known = known_people or {}
        for p in people or []:
            self._add_person(p)
        self.movies: dict[int, dict[str, Any]] = {}
        self.shows: dict[int, dict[str, Any]] = {}
        self.by_imdb: dict[str, tuple[str, int]] = {}
        self.by_tvdb: dict[int, int] = {}
        self.images: dict[str, tuple[str, int]] = {}  # file path -> (kind, owner id), for the image CDN
        for m in movies:
            self._add_movie(m)
        for s in shows:
            self._add_show(s)
        self.collections: dict[int, dict[str, Any]] = {}
        for c in collections or []:
            self._add_collection(c)
        for person in self.people.values():
            person.setdefault("popularity", round(min(60.0, 0.6 + person["_fame"] / 8), 3))
            if person.get("profile_path", "") == "":
                person["profile_path"] = image_path("profile", person["id"])
            if person["profile_path"]:
                self.images[person["profile_path"]] = ("profile", person["id"])
        self._movie_index = _WordIndex(
            (
                m["id"],
                [
                    m["title"],
                    m["original_title"],
                    *(a["title"] for a in m["alternative_titles"]),
                    *m["translations"].values(),
                ],
            )
            for m in self.movies.values()
        )
        self._show_index = _WordIndex(
            (s["id"], [s["name"], s["original_name"], *(a["title"] for a in s["alternative_titles"])])
            for s in self.shows.values()
        )
        self._person_index = _WordIndex((p["id"], [p["name"]]) for p in self.people.values())
        dates = [m["release_date"] for m in self.movies.values() if m["release_date"]]
        self.newest_release = max(dates) if dates else "2024-01-01"

    # --- building ---------------------------------------------------------------------------------
    def _add_person(self, p: dict[str, Any]) -> dict[str, Any]:
        person = {
            "id": p["id"], "name": p["name"], "known_for_department": p.get("known_for_department", "Acting"),
            "gender": p.get("gender", 0), "imdb_id": p.get("imdb_id"), "birthday": p.get("birthday"),
            "place_of_birth": p.get("place_of_birth"), "profile_path": p.get("profile_path", ""),
            "cast": [], "crew": [], "_fame": 0.0,
        }  # fmt: skip
        if "popularity" in p:
            person["popularity"] = p["popularity"]
        self.people[person["id"]] = person
        self._person_by_name[person["name"]] = person["id"]
        return person

    def person_named(self, name: str, department: str) -> dict[str, Any]:
        """The person with that name, created on first use (known TMDb id if we have one)."""
        pid = self._person_by_name.get(name)
        if pid is not None:
            return self.people[pid]
        known = self._known.get(name)
        if known is not None:
            pid, gender = known
        else:
            pid, gender = _INVENTED_PERSON_BASE + len(self._person_by_name), 0
        return self._add_person(
            {"id": pid, "name": name, "gender": gender, "known_for_department": department}
        )

    def _add_movie(self, d: dict[str, Any]) -> None:
        m: dict[str, Any] = {
            "id": d["id"], "title": d["title"], "original_title": d.get("original_title", d["title"]),
            "original_language": d.get("original_language", "en"),
            "origin_country": list(d.get("origin_country", ["US"])),
            "release_date": d.get("release_date") or "", "release_dates": dict(d.get("release_dates", {})),
            "popularity": d.get("popularity", 1.0), "vote_average": d.get("vote_average", 0.0),
            "vote_count": d.get("vote_count", 0), "runtime": d.get("runtime"),
            "genre_ids": _genre_ids(d.get("genres", d.get("genre_ids")), _MOVIE_CODES),
            "overview": d.get("overview", ""), "tagline": d.get("tagline", ""), "imdb_id": d.get("imdb_id"),
            "poster_path": d.get("poster_path", image_path("poster", d["id"])),
            "backdrop_path": d.get("backdrop_path", image_path("backdrop", d["id"])),
            "alternative_titles": _alt_titles(d.get("alternative_titles")),
            "translations": dict(d.get("translations", {})),
            "adult": d.get("adult", False), "video": d.get("video", False), "budget": d.get("budget", 0),
            "revenue": d.get("revenue", 0), "status": d.get("status", "Released"),
        }  # fmt: skip
        m["years"] = {v[:4] for v in [m["release_date"], *m["release_dates"].values()] if v}
        m["director_ids"] = [self._credit(n, "Directing", m, None) for n in _names(d.get("director"))]
        m["cast_ids"] = [self._credit(n, "Acting", m, i) for i, n in enumerate(_names(d.get("cast")))]
        self.movies[m["id"]] = m
        if m["imdb_id"]:
            self.by_imdb[m["imdb_id"]] = ("movie", m["id"])
        for kind in ("poster", "backdrop"):
            if m[f"{kind}_path"]:
                self.images[m[f"{kind}_path"]] = (kind, m["id"])

    def _add_collection(self, d: dict[str, Any]) -> None:
        c: dict[str, Any] = {
            "id": d["id"], "name": d["name"], "overview": d.get("overview", ""),
            "poster_path": d.get("poster_path", image_path("collection", d["id"])),
            "backdrop_path": d.get("backdrop_path", image_path("collection-backdrop", d["id"])), "parts": [],
        }  # fmt: skip
        for part in d.get("parts", []):
            if isinstance(part, int):
                movie = self.movies.get(part)
                if movie is None:
                    continue
            else:  # a film of the series the catalog leaves out: only what a collection lists
                movie = {"id": part["id"], "title": part["title"], "release_date": part.get("release_date", ""),
                         "poster_path": part.get("poster_path", image_path("poster", part["id"]))}  # fmt: skip
            movie["collection"] = {k: c[k] for k in ("id", "name", "poster_path", "backdrop_path")}
            c["parts"].append(movie)
            if movie.get("poster_path"):
                self.images[movie["poster_path"]] = ("poster", movie["id"])
        for kind in ("poster", "backdrop"):
            if c[f"{kind}_path"]:
                self.images[c[f"{kind}_path"]] = (kind, c["id"])
        self.collections[c["id"]] = c

    def _credit(self, name: str, department: str, movie: dict[str, Any], order: int | None) -> int:
        person = self.person_named(name, department)
        person["_fame"] += movie["popularity"]
        (person["cast"] if order is not None else person["crew"]).append((movie["id"], order))
        return person["id"]

    def _add_show(self, d: dict[str, Any]) -> None:
        seasons = [dict(s) for s in d.get("seasons", [])]
        ext = dict(d.get("external_ids", {}))
        s: dict[str, Any] = {
            "id": d["id"], "name": d["name"], "original_name": d.get("original_name", d["name"]),
            "original_language": d.get("original_language", "en"),
            "origin_country": list(d.get("origin_country", ["US"])),
            "first_air_date": d.get("first_air_date") or (seasons[0]["air_date"] if seasons else ""),
            "popularity": d.get("popularity", 1.0), "vote_average": d.get("vote_average", 0.0),
            "vote_count": d.get("vote_count", 0),
            "genre_ids": _genre_ids(d.get("genres", d.get("genre_ids")), _TV_CODES),
            "overview": d.get("overview", ""), "networks": list(d.get("networks", [])),
            "created_by": [self.person_named(n, "Writing")["id"] for n in _names(d.get("created_by"))],
            "status": d.get("status", "Ended"), "seasons": seasons,
            "imdb_id": ext.get("imdb_id"), "tvdb_id": ext.get("tvdb_id"),
            "alternative_titles": _alt_titles(d.get("alternative_titles")),
            "poster_path": d.get("poster_path", image_path("tvposter", d["id"])),
            "backdrop_path": d.get("backdrop_path", image_path("tvbackdrop", d["id"])),
        }  # fmt: skip
        self.shows[s["id"]] = s
        if s["imdb_id"]:
            self.by_imdb[s["imdb_id"]] = ("tv", s["id"])
        if s["tvdb_id"]:
            self.by_tvdb[s["tvdb_id"]] = s["id"]
        for kind in ("poster", "backdrop"):
            if s[f"{kind}_path"]:
                self.images[s[f"{kind}_path"]] = (kind, s["id"])
        for season in seasons:
            season.setdefault("poster_path", image_path("season", (s["id"], season["season_number"])))
            self.images[season["poster_path"]] = ("poster", s["id"])

    # --- search ------------------------------------------------------------------------------------
    def search_movies(self, query: str) -> list[dict[str, Any]]:
        """Films whose title words start with every query word, most popular first (as TMDb ranks)."""
        return self._ranked(self._movie_index.match(query), self.movies)

    def search_shows(self, query: str) -> list[dict[str, Any]]:
        return self._ranked(self._show_index.match(query), self.shows)

    def search_people(self, query: str) -> list[dict[str, Any]]:
        return self._ranked(self._person_index.match(query), self.people)

    @staticmethod
    def _ranked(ids: set[int], table: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
        return sorted((table[i] for i in ids), key=lambda r: (-r["popularity"], r["id"]))


class _WordIndex:
    """Word -> ids, plus a sorted vocabulary so a query word can match any word it is a prefix of."""

    def __init__(self, entries: Any) -> None:
        self._ids: dict[str, set[int]] = {}
        for rid, titles in entries:
            for title in titles:
                for word in normalize(title).split():
                    self._ids.setdefault(word, set()).add(rid)
        self._vocab = sorted(self._ids)

    def match(self, query: str) -> set[int]:
        words = normalize(query).split()
        if not words:
            return set()
        result: set[int] | None = None
        for word in sorted(set(words), key=len, reverse=True):
            hits: set[int] = set()
            i = bisect.bisect_left(self._vocab, word)
            while i < len(self._vocab) and self._vocab[i].startswith(word):
                hits |= self._ids[self._vocab[i]]
                i += 1
            result = hits if result is None else result & hits
            if not result:
                return set()
        return result or set()


def default_catalog(long_tail: bool = False) -> Catalog:
    """The built-in catalog of real films and shows (with ``long_tail``, plus their obscure namesakes)."""
    from videomanager.testing.catalog_classics import CLASSICS
    from videomanager.testing.catalog_collections import COLLECTIONS
    from videomanager.testing.catalog_movies import MOVIES
    from videomanager.testing.catalog_names import NAMES
    from videomanager.testing.catalog_shows import KNOWN_PEOPLE, SHOWS

    return Catalog(MOVIES + CLASSICS + NAMES, SHOWS, None, KNOWN_PEOPLE, COLLECTIONS, long_tail=long_tail)
