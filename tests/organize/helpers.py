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
