"""Turn catalog records into TMDb v3 JSON shapes (list items, details, credits, seasons, episodes).

Key names and order follow the recorded examples in the official OpenAPI spec (see API-NOTES §5).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from videomanager.testing.catalog import (
    COUNTRY_NAMES,
    LANGUAGE_NAMES,
    MOVIE_GENRES,
    TV_GENRES,
    Catalog,
    image_path,
)
from videomanager.testing.fake_tmdb_static import ORIGINAL_SIZE


def hex_id(*parts: object) -> str:
    """A deterministic 24-hex id such as TMDb's credit ids and video ids."""
    return hashlib.sha1(":".join(map(str, parts)).encode()).hexdigest()[:24]


def localized_title(movie: dict[str, Any], language: str | None) -> str:
    """The translated title for 'fr-FR' (or any 'fr-*' translation), else the English title."""
    if not language or language.startswith("en"):
        return movie["title"]
    translations = movie["translations"]
    if language in translations:
        return translations[language]
    prefix = language.split("-")[0] + "-"
    for tag, title in translations.items():
        if tag == language.split("-")[0] or tag.startswith(prefix):
            return title
    return movie["title"]


def movie_item(
    m: dict[str, Any], language: str | None = None, region: str | None = None, media_type: bool = False
) -> dict[str, Any]:
    release = m["release_dates"].get(region, m["release_date"]) if region else m["release_date"]
    item: dict[str, Any] = {
        "adult": m["adult"], "backdrop_path": m["backdrop_path"], "genre_ids": list(m["genre_ids"]),
        "id": m["id"], "original_language": m["original_language"], "original_title": m["original_title"],
        "overview": m["overview"], "popularity": m["popularity"], "poster_path": m["poster_path"],
        "release_date": release, "title": localized_title(m, language), "video": m["video"],
        "vote_average": m["vote_average"], "vote_count": m["vote_count"],
    }  # fmt: skip
    if media_type:
        item["media_type"] = "movie"
    return item


def tv_item(s: dict[str, Any], media_type: bool = False) -> dict[str, Any]:
    item: dict[str, Any] = {
        "adult": False, "backdrop_path": s["backdrop_path"], "genre_ids": list(s["genre_ids"]), "id": s["id"],
        "origin_country": list(s["origin_country"]), "original_language": s["original_language"],
        "original_name": s["original_name"], "overview": s["overview"], "popularity": s["popularity"],
        "poster_path": s["poster_path"], "first_air_date": s["first_air_date"], "name": s["name"],
        "vote_average": s["vote_average"], "vote_count": s["vote_count"],
    }  # fmt: skip
    if media_type:
        item["media_type"] = "tv"
    return item


def person_base(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "adult": False, "gender": p["gender"], "id": p["id"], "known_for_department": p["known_for_department"],
        "name": p["name"], "original_name": p["name"], "popularity": p["popularity"], "profile_path": p["profile_path"],
    }  # fmt: skip


def person_item(
    cat: Catalog, p: dict[str, Any], language: str | None, media_type: bool = False
) -> dict[str, Any]:
    item = person_base(p)
    films = sorted(
        {cat.movies[mid]["id"]: cat.movies[mid] for mid, _ in p["cast"] + p["crew"]}.values(),
        key=lambda m: -m["popularity"],
    )
    item["known_for"] = [movie_item(m, language, media_type=True) for m in films[:3]]
    if media_type:
        item["media_type"] = "person"
    return item


def movie_details(m: dict[str, Any], language: str | None) -> dict[str, Any]:
    lang = m["original_language"]
    english, native = LANGUAGE_NAMES.get(lang, (lang, lang))
    return {
        "adult": m["adult"], "backdrop_path": m["backdrop_path"], "belongs_to_collection": m.get("collection"),
        "budget": m["budget"], "genres": [{"id": g, "name": MOVIE_GENRES.get(g, "Unknown")} for g in m["genre_ids"]],
        "homepage": "", "id": m["id"], "imdb_id": m["imdb_id"], "origin_country": list(m["origin_country"]),
        "original_language": lang, "original_title": m["original_title"], "overview": m["overview"],
        "popularity": m["popularity"], "poster_path": m["poster_path"], "production_companies": [],
        "production_countries": [{"iso_3166_1": c, "name": COUNTRY_NAMES.get(c, c)} for c in m["origin_country"]],
        "release_date": m["release_date"], "revenue": m["revenue"], "runtime": m["runtime"],
        "spoken_languages": [{"english_name": english, "iso_639_1": lang, "name": native}],
        "status": m["status"], "tagline": m["tagline"], "title": localized_title(m, language), "video": m["video"],
        "vote_average": m["vote_average"], "vote_count": m["vote_count"],
    }  # fmt: skip


