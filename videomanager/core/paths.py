"""Where videomanager keeps its files.

By default: settings.json in the platformdirs config dir, the library database in the data dir, TMDb
responses and posters in the cache dir. With ``--data-dir DIR`` or ``VIDEOMANAGER_DATA_DIR`` everything
(settings, database, caches) lives under DIR instead, so a test or a portable install touches nothing else.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "videomanager"
DATA_DIR_ENV = "VIDEOMANAGER_DATA_DIR"


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    cache_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def library_db(self) -> Path:
        return self.data_dir / "library.sqlite3"

    @property
    def tmdb_cache(self) -> Path:
        return self.cache_dir / "tmdb-responses.sqlite3"

    @property
    def posters_dir(self) -> Path:
        return self.cache_dir / "posters"

    def ensure(self) -> None:
        """Create the folders (owner-only where we create them). Errors surface to the caller."""
        for d in (self.config_dir, self.data_dir, self.cache_dir):
            d.mkdir(parents=True, exist_ok=True, mode=0o700)


def resolve_paths(
    data_dir: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None
) -> AppPaths:
    """The locations to use: an explicit data dir, then the environment variable, then platformdirs."""
    env = os.environ if env is None else env
    chosen = data_dir if data_dir else env.get(DATA_DIR_ENV) or None
    if chosen:
        base = Path(chosen).expanduser().resolve()
        return AppPaths(config_dir=base, data_dir=base, cache_dir=base / "cache")
    return AppPaths(
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
    )
