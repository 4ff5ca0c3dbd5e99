"""The TMDb client a program's settings describe: credentials, server, language, limits and cache.

``settings`` is any object with the fields of ``core.settings.Settings`` used here; environment variables
override settings.json: ``TMDB_API_KEY``, ``TMDB_ACCESS_TOKEN`` and ``VIDEOMANAGER_TMDB_URL``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from .cache import ResponseCache
from .client import DEFAULT_BASE_URL, TMDbClient
from .errors import register_secret
from .ratelimit import DailyBudget, RateLimiter

__all__ = ["build_client", "effective_credentials", "effective_tmdb_url"]


def effective_credentials(settings, env: Mapping[str, str] | None = None) -> tuple[str, str]:
    """(api_key, access_token): TMDB_API_KEY / TMDB_ACCESS_TOKEN override settings.json."""
    env = os.environ if env is None else env
    key = (env.get("TMDB_API_KEY") or settings.tmdb_api_key or "").strip()
    token = (env.get("TMDB_ACCESS_TOKEN") or settings.tmdb_access_token or "").strip()
    return key, token


def effective_tmdb_url(settings, env: Mapping[str, str] | None = None) -> str:
    """The server to ask: VIDEOMANAGER_TMDB_URL, else settings.json's, else TMDb's."""
    env = os.environ if env is None else env
    return (env.get("VIDEOMANAGER_TMDB_URL") or settings.tmdb_url or DEFAULT_BASE_URL).rstrip("/")


def build_client(settings, paths, request_store, env: Mapping[str, str] | None = None) -> TMDbClient | None:
    """The client the settings describe, or None when no credential is configured. ``paths.tmdb_cache``
    is the response cache's file; ``request_store`` (the library) keeps the daily request count, or None
    for no daily budget."""
    key, token = effective_credentials(settings, env)
    if not key and not token:
        return None
    register_secret(key)
    register_secret(token)
    budget = DailyBudget(settings.daily_request_limit, request_store) if request_store is not None else None
    return TMDbClient(
        api_key=key or None,
        access_token=token or None,
        base_url=effective_tmdb_url(settings, env),
        language=settings.language or "en-US",
        region=settings.region or None,
        include_adult=settings.include_adult,
        limiter=RateLimiter(rate_per_second=settings.requests_per_second),
        cache=ResponseCache(paths.tmdb_cache),
        budget=budget,
    )
