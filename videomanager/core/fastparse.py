"""Fast path for the name parser: a name whose *shape* was already read by `parser.parse` is read again
without guessit, and gives exactly what `parse` gives.

A path is cut into a shape (its key) and slots:

* the title run at the start of the title folder and of the file name ("Bad.Santa", "Matrix, The") becomes
  a text slot, but only when no guessit pattern and no rule of `parser`/`parser_rules` sees anything in it
  (`Vocabulary`): such words can only be title words, so any such title reads like any other;
* years, S01E02 / 1x02 numbers, dates and season-folder numbers become number slots, by digit class;
  every other character stays literally in the key ("1080p.BluRay.x264-", " - 4K", "Season ", ".avi"),
  with the equalities between slots (the folder's year is the file's year) and each title's form (its
  separators, case, "&", a trailing ", The").

The first names of a key are parsed by `parse` itself (the caller sends them, `learn` reads the result):
each field of the result is explained by a constant or by a slot, every explanation that fits every
name parsed so far is kept, and a name is read by the fast path only when all of them agree on it and
the key has seen `MIN_LEARNED` names. A disagreement asks for one more name to learn from; a key that
cannot be explained goes back to `parse` for good. Anything unusual (ids in the name, disc folders, no
title run, bytes that are not UTF-8) is never claimed.

No I/O, no Qt. Not thread-safe: one `FastParser` per scan.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import threading
from typing import Any, NamedTuple

from guessit.rules.common import seps as _GUESSIT_SEPS
from guessit.rules.common.formatters import cleanup as _cleanup
from guessit.rules.common.formatters import reorder_title as _reorder_title

from videomanager.core import episodes as _episodes
from videomanager.core import parser as _parser
from videomanager.core import parser_films as _films
from videomanager.core import parser_rules as _rules
from videomanager.core.models import Parsed
from videomanager.core.text import normalize_title

__all__ = ["FastParser", "Plan", "Vocabulary", "MIN_LEARNED", "NEED", "SLOW", "warm_up"]

MIN_LEARNED = 1  # names of a frame parsed by guessit before the fast path reads others (see _Frame.tried)
MAX_DISAGREEMENTS = 12  # a frame whose explanations still disagree this often is left to guessit
NEED = "need"  # predict(): parse this name with guessit and learn from it
SLOW = "slow"  # predict(): this key is left to guessit

_FIELDS = tuple(f.name for f in dataclasses.fields(Parsed))
_WORD = r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*"
# A title run: words (letters, inner apostrophes and hyphens) or "&", separated by " ", ".", "_" or ", ".
_RUN = re.compile(rf"(?:{_WORD}|&)(?:(?:, ?|[ ._])(?:{_WORD}|&))*(?![\w'’&-])")
_NUMBERS = re.compile(
    r"(?<![^\W_])(?:(?P<se>[Ss](?P<s>\d{1,4})[Ee](?P<e>\d{1,4}))|(?P<x>(?P<xs>\d{1,2})[xX](?P<xe>\d{2,3}))"
    r"|(?P<date>(?P<dy>\d{4})-(?P<dm>\d{2})-(?P<dd>\d{2}))|(?P<year>\d{4}))(?![^\W_])"
)
_DIGITS = re.compile(r"\d+")
_GROUP = re.compile(rf"-({_WORD})$")  # a scene release group at the end of a name: "x264-SPARKS"
_EPISODE_TITLE = re.compile(r" - (?P<run>[^\W\d_][^/]*)$")  # "Show - S01E02 - The Pilot"
# guessit properties of the technical words of a name.
_TECHNICAL = frozenset(
    "screen_size source video_codec video_profile video_api video_bit_rate audio_codec audio_channels "
    "audio_profile audio_bit_rate color_depth container streaming_service frame_rate other mimetype size cd".split()
)
# Parser regexes that match any word (tokenizers), not a vocabulary: never used to judge a title.
_TOKENIZERS = frozenset({"_STEM_TOKEN"})
# The modules parse() reads names with: their module-level regexes are the parser's own vocabulary.
_PARSER_MODULES = (_parser, _rules, _films, _episodes)


def _digit_class(digits: str) -> str:
    return f"{len(digits)}{'z' if len(digits) > 1 and digits[0] == '0' else ''}"


def _valid_year(value: int) -> bool:
    return 1900 <= value < 2035  # guessit's own range (rules.common.date.valid_year)


@functools.lru_cache(maxsize=1 << 16)
def title_text(raw: str) -> str:
    """A title run as guessit writes a title: its own clean-up, then 'Matrix, The' -> 'The Matrix'."""
    return _reorder_title(_cleanup(raw)).strip()


class Vocabulary:
    """Does guessit, or a rule of the parser, see anything in this text? Built from guessit's own patterns
    (every string, regex, chain and functional pattern of its rebulk, whether enabled or not) and from the
    module-level regexes of the parser's modules (`parser`, `parser_rules`, `parser_films`, `episodes`); a
    text with no match can only be title words.

    Patterns that cannot match across a separator are tried on each word alone, and the word-level finders
    (language, country) on each word and pair of words: both cached, as titles share most words."""

    def __init__(self) -> None:
        from guessit.api import default_api

        default_api.configure({}, sanitize_options=False)
        options = default_api.effective_options or {}
        alternatives, chain_starts, others = _alternatives(list(_all_patterns(default_api.rebulk)))
        # A match counts when it stands as whole words: it starts at the text's start, after a separator or
        # on one, and ends at the text's end, before a separator or on one (some guessit regexes take the
        # separators in: "(?:[^a-z0-9]|^)...(?:[^a-z0-9]|$)").
        sep = re.escape(_GUESSIT_SEPS)
        end = rf"(?:(?![^{sep}])|(?<=[{sep}]))"
        by_name: dict[str, list[str]] = {}
        for name, src, _ in alternatives:
            by_name.setdefault(name or "?", []).append(src)
        self._properties = [
            (n, re.compile("(?:" + "|".join(srcs) + ")")) for n, srcs in sorted(by_name.items())
        ]
        self.technical = functools.lru_cache(maxsize=1 << 14)(self._technical)
        single = [src for _, src, spans in alternatives if not spans]
        multi = [src for _, src, spans in alternatives if spans]
        self._word_regex = re.compile("(?:" + "|".join(single or ["(?!)"]) + ")")
        self._regex = re.compile("(?:" + "|".join(multi or ["(?!)"]) + ")" + end)
        # A chain (S01E02, "Season 2 of 8") is judged by its first part alone, wherever that part ends.
        self._chain_regex = re.compile("(?:" + "|".join(chain_starts or ["(?!)"]) + ")")
        finders = [p for p in others if not getattr(p, "marker", False)]
        self._word_finders = [_finder(p, options) for p in finders if _is_word_finder(p)]
        self._finders = [_finder(p, options) for p in finders if not _is_word_finder(p)]
        self._parser_regexes = [
            value
            for module in _PARSER_MODULES
            for name, value in vars(module).items()
            if isinstance(value, re.Pattern) and name not in _TOKENIZERS
        ]
        self._word = functools.lru_cache(maxsize=1 << 16)(self._word_sees)

    def sees_anything(self, text: str) -> bool:
        """True when a pattern matches whole words that start inside ``text``, alone or followed by a
        number ("Part 2", "Vol 1", "Episode 7"), or when a parser rule finds something in it."""
        limit = len(text)
        probe = text + " 1"
        starts = _starts(text)
        words = [text[a:b] for a, b in zip(starts, [*starts[1:], limit + 1], strict=True)]
        # Each word alone, each pair of neighbours (a two-word language: "Brazilian Portuguese").
        pieces = [w.rstrip(_GUESSIT_SEPS) for w in words]
        if any(self._word(w) for w in pieces if w):
            return True
        if any(self._word(a + b.rstrip(_GUESSIT_SEPS)) for a, b in zip(words, words[1:], strict=False)):
            return True
        for pos in starts:
            if (
                self._regex.match(text, pos)
                or self._regex.match(probe, pos)
                or self._chain_regex.match(probe, pos)
            ):
                return True
        # The other finders (dates, ids) need digits or a word of 20 characters: a title run has neither.
        if any(c.isdigit() for c in text) or any(len(w) >= 20 for w in words):
            for find in self._finders:
                for start, stop in find(text):
                    if _whole(text, start, stop):
                        return True
        cleaned = title_text(text)
        texts = (text, cleaned) if cleaned != text else (text,)
        if any(r.search(t) for t in texts for r in self._parser_regexes):
            return True
        return _parser_rule_sees(cleaned)

    def _technical(self, word: str) -> bool:
        """A word guessit reads as a technical property only (resolution, source, codecs, audio, container,
        other tags): such words go to a name's tail. A word it reads as anything else (an episode or part
        mark, an edition, a language), or not at all (a leftover that becomes a title), stays in the frame."""
        found = {name for name, regex in self._properties if regex.fullmatch(word)}
        if any(_whole(word, a, b) for find in self._word_finders for a, b in find(word)):
            found.add("language/country")
        # "x264" is also a bonus number to one pattern; a codec all the same.
        return bool(found & _TECHNICAL) and found - {"bonus"} <= _TECHNICAL

    def _word_sees(self, word: str) -> bool:
        """A word (or two) alone: a pattern that reads it whole, or a word finder that finds anything."""
        if self._word_regex.fullmatch(word):
            return True
        return any(_whole(word, a, b) for find in self._word_finders for a, b in find(word))


def _may_match_sep(source: str) -> bool:
    """Can this regex consume a separator? (Read from its parsed form; True when unsure.)"""
    try:
        import re._constants as c
        import re._parser as sre

        tree = sre.parse(source)
    except Exception:  # noqa: BLE001 - another Python's internals: assume the worst
        return True
    seps = {ord(ch) for ch in _GUESSIT_SEPS}
    safe_categories = {c.CATEGORY_DIGIT}

    def walk(items: Any) -> bool:
        for op, av in items:
            if op is c.LITERAL:
                if av in seps:
                    return True
            elif op in (c.NOT_LITERAL, c.ANY, c.GROUPREF, c.GROUPREF_EXISTS):
                return True
            elif op is c.IN:
                for o, a in av:
                    if (
                        o is c.NEGATE
                        or (o is c.LITERAL and a in seps)
                        or (o is c.CATEGORY and a not in safe_categories)
                    ):
                        return True
                    if o is c.RANGE and any(a[0] <= x <= a[1] for x in seps):
                        return True
            elif op is c.CATEGORY:
                if av not in safe_categories:
                    return True
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
                if walk(av[2]):
                    return True
            elif op is c.SUBPATTERN:
                if walk(av[-1]):
                    return True
            elif op is c.BRANCH:
                if any(walk(b) for b in av[1]):
                    return True
            elif op in (c.ASSERT, c.ASSERT_NOT):
                if walk(av[1]):
                    return True
            elif op is c.ATOMIC_GROUP if hasattr(c, "ATOMIC_GROUP") else False:
                if walk(av):
                    return True
            elif op not in (c.AT,):
                return True
        return False

    return walk(tree)


def _is_word_finder(pattern: Any) -> bool:
    """guessit's language and country finders read one word, or two neighbours, at a time."""
    fn = getattr(pattern, "patterns", [None])[0]
    return getattr(fn, "__name__", "") in ("find_languages", "find_countries")


