"""The card store: updated for what changed, it holds exactly the cards a full regroup builds.

The property test drives a library through random sequences of the writes the program makes (files added,
changed, moved, missing, deleted; lookups answered; titles fetched; decisions made and undone) and after
each one checks the store against ``cards_from_library`` and the reported changes against the difference.
"""

from __future__ import annotations

import json
import random
import sqlite3

import pytest

from videomanager.core.cards import CARDS_FORMAT, CardStore
from videomanager.core.grouping import cards_from_library
from videomanager.core.keys import lookup_key
from videomanager.core.library import Library, NewFile
from videomanager.core.models import ROLE_EPISODE, ROLE_EXTRA, ROLE_VERSION
from videomanager.core.parser import parse

FILMS = ["The Matrix (1999)", "Heat (1995)", "Alien (1979)", "Up (2009)", "Heat (1986)"]
SHOWS = ["Breaking Bad", "The Office US"]
ROOTS = ["/lib/Movies", "/lib/4K", "/lib/Downloads"]
EXTRA_DIRS = ["Trailers", "Extras", "Featurettes"]


def _new_file(
    path: str, root: str, *, size: int, extra: str | None = None, stack: tuple | None = None
) -> NewFile:
    parsed = parse(path, root)
    role = ROLE_EXTRA if extra else (ROLE_EPISODE if parsed.kind == "episode" else ROLE_VERSION)
    return NewFile(path=path, root=root, size=size, mtime=0.0, role=role, extra_type=extra,
                   stack_key=stack[0] if stack else None, part=stack[1] if stack else None, parsed=parsed,
                   lookup_key=lookup_key(parsed, role))  # fmt: skip


def _random_file(rng: random.Random, n: int) -> list[NewFile]:
    """One to two new files in one of the library's usual shapes."""
    root = rng.choice(ROOTS)
    film = rng.choice(FILMS)
    title = film.split(" (")[0]
    shape = rng.randrange(8)
    if shape == 0:  # a film in its own folder
        return [_new_file(f"{root}/{film}/{title}.{n}.{rng.choice(['720p', '1080p'])}.mkv", root, size=n)]
    if shape == 1:  # loose in the root
        return [_new_file(f"{root}/{title.replace(' ', '.')}.{film[-5:-1]}.{n}.mkv", root, size=n)]
    if shape == 2:  # an extra in an extras folder, or beside its film
        if rng.random() < 0.5:
            folder = f"{root}/{film}/{rng.choice(EXTRA_DIRS)}"
            return [_new_file(f"{folder}/clip {n}.mkv", root, size=n, extra="trailer")]
        return [_new_file(f"{root}/{film}/{title}-trailer{n}.mkv", root, size=n, extra="trailer")]
    if shape == 3:  # a two-part film
        key = f"{root}/{film}/{title} stack{n}"
        return [_new_file(f"{root}/{film}/{title} stack{n} cd{p}.avi", root, size=n + p, stack=(key, p))
                for p in (1, 2)]  # fmt: skip
    if shape == 4:  # a generic name in a titled folder
        return [_new_file(f"{root}/{film}/movie{n}.mkv", root, size=n)]
    show = rng.choice(SHOWS)
    season = rng.randrange(1, 3)
    where = f"{root}/{show}/Season {season}" if shape < 7 else f"{root}/{show}"
    return [_new_file(f"{where}/{show.replace(' ', '.')}.S0{season}E{n % 20 + 1:02d}.{n}.mkv", root, size=n)]


