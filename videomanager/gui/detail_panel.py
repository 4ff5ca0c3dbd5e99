"""The detail panel for the selected card: poster, facts from TMDb, versions, extras, episodes.

TMDb details (overview, genres, runtime, director, cast, IMDb and trailer links) are fetched by the
DetailsWorker; the panel only asks for them (``details_wanted``) and shows them when they arrive for
the card still selected. Actions that change the library go through callables given by the window.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QFont, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from videomanager.core.models import Card, Episode, resolution_label
from videomanager.gui.card_delegate import state_label
from videomanager.gui.details import read_details
from videomanager.gui.messages import render_reasons
from videomanager.gui.plain import escape, plain_label, rich_label, tooltip

log = logging.getLogger(__name__)


def human_size(n: int) -> str:
    """A size with the interface's units and decimal separator (see gui/messages.py)."""
    from videomanager.gui.messages import human_size as localised

    return localised(n)


def breakable(name: str) -> str:
    """A file name that a table may wrap after its dots and underscores (a zero-width space there): scene
    names have no spaces to wrap at."""
    return name.replace(".", ".\u200b").replace("_", "_\u200b")


def _people(people: tuple[tuple[int, str], ...], names: tuple[str, ...]) -> str:
    """Names as links to each person's page (``person:<id>``; ids are checked integers, names escaped);
    names without an id as plain text."""
    if not people:
        return escape(", ".join(names))
    return ", ".join(f"<a href='person:{pid}'>{escape(name)}</a>" for pid, name in people)


def extra_label(kind: str) -> str:
    """An extra's type (the scanner's words: trailer, featurette, ...) in the interface's language."""
    tr = QCoreApplication.translate
    labels = {
        "trailer": tr("DetailPanel", "trailer"),
        "featurette": tr("DetailPanel", "featurette"),
        "behindthescenes": tr("DetailPanel", "behind the scenes"),
        "deleted": tr("DetailPanel", "deleted scene"),
        "interview": tr("DetailPanel", "interview"),
        "scene": tr("DetailPanel", "scene"),
        "short": tr("DetailPanel", "short"),
        "clip": tr("DetailPanel", "clip"),
        "sample": tr("DetailPanel", "sample"),
        "other": tr("DetailPanel", "other"),
    }
    return labels.get(kind, kind)


