"""The card delegate paints (placeholders, posters, badges, chips) without error, at a constant size."""

from __future__ import annotations

import msgspec
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QListView

from tests.gui.test_library_model import CARDS, card
from videomanager.core.models import Version
from videomanager.gui.card_delegate import CARD_H, CARD_W, POSTER_H, POSTER_W, CardDelegate, card_badges
from videomanager.gui.library_model import CardFilterProxy, CardModel, diff_cards
from videomanager.gui.posters import PosterCache


def png_bytes(color: str, w: int = 342, h: int = 513) -> bytes:
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor(color))
    buf = QByteArray()
    dev = QBuffer(buf)
    dev.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(dev, "PNG")
    return bytes(buf.data())


def render(view: QListView) -> QImage:
    img = QImage(view.viewport().size(), QImage.Format.Format_ARGB32)
    img.fill(0)
    view.viewport().render(img)
    return img


def test_badges() -> None:
    c = card("movie:1", "X", versions=1)
    many = msgspec.structs.replace(c, versions=tuple(
        Version(path=f"/v{i}.mkv", parts=(f"/v{i}.mkv",), size=1, resolution=r, hdr="HDR10" if i == 0 else None,
                edition="Extended" if i == 1 else None)
        for i, r in enumerate(["2160p", "1080p", "720p", "480p"])))  # fmt: skip
    assert card_badges(many) == ["4K", "1080p", "720p", "480p", "HDR", "Extended"]


def test_grid_paints_placeholders_and_posters(qtbot, tmp_path) -> None:
    red = png_bytes("#d01010")
    fetched: list[str] = []
    posters = PosterCache(tmp_path / "posters", lambda p: fetched.append(p) or red, QSize(POSTER_W, POSTER_H))
    try:
        model = CardModel()
        proxy = CardFilterProxy()
        proxy.setSourceModel(model)
        cards = [*CARDS, card("movie:77", "With Poster", 2020)]
        cards[-1] = msgspec.structs.replace(cards[-1], poster_path="/abc.jpg")
        model.apply_diff(diff_cards({}, cards)[0])
        view = QListView()
        view.setViewMode(QListView.ViewMode.IconMode)
        view.setUniformItemSizes(True)
        delegate = CardDelegate(posters, view)
        view.setItemDelegate(delegate)
        view.setModel(proxy)
        view.resize(6 * (CARD_W + 10) + 30, 2 * (CARD_H + 10) + 10)
        qtbot.addWidget(view)
        view.show()
        assert delegate.sizeHint(None, None) == QSize(CARD_W + 10, CARD_H + 10)
        first = render(view)
        assert not first.isNull()
        colors = {first.pixel(x, y) for x in range(0, first.width(), 7) for y in range(0, first.height(), 7)}
        assert len(colors) > 20  # placeholders, text and chips were drawn
        posters.poster_ready.connect(lambda _p: view.viewport().update())
        qtbot.waitUntil(lambda: posters.pixmap("/abc.jpg") is not None, timeout=5000)
        assert fetched == ["/abc.jpg"]
        second = render(view)
        rect = view.visualRect(proxy.index(proxy.rowCount() - 1, 0))
        mid = second.pixelColor(rect.left() + 5 + 8 + POSTER_W // 2, rect.top() + 5 + 8 + POSTER_H // 2)
        assert mid.red() > 180 and mid.green() < 60  # the poster is painted
    finally:
        posters.shutdown()


def test_card_look_follows_selection_and_palette(qtbot) -> None:
    """The frame and text colours are worked out once per look: selecting a card and changing the palette
    (a theme change) must still show in what is painted."""
    model = CardModel()
    model.apply_diff(diff_cards({}, [card("movie:1", "Alpha", 2001)])[0])
    view = QListView()
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setUniformItemSizes(True)
    view.setItemDelegate(CardDelegate(None, view))
    view.setModel(model)
    view.resize(CARD_W + 40, CARD_H + 40)
    qtbot.addWidget(view)
    view.show()
    rect = view.visualRect(model.index(0, 0))
    edge = (rect.left() + 5, rect.top() + 5 + CARD_H // 2)  # the frame's left border, half-way down

    plain = render(view).pixelColor(*edge)
    view.selectionModel().select(model.index(0, 0), view.selectionModel().SelectionFlag.Select)
    selected = render(view).pixelColor(*edge)
    assert selected != plain

    pal = view.palette()
    pal.setColor(pal.ColorRole.Highlight, QColor("#00c000"))
    view.setPalette(pal)
    green = render(view).pixelColor(*edge)
    assert green.green() > 150 and green.red() < 80 and green.blue() < 80, green.name()
