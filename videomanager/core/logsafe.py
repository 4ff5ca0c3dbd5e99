"""Keep the TMDb key and token out of logs and messages.

``redact`` masks ``api_key=...`` in URLs, ``Bearer ...`` headers, and every secret registered with
``register_secret`` (the configured key and token). ``install_log_redaction`` adds a filter to the root
handlers so nothing logged through ``logging`` can carry them.
"""

from __future__ import annotations

import logging
import threading

_secrets: set[str] = set()
_lock = threading.Lock()


def register_secret(value: str | None) -> None:
    if value and len(value) >= 8:
        with _lock:
            _secrets.add(value)


def redact(text: str) -> str:
    """Mask credentials (the TMDb client's rules, plus every registered secret)."""
    if not text:
        return text
    from videomanager.tmdb.errors import redact as tmdb_redact

    with _lock:
        secrets = tuple(_secrets)
    return tmdb_redact(text, secrets)


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: leave the record as it is
            return True
        clean = redact(message)
        if clean != message or record.args:
            record.msg, record.args = clean, None
        return True


def install_log_redaction(logger: logging.Logger | None = None) -> None:
    """Add the filter to every handler of the logger (root by default), once."""
    logger = logger or logging.getLogger()
    for handler in logger.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