def movie_credits(cat: Catalog, m: dict[str, Any]) -> dict[str, Any]:
    cast = []
    for order, pid in enumerate(m["cast_ids"]):
        entry = person_base(cat.people[pid])
        entry.update(cast_id=order + 1, character="", credit_id=hex_id("cast", m["id"], pid), order=order)
        cast.append(entry)
    crew = []
    for pid in m["director_ids"]:
        entry = person_base(cat.people[pid])
        entry.update(credit_id=hex_id("crew", m["id"], pid), department="Directing", job="Director")
        crew.append(entry)
    return {"cast": cast, "crew": crew}


def image_entry(kind: str, path: str, language: str | None) -> dict[str, Any]:
    width, height = ORIGINAL_SIZE[kind]
    return {
        "aspect_ratio": round(width / height, 3), "height": height, "iso_639_1": language, "file_path": path,
        "vote_average": 5.318, "vote_count": 3, "width": width,
    }  # fmt: skip


def images(record: dict[str, Any]) -> dict[str, Any]:
    backdrops = [image_entry("backdrop", record["backdrop_path"], None)] if record["backdrop_path"] else []
    posters = [image_entry("poster", record["poster_path"], "en")] if record["poster_path"] else []
    return {"backdrops": backdrops, "logos": [], "posters": posters}


def videos(record: dict[str, Any], title: str, date: str) -> dict[str, Any]:
    key = "".join(c for c in hex_id("yt", record["id"]) if c.isalnum())[:11]
    published = f"{date or '2020-01-01'}T16:00:00.000Z"
    return {
        "results": [
            {
                "iso_639_1": "en",
                "iso_3166_1": "US",
                "name": f"{title} | Official Trailer",
                "key": key,
                "site": "YouTube",
                "size": 1080,
                "type": "Trailer",
                "official": True,
                "published_at": published,
                "id": hex_id("video", record["id"]),
            }  # fmt: skip
        ]
    }


def release_dates(m: dict[str, Any]) -> dict[str, Any]:
    by_country = (
        {m["origin_country"][0]: m["release_date"], **m["release_dates"]}
        if m["release_date"]
        else dict(m["release_dates"])
    )
    results = []
    for country, date in sorted(by_country.items()):
        entry = {
            "certification": "",
            "descriptors": [],
            "iso_639_1": "",
            "note": "",
            "release_date": f"{date}T00:00:00.000Z",
            "type": 3,
        }
        results.append({"iso_3166_1": country, "release_dates": [entry]})
    return {"results": results}


def translations(m: dict[str, Any]) -> dict[str, Any]:
    out = []
    for tag, title in [("en-US", m["title"]), *m["translations"].items()]:
        lang, _, country = tag.partition("-")
        english, native = LANGUAGE_NAMES.get(lang, (lang, lang))
        data = {
            "homepage": "",
            "overview": m["overview"] if lang == "en" else "",
            "runtime": m["runtime"] or 0,
            "tagline": "",
            "title": title,
        }
        out.append(
            {
                "iso_3166_1": country or "US",
                "iso_639_1": lang,
                "name": native,
                "english_name": english,
                "data": data,
            }
        )
    return {"translations": out}


def changes(record: dict[str, Any], end: dt.date) -> dict[str, Any]:
    if not record.get("poster_path"):
        return {"changes": []}
    item = {
        "id": hex_id("change", record["id"], end), "action": "added", "time": f"{end.isoformat()} 10:12:48 UTC",
        "iso_639_1": "", "iso_3166_1": "", "value": {"poster": {"file_path": record["poster_path"]}},
    }  # fmt: skip
    return {"changes": [{"key": "images", "items": [item]}]}


