"""The demo: the sample-library generator (sparse files, distinct first bytes) and prepare_demo()."""

from __future__ import annotations

import os

import requests

from videomanager.core.fingerprint import fingerprint
from videomanager.core.settings import SettingsStore
from videomanager.gui.demo import prepare_demo
from videomanager.testing.demo_library import DEMO_LAYOUT, GB, demo_files


def test_generator_creates_sparse_distinct_files(tmp_path):
    files = demo_files(tmp_path / "lib")
    assert len(files) == len(DEMO_LAYOUT)
    videos = [f for f in files if f.lower().endswith((".mkv", ".mp4", ".avi"))]
    sizes = {f: os.path.getsize(f) for f in videos}
    assert max(sizes.values()) > 50 * GB  # realistic sizes...
    if hasattr(os.stat_result, "st_blocks"):
        used = sum(os.stat(f).st_blocks * 512 for f in videos)
        assert used < 20 * 1024 * 1024  # ...that take almost no disk
    heads = set()
    for f in videos:
        with open(f, "rb") as fh:
            heads.add(fh.read(64))
    assert len(heads) == len(videos)
    assert len({fingerprint(f) for f in videos}) == len(videos)
    # Both trees hold The Matrix; personal videos and a cd1/cd2 pair are there.
    assert any("Downloads" in f and "Matrix" in f for f in videos)
    assert any("Movies 4K" in f and "Matrix" in f for f in videos)
    assert sum("-cd" in f for f in videos) == 2


def test_prepare_demo_starts_the_fake_and_cleans_up(tmp_path, monkeypatch):
    monkeypatch.setenv("TMDB_API_KEY", "users-real-key")
    demo = prepare_demo(latency=0.0, root=tmp_path)
    try:
        assert os.environ["VIDEOMANAGER_TMDB_URL"] == demo.base_url
        assert os.environ["TMDB_API_KEY"] == demo.fake.API_KEY
        assert demo.library_root.is_dir() and len(demo.files) == len(DEMO_LAYOUT)
        settings = SettingsStore(demo.settings_path).load().settings
        assert settings.tmdb_url == demo.base_url  # the window scans demo.library_root itself
        reply = requests.get(
            f"{demo.base_url}/search/movie",
            params={"api_key": demo.fake.API_KEY, "query": "RoboCop"},
            timeout=5,
        )
        assert {m["id"] for m in reply.json()["results"]} >= {5548, 97020}
    finally:
        demo.cleanup()
    assert os.environ["TMDB_API_KEY"] == "users-real-key"
    assert not demo.root.exists()
    demo.cleanup()  # idempotent
