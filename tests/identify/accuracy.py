"""Identification accuracy: a labelled file library scored against our pipeline and a naive baseline.

The labelled library (``tests/data/identify/library.jsonl``, described in its README) has one row per file:
``path`` (relative), ``tmdb_id``/``kind`` (null for files that must stay unidentified), ``role``
(version/extra/episode), ``category``, ``size`` and optionally ``season``/``episode`` and ``stack``.

Metric definitions:

* A file *got an id* when its card has a ``tmdb_id`` and a state other than ambiguous/not_found/pending
  (an ambiguous card may carry a candidate id; it is not an identification).
* **precision**: of the non-extra files (versions, stack parts, episodes) that got an id, the share whose
  ``(kind, tmdb_id)`` equals the label. A personal video that got an id counts as a wrong one.
* **recall**: of the non-extra files whose label has a ``tmdb_id``, the share that got exactly that id.
* **grouping F1**: pairwise, over labelled movie versions. A multi-part stack counts **once** (as one
  version, placed where its first part landed), so a two-part film does not weigh twice. Two versions
  should share a card when their labels have the same tmdb_id; they do share one when they landed in the
  same card (any card, identified or not: an unidentified card that lumps files together is grouping
  too). With no pair on one side the corresponding ratio is 1.0 (nothing to get wrong).
* **personal identified**: files labelled ``tmdb_id: null`` (not extras) that got an id. Must be 0.
* **extras as versions**: files labelled ``role: extra`` found among a card's versions (or parts) or
  episodes. Must be 0. **extras attached**: the share of labelled extras (with a film id) found in the
  ``extras`` of the card of that film.
* **episodes right show**: the share of labelled episodes that landed in a card with the show's id
  (``episodes_right_number`` also needs the card's season/episode to match the label's).

``score`` reads cards (``videomanager list --json``); ``score_assignments`` reads a plain
``{path: (kind, tmdb_id)}`` map (the naive baseline), in which every file is a main video: the baseline
knows nothing of extras, so each labelled extra counts as a version there.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Card states that carry no identification even when a candidate tmdb_id is present.
_NOT_IDENTIFIED_STATES = frozenset({"ambiguous", "not_found", "pending"})


@dataclass
class CategoryStats:
    """Per-category counts: ``ok`` is a row that came out exactly as labelled (see ``_row_ok``)."""

    rows: int = 0
    ok: int = 0
    identifiable: int = 0  # non-extra rows with a label id
    recalled: int = 0
    identified: int = 0  # non-extra rows that got an id
    correct: int = 0

    @property
    def recall(self) -> float:
        return _ratio(self.recalled, self.identifiable)

    @property
    def precision(self) -> float:
        return _ratio(self.correct, self.identified)

    @property
    def accuracy(self) -> float:
        return _ratio(self.ok, self.rows)


@dataclass(frozen=True)
class Failure:
    """One row that did not come out as labelled."""

    path: str  # the relative path of the label
    category: str
    expected: str  # e.g. "movie:603 version"
    got: str  # e.g. "movie:97020 version" or "- version" (no id) or "missing"


@dataclass
class AccuracyReport:
    """All figures for one system (ours or the naive baseline)."""

    name: str
    files: int = 0
    identified: int = 0
    correct: int = 0
    identifiable: int = 0
    recalled: int = 0
    pairs_true: int = 0
    pairs_predicted: int = 0
    pairs_correct: int = 0
    personal_total: int = 0
    personal_identified: int = 0
    extras_total: int = 0
    extras_as_versions: int = 0
    extras_attachable: int = 0
    extras_attached: int = 0
    episodes_total: int = 0
    episodes_right_show: int = 0
    episodes_right_number: int = 0  # right show and the labelled season/episode (cards only)
    stacks_total: int = 0
    stacks_split: int = 0  # stacks whose parts did not end up as one version
    missing: int = 0  # labelled files absent from the output
    requests: int = 0  # requests made to the stand-in by the identify step (ours only)
    lookup_keys: int = 0  # unique lookup keys it looked up (ours only)
    numbers_known: bool = True  # False for plain assignments, which carry no season/episode
    per_category: dict[str, CategoryStats] = field(default_factory=dict)
    per_family: dict[str, CategoryStats] = field(default_factory=dict)  # rows with a "family" (films.jsonl)
    grouping_splits: list[str] = field(default_factory=list)  # films whose versions landed on >1 card
    grouping_merges: list[str] = field(default_factory=list)  # cards holding versions of >1 film
    failures: list[Failure] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return _ratio(self.correct, self.identified)

    @property
    def recall(self) -> float:
        return _ratio(self.recalled, self.identifiable)

    @property
    def grouping_precision(self) -> float:
        return _ratio(self.pairs_correct, self.pairs_predicted)

    @property
    def grouping_recall(self) -> float:
        return _ratio(self.pairs_correct, self.pairs_true)

    @property
    def grouping_f1(self) -> float:
        p, r = self.grouping_precision, self.grouping_recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    @property
    def requests_per_key(self) -> float:
        return self.requests / self.lookup_keys if self.lookup_keys else 0.0

    @property
    def extras_attached_share(self) -> float:
        return _ratio(self.extras_attached, self.extras_attachable)

    @property
    def episodes_right_show_share(self) -> float:
        return _ratio(self.episodes_right_show, self.episodes_total)


@dataclass(frozen=True)
class _Placed:
    """Where one file ended up."""

    kind: str | None
    tmdb_id: int | None
    identified: bool
    placement: str  # "version", "episode" or "extra"
    cluster: Any  # files with equal clusters share a card
    version_key: Any = None  # files with equal keys are parts of one version
    number: tuple[Any, Any] | None = None  # (season, episode) of an episode, when the output says


def _ratio(num: int, den: int) -> float:
    return 1.0 if den == 0 else num / den


def _norm(path: str) -> str:
    return os.path.normcase(os.path.normpath(path))


# --- files on disk ------------------------------------------------------------------------------------


def load_library(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The rows of a JSON Lines library (blank lines skipped)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def materialize(
    rows: Iterable[Mapping[str, Any]], root: str | os.PathLike[str], sparse: bool = False
) -> dict[str, dict[str, Any]]:
    """Create every row's file under ``root``; returns ``{absolute path: row}``.

    Each file starts with a few bytes unique to its path, so fingerprints differ. With ``sparse`` the file
    is extended (as a hole, costing no disk blocks on most file systems) to the row's realistic ``size``,
    which matters for anything that looks at sizes; otherwise it stays a few bytes long.
    """
    out: dict[str, dict[str, Any]] = {}
    base = Path(root)
    for row in rows:
        full = base.joinpath(*row["path"].split("/"))
        full.parent.mkdir(parents=True, exist_ok=True)
        with open(full, "wb") as fh:
            fh.write(f"videomanager-accuracy {row['path']}\n".encode())
            if sparse and row.get("size"):
                fh.truncate(int(row["size"]))
        out[str(full)] = dict(row)
    return out


# --- placing files from the two kinds of output -------------------------------------------------------


def _placements_from_cards(cards: Iterable[Mapping[str, Any]]) -> dict[str, _Placed]:
    placed: dict[str, _Placed] = {}
    for index, card in enumerate(cards):
        tmdb_id = card.get("tmdb_id")
        kind = card.get("kind")
        identified = tmdb_id is not None and card.get("state") not in _NOT_IDENTIFIED_STATES
        cluster = ("card", index)  # a card is a cluster, identified or not
        for v_index, version in enumerate(card.get("versions") or []):
            parts = list(version.get("parts") or []) or [version["path"]]
            if version["path"] not in parts:
                parts.insert(0, version["path"])
            for part in parts:
                placed[_norm(part)] = _Placed(kind, tmdb_id, identified, "version", cluster, (index, v_index))
        for episode in card.get("episodes") or []:
            number = (episode.get("season"), episode.get("episode"))
            placed[_norm(episode["path"])] = _Placed(
                kind, tmdb_id, identified, "episode", cluster, None, number
            )
        for extra in card.get("extras") or []:
            placed[_norm(extra["path"])] = _Placed(kind, tmdb_id, identified, "extra", cluster)
    return placed


def _placements_from_assignments(
    rows_by_path: Mapping[str, Mapping[str, Any]], assignments: Mapping[str, tuple[str | None, int | None]]
) -> dict[str, _Placed]:
    placed: dict[str, _Placed] = {}
    for path, (kind, tmdb_id) in assignments.items():
        row = rows_by_path.get(path, {})
        placement = "episode" if kind == "tv" else "version"
        cluster = (kind, tmdb_id) if tmdb_id is not None else ("alone", path)
        # The baseline has no stacking: a part is its own version unless it shares the label's stack.
        version_key = (cluster, row.get("stack")) if row.get("stack") else ("file", path)
        placed[_norm(path)] = _Placed(kind, tmdb_id, tmdb_id is not None, placement, cluster, version_key)
    return placed


# --- scoring ------------------------------------------------------------------------------------------


def _describe(kind: str | None, tmdb_id: int | None, placement: str) -> str:
    return f"{kind}:{tmdb_id} {placement}" if tmdb_id is not None else f"- {placement}"


def _row_ok(row: Mapping[str, Any], got: _Placed | None) -> bool:
    """A row is right when it came out exactly as labelled (id, kind and role)."""
    want_id = row.get("tmdb_id")
    if got is None:
        return False
    if row["role"] == "extra":
        if got.placement != "extra":
            return False
        return want_id is None or (got.identified and got.tmdb_id == want_id and got.kind == row.get("kind"))
    if want_id is None:
        return not got.identified and got.placement != "extra"
    return (
        got.identified
        and got.tmdb_id == want_id
        and got.kind == row.get("kind")
        and got.placement == row["role"]
    )


def _pair_counts(units: list[tuple[Any, Any]]) -> tuple[int, int, int]:
    """(true pairs, predicted pairs, pairs both true and predicted) from (truth, prediction) per unit."""

    def pairs(counter: Counter[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in counter.values())

    return (
        pairs(Counter(t for t, _ in units)),
        pairs(Counter(p for _, p in units)),
        pairs(Counter(units)),
    )


def _score_placed(
    rows_by_path: Mapping[str, Mapping[str, Any]], placed: Mapping[str, _Placed], name: str
) -> AccuracyReport:
    report = AccuracyReport(name=name)
    units: list[tuple[Any, Any]] = []
    stacks: dict[tuple[Any, str], list[_Placed | None]] = defaultdict(list)
    for path, row in rows_by_path.items():
        got = placed.get(_norm(path))
        if got is None:
            got = placed.get(_norm(os.path.realpath(path)))
        report.files += 1
        role, want_id, want_kind = row["role"], row.get("tmdb_id"), row.get("kind")
        cat = report.per_category.setdefault(row.get("category", "uncategorised"), CategoryStats())
        fam = report.per_family.setdefault(row["family"], CategoryStats()) if row.get("family") else None
        cat.rows += 1
        if got is None:
            report.missing += 1
        identified = got is not None and got.identified
        right = identified and got.tmdb_id == want_id and got.kind == want_kind
        if role == "extra":
            report.extras_total += 1
            if got is not None and got.placement in ("version", "episode"):
                report.extras_as_versions += 1
            if want_id is not None:
                report.extras_attachable += 1
                if right and got.placement == "extra":
                    report.extras_attached += 1
        else:
            for stats in (report, cat, fam):
                if stats is None:
                    continue
                if identified:
                    stats.identified += 1
                    stats.correct += right
                if want_id is not None:
                    stats.identifiable += 1
                    stats.recalled += right
            if want_id is None:
                report.personal_total += 1
                report.personal_identified += identified
            if role == "episode":
                report.episodes_total += 1
                report.episodes_right_show += right
                report.episodes_right_number += right and got.number == (
                    row.get("season"),
                    row.get("episode"),
                )
        if role == "version" and want_kind == "movie" and want_id is not None:
            if row.get("stack"):
                stacks[(want_id, row["stack"])].append(got)
            else:
                units.append((want_id, got.cluster if got is not None else ("missing", path)))
        ok = _row_ok(row, got)
        cat.ok += ok
        if fam is not None:
            fam.rows += 1
            fam.ok += ok
        if not ok:
            got_text = "missing" if got is None else _describe(got.kind, got.tmdb_id, got.placement)
            if got is not None and got.tmdb_id is not None and not got.identified:
                got_text += " (not identified)"
            report.failures.append(
                Failure(row["path"], row.get("category", ""), _describe(want_kind, want_id, role), got_text)
            )
    for (want_id, label), parts in sorted(stacks.items(), key=lambda kv: str(kv[0])):
        report.stacks_total += 1
        first = parts[0]
        units.append((want_id, first.cluster if first is not None else ("missing-stack", label)))
        keys = {p.version_key if p is not None else None for p in parts}
        if len(keys) != 1 or None in keys:
            report.stacks_split += 1
    report.pairs_true, report.pairs_predicted, report.pairs_correct = _pair_counts(units)
    by_truth: dict[Any, set[Any]] = defaultdict(set)
    by_card: dict[Any, set[Any]] = defaultdict(set)
    for truth, predicted in units:
        by_truth[truth].add(predicted)
        by_card[predicted].add(truth)
    report.grouping_splits = [
        f"movie:{t} on {len(c)} cards" for t, c in sorted(by_truth.items()) if len(c) > 1
    ]
    report.grouping_merges = [
        "one card holds " + ", ".join(f"movie:{t}" for t in sorted(ts))
        for ts in by_card.values()
        if len(ts) > 1
    ]
    report.failures.sort(key=lambda f: (f.category, f.path))
    return report


def score(
    rows_by_path: Mapping[str, Mapping[str, Any]], cards: Iterable[Mapping[str, Any]], name: str = "ours"
) -> AccuracyReport:
    """Score ``list --json`` cards against the labelled rows (keys: the absolute paths the cards use)."""
    return _score_placed(rows_by_path, _placements_from_cards(cards), name)


def score_assignments(
    rows_by_path: Mapping[str, Mapping[str, Any]],
    assignments: Mapping[str, tuple[str | None, int | None]],
    name: str = "naive",
) -> AccuracyReport:
    """Score a ``{path: (kind, tmdb_id)}`` map; every file counts as a main video (see the module doc)."""
    report = _score_placed(rows_by_path, _placements_from_assignments(rows_by_path, assignments), name)
    report.numbers_known = False
    return report


# --- the naive baseline -------------------------------------------------------------------------------


def naive_identify(
    rows_by_path: Mapping[str, Mapping[str, Any]], client: Any
) -> dict[str, tuple[str | None, int | None]]:
    """The naive approach measured against: guessit title + year, then TMDb's first search result.

    guessit reads the row's relative path (folders included, as it would read the full path); episodes
    (by guessit's own type) go to search/tv, everything else to search/movie, with the year when there is
    one. Nothing else: no extras detection, no scoring, no alternative titles, no embedded ids.
    """
    from guessit import guessit

    answers: dict[tuple[str, str, int | None], tuple[str | None, int | None]] = {}
    out: dict[str, tuple[str | None, int | None]] = {}
    for path, row in rows_by_path.items():
        guess = guessit(row["path"])
        title = guess.get("title")
        year = guess.get("year")
        if isinstance(title, list):
            title = title[0] if title else None
        if isinstance(year, list):
            year = year[0] if year else None
        kind = "tv" if guess.get("type") == "episode" else "movie"
        if not title:
            out[path] = (None, None)
            continue
        key = (kind, str(title), year)
        if key not in answers:
            search = client.search_tv if kind == "tv" else client.search_movie
            results = (search(str(title), year=year) or {}).get("results") or []
            answers[key] = (kind, int(results[0]["id"])) if results else (None, None)
        out[path] = answers[key]
    return out


# --- running both against the stand-in ---------------------------------------------------------------


def _cli(argv: list[str]) -> str:
    """Run ``videomanager.cli.main`` in-process; returns its stdout, raises on a non-zero exit."""
    from videomanager import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    if code != 0:
        raise RuntimeError(f"videomanager {' '.join(argv[2:3])} exited {code}: {err.getvalue().strip()}")
    return out.getvalue()


@contextlib.contextmanager
def _env(values: Mapping[str, str]):
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _lookup_keys(db: Path) -> int:
    """How many unique lookup keys went to TMDb (embedded ids and name searches; not 'nothing to look up')."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT COUNT(*) FROM lookups WHERE key != 'none:'").fetchone()[0]
    finally:
        conn.close()


