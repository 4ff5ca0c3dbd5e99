"""The card grid view, and the delegate that paints one card: poster (or a placeholder), state chip, version badges, title, year.

The size hint is a constant computed once (uniform item sizes: the view never measures rows). Nothing
here decodes or reads a file: posters come from the PosterCache's RAM LRU, or a placeholder is drawn
and the cache is asked for the poster (the view repaints the cell when it arrives).
"""

from __future__ import annotations

import zlib

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QTextOption,
)
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from videomanager.core.models import (
    STATE_AMBIGUOUS,
    STATE_MANUAL,
    STATE_MATCHED,
    STATE_NOT_FOUND,
    STATE_PENDING,
    Card,
    resolution_label,
    resolution_rank,
)
from videomanager.core.seasons import episodes_held
from videomanager.gui.library_model import CardRole
from videomanager.gui.posters import PosterCache

POSTER_W, POSTER_H = 154, 231  # TMDb posters are 2:3
POSTER_RADIUS = 6
PLACEHOLDER_HUES = 36
PAD = 8
CARD_W = POSTER_W + 2 * PAD
CARD_H = PAD + POSTER_H + 8 + 20 + 18 + PAD
MARGIN = 5  # space between cards (half on each side)

_STATE_COLORS = {
    STATE_MATCHED: QColor("#2e9d57"),
    STATE_MANUAL: QColor("#3a78d8"),
    STATE_AMBIGUOUS: QColor("#d98a12"),
    STATE_NOT_FOUND: QColor("#c8423b"),
    STATE_PENDING: QColor("#6f7782"),
}


_WHITE = QColor("white")
_BADGE_FILL = QColor(15, 18, 24, 200)
_MORE_FILL = QColor(60, 120, 220, 220)
_MISSING_FILL = QColor(179, 38, 30, 235)
_PLACEHOLDER_TEXT = QColor(255, 255, 255, 230)


def _chip_color(color: QColor) -> QColor:
    c = QColor(color)
    c.setAlpha(235)
    return c


_CHIP_COLORS = {state: _chip_color(color) for state, color in _STATE_COLORS.items()}
_CHIP_OTHER = _chip_color(QColor("#6f7782"))

# Flags and hints combined once (each `|` of two Qt enums is a Python-level call).
_AA = QPainter.RenderHint.Antialiasing
_SMOOTH = QPainter.RenderHint.SmoothPixmapTransform
_SELECTED = QStyle.StateFlag.State_Selected
_HOVER = QStyle.StateFlag.State_MouseOver
_LEFT_VCENTER = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
_WRAP_OPTION = QTextOption(Qt.AlignmentFlag.AlignCenter)
_WRAP_OPTION.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
_ELIDE_RIGHT = Qt.TextElideMode.ElideRight


def state_label(state: str) -> str:
    labels = {
        STATE_MATCHED: QCoreApplication.translate("CardDelegate", "matched"),
        STATE_MANUAL: QCoreApplication.translate("CardDelegate", "manual"),
        STATE_AMBIGUOUS: QCoreApplication.translate("CardDelegate", "ambiguous"),
        STATE_NOT_FOUND: QCoreApplication.translate("CardDelegate", "not found"),
        STATE_PENDING: QCoreApplication.translate("CardDelegate", "pending"),
    }
    return labels.get(state, state)


def card_badges(card: Card) -> list[str]:
    """Badges for a card: resolutions of its versions (best first), HDR, editions; of the copies that are
    there only (a missing copy has none: the subtitle says files are missing)."""
    seen: list[str] = []
    files = [v for v in card.versions if not v.missing]
    res = sorted({v.resolution for v in files if v.resolution}, key=resolution_rank, reverse=True)
    if not card.versions and card.episodes:
        res = sorted({e.resolution for e in card.episodes if e.resolution and not e.missing},
                     key=resolution_rank, reverse=True)  # fmt: skip
    seen.extend(resolution_label(r) for r in res)
    if any(v.hdr for v in files):
        seen.append("HDR")
    for v in files:
        if v.edition and v.edition not in seen:
            seen.append(v.edition)
    return seen


