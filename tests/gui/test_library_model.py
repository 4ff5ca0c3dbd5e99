"""CardModel + CardFilterProxy: filters, search, sort, and diffs applied in place (no reset)."""

from __future__ import annotations

from msgspec.structs import replace
from PySide6.QtCore import QPersistentModelIndex

from videomanager.core.models import Card, Episode, Version
from videomanager.gui.library_model import CardFilterProxy, CardModel, CardRole, diff_cards


def card(cid: str, title: str, year: int | None = None, *, state: str = "matched", kind: str | None = "movie",
         versions: int = 1, res: str = "1080p", missing: bool = False, added: float = 0.0, size: int = 100,
         episodes: int = 0, original: str | None = None) -> Card:  # fmt: skip
    vs = tuple(Version(path=f"/lib/{cid}/{title}.{i}.mkv", parts=(f"/lib/{cid}/{title}.{i}.mkv",), size=size,
                       resolution=res, missing=missing) for i in range(versions))  # fmt: skip
    eps = tuple(
        Episode(path=f"/tv/{title}/e{i}.mkv", season=1, episode=i, size=size) for i in range(episodes)
    )
    return Card(id=cid, tmdb_id=1 if state == "matched" else None, kind=kind, title=title, year=year, state=state,
                versions=() if episodes else vs, episodes=eps, added_at=added, original_title=original)  # fmt: skip


def titles(proxy: CardFilterProxy) -> list[str]:
    return [proxy.index(r, 0).data(CardRole).title for r in range(proxy.rowCount())]


def build(cards: list[Card]) -> tuple[CardModel, CardFilterProxy]:
    model = CardModel()
    proxy = CardFilterProxy()
    proxy.setSourceModel(model)
    diff, _ = diff_cards({}, cards)
    model.apply_diff(diff)
    return model, proxy


CARDS = [
    card("movie:1", "The Matrix", 1999, versions=2, res="1080p", added=3, size=500, original="Matrix"),
    card(
        "movie:2",
        "Amélie",
        2001,
        res="720p",
        added=1,
        size=100,
        original="Le Fabuleux Destin d'Amélie Poulain",
    ),
    card("tv:3", "Breaking Bad", 2008, kind="tv", episodes=3, added=2, size=50),
    card("local:a", "Unknown Thing", None, state="not_found", kind=None, res="480p", added=4, missing=True),
    card("local:b", "Heat", 1995, state="ambiguous", kind=None, res="2160p", added=5, size=900),
]


def test_sorted_by_title_then_other_keys(qapp) -> None:
    model, proxy = build(CARDS)
    assert titles(proxy) == ["Amélie", "Breaking Bad", "Heat", "The Matrix", "Unknown Thing"]
    model.set_sort("year")
    assert titles(proxy)[1:] == ["Heat", "The Matrix", "Amélie", "Breaking Bad"]  # no year first
    model.set_sort("added", descending=True)
    assert titles(proxy) == ["Heat", "Unknown Thing", "The Matrix", "Breaking Bad", "Amélie"]
    model.set_sort("size", descending=True)
    assert titles(proxy)[:2] == ["The Matrix", "Heat"]  # 2 x 500 bytes, then 900
    model.set_sort("resolution", descending=True)
    assert titles(proxy)[0] == "Heat" and titles(proxy)[-2:] == [
        "Unknown Thing",
        "Breaking Bad",
    ]  # 480p, none


def test_filters(qapp) -> None:
    _model, proxy = build(CARDS)
    expected = {
        "movies": {"The Matrix", "Amélie", "Unknown Thing", "Heat"},
        "tv": {"Breaking Bad"},
        "unidentified": {"Unknown Thing", "Heat"},
        "ambiguous": {"Heat"},
        "several": {"The Matrix"},
        "missing": {"Unknown Thing"},
        "all": {c.title for c in CARDS},
    }
    for name, want in expected.items():
        proxy.set_filter(name)
        assert set(titles(proxy)) == want, name


