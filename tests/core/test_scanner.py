"""Tests for videomanager.core.scanner: real trees of empty files in tmp_path."""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

import pytest

from videomanager.core import scanner
from videomanager.core.models import ROLE_EXTRA, ROLE_VERSION
from videomanager.core.scanner import (
    VIDEO_EXTENSIONS,
    ScanBatch,
    classify_extra,
    is_video_name,
    resolve_stacks,
    scan,
)

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpora" / "jellyfin-multiversion.jsonl"


def touch(root: Path, *rels: str) -> None:
    for rel in rels:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.touch()


def scan_all(*roots: Path | str, **kw) -> tuple[list[ScanBatch], dict]:
    batches = list(scan([str(r) for r in roots], **kw))
    files = {f.path: f for b in batches for f in b.files}
    return batches, files


def rel_files(files: dict, root: Path) -> set[str]:
    return {os.path.relpath(p, root) for p in files}


def skipped(batches: list[ScanBatch]) -> list:
    return [s for b in batches for s in b.skipped]


# --- names -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a.mkv", "A.MKV", "b.Mp4", "c.m2ts", "d.iso", "e.VOB", "f.webm", "g.rmvb"])
def test_video_names(name: str) -> None:
    assert is_video_name(name)


@pytest.mark.parametrize("name", ["a.srt", "a.nfo", "a.jpg", "mkv", ".mkv", "a.mkv.part", "a.mp3", "noext"])
def test_non_video_names(name: str) -> None:
    assert not is_video_name(name)


def test_extension_list_covers_the_issue() -> None:
    wanted = "mkv mp4 avi m4v mov wmv ts m2ts mts webm mpg mpeg iso vob flv ogv divx xvid 3gp rmvb".split()
    assert set(wanted) <= VIDEO_EXTENSIONS


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Movie (2010)-trailer.mkv", "trailer"),
        ("Movie.trailer.mkv", "trailer"),
        ("Movie_Trailer.mkv", "trailer"),
        ("trailer.mkv", "trailer"),
        ("sample.mkv", "sample"),
        ("Movie (2010) sample.mkv", "sample"),
        ("grp-movie.sample.mkv", "sample"),
        ("sample-grp-movie720.mkv", "sample"),
        ("Movie-featurette.mkv", "featurette"),
        ("Making of-behindthescenes.mkv", "behindthescenes"),
        ("Cut-deleted.mkv", "deleted"),
        ("Cut - deletedscene.mkv", "deleted"),
        ("Cast-interview.mkv", "interview"),
        ("Opening-scene.mkv", "scene"),
        ("Pixar-short.mkv", "short"),
        ("Misc-other.mkv", "other"),
        ("Bonus-extra.mkv", "other"),
        ("Teaser-clip.mkv", "clip"),
        ("The Big Short (2015).mkv", None),
        ("The Other (1972).mkv", None),
        ("The Sampler (2010).mkv", None),
        ("Resample.mkv", None),
        ("Free Samples (2012).mkv", None),
        ("Movie (2010).mkv", None),
    ],
)
def test_classify_extra_by_name(name: str, kind: str | None) -> None:
    assert classify_extra(name) == kind


def test_name_beats_folder() -> None:
    assert classify_extra("Movie-trailer.mkv", "Extras") == "trailer"
    assert classify_extra("making of.mkv", "Behind The Scenes") == "behindthescenes"
    assert classify_extra("s00e01.mkv", "Specials") is None


# --- extras in a real tree -----------------------------------------------------------------------------