def _starts(text: str) -> list[int]:
    seps = _GUESSIT_SEPS
    return [i for i, c in enumerate(text) if i == 0 or c in seps or text[i - 1] in seps]


def _whole(text: str, s: int, e: int) -> bool:
    seps = _GUESSIT_SEPS
    left = s == 0 or text[s - 1] in seps or text[s] in seps
    right = e >= len(text) or text[e] in seps or text[e - 1] in seps
    return left and right


def _finder(pattern: Any, options: dict) -> Any:
    """(start, end) of each match of a functional pattern; guessit's language finder gets a memo of the
    word lookups (babelfish raises for every word that is no language: slow, and the same words recur)."""
    fn = getattr(pattern, "patterns", [None])[0]
    cells = (
        dict(
            zip(getattr(getattr(fn, "__code__", None), "co_freevars", ()), fn.__closure__ or (), strict=False)
        )
        if fn
        else {}
    )
    names = ("subtitle_prefixes", "subtitle_suffixes", "lang_prefixes", "lang_suffixes", "weak_affixes")
    if getattr(fn, "__name__", "") == "find_languages" and all(n in cells for n in names):
        finder = _cached_language_finder(options, *(cells[n].cell_contents for n in names))
        return lambda text: ((s, e) for s, e, _ in finder.find(text))
    return lambda text: ((m.start, m.end) for m in pattern.matches(text, options) if not m.marker)