# --- TV ---------------------------------------------------------------------------------------------


def season_id(show_id: int, number: int) -> int:
    return 1_000_000 + show_id * 100 + number


def episode_air_date(season: dict[str, Any], number: int) -> str:
    """Weekly from the season's date, or one a day on the season's ``weekdays`` ("0123": Monday-Thursday)."""
    if not season.get("air_date"):
        return ""
    start = dt.date.fromisoformat(season["air_date"])
    days = [int(d) for d in season.get("weekdays") or ""]
    if not days:
        return (start + dt.timedelta(days=7 * (number - 1))).isoformat()
    skipped = sum(1 for d in days if d < start.weekday())  # the season's first week starts mid-week
    weeks, index = divmod(number - 1 + skipped, len(days))
    monday = start - dt.timedelta(days=start.weekday()) + dt.timedelta(weeks=weeks)
    return (monday + dt.timedelta(days=days[index])).isoformat()


def episode(
    cat: Catalog, s: dict[str, Any], season: dict[str, Any], number: int, *, in_season: bool
) -> dict[str, Any]:
    """An episode object (the season list shape, or the details shape when ``in_season`` is False)."""
    sn = season["season_number"]
    still = image_path("still", (s["id"], sn, number))
    cat.images.setdefault(still, ("still", s["id"]))  # registered lazily: only known once served
    name = season.get("episode_names", {}).get(number, f"Episode {number}")
    ep: dict[str, Any] = {
        "air_date": episode_air_date(season, number), "episode_number": number,
        "id": 10_000_000 + season_id(s["id"], sn) * 1000 + number, "name": name, "overview": "",
        "production_code": "", "runtime": 45, "season_number": sn, "show_id": s["id"], "still_path": still,
        "vote_average": 7.5, "vote_count": 12,
    }  # fmt: skip
    if in_season:
        ep["episode_type"] = "finale" if number == season["episode_count"] else "standard"
        ep["crew"], ep["guest_stars"] = [], []
        return ep
    del ep["show_id"]
    ep["crew"], ep["guest_stars"] = [], []
    return ep


def networks(s: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "id": int(hex_id("net", n), 16) % 9000 + 1,
            "logo_path": image_path("logo", n, ".png"),
            "name": n,
            "origin_country": s["origin_country"][0],
        }
        for n in s["networks"]
    ]


def season_summary(s: dict[str, Any], season: dict[str, Any]) -> dict[str, Any]:
    n = season["season_number"]
    return {
        "air_date": season.get("air_date", ""), "episode_count": season["episode_count"], "id": season_id(s["id"], n),
        "name": "Specials" if n == 0 else f"Season {n}", "overview": "", "poster_path": season["poster_path"],
        "season_number": n, "vote_average": 7.5,
    }  # fmt: skip


def tv_details(cat: Catalog, s: dict[str, Any]) -> dict[str, Any]:
    lang = s["original_language"]
    english, native = LANGUAGE_NAMES.get(lang, (lang, lang))
    seasons = s["seasons"]
    last = None
    if seasons:
        final = seasons[-1]
        last = episode(cat, s, final, final["episode_count"], in_season=True)
        for key in ("crew", "guest_stars"):
            del last[key]
    n_episodes = sum(x["episode_count"] for x in seasons if x["season_number"] > 0)
    created = [
        {"id": pid, "credit_id": hex_id("creator", s["id"], pid), "name": cat.people[pid]["name"],
         "gender": cat.people[pid]["gender"], "profile_path": cat.people[pid]["profile_path"]}
        for pid in s["created_by"]
    ]  # fmt: skip
    return {
        "adult": False, "backdrop_path": s["backdrop_path"], "created_by": created, "episode_run_time": [],
        "first_air_date": s["first_air_date"], "genres": [{"id": g, "name": TV_GENRES.get(g, "Unknown")} for g in s["genre_ids"]],
        "homepage": "", "id": s["id"], "in_production": s["status"] != "Ended", "languages": [lang],
        "last_air_date": last["air_date"] if last else None, "last_episode_to_air": last, "name": s["name"],
        "next_episode_to_air": None, "networks": networks(s), "number_of_episodes": n_episodes,
        "number_of_seasons": len([x for x in seasons if x["season_number"] > 0]),
        "origin_country": list(s["origin_country"]), "original_language": lang, "original_name": s["original_name"],
        "overview": s["overview"], "popularity": s["popularity"], "poster_path": s["poster_path"],
        "production_companies": [],
        "production_countries": [{"iso_3166_1": c, "name": COUNTRY_NAMES.get(c, c)} for c in s["origin_country"]],
        "seasons": [season_summary(s, x) for x in seasons],
        "spoken_languages": [{"english_name": english, "iso_639_1": lang, "name": native}],
        "status": s["status"], "tagline": "", "type": "Miniseries" if n_episodes <= 3 else "Scripted",
        "vote_average": s["vote_average"], "vote_count": s["vote_count"],
    }  # fmt: skip


