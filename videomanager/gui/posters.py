"""Posters: download once into a disk folder, decode off the GUI thread, keep a bounded RAM LRU.

Following calibre's cover grid: one daemon thread serves a LIFO stack of requests (the cells painted
last, i.e. the ones on screen now, come first; requests beyond a bound are dropped, the view asks again
when it repaints), downloads the w342 poster when it is not on disk, decodes it straight to card size
with ``QImageReader.setScaledSize`` and hands a QImage back through a queued signal. The GUI thread
turns it into a QPixmap (only the GUI thread may) and keeps it in an LRU sized from the visible cells.
File names on disk are a hash of TMDb's poster path, so a path from the server never becomes a path
component (``../`` cannot escape the folder). A poster that could not be had (no network, TMDb down) is
asked for again later, after a delay that grows with each failure, and at once when the fetcher changes
(a new client after Settings).
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QImageReader, QPainter, QPainterPath, QPixmap

log = logging.getLogger(__name__)

MAX_PENDING = 256  # older requests beyond this are dropped (they scrolled away)
MAX_POSTER_BYTES = 5 * 1024 * 1024
RETRY_FAILED_AFTER = (
    60.0  # seconds before a failed poster is asked for again (doubling, up to MAX_RETRY_DELAY)
)
MAX_RETRY_DELAY = 15 * 60.0


def poster_file(posters_dir: Path, poster_path: str) -> Path:
    """Where a poster is cached: ``<sha1 of the TMDb path>.img`` inside posters_dir, nothing else."""
    digest = hashlib.sha1(poster_path.encode("utf-8", "surrogatepass")).hexdigest()
    return Path(posters_dir) / f"{digest}.img"


def http_fetcher(
    url_for: Callable[[str], str | None], timeout: float = 15.0
) -> Callable[[str], bytes | None]:
    """A fetch function: poster path -> image bytes over HTTP (``url_for`` is client.image_url)."""
    import requests

    session = requests.Session()

    def fetch(poster_path: str) -> bytes | None:
        url = url_for(poster_path)
        if not url:
            return None
        with session.get(url, timeout=timeout, stream=True) as resp:
            if resp.status_code != 200:
                return None
            data = resp.raw.read(MAX_POSTER_BYTES + 1, decode_content=True)
            return data if len(data) <= MAX_POSTER_BYTES else None

    return fetch


def _image_format(path: Path) -> bytes | None:
    """The image format a poster file holds, from its first bytes (TMDb serves JPEG, PNG and WebP)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
    except OSError:
        return None
    if head.startswith(b"\xff\xd8\xff"):
        return b"jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return b"png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return b"webp"
    return None


class _Bridge(QObject):
    """Lives on the GUI thread; the loader thread emits through it (a queued connection)."""

    image_ready = Signal(str, QImage, int)  # poster_path, image, generation
    failed = Signal(str, int)


