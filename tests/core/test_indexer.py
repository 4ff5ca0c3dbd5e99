import os
import shutil
from collections import Counter

import pytest

from tests.core.helpers import make_tree, touch_later
from videomanager.core.grouping import cards_from_library
from videomanager.core.indexer import scan_into_library
from videomanager.core.library import Library

TREE = {
    "Movies/The Matrix (1999)/The Matrix (1999) - 1080p.mkv": 8_000_000,
    "Movies/The Matrix (1999)/The Matrix (1999)-trailer.mkv": 50_000,
    "Movies/The Matrix (1999)/The Matrix (1999).en.srt": 0,
    "Downloads/The.Matrix.1999.2160p.UHD.BluRay.x265-GRP.mkv": 20_000_000,
    "Downloads/Heat.1995.720p.BluRay.x264-GRP/Heat.1995.720p.BluRay.x264-GRP.cd1.avi": 700_000,
    "Downloads/Heat.1995.720p.BluRay.x264-GRP/Heat.1995.720p.BluRay.x264-GRP.cd2.avi": 700_000,
    "TV/Breaking Bad/Season 1/Breaking.Bad.S01E01.720p.mkv": 1_000_000,
    "TV/Breaking Bad/Season 1/Breaking.Bad.S01E02.720p.mkv": 1_000_000,
    "Phone/VID_20190704_123456.mp4": 300_000,
}


def _lib(tmp_path):
    return Library(tmp_path / "lib.sqlite3")


def test_first_scan_then_unchanged_rescan_parses_nothing(tmp_path, monkeypatch):
    root = tmp_path / "videos"
    make_tree(root, TREE)
    lib = _lib(tmp_path)
    s1 = scan_into_library(lib, [str(root)], workers=1)
    assert (s1.seen, s1.new, s1.changed) == (8, 8, 0)  # the .srt is never a video
    assert s1.other_files == 1
    calls = []
    import videomanager.core.indexer as indexer

    real = indexer.parse
    monkeypatch.setattr(indexer, "parse", lambda *a: calls.append(a) or real(*a))
    s2 = scan_into_library(lib, [str(root)], workers=1)
    assert (s2.seen, s2.new, s2.changed, s2.unchanged) == (8, 0, 0, 8)
    assert calls == []  # nothing parsed again


def test_changed_new_and_removed_files(tmp_path):
    root = tmp_path / "videos"
    made = make_tree(root, TREE)
    lib = _lib(tmp_path)
    scan_into_library(lib, [str(root)], workers=1)
    touch_later(made[0])
    make_tree(root, {"Movies/Heat (1995)/Heat (1995) - 1080p.mkv": 9_000_000})
    os.remove(made[3])  # truly gone from a folder that was read
    s = scan_into_library(lib, [str(root)], workers=1)
    assert (s.new, s.changed, s.removed, s.missing) == (1, 1, 1, 0)
    assert lib.file_by_path(str(made[3])) is None


def test_unplugged_root_marks_missing_and_never_erases(tmp_path):
    root = tmp_path / "usb"
    make_tree(root, TREE)
    lib = _lib(tmp_path)
    scan_into_library(lib, [str(root)], workers=1)
    n = lib.file_count()
    shutil.move(str(root), str(tmp_path / "unplugged"))
    s = scan_into_library(lib, [str(root)], workers=1)
    assert s.unavailable_roots == [str(root)]
    assert s.removed == 0 and s.missing == n
    assert lib.file_count() == n
    cards = cards_from_library(lib)
    assert all(v.missing for c in cards for v in c.versions)
    shutil.move(str(tmp_path / "unplugged"), str(root))
    s = scan_into_library(lib, [str(root)], workers=1)
    assert s.returned == n and s.new == 0
    assert not any(v.missing for c in cards_from_library(lib) for v in c.versions)
    assert lib.prune() == 0


