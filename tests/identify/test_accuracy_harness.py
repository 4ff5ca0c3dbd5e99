"""The accuracy harness's arithmetic, on tiny hand-made libraries whose right figures are known."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.identify.accuracy import (
    AccuracyReport,
    format_report,
    load_library,
    materialize,
    score,
    score_assignments,
)
from videomanager.testing.catalog import default_catalog

LIBRARY = Path(__file__).resolve().parents[1] / "data" / "identify" / "library.jsonl"


def _row(
    path: str, tmdb_id: int | None, role: str = "version", category: str = "c", **kw: Any
) -> dict[str, Any]:
    kind = kw.pop("kind", None if tmdb_id is None else ("tv" if role == "episode" else "movie"))
    return {
        "path": path,
        "tmdb_id": tmdb_id,
        "kind": kind,
        "role": role,
        "category": category,
        "size": 100,
        **kw,
    }


ROOT = os.path.abspath("/lib")


def _by_path(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {os.path.join(ROOT, r["path"]): r for r in rows}


def _card(
    tmdb_id: int | None, kind: str | None = "movie", state: str = "matched", **lists: list[Any]
) -> dict:
    card = {"id": f"{kind}:{tmdb_id}", "tmdb_id": tmdb_id, "kind": kind, "state": state}
    card["versions"] = [
        {"path": os.path.join(ROOT, v[0]), "parts": [os.path.join(ROOT, p) for p in v]}
        if isinstance(v, list)
        else {"path": os.path.join(ROOT, v), "parts": [os.path.join(ROOT, v)]}
        for v in lists.get("versions", [])
    ]
    card["episodes"] = [{"path": os.path.join(ROOT, p)} for p in lists.get("episodes", [])]
    card["extras"] = [{"path": os.path.join(ROOT, p)} for p in lists.get("extras", [])]
    return card


def test_precision_and_recall_arithmetic() -> None:
    rows = [
        _row("a.mkv", 1),
        _row("b.mkv", 1),
        _row("c.mkv", 2),  # identified wrongly as 3
        _row("d.mkv", 4),  # not identified
        _row("e.mkv", 5, kind="tv", role="episode"),  # right id, right kind
    ]
    cards = [
        _card(1, versions=["a.mkv", "b.mkv"]),
        _card(3, versions=["c.mkv"]),
        _card(None, kind=None, state="not_found", versions=["d.mkv"]),
        _card(5, kind="tv", episodes=["e.mkv"]),
    ]
    r = score(_by_path(rows), cards)
    assert (r.identified, r.correct) == (4, 3)
    assert r.precision == pytest.approx(3 / 4)
    assert (r.identifiable, r.recalled) == (5, 3)
    assert r.recall == pytest.approx(3 / 5)
    assert r.episodes_right_show == 1
    assert {f.path for f in r.failures} == {"c.mkv", "d.mkv"}


def test_right_id_with_wrong_kind_is_wrong() -> None:
    rows = [_row("x.mkv", 1399, kind="tv", role="episode")]
    r = score(_by_path(rows), [_card(1399, kind="movie", versions=["x.mkv"])])
    assert (r.identified, r.correct, r.recalled) == (1, 0, 0)


def test_ambiguous_card_with_a_candidate_is_not_an_identification() -> None:
    rows = [_row("a.mkv", 7), _row("home.mp4", None)]
    cards = [
        _card(7, state="ambiguous", versions=["a.mkv"]),
        _card(None, kind=None, state="not_found", versions=["home.mp4"]),
    ]
    r = score(_by_path(rows), cards)
    assert (r.identified, r.recalled, r.personal_identified) == (0, 0, 0)
    assert r.precision == 1.0  # nothing claimed, nothing wrong
    assert r.failures[0].got.endswith("(not identified)")


def test_personal_videos_identified_are_counted_and_hurt_precision() -> None:
    rows = [_row("Phone/IMG_0001.MOV", None), _row("Phone/wedding.mp4", None), _row("m.mkv", 9)]
    cards = [
        _card(42, versions=["Phone/wedding.mp4"]),
        _card(9, versions=["m.mkv"]),
        _card(None, kind=None, versions=["Phone/IMG_0001.MOV"]),
    ]
    r = score(_by_path(rows), cards)
    assert (r.personal_total, r.personal_identified) == (2, 1)
    assert r.precision == pytest.approx(1 / 2)
    assert r.recall == 1.0


def test_extras_as_versions_and_attachment() -> None:
    rows = [
        _row("M/M.mkv", 10),
        _row("M/M-trailer.mkv", 10, role="extra"),
        _row("M/Featurettes/making of.mkv", 10, role="extra"),
        _row("M/sample.mkv", 10, role="extra"),
    ]
    cards = [
        _card(10, versions=["M/M.mkv", "M/sample.mkv"], extras=["M/M-trailer.mkv"]),
        _card(11, extras=["M/Featurettes/making of.mkv"]),  # an extra on the wrong card
    ]
    r = score(_by_path(rows), cards)
    assert (r.extras_total, r.extras_as_versions) == (3, 1)
    assert (r.extras_attachable, r.extras_attached) == (3, 1)
    # Extras never enter precision/recall: the one real version is right.
    assert (r.identified, r.correct, r.identifiable, r.recalled) == (1, 1, 1, 1)
    assert r.grouping_f1 == 1.0  # no pairs to judge


def test_grouping_f1_pairwise() -> None:
    # Truth: {a1, a2, a3} are film 1, {b1, b2} film 2. Predicted: a1+a2 together, a3 alone, b1+b2+a3? no:
    # cards {a1, a2}, {a3, b1}, {b2}. True pairs: 3 + 1 = 4; predicted pairs: 1 + 1 = 2; correct: 1.
    rows = [_row(p, 1) for p in ("a1.mkv", "a2.mkv", "a3.mkv")] + [_row(p, 2) for p in ("b1.mkv", "b2.mkv")]
    cards = [
        _card(1, versions=["a1.mkv", "a2.mkv"]),
        _card(2, versions=["a3.mkv", "b1.mkv"]),
        _card(None, kind=None, state="pending", versions=["b2.mkv"]),
    ]
    r = score(_by_path(rows), cards)
    assert (r.pairs_true, r.pairs_predicted, r.pairs_correct) == (4, 2, 1)
    assert r.grouping_precision == pytest.approx(0.5)
    assert r.grouping_recall == pytest.approx(0.25)
    assert r.grouping_f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_unidentified_card_that_groups_versions_counts_as_grouping() -> None:
    rows = [_row("x/x-720p.mkv", 5), _row("x/x-1080p.mkv", 5)]
    cards = [_card(None, kind=None, state="not_found", versions=["x/x-720p.mkv", "x/x-1080p.mkv"])]
    r = score(_by_path(rows), cards)
    assert r.grouping_f1 == 1.0
    assert r.recall == 0.0


def test_a_stack_counts_once_in_grouping_and_split_stacks_are_reported() -> None:
    rows = [
        _row("F/F cd1.avi", 3, stack="F"),
        _row("F/F cd2.avi", 3, stack="F"),
        _row("F2/F.1080p.mkv", 3),
        _row("G/G part1.avi", 4, stack="G"),
        _row("G/G part2.avi", 4, stack="G"),
    ]
    cards = [
        _card(3, versions=[["F/F cd1.avi", "F/F cd2.avi"], "F2/F.1080p.mkv"]),
        _card(4, versions=["G/G part1.avi", "G/G part2.avi"]),  # parts not stacked: two versions
    ]
    r = score(_by_path(rows), cards)
    # Units: stack F, F2 file, stack G -> one true pair (F, F2), predicted the same.
    assert (r.pairs_true, r.pairs_predicted, r.pairs_correct) == (1, 1, 1)
    assert (r.stacks_total, r.stacks_split) == (2, 1)
    # Each part is still a file for precision and recall.
    assert (r.identified, r.correct) == (5, 5)


def test_missing_files_are_failures_and_not_recalled() -> None:
    rows = [_row("a.mkv", 1), _row("b.mkv", 1)]
    r = score(_by_path(rows), [_card(1, versions=["a.mkv"])])
    assert r.missing == 1
    assert r.recall == pytest.approx(0.5)
    assert [f.got for f in r.failures] == ["missing"]


def test_score_assignments_treats_every_file_as_a_main_video() -> None:
    rows = [
        _row("M (1999)/M (1999).mkv", 1),
        _row("M (1999)/M (1999)-trailer.mkv", 1, role="extra"),
        _row("Show/S01E01.mkv", 50, role="episode"),
        _row("Show/S01E02.mkv", 50, role="episode"),
        _row("DCIM/IMG_1.MOV", None),
        _row("Other/M.mkv", 1),
    ]
    paths = list(_by_path(rows))
    assignments = {
        paths[0]: ("movie", 1),
        paths[1]: ("movie", 1),
        paths[2]: ("tv", 50),
        paths[3]: ("movie", 50),  # right number, wrong kind
        paths[4]: ("movie", 77),
        paths[5]: (None, None),
    }
    r = score_assignments(_by_path(rows), assignments)
    assert (r.extras_as_versions, r.extras_attached) == (1, 0)
    assert (r.identified, r.correct) == (4, 2)
    assert (r.identifiable, r.recalled) == (4, 2)
    assert r.personal_identified == 1
    assert r.episodes_right_show == 1
    assert (r.pairs_true, r.pairs_predicted, r.pairs_correct) == (1, 0, 0)
    assert r.grouping_f1 == 0.0


def test_per_category_figures() -> None:
    rows = [
        _row("a.mkv", 1, category="scene"),
        _row("b.mkv", 2, category="scene"),
        _row("IMG.MOV", None, category="personal"),
    ]
    cards = [
        _card(1, versions=["a.mkv"]),
        _card(3, versions=["b.mkv"]),
        _card(None, kind=None, versions=["IMG.MOV"]),
    ]
    r = score(_by_path(rows), cards)
    scene, personal = r.per_category["scene"], r.per_category["personal"]
    assert (scene.rows, scene.ok, scene.recall, scene.precision) == (2, 1, 0.5, 0.5)
    assert (personal.rows, personal.ok) == (1, 1)


def test_materialize_makes_distinct_files_with_sizes(tmp_path: Path) -> None:
    rows = [
        _row("Movies/A (2000)/A (2000).mkv", 1, size=5_000_000),
        _row("Phone/DCIM/IMG_1.MOV", None, size=1000),
    ]
    made = materialize(rows, tmp_path, sparse=True)
    assert set(made) == {
        str(tmp_path / "Movies/A (2000)/A (2000).mkv"),
        str(tmp_path / "Phone/DCIM/IMG_1.MOV"),
    }
    sizes = sorted(os.path.getsize(p) for p in made)
    assert sizes == [1000, 5_000_000]
    heads = {Path(p).read_bytes()[:64] for p in made}
    assert len(heads) == 2
    small = materialize(rows, tmp_path / "small")
    assert all(os.path.getsize(p) < 200 for p in small)


def test_format_report_shows_both_columns_and_failures() -> None:
    rows = [_row("a.mkv", 1, category="scene"), _row("b.mkv", 2, category="scene")]
    by_path = _by_path(rows)
    ours = score(by_path, [_card(1, versions=["a.mkv"]), _card(9, versions=["b.mkv"])])
    naive = score_assignments(by_path, {p: (None, None) for p in by_path})
    text = format_report(ours, naive)
    assert "precision" in text and "grouping F1" in text
    assert "ours" in text and "naive" in text
    assert "b.mkv: expected movie:2 version, got movie:9 version" in text


@pytest.mark.skipif(not LIBRARY.exists(), reason="the labelled library is not written yet")
def test_the_library_file_is_well_formed() -> None:
    rows = load_library(LIBRARY)
    assert len(rows) >= 450
    assert len({r["path"] for r in rows}) == len(rows)
    for r in rows:
        assert r["role"] in ("version", "extra", "episode"), r
        assert (r["tmdb_id"] is None) == (r["kind"] is None), r
        assert isinstance(r["size"], int) and r["size"] > 0, r
        assert not r["path"].startswith("/") and ".." not in r["path"].split("/"), r
        if r["role"] == "episode":
            assert r["kind"] == "tv" and isinstance(r["season"], int) and isinstance(r["episode"], int), r
        if r["role"] == "extra":
            assert r["kind"] in ("movie", None), r
    counts = Counter(r["category"] for r in rows)
    assert min(counts.values()) >= 15, counts
    # Every labelled id exists in the stand-in's catalog, so a miss is the matcher's, not the label's.
    catalog = default_catalog()
    for r in rows:
        if r["kind"] == "movie":
            assert r["tmdb_id"] in catalog.movies, r
        elif r["kind"] == "tv":
            assert r["tmdb_id"] in catalog.shows, r


def test_a_perfect_output_scores_perfectly() -> None:
    rows = [
        _row("A/A-1080p.mkv", 1),
        _row("B/A 4K.mkv", 1),
        _row("A/A-trailer.mkv", 1, role="extra"),
        _row("S/S01E01.mkv", 8, role="episode"),
        _row("IMG.MOV", None),
    ]
    cards = [
        _card(1, versions=["A/A-1080p.mkv", "B/A 4K.mkv"], extras=["A/A-trailer.mkv"]),
        _card(8, kind="tv", episodes=["S/S01E01.mkv"]),
        _card(None, kind=None, state="not_found", versions=["IMG.MOV"]),
    ]
    r: AccuracyReport = score(_by_path(rows), cards)
    assert (r.precision, r.recall, r.grouping_f1, r.extras_attached_share) == (1.0, 1.0, 1.0, 1.0)
    assert (r.personal_identified, r.extras_as_versions, r.missing, r.failures) == (0, 0, 0, [])


def test_grouping_splits_and_merges_are_named() -> None:
    rows = [_row("a1.mkv", 1), _row("a2.mkv", 1), _row("b1.mkv", 2)]
    cards = [_card(1, versions=["a1.mkv"]), _card(1, versions=["a2.mkv", "b1.mkv"])]
    r = score(_by_path(rows), cards)
    assert r.grouping_splits == ["movie:1 on 2 cards"]
    assert r.grouping_merges == ["one card holds movie:1, movie:2"]
    assert "movie:1 on 2 cards" in format_report(r)
