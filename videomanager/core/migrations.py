"""Library schema and its migrations, versioned with ``PRAGMA user_version``.

Each entry of MIGRATIONS takes the schema from version i to i+1 and runs in one transaction, so a crash
mid-migration leaves the previous version intact. Never edit a released migration: append a new one.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
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
            for stmt in statements(MIGRATIONS[version]):
                conn.execute(stmt)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
