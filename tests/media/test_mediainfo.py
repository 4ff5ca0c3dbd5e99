"""Media info read from real files: what each holds, files that are not video, the library's reads (once,
resumable, cancellable, again only for a changed file), and cards that believe the file over its name."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from tests.media.helpers import make_library, media
from videomanager.core.cards import CardStore
from videomanager.core.indexer import scan_into_library
from videomanager.core.media_store import files_to_read, media_counts
from videomanager.core.mediainfo import READ_BUDGET, MediaReader, read_media
from videomanager.core.models import AudioTrack, SubtitleTrack

EXPECTED = {
    # file: (width, height, resolution, codec, hdr, bit depth, duration (s), container)
    "h264-1920x1080.mkv": (1920, 1080, "1080p", "H.264", None, 8, 2.021, "Matroska"),
    "h264-1280x720.mkv": (1280, 720, "720p", "H.264", None, 8, 2.021, "Matroska"),
    "h264-720x576.mkv": (720, 576, "576p", "H.264", None, 8, 2.021, "Matroska"),
    "h264-3840x2160.mkv": (3840, 2160, "2160p", "H.264", None, 8, 2.021, "Matroska"),
    "h264-1920x800.mkv": (1920, 800, "1080p", "H.264", None, 8, 2.0, "Matroska"),
    "hevc-2160p-hdr10.mkv": (3840, 2160, "2160p", "H.265", "HDR10", 10, 2.0, "Matroska"),
    "hevc-1080p-hlg.mkv": (1920, 1080, "1080p", "H.265", "HLG", 10, 2.0, "Matroska"),
    "film-5s.mp4": (640, 360, "480p", "H.264", None, 8, 5.0, "MPEG-4"),
    "film-5s.avi": (640, 480, "480p", "MPEG-4", None, 8, 5.0, "AVI"),
    "runtime-124min.mkv": (320, 180, "480p", "H.264", None, 8, 7440.0, "Matroska"),
    "film-2s.ts": (720, 576, "576p", "MPEG-2", None, 8, 1.158, "MPEG-TS"),  # found by its sync bytes
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_picture_duration_and_container_are_read_from_the_file(name: str) -> None:
    state, m = read_media(str(media(name)))
    assert state == "read" and m is not None
    got = (m.width, m.height, m.resolution, m.video_codec, m.hdr, m.bit_depth, m.duration_s, m.container)
    assert got == EXPECTED[name]


def test_audio_languages_channels_and_forced_subtitles_are_read() -> None:
    state, m = read_media(str(media("two-audio-subs.mkv")))
    assert state == "read"
    assert m.audio == (AudioTrack("AAC", 2, "en"), AudioTrack("AC-3", 6, "fr"))
    assert m.subtitles == (SubtitleTrack("en", False), SubtitleTrack("fr", True))


def test_files_that_are_not_video_get_a_state_not_an_error(tmp_path: Path) -> None:
    zeros = tmp_path / "placeholder.mkv"
    with open(zeros, "wb") as fh:
        fh.truncate(50_000_000)  # sparse: a placeholder of zeros
    text = tmp_path / "notes.mkv"
    text.write_text("these are notes, not a film\n" * 100)
    empty = tmp_path / "empty.mkv"
    empty.touch()
    fifo = tmp_path / "pipe.mkv"
    os.mkfifo(fifo)
    placeholder = tmp_path / "The.Matrix.1999.1080p.mkv"
    with open(placeholder, "wb") as fh:
        fh.write(b"The.Matrix.1999.1080p.mkv\n")
        fh.truncate(8 * 1024**3)  # sparse: a name and gigabytes of nothing
    started = time.perf_counter()
    assert read_media(str(placeholder)) == ("not_media", None)
    assert time.perf_counter() - started < 0.5  # not handed to MediaInfo, which would search it for a stream
    assert read_media(str(zeros)) == ("not_media", None)
    assert read_media(str(text)) == ("not_media", None)
    assert read_media(str(empty)) == ("not_media", None)
    assert read_media(str(tmp_path / "gone.mkv")) == ("unreadable", None)
    result: list = []
    reader = threading.Thread(target=lambda: result.append(read_media(str(fifo))), daemon=True)
    reader.start()
    reader.join(5)
    assert result == [("unreadable", None)]  # a named pipe is never waited on


def test_a_name_that_is_not_utf8_is_read(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.2001.mkv")
    shutil.copyfile(media("h264-1280x720.mkv"), tmp_path / name)
    state, m = read_media(str(tmp_path / name))
    assert state == "read" and m.resolution == "720p"


def _library(tmp_path: Path):
    return make_library(tmp_path / "films", {
        "Heat (1995)/Heat.1995.1080p.BluRay.mkv": "h264-1280x720.mkv",  # the name lies: 720p
        "Heat (1995)/Heat.1995.720p.mkv": "h264-1920x1080.mkv",  # modest name, 1080p picture
        "Alien (1979)/Alien.1979.2160p.mkv": "hevc-2160p-hdr10.mkv",
        "Alien (1979)/Alien.1979.720p.FRENCH.mkv": "two-audio-subs.mkv",
        "Placeholder (2001)/Placeholder.2001.mkv": 20_000_000,
    })  # fmt: skip


def test_a_run_reads_every_file_once_and_a_second_run_reads_nothing(tmp_path: Path) -> None:
    lib = _library(tmp_path)
    batches: list[int] = []
    summary = MediaReader(lib, on_batch=batches.append).run()
    assert (summary.total, summary.read, summary.not_media, summary.unreadable) == (5, 4, 1, 0)
    assert sum(batches) == 5
    assert media_counts(lib) == {"read": 4, "not_media": 1}
    again = MediaReader(lib).run()
    assert again.total == 0 and files_to_read(lib) == []
    lib.close()


def test_a_stopped_run_keeps_what_it_read_and_the_next_one_reads_the_rest(tmp_path: Path) -> None:
    lib = _library(tmp_path)
    cancel = threading.Event()
    seen: list[str] = []

    def read_two(path: str, stop: threading.Event):
        seen.append(path)
        if len(seen) == 2:
            stop.set()  # the user presses Stop while the second file is read
        return read_media(path, stop)

    first = MediaReader(lib, workers=1, cancel=cancel, read=read_two).run()
    # The first file is kept; the second, cut short by the stop, is read again next time.
    assert first.cancelled and first.done == 1 and len(files_to_read(lib)) == 4
    assert media_counts(lib) == {"read": 1, "unread": 4}
    rest = MediaReader(lib).run()
    assert rest.total == 4 and not rest.cancelled and files_to_read(lib) == []
    lib.close()


def test_a_changed_file_is_read_again_a_moved_one_is_not(tmp_path: Path) -> None:
    lib = _library(tmp_path)
    MediaReader(lib).run()
    films = tmp_path / "films"
    changed = films / "Heat (1995)/Heat.1995.720p.mkv"
    shutil.copyfile(media("h264-3840x2160.mkv"), changed)
    os.rename(films / "Alien (1979)", films / "Alien")
    scan_into_library(lib, [str(films)], workers=1)
    assert [os.path.basename(f.path) for f in files_to_read(lib)] == ["Heat.1995.720p.mkv"]
    assert MediaReader(lib).run().read == 1
    cards = {c.title: c for c in CardStore(lib).cards()}
    assert {v.resolution for v in cards["Heat"].versions} == {"2160p", "720p"}
    assert {v.media_state for v in cards["Alien"].versions} == {"read"}  # kept through the move
    lib.close()


def test_cards_believe_the_file_over_its_name(tmp_path: Path) -> None:
    lib = _library(tmp_path)
    MediaReader(lib).run()
    cards = {c.title: c for c in CardStore(lib).cards()}
    heat = cards["Heat"]
    best, other = heat.versions
    # Named 720p but 1080p inside: it is the best; named 1080p but 720p inside: flagged on the version.
    assert (os.path.basename(best.path), best.resolution, best.best) == ("Heat.1995.720p.mkv", "1080p", True)
    assert (other.resolution, other.named_resolution, other.checks) == (
        "720p",
        "1080p",
        ("name_resolution_lies",),
    )
    assert heat.checks == ("name_resolution_lies",)
    alien = cards["Alien"]
    assert alien.versions[0].hdr == "HDR10" and alien.versions[0].media.bit_depth == 10
    assert alien.versions[1].media.audio[1].language == "fr" and alien.checks == ()
    placeholder = cards["Placeholder"].versions[0]
    assert placeholder.media is None and placeholder.media_state == "not_media"
    assert placeholder.checks == ("not_media",)
    lib.close()


def test_the_store_after_media_reads_is_what_a_full_regroup_builds(tmp_path: Path) -> None:
    lib = _library(tmp_path)
    store = CardStore(lib)
    store.update()
    MediaReader(lib).run()
    changes = store.update()
    assert {c.title for c in changes.changed} == {"Heat", "Alien", "Placeholder"}
    incremental = sorted(store.stored(), key=lambda c: c.id)
    store.rebuild()
    assert incremental == sorted(store.stored(), key=lambda c: c.id)
    lib.close()


def test_a_disc_image_is_never_called_not_a_video(tmp_path: Path) -> None:
    image = tmp_path / "Film.2001.iso"
    with open(image, "wb") as fh:
        fh.write(b"\0" * 0x8001 + b"CD001")  # ISO 9660: zeros, then its signature at 32 KiB
        fh.truncate(4 * 1024**2)
    placeholder = tmp_path / "Film.2001.mkv"
    with open(placeholder, "wb") as fh:
        fh.truncate(4 * 1024**2)
    assert read_media(str(image)) == ("unreadable", None)  # MediaInfo finds no stream: not "not media"
    assert read_media(str(placeholder)) == ("not_media", None)


@pytest.mark.parametrize("name", ["hevc-2160p-hdr10.mkv", "two-audio-subs.mkv", "film-5s.mp4", "film-5s.avi"])
def test_a_large_file_is_read_within_the_budget(tmp_path: Path, name: str) -> None:
    """A file larger than what MediaInfo may read is read through the bounded reader: the same picture,
    duration and tracks as the file read whole."""
    big = tmp_path / name
    shutil.copyfile(media(name), big)
    with open(big, "r+b") as fh:
        fh.truncate(READ_BUDGET + 1024**2)  # zeros after the real content, as a long film has more frames
    whole, bounded = read_media(str(media(name)))[1], read_media(str(big))[1]
    assert bounded is not None and (bounded.width, bounded.height, bounded.video_codec, bounded.hdr) == (
        whole.width, whole.height, whole.video_codec, whole.hdr)  # fmt: skip
    assert (bounded.audio, bounded.subtitles, bounded.container) == (
        whole.audio,
        whole.subtitles,
        whole.container,
    )
    assert bounded.duration_s == pytest.approx(whole.duration_s, rel=0.05)


def test_a_stop_ends_a_read_under_way(tmp_path: Path) -> None:
    big = tmp_path / "Film.2001.mkv"
    shutil.copyfile(media("h264-1280x720.mkv"), big)
    with open(big, "r+b") as fh:
        fh.truncate(8 * 1024**3)
    stop = threading.Event()
    stop.set()
    started = time.perf_counter()
    assert read_media(str(big), stop) == ("stopped", None)
    assert time.perf_counter() - started < 0.5