class PosterCache(QObject):
    """``pixmap(poster_path)`` returns a cached QPixmap or None (and asks the loader for it)."""

    poster_ready = Signal(str)  # poster_path: repaint the cells that show it

    def __init__(
        self,
        posters_dir: Path,
        fetch: Callable[[str], bytes | None] | None,
        size: QSize,
        device_pixel_ratio: float = 1.0,
        ram_items: int = 300,
        parent: QObject | None = None,
        corner_radius: float = 0.0,
        retry_failed_after: float = RETRY_FAILED_AFTER,
    ) -> None:
        super().__init__(parent)
        self.posters_dir = Path(posters_dir)
        self._fetch = fetch
        self.retry_failed_after = retry_failed_after
        self._size = QSize(size)
        self._dpr = max(1.0, float(device_pixel_ratio))
        self.ram_items = ram_items
        self.corner_radius = corner_radius
        self._masks: dict[tuple[int, int], QImage] = {}  # used by the loader thread only
        self._lru: OrderedDict[str, QPixmap] = OrderedDict()
        self._failed: dict[str, tuple[int, float]] = {}  # poster path -> (failures, monotonic time to retry)
        self._pending: list[str] = []  # LIFO stack
        self._queued: set[str] = set()
        self._cond = threading.Condition()
        self._stop = False
        self._generation = 0
        self._hold_until = 0.0  # monotonic time before which the loader waits (the grid is scrolling)
        self._bridge = _Bridge()
        self._bridge.image_ready.connect(self._on_image, Qt.ConnectionType.QueuedConnection)
        self._bridge.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._loop, name="poster-loader", daemon=True)
        self._thread.start()

    # -- GUI thread -------------------------------------------------------------------------------------
    @property
    def fetch(self) -> Callable[[str], bytes | None] | None:
        return self._fetch

    @fetch.setter
    def fetch(self, fetch: Callable[[str], bytes | None] | None) -> None:
        """A new way to download (a new client): what failed before may work now."""
        self._fetch = fetch
        self._failed.clear()

    def set_geometry(self, size: QSize, device_pixel_ratio: float) -> None:
        """A new poster size or screen: forget the pixmaps, ignore results made for the old size."""
        if QSize(size) == self._size and abs(device_pixel_ratio - self._dpr) < 1e-6:
            return
        self._size, self._dpr = QSize(size), max(1.0, float(device_pixel_ratio))
        with self._cond:
            self._generation += 1
            self._pending.clear()
            self._queued.clear()
        self._lru.clear()

    def hold(self, seconds: float = 0.15) -> None:
        """Pause decoding while the grid scrolls: each decode holds the GIL for a few ms, which the GUI
        thread needs for painting; the cells on screen when scrolling stops are served first (LIFO)."""
        with self._cond:
            self._hold_until = time.monotonic() + seconds

    def set_ram_items(self, n: int) -> None:
        self.ram_items = max(50, n)
        self._trim()

    def pixmap(self, poster_path: str | None) -> QPixmap | None:
        if not poster_path:
            return None
        pm = self._lru.get(poster_path)
        if pm is not None:
            self._lru.move_to_end(poster_path)
            return pm
        failed = self._failed.get(poster_path)
        if failed is None or time.monotonic() >= failed[1]:
            self.request(poster_path)
        return None

    def request(self, poster_path: str) -> None:
        with self._cond:
            if poster_path in self._queued:
                # Move it to the top of the stack: it is on screen again.
                try:
                    self._pending.remove(poster_path)
                except ValueError:
                    pass
            self._pending.append(poster_path)
            self._queued.add(poster_path)
            if len(self._pending) > MAX_PENDING:
                for old in self._pending[: len(self._pending) - MAX_PENDING]:
                    self._queued.discard(old)
                del self._pending[: len(self._pending) - MAX_PENDING]
            if time.monotonic() >= self._hold_until:
                # While the grid scrolls the loader sleeps until the hold ends; waking it for every card
                # painted would make it take the GIL from the GUI thread a dozen times a frame for nothing.
                self._cond.notify()

    def _on_image(self, poster_path: str, image: QImage, generation: int) -> None:
        if generation != self._generation:
            return  # made for another size
        self._failed.pop(poster_path, None)
        pm = QPixmap.fromImage(image)
        pm.setDevicePixelRatio(self._dpr)
        self._lru[poster_path] = pm
        self._lru.move_to_end(poster_path)
        self._trim()
        self.poster_ready.emit(poster_path)

    def _on_failed(self, poster_path: str, generation: int) -> None:
        if generation != self._generation:
            return
        count = self._failed.get(poster_path, (0, 0.0))[0] + 1
        delay = min(MAX_RETRY_DELAY, self.retry_failed_after * 2 ** (count - 1))
        self._failed[poster_path] = (count, time.monotonic() + delay)
        # Then the cells showing it repaint, and ask for it again.
        QTimer.singleShot(int(delay * 1000) + 1, self, lambda: self.poster_ready.emit(poster_path))

    def _trim(self) -> None:
        while len(self._lru) > self.ram_items:
            self._lru.popitem(last=False)

    def __len__(self) -> int:
        return len(self._lru)

    def shutdown(self, timeout: float = 2.0) -> None:
        with self._cond:
            self._stop = True
            self._hold_until = 0.0
            self._pending.clear()
            self._cond.notify_all()
        self._thread.join(timeout)

    # -- loader thread ----------------------------------------------------------------------------------
    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._stop:
                    wait = self._hold_until - time.monotonic()
                    if wait > 0:
                        self._cond.wait(wait)
                    elif not self._pending:
                        self._cond.wait()
                    else:
                        break
                if self._stop:
                    return
                poster_path = self._pending.pop()  # LIFO: the newest request first
                self._queued.discard(poster_path)
                generation = self._generation
                size = QSize(self._size.width() * self._dpr, self._size.height() * self._dpr)
            try:
                image = self._load(poster_path, size)
            except Exception as exc:  # a bad download or file must never kill the loader
                log.debug("poster %s failed: %s", poster_path, exc)
                image = None
            if self._stop:
                return
            if image is None or image.isNull():
                self._bridge.failed.emit(poster_path, generation)
            else:
                self._bridge.image_ready.emit(poster_path, image, generation)

    def _load(self, poster_path: str, size: QSize) -> QImage | None:
        target = poster_file(self.posters_dir, poster_path)
        if not target.exists():
            fetch = self._fetch
            if fetch is None:
                return None
            data = fetch(poster_path)
            if not data:
                return None
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=str(target.parent), suffix=".part")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        fmt = _image_format(target)
        if fmt is None:  # not a JPEG, PNG or WebP file (a damaged download): a later run tries again
            target.unlink(missing_ok=True)
            return None
        # The format is given, never probed: probing asks every image plugin (the SVG one builds a text
        # stream, whose signal connection takes a Qt lock the GUI thread may hold while it waits for the GIL
        # this thread holds).
        reader = QImageReader(str(target), fmt)
        reader.setDecideFormatFromContent(False)
        reader.setAutoDetectImageFormat(False)
        reader.setAutoTransform(True)
        src = reader.size()
        if src.isValid() and src.width() > 0:
            # Decode straight to the card's poster box: scaled to fill it, the overflow cropped (centre),
            # all inside read(), so no second scaling pass.
            scaled = src.scaled(size, Qt.AspectRatioMode.KeepAspectRatioByExpanding)
            reader.setScaledSize(scaled)
            reader.setScaledClipRect(
                QRect((scaled.width() - size.width()) // 2, (scaled.height() - size.height()) // 2,
                      size.width(), size.height())
            )  # fmt: skip
        image = reader.read()
        if image.isNull():
            # Not an image (a damaged download): remove it so a later run tries again.
            target.unlink(missing_ok=True)
            return None
        return self._round(image)

    def _round(self, image: QImage) -> QImage:
        """Round the corners here, off the GUI thread (one composition with a cached mask), so that painting
        a card is one unscaled, unclipped drawPixmap (clipping on every paint is far slower)."""
        image = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        mask = self._mask_for(image.size())
        p = QPainter(image)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
        p.drawImage(0, 0, mask)
        p.end()
        # Each image is a burst of C++ work holding the GIL: leave the GUI thread a gap between images.
        time.sleep(0.002)
        return image

    def _mask_for(self, size: QSize) -> QImage:
        key = (size.width(), size.height())
        mask = self._masks.get(key)
        if mask is None:
            mask = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
            mask.fill(Qt.GlobalColor.transparent)
            p = QPainter(mask)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            path = QPainterPath()
            r = self.corner_radius * size.width() / max(1, self._size.width())
            path.addRoundedRect(QRectF(0, 0, size.width(), size.height()), r, r)
            p.fillPath(path, Qt.GlobalColor.black)
            p.end()
            self._masks[key] = mask
        return mask
