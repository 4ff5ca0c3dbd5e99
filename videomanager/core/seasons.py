"""A show's TMDb seasons, and where a file's episode falls in them.

``ShowSeasons`` wraps the rows the library keeps for one show (``Library.seasons_for``): each season's
episode count and air date, and the episodes (number, name, air date) of the seasons fetched. ``place``
turns what a name says into TMDb's numbering:

* an air date (a daily show) is the episode TMDb says aired that day;
* an episode with no season (anime's absolute numbers, ``Show - 143``) is counted through the seasons'
  episode counts (specials apart): with 61 and 16 episodes in seasons 1 and 2, 62 is S02E01;
* an episode beyond its season's count in a season folder (``Season 2/Show - 30``) is that absolute
  number when it falls in that season;
* a file named only by its episode's title ("Season 2/Chapter Three - The Pollywog.mkv") is the one episode
  of its season (of the show, without a season) whose TMDb name it holds;
* then the episode's name and air date come from the season's episodes, when fetched.

``needed_seasons`` says which seasons the identify step must fetch for a show's files. Pure functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from videomanager.core.library import SeasonRow
from videomanager.core.models import Parsed
from videomanager.core.text import normalize_title


@dataclass(frozen=True)
class Placed:
    """An episode file in TMDb's numbering (what the card shows)."""

    season: int | None
    episode: int | None
    episode_end: int | None
    title: str | None
    air_date: str | None
    absolute: int | None


class ShowSeasons:
    """The seasons of one show (see the module docstring)."""

    def __init__(self, rows: Mapping[int, SeasonRow]) -> None:
        self.rows = dict(rows)
        self._dates: dict[str, tuple[int, int]] | None = None

    def count(self, season: int) -> int | None:
        row = self.rows.get(season)
        if row is None:
            return None
        return len(row.episodes) if row.episodes is not None and row.episodes else row.episode_count

    def holds(self, season: int, episode: int) -> bool | None:
        """Whether TMDb's season has this episode; None when the season is not known."""
        count = self.count(season)
        return None if count is None else 1 <= episode <= count

    def numbered(self) -> list[int]:
        """The regular seasons (specials apart), in order."""
        return sorted(n for n in self.rows if n > 0)

    def from_absolute(self, number: int) -> tuple[int, int] | None:
        """(season, episode) of an absolute episode number, or None when the counts do not reach it."""
        left = number
        for season in self.numbered():
            count = self.count(season)
            if not count:
                return None
            if left <= count:
                return season, left
            left -= count
        return None

    def season_of_date(self, date: str) -> int | None:
        """The regular season whose run holds this date (the last one that started on or before it)."""
        best = None
        for season in self.numbered():
            start = self.rows[season].air_date
            if start and start <= date:
                best = season
        return best

    def by_date(self, date: str) -> tuple[int, int] | None:
        if self._dates is None:
            self._dates = {}
            for season in sorted(self.rows, reverse=True):  # a regular episode wins over a special that day
                for number, _, air in self.rows[season].episodes or ():
                    if air:
                        self._dates[air] = (season, number)
        return self._dates.get(date)

    def episode(self, season: int, number: int) -> tuple[str | None, str | None] | None:
        """(name, air date) of an episode, when its season was fetched and holds it."""
        row = self.rows.get(season)
        for n, name, air in (row.episodes or ()) if row else ():
            if n == number:
                return name, air
        return None


def _beyond(show: ShowSeasons, p: Parsed) -> tuple[int, int] | None:
    """Where a season/episode that TMDb does not have really is: a year-named season ('S2011E05', the
    season that started that year, else an absolute number), an absolute number read as a compact one
    ('Bleach - 367' is not S03E67), or an absolute number in a season folder ('Season 2/Show - 30')."""
    season, episode = p.season, p.episode
    if season is None or episode is None or season in show.rows and show.holds(season, episode) is not False:
        return None
    if season not in show.rows and season < 1900:
        return None  # not fetched: nothing to say
    if season >= 1900:
        started = [n for n in show.numbered() if (show.rows[n].air_date or "")[:4] == str(season)]
        if started and show.holds(started[0], episode):
            return started[0], episode
        return show.from_absolute(episode)
    if p.absolute is not None:
        return show.from_absolute(p.absolute)
    hit = show.from_absolute(episode)
    return hit if hit and hit[0] == season else None


