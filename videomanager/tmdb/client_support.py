"""Helpers of the TMDb client transport: log redaction, the validation result, the credential holder,
network-failure classification, and the mapping of TMDb's answers (two error body shapes, or no JSON at
all) to typed errors. Split out of ``client.py`` to keep each module readable.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import requests

from .errors import (
    BadRequestError,
    InvalidCredentialError,
    NotFoundError,
    RateLimitedError,
    ServiceUnavailableError,
    TMDbError,
    redact,
)

__all__ = ["ValidationResult", "Secret", "TooLarge", "network_reason", "decode_ok", "error_for"]


class _RedactFilter(logging.Filter):
    """Rewrites urllib3 log records so the ``api_key=`` in a request line never reaches a handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken record is not ours to fix
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


_FILTER = _RedactFilter()
for _name in ("urllib3.connectionpool", "urllib3.connection", "urllib3.util.retry", "requests"):
    _logger = logging.getLogger(_name)
    if not any(isinstance(f, _RedactFilter) for f in _logger.filters):
        _logger.addFilter(_FILTER)


@dataclass(frozen=True)
class ValidationResult:
    """Outcome of :meth:`TMDbClient.validate` for the settings dialog and ``tmdb validate``."""

    status: Literal["valid", "invalid", "unreachable", "missing"]
    message: str
    checked_at: datetime
    credential_kind: str | None

    @property
    def ok(self) -> bool:
        return self.status == "valid"


class Secret:
    """Holds a credential; its repr never shows it (protects ``vars(client)`` dumps)."""

    __slots__ = ("value",)

    def __init__(self, value: str) -> None:
        self.value = value

    def __repr__(self) -> str:
        return "'***'"


class TooLarge(Exception):
    pass


def network_reason(exc: BaseException) -> tuple[str, str]:
    """Classify a requests exception as (reason, sentence) for :class:`NetworkError`."""
    text = str(exc).lower()
    if isinstance(
        exc,
        requests.exceptions.InvalidURL
        | requests.exceptions.MissingSchema
        | requests.exceptions.InvalidSchema,
    ):
        return "url", "the TMDb address is not a valid URL"
    if isinstance(exc, requests.exceptions.SSLError):
        return "tls", "the secure connection to TMDb failed (certificate or TLS error)"
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return "timeout", "connecting to TMDb timed out"
    if isinstance(exc, requests.exceptions.Timeout) or "timed out" in text:
        return "timeout", "TMDb did not answer in time (timeout)"
    if any(
        s in text
        for s in (
            "name or service not known",
            "nodename nor servname",
            "getaddrinfo",
            "failed to resolve",
            "name resolution",
            "no address associated",
        )
    ):
        return "dns", "the TMDb server name could not be resolved (DNS failure)"
    if "refused" in text:
        return "refused", "the connection to TMDb was refused"
    if isinstance(exc, requests.exceptions.ChunkedEncodingError) or any(
        s in text for s in ("reset", "aborted", "remotedisconnected", "broken pipe", "incomplete")
    ):
        return "reset", "the connection to TMDb was reset before the answer arrived"
    return "other", "the connection to TMDb failed"


def decode_ok(body: bytes, path: str) -> Any:
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than Python can decode
        data = None
    if not isinstance(data, dict | list):
        raise ServiceUnavailableError(
            "TMDb sent an answer that is not the expected JSON (a proxy or outage page?): "
            "try again in a few minutes.",
            status=200,
            url=path,
            detail=body[:200].decode("utf-8", "replace"),
        )
    return data


def error_for(
    status: int, body: bytes, path: str, attempts: int, kind: str | None, secrets: tuple[str, ...] = ()
) -> TMDbError:
    """Map a non-200 answer (either of TMDb's two body shapes, or not JSON at all) to an error."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than Python can decode
        data = None
    code = message = None
    errors: list[str] = []
    if isinstance(data, dict):
        code = data.get("status_code") if isinstance(data.get("status_code"), int) else None
        message = data.get("status_message") if isinstance(data.get("status_message"), str) else None
        if isinstance(data.get("errors"), list):
            errors = [str(e) for e in data["errors"]]
    detail = redact(message or "; ".join(errors) or body[:200].decode("utf-8", "replace"), secrets)
    common: dict[str, Any] = {"status": status, "tmdb_code": code, "url": path, "detail": detail}
    what = f" ({message.rstrip('.')})" if message else ""
    if status == 401:
        return InvalidCredentialError(
            f"TMDb refused the {'access token' if kind == 'v4_token' else 'API key'}{what}: "
            "check the API key or read access token in Settings.",
            **common,
        )
    if status == 404:
        return NotFoundError(
            f"TMDb has no item at {path}: check the id or search for the title instead.", **common
        )
    if status in (400, 422):
        reason = "; ".join(errors) or message or "invalid parameters"
        return BadRequestError(
            f"TMDb rejected the request ({reason.rstrip('.')}): check the search text and filters.",
            errors=errors,
            **common,
        )
    if status == 429:
        return RateLimitedError(
            f"TMDb kept answering 'too many requests' after {attempts} attempts: "
            "try again in a minute or lower the request rate in Settings.",
            **common,
        )
    if status >= 500:
        return ServiceUnavailableError(
            f"TMDb is not available right now (HTTP {status}{what}): try again in a few minutes.",
            **common,
        )
    return TMDbError(f"TMDb answered HTTP {status}{what}: try again later.", **common)


# -- validation, paging and images ---------------------------------------------------------------