class CardDelegate(QStyledItemDelegate):
    """Constant-size card painter; posters from ``posters`` (may be None: placeholders only)."""

    def __init__(self, posters: PosterCache | None, parent=None) -> None:
        super().__init__(parent)
        self.posters = posters
        self._size = QSize(CARD_W + 2 * MARGIN, CARD_H + 2 * MARGIN)
        self._placeholders: dict[tuple[int, float], QPixmap] = {}
        self._cache: dict[tuple, QPixmap] = {}  # card frames and pills (see _frame and _pill)
        self._font_cache: dict[str, tuple[QFont, QFontMetrics, QFont, QFontMetrics]] = {}
        # Fonts and metrics made once, not per paint.
        self._initial_font = QFont()
        self._initial_font.setPointSizeF(34)
        self._initial_font.setBold(True)
        self._small_font = QFont()
        self._small_font.setPointSizeF(9)
        self._small_metrics = QFontMetrics(self._small_font)
        self._chip_font = QFont()
        self._chip_font.setPointSizeF(7.5)
        self._chip_font.setBold(True)
        self._chip_metrics = QFontMetrics(self._chip_font)
        self._plus_w = self._chip_metrics.horizontalAdvance("+99") + 10
        self._looks: dict[tuple, tuple[QPixmap, QColor, QColor]] = {}
        self.scale = 1.0  # the card zoom (View → Zoom): the card is painted scaled by it

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self._size = QSize(round((CARD_W + 2 * MARGIN) * scale), round((CARD_H + 2 * MARGIN) * scale))

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return self._size

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        card: Card | None = index.data(CardRole)
        if card is None:
            return
        painter.save()
        # Everything but text is a cached pixmap drawn 1:1 at whole pixels (frame, poster, chips, badges):
        # with these hints on, each blit takes the transforming path, 2-4x slower for the same pixels.
        painter.setRenderHint(_AA, False)
        painter.setRenderHint(_SMOOTH, self.scale != 1.0)
        r = option.rect
        # The card sits centred in its cell (the grid spreads its columns over the whole width), scaled by
        # the zoom; cached pixmaps are made at the scaled pixel ratio, so they still blit 1:1.
        painter.translate(r.x() + max(0, (r.width() - self._size.width()) // 2), r.y())
        if self.scale != 1.0:
            painter.scale(self.scale, self.scale)
        x, y = MARGIN, MARGIN
        dpr = painter.device().devicePixelRatioF() * self.scale
        state = option.state
        frame, text, muted = self._look(option.palette, bool(state & _SELECTED), bool(state & _HOVER), dpr)
        painter.drawPixmap(x, y, frame)

        px, py = x + PAD, y + PAD
        self._paint_poster(painter, px, py, card, dpr)
        painter.setFont(self._chip_font)
        self._paint_chip(painter, px, py, card.state, dpr)
        if card.missing:
            self._paint_missing(painter, px, py, dpr)
        self._paint_badges(painter, px, py, card_badges(card), dpr)

        title_font, fm, sub_font, sub_fm = self._fonts(option.font)
        painter.setFont(title_font)
        painter.setPen(text)
        ty = py + POSTER_H + 7  # under the poster (its bottom row is py + POSTER_H - 1)
        painter.drawText(QRect(px, ty, POSTER_W, 20), _LEFT_VCENTER,
                         fm.elidedText(card.title, _ELIDE_RIGHT, POSTER_W))  # fmt: skip
        painter.setFont(sub_font)
        painter.setPen(muted)
        painter.drawText(QRect(px, ty + 19, POSTER_W, 18), _LEFT_VCENTER,
                         sub_fm.elidedText(self._subtitle(card), _ELIDE_RIGHT, POSTER_W))  # fmt: skip
        painter.restore()

    def _look(self, pal: QPalette, selected: bool, hover: bool, dpr: float) -> tuple[QPixmap, QColor, QColor]:
        """The card's frame pixmap and its text colours for this palette and state, worked out once (a few
        dozen Qt calls) instead of once per card painted."""
        # The cache key does not cover the colour group (active / inactive window), which changes colours.
        key = (pal.cacheKey(), pal.currentColorGroup(), selected, hover, dpr)
        look = self._looks.get(key)
        if look is None:
            dark = pal.color(QPalette.ColorRole.Window).lightness() < 128
            base = pal.color(QPalette.ColorRole.Base)
            bg = base.lighter(135) if dark else base.darker(104)
            if hover and not selected:
                bg = bg.lighter(115) if dark else bg.darker(106)
            highlight = pal.color(QPalette.ColorRole.Highlight)
            text = QColor(pal.color(QPalette.ColorRole.Text))
            if selected:
                tint = QColor(highlight)
                tint.setAlpha(60)
                pen = QPen(highlight, 2)
            else:
                tint = None
                border = QColor(text)
                border.setAlpha(40 if hover else 22)
                pen = QPen(border, 1)
            muted = QColor(text)
            muted.setAlpha(150)
            if len(self._looks) >= 64:  # only palette changes add looks
                self._looks.clear()
            look = self._looks[key] = (self._frame(QSize(CARD_W, CARD_H), bg, tint, pen, dpr), text, muted)
        return look

    def _fonts(self, font: QFont) -> tuple[QFont, QFontMetrics, QFont, QFontMetrics]:
        """The title and subtitle fonts with their metrics, made once per view font (not once per card)."""
        key = font.key()
        fonts = self._font_cache.get(key)
        if fonts is None:
            title = QFont(font)
            title.setBold(True)
            sub = QFont(font)
            sub.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
            fonts = self._font_cache[key] = (title, QFontMetrics(title), sub, QFontMetrics(sub))
        return fonts

    def _frame(self, size: QSize, bg: QColor, tint: QColor | None, pen: QPen, dpr: float) -> QPixmap:
        """The card's rounded background and border, rendered once per look (filling and stroking an
        antialiased rounded path costs far more than a blit of the cached pixmap)."""
        key = ("frame", size.width(), size.height(), bg.rgba(), tint.rgba() if tint else 0,
               pen.color().rgba(), pen.widthF(), dpr)  # fmt: skip
        pm = self._cache.get(key)
        if pm is None:
            pm = QPixmap(int(size.width() * dpr), int(size.height() * dpr))
            pm.setDevicePixelRatio(dpr)
            pm.fill(Qt.GlobalColor.transparent)
            p = QPainter(pm)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            path = QPainterPath()
            path.addRoundedRect(
                QRectF(0, 0, size.width(), size.height()).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10
            )
            p.fillPath(path, bg)
            if tint is not None:
                p.fillPath(path, tint)
            p.setPen(pen)
            p.drawPath(path)
            p.end()
            self._remember(key, pm)
        return pm

    def _remember(self, key: tuple, pm: QPixmap) -> None:
        if (
            len(self._cache) >= 512
        ):  # a few kinds of frames and pills: only a change of theme or screen grows it
            self._cache.clear()
        self._cache[key] = pm

    @staticmethod
    def _subtitle(card: Card) -> str:
        parts = [str(card.year) if card.year else "—"]
        tr = QCoreApplication.translate
        if card.episodes:
            parts.append(tr("CardDelegate", "%n episode(s)", "", episodes_held(card.episodes)))
        elif len(card.versions) > 1:
            parts.append(tr("CardDelegate", "%n version(s)", "", len(card.versions)))
        if card.missing:
            parts.append(tr("CardDelegate", "missing files"))
        return "  ·  ".join(parts)

    def _placeholder(self, hue: int, dpr: float) -> QPixmap:
        """A rounded gradient poster background, rendered once per hue (gradients are slow to fill)."""
        key = (hue, dpr)
        pm = self._placeholders.get(key)
        if pm is None:
            pm = QPixmap(int(POSTER_W * dpr), int(POSTER_H * dpr))
            pm.setDevicePixelRatio(dpr)
            pm.fill(Qt.GlobalColor.transparent)
            p = QPainter(pm)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            path = QPainterPath()
            path.addRoundedRect(QRectF(0, 0, POSTER_W, POSTER_H), POSTER_RADIUS, POSTER_RADIUS)
            h = hue * 360 // PLACEHOLDER_HUES
            grad = QLinearGradient(0, 0, POSTER_W, POSTER_H)
            grad.setColorAt(0.0, QColor.fromHsl(h, 90, 92))
            grad.setColorAt(1.0, QColor.fromHsl((h + 40) % 360, 110, 52))
            p.fillPath(path, QBrush(grad))
            p.end()
            self._placeholders[key] = pm
        return pm

    def _paint_poster(self, painter: QPainter, x: int, y: int, card: Card, dpr: float) -> None:
        pm = self.posters.pixmap(card.poster_path) if self.posters is not None else None
        if pm is not None and not pm.isNull():
            # Already cropped to this box with rounded corners by the loader thread: one plain blit.
            painter.drawPixmap(x, y, pm)
            return
        title = card.title
        hue = zlib.crc32(title.encode("utf-8", "surrogatepass")) % PLACEHOLDER_HUES
        painter.drawPixmap(x, y, self._placeholder(hue, dpr))
        painter.setPen(_PLACEHOLDER_TEXT)
        painter.setFont(self._initial_font)
        initial = next((ch for ch in title if ch.isalnum()), "?").upper()
        painter.drawText(QRect(x, y - 24, POSTER_W, POSTER_H), _CENTER, initial)
        painter.setFont(self._small_font)
        # Wrapped between words; a word wider than the poster is broken where it must be.
        painter.drawText(QRectF(x + 10, y + 40, POSTER_W - 20, POSTER_H - 70),
                         self._small_metrics.elidedText(title, _ELIDE_RIGHT, 3 * (POSTER_W - 20)), _WRAP_OPTION)  # fmt: skip

    def _pill(self, painter: QPainter, x: int, y: int, text: str, fill: QColor, dpr: float) -> int:
        """A rounded label (state chip, badge) in the chip font, rendered once per text and colour, then
        blitted; returns its width."""
        key = ("pill", text, fill.rgba(), dpr)
        pm = self._cache.get(key)
        if pm is None:
            fm = self._chip_metrics
            w, h = fm.horizontalAdvance(text) + 10, fm.height() + 4
            pm = QPixmap(int(w * dpr), int(h * dpr))
            pm.setDevicePixelRatio(dpr)
            pm.fill(Qt.GlobalColor.transparent)
            p = QPainter(pm)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setFont(self._chip_font)
            r = QRectF(0, 0, w, h)
            path = QPainterPath()
            path.addRoundedRect(r, h / 2, h / 2)
            p.fillPath(path, fill)
            p.setPen(_WHITE)
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, text)
            p.end()
            self._remember(key, pm)
        painter.drawPixmap(x, y, pm)
        return round(pm.width() / dpr)

    def _paint_chip(self, painter: QPainter, x: int, y: int, state: str, dpr: float) -> None:
        self._pill(painter, x + 6, y + 6, state_label(state), _CHIP_COLORS.get(state, _CHIP_OTHER), dpr)

    def _paint_missing(self, painter: QPainter, x: int, y: int, dpr: float) -> None:
        """A "missing" chip in the poster's top right corner: some of the card's files were not found."""
        text = QCoreApplication.translate("CardDelegate", "missing")
        w = self._chip_metrics.horizontalAdvance(text) + 10
        self._pill(painter, x + POSTER_W - 6 - w, y + 6, text, _MISSING_FILL, dpr)

    def _paint_badges(self, painter: QPainter, x: int, y: int, badges: list[str], dpr: float) -> None:
        if not badges:
            return
        fm = self._chip_metrics
        y += POSTER_H - 1 - fm.height() - 9
        limit = x + POSTER_W - 1 - 6
        x += 6
        plus_w = self._plus_w
        last = len(badges) - 1
        for i, text in enumerate(badges):
            w = fm.horizontalAdvance(text) + 10
            room = limit - x - (plus_w + 4 if i < last else 0)
            if w > room:
                self._pill(painter, x, y, f"+{len(badges) - i}", _MORE_FILL, dpr)
                return
            x += self._pill(painter, x, y, text, _BADGE_FILL, dpr) + 4


class CardGrid(QListView):
    """The grid: icon mode, uniform sizes, per-pixel scrolling, no drag and drop of its own."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setUniformItemSizes(True)
        self.setWrapping(True)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(40)
        self.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(False)
        self.setAcceptDrops(False)
        self.setMouseTracking(True)  # hover highlight
        self.setSpacing(0)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.empty_text = ""
        self._cell = QSize(CARD_W + 2 * MARGIN, CARD_H + 2 * MARGIN)

    open_requested = Signal()  # Enter: the current card's details
    play_requested = Signal()  # Space: play the current card

    def set_cell_size(self, size: QSize) -> None:
        """The size of one card (the delegate's, at the current zoom)."""
        self._cell = QSize(size)
        self._spread()

    def resizeEvent(self, event) -> None:
        self._spread()
        super().resizeEvent(event)

    def _spread(self) -> None:
        """Spread the columns over the whole width: as many cards as fit, the space left shared out between
        them (rather than a strip left empty on the right)."""
        # The width the view lays items out in: without the vertical scroll bar's room, which it keeps
        # whether the bar shows or not.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.verticalScrollBar())
        width = self.maximumViewportSize().width() - bar
        columns = max(1, width // max(1, self._cell.width()))
        grid = QSize(max(self._cell.width(), width // columns), self._cell.height())
        if grid != self.gridSize():
            self.setGridSize(grid)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit()
        elif key == Qt.Key.Key_Space and not event.modifiers() and self.currentIndex().isValid():
            self.play_requested.emit()
        else:
            super().keyPressEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        model = self.model()
        if self.empty_text and model is not None and model.rowCount() == 0:
            # An empty grid says what to do (or that the search found nothing).
            painter = QPainter(self.viewport())
            color = QColor(self.palette().color(QPalette.ColorRole.Text))
            color.setAlpha(150)
            painter.setPen(color)
            f = QFont(self.font())
            f.setPointSizeF(f.pointSizeF() * 1.2)
            painter.setFont(f)
            painter.drawText(self.viewport().rect().adjusted(40, 40, -40, -40),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)  # fmt: skip
            painter.end()