def by_name(
    show: ShowSeasons, season: int | None, text: str, show_title: str | None
) -> tuple[int, int] | None:
    """The one episode whose TMDb name the file name holds ("Season 2/Chapter Three - The Pollywog.mkv"),
    searched in its season when known; None when no name, or more than one, fits."""
    words = f" {normalize_title(text)} "
    if show_title:
        words = words.replace(f" {normalize_title(show_title)} ", " ")
    found: dict[str, tuple[int, int]] = {}
    for s in [season] if season is not None else show.numbered():
        row = show.rows.get(s)
        for number, name, _ in (row.episodes or ()) if row else ():
            key = normalize_title(name)
            if len(key) >= 4 and f" {key} " in words:
                found.setdefault(key, (s, number))
    if not found:
        return None
    longest = max(found, key=len)
    rivals = [k for k in found if len(k) == len(longest) and found[k] != found[longest]]
    return None if rivals else found[longest]


def place(p: Parsed, show: ShowSeasons | None, name: str = "") -> Placed:
    """Where a parsed episode falls in the show's seasons (the name's own numbers when they are unknown);
    ``name`` is the file's name, for episodes named only by their title."""
    season, episode, end = p.season, p.episode, p.episode_end
    absolute = p.absolute if p.season is None else None
    if show is not None and show.rows:
        if episode is None and not p.air_date and name and (hit := by_name(show, season, name, p.title)):
            season, episode = hit
        elif p.air_date and (episode is None or season is None or season not in show.rows):
            hit = show.by_date(p.air_date)
            if hit:
                season, episode = hit
        elif season is None and episode is not None:
            hit = show.from_absolute(episode)
            if hit:
                last = show.from_absolute(end) if end else None
                season, episode = hit
                end = last[1] if last and last[0] == season else None
        elif (hit := _beyond(show, p)) is not None:
            number = p.absolute if p.absolute is not None else p.episode
            absolute = number if hit != (p.season, p.episode) and (p.season or 0) < 1900 else absolute
            if p.season is not None and p.season >= 1900 and hit[1] != p.episode:
                absolute = p.episode
            span = (end - p.episode) if end and p.episode is not None else 0
            season, episode = hit
            end = episode + span if span and show.holds(season, episode + span) else None
    title, air_date = p.episode_title, p.air_date
    if show is not None and season is not None and episode is not None:
        names = [show.episode(season, n) for n in range(episode, (end or episode) + 1)]
        known = [n for n in names if n is not None]
        if known:
            title = " / ".join(name for name, _ in known if name) or title
            air_date = known[0][1] or air_date
    return Placed(season, episode, end, title, air_date, absolute)


def needed_seasons(parses: Iterable[Parsed], show: ShowSeasons) -> tuple[bool, set[int]]:
    """(the show's season list is needed, the seasons whose episodes are needed) for these files.

    Numbered files need their season; an air date or an absolute number needs the season list first
    (to know which season holds it), then that season; so does a number TMDb's season does not have."""
    summary = False
    wanted: set[int] = set()

    def absolute(number: int) -> None:
        nonlocal summary
        hit = show.from_absolute(number)
        summary = summary or hit is None
        if hit:
            wanted.add(hit[0])

    for p in parses:
        if p.air_date and (p.episode is None or p.season is None):
            season = show.season_of_date(p.air_date)
            summary = summary or season is None
            if season is not None:
                wanted.add(season)
        elif p.season is None and p.episode is not None:
            absolute(p.episode)
        elif p.season is not None:
            wanted.add(p.season)
            if p.season >= 1900:
                summary = True
                if p.episode is not None:
                    absolute(p.episode)
            elif p.episode is not None and show.holds(p.season, p.episode) is False:
                absolute(p.absolute if p.absolute is not None else p.episode)
    return summary, wanted


def episodes_held(episodes: Iterable) -> int:
    """How many episodes a card's files hold: each episode of a multi-episode file counts, the same episode
    in two files counts once, and a file with no number counts as one."""
    numbered: set[tuple[int | None, int]] = set()
    other = 0
    for e in episodes:
        if e.episode is None:
            other += 1
        else:
            numbered.update((e.season, n) for n in range(e.episode, (e.episode_end or e.episode) + 1))
    return len(numbered) + other
