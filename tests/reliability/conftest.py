"""Fixtures of the reliability tests: a started local TMDb stand-in and an empty data dir."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from videomanager.testing.fake_tmdb import FakeTMDb


@pytest.fixture
def fake_tmdb() -> Iterator[FakeTMDb]:
    fake = FakeTMDb(seed=7).start()
    try:
        yield fake
    finally:
        fake.stop()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d
