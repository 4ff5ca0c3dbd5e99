"""The status bar's progress figures: files found and read (with the total once the walk is done and the
time left), keys identified / total, requests today against the daily budget, waits caused by rate
limiting, and the time left."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import QLabel, QStatusBar


class ScanEta:
    """Time left to read a scan's files, from the reading rate of the last ``window`` seconds."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, window: float = 10.0) -> None:
        self.clock = clock
        self.window = window
        self._samples: deque[tuple[float, int]] = deque()

    def update(self, done: int, total: int, known: bool) -> float | None:
        """Seconds left, or None while the total is not known or no rate is measured yet."""
        now = self.clock()
        self._samples.append((now, done))
        while len(self._samples) > 2 and now - self._samples[1][0] >= self.window:
            self._samples.popleft()
        if not known or done >= total:
            return None
        t0, d0 = self._samples[0]
        if now - t0 < 0.5 or done <= d0:
            return None
        return (total - done) * (now - t0) / (done - d0)


def format_eta(seconds: float | None) -> str:
    """A duration in the interface's language (see gui/messages.py)."""
    from videomanager.gui.messages import duration

    return duration(seconds)


class StatusPanel(QObject):
    """Labels in the status bar, updated from the workers' progress dicts."""

    def __init__(self, bar: QStatusBar, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(bar)
        self._clock = clock
        self._loc = QLocale()
        self.scan = QLabel()
        self.identify = QLabel()
        self.requests = QLabel()
        self.waits = QLabel()
        self.eta = QLabel()
        for w in (self.scan, self.identify, self.requests, self.waits, self.eta):
            w.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(w)
        self._today = 0
        self._limit = 0
        self._scan_eta = ScanEta(clock)
        self.waits.setVisible(False)
        self.eta.setVisible(False)

    def _n(self, n: int) -> str:
        return self._loc.toString(int(n))

    def set_scan(self, progress: dict, running: bool = True) -> None:
        """While running: files found and read so far; once the walk is done, read / total and the time
        left. Then the files scanned."""
        seen = progress.get("seen", 0)
        if running:
            self.scan.setText(self._scanning(progress))
            return
        self._scan_eta = ScanEta(self._clock)
        if progress.get("cancelled"):
            self.scan.setText(self.tr("Scan stopped: %n file(s)", "", int(seen)))
        else:
            self.scan.setText(self.tr("%n file(s) scanned", "", int(seen)))

    def _scanning(self, progress: dict) -> str:
        seen = progress.get("seen", 0)
        done, total = progress.get("parsed", 0), progress.get("to_parse", 0)
        walked = bool(progress.get("walked"))
        if not seen and not done:
            self._scan_eta = ScanEta(self._clock)  # a new scan
        left = self._scan_eta.update(done, total, walked)
        if not total and not walked:
            return self.tr("Scanning: %n file(s)", "", int(seen))
        if not walked:
            return (
                self.tr("Scanning: %1 files found, %2 read")
                .replace("%1", self._n(seen))
                .replace("%2", self._n(done))
            )
        text = (
            self.tr("Scanning: %1 of %2 files read")
            .replace("%1", self._n(done))
            .replace("%2", self._n(total))
        )
        eta = format_eta(left)
        return text + (" · " + self.tr("%1 left").replace("%1", eta) if eta else "")

    def set_identify(self, p: dict) -> None:
        done, total = p.get("keys_done", 0), p.get("keys_total", 0)
        self.identify.setText(
            self.tr("Identified %1 / %2").replace("%1", self._n(done)).replace("%2", self._n(total))
        )
        if "requests_today" in p:
            self._today = int(p.get("requests_today") or 0)
        if p.get("daily_limit") is not None:
            self._limit = int(p.get("daily_limit") or 0)
        self._show_budget()
        self._show_waits(int(p.get("waits_429") or 0), float(p.get("wait_seconds") or 0.0),
                         float(p.get("backoff_seconds") or 0.0))  # fmt: skip
        eta = format_eta(p.get("eta_seconds"))
        self.eta.setText(self.tr("Time left: %1").replace("%1", eta))
        self.eta.setVisible(bool(eta))

    def _show_waits(self, waits: int, seconds: float, backoff: float) -> None:
        """Waiting for the rate limit (ours, and TMDb's 429s) and waiting to retry after errors (5xx,
        timeouts) are told apart: a server that fails is not a rate limit."""
        parts = []
        if waits > 0 or seconds >= 1.0:
            text = self.tr("Rate-limit waits: %1 in all").replace("%1", format_eta(seconds) or format_eta(0))
            if waits:
                text += " · " + self.tr("%n slow-down(s) from TMDb", "", waits)
            parts.append(text)
        if backoff >= 1.0:
            parts.append(self.tr("Waiting to retry after errors: %1").replace("%1", format_eta(backoff)))
        self.waits.setText(" · ".join(parts))
        self.waits.setToolTip(
            self.tr(
                "Time requests spent waiting, added up over all requests, so as to stay within the requests per second set in Settings."
            )
            if waits > 0 or seconds >= 1.0
            else self.tr("Time spent waiting before trying again after TMDb or the network failed.")
        )
        self.waits.setVisible(bool(parts))

    def identify_done(self, summary: dict) -> None:
        self.eta.setVisible(False)
        reason = summary.get("stop_reason")
        if summary.get("cancelled") or (reason and reason not in ("done", "completed", None)):
            self.identify.setText(self.identify.text() + " " + self.tr("(stopped)"))

    def set_budget(self, requests_today: int | None, daily_limit: int) -> None:
        if requests_today is not None:
            self._today = requests_today
        self._limit = daily_limit
        self._show_budget()

    def _show_budget(self) -> None:
        if self._limit:
            text = (
                self.tr("Requests today: %1 / %2")
                .replace("%1", self._n(self._today))
                .replace("%2", self._n(self._limit))
            )
        else:
            text = self.tr("Requests today: %1").replace("%1", self._n(self._today))
        self.requests.setText(text)
