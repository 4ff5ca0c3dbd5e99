"""The status bar's progress figures: files scanned, keys identified / total, requests today against the
daily budget, waits caused by rate limiting, and the time left."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import QLabel, QStatusBar


def format_eta(seconds: float | None) -> str:
    """A duration in the interface's language (see gui/messages.py)."""
    from videomanager.gui.messages import duration

    return duration(seconds)


class StatusPanel(QObject):
    """Labels in the status bar, updated from the workers' progress dicts."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
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
        self.waits.setVisible(False)
        self.eta.setVisible(False)

    def _n(self, n: int) -> str:
        return self._loc.toString(int(n))

    def set_scan(self, progress: dict, running: bool = True) -> None:
        seen = progress.get("seen", 0)
        if running:
            self.scan.setText(self.tr("Scanning: %n file(s)", "", int(seen)))
        elif progress.get("cancelled"):
            self.scan.setText(self.tr("Scan stopped: %n file(s)", "", int(seen)))
        else:
            self.scan.setText(self.tr("%n file(s) scanned", "", int(seen)))

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