def test_extras_by_suffix_and_folder(tmp_path: Path) -> None:
    touch(
        tmp_path,
        "Movie (2010)/Movie (2010).mkv",
        "Movie (2010)/Movie (2010)-trailer.mp4",
        "Movie (2010)/Movie.2010.sample.mkv",
        "Movie (2010)/Trailers/teaser.mkv",
        "Movie (2010)/FEATURETTES/making.mkv",
        "Movie (2010)/Behind The Scenes/bts.mkv",
        "Movie (2010)/deleted scenes/cut.mkv",
        "Movie (2010)/Extras/gag.mkv",
        "Movie (2010)/Sample/grp-movie-sample.mkv",
        "Movie (2010)/Samples/x.mkv",
        "Show/Specials/Show S00E01.mkv",
        "Shorts/A Short Film (2001).mkv",  # a collection directly under the root, not extras
    )
    _, files = scan_all(tmp_path)
    kinds = {os.path.relpath(p, tmp_path): (f.role, f.extra_type) for p, f in files.items()}
    assert kinds == {
        "Movie (2010)/Movie (2010).mkv": (ROLE_VERSION, None),
        "Movie (2010)/Movie (2010)-trailer.mp4": (ROLE_EXTRA, "trailer"),
        "Movie (2010)/Movie.2010.sample.mkv": (ROLE_EXTRA, "sample"),
        "Movie (2010)/Trailers/teaser.mkv": (ROLE_EXTRA, "trailer"),
        "Movie (2010)/FEATURETTES/making.mkv": (ROLE_EXTRA, "featurette"),
        "Movie (2010)/Behind The Scenes/bts.mkv": (ROLE_EXTRA, "behindthescenes"),
        "Movie (2010)/deleted scenes/cut.mkv": (ROLE_EXTRA, "deleted"),
        "Movie (2010)/Extras/gag.mkv": (ROLE_EXTRA, "other"),
        "Movie (2010)/Sample/grp-movie-sample.mkv": (ROLE_EXTRA, "sample"),
        "Movie (2010)/Samples/x.mkv": (ROLE_EXTRA, "sample"),
        "Show/Specials/Show S00E01.mkv": (ROLE_VERSION, None),
        "Shorts/A Short Film (2001).mkv": (ROLE_VERSION, None),
    }


# --- stacks --------------------------------------------------------------------------------------------


def test_stacks_in_a_tree(tmp_path: Path) -> None:
    touch(
        tmp_path,
        "Old/Movie (1999) CD1.avi",
        "Old/Movie (1999) cd2.avi",
        "Old/Movie (1999)-trailer.avi",
        "Other/Movie (1999) CD1.avi",
        "Other/Movie (1999) CD2.avi",
        "Lone/Film part1.mkv",
        "Bad/Bad Boys (2006).mkv",
        "Bad/Bad Boys (2007).mkv",
        "Mixed/Heat (1995) part1.mkv",
        "Mixed/Heat (1995) part2.mkv",
        "Mixed/Heat (1995) parta.mkv",
        "Disc/Epic [1080p] (Disc 01).mkv",
        "Disc/Epic [1080p] (Disc 02).mkv",
    )
    _, files = scan_all(tmp_path)
    f = {os.path.relpath(p, tmp_path): v for p, v in files.items()}
    old1, old2 = f["Old/Movie (1999) CD1.avi"], f["Old/Movie (1999) cd2.avi"]
    assert old1.stack_key == old2.stack_key is not None
    assert (old1.part, old2.part) == (1, 2)
    assert old1.stack_key.startswith(str(tmp_path / "Old") + os.sep)
    assert f["Old/Movie (1999)-trailer.avi"].stack_key is None
    # Same names in another folder are another stack.
    assert f["Other/Movie (1999) CD1.avi"].stack_key not in (None, old1.stack_key)
    assert (f["Lone/Film part1.mkv"].stack_key, f["Lone/Film part1.mkv"].part) == (None, None)
    assert f["Bad/Bad Boys (2006).mkv"].stack_key is None and f["Bad/Bad Boys (2007).mkv"].stack_key is None
    heat = [f[f"Mixed/Heat (1995) {p}.mkv"] for p in ("part1", "part2", "parta")]
    assert heat[0].stack_key == heat[1].stack_key is not None
    assert heat[2].stack_key is None  # letters do not join a numbered stack
    d1, d2 = f["Disc/Epic [1080p] (Disc 01).mkv"], f["Disc/Epic [1080p] (Disc 02).mkv"]
    assert d1.stack_key == d2.stack_key is not None and (d1.part, d2.part) == (1, 2)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Film.cd1.mkv", "film CD2.mkv"], {2}),
        (["Film-part1.mkv", "Film-part2.mkv", "Film-part2.avi"], {2}),  # duplicate part stays out
        (["Film pt1.mkv", "Film pt2.mkv"], {2}),
        (["Film disk 1.mkv", "Film disk 2.mkv", "Film part 3.mkv"], {2}),  # part keywords do not mix
        (["Star Trek 1 - The motion picture.mkv", "Star Trek 2- The wrath of khan.mkv"], set()),
        (["Film cd1.mkv", "Film part2.mkv"], set()),
    ],
)
def test_resolve_stacks(names: list[str], expected: set[int]) -> None:
    assert {len(parts) for parts in resolve_stacks(names).values()} == expected


