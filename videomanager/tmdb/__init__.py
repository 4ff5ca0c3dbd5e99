"""TMDb v3 client: plain Python (no Qt), rate-limited, cached, budgeted, thread-safe.

``TMDbClient`` is the entry point; the errors it raises all derive from ``TMDbError`` and carry a
``user_message`` a person can act on and a ``kind`` the program acts on. Answers are validated before
they are cached or returned (``validate.py``). Nothing in this package ever logs or shows the credential.
"""

from .cache import ResponseCache
from .client import DEFAULT_BASE_URL, TMDbClient, ValidationResult
from .credentials import clean_credential, credential_warning, detect_credential
from .errors import (
    BadRequestError,
    DailyLimitReachedError,
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
from .ratelimit import DailyBudget, MemoryRequestStore, RateLimiter, RetryPolicy

__all__ = [
    "TMDbClient",
    "ValidationResult",
    "DEFAULT_BASE_URL",
    "ResponseCache",
    "RateLimiter",
    "RetryPolicy",
    "DailyBudget",
    "MemoryRequestStore",
    "detect_credential",
    "credential_warning",
    "clean_credential",
    "redact",
    "register_secret",
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
]
