"""Helpers to build video trees in tmp_path for core tests."""

from __future__ import annotations

import os
from pathlib import Path


def make_tree(root: Path, files: dict[str, int] | list[str]) -> list[Path]:
    """Create files (sparse, with a unique first line so fingerprints differ) under root."""
    if isinstance(files, list):
        files = {f: 0 for f in files}
    made = []
    for rel, size in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "wb") as fh:
            fh.write(rel.encode("utf-8", "surrogateescape") + b"\n")
            if size:
                fh.truncate(size)
        made.append(p)
    return made


def touch_later(p: Path, seconds: float = 10.0) -> None:
    st = p.stat()
    os.utime(p, (st.st_atime, st.st_mtime + seconds))
