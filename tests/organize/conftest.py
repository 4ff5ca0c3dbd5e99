"""Fixtures of the organize tests: the local TMDb stand-in over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from videomanager.testing.fake_tmdb import FakeTMDb


@pytest.fixture
def fake_tmdb() -> Iterator[FakeTMDb]:
    fake = FakeTMDb(seed=7).start()
    try:
        yield fake
    finally:
        fake.stop()