def test_cd2_appearing_later_makes_a_stack(tmp_path):
    root = tmp_path / "v"
    make_tree(root, {"Film (2001)/Film (2001) cd1.avi": 10})
    lib = _lib(tmp_path)
    scan_into_library(lib, [str(root)], workers=1)
    make_tree(root, {"Film (2001)/Film (2001) cd2.avi": 10})
    scan_into_library(lib, [str(root)], workers=1)
    cards = cards_from_library(lib)
    assert len(cards) == 1 and len(cards[0].versions) == 1
    assert len(cards[0].versions[0].parts) == 2


@pytest.mark.slow
def test_process_pool_parses_the_same_as_inline(tmp_path):
    root = tmp_path / "many"
    names = {f"Films/Film Number {i} ({1950 + i % 60})/Film.Number.{i}.{1950 + i % 60}.1080p.mkv": 1
             for i in range(260)}  # fmt: skip
    make_tree(root, names)
    lib_pool = Library(tmp_path / "a.sqlite3")
    lib_inline = Library(tmp_path / "b.sqlite3")
    scan_into_library(lib_pool, [str(root)], workers=2)
    scan_into_library(lib_inline, [str(root)], workers=1)
    a = {f.path: f.parsed for f in lib_pool.files()}
    b = {f.path: f.parsed for f in lib_inline.files()}
    assert len(a) == 260 and a == b


@pytest.mark.slow
def test_cancel_keeps_what_was_found(tmp_path):
    import threading

    root = tmp_path / "v"
    make_tree(root, {f"d{i}/Movie {i} (2000).mkv": 1 for i in range(120)})
    lib = _lib(tmp_path)
    cancel = threading.Event()
    seen = []

    def progress(s):
        seen.append(s.seen)
        if s.seen >= 1:
            cancel.set()

    import videomanager.core.scanner as scanner

    batches = scanner.scan([str(root)], batch_size=10)
    first = next(batches)
    assert len(first.files) <= 10
    s = scan_into_library(lib, [str(root)], workers=1, cancel=cancel, progress=progress)
    assert s.cancelled
    assert 0 < lib.file_count() <= s.seen
    assert s.removed == 0 and s.missing == 0  # an interrupted scan never settles what it did not see


def _film_tree(n_films: int = 40) -> list[str]:
    """A Plex-style tree and a show: many names of a few shapes (what the fast path is for)."""
    words = [
        "Amber",
        "Silent",
        "Harbor",
        "Winter",
        "Garden",
        "Northern",
        "Crimson",
        "Hollow",
        "Distant",
        "River",
    ]
    names = []
    for i in range(n_films):
        title = f"{words[i % 10]} {words[(i // 10 + 3) % 10]} Story"
        year = 1950 + i
        names.append(f"Movies/{title} ({year})/{title} ({year}) - {('720p', '1080p', '2160p')[i % 3]}.mkv")
    names += [f"TV/Silent Harbor/Season 0{s}/Silent.Harbor.S0{s}E{e:02d}.720p.HDTV.x264-GRP.mkv"
              for s in (1, 2) for e in range(1, 13)]  # fmt: skip
    return names


def _stored(lib: Library) -> dict:
    return {
        os.fsdecode(p): (parse_json, key, mtime)
        for p, parse_json, key, mtime in lib.conn.execute("SELECT path, parse, lookup_key, mtime FROM files")
    }


def test_first_scan_reads_most_names_without_guessit_and_stores_what_parse_gives(tmp_path):
    root = tmp_path / "videos"
    make_tree(root, _film_tree())
    fast, slow = Library(tmp_path / "fast.sqlite3"), Library(tmp_path / "slow.sqlite3")
    s = scan_into_library(fast, [str(root)], workers=1)
    scan_into_library(slow, [str(root)], workers=1, fast_parse=False)
    assert s.parsed == s.to_parse == s.seen == 64
    assert s.fast_parsed >= 40  # the rest were learnt from
    assert _stored(fast) == _stored(slow)  # every parse, key and mtime: no provisional reading is left