def test_search_title_original_year_path(qapp) -> None:
    _model, proxy = build(CARDS)
    for text, want in [("matrix", {"The Matrix"}), ("fabuleux", {"Amélie"}), ("1995", {"Heat"}),
                       ("/tv/breaking", {"Breaking Bad"}), ("AMÉLIE 2001", {"Amélie"}), ("zzz", set())]:  # fmt: skip
        proxy.set_search(text)
        assert set(titles(proxy)) == want, text
    proxy.set_search("")
    proxy.set_filter("movies")
    proxy.set_search("heat")
    assert titles(proxy) == ["Heat"]


def test_diff_applied_in_place_keeps_selection(qapp, qtbot) -> None:
    model, proxy = build(CARDS)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    keep = QPersistentModelIndex(model.index(model.row_of("movie:1"), 0))
    old = {c.id: c for c in CARDS}
    new_cards = [c for c in CARDS if c.id != "local:a"]  # removed
    new_cards = [
        replace(c, state="manual") if c.id == "movie:2" else c for c in new_cards
    ]  # changed in place
    new_cards = [
        replace(c, title="Aaa Heat") if c.id == "local:b" else c for c in new_cards
    ]  # changed and moved
    new_cards.append(card("movie:9", "Zodiac", 2007))  # inserted
    diff, snapshot = diff_cards(old, new_cards)
    assert {c.id for c in diff.inserted} == {"movie:9"}
    assert {c.id for c in diff.changed} == {"movie:2", "local:b"}
    assert diff.removed == ["local:a"]
    model.apply_diff(diff)
    assert resets == []
    assert titles(proxy) == ["Aaa Heat", "Amélie", "Breaking Bad", "The Matrix", "Zodiac"]
    assert keep.isValid() and keep.data(CardRole).id == "movie:1"
    assert model.card("movie:2").state == "manual"
    again, _ = diff_cards(snapshot, new_cards)
    assert not again


def test_inserts_in_many_batches_stay_sorted(qapp) -> None:
    model = CardModel()
    model.set_sort("year", descending=True)
    cards = [card(f"movie:{i}", f"T{i:03d}", 1900 + (i * 37) % 120) for i in range(300)]
    snapshot: dict = {}
    for start in range(0, 300, 70):
        diff, snapshot = diff_cards(snapshot, cards[: start + 70])
        model.apply_diff(diff)
    years = [model.card_at(r).year for r in range(model.rowCount())]
    assert model.rowCount() == 300
    assert years == sorted(years, reverse=True)
    assert all(model.row_of(model.card_at(r).id) == r for r in range(300))


def _exercise(model: CardModel, proxy: CardFilterProxy) -> None:
    """Cards filled, changed, moved, removed, sorted, searched and filtered."""
    diff, shown = diff_cards({}, CARDS)
    model.apply_diff(diff)
    changed = [replace(c, title="Zulu " + c.title) if c.id in ("movie:2", "local:a") else c for c in CARDS]
    changed = [c for c in changed if c.id != "tv:3"] + [card("movie:9", "Alien", 1979)]
    diff, shown = diff_cards(shown, changed)
    model.apply_diff(diff)
    model.set_sort("size", descending=True)
    proxy.set_search("zulu")
    proxy.set_filter("movies")
    proxy.set_search("")
    diff, shown = diff_cards(shown, [])
    model.apply_diff(diff)
    assert model.rowCount() == 0


def test_the_card_model_follows_qt_model_rules(qtmodeltester) -> None:
    """pytest-qt's model tester checks every signal, row count and index the model gives meanwhile."""
    model = CardModel()
    proxy = CardFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(model, force_py=True)
    _exercise(model, proxy)


def test_the_filter_proxy_follows_qt_model_rules(qtmodeltester) -> None:
    model = CardModel()
    proxy = CardFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    _exercise(model, proxy)
