"""File fingerprints that survive renames and moves: the size plus a hash of the first and last 64 KiB.

Manual decisions are keyed on them, so a fix made by the user follows the file wherever it goes. Reading
128 KiB per file is cheap for the few files a decision touches, so fingerprints are computed lazily.

Only regular files are read. Anything else named like a video (a named pipe, a socket, a device) is
refused before it is opened, and the open itself never waits (``O_NONBLOCK``): opening a named pipe for
reading would otherwise block until some other program writes to it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat

CHUNK = 64 * 1024
_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
)


def special_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words ("a named pipe (FIFO)"); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _refuse(path: str, mode: int) -> OSError:
    return OSError(errno.EINVAL, f"it is {special_kind(mode)}, not a video file", path)


def _read(fd: int, n: int) -> bytes:
    """Up to n bytes (fewer only at the end of the file)."""
    parts: list[bytes] = []
    while n > 0:
        block = os.read(fd, n)
        if not block:
            break
        parts.append(block)
        n -= len(block)
    return b"".join(parts)


def fingerprint(path: str, size: int | None = None) -> str:
    """'<size>:<hex>' of a regular file; raises OSError with a readable ``strerror`` when the file cannot
    be read or is not a regular file."""
    before = os.stat(path)
    if not stat.S_ISREG(before.st_mode):
        raise _refuse(path, before.st_mode)
    fd = os.open(path, _OPEN_FLAGS)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # replaced by something else between the stat and the open
            raise _refuse(path, st.st_mode)
        if size is None:
            size = st.st_size
        h = hashlib.blake2b(digest_size=16)
        h.update(_read(fd, CHUNK))
        if size > CHUNK:
            os.lseek(fd, max(CHUNK, size - CHUNK), os.SEEK_SET)
            h.update(_read(fd, CHUNK))
    finally:
        os.close(fd)
    return f"{size}:{h.hexdigest()}"
