"""TMDbClient: the v3 API over one pooled, rate-limited, cached and budgeted HTTP session.

The endpoint methods live in :mod:`.client_endpoints`; this module holds the transport: credential
handling (a v3 key goes as ``api_key=``, a v4 token as ``Authorization: Bearer``), the response cache,
the shared rate limiter, retries, the daily budget, response decoding and the error mapping. The
client is safe to call from many threads at once (the identify pipeline runs it in a thread pool).

Credentials never leave this module except on the wire: they are not logged, not cached, not in
any message or repr (urllib3's DEBUG log of request URLs is filtered, see ``client_support``).
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import UTC, datetime
from typing import Any

import requests
from requests.adapters import HTTPAdapter

from .cache import ResponseCache
from .client_endpoints import EndpointsMixin
from .client_support import Secret, TooLarge, ValidationResult, decode_ok, error_for, network_reason
from .credentials import clean_credential, detect_credential
from .errors import (
    InvalidCredentialError,
    NetworkError,
    NoCredentialError,
    NotFoundError,
    ServiceUnavailableError,
    TMDbError,
    redact,
)
from .ratelimit import DailyBudget, RateLimiter, RetryPolicy, parse_retry_after

__all__ = ["TMDbClient", "ValidationResult", "DEFAULT_BASE_URL"]

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.themoviedb.org/3"
MAX_RESPONSE_BYTES = 20 * 1024 * 1024
USER_AGENT = "videomanager/0.1 (+https://github.com/videomanager)"


def _size(n: int) -> str:
    return f"{n / 1048576:.0f} MB" if n >= 1048576 else f"{n / 1024:.1f} KB"


class TMDbClient(EndpointsMixin):
    """Client for TMDb API v3 (see CONTRACT.md for the endpoint methods)."""

    def __init__(
        self,
        api_key: str | None = None,
        access_token: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        language: str | None = "en-US",
        region: str | None = None,
        include_adult: bool = False,
        limiter: RateLimiter | None = None,
        cache: ResponseCache | None = None,
        session: requests.Session | None = None,
        timeout: float | tuple[float, float] = 10.0,
        *,
        retry: RetryPolicy | None = None,
        budget: DailyBudget | None = None,
        max_response_bytes: int = MAX_RESPONSE_BYTES,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.language = language
        self.region = region
        self.include_adult = include_adult
        self.limiter = limiter if limiter is not None else RateLimiter()
        self.cache = cache if cache is not None else ResponseCache(None)
        self.retry = retry if retry is not None else RetryPolicy()
        self.budget = budget
        self.max_response_bytes = max_response_bytes
        # A float is the read timeout; connecting gets at most 5 s of it. A tuple is (connect, read).
        self.timeout: tuple[float, float] = (
            (float(timeout[0]), float(timeout[1]))
            if isinstance(timeout, tuple)
            else (min(5.0, float(timeout)), float(timeout))
        )
        self._own_session = session is None
        self.session = session if session is not None else self._make_session(self.limiter.max_in_flight)
        self._lock = threading.Lock()
        self.cache_hits = 0
        self.cache_misses = 0
        self._configuration: dict[str, Any] | None = None
        self._kind: str | None = None
        self._secret: Secret | None = None
        self.set_credentials(api_key, access_token)

    # -- credentials ---------------------------------------------------------------------------------

    def set_credentials(self, api_key: str | None = None, access_token: str | None = None) -> None:
        """Replace the credential (the settings dialog calls this after an edit).

        The token wins when both are given. Each value is sent the way its shape says, whatever slot
        it came in: a v3 key pasted into the token field still goes as ``api_key=``.
        """
        key, token = clean_credential(api_key), clean_credential(access_token)
        chosen = token or key
        if chosen is None:
            kind, secret = None, None
        else:
            detected = detect_credential(chosen)
            if detected == "unknown":
                detected = "v4_token" if chosen is token else "v3_key"
            kind, secret = detected, Secret(chosen)
        with self._lock:
            self._kind, self._secret = kind, secret

    @property
    def credential_kind(self) -> str | None:
        """``"v3_key"``, ``"v4_token"`` or None: how the credential is being sent."""
        return self._kind

    @property
    def has_credential(self) -> bool:
        return self._secret is not None

    def _secrets(self) -> tuple[str, ...]:
        return (self._secret.value,) if self._secret else ()

    # -- plumbing --------------------------------------------------------------------------------------

    @staticmethod
    def _make_session(max_in_flight: int) -> requests.Session:
        session = requests.Session()
        # Our own retry loop handles retries; urllib3's would bypass the limiter and the budget.
        adapter = HTTPAdapter(pool_connections=4, pool_maxsize=max(10, max_in_flight), max_retries=0)
        session.mount("https://", adapter)
        session.mount("http://", adapter)
        session.headers.update({"Accept": "application/json", "User-Agent": USER_AGENT})
        return session

    def close(self) -> None:
        if self._own_session:
            self.session.close()

    def __enter__(self) -> TMDbClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return (
            f"TMDbClient(base_url={self.base_url!r}, credential={self._kind or 'none'}, "
            f"language={self.language!r}, region={self.region!r})"
        )

    @property
    def requests_sent(self) -> int:
        """Requests that went to the network (retries included), from the shared limiter."""
        return self.limiter.requests_sent

    @property
    def waits_429(self) -> int:
        """How many times TMDb said 'too many requests' and everyone backed off."""
        return self.limiter.waits_429

    @property
    def total_wait_seconds(self) -> float:
        """Time spent waiting for the limiter and for retry back-offs, summed over threads."""
        return self.limiter.total_wait_seconds

    def _count(self, hit: bool) -> None:
        with self._lock:
            if hit:
                self.cache_hits += 1
            else:
                self.cache_misses += 1

    @staticmethod
    def _clean_params(params: dict[str, Any] | None) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, value in (params or {}).items():
            if value is None or value == "" or value == []:
                continue
            if isinstance(value, bool):
                out[name] = "true" if value else "false"
            elif isinstance(value, list | tuple | set | frozenset):
                out[name] = ",".join(str(v) for v in value)
            elif hasattr(value, "isoformat"):
                out[name] = value.isoformat()
            else:
                out[name] = str(value)
        return out

    # -- the request loop ----------------------------------------------------------------------------

    def _get(
        self,
        path: str,
        params: dict[str, Any] | None = None,
        *,
        use_cache: bool = True,
        enforce_budget: bool = True,
        retry: RetryPolicy | None = None,
    ) -> Any:
        """GET ``path`` (relative to ``/3``) and return the decoded JSON, or raise a TMDbError."""
        secret, kind = self._secret, self._kind
        if secret is None:
            raise NoCredentialError()
        query = self._clean_params(params)
        if use_cache:
            cached = self.cache.get("GET", path, query)
            if cached is not None:
                self._count(hit=True)
                log.debug("TMDb cache hit: GET %s %s", path, query)
                if cached.status == 404:
                    raise NotFoundError(url=path, status=404, tmdb_code=34)
                return cached.data
            self._count(hit=False)
        data = self._fetch(path, query, secret, kind, enforce_budget, retry or self.retry)
        if use_cache:
            self.cache.put("GET", path, query, 200, data)
        return data

    def _fetch(
        self,
        path: str,
        query: dict[str, str],
        secret: Secret,
        kind: str | None,
        enforce_budget: bool,
        policy: RetryPolicy,
    ) -> Any:
        url = f"{self.base_url}{path}"
        send = dict(query)
        headers: dict[str, str] = {}
        if kind == "v4_token":
            headers["Authorization"] = f"Bearer {secret.value}"
        else:
            send["api_key"] = secret.value
        attempt = network_failures = 0
        while True:
            attempt += 1
            if self.budget is not None and enforce_budget:
                self.budget.check()  # fail before queueing behind the limiter
            failure: BaseException | None = None
            status, body, retry_after, started = 0, b"", None, time.monotonic()
            with self.limiter.slot():
                if self.budget is not None:
                    self.budget.consume(enforce=enforce_budget)
                log.debug("TMDb GET %s %s (attempt %d)", path, query, attempt)
                try:
                    with self.session.get(
                        url, params=send, headers=headers, timeout=self.timeout, stream=True
                    ) as resp:
                        status = resp.status_code
                        retry_after = resp.headers.get("Retry-After")
                        body = self._read_body(resp)
                except TooLarge:
                    raise ServiceUnavailableError(
                        f"TMDb sent an answer larger than the {_size(self.max_response_bytes)} limit, "
                        "so it was refused: try again later.",
                        url=path,
                    ) from None
                except requests.RequestException as exc:
                    failure = exc
            elapsed_ms = (time.monotonic() - started) * 1000
            if failure is not None:
                reason, sentence = network_reason(failure)
                detail = redact(f"{type(failure).__name__}: {failure}", self._secrets())
                network_failures += 1
                log.debug("TMDb GET %s failed after %.0f ms: %s", path, elapsed_ms, detail)
                failure = None  # drop the exception (its text holds the URL with the key)
                if (
                    reason in ("dns", "tls", "url")
                    or network_failures >= policy.max_network_attempts
                    or attempt >= policy.max_attempts
                ):
                    raise NetworkError(
                        f"Could not reach TMDb: {sentence}; check your internet connection "
                        "or the TMDb address in Settings.",
                        reason=reason,
                        url=path,
                        detail=detail,
                    )
                self.limiter.backoff(policy.delay(attempt - 1))
                continue
            log.debug("TMDb GET %s -> %d in %.0f ms", path, status, elapsed_ms)
            if status == 429 or status >= 500:
                if attempt >= policy.max_attempts:
                    raise error_for(status, body, path, attempt, kind, self._secrets())
                wait = policy.delay(attempt - 1, parse_retry_after(retry_after))
                if status == 429:
                    self.limiter.on_rate_limited(wait)
                self.limiter.backoff(wait)
                continue
            self.limiter.on_success()
            if status == 200:
                return decode_ok(body, path)
            error = error_for(status, body, path, attempt, kind, self._secrets())
            if status == 404:
                self.cache.put("GET", path, query, 404, {"status_code": 34})
            raise error

    def _read_body(self, resp: requests.Response) -> bytes:
        length = resp.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > self.max_response_bytes:
            raise TooLarge()
        chunks, total = [], 0
        for chunk in resp.iter_content(64 * 1024):
            total += len(chunk)
            if total > self.max_response_bytes:
                raise TooLarge()
            chunks.append(chunk)
        return b"".join(chunks)

    def validate(self) -> ValidationResult:
        """Ask TMDb whether the credential works (never cached; counted but not blocked by the budget)."""
        now = datetime.now(UTC)
        if self._secret is None:
            return ValidationResult("missing", NoCredentialError().user_message, now, None)
        quick = RetryPolicy(
            max_attempts=2,
            max_network_attempts=2,
            base_delay=self.retry.base_delay,
            max_delay=self.retry.max_delay,
            retry_after_cap=min(5.0, self.retry.retry_after_cap),
        )
        kind = self._kind
        label = "access token" if kind == "v4_token" else "API key"
        try:
            data = self._get("/authentication", use_cache=False, enforce_budget=False, retry=quick)
        except InvalidCredentialError as exc:
            return ValidationResult("invalid", exc.user_message, datetime.now(UTC), kind)
        except TMDbError as exc:
            return ValidationResult("unreachable", exc.user_message, datetime.now(UTC), kind)
        if isinstance(data, dict) and data.get("success") is False:
            return ValidationResult(
                "invalid", f"TMDb did not accept the {label}: check it in Settings.", datetime.now(UTC), kind
            )
        return ValidationResult("valid", f"TMDb accepted the {label}.", datetime.now(UTC), kind)

    def iter_pages(self, method: Any, *args: Any, max_pages: int = 500, **kw: Any) -> Any:
        """Yield the ``results`` items of a paged endpoint, page after page.

        ``method`` is a bound client method taking ``page=`` (``client.search_movie``, ...). Stops at
        ``total_pages``, at an empty page, at TMDb's page 500 cap or after ``max_pages`` pages.
        """
        page = int(kw.pop("page", 1))
        last = page + max_pages - 1
        while page <= min(last, 500):
            data = method(*args, page=page, **kw)
            results = data.get("results") if isinstance(data, dict) else None
            if not results:
                return
            yield from results
            total = data.get("total_pages")
            if not isinstance(total, int) or page >= total:
                return
            page += 1

    def _image_config(self) -> dict[str, Any]:
        if self._configuration is None:
            config = self.get_configuration()
            images = config.get("images") if isinstance(config, dict) else None
            if not isinstance(images, dict) or not images.get("secure_base_url"):
                raise ServiceUnavailableError("TMDb's configuration has no image settings: try again later.")
            self._configuration = images
        return self._configuration

    def image_url(self, path: str | None, size: str = "w342") -> str | None:
        """Full https URL of an image ``path`` at ``size`` (checked against TMDb's size lists)."""
        if not path:
            return None
        images = self._image_config()
        sizes = {
            s
            for key, value in images.items()
            if key.endswith("_sizes") and isinstance(value, list)
            for s in value
        }
        if size not in sizes:
            raise ValueError(f"unknown TMDb image size {size!r}; known sizes: {', '.join(sorted(sizes))}")
        base = str(images["secure_base_url"]).rstrip("/")
        return f"{base}/{size}/{path.lstrip('/')}"
