"""The status bar's identify figures: keys done / total, requests against the budget, rate-limit waits, ETA."""

from __future__ import annotations

from PySide6.QtWidgets import QStatusBar

from videomanager.gui.progress import StatusPanel


def test_identify_progress_shows_waits_budget_and_time_left(qtbot) -> None:
    bar = QStatusBar()
    qtbot.addWidget(bar)
    panel = StatusPanel(bar)
    panel.set_identify({"keys_done": 40, "keys_total": 200, "requests_today": 57, "daily_limit": 1000,
                        "waits_429": 0, "wait_seconds": 0.3, "eta_seconds": 95})  # fmt: skip
    assert panel.identify.text() == "Identified 40 / 200"
    assert panel.requests.text().replace(",", "") == "Requests today: 57 / 1000"
    assert panel.eta.text() == "Time left: 1 min 35 s" and not panel.eta.isHidden()
    assert panel.waits.isHidden()  # under a second of waiting: nothing to say
    panel.set_identify({"keys_done": 41, "keys_total": 200, "waits_429": 2, "wait_seconds": 12.4})
    assert not panel.waits.isHidden()
    assert panel.waits.text() == "Rate-limit waits: 12 s in all · 2 slow-downs from TMDb"
    panel.set_identify({"keys_done": 42, "keys_total": 200, "waits_429": 0, "wait_seconds": 75})
    assert panel.waits.text() == "Rate-limit waits: 1 min 15 s in all" and not panel.waits.isHidden()


def test_scan_progress_shows_files_found_and_read_then_the_total_and_time_left(qtbot) -> None:
    now = [100.0]
    bar = QStatusBar()
    qtbot.addWidget(bar)
    panel = StatusPanel(bar, clock=lambda: now[0])
    panel.set_scan({"seen": 0}, running=True)
    assert panel.scan.text() == "Scanning: 0 files"
    panel.set_scan({"seen": 500, "to_parse": 500, "parsed": 100, "walked": False})
    assert panel.scan.text() == "Scanning: 500 files found, 100 read"  # no total yet: the walk goes on
    now[0] += 8.0
    panel.set_scan({"seen": 1000, "to_parse": 1000, "parsed": 600, "walked": True})
    # 600 read in the 8 s since the scan began: 400 left at 75 a second.
    assert panel.scan.text().replace(",", "") == "Scanning: 600 of 1000 files read · 5 s left"
    panel.set_scan({"seen": 1000, "line": ""}, running=False)
    assert panel.scan.text().replace(",", "") == "1000 files scanned"