class DetailPanel(QScrollArea):
    details_wanted = Signal(str, str, int)  # card id, kind, tmdb id
    fix_match_requested = Signal(object)  # Card
    split_requested = Signal(list)  # file ids
    open_failed = Signal(str)  # a sentence: the file to play or show is missing, or nothing opens it
    person_requested = Signal(int)  # a TMDb person id (a name in the credits was clicked)

    def __init__(self, poster_for: Callable[[str | None], QPixmap | None] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.poster_for = poster_for
        self.card: Card | None = None
        self._details: dict = {}  # the selected card's last TMDb details (the seasons view keeps using them)
        self.setWidgetResizable(True)
        self.setMinimumWidth(320)
        body = self._body = QWidget()
        self._empty = QLabel(self.tr("Select a card to see its details."))
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setStyleSheet("color: gray; padding: 24px;")
        self.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(14, 12, 14, 12)
        lay.setSpacing(8)

        top = QHBoxLayout()
        self.poster = QLabel()
        self.poster.setFixedSize(120, 180)
        self.poster.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.poster.setStyleSheet("background: palette(mid); border-radius: 6px;")
        top.addWidget(self.poster, 0, Qt.AlignmentFlag.AlignTop)
        facts = QVBoxLayout()
        # Titles, overviews, names and file names come from outside: plain text, or escaped into markup.
        self.title = plain_label()
        f = QFont(self.title.font())
        f.setPointSizeF(f.pointSizeF() * 1.45)
        f.setBold(True)
        self.title.setFont(f)
        self.title.setWordWrap(True)
        self.meta = plain_label()
        self.meta.setWordWrap(True)
        self.state = rich_label()
        self.state.setWordWrap(True)
        self.links = rich_label()
        self.links.setOpenExternalLinks(True)
        self.collection = rich_label()  # "Alien Collection: you own 2 of 5" (set by the window's collections)
        self.collection.setWordWrap(True)
        self.collection.setVisible(False)
        self.fix_button = QPushButton(self.tr("Fix match…"))
        self.fix_button.clicked.connect(lambda: self.card and self.fix_match_requested.emit(self.card))
        for w in (self.title, self.meta, self.state, self.links, self.collection):
            facts.addWidget(w)
        facts.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignLeft)
        facts.addStretch(1)
        top.addLayout(facts, 1)
        lay.addLayout(top)

        self.overview = plain_label()
        self.overview.setWordWrap(True)
        self.credits = rich_label()
        self.credits.setWordWrap(True)
        self.credits.linkActivated.connect(self._link)
        lay.addWidget(self.overview)
        lay.addWidget(self.credits)

        self.versions_label = QLabel(self.tr("<b>Versions</b>"))
        lay.addWidget(self.versions_label)
        self.versions = QTableWidget(0, 6)
        self.versions.setHorizontalHeaderLabels(
            [
                self.tr("File"),
                self.tr("Resolution"),
                self.tr("Edition"),
                self.tr("Codec"),
                self.tr("Size"),
                self.tr("Best"),
            ]
        )
        self.versions.verticalHeader().setVisible(False)
        self.versions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.versions.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 6):
            self.versions.horizontalHeader().setSectionResizeMode(
                col, QHeaderView.ResizeMode.ResizeToContents
            )
        # Long file names wrap (they may break after any dot: see breakable), never "The.Matri…kv".
        self.versions.setWordWrap(True)
        self.versions.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.versions.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        lay.addWidget(self.versions)
        buttons = QHBoxLayout()
        self.play_button = QPushButton(self.tr("Play"))
        self.folder_button = QPushButton(self.tr("Show in folder"))
        self.split_button = QPushButton(self.tr("Split off"))
        self.split_button.setToolTip(self.tr("Make the selected version a card of its own"))
        self.play_button.clicked.connect(self._play)
        self.folder_button.clicked.connect(self._show_folder)
        self.split_button.clicked.connect(self._split)
        for b in (self.play_button, self.folder_button, self.split_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)

        self.episodes_label = QLabel(self.tr("<b>Seasons and episodes</b>"))
        lay.addWidget(self.episodes_label)
        self.episodes = QTreeWidget()
        self.episodes.setHeaderLabels(
            [self.tr("Episode"), self.tr("Title"), self.tr("Aired"), self.tr("Resolution"), self.tr("Size")]
        )
        self.episodes.setMinimumHeight(220)
        self.episodes.setUniformRowHeights(True)
        self.episodes.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.episodes.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.episodes.itemActivated.connect(self._play_episode)
        lay.addWidget(self.episodes)

        self.extras_label = QLabel(self.tr("<b>Extras</b>"))
        lay.addWidget(self.extras_label)
        self.extras = QListWidget()
        self.extras.setMaximumHeight(110)
        self.extras.itemActivated.connect(lambda it: self._open(it.data(Qt.ItemDataRole.UserRole)))
        lay.addWidget(self.extras)
        lay.addStretch(1)
        self.show_card(None)

    # -- content ------------------------------------------------------------------------------------------
    def show_card(self, card: Card | None) -> None:
        same = card is not None and self.card is not None and card.id == self.card.id
        self.card = card
        self._show_page(self._body if card is not None else self._empty)
        if card is None:
            return
        self.title.setText(card.title)
        meta = [str(card.year) if card.year else ""]
        if card.original_title and card.original_title != card.title:
            meta.append(self.tr("original title: %1").replace("%1", card.original_title))
        meta.append(human_size(card.size))
        self.meta.setText("  ·  ".join(m for m in meta if m))
        conf = f" — {self.tr('confidence')} {card.confidence:.0%}" if card.confidence is not None else ""
        reasons = (
            f"<br><span style='color: gray'>{escape(render_reasons(card.reasons))}</span>"
            if card.reasons
            else ""
        )
        self.state.setText(f"<b>{escape(state_label(card.state))}</b>{escape(conf)}{reasons}")
        self.refresh_poster()
        if not same:
            self.overview.setText("")
            self.credits.setText("")
            self.links.setText("")
            if card.tmdb_id and card.kind:
                self.overview.setText(self.tr("Loading details…"))
                self.details_wanted.emit(card.id, card.kind, int(card.tmdb_id))
        if not same:
            self._details = {}
        self._fill_versions(card)
        self._fill_episodes(card, self._details)
        self._fill_extras(card)
        self.fix_button.setEnabled(True)

    def _show_page(self, page: QWidget) -> None:
        # takeWidget() first: setWidget() would delete the page shown before.
        if self.widget() is not page:
            self.takeWidget()
            self.setWidget(page)

    def refresh_poster(self) -> None:
        pm = self.poster_for(self.card.poster_path) if (self.poster_for and self.card) else None
        if pm is not None and not pm.isNull():
            dpr = pm.devicePixelRatio()
            scaled = pm.scaled(int(120 * dpr), int(180 * dpr), Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                               Qt.TransformationMode.SmoothTransformation)  # fmt: skip
            scaled.setDevicePixelRatio(dpr)
            self.poster.setPixmap(scaled)
        else:
            self.poster.setPixmap(QPixmap())
            self.poster.setText(self.tr("no poster"))

    def _fill_versions(self, card: Card) -> None:
        self.versions.setRowCount(len(card.versions))
        for row, v in enumerate(card.versions):
            name = os.path.basename(v.path) + (f" (+{len(v.parts) - 1})" if len(v.parts) > 1 else "")
            if v.missing:
                name += " — " + self.tr("missing")
            cells = [breakable(name), resolution_label(v.resolution) + (f" {v.hdr}" if v.hdr else ""), v.edition or "",
                     v.video_codec or "", human_size(v.size), "★" if v.best else ""]  # fmt: skip
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setToolTip(tooltip(self._missing_tip(v.path) if v.missing else v.path))
                    item.setData(Qt.ItemDataRole.UserRole, v.path)
                    if v.missing:  # seen even when the name is elided
                        item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
                if v.missing:
                    self._grey(item)
                self.versions.setItem(row, col, item)
        has = bool(card.versions)
        if has:
            self.versions.selectRow(0)
        self.versions.resizeRowsToContents()
        # As tall as its rows (up to 8), so the panel does not show an empty box.
        rows_h = sum(self.versions.rowHeight(r) for r in range(min(8, len(card.versions))))
        self.versions.setFixedHeight(self.versions.horizontalHeader().height() + rows_h + 4)
        for w in (
            self.versions_label,
            self.versions,
            self.play_button,
            self.folder_button,
            self.split_button,
        ):
            w.setVisible(has or w in (self.play_button, self.folder_button))
        self.split_button.setEnabled(len(card.versions) > 1)

    def _missing_tip(self, path: str) -> str:
        return self.tr("Missing (not found at the last scan): %1").replace("%1", path)

    def _grey(self, item, column: int | None = None) -> None:
        """Show a row of a file that is missing greyed and in italics."""
        color = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        font = QFont(item.font() if column is None else item.font(column))
        font.setItalic(True)
        if column is None:
            item.setForeground(color)
            item.setFont(font)
        else:
            item.setForeground(column, color)
            item.setFont(column, font)

    def _fill_episodes(self, card: Card, details: dict | None = None) -> None:
        """One branch per season ("Season 1 · 8 of 10 episodes") holding its files and, in gray and in number
        order among them, the episodes TMDb lists that the library lacks. Every TMDb string is plain text."""
        self.episodes.clear()
        plan = season_plan(card, details or {})
        for season, files, total, missing in plan:
            label = self._season_label(season)
            if total:
                have = self.tr("%1 of %2 episodes").replace("%1", str(total - len(missing)))
                label += "  ·  " + have.replace("%2", str(total))
            parent = QTreeWidgetItem(self.episodes, [label])
            parent.setFirstColumnSpanned(True)
            rows: list[tuple[tuple[int, int], Episode | tuple]] = [
                ((e.episode if e.episode is not None else 1_000_000, 0), e) for e in files
            ]
            if len(missing) <= MISSING_ROWS:
                rows += [((m[0], 1), m) for m in missing]
            for _, row in sorted(rows, key=lambda r: r[0]):
                self._episode_row(parent, row)
            if len(missing) > MISSING_ROWS:
                numbers = number_ranges([n for n, _, _ in missing])
                text = self.tr("%1 missing: %2").replace("%1", str(len(missing))).replace("%2", numbers)
                item = QTreeWidgetItem(parent, [text])
                item.setFirstColumnSpanned(True)
                item.setForeground(0, QBrush(QColor(128, 128, 128)))
                item.setToolTip(0, text)
        if len(plan) <= 3:
            self.episodes.expandAll()
        shown = sum(1 + (p.childCount() if p.isExpanded() else 0) for p in map(self.episodes.topLevelItem,
                                                                              range(len(plan))))  # fmt: skip
        row_h = max(18, self.episodes.fontMetrics().height() + 4)
        self.episodes.setMinimumHeight(
            min(480, max(160, self.episodes.header().height() + shown * row_h + 6))
        )
        has = bool(card.episodes)
        self.episodes_label.setVisible(has)
        self.episodes.setVisible(has)

    def _episode_row(self, parent: QTreeWidgetItem, row: Episode | tuple) -> None:
        """A file of the season, or a (number, name, air date) that no file holds (gray, "missing")."""
        if isinstance(row, Episode):
            title = row.title or os.path.basename(row.path)
            cells = [episode_number(row), title, row.air_date or "", resolution_label(row.resolution),
                     human_size(row.size)]  # fmt: skip
            if row.missing:
                cells[3] = cells[3] + " — " + self.tr("missing") if cells[3] else self.tr("missing")
            item = QTreeWidgetItem(parent, cells)
            item.setToolTip(0, tooltip(self._missing_tip(row.path) if row.missing else row.path))
            item.setToolTip(1, tooltip(title))
            item.setData(0, Qt.ItemDataRole.UserRole, row.path)
            if row.missing:
                for col in range(5):
                    self._grey(item, col)
            return
        number, name, aired = row
        item = QTreeWidgetItem(parent, [f"E{number:02d}", name or "", aired or "", self.tr("missing"), ""])
        gray = QBrush(QColor(128, 128, 128))
        for col in range(5):
            item.setForeground(col, gray)
        item.setToolTip(1, tooltip(name or ""))

    def _season_label(self, season: int | None) -> str:
        if season is None:
            return self.tr("Other")
        if season == 0:
            return self.tr("Specials")
        return self.tr("Season %1").replace("%1", str(season))

    def _fill_extras(self, card: Card) -> None:
        self.extras.clear()
        for x in card.extras:
            missing = " — " + self.tr("missing") if x.missing else ""
            self.extras.addItem(f"{extra_label(x.type)}: {os.path.basename(x.path)}{missing}")
            item = self.extras.item(self.extras.count() - 1)
            item.setData(Qt.ItemDataRole.UserRole, x.path)
            if x.missing:
                self._grey(item)
        has = bool(card.extras)
        self.extras.setFixedHeight(
            min(6, max(1, len(card.extras))) * self.extras.sizeHintForRow(0) + 6 if has else 0
        )
        self.extras_label.setVisible(has)
        self.extras.setVisible(has)

    def set_details(self, card_id: str, data: object) -> None:
        """TMDb details arrived (from the DetailsWorker); ignored if another card is selected now. Fields that
        are not valid are left out (and logged); the rest is shown."""
        if self.card is None or self.card.id != card_id:
            return
        details, dropped = read_details(data)
        if dropped:
            log.info(
                "details of %s: left out what was not valid: %s", card_id, ", ".join(sorted(set(dropped)))
            )
        self.overview.setText(details.overview)
        facts = list(details.genres)
        if details.runtime:
            facts.append(self.tr("%1 min").replace("%1", str(details.runtime)))
        lines = []
        if facts:
            lines.append(escape("  ·  ".join(facts)))
        if details.directors or details.creators:
            lines.append(f"<b>{self.tr('Director') if details.directors else self.tr('Created by')}:</b> "
                         + _people(details.director_people, details.directors or details.creators))  # fmt: skip
        if details.cast:
            lines.append(f"<b>{self.tr('Cast')}:</b> " + _people(details.cast_people, details.cast))
        self.credits.setText("<br>".join(lines))
        links = []
        if details.imdb_id:  # checked: tt and digits
            links.append(f"<a href='https://www.imdb.com/title/{details.imdb_id}/'>IMDb</a>")
        if details.trailer:  # checked: a YouTube key's characters
            links.append(
                f"<a href='https://www.youtube.com/watch?v={details.trailer}'>{self.tr('Trailer')}</a>"
            )
        self.links.setText("  ·  ".join(links))
        self._details = data if isinstance(data, dict) else {}
        if self.card.episodes:
            self._fill_episodes(self.card, self._details)

    def _link(self, href: str) -> None:
        kind, _, ident = href.partition(":")
        if kind == "person" and ident.isdigit():
            self.person_requested.emit(int(ident))

    def set_details_failed(self, card_id: str, message: str) -> None:
        if self.card is not None and self.card.id == card_id:
            self.overview.setText(message)

    # -- actions ----------------------------------------------------------------------------------------
    def selected_version_path(self) -> str | None:
        if self.card is None or not self.card.versions:
            return None
        row = self.versions.currentRow()
        row = row if 0 <= row < len(self.card.versions) else 0
        return self.card.versions[row].path

    def _open(self, path: str | None) -> None:
        """Hand a file or folder to the system; say in the window when it is missing or nothing opens it."""
        if not path:
            return
        if not os.path.exists(path):
            self.open_failed.emit(self.tr("%1 is missing: it may be on a drive that is not plugged in.")
                                  .replace("%1", path))  # fmt: skip
        elif not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
            self.open_failed.emit(self.tr("No program on this system opens %1.").replace("%1", path))

    def _play(self) -> None:
        path = self.selected_version_path()
        if path is None and self.card is not None and self.card.episodes:
            item = self.episodes.currentItem()
            path = item.data(0, Qt.ItemDataRole.UserRole) if item else self.card.episodes[0].path
        self._open(path)

    def _play_episode(self, item: QTreeWidgetItem) -> None:
        self._open(item.data(0, Qt.ItemDataRole.UserRole))

    def _show_folder(self) -> None:
        path = self.selected_version_path()
        if path is None and self.card is not None:
            path = self.card.episodes[0].path if self.card.episodes else None
            if path is None and self.card.folder:
                self._open(self.card.folder)
                return
        if path:
            self._open(os.path.dirname(path))

    def _split(self) -> None:
        if self.card is None or len(self.card.versions) < 2:
            return
        row = self.versions.currentRow()
        row = row if 0 <= row < len(self.card.versions) else 0
        self.split_requested.emit(list(self.card.versions[row].file_ids))


