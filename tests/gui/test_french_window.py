"""No English from the core in the French window: a window in French identifies a library through the
local TMDb stand-in (matched, ambiguous, not found, a show, a file that is not a regular file), shows each
card's details, a collection, a person, and a TMDb error; every text it shows is read, the data (titles,
file names, TMDb's own texts) is taken out, and no word of the core's English messages may be left."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QListWidget,
    QTableWidget,
    QTreeWidget,
)

from tests.gui.conftest import make_tree, wait_cards
from videomanager.core.settings import Settings

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
TREE = [
    "Films/The.Matrix.1999.1080p.BluRay.x264-GRP.mkv",
    "Films/Alien (1979)/Alien (1979) {tmdb-348}.mkv",
    "Films/Halloween.1080p.BluRay.x264.mkv",
    "Films/Heat (1995)/Heat.1995.2160p.UHD.BluRay.HDR.x265.mkv",
    "Home/VID_20190704_183022.mp4",
    "TV/Breaking Bad/Season 1/Breaking.Bad.S01E01.720p.mkv",
    "TV/Breaking Bad/Season 1/Breaking.Bad.S01E02.720p.mkv",
]


def core_english_words() -> set[str]:
    """Words of the sentences the core says in English, less the words the French interface uses too."""
    from videomanager.core import identify, indexer, library, reasons
    from videomanager.tmdb import errors

    texts = list(reasons.PHRASES.values())
    texts += [
        c.default_message
        for c in vars(errors).values()
        if isinstance(c, type) and hasattr(c, "default_message")
    ]
    texts += [identify.RATE_LIMIT_STOP, library.BUSY_MESSAGE, indexer.EMPTY_ROOT]
    texts += [
        "Daily TMDb request limit reached: identification continues tomorrow, or raise the limit in Settings."
    ]
    words = set(re.findall(r"[a-z]{3,}", " ".join(texts).lower()))
    ts = ET.parse(ROOT / "resources" / "translations" / "videomanager_fr.ts").getroot()
    french = " ".join(t.text or "" for t in ts.iter("translation")) + " ".join(
        f.text or "" for f in ts.iter("numerusform")
    )
    french = re.sub(r"\{\w+\}", " ", french)  # placeholders ({title}) are not words
    return words - set(re.findall(r"[a-zà-ÿ]{3,}", french.lower())) - {"tmdb", "imdb", "tvdb", "api"}


def shown_texts(w) -> list[str]:
    """Every text the window shows now (widgets, menus, status bar, and what the grid paints per card)."""
    from videomanager.gui.card_delegate import CardDelegate, card_badges, state_label

    out = [w.windowTitle()]
    data_widgets = {w.detail.title, w.detail.overview, w.detail.credits}  # TMDb's texts, not ours
    for widget in w.findChildren(QLabel):
        if widget.isVisible() and widget not in data_widgets:
            out.append(re.sub(r"<[^>]+>", " ", widget.text()))
    out += [b.text() for b in w.findChildren(QAbstractButton) if b.isVisible()]
    for combo in w.findChildren(QComboBox):
        out += [combo.itemText(i) for i in range(combo.count())]
    for table in w.findChildren(QTableWidget):
        out += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        out += [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())
                if table.item(r, c) is not None]  # fmt: skip
    for tree in w.findChildren(QTreeWidget):
        out += [tree.headerItem().text(c) for c in range(tree.columnCount())]
        stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            out += [item.text(c) for c in range(tree.columnCount())]
            stack += [item.child(i) for i in range(item.childCount())]
    for lst in w.findChildren(QListWidget):
        out += [lst.item(i).text() for i in range(lst.count())]
    for menu_action in w.menuBar().actions():
        out.append(menu_action.text())
        out += [a.text() for a in menu_action.menu().actions()]
    out += w.message_bar.texts()
    for card in w.model.cards():
        out += [state_label(card.state), CardDelegate._subtitle(card), *card_badges(card)]
    return [t for t in out if t]


def strip_data(text: str, w, extra: set[str] = frozenset()) -> str:
    """The text less the data it quotes: titles, file and folder names, paths, collection names."""
    text = text.replace("\u200b", "")
    data: set[str] = set()
    for card in w.model.cards():
        data |= {card.title, card.original_title or "", card.folder or "", card.collection_name or ""}
        paths = [p for v in card.versions for p in v.parts] + [e.path for e in card.episodes]
        paths += [x.path for x in card.extras]
        for p in paths:
            data |= {p, os.path.basename(p), os.path.dirname(p)}
        data |= {e.title or "" for e in card.episodes}
        data |= {v.edition or "" for v in card.versions}
    for d in sorted((d for d in data | extra if d), key=len, reverse=True):
        text = text.replace(d, " ")
    return text


def leaks(
    texts: list[str], w, english: set[str], extra: set[str] = frozenset()
) -> list[tuple[str, list[str]]]:
    found = []
    for text in texts:
        words = set(re.findall(r"[A-Za-z]{3,}", strip_data(text, w, extra)))
        bad = sorted(x for x in words if x.lower() in english)
        if bad:
            found.append((text, bad))
    return found


@pytest.fixture
def french(qapp):
    from videomanager.gui.i18n import install_translator

    install_translator(qapp, "fr")
    yield
    install_translator(qapp, "en")


def test_no_english_from_the_core_reaches_the_french_window(
    qtbot, window_factory, tmp_path, fake_tmdb, french
):
    from videomanager.core.paths import resolve_paths
    from videomanager.gui.main_window import Hooks
    from videomanager.tmdb.factory import build_client

    english = core_english_words()
    assert {"title", "year", "exact", "candidate", "floor", "again", "credential"} <= english
    root = tmp_path / "videos"
    make_tree(root, TREE, distinct=True)
    os.mkfifo(root / "Films" / "Pipe.2001.mkv")  # named like a video: the scan names it as not read
    data = tmp_path / "data"
    data.mkdir()
    settings = Settings(tmdb_api_key=fake_tmdb.API_KEY, tmdb_url=fake_tmdb.base_url, language="fr-FR")
    holder: dict = {}
    hooks = Hooks(client_factory=lambda s: build_client(s, resolve_paths(data), holder["w"].library))
    w = holder["w"] = window_factory(settings=settings, data=data, hooks=hooks)
    w.apply_settings(settings.copy())
    with qtbot.waitSignal(w.identify_finished, timeout=30_000):
        w.add_folders([str(root)])
    wait_cards(qtbot, w, 6)
    texts = shown_texts(w)
    tmdb_names: set[str] = set()
    for card in w.model.cards():  # every card's details, with its reasons and files
        w.select_card(card.id)
        if card.tmdb_id:
            qtbot.waitUntil(lambda: w.detail.overview.text() != "Chargement des détails…", timeout=10_000)
        texts += shown_texts(w)
        episodes = [r for s in w.detail._details.get("season_episodes") or [] for r in s["episodes"]]
        tmdb_names.update(r[1] or "" for r in episodes)  # TMDb's names of the episodes no file holds
    alien = next(c for c in w.model.cards() if c.tmdb_id == 348)
    w.select_card(alien.id)
    qtbot.waitUntil(lambda: "sur 5" in w.detail.collection.text(), timeout=10_000)
    texts += shown_texts(w)
    w.collections.open_collection_of(w.detail.card)
    dialog = w.collections.dialogs[-1]
    texts += [
        dialog.summary.text(),
        *(dialog.films.item(i).text().split("\n")[1] for i in range(dialog.films.count())),
    ]
    w.apply_settings(Settings(tmdb_api_key="0" * 32, tmdb_url=fake_tmdb.base_url, language="fr-FR"))
    make_tree(root, ["Films/Inception.2010.mkv"], distinct=True)  # a new title: TMDb is asked, and refuses
    with qtbot.waitSignal(w.identify_finished, timeout=30_000):  # a TMDb error, worded by its kind
        w.rescan()
    qtbot.waitUntil(lambda: any("TMDb a refusé" in t for t in w.message_bar.texts()), timeout=10_000)
    texts += shown_texts(w)
    assert any("titre" in t for t in texts) and any("Non lu" in t or "pas un fichier" in t for t in texts)
    assert leaks(texts, w, english, tmdb_names) == []
