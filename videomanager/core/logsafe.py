"""Keep the TMDb key and token out of logs and messages.

``redact`` masks ``api_key=...`` in URLs, ``Bearer ...`` headers, and every secret registered with
``register_secret`` (the configured key and token; one registry, the TMDb package's, so that its errors
and this filter mask the same values). ``install_log_redaction`` adds a filter to the root handlers so
nothing logged through ``logging`` can carry them.
"""

from __future__ import annotations

import logging

__all__ = ["register_secret", "redact", "RedactingFilter", "install_log_redaction"]


# Imported when first used: importing the TMDb package loads requests, which `list` never needs.
def register_secret(value: str | None) -> None:
    from videomanager.tmdb.errors import register_secret as tmdb_register

    tmdb_register(value)


def redact(text: str) -> str:
    """Mask credentials (the TMDb client's rules, plus every registered secret)."""
    if not text:
        return text
    from videomanager.tmdb.errors import redact as tmdb_redact

    return tmdb_redact(text)


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
