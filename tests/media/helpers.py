"""Libraries made of the small real media files in tests/data/media (copied under their new names)."""

from __future__ import annotations

import os
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


def use_trash(monkeypatch, folder: Path) -> Path:
    """Make ``folder`` the XDG data folder whose Trash send2trash moves files to; returns the trash's files
    folder. send2trash reads XDG_DATA_HOME when it is first imported, so its module's copy is set too."""
    from send2trash import plat_other

    home, data = folder / "home", folder / "xdg-data"
    home.mkdir(parents=True, exist_ok=True)
    data.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setattr(plat_other, "XDG_DATA_HOME", os.fsencode(data))
    monkeypatch.setattr(plat_other, "HOMETRASH_B", os.fsencode(data / "Trash"))
    monkeypatch.setattr(plat_other, "HOMETRASH", str(data / "Trash"))
    return data / "Trash" / "files"
