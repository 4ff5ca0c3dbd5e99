"""TV accuracy: the labelled TV library (``tests/data/tv/tv.jsonl``) through the real pipeline, beside guessit.

Each row is one episode file with the answer in TMDb's numbering: the show's ``tmdb_id`` (null for shows the
stand-in does not know), ``season``/``episode``, and where they apply ``episode_end`` (multi-episode files),
``absolute`` (anime) and ``air_date`` (daily shows). Figures:

* **season/episode agreement**: rows whose episode in ``list --json`` has the labelled season and episode
  (and ``episode_end`` where labelled). guessit alone: guessit on the same relative path, its first
  season/episode (the last of an episode list as the end).
* **shows on one card**: of the labelled shows, the share whose every file landed on one card that carries
  the show's id (identified); **files on their show's card** is the same per file.
* **air dates found**: daily rows whose episode carries the labelled ``air_date`` (guessit: its ``date``).
* **requests per lookup**: TMDb requests of the identify run over unique lookup keys plus the seasons whose
  details were fetched (a season's request counts once per season).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.identify.accuracy import _norm, materialize, run_cli


@dataclass
class TvReport:
    name: str
    rows: int = 0
    numbers_ok: int = 0
    shows: int = 0
    shows_one_card: int = 0
    show_files: int = 0
    files_on_show_card: int = 0
    daily: int = 0
    dates_found: int = 0
    requests: int = 0
    lookups: int = 0
    seasons: int = 0
    per_category: dict[str, list[int]] = field(default_factory=dict)  # category -> [ok, rows]
    failures: list[str] = field(default_factory=list)
    split_shows: list[str] = field(default_factory=list)

    @property
    def numbers(self) -> float:
        return self.numbers_ok / self.rows if self.rows else 1.0

    @property
    def one_card(self) -> float:
        return self.shows_one_card / self.shows if self.shows else 1.0

    @property
    def files_share(self) -> float:
        return self.files_on_show_card / self.show_files if self.show_files else 1.0

    @property
    def dates(self) -> float:
        return self.dates_found / self.daily if self.daily else 1.0

    @property
    def requests_per_lookup(self) -> float:
        units = self.lookups + self.seasons
        return self.requests / units if units else 0.0


@dataclass(frozen=True)
class _Got:
    season: int | None
    episode: int | None
    episode_end: int | None
    air_date: str | None
    card: Any = None
    tmdb_id: int | None = None
    identified: bool = False


def _numbers_ok(row: Mapping[str, Any], got: _Got | None) -> bool:
    if got is None:
        return False
    if (got.season, got.episode) != (row.get("season"), row.get("episode")):
        return False
    want_end = row.get("episode_end")
    return want_end is None or got.episode_end == want_end


def _score(
    rows: Mapping[str, Mapping[str, Any]], got: Mapping[str, _Got], name: str, cards: bool
) -> TvReport:
    report = TvReport(name)
    per_show: dict[int, list[_Got | None]] = defaultdict(list)
    paths: dict[int, list[str]] = defaultdict(list)
    for path, row in rows.items():
        g = got.get(_norm(path))
        report.rows += 1
        ok = _numbers_ok(row, g)
        report.numbers_ok += ok
        stats = report.per_category.setdefault(row["category"], [0, 0])
        stats[0] += ok
        stats[1] += 1
        if not ok:
            have = "missing" if g is None else f"S{g.season}E{g.episode}-{g.episode_end}"
            report.failures.append(
                f"[{row['category']}] {row['path']}: want S{row.get('season')}E{row.get('episode')}"
                f"-{row.get('episode_end')}, got {have}"
            )
        if row.get("air_date"):
            report.daily += 1
            report.dates_found += g is not None and g.air_date == row["air_date"]
        if cards and row.get("tmdb_id"):
            per_show[row["tmdb_id"]].append(g)
            paths[row["tmdb_id"]].append(row["path"])
    for show, placed in sorted(per_show.items()):
        report.shows += 1
        report.show_files += len(placed)
        on_card = [p for p in placed if p is not None and p.identified and p.tmdb_id == show]
        report.files_on_show_card += len(on_card)
        if len(on_card) == len(placed) and len({p.card for p in on_card}) == 1:
            report.shows_one_card += 1
        else:
            off = [path for path, p in zip(paths[show], placed, strict=True) if p not in on_card]
            report.split_shows.append(f"tv:{show}: {len(placed)} files on {len({p.card for p in placed if p})} "
                                      f"cards, {len(on_card)} on the show's (off: {off[0]})")  # fmt: skip
    return report


def _from_cards(cards: Iterable[Mapping[str, Any]]) -> dict[str, _Got]:
    out: dict[str, _Got] = {}
    for index, card in enumerate(cards):
        identified = card.get("tmdb_id") is not None and card.get("state") not in (
            "ambiguous",
            "not_found",
            "pending",
        )
        for e in card.get("episodes") or []:
            out[_norm(e["path"])] = _Got(e.get("season"), e.get("episode"), e.get("episode_end"), e.get("air_date"),
                                         index, card.get("tmdb_id"), identified)  # fmt: skip
        for v in card.get("versions") or []:
            for part in v.get("parts") or [v["path"]]:
                out[_norm(part)] = _Got(None, None, None, None, index, card.get("tmdb_id"), identified)
    return out


def _from_guessit(rows: Mapping[str, Mapping[str, Any]]) -> dict[str, _Got]:
    from guessit import guessit

    out: dict[str, _Got] = {}
    for path, row in rows.items():
        g = guessit(row["path"])
        season, episode = g.get("season"), g.get("episode")
        season = season[0] if isinstance(season, list) else season
        end = None
        if isinstance(episode, list):
            episode, end = min(episode), max(episode)
        date = g.get("date")
        out[_norm(path)] = _Got(season, episode, end, date.isoformat() if date else None)
    return out


def run_tv_accuracy(rows: list[Mapping[str, Any]], workdir: Path, fake: Any) -> tuple[TvReport, TvReport]:
    """Scan, identify and list the rows against the stand-in (ours), and guessit alone on the same names."""
    work = Path(workdir).resolve()
    root, data = work / "library", work / "data"
    by_path = materialize(rows, root, sparse=False)
    cards, requests = run_cli(root, data, fake, 500)
    ours = _score(by_path, _from_cards(cards), "ours", cards=True)
    ours.requests = requests
    with sqlite3.connect(data / "library.sqlite3") as conn:
        ours.lookups = conn.execute("SELECT count(*) FROM lookups WHERE state != 'pending'").fetchone()[0]
        try:
            ours.seasons = conn.execute("SELECT count(*) FROM seasons WHERE episodes IS NOT NULL").fetchone()[
                0
            ]
        except sqlite3.OperationalError:  # a library without season data
            ours.seasons = 0
    guess = _score(by_path, _from_guessit(by_path), "guessit", cards=False)
    return ours, guess


def format_tv_report(ours: TvReport, guess: TvReport, failures: int = 30) -> str:
    lines = [f"{'':<34}{'ours':>10}{'guessit':>10}"]
    lines.append(f"{'season/episode agreement':<34}{ours.numbers:>10.3f}{guess.numbers:>10.3f}")
    lines.append(f"{'air dates found (daily)':<34}{ours.dates:>10.3f}{guess.dates:>10.3f}")
    lines.append(f"{'shows on one card':<34}{ours.one_card:>10.3f}{'-':>10}")
    lines.append(f"{'files on their show card':<34}{ours.files_share:>10.3f}{'-':>10}")
    lines.append(f"{'requests per lookup':<34}{ours.requests_per_lookup:>10.2f}{'-':>10}"
                 f"   ({ours.requests} requests, {ours.lookups} keys, {ours.seasons} seasons)")  # fmt: skip
    lines.append(f"rows: {ours.rows}, shows: {ours.shows}, daily rows: {ours.daily}")
    lines.append("per category (season/episode right):")
    for cat in sorted(ours.per_category):
        o, n = ours.per_category[cat]
        g = guess.per_category[cat][0]
        lines.append(f"  {cat:<26}{o:>5}/{n:<5}{g:>5}/{n}")
    if ours.split_shows:
        lines.append("shows not on one card: " + "; ".join(ours.split_shows[:10]))
    lines.append(f"first failures of ours ({len(ours.failures)} in all):")
    lines.extend("  " + f for f in ours.failures[:failures])
    return "\n".join(lines)
