"""Acceptance: a library in many naming styles, organised to a scheme, then scanned from scratch, gives
the same cards (TMDb ids, versions, episodes, extras); the library that was organised gives them without a
rescan, manual decisions included; undo restores the exact tree (every path, size and modification time).

Everything is real: files in tmp_path, the CLI in-process, SQLite, and identification over HTTP against the
local TMDb stand-in.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.organize.helpers import cli, essence, list_json, make_files, scan_identify, snapshot

pytestmark = pytest.mark.slow

STYLES = [
    # scene names loose in the library folder, with a subtitle
    "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv",
    "The.Matrix.1999.1080p.BluRay.x264-GRP.srt",
    # a second version of the same film in a folder of its own
    "The Matrix (1999)/The.Matrix.1999.720p.WEB-DL.mkv",
    # a film folder with inline and folder extras, a subtitle in a language, and folder artwork
    "Heat (1995)/Heat.1995.2160p.UHD.BluRay.HDR.x265-GRP.mkv",
    "Heat (1995)/Heat.1995.2160p.UHD.BluRay.HDR.x265-GRP.en.srt",
    "Heat (1995)/Heat (1995)-trailer.mkv",
    "Heat (1995)/Featurettes/Making of Heat.mkv",
    "Heat (1995)/poster.jpg",
    "Heat (1995)/notes.txt",
    # an edition loose, another version in a folder
    "Alien.1979.Directors.Cut.1080p.BluRay.mkv",
    "Alien (1979)/Alien.1979.720p.BluRay.mkv",
    # a two-part film
    "Se7en (1995)/Se7en.1995.DVDRip.XviD.cd1.avi",
    "Se7en (1995)/Se7en.1995.DVDRip.XviD.cd2.avi",
    # already named the Plex way, and the Jellyfin way with two versions
    "Iron Man (2008) {tmdb-1726}/Iron Man (2008) {tmdb-1726}.mkv",
    "Up (2009) [tmdbid-14160]/Up (2009) [tmdbid-14160] - 1080p.mkv",
    "Up (2009) [tmdbid-14160]/Up (2009) [tmdbid-14160] - 720p.mkv",
    # a generic name in a titled folder
    "Drive (2011)/movie.mkv",
    # a library sub-folder with a film and its scene sample
    "Movies/Rush.2013.720p.BluRay.x264.mkv",
    "Movies/Rush.2013.720p.BluRay.x264.sample.mkv",
    # episodes: in a season folder, loose in the show folder, with an episode title
    "Breaking Bad/Season 1/Breaking.Bad.S01E01.720p.HDTV.x264.mkv",
    "Breaking Bad/Season 1/Breaking.Bad.S01E02.720p.HDTV.x264.mkv",
    "Breaking Bad/Breaking.Bad.S02E01.1080p.WEB.mkv",
    "Sherlock (2010)/Sherlock.S01E01.A.Study.in.Pink.1080p.mkv",
    # a film the stand-in does not know, matched by hand to 2001: A Space Odyssey
    "Unsorted/Unknown.Film.Nobody.Knows.mkv",
    # a personal video: never moved
    "Home Videos/VID_20190101_123456.mp4",
]
MANUAL = "Unsorted/Unknown.Film.Nobody.Knows.mkv"
MANUAL_ID = 62


def _library(tmp_path: Path, capsys, fake) -> tuple[Path, Path, list[dict]]:
    root = tmp_path / "library"
    make_files(root, STYLES)
    data = tmp_path / "data"
    scan_identify(capsys, data, root)
    rc, _out, err = cli(
        capsys, "--data-dir", str(data), "match", str(root / MANUAL), "--tmdb-id", str(MANUAL_ID)
    )
    assert rc == 0, err
    return root, data, list_json(capsys, data)


@pytest.mark.parametrize("scheme", ["plex", "jellyfin"])
def test_organised_library_scans_from_scratch_to_the_same_cards_and_undo_restores_the_tree(
    tmp_path, capsys, monkeypatch, fake_tmdb, scheme
):
    monkeypatch.setenv("TMDB_API_KEY", fake_tmdb.API_KEY)
    monkeypatch.setenv("VIDEOMANAGER_TMDB_URL", fake_tmdb.base_url)
    root, data, before = _library(tmp_path, capsys, fake_tmdb)
    identified = [c for c in before if c["tmdb_id"]]
    assert len(identified) == 11, [c["title"] for c in before]
    original = snapshot(root)

    # The dry run lists every move and touches nothing.
    rc, out, err = cli(capsys, "--data-dir", str(data), "organize", "--scheme", scheme, "--dry-run", "--json")
    assert rc == 0, err
    plan = json.loads(out)
    assert len(plan["moves"]) >= 20 and snapshot(root) == original
    assert not any("VID_2019" in m["from"] for m in plan["moves"])

    rc, out, err = cli(capsys, "--data-dir", str(data), "organize", "--scheme", scheme, "--apply")
    assert rc == 0, err
    assert not (data / "organize-journal.jsonl").exists()
    moved = snapshot(root)
    assert sorted(v[2] for v in moved.values()) == sorted(v[2] for v in original.values())  # every file once
    assert "Heat (1995)/notes.txt" in moved  # not ours to move: it stays where it was

    # The library followed the files: same cards, every path on disk, the manual decision kept.
    after = list_json(capsys, data)
    assert essence(after) == essence(before)
    for c in after:
        for path in [p for v in c["versions"] for p in v["parts"]] + [e["path"] for e in c["episodes"]]:
            assert os.path.exists(path), path
    [manual] = [c for c in after if c["tmdb_id"] == MANUAL_ID]
    assert manual["state"] == "manual"

    # What the library holds for each moved file is what the parser reads from its new name.
    from videomanager.core.library import Library
    from videomanager.core.parser import parse

    library = Library(data / "library.sqlite3")
    fields = (
        "tmdb_id",
        "year",
        "season",
        "episode",
        "resolution",
        "source",
        "video_codec",
        "hdr",
        "edition",
        "kind",
    )
    for f in library.files():
        fresh = parse(f.path, f.root)
        assert {k: getattr(f.parsed, k) for k in fields} == {k: getattr(fresh, k) for k in fields}, f.path
    library.close()

    # A second run has nothing left to do; lint finds nothing either.
    rc, out, _err = cli(
        capsys, "--data-dir", str(data), "organize", "--scheme", scheme, "--dry-run", "--json"
    )
    assert json.loads(out)["moves"] == []
    rc, out, _err = cli(capsys, "--data-dir", str(data), "lint", "--json")
    assert [c for c in json.loads(out) if c["problems"]] == []

    # From scratch: a new library scanning the organised tree finds the same cards.
    fresh = scan_identify(capsys, tmp_path / "fresh-data", root)
    assert essence(fresh) == essence(before)

    rc, out, err = cli(capsys, "--data-dir", str(data), "organize", "--undo")
    assert rc == 0, err
    assert snapshot(root) == original
    assert essence(list_json(capsys, data)) == essence(before)
    assert not (data / "organize-last.jsonl").exists() and not (data / "organize-journal.jsonl").exists()
    rc, _out, err = cli(capsys, "--data-dir", str(data), "organize", "--undo")
    assert rc == 1 and "no organize run to undo" in err
