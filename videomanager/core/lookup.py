"""One lookup: a key's TMDb question (a search, or an id embedded in a file name) -> a LookupResult.

``Identifier.identify(key, query)`` searches (with the year, then without it), scores the candidates
(title, original and alternative titles, year, popularity), and decides matched / ambiguous / not found;
an id in a file name goes straight to the movie / tv / find endpoint. The pipeline around it (threads,
saving, the summary) is in ``identify.py``. TMDb errors propagate to the caller, which decides what one
failed lookup means for the run.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from videomanager.core.keys import NO_TITLE_KEY
from videomanager.core.library import Library
from videomanager.core.matcher import (
    Query,
    candidate_from_result,
    decide,
    needs_alternative_titles,
    score_candidates,
)
from videomanager.core.models import STATE_AMBIGUOUS, STATE_MATCHED, STATE_NOT_FOUND, Candidate
from videomanager.core.reasons import phrase
from videomanager.tmdb.errors import NotFoundError

__all__ = ["Identifier", "LookupResult", "queries_for_keys", "title_data", "candidate_dict"]


@dataclass(frozen=True)
class LookupResult:
    key: str
    state: str
    tmdb_id: int | None = None
    kind: str | None = None
    confidence: float | None = None
    reasons: str = ""
    candidates: tuple[Candidate, ...] = ()
    title_data: dict | None = None


def candidate_dict(c: Candidate) -> dict:
    return {
        "tmdb_id": c.tmdb_id, "kind": c.kind, "title": c.title, "year": c.year,
        "original_title": c.original_title, "popularity": c.popularity, "poster_path": c.poster_path,
        "score": c.score, "reasons": c.reasons, "vote_count": c.vote_count,
    }  # fmt: skip


def title_data(item: dict, kind: str) -> dict:
    keep = ("id", "title", "name", "original_title", "original_name", "release_date", "first_air_date",
            "poster_path", "backdrop_path", "overview", "popularity", "vote_average", "genre_ids",
            "original_language", "imdb_id", "runtime")  # fmt: skip
    data = {k: item[k] for k in keep if k in item}
    data["media_type"] = kind
    return data


class Identifier:
    """Identifies one lookup key against TMDb (the unit of work of the pipeline)."""

    def __init__(self, client) -> None:
        self.client = client

    def identify(self, key: str, query: Query | None) -> LookupResult:
        if key == NO_TITLE_KEY or query is None:
            return LookupResult(key, STATE_NOT_FOUND, reasons=phrase("nothing_to_look_up"))
        if key.startswith(("tmdb:", "imdb:", "tvdb:")):
            return self._by_id(key)
        return self._by_search(key, query)

    def _by_id(self, key: str) -> LookupResult:
        scheme, _, rest = key.partition(":")
        try:
            if scheme == "tmdb":
                kind, _, ident = rest.partition(":")
                item = (
                    self.client.get_tv_show(int(ident)) if kind == "tv" else self.client.get_movie(int(ident))
                )
                return self._matched_by_id(key, item, kind, phrase("tmdb_id_in_name", ident))
            source = "imdb_id" if scheme == "imdb" else "tvdb_id"
            found = self.client.find(rest, external_source=source)
        except NotFoundError:
            return LookupResult(key, STATE_NOT_FOUND, reasons=phrase("id_not_on_tmdb", rest))
        for kind, bucket in (("movie", "movie_results"), ("tv", "tv_results")):
            items = found.get(bucket) if isinstance(found, dict) else None
            if items:
                return self._matched_by_id(key, items[0], kind, phrase(source, rest))
        return LookupResult(key, STATE_NOT_FOUND, reasons=phrase("id_not_on_tmdb", rest))

    @staticmethod
    def _matched_by_id(key: str, item: dict, kind: str, why: str) -> LookupResult:
        c = candidate_from_result(item, kind)
        return LookupResult(key, STATE_MATCHED, c.tmdb_id, kind, 1.0, why, (c,), title_data(item, kind))

    def _search(self, query: Query, year: int | None, text: str | None = None) -> list[dict]:
        if query.kind == "tv":
            data = self.client.search_tv(text or query.title, first_air_date_year=year)
        else:
            data = self.client.search_movie(text or query.title, year=year)
        results = data.get("results") if isinstance(data, dict) else None
        return [r for r in results or [] if isinstance(r, dict) and isinstance(r.get("id"), int)]

    def _search_texts(self, query: Query, items: dict[int, dict], in_year: set[int]) -> list:
        """Search the full title first ("Star Wars - The Empire Strikes Back"), then the title alone
        ("Star Wars"), with the name's year, then without it (the year may be a regional release year,
        or wrong: +-1 is allowed); stop as soon as a candidate is matched. Returns the scores."""
        texts = [query.full_title, query.title] if query.full_title else [query.title]
        scored: list = []
        for year in (query.year, None) if query.year else (None,):
            for text in texts:
                for r in self._search(query, year, text):
                    items.setdefault(r["id"], r)
                    if year is not None:
                        in_year.add(r["id"])
                scored = self._score(query, items, in_year, {})
                if scored and decide(scored).state == STATE_MATCHED:
                    return scored
        return scored

    def _by_search(self, key: str, query: Query) -> LookupResult:
        items: dict[int, dict] = {}
        in_year: set[int] = set()
        scored = self._search_texts(query, items, in_year)
        alt: dict[int, list[str]] = {}
        if scored and decide(scored).state != STATE_MATCHED:
            for tmdb_id in needs_alternative_titles(query, scored, list(items)):
                alt[tmdb_id] = self._alternative_titles(query.kind, tmdb_id)
            if alt:
                scored = self._score(query, items, in_year, alt)
        penalties: dict[int, str] = {}
        if scored and query.kind == "tv" and query.max_season and decide(scored).state == STATE_AMBIGUOUS:
            # Same-named shows: one that never had season N cannot hold S0NE01 (The Office UK: 2 series).
            for s in scored[:3]:
                if s.score >= scored[0].score - 0.15:
                    seasons = self._season_count(s.candidate.tmdb_id)
                    if seasons is not None and seasons < query.max_season:
                        penalties[s.candidate.tmdb_id] = phrase("only_seasons", seasons)
            if penalties:
                scored = self._score(query, items, in_year, alt, penalties)
        decision = decide(scored)
        candidates = decision.candidates
        if decision.state == STATE_MATCHED and decision.best is not None:
            best = decision.best
            return LookupResult(key, STATE_MATCHED, best.tmdb_id, best.kind, decision.confidence, decision.reasons,
                                candidates, title_data(items[best.tmdb_id], best.kind))  # fmt: skip
        return LookupResult(
            key, decision.state, None, query.kind, decision.confidence, decision.reasons, candidates
        )

    def _score(self, query: Query, items: dict[int, dict], in_year: set[int], alt: dict[int, list[str]],
               penalties: dict[int, str] | None = None):  # fmt: skip
        cands = [candidate_from_result(r, query.kind) for r in items.values()]
        return score_candidates(query, cands, in_year_search=in_year, alt_titles=alt, penalties=penalties)

    def _season_count(self, tv_id: int) -> int | None:
        try:
            data = self.client.get_tv_show(tv_id)
        except NotFoundError:
            return None
        n = data.get("number_of_seasons") if isinstance(data, dict) else None
        return n if isinstance(n, int) else None

    def _alternative_titles(self, kind: str, tmdb_id: int) -> list[str]:
        """Alternative and translated titles ("Le Monde de Nemo" for Finding Nemo), in one request."""
        appends = "alternative_titles,translations"
        try:
            if kind == "tv":
                data = self.client.get_tv_show(tmdb_id, append_to_response=appends)
            else:
                data = self.client.get_movie(tmdb_id, append_to_response=appends)
        except NotFoundError:
            return []
        if not isinstance(data, dict):
            return []
        alt = data.get("alternative_titles")
        rows = (alt.get("results") if kind == "tv" else alt.get("titles")) if isinstance(alt, dict) else None
        titles = [str(r["title"]) for r in rows or [] if isinstance(r, dict) and r.get("title")]
        tr = data.get("translations")
        for t in (tr.get("translations") if isinstance(tr, dict) else None) or []:
            d = t.get("data") if isinstance(t, dict) else None
            name = (d.get("name") if kind == "tv" else d.get("title")) if isinstance(d, dict) else None
            if isinstance(name, str) and name.strip():
                titles.append(name)
        return titles


def queries_for_keys(library: Library, keys: list[str]) -> dict[str, Query]:
    """The search query of each key, from the files that use it (title as written, year, hints)."""
    wanted = set(keys)
    out: dict[str, Query] = {}
    seasons: dict[str, int] = {}
    alts: dict[str, set[str]] = {}
    for key, parsed in library.parses_for_keys(wanted):
        if parsed.season is not None:
            seasons[key] = max(seasons.get(key, 0), parsed.season)
        alts.setdefault(key, set()).update(parsed.alternative_titles)
        if key not in out and parsed.title:
            out[key] = Query(
                title=parsed.title,
                year=parsed.year,
                kind="tv" if parsed.kind == "episode" else "movie",
                country=parsed.country if parsed.kind == "episode" else None,
                language=parsed.language,
                full_title=parsed.full_title if parsed.kind != "episode" else None,
            )
    for key, q in out.items():
        out[key] = replace(
            q, alternative_titles=tuple(sorted(alts.get(key, ()))), max_season=seasons.get(key)
        )
    return out
