"""The versions of a card side by side: what each file really holds, the suggested keeper and why, what was
sent to the trash, and the button that sends chosen copies there (the window asks first).

Every cell is plain text (file names, folders and languages come from outside). The words of the table
(state of a file, reasons of the advisor) are translated here, in the "VersionsView" context.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from videomanager.core import runtime as rt
from videomanager.core.advisor import _channel_label, keepers
from videomanager.core.models import (
    CHECK_NAME_RESOLUTION,
    CHECK_NOT_MEDIA,
    CHECK_RUNTIME,
    MEDIA_NOT_MEDIA,
    MEDIA_UNREADABLE,
    Card,
    Media,
    Version,
    resolution_label,
)
from videomanager.gui.messages import human_size
from videomanager.gui.plain import breakable, plain_label, tooltip

# The keeper mark and the edition come first after the name: the table is wider than the panel.
COLUMNS = ("file", "keep", "resolution", "edition", "hdr", "video", "audio", "subtitles", "duration", "size",
           "bitrate", "location")  # fmt: skip
COL = {name: i for i, name in enumerate(COLUMNS)}
WHY_SHOWN = 3  # the advisor's strongest reasons shown


tr = QCoreApplication.translate


def duration_text(seconds: float | None) -> str:
    if not seconds:
        return ""
    total = int(round(seconds))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    if h:
        return tr("VersionsView", "%1 h %2 min").replace("%1", str(h)).replace("%2", f"{m:02d}")
    if m:
        return tr("VersionsView", "%1 min").replace("%1", str(m))
    return tr("VersionsView", "%1 s").replace("%1", str(s))


def bitrate_text(bps: int | None) -> str:
    if not bps:
        return ""
    if bps >= 1_000_000:
        return tr("VersionsView", "%1 Mb/s").replace("%1", f"{bps / 1_000_000:.1f}")
    return tr("VersionsView", "%1 kb/s").replace("%1", str(max(1, bps // 1000)))


def audio_text(m: Media | None) -> str:
    if m is None:
        return ""
    return ", ".join(" ".join(x for x in (a.language or "?", a.codec or "", _channel_label(a.channels or 0)) if x)
                     for a in m.audio)  # fmt: skip


def subtitles_text(m: Media | None) -> str:
    if m is None:
        return ""
    return ", ".join(
        (s.language or "?") + (" " + tr("VersionsView", "(forced)") if s.forced else "") for s in m.subtitles
    )


def video_text(v: Version) -> str:
    """The picture's codec and depth, or what reading the file found when it holds no picture."""
    if v.media_state == MEDIA_NOT_MEDIA:
        return tr("VersionsView", "not a video file")
    if v.media_state == MEDIA_UNREADABLE:
        return tr("VersionsView", "cannot be read")
    m = v.media
    if m is None:
        return (v.video_codec or "") + ("  " + tr("VersionsView", "(not read yet)") if not v.missing else "")
    depth = tr("VersionsView", "%1-bit").replace("%1", str(m.bit_depth)) if m.bit_depth else ""
    return " ".join(x for x in (m.video_codec or "", depth) if x)


def runtime_note(v: Version, runtime: int | None) -> str:
    """Why a version's duration disagrees with the title's runtime, in words ("" when it does not)."""
    if CHECK_RUNTIME not in v.checks or v.media is None or not v.media.duration_s:
        return ""
    text = tr("VersionsView", "The file runs %1 min; TMDb says %2 min: check that this is the film.")
    return text.replace("%1", str(rt.minutes(v.media.duration_s))).replace("%2", str(runtime or "?"))


def why_words(why) -> str:
    """The advisor's reasons, translated."""
    words = {
        "resolution": tr("VersionsView", "higher resolution (%1)"), "hdr": tr("VersionsView", "HDR (%1)"), "source": tr("VersionsView", "better source (%1)"),
        "codec": tr("VersionsView", "more efficient codec (%1)"), "channels": tr("VersionsView", "more audio channels (%1)"),
        "languages": tr("VersionsView", "more audio languages (%1)"), "subtitles": tr("VersionsView", "more subtitles (%1)"),
        "size": tr("VersionsView", "larger file"), "equal": tr("VersionsView", "as good as the others"),
    }  # fmt: skip
    return ", ".join(words.get(code, code).replace("%1", value) for code, value in why[:WHY_SHOWN])