def _cached_language_finder(options: dict, *affixes: Any) -> Any:
    from guessit.rules.properties.language import LanguageFinder

    class CachedFinder(LanguageFinder):
        @functools.lru_cache(maxsize=1 << 16)  # noqa: B019 - one finder per Vocabulary, kept for the process
        def parse_language(self, lang_word: str) -> Any:
            return super().parse_language(lang_word)

    return CachedFinder(options, *affixes)


def _parser_rule_sees(title: str) -> bool:
    """parse()'s own word rules on a title: 'aka', edition words, generic names ('Movie')."""
    if _parser.split_aka(title) != (title,):
        return True
    if _rules.edition_from_name(f"x {title}", None) is not None:
        return True
    return _rules.is_generic_stem(title) or _rules.is_generic_folder(title)


def _all_patterns(rebulk: Any) -> Any:
    yield from rebulk._patterns
    for child in rebulk._rebulks:
        yield from _all_patterns(child)


def _alternatives(patterns: list[Any]) -> tuple[list[tuple[str, str, bool]], list[str], list[Any]]:
    """Regex sources for the combined searches, as (property name, source, can it span a separator) for
    string and regex patterns and as sources for the first part of each chain; and the patterns that
    cannot join them (functional ones, back-references), to be run alone."""
    alternatives: list[tuple[str, str, bool]] = []
    chain_starts: list[str] = []
    others: list[Any] = []
    for p in patterns:
        kind = type(p).__name__
        name = str(getattr(p, "name", None) or "")
        if kind == "StringPattern":
            fmt = "(?i:%s)" if p._kwargs.get("ignore_case") else "(?:%s)"
            alternatives.extend(
                (name, fmt % re.escape(s), any(c in _GUESSIT_SEPS for c in s))
                for s in p.patterns
                if isinstance(s, str) and s
            )
            continue
        if kind == "Chain":
            first = getattr(p, "parts", None) or []
            sources = [_source(r) for part in first[:1] for r in getattr(part.pattern, "patterns", [])]
            if sources and all(sources):
                chain_starts.extend(s for s in sources if s)
            else:
                others.append(p)
            continue
        if kind != "RePattern":
            others.append(p)
            continue
        sources = [(name or next(iter(getattr(r, "groupindex", {})), ""), _source(r)) for r in p.patterns]
        if any(src is None for _, src in sources):
            others.append(p)
        else:
            alternatives.extend((n, src, _may_match_sep(src)) for n, src in sources if src)
    return alternatives, chain_starts, others


def _source(regex: Any) -> str | None:
    """A compiled pattern as a group that can sit in an alternation (names dropped, flags scoped)."""
    src = getattr(regex, "pattern", None)
    if not isinstance(src, str) or "(?P=" in src or re.search(r"\\[1-9]", src):
        return None
    src = re.sub(r"\(\?P<\w+>", "(?:", src)
    flags = "".join(
        c for c, f in (("i", re.IGNORECASE), ("x", re.VERBOSE), ("s", re.DOTALL)) if regex.flags & f
    )
    return f"(?{flags}:{src})" if flags else f"(?:{src})"


class Plan(NamedTuple):
    """A name cut into its frame (the shape, with slots) and its tail (the other words, literally), and the
    values of the slots: title-like texts (as guessit would write them) and numbers."""

    frame: str
    tail: str
    texts: tuple[str, ...]
    nums: tuple[int, ...]
    words: tuple[str, ...]  # the tail's words
    year: int | None = None  # the first year slot (for a provisional card)
    episodic: bool = False  # an S01E02 or 1x02 slot (for a provisional card)


