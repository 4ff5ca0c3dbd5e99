"""What is really in the files: duration, picture, codecs, HDR, audio and subtitle tracks, read with MediaInfo.

``read_media(path)`` reads one file: only a regular file is opened (never waiting on a pipe), and its first
bytes are looked at before MediaInfo is asked: an empty file, a placeholder of zeros or a file that starts
with text is *not media* at once. MediaInfo is never handed such a file: it would search gigabytes of a
sparse placeholder for a stream. A disc image (ISO 9660 or UDF: zeros, then its signature at 32 KiB) goes
to MediaInfo, and when MediaInfo finds no stream in it, it is *unreadable*, not "not media". A file
MediaInfo finds neither video nor audio in is *not media* too; one that cannot be read is *unreadable*.
Neither is an error. MediaInfo reads through the open file, at most READ_BUDGET bytes of it (UNKNOWN_BUDGET
for a file that starts like no container we know), and stops reading at once when the run is stopped.

``MediaReader`` reads every file of the library whose media info is not known for its current size and
modification time, in a thread pool (MediaInfo runs in C and releases the GIL; the JSON it writes is
decoded in C), and stores the results in batches as they come, so a run is resumable and cancellable, and
a second run reads nothing. pymediainfo's wheels bundle the MediaInfo library.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from videomanager.core.fingerprint import _OPEN_FLAGS
from videomanager.core.media_store import ToRead, files_to_read, save_media
from videomanager.core.models import (
    MEDIA_NOT_MEDIA,
    MEDIA_READ,
    MEDIA_UNREADABLE,
    AudioTrack,
    Media,
    SubtitleTrack,
)

log = logging.getLogger(__name__)

HEAD = 4096  # bytes looked at before MediaInfo is asked
STOPPED = "stopped"  # read_media's state for a read cut short by a stop (never stored)
PARSE_SPEED = 0.5  # MediaInfo's default: enough for durations and every track
READ_BUDGET = 32 * 1024 * 1024  # bytes MediaInfo may read from one file (headers, first frames, the end)
UNKNOWN_BUDGET = 1024 * 1024  # the same for a file that starts like no container we know
BUFFER = 256 * 1024

_VIDEO_CODECS = {
    "avc": "H.264", "hevc": "H.265", "av1": "AV1", "vp9": "VP9", "vp8": "VP8", "vc-1": "VC-1",
    "mpeg video": "MPEG-2", "mpeg-4 visual": "MPEG-4", "xvid": "Xvid", "divx": "DivX", "prores": "ProRes",
}  # fmt: skip
_AUDIO_CODECS = {
    "aac": "AAC", "ac-3": "AC-3", "e-ac-3": "E-AC-3", "dts": "DTS", "mlp fba": "TrueHD", "flac": "FLAC",
    "opus": "Opus", "vorbis": "Vorbis", "pcm": "PCM", "mpeg audio": "MP3", "alac": "ALAC",
}  # fmt: skip


def read_media(path: str, cancel: threading.Event | None = None) -> tuple[str, Media | None]:
    """(state, media) for one file: (MEDIA_READ, Media), (MEDIA_NOT_MEDIA, None) or (MEDIA_UNREADABLE, None).
    ``cancel`` set while MediaInfo reads ends its read: the state is then STOPPED (nothing to store)."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        log.debug("media: cannot open %r: %s", path, exc)
        return MEDIA_UNREADABLE, None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return MEDIA_UNREADABLE, None
        head = os.read(fd, HEAD)
        kind = _kind(head, fd)
        if kind == "not media":
            return MEDIA_NOT_MEDIA, None
        text = _mediainfo_json(fd, UNKNOWN_BUDGET if kind == "unknown" else READ_BUDGET, cancel)
        if cancel is not None and cancel.is_set():
            return STOPPED, None
    except (OSError, RuntimeError, ValueError) as exc:
        log.debug("media: cannot read %r: %s", path, exc)
        return MEDIA_UNREADABLE, None
    finally:
        os.close(fd)
    media = media_from_json(text)
    if media is None:
        return (MEDIA_UNREADABLE if kind == "disc image" else MEDIA_NOT_MEDIA), None
    return MEDIA_READ, media


