"""The name parser against Radarr's quality/edition tables and guessit's own movie/episode tables.

Each corpus is parsed once per session (module fixtures); the tests assert the agreed floors and
record the figures for the terminal summary (see conftest.py). Corpora: tests/data/corpora/ATTRIBUTION.md.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import babelfish
import pytest
from guessit import __version__ as GUESSIT_VERSION
from guessit import guessit

from videomanager.core.parser import parse
from videomanager.core.text import normalize_title

CORPORA = Path(__file__).resolve().parents[1] / "data" / "corpora"
FIELDS = ("title", "year", "season", "episode", "type")


def load_jsonl(name: str) -> list[dict[str, Any]]:
    """The rows of one corpus file in tests/data/corpora (see its ATTRIBUTION.md)."""
    with open(CORPORA / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def percent(ok: int, total: int) -> str:
    return f"{100.0 * ok / total:.1f}% ({ok}/{total})" if total else "n/a (0/0)"


def _edition_key(edition: str | None) -> str:
    """'Directors Cut' == "Director's Cut" == 'directors-cut'; None and '' are both 'no edition'."""
    return re.sub(r"[^a-z0-9]", "", (edition or "").casefold())


def _first(value: Any) -> Any:
    return (value[0] if value else None) if isinstance(value, list) else value


# --- Radarr ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def resolution_results() -> list[tuple[str, str, str | None]]:
    rows = load_jsonl("radarr-quality.jsonl") + load_jsonl("radarr-quality-2021-realnames.jsonl")
    cases = [r for r in rows if "resolution" in r["asserts"] and r["resolution"] is not None]
    return [(r["name"], f"{r['resolution']}p", parse(r["name"]).resolution) for r in cases]


def test_resolution_agrees_with_radarr(resolution_results, conformance_figures):
    ok = sum(1 for _, want, got in resolution_results if want == got)
    total = len(resolution_results)
    conformance_figures.append(f"resolution agreement (Radarr quality): {percent(ok, total)}")
    misses = [(name, want, got) for name, want, got in resolution_results if want != got]
    assert total > 400  # both corpus files were read, rows filtered as documented
    assert ok / total >= 0.95, misses


@pytest.fixture(scope="module")
def edition_results() -> list[tuple[str, str, str | None]]:
    rows = load_jsonl("radarr-editions.jsonl") + load_jsonl("radarr-editions-2021-realnames.jsonl")
    return [(r["name"], r["edition"], parse(r["name"]).edition) for r in rows]


def test_edition_agrees_with_radarr(edition_results, conformance_figures):
    ok = sum(1 for _, want, got in edition_results if _edition_key(want) == _edition_key(got))
    total = len(edition_results)
    conformance_figures.append(f"edition agreement (Radarr editions): {percent(ok, total)}")
    misses = [case for case in edition_results if _edition_key(case[1]) != _edition_key(case[2])]
    assert total == 91
    assert ok / total >= 0.95, misses


def test_no_edition_cases_stay_empty(edition_results):
    """Radarr's should_not_parse_edition rows ('Uncut Gems', 'Holiday Special') must give None."""
    negatives = [(name, got) for name, want, got in edition_results if want == ""]
    assert len(negatives) == 11
    assert [n for n in negatives if n[1]] == []


# --- guessit ---------------------------------------------------------------------------------------


def _same_value(expected: Any, got: Any) -> bool:
    """guessit's runner semantics: lists are sets, languages via babelfish, dates as ISO strings."""
    if isinstance(expected, list) or isinstance(got, list):
        exp = expected if isinstance(expected, list) else [expected]
        val = got if isinstance(got, list) else [got]
        return len(exp) == len(val) and all(any(_same_value(e, v) for v in val) for e in exp)
    if isinstance(got, babelfish.Language | babelfish.Country):
        try:
            conv = babelfish.Language if isinstance(got, babelfish.Language) else babelfish.Country
            return conv.fromguessit(str(expected)) == got
        except Exception:  # noqa: BLE001 - an unknown name simply does not match
            return False
    if isinstance(got, datetime.date):
        return str(expected) == got.isoformat()
    return expected == got


@dataclass
class GuessitFigures:
    total: int = 0
    same_as_raw: int = 0
    aka_split: int = 0  # deliberate: "A aka B" -> title A, alternative B
    improved: int = 0  # deliberate difference that matches the corpus expectation
    failures: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    raw_meets_fields: int = 0  # raw guessit 4.4 meets the corpus on the five fields
    raw_meets_all: int = 0  # ... on every property the corpus states


def _evaluate(corpus: str) -> GuessitFigures:
    fig = GuessitFigures()
    for row in load_jsonl(corpus):
        name, expected = row["name"], row["expected"]
        raw = dict(guessit(name))
        ours = parse(name)
        fig.total += 1
        mine = {
            "title": ours.title,
            "year": ours.year,
            "season": ours.season,
            "episode": ours.episode,
            "type": ours.kind,
        }
        raw5 = {k: _first(raw.get(k)) for k in FIELDS}
        want5 = {k: _first(expected.get(k)) for k in FIELDS if k in expected}
        raw_ok = all(raw5[k] == v for k, v in want5.items())
        fig.raw_meets_fields += raw_ok
        fig.raw_meets_all += all(k in raw and _same_value(v, raw[k]) for k, v in expected.items())
        diff = {k: (mine[k], raw5[k]) for k in FIELDS if mine[k] != raw5[k]}
        if not diff:
            fig.same_as_raw += 1
        elif set(diff) == {"title"} and _is_aka_split(raw5["title"], ours.title, ours.alternative_titles):
            fig.aka_split += 1
        elif all(mine[k] == v for k, v in want5.items()):
            fig.improved += 1
        else:
            fig.failures.append((name, diff))
    return fig


def _is_aka_split(raw_title: str | None, title: str | None, alternatives: tuple[str, ...]) -> bool:
    if not raw_title or not title or not alternatives:
        return False
    return normalize_title(raw_title) == normalize_title(" aka ".join((title, *alternatives)))


@pytest.fixture(scope="module")
def guessit_movies() -> GuessitFigures:
    return _evaluate("guessit-movies.jsonl")


@pytest.fixture(scope="module")
def guessit_episodes() -> GuessitFigures:
    return _evaluate("guessit-episodes.jsonl")


@pytest.mark.parametrize("which", ["movies", "episodes"])
def test_wrapper_does_not_break_guessit(which, request, conformance_figures):
    fig: GuessitFigures = request.getfixturevalue(f"guessit_{which}")
    kept = fig.same_as_raw + fig.aka_split + fig.improved
    conformance_figures.append(
        f"guessit {which}: wrapper == raw guessit {percent(fig.same_as_raw, fig.total)}, "
        f"AKA split {fig.aka_split}, deliberate & matches corpus {fig.improved}, "
        f"other differences {len(fig.failures)} -> kept {percent(kept, fig.total)}"
    )
    conformance_figures.append(
        f"guessit {which}: raw guessit {GUESSIT_VERSION} meets corpus (made with 3.8) "
        f"(title/year/season/episode/type) {percent(fig.raw_meets_fields, fig.total)}, "
        f"all stated properties {percent(fig.raw_meets_all, fig.total)}"
    )
    assert fig.total == {"movies": 195, "episodes": 474}[which]
    assert fig.failures == []