_CHUNK = re.compile(r"[^\W_]+")
_WORD_RUN = re.compile(
    r"(?<![^\W_])[^\W\d_]+(?:[ .][^\W\d_]+)*(?![^\W_])|[^\W_]+"
)  # the words of a tail ("1080p", "BluRay", "x264", "CD1", "Episode", "7")
_DASHED = re.compile(r"( - | \(|\) )")  # a subtitle stands between " - " and " - ", " (" or the end
_ROUGH = re.compile(r"\s*([^(\[{]*?)[\s._-]*(?:[(\[{]|(?<!\d)(?:19|20)\d\d(?!\d)|$)")
_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_ANY_NUMBER = re.compile(_NUMBERS.pattern + r"|(?P<digits>\d+)")
_SLOT = re.compile(r"\{T[^}]*\}|#\w*?=\d+")
_TITLE_SEPS = " ._"  # the separators a title's form tells apart


class _Cutter:
    """Builds one Plan: collects slots and tail words while the components become frame pieces."""

    def __init__(self, plain: Any, technical: Any) -> None:
        self.plain = plain
        self.technical = technical
        self.texts: list[str] = []
        self.nums: list[int] = []
        self.words: list[str] = []
        self.years: list[int] = []
        self.episodic = False

    def num(self, digits: str, kind: str = "", zeros: bool = True) -> str:
        """A number slot: its kind, digit count (and leading zero, where guessit could care) and which
        earlier slot holds the same value."""
        value = int(digits)
        if kind == "y":
            self.years.append(value)
        same = self.nums.index(value) if value in self.nums else len(self.nums)
        self.nums.append(value)
        return f"#{kind}{_digit_class(digits) if zeros else len(digits)}={same}"

    def text(self, raw: str, text: str, after: str = "") -> str:
        """A text slot; ``after`` is the character written after the title ("Glory.1989" reads as
        "Aeon.Flux.2005" does: see _form)."""
        rel = _relation(text, self.texts[0]) if self.texts else "-"
        self.texts.append(text)
        return "{T" + _form(raw, text, after) + rel + "}"

    def numbers(self, text: str, other: Any = None) -> str:
        """Years, episode numbers and dates of a text as slots; other digit runs through ``other`` (digits
        -> key piece) when given; everything else as it is."""
        out: list[str] = []
        pos = 0
        for m in (_ANY_NUMBER if other else _NUMBERS).finditer(text):
            piece = other(m.group(0)) if other and m.group("digits") else self._number(m)
            if piece is None and other and m.group("year"):
                piece = other(m.group("year"))
            if piece is None:
                continue
            out.append(text[pos : m.start()])
            out.append(piece)
            pos = m.end()
        out.append(text[pos:])
        return "".join(out)

    def _number(self, m: re.Match[str]) -> str | None:
        if m.group("se") or m.group("x"):
            self.episodic = True
        if m.group("se"):  # guessit reads S01E02 and S1E2 alike
            return f"S{self.num(m.group('s'), zeros=False)}E{self.num(m.group('e'), zeros=False)}"
        if m.group("x"):
            return f"{self.num(m.group('xs'), zeros=False)}x{self.num(m.group('xe'), zeros=False)}"
        if m.group("date"):
            y, mo, d = (int(m.group(g)) for g in ("dy", "dm", "dd"))
            if not (_valid_year(y) and 1 <= mo <= 12 and 1 <= d <= 31):
                return None
            return f"{self.num(m.group('dy'), 'y')}-{self.num(m.group('dm'), 'm')}-{self.num(m.group('dd'), 'd')}"
        if _valid_year(int(m.group("year"))):
            return self.num(m.group("year"), "y")
        return None

    def tail(self, text: str) -> str:
        """Words outside the slots go to the tail; the frame keeps '~' and the punctuation."""
        out: list[str] = []
        pos = 0
        for m in _SLOT.finditer(text):
            out.append(self._words(text[pos : m.start()]))
            out.append(m.group(0))
            pos = m.end()
        out.append(self._words(text[pos:]))
        return "".join(out)

    def _words(self, text: str) -> str:
        """Runs of plain words (a release group, a camera's "VID", an event) become text slots; other
        words go to the tail."""

        def word(m: re.Match[str]) -> str:
            w = m.group(0)
            if not self.technical(w):
                return w  # the frame keeps it: guessit reads it as no technical word, or not at all
            self.words.append(w)
            return "~"

        def run(m: re.Match[str]) -> str:
            raw = m.group(0)
            if raw.isalpha() or _RUN.fullmatch(raw):
                if self.plain(raw):
                    return self.text(raw, title_text(raw))
            return _CHUNK.sub(word, raw)

        return _WORD_RUN.sub(run, text)

    def titled(self, text: str) -> str:
        """A title folder or file stem: its title run as a slot when plain (else in the tail), then the
        rest."""
        m = _RUN.match(text)
        if m is None or not self.plain(m.group(0)):
            return "~" + self.tail(self.rest(text))
        raw = m.group(0)
        return self.text(raw, title_text(raw), text[m.end() : m.end() + 1]) + self.tail(
            self.rest(text[m.end() :])
        )

    def above(self, folder: str) -> str:
        """A folder above the title folder that holds a year or a date: its years and dates as slots, its
        plain words as text slots (parse() compares its title with the file's), the rest as it is."""
        return self._words(self.numbers(folder))

    def rest(self, text: str) -> str:
        """What follows a title run: a plain release group, episode title or subtitle as a text slot, and
        numbers as number slots."""
        tail = ""
        g = _GROUP.search(text) or _EPISODE_TITLE.search(text)
        if g is not None:
            raw = g.group(1)
            if _RUN.fullmatch(raw) and self.plain(raw):
                tail = text[g.start(1) - 1 : g.start(1)] + self.text(raw, title_text(raw))
                text = text[: g.start(1) - 1]
        out: list[str] = []
        for i, segment in enumerate(_DASHED.split(text)):
            run = _RUN.fullmatch(segment) if i % 2 == 0 and i else None
            if run is not None and self.plain(segment):
                out.append(self.text(segment, title_text(segment)))
            else:
                out.append(segment if i % 2 else self.numbers(segment))
        return "".join(out) + tail