_DISC_SIGNATURES = (b"CD001", b"BEA01", b"NSR02", b"NSR03")  # ISO 9660, UDF, at 32 KiB + 1


def _kind(head: bytes, fd: int) -> str:
    """ "container" (a known signature), "disc image", "not media" (empty, zeros or text) or "unknown"."""
    if looks_like_media(head):
        return "container"
    content = head.rstrip(b"\x00")
    if not content:
        return "disc image" if os.pread(fd, 5, 0x8001) in _DISC_SIGNATURES else "not media"
    if b"\x00" not in content:
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            return "unknown"
        if text.isprintable() or all(c.isprintable() or c.isspace() for c in text):
            return "not media"
    return "unknown"


_MP4_BOXES = (b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot", b"uuid", b"styp")
_MAGIC = (
    b"\x1a\x45\xdf\xa3",  # Matroska, WebM
    b"RIFF",  # AVI (and WAV)
    b"\x00\x00\x01\xba", b"\x00\x00\x01\xb3",  # MPEG program stream (VOB), MPEG video
    b"\x00\x00\x00\x01", b"\x00\x00\x01",  # H.264 / H.265 / MPEG elementary streams (start codes)
    b"FLV", b"OggS", b".RMF", b"\x30\x26\xb2\x75\x8e\x66\xcf\x11",  # FLV, Ogg, RealMedia, ASF (WMV)
    b"\x06\x0e\x2b\x34", b"nut/multimedia", b"BIK", b"ID3", b"fLaC",  # MXF, NUT, Bink, MP3, FLAC
)  # fmt: skip


def looks_like_media(head: bytes) -> bool:
    """Whether a file's first bytes are those of a media container MediaInfo reads."""
    if head.startswith(_MAGIC) or head[4:8] in _MP4_BOXES:
        return True
    for first in (0, 4):  # MPEG transport stream, or Blu-ray's M2TS (a 4-byte time stamp before each packet)
        step = 188 + first
        if len(head) > first + 2 * step and all(head[first + i * step] == 0x47 for i in range(3)):
            return True
    return False


class _BoundedFile:
    """The open file as MediaInfo reads it: at most ``budget`` bytes in all, and nothing more once ``cancel`` is
    set, so a sparse placeholder of many gigabytes, or a stop, ends a read at once (MediaInfo then reports what
    it found so far)."""

    mode = "rb"

    def __init__(self, fd: int, budget: int, cancel: threading.Event | None) -> None:
        self.fd = fd
        self.left = budget
        self.cancel = cancel
        self.pos = 0
        self.size = os.fstat(fd).st_size

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self.pos, os.SEEK_END: self.size}[whence]
        self.pos = max(0, base + offset)
        return self.pos

    def tell(self) -> int:
        return self.pos

    def read(self, n: int = -1) -> bytes:
        if self.left <= 0 or (self.cancel is not None and self.cancel.is_set()):
            return b""
        n = min(self.left, n if n >= 0 else self.left)
        data = os.pread(self.fd, n, self.pos)
        self.pos += len(data)
        self.left -= len(data)
        return data


def _mediainfo_json(fd: int, budget: int, cancel: threading.Event | None) -> str:
    """MediaInfo's JSON report of an open file. A file no larger than ``budget`` is opened by MediaInfo itself
    through /proc/self/fd (the same file: it cannot have been swapped for a pipe since it was checked; reading
    it all is within the budget anyway); any other is read through ``_BoundedFile``."""
    from pymediainfo import MediaInfo

    options = {"parse_speed": PARSE_SPEED, "full": False, "output": "JSON"}
    through = f"/proc/self/fd/{fd}"
    if os.fstat(fd).st_size <= budget and os.path.exists(through):
        return MediaInfo.parse(through, **options)
    return MediaInfo.parse(_BoundedFile(fd, budget, cancel), buffer_size=BUFFER, **options)


