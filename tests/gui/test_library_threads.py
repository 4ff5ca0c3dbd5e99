"""The library on a Qt worker thread: one connection for the thread's life, however many slot calls it runs."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal, Slot

from videomanager.core.library import Library


class _Prober(QObject):
    ask = Signal()
    answered = Signal(object)

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.ask.connect(self.probe)

    @Slot()
    def probe(self) -> None:
        self.library.conn.execute("SELECT count(*) FROM files").fetchone()
        self.answered.emit(id(self.library.conn))


def test_a_worker_thread_keeps_one_connection_across_slot_calls(qtbot, tmp_path) -> None:
    """PySide6 gives a QThread a new Python thread state for each slot call; a connection per thread state
    would open (and keep) one SQLite connection, page cache and all, per card update."""
    library = Library(tmp_path / "lib.sqlite3")
    thread = QThread()
    prober = _Prober(library)
    prober.moveToThread(thread)
    seen: list[int] = []
    prober.answered.connect(seen.append)
    thread.start()
    try:
        for n in range(1, 6):
            prober.ask.emit()
            qtbot.waitUntil(lambda n=n: len(seen) == n, timeout=5_000)
    finally:
        thread.quit()
        thread.wait()
        library.close()
    assert len(set(seen)) == 1