def _stack_rows() -> list[dict]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["kind"] == "stack"]


@pytest.mark.parametrize("row", _stack_rows(), ids=lambda r: r["test"].split(".")[-1])
def test_jellyfin_stack_corpus(row: dict) -> None:
    names = [f.replace("\\", "/").rsplit("/", 1)[-1] for f in row["files"]]
    dirs = row.get("is_directory_per_entry") or [row["is_directory"]] * len(names)
    # Jellyfin's resolver only looks at folders and video files; so does ours (one folder at a time).
    keep = [(n, d) for n, d in zip(names, dirs, strict=True) if d or is_video_name(n)]
    stacks = resolve_stacks([n for n, _ in keep], [d for _, d in keep])
    want = row["expected_groups"]
    assert len(stacks) == want["stack_count"]
    got = sorted(len(parts) for parts in stacks.values())
    assert got == sorted(s["file_count"] for s in want["stacks"])
    for s in want["stacks"]:
        if s.get("name") is not None:
            assert len(stacks[s["name"]]) == s["file_count"]


# --- what is skipped -----------------------------------------------------------------------------------


def test_system_hidden_and_non_video(tmp_path: Path) -> None:
    junk_dirs = [
        ".Trash-1000",
        "$RECYCLE.BIN",
        "System Volume Information",
        "@eaDir",
        "lost+found",
        ".@__thumb",
    ]
    touch(tmp_path, *(f"{d}/x.mkv" for d in junk_dirs), ".hidden/y.mkv", "M/@eaDir/z.mkv")
    touch(
        tmp_path, "M/movie.mkv", "M/movie.nfo", "M/movie.srt", "M/poster.jpg", "M/._movie.mkv", "M/.movie.mkv"
    )
    batches, files = scan_all(tmp_path)
    assert rel_files(files, tmp_path) == {"M/movie.mkv"}
    assert sum(b.other_files for b in batches) == 5
    assert sum(b.ignored_dirs for b in batches) == len(junk_dirs) + 2
    assert skipped(batches) == []  # neither junk folders nor non-video files count as skipped


@pytest.mark.parametrize("marker", [".nomedia", ".ignore"])
def test_ignore_marker(tmp_path: Path, marker: str) -> None:
    touch(tmp_path, "keep/a.mkv", f"drop/{marker}", "drop/b.mkv", "drop/sub/c.mkv")
    batches, files = scan_all(tmp_path)
    assert rel_files(files, tmp_path) == {"keep/a.mkv"}
    assert [(s.path, s.reason, s.detail) for s in skipped(batches)] == [
        (str(tmp_path / "drop"), "ignored", marker)
    ]
    listed = {d for b in batches for d in b.listed_dirs}
    assert str(tmp_path / "drop") not in listed and str(tmp_path / "keep") in listed


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loop_and_links(tmp_path: Path) -> None:
    lib, outside = tmp_path / "lib", tmp_path / "outside"
    touch(lib, "A/a.mkv")
    touch(outside, "o.mkv")
    (lib / "A" / "loop").symlink_to(lib, target_is_directory=True)
    (lib / "A" / "self").symlink_to(lib / "A", target_is_directory=True)
    (lib / "ext").symlink_to(outside, target_is_directory=True)
    (lib / "ext2").symlink_to(outside, target_is_directory=True)
    (lib / "alias").symlink_to(lib / "A", target_is_directory=True)
    batches, files = scan_all(lib)
    assert rel_files(files, lib) == {"A/a.mkv", "ext/o.mkv"}  # the real path wins; a link is followed once
    reasons = {os.path.relpath(s.path, lib): s.reason for s in skipped(batches)}
    assert reasons == {
        "A/loop": "symlink-loop",
        "A/self": "symlink-loop",
        "alias": "already-scanned",
        "ext2": "already-scanned",
    }


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_broken_symlinks(tmp_path: Path) -> None:
    touch(tmp_path, "ok.mkv")
    (tmp_path / "dead.mkv").symlink_to(tmp_path / "nowhere.mkv")
    (tmp_path / "deaddir").symlink_to(tmp_path / "nowhere", target_is_directory=True)
    (tmp_path / "good.mkv").symlink_to(tmp_path / "ok.mkv")
    batches, files = scan_all(tmp_path)
    assert rel_files(files, tmp_path) == {"ok.mkv", "good.mkv"}
    assert {(os.path.basename(s.path), s.reason) for s in skipped(batches)} == {
        ("dead.mkv", "broken-symlink"),
        ("deaddir", "broken-symlink"),
    }
    assert batches[-1].skipped_counts == {"broken-symlink": 2}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_unreadable_folder_chmod(tmp_path: Path) -> None:
    touch(tmp_path, "open/a.mkv", "locked/b.mkv")
    locked = tmp_path / "locked"
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK | os.X_OK):
            pytest.skip("running with privileges that read a mode-000 folder")
        batches, files = scan_all(tmp_path)
    finally:
        locked.chmod(0o755)
    assert rel_files(files, tmp_path) == {"open/a.mkv"}
    assert [(s.path, s.reason) for s in skipped(batches)] == [(str(locked), "unreadable")]


