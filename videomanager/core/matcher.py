"""Score TMDb candidates against what a file name says, and decide: matched, ambiguous or not found.

Every candidate gets a score in [0, 1] from
- title similarity: the best of its title, original title and alternative titles against the query (and the
  file's own alternative titles), with sequel numbers required to agree (RoboCop 2 is not RoboCop);
- year agreement: exact, a release in that year in some country (TMDb's ``year`` filter), +-1 (regional
  release years), farther (penalised hard), or unknown;
- a small popularity prior that only breaks near-ties.
The best candidate is *matched* only above a floor and clearly ahead of the runner-up (Picard's floor +
margin rule); close candidates make the lookup *ambiguous* and are kept for the user. The reasons are
stored as a sentence the UI shows ("title 0.98, year exact, 2nd best 0.61").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import msgspec
from rapidfuzz.distance import Indel

from videomanager.core.models import STATE_AMBIGUOUS, STATE_MATCHED, STATE_NOT_FOUND, Candidate
from videomanager.core.reasons import compose, phrase
from videomanager.core.text import normalize_title

FLOOR = 0.80  # below this the best candidate is never accepted automatically
MARGIN = 0.06  # the best must lead the runner-up by this much
AMBIGUOUS_FLOOR = 0.55  # below this nothing is worth showing as a candidate
CLOSE_TITLE = 0.90  # under this title similarity, alternative titles are worth fetching

W_TITLE, W_YEAR, W_POP = 0.72, 0.24, 0.04
PART_WEIGHT = 0.85  # a match with the head or one piece of a title the name gives with its subtitle
PREFIX_WEIGHT = 0.95  # ... with the head and more pieces, or the head and the last piece
# A film "dominates" a same-title, same-year candidate when it is this many times as popular and has this
# many times its votes (TMDb's obscure namesakes: shorts, TV films, popularity ~0-1, a handful of votes).
# When the leader's votes are unknown (0), popularity alone must be DOMINANT_POPULARITY_ALONE times as high.
DOMINANT_POPULARITY, DOMINANT_VOTES, DOMINANT_MIN_VOTES = 3.0, 10.0, 20
DOMINANT_POPULARITY_ALONE = 5.0

_LEADING_ARTICLE = re.compile(r"^(the|a|an|le|la|les|l|der|die|das|el|il|lo|los|las|un|une|ein|eine) ")
_ROMAN = {
    "ii": "2",
    "iii": "3",
    "iv": "4",
    "v": "5",
    "vi": "6",
    "vii": "7",
    "viii": "8",
    "ix": "9",
    "x": "10",
}
_NUMBER_WORDS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6"}


@dataclass(frozen=True)
class Query:
    """What we look for: the parsed title (and its variants), year, kind, and TV hints."""

    title: str
    year: int | None = None
    kind: str = "movie"  # "movie" or "tv"
    alternative_titles: tuple[str, ...] = ()
    max_season: int | None = None
    country: str | None = None  # "GB" from The.Office.UK: compared with a show's origin_country
    language: str | None = None  # "ko" from Oldboy.KOREAN: a small nudge toward that original language
    # The title with its subtitle or part as the name writes it ("Star Wars - The Empire Strikes Back"):
    # searched first, and the only text that matches a candidate fully when the name gives it.
    full_title: str | None = None

    def variants(self) -> list[str]:
        """The title, its alternatives, and the title joined with each ("Kill Bill" + "Vol 1")."""
        out = [self.title, *self.alternative_titles]
        out += [f"{self.title} {a}" for a in self.alternative_titles if normalize_title(self.title) not in
                normalize_title(a)]  # fmt: skip
        return out

    def weighted_variants(self) -> list[tuple[str, float]]:
        """Each text to compare with a candidate's titles, and how much a full match with it is worth.

        Without a full title every variant is worth 1. With one ("Kung Fu Panda - Secrets of the Furious
        Five"), only the full title is: a candidate that matches its head ("Kung Fu Panda") or one piece
        alone matches what the name says only in part, so the film with the full title wins over them;
        the head plus more pieces ("Pokemon - The First Movie" of "... - Mewtwo Strikes Back") is worth
        a little more than one piece. An alternative title from elsewhere (an AKA) keeps its full worth.
        """
        if not self.full_title:
            return [(v, 1.0) for v in self.variants()]
        pieces = subtitle_pieces(self.full_title)
        out = [(self.full_title, 1.0)]
        out += [(" ".join(pieces[:n]), PREFIX_WEIGHT) for n in range(2, len(pieces))]
        words = set(normalize_title(self.full_title).split())
        for v in self.variants():
            inside = set(normalize_title(v).split()) <= words
            out.append((v, PART_WEIGHT if inside else 1.0))
        return out


_PIECES = re.compile(r"\s+[-\u2013]\s+|\s*:\s+|\s+-(?=\S)")


def subtitle_pieces(title: str) -> list[str]:
    """'Star Wars - The Empire Strikes Back' -> ['Star Wars', 'The Empire Strikes Back']."""
    return [p for p in (x.strip() for x in _PIECES.split(title)) if p]


def skipped_middle(full_title: str, title: str) -> float:
    """The name gives a film's head and its last piece, TMDb has more between them: 'Star Wars - The
    Phantom Menace' for 'Star Wars: Episode I - The Phantom Menace', 'Harry Potter - Part 2' for 'Harry
    Potter and the Deathly Hallows: Part 2'. PREFIX_WEIGHT then, else 0."""
    pieces = subtitle_pieces(full_title)
    if len(pieces) < 2:
        return 0.0
    head, tail, cand = normalize_title(pieces[0]), normalize_title(pieces[-1]), normalize_title(title)
    if head and tail and cand.startswith(head + " ") and cand.endswith(" " + tail):
        return PREFIX_WEIGHT if len(cand) > len(head) + len(tail) + 1 else 0.0
    return 0.0


@dataclass
class Scored:
    candidate: Candidate
    title_sim: float
    year_note: str
    year_score: float
    score: float
    alt_titles_checked: bool = False
    titles: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Decision:
    state: str
    best: Candidate | None
    confidence: float | None
    reasons: str
    candidates: tuple[Candidate, ...]  # best first, the ones worth showing to the user


def _numbers(norm: str) -> set[str]:
    out = set()
    toks = norm.split()
    for i, tok in enumerate(toks):
        spelled = len(tok) == 1 and any(
            len(t) == 1 and t.isalpha() for t in toks[max(0, i - 1) : i + 2] if t != tok
        )
        if tok.isdigit() and not (1900 <= int(tok) <= 2100 and len(tok) == 4):
            out.add(str(int(tok)))
        elif tok in _ROMAN and not spelled:  # the "v" of "V/H/S/2" is a letter, the "V" of "Rocky V" a number
            out.add(_ROMAN[tok])
        elif tok in _NUMBER_WORDS:
            out.add(_NUMBER_WORDS[tok])
    return out


_SUBTITLE = re.compile(r"\s*(?::|\s-\s|\s–\s)\s*")


def _main_title(title: str) -> str:
    """The part of a title before its subtitle ("Alien: Covenant" -> "alien"), normalised."""
    parts = _SUBTITLE.split(title, maxsplit=1)
    return normalize_title(parts[0]) if len(parts) == 2 else ""


def title_similarity(query: str, title: str) -> float:
    """Similarity of two titles in [0, 1] on their normalised forms."""
    a, b = normalize_title(query), normalize_title(title)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    a_bare, b_bare = _LEADING_ARTICLE.sub("", a), _LEADING_ARTICLE.sub("", b)
    if a_bare == b_bare:
        return 0.9  # only a leading article differs: "Heat" is not "The Heat", but it is close
    sim = Indel.normalized_similarity(a_bare, b_bare)
    # "Terminator 2" for "Terminator 2: Judgment Day": the query is the title before its subtitle.
    if _main_title(query) == b or _main_title(title) == a:
        sim = max(sim, 0.92)
    # Spaces are not meaningful ("Spider Man" vs "Spiderman", "WALL E" vs "WALLE").
    sim = max(sim, Indel.normalized_similarity(a_bare.replace(" ", ""), b_bare.replace(" ", "")) * 0.98)
    na, nb = _numbers(a_bare), _numbers(b_bare)
    if na != nb:
        # A sequel number that disagrees is a different film; a number only TMDb has ("Kill Bill" for
        # "Kill Bill: Vol. 1") is a weaker hint, left for the year and the runner-up to settle.
        sim *= 0.6 if na else 0.85
    return sim


def _year_of(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def year_component(query_year: int | None, cand_year: int | None, in_year_search: bool) -> tuple[float, str]:
    if query_year is None:
        return 0.55, phrase("no_year_in_name")
    if cand_year is None:
        return 0.45, phrase("no_year_on_tmdb")
    d = abs(cand_year - query_year)
    if d == 0:
        return 1.0, phrase("year_exact")
    if in_year_search:
        return 0.92, phrase("released_somewhere", query_year, cand_year)
    if d == 1:
        return 0.8, phrase("year_off_one", cand_year)
    if d == 2:
        return 0.35, phrase("year_off_two", cand_year)
    return 0.0, phrase("year_other", cand_year)


def candidate_from_result(item: dict, kind: str) -> Candidate:
    if kind == "tv":
        title, original, date = item.get("name"), item.get("original_name"), item.get("first_air_date")
    else:
        title, original, date = item.get("title"), item.get("original_title"), item.get("release_date")
    pop = item.get("popularity")
    votes = item.get("vote_count")
    return Candidate(
        tmdb_id=int(item["id"]),
        kind=kind,
        title=str(title or original or ""),
        year=_year_of(date if isinstance(date, str) else None),
        original_title=str(original) if original else None,
        popularity=float(pop) if isinstance(pop, (int, float)) else 0.0,
        poster_path=item.get("poster_path") if isinstance(item.get("poster_path"), str) else None,
        original_language=item.get("original_language")
        if isinstance(item.get("original_language"), str)
        else None,
        origin_country=tuple(c for c in item.get("origin_country") or () if isinstance(c, str))
        if isinstance(item.get("origin_country"), list)
        else (),
        vote_count=votes if isinstance(votes, int) and not isinstance(votes, bool) and votes > 0 else 0,
    )


def score_candidates(
    query: Query,
    candidates: list[Candidate],
    *,
    in_year_search: set[int] | None = None,
    alt_titles: dict[int, list[str]] | None = None,
    penalties: dict[int, str] | None = None,
) -> list[Scored]:
    """Score every candidate; best first. ``penalties`` rules candidates out, with the reason why."""
    penalties = penalties or {}
    in_year_search = in_year_search or set()
    alt_titles = alt_titles or {}
    queries = query.weighted_variants()
    max_pop = max((c.popularity for c in candidates), default=0.0)
    scored: list[Scored] = []
    for c in candidates:
        titles = [c.title]
        if c.original_title:
            titles.append(c.original_title)
        titles.extend(alt_titles.get(c.tmdb_id, []))
        sim = max((w * title_similarity(q, t) for q, w in queries for t in titles if t), default=0.0)
        if query.full_title:
            sim = max(sim, max((skipped_middle(query.full_title, t) for t in titles if t), default=0.0))
        ys, note = year_component(query.year, c.year, c.tmdb_id in in_year_search)
        if query.country and c.origin_country:
            # The country in the name stands in for the year: The Office (UK) is the 2001 show.
            if query.country in c.origin_country:
                ys, note = max(ys, 0.95), compose([note, phrase("country", query.country)])
            else:
                ys, note = ys * 0.3, compose([note, phrase("not_from", query.country)])
        pop = math.log1p(c.popularity) / math.log1p(max_pop) if max_pop > 0 else 0.0
        total = W_TITLE * sim + W_YEAR * ys + W_POP * pop
        if query.language and c.original_language == query.language and query.language != "en":
            # A release tagged KOREAN is more likely the Korean film than its English remake. Dubs are
            # tagged too (FRENCH), so this only nudges; it never penalises the others.
            total += 0.04
            note = compose([note, phrase("original_language", query.language)])
        if c.tmdb_id in penalties:
            total *= 0.5
            note = compose([note, penalties[c.tmdb_id]])
        scored.append(
            Scored(
                c, sim, note, ys, round(total, 4), alt_titles_checked=c.tmdb_id in alt_titles, titles=titles
            )
        )
    scored.sort(key=lambda s: (s.score, s.candidate.popularity), reverse=True)
    return scored


def needs_alternative_titles(
    query: Query, scored: list[Scored], tmdb_order: list[int] | None = None
) -> list[int]:
    """Ids worth fetching alternative and translated titles for: plausible by year, but their titles do
    not match well. TMDb found them for this query, so one of their other titles probably does: the
    best few by our score, and the first few in TMDb's own order ("Ça" finds It (2017) through its
    French title, while our score ranks a "Ca..." title higher)."""
    if not scored or scored[0].title_sim >= CLOSE_TITLE:
        return []
    by_id = {s.candidate.tmdb_id: s for s in scored}
    order = [s.candidate.tmdb_id for s in scored[:5]] + [i for i in (tmdb_order or [])[:3] if i in by_id]
    out: list[int] = []
    for tmdb_id in order:
        s = by_id[tmdb_id]
        if tmdb_id in out or s.alt_titles_checked or s.title_sim >= CLOSE_TITLE:
            continue
        if query.year is None or s.year_score >= 0.8:
            out.append(tmdb_id)
        if len(out) == 4:
            break
    return out


def _reason(s: Scored) -> str:
    return compose([phrase("title", f"{s.title_sim:.2f}"), s.year_note])


def _dominates(a: Scored, b: Scored) -> bool:
    """``a`` ties ``b`` on title and year (a year one off counts as a tie) and is far better known."""
    if a.title_sim < b.title_sim - 0.02 or a.year_score < b.year_score - 0.2 - 1e-9:
        return False
    ca, cb = a.candidate, b.candidate
    if ca.popularity < DOMINANT_POPULARITY * cb.popularity or ca.popularity <= cb.popularity + 1.0:
        return False
    if ca.vote_count:
        return ca.vote_count >= max(DOMINANT_VOTES * cb.vote_count, DOMINANT_MIN_VOTES)
    return ca.popularity >= DOMINANT_POPULARITY_ALONE * cb.popularity  # its votes unknown: popularity alone


def _dominant(scored: list[Scored]) -> Scored | None:
    """Among the candidates too close to call, the one a person would take: it ties each of the others on
    title and year and is far more popular and far more voted than each (a famous film and its obscure
    namesakes: shorts, TV films). None when candidates are comparable (remakes, two known films)."""
    close = [s for s in scored if s.score >= scored[0].score - MARGIN]
    for d in close:
        if d.score >= FLOOR and all(s is d or _dominates(d, s) for s in close):
            return d
    return None


def _dominant_reason(d: Scored, scored: list[Scored]) -> str:
    others = [s.candidate for s in scored if s is not d and s.score >= scored[0].score - MARGIN]
    pop = max(c.popularity for c in others)
    votes = max(c.vote_count for c in others)
    n = len(others)
    return (
        f"{_reason(d)}, {n} close namesake{'s' if n > 1 else ''} far less known "
        f"(popularity {d.candidate.popularity:.1f} vs {pop:.1f}, {d.candidate.vote_count} votes vs {votes})"
    )


def decide(scored: list[Scored]) -> Decision:
    """Floor + margin: matched, ambiguous (close candidates kept), or not found.

    Candidates too close to call on the score are decided as a person would when one of them is a famous
    film and the others its obscure namesakes (``_dominant``); the reasons then say so."""
    shown = tuple(
        msgspec.structs.replace(s.candidate, score=s.score, reasons=_reason(s))
        for s in scored[:8]
        if s.score >= AMBIGUOUS_FLOOR
    )
    if not scored or scored[0].score < AMBIGUOUS_FLOOR:
        best = scored[0] if scored else None
        why = phrase("no_result") if best is None else phrase("too_far", f"{best.score:.2f}", _reason(best))
        return Decision(STATE_NOT_FOUND, None, best.score if best else None, why, shown)
    best = scored[0]
    second = scored[1] if len(scored) > 1 else None
    runner = phrase("second_best", f"{second.score:.2f}") if second else phrase("no_other")
    reasons = compose([_reason(best), runner])
    margin = best.score - (second.score if second else 0.0)
    if best.score >= FLOOR and margin >= MARGIN:
        return Decision(STATE_MATCHED, shown[0], best.score, reasons, shown)
    dominant = _dominant(scored) if best.score >= FLOOR else None
    if dominant is not None:
        why = _dominant_reason(dominant, scored)
        chosen = msgspec.structs.replace(dominant.candidate, score=dominant.score, reasons=_reason(dominant))
        rest = tuple(c for c in shown if c.tmdb_id != chosen.tmdb_id or c.kind != chosen.kind)
        return Decision(STATE_MATCHED, chosen, dominant.score, why, (chosen, *rest)[:8])
    if best.score >= FLOOR:
        reasons = compose([reasons], phrase("too_close"))
    else:
        reasons = compose([reasons], phrase("below_floor", f"{FLOOR:.2f}"))
    return Decision(STATE_AMBIGUOUS, None, best.score, reasons, shown)