@functools.lru_cache(maxsize=1 << 14)
def _relation(text: str, first: str) -> str:
    """How a text slot stands to the first one: equal, equal once normalised, one inside the other, or
    not related (parse() compares titles with folders in these ways)."""
    if text == first:
        return "e"
    if normalize_title(text) == normalize_title(first):
        return "n"
    return "c" if _parser._same_title(text, first) else "-"


@functools.lru_cache(maxsize=1 << 14)
def _form(raw: str, text: str, after: str = "") -> str:
    """How a title is written, as far as guessit's clean-up or parse() could care: separators (a one-word title
    has none of its own and takes the one written ``after`` it), hyphens, commas and "&" (which parse() matches
    with "and" elsewhere in the name), single letters in a dotted title (guessit keeps an acronym's dots), a
    reordered article."""
    one_word = after in _TITLE_SEPS and not any(c in raw for c in _TITLE_SEPS)
    form = "".join(c for c in " ._,-&" if c in raw or (one_word and c == after))
    if "." in raw and re.search(r"(?<![^\W\d_])[^\W\d_](?![^\W\d_])", raw):
        form += "1"
    if text != _cleanup(raw).strip():
        form += "r"
    return form


def _layout(frame: str) -> str:
    """What tails are read in: a frame from its title folder down, without the forms of its titles nor
    the classes of its numbers (the folders above and those details do not change technical words)."""
    pieces = frame.split("/")
    start = next((i for i, p in enumerate(pieces) if p.startswith("T:")), 0)
    return re.sub(r"#\w*?=\d+", "#", re.sub(r"\{T[^}]*\}", "{T}", "/".join(pieces[start:])))


class _Frame:
    """What is known of one frame: for each field, the explanations that fit every name learnt so far
    (a constant, a number or text slot, or the reading of the name's tail), and the slot values seen."""

    __slots__ = ("hyps", "learned", "bad", "seen", "used", "seen_nums", "used_nums", "disagreed")

    def __init__(self) -> None:
        self.hyps: list[list[tuple]] | None = None
        self.learned = 0
        self.disagreed = 0
        self.bad = False
        self.seen: list[set] = []  # per text slot: the values learnt
        self.used: set[int] = set()  # the text slots whose value some field held
        self.seen_nums: list[set] = []  # per number slot: the values learnt
        self.used_nums: set[int] = set()  # the number slots whose value some field held unexplained

    def learn(self, plan: Plan, values: list[Any], reading: dict[str, Any]) -> None:
        """Keep the explanations this name fits."""
        if self.hyps is None:
            self.hyps = [_explanations(v, plan, f) for v, f in zip(values, _FIELDS, strict=True)]
            self.seen = [set() for _ in plan.texts]
            self.seen_nums = [set() for _ in plan.nums]
        else:
            self.hyps = [
                [h for h in hs if _value(h, plan, reading, f) == v]
                for hs, v, f in zip(self.hyps, values, _FIELDS, strict=True)
            ]
        self.hyps = [_preferred(hs) for hs in self.hyps]
        for i, t in enumerate(plan.texts):
            self.seen[i].add(t)
            if t and any(
                _holds(v, t) and not any(_refers(h, i) for h in hs)
                for v, hs in zip(values, self.hyps, strict=True)
            ):
                self.used.add(i)
        for i, n in enumerate(plan.nums):
            self.seen_nums[i].add(n)
            if any(
                _holds_number(v, n) and not any(_refers_number(h, i) for h in hs)
                for v, hs in zip(values, self.hyps, strict=True)
            ):
                self.used_nums.add(i)
        self.learned += 1
        if any(not hs for hs in self.hyps):
            self.bad = True

    def tried(self, plan: Plan) -> bool:
        """Every slot that a field held without an explanation by that slot ("Horrible Bosses 2": a title
        and a word of the tail; "veto-oppenheimer": a title inside a slot; a date's year in an air date)
        took several values in the names learnt, or has here the one value seen: a constant is never
        trusted for a value it was not tested against."""
        return all(len(self.seen[i]) > 1 or plan.texts[i] in self.seen[i] for i in self.used) and all(
            len(self.seen_nums[i]) > 1 or plan.nums[i] in self.seen_nums[i] for i in self.used_nums
        )

    def predict(self, plan: Plan, reading: dict[str, Any]) -> Parsed | None:
        """The fields every explanation agrees on, or None when two of them disagree."""
        assert self.hyps is not None
        kw: dict[str, Any] = {}
        for name, hs in zip(_FIELDS, self.hyps, strict=True):
            value = _value(hs[0], plan, reading, name)
            if value is _TAINTED:
                return None
            for h in hs[1:]:
                other = _value(h, plan, reading, name)
                if other is _TAINTED or other != value:
                    return None
            kw[name] = value
        return Parsed(**kw)


class _Tainted:
    """A tail's reading of a field that holds a slot's value ("Horrible Bosses 2" from the title slot and
    the tail's "2"): not the tail's alone, so it explains nothing."""

    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = None  # type: ignore[assignment]


_TAINTED = _Tainted()


