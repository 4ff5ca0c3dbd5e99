"""File fingerprints that survive renames and moves: the size plus a hash of the first and last 64 KiB.

Manual decisions are keyed on them, so a fix made by the user follows the file wherever it goes. Reading
128 KiB per file is cheap for the few files a decision touches, so fingerprints are computed lazily.
"""

from __future__ import annotations

import hashlib
import os

CHUNK = 64 * 1024


def fingerprint(path: str, size: int | None = None) -> str:
    """'<size>:<hex>' of the file; raises OSError when it cannot be read."""
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as fh:
        if size is None:
            size = os.fstat(fh.fileno()).st_size
        h.update(fh.read(CHUNK))
        if size > CHUNK:
            fh.seek(max(CHUNK, size - CHUNK))
            h.update(fh.read(CHUNK))
    return f"{size}:{h.hexdigest()}"
