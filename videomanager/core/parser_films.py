"""Film-name rules around guessit: where its guess about a film's name is known to go wrong.

Pure string logic (guessit is called by ``parser``), one function per class of names:

* ``film_after_all``: guessit read a film's name as an episode ("Gone in 60 Seconds (2000)" as episode 60
  of season 2000, "Blade.Runner.1982.Final.Cut" with the edition as an episode title): no episode marker
  anywhere and a year in brackets, or no episode number at all, mean a film;
* ``film_title``: a title guessit cut short or swapped with the year ("F-X2 (1991)" read as "F",
  "2009 - 2012" read as the film "2009" of 2012);
* ``full_title``: the title with the subtitle, part or volume guessit cut off it, as written
  ("Star Wars - The Empire Strikes Back", "Harry Potter and the Deathly Hallows - Part 2").
"""

from __future__ import annotations

import re
from typing import Any

from videomanager.core.parser_rules import Edition, strip_edition_from_title, structural_folder
from videomanager.core.text import normalize_title

_BRACKET_YEAR = re.compile(r"[(\[](?:19|20)\d{2}[)\]]")
# What only an episode has: SxxEyy, 1x02, a season or episode word with its number, an air date.
_EPISODE_MARKER = re.compile(
    r"(?i)s\d{1,4}[ ._-]?e\d{1,4}|(?<![a-z0-9])\d{1,4}x\d{2,3}(?![a-z0-9])|"
    r"\b(?:episode|episodio|ep|season|saison|staffel|stagione|temporada|series|folge)[ ._-]*\d|"
    r"\b\d{4}[ ._-]\d{2}[ ._-]\d{2}\b|(?<=[^\W_][ ._-])\d{2}[ ._-]\d{2}[ ._-]\d{4}\b|(?<![a-z0-9])(?:e\d{2,3}|s\d{1,2}d\d{1,2})(?![a-z0-9])"
)
# "the.flash.2014.208.hdtv": a bare number right after an unbracketed year is the episode's.
_YEAR_THEN_NUMBER = re.compile(r"(?<![\d(\[])(?:19|20)\d{2}[\s._-]+\d{1,4}(?=[\s._-]|$)")
# The words before a year that is followed by release tags or nothing: "Jackass.3.5.2011.480p".
_HEAD_YEAR = re.compile(
    r"^(?P<head>.*?[^\W_].*?)[\s._-]+[(\[]?(?P<year>(?:19|20)\d{2})[)\]]?(?=[\s._\-\[(]|$)"
)
# An absolute episode number after the show's name: "[Group] Show (2019) - 05 [1080p]", "Show - 101 - Title".
_NUMBERED_EPISODE = re.compile(r"[\s.]-[\s.]\d{1,4}(?:-\d{1,4})?(?:v\d)?(?=[\s.]*(?:-[\s.]|\[|\(|$))")
_LEADING_YEAR = re.compile(
    r"^\s*(?:[(\[](?P<year>(?:19|20)\d{2})[)\]][\s._-]*|(?P<year2>(?:19|20)\d{2})\s+-\s+)(?P<rest>\S.*)$"
)
_LEADING_NUMBER = re.compile(r"^\s*\((?!(?:19|20)\d{2}\))(\d{2,4})\)[\s._]*")
_TAGS = re.compile(
    r"(?i)[\s._(\[-]*(?:[(\[]|(?<![^\W_])(?:(?:19|20)\d{2}|\d{3,4}[pi]|[48]k|multi|truefrench|french|german|"
    r"italian|spanish|dubbed|proper|repack|limited|internal|hdr)(?![^\W_])|bluray|blu-ray|brrip|bdrip|dvdrip|web-?dl|"
    r"webrip|hdrip|hdtv|x26[45]|h\.?26[45]|xvid|divx|remux)"
)


# A tracker or site name in front of the release name: "[ www.Speed.cd ] - ", "www.Torrenting.com - ".
_SITE = re.compile(
    r"^\s*(?:\[\s*)?(?:www\.)?[^\W_][\w-]*\.(?:com|org|net|ws|cd|to|tv|me|info|io|co|cc|in|ru|xyz|se|nu|eu|"
    r"biz|pw|ag|mx|is|gg|ch|li|lol|club|site|link)(?:\s*\])?(?:\s*-\s*|\s*_|\s+)(?=\S)",
    re.IGNORECASE,
)


def strip_site(name: str) -> str:
    """The name without a leading site or tracker tag ("[720pMkv.Com]_Title.2014..." -> "Title.2014...")."""
    return _SITE.sub("", name, count=1)


def _first(value: Any) -> Any:
    return (value[0] if value else None) if isinstance(value, list) else value


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def film_after_all(g: dict[str, Any], name: str, context: list[str]) -> bool:
    """guessit's episode guess is a film: nothing in the name or its folders numbers an episode (no SxxEyy,
    1x02, "Episode 3", air date, season folder or " - 05"), and the name has a year. Numbers next to it
    are the title's: "Gone in 60 Seconds (2000)", "Jackass.3.5.2011", "2004 - Around the World in 80 Days";
    so is an edition guessit took for an episode title ("Blade.Runner.1982.Final.Cut")."""
    if any(structural_folder(f) == "season" for f in context):
        return False
    texts = [name, *context]
    if any(_EPISODE_MARKER.search(t) or _NUMBERED_EPISODE.search(t) for t in texts):
        return False
    if any(_BRACKET_YEAR.search(t) or _LEADING_YEAR.match(t) for t in texts):
        return True
    if _YEAR_THEN_NUMBER.search(name):
        return False
    return isinstance(_first(g.get("year")), int) or bool(_HEAD_YEAR.match(name))