def _reading(plan: Plan, values: list[Any]) -> dict[str, Any]:
    """What a tail says of each field, from the first name parsed with it: the values that hold none of
    that name's slot values."""
    texts = [t for t in plan.texts if t]
    nums = {n for n in plan.nums if str(n) not in plan.words}  # a number the tail also has may be its own

    def own(v: Any) -> bool:
        if isinstance(v, bool) or v is None:
            return True
        if isinstance(v, int):
            return v not in nums
        if isinstance(v, str):
            return not any(t in v or v in t for t in texts) and not any(
                re.search(rf"(?<!\d){n}(?!\d)", v) for n in nums
            )
        if isinstance(v, tuple):
            return all(own(x) for x in v)
        return True

    return {f: (v if own(v) else _TAINTED) for f, v in zip(_FIELDS, values, strict=True)}


_SLOT_KINDS = frozenset({"n", "t", "tw", "tn", "w", "tuple", "d", "tt", "ts"})


def _preferred(hs: list[tuple]) -> list[tuple]:
    """A slot explains a field better than a constant or a tail that gave the same value (a film's title,
    not "Heat"). (A constant and a tail both stay until a name tells them apart: a field one frame holds
    constant, another's tail may not.)"""
    if any(h[0] in _SLOT_KINDS for h in hs):
        return [h for h in hs if h[0] in _SLOT_KINDS]
    return hs


def _holds(value: Any, text: str) -> bool:
    """Does the value hold the text, or a piece of it ("oppenheimer" of "veto-oppenheimer")?"""
    if isinstance(value, str):
        return text in value or (bool(value) and value in text)
    return isinstance(value, tuple) and any(_holds(x, text) for x in value)


def _holds_number(value: Any, n: int) -> bool:
    """Does the value hold the number, as it is or written in it ("2014-07-30" holds 2014 and 7)?"""
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, int):
        return value == n
    if isinstance(value, str):
        return re.search(rf"(?<!\d)0*{n}(?!\d)", value) is not None
    return isinstance(value, tuple) and any(_holds_number(x, n) for x in value)


def _refers_number(h: tuple, i: int) -> bool:
    """Does this explanation take its value from number slot i?"""
    kind, arg = h
    if kind == "n":
        return arg == i
    if kind == "tn":
        return arg[1] == i
    if kind in ("d", "tuple"):
        return any(_refers_number(e, i) for e in arg)
    return False


def _refers(h: tuple, i: int) -> bool:
    """Does this explanation take its value from text slot i?"""
    kind, arg = h
    if kind in ("t", "ts"):
        return arg == i if kind == "t" else arg[0] == i
    if kind in ("tw", "tn"):
        return arg[0] == i
    if kind == "tt":
        return i in arg[:2]
    return kind == "tuple" and any(_refers(e, i) for e in arg)


# The fields a tail's reading may explain: what guessit and the parser read from technical words. The
# others (title, year, numbers, kind, where the title came from) belong to the frame.
_TAIL_FIELDS = frozenset(
    {"kind", "resolution", "source", "video_codec", "hdr", "edition", "language", "country"}
)


def _explanations(value: Any, plan: Plan, field: str) -> list[tuple]:
    out: list[tuple] = [("c", value)]
    if field in _TAIL_FIELDS:
        out.append(("tail", None))
    if isinstance(value, int) and not isinstance(value, bool):
        out.extend(("n", i) for i, n in enumerate(plan.nums) if n == value)
    elif isinstance(value, str):
        out.extend(("t", i) for i, t in enumerate(plan.texts) if t == value)
        out.extend(_date_explanations(value, plan))
        out.extend(_joined_explanations(value, plan))
        # A title and the word after it: "Despicable Me" + "2".
        out.extend(
            ("tw", (i, j))
            for i, t in enumerate(plan.texts)
            for j, w in enumerate(plan.words)
            if value == f"{t} {w}"
        )
        # A title and the number after it: "Red Riding in the Year of Our Lord" + 1974.
        out.extend(
            ("tn", (i, j))
            for i, t in enumerate(plan.texts)
            for j, n in enumerate(plan.nums)
            if value == f"{t} {n}"
        )
        # Words of the tail: "Episode 7" (a technical word is the tail's to read: "1080p" is not always
        # the resolution).
        words = () if field in _TAIL_FIELDS else plan.words
        out.extend(
            ("w", (j, k))
            for j in range(len(words))
            for k in range(j + 1, min(len(words), j + 4) + 1)
            if value == " ".join(words[j:k])
        )
    elif isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
        choices = tuple(next((("t", i) for i, t in enumerate(plan.texts) if t == v), ("c", v)) for v in value)
        if any(c[0] == "t" for c in choices):
            out.append(("tuple", choices))
    return out


_JOINT = re.compile(r"[\W\d]{1,8}")  # what may stand between two titles, or after one, literally in a frame


def _joined_explanations(value: str, plan: Plan) -> list[tuple]:
    """A title and what the frame writes after it ("Despicable Me" + " 2", "Attack of the Killer
    Tomatoes" + "!"), or two titles and what stands between them ("Abraham Lincoln" + " - " + "Vampire
    Hunter", "Ice Age" + " 2 - " + "The Meltdown"): punctuation and digits only, held as constants."""
    out: list[tuple] = []
    for i, t in enumerate(plan.texts):
        if not t or not value.startswith(t) or value == t:
            continue
        rest = value[len(t) :]
        if _JOINT.fullmatch(rest):
            out.append(("ts", (i, rest)))
        for j, u in enumerate(plan.texts):
            if j != i and u and rest.endswith(u) and _JOINT.fullmatch(rest[: len(rest) - len(u)]):
                out.append(("tt", (i, j, rest[: len(rest) - len(u)])))
    return out


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _date_explanations(value: str, plan: Plan) -> list[tuple]:
    """An air date from number slots (and constants for the parts no slot holds): "Show - 2014-07-30"."""
    m = _ISO_DATE.fullmatch(value)
    if m is None:
        return []
    choices = [
        [("n", i) for i, n in enumerate(plan.nums) if n == int(part)] + [("c", int(part))]
        for part in m.groups()
    ]
    return [
        ("d", (y, mo, d))
        for y in choices[0]
        for mo in choices[1]
        for d in choices[2]
        if any(p[0] == "n" for p in (y, mo, d))
    ]


