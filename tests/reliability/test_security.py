"""Security: the TMDb key and token stay secret (logs, tracebacks, JSON output, cache file names and
contents), settings.json is owner-only, TLS is verified, a malicious TMDb answer cannot crash the program
or write outside its folders, and no file path ever reaches a shell.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.reliability.helpers import REPO, make_films, run_cli
from videomanager.testing.fake_tmdb import FakeTMDb

KEY = FakeTMDb.API_KEY
TOKEN = FakeTMDb.ACCESS_TOKEN


def _everything_under(folder: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            yield Path(dirpath) / name


def _assert_no_secret_in_data_dir(data: Path) -> None:
    for p in _everything_under(data):
        assert KEY not in p.name and TOKEN[:40] not in p.name
        if p.is_file() and p.name != "settings.json":
            raw = p.read_bytes()
            assert KEY.encode() not in raw and TOKEN.encode() not in raw, f"secret stored in {p}"


@pytest.mark.parametrize("cred", ["TMDB_API_KEY", "TMDB_ACCESS_TOKEN"])
def test_secrets_never_in_debug_logs_output_or_files(tmp_path: Path, fake_tmdb: FakeTMDb, cred: str) -> None:
    films = tmp_path / "films"
    made = make_films(films, 3)
    data = tmp_path / "data"
    secret = KEY if cred == "TMDB_API_KEY" else TOKEN
    env = {"TMDB_API_KEY": "", cred: secret}
    assert run_cli(["scan", str(films)], data).returncode == 0
    fake_tmdb.faults.error_rate = 0.15  # retries and error paths get logged too
    outputs = [run_cli(["--debug", "identify"], data, fake_tmdb, **env)]
    outputs.append(
        run_cli(["--debug", "match", next(iter(made)), "--tmdb-id", "603"], data, fake_tmdb, **env)
    )
    outputs.append(run_cli(["--debug", "tmdb", "validate"], data, fake_tmdb, **env))
    outputs.append(run_cli(["--debug", "tmdb", "search", "Heat", "--year", "1995"], data, fake_tmdb, **env))
    outputs.append(run_cli(["--debug", "list", "--json"], data, fake_tmdb, **env))
    fake_tmdb.faults.down = True  # failures, with --debug: the crash output must be clean as well
    outputs.append(run_cli(["--debug", "identify", "--retry"], data, fake_tmdb, **env))
    assert "DEBUG" in outputs[0].stderr, "the debug log was not on"
    for r in outputs:
        for text in (r.stdout, r.stderr):
            assert secret not in text
            assert secret[:16] not in text  # not even a prefix
    _assert_no_secret_in_data_dir(data)


def test_secret_in_settings_json_stays_out_of_messages(tmp_path: Path, fake_tmdb: FakeTMDb) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"tmdb_api_key": KEY, "daily_request_limit": KEY}))
    r = run_cli(["--debug", "tmdb", "validate"], data, fake_tmdb, TMDB_API_KEY="")
    assert r.returncode == 0, r.stderr
    assert "daily_request_limit" in r.stderr  # the wrong-type notice names the key...
    assert KEY not in r.stdout + r.stderr  # ...never the value
    from videomanager.core.settings import Settings

    assert KEY not in repr(Settings(tmdb_api_key=KEY, tmdb_access_token=TOKEN))


def test_tls_verification_is_on_for_the_real_tmdb(tmp_path: Path) -> None:
    from videomanager.core.paths import resolve_paths
    from videomanager.core.settings import Settings
    from videomanager.tmdb.factory import build_client

    client = build_client(Settings(tmdb_api_key=KEY), resolve_paths(tmp_path), None, env={})
    try:
        assert client.base_url == "https://api.themoviedb.org/3"
        assert client.session.verify is True
        assert KEY not in repr(client)
    finally:
        client.close()
    pattern = re.compile(r"verify\s*=\s*False|CURL_CA_BUNDLE|REQUESTS_CA_BUNDLE|disable_warnings")
    offenders = [
        f"{p.relative_to(REPO)}:{n}"
        for p in (REPO / "videomanager").rglob("*.py")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


def test_no_shell_anywhere_in_the_package() -> None:
    pattern = re.compile(r"shell\s*=\s*True|os\.system\s*\(|os\.popen\s*\(|commands\.getoutput|pty\.spawn")
    offenders = [
        f"{p.relative_to(REPO)}:{n}: {line.strip()}"
        for p in (REPO / "videomanager").rglob("*.py")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


def test_poster_cache_names_stay_inside_the_posters_folder(tmp_path: Path) -> None:
    from videomanager.gui.posters import poster_file

    posters = tmp_path / "cache" / "posters"
    for evil in [
        "../../../etc/passwd",
        "/../../x.jpg",
        "..\\..\\x.jpg",
        "/a/../../b",
        "\x00/..",
        "~root/.ssh",
    ]:
        target = poster_file(posters, evil)
        assert target.parent == posters and re.fullmatch(r"[0-9a-f]{40}\.img", target.name)


# -- a malicious TMDb ---------------------------------------------------------------------------------------

DEEP = 100_000


def _body(mode: str, path: str) -> bytes:
    if mode == "deep":
        return b'{"results": ' + b"[" * DEEP + b"]" * DEEP + b"}"
    if mode == "wrong-types":
        if path.startswith("/3/search/"):
            return json.dumps({"page": "one", "results": [
                {"id": "abc", "title": 5, "release_date": 1999},
                {"id": 603, "title": 5, "release_date": ["x"], "popularity": "hot", "poster_path": 7},
                {"id": 604, "title": None, "original_title": {"a": 1}, "genre_ids": "x"},
                "not an object", None, 12,
            ], "total_pages": "many"}).encode()  # fmt: skip
        return json.dumps({"id": "abc", "title": 5, "results": "x", "titles": "x"}).encode()
    if mode == "results-string":
        return b'{"results": "x", "total_results": "y"}'
    if mode == "traversal":
        return json.dumps({"page": 1, "total_pages": 1, "results": [
            {"id": 603, "title": "The Matrix", "release_date": "1999-03-30", "popularity": 80.0,
             "poster_path": "/../../../../../../tmp/evil-poster.jpg",
             "backdrop_path": "../../../outside.jpg"}]}).encode()  # fmt: skip
    if mode == "not-json":
        return b"\xff\xfe<html>" + os.urandom(200)
    raise AssertionError(mode)


class _Evil(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    mode = ""

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        if self.mode == "huge":
            # No Content-Length: the client must stop reading at its own limit, not buffer it all.
            self.protocol_version = "HTTP/1.0"
            self.close_connection = True
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            chunk = b"[" + b"0," * 500_000
            try:
                for _ in range(30):  # 30 MB
                    self.wfile.write(chunk)
            except OSError:
                pass
            return
        body = _body(self.mode, self.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _evil_server(mode: str) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), type("Evil", (_Evil,), {"mode": mode}))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _identify_against(tmp_path: Path, mode: str):
    films = tmp_path / "films"
    make_films(films, 3)
    data = tmp_path / "data"
    assert run_cli(["scan", str(films)], data).returncode == 0
    before = set(_everything_under(tmp_path)) - set(_everything_under(data))
    server = _evil_server(mode)
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/3"
        r = run_cli(["identify"], data, None, TMDB_API_KEY=KEY, VIDEOMANAGER_TMDB_URL=url, timeout=120)
        listing = run_cli(["list", "--json"], data)
    finally:
        server.shutdown()
        server.server_close()
    after = set(_everything_under(tmp_path)) - set(_everything_under(data))
    assert after == before, "identify wrote outside its data folder"
    assert not Path("/tmp/evil-poster.jpg").exists()
    assert listing.returncode == 0
    json.loads(listing.stdout)
    return r


@pytest.mark.parametrize("mode", ["wrong-types", "results-string", "traversal", "not-json", "huge"])
def test_malicious_tmdb_answers_cannot_crash_identify(tmp_path: Path, mode: str) -> None:
    r = _identify_against(tmp_path, mode)
    assert r.returncode in (0, 1)
    assert "Traceback" not in r.stderr and "Unexpected error" not in r.stderr, r.stderr
    assert KEY not in r.stdout + r.stderr


def test_deeply_nested_json_cannot_crash_identify(tmp_path: Path) -> None:
    r = _identify_against(tmp_path, "deep")
    assert "Unexpected error" not in r.stderr and "Traceback" not in r.stderr, r.stderr
