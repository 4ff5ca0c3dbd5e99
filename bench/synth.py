"""Synthetic video library for the benchmarks: N empty video files with realistic names, plus junk.

Titles are real films drawn from MovieLens (``/work/shared/corpora/movielens``, read at run time and never
copied into the repository) and generated TV show names. The layout mixes what real libraries hold:
Plex-style folders, scene release folders (with .nfo and samples), ``Title, The (Year)`` archives with
cd1/cd2 parts, the same film in several trees, editions, TV seasons, extras folders, personal videos and
a few very deep folders; non-video files add about 10 %. Everything is seeded, so a given ``--files`` and
``--seed`` always give the same tree.

Next to the tree it writes ``catalog.json`` (movies and shows in the fake TMDb's custom-catalog shape,
ids from MovieLens ``links.csv``, popularity from rating counts) and ``truth.json`` (relative path of each
main video -> [kind, tmdb id], null id for personal videos), for the identify benchmark.

    python bench/synth.py --files 100000 --out /tmp/vm_bench/lib-100000
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

MOVIELENS = Path(os.environ.get("VM_MOVIELENS", "/work/shared/corpora/movielens"))
SHOW_ID_BASE = 5_000_000  # generated shows get ids far from MovieLens tmdbIds

_ARTICLES = ("The", "A", "An", "La", "Le", "Les", "L'", "Il", "Das", "Der", "Die", "El", "Los", "Las")
_AKA = re.compile(r"\s*\(a\.k\.a\. [^()]*\)")
_ML_TITLE = re.compile(r"^(?P<title>.*?)\s*(?:\((?P<aka>[^()]*)\))?\s*\((?P<year>\d{4})(?:-\d{0,4})?\)\s*$")

RESOLUTIONS = ("2160p", "1080p", "1080p", "720p", "720p", "480p")
SOURCES = ("BluRay", "WEB-DL", "WEBRip", "HDTV", "DVDRip", "BDRip", "REMUX")
CODECS = ("x264", "x265", "H.264", "HEVC", "XviD")
GROUPS = ("SPARKS", "GECKOS", "AMIABLE", "YTS", "RARBG", "FGT", "NTb", "DIMENSION", "LOL", "KILLERS", "EVO")
EDITIONS = ("Directors Cut", "Extended", "Theatrical", "Unrated", "Remastered", "Final Cut", "IMAX")
EXTRA_DIRS = ("Featurettes", "Trailers", "Behind The Scenes", "Deleted Scenes", "Extras", "Interviews")
JUNK_EXT = (".nfo", ".srt", ".jpg", ".txt", ".srt", ".nfo", ".sfv", ".png")

_SHOW_A = ("The", "", "", "Dark", "Lost", "Silent", "Broken", "Golden", "Northern", "Last", "Hidden", "Red",
           "Blue", "Iron", "Wild", "Little", "Crimson", "Hollow", "Bright", "Distant")  # fmt: skip
_SHOW_B = ("Harbor", "Kingdom", "Station", "Valley", "Empire", "Files", "Street", "Hospital", "Academy",
           "Frontier", "Dynasty", "Island", "Precinct", "Chronicles", "Garden", "Coast", "Circuit", "Mountain",
           "Society", "Protocol", "Lantern", "Orchard", "Signal", "Tribe", "Witness", "Ledger")  # fmt: skip
_SHOW_C = ("", "", "", " Blues", " Diaries", " Nights", " Legacy", " Rising", " Confidential", " Files")


@dataclass(frozen=True)
class Film:
    tmdb_id: int
    title: str  # display title ("The American President")
    original: str | None  # the other title MovieLens gives in parentheses
    year: int
    ratings: int


@dataclass(frozen=True)
class Show:
    tmdb_id: int
    name: str
    year: int
    seasons: int


def _unflip(title: str) -> str:
    """'American President, The' -> 'The American President' (MovieLens stores the article last)."""
    head, sep, tail = title.rpartition(", ")
    if sep and tail in _ARTICLES:
        return f"{tail}{'' if tail.endswith(chr(39)) else ' '}{head}"
    return title


def load_films(path: Path = MOVIELENS) -> list[Film]:
    """MovieLens films with a TMDb id and a year, most rated first (ties by id, deterministic)."""
    links: dict[str, int] = {}
    with open(path / "links.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["tmdbId"]:
                links[row["movieId"]] = int(row["tmdbId"])
    counts: Counter[str] = Counter()
    with open(path / "ratings.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            counts[row["movieId"]] += 1
    films: dict[int, Film] = {}
    with open(path / "movies.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            m = _ML_TITLE.match(_AKA.sub("", row["title"]).strip())
            tmdb_id = links.get(row["movieId"])
            if not m or tmdb_id is None or tmdb_id in films:
                continue
            aka = m.group("aka")
            films[tmdb_id] = Film(
                tmdb_id=tmdb_id,
                title=_unflip(m.group("title").strip()),
                original=_unflip(aka.strip()) if aka else None,
                year=int(m.group("year")),
                ratings=counts[row["movieId"]],
            )
    return sorted(films.values(), key=lambda x: (-x.ratings, x.tmdb_id))


def make_shows(count: int, rng: random.Random) -> list[Show]:
    names: set[str] = set()
    shows: list[Show] = []
    while len(shows) < count:
        name = " ".join(w for w in (rng.choice(_SHOW_A), rng.choice(_SHOW_B)) if w) + rng.choice(_SHOW_C)
        if name in names:
            continue
        names.add(name)
        shows.append(Show(SHOW_ID_BASE + len(shows) + 1, name, rng.randint(1990, 2023), rng.randint(1, 8)))
    return shows


def catalog(films: list[Film], shows: list[Show]) -> dict:
    """The fake TMDb custom catalog (shapes documented in videomanager/testing/catalog.py)."""
    top = max((f.ratings for f in films), default=1) or 1
    movies = []
    for f in films:
        m = {
            "id": f.tmdb_id,
            "title": f.title,
            "release_date": f"{f.year}-06-15",
            "popularity": round(1.0 + 99.0 * f.ratings / top, 3),
            "vote_count": f.ratings * 37,
        }
        if f.original:
            m["original_title"] = f.original
        movies.append(m)
    tv = [
        {
            "id": s.tmdb_id,
            "name": s.name,
            "first_air_date": f"{s.year}-09-01",
            "popularity": round(5.0 + (s.tmdb_id % 50), 3),
            "seasons": [
                {"season_number": n, "air_date": f"{s.year + n - 1}-09-01", "episode_count": 10}
                for n in range(1, s.seasons + 1)
            ],
        }
        for s in shows
    ]
    return {"movies": movies, "shows": tv}


# -- name makers ------------------------------------------------------------------------------------


def _fs(title: str) -> str:
    """A title as people put it in a file name (no path separators, no Windows-forbidden characters)."""
    return re.sub(
        r"\s+", " ", title.replace("/", "-").replace(":", " -").replace("?", "").replace("*", "")
    ).strip()


def _dots(title: str) -> str:
    """Scene style: 'The Matrix: Reloaded' -> 'The.Matrix.Reloaded'."""
    t = re.sub(r"[^\w\s&-]", "", title.replace("&", "and"))
    return ".".join(t.split())


def _flip(title: str) -> str:
    """'The Matrix' -> 'Matrix, The' (archive style)."""
    head, _, rest = title.partition(" ")
    return f"{rest}, {head}" if head in ("The", "A", "An") and rest else title


def _release(rng: random.Random, tv: bool = False) -> str:
    res = rng.choice(RESOLUTIONS[2:] if tv else RESOLUTIONS)
    src = "HDTV" if tv and rng.random() < 0.5 else rng.choice(SOURCES)
    return f"{res}.{src}.{rng.choice(CODECS)}-{rng.choice(GROUPS)}"


class Builder:
    """Collects (relative path, truth) pairs; ``write`` creates them on disk."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.videos: list[str] = []
        self.junk: list[str] = []
        self.truth: dict[str, list] = {}
        self.kinds: Counter[str] = Counter()
        self._seen: set[str] = set()

    def video(self, path: str, kind: str, truth: tuple[str, int | None] | None = None) -> None:
        if path in self._seen:  # two films with one title and year, or a repeated camera name
            return
        self._seen.add(path)
        self.videos.append(path)
        self.kinds[kind] += 1
        if truth is not None:
            self.truth[path] = list(truth)

    def movie_versions(self, f: Film) -> None:
        """One film in 1-4 trees: Plex folder, scene folder, archive (maybe cd1/cd2), deep disk tree."""
        rng, title, year = self.rng, _fs(f.title), f.year
        truth = ("movie", f.tmdb_id)
        layouts = rng.sample(("plex", "scene", "archive", "deep"), k=rng.choice((1, 1, 2, 2, 3, 4)))
        for layout in layouts:
            if layout == "plex":
                folder = f"Movies/{title} ({year})"
                edition = rng.random() < 0.08
                name = f"{title} ({year})" + (f" {{edition-{rng.choice(EDITIONS)}}}" if edition else "")
                self.video(f"{folder}/{name} - {rng.choice(RESOLUTIONS)}.mkv", "movie", truth)
                if rng.random() < 0.15:
                    self.video(f"{folder}/{title} ({year}) - 4K.mkv", "movie", truth)
                if rng.random() < 0.12:
                    self.video(f"{folder}/{title} ({year})-trailer.mp4", "extra")
                if rng.random() < 0.06:
                    sub = rng.choice(EXTRA_DIRS)
                    for i in range(rng.randint(1, 3)):
                        self.video(f"{folder}/{sub}/{sub.rstrip('s')} {i + 1}.mkv", "extra")
                if rng.random() < 0.3:
                    self.junk.append(f"{folder}/poster.jpg")
            elif layout == "scene":
                rel = f"{_dots(f.title)}.{year}.{_release(rng)}"
                if rng.random() < 0.1:
                    rel = f"{_dots(f.title)}.{year}.{rng.choice(EDITIONS).replace(' ', '.')}.{_release(rng)}"
                folder = f"Downloads/{rel}"
                self.video(f"{folder}/{rel}.mkv", "movie", truth)
                self.junk.append(f"{folder}/{rel}.nfo")
                if rng.random() < 0.25:
                    self.video(f"{folder}/Sample/{rel.split('-')[-1].lower()}-sample.mkv", "extra")
                if rng.random() < 0.3:
                    self.junk.append(f"{folder}/Subs/{rel}.srt")
            elif layout == "archive":
                folder = f"Archive/{_flip(title)} ({year})"
                if rng.random() < 0.25:
                    for cd in (1, 2):
                        self.video(f"{folder}/{_flip(title)} ({year}) CD{cd}.avi", "part", truth)
                else:
                    self.video(f"{folder}/{_flip(title)} ({year}).avi", "movie", truth)
                if rng.random() < 0.2:
                    self.junk.append(f"{folder}/{_flip(title)} ({year}).srt")
            else:
                decade = f"{year // 10 * 10}s"
                genre = rng.choice(("Drama", "Comedy", "Action", "Sci-Fi", "Horror", "Family"))
                deep = "/".join(f"level{i}" for i in range(rng.randint(0, 12)))
                folder = f"Disk2/Films/{genre}/{decade}/{year}/{deep}/{title} ({year})".replace("//", "/")
                self.video(f"{folder}/{_dots(f.title)}.{year}.{rng.choice(RESOLUTIONS)}.mp4", "movie", truth)

    def episodes(self, s: Show, budget: int) -> int:
        """Episodes of one show, Show/Season N/..., up to budget files; returns how many were made."""
        rng, made = self.rng, 0
        truth = ("tv", s.tmdb_id)
        style = rng.choice(("scene", "scene", "plex", "plain"))
        tree = rng.choice(("TV", "TV", "Series", "Downloads/TV"))
        for season in range(1, s.seasons + 1):
            for ep in range(1, rng.randint(6, 24) + 1):
                if made >= budget:
                    return made
                folder = f"{tree}/{_fs(s.name)}/Season {season:02d}"
                if style == "scene":
                    name = f"{_dots(s.name)}.S{season:02d}E{ep:02d}.{_release(rng, tv=True)}.mkv"
                elif style == "plex":
                    name = f"{_fs(s.name)} - S{season:02d}E{ep:02d} - Episode {ep}.mkv"
                else:
                    name = f"{_fs(s.name)} {season}x{ep:02d}.avi"
                self.video(f"{folder}/{name}", "episode", truth)
                made += 1
                if rng.random() < 0.2:
                    self.junk.append(f"{folder}/{name.rsplit('.', 1)[0]}.srt")
        return made

    def personal(self, i: int) -> None:
        rng = self.rng
        year = rng.randint(2008, 2023)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        event = rng.choice(("Birthday", "Holiday", "School play", "Wedding", "Garden", "Beach", "Christmas"))
        folder = f"Personal/{year}/{year}-{month:02d}-{day:02d} {event}"
        shape = rng.random()
        if shape < 0.5:
            name = f"VID_{year}{month:02d}{day:02d}_{rng.randint(0, 235959):06d}.mp4"
        elif shape < 0.8:
            name = f"IMG_{rng.randint(1000, 9999)}.MOV"
        else:
            name = f"MVI_{i:05d}.avi"
        self.video(f"{folder}/{name}", "personal", ("personal", None))

    def write(self, root: Path) -> None:
        made: set[str] = set()
        for rel in (*self.videos, *self.junk):
            path = root / rel
            parent = str(path.parent)
            if parent not in made:
                os.makedirs(parent, exist_ok=True)
                made.add(parent)
            # Empty files: names matter, not content (disk is limited).
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o644))