def run_cli(root: Path, data: Path, fake: Any, requests_per_second: float) -> tuple[list, int]:
    """``scan``, ``identify`` and ``list --json`` through ``videomanager.cli.main`` with the fake's key and URL
    in the environment; returns the listed cards and the requests identify sent."""
    data.mkdir(parents=True, exist_ok=True)
    (data / "settings.json").write_text(
        json.dumps({"requests_per_second": requests_per_second}), encoding="utf-8"
    )
    env = {
        "TMDB_API_KEY": fake.API_KEY,
        "VIDEOMANAGER_TMDB_URL": fake.base_url,
        "VIDEOMANAGER_DATA_DIR": str(data),
    }
    with _env(env):
        _cli(["--data-dir", str(data), "scan", str(root)])
        before = fake.stats.request_count
        _cli(["--data-dir", str(data), "identify"])
        requests = fake.stats.request_count - before
        cards = json.loads(_cli(["--data-dir", str(data), "list", "--json"]))
    return cards, requests


def run_accuracy(
    rows: Iterable[Mapping[str, Any]],
    workdir: str | os.PathLike[str],
    fake: Any,
    requests_per_second: float = 200.0,
) -> tuple[AccuracyReport, AccuracyReport]:
    """Materialise ``rows`` under ``workdir``, then score our CLI pipeline and the naive baseline.

    Ours: ``scan``, ``identify`` and ``list --json`` through ``videomanager.cli.main`` with the fake's
    key and URL in the environment. Naive: ``naive_identify`` with a TMDbClient on the same fake.
    """
    from videomanager.tmdb import RateLimiter, TMDbClient

    work = Path(workdir).resolve()
    root, data = work / "library", work / "data"
    rows_by_path = materialize(rows, root, sparse=True)
    # The stand-in has no 10/s ceiling to respect; the default pace would make the run take minutes.
    cards, requests = run_cli(root, data, fake, requests_per_second)
    ours = score(rows_by_path, cards, name="ours")
    ours.requests, ours.lookup_keys = requests, _lookup_keys(data / "library.sqlite3")
    client = TMDbClient(
        api_key=fake.API_KEY, base_url=fake.base_url, limiter=RateLimiter(rate_per_second=1000)
    )
    try:
        naive = score_assignments(rows_by_path, naive_identify(rows_by_path, client), name="naive")
    finally:
        client.close()
    return ours, naive


