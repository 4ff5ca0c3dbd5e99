"""The card grid's model: a QAbstractListModel over Card, and a filter proxy for search and filters.

Sorting lives in the source model, not in the proxy: QSortFilterProxyModel calls ``data()`` (Python)
about n*log(n) times, while ``sorted()`` with a key computes each key once. The model keeps its rows in the chosen order and applies diffs (inserted / changed /
removed cards, computed off the GUI thread by ``diff_cards``) with row-level signals, never a reset,
so the scroll position and the selection survive updates. The proxy only filters (one Python call per
row).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from videomanager.core.models import STATE_AMBIGUOUS, STATE_MANUAL, STATE_MATCHED, Card, resolution_rank
from videomanager.gui.plain import tooltip

CardRole = Qt.ItemDataRole.UserRole + 1  # the Card itself
CardIdRole = Qt.ItemDataRole.UserRole + 2

SORT_TITLE, SORT_YEAR, SORT_ADDED, SORT_SIZE, SORT_RESOLUTION = "title", "year", "added", "size", "resolution"
SORT_KEYS = (SORT_TITLE, SORT_YEAR, SORT_ADDED, SORT_SIZE, SORT_RESOLUTION)

FILTER_ALL, FILTER_MOVIES, FILTER_TV = "all", "movies", "tv"
FILTER_UNIDENTIFIED, FILTER_AMBIGUOUS, FILTER_SEVERAL, FILTER_MISSING = (
    "unidentified",
    "ambiguous",
    "several",
    "missing",
)
FILTER_UNSEEN, FILTER_GAPS = "unseen", "gaps"
FILTERS = (
    FILTER_ALL,
    FILTER_MOVIES,
    FILTER_TV,
    FILTER_UNIDENTIFIED,
    FILTER_AMBIGUOUS,
    FILTER_SEVERAL,
    FILTER_MISSING,
    FILTER_UNSEEN,
    FILTER_GAPS,
)


@dataclass
class CardsDiff:
    """What changed in the cards (plain data, made off the GUI thread)."""

    inserted: list[Card] = field(default_factory=list)
    changed: list[Card] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # Set by presort() off the GUI thread: ``inserted`` is in this order, with these sort keys.
    order: tuple[str, bool] | None = None
    keys: list | None = None

    def __bool__(self) -> bool:
        return bool(self.inserted or self.changed or self.removed)

    def __len__(self) -> int:
        return len(self.inserted) + len(self.changed) + len(self.removed)


def diff_cards(old: dict[str, Card], new: Iterable[Card]) -> tuple[CardsDiff, dict[str, Card]]:
    """The diff from ``old`` (id -> card) to ``new``, and ``new`` by id."""
    by_id = {c.id: c for c in new}
    diff = CardsDiff(
        inserted=[c for cid, c in by_id.items() if cid not in old],
        changed=[c for cid, c in by_id.items() if cid in old and old[cid] != c],
        removed=[cid for cid in old if cid not in by_id],
    )
    return diff, by_id


_ARTICLES = ("the ", "a ", "an ", "le ", "la ", "les ", "l'", "der ", "die ", "das ", "el ", "los ", "il ")
_ARTICLE = re.compile("(?:" + "|".join(re.escape(a) for a in _ARTICLES) + r")(?=[\s\S])")


def title_key(title: str) -> str:
    """A cheap sort key for titles (casefold, leading article dropped); much faster than normalize_title,
    which matters when 30,000 cards are sorted."""
    t = title.casefold().lstrip(" .'\"([")
    m = _ARTICLE.match(t)
    return t[m.end() :] if m else t


def sort_key(name: str) -> Callable[[Card], tuple]:
    """The key function for one sort order (ascending; the view reverses for descending)."""
    if name == SORT_YEAR:
        return lambda c: (c.year or 0, title_key(c.title), c.id)
    if name == SORT_ADDED:
        return lambda c: (c.added_at, title_key(c.title), c.id)
    if name == SORT_SIZE:
        return lambda c: (c.size, title_key(c.title), c.id)
    if name == SORT_RESOLUTION:
        return lambda c: (resolution_rank(c.best_resolution), title_key(c.title), c.id)
    return lambda c: (title_key(c.title), c.year or 0, c.id)


def key_function(name: str, descending: bool) -> Callable[[Card], object]:
    """The model's per-row key for a sort order (wrapped so that bisect on an ascending list of keys
    gives the descending order)."""
    key = sort_key(name)
    if descending:
        return lambda c: _Desc(key(c))
    return key


def presort(diff: CardsDiff, name: str, descending: bool) -> CardsDiff:
    """Sort a first fill's cards and compute their keys off the GUI thread; the model then takes them as they
    are (see CardModel.apply_diff)."""
    if name not in SORT_KEYS:
        name = SORT_TITLE
    key = key_function(name, descending)
    pairs = sorted(((key(c), c) for c in diff.inserted), key=lambda p: p[0])
    diff.keys = [p[0] for p in pairs]
    diff.inserted = [p[1] for p in pairs]
    diff.order = (name, descending)
    return diff


def search_text(card: Card) -> str:
    """What the search box matches: title, original title, year and every path (lower case)."""
    parts = [card.title, card.original_title or "", str(card.year or "")]
    parts.extend(v.path for v in card.versions)
    parts.extend(e.path for e in card.episodes)
    return "\n".join(parts).casefold()


class _Desc:
    """Wraps a key so that bisect on an ascending list gives a descending order."""

    __slots__ = ("k",)

    def __init__(self, k: tuple) -> None:
        self.k = k

    def __lt__(self, other: _Desc) -> bool:
        return other.k < self.k

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Desc) and other.k == self.k


class CardModel(QAbstractListModel):
    """All cards, kept in sort order. Updates arrive as CardsDiff and become row-level signals."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._cards: list[Card] = []
        self._keys: list = []  # sort key per row (parallel to _cards), for bisect
        # Each card's sort key: its row is found by bisection (keys end with the card id, so are unique).
        # A row-number index would need renumbering all rows after every insert or removal.
        self._key_of: dict[str, object] = {}
        self._search: dict[str, str] = {}
        self._sort_name = SORT_TITLE
        self._descending = False
        self._key_fn = key_function(SORT_TITLE, False)

    # -- Qt model interface -----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        card = self._cards[index.row()]
        if role == CardRole:
            return card
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{card.title} ({card.year})" if card.year else card.title
        if role == CardIdRole:
            return card.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(card.folder or card.title)
        return None

    # -- access ---------------------------------------------------------------------------------------
    def card_at(self, row: int) -> Card:
        return self._cards[row]

    def card(self, card_id: str) -> Card | None:
        row = self.row_of(card_id)
        return self._cards[row] if row is not None else None

    def row_of(self, card_id: str) -> int | None:
        key = self._key_of.get(card_id)
        if key is None:
            return None
        row = bisect.bisect_left(self._keys, key)
        if row < len(self._cards) and self._cards[row].id == card_id:
            return row
        return None  # not reached while the keys are unique and sorted

    def search_text_at(self, row: int) -> str:
        card = self._cards[row]
        text = self._search.get(card.id)
        if text is None:
            text = self._search[card.id] = search_text(card)
        return text

    def cards(self) -> list[Card]:
        return list(self._cards)

    @property
    def sort_name(self) -> str:
        return self._sort_name

    @property
    def descending(self) -> bool:
        return self._descending

    # -- ordering -------------------------------------------------------------------------------------
    def _key(self, card: Card):
        return self._key_fn(card)

    def set_sort(self, name: str, descending: bool = False) -> None:
        """Reorder the rows (one layoutChanged; persistent indexes, so the selection, follow)."""
        if name not in SORT_KEYS:
            name = SORT_TITLE
        self._sort_name, self._descending, self._key_fn = name, descending, key_function(name, descending)
        if not self._cards:
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [self._cards[p.row()].id for p in old_persistent]
        pairs = sorted(zip((self._key(c) for c in self._cards), self._cards, strict=True), key=lambda p: p[0])
        self._keys = [p[0] for p in pairs]
        self._cards = [p[1] for p in pairs]
        self._key_of = {c.id: k for k, c in pairs}
        new = [self.index(self.row_of(cid), 0) for cid in old_ids]  # type: ignore[arg-type]
        self.changePersistentIndexList(old_persistent, new)
        self.layoutChanged.emit()

    # -- updates --------------------------------------------------------------------------------------
    def apply_diff(self, diff: CardsDiff) -> None:
        """Apply one batch: removals, in-place changes (or a move when the sort key moved), insertions."""
        if (
            not self._cards
            and diff.keys is not None
            and diff.order == (self._sort_name, self._descending)
            and not diff.changed
            and len(diff.keys) == len(diff.inserted)
        ):
            self._fill(diff.inserted, diff.keys)
            return
        moved: list[Card] = []
        remove_rows: list[int] = []
        for card in diff.changed:
            row = self.row_of(card.id)
            if row is None:
                moved.append(card)
                continue
            key = self._key(card)
            fits = (row == 0 or not key < self._keys[row - 1]) and (
                row == len(self._cards) - 1 or not self._keys[row + 1] < key
            )
            if fits:
                self._cards[row] = card
                self._keys[row] = key
                self._key_of[card.id] = key
                self._search.pop(card.id, None)
                idx = self.index(row, 0)
                self.dataChanged.emit(idx, idx)
            else:
                remove_rows.append(row)
                moved.append(card)
        for cid in diff.removed:
            row = self.row_of(cid)
            if row is not None:
                remove_rows.append(row)
        self._remove_rows(remove_rows)
        self._insert(moved + list(diff.inserted))

    def _fill(self, cards: list[Card], keys: list) -> None:
        """The first fill of an empty model with sorted cards (one insert of every row)."""
        if not cards:
            return
        self.beginInsertRows(QModelIndex(), 0, len(cards) - 1)
        self._keys = list(keys)
        self._cards = list(cards)
        self._key_of = dict(zip([c.id for c in self._cards], self._keys, strict=True))
        self.endInsertRows()

    def _remove_rows(self, rows: list[int]) -> None:
        if not rows:
            return
        rows = sorted(set(rows), reverse=True)
        i = 0
        while i < len(rows):
            last = first = rows[i]
            while i + 1 < len(rows) and rows[i + 1] == first - 1:
                i += 1
                first = rows[i]
            self.beginRemoveRows(QModelIndex(), first, last)
            for card in self._cards[first : last + 1]:
                self._key_of.pop(card.id, None)
                self._search.pop(card.id, None)
            del self._cards[first : last + 1]
            del self._keys[first : last + 1]
            self.endRemoveRows()
            i += 1

    def _insert(self, cards: list[Card]) -> None:
        cards = [c for c in cards if c.id not in self._key_of]
        if not cards:
            return
        if not self._cards:
            pairs = sorted(((self._key(c), c) for c in cards), key=lambda p: p[0])
            self._fill([p[1] for p in pairs], [p[0] for p in pairs])
            return
        # Group the new cards by insertion point; insert from the end so earlier points stay valid.
        groups: dict[int, list[tuple]] = {}
        for c in cards:
            k = self._key(c)
            groups.setdefault(bisect.bisect_right(self._keys, k), []).append((k, c))
        for pos in sorted(groups, reverse=True):
            pairs = sorted(groups[pos], key=lambda p: p[0])
            self.beginInsertRows(QModelIndex(), pos, pos + len(pairs) - 1)
            self._keys[pos:pos] = [p[0] for p in pairs]
            self._cards[pos:pos] = [p[1] for p in pairs]
            self._key_of.update((c.id, k) for k, c in pairs)
            self.endInsertRows()


