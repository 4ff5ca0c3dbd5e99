"""Things named like videos that are not regular files, and files that cannot be read.

A named pipe (FIFO) called ``movie.mkv`` blocks whoever opens it for reading until someone writes to it,
so opening one would hang the scan for ever. These tests run every step that could open it with a
timeout, and release any reader stuck on a FIFO at the end, so a regression fails instead of blocking.

The tests run as root, who may read a mode-000 file: the CLI runs in a process that gave up the
capabilities allowing that (``obey_file_modes``), so the file is really unreadable to it.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.helpers import all_paths, run_cli
from videomanager.core.decisions import DecisionError, refresh_fingerprints, set_match
from videomanager.core.fingerprint import fingerprint
from videomanager.core.library import Library

TIMEOUT = 60  # seconds any one command may take here; a scan that hangs on a FIFO fails after it


def release(fifo: Path) -> None:
    """Open the FIFO's writing end without waiting: a reader stuck opening it goes on (and reads EOF)."""
    try:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    except OSError as exc:
        if exc.errno != errno.ENXIO:  # ENXIO: nobody is reading it, nothing to release
            raise


@pytest.fixture
def fifos() -> Iterator[list[Path]]:
    made: list[Path] = []
    yield made
    for fifo in made:
        release(fifo)


def make_socket(path: Path) -> None:
    """A Unix socket file at path (bound from its folder: socket paths are limited to ~108 bytes)."""
    here = os.getcwd()
    os.chdir(path.parent)
    try:
        with socket.socket(socket.AF_UNIX) as s:
            s.bind(path.name)
    finally:
        os.chdir(here)


def hostile_tree(root: Path, fifos: list[Path]) -> dict[str, Path]:
    """Two real videos (one empty: 0 bytes, like the FIFO), a FIFO, a socket and a mode-000 video."""
    made = {
        "heat": root / "Heat (1995)" / "Heat.1995.1080p.mkv",
        "empty": root / "Empty (2000)" / "Empty.2000.mkv",
        "fifo": root / "Pipe (2001)" / "movie.mkv",
        "socket": root / "Sock (2002)" / "sock.mkv",
        "locked": root / "Locked (2003)" / "Locked.2003.mkv",
    }
    for p in made.values():
        p.parent.mkdir(parents=True, exist_ok=True)
    made["heat"].write_bytes(b"heat" * 1000)
    made["empty"].write_bytes(b"")
    os.mkfifo(made["fifo"])
    fifos.append(made["fifo"])
    make_socket(made["socket"])
    made["locked"].write_bytes(b"locked" * 1000)
    os.chmod(made["locked"], 0)
    return made


def scan(data: Path, root: Path):
    return run_cli(["scan", str(root), "--workers", "1"], data, timeout=TIMEOUT, obey_modes=True)


@pytest.mark.parametrize("with_decision", [False, True], ids=["no-decision", "decision-on-a-0-byte-file"])
def test_scan_of_fifo_socket_and_unreadable_file_finishes_and_names_them(
    tmp_path: Path, fifos: list[Path], with_decision: bool
) -> None:
    root = tmp_path / "videos"
    made = hostile_tree(root, fifos)
    data = tmp_path / "data"
    first = scan(data, root)
    assert first.returncode == 0, first.stderr
    if with_decision:
        # A decision on a 0-byte file makes every later scan fingerprint the files of that size.
        r = run_cli(["match", str(made["empty"]), "--tmdb-id", "603"], data, timeout=TIMEOUT, obey_modes=True)
        assert r.returncode == 0, r.stderr
        (root / "New (2004).mkv").write_bytes(b"")  # something new: the next scan is a full one
    r = scan(data, root)  # hangs for ever if anything opens the FIFO for reading
    assert r.returncode == 0, r.stderr
    line = r.stdout.splitlines()[0]
    assert "2 special-file" in line and "1 unreadable" in line
    assert f"skipped (special-file) {made['fifo']}: a named pipe (FIFO)" in r.stderr
    assert f"skipped (special-file) {made['socket']}: a socket" in r.stderr
    assert f"skipped (unreadable) {made['locked']}: permission denied" in r.stderr
    listed = run_cli(["list", "--json"], data, timeout=TIMEOUT)
    paths = set(all_paths(json.loads(listed.stdout)))
    assert str(made["heat"]) in paths and str(made["empty"]) in paths
    assert not paths & {str(made["fifo"]), str(made["socket"]), str(made["locked"])}
    if with_decision:
        cards = json.loads(listed.stdout)
        assert [c["state"] for c in cards if str(made["empty"]) in all_paths([c])] == ["manual"]