def test_unreadable_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    touch(tmp_path, "open/a.mkv", "locked/b.mkv", "locked/deeper/c.mkv")
    real = os.scandir
    locked = str(tmp_path / "locked")

    def scandir(path):  # the OS boundary: this one folder refuses to be listed
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(scanner.os, "scandir", scandir)
    batches, files = scan_all(tmp_path)
    assert rel_files(files, tmp_path) == {"open/a.mkv"}
    assert [(s.path, s.reason, s.detail) for s in skipped(batches)] == [
        (locked, "unreadable", "Permission denied")
    ]
    assert locked not in {d for b in batches for d in b.listed_dirs}


class _BreakingListing:
    """Yields the real entries of a folder but fails with EIO after the first (a dying disk)."""

    def __init__(self, it) -> None:
        self._it, self._n = it, 0

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._it.close()

    def __iter__(self):
        return self

    def __next__(self):
        if self._n == 1:
            raise OSError(5, "Input/output error")
        self._n += 1
        return next(self._it)


def test_listing_interrupted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    touch(tmp_path, "bad/a.mkv", "bad/b.mkv", "good/c.mkv")
    real = os.scandir
    bad = str(tmp_path / "bad")
    monkeypatch.setattr(
        scanner.os, "scandir", lambda p: _BreakingListing(real(p)) if os.fspath(p) == bad else real(p)
    )
    batches, files = scan_all(tmp_path)
    assert len(rel_files(files, tmp_path) & {"bad/a.mkv", "bad/b.mkv"}) == 1  # what was listed is kept
    assert "good/c.mkv" in rel_files(files, tmp_path)
    [s] = skipped(batches)
    assert (s.path, s.reason) == (bad, "unreadable") and "interrupted" in s.detail
    listed = {d for b in batches for d in b.listed_dirs}
    assert bad not in listed and str(tmp_path / "good") in listed  # so the library deletes nothing in bad/


def test_file_vanishes_between_listing_and_stat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    touch(tmp_path, "a.mkv", "gone.mkv")
    real = os.scandir

    def scandir(path):
        entries = list(real(path))  # the listing is done...
        (tmp_path / "gone.mkv").unlink(missing_ok=True)  # ...then the file disappears before its stat

        class Listing(list):
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                return None

        return Listing(entries)

    monkeypatch.setattr(scanner.os, "scandir", scandir)
    batches, files = scan_all(tmp_path)
    assert rel_files(files, tmp_path) == {"a.mkv"}
    assert [(os.path.basename(s.path), s.reason) for s in skipped(batches)] == [("gone.mkv", "vanished")]


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs a file system that takes any bytes")
def test_non_utf8_names(tmp_path: Path) -> None:
    base = os.fsencode(tmp_path)
    folder = os.path.join(base, b"Am\xe9lie (2001)")
    os.mkdir(folder)
    raw_paths = [
        os.path.join(folder, n) for n in (b"Am\xe9lie cd1.mkv", b"Am\xe9lie cd2.mkv", b"\xff-trailer.mkv")
    ]
    for raw in raw_paths:
        with open(raw, "wb"):
            pass
    batches, files = scan_all(tmp_path)
    assert {os.fsencode(p) for p in files} == set(raw_paths)  # str paths round-trip to the same bytes
    by_raw = {os.fsencode(p): f for p, f in files.items()}
    assert by_raw[raw_paths[0]].stack_key == by_raw[raw_paths[1]].stack_key is not None
    assert by_raw[raw_paths[2]].extra_type == "trailer"
    for f in files.values():
        assert os.path.getsize(f.path) == f.size  # usable as a path
        repr(f)
    assert os.fsdecode(folder) in {d for b in batches for d in b.listed_dirs}