class VersionsView(QWidget):
    """The versions table of the detail panel, the advisor's suggestion and the trash button."""

    trash_requested = Signal(object, list)  # Card, [version paths]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: Card | None = None
        self.table = QTableWidget(0, len(COLUMNS))
        headers = {
            "file": self.tr("File"), "resolution": self.tr("Resolution"), "hdr": self.tr("HDR"),
            "video": self.tr("Video"), "audio": self.tr("Audio"), "subtitles": self.tr("Subtitles"),
            "duration": self.tr("Duration"), "size": self.tr("Size"), "bitrate": self.tr("Bitrate"),
            "edition": self.tr("Edition"), "location": self.tr("Location"), "keep": self.tr("Keep"),
        }  # fmt: skip
        self.table.setHorizontalHeaderLabels([headers[c] for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMaximumSectionSize(240)  # a long name or folder wraps (see breakable), never "The.Matri…kv"
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.advice = plain_label()
        self.advice.setWordWrap(True)
        self.notes = plain_label()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #b35c00;")
        self.removed = plain_label()
        self.removed.setWordWrap(True)
        self.removed.setStyleSheet("color: gray;")
        self.trash_button = QPushButton(self.tr("Send to trash…"))
        self.trash_button.setToolTip(
            self.tr("Send the selected copies to the system trash (you are asked first)")
        )
        self.trash_button.clicked.connect(self._trash)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table)
        lay.addWidget(self.notes)
        lay.addWidget(self.advice)
        lay.addWidget(self.removed)
        row = QHBoxLayout()
        row.addWidget(self.trash_button)
        row.addStretch(1)
        lay.addLayout(row)

    # -- content -------------------------------------------------------------------------------------------
    def fill(self, card: Card) -> None:
        self.card = card
        ks = keepers(card)
        # The keeper of each edition with copies; with nothing to compare (a single version, nothing read as
        # video), the best version.
        keep = {k.version.path for k in ks if k.others} or {v.path for v in card.versions if v.best}
        self.table.setRowCount(len(card.versions))
        for row, v in enumerate(card.versions):
            for col, item in enumerate(self._items(card, v, v.path in keep)):
                self.table.setItem(row, col, item)
        if card.versions:
            self.table.selectRow(0)
        self.table.resizeRowsToContents()
        rows_h = sum(self.table.rowHeight(r) for r in range(min(8, len(card.versions))))
        scroll = self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(self.table.horizontalHeader().height() + rows_h + scroll + 4)
        self._fill_texts(card)
        self._selection_changed()

    def _items(self, card: Card, v: Version, keeper: bool) -> list[QTableWidgetItem]:
        m = v.media
        name = os.path.basename(v.path) + (f" (+{len(v.parts) - 1})" if len(v.parts) > 1 else "")
        if v.missing:
            name += " — " + tr("VersionsView", "missing")
        resolution = resolution_label(v.resolution)
        if CHECK_NAME_RESOLUTION in v.checks:
            resolution += "  " + tr("VersionsView", "(named %1)").replace(
                "%1", resolution_label(v.named_resolution)
            )
        texts = {
            "file": breakable(name), "resolution": resolution, "hdr": v.hdr or "", "video": video_text(v),
            "audio": audio_text(m), "subtitles": subtitles_text(m), "duration": duration_text(m.duration_s if m else None),
            "size": human_size(v.size), "bitrate": bitrate_text(m.bitrate if m else None), "edition": v.edition or "",
            "location": breakable(os.path.dirname(v.path)), "keep": "★" if keeper else "",
        }  # fmt: skip
        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        items = []
        for col in COLUMNS:
            item = QTableWidgetItem(texts[col])
            if col == "file":
                item.setData(Qt.ItemDataRole.UserRole, v.path)
                item.setToolTip(tooltip(tr("VersionsView", "Missing (not found at the last scan): %1").replace("%1", v.path)
                                        if v.missing else v.path))  # fmt: skip
                if v.missing or CHECK_NOT_MEDIA in v.checks:
                    item.setIcon(warn)
            elif col == "resolution" and CHECK_NAME_RESOLUTION in v.checks:
                item.setIcon(warn)
                item.setToolTip(tooltip(tr("VersionsView", "The name says %1; the picture is %2x%3.").replace(
                    "%1", resolution_label(v.named_resolution)).replace("%2", str(m.width)).replace("%3", str(m.height))))  # fmt: skip
            elif col == "duration" and CHECK_RUNTIME in v.checks:
                item.setIcon(warn)
                item.setToolTip(tooltip(runtime_note(v, card.runtime or _candidate_runtime(card))))
            elif col == "location":
                item.setToolTip(tooltip(os.path.dirname(v.path)))
            if v.missing:  # greyed and in italics, seen even when the name is elided
                item.setForeground(
                    self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
                )
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
            items.append(item)
        return items

    def _fill_texts(self, card: Card) -> None:
        notes = [runtime_note(v, card.runtime or _candidate_runtime(card)) for v in card.versions]
        notes = [n for n in notes if n]
        self.notes.setText("\n".join(dict.fromkeys(notes)))
        self.notes.setVisible(bool(notes))
        advice = []
        for k in keepers(card):
            if not k.others:
                continue
            label = tr("VersionsView", "Keep %1: %2. %3 can go (%4).")
            advice.append(label.replace("%1", os.path.basename(k.version.path)).replace("%2", why_words(k.why))
                          .replace("%3", str(len(k.others))).replace("%4", human_size(sum(o.size for o in k.others))))  # fmt: skip
        self.advice.setText("\n".join(advice))
        self.advice.setVisible(bool(advice))
        removed = [tr("VersionsView", "Sent to the trash on %1: %2 (%3)").replace("%1", time.strftime("%Y-%m-%d", time.localtime(r.removed_at)))
                   .replace("%2", os.path.basename(r.path)).replace("%3", human_size(r.size)) for r in card.removed]  # fmt: skip
        self.removed.setText("\n".join(removed))
        self.removed.setVisible(bool(removed))

    # -- selection and the trash ---------------------------------------------------------------------------
    def selected_paths(self) -> list[str]:
        if self.card is None:
            return []
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.card.versions[r].path for r in rows if 0 <= r < len(self.card.versions)]

    def _selection_changed(self) -> None:
        card = self.card
        chosen = set(self.selected_paths())
        present = [v for v in card.versions if not v.missing] if card else []
        ok = bool(chosen) and all(not v.missing for v in present if v.path in chosen)
        ok = ok and any(v.path not in chosen for v in present)  # one copy always stays
        self.trash_button.setEnabled(ok)
        self.trash_button.setVisible(card is not None and len(card.versions) > 1)

    def _trash(self) -> None:
        paths = self.selected_paths()
        if self.card is not None and paths:
            self.trash_requested.emit(self.card, paths)


def _candidate_runtime(card: Card) -> int | None:
    return card.candidates[0].runtime if card.candidates else None
