"""Film identification on generated release names for real MovieLens films, in both catalog worlds.

The catalog is every MovieLens film (see ``movielens.py``; nothing of it is copied into the project). The
library is a seeded sample of those films, weighted toward the classes of names that are hard (numbers and
years as titles, titles with subtitles, titles holding edition or system-folder words), each written in a
few styles by ``film_names.names_for``. It is identified through the real CLI against the stand-in, once on
the plain catalog and once with the long tail of obscure namesakes switched on, and compared with the naive
first-hit baseline. Run it as a script for the full report::

    python -m tests.identify.film_bench --films 1500 --seed 7
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import Counter
from typing import Any

from tests.identify.accuracy import AccuracyReport, run_accuracy
from tests.identify.film_names import Film, names_for
from tests.identify.movielens import MovieLensFilm, available, catalog_rows, load_films

_HARD = re.compile(
    r"^\d|\d$|:| - |\b(?:final|cut|special|edition|director'?s?|extended|part|episode|chapter|vol|season|"
    r"home|video|videos|movie|movies|film|films|download|downloads|life|seconds|minutes|hours|days|kids|"
    r"family|show|tv|series|shorts|extras|complete|collection|uncut|unrated|remastered|imax|ultimate)\b",
    re.IGNORECASE,
)


def sample(films: list[MovieLensFilm], count: int, seed: int) -> list[MovieLensFilm]:
    """Half hard titles, half any title; a film whose title and year another film shares is left out
    (two films one name: no name can tell them apart)."""
    same = Counter((f.title.casefold(), f.year) for f in films)
    pool = [f for f in films if same[(f.title.casefold(), f.year)] == 1]
    rng = random.Random(seed)
    hard = [f for f in pool if _HARD.search(f.title)]
    chosen = rng.sample(hard, min(len(hard), count // 2))
    taken = {f.tmdb_id for f in chosen}
    rest = [f for f in pool if f.tmdb_id not in taken]
    chosen += rng.sample(rest, min(len(rest), count - len(chosen)))
    return sorted(chosen, key=lambda f: f.tmdb_id)


def library(films: list[MovieLensFilm], seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    rows: dict[str, dict[str, Any]] = {}
    for f in films:
        for r in names_for(Film(f.tmdb_id, f.title, f.year), rng):
            rows.setdefault(r["path"], r)
    return list(rows.values())


def run(films: int = 1200, seed: int = 7, long_tail: bool = False, workdir: str | None = None):
    """(ours, naive, requests per key, rows) on a fresh stand-in."""
    from videomanager.testing.fake_tmdb import FakeTMDb

    all_films = load_films()
    rows = library(sample(all_films, films, seed), seed)
    fake = FakeTMDb(movies=catalog_rows(all_films), shows=[], long_tail=long_tail)
    fake.start()
    try:
        with tempfile.TemporaryDirectory(dir=workdir) as tmp:
            ours, naive = run_accuracy(rows, tmp, fake)
    finally:
        fake.stop()
    return ours, naive, ours.requests_per_key, rows


def by_style(report: AccuracyReport, rows: list[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    """Per style: (rows wrong, rows)."""
    wrong = {f.path for f in report.failures}
    out: dict[str, list[int]] = {}
    for r in rows:
        cell = out.setdefault(r.get("style", "?"), [0, 0])
        cell[0] += r["path"] in wrong
        cell[1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--films", type=int, default=1200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--failures", type=int, default=40)
    args = ap.parse_args(argv)
    if not available():
        print("MovieLens is not available", file=sys.stderr)
        return 2
    for long_tail in (False, True):
        started = time.monotonic()
        ours, naive, rpk, rows = run(args.films, args.seed, long_tail)
        print(f"\n=== long tail {'on' if long_tail else 'off'}: {len(rows)} files, "
              f"{time.monotonic() - started:.0f} s, {rpk:.2f} requests per key")  # fmt: skip
        print(f"{'':<22}{'ours':>10}{'naive':>10}")
        for cat in ("clean", "release", "generic"):
            o, n = ours.per_category.get(cat), naive.per_category.get(cat)
            if o and n:
                print(f"{cat + ' precision':<22}{o.precision:>10.3f}{n.precision:>10.3f}")
                print(f"{cat + ' recall':<22}{o.recall:>10.3f}{n.recall:>10.3f}")
        print(f"{'all precision':<22}{ours.precision:>10.3f}{naive.precision:>10.3f}")
        print(f"{'all recall':<22}{ours.recall:>10.3f}{naive.recall:>10.3f}")
        print(
            "styles (wrong/rows): " + ", ".join(f"{k} {w}/{n}" for k, (w, n) in by_style(ours, rows).items())
        )
        for f in ours.failures[: args.failures]:
            print(f"  [{f.category}] {f.path}: expected {f.expected}, got {f.got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
