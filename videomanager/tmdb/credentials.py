"""Recognise what kind of TMDb credential a person pasted, and warn about common slips.

TMDb hands out two strings on the same settings page: a v3 "API Key" (32 hex characters, sent as
``?api_key=``) and a v4 "API Read Access Token" (a JWT starting ``eyJ``, sent as
``Authorization: Bearer``). People paste one into the other's field all the time; sending a v3 key as
a Bearer token gets a 401. The client sends whatever it got the right way; the warning is for the UI.
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["CredentialKind", "clean_credential", "detect_credential", "credential_warning"]

CredentialKind = Literal["v3_key", "v4_token", "unknown"]

_V3 = re.compile(r"[0-9a-fA-F]{32}")
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")
# Quotes people bring along when copying from a JSON file, a shell line or a chat message.
_QUOTES = "\"'`\u201c\u201d\u2018\u2019"
_PREFIX = re.compile(r"(?i)^(bearer\s+|api_key\s*=\s*)")


def clean_credential(text: str | None) -> str | None:
    """Strip whitespace, surrounding quotes and a pasted ``Bearer `` / ``api_key=`` prefix.

    Returns None for an empty result, so ``""`` and ``"   "`` mean "no credential".
    """
    if text is None:
        return None
    out = text.strip().strip(_QUOTES).strip()
    out = _PREFIX.sub("", out).strip().strip(_QUOTES).strip()
    return out or None


def detect_credential(text: str | None) -> CredentialKind:
    """Classify ``text`` (after cleaning) as ``v3_key``, ``v4_token`` or ``unknown``."""
    value = clean_credential(text)
    if not value:
        return "unknown"
    if _V3.fullmatch(value):
        return "v3_key"
    if _JWT.fullmatch(value):
        return "v4_token"
    return "unknown"


def credential_warning(field: str, text: str | None) -> str | None:
    """A one-sentence warning for the settings dialog, or None when ``text`` looks right.

    ``field`` is ``"api_key"`` or ``"access_token"`` (the slot the text was typed into). An empty
    field gets no warning: having no credential is a state, not a mistake.
    """
    if field not in ("api_key", "access_token"):
        raise ValueError(f"field must be 'api_key' or 'access_token', not {field!r}")
    if text is None or not text.strip():
        return None
    kind = detect_credential(text)
    cleaned = clean_credential(text)
    if field == "access_token" and kind == "v3_key":
        return (
            "This looks like a v3 API key (32 characters), not a read access token: "
            "it will be sent as an API key, but it belongs in the API key field."
        )
    if field == "api_key" and kind == "v4_token":
        return (
            "This looks like a v4 read access token, not a v3 API key: "
            "it will be sent as a token, but it belongs in the access token field."
        )
    if kind == "unknown":
        what = (
            "API key (32 letters and digits)" if field == "api_key" else "read access token (starts with eyJ)"
        )
        return f"This does not look like a TMDb {what}: copy it again from your TMDb account's API page."
    if cleaned != text:
        return "Spaces, quotes or a prefix around the credential were removed: check it was copied whole."
    return None
