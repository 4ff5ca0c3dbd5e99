"""A type checker for the `list --json` shape of CONTRACT.md: ids int or null, titles str, years int or
null, states from the contract's list, versions / episodes / extras with their typed fields.

``contract_problems(cards)`` returns one line per value of the wrong type (empty when the output keeps
the contract); fields the contract does not list are checked only when they are known additions
(candidates, original_title, poster_path, reasons, reclaimable_bytes)."""

from __future__ import annotations

import math
from typing import Any

STATES = {"matched", "ambiguous", "not_found", "pending", "manual"}
KINDS = {"movie", "tv", None}


def _int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _opt_int(v: Any) -> bool:
    return v is None or _int(v)


def _opt_str(v: Any) -> bool:
    return v is None or isinstance(v, str)


def _number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def _check(problems: list[str], where: str, obj: dict, spec: dict[str, Any], required: bool = True) -> None:
    for name, ok in spec.items():
        if name not in obj:
            if required:
                problems.append(f"{where}: no {name}")
            continue
        if not ok(obj[name]):
            problems.append(f"{where}.{name}: {obj[name]!r}")


CARD = {
    "id": lambda v: isinstance(v, str) and bool(v),
    "tmdb_id": lambda v: v is None or (_int(v) and 0 < v <= 2**63 - 1),
    "kind": lambda v: v in KINDS,
    "title": lambda v: isinstance(v, str),
    "year": _opt_int,
    "state": lambda v: v in STATES,
    "confidence": lambda v: v is None or _number(v),
    "versions": lambda v: isinstance(v, list),
    "episodes": lambda v: isinstance(v, list),
    "extras": lambda v: isinstance(v, list),
}
CARD_OPTIONAL = {
    "original_title": _opt_str,
    "poster_path": _opt_str,
    "reasons": lambda v: isinstance(v, str),
    "reclaimable_bytes": _int,
    "candidates": lambda v: isinstance(v, list),
}
VERSION = {
    "path": lambda v: isinstance(v, str),
    "resolution": _opt_str,
    "edition": _opt_str,
    "size": _int,
    "parts": lambda v: isinstance(v, list) and all(isinstance(p, str) for p in v),
    "best": lambda v: isinstance(v, bool),
}
EPISODE = {
    "path": lambda v: isinstance(v, str),
    "season": _opt_int,
    "episode": _opt_int,
    "resolution": _opt_str,
    "size": _int,
}
EXTRA = {"path": lambda v: isinstance(v, str), "type": lambda v: isinstance(v, str)}
CANDIDATE = {
    "tmdb_id": lambda v: _int(v) and 0 < v <= 2**63 - 1,
    "kind": lambda v: v in ("movie", "tv"),
    "title": lambda v: isinstance(v, str),
    "year": _opt_int,
    "score": _number,
}


def contract_problems(cards: Any) -> list[str]:
    if not isinstance(cards, list):
        return [f"not a JSON array: {type(cards).__name__}"]
    problems: list[str] = []
    for i, card in enumerate(cards):
        where = f"card[{i}]"
        if not isinstance(card, dict):
            problems.append(f"{where}: not an object")
            continue
        _check(problems, where, card, CARD)
        _check(problems, where, card, CARD_OPTIONAL, required=False)
        for key, spec in (
            ("versions", VERSION),
            ("episodes", EPISODE),
            ("extras", EXTRA),
            ("candidates", CANDIDATE),
        ):
            for j, item in enumerate(card.get(key) or []):
                if not isinstance(item, dict):
                    problems.append(f"{where}.{key}[{j}]: not an object")
                else:
                    _check(problems, f"{where}.{key}[{j}]", item, spec)
        if "missing" in card and not isinstance(card["missing"], bool):
            problems.append(f"{where}.missing: {card['missing']!r}")
    return problems