def _num(value: object) -> float | None:
    """A number MediaInfo wrote as text ("2.021", "6", "6 / 2"): the first one, or None."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, str):
        return None
    head = value.strip().split(" ")[0].split("/")[0]
    try:
        n = float(head)
    except ValueError:
        return None
    return n if n == n and n not in (float("inf"), float("-inf")) else None


def _int(value: object) -> int | None:
    n = _num(value)
    return int(n) if n is not None and n >= 0 else None


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _hdr(video: dict) -> str | None:
    """The HDR format in the words people use: Dolby Vision, HDR10+, HDR10 or HLG."""
    formats = " ".join(str(video.get(k) or "") for k in ("HDR_Format", "HDR_Format_Compatibility"))
    transfer = str(video.get("transfer_characteristics") or "")
    if "Dolby Vision" in formats:
        return "Dolby Vision"
    if "HDR10+" in formats or "SMPTE ST 2094 App 4" in formats:
        return "HDR10+"
    if "HDR10" in formats or "SMPTE ST 2086" in formats or transfer == "PQ" or "2084" in transfer:
        return "HDR10"
    if "HLG" in formats or transfer == "HLG" or "B67" in transfer.upper():
        return "HLG"
    return None


def _codec(table: dict[str, str], track: dict) -> str | None:
    fmt = _text(track.get("Format"))
    if fmt is None:
        return None
    name = table.get(fmt.lower(), fmt)
    extra = str(track.get("Format_AdditionalFeatures") or "") + str(
        track.get("Format_Commercial_IfAny") or ""
    )
    if name == "DTS" and ("XLL" in extra or "Master Audio" in extra):
        return "DTS-HD MA"
    if name in ("TrueHD", "E-AC-3") and "Atmos" in extra:
        return f"{name} Atmos"
    if name == "MP3" and str(track.get("Format_Profile") or "") not in ("", "Layer 3"):
        return "MPEG Audio"
    return name


def _language(track: dict) -> str | None:
    lang = _text(track.get("Language"))
    return lang.lower() if lang else None


def media_from_json(text: str) -> Media | None:
    """The Media of MediaInfo's JSON report, or None when it holds neither video nor audio."""
    try:
        tracks = json.loads(text)["media"]["track"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(tracks, list):
        return None
    by_type: dict[str, list[dict]] = {}
    for t in tracks:
        if isinstance(t, dict):
            by_type.setdefault(str(t.get("@type")), []).append(t)
    videos, audios = by_type.get("Video", []), by_type.get("Audio", [])
    if not videos and not audios:
        return None
    general = (by_type.get("General") or [{}])[0]
    video = videos[0] if videos else {}
    duration = _num(general.get("Duration")) or _num(video.get("Duration"))
    return Media(
        duration_s=round(duration, 3) if duration else None,
        width=_int(video.get("Width")),
        height=_int(video.get("Height")),
        video_codec=_codec(_VIDEO_CODECS, video) if video else None,
        hdr=_hdr(video) if video else None,
        bit_depth=_int(video.get("BitDepth")),
        audio=tuple(
            AudioTrack(
                codec=_codec(_AUDIO_CODECS, a), channels=_int(a.get("Channels")), language=_language(a)
            )
            for a in audios
        ),
        subtitles=tuple(
            SubtitleTrack(language=_language(s), forced=str(s.get("Forced") or "").lower() == "yes")
            for s in by_type.get("Text", [])
        ),
        container=_text(general.get("Format")),
        bitrate=_int(general.get("OverallBitRate")),
    )


# -- reading the library ----------------------------------------------------------------------------------
@dataclass
class MediaProgress:
    done: int = 0
    total: int = 0
    read: int = 0
    not_media: int = 0
    unreadable: int = 0


@dataclass
class MediaSummary:
    total: int = 0  # files that needed reading when the run started
    read: int = 0
    not_media: int = 0
    unreadable: int = 0
    seconds: float = 0.0
    cancelled: bool = False
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def done(self) -> int:
        return self.read + self.not_media + self.unreadable

    def line(self) -> str:
        text = (
            f"{self.total} files to read: {self.read} read, {self.not_media} not media, "
            f"{self.unreadable} unreadable in {self.seconds:.1f} s"
        )
        if self.cancelled:
            text += f"; stopped, {self.total - self.done} left for the next run"
        return text


BATCH_SECONDS = 0.25  # results are stored at least this often while a run goes on
BATCH_FILES = 500


class MediaReader:
    """Reads the media info of the library's files that need it (see the module docstring)."""

    def __init__(
        self,
        library,
        *,
        workers: int | None = None,
        cancel: threading.Event | None = None,
        progress: Callable[[MediaProgress], None] | None = None,
        on_batch: Callable[[int], None] | None = None,
        read: Callable[[str, threading.Event], tuple[str, Media | None]] = read_media,
    ) -> None:
        self.library = library
        self.workers = workers or min(4, (os.cpu_count() or 2) * 2)
        self.cancel = cancel or threading.Event()
        self.progress_cb = progress
        self.on_batch = on_batch
        self.read = read

    def run(self, files: Iterable[ToRead] | None = None) -> MediaSummary:
        """Read ``files`` (default: every file that needs it) and store what each holds."""
        started = time.monotonic()
        todo = list(files) if files is not None else files_to_read(self.library)
        summary = MediaSummary(total=len(todo))
        if todo:
            self._read_all(todo, summary)
        summary.cancelled = self.cancel.is_set() and summary.done < summary.total
        summary.seconds = time.monotonic() - started
        return summary

    def _read_all(self, todo: list[ToRead], summary: MediaSummary) -> None:
        pending = iter(todo)
        batch: list[tuple[ToRead, str, Media | None]] = []
        last = time.monotonic()
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="media") as pool:
            running: dict[Future, ToRead] = {}
            while True:
                while len(running) < self.workers * 4 and not self.cancel.is_set():
                    f = next(pending, None)
                    if f is None:
                        break
                    running[pool.submit(self.read, f.path, self.cancel)] = f
                if not running:
                    break
                if self.cancel.is_set():
                    for fut in running:
                        fut.cancel()  # those not started stay unread, for the next run
                finished, _ = wait(list(running), timeout=0.1, return_when=FIRST_COMPLETED)
                for fut in finished:
                    f = running.pop(fut)
                    if fut.cancelled():
                        continue  # not started: read next time
                    state, media = fut.result()
                    if state == STOPPED:
                        continue  # cut short by the stop: read again next time
                    batch.append((f, state, media))
                    self._count(summary, state)
                if batch and (len(batch) >= BATCH_FILES or time.monotonic() - last >= BATCH_SECONDS):
                    self._store(batch)
                    batch, last = [], time.monotonic()
                    self._progress(summary)
        if batch:
            self._store(batch)
        self._progress(summary)

    @staticmethod
    def _count(summary: MediaSummary, state: str) -> None:
        if state == MEDIA_READ:
            summary.read += 1
        elif state == MEDIA_NOT_MEDIA:
            summary.not_media += 1
        else:
            summary.unreadable += 1

    def _store(self, batch: list[tuple[ToRead, str, Media | None]]) -> None:
        written = save_media(self.library, batch)
        if written and self.on_batch is not None:
            self.on_batch(written)

    def _progress(self, s: MediaSummary) -> None:
        if self.progress_cb is not None:
            self.progress_cb(MediaProgress(s.done, s.total, s.read, s.not_media, s.unreadable))
