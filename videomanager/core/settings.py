"""The user's settings: every key, its type and its default declared once, stored as settings.json.

Loading never stops the program: a file that cannot be parsed is moved aside as
``settings.json.corrupt-<time>`` and defaults are used; a value of the wrong type falls back to its
default (the original file is kept aside too, so nothing the user wrote is lost). Saving is atomic
(temp file + replace) and the file is readable by its owner only. Keys this version does not know
survive a save. The TMDb key and token are never put in a message.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import shutil
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

SECRET_KEYS = ("tmdb_api_key", "tmdb_access_token")


@dataclass
class Settings:
    """Every setting of the program. The dataclass fields are the schema: name, type, default."""

    tmdb_api_key: str = ""  # v3 API key (32 hex characters)
    tmdb_access_token: str = ""  # v4 read access token (a JWT), sent as Authorization: Bearer
    language: str = "en-US"  # TMDb metadata language
    region: str = ""  # ISO 3166-1 country for release dates, "" = none
    include_adult: bool = False
    requests_per_second: float = 10.0  # well below TMDb's ~40/s ceiling
    daily_request_limit: int = 20000  # 0 = no limit
    # Older versions kept the library folders here. The library database is their one home now: it
    # takes these over once (adopt_settings_folders), after which this is empty and no longer written.
    library_folders: list[str] = field(default_factory=list)
    ui_language: str = ""  # "" = follow the system locale; "en", "fr"
    tmdb_url: str = ""  # "" = https://api.themoviedb.org/3 (VIDEOMANAGER_TMDB_URL overrides)
    watch_folders: bool = True  # the window picks up changes in library folders without Rescan
    mark_seen_on_play: bool = False  # Play marks what it opens as seen
    # Keys found in settings.json that this version does not know; written back unchanged.
    extra: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __repr__(self) -> str:  # never show the secrets
        shown = []
        for f in fields(self):
            if f.name == "extra":
                continue
            value = getattr(self, f.name)
            if f.name in SECRET_KEYS:
                value = "<set>" if value else "<empty>"
            shown.append(f"{f.name}={value!r}")
        return f"Settings({', '.join(shown)})"

    def copy(self) -> Settings:
        return dataclasses.replace(self, library_folders=list(self.library_folders), extra=dict(self.extra))

    def to_json_dict(self) -> dict[str, Any]:
        out = dict(self.extra)
        for f in fields(self):
            if f.name != "extra" and not (f.name == "library_folders" and not self.library_folders):
                out[f.name] = getattr(self, f.name)
        return out


def _coerce(name: str, expected: Any, value: Any) -> tuple[Any, bool]:
    """Return (value, ok): accept a value of the declared type, or a lossless conversion of it."""
    if expected is bool or expected == "bool":
        if isinstance(value, bool):
            return value, True
        return None, False
    if expected in (int, "int"):
        if isinstance(value, bool):
            return None, False
        if isinstance(value, int):
            return value, value >= 0
        if isinstance(value, float) and value.is_integer() and value >= 0:
            return int(value), True
        if isinstance(value, str) and value.strip().isdigit():
            return int(value.strip()), True
        return None, False
    if expected in (float, "float"):
        if isinstance(value, bool):
            return None, False
        if isinstance(value, (int, float)) and value > 0:
            return float(value), True
        if isinstance(value, str):
            try:
                f = float(value)
            except ValueError:
                return None, False
            return f, f > 0
        return None, False
    if expected in (str, "str"):
        if isinstance(value, str):
            return value.strip() if name in SECRET_KEYS else value, True
        return None, False
    if str(expected).startswith("list"):
        if isinstance(value, list) and all(isinstance(x, str) for x in value):
            return list(value), True
        return None, False
    return value, True


@dataclass
class LoadResult:
    settings: Settings
    notice: str | None = None  # one sentence to show the user once, or None
    writable: bool = True  # False when the file exists but could not be read (never overwrite it)


class SettingsStore:
    """Loads and saves settings.json at one path."""

    def __init__(self, path: str | os.PathLike[str], clock=time.time) -> None:
        self.path = Path(path)
        self._clock = clock
        self.writable = True

    def _aside_name(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(self._clock()))
        candidate = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while candidate.exists():
            n += 1
            candidate = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        return candidate

    def load(self) -> LoadResult:
        try:
            raw_bytes = self.path.read_bytes()
        except FileNotFoundError:
            return LoadResult(Settings())
        except OSError as exc:
            # It exists but we cannot read it: use defaults and never write over it.
            self.writable = False
            return LoadResult(
                Settings(),
                notice=f"Could not read {self.path} ({exc.strerror or exc}); using default settings "
                "and leaving the file untouched.",
                writable=False,
            )
        try:
            data = json.loads(raw_bytes.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("the top level is not an object")
        except (ValueError, UnicodeDecodeError) as exc:
            aside = self._move_aside()
            where = f"kept as {aside.name}" if aside else "left in place"
            return LoadResult(
                Settings(),
                notice=f"settings.json was damaged ({_short_reason(exc)}); it was {where} and default "
                "settings are used.",
                writable=self.writable,
            )
        settings, bad = self._from_dict(data)
        notice = None
        if bad:
            aside = self._copy_aside()
            where = f" (the original is kept as {aside.name})" if aside else ""
            notice = (
                f"Some settings had values of the wrong type ({', '.join(sorted(bad))}); their defaults are "
                f"used{where}."
            )
        return LoadResult(settings, notice=notice, writable=self.writable)

    @staticmethod
    def _from_dict(data: Mapping[str, Any]) -> tuple[Settings, list[str]]:
        settings = Settings()
        bad: list[str] = []
        known = {f.name: f for f in fields(Settings) if f.name != "extra"}
        for key, value in data.items():
            if key not in known:
                settings.extra[key] = value
                continue
            f = known[key]
            coerced, ok = _coerce(key, f.type, value)
            if ok:
                setattr(settings, key, coerced)
            else:
                bad.append(key)
        return settings, bad

    def _move_aside(self) -> Path | None:
        aside = self._aside_name()
        try:
            os.replace(self.path, aside)
            return aside
        except OSError:
            self.writable = False
            return None

    def _copy_aside(self) -> Path | None:
        # The same bad file on every start: keep one copy of it, not one per run.
        with contextlib.suppress(OSError):
            raw = self.path.read_bytes()
            for old in sorted(self.path.parent.glob(f"{self.path.name}.corrupt-*")):
                if old.is_file() and old.read_bytes() == raw:
                    return old
        aside = self._aside_name()
        try:
            shutil.copy2(self.path, aside)
            os.chmod(aside, 0o600)
            return aside
        except OSError:
            return None

    def save(self, settings: Settings) -> None:
        """Write atomically with mode 0600. Raises OSError (with a readable message) on failure."""
        if not self.writable:
            raise OSError(f"{self.path} could not be read earlier, so it is not overwritten")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(settings.to_json_dict(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=str(self.path.parent))
        try:
            os.fchmod(fd, 0o600) if hasattr(os, "fchmod") else None
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(payload)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        with contextlib.suppress(OSError):
            os.chmod(self.path, 0o600)


def _short_reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON at line {exc.lineno}"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    return str(exc)
