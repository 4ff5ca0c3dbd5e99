"""Details seen by eye: information messages go by themselves, the selection follows a card through a fix,
Identify says when it has nothing to do, plurals agree ("1 file", "1 card"), placeholder titles wrap between
words, and the focus stays on Validate after a check."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextOption

from tests.gui.conftest import scanned_sample
from videomanager.gui.message_bar import LEVEL_INFO, LEVEL_WARNING, MessageBar


def test_information_goes_by_itself_warnings_stay(qtbot):
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.info_timeout_ms = 150
    bar.show_message("merge", "3 cards merged.", LEVEL_INFO)
    bar.show_message("root", "A folder could not be read.", LEVEL_WARNING)
    bar.show_message("asks", "Add a folder first.", LEVEL_INFO, [("Add folder…", lambda: None)])
    qtbot.waitUntil(lambda: bar.message("merge") is None, timeout=2000)
    qtbot.wait(300)
    assert set(bar.keys()) == {"asks", "root"}


def test_the_selection_follows_the_card_through_a_fix(qtbot, window_factory, tmp_path):
    from videomanager.core.decisions import set_match

    w = scanned_sample(qtbot, window_factory, tmp_path / "videos", distinct=True)
    inception = next(c for c in w.model.cards() if c.title.startswith("Inception"))
    assert inception.id.startswith("local:")
    w.select_card(inception.id)
    ids = [i for v in inception.versions for i in v.file_ids]
    library = w.library
    w.run_task("match", lambda: set_match(library, ids, "movie", 27205, {"id": 27205, "title": "Inception"}))
    qtbot.waitUntil(
        lambda: w.current_card() is not None and w.current_card().id == "movie:27205", timeout=5000
    )
    assert w.detail.card.id == "movie:27205"


@pytest.mark.slow
def test_identify_says_when_it_has_nothing_to_do(qtbot, window_factory, tmp_path, fake_tmdb):
    from videomanager.core.settings import Settings
    from videomanager.tmdb import TMDbClient

    client = TMDbClient(api_key=fake_tmdb.API_KEY, base_url=fake_tmdb.base_url)
    settings = Settings(tmdb_api_key=fake_tmdb.API_KEY, tmdb_url=fake_tmdb.base_url)
    w = scanned_sample(qtbot, window_factory, tmp_path / "videos", client=client, settings=settings)
    if w.is_identifying():
        with qtbot.waitSignal(w.identify_finished, timeout=20_000):
            pass
    assert w.message_bar.message("identify") is None
    with qtbot.waitSignal(w.identify_finished, timeout=20_000):
        w.start_identify()
    msg = w.message_bar.message("identify")
    assert msg is not None and msg.text.startswith("Nothing to identify")
    assert [b.text() for b in msg.buttons] == ["Look again at the titles not found or ambiguous"]
    client.close()


def test_plurals_agree(qtbot, window_factory, tmp_path):
    from videomanager.gui.card_delegate import CardDelegate
    from videomanager.gui.match_dialog import MatchDialog

    w = scanned_sample(qtbot, window_factory, tmp_path / "videos")
    heat = next(c for c in w.model.cards() if c.title.startswith("Heat"))
    dialog = MatchDialog(heat, client=None, parent=w)
    assert dialog.scope_card.text() == "The whole card (1 file)"
    bad = next(c for c in w.model.cards() if c.episodes)
    assert "2 episodes" in CardDelegate._subtitle(bad)
    w.search.setText("Inception")
    qtbot.waitUntil(lambda: w.count_label.text() == "1 of 5 cards", timeout=3000)


def test_placeholder_titles_wrap_between_words():
    from videomanager.gui.card_delegate import _WRAP_OPTION

    assert _WRAP_OPTION.wrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere


@pytest.mark.slow
def test_the_focus_stays_on_validate(qtbot, fake_tmdb):
    from videomanager.core.settings import Settings
    from videomanager.gui.settings_dialog import SettingsDialog
    from videomanager.tmdb import TMDbClient

    dlg = SettingsDialog(Settings(tmdb_api_key=fake_tmdb.API_KEY), requests_today=lambda: 0, clear_cache=lambda: None,
                         client_factory=lambda k, t: TMDbClient(api_key=k or None, base_url=fake_tmdb.base_url))  # fmt: skip
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.validate_button.setFocus()
    assert dlg.focusWidget() is dlg.validate_button
    dlg.validate_button.click()  # the button is disabled while TMDb is asked: the focus moves on
    qtbot.waitUntil(lambda: dlg.validation_state == "valid", timeout=10_000)
    assert dlg.focusWidget() is dlg.validate_button  # and comes back
