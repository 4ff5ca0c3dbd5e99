"""A local TMDb v3 stand-in over real HTTP on 127.0.0.1, for tests, benchmarks and the demo.

Usage::

    with FakeTMDb() as tmdb:                       # built-in catalog of real films and shows
        requests.get(f"{tmdb.base_url}/search/movie", params={"query": "Heat", "api_key": FakeTMDb.API_KEY})
        tmdb.faults.rate_limit = 40                # then 429 code 25 above 40 requests/s
        tmdb.faults.error_rate = 0.2               # 20 % of requests answer 500/502/503/504
        tmdb.faults.malformed_rate = 0.05          # 5 % of answers carry malformed ids and types
        tmdb.faults.drip = 2.0                     # every response trickles out one byte every 2 s

Behaviour follows shared/tmdb/API-NOTES.md: auth by ``?api_key=`` or ``Authorization: Bearer``; the exact
401/404/422/400 bodies; paged lists of 20; ``append_to_response``; ``/t/p/{size}/{file}`` serves generated
PNG posters without auth. Custom catalogs: see the dict shapes documented in ``catalog.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import socket
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from videomanager.testing import fake_tmdb_hostile as hostile
from videomanager.testing import fake_tmdb_static as st
from videomanager.testing.catalog import Catalog, default_catalog
from videomanager.testing.catalog_shows import KNOWN_PEOPLE
from videomanager.testing.fake_tmdb_routes import Api

JSON_TYPE = "application/json;charset=utf-8"


@dataclass
class Faults:
    """Fault switches, read on every request (plain attribute writes are atomic enough in CPython)."""

    rate_limit: float | None = None  # above N requests/s (sliding 1 s window, global) -> 429 code 25
    retry_after: int | None = None  # Retry-After header on those 429s (None = no header)
    error_rate: float = 0.0  # fraction of requests answered 500/502/503/504
    html_errors: bool = False  # 5xx bodies are an HTML page instead of the JSON envelope
    stall_rate: float = 0.0  # fraction of requests that sleep stall_seconds before answering
    stall_seconds: float = 5.0
    drop_rate: float = 0.0  # fraction of requests whose connection is closed with no response
    down: bool = False  # every connection is closed at once (server "unreachable")
    max_connections: int = 20  # above that many concurrent requests -> 429 (the CDN cap)
    # Fraction of 200 answers made malformed (see fake_tmdb_hostile.py); the same request is always
    # answered the same way, and every malformed answer is listed in stats.malformed.
    malformed_rate: float = 0.0
    malformed_variant: str = ""  # only this variant (e.g. "not-an-object"); "" = any that suits the answer
    malformed_match: str = ""  # only requests whose "path?query" contains this text (e.g. "query=Heat")
    drip: float = 0.0  # > 0: responses (status line, headers, body) go out one byte every `drip` seconds
    echo_key: str = ""  # e.g. "xx{}yy": 401 messages echo the credential received, glued into that text


@dataclass
class Stats:
    """Counters since start (or the last reset_stats()); the api_key value is redacted in the log."""

    request_count: int = 0
    by_path: Counter[str] = field(default_factory=Counter)
    count_429: int = 0
    count_5xx: int = 0
    max_concurrency_seen: int = 0
    log: list[tuple[str, str, str]] = field(default_factory=list)
    malformed: list[tuple[str, dict[str, str], str]] = field(default_factory=list)  # path, query, variant


class FakeTMDb:
    """A fake TMDb v3 server on 127.0.0.1 (ephemeral port) running in a daemon thread."""

    API_KEY = "3f8b2c9d4e5a6b7c8d9e0f1a2b3c4d5e"
    ACCESS_TOKEN = (
        "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiIzZjhiMmM5ZDRlNWE2YjdjOGQ5ZTBmMWEyYjNjNGQ1ZSIsInN1YiI6IjY0ZmFrZTAwMDAwMDAwMDAw"
        "MDAwMDAwMSIsInNjb3BlcyI6WyJhcGlfcmVhZCJdLCJ2ZXJzaW9uIjoxfQ.Zm9vYmFyYmF6cXV4ZmFrZXRtZGJzaWduYXR1cmUwMDAwMDA"
    )

    def __init__(
        self,
        *,
        movies: list[dict[str, Any]] | None = None,
        shows: list[dict[str, Any]] | None = None,
        people: list[dict[str, Any]] | None = None,
        collections: list[dict[str, Any]] | None = None,
        latency: float = 0.0,
        seed: int = 0,
        long_tail: bool = False,
    ) -> None:
        # long_tail: every film gets obscure namesakes (shorts, TV movies; see catalog_longtail).
        if movies is None and shows is None and people is None:
            self.catalog = default_catalog(long_tail=long_tail)
        else:
            self.catalog = Catalog(
                movies if movies is not None else _builtin_rows("movies"),
                shows if shows is not None else _builtin_rows("shows"),
                people,
                KNOWN_PEOPLE,
                collections,
                long_tail=long_tail,
            )
        self.latency = latency
        self.seed = seed
        self.faults = Faults()
        self.stats = Stats()
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._window: deque[float] = deque()
        self._in_flight = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._images = st.ImageCache()
        # Optional: (kind, record, width, height) -> PNG bytes, for nicer posters (the demo draws titles).
        self.poster_renderer: Callable[[str, dict[str, Any], int, int], bytes] | None = None
        self._rendered: dict[tuple[str, str], bytes] = {}
        self.base_url = ""
        self.image_base_url = ""
        self.api: Api | None = None
        self._stopping = threading.Event()  # ends dripping responses when the server stops

    # --- lifecycle -----------------------------------------------------------------------------------
    def start(self) -> FakeTMDb:
        self._stopping.clear()
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        server.fake = self  # type: ignore[attr-defined]
        port = server.server_address[1]
        self.base_url = f"http://127.0.0.1:{port}/3"
        self.image_base_url = f"http://127.0.0.1:{port}/t/p/"
        today = dt.date.fromisoformat(self.catalog.newest_release)
        self.api = Api(self.catalog, self.image_base_url, today)
        self.api.seed = self.seed
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeTMDb:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def today(self) -> dt.date:
        """The date now_playing/upcoming and changes windows are computed from (default: newest release)."""
        assert self.api is not None, "start() first"
        return self.api.today

    @today.setter
    def today(self, value: dt.date) -> None:
        assert self.api is not None, "start() first"
        self.api.today = value

    def _image_bytes(self, kind: str, owner: Any, file_path: str, size: str) -> bytes:
        renderer = self.poster_renderer
        record = None
        if renderer is not None and kind == "poster":
            # Films and shows share the id space of the image map: the path tells whose poster it is.
            movie = self.catalog.movies.get(owner)
            show = self.catalog.shows.get(owner)
            if movie is not None and movie.get("poster_path") == file_path:
                record = movie
            elif show is not None:
                record = show  # the show's poster or one of its seasons'
            else:
                record = movie
        if record is None:
            return self._images.get(kind, file_path, size)
        key = (file_path, size)
        data = self._rendered.get(key)
        if data is None:
            data = self._rendered[key] = renderer(kind, record, *st.image_dimensions(kind, size))
        return data

    def reset_stats(self) -> None:
        with self._lock:
            self.stats = Stats()

    # --- request plumbing (called from handler threads) --------------------------------------------------
    def _enter(self, method: str, path: str, query: str) -> None:
        with self._lock:
            self._in_flight += 1
            s = self.stats
            s.request_count += 1
            s.by_path[path] += 1
            s.max_concurrency_seen = max(s.max_concurrency_seen, self._in_flight)
            s.log.append((method, path, _redact(query)))

    def _leave(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def _roll(self, rate: float) -> bool:
        if rate <= 0:
            return False
        with self._lock:
            return self._rng.random() < rate

    def _over_connection_cap(self) -> bool:
        with self._lock:
            return self._in_flight > self.faults.max_connections

    def _over_rate(self) -> int | None:
        """Record this request in the 1 s window; the count if it is over the limit (not recorded then)."""
        limit = self.faults.rate_limit
        if limit is None:
            return None
        now = time.monotonic()
        with self._lock:
            while self._window and now - self._window[0] >= 1.0:
                self._window.popleft()
            if len(self._window) >= limit:
                return len(self._window) + 1
            self._window.append(now)
        return None

    def _count(self, status: int) -> None:
        with self._lock:
            if status == 429:
                self.stats.count_429 += 1
            elif status >= 500:
                self.stats.count_5xx += 1

    def _pick_5xx(self) -> int:
        with self._lock:
            return self._rng.choice((500, 502, 503, 504))

    def _malformed(self, path: str, raw_query: str, query: dict[str, str], body: Any) -> Any:
        """The answer as the malformed_rate fault makes it (recorded in stats.malformed when changed)."""
        f = self.faults
        if f.malformed_rate <= 0 or (f.malformed_match and f.malformed_match not in f"{path}?{raw_query}"):
            return body
        variant = hostile.variant_for(body, hostile.roll(self.seed, path, query), f.malformed_rate)
        if variant is not None and f.malformed_variant:
            variant = f.malformed_variant if hostile.suits(body, f.malformed_variant) else None
        if variant is None:
            return body
        with self._lock:
            self.stats.malformed.append((path, {k: v for k, v in query.items() if k != "api_key"}, variant))
        return hostile.mangle(body, variant)

    def _credential_received(self, query: dict[str, str], authorization: str | None) -> str:
        if authorization is not None:
            return authorization.partition(" ")[2].strip()
        return query.get("api_key", "")

    def _authorized(self, query: dict[str, str], authorization: str | None) -> bool:
        if authorization is not None:
            scheme, _, token = authorization.partition(" ")
            if scheme.lower() == "bearer" and token.strip() == self.ACCESS_TOKEN:
                return True
            if "api_key" not in query:
                return False
        return query.get("api_key") == self.API_KEY


def _builtin_rows(kind: str) -> list[dict[str, Any]]:
    from videomanager.testing.catalog_classics import CLASSICS
    from videomanager.testing.catalog_movies import MOVIES
    from videomanager.testing.catalog_names import NAMES
    from videomanager.testing.catalog_shows import SHOWS

    return MOVIES + CLASSICS + NAMES if kind == "movies" else SHOWS


def _redact(query: str) -> str:
    parts = []
    for key, value in parse_qsl(query, keep_blank_values=True):
        parts.append(f"{key}={'REDACTED' if key == 'api_key' else value}")
    return "&".join(parts)


class _Handler(BaseHTTPRequestHandler):
    server_version = "openresty"
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without TCP_NODELAY the body waits for the peer's delayed ACK
    # on a kept-alive connection.
    disable_nagle_algorithm = True

    def version_string(self) -> str:
        return self.server_version

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence stderr access log
        pass

    @property
    def fake(self) -> FakeTMDb:
        return self.server.fake  # type: ignore[attr-defined]

    def handle(self) -> None:
        if self.fake.faults.down:
            self._abort()
            return
        try:
            super().handle()
        except (ConnectionError, TimeoutError):
            pass

    def _abort(self) -> None:
        """Close the connection without a response (what a dead or dropping server looks like)."""
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def _serve(self, method: str) -> None:
        fake = self.fake
        url = urlsplit(self.path)
        fake._enter(method, url.path, url.query)
        try:
            for status, headers, body in self._respond(method, url.path, url.query):
                fake._count(status)
                self._send(status, headers, body)
        finally:
            fake._leave()

    def _respond(self, method: str, path: str, raw_query: str) -> Iterator[tuple[int, dict[str, str], bytes]]:
        fake, faults = self.fake, self.fake.faults
        if faults.down or fake._roll(faults.drop_rate):
            self._abort()
            return
        if fake._over_connection_cap():
            yield self._json(429, _rate_body(fake._in_flight, faults.max_connections), retry=True)
            return
        over = fake._over_rate()
        if over is not None:
            yield self._json(429, _rate_body(over, int(faults.rate_limit or 0)), retry=True)
            return
        if fake._roll(faults.stall_rate):
            time.sleep(faults.stall_seconds)
        if fake.latency:
            time.sleep(fake.latency)
        if fake._roll(faults.error_rate):
            status = fake._pick_5xx()
            if faults.html_errors:
                yield status, {"Content-Type": "text/html"}, st.html_error(status)
            else:
                yield self._json(status, st.SERVER_ERRORS[status])
            return
        if path.startswith("/t/p/"):
            yield self._image(path)
            return
        if not path.startswith("/3/"):
            yield self._json(404, st.MSG_404)
            return
        query = dict(parse_qsl(raw_query, keep_blank_values=True))
        authorization = self.headers.get("Authorization")
        if not fake._authorized(query, authorization):
            body = dict(st.MSG_401)
            if faults.echo_key:
                received = faults.echo_key.format(fake._credential_received(query, authorization))
                body["status_message"] = f"{body['status_message']} You sent {received}."
            yield self._json(401, body)
            return
        if method != "GET":
            yield self._json(405, st.MSG_405)
            return
        assert fake.api is not None
        status, body = fake.api.handle(path[3:], query)
        if status == 200:
            body = fake._malformed(path[2:], raw_query, query, body)
        yield self._json(status, body)

    def _json(self, status: int, body: Any, retry: bool = False) -> tuple[int, dict[str, str], bytes]:
        headers = {"Content-Type": JSON_TYPE}
        if retry and self.fake.faults.retry_after is not None:
            headers["Retry-After"] = str(self.fake.faults.retry_after)
        return status, headers, json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()

    def _image(self, path: str) -> tuple[int, dict[str, str], bytes]:
        parts = path.split("/")  # ['', 't', 'p', size, file]
        if len(parts) != 5 or ".." in path or parts[3] not in st.ALL_SIZES:
            return 404, {"Content-Type": "text/plain"}, b"Not Found"
        hit = self.fake.catalog.images.get("/" + parts[4])
        if hit is None:
            return 404, {"Content-Type": "text/plain"}, b"Not Found"
        return (
            200,
            {"Content-Type": "image/png", "Cache-Control": "max-age=31536000"},
            self.fake._image_bytes(hit[0], hit[1], "/" + parts[4], parts[3]),
        )

    def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
        if self.fake.faults.drip > 0:
            self._drip(status, headers, body)
            return
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _drip(self, status: int, headers: dict[str, str], body: bytes) -> None:
        """The whole response one byte at a time (what a dying link or a hostile proxy looks like)."""
        lines = [f"HTTP/1.1 {status} {HTTPStatus(status).phrase}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        lines += [f"Content-Length: {len(body)}", "", ""]
        data = "\r\n".join(lines).encode("latin-1") + body
        self.close_connection = True
        fake = self.fake
        for i in range(len(data)):
            if fake._stopping.is_set():
                return
            try:
                self.wfile.write(data[i : i + 1])
                self.wfile.flush()
            except OSError:  # the client gave up
                return
            fake._stopping.wait(fake.faults.drip)


def _rate_body(count: int, limit: int) -> dict[str, Any]:
    message = f"Your request count ({count}) is over the allowed limit of {limit}."
    return {"success": False, "status_code": 25, "status_message": message}
