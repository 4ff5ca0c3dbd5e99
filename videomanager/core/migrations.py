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
]

SCHEMA_VERSION = len(MIGRATIONS)


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
            for stmt in (s.strip() for s in MIGRATIONS[version].split(";")):
                if stmt:
                    conn.execute(stmt)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
