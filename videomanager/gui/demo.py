"""``videomanager --demo``: a throw-away sample library identified through the local TMDb stand-in.

:func:`prepare_demo` builds everything the normal window needs and nothing else: a temporary folder
with the generated sample library (sparse files), a temporary data dir holding a settings.json that
lists the library, and a FakeTMDb server started in this process. The TMDb variables are set in
``os.environ`` for this process only and restored by ``cleanup()``; the user's real settings,
library and TMDb credential are never read or written. No Qt here: app.py does the window part.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.settings import Settings, SettingsStore
from ..testing.demo_library import demo_files

__all__ = ["DemoEnv", "prepare_demo"]


@dataclass
class DemoEnv:
    """Where the demo lives and how to tear it down (``cleanup()`` is idempotent)."""

    root: Path  # the temporary folder holding everything below
    library_root: Path  # scan this
    data_dir: Path  # settings.json, the library database and caches
    settings_path: Path
    fake: Any  # the started FakeTMDb
    env: dict[str, str]  # the variables set in os.environ for this process
    files: list[str] = field(default_factory=list)
    _saved_env: dict[str, str | None] = field(default_factory=dict, repr=False)
    _closed: bool = field(default=False, repr=False)

    @property
    def base_url(self) -> str:
        return self.env["VIDEOMANAGER_TMDB_URL"]

    def cleanup(self) -> None:
        """Stop the fake server, restore the environment and delete the temporary folder."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(Exception):
            self.fake.stop()
        for name, value in self._saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(self.root, ignore_errors=True)


def prepare_demo(*, latency: float = 0.02, root: str | os.PathLike[str] | None = None) -> DemoEnv:
    """Generate the sample library, start the TMDb stand-in and point this process at both.

    ``latency`` (seconds per request) makes the identify progress visible, like a real network.
    ``root`` is for tests; by default a new temporary folder is used. Call ``cleanup()`` at the end
    (it is also registered with atexit, so an abrupt exit still removes the folder).
    """
    from ..testing.fake_tmdb import FakeTMDb  # only the demo and tests need the stand-in

    base = Path(tempfile.mkdtemp(prefix="videomanager-demo-", dir=root))
    library_root = base / "Videos"
    data_dir = base / "data"
    data_dir.mkdir(parents=True)
    files = demo_files(library_root)

    fake = FakeTMDb(latency=latency)
    fake.start()
    env = {
        "VIDEOMANAGER_TMDB_URL": fake.base_url,
        "TMDB_API_KEY": fake.API_KEY,
        "VIDEOMANAGER_DATA_DIR": str(data_dir),
    }
    saved = {name: os.environ.get(name) for name in [*env, "TMDB_ACCESS_TOKEN"]}
    os.environ.update(env)
    # A real token in the user's environment would otherwise win over the demo key.
    os.environ.pop("TMDB_ACCESS_TOKEN", None)

    settings_path = data_dir / "settings.json"
    SettingsStore(settings_path).save(Settings(tmdb_url=fake.base_url, tmdb_api_key=fake.API_KEY))
    demo = DemoEnv(
        root=base,
        library_root=library_root,
        data_dir=data_dir,
        settings_path=settings_path,
        fake=fake,
        env=env,
        files=files,
        _saved_env=saved,
    )
    atexit.register(demo.cleanup)
    return demo