def _head(text: str) -> str:
    """The words before the first year, bracket or release tag, separators made spaces."""
    head = _TAGS.split(text, maxsplit=1)[0]
    if " " not in head.strip():
        head = re.sub(r"[._]+", " ", head)
    return " ".join(head.split()).strip(" -")


def film_title(
    title: str | None, year: int | None, text: str, group: str | None = None
) -> tuple[str | None, int | None]:
    """Repair guessit's title and year for a film name (``text``: the file stem or the folder name).

    * a number in brackets opening the title: "(500).Days.Of.Summer.(2009)";
    * the year first and a number for a title: "2009 - 2012 [1080p]" is "2012" from 2009, not "2009";
    * a hyphen inside the title word: "F-X2 (1991)", "1-900 (1994)", "Angel-A.2005" (guessit keeps one
      side of the hyphen only). The whole word counts only when a year or a bracket follows it, and
      not when a lowercase scene name opens with its release group ("infamous-daylight.1996").
    """
    number = _LEADING_NUMBER.match(text)
    if number and title and text[number.end() :].casefold().startswith(title.casefold()[:3]):
        title = f"({number.group(1)}) {title}"  # "(500) Days of Summer": guessit drops the number
    lead = _LEADING_YEAR.match(text)
    first = lead and (lead.group("year") or lead.group("year2"))
    if lead and title is None and re.search(r"[^\W\d_]", _head(lead.group("rest"))):
        title, year = _head(lead.group("rest")), year or int(first)  # "(2019) Us": "Us" read as a country
    if lead and title == first and year is not None:
        rest = re.match(r"\d{1,4}(?![^\W_])", lead.group("rest"))
        if rest and rest.group(0) == str(year):
            return rest.group(0), int(first)
    title, year = _numbers_before_year(title, year, text)
    if title and len(title) <= 40:
        t = re.escape(title)
        m = re.search(
            rf"(?<![^\W_])(?:[^\W_]+-{t}|{t}-[^\W_]+)(?=[\s._]*(?:[(\[]|(?:19|20)\d{{2}}(?!\d)))",
            text,
            re.IGNORECASE,
        )
        # "infamous-daylight.1996": a lowercase scene file name opens with its release group.
        prefix_group = (
            group and text.islower() and m and m.group(0).casefold().startswith(group.casefold() + "-")
        )
        if m and not prefix_group:
            title = m.group(0)
    return title, year


def _numbers_before_year(title: str | None, year: int | None, text: str) -> tuple[str | None, int | None]:
    """Numbers between the title and the year are the title's: "Jackass.3.5.2011" (guessit: "Jackass",
    episode 5), "9 11 2002 TELESYNC", "Patrik.Age.1.5.2008"."""
    m = _HEAD_YEAR.match(text)
    if not m or (year is not None and year != int(m.group("year"))):
        return title, year
    head = m.group("head") if " " in m.group("head").strip() else re.sub(r"[._]+", " ", m.group("head"))
    head = " ".join(head.split()).strip(" -")
    words, known = normalize_title(head).split(), normalize_title(title).split()
    if (
        words[: len(known)] == known
        and len(words) > len(known)
        and all(w.isdigit() for w in words[len(known) :])
    ):
        return head, int(m.group("year"))
    if words and all(w.isdigit() for w in words) and not set(known) <= set(words):
        return head, int(m.group("year"))
    return title, year


def _words_at(text: str, phrase: str, start: int) -> re.Match[str] | None:
    """Where ``phrase`` is written in ``text`` at or after ``start``, whatever separates its words."""
    words = re.findall(r"[^\W_]+", phrase)
    if not words:
        return None
    pattern = r"[\W_]*".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![^\W_]){pattern}(?![^\W_])", re.IGNORECASE).search(text, start)


_VOLUME = re.compile(r"(?i)(?<![^\W_])vol(?:ume)?[\W_]*\d")


def full_title(g: dict[str, Any], title: str | None, text: str, edition: Edition | None) -> str | None:
    """The film's title with what guessit cut off it, as ``text`` writes it; None when the title is whole.

    When guessit split the name (an alternative title, an episode title on a film, a part or a volume),
    the full title runs from the title to the year or the first release tag: "Star Wars - The Empire
    Strikes Back (1980)", "[1999] Star Wars - The Phantom Menace [720p]", "Friday the 13th Part V - A New
    Beginning (1985)", "Kill.Bill.Vol.1.2003". Edition words at its end are no title.
    """
    if not title:
        return None
    pieces = [p for p in _as_list(g.get("alternative_title")) + _as_list(g.get("episode_title")) if p]
    if not pieces and g.get("part") is None and not _VOLUME.search(text):
        return None
    at = _words_at(text, title, 0)
    if at is None:
        return None
    limit = len(text)
    year = _first(g.get("year"))
    if isinstance(year, int):
        y = re.compile(rf"[\s._(\[-]*(?<!\d){year}(?!\d)").search(text, at.end())
        limit = y.start() if y else limit
    tags = _TAGS.search(text, at.end())
    limit = min(limit, tags.start() if tags else limit)
    span = text[at.start() : limit]
    if re.search(r"(?i)(?<![^\W_])a\.?k\.?a(?![^\W_])", span):
        return None
    if " " not in span:
        span = re.sub(r"[._]+", " ", span)
    whole = " ".join(span.split()).strip(" -")
    if edition and edition.words:
        whole = strip_edition_from_title(whole, edition) or ""
    return whole if whole and normalize_title(whole) != normalize_title(title) else None
