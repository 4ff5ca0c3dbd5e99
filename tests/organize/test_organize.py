"""Organize: the plan, the mover and the journal, on real files and a real library.

Kills at precise moments are made by letting the real code run up to that moment and then raising
KeyboardInterrupt from the step that comes next (what a SIGKILL leaves behind, minus the process);
``test_soak.py`` kills real processes at random moments.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import threading
import uuid
from pathlib import Path

import pytest

import videomanager.core.organize as organize_mod
from tests.organize.helpers import contents, current_cards, make_files, plan_for, scanned, snapshot
from videomanager.core.decisions import set_match
from videomanager.core.indexer import scan_into_library
from videomanager.core.library import Library
from videomanager.core.organize import JOURNAL_NAME, LAST_RUN_NAME, OrganizeError, Organizer

TITLES = {
    "the matrix": ("movie", 603, "The Matrix", "1999-03-30"),
    "heat": ("movie", 949, "Heat", "1995-12-15"),
    "breaking bad": ("tv", 1396, "Breaking Bad", "2008-01-20"),
    "kill bill": ("movie", 24, "Kill Bill: Vol. 1", "2003-10-10"),
    "mission impossible": ("movie", 954, 'Mission: Impossible? <CON>*"|', "1996-05-22"),
}
TREE = [
    "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv",
    "The.Matrix.1999.1080p.BluRay.x264-GRP.en.srt",
    "The.Matrix.1999.1080p.BluRay.x264-GRP.nfo",
    "Heat (1995)/Heat.1995.2160p.UHD.BluRay.HDR.x265.mkv",
    "Heat (1995)/movie.nfo",
    "Heat (1995)/poster.jpg",
    "Heat (1995)/Featurettes/Making of.mkv",
    "Heat (1995)/readme.txt",
    "Breaking Bad/Season 1/Breaking.Bad.S01E01.720p.mkv",
    "Breaking Bad/Season 1/Breaking.Bad.S01E02.720p.mkv",
    "Breaking Bad/tvshow.nfo",
    "Kill Bill/Kill.Bill.2003.cd1.avi",
    "Kill Bill/Kill.Bill.2003.cd2.avi",
    "Mission.Impossible.1996.720p.mkv",
    "VID_20190101_123456.mp4",
]


@pytest.fixture
def lib(tmp_path):
    library, root, _made = scanned(tmp_path, TREE, TITLES)
    yield library, root
    library.close()


def _apply(library, plan, **kw):
    org = Organizer(library, **kw)
    with org.locked():
        assert org.settle() is None
        return org.apply(plan)


def _undo(library):
    org = Organizer(library)
    with org.locked():
        org.settle()
        return org.undo()


def _settle(library):
    org = Organizer(library)
    with org.locked():
        return org.settle()


def _library_paths(library) -> list[str]:
    return sorted(f.path for f in library.files())


def test_the_plan_names_files_by_the_scheme_with_safe_names_and_moves_companions(lib):
    library, root = lib
    plan = plan_for(library)
    moves = {os.path.relpath(m.src, root): os.path.relpath(m.dst, root) for m in plan.moves}
    matrix = "The Matrix (1999) {tmdb-603}/The Matrix (1999) {tmdb-603} - 1080p BluRay x264"
    assert moves["The.Matrix.1999.1080p.BluRay.x264-GRP.mkv"] == matrix + ".mkv"
    assert moves["The.Matrix.1999.1080p.BluRay.x264-GRP.en.srt"] == matrix + ".en.srt"
    assert moves["The.Matrix.1999.1080p.BluRay.x264-GRP.nfo"] == matrix + ".nfo"
    assert moves["Heat (1995)/movie.nfo"] == "Heat (1995) {tmdb-949}/movie.nfo"
    assert moves["Heat (1995)/poster.jpg"] == "Heat (1995) {tmdb-949}/poster.jpg"
    assert (
        moves["Heat (1995)/Featurettes/Making of.mkv"] == "Heat (1995) {tmdb-949}/Featurettes/Making of.mkv"
    )
    assert moves["Breaking Bad/tvshow.nfo"] == "Breaking Bad (2008) {tmdb-1396}/tvshow.nfo"
    assert moves["Breaking Bad/Season 1/Breaking.Bad.S01E02.720p.mkv"] == (
        "Breaking Bad (2008) {tmdb-1396}/Season 01/Breaking Bad (2008) - s01e02 - 720p.mkv"
    )
    assert moves["Kill Bill/Kill.Bill.2003.cd2.avi"].endswith(
        "Kill Bill - Vol. 1 (2003) {tmdb-24} - 480p - pt2.avi"
    )
    assert "Heat (1995)/readme.txt" not in moves and "VID_20190101_123456.mp4" not in moves
    mission = Path(moves["Mission.Impossible.1996.720p.mkv"])
    for part in mission.parts:
        assert not set(part) & set(':?*"<>|'), part
    assert mission.parts[0] == "Mission - Impossible CON'- (1996) {tmdb-954}"


def test_apply_moves_everything_once_the_library_follows_and_undo_restores_the_tree(lib):
    library, root = lib
    before = snapshot(root)
    ids_before = {f.id: (f.fingerprint, f.added_at, f.size) for f in library.files()}
    cards_before = {c.id: (len(c.versions), len(c.episodes), len(c.extras)) for c in current_cards(library)}
    result = _apply(library, plan_for(library))
    assert result.moved == 13 and result.skipped == []
    assert sorted(v[2] for v in snapshot(root).values()) == sorted(v[2] for v in before.values())
    assert not (root / "Heat (1995)" / "Featurettes").exists()  # emptied folders go
    assert (root / "Heat (1995)" / "readme.txt").exists()  # a folder that still holds a file stays
    assert not (root / "Kill Bill").exists()
    # Same rows (ids, fingerprints, dates added), new paths that exist; the same cards.
    assert {f.id: (f.fingerprint, f.added_at, f.size) for f in library.files()} == ids_before
    assert all(os.path.exists(p) for p in _library_paths(library))
    assert {
        c.id: (len(c.versions), len(c.episodes), len(c.extras)) for c in current_cards(library)
    } == cards_before
    # A rescan finds nothing new and nothing gone.
    summary = scan_into_library(library, [str(root)], workers=1)
    assert (summary.new, summary.removed, summary.moved, summary.changed) == (0, 0, 0, 0)

    result = _undo(library)
    assert result.moved == 13 and result.skipped == []
    assert snapshot(root) == before
    assert not (library.path.parent / LAST_RUN_NAME).exists()


def test_decisions_follow_the_files(lib):
    library, root = lib
    heat = library.file_by_path(str(root / "Heat (1995)" / "Heat.1995.2160p.UHD.BluRay.HDR.x265.mkv"))
    set_match(library, [heat.id], "movie", 603)  # the user says it is The Matrix
    [card] = [c for c in current_cards(library) if heat.id in [i for v in c.versions for i in v.file_ids]]
    assert card.id == "movie:603" and card.state == "manual"
    _apply(library, plan_for(library))
    moved = library.files_by_ids([heat.id])[0]
    assert "The Matrix (1999) {tmdb-603}" in moved.path
    [card] = [c for c in current_cards(library) if heat.id in [i for v in c.versions for i in v.file_ids]]
    assert card.id == "movie:603" and len(card.versions) == 2


def test_a_target_that_exists_is_never_overwritten(lib):
    library, root = lib
    plan = plan_for(library)
    [heat] = [m for m in plan.moves if m.src.endswith("x265.mkv")]
    os.makedirs(os.path.dirname(heat.dst))
    Path(heat.dst).write_bytes(b"somebody else's file")  # appears between the preview and Apply
    result = _apply(library, plan)
    assert Path(heat.dst).read_bytes() == b"somebody else's file"
    assert os.path.exists(heat.src)
    assert [p for p, why in result.skipped] == [heat.src] and "never overwritten" in result.skipped[0][1]
    # The next plan sees the file and leaves Heat and its companions where they are.
    again = plan_for(library)
    assert any(p == heat.src and "exists already" in why for p, why in again.skipped)
    assert not any(m.src.startswith(str(root / "Heat (1995)")) for m in again.moves)


def test_two_versions_that_would_get_one_name_are_told_apart(tmp_path):
    names = ["A/Heat.1995.1080p.BluRay.x264-AAA.mkv", "B/Heat.1995.1080p.BluRay.x264-BBB.mkv"]
    library, root, _ = scanned(tmp_path, names, TITLES)
    dsts = sorted(os.path.basename(m.dst) for m in plan_for(library, "jellyfin").moves)
    assert dsts == [
        "Heat (1995) [tmdbid-949] - 1080p BluRay x264 v2.mkv",
        "Heat (1995) [tmdbid-949] - 1080p BluRay x264.mkv",
    ]
    _apply(library, plan_for(library, "jellyfin"))
    [card] = current_cards(library)
    assert len(card.versions) == 2
    library.close()


def test_a_file_that_changed_since_the_preview_is_left_alone(lib):
    library, root = lib
    plan = plan_for(library)
    [heat] = [m for m in plan.moves if m.src.endswith("x265.mkv")]
    with open(heat.src, "ab") as fh:
        fh.write(b"still being written")
    result = _apply(library, plan)
    assert any(p == heat.src and "changed since" in why for p, why in result.skipped)
    assert os.path.exists(heat.src)


def test_disc_structures_and_symbolic_links_stay(tmp_path):
    names = [
        "Heat (1995)/VIDEO_TS/VTS_01_1.VOB",
        "Heat (1995)/VIDEO_TS/VTS_01_2.VOB",
        "real/The.Matrix.1999.mkv",
    ]
    root = tmp_path / "lib"
    make_files(root, names)
    os.symlink(root / "real" / "The.Matrix.1999.mkv", root / "The.Matrix.1999.1080p.mkv")
    shutil.move(str(root / "real"), str(tmp_path / "elsewhere"))
    os.symlink(tmp_path / "elsewhere" / "The.Matrix.1999.mkv", root / "The.Matrix.1999.1080p.mkv.tmp")
    os.replace(root / "The.Matrix.1999.1080p.mkv.tmp", root / "The.Matrix.1999.1080p.mkv")
    library = Library(tmp_path / "data" / "library.sqlite3")
    scan_into_library(library, [str(root)], workers=1)
    from tests.organize.helpers import identify_locally

    identify_locally(library, TITLES)
    plan = plan_for(library)
    assert plan.moves == []
    reasons = dict(plan.skipped)
    assert "symbolic link" in reasons[str(root / "The.Matrix.1999.1080p.mkv")]
    assert "DVD or Blu-ray" in reasons[str(root / "Heat (1995)" / "VIDEO_TS" / "VTS_01_1.VOB")]
    library.close()


def test_a_target_folder_becomes_a_library_folder(lib, tmp_path):
    library, root = lib
    target = tmp_path / "Organised"
    result = _apply(library, plan_for(library, "jellyfin", str(target)))
    assert result.moved == 13
    assert str(target) in library.roots()
    for f in library.files():
        if "VID_2019" not in f.path:
            assert f.path.startswith(str(target) + os.sep) and f.root == str(target)
    summary = scan_into_library(library, [str(root), str(target)], workers=1)
    assert (summary.new, summary.removed) == (0, 0)
    _undo(library)
    assert all(p.startswith(str(root)) for p in _library_paths(library))


def _other_device_folder() -> Path | None:
    shm = Path("/dev/shm")
    if not shm.is_dir() or not os.access(shm, os.W_OK):
        return None
    return shm


def test_a_move_to_another_drive_copies_checks_then_removes(lib):
    library, root = lib
    shm = _other_device_folder()
    if shm is None or os.stat(shm).st_dev == os.stat(root).st_dev:
        pytest.skip("no second file system to move to")
    target = shm / f"vm-test-{uuid.uuid4().hex[:8]}"
    try:
        before = snapshot(root)
        result = _apply(library, plan_for(library, "plex", str(target)))
        assert result.moved == 13 and result.skipped == []
        moved = snapshot(target)
        assert sorted(v[2] for v in moved.values()) == sorted(
            v[2] for k, v in before.items() if "readme" not in k and "VID_" not in k
        )
        by_hash = {v[2]: v for v in before.values()}
        assert all(by_hash[v[2]][1] == v[1] for v in moved.values())  # modification times kept
        assert not list(target.rglob(".vm-partial-*"))
        _undo(library)
        assert snapshot(root) == before
    finally:
        shutil.rmtree(target, ignore_errors=True)


# -- kills at precise moments --------------------------------------------------------------------------


def _assert_settled(library, root, before_hashes):
    journal = library.path.parent / JOURNAL_NAME
    assert not journal.exists()
    assert contents(root) == before_hashes
    assert plan_for(library).moves == []
    assert all(os.path.exists(p) for p in _library_paths(library))
    assert not list(root.rglob(".vm-partial-*"))


def test_killed_between_the_link_and_the_unlink(lib, monkeypatch):
    library, root = lib
    hashes = contents(root)
    real = organize_mod.rename_no_replace
    calls = []

    def link_then_die(src, dst):
        calls.append(src)
        if len(calls) == 3:
            os.link(src, dst)
            raise KeyboardInterrupt
        real(src, dst)

    monkeypatch.setattr(organize_mod, "rename_no_replace", link_then_die)
    with pytest.raises(KeyboardInterrupt):
        _apply(library, plan_for(library))
    monkeypatch.setattr(organize_mod, "rename_no_replace", real)
    assert (library.path.parent / JOURNAL_NAME).exists()
    settled = _settle(library)
    assert settled.moved == 13
    _assert_settled(library, root, hashes)


def _exdev(src, dst):
    raise OSError(errno.EXDEV, "Invalid cross-device link", src)


def test_killed_in_the_middle_of_a_copy_to_another_drive(lib, monkeypatch):
    library, root = lib
    hashes = contents(root)

    def half_copy(src, temp, cancel):
        Path(temp).write_bytes(Path(src).read_bytes()[:5])
        raise KeyboardInterrupt

    monkeypatch.setattr(organize_mod, "rename_no_replace", _exdev)
    monkeypatch.setattr(organize_mod, "_copy_checked", half_copy)
    with pytest.raises(KeyboardInterrupt):
        _apply(library, plan_for(library))
    assert list(root.rglob(".vm-partial-*"))  # the partial copy a kill leaves
    monkeypatch.undo()
    _settle(library)
    _assert_settled(library, root, hashes)


def test_killed_after_the_copy_was_checked_before_it_was_put_in_place(lib, monkeypatch):
    library, root = lib
    hashes = contents(root)
    real = organize_mod.rename_no_replace

    def cross_then_die(src, dst):
        if ".vm-partial-" in src:
            raise KeyboardInterrupt  # the copy is complete and recorded as copied
        _exdev(src, dst)

    monkeypatch.setattr(organize_mod, "rename_no_replace", cross_then_die)
    with pytest.raises(KeyboardInterrupt):
        _apply(library, plan_for(library))
    journal = (library.path.parent / JOURNAL_NAME).read_text()
    assert '"state":"copied"' in journal
    monkeypatch.setattr(organize_mod, "rename_no_replace", real)
    _settle(library)
    _assert_settled(library, root, hashes)


def test_killed_after_a_move_before_the_library_followed(lib, monkeypatch):
    library, root = lib
    hashes = contents(root)
    real = Organizer._follow
    calls = []

    def die_once(self, e):
        calls.append(e)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real(self, e)

    monkeypatch.setattr(Organizer, "_follow", die_once)
    with pytest.raises(KeyboardInterrupt):
        _apply(library, plan_for(library))
    monkeypatch.setattr(Organizer, "_follow", real)
    missing = [p for p in _library_paths(library) if not os.path.exists(p)]
    assert len(missing) == 1  # the file moved, its row still names the old place
    _settle(library)
    _assert_settled(library, root, hashes)


def test_a_journal_whose_plan_was_never_complete_is_dropped_and_a_torn_line_ignored(lib):
    library, root = lib
    journal = library.path.parent / JOURNAL_NAME
    journal.write_text('{"journal":1,"run":"x","mode":"apply"}\n{"i":0,"src":"/a","dst":"/b"')
    assert _settle(library) is None and not journal.exists()
    before = snapshot(root)
    plan = plan_for(library)
    org = Organizer(library)
    entries = organize_mod.entries_from_plan(plan, "r" * 32, library)
    organize_mod.Journal.create(journal, {"run": "r" * 32, "mode": "apply"}, entries)
    with open(journal, "ab") as fh:
        fh.write(b'{"i":0,"sta')  # a power cut in the middle of a progress line
    with org.locked():
        result = org.settle()
    assert result.moved == len(plan.moves)
    assert snapshot(root) != before and not journal.exists()


def test_one_run_at_a_time(lib):
    library, _root = lib
    first = Organizer(library)
    with first.locked():
        with pytest.raises(OrganizeError, match="Another organize run"):
            with Organizer(library).locked():
                pass


def test_undo_puts_back_what_it_can_and_keeps_the_rest_on_record(lib):
    library, root = lib
    _apply(library, plan_for(library))
    gone = next(f.path for f in library.files() if "s01e01" in f.path)
    os.unlink(gone)  # the user deleted one file meanwhile
    occupied = root / "Mission.Impossible.1996.720p.mkv"
    occupied.write_bytes(b"a new file where the old one was")
    result = _undo(library)
    assert {p for p, _why in result.skipped} == {
        gone,
        str(next(m for m in library.files() if "954" in m.path).path),
    }
    assert occupied.read_bytes() == b"a new file where the old one was"
    assert Organizer(library).undo_count() == 2  # what could not be undone stays on record
    assert (root / "Heat (1995)" / "Heat.1995.2160p.UHD.BluRay.HDR.x265.mkv").exists()


def test_stopping_a_run_keeps_what_was_moved_and_it_can_be_undone(lib):
    library, root = lib
    before = snapshot(root)
    cancel = threading.Event()
    result = _apply(library, plan_for(library), cancel=cancel, progress=lambda n, _t: n >= 3 and cancel.set())
    assert result.cancelled and result.moved == 3
    assert not (library.path.parent / JOURNAL_NAME).exists()
    assert Organizer(library).undo_count() == 3
    _undo(library)
    assert snapshot(root) == before


def test_cli_organize_says_what_is_wrong(tmp_path, capsys):
    from tests.organize.helpers import cli

    data = tmp_path / "data"
    rc, _out, err = cli(capsys, "--data-dir", str(data), "organize", "--dry-run")
    assert rc == 1 and "--scheme plex" in err
    rc, _out, err = cli(capsys, "--data-dir", str(data), "organize", "--scheme", "plex", "--apply", "--json")
    assert rc == 1 and "--json goes with --dry-run" in err
    rc, _out, err = cli(capsys, "--data-dir", str(data), "organize", "--undo")
    assert rc == 1 and "no organize run to undo" in err
    rc, out, err = cli(capsys, "--data-dir", str(data), "organize", "--scheme", "plex", "--dry-run", "--json")
    assert rc == 0 and json.loads(out)["moves"] == []


def test_a_target_inside_a_library_folder_stays_part_of_it(lib):
    library, root = lib
    target = root / "Organised"
    result = _apply(library, plan_for(library, "plex", str(target)))
    assert result.moved == 13
    assert library.roots() == [str(root)]  # no library folder nested in another
    moved = [f for f in library.files() if f.path.startswith(str(target))]
    assert len(moved) == 8 and {f.root for f in moved} == {str(root)}
    summary = scan_into_library(library, [str(root)], workers=1)
    assert (summary.new, summary.removed, summary.moved) == (0, 0, 0)


@pytest.mark.parametrize("way", ["renameat2", "link", "check"])
def test_rename_never_replaces_a_file(tmp_path, monkeypatch, way):
    if way != "renameat2":
        monkeypatch.setattr(organize_mod, "_renameat2", None)
    if way == "check":

        def no_links(*_a, **_k):
            raise PermissionError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(organize_mod.os, "link", no_links)
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    a.write_bytes(b"A")
    b.write_bytes(b"B")
    with pytest.raises(FileExistsError):
        organize_mod.rename_no_replace(str(a), str(b))
    assert (a.read_bytes(), b.read_bytes()) == (b"A", b"B")
    organize_mod.rename_no_replace(str(a), str(c))
    assert not a.exists() and c.read_bytes() == b"A"


def test_rename_across_drives_says_so(tmp_path):
    shm = _other_device_folder()
    if shm is None or os.stat(shm).st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("no second file system")
    src = tmp_path / "a"
    src.write_bytes(b"A")
    dst = shm / f"vm-test-{uuid.uuid4().hex[:8]}"
    with pytest.raises(OSError) as caught:
        organize_mod.rename_no_replace(str(src), str(dst))
    assert caught.value.errno == errno.EXDEV and src.exists() and not dst.exists()


def test_long_titles_are_cut_but_keep_their_extension_and_companions(tmp_path):
    long_title = "A Very Long Title " * 20
    titles = {"breaking bad": ("tv", 1396, long_title.strip(), "2008-01-20")}
    stem = (
        "Breaking.Bad.S01E01.A.Very.Long.Episode.Title.That.Goes.On.And.On.And.On.For.Ever.And.Ever.1080p.WEB"
    )
    names = [f"Breaking Bad/Season 1/{stem}.mkv", f"Breaking Bad/Season 1/{stem}.en.forced.srt"]
    library, root, _ = scanned(tmp_path, names, titles)
    plan = plan_for(library)
    assert len(plan.moves) == 2
    for m in plan.moves:
        for part in Path(m.dst).relative_to(root).parts:
            assert len(part.encode()) <= 255
    video, subtitle = sorted(plan.moves, key=lambda m: m.kind, reverse=True)
    name = os.path.basename(video.dst)
    assert len(name.encode()) <= 240 and name.endswith(
        "(2008) - s01e01 - 1080p WEB-DL.mkv"
    )  # the title is cut
    assert video.dst.endswith(".mkv") and subtitle.dst == video.dst[:-4] + ".en.forced.srt"
    assert _apply(library, plan).moved == 2
    library.close()
