"""Library schema and its migrations, versioned with ``PRAGMA user_version``.

Each entry of MIGRATIONS takes the schema from version i to i+1 and runs in one transaction, so a crash
mid-migration leaves the previous version intact: SQL statements, or a function given the connection
(for repairs SQL cannot express). Never edit a released migration: append a new one.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable

MAX_ID = 2**63 - 1


def _repair_tmdb_data(conn: sqlite3.Connection) -> None:
    """TMDb answers were stored without validation: a title that is a list, a release date that is a
    number, a candidate whose id is not a positive integer broke `list` and the window for good. Repair
    each stored title and candidate list (malformed fields and candidates dropped); a title with nothing
    usable left is deleted and the lookups matched to it go back to pending, to be fetched again."""
    from videomanager.tmdb.validate import clean_candidates, clean_title_data

    dropped: list[tuple[str, object]] = []
    for kind, tmdb_id, text in conn.execute("SELECT kind, tmdb_id, data FROM titles").fetchall():
        stored = _loads(text)
        clean = clean_title_data(stored)
        if clean is None:
            dropped.append((kind, tmdb_id))
            conn.execute("DELETE FROM titles WHERE kind IS ? AND tmdb_id IS ?", (kind, tmdb_id))
        elif clean != stored:
            conn.execute("UPDATE titles SET data=? WHERE kind IS ? AND tmdb_id IS ?",
                         (json.dumps(clean, ensure_ascii=False), kind, tmdb_id))  # fmt: skip
    for kind, tmdb_id in dropped:
        conn.execute("UPDATE lookups SET state='pending', tmdb_id=NULL, done_at=NULL "
                     "WHERE state='matched' AND kind IS ? AND tmdb_id IS ?", (kind, tmdb_id))  # fmt: skip
    rows = conn.execute("SELECT key, tmdb_id, confidence, candidates FROM lookups").fetchall()
    for key, tmdb_id, confidence, text in rows:
        stored = _loads(text) if text else []
        candidates = clean_candidates(stored)
        bad_id = tmdb_id is not None and not (isinstance(tmdb_id, int) and 0 < tmdb_id <= MAX_ID)
        bad_confidence = confidence is not None and not (
            isinstance(confidence, int | float) and math.isfinite(confidence)
        )
        if candidates != stored or bad_id or bad_confidence:
            conn.execute(
                "UPDATE lookups SET candidates=?, confidence=?, "
                "state=CASE WHEN ? THEN 'pending' ELSE state END, tmdb_id=CASE WHEN ? THEN NULL ELSE tmdb_id END, "
                "done_at=CASE WHEN ? THEN NULL ELSE done_at END WHERE key=?",
                (json.dumps(candidates, ensure_ascii=False), None if bad_confidence else confidence,
                 bad_id, bad_id, bad_id, key),
            )  # fmt: skip
    # What changed reaches the stored cards through the card store's triggers.


def _loads(text: object) -> object:
    try:
        return json.loads(text) if isinstance(text, str | bytes) else None
    except (ValueError, RecursionError):
        return None


MIGRATIONS: list[str | Callable[[sqlite3.Connection], None]] = [
    # 0 -> 1: the first schema.
    """
    CREATE TABLE roots(
        path BLOB PRIMARY KEY,
        added_at REAL NOT NULL
    );
    CREATE TABLE files(
        id INTEGER PRIMARY KEY,
        path BLOB NOT NULL UNIQUE,
        root BLOB NOT NULL,
        dir BLOB NOT NULL,
        size INTEGER NOT NULL,
        mtime REAL NOT NULL,
        role TEXT NOT NULL,
        extra_type TEXT,
        stack_key BLOB,
        part INTEGER,
        parse TEXT,
        lookup_key TEXT,
        fingerprint TEXT,
        missing INTEGER NOT NULL DEFAULT 0,
        added_at REAL NOT NULL,
        seen_at REAL NOT NULL
    );
    CREATE INDEX files_root ON files(root);
    CREATE INDEX files_lookup ON files(lookup_key);
    CREATE INDEX files_fingerprint ON files(fingerprint);
    CREATE TABLE lookups(
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        query TEXT,
        year INTEGER,
        state TEXT NOT NULL DEFAULT 'pending',
        tmdb_id INTEGER,
        confidence REAL,
        reasons TEXT,
        candidates TEXT,
        error TEXT,
        done_at REAL
    );
    CREATE INDEX lookups_state ON lookups(state);
    CREATE TABLE titles(
        kind TEXT NOT NULL,
        tmdb_id INTEGER NOT NULL,
        data TEXT NOT NULL,
        fetched_at REAL NOT NULL,
        PRIMARY KEY(kind, tmdb_id)
    );
    CREATE TABLE decisions(
        fingerprint TEXT PRIMARY KEY,
        action TEXT NOT NULL,
        kind TEXT,
        tmdb_id INTEGER,
        group_token TEXT,
        created_at REAL NOT NULL
    );
    CREATE TABLE request_log(
        day TEXT PRIMARY KEY,
        count INTEGER NOT NULL
    );
    """,
    # 1 -> 2: a generation counter bumped by every write that can change a card, and the cards as JSON
    # for that generation, so `list --json` on a large unchanged library is a read, not a rebuild.
    """
    CREATE TABLE meta(
        key TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    );
    INSERT OR IGNORE INTO meta(key, value) VALUES ('generation', 0);
    CREATE TABLE cards_cache(
        id INTEGER PRIMARY KEY CHECK (id = 1),
        generation INTEGER NOT NULL,
        json TEXT NOT NULL
    );
    """,
    # 2 -> 3: the device a library folder was on when last read, which tells a folder that was moved or
    # deleted (its parent is on that device) from an unplugged drive (it is not); and an index on sizes,
    # where a file that appears at a new path looks for the file it was (the same size, name and mtime).
    """
    ALTER TABLE roots ADD COLUMN dev INTEGER;
    CREATE INDEX files_size ON files(size);
    """,
    # 3 -> 4: the card store (see core/cards.py). One row per card and which card holds each file, kept up to
    # date from a log of what changed, which triggers fill for every writer; the generation counter and the
    # single JSON text it guarded go.
    """
    DROP TABLE cards_cache;
    DELETE FROM meta WHERE key = 'generation';
    CREATE TABLE cards(
        id TEXT PRIMARY KEY,
        kind TEXT,
        tmdb_id INTEGER,
        sort_key BLOB NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX cards_title ON cards(tmdb_id, kind);
    CREATE TABLE card_files(
        file_id INTEGER PRIMARY KEY,
        card_id TEXT NOT NULL,
        dir BLOB NOT NULL,
        owner_dir BLOB NOT NULL
    );
    CREATE INDEX card_files_card ON card_files(card_id);
    CREATE INDEX card_files_dir ON card_files(dir);
    CREATE INDEX card_files_owner_dir ON card_files(owner_dir);
    CREATE TABLE card_changes(
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        what TEXT NOT NULL,
        ref
    );
    CREATE TRIGGER card_file_added AFTER INSERT ON files BEGIN
        INSERT INTO card_changes(what, ref) VALUES ('file', NEW.id);
    END;
    CREATE TRIGGER card_file_changed AFTER UPDATE ON files
    WHEN OLD.path IS NOT NEW.path OR OLD.dir IS NOT NEW.dir OR OLD.size IS NOT NEW.size
        OR OLD.role IS NOT NEW.role OR OLD.extra_type IS NOT NEW.extra_type OR OLD.stack_key IS NOT NEW.stack_key
        OR OLD.part IS NOT NEW.part OR OLD.parse IS NOT NEW.parse OR OLD.lookup_key IS NOT NEW.lookup_key
        OR OLD.fingerprint IS NOT NEW.fingerprint OR OLD.missing IS NOT NEW.missing
        OR OLD.added_at IS NOT NEW.added_at
    BEGIN
        INSERT INTO card_changes(what, ref) VALUES ('file', NEW.id);
    END;
    CREATE TRIGGER card_file_removed AFTER DELETE ON files BEGIN
        INSERT INTO card_changes(what, ref) VALUES ('file', OLD.id);
    END;
    CREATE TRIGGER card_lookup_changed AFTER UPDATE ON lookups BEGIN
        INSERT INTO card_changes(what, ref) VALUES ('key', NEW.key);
    END;
    CREATE TRIGGER card_title_added AFTER INSERT ON titles BEGIN
        INSERT INTO card_changes(what, ref) VALUES ('title', NEW.tmdb_id);
    END;
    CREATE TRIGGER card_title_changed AFTER UPDATE ON titles BEGIN
        INSERT INTO card_changes(what, ref) VALUES ('title', NEW.tmdb_id);
    END;
    CREATE TRIGGER card_title_removed AFTER DELETE ON titles BEGIN
        INSERT INTO card_changes(what, ref) VALUES ('title', OLD.tmdb_id);
    END;
    CREATE TRIGGER card_decision_added AFTER INSERT ON decisions BEGIN
        INSERT INTO card_changes(what, ref) VALUES ('fingerprint', NEW.fingerprint);
    END;
    CREATE TRIGGER card_decision_changed AFTER UPDATE ON decisions BEGIN
        INSERT INTO card_changes(what, ref) VALUES ('fingerprint', NEW.fingerprint);
    END;
    CREATE TRIGGER card_decision_removed AFTER DELETE ON decisions BEGIN
        INSERT INTO card_changes(what, ref) VALUES ('fingerprint', OLD.fingerprint);
    END;
    """,
    # 4 -> 5: TMDb's seasons of the shows the library holds: each season's episode count and air date (from
    # the show's details), and once fetched its episodes as JSON [[number, name, air date], ...] in the
    # language they were fetched in. A change touches the cards of that show, as a title change does.
    """
    CREATE TABLE seasons(
        tv_id INTEGER NOT NULL,
        season INTEGER NOT NULL,
        episode_count INTEGER,
        air_date TEXT,
        episodes TEXT,
        language TEXT,
        fetched_at REAL NOT NULL,
        PRIMARY KEY(tv_id, season)
    );
    CREATE TRIGGER card_season_added AFTER INSERT ON seasons BEGIN
        INSERT INTO card_changes(what, ref) VALUES ('season', NEW.tv_id);
    END;
    CREATE TRIGGER card_season_changed AFTER UPDATE ON seasons
    WHEN OLD.episode_count IS NOT NEW.episode_count OR OLD.air_date IS NOT NEW.air_date
        OR OLD.episodes IS NOT NEW.episodes
    BEGIN
        INSERT INTO card_changes(what, ref) VALUES ('season', NEW.tv_id);
    END;
    CREATE TRIGGER card_season_removed AFTER DELETE ON seasons BEGIN
        INSERT INTO card_changes(what, ref) VALUES ('season', OLD.tv_id);
    END;
    """,
    # 5 -> 6: TMDb data stored before answers were validated, repaired (see _repair_tmdb_data).
    _repair_tmdb_data,
    # 6 -> 7: seen marks, user decisions keyed by fingerprint like the others (a change regroups the cards
    # of the files with that fingerprint); and the TMDb collections fetched, with their parts.
    """
    CREATE TABLE IF NOT EXISTS seen(
        fingerprint TEXT PRIMARY KEY,
        seen_at REAL NOT NULL
    );
    CREATE TRIGGER IF NOT EXISTS card_seen_added AFTER INSERT ON seen BEGIN
        INSERT INTO card_changes(what, ref) VALUES ('fingerprint', NEW.fingerprint);
    END;
    CREATE TRIGGER IF NOT EXISTS card_seen_changed AFTER UPDATE ON seen BEGIN
        INSERT INTO card_changes(what, ref) VALUES ('fingerprint', NEW.fingerprint);
    END;
    CREATE TRIGGER IF NOT EXISTS card_seen_removed AFTER DELETE ON seen BEGIN
        INSERT INTO card_changes(what, ref) VALUES ('fingerprint', OLD.fingerprint);
    END;
    CREATE TABLE IF NOT EXISTS collections(
        id INTEGER PRIMARY KEY,
        data TEXT NOT NULL,
        fetched_at REAL NOT NULL
    );
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def statements(script: str) -> list[str]:
    """The SQL statements of a script, in order (a trigger's body holds semicolons of its own)."""
    out, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    if current.strip():
        out.append(current.strip())
    return out


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to SCHEMA_VERSION; returns the version it started from.

    Each step reads the version inside its own write transaction, so two processes opening a new
    library at once never run the same step twice: the second one finds it done."""
    start = conn.execute("PRAGMA user_version").fetchone()[0]
    if start >= SCHEMA_VERSION:
        return start  # up to date: no write lock (another instance may be holding it)
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= SCHEMA_VERSION:
                conn.execute("COMMIT")
                return start
            step = MIGRATIONS[version]
            if callable(step):
                step(conn)
            else:
                for stmt in statements(step):
                    conn.execute(stmt)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