def _value(h: tuple, plan: Plan, reading: dict[str, Any], field: str) -> Any:
    kind, arg = h
    if kind == "c":
        return arg
    if kind == "ts":
        return plan.texts[arg[0]] + arg[1]
    if kind == "tt":
        return plan.texts[arg[0]] + arg[2] + plan.texts[arg[1]]
    if kind == "d":
        y, mo, d = (plan.nums[p[1]] if p[0] == "n" else p[1] for p in arg)
        return f"{y:04d}-{mo:02d}-{d:02d}"
    if kind == "tail":
        return reading[field]
    if kind == "n":
        return plan.nums[arg]
    if kind == "t":
        return plan.texts[arg]
    if kind == "tw":
        i, j = arg
        return f"{plan.texts[i]} {plan.words[j]}"
    if kind == "w":
        return " ".join(plan.words[arg[0] : arg[1]])
    if kind == "tn":
        return f"{plan.texts[arg[0]]} {plan.nums[arg[1]]}"
    return tuple(_value(e, plan, reading, field) for e in arg)


class FastParser:
    """The fast path of one scan: ``plan`` cuts a path, ``predict`` reads it from what ``learn`` was
    shown. Claims a name only when sure (see the module docstring)."""

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self.vocabulary = vocabulary or shared_vocabulary()
        self._frames: dict[str, _Frame] = {}
        self._tails: dict[str, dict[str, Any]] = {}  # (layout, tail) -> the fields a parse gave with it
        self._prefixes: dict[tuple, tuple] = {}  # folders -> their slots and frame pieces
        self.plain = functools.lru_cache(maxsize=1 << 16)(self._plain)
        self._hit_regexes = self.vocabulary._parser_regexes

    def _plain(self, text: str) -> bool:
        return not self.vocabulary.sees_anything(text)

    def plan(self, path: str, root: str | None = None) -> Plan | None:
        """The frame, tail and slots of a path, or None when the fast path will not read it."""
        if _parser._clean_text(path) != path or (root and _parser._clean_text(root) != root):
            return None
        parts = _parser._components(path, root)
        if not parts or not _parser._EXTENSION.search(parts[-1]):
            return None
        name, folders = parts[-1], tuple(parts[:-1])
        title_folder, hints = _context(folders)
        if hints or _has_ids(name) or (title_folder and _has_ids(title_folder)):
            return None  # disc structures, ids in the name: left to parse()
        cut, pieces, personal = self._folders(folders, title_folder)
        stem = _parser._EXTENSION.sub("", name)
        if personal or _rules.is_personal_video(name):
            file_piece = "P:" + cut.tail(self._literal_digits(cut, stem))
        elif _rules.is_generic_stem(stem):
            file_piece = "G:" + cut.tail(self._literal_digits(cut, stem))
        else:
            file_piece = cut.titled(stem)
        frame = "/".join([*pieces, file_piece + name[len(stem) :].lower()])
        # parse() reads the whole name with these (resolution, HDR, disc and episode marks): which of them
        # find something goes with the tail.
        hits = "".join(chr(65 + i) for i, r in enumerate(self._hit_regexes) if r.search(name))
        tail = "|".join([_layout(frame), " ".join(cut.words), hits, name[len(stem) :]])
        year = cut.years[0] if cut.years else None
        return Plan(frame, tail, tuple(cut.texts), tuple(cut.nums), tuple(cut.words), year, cut.episodic)

    def _folders(self, folders: tuple[str, ...], title_folder: str | None) -> tuple[_Cutter, list[str], bool]:
        """A cutter holding the slots of the folders parse() looks at, their frame pieces, and whether any
        folder is a camera's; worked out once for all the files of a folder."""
        key = (folders, title_folder)
        done = self._prefixes.get(key)
        if done is None:
            ti = next((i for i in range(len(folders) - 1, -1, -1) if folders[i] == title_folder), None)
            cut = _Cutter(self.plain, self.vocabulary.technical)
            lo = max(0, min(len(folders) - 4, ti if ti is not None else len(folders)))
            pieces = [self._folder(cut, folders[i], i, ti) for i in range(lo, len(folders))]
            personal = any(_rules.is_personal_folder(f) for f in folders)
            if len(self._prefixes) > 4096:
                self._prefixes.clear()
            done = self._prefixes[key] = (
                tuple(cut.texts),
                tuple(cut.nums),
                tuple(cut.words),
                pieces,
                personal,
            )
        texts, nums, words, pieces, personal = done
        cut = _Cutter(self.plain, self.vocabulary.technical)
        cut.texts, cut.nums, cut.words = list(texts), list(nums), list(words)
        return cut, pieces, personal

    @staticmethod
    def _folder(cut: _Cutter, folder: str, i: int, ti: int | None) -> str:
        if ti is not None and i < ti:  # above the title folder: parse() only asks it for a year
            return "A:" + cut.above(folder) if _has_year(folder) else "·"
        if i == ti:
            return "T:" + cut.titled(folder)
        if _rules.structural_folder(folder) == "season":
            return "S:" + _DIGITS.sub(lambda m: cut.num(m.group(0), zeros=False), folder)
        return "L:" + folder

    @staticmethod
    def _literal_digits(cut: _Cutter, stem: str) -> str:
        """A personal or generic name: dates and camera counters as slots, but not a number the parser
        reads as a resolution (1080) nor one or two digits (a part, a disc)."""

        def counter(digits: str) -> str:
            if len(digits) < 3 or _rules._GLUED_SIZE.fullmatch(digits + "p"):
                return digits
            return cut.num(digits)

        return cut.numbers(stem, counter)

    def predict(self, plan: Plan) -> Parsed | str:
        """What parse() gives for this name, or NEED (parse it and learn) or SLOW (leave it to parse)."""
        f = self._frames.get(plan.frame)
        if f is not None and f.bad:
            return SLOW
        reading = self._tails.get(plan.tail)
        if f is None or reading is None or f.learned < MIN_LEARNED or not f.tried(plan):
            return NEED
        got = f.predict(plan, reading)
        if got is not None:
            return got
        return SLOW if f.disagreed >= MAX_DISAGREEMENTS else NEED

    @staticmethod
    def provisional(path: str, root: str | None, plan: Plan | None) -> Parsed:
        """A first reading of a name the fast path cannot read yet, for a card shown until parse() has
        read it: the title run the name or its title folder opens with, else that folder's name (or the
        file's) up to its year."""
        kind = "episode" if plan is not None and plan.episodic else "movie"
        year = plan.year if plan is not None else None
        if plan is not None and plan.texts and re.search(r"(?:^|/)(?:T:)?\{T", plan.frame):
            return Parsed(title=plan.texts[0], year=year, kind=kind, title_from="provisional")
        parts = _parser._components(_parser._clean_text(path), root)
        title_folder, _hints = _context(tuple(parts[:-1]))
        text = title_folder or _parser._EXTENSION.sub("", parts[-1] if parts else "")
        m = _ROUGH.match(text)
        title = " ".join(re.sub(r"[._]", " ", m.group(1)).split()) if m else ""
        if year is None:
            year = next((int(y) for y in _YEARS.findall(text) if _valid_year(int(y))), None)
        return Parsed(title=title or None, year=year, kind=kind, title_from="provisional")

    def wait_key(self, plan: Plan) -> str:
        """What a name that predict() could not read waits for: its frame or its tail (a learner for it
        answers every name waiting on the same key)."""
        f = self._frames.get(plan.frame)
        if f is None or f.learned < MIN_LEARNED or not f.tried(plan) or plan.tail in self._tails:
            return "F:" + plan.frame
        return "T:" + plan.tail

    def learn(self, plan: Plan, parsed: Parsed) -> None:
        values = [getattr(parsed, name) for name in _FIELDS]
        reading = self._tails.get(plan.tail)
        own = _reading(plan, values)
        if reading is None:
            reading = self._tails[plan.tail] = own
        else:  # a field the first name could not tell (it held a slot's value) may be told by this one
            for name, value in own.items():
                if reading[name] is _TAINTED and value is not _TAINTED:
                    reading[name] = value
        f = self._frames.get(plan.frame)
        if f is None:
            f = self._frames[plan.frame] = _Frame()
        if f.bad:
            return
        if f.learned >= MIN_LEARNED and f.tried(plan) and f.predict(plan, reading) is None:
            f.disagreed += 1  # learnt because its explanations disagreed on this name
        f.learn(plan, values, reading)

    def parse(self, path: str, root: str | None = None) -> Parsed:
        """parse(), learning as it goes (inline use and tests): the fast path where it is sure."""
        plan = self.plan(path, root)
        if plan is not None:
            got = self.predict(plan)
            if isinstance(got, Parsed):
                return got
        parsed = _parser.parse(path, root)
        if plan is not None:
            self.learn(plan, parsed)
        return parsed

    @property
    def keys(self) -> int:
        return len(self._frames)

    @property
    def tails(self) -> int:
        return len(self._tails)


