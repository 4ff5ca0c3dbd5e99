"""Hostile answers for the fake TMDb: malformed ids and types, in single results or in whole answers.

``roll(seed, path, query)`` decides, the same way every time for the same request (so a cached bad
answer and a fresh one agree), whether an answer is malformed and how; ``mangle`` applies it. Variants:

- ``bad-items`` (harmless): extra results whose id is ``10**30``, ``null`` or ``"abc"``, or whose title is a
  list and release date a number; the real results are untouched, so a client that drops malformed
  results gets the clean answer.
- ``bad-fields`` (harmless for identification): a details answer whose ``credits`` cast is not a list,
  ``videos`` a string, a cast member's name null, ``genres`` a string, ``popularity`` not a number.
- ``corrupt-item``: the first real result gets a list for a title (the client drops it: the match may change).
- ``not-an-object`` / ``results-not-a-list`` / ``bad-id``: the whole answer is malformed (a list where an
  object is promised, ``results`` a string, a details id ``"abc"``): that lookup fails.
"""

from __future__ import annotations

import copy
import hashlib
from typing import Any

HARMLESS = ("bad-items", "bad-fields")
WHOLE = ("not-an-object", "results-not-a-list", "bad-id")


def roll(seed: int, path: str, query: dict[str, str]) -> float:
    """A number in [0, 1) fixed by the request (credential left out): malformed when below ``rate``."""
    items = sorted((k, v) for k, v in query.items() if k != "api_key")
    digest = hashlib.sha256(repr((seed, path, items)).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def variant_for(body: Any, roll: float, rate: float) -> str | None:
    """Which malformation suits this answer (None: leave it alone)."""
    if rate <= 0 or roll >= rate or not isinstance(body, dict):
        return None
    choice = int(roll / rate * 1000)  # spreads the malformed answers over the variants
    if isinstance(body.get("results"), list):
        return ("bad-items", "bad-items", "corrupt-item", "results-not-a-list", "not-an-object")[choice % 5]
    if "id" in body:
        return ("bad-fields", "bad-fields", "bad-id", "not-an-object")[choice % 4]
    return None


def suits(body: Any, variant: str) -> bool:
    """Whether ``variant`` applies to this answer (list variants need ``results``, details an ``id``)."""
    if not isinstance(body, dict):
        return False
    if variant in ("bad-items", "corrupt-item", "results-not-a-list"):
        return isinstance(body.get("results"), list)
    if variant in ("bad-fields", "bad-id"):
        return "id" in body
    return variant == "not-an-object"


def mangle(body: dict[str, Any], variant: str) -> Any:
    """The answer with the malformation ``variant`` applied (the original is not changed)."""
    out = copy.deepcopy(body)
    if variant == "not-an-object":
        return [out]
    if variant == "results-not-a-list":
        out["results"] = "x"
    elif variant == "bad-id":
        out["id"] = "abc"
    elif variant == "bad-items":
        template = (
            dict(out["results"][0]) if out["results"] else {"title": "Junk", "release_date": "2001-01-01"}
        )
        for bad in ({"id": 10**30}, {"id": None}, {"id": "abc"},
                    {"id": 987_654_321, "title": ["a", "list"], "name": ["a", "list"], "release_date": 1999}):  # fmt: skip
            out["results"].append({**template, **bad})
    elif variant == "corrupt-item" and out["results"]:
        out["results"][0]["title"] = ["not", "a", "string"]
        out["results"][0]["name"] = ["not", "a", "string"]
    elif variant == "bad-fields":
        out["popularity"] = "very"
        out["genres"] = "Drama"
        credits = out.get("credits")
        if isinstance(credits, dict):
            credits["crew"] = "nobody"
            for member in credits.get("cast") or []:
                member["name"] = None
                break
        if "videos" in out:
            out["videos"] = "none"
    return out