MISSING_ROWS = 30  # more missing episodes than this in a season are listed as number ranges on one row


def episode_number(e: Episode) -> str:
    """'E01', 'E01–E03' for a multi-episode file, the air date for a daily show's unplaced file, '—'."""
    if e.episode is None:
        return e.air_date or "—"
    text = f"E{e.episode:02d}"
    return f"{text}–E{e.episode_end:02d}" if e.episode_end else text


def number_ranges(numbers: list[int]) -> str:
    """'1–3, 5, 7–9' from [1, 2, 3, 5, 7, 8, 9]."""
    out: list[str] = []
    start = prev = None
    for n in sorted(numbers):
        if prev is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            out.append(f"{start}–{prev}" if prev != start else str(start))
        start = prev = n
    if start is not None:
        out.append(f"{start}–{prev}" if prev != start else str(start))
    return ", ".join(out)


def _plain(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _season_episodes(details: dict) -> dict[int, tuple[int | None, dict[int, tuple[str | None, str | None]]]]:
    """{season: (episode count, {number: (name, air date)})} from the details: the library's season data
    (``season_episodes``, as the DetailsWorker adds it), else the counts TMDb's show details list."""
    out: dict[int, tuple[int | None, dict[int, tuple[str | None, str | None]]]] = {}
    for s in details.get("seasons") or []:
        if isinstance(s, dict) and isinstance(s.get("season_number"), int):
            count = s.get("episode_count") if isinstance(s.get("episode_count"), int) else None
            out[s["season_number"]] = (count, {})
    stored = details.get("season_episodes")
    for data in stored if isinstance(stored, list) else ():
        season = data.get("season") if isinstance(data, dict) else None
        if not isinstance(season, int):
            continue
        names = {}
        for row in data.get("episodes") or []:
            if isinstance(row, (list, tuple)) and len(row) == 3 and isinstance(row[0], int):
                names[row[0]] = (_plain(row[1]), _plain(row[2]))
        count = data.get("count") if isinstance(data.get("count"), int) else None
        out[season] = (count or len(names) or out.get(season, (None, {}))[0], names)
    return out


def season_plan(card: Card, details: dict) -> list[tuple[int | None, list[Episode], int | None, list[tuple]]]:
    """Per season of the card, in order: (season, its files, TMDb's episode count or None, the episodes
    TMDb lists that no file holds as (number, name, air date))."""
    known = _season_episodes(details)
    by_season: dict[int | None, list[Episode]] = {}
    for e in card.episodes:
        by_season.setdefault(e.season, []).append(e)
    plan = []
    for season in sorted(by_season, key=lambda s: (s is None, s if s is not None else 0)):
        files = by_season[season]
        count, names = known.get(season, (None, {})) if season is not None else (None, {})
        held = {
            n
            for e in files
            if e.episode is not None
            for n in range(e.episode, (e.episode_end or e.episode) + 1)
        }
        missing = []
        if count:
            for n in range(1, count + 1):
                if n not in held:
                    name, aired = names.get(n, (None, None))
                    missing.append((n, name, aired))
        plan.append((season, files, count, missing))
    return plan
