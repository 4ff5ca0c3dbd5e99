import json
import os
import shutil
import subprocess
import sys

from tests.core.helpers import make_tree
from videomanager.core import decisions
from videomanager.core.grouping import cards_from_library
from videomanager.core.indexer import scan_into_library
from videomanager.core.library import Library

TREE = {
    "Movies 4K/The Matrix (1999)/The Matrix (1999) - 2160p HDR.mkv": 60_000_000,
    "Movies/The Matrix (1999)/The Matrix (1999) - 1080p.mkv": 9_000_000,
    "Movies/The Matrix (1999)/The Matrix (1999)-trailer.mkv": 90_000,
    "Movies/The Matrix (1999)/Featurettes/Making of.mkv": 90_000,
    "Downloads/The.Matrix.1999.720p.BluRay.x264-GRP.mkv": 4_000_000,
    "Downloads/the.matrix.1999.720p.bluray.x264-grp.sample.mkv": 10_000,
    "Movies/Heat (1995)/Heat (1995) cd1.avi": 700_000,
    "Movies/Heat (1995)/Heat (1995) cd2.avi": 700_000,
    "TV/Breaking Bad/Season 1/Breaking.Bad.S01E02.720p.mkv": 1_000_000,
    "TV/Breaking Bad/Season 1/Breaking.Bad.S01E01.720p.mkv": 1_000_000,
    "TV/Breaking Bad/Season 2/Breaking.Bad.S02E01.1080p.mkv": 1_000_000,
    "Phone/VID_20190704_123456.mp4": 300_000,
}


def _identify_by_hand(lib: Library) -> None:
    """Stand in for a TMDb run: mark the lookups as TMDb would answer them."""
    for row in lib.lookups():
        if "matrix" in row.key:
            lib.save_lookup(row.key, state="matched", tmdb_id=603, kind="movie", confidence=0.97, reasons="t")
            lib.save_title(
                "movie", 603, {"title": "The Matrix", "release_date": "1999-03-30", "poster_path": "/m.jpg"}
            )
        elif "heat" in row.key:
            lib.save_lookup(row.key, state="matched", tmdb_id=949, kind="movie", confidence=0.95)
        elif "breaking" in row.key:
            lib.save_lookup(row.key, state="matched", tmdb_id=1396, kind="tv", confidence=0.99)
            lib.save_title("tv", 1396, {"name": "Breaking Bad", "first_air_date": "2008-01-20"})
        else:
            lib.save_lookup(row.key, state="not_found", reasons="no title")


def _scan(tmp_path):
    root = tmp_path / "v"
    make_tree(root, TREE)
    lib = Library(tmp_path / "lib.sqlite3")
    scan_into_library(lib, [str(root)], workers=1)
    return root, lib


def test_fallback_cards_before_identification(tmp_path):
    root, lib = _scan(tmp_path)
    cards = cards_from_library(lib)
    paths = [v.path for c in cards for v in c.versions] + [e.path for c in cards for e in c.episodes]
    paths += [x.path for c in cards for x in c.extras]
    parts = [p for c in cards for v in c.versions for p in v.parts]
    assert len(set(paths) | set(parts)) == len(TREE)  # every video exactly once
    assert len(parts) == len(set(parts))
    assert all(c.state == "pending" and c.kind is None for c in cards)
    heat = [c for c in cards if c.title == "Heat"]
    assert len(heat) == 1 and len(heat[0].versions) == 1 and len(heat[0].versions[0].parts) == 2
    assert heat[0].versions[0].parts[0].endswith("cd1.avi")
    bb = [c for c in cards if c.episodes]
    assert len(bb) == 1 and len(bb[0].episodes) == 3  # seasons of one show folder are one card


