"""Why a card is identified the way it is, as message ids with arguments.

The core says why with the phrases of ``PHRASES`` only: each has an id and an English template. The
reasons of a lookup or a card are those phrases joined into one English text (``compose``: what the CLI,
``list --json`` and the library keep, e.g. "title 0.97, year exact, 2nd best 0.61"), and ``parse`` turns
such a text back into its phrases, exactly (a test checks every phrase both ways), so the window renders
each phrase in its own language with its numbers in the local format. Text no phrase matches comes back
as ``("text", (the text,))``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# id -> English template; {0}, {1} are the arguments (numbers, years, codes; never sentences).
PHRASES: dict[str, str] = {
    "title": "title {0}",  # title similarity, 0.00-1.00
    "no_year_in_name": "no year in the name",
    "no_year_on_tmdb": "no year on TMDb",
    "year_exact": "year exact",
    "released_somewhere": "released {0} somewhere (first {1})",
    "year_off_one": "year off by one ({0})",
    "year_off_two": "year off by two ({0})",
    "year_other": "year {0}",
    "country": "country {0}",
    "not_from": "not from {0}",
    "original_language": "original language {0}",
    "only_seasons": "only {0} seasons",
    "second_best": "2nd best {0}",
    "no_other": "no other candidate",
    "too_close": "too close to choose",
    "below_floor": "below the {0} floor",
    "no_result": "no result on TMDb",
    "too_far": "best {0} ({1}) is too far",  # {1}: the phrases of the best candidate
    "set_by_you": "set by you",
    "split_by_you": "split off by you",
    "merged_by_you": "merged by you",
    "unmatched_by_you": "unmatched by you",
    "extras_alone": "extras without their film",
    "nothing_to_look_up": "nothing to look up in the file name",
    "id_not_on_tmdb": "the id in the file name ({0}) is not on TMDb",
    "tmdb_id_in_name": "TMDb id {0} in the file name",
    "imdb_id": "IMDB id {0}",
    "tvdb_id": "TVDB id {0}",
    "request_rejected": "TMDb rejected the request",
}
NESTED = {"too_far": 1}  # phrase id -> the argument that holds phrases of its own


class Phrase(NamedTuple):
    id: str
    args: tuple[str, ...] = ()
    inner: tuple[Phrase, ...] = ()  # the phrases of a NESTED argument


def phrase(pid: str, *args: object) -> str:
    """The English text of one phrase."""
    return PHRASES[pid].format(*args)


def compose(parts: list[str], outcome: str | None = None) -> str:
    """Phrases joined as a lookup's reasons: "a, b, c", then ": outcome" when there is one."""
    text = ", ".join(p for p in parts if p)
    return f"{text}: {outcome}" if outcome else text


def _pattern(template: str) -> re.Pattern[str]:
    out, pos = "", 0
    for m in re.finditer(r"\{(\d)\}", template):
        out += re.escape(template[pos : m.start()]) + f"(?P<a{m.group(1)}>.+?)"
        pos = m.end()
    return re.compile(out + re.escape(template[pos:]))


_PATTERNS = {pid: _pattern(t) for pid, t in PHRASES.items()}


def _split(text: str, sep: str) -> list[str]:
    """Split on ``sep`` outside parentheses."""
    out, depth, current, i = [], 0, "", 0
    while i < len(text):
        ch = text[i]
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and text.startswith(sep, i):
            out.append(current)
            current, i = "", i + len(sep)
            continue
        current += ch
        i += 1
    out.append(current)
    return out


def _one(text: str) -> Phrase:
    for pid, pattern in _PATTERNS.items():
        m = pattern.fullmatch(text)
        if m is None:
            continue
        args = tuple(m.group(f"a{i}") for i in range(len(m.groupdict())))
        if pid in NESTED:
            inner = parse(args[NESTED[pid]])
            if any(p.id == "text" for p in inner):
                continue
            return Phrase(pid, args, tuple(inner))
        return Phrase(pid, args)
    return Phrase("text", (text,))


def parse(text: str) -> list[Phrase]:
    """The phrases of a reasons text, in order; an outcome after ": " comes last."""
    if not text:
        return []
    head = _split(text, ": ")
    parts = [p for chunk in head[:1] for p in _split(chunk, ", ")]
    out = [_one(p) for p in parts]
    out += [_one(rest) for rest in head[1:]]
    if any(p.id == "text" for p in out) and len(out) > 1:
        return [Phrase("text", (text,))]  # not ours: one piece of text, as it is
    return out