def season_details(cat: Catalog, s: dict[str, Any], season: dict[str, Any]) -> dict[str, Any]:
    summary = season_summary(s, season)
    return {
        "_id": hex_id("season", s["id"], season["season_number"]), "air_date": summary["air_date"],
        "episodes": [episode(cat, s, season, n, in_season=True) for n in range(1, season["episode_count"] + 1)],
        "name": summary["name"], "networks": networks(s), "overview": "", "id": summary["id"],
        "poster_path": summary["poster_path"], "season_number": season["season_number"], "vote_average": 7.5,
    }  # fmt: skip


def tv_external_ids(s: dict[str, Any]) -> dict[str, Any]:
    return {
        "imdb_id": s["imdb_id"], "freebase_mid": None, "freebase_id": None, "tvdb_id": s["tvdb_id"], "tvrage_id": None,
        "wikidata_id": None, "facebook_id": None, "instagram_id": None, "twitter_id": None,
    }  # fmt: skip


def person_details(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "adult": False, "also_known_as": [], "biography": "", "birthday": p["birthday"], "deathday": None,
        "gender": p["gender"], "homepage": None, "id": p["id"], "imdb_id": p["imdb_id"],
        "known_for_department": p["known_for_department"], "name": p["name"], "place_of_birth": p["place_of_birth"],
        "popularity": p["popularity"], "profile_path": p["profile_path"],
    }  # fmt: skip


def person_movie_credits(cat: Catalog, p: dict[str, Any], language: str | None) -> dict[str, Any]:
    cast, crew = [], []
    for mid, order in p["cast"]:
        item = movie_item(cat.movies[mid], language)
        item.update(character="", credit_id=hex_id("cast", mid, p["id"]), order=order)
        cast.append(item)
    for mid, _ in p["crew"]:
        item = movie_item(cat.movies[mid], language)
        item.update(credit_id=hex_id("crew", mid, p["id"]), department="Directing", job="Director")
        crew.append(item)
    return {"cast": cast, "crew": crew}


def collection_details(c: dict[str, Any], language: str | None) -> dict[str, Any]:
    parts = []
    for m in c["parts"]:
        if "genre_ids" in m:  # a catalog film
            parts.append(movie_item(m, language, media_type=True))
        else:
            parts.append({"adult": False, "backdrop_path": None, "genre_ids": [], "id": m["id"], "media_type": "movie",
                          "original_language": "en", "original_title": m["title"], "overview": "", "popularity": 1.0,
                          "poster_path": m["poster_path"], "release_date": m["release_date"], "title": m["title"],
                          "video": False, "vote_average": 0.0, "vote_count": 0})  # fmt: skip
    return {"id": c["id"], "name": c["name"], "overview": c["overview"], "poster_path": c["poster_path"],
            "backdrop_path": c["backdrop_path"], "parts": parts}  # fmt: skip


def person_external_ids(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "freebase_mid": None, "freebase_id": None, "imdb_id": p["imdb_id"], "tvrage_id": None, "wikidata_id": None,
        "facebook_id": None, "instagram_id": None, "tiktok_id": None, "twitter_id": None, "youtube_id": None,
    }  # fmt: skip