def test_one_card_per_tmdb_id_across_trees_with_extras_and_best(tmp_path):
    root, lib = _scan(tmp_path)
    _identify_by_hand(lib)
    cards = {c.id: c for c in cards_from_library(lib)}
    matrix = cards["movie:603"]
    assert matrix.title == "The Matrix" and matrix.year == 1999 and matrix.state == "matched"
    assert len(matrix.versions) == 3
    assert matrix.versions[0].best and matrix.versions[0].resolution == "2160p"
    assert sum(v.best for v in matrix.versions) == 1
    assert matrix.reclaimable_bytes == 9_000_000 + 4_000_000
    extra_types = sorted(x.type for x in matrix.extras)
    assert extra_types == ["featurette", "sample", "trailer"]
    assert not any("trailer" in v.path or "sample" in v.path for v in matrix.versions)
    bb = cards["tv:1396"]
    assert [(e.season, e.episode) for e in bb.episodes] == [(1, 1), (1, 2), (2, 1)]
    personal = [c for c in cards.values() if "VID_" in (c.versions[0].path if c.versions else "")]
    assert personal and personal[0].tmdb_id is None


def test_manual_match_survives_rename_move_and_rescan(tmp_path):
    root, lib = _scan(tmp_path)
    _identify_by_hand(lib)
    f = lib.file_by_path(str(root / "Phone/VID_20190704_123456.mp4"))
    decisions.set_match(lib, [f.id], "movie", 603)
    cards = {c.id: c for c in cards_from_library(lib)}
    assert any("VID_" in v.path for v in cards["movie:603"].versions)
    # rename + move it, rescan: the decision follows the file
    new = root / "Elsewhere" / "renamed clip.mp4"
    new.parent.mkdir()
    shutil.move(str(root / "Phone/VID_20190704_123456.mp4"), new)
    scan_into_library(lib, [str(root)], workers=1)
    card = {c.id: c for c in cards_from_library(lib)}["movie:603"]
    assert any(v.path == str(new) for v in card.versions)
    assert [v for v in card.versions if v.path == str(new)]
    # automatic matching never overwrites it
    for row in lib.lookups():
        lib.save_lookup(row.key, state="not_found")
    card = {c.id: c for c in cards_from_library(lib)}["movie:603"]
    assert [v.path for v in card.versions] == [str(new)]
    assert card.state == "manual"


def test_unmatch_split_and_merge(tmp_path):
    root, lib = _scan(tmp_path)
    _identify_by_hand(lib)
    matrix = {c.id: c for c in cards_from_library(lib)}["movie:603"]
    low = [v for v in matrix.versions if v.resolution == "720p"][0]
    decisions.split_off(lib, low.file_ids, "movie", 603)
    cards = cards_from_library(lib)
    split = [c for c in cards if c.id.startswith("movie:603:")]
    assert len(split) == 1 and split[0].versions[0].path == low.path
    assert len({c.id: c for c in cards}["movie:603"].versions) == 2
    decisions.unmatch(lib, low.file_ids)
    cards = cards_from_library(lib)
    assert not [c for c in cards if c.id.startswith("movie:603:")]
    un = [c for c in cards if any(v.path == low.path for v in c.versions)][0]
    assert un.tmdb_id is None and un.state == "manual"
    # merge the personal video's fallback card into the unmatched one
    personal = [c for c in cards if any("VID_" in v.path for v in c.versions)][0]
    decisions.merge(lib, un, [personal])
    cards = cards_from_library(lib)
    merged = [c for c in cards if any(v.path == low.path for v in c.versions)][0]
    assert len(merged.versions) == 2


