"""The first scan's fast path (core/fastparse.py) against parse() itself, on every name we have.

Names: every corpus of tests/data/corpora (guessit's movies, episodes and various names, Radarr's titles,
qualities and editions, Jellyfin's files; ATTRIBUTION*.md), the labelled libraries of tests/data/identify and tests/data/tv,
a library built by bench/synth.py (with the stand-in catalog's films: MovieLens is not in the repository),
and the corpus names again with another title in place of theirs (a title the fast path has not seen in
front of tails it has). They go through one FastParser in the order a scan walks them: a name the fast
path reads must give exactly what parse() gives, every field; a name it cannot read yet is parsed, and
it learns from it, as the scan does. parse() runs first for all names, in two processes.
"""

from __future__ import annotations

import json
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from videomanager.core.fastparse import NEED, FastParser, title_text
from videomanager.core.models import Parsed
from videomanager.core.parser import parse

DATA = Path(__file__).resolve().parents[1] / "data"
BENCH = Path(__file__).resolve().parents[2] / "bench"
SYNTH_FILES = 900  # a synthetic library of about this many videos (parse() costs ~20 ms a name)


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def corpus_names() -> list[str]:
    names: list[str] = []
    for path in sorted((DATA / "corpora").glob("*.jsonl")):
        for row in _jsonl(path):
            if "name" in row:
                names.append(row["name"])
            names.extend(row.get("files") or [])
    return list(dict.fromkeys(n for n in names if n))


def identify_paths() -> list[str]:
    """The labelled libraries: films (clean and release names), the identify sets, TV (daily, absolute,
    multi-episode, numbers in show titles, specials)."""
    sets = [DATA / "identify" / n for n in ("library.jsonl", "holdout.jsonl", "films.jsonl")] + [
        DATA / "tv" / "tv.jsonl"
    ]
    return list(dict.fromkeys(row["path"] for path in sets for row in _jsonl(path)))


def synth_paths() -> list[str]:
    """A bench/synth.py library (Plex, scene, archive and deep trees, shows, extras, personal videos) made
    of the stand-in catalog's films."""
    sys.path.insert(0, str(BENCH))
    try:
        import synth
    finally:
        sys.path.remove(str(BENCH))
    from videomanager.testing.catalog_classics import CLASSICS
    from videomanager.testing.catalog_movies import MOVIES

    films = [
        synth.Film(m["id"], m["title"], None, int(m["release_date"][:4]), int(m.get("vote_count") or 0))
        for m in MOVIES + CLASSICS
        if m.get("release_date")
    ]
    builder, _films, _shows = synth.build(SYNTH_FILES, seed=3, films=sorted(films, key=lambda f: -f.ratings))
    return builder.videos


_LEAD = re.compile(r"^([^\W\d_]+(?:[ ._][^\W\d_]+)*)(?=[ ._(\[-]+\d)")


def recombined(names: list[str], titles: list[str], times: int = 2) -> list[str]:
    """Corpus names whose leading title is replaced by other plain titles written the same way
    ("The.Matrix.1999.1080p..." -> "Big.Fish.1999.1080p..."): unseen titles in front of known tails."""
    out = []
    for i, name in enumerate(names):
        base = name.replace("\\", "/").rsplit("/", 1)[-1]
        m = _LEAD.match(base)
        if not m:
            continue
        sep = next((c for c in " ._" if c in m.group(1)), " ")
        for k in range(times):
            title = titles[(i * times + k) % len(titles)]
            out.append(sep.join(title.split()) + base[m.end() :])
    return out


def _walk_order(paths: list[str]) -> list[str]:
    """As the scanner walks: folder by folder in name order, a folder's files before its subfolders."""

    def key(p: str) -> list[tuple[int, str]]:
        parts = p.split("/")
        return [(0, x) for x in parts[:-1]] + [(-1, parts[-1])]

    return sorted(paths, key=key)


def _parse_dict(item: tuple[str, str | None]) -> dict:
    return parse(*item).to_dict()


@pytest.fixture(scope="module")
def cases() -> dict[str, list[tuple[str, str | None]]]:
    corpora = corpus_names()
    plain_titles = [
        t for t in (title_text(m["title"]) for m in _catalog_titles()) if re.fullmatch(r"[A-Za-z ]+", t)
    ]
    return {
        "synthetic library": [("/lib/" + p, "/lib") for p in _walk_order(synth_paths())],
        "identify libraries": [("/lib2/" + p, "/lib2") for p in _walk_order(identify_paths())],
        "corpora": [(n, None) for n in corpora],
        "corpora, other titles": [(n, None) for n in recombined(corpora, plain_titles)],
    }


def _catalog_titles() -> list[dict]:
    from videomanager.testing.catalog_classics import CLASSICS
    from videomanager.testing.catalog_movies import MOVIES

    return MOVIES + CLASSICS


@pytest.fixture(scope="module")
def truth(cases) -> dict[tuple[str, str | None], Parsed]:
    items = list(dict.fromkeys(item for group in cases.values() for item in group))
    with ProcessPoolExecutor(max_workers=2) as pool:
        parsed = list(pool.map(_parse_dict, items, chunksize=64))
    return {item: Parsed.from_dict(d) for item, d in zip(items, parsed, strict=True)}


def test_the_fast_path_reads_every_name_it_claims_exactly_as_parse(cases, truth, conformance_figures):
    fast = FastParser()
    wrong: list[str] = []
    shares: dict[str, float] = {}
    for label, items in cases.items():
        claimed = 0
        for path, root in items:
            plan = fast.plan(path, root)
            got = fast.predict(plan) if plan is not None else None
            real = truth[(path, root)]
            if isinstance(got, Parsed):
                claimed += 1
                if got != real:
                    diff = {
                        k: (v, real.to_dict()[k]) for k, v in got.to_dict().items() if v != real.to_dict()[k]
                    }
                    wrong.append(f"{path}: {diff}")
            elif got == NEED:
                fast.learn(plan, real)
        shares[label] = claimed / len(items)
        conformance_figures.append(
            f"fast path, {label}: {claimed} of {len(items)} names read without guessit "
            f"({100 * claimed / len(items):.1f} %), all as parse() reads them"
            if not wrong
            else f"fast path, {label}: {len(wrong)} names read differently"
        )
    assert not wrong, "\n".join(wrong[:20])
    # The point of the fast path: most names of a library are read without guessit.
    assert shares["synthetic library"] >= 0.6
    assert shares["corpora, other titles"] > 0.0