def test_a_known_file_that_becomes_unreadable_is_kept_missing_and_a_decision_on_it_says_why(
    tmp_path: Path,
) -> None:
    root = tmp_path / "videos"
    film = root / "Alien (1979)" / "Alien.1979.mkv"
    film.parent.mkdir(parents=True)
    film.write_bytes(b"alien" * 1000)
    data = tmp_path / "data"
    assert scan(data, root).returncode == 0
    os.chmod(film, 0)
    r = scan(data, root)
    assert r.returncode == 0 and "1 unreadable" in r.stdout and str(film) in r.stderr
    cards = json.loads(run_cli(["list", "--json"], data, timeout=TIMEOUT).stdout)
    assert [v.get("missing") for c in cards for v in c["versions"]] == [True]  # kept, not removed
    r = run_cli(["match", str(film), "--tmdb-id", "348"], data, timeout=TIMEOUT, obey_modes=True)
    assert r.returncode == 1
    assert r.stderr.strip() == (
        f"{film} cannot be read (Permission denied), so the decision cannot be attached to it."
    )


def _in_thread(fn, fifo: Path, timeout: float = 20.0):
    """fn() in a thread; if it is still running after timeout (stuck on the FIFO), release it and fail."""
    out: dict = {}

    def run() -> None:
        try:
            out["value"] = fn()
        except BaseException as exc:  # handed to the test
            out["error"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(timeout)
    if t.is_alive():
        release(fifo)
        t.join(5)
        pytest.fail(f"{fn} blocked on the FIFO")
    if "error" in out:
        raise out["error"]
    return out.get("value")


def test_fingerprint_refuses_what_is_not_a_regular_file_without_blocking(tmp_path: Path, fifos) -> None:
    fifo = tmp_path / "movie.mkv"
    os.mkfifo(fifo)
    fifos.append(fifo)
    sock = tmp_path / "sock.mkv"
    make_socket(sock)
    for path, kind in ((fifo, "a named pipe (FIFO)"), (sock, "a socket"), (Path(os.devnull), "a device")):
        with pytest.raises(OSError) as caught:
            _in_thread(lambda p=path: fingerprint(str(p)), fifo)
        assert caught.value.strerror == f"it is {kind}, not a video file"
    real = tmp_path / "real.mkv"
    real.write_bytes(bytes(range(256)) * 1024)  # 256 KiB: the first and the last 64 KiB are read
    assert fingerprint(str(real)).startswith("262144:")


def test_decisions_never_open_a_fifo_the_library_holds(tmp_path: Path, fifos) -> None:
    """A library written before the scanner refused special files may hold a FIFO: a decision on it says
    why it cannot be made, and the after-scan fingerprinting of 0-byte files passes it over."""
    fifo = tmp_path / "videos" / "movie.mkv"
    empty = tmp_path / "videos" / "Empty (2000).mkv"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    fifos.append(fifo)
    empty.write_bytes(b"")
    lib = Library(tmp_path / "lib.sqlite3")
    from videomanager.core.indexer import _to_new_file
    from videomanager.core.models import ROLE_VERSION, ScannedFile
    from videomanager.core.parser import parse

    lib.add_roots([str(fifo.parent)])
    rows = [
        ScannedFile(str(p), 0, 0.0, str(fifo.parent), ROLE_VERSION, None, None, None) for p in (fifo, empty)
    ]
    lib.upsert_files([_to_new_file(sf, parse(sf.path, sf.root)) for sf in rows])
    ids = {f.path: f.id for f in lib.files()}
    with pytest.raises(DecisionError, match="is a named pipe"):
        _in_thread(lambda: set_match(lib, [ids[str(fifo)]], "movie", 603), fifo)
    assert set_match(lib, [ids[str(empty)]], "movie", 603) == 1  # a decision on a 0-byte file
    assert _in_thread(lambda: refresh_fingerprints(lib), fifo) == 0
    lib.close()
