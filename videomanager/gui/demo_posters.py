"""Posters for the demo: the local TMDb stand-in serves flat colours; for the demo we draw a poster-like
image with the title, year and a gradient, so the sample library looks like a real one.

Called on the stand-in's server threads: it only uses QImage and QPainter, which are safe off the GUI
thread (no QPixmap, no widgets).
"""

from __future__ import annotations

import hashlib
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter, QPen


def render_poster(kind: str, record: dict[str, Any], width: int, height: int) -> bytes:
    title = str(record.get("title") or record.get("name") or "")
    date = str(record.get("release_date") or record.get("first_air_date") or "")
    digest = hashlib.sha1(title.encode("utf-8")).digest()
    hue = digest[0] * 360 // 256
    top = QColor.fromHsv(hue, 150, 150)
    bottom = QColor.fromHsv((hue + 40) % 360, 200, 40)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    grad = QLinearGradient(0, 0, 0, height)
    grad.setColorAt(0.0, top)
    grad.setColorAt(1.0, bottom)
    p.fillRect(0, 0, width, height, grad)
    # A few soft circles: something to look at behind the title.
    for i in range(3):
        c = QColor.fromHsv((hue + 60 * i) % 360, 120, 230, 50)
        p.setBrush(c)
        p.setPen(Qt.PenStyle.NoPen)
        r = width * (0.35 + 0.15 * ((digest[i + 1] % 5) / 4))
        x = (digest[i + 4] / 255) * width
        y = height * (0.15 + 0.25 * i)
        p.drawEllipse(QRectF(x - r, y - r, 2 * r, 2 * r))
    margin = width * 0.08
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(10, int(width * 0.11)))
    p.setFont(font)
    p.setPen(QPen(QColor("white")))
    text_rect = QRectF(margin, height * 0.36, width - 2 * margin, height * 0.34)
    p.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap),
               title.upper())  # fmt: skip
    small = QFont()
    small.setPixelSize(max(8, int(width * 0.06)))
    p.setFont(small)
    p.setPen(QPen(QColor(255, 255, 255, 200)))
    p.drawText(QRectF(margin, height * 0.71, width - 2 * margin, height * 0.08),
               int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), date[:4])  # fmt: skip
    p.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(data.data())
