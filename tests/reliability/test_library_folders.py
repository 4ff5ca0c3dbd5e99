"""Library folders: moved or renamed folders are recognised (each file listed once, decisions kept), a
folder that is gone for good is retired, an unplugged drive is never erased, and the library database is
the one home of the folder list (settings.json's old list is taken over once)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from tests.reliability.helpers import all_paths, cli, db_peek, list_json, make_films, write_settings
from videomanager.core.indexer import scan_into_library
from videomanager.core.library import Library
from videomanager.core.settings import SettingsStore


def _versions(cards: list[dict]) -> dict[str, dict]:
    """path -> (card, version) facts for every version part."""
    out = {}
    for c in cards:
        for v in c["versions"]:
            for i, p in enumerate(v["parts"]):
                out[p] = {"card": c, "file_id": v["file_ids"][i], "missing": v.get("missing", False)}
    return out


def test_moved_folder_is_listed_once_keeps_its_decisions_and_the_old_root_is_retired(
    tmp_path: Path, capsys
) -> None:
    old, new, data = tmp_path / "Films", tmp_path / "Movies", tmp_path / "data"
    made = sorted(make_films(old, 4, unique_titles=True))
    assert cli(capsys, "--data-dir", str(data), "scan", str(old))[0] == 0
    before = _versions(list_json(capsys, data))
    fixed = made[0]
    rc, _out, err = cli(capsys, "--data-dir", str(data), "match", fixed, "--tmdb-id", "603")
    assert rc == 0, err
    os.rename(old, new)

    rc, out, err = cli(capsys, "--data-dir", str(data), "scan", str(new))
    assert rc == 0, err
    assert out.startswith("4 video files seen: 0 new, 4 moved, 0 changed")
    assert f"{old} no longer exists and every file in it was found elsewhere" in out
    cards = list_json(capsys, data)
    paths = all_paths(cards)
    assert sorted(paths) == sorted(p.replace(str(old), str(new), 1) for p in made)  # each file once
    after = _versions(cards)
    for p in made:
        moved = after[p.replace(str(old), str(new), 1)]
        assert not moved["missing"] and moved["file_id"] == before[p]["file_id"]  # the same row
    manual = after[fixed.replace(str(old), str(new), 1)]["card"]
    assert (manual["state"], manual["tmdb_id"]) == ("manual", 603)  # the decision followed the file
    assert db_peek(data / "library.sqlite3", "SELECT path FROM roots") == [(os.fsencode(new),)]

    rc, out, err = cli(capsys, "--data-dir", str(data), "scan", str(new))
    assert rc == 0 and "no longer exists" not in out and "could not be read" not in err
    # What the window's Rescan scans: every library folder. The old one is not among them.
    lib = Library(data / "library.sqlite3")
    summary = scan_into_library(lib, lib.roots(), workers=1)
    assert summary.unavailable_roots == [] and summary.notes() == [] and summary.seen == 4
    lib.close()


def test_files_marked_missing_are_recognised_when_their_folder_shows_up_elsewhere(tmp_path: Path) -> None:
    """The window rescans the old place first (its files become missing), then the new place is added."""
    old, new = tmp_path / "usb" / "Films", tmp_path / "usb" / "Films (2024)"
    made = make_films(old, 3)
    lib = Library(tmp_path / "lib.sqlite3")
    scan_into_library(lib, [str(old)], workers=1)
    ids = {f.path: f.id for f in lib.files()}
    added = {f.path: f.added_at for f in lib.files()}
    os.rename(old, new)
    first = scan_into_library(lib, lib.roots(), workers=1)
    assert first.missing == 3 and first.unavailable_roots == [str(old)]
    second = scan_into_library(lib, [str(new)], workers=1)
    assert (second.new, second.moved) == (0, 3)
    assert second.retired_roots == [str(old)] and lib.roots() == [str(new)]
    now = {f.path: f for f in lib.files()}
    assert {p: f.id for p, f in now.items()} == {p.replace(str(old), str(new), 1): i for p, i in ids.items()}
    assert not any(f.missing for f in now.values())
    assert {f.added_at for f in now.values()} == set(added.values())  # the date added is kept
    again = scan_into_library(lib, lib.roots(), workers=1)
    assert again.unavailable_roots == [] and again.retired_roots == []
    assert sorted(made) == sorted(p.replace(str(new), str(old), 1) for p in now)
    lib.close()


def test_renamed_folder_and_renamed_file_inside_a_root_keep_their_rows(tmp_path: Path) -> None:
    from videomanager.core.decisions import set_match

    root = tmp_path / "videos"
    (root / "Heat (1995)").mkdir(parents=True)
    heat = root / "Heat (1995)" / "Heat.1995.mkv"
    heat.write_bytes(b"heat" * 5000)
    generic = root / "movie.mkv"
    generic.write_bytes(b"something else" * 5000)
    lib = Library(tmp_path / "lib.sqlite3")
    scan_into_library(lib, [str(root)], workers=1)
    ids = {f.path: f.id for f in lib.files()}
    set_match(lib, [ids[str(generic)]], "movie", 949)  # fingerprints the file
    os.rename(root / "Heat (1995)", root / "Heat (1995) [1080p]")  # a folder renamed
    os.rename(generic, root / "Heat.Director.Cut.mkv")  # a file renamed: only its fingerprint matches
    s = scan_into_library(lib, [str(root)], workers=1)
    assert (s.new, s.moved, s.removed) == (0, 2, 0)
    now = {f.path: f.id for f in lib.files()}
    assert now == {
        str(root / "Heat (1995) [1080p]" / "Heat.1995.mkv"): ids[str(heat)],
        str(root / "Heat.Director.Cut.mkv"): ids[str(generic)],
    }
    lib.close()


def test_a_copy_is_a_new_file_not_a_move(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    make_films(a, 2)
    lib = Library(tmp_path / "lib.sqlite3")
    scan_into_library(lib, [str(a)], workers=1)
    shutil.copytree(a, b, copy_function=shutil.copy2)  # same names, sizes and times, the originals stay
    s = scan_into_library(lib, [str(b)], workers=1)
    assert (s.new, s.moved) == (2, 0) and lib.file_count() == 4 and s.retired_roots == []
    lib.close()


def test_a_vanished_folder_that_was_on_another_device_is_never_retired(tmp_path: Path) -> None:
    """An unplugged drive's mount point disappears too: a folder whose parent is on another device than
    the folder was is unavailable, not moved, even when its files were found elsewhere (copies)."""
    drive, backup = tmp_path / "drive", tmp_path / "backup"
    make_films(drive, 2)
    lib = Library(tmp_path / "lib.sqlite3")
    scan_into_library(lib, [str(drive)], workers=1)
    with lib.transaction() as c:  # as if the folder had been on a drive of its own
        c.execute("UPDATE roots SET dev = dev + 1")
    shutil.copytree(drive, backup, copy_function=shutil.copy2)
    shutil.rmtree(drive)  # unplugged: the mount point is gone with it
    s = scan_into_library(lib, [str(backup)], workers=1)
    assert s.moved == 2 and s.retired_roots == []
    assert lib.roots() == [str(drive), str(backup)]
    again = scan_into_library(lib, lib.roots(), workers=1)
    assert again.unavailable_roots == [str(drive)]  # still a library folder, waiting for its drive
    lib.close()


def test_an_empty_mount_point_keeps_its_files_missing(tmp_path: Path, capsys) -> None:
    mount = tmp_path / "mnt" / "nas"
    made = make_films(mount, 3)
    data = tmp_path / "data"
    assert cli(capsys, "--data-dir", str(data), "scan", str(mount))[0] == 0
    aside = tmp_path / "aside"
    shutil.move(str(mount), str(aside))
    mount.mkdir()  # the drive is not mounted: its mount point is an empty folder
    rc, out, err = cli(capsys, "--data-dir", str(data), "scan", str(mount))
    assert rc == 0 and "3 missing, 0 removed" in out
    assert f"{mount} could not be read (it is empty, like the mount point of an unplugged drive)" in err
    assert sorted(all_paths(list_json(capsys, data))) == sorted(made)
    mount.rmdir()
    shutil.move(str(aside), str(mount))
    rc, out, err = cli(capsys, "--data-dir", str(data), "scan", str(mount))
    assert rc == 0 and "0 missing" in out
    assert not any(v.get("missing") for c in list_json(capsys, data) for v in c["versions"])


def test_folders_in_settings_json_are_taken_over_once_then_no_longer_written(tmp_path: Path, capsys) -> None:
    data, a, b = tmp_path / "data", tmp_path / "a", tmp_path / "b"
    data.mkdir()
    write_settings(data, library_folders=[str(a), str(b)], language="fr-FR")
    assert cli(capsys, "--data-dir", str(data), "list")[0] == 0
    lib = Library(data / "library.sqlite3")
    assert lib.roots() == [str(a), str(b)]
    lib.remove_roots([str(b)])  # removed since (the window's Settings → Remove)
    lib.close()
    assert cli(capsys, "--data-dir", str(data), "list")[0] == 0
    lib = Library(data / "library.sqlite3")
    assert lib.roots() == [str(a)]  # taken over once: a removed folder does not come back
    from videomanager.core.library import adopt_settings_folders

    store = SettingsStore(data / "settings.json")
    settings = store.load().settings
    adopt_settings_folders(lib, settings)
    store.save(settings)
    saved = json.loads((data / "settings.json").read_text())
    assert "library_folders" not in saved and saved["language"] == "fr-FR"
    lib.close()


def test_a_scan_under_way_writes_nothing_into_a_folder_removed_meanwhile(tmp_path: Path) -> None:
    keep, drop = tmp_path / "keep", tmp_path / "drop"
    make_films(keep, 2)
    make_films(drop, 40, start=2)
    lib = Library(tmp_path / "lib.sqlite3")

    def on_files(files) -> None:
        if any(f.root == str(drop) for f in files) and str(drop) in lib.roots():
            lib.remove_roots([str(drop)])  # what Settings → Remove does while the scan runs

    scan_into_library(lib, [str(drop), str(keep)], workers=1, on_files=on_files)
    assert lib.roots() == [str(keep)]
    assert {f.root for f in lib.files()} == {str(keep)} and lib.file_count() == 2
    lib.close()


def test_a_file_in_a_folder_that_cannot_be_read_is_not_taken_for_a_moved_one(tmp_path: Path) -> None:
    """Only a path the system says is gone counts as moved away: one behind a folder that cannot be read
    now (permissions, an I/O error) may still be there."""
    from tests.reliability.helpers import run_cli

    a, b, data = tmp_path / "a", tmp_path / "b", tmp_path / "data"
    made = make_films(a, 1)
    assert run_cli(["scan", str(a)], data).returncode == 0
    shutil.copytree(a, b, copy_function=shutil.copy2)  # the same name, size and time elsewhere
    film_dir = Path(next(iter(made))).parent
    os.chmod(film_dir, 0)
    try:
        r = run_cli(["scan", str(b)], data, obey_modes=True)
    finally:
        os.chmod(film_dir, 0o755)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("1 video files seen: 1 new, 0 changed")
    rows = db_peek(data / "library.sqlite3", "SELECT path FROM files ORDER BY id")
    assert [os.fsdecode(p) for (p,) in rows] == [
        next(iter(made)),
        next(iter(made)).replace(str(a), str(b), 1),
    ]