class World:
    """A library and the random writes the program makes to it."""

    def __init__(self, lib: Library, rng: random.Random) -> None:
        self.lib, self.rng, self.n = lib, rng, 0

    def ids(self) -> list[int]:
        return [r[0] for r in self.lib.conn.execute("SELECT id FROM files ORDER BY id")]

    def step(self) -> str:
        ops = [self.add, self.add, self.add, self.move, self.missing, self.delete, self.lookup, self.title,
               self.decide, self.undecide, self.season]  # fmt: skip
        op = self.rng.choice(ops)
        return op() or op.__name__

    def add(self) -> None:
        files = []
        for _ in range(self.rng.randrange(1, 4)):
            self.n += 1
            files += _random_file(self.rng, self.n)
        self.lib.upsert_files(files)

    def _pick(self):
        ids = self.ids()
        return self.lib.files_by_ids([self.rng.choice(ids)])[0] if ids else None

    def move(self) -> None:
        f = self._pick()
        if f is None:
            return
        self.n += 1
        other = _random_file(self.rng, self.n)[0]  # a new place and name, same file
        with self.lib.transaction() as c:
            c.execute("UPDATE files SET path=?, dir=?, root=?, parse=?, lookup_key=?, role=? WHERE id=?",
                      (other.path.encode(), other.path.rsplit("/", 1)[0].encode(), other.root.encode(),
                       json.dumps(other.parsed.to_dict()), other.lookup_key, other.role, f.id))  # fmt: skip
            if other.lookup_key:
                c.execute("INSERT OR IGNORE INTO lookups(key, kind, state) VALUES (?, 'movie', 'pending')",
                          (other.lookup_key,))  # fmt: skip

    def missing(self) -> None:
        f = self._pick()
        if f is not None:
            self.lib.set_missing([f.id], not f.missing)

    def delete(self) -> None:
        f = self._pick()
        if f is not None:
            self.lib.delete_files([f.id])

    def lookup(self) -> None:
        rows = self.lib.lookups()
        if not rows:
            return
        row = self.rng.choice(rows)
        state = self.rng.choice(["matched", "matched", "not_found", "ambiguous", "pending"])
        tid = self.rng.choice([603, 949, 348, 14160, 1396]) if state == "matched" else None
        cands = (
            [{"tmdb_id": 1, "kind": "movie", "title": "X", "year": 2000, "score": 0.5}]
            if state == "ambiguous"
            else []
        )
        self.lib.save_lookup(
            row.key, state=state, tmdb_id=tid, kind=row.kind, confidence=0.9, candidates=cands
        )

    def title(self) -> None:
        tid = self.rng.choice([603, 949, 348, 14160, 1396])
        kind = "tv" if tid == 1396 else "movie"
        self.n += 1
        self.lib.save_title(kind, tid, {"title": f"Title {self.n}", "name": f"Name {self.n}",
                                        "release_date": f"{1990 + self.n % 30}-01-01", "poster_path": f"/{self.n}.jpg"})  # fmt: skip

    def season(self) -> None:
        """TMDb's season data of the show: counts, then episode names and air dates."""
        self.n += 1
        season = self.rng.randrange(1, 3)
        self.lib.save_season_summary(1396, [(1, 7 + self.n % 3, "2008-01-20"), (2, 13, "2009-03-08")])
        episodes = [(e, f"Episode {e} take {self.n}", f"200{7 + season}-02-{e:02d}") for e in range(1, 14)]
        self.lib.save_season_episodes(
            1396, season, episodes, air_date=f"200{7 + season}-01-20", language="en-US"
        )

    def decide(self) -> None:
        f = self._pick()
        if f is None:
            return
        fp = f"fp{f.id}"
        self.lib.set_fingerprint(f.id, fp)
        action = self.rng.choice(["match", "unmatch", "split", "group"])
        token = self.rng.choice(["g1", "g2"]) if action in ("split", "group") else None
        tid = self.rng.choice([603, 949, None]) if action != "unmatch" else None
        if action == "match" and tid is None:
            tid = 348
        self.lib.set_decision(fp, action, kind="movie" if tid else None, tmdb_id=tid, group_token=token)

    def undecide(self) -> None:
        row = self.lib.conn.execute("SELECT fingerprint FROM decisions ORDER BY random() LIMIT 1").fetchone()
        if row:
            self.lib.clear_decision(row[0])


