"""Libraries made of the small real media files in tests/data/media (copied under their new names)."""

from __future__ import annotations

import shutil
from pathlib import Path

from videomanager.core.indexer import scan_into_library
from videomanager.core.library import Library

MEDIA = Path(__file__).resolve().parent.parent / "data" / "media"


def media(name: str) -> Path:
    """A committed test media file."""
    return MEDIA / name


def make_library(root: Path, files: dict[str, str | int], db: Path | None = None) -> Library:
    """Copy media files to ``root`` under the given names (an int makes a sparse file of zeros of that size)
    and scan them into a new library."""
    for rel, source in files.items():
        dest = root / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, int):
            with open(dest, "wb") as fh:
                fh.truncate(source)
        else:
            shutil.copyfile(MEDIA / source, dest)
    lib = Library(db or root.parent / f"{root.name}.sqlite3")
    scan_into_library(lib, [str(root)], workers=1)
    return lib