def test_deep_nesting(tmp_path: Path) -> None:
    parts = [f"d{i}" for i in range(150)]
    deep = tmp_path.joinpath(*parts)
    deep.mkdir(parents=True)
    (deep / "bottom.mkv").touch()
    _, files = scan_all(tmp_path)
    assert [os.path.basename(p) for p in files] == ["bottom.mkv"]
    batches, files = scan_all(tmp_path, max_depth=100)
    assert files == {}
    [s] = skipped(batches)
    assert s.reason == "too-deep" and s.path == str(tmp_path.joinpath(*parts[:101]))


# --- batches, cancel, roots ----------------------------------------------------------------------------


def test_batches_respect_size_and_listing_order(tmp_path: Path) -> None:
    touch(tmp_path, *(f"f{i:02d}/m{j}.mkv" for i in range(7) for j in range(i)))
    batches = list(scan([str(tmp_path)], batch_size=4))
    assert all(len(b.files) <= 4 for b in batches)
    assert sum(len(b.files) for b in batches) == sum(range(7))
    assert sum(b.dirs_seen for b in batches) == 7  # the root and f01..f06 (f00 holds no file)
    delivered: set[str] = set()
    for b in batches:  # every file of a listed folder was delivered by the batch that lists it
        delivered.update(f.path for f in b.files)
        for d in b.listed_dirs:
            on_disk = {str(p) for p in Path(d).iterdir() if p.is_file()}
            assert on_disk <= delivered
    with pytest.raises(ValueError):
        next(scan([str(tmp_path)], batch_size=0))


def test_cancel_stops_early(tmp_path: Path) -> None:
    touch(tmp_path, *(f"f{i:03d}/m.mkv" for i in range(200)))
    cancel = threading.Event()
    got = []
    for b in scan([str(tmp_path)], cancel=cancel, batch_size=10):
        got.append(b)
        cancel.set()
    assert len(got) <= 2
    assert 0 < sum(len(b.files) for b in got) < 200
    cancel_first = threading.Event()
    cancel_first.set()
    assert list(scan([str(tmp_path)], cancel=cancel_first)) == []


def test_missing_and_bad_roots(tmp_path: Path) -> None:
    touch(tmp_path, "lib/a.mkv", "file.mkv")
    missing, as_file = tmp_path / "unplugged", tmp_path / "file.mkv"
    batches, files = scan_all(missing, tmp_path / "lib", as_file)
    assert rel_files(files, tmp_path) == {"lib/a.mkv"}
    assert [(s.path, s.reason) for s in skipped(batches)] == [
        (str(missing), "root-unavailable"),
        (str(as_file), "root-unavailable"),
    ]
    assert files[str(tmp_path / "lib" / "a.mkv")].root == str(tmp_path / "lib")


def test_nested_roots_report_each_file_once(tmp_path: Path) -> None:
    touch(tmp_path, "outer/inner/a.mkv", "outer/b.mkv")
    batches = list(scan([str(tmp_path / "outer"), str(tmp_path / "outer" / "inner")]))
    paths = [f.path for b in batches for f in b.files]
    assert sorted(paths) == sorted(set(paths)) and len(paths) == 2
    assert [s.reason for s in skipped(batches)] == ["already-scanned"]


def test_scan_writes_nothing(tmp_path: Path) -> None:
    touch(tmp_path, "M/a cd1.mkv", "M/a cd2.mkv", "M/Trailers/t.mkv", "N/.nomedia", "N/x.mkv")

    def snapshot() -> dict[str, tuple[int, int]]:
        return {
            os.path.join(d, n): (
                os.lstat(os.path.join(d, n)).st_mtime_ns,
                os.lstat(os.path.join(d, n)).st_size,
            )
            for d, dirs, names in os.walk(tmp_path)
            for n in dirs + names
        }

    before = snapshot()
    batches, files = scan_all(tmp_path)
    assert len(files) == 3
    assert snapshot() == before


