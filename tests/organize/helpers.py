"""Helpers of the organize tests: trees of small files with distinct contents, snapshots of a tree, the CLI
in-process against the local TMDb stand-in, and cards reduced to what organizing must keep."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from videomanager.testing.fake_tmdb import FakeTMDb


def make_files(root: Path, names: list[str]) -> dict[str, bytes]:
    """Create each file with its own content (so fingerprints differ); returns relative path -> content."""
    made = {}
    for n, rel in enumerate(names):
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        data = f"{n}:{rel}\n".encode("utf-8", "surrogateescape") * 8
        p.write_bytes(data)
        made[rel] = data
    return made


def snapshot(root: Path) -> dict[str, tuple[int, int, str]]:
    """relative path -> (size, mtime in ns, sha256) of every file under root."""
    out = {}
    for folder, _dirs, files in os.walk(root):
        for name in files:
            p = os.path.join(folder, name)
            st = os.lstat(p)
            with open(p, "rb") as fh:
                digest = hashlib.sha256(fh.read()).hexdigest()
            out[os.path.relpath(p, root)] = (st.st_size, st.st_mtime_ns, digest)
    return out


def contents(root: Path) -> list[str]:
    """The sha256 of every file under root, sorted (a multiset: every file exactly once)."""
    return sorted(v[2] for v in snapshot(root).values())


def env_for(monkeypatch, data: Path, fake: FakeTMDb | None) -> None:
    monkeypatch.setenv("VIDEOMANAGER_DATA_DIR", str(data))
    if fake is not None:
        monkeypatch.setenv("TMDB_API_KEY", fake.API_KEY)
        monkeypatch.setenv("VIDEOMANAGER_TMDB_URL", fake.base_url)


def cli(capsys, *args: str) -> tuple[int, str, str]:
    from videomanager.cli import main

    capsys.readouterr()
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def scan_identify(capsys, data: Path, root: Path) -> list[dict[str, Any]]:
    """Scan root into the library in data, identify it, and return `list --json`."""
    for args in (["scan", str(root), "--workers", "1"], ["identify"]):
        rc, _out, err = cli(capsys, "--data-dir", str(data), *args)
        assert rc == 0, err
    return list_json(capsys, data)


def list_json(capsys, data: Path) -> list[dict[str, Any]]:
    rc, out, err = cli(capsys, "--data-dir", str(data), "list", "--json")
    assert rc == 0, err
    return json.loads(out)


def essence(cards: list[dict[str, Any]]) -> list[tuple]:
    """What organizing must not change in the cards: ids, versions (resolution, edition, parts), episodes,
    extras (type) and the number of files, independent of paths."""
    out = []
    for c in cards:
        versions = sorted((v["resolution"] or "", v["edition"] or "", len(v["parts"])) for v in c["versions"])
        episodes = sorted((e["season"], e["episode"]) for e in c["episodes"])
        extras = sorted(x["type"] for x in c["extras"])
        out.append((c["kind"], c["tmdb_id"], tuple(versions), tuple(episodes), tuple(extras)))
    return sorted(out, key=repr)


def identify_locally(library, titles: dict[str, tuple[str, int, str, str]]) -> None:
    """What identify would record, without a network: every lookup whose query (normalised) is a key of
    ``titles`` -> (kind, tmdb id, title, first date) is matched to that title, an id key to its own id."""
    from videomanager.core.text import normalize_title

    by_id = {(kind, tmdb_id): (title, date) for kind, tmdb_id, title, date in titles.values()}
    for row in library.lookups():
        found = None
        if row.key.startswith("tmdb:"):
            _s, kind, ident = row.key.split(":")
            if (kind, int(ident)) in by_id:
                found = (kind, int(ident), *by_id[(kind, int(ident))])
        else:
            found = titles.get(row.key) or titles.get(normalize_title(row.query or ""))
        if found is None:
            continue
        kind, tmdb_id, title, date = found
        library.save_lookup(row.key, state="matched", tmdb_id=tmdb_id, kind=kind, confidence=0.95)
        name_key = "name" if kind == "tv" else "title"
        date_key = "first_air_date" if kind == "tv" else "release_date"
        library.save_title(kind, tmdb_id, {name_key: title, date_key: date, "id": tmdb_id})


def scanned(tmp_path: Path, names: list[str], titles: dict, root_name: str = "lib"):
    """(library, root, contents) of a scanned and locally identified tree."""
    from videomanager.core.indexer import scan_into_library
    from videomanager.core.library import Library

    root = tmp_path / root_name
    made = make_files(root, names)
    library = Library(tmp_path / "data" / "library.sqlite3")
    scan_into_library(library, [str(root)], workers=1)
    identify_locally(library, titles)
    return library, root, made


def current_cards(library):
    from videomanager.core.cards import CardStore

    return CardStore(library).cards()


def plan_for(library, scheme: str = "plex", target: str | None = None):
    from videomanager.core.organize_plan import build_plan

    return build_plan(library, current_cards(library), scheme, target)
