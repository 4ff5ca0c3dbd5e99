"""Shared test set-up: offscreen Qt, and no test ever touches the user's real config or TMDb."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for var in ("TMDB_API_KEY", "TMDB_ACCESS_TOKEN", "VIDEOMANAGER_TMDB_URL"):
    os.environ.pop(var, None)

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """Every test gets its own data dir, so the real settings.json and library are never read or written."""
    data = tmp_path_factory.mktemp("vm-data")
    monkeypatch.setenv("VIDEOMANAGER_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(data / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(data / "xdg-cache"))
    yield data


# Folders whose tests drive whole programs, servers or corpora: seconds each. `pytest -m "not slow"` leaves
# them (and the tests marked slow one by one) out for a fast inner loop.
SLOW_FOLDERS = ("reliability", "identify", "conformance")


def pytest_collection_modifyitems(config, items):
    """Soak tests run only when asked for by name (``-m soak``); whole slow folders are marked slow."""
    wanted = config.getoption("-m") or ""
    keep, dropped = [], []
    for item in items:
        if item.path.parent.name in SLOW_FOLDERS:
            item.add_marker(pytest.mark.slow)
        if item.get_closest_marker("soak") and "soak" not in wanted:
            dropped.append(item)
        else:
            keep.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print the identification accuracy reports the tests recorded (``tests/identify/conftest.py``)."""
    reports = [r for key in ("passed", "failed") for r in terminalreporter.stats.get(key, [])]
    texts = [v for r in reports if r.when == "call" for k, v in r.user_properties if k == "accuracy_report"]
    for text in texts:
        terminalreporter.section("identification accuracy (labelled library vs local TMDb stand-in)")
        for line in text.splitlines():
            terminalreporter.write_line(line)