def build(
    files: int, seed: int = 1, films: list[Film] | None = None
) -> tuple[Builder, list[Film], list[Show]]:
    """Plan a library of about ``files`` videos (plus ~10 % junk); nothing is written yet."""
    rng = random.Random(seed)
    films = films if films is not None else load_films()
    b = Builder(rng)
    # Personal videos ~3 %; films (most rated first, ~3.6 video files each with versions, parts and
    # extras) up to half the files, or all of MovieLens; TV episodes fill the rest (~90 per show).
    for i in range(max(1, files * 3 // 100)):
        b.personal(i)
    used: list[Film] = []
    for f in films:
        if len(b.videos) >= files // 2:
            break
        b.movie_versions(f)
        used.append(f)
    n_episodes = max(0, files - len(b.videos))
    n_shows = max(2, n_episodes // 90)
    shows = make_shows(n_shows, rng)
    left = n_episodes
    for i, s in enumerate(shows):
        # An even share of what is left, with a random spread, so show sizes vary; the last takes the rest.
        share = left // (n_shows - i)
        want = left if i == n_shows - 1 else rng.randint(share // 2, share * 3 // 2 + 1)
        if i == n_shows - 1:  # the last show takes the rest: give it enough seasons (>= 6 episodes each)
            s = shows[i] = Show(s.tmdb_id, s.name, s.year, max(s.seasons, want // 6 + 1))
        left -= b.episodes(s, want)
    # Junk to about 10 % of the videos: a seeded sample of the .nfo/.srt/.jpg made above, topped up.
    want_junk = len(b.videos) // 10
    if len(b.junk) > want_junk:
        b.junk = sorted(rng.sample(b.junk, want_junk))
    i = 0
    while len(b.junk) < want_junk:
        b.junk.append(f"Misc/notes-{i // 100}/readme-{i}.txt")
        i += 1
    return b, used, shows


def generate(files: int, out: Path, seed: int = 1) -> dict:
    """Write the tree under ``out/tree`` plus catalog.json and truth.json; returns a summary dict.

    An existing tree with a matching ``summary.json`` is reused as is."""
    out = Path(out)
    summary_file = out / "summary.json"
    if summary_file.exists():
        summary = json.loads(summary_file.read_text())
        if summary.get("files") == files and summary.get("seed") == seed:
            return summary
    t0 = time.perf_counter()
    b, used, shows = build(files, seed)
    tree = out / "tree"
    tree.mkdir(parents=True, exist_ok=True)
    b.write(tree)
    (out / "catalog.json").write_text(json.dumps(catalog(used, shows), ensure_ascii=False))
    (out / "truth.json").write_text(json.dumps(b.truth, ensure_ascii=False))
    summary = {
        "files": files,
        "seed": seed,
        "root": str(tree),
        "videos": len(b.videos),
        "junk": len(b.junk),
        "kinds": dict(b.kinds),
        "films": len(used),
        "shows": len(shows),
        "seconds": round(time.perf_counter() - t0, 1),
    }
    summary_file.write_text(json.dumps(summary, indent=1))
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", type=int, default=100_000, help="video files to create (junk comes on top)")
    ap.add_argument("--out", type=Path, default=None, help="output folder (default /tmp/vm_bench/lib-N)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    out = args.out or Path(f"/tmp/vm_bench/lib-{args.files}")
    print(json.dumps(generate(args.files, out, args.seed), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
