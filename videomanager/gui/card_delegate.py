"""The card grid view, and the delegate that paints one card: poster (or a placeholder), state chip, version badges, title, year.

The size hint is a constant computed once (uniform item sizes: the view never measures rows). Nothing
here decodes or reads a file: posters come from the PosterCache's RAM LRU, or a placeholder is drawn
and the cache is asked for the poster (the view repaints the cell when it arrives).
"""

from __future__ import annotations

import zlib

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
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
    """Badges for a card: resolutions of its versions (best first), HDR, editions."""
    seen: list[str] = []
    files = list(card.versions) or []
    res = sorted({v.resolution for v in files if v.resolution}, key=resolution_rank, reverse=True)
    if not files and card.episodes:
        res = sorted({e.resolution for e in card.episodes if e.resolution}, key=resolution_rank, reverse=True)
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
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        pal: QPalette = option.palette
        rect = QRect(option.rect).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
        dark = pal.color(QPalette.ColorRole.Window).lightness() < 128
        base = pal.color(QPalette.ColorRole.Base)
        bg = base.lighter(135) if dark else base.darker(104)
        if hover and not selected:
            bg = bg.lighter(115) if dark else bg.darker(106)
        highlight = pal.color(QPalette.ColorRole.Highlight)
        if selected:
            tint = QColor(highlight)
            tint.setAlpha(60)
            pen = QPen(highlight, 2)
        else:
            tint = None
            border = QColor(pal.color(QPalette.ColorRole.Text))
            border.setAlpha(40 if hover else 22)
            pen = QPen(border, 1)
        dpr = painter.device().devicePixelRatioF()
        painter.drawPixmap(rect.topLeft(), self._frame(rect.size(), bg, tint, pen, dpr))

        poster = QRect(rect.left() + PAD, rect.top() + PAD, POSTER_W, POSTER_H)
        self._paint_poster(painter, poster, card)
        self._paint_chip(painter, poster, card.state)
        self._paint_badges(painter, poster, card_badges(card))

        text = pal.color(QPalette.ColorRole.Text)
        title_font, fm, sub_font, sub_fm = self._fonts(option.font)
        painter.setFont(title_font)
        painter.setPen(text)
        title_rect = QRect(poster.left(), poster.bottom() + 8, POSTER_W, 20)
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(card.title, Qt.TextElideMode.ElideRight, POSTER_W))  # fmt: skip
        muted = QColor(text)
        muted.setAlpha(150)
        painter.setFont(sub_font)
        painter.setPen(muted)
        painter.drawText(QRect(poster.left(), title_rect.bottom(), POSTER_W, 18),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         sub_fm.elidedText(self._subtitle(card), Qt.TextElideMode.ElideRight, POSTER_W))  # fmt: skip
        painter.restore()

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
        """The card's rounded background and border, rendered once per look (an antialiased rounded path costs
        ~0.3 ms to fill and stroke; a blit of the cached pixmap a few µs)."""
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
            path.addRoundedRect(QRectF(0, 0, size.width(), size.height()).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)
            p.fillPath(path, bg)
            if tint is not None:
                p.fillPath(path, tint)
            p.setPen(pen)
            p.drawPath(path)
            p.end()
            self._remember(key, pm)
        return pm

    def _remember(self, key: tuple, pm: QPixmap) -> None:
        if len(self._cache) >= 512:  # a few kinds of frames and pills: only a change of theme or screen grows it
            self._cache.clear()
        self._cache[key] = pm

    @staticmethod
    def _subtitle(card: Card) -> str:
        parts = [str(card.year) if card.year else "—"]
        tr = QCoreApplication.translate
        if card.episodes:
            n = len(card.episodes)
            parts.append(
                tr("CardDelegate", "1 episode")
                if n == 1
                else tr("CardDelegate", "%1 episodes").replace("%1", str(n))
            )
        elif len(card.versions) > 1:
            parts.append(tr("CardDelegate", "%1 versions").replace("%1", str(len(card.versions))))
        if card.missing:
            parts.append(tr("CardDelegate", "missing files"))
        return "  ·  ".join(parts)

    def _placeholder(self, hue: int, dpr: float) -> QPixmap:
        """A rounded gradient poster background, rendered once per hue (gradients cost ~0.5 ms to fill)."""
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

    def _paint_poster(self, painter: QPainter, poster: QRect, card: Card) -> None:
        pm = self.posters.pixmap(card.poster_path) if self.posters is not None else None
        if pm is not None and not pm.isNull():
            # Already cropped to this box with rounded corners by the loader thread: one plain blit.
            painter.drawPixmap(poster.topLeft(), pm)
            return
        hue = zlib.crc32(card.title.encode("utf-8", "surrogatepass")) % PLACEHOLDER_HUES
        painter.drawPixmap(poster.topLeft(), self._placeholder(hue, painter.device().devicePixelRatioF()))
        painter.setPen(QColor(255, 255, 255, 230))
        painter.setFont(self._initial_font)
        initial = next((ch for ch in card.title if ch.isalnum()), "?").upper()
        painter.drawText(poster.adjusted(0, -24, 0, -24), Qt.AlignmentFlag.AlignCenter, initial)
        painter.setFont(self._small_font)
        painter.drawText(poster.adjusted(10, 40, -10, -30),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWrapAnywhere,
                         self._small_metrics.elidedText(card.title, Qt.TextElideMode.ElideRight, 3 * (POSTER_W - 20)))  # fmt: skip

    def _pill(
        self, painter: QPainter, x: int, y: int, text: str, fill: QColor, fg: QColor, fm: QFontMetrics
    ) -> int:
        """A rounded label (state chip, badge), rendered once per text and colours, then blitted."""
        dpr = painter.device().devicePixelRatioF()
        key = ("pill", text, fill.rgba(), fg.rgba(), painter.font().key(), dpr)
        pm = self._cache.get(key)
        if pm is None:
            w, h = fm.horizontalAdvance(text) + 10, fm.height() + 4
            pm = QPixmap(int(w * dpr), int(h * dpr))
            pm.setDevicePixelRatio(dpr)
            pm.fill(Qt.GlobalColor.transparent)
            p = QPainter(pm)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setFont(painter.font())
            r = QRectF(0, 0, w, h)
            path = QPainterPath()
            path.addRoundedRect(r, h / 2, h / 2)
            p.fillPath(path, fill)
            p.setPen(fg)
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, text)
            p.end()
            self._remember(key, pm)
        painter.drawPixmap(x, y, pm)
        return round(pm.width() / dpr)

    def _paint_chip(self, painter: QPainter, poster: QRect, state: str) -> None:
        painter.setFont(self._chip_font)
        color = QColor(_STATE_COLORS.get(state, QColor("#6f7782")))
        color.setAlpha(235)
        self._pill(
            painter,
            poster.left() + 6,
            poster.top() + 6,
            state_label(state),
            color,
            _WHITE,
            self._chip_metrics,
        )

    def _paint_badges(self, painter: QPainter, poster: QRect, badges: list[str]) -> None:
        if not badges:
            return
        painter.setFont(self._chip_font)
        fm = self._chip_metrics
        y = poster.bottom() - fm.height() - 9
        x = poster.left() + 6
        limit = poster.right() - 6
        fill = _BADGE_FILL
        fg = _WHITE
        plus_w = fm.horizontalAdvance("+99") + 10
        for i, text in enumerate(badges):
            w = fm.horizontalAdvance(text) + 10
            rest = len(badges) - i - 1
            room = limit - x - (plus_w + 4 if rest else 0)
            if w > room:
                self._pill(painter, x, y, f"+{len(badges) - i}", QColor(60, 120, 220, 220), fg, fm)
                return
            x += self._pill(painter, x, y, text, fill, fg, fm) + 4


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
