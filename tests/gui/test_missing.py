"""A copy on a drive that is not plugged in shows at a glance: greyed and marked "missing" in the versions
table, no resolution badge on the card for it; Play and Show in folder say in the message bar when the
file is missing or when nothing on the system opens it."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QPalette

from tests.gui.conftest import make_tree
from tests.gui.test_identify_gui import client_for
from videomanager.gui.card_delegate import card_badges


class Opener(QObject):
    """A URL handler for file: URLs: what a desktop would open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toLocalFile())


def window_with_a_missing_copy(qtbot, tmp_path, window_factory, fake_tmdb):
    """The Matrix in 1080p on an internal disk and in 720p on a drive since unplugged, rescanned."""
    internal, usb = tmp_path / "internal", tmp_path / "usb"
    make_tree(internal, ["The.Matrix.1999.1080p.BluRay.mkv"], distinct=True)
    make_tree(usb, ["The Matrix (1999)/The.Matrix.1999.720p.WEB.mkv"], distinct=True)
    data = tmp_path / "data"
    data.mkdir()
    settings, client = client_for(fake_tmdb, data)
    w = window_factory(settings=settings, client=client, data=data)
    with qtbot.waitSignal(w.identify_finished, timeout=30_000):
        w.add_folders([str(internal), str(usb)])
    qtbot.waitUntil(lambda: w.model.card("movie:603") is not None and w.model.rowCount() == 1, timeout=10_000)
    assert len(w.model.card("movie:603").versions) == 2
    usb.rename(tmp_path / "usb-unplugged")
    with qtbot.waitSignal(w.scan_finished, timeout=15_000):
        w.rescan()
    qtbot.waitUntil(lambda: w.model.card("movie:603").missing, timeout=10_000)
    return w, w.model.card("movie:603")


def test_a_missing_copy_is_greyed_and_loses_its_badge(qtbot, tmp_path, window_factory, fake_tmdb) -> None:
    w, card = window_with_a_missing_copy(qtbot, tmp_path, window_factory, fake_tmdb)
    by_res = {v.resolution: v for v in card.versions}
    assert by_res["720p"].missing and not by_res["1080p"].missing
    assert card_badges(card) == ["1080p"]  # no 720p badge for the copy that is not there
    assert w.select_card(card.id)
    table, grey = w.detail.versions, w.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    rows = {table.item(r, 1).text(): r for r in range(table.rowCount())}
    missing, present = rows["720p"], rows["1080p"]
    assert table.item(missing, 0).text().endswith("— missing")
    assert "Missing" in table.item(missing, 0).toolTip()
    for col in range(table.columnCount()):
        assert table.item(missing, col).foreground().color() == grey
        assert table.item(missing, col).font().italic()
        assert not table.item(present, col).font().italic()
    assert "missing" not in table.item(present, 0).text()
    w.resize(1100, 560)
    qtbot.wait(200)
    shot = tmp_path / "missing-copy.png"
    assert w.grab().save(str(shot))
    if os.environ.get("VM_SCREENSHOT_DIR"):  # to look at it
        w.grab().save(os.path.join(os.environ["VM_SCREENSHOT_DIR"], "missing-copy.png"))


def test_play_and_show_in_folder_say_when_nothing_can_open(
    qtbot, tmp_path, window_factory, fake_tmdb
) -> None:
    w, card = window_with_a_missing_copy(qtbot, tmp_path, window_factory, fake_tmdb)
    assert w.select_card(card.id)
    panel, table = w.detail, w.detail.versions
    rows = {table.item(r, 1).text(): r for r in range(table.rowCount())}
    missing = next(v for v in card.versions if v.missing)
    opener = Opener()
    QDesktopServices.setUrlHandler("file", opener, "open")
    try:
        table.selectRow(rows["720p"])
        panel.play_button.click()
        assert opener.opened == []
        text = w.message_bar.message("open").text
        assert missing.path in text and "is missing" in text
        w.message_bar.dismiss("open")
        panel.folder_button.click()  # its folder is gone with the drive
        assert opener.opened == [] and "is missing" in w.message_bar.message("open").text
        w.message_bar.dismiss("open")
        table.selectRow(rows["1080p"])
        panel.play_button.click()
        assert opener.opened == [next(v for v in card.versions if not v.missing).path]
        assert "open" not in w.message_bar.keys()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    # No handler for the file on this system (the offscreen platform opens nothing): the window says so.
    panel.play_button.click()
    text = w.message_bar.message("open").text
    assert text.startswith("No program on this system opens") and "1080p" in text
