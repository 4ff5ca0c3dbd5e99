"""Typed TMDb errors whose messages a person can act on, and a redaction helper.

Every message is one sentence that says what went wrong and what to do about it; every class carries
its ``kind`` (``"credential"``, ``"daily-limit"``, ``"network"``, ``"rate-limit"``, ...), which is what
the pipeline and the window act on. Nothing here ever holds the API key or the read access token: URLs
and free text pass through :func:`redact` before they are stored, and request headers are never kept.
:func:`redact` masks credentials by their shape and also, literally, every secret registered with
:func:`register_secret` (the client registers the key or token it is given), wherever it appears.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

__all__ = [
    "TMDbError",
    "InvalidCredentialError",
    "NotFoundError",
    "RateLimitedError",
    "BadRequestError",
    "ServiceUnavailableError",
    "NetworkError",
    "NoCredentialError",
    "DailyLimitReachedError",
    "MalformedAnswerError",
    "RequestCancelled",
    "ERROR_KINDS",
    "redact",
    "register_secret",
]

# Query parameters and headers that carry a credential, in any URL-ish or log-ish text.
_SECRET_PARAM = re.compile(r"(?i)\b(api_key|access_token|session_id|guest_session_id)=([^&\s\"'<>#)]*)")
_BEARER = re.compile(r"(?i)\b(bearer)\s+[^\s\"',;)]+")
# A JWT (v4 token) or a bare 32-hex v3 key that slipped into some text without a parameter name.
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
_HEX32 = re.compile(r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{32}(?![0-9A-Fa-f])")
MASK = "***"
MIN_SECRET_LENGTH = 4  # shorter values are not credentials; masking them would garble ordinary text

# Credentials in use in this process: masked literally by every redact(), glued to other text or not.
_registered: set[str] = set()
_registered_lock = threading.Lock()


def register_secret(value: str | None) -> None:
    """Have :func:`redact` mask ``value`` literally from now on (a configured key or token)."""
    if value and len(value) >= MIN_SECRET_LENGTH:
        with _registered_lock:
            _registered.add(value)


def redact(text: object, secrets: Iterable[str | None] = ()) -> str:
    """Return ``text`` as a string with every credential replaced by ``***``.

    Covers ``api_key=...`` in URLs, ``Bearer ...``, JWT-shaped tokens, bare 32-hex keys, plus the
    literal ``secrets`` given and every registered secret, whatever their shape and wherever they sit.
    """
    out = str(text)
    with _registered_lock:
        literal = {*_registered, *(s for s in secrets if s and len(s) >= MIN_SECRET_LENGTH)}
    for secret in sorted(literal, key=len, reverse=True):  # a longer secret may contain a shorter one
        out = out.replace(secret, MASK)
    out = _SECRET_PARAM.sub(lambda m: f"{m.group(1)}={MASK}", out)
    out = _BEARER.sub(lambda m: f"{m.group(1)} {MASK}", out)
    out = _JWT.sub(MASK, out)
    return _HEX32.sub(MASK, out)


class TMDbError(Exception):
    """Base of every error the TMDb client raises.

    ``user_message`` is the sentence to show a person; ``status`` is the HTTP status (None when no
    response came back), ``tmdb_code`` TMDb's own ``status_code`` when the body had one, ``url`` the
    redacted URL of the request.
    """

    default_message = "TMDb returned an unexpected answer: try again later."
    kind = "other"

    def __init__(
        self,
        message: str | None = None,
        *,
        status: int | None = None,
        tmdb_code: int | None = None,
        url: str | None = None,
        detail: str | None = None,
    ) -> None:
        self.user_message: str = redact(message or self.default_message)
        self.status = status
        self.tmdb_code = tmdb_code
        self.url = redact(url) if url else None
        # Technical detail for logs (server text, exception text), redacted like everything else.
        self.detail = redact(detail) if detail else None
        super().__init__(self.user_message)

    def __str__(self) -> str:
        return self.user_message

    def scrub(self, secrets: Iterable[str | None]) -> TMDbError:
        """Mask the literal ``secrets`` in every text this error holds (a server may echo a key back)."""
        secrets = tuple(secrets)
        self.user_message = redact(self.user_message, secrets)
        self.url = redact(self.url, secrets) if self.url else None
        self.detail = redact(self.detail, secrets) if self.detail else None
        self.args = (self.user_message,)
        return self

    def __repr__(self) -> str:
        parts = [repr(self.user_message)]
        if self.status is not None:
            parts.append(f"status={self.status}")
        if self.tmdb_code is not None:
            parts.append(f"tmdb_code={self.tmdb_code}")
        if self.url:
            parts.append(f"url={self.url!r}")
        return f"{type(self).__name__}({', '.join(parts)})"


class InvalidCredentialError(TMDbError):
    """HTTP 401 (TMDb codes 3, 7, 10, 14, 35, ...): the key or token was refused."""

    kind = "credential"

    default_message = (
        "TMDb refused the credential (invalid API key or access token): "
        "check the API key or read access token in Settings."
    )


class NotFoundError(TMDbError):
    """HTTP 404 / code 34: the id does not exist on TMDb."""

    kind = "not-found"

    default_message = "TMDb has no item with this id: check the id or search for the title instead."


class RateLimitedError(TMDbError):
    """HTTP 429 / code 25, still there after every retry."""

    kind = "rate-limit"

    default_message = (
        "TMDb kept answering 'too many requests' even after waiting: "
        "try again in a minute or lower the request rate in Settings."
    )


class BadRequestError(TMDbError):
    """HTTP 400/422: TMDb rejected the parameters (``errors`` list or a status envelope)."""

    kind = "bad-request"

    default_message = "TMDb rejected the request parameters: check the search text and filters."

    def __init__(self, message: str | None = None, *, errors: list[str] | None = None, **kw: object) -> None:
        self.errors = [redact(e) for e in (errors or [])]
        super().__init__(message, **kw)  # type: ignore[arg-type]

    def scrub(self, secrets: Iterable[str | None]) -> TMDbError:
        secrets = tuple(secrets)
        self.errors = [redact(e, secrets) for e in self.errors]
        return super().scrub(secrets)


class ServiceUnavailableError(TMDbError):
    """HTTP 5xx (JSON or not), or a body that is not the JSON TMDb promises."""

    kind = "network"

    default_message = "TMDb is not available right now: try again in a few minutes."


class NetworkError(TMDbError):
    """No HTTP answer at all: DNS failure, refused connection, timeout, reset, TLS failure.

    ``reason`` is one of ``dns``, ``refused``, ``timeout``, ``reset``, ``tls``, ``url``, ``other``.
    """

    kind = "network"

    default_message = "Could not reach TMDb: check your internet connection."

    def __init__(self, message: str | None = None, *, reason: str = "other", **kw: object) -> None:
        self.reason = reason
        super().__init__(message, **kw)  # type: ignore[arg-type]


class NoCredentialError(TMDbError):
    """No key and no token configured: raised before any request is made."""

    kind = "credential"

    default_message = "No TMDb credential configured: add your API key in Settings."


class DailyLimitReachedError(TMDbError):
    """The user's daily request budget is spent: raised before any request is made."""

    kind = "daily-limit"

    def __init__(self, used: int, limit: int) -> None:
        self.used = used
        self.limit = limit
        super().__init__(
            f"Daily TMDb request limit reached ({used} of {limit}): identification continues "
            "tomorrow, or raise the limit in Settings."
        )


class MalformedAnswerError(TMDbError):
    """A 200 answer whose shape is not what the endpoint promises (a list for an object, an id that is
    not a positive integer, ...): a failed lookup for that one title, never cached."""

    kind = "malformed"
    default_message = (
        "TMDb sent an answer that does not have the expected shape (a fault on TMDb's side or a proxy's): "
        "try again later."
    )


class RequestCancelled(TMDbError):
    """The caller's cancel event was set while a request waited or was in flight (the user stopped)."""

    kind = "cancelled"
    default_message = "The TMDb request was stopped."


# Every kind an error can carry, for the window's actions and the pipeline's summary.
ERROR_KINDS = (
    "other",
    "credential",
    "daily-limit",
    "network",
    "rate-limit",
    "not-found",
    "bad-request",
    "malformed",
    "cancelled",
)


# HTTP status -> class, for the codes whose meaning does not depend on the body.
STATUS_CLASSES: dict[int, type[TMDbError]] = {
    400: BadRequestError,
    401: InvalidCredentialError,
    404: NotFoundError,
    422: BadRequestError,
    429: RateLimitedError,
}
