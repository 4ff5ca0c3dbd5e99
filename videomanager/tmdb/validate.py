"""Validation of TMDb answers at the client boundary, before anything is cached, stored or shown.

``clean_answer(path, data)`` returns the decoded JSON of ``path`` with the same shape, keeping what is
valid: ids are positive integers that fit SQLite (at most 2**63-1), titles and names are strings, dates
are ``YYYY-MM-DD`` or empty, numbers are finite, lists are lists. A malformed item of a list (a search
result whose id is ``"abc"``, a cast member without a name) is dropped and the rest of the answer kept; a
malformed secondary field (a ``videos`` that is a string, a popularity that is not a number) is dropped
from its object. An answer whose top-level shape is wrong (a list where an object is promised, a details
answer without a valid id, ``results`` that is not a list) raises :class:`MalformedAnswerError`: the
caller treats it as a failed request and never caches it. What was dropped is counted in a
:class:`Cleaning` and logged at debug level by the client.

Fields this module does not know are passed through untouched: TMDb adds fields over time, and the
consumers read only the ones declared here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import MalformedAnswerError

__all__ = [
    "Cleaning",
    "clean_answer",
    "clean_title_data",
    "clean_candidates",
    "valid_id",
    "valid_date",
    "valid_text",
    "MAX_ID",
]

MAX_ID = 2**63 - 1  # SQLite's INTEGER
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class _Invalid(Exception):
    """A value (or an object whose identity fields are wrong) that cannot be kept."""


@dataclass
class Cleaning:
    """What cleaning one answer dropped (items of lists, fields of objects), with a few examples."""

    path: str = ""
    items_dropped: int = 0
    fields_dropped: int = 0
    notes: list[str] = field(default_factory=list)

    def note(self, where: str, why: str) -> None:
        if len(self.notes) < 10:
            self.notes.append(f"{where}: {why}")

    @property
    def changed(self) -> bool:
        return bool(self.items_dropped or self.fields_dropped)


Check = Callable[[Any, Cleaning, str], Any]  # returns the clean value or raises _Invalid


# -- scalar checks ---------------------------------------------------------------------------------------


def valid_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID


def valid_text(value: Any) -> bool:
    """A string that can be stored and shown (no lone surrogates, which UTF-8 cannot encode)."""
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def valid_date(value: Any) -> bool:
    """``YYYY-MM-DD`` (a plausible calendar date), ``""`` or None."""
    if value is None or value == "":
        return True
    if not isinstance(value, str):
        return False
    m = _DATE.fullmatch(value)
    return bool(m) and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31


def _id(v: Any, ctx: Cleaning, where: str) -> int:
    if not valid_id(v):
        raise _Invalid(f"id {_show(v)}")
    return v


def _opt_id(v: Any, ctx: Cleaning, where: str) -> int | None:
    return None if v is None else _id(v, ctx, where)


def _text(v: Any, ctx: Cleaning, where: str) -> str:
    if not valid_text(v):
        raise _Invalid(f"not a string: {_show(v)}")
    return v


def _opt_text(v: Any, ctx: Cleaning, where: str) -> str | None:
    return None if v is None else _text(v, ctx, where)


def _date(v: Any, ctx: Cleaning, where: str) -> str | None:
    if not valid_date(v):
        raise _Invalid(f"not a YYYY-MM-DD date: {_show(v)}")
    return v


def _num(v: Any, ctx: Cleaning, where: str) -> float | int:
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
        raise _Invalid(f"not a finite number: {_show(v)}")
    return v


def _opt_num(v: Any, ctx: Cleaning, where: str) -> float | int | None:
    return None if v is None else _num(v, ctx, where)


def _int(v: Any, ctx: Cleaning, where: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or abs(v) > MAX_ID:
        raise _Invalid(f"not an integer: {_show(v)}")
    return v


def _opt_int(v: Any, ctx: Cleaning, where: str) -> int | None:
    return None if v is None else _int(v, ctx, where)


def _bool(v: Any, ctx: Cleaning, where: str) -> bool:
    if not isinstance(v, bool):
        raise _Invalid(f"not true/false: {_show(v)}")
    return v


def _show(v: Any) -> str:
    text = repr(v)
    return text if len(text) <= 40 else text[:37] + "..."


# -- containers --------------------------------------------------------------------------------------------


def list_of(item: Check) -> Check:
    """A list whose malformed elements are dropped (counted as dropped items)."""

    def check(v: Any, ctx: Cleaning, where: str) -> list:
        if not isinstance(v, list):
            raise _Invalid(f"not a list: {_show(v)}")
        out = []
        for i, x in enumerate(v):
            try:
                out.append(item(x, ctx, f"{where}[{i}]"))
            except _Invalid as exc:
                ctx.items_dropped += 1
                ctx.note(f"{where}[{i}]", str(exc))
        return out

    return check


def obj(strict: dict[str, Check] | None = None, loose: dict[str, Check] | None = None,
        required: tuple[str, ...] = ()) -> Check:  # fmt: skip
    """An object: a ``strict`` field that is wrong makes the whole object malformed (its identity: id,
    title, date); a ``loose`` field that is wrong is dropped from it. Unknown fields are kept."""
    strict = strict or {}
    loose = loose or {}

    def check(v: Any, ctx: Cleaning, where: str) -> dict:
        if not isinstance(v, dict):
            raise _Invalid(f"not an object: {_show(v)}")
        for name in required:
            if name not in v:
                raise _Invalid(f"no {name}")
        out = dict(v)
        for name, sub in strict.items():
            if name in out:
                try:
                    out[name] = sub(out[name], ctx, f"{where}.{name}")
                except _Invalid as exc:
                    raise _Invalid(f"{name}: {exc}") from None
        for name, sub in loose.items():
            if name in out:
                try:
                    out[name] = sub(out[name], ctx, f"{where}.{name}")
                except _Invalid as exc:
                    del out[name]
                    ctx.fields_dropped += 1
                    ctx.note(f"{where}.{name}", str(exc))
        return out

    return check


# -- TMDb shapes -------------------------------------------------------------------------------------------

# The identity of a film, show or person in any list or details answer: wrong means unusable.
IDENTITY: dict[str, Check] = {
    "id": _id,
    "title": _opt_text,
    "original_title": _opt_text,
    "name": _opt_text,
    "original_name": _opt_text,
    "release_date": _date,
    "first_air_date": _date,
    "media_type": _text,
}
MEDIA_FIELDS: dict[str, Check] = {
    "poster_path": _opt_text,
    "backdrop_path": _opt_text,
    "profile_path": _opt_text,
    "overview": _opt_text,
    "popularity": _num,
    "vote_average": _num,
    "vote_count": _int,
    "genre_ids": list_of(_id),
    "origin_country": list_of(_text),
    "original_language": _opt_text,
    "adult": _bool,
    "video": _bool,
    "character": _opt_text,
    "job": _opt_text,
    "department": _opt_text,
    "order": _int,
    "gender": _opt_int,
    "known_for_department": _opt_text,
    "credit_id": _opt_text,
}
_ITEM_BASE = obj(IDENTITY, MEDIA_FIELDS, required=("id",))
ITEM = obj(IDENTITY, {**MEDIA_FIELDS, "known_for": list_of(_ITEM_BASE)}, required=("id",))

PAGED_FIELDS: dict[str, Check] = {"page": _int, "total_pages": _int, "total_results": _int}
PAGED = obj({"results": list_of(ITEM)}, PAGED_FIELDS, required=("results",))

PERSON_CREDIT = obj({"id": _id, "name": _text}, MEDIA_FIELDS, required=("id", "name"))
CREDITS = obj(loose={"cast": list_of(PERSON_CREDIT), "crew": list_of(PERSON_CREDIT)})
VIDEO = obj({"key": _text, "site": _text}, {"type": _opt_text, "name": _opt_text, "official": _bool,
            "iso_639_1": _opt_text, "iso_3166_1": _opt_text, "published_at": _opt_text},
            required=("key", "site"))  # fmt: skip
VIDEOS = obj(loose={"results": list_of(VIDEO)})


def _external_value(v: Any, ctx: Cleaning, where: str) -> str | int | None:
    if v is None or valid_text(v) or (isinstance(v, int) and not isinstance(v, bool) and abs(v) <= MAX_ID):
        return v
    raise _Invalid(f"not an external id: {_show(v)}")


_EXTERNAL_NAMES = ("imdb_id", "tvdb_id", "tvrage_id", "facebook_id", "instagram_id", "twitter_id",
                   "wikidata_id", "tiktok_id", "youtube_id", "freebase_id", "freebase_mid")  # fmt: skip
EXTERNAL_IDS = obj(loose=dict.fromkeys(_EXTERNAL_NAMES, _external_value))
ALT_TITLE = obj({"title": _text}, {"iso_3166_1": _opt_text, "type": _opt_text}, required=("title",))
ALT_TITLES = obj(loose={"titles": list_of(ALT_TITLE), "results": list_of(ALT_TITLE)})
TRANSLATION_DATA = obj(loose={"title": _opt_text, "name": _opt_text, "overview": _opt_text,
                              "tagline": _opt_text, "homepage": _opt_text, "runtime": _opt_int})  # fmt: skip
TRANSLATION = obj({"iso_639_1": _text}, {"iso_3166_1": _opt_text, "name": _opt_text, "english_name": _opt_text,
                  "data": TRANSLATION_DATA}, required=("iso_639_1",))  # fmt: skip
TRANSLATIONS = obj(loose={"translations": list_of(TRANSLATION)})
IMAGE = obj({"file_path": _text}, {"width": _int, "height": _int, "aspect_ratio": _num, "iso_639_1": _opt_text,
            "vote_average": _num, "vote_count": _int}, required=("file_path",))  # fmt: skip
IMAGES = obj(loose={"posters": list_of(IMAGE), "backdrops": list_of(IMAGE), "logos": list_of(IMAGE),
                    "profiles": list_of(IMAGE), "stills": list_of(IMAGE)})  # fmt: skip
GENRE = obj({"id": _id, "name": _text}, required=("id", "name"))
NAMED = obj({"id": _id}, {"name": _opt_text, "logo_path": _opt_text, "profile_path": _opt_text},
            required=("id",))  # fmt: skip


def _opt_named(v: Any, ctx: Cleaning, where: str) -> dict | None:
    return None if v is None else NAMED(v, ctx, where)


SEASON_SUMMARY = obj({"season_number": _int}, {"id": _id, "episode_count": _int, "air_date": _date, "name": _opt_text,
                     "overview": _opt_text, "poster_path": _opt_text, "vote_average": _num},
                     required=("season_number",))  # fmt: skip
EPISODE = obj({"episode_number": _int}, {"id": _id, "season_number": _int, "name": _opt_text, "air_date": _date,
              "overview": _opt_text, "runtime": _opt_int, "still_path": _opt_text, "vote_average": _num,
              "vote_count": _int, "show_id": _id, "crew": list_of(PERSON_CREDIT),
              "guest_stars": list_of(PERSON_CREDIT)}, required=("episode_number",))  # fmt: skip

# Sub-answers that append_to_response may bring into a details answer; a malformed one is dropped.
APPENDED: dict[str, Check] = {
    "credits": CREDITS,
    "aggregate_credits": CREDITS,
    "videos": VIDEOS,
    "external_ids": EXTERNAL_IDS,
    "alternative_titles": ALT_TITLES,
    "translations": TRANSLATIONS,
    "images": IMAGES,
    "recommendations": PAGED,
    "similar": PAGED,
}
DETAILS_FIELDS: dict[str, Check] = {
    **MEDIA_FIELDS,
    **APPENDED,
    "runtime": _opt_int,
    "imdb_id": _opt_text,
    "homepage": _opt_text,
    "tagline": _opt_text,
    "status": _opt_text,
    "genres": list_of(GENRE),
    "episode_run_time": list_of(_int),
    "created_by": list_of(NAMED),
    "networks": list_of(NAMED),
    "number_of_seasons": _opt_int,
    "number_of_episodes": _opt_int,
    "seasons": list_of(SEASON_SUMMARY),
    "last_air_date": _date,
    "budget": _opt_num,
    "revenue": _opt_num,
    "in_production": _bool,
    "languages": list_of(_text),
    "biography": _opt_text,
    "birthday": _date,
    "deathday": _date,
    "place_of_birth": _opt_text,
    "also_known_as": list_of(_text),
    "belongs_to_collection": _opt_named,
}
DETAILS = obj(IDENTITY, DETAILS_FIELDS, required=("id",))
SEASON = obj({"season_number": _int}, {**DETAILS_FIELDS, "id": _id, "air_date": _date, "episodes": list_of(EPISODE)},
             required=("season_number",))  # fmt: skip
EPISODE_DETAILS = obj({"id": _id, "episode_number": _int}, {
    "name": _opt_text, "air_date": _date, "overview": _opt_text, "season_number": _int, "runtime": _opt_int,
    "still_path": _opt_text, **APPENDED}, required=("id",))  # fmt: skip
FIND = obj(loose={name: list_of(ITEM) for name in ("movie_results", "tv_results", "person_results",
                  "tv_episode_results", "tv_season_results")})  # fmt: skip
CONFIG_IMAGES = obj({"secure_base_url": _text}, {"base_url": _opt_text, **{
    f"{k}_sizes": list_of(_text) for k in ("backdrop", "logo", "poster", "profile", "still")}},
    required=("secure_base_url",))  # fmt: skip
CONFIGURATION = obj(loose={"images": CONFIG_IMAGES, "change_keys": list_of(_text)})
GENRES = obj(loose={"genres": list_of(GENRE)})
PERSON_CREDITS = obj(loose={"cast": list_of(ITEM), "crew": list_of(ITEM)})
COLLECTION = obj({"id": _id}, {"name": _opt_text, "overview": _opt_text, "poster_path": _opt_text,
                 "backdrop_path": _opt_text, "parts": list_of(ITEM)}, required=("id",))  # fmt: skip


def _any_object(v: Any, ctx: Cleaning, where: str) -> dict:
    if not isinstance(v, dict):
        raise _Invalid(f"not an object: {_show(v)}")
    return v


def _any_list(v: Any, ctx: Cleaning, where: str) -> list:
    if not isinstance(v, list):
        raise _Invalid(f"not a list: {_show(v)}")
    return [x for x in v if isinstance(x, dict)]


_N = r"\d+"
_ROUTES: list[tuple[re.Pattern[str], Check]] = [
    (re.compile(p), check)
    for p, check in [
        (r"/search/\w+", PAGED),
        (r"/movie/(popular|top_rated|now_playing|upcoming)", PAGED),
        (r"/(tv|person)/(popular|top_rated|on_the_air|airing_today)", PAGED),
        (r"/trending/\w+/\w+", PAGED),
        (r"/discover/\w+", PAGED),
        (rf"/(movie|tv)/{_N}/(recommendations|similar)", PAGED),
        (rf"/(movie|tv|person)/{_N}", DETAILS),
        (rf"/tv/{_N}/season/{_N}", SEASON),
        (rf"/tv/{_N}/season/{_N}/episode/{_N}", EPISODE_DETAILS),
        (rf"/(movie|tv)/{_N}/(credits|aggregate_credits)", CREDITS),
        (rf"/(movie|tv)/{_N}/videos", VIDEOS),
        (rf"/(movie|tv|person)/{_N}/external_ids", EXTERNAL_IDS),
        (rf"/(movie|tv)/{_N}/alternative_titles", ALT_TITLES),
        (rf"/(movie|tv)/{_N}/translations", TRANSLATIONS),
        (rf"/(movie|tv|person)/{_N}/images", IMAGES),
        (rf"/person/{_N}/(movie_credits|tv_credits|combined_credits)", PERSON_CREDITS),
        (r"/find/.+", FIND),
        (rf"/collection/{_N}", COLLECTION),
        (r"/configuration", CONFIGURATION),
        (r"/configuration/\w+", _any_list),
        (r"/genre/\w+/list", GENRES),
    ]
]


def checker_for(path: str) -> Check:
    """The check for the answer of ``path`` (relative to ``/3``): any object or list when unknown."""
    for pattern, check in _ROUTES:
        if pattern.fullmatch(path):
            return check
    return lambda v, ctx, where: v if isinstance(v, dict | list) else _any_object(v, ctx, where)


def clean_answer(path: str, data: Any, cleaning: Cleaning | None = None) -> Any:
    """The valid part of the answer of ``path``; raises :class:`MalformedAnswerError` when its shape is wrong."""
    ctx = cleaning if cleaning is not None else Cleaning(path)
    try:
        return checker_for(path)(data, ctx, "answer")
    except _Invalid as exc:
        raise MalformedAnswerError(
            "TMDb sent an answer that does not have the expected shape (a fault on TMDb's side or a "
            "proxy's): try again later.",
            status=200,
            url=path,
            detail=str(exc),
        ) from None


# -- what the library stores from answers (checked again when a library written before is migrated) ----------

_TITLE_FIELDS: dict[str, Check] = {
    "id": _id,
    "title": _opt_text,
    "name": _opt_text,
    "original_title": _opt_text,
    "original_name": _opt_text,
    "release_date": _date,
    "first_air_date": _date,
    "media_type": _opt_text,
    "fetched_language": _opt_text,
    "imdb_id": _opt_text,
    "runtime": _opt_int,
    "belongs_to_collection": DETAILS_FIELDS["belongs_to_collection"],
    **{k: MEDIA_FIELDS[k] for k in ("poster_path", "backdrop_path", "overview", "popularity", "vote_average",
                                    "genre_ids", "original_language")},
}  # fmt: skip
_TITLE = obj(loose=_TITLE_FIELDS)


def clean_title_data(data: Any) -> dict | None:
    """A title's stored data (titles.data) with every malformed field dropped; None when nothing usable
    is left (not an object, or no title or name that is a string to show): it must be fetched again."""
    try:
        out = _TITLE(data, Cleaning(), "title")
    except _Invalid:
        return None
    names = [out.get(k) for k in ("title", "name")]
    return out if any(isinstance(n, str) and n.strip() for n in names) else None


def _year(v: Any, ctx: Cleaning, where: str) -> int | None:
    if v is None or (isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 9999):
        return v
    raise _Invalid(f"not a year: {_show(v)}")


def _kind(v: Any, ctx: Cleaning, where: str) -> str:
    if v not in ("movie", "tv"):
        raise _Invalid(f"not movie or tv: {_show(v)}")
    return v


_CANDIDATE = obj(
    {"tmdb_id": _id, "kind": _kind, "title": _text},
    {"year": _year, "original_title": _opt_text, "popularity": _num, "poster_path": _opt_text,
     "original_language": _opt_text, "origin_country": list_of(_text), "score": _num, "reasons": _text,
     "vote_count": _int},
    required=("tmdb_id", "kind", "title"),
)  # fmt: skip
_CANDIDATE_DEFAULTS = {"year": None, "original_title": None, "popularity": 0.0, "poster_path": None,
                       "score": 0.0, "reasons": ""}  # fmt: skip


def clean_candidates(data: Any) -> list[dict]:
    """A lookup's stored candidates (lookups.candidates): the malformed ones dropped, bad fields reset."""
    if not isinstance(data, list):
        return []
    out = []
    for item in list_of(_CANDIDATE)(data, Cleaning(), "candidates"):
        out.append({**_CANDIDATE_DEFAULTS, **item})
    return out