@functools.lru_cache(maxsize=4096)
def _context(folders: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    """parse()'s title folder and disc hints for these folders (a season's files share them)."""
    title_folder, _kept, hints = _parser._context(list(folders))
    return title_folder, tuple(hints)


def _has_year(folder: str) -> bool:
    """A year or a date guessit could read (a folder without one gives parse() no year)."""
    return any(
        m.group("date") or (m.group("year") and _valid_year(int(m.group("year"))))
        for m in _NUMBERS.finditer(folder)
    )


@functools.lru_cache(maxsize=4096)
def _has_ids(text: str) -> bool:
    ids = _rules.find_ids(text)
    return bool(ids.tmdb_id or ids.imdb_id or ids.tvdb_id)


_VOCABULARY_LOCK = threading.Lock()
_VOCABULARY: list[Vocabulary] = []


def shared_vocabulary() -> Vocabulary:
    """The process's Vocabulary, built once (~0.5 s with guessit's own rules; thread-safe)."""
    with _VOCABULARY_LOCK:
        if not _VOCABULARY:
            _VOCABULARY.append(Vocabulary())
        return _VOCABULARY[0]


def warm_up() -> None:
    """Build the Vocabulary ahead of a first scan (the window calls this on a background thread soon
    after it opens), so that a folder dropped on it is read at once."""
    shared_vocabulary()