def test_many_files_one_folder(tmp_path: Path) -> None:
    for i in range(2000):
        (tmp_path / f"Movie {i:04d} (2001).mkv").touch()
    (tmp_path / "notes.txt").touch()
    batches = list(scan([str(tmp_path)], batch_size=500))
    assert [len(b.files) for b in batches] == [500, 500, 500, 500]
    assert batches[-1].listed_dirs == [str(tmp_path)] and sum(b.other_files for b in batches) == 1
    assert all(f.role == ROLE_VERSION and f.stack_key is None for b in batches for f in b.files)


def test_dvd_and_bluray_folders_are_one_film(tmp_path):
    vts = tmp_path / "Vertigo (1958)" / "VIDEO_TS"
    stream = tmp_path / "Heat (1995)" / "BDMV" / "STREAM"
    vts.mkdir(parents=True)
    stream.mkdir(parents=True)
    for name, size in [("VIDEO_TS.VOB", 10), ("VTS_01_0.VOB", 10), ("VTS_01_1.VOB", 900), ("VTS_01_2.VOB", 800),
                       ("VTS_02_1.VOB", 50)]:  # fmt: skip
        (vts / name).write_bytes(b"x" * size)
    (stream / "00001.m2ts").write_bytes(b"x" * 900)
    (stream / "00002.m2ts").write_bytes(b"x" * 20)
    files = {os.path.basename(f.path): f for b in scan([str(tmp_path)]) for f in b.files}
    assert files["VTS_01_1.VOB"].stack_key == files["VTS_01_2.VOB"].stack_key is not None
    assert (files["VTS_01_1.VOB"].part, files["VTS_01_2.VOB"].part) == (1, 2)
    assert files["VTS_01_1.VOB"].role == "version"
    for menu in ("VIDEO_TS.VOB", "VTS_01_0.VOB", "VTS_02_1.VOB", "00002.m2ts"):
        assert files[menu].role == "extra", menu
    assert files["00001.m2ts"].role == "version" and files["00001.m2ts"].stack_key is None


# --- action-camera chapters ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (
            ["GOPR0042.MP4", "GP010042.MP4", "GP020042.MP4"],
            {"GOPR0042": ["GOPR0042.MP4", "GP010042.MP4", "GP020042.MP4"]},
        ),
        (["GP020042.MP4", "gopr0042.mp4"], {"GOPR0042": ["gopr0042.mp4", "GP020042.MP4"]}),  # a chapter lost
        (["GH010007.MP4", "GH020007.MP4", "GX010007.MP4"], {"GH0007": ["GH010007.MP4", "GH020007.MP4"]}),
        (["GOPR0042.MP4", "GP010043.MP4"], {}),  # two videos, one chapter each
        (["GOPR0042.MP4"], {}),
        (["GOPRO0042.MP4", "GP01004.MP4", "GP010042.srt.MP4"], {}),  # not camera names
    ],
)
def test_camera_chapters_stack(names: list[str], expected: dict[str, list[str]]) -> None:
    got = {label: [name for _, name in parts] for label, parts in resolve_stacks(names).items()}
    assert got == expected


def test_gopro_chapters_are_one_video_with_parts(tmp_path: Path) -> None:
    from videomanager.core.grouping import build_cards
    from videomanager.core.indexer import scan_into_library
    from videomanager.core.library import Library

    touch(tmp_path, "Beach/GOPR0042.MP4", "Beach/GP010042.MP4", "Beach/GP020042.MP4", "Beach/GOPR0043.MP4")
    lib = Library(tmp_path / "lib.sqlite3")
    scan_into_library(lib, [str(tmp_path / "Beach")], workers=1)
    cards = build_cards(lib.files(), {}, {}, {})
    lib.close()
    parts = sorted([os.path.basename(p) for p in v.parts] for c in cards for v in c.versions)
    assert parts == [["GOPR0042.MP4", "GP010042.MP4", "GP020042.MP4"], ["GOPR0043.MP4"]]