class CardFilterProxy(QSortFilterProxyModel):
    """Search (title, original title, year, path) and one filter; never sorts (the source does)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._filter = FILTER_ALL
        self._gaps: set[int] = set()  # collections owned in part (the "collections with gaps" filter)
        self.setDynamicSortFilter(True)

    @property
    def filter_name(self) -> str:
        return self._filter

    def _changing(self, apply: Callable[[], None]) -> None:
        begin = getattr(self, "beginFilterChange", None)
        if begin is not None:
            begin()
            apply()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # Qt < 6.9
            apply()
            self.invalidateRowsFilter()

    def set_search(self, text: str) -> None:
        words = text.casefold().split()
        if words != self._words:
            self._changing(lambda: setattr(self, "_words", words))

    def set_filter(self, name: str) -> None:
        name = name if name in FILTERS else FILTER_ALL
        if name != self._filter:
            self._changing(lambda: setattr(self, "_filter", name))

    def set_gaps(self, collections: set[int]) -> None:
        """The collections the gaps filter shows the films of."""
        if collections != self._gaps:
            if self._filter == FILTER_GAPS:
                self._changing(lambda: setattr(self, "_gaps", set(collections)))
            else:
                self._gaps = set(collections)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model: CardModel = self.sourceModel()  # type: ignore[assignment]
        card = model.card_at(source_row)
        if self._filter == FILTER_GAPS:
            if card.collection_id not in self._gaps:
                return False
        elif not card_passes(card, self._filter):
            return False
        if self._words:
            text = model.search_text_at(source_row)
            return all(w in text for w in self._words)
        return True

    def card_at(self, row: int) -> Card:
        return self.sourceModel().card_at(self.mapToSource(self.index(row, 0)).row())  # type: ignore[union-attr]


def card_passes(card: Card, name: str) -> bool:
    if name == FILTER_ALL:
        return True
    if name == FILTER_MOVIES:
        return card.kind == "movie" or (card.kind is None and not card.episodes)
    if name == FILTER_TV:
        return card.kind == "tv" or (card.kind is None and bool(card.episodes))
    if name == FILTER_UNIDENTIFIED:
        return card.state not in (STATE_MATCHED, STATE_MANUAL) or card.tmdb_id is None
    if name == FILTER_AMBIGUOUS:
        return card.state == STATE_AMBIGUOUS
    if name == FILTER_SEVERAL:
        return len(card.versions) > 1
    if name == FILTER_MISSING:
        return card.missing
    if name == FILTER_UNSEEN:
        return not card.seen
    return True


def diff_batches(diff: CardsDiff, size: int):
    """Split a diff into batches of at most ``size`` items (removals first, then changes, then inserts)."""
    size = max(1, size)
    items = (
        [("r", x) for x in diff.removed]
        + [("c", x) for x in diff.changed]
        + [("i", x) for x in diff.inserted]
    )
    for start in range(0, len(items), size):
        batch = CardsDiff()
        for tag, x in items[start : start + size]:
            (batch.removed if tag == "r" else batch.changed if tag == "c" else batch.inserted).append(x)
        yield batch