def format_report(ours: AccuracyReport, naive: AccuracyReport | None = None, failures: int = 15) -> str:
    """A small text table (ours vs naive), then per-category accuracy and the first failures of ours."""
    reports = [r for r in (ours, naive) if r is not None]
    lines = [f"{'':<26}" + "".join(f"{r.name:>10}" for r in reports)]

    def row(label: str, values: list[str]) -> None:
        lines.append(f"{label:<26}" + "".join(f"{v:>10}" for v in values))

    row("precision", [f"{r.precision:.3f}" for r in reports])
    row("recall", [f"{r.recall:.3f}" for r in reports])
    row("grouping F1", [f"{r.grouping_f1:.3f}" for r in reports])
    row("personal identified", [f"{r.personal_identified}/{r.personal_total}" for r in reports])
    row("extras as versions", [f"{r.extras_as_versions}/{r.extras_total}" for r in reports])
    row("extras attached", [f"{r.extras_attached_share:.3f}" for r in reports])
    row("episodes right show", [f"{r.episodes_right_show_share:.3f}" for r in reports])
    row(
        "  and right number",
        [f"{r.episodes_right_number}/{r.episodes_total}" if r.numbers_known else "n/a" for r in reports],
    )
    row("stacks split", [f"{r.stacks_split}/{r.stacks_total}" for r in reports])
    row("missing from output", [str(r.missing) for r in reports])
    lines.append("")
    lines.append("per category (rows right as labelled):")
    for name in sorted(ours.per_category):
        cells = []
        for r in reports:
            c = r.per_category.get(name, CategoryStats())
            cells.append(f"{c.ok}/{c.rows}")
        row(f"  {name}", cells)
    if ours.grouping_splits or ours.grouping_merges:
        lines.append("")
        lines.append(f"grouping of {ours.name}: " + "; ".join(ours.grouping_splits + ours.grouping_merges))
    if ours.failures and failures:
        lines.append("")
        lines.append(f"first failures of {ours.name} ({len(ours.failures)} in all):")
        for f in ours.failures[:failures]:
            lines.append(f"  [{f.category}] {f.path}: expected {f.expected}, got {f.got}")
    return "\n".join(lines)


def format_film_figures(worlds: Mapping[str, tuple[AccuracyReport, AccuracyReport]]) -> str:
    """Film precision and recall per family of names (clean, release) and overall, ours beside the naive
    first hit, for each catalog world ("plain", "long tail"); then the requests per lookup key."""
    lines = [f"{'':<34}{'ours':>8}{'naive':>8}"]
    for world, (ours, naive) in worlds.items():
        groups = [(f, ours.per_family.get(f), naive.per_family.get(f)) for f in sorted(ours.per_family)]
        groups.append(("all", ours, naive))
        for family, o, n in groups:
            if o is None or n is None:
                continue
            label = f"{world}: {family} names" if family != "all" else f"{world}: all films"
            lines.append(f"{label + ' precision':<34}{o.precision:>8.3f}{n.precision:>8.3f}")
            lines.append(f"{label + ' recall':<34}{o.recall:>8.3f}{n.recall:>8.3f}")
        lines.append(f"{world + ': requests per lookup key':<34}{ours.requests_per_key:>8.2f}")
    return "\n".join(lines)