def test_scan_progress_counts_files_found_and_read_with_a_total_once_walked(tmp_path):
    root = tmp_path / "videos"
    make_tree(root, _film_tree())
    seen: list[tuple] = []
    scan_into_library(_lib(tmp_path), [str(root)], workers=1,
                      progress=lambda s: seen.append((s.seen, s.to_parse, s.parsed, s.walked)))  # fmt: skip
    walked = [x for x in seen if x[3]]
    assert walked and all(x[1] == 64 for x in walked)  # the total, once the walk is done
    assert not any(x[3] for x in seen[: seen.index(walked[0])])
    parsed = [x[2] for x in seen]
    assert parsed == sorted(parsed) and parsed[-1] == 64 and seen[0][2] < 64


def test_names_waiting_for_parse_show_a_provisional_reading_that_parse_replaces(tmp_path):
    root = tmp_path / "videos"
    make_tree(root, _film_tree())
    lib = _lib(tmp_path)
    written: list = []
    scan_into_library(lib, [str(root)], workers=1, on_files=written.extend)
    provisional = [f for f in written if f.parsed.title_from == "provisional"]
    assert provisional and all(f.lookup_key is None and f.mtime == -1.0 for f in provisional)
    assert all(f.parsed.title and f.parsed.title in f.path for f in provisional)  # its folder's title
    rows = _stored(lib)
    assert all(mtime != -1.0 and key for _, key, mtime in rows.values())


def test_the_first_files_found_get_a_card_before_any_is_read_and_only_one_provisional_write(tmp_path):
    root = tmp_path / "videos"
    make_tree(root, _film_tree())
    batches: list = []
    scan_into_library(_lib(tmp_path), [str(root)], workers=1, on_files=batches.append)
    first = batches[0]
    assert len(first) == 64 and all(f.parsed.title_from == "provisional" for f in first)
    provisional = Counter(f.path for b in batches for f in b if f.parsed.title_from == "provisional")
    assert max(provisional.values()) == 1  # a file waiting for parse() is not written provisionally twice
    final = {f.path for b in batches[1:] for f in b if f.parsed.title_from != "provisional"}
    assert final == {f.path for f in first}  # then every one is read


def test_a_few_files_are_read_at_once_without_a_provisional_card(tmp_path):
    root = tmp_path / "videos"
    make_tree(root, _film_tree()[:10])
    batches: list = []
    scan_into_library(_lib(tmp_path), [str(root)], workers=1, on_files=batches.append)
    written = [f for b in batches for f in b]
    assert len(written) == 10 and not any(f.parsed.title_from == "provisional" for f in written)


def test_only_the_first_files_of_a_scan_are_written_before_they_are_read(tmp_path, monkeypatch):
    import videomanager.core.indexer as indexer

    monkeypatch.setattr(indexer, "PROVISIONAL_FIRST", 10)
    root = tmp_path / "videos"
    make_tree(root, _film_tree())
    batches: list = []
    scan_into_library(_lib(tmp_path), [str(root)], workers=1, on_files=batches.append)
    assert len(batches[0]) == 10 and all(f.parsed.title_from == "provisional" for f in batches[0])


def test_a_scan_stopped_while_names_wait_leaves_them_to_the_next_scan(tmp_path, monkeypatch):
    import threading

    import videomanager.core.indexer as indexer

    root = tmp_path / "videos"
    make_tree(root, _film_tree())
    lib = _lib(tmp_path)
    cancel = threading.Event()
    real = indexer.parse

    def parse_then_stop(*a):  # the scan is stopped while guessit reads its first name
        cancel.set()
        return real(*a)

    monkeypatch.setattr(indexer, "parse", parse_then_stop)
    s = scan_into_library(lib, [str(root)], workers=1, cancel=cancel)
    assert s.cancelled
    assert any(mtime == -1.0 for _, _, mtime in _stored(lib).values())  # still provisional
    monkeypatch.setattr(indexer, "parse", real)
    again = scan_into_library(lib, [str(root)], workers=1)
    assert again.changed >= 1  # the provisional rows are read again
    assert all(mtime != -1.0 and key for _, key, mtime in _stored(lib).values())