def _by_id(cards) -> dict[str, dict]:
    return {c.id: c.to_dict() for c in cards}


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(6))
def test_updates_hold_exactly_what_a_full_regroup_builds(tmp_path, seed: int) -> None:
    rng = random.Random(seed)
    lib = Library(tmp_path / "lib.sqlite3")
    store = CardStore(lib, full_share=2.0)  # always incremental: that is what is tested
    world = World(lib, rng)
    for _ in range(12):
        world.add()
    shown = _by_id(store.cards())
    assert shown == _by_id(cards_from_library(lib))
    for i in range(120):
        what = world.step()
        changes = store.update()
        for cid in changes.removed:
            shown.pop(cid)
        for card in changes.inserted:
            assert card.id not in shown, (i, what)
            shown[card.id] = card.to_dict()
        for card in changes.changed:
            assert card.id in shown and shown[card.id] != card.to_dict(), (i, what)
            shown[card.id] = card.to_dict()
        full = _by_id(cards_from_library(lib))
        assert shown == full, (i, what)  # the reported changes lead to the full regroup's cards
        assert _by_id(store.stored()) == full, (i, what)  # and so does what is stored
        assert json.loads(store.json_text()) == [c.to_dict() for c in cards_from_library(lib)]


@pytest.mark.slow
def test_a_change_regroups_only_the_cards_it_touches(tmp_path) -> None:
    lib = Library(tmp_path / "lib.sqlite3")
    store = CardStore(lib)
    files = [_new_file(f"/lib/Movies/Garden Story {i} (2001)/Garden Story {i} (2001).mkv", "/lib/Movies", size=i)
             for i in range(300)]  # fmt: skip
    lib.upsert_files(files)
    assert len(store.update().inserted) == 300
    key = files[7].lookup_key
    lib.save_lookup(key, state="matched", tmdb_id=77, kind="movie", confidence=0.9)
    lib.save_title("movie", 77, {"title": "Seventy Seven", "release_date": "2001-05-05"})
    calls = []
    original = store._group
    store._group = lambda fs: calls.append(len(list(fs))) or original(lib.files_by_ids([f.id for f in fs]))
    changes = store.update()
    assert [c.title for c in changes.inserted] == ["Seventy Seven"] and len(changes.removed) == 1
    assert calls == [1]  # one file regrouped, not 300


def test_a_new_format_regroups_everything_once(tmp_path) -> None:
    lib = Library(tmp_path / "lib.sqlite3")
    store = CardStore(lib)
    lib.upsert_files([_new_file("/lib/Movies/Up (2009)/Up (2009).mkv", "/lib/Movies", size=1)])
    store.update()
    with lib.transaction() as c:
        c.execute("UPDATE meta SET value = ? WHERE key = 'cards_format'", (CARDS_FORMAT - 1,))
        c.execute("UPDATE cards SET data = replace(data, '\"Up\"', '\"Stale\"')")
    assert store.pending()
    store.update()
    assert [c.title for c in store.stored()] == ["Up"] and not store.pending()


def test_an_updater_that_read_an_older_state_does_not_overwrite_a_newer_one(tmp_path) -> None:
    """Two updaters (a window and a CLI run): the one that read before the other wrote starts again."""
    lib = Library(tmp_path / "lib.sqlite3")
    lib.upsert_files([_new_file("/lib/Movies/Up (2009)/Up (2009).mkv", "/lib/Movies", size=1)])
    mine, other = CardStore(lib), CardStore(Library(tmp_path / "lib.sqlite3"))
    mine.update()
    lib.save_title("movie", 14160, {"title": "Up (first)", "release_date": "2009-05-28"})
    lib.save_lookup("movie|up|2009", state="matched", tmdb_id=14160, kind="movie", confidence=0.9)
    with lib.read_transaction() as conn:
        stale = mine._plan(conn, full=False)
    lib.save_title("movie", 14160, {"title": "Up (second)", "release_date": "2009-05-28"})
    other.update()
    assert mine._write(stale) is None  # refused: another update was applied since it was read
    mine.update()
    assert [c.title for c in mine.stored()] == ["Up (second)"]


def test_every_writer_is_logged_even_raw_sql(tmp_path) -> None:
    """Triggers, not the Library's methods, record what changed: any writer's change reaches the cards."""
    lib = Library(tmp_path / "lib.sqlite3")
    store = CardStore(lib)
    lib.upsert_files([_new_file("/lib/Movies/Up (2009)/Up (2009).mkv", "/lib/Movies", size=1)])
    store.update()
    raw = sqlite3.connect(tmp_path / "lib.sqlite3")
    raw.execute("UPDATE files SET missing = 1")
    raw.commit()
    raw.close()
    assert store.pending()
    assert store.update().changed[0].versions[0].missing
