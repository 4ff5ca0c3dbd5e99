"""SettingsDialog against the local TMDb stand-in over real HTTP: validation states, echo toggles,
credential detection, and OK / Cancel semantics (the dialog edits a copy)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit

from videomanager.core.settings import Settings
from videomanager.gui.plain import escape
from videomanager.gui.settings_dialog import INDICATOR_COLORS, SettingsDialog
from videomanager.tmdb import RetryPolicy, TMDbClient

BAD_KEY = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def fake(fake_tmdb: Any) -> Any:
    return fake_tmdb  # the stand-in from tests/gui/conftest.py


def _factory(fake: Any):
    def make(key: str, token: str) -> TMDbClient:
        return TMDbClient(
            api_key=key or None,
            access_token=token or None,
            base_url=fake.base_url,
            timeout=2.0,
            retry=RetryPolicy(base_delay=0.01, max_delay=0.02),
        )

    return make


def _dialog(qtbot, fake: Any, settings: Settings | None = None, **kw: Any) -> SettingsDialog:
    cleared: list[int] = kw.pop("cleared", [])
    dlg = SettingsDialog(
        settings if settings is not None else Settings(),
        client_factory=_factory(fake),
        requests_today=lambda: 123,
        clear_cache=lambda: cleared.append(1),
        **kw,
    )
    qtbot.addWidget(dlg)
    return dlg


def _validate(qtbot, dlg: SettingsDialog) -> Any:
    with qtbot.waitSignal(dlg.validation_finished, timeout=15000) as blocker:
        dlg.validate_button.click()
        # The check runs on a pool thread: the dialog reports "checking" while it waits.
        assert dlg.validation_state in ("checking", "valid", "invalid", "unreachable")
    return blocker.args[0]


def test_valid_api_key_turns_green(qtbot, fake):
    dlg = _dialog(qtbot, fake, Settings(tmdb_api_key=fake.API_KEY))
    assert dlg.validation_state == "untested"
    result = _validate(qtbot, dlg)
    assert result.status == "valid"
    assert dlg.validation_state == "valid"
    assert INDICATOR_COLORS["valid"] in dlg.indicator.styleSheet()
    assert dlg.validate_button.text() == "Validate" and dlg.validate_button.isEnabled()
    assert fake.API_KEY not in dlg.status_label.text()


def test_valid_access_token_turns_green(qtbot, fake):
    dlg = _dialog(qtbot, fake, Settings(tmdb_access_token=fake.ACCESS_TOKEN))
    assert _validate(qtbot, dlg).status == "valid"
    assert dlg.validation_state == "valid"


def test_invalid_key_is_red_with_tmdb_message(qtbot, fake):
    dlg = _dialog(qtbot, fake, Settings(tmdb_api_key=BAD_KEY))
    result = _validate(qtbot, dlg)
    assert result.status == "invalid"
    assert dlg.validation_state == "invalid"
    assert INDICATOR_COLORS["invalid"] in dlg.indicator.styleSheet()
    assert dlg.status_label.text().startswith("Invalid: TMDb refused")  # in the interface's language
    assert result.message and escape(result.message) in dlg.status_label.toolTip()  # TMDb's own words
    assert BAD_KEY not in dlg.status_label.text() and BAD_KEY not in dlg.status_label.toolTip()


def test_server_down_is_unreachable(qtbot, fake):
    dlg = _dialog(qtbot, fake, Settings(tmdb_api_key=fake.API_KEY))
    fake.faults.down = True
    result = _validate(qtbot, dlg)
    assert result.status == "unreachable"
    assert dlg.validation_state == "unreachable"
    assert INDICATOR_COLORS["unreachable"] in dlg.indicator.styleSheet()
    assert "reach" in dlg.status_label.text()


def test_editing_after_validation_turns_yellow_and_reopen_remembers(qtbot, fake):
    dlg = _dialog(qtbot, fake, Settings(tmdb_api_key=fake.API_KEY))
    result = _validate(qtbot, dlg)
    assert dlg.validation_state == "valid"
    dlg.key_edit.setText(fake.API_KEY[:-1] + "0")
    assert dlg.validation_state == "untested"
    assert INDICATOR_COLORS["untested"] in dlg.indicator.styleSheet()
    assert dlg.last_validation is None
    dlg.key_edit.setText(fake.API_KEY)  # back to the checked value: the result applies again
    assert dlg.validation_state == "valid"
    # Reopening with the remembered result shows it without a new request.
    again = _dialog(qtbot, fake, Settings(tmdb_api_key=fake.API_KEY), last_validation=result)
    assert again.validation_state == "valid"
    assert again.last_validation is result


def test_no_credential_is_missing_and_cannot_validate(qtbot, fake):
    dlg = _dialog(qtbot, fake)
    assert dlg.validation_state == "missing"
    assert not dlg.validate_button.isEnabled()


def test_show_hide_toggles_echo_mode(qtbot, fake):
    dlg = _dialog(qtbot, fake, Settings(tmdb_api_key=fake.API_KEY))
    assert dlg.key_edit.echoMode() == QLineEdit.EchoMode.Password
    dlg.key_toggle.click()
    assert dlg.key_edit.echoMode() == QLineEdit.EchoMode.Normal
    assert dlg.key_toggle.text() == "Hide"
    dlg.key_toggle.click()
    assert dlg.key_edit.echoMode() == QLineEdit.EchoMode.Password
    assert dlg.token_edit.echoMode() == QLineEdit.EchoMode.Password
    dlg.token_toggle.click()
    assert dlg.token_edit.echoMode() == QLineEdit.EchoMode.Normal


def test_detected_credential_type_and_misplaced_warning(qtbot, fake):
    dlg = _dialog(qtbot, fake)
    dlg.key_edit.setText(fake.API_KEY)
    assert "v3 API key" in dlg.key_type.text()
    dlg.token_edit.setText(fake.ACCESS_TOKEN)
    assert "v4 read access token" in dlg.token_type.text()
    assert "belongs" not in dlg.token_type.text()
    dlg.token_edit.setText(fake.API_KEY)  # a v3 key pasted into the token field
    assert "v3 API key" in dlg.token_type.text() and "belongs in the API key field" in dlg.token_type.text()
    dlg.key_edit.setText(fake.ACCESS_TOKEN)  # and the reverse
    assert "belongs in the access token field" in dlg.key_type.text()
    dlg.key_edit.setText("hello")
    assert "Not a TMDb key" in dlg.key_type.text()


def test_cancel_returns_nothing_and_ok_returns_edited_copy(qtbot, fake, tmp_path):
    original = Settings(tmdb_api_key=fake.API_KEY, language="en-US")
    before = original.copy()
    folders = [str(tmp_path / "a")]
    dlg = _dialog(qtbot, fake, original, folders=folders)
    dlg.language_combo.setCurrentText("fr-FR")
    dlg.reject()
    assert dlg.result() == QDialog.DialogCode.Rejected
    assert dlg.result_settings() is None and dlg.result_folders() is None
    assert original == before

    dlg = _dialog(qtbot, fake, original, folders=folders)
    dlg.language_combo.setCurrentText("fr-FR")
    dlg.region_combo.setCurrentText("fr")
    dlg.adult_check.setChecked(True)
    dlg.rate_spin.setValue(4)
    dlg.limit_spin.setValue(5000)
    assert dlg.add_folder(str(tmp_path / "b"))
    assert not dlg.add_folder(str(tmp_path / "b"))  # no duplicates
    dlg.ui_language_combo.setCurrentIndex(dlg.ui_language_combo.findData("fr"))
    dlg.key_edit.setText(f'  "{fake.API_KEY}" ')  # pasted with quotes and spaces
    dlg.accept()
    edited = dlg.result_settings()
    assert edited is not None and edited is not original
    assert edited.language == "fr-FR" and edited.region == "FR" and edited.include_adult
    assert edited.requests_per_second == 4.0 and edited.daily_request_limit == 5000
    assert dlg.result_folders() == [str(tmp_path / "a"), str(tmp_path / "b")]
    assert folders == [str(tmp_path / "a")]  # the list given was not changed
    assert edited.ui_language == "fr"
    assert edited.tmdb_api_key == fake.API_KEY
    assert original == before  # the original was never mutated


def test_usage_folders_and_clear_cache_confirmation(qtbot, fake, tmp_path):
    cleared: list[int] = []
    dlg = _dialog(qtbot, fake, Settings(), cleared=cleared, folders=[str(tmp_path)])
    assert "123 used today" in dlg.usage_label.text()
    dlg.clear_button.click()
    assert not cleared and not dlg.confirm_box.isHidden()
    dlg.keep_cache_button.click()
    assert not cleared and dlg.confirm_box.isHidden()
    dlg.clear_button.click()
    dlg.confirm_clear_button.click()
    assert cleared == [1]
    assert dlg.cache_status.text() == "Cache cleared."
    assert dlg.folders_note.isHidden()
    dlg.folder_list.item(0).setSelected(True)
    dlg.remove_selected_folders()
    assert dlg.folders() == []
    assert not dlg.folders_note.isHidden()  # says what OK will do to the removed folder's videos


def test_tmdbs_words_in_the_check_result_are_plain_text(qtbot):
    """A 401 whose status message holds markup (a proxy's page, a hostile server) shows as the words it is,
    in the label and in the indicator's tooltip."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from PySide6.QtCore import Qt

    words = '<img src="/etc/passwd"> Tom &amp; <a href="file:///">Jerry</a>'

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            body = json.dumps({"status_code": 7, "status_message": words, "success": False}).encode()
            self.send_response(401)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_a) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/3"
        dlg = SettingsDialog(Settings(tmdb_api_key=BAD_KEY), requests_today=lambda: 0, clear_cache=lambda: None,
                             client_factory=lambda k, t: TMDbClient(api_key=k or None, base_url=base, timeout=2.0))  # fmt: skip
        qtbot.addWidget(dlg)
        assert _validate(qtbot, dlg).status == "invalid"
    finally:
        server.shutdown()
    assert dlg.status_label.textFormat() == Qt.TextFormat.PlainText
    from PySide6.QtGui import QTextDocument

    for tip in (dlg.indicator.toolTip(), dlg.status_label.toolTip()):
        doc = QTextDocument()
        doc.setHtml(tip)
        assert words in doc.toPlainText()  # the tooltips show the words, not an image and a link
