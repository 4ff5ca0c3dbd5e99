"""Title text helpers: lookup keys (`normalize_title`) and sort keys (`sort_title`).

Both are pure functions of one string. `normalize_title` is the key the matcher and the fallback
grouping compare, so every spelling of one title ("Matrix, The", "The.Matrix", "THE MATRIX") must map
to the same key; it is deliberately lossy (accents, punctuation and case are dropped).
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Articles that library tools (MovieLens, old Windows collections, Kodi exports) move to the end:
# "Matrix, The", "Grande Vadrouille, La", "Boot, Das". Kept to the ones that are unambiguous after a
# comma at the end of a title ("Hello, I Must Be Going" keeps its "I" because text follows it).
_ARTICLES = (
    "the",
    "a",
    "an",
    "le",
    "la",
    "les",
    "l'",
    "der",
    "die",
    "das",
    "el",
    "il",
    "lo",
    "gli",
    "los",
    "las",
    "un",
    "une",
    "ein",
    "eine",
    "de",
    "het",
    "o",
    "os",
    "as",
    "i",
)
_ARTICLE_ALT = "|".join(re.escape(a) for a in sorted(_ARTICLES, key=len, reverse=True))
# "Body, Article" possibly followed by a bracketed year / alternative title or a subtitle.
_TRAILING_ARTICLE = re.compile(
    rf"^(?P<body>.+?),\s*(?P<art>{_ARTICLE_ALT})(?P<rest>\s*(?:$|[(\[{{:]|\s-\s).*)$",
    re.IGNORECASE | re.DOTALL,
)
# Articles dropped from the front of a sort key (a subset: "I"/"O" would hit real first words).
_SORT_ARTICLES = re.compile(
    r"^(?:(?:the|a|an|le|la|les|der|die|das|el|il|lo|gli|los|las|une|un|ein|eine|het)[\s._\-]+|l')",
    re.IGNORECASE,
)
# U.N.C.L.E. / S.H.I.E.L.D.: single letters joined by dots become one word, so the key does not
# depend on whether the dots were there.
_ACRONYM = re.compile(r"(?<![^\W_])(?:[^\W\d_]\.){2,}(?:[^\W\d_](?![^\W_]))?")
_THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}(?!\d))")
_APOSTROPHES = re.compile(r"['\u2019\u2018`\u00b4]")
_NON_WORD = re.compile(r"[\W_]+")


def move_trailing_article(s: str) -> str:
    """'Matrix, The (1999)' -> 'The Matrix (1999)'; anything else is returned unchanged."""
    m = _TRAILING_ARTICLE.match(s.strip())
    if not m:
        return s
    art = m.group("art")
    sep = "" if art.endswith("'") else " "
    return f"{art}{sep}{m.group('body').strip()}{m.group('rest')}"


def strip_accents(s: str) -> str:
    """Drop combining marks after NFKD decomposition ('Amélie' -> 'Amelie', 'ﬁ' -> 'fi')."""
    if s.isascii():
        return s
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)  # a show's title recurs on every episode; grouping asks often
def normalize_title(s: str | None) -> str:
    """A comparison key: lowercase, no accents, articles in front, '&' as 'and', no punctuation.

    'Matrix, The' and 'The.Matrix' both give 'the matrix'. Roman numerals are left as they are
    ('Rocky II' -> 'rocky ii'): mapping them to digits would break titles such as 'I, Robot'.
    """
    if not s:
        return ""
    s = move_trailing_article(s)
    s = strip_accents(s).casefold()
    s = s.replace("&", " and ")
    s = _THOUSANDS.sub("", s)  # "20,000 Leagues" and "20000 Leagues" share a key
    s = _ACRONYM.sub(lambda m: m.group(0).replace(".", "") + " ", s)
    s = _APOSTROPHES.sub("", s)  # "director's" -> "directors", not "director s"
    s = _NON_WORD.sub(" ", s)
    return " ".join(s.split())


def sort_title(s: str | None) -> str:
    """A sort key: the normalized title without its leading article ('The Matrix' -> 'matrix')."""
    if not s:
        return ""
    s = move_trailing_article(s).strip()
    stripped = _SORT_ARTICLES.sub("", s, count=1).strip()
    # A title that is only an article ("The", "A") keeps it rather than sorting as "".
    return normalize_title(stripped or s)
