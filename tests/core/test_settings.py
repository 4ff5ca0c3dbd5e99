import json
import os
import stat

from videomanager.core.paths import resolve_paths
from videomanager.core.settings import Settings, SettingsStore
from videomanager.tmdb.factory import effective_credentials

KEY = "0123456789abcdef0123456789abcdef"


def test_defaults_when_no_file(tmp_path):
    result = SettingsStore(tmp_path / "settings.json").load()
    assert result.settings == Settings()
    assert result.settings.language == "en-US"
    assert result.notice is None


def test_roundtrip_is_atomic_owner_only_and_keeps_unknown_keys(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"tmdb_api_key": KEY, "future_option": {"a": 1}, "language": "fr-FR"}))
    store = SettingsStore(path)
    s = store.load().settings
    assert s.tmdb_api_key == KEY and s.language == "fr-FR"
    s.daily_request_limit = 500
    store.save(s)
    data = json.loads(path.read_text())
    assert data["future_option"] == {"a": 1}
    assert data["daily_request_limit"] == 500
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".settings-")]  # no temp file left


def test_corrupt_file_is_kept_aside_and_user_told_once(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"tmdb_api_key": "abc", truncated')
    result = SettingsStore(path).load()
    assert result.settings == Settings()
    assert "damaged" in result.notice and "corrupt-" in result.notice
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("settings.json.corrupt-")]
    assert len(aside) == 1 and "truncated" in aside[0].read_text()
    assert not path.exists()
    assert SettingsStore(path).load().notice is None  # told once


def test_garbage_bytes_and_non_object(tmp_path):
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    assert SettingsStore(path).load().notice
    path.write_text("[1, 2, 3]")
    assert "top level" in SettingsStore(path).load().notice


def test_wrong_types_fall_back_per_key_and_original_is_kept(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "include_adult": "yes",
                "requests_per_second": "5",
                "daily_request_limit": -3,
                "library_folders": "/movies",
                "language": "de-DE",
            }
        )
    )
    result = SettingsStore(path).load()
    s = result.settings
    assert s.include_adult is False  # default
    assert s.requests_per_second == 5.0  # lossless conversion accepted
    assert s.daily_request_limit == Settings().daily_request_limit
    assert s.library_folders == []
    assert s.language == "de-DE"
    assert "include_adult" in result.notice and "library_folders" in result.notice
    assert any(p.name.startswith("settings.json.corrupt-") for p in tmp_path.iterdir())


def test_secret_never_in_repr_or_notice(tmp_path):
    s = Settings(tmdb_api_key=KEY, tmdb_access_token="eyJhbGciOiJIUzI1NiJ9.e30.abc")
    assert KEY not in repr(s) and "eyJ" not in repr(s)
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"tmdb_api_key": KEY, "include_adult": 3}))
    notice = SettingsStore(path).load().notice
    assert KEY not in notice


def test_unreadable_file_is_never_overwritten(tmp_path):
    path = tmp_path / "settings.json"
    path.mkdir()  # a directory where the file should be: reading fails with an OSError
    store = SettingsStore(path)
    result = store.load()
    assert not result.writable and "untouched" in result.notice
    try:
        store.save(Settings())
    except OSError as exc:
        assert "not overwritten" in str(exc)
    else:
        raise AssertionError("save must refuse")


def test_env_overrides_credentials():
    s = Settings(tmdb_api_key="file-key")
    assert effective_credentials(s, {"TMDB_API_KEY": KEY}) == (KEY, "")
    assert effective_credentials(s, {}) == ("file-key", "")


def test_data_dir_puts_everything_in_one_place(tmp_path):
    p = resolve_paths(tmp_path / "d", env={})
    for f in (p.settings_file, p.library_db, p.tmdb_cache, p.posters_dir):
        assert str(f).startswith(str((tmp_path / "d").resolve()))
    env_p = resolve_paths(None, env={"VIDEOMANAGER_DATA_DIR": str(tmp_path / "e")})
    assert env_p.library_db.parent == (tmp_path / "e").resolve()