def test_cli_scan_list_json_contract(tmp_path):
    root = tmp_path / "v"
    make_tree(root, TREE)
    bad = root / "Movies" / os.fsdecode(b"Caf\xe9 (2001).mkv")  # not valid UTF-8
    with open(os.fsencode(bad), "wb") as fh:
        fh.write(b"x")
    env = dict(os.environ, VIDEOMANAGER_DATA_DIR=str(tmp_path / "data"))
    run = lambda *a: subprocess.run([sys.executable, "-m", "videomanager", *a], env=env,  # noqa: E731
                                    capture_output=True, text=True, errors="surrogateescape")  # fmt: skip
    r = run("scan", str(root))
    assert r.returncode == 0, r.stderr
    assert "13 video files seen: 13 new" in r.stdout
    r = run("list", "--json")
    assert r.returncode == 0, r.stderr
    cards = json.loads(r.stdout)
    files = [p for c in cards for v in c["versions"] for p in v["parts"]]
    files += [e["path"] for c in cards for e in c["episodes"]] + [
        x["path"] for c in cards for x in c["extras"]
    ]
    assert sorted(files) == sorted([str(root / k) for k in TREE] + [str(bad)])  # each video exactly once
    assert str(bad) in files  # the undecodable name comes back unchanged
    assert all(c["state"] == "pending" and c["kind"] is None for c in cards)
    assert not any(p.endswith(".srt") for p in files)
    r = run("scan", str(root / "nope"))
    assert r.returncode == 1 and "not a folder" in r.stderr


def test_stored_cards_follow_every_change(tmp_path):
    from videomanager.core.cards import CardStore

    root, lib = _scan(tmp_path)
    store = CardStore(lib)
    first = store.json_text()
    assert json.loads(first) == [c.to_dict() for c in cards_from_library(lib)]
    assert not store.pending()  # stored: the next listing is a read
    scan_into_library(lib, [str(root)], workers=1)  # unchanged tree: nothing written, nothing to regroup
    assert not store.pending()
    _identify_by_hand(lib)  # lookups change: the cards that use them are regrouped
    assert store.pending()
    second = json.loads(store.json_text())
    assert second == [c.to_dict() for c in cards_from_library(lib)]
    assert any(c["id"] == "movie:603" for c in second)
    lib.record_request("2026-11-22")  # the request log does not touch the cards
    assert not store.pending()


def test_card_from_its_json_form(tmp_path):
    from videomanager.core.models import Card

    _root, lib = _scan(tmp_path)
    _identify_by_hand(lib)
    for card in cards_from_library(lib):
        assert Card.from_dict(card.to_dict()).to_dict() == card.to_dict()


def test_card_json_form_is_exact(tmp_path):
    from videomanager.core.models import Card

    _root, lib = _scan(tmp_path)
    _identify_by_hand(lib)
    lib.save_lookup(
        "movie|heat|1995",
        state="ambiguous",
        reasons="too close",
        candidates=[{"tmdb_id": 949, "kind": "movie", "title": "Heat", "year": 1995, "score": 0.8}],
    )
    for card in cards_from_library(lib):
        again = Card.from_dict(json.loads(json.dumps(card.to_dict())))
        assert again == card and again.candidates == card.candidates


def test_cards_do_not_depend_on_the_order_files_were_written_in(tmp_path):
    """A first scan writes what its fast path reads before what guessit parses: the same files written
    in another order (other row ids) give the same cards (equal versions, the card's folder)."""
    from videomanager.core.cards import CardStore
    from videomanager.core.indexer import _to_new_file
    from videomanager.core.models import ScannedFile
    from videomanager.core.parser import parse

    root = "/v"
    paths = [
        "/v/Movies/Heat (1995)/Heat (1995) - 4K.mkv",
        "/v/Movies/Heat (1995)/Heat (1995) {edition-Remastered} - 2160p.mkv",
        "/v/TV/Iron Station/Season 01/Iron.Station.S01E01.720p.HDTV.x264-GRP.mkv",
        "/v/TV/Iron Station/Season 02/Iron.Station.S02E01.720p.HDTV.x264-GRP.mkv",
    ]
    files = [_to_new_file(ScannedFile(p, 1000, 0.0, root), parse(p, root)) for p in paths]

    def cards(order) -> list[dict]:
        lib = Library(tmp_path / f"lib-{len(os.listdir(tmp_path))}.sqlite3")
        for f in order:
            lib.upsert_files([f])
        data = json.loads(CardStore(lib).json_text())
        lib.close()
        for c in data:
            c.pop("added_at")
            for v in c["versions"]:
                v.pop("file_ids")
            for e in c["episodes"]:
                e.pop("file_id")
        return data

    assert cards(files) == cards(list(reversed(files)))
