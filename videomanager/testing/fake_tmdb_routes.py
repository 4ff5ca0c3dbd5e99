"""The fake TMDb's endpoints: path routing, parameter validation, paging and append_to_response.

``Api.handle(path, query)`` is pure (no sockets): it returns ``(status, json_body)``; the HTTP layer in
``fake_tmdb.py`` adds auth, faults and encoding.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

from videomanager.testing import fake_tmdb_serial as ser
from videomanager.testing import fake_tmdb_static as st
from videomanager.testing.catalog import MOVIE_GENRES, TV_GENRES, Catalog

PAGE_SIZE = 20
Result = tuple[int, Any]


class ApiError(Exception):
    """Carries the HTTP status and the exact body TMDb answers with."""

    def __init__(self, status: int, body: Any) -> None:
        super().__init__(status)
        self.status, self.body = status, body


def _not_found() -> ApiError:
    return ApiError(404, st.MSG_404)


def _page(query: dict[str, str]) -> int:
    raw = query.get("page", "1") or "1"
    try:
        page = int(raw)
    except ValueError:
        raise ApiError(422, {"errors": ["page must be a number"]}) from None
    if page < 1:
        raise ApiError(422, {"errors": ["page must be greater than 0"]})
    if page > 500:
        raise ApiError(422, {"errors": ["page must be less than or equal to 500"]})
    return page


def paged(
    items: list[Any], query: dict[str, str], serialize: Callable[[Any], dict[str, Any]]
) -> dict[str, Any]:
    page = _page(query)
    chunk = items[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    total_pages = max(1, math.ceil(len(items) / PAGE_SIZE))
    return {
        "page": page,
        "results": [serialize(x) for x in chunk],
        "total_pages": total_pages,
        "total_results": len(items),
    }


def _truthy(value: str | None) -> bool:
    return (value or "").lower() in ("1", "true", "yes")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, st.MSG_DATE) from None


class Api:
    """Routes /3/... paths to handlers over one Catalog."""

    def __init__(self, catalog: Catalog, image_base_url: str, today: dt.date) -> None:
        self.cat = catalog
        self.image_base_url = image_base_url
        self.today = today
        self.seed = 0
        r = re.compile
        self._routes: list[tuple[re.Pattern[str], Callable[..., Any]]] = [
            (r(r"authentication"), lambda q: st.SUCCESS),
            (r(r"search/(movie|tv|person|multi)"), self.search),
            (r(r"movie/(popular|top_rated|now_playing|upcoming)"), self.movie_list),
            (r(r"movie/(\d+)"), self.movie),
            (r(r"movie/(\d+)/([a-z_]+)"), self.movie_sub),
            (r(r"tv/(\d+)"), self.tv),
            (r(r"tv/(\d+)/([a-z_]+)"), self.tv_sub),
            (r(r"tv/(\d+)/season/(\d+)"), self.season),
            (r(r"tv/(\d+)/season/(\d+)/episode/(\d+)"), self.episode),
            (r(r"collection/(\d+)"), self.collection),
            (r(r"person/(\d+)"), self.person),
            (r(r"person/(\d+)/([a-z_]+)"), self.person_sub),
            (r(r"trending/(movie|tv|person|all)/(day|week)"), self.trending),
            (r(r"discover/(movie|tv)"), self.discover),
            (r(r"find/([^/]+)"), self.find),
            (r(r"configuration"), self.configuration),
            (r(r"configuration/languages"), lambda q: st.LANGUAGES),
            (r(r"configuration/countries"), lambda q: st.COUNTRIES),
            (r(r"configuration/jobs"), lambda q: st.JOBS),
            (r(r"configuration/primary_translations"), lambda q: st.PRIMARY_TRANSLATIONS),
            (r(r"configuration/timezones"), lambda q: st.TIMEZONES),
            (r(r"genre/(movie|tv)/list"), self.genres),
        ]

    def handle(self, path: str, query: dict[str, str]) -> Result:
        """``path`` is what follows '/3/'. Returns (HTTP status, JSON-able body)."""
        try:
            for pattern, handler in self._routes:
                match = pattern.fullmatch(path.strip("/"))
                if match:
                    return 200, handler(query, *match.groups())
            raise _not_found()
        except ApiError as exc:
            return exc.status, exc.body

    # --- helpers -------------------------------------------------------------------------------------
    def _movie(self, movie_id: str) -> dict[str, Any]:
        movie = self.cat.movies.get(int(movie_id))
        if movie is None:
            raise _not_found()
        return movie

    def _show(self, tv_id: str) -> dict[str, Any]:
        show = self.cat.shows.get(int(tv_id))
        if show is None:
            raise _not_found()
        return show

    def _append(
        self, body: dict[str, Any], query: dict[str, str], sub: Callable[[str], Any]
    ) -> dict[str, Any]:
        raw = query.get("append_to_response", "")
        names = [n.strip() for n in raw.split(",") if n.strip()]
        if len(names) > 20:
            raise ApiError(400, st.MSG_APPEND)
        for name in names:
            try:
                value = sub(name)
            except ApiError:
                continue  # unknown/unsupported names (and missing seasons) are silently ignored
            if isinstance(value, dict):
                value = {k: v for k, v in value.items() if k != "id"}
                body[name] = value
        return body

    def _movie_items(
        self, movies: list[dict[str, Any]], query: dict[str, str], media_type: bool = False
    ) -> dict[str, Any]:
        lang, region = query.get("language"), query.get("region")
        return paged(movies, query, lambda m: ser.movie_item(m, lang, region, media_type))

    # --- search --------------------------------------------------------------------------------------
    def search(self, query: dict[str, str], kind: str) -> dict[str, Any]:
        text = (query.get("query") or "").strip()
        if not text:
            raise ApiError(422, {"errors": ["query must be provided"]})
        adult = _truthy(query.get("include_adult"))
        lang = query.get("language")
        if kind == "movie":
            movies = [m for m in self.cat.search_movies(text) if adult or not m["adult"]]
            if query.get("primary_release_year"):
                movies = [m for m in movies if m["release_date"][:4] == query["primary_release_year"]]
            if query.get("year"):
                movies = [m for m in movies if query["year"] in m["years"]]
            return self._movie_items(movies, query)
        if kind == "tv":
            shows = self.cat.search_shows(text)
            if query.get("first_air_date_year"):
                shows = [s for s in shows if s["first_air_date"][:4] == query["first_air_date_year"]]
            if query.get("year"):
                shows = [s for s in shows if query["year"] in _show_years(s)]
            return paged(shows, query, ser.tv_item)
        if kind == "person":
            return paged(self.cat.search_people(text), query, lambda p: ser.person_item(self.cat, p, lang))
        mixed = [("movie", m) for m in self.cat.search_movies(text) if adult or not m["adult"]]
        mixed += [("tv", s) for s in self.cat.search_shows(text)] + [
            ("person", p) for p in self.cat.search_people(text)
        ]
        mixed.sort(key=lambda pair: -pair[1]["popularity"])
        return paged(mixed, query, lambda pair: self._any_item(pair, lang))

    def _any_item(self, pair: tuple[str, dict[str, Any]], lang: str | None) -> dict[str, Any]:
        kind, record = pair
        if kind == "movie":
            return ser.movie_item(record, lang, media_type=True)
        if kind == "tv":
            return ser.tv_item(record, media_type=True)
        return ser.person_item(self.cat, record, lang, media_type=True)

    # --- movies --------------------------------------------------------------------------------------
    def movie_list(self, query: dict[str, str], which: str) -> dict[str, Any]:
        movies = list(self.cat.movies.values())
        if which == "popular":
            return self._movie_items(sorted(movies, key=lambda m: -m["popularity"]), query)
        if which == "top_rated":
            rated = [m for m in movies if m["vote_count"] >= 300]
            return self._movie_items(
                sorted(rated, key=lambda m: (-m["vote_average"], -m["vote_count"])), query
            )
        if which == "now_playing":
            low, high = self.today - dt.timedelta(days=42), self.today
        else:
            low, high = self.today + dt.timedelta(days=1), self.today + dt.timedelta(days=28)
        region = query.get("region")
        lo, hi = low.isoformat(), high.isoformat()
        picked = []
        for m in movies:
            dates = (
                [m["release_dates"].get(region) or m["release_date"]]
                if region
                else [m["release_date"], *m["release_dates"].values()]
            )
            if any(d and lo <= d <= hi for d in dates):
                picked.append(m)
        body = {"dates": {"maximum": hi, "minimum": lo}}
        body.update(self._movie_items(sorted(picked, key=lambda m: -m["popularity"]), query))
        return body

    def movie(self, query: dict[str, str], movie_id: str) -> dict[str, Any]:
        movie = self._movie(movie_id)
        body = ser.movie_details(movie, query.get("language"))
        return self._append(body, query, lambda name: self.movie_sub(query, movie_id, name))

    def movie_sub(self, query: dict[str, str], movie_id: str, name: str) -> dict[str, Any]:
        m = self._movie(movie_id)
        body: dict[str, Any] = {"id": m["id"]}
        if name == "credits":
            body.update(ser.movie_credits(self.cat, m))
        elif name == "images":
            body = {**ser.images(m), "id": m["id"]}
        elif name == "videos":
            body.update(ser.videos(m, m["title"], m["release_date"]))
        elif name in ("recommendations", "similar"):
            related = self._related(m)
            return self._movie_items(
                related, {**query, "page": query.get("page", "1")}, media_type=name == "recommendations"
            )
        elif name == "external_ids":
            body.update(
                imdb_id=m["imdb_id"], wikidata_id=None, facebook_id=None, instagram_id=None, twitter_id=None
            )
        elif name == "alternative_titles":
            country = query.get("country")
            body["titles"] = [a for a in m["alternative_titles"] if not country or a["iso_3166_1"] == country]
        elif name == "changes":
            return ser.changes(m, self._change_window(query))
        elif name == "release_dates":
            body.update(ser.release_dates(m))
        elif name == "translations":
            body.update(ser.translations(m))
        elif name == "watch/providers":
            body["results"] = {}
        elif name == "keywords":
            body["keywords"] = []
        elif name == "reviews":
            return {"id": m["id"], **paged([], query, dict)}
        else:
            raise _not_found()
        return body

    def _related(self, m: dict[str, Any]) -> list[dict[str, Any]]:
        genres = set(m["genre_ids"])
        scored = [
            (len(genres & set(o["genre_ids"])), o) for o in self.cat.movies.values() if o["id"] != m["id"]
        ]
        scored = [(n, o) for n, o in scored if n]
        scored.sort(key=lambda pair: (-pair[0], -pair[1]["popularity"]))
        return [o for _, o in scored[:40]]

    def _change_window(self, query: dict[str, str]) -> dt.date:
        end = _date(query["end_date"]) if query.get("end_date") else dt.date.today()
        start = _date(query["start_date"]) if query.get("start_date") else end - dt.timedelta(days=1)
        if (end - start).days > 14:
            raise ApiError(422, st.MSG_RANGE)
        return end

    # --- tv ------------------------------------------------------------------------------------------
    def tv(self, query: dict[str, str], tv_id: str) -> dict[str, Any]:
        body = ser.tv_details(self.cat, self._show(tv_id))
        return self._append(body, query, lambda name: self._tv_append(query, tv_id, name))

    def _tv_append(self, query: dict[str, str], tv_id: str, name: str) -> dict[str, Any]:
        season = re.fullmatch(r"season/(\d+)", name)
        if season:
            return self.season({}, tv_id, season.group(1))
        return self.tv_sub(query, tv_id, name)

    def tv_sub(self, query: dict[str, str], tv_id: str, name: str) -> dict[str, Any]:
        s = self._show(tv_id)
        body: dict[str, Any] = {"id": s["id"]}
        if name == "external_ids":
            body.update(ser.tv_external_ids(s))
        elif name == "alternative_titles":
            body["results"] = list(s["alternative_titles"])
        elif name == "changes":
            return ser.changes(s, self._change_window(query))
        elif name == "images":
            body = {**ser.images(s), "id": s["id"]}
        elif name == "videos":
            body.update(ser.videos(s, s["name"], s["first_air_date"]))
        elif name == "credits":
            body.update(cast=[], crew=[])
        elif name in ("recommendations", "similar"):
            genres = set(s["genre_ids"])
            others = sorted(
                (o for o in self.cat.shows.values() if o["id"] != s["id"] and genres & set(o["genre_ids"])),
                key=lambda o: -o["popularity"],
            )
            return paged(others, query, lambda o: ser.tv_item(o, media_type=name == "recommendations"))
        else:
            raise _not_found()
        return body

    def _season(self, s: dict[str, Any], number: str) -> dict[str, Any]:
        for season in s["seasons"]:
            if season["season_number"] == int(number):
                return season
        raise _not_found()

    def season(self, query: dict[str, str], tv_id: str, number: str) -> dict[str, Any]:
        s = self._show(tv_id)
        season = self._season(s, number)
        body = ser.season_details(self.cat, s, season)
        extra = {
            "external_ids": lambda: {
                "freebase_mid": None,
                "freebase_id": None,
                "tvdb_id": None,
                "tvrage_id": None,
                "wikidata_id": None,
            },
            "credits": lambda: {"cast": [], "crew": []},
            "images": lambda: {"posters": [ser.image_entry("poster", season["poster_path"], "en")]},
            "videos": lambda: {"results": []},
        }
        return self._append(body, query, lambda name: _sub(extra, name))

    def episode(self, query: dict[str, str], tv_id: str, number: str, ep: str) -> dict[str, Any]:
        s = self._show(tv_id)
        season = self._season(s, number)
        if not 1 <= int(ep) <= season["episode_count"]:
            raise _not_found()
        body = ser.episode(self.cat, s, season, int(ep), in_season=False)
        extra = {
            "external_ids": lambda: {
                "imdb_id": None,
                "freebase_mid": None,
                "freebase_id": None,
                "tvdb_id": None,
                "tvrage_id": None,
                "wikidata_id": None,
            },
            "credits": lambda: {"cast": [], "crew": [], "guest_stars": []},
            "images": lambda: {"stills": [ser.image_entry("still", body["still_path"], None)]},
            "videos": lambda: {"results": []},
        }
        return self._append(body, query, lambda name: _sub(extra, name))

    # --- collections ---------------------------------------------------------------------------------
    def collection(self, query: dict[str, str], collection_id: str) -> dict[str, Any]:
        c = self.cat.collections.get(int(collection_id))
        if c is None:
            raise _not_found()
        return ser.collection_details(c, query.get("language"))

    # --- people --------------------------------------------------------------------------------------
    def _person(self, person_id: str) -> dict[str, Any]:
        person = self.cat.people.get(int(person_id))
        if person is None:
            raise _not_found()
        return person

    def person(self, query: dict[str, str], person_id: str) -> dict[str, Any]:
        body = ser.person_details(self._person(person_id))
        return self._append(body, query, lambda name: self.person_sub(query, person_id, name))

    def person_sub(self, query: dict[str, str], person_id: str, name: str) -> dict[str, Any]:
        p = self._person(person_id)
        if name == "movie_credits":
            return {**ser.person_movie_credits(self.cat, p, query.get("language")), "id": p["id"]}
        if name == "external_ids":
            return {"id": p["id"], **ser.person_external_ids(p)}
        if name == "changes":
            return ser.changes(p, self._change_window(query))
        if name == "images":
            profiles = [ser.image_entry("profile", p["profile_path"], None)] if p["profile_path"] else []
            return {"id": p["id"], "profiles": profiles}
        raise _not_found()

    # --- lists ---------------------------------------------------------------------------------------
    def trending(self, query: dict[str, str], kind: str, window: str) -> dict[str, Any]:
        lang = query.get("language")
        pool: list[tuple[str, dict[str, Any]]] = []
        if kind in ("movie", "all"):
            pool += [("movie", m) for m in self.cat.movies.values()]
        if kind in ("tv", "all"):
            pool += [("tv", s) for s in self.cat.shows.values()]
        if kind in ("person", "all"):
            pool += [("person", p) for p in self.cat.people.values()]

        def score(pair: tuple[str, dict[str, Any]]) -> float:
            # "day" reshuffles popularity a little, deterministically per seed and date.
            if window == "week":
                return pair[1]["popularity"]
            jitter = int(ser.hex_id(self.seed, self.today, pair[0], pair[1]["id"])[:6], 16) / 0xFFFFFF
            return pair[1]["popularity"] * (0.5 + jitter)

        pool.sort(key=lambda pair: -score(pair))
        return paged(pool, query, lambda pair: self._any_item(pair, lang))

    def discover(self, query: dict[str, str], kind: str) -> dict[str, Any]:
        wanted = query.get("with_genres", "")
        any_of = [int(g) for g in wanted.split("|") if g.strip().isdigit()] if "|" in wanted else []
        all_of = [int(g) for g in wanted.split(",") if g.strip().isdigit()] if "|" not in wanted else []
        records = list((self.cat.movies if kind == "movie" else self.cat.shows).values())
        records = [
            r
            for r in records
            if all(g in r["genre_ids"] for g in all_of) and (not any_of or set(any_of) & set(r["genre_ids"]))
        ]
        if query.get("with_original_language"):
            records = [r for r in records if r["original_language"] == query["with_original_language"]]
        if query.get("vote_count.gte"):
            records = [r for r in records if r["vote_count"] >= float(query["vote_count.gte"])]
        date_key = "release_date" if kind == "movie" else "first_air_date"
        if kind == "movie":
            if query.get("primary_release_year"):
                records = [r for r in records if r["release_date"][:4] == query["primary_release_year"]]
            if query.get("year"):
                records = [r for r in records if query["year"] in r["years"]]
        elif query.get("first_air_date_year"):
            records = [r for r in records if r["first_air_date"][:4] == query["first_air_date_year"]]
        field, _, order = query.get("sort_by", "popularity.desc").rpartition(".")
        field = {"primary_release_date": date_key, "first_air_date": date_key, "release_date": date_key}.get(
            field, field
        )
        if field not in (
            "popularity",
            "vote_average",
            "vote_count",
            date_key,
            "title",
            "original_title",
            "name",
            "revenue",
        ):
            field = "popularity"
        records.sort(key=lambda r: (r.get(field) or 0, r["id"]), reverse=order != "asc")
        if kind == "movie":
            return self._movie_items(records, query)
        return paged(records, query, ser.tv_item)

    def find(self, query: dict[str, str], external_id: str) -> dict[str, Any]:
        source = query.get("external_source", "")
        valid = (
            "imdb_id",
            "facebook_id",
            "instagram_id",
            "tvdb_id",
            "tiktok_id",
            "twitter_id",
            "wikidata_id",
            "youtube_id",
        )
        if source not in valid:
            raise ApiError(
                400, {"success": False, "status_code": 47, "status_message": "The input is not valid."}
            )
        body: dict[str, list[Any]] = {
            k: []
            for k in (
                "movie_results",
                "person_results",
                "tv_results",
                "tv_episode_results",
                "tv_season_results",
            )
        }
        lang = query.get("language")
        if source == "imdb_id":
            hit = self.cat.by_imdb.get(external_id)
            if hit and hit[0] == "movie":
                body["movie_results"].append(ser.movie_item(self.cat.movies[hit[1]], lang, media_type=True))
            elif hit:
                body["tv_results"].append(ser.tv_item(self.cat.shows[hit[1]], media_type=True))
            for p in self.cat.people.values():
                if p["imdb_id"] and p["imdb_id"] == external_id:
                    body["person_results"].append(ser.person_item(self.cat, p, lang, media_type=True))
        elif source == "tvdb_id" and external_id.isdigit():
            show_id = self.cat.by_tvdb.get(int(external_id))
            if show_id is not None:
                body["tv_results"].append(ser.tv_item(self.cat.shows[show_id], media_type=True))
        return body

    def configuration(self, query: dict[str, str]) -> dict[str, Any]:
        images = {"base_url": self.image_base_url, "secure_base_url": self.image_base_url, **st.IMAGE_SIZES}
        return {"images": images, "change_keys": list(st.CHANGE_KEYS)}

    def genres(self, query: dict[str, str], kind: str) -> dict[str, Any]:
        table = MOVIE_GENRES if kind == "movie" else TV_GENRES
        return {"genres": [{"id": gid, "name": name} for gid, name in table.items()]}


def _sub(table: dict[str, Callable[[], Any]], name: str) -> Any:
    if name not in table:
        raise _not_found()
    return table[name]()


def _show_years(s: dict[str, Any]) -> set[str]:
    """First-air year plus every year an episode aired (seasons run weekly from their air date)."""
    years = {s["first_air_date"][:4]} if s["first_air_date"] else set()
    for season in s["seasons"]:
        if season.get("air_date"):
            years.add(season["air_date"][:4])
            years.add(ser.episode_air_date(season, season["episode_count"])[:4])
    return years
