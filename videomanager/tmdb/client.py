"""TMDbClient: the v3 API over one pooled, rate-limited, cached and budgeted HTTP session.

The endpoint methods live in :mod:`.client_endpoints`; this module holds the transport: credential
handling (a v3 key goes as ``api_key=``, a v4 token as ``Authorization: Bearer``), the response cache,
the shared rate limiter, retries, the daily budget, the wall-clock deadline of each attempt
(:mod:`.deadline`), response decoding, validation (:mod:`.validate`: what is cached and returned is
clean) and the error mapping. The client is safe to call from many threads at once (the identify
pipeline runs it in a thread pool); a caller sets a cancel event and a retry-wait budget for the
requests of its thread with ``client.scope(...)``.

Credentials never leave this module except on the wire: they are not logged, not cached, not in
any message or repr (urllib3's DEBUG log of request URLs is filtered, see ``client_support``), and
an error whose server text echoes them back is scrubbed before it is raised.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import UTC, datetime
from typing import Any

import requests

from .cache import ResponseCache
from .client_endpoints import EndpointsMixin
from .client_support import Secret, TooLarge, ValidationResult, decode_ok, error_for, network_reason
from .credentials import clean_credential, detect_credential
from .deadline import Guard, GuardedAdapter, Scope, Watchdog, current_scope, scope
from .errors import (
    InvalidCredentialError,
    MalformedAnswerError,
    NetworkError,
    NoCredentialError,
    NotFoundError,
    RateLimitedError,
    RequestCancelled,
    ServiceUnavailableError,
    TMDbError,
    redact,
    register_secret,
)
from .ratelimit import DailyBudget, RateLimiter, RetryPolicy, parse_retry_after
from .validate import Cleaning, clean_answer

__all__ = ["TMDbClient", "ValidationResult", "DEFAULT_BASE_URL"]

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.themoviedb.org/3"
MAX_RESPONSE_BYTES = 20 * 1024 * 1024
# Wall-clock bound of one attempt (connect + headers + whole body): TMDb answers in well under a second.
DEFAULT_DEADLINE = 15.0
USER_AGENT = "videomanager/0.1 (+https://github.com/videomanager)"


def _size(n: int) -> str:
    return f"{n / 1048576:.0f} MB" if n >= 1048576 else f"{n / 1024:.1f} KB"


class _Failed:
    """An attempt that got no usable answer from the network (the reason for NetworkError); ``reached``
    says whether the request left on an open connection (TMDb may have counted it)."""

    __slots__ = ("reason", "sentence", "detail", "reached")

    def __init__(self, reason: str, sentence: str, detail: str | None = None, reached: bool = True) -> None:
        self.reason, self.sentence, self.detail, self.reached = reason, sentence, detail, reached


class _DeadlinePassed(Exception):
    pass


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
        deadline: float | None = None,
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
        # Wall-clock bound of each attempt, connect to last byte (the read timeout bounds one read only).
        self.deadline = float(deadline if deadline is not None else DEFAULT_DEADLINE)
        self._own_session = session is None
        self.session = session if session is not None else self._make_session(self.limiter.max_in_flight)
        self._watchdog = Watchdog()
        self._lock = threading.Lock()
        self.cache_hits = 0
        self.cache_misses = 0
        # Answers that failed validation as a whole, and answers from which malformed parts were dropped.
        self.answers_rejected = 0
        self.answers_cleaned = 0
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
            register_secret(chosen)  # masked literally from every message and log line from now on
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
        adapter = GuardedAdapter(pool_connections=4, pool_maxsize=max(10, max_in_flight), max_retries=0)
        session.mount("https://", adapter)
        session.mount("http://", adapter)
        session.headers.update({"Accept": "application/json", "User-Agent": USER_AGENT})
        return session

    def close(self) -> None:
        self._watchdog.stop()
        if self._own_session:
            self.session.close()

    @staticmethod
    def scope(cancel: threading.Event | None = None, max_wait: float | None = None) -> Any:
        """``with client.scope(cancel, max_wait):`` the requests this thread makes in the block stop
        waiting (limiter, back-off) and are aborted in flight once ``cancel`` is set (RequestCancelled),
        and their retry waits add up to at most ``max_wait`` seconds (the policy's bound otherwise)."""
        return scope(cancel, max_wait)

    @property
    def max_request_seconds(self) -> float:
        """The longest one request can take against a dead or dripping server: every network attempt
        runs into the deadline, with the back-offs between them (waits for the rate limit aside)."""
        return self.retry.max_network_attempts * self.deadline + self.retry.network_backoff_bound()

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
        """Time spent waiting for the rate limit (ours and TMDb's 429s), summed over threads."""
        return self.limiter.total_wait_seconds

    @property
    def backoff_seconds(self) -> float:
        """Time spent waiting before retries after errors (5xx, timeouts), summed over threads."""
        return self.limiter.backoff_seconds

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
        """GET ``path`` (relative to ``/3``) and return the validated JSON, or raise a TMDbError."""
        secret, kind = self._secret, self._kind
        if secret is None:
            raise NoCredentialError()
        query = self._clean_params(params)
        try:
            if use_cache:
                cached = self._from_cache(path, query)
                if cached is not None:
                    return cached
            data = self._clean(
                path, self._fetch(path, query, secret, kind, enforce_budget, retry or self.retry)
            )
            if use_cache:
                self.cache.put("GET", path, query, 200, data)
            return data
        except TMDbError as exc:
            raise exc.scrub(self._secrets()) from None

    def _from_cache(self, path: str, query: dict[str, str]) -> Any:
        """The cached answer (validated again: it may predate validation), or None for a miss."""
        cached = self.cache.get("GET", path, query)
        if cached is not None and cached.status == 404:
            self._count(hit=True)
            raise NotFoundError(url=path, status=404, tmdb_code=34)
        if cached is not None:
            try:
                data = self._clean(path, cached.data, count=False)
            except MalformedAnswerError:
                log.debug("TMDb cache entry for %s is malformed: asking again", path)
            else:
                self._count(hit=True)
                log.debug("TMDb cache hit: GET %s %s", path, query)
                return data
        self._count(hit=False)
        return None

    def _clean(self, path: str, data: Any, count: bool = True) -> Any:
        """Validate an answer (see validate.py); counts (TMDb's answers, not the cache's) and logs what
        was dropped."""
        cleaning = Cleaning(path)
        try:
            out = clean_answer(path, data, cleaning)
        except MalformedAnswerError as exc:
            if count:
                with self._lock:
                    self.answers_rejected += 1
            log.debug("TMDb answer for %s rejected: %s", path, exc.detail)
            raise
        if cleaning.changed:
            if count:
                with self._lock:
                    self.answers_cleaned += 1
            log.debug("TMDb answer for %s: dropped %d malformed items and %d fields (%s)", path,
                      cleaning.items_dropped, cleaning.fields_dropped, "; ".join(cleaning.notes))  # fmt: skip
        return out

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
        within = current_scope() or Scope()
        attempt = network_failures = 0
        while True:
            attempt += 1
            if within.cancelled:
                raise RequestCancelled()
            if self.budget is not None and enforce_budget:
                self.budget.check()  # fail before queueing behind the limiter
            with self.limiter.slot(within.cancel):
                answer = self._attempt(url, send, headers, path, attempt, within, enforce_budget)
            if isinstance(answer, _Failed):
                network_failures += 1
                if (
                    answer.reason in ("dns", "tls", "url", "deadline")
                    or network_failures >= policy.max_network_attempts
                    or attempt >= policy.max_attempts
                    or not self._wait(policy.delay(attempt - 1), policy, within, rate_limited=False)
                ):
                    raise NetworkError(
                        f"Could not reach TMDb: {answer.sentence}; {self._connection_advice()}.",
                        reason=answer.reason,
                        url=path,
                        detail=answer.detail,
                    )
                continue
            status, body, retry_after = answer
            if status == 429 or status >= 500:
                self._before_retry(status, body, retry_after, path, attempt, kind, policy, within)
                continue
            self.limiter.on_success()
            if status == 200:
                return decode_ok(body, path)
            error = error_for(status, body, path, attempt, kind, self._secrets())
            if status == 404:
                self.cache.put("GET", path, query, 404, {"status_code": 34})
            raise error

    def _before_retry(
        self,
        status: int,
        body: bytes,
        retry_after: str | None,
        path: str,
        attempt: int,
        kind: str | None,
        policy: RetryPolicy,
        within: Scope,
    ) -> None:
        """After a 429 or a 5xx: wait before the next attempt, or raise when no retry is left or the wait
        would pass the request's (or the lookup's) budget."""
        asked = parse_retry_after(retry_after)
        wait = policy.delay(attempt - 1, asked)
        if attempt >= policy.max_attempts:
            raise error_for(status, body, path, attempt, kind, self._secrets())
        if asked is not None and asked > within.wait_left(policy.max_total_wait):
            # Longer than this lookup may wait: no one asks again before then.
            if status == 429:
                self.limiter.close_for(asked)
            raise self._gave_up(status, body, path, attempt, kind, asked)
        if status == 429:
            self.limiter.on_rate_limited(wait)
        if not self._wait(wait, policy, within, rate_limited=status == 429):
            raise self._gave_up(status, body, path, attempt, kind, asked)

    def _wait(self, seconds: float, policy: RetryPolicy, within: Scope, *, rate_limited: bool) -> bool:
        """Back off before a retry, if the request's (or the lookup's) wait budget allows it."""
        if seconds > within.wait_left(policy.max_total_wait):
            return False
        within.spend(seconds)
        self.limiter.backoff(seconds, within.cancel, rate_limited=rate_limited)
        return True

    def _gave_up(
        self, status: int, body: bytes, path: str, attempt: int, kind: str | None, asked: float | None
    ) -> TMDbError:
        """The error for a 429 or 5xx that was not retried because the waits would take too long."""
        if status != 429:
            return error_for(status, body, path, attempt, kind, self._secrets())
        told = f"to wait {asked:.0f} s" if asked is not None else "to slow down"
        return RateLimitedError(
            f"TMDb answered 'too many requests' and asked {told}, longer than one lookup may wait: "
            "try again later or lower the request rate in Settings.",
            status=429,
            url=path,
        )

    def _connection_advice(self) -> str:
        if self.base_url == DEFAULT_BASE_URL:
            return "check your internet connection"
        return (
            f"check your internet connection and the TMDb address {self.base_url} "
            "(tmdb_url in settings.json, or VIDEOMANAGER_TMDB_URL)"
        )

    def _attempt(
        self,
        url: str,
        send: dict[str, str],
        headers: dict[str, str],
        path: str,
        attempt: int,
        within: Scope,
        enforce_budget: bool,
    ) -> tuple[int, bytes, str | None] | _Failed:
        """One HTTP exchange (inside a limiter slot) under the deadline: (status, body, Retry-After).

        The daily budget counts it once it reached TMDb: an answer came, or the request left on an open
        connection (a reset or a timeout after sending); not when no connection could be made."""
        day = self.budget.reserve(enforce=enforce_budget) if self.budget is not None else None
        answered = False
        started = time.monotonic()
        connect, read = (min(t, self.deadline) for t in self.timeout)
        log.debug("TMDb GET %s (attempt %d)", path, attempt)
        try:
            with self._watchdog.watch(self.deadline, within.cancel) as guard:
                try:
                    with self.session.get(
                        url, params=send, headers=headers, timeout=(connect, read), stream=True
                    ) as resp:
                        answered = True
                        try:
                            body = self._read_body(resp, started + self.deadline)
                        finally:
                            guard.release()
                        status, retry_after = resp.status_code, resp.headers.get("Retry-After")
                except TooLarge:
                    raise ServiceUnavailableError(
                        f"TMDb sent an answer larger than the {_size(self.max_response_bytes)} limit, "
                        "so it was refused: try again later.",
                        url=path,
                    ) from None
                except (requests.RequestException, _DeadlinePassed) as exc:
                    failed = self._failure(exc, guard, path, started)
                    answered = failed.reached
                    return failed
        finally:
            if day is not None:
                (self.budget.commit if answered else self.budget.release)(day)  # type: ignore[union-attr]
        log.debug("TMDb GET %s -> %d in %.0f ms", path, status, (time.monotonic() - started) * 1000)
        return status, body, retry_after

    def _failure(self, exc: BaseException, guard: Guard, path: str, started: float) -> _Failed:
        if guard.fired == "cancelled":
            raise RequestCancelled() from None
        elapsed = time.monotonic() - started
        if guard.fired == "deadline" or isinstance(exc, _DeadlinePassed):
            reason, sentence = (
                "deadline",
                f"TMDb did not send a complete answer within {self.deadline:g} s (a dead or very slow connection)",
            )
        else:
            reason, sentence = network_reason(exc)
        # No connection was made (refused, unresolved, TLS, bad URL, connect timeout): TMDb never saw it.
        reached = reason not in ("refused", "dns", "tls", "url") and not isinstance(
            exc, requests.exceptions.ConnectTimeout
        )
        # The exception's text holds the URL with the key: keep a redacted summary only.
        detail = redact(f"{type(exc).__name__}: {exc}", self._secrets())
        log.debug("TMDb GET %s failed after %.0f ms: %s", path, elapsed * 1000, detail)
        return _Failed(reason, sentence, detail, reached)

    def _read_body(self, resp: requests.Response, deadline: float) -> bytes:
        length = resp.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > self.max_response_bytes:
            raise TooLarge()
        chunks, total = [], 0
        for chunk in resp.iter_content(64 * 1024):
            total += len(chunk)
            if total > self.max_response_bytes:
                raise TooLarge()
            chunks.append(chunk)
            if time.monotonic() > deadline:  # a session the watchdog cannot reach into
                raise _DeadlinePassed()
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
            max_total_wait=min(5.0, self.retry.max_total_wait),
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
            # Counted but never refused by the daily budget: posters show what is already identified.
            config = self._get("/configuration", enforce_budget=False)
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
