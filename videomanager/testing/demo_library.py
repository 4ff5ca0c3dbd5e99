"""A generated sample library for ``videomanager --demo``, tests and screenshots.

Every file is sparse: a few unique bytes at the start (so fingerprints differ) and then a truncate to a
realistic size, so a "60 GB" 4K remux takes a few kilobytes of disk. The layout exercises every
feature of the app, using only titles of the local TMDb stand-in's built-in catalog:

* one film in several versions across two folder trees (The Matrix: 1080p in Downloads/, 4K in
  Movies 4K/), with a trailer, a sample and a featurette folder (extras, never versions);
* editions (Blade Runner Final Cut and Director's Cut);
* a multi-part movie (Seven Samurai cd1/cd2);
* remakes told apart by year (RoboCop 1987 and 2014);
* original-language titles (Le Fabuleux Destin d'Amélie Poulain, Sen to Chihiro no Kamikakushi);
* two same-named TV shows (Doctor Who 1963 and 2005) plus The Office (US);
* an ambiguous name (Halloween, three films, no year);
* personal videos that stay unidentified, and non-video files (subtitles, .nfo) that never show.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

__all__ = ["DEMO_LAYOUT", "demo_files", "GB", "MB"]

MB = 1024**2
GB = 1024**3

# (path relative to the library root, size in bytes); non-video files get their real (tiny) size.
DEMO_LAYOUT: list[tuple[str, int]] = [
    # One film, several versions in two trees, with extras.
    (
        "Downloads/The.Matrix.1999.1080p.BluRay.x264-GRP/The.Matrix.1999.1080p.BluRay.x264-GRP.mkv",
        int(10.4 * GB),
    ),
    ("Downloads/The.Matrix.1999.1080p.BluRay.x264-GRP/The.Matrix.1999.1080p.BluRay.x264-GRP.nfo", 0),
    ("Downloads/The.Matrix.1999.1080p.BluRay.x264-GRP/Sample/sample-the.matrix.1999.1080p.mkv", 48 * MB),
    ("Movies 4K/The Matrix (1999)/The Matrix (1999) 2160p UHD BluRay REMUX HDR10 HEVC.mkv", int(58.7 * GB)),
    ("Movies 4K/The Matrix (1999)/The Matrix (1999)-trailer.mp4", 92 * MB),
    ("Movies 4K/The Matrix (1999)/Featurettes/What Is Bullet Time.mkv", 640 * MB),
    ("Movies 4K/The Matrix (1999)/The Matrix (1999).en.srt", 0),
    # Editions.
    (
        "Movies 4K/Blade Runner (1982)/Blade Runner (1982) {edition-Final Cut} 2160p BluRay HDR10.mkv",
        int(52.1 * GB),
    ),
    (
        "Movies 4K/Blade Runner (1982)/Blade Runner (1982) {edition-Director's Cut} 1080p BluRay.mkv",
        int(14.2 * GB),
    ),
    # Remakes.
    ("Downloads/RoboCop.1987.720p.BluRay.x264-AMIABLE.mkv", int(4.4 * GB)),
    ("Downloads/RoboCop.2014.1080p.WEB-DL.H264-GRP.mkv", int(6.1 * GB)),
    ("Movies 4K/RoboCop (1987)/RoboCop (1987) 2160p UHD BluRay.mkv", int(41.3 * GB)),
    # A film in two parts.
    ("Movies/Seven Samurai (1954)/Seven.Samurai.1954.DVDRip.XviD-cd1.avi", 700 * MB),
    ("Movies/Seven Samurai (1954)/Seven.Samurai.1954.DVDRip.XviD-cd2.avi", 698 * MB),
    # Original-language titles.
    ("Movies/Le.Fabuleux.Destin.d.Amelie.Poulain.2001.FRENCH.1080p.BluRay.x264.mkv", int(9.3 * GB)),
    ("Movies/Sen.to.Chihiro.no.Kamikakushi.2001.1080p.BluRay.x264.mkv", int(8.8 * GB)),
    # An ambiguous name: three films called Halloween and no year.
    ("Downloads/Halloween.1080p.BluRay.x264.mkv", int(7.5 * GB)),
    # Two TV shows with the same name, told apart by year, and one more show.
    ("TV/Doctor Who (2005)/Season 01/Doctor.Who.2005.S01E01.Rose.720p.BluRay.x264.mkv", int(1.6 * GB)),
    (
        "TV/Doctor Who (2005)/Season 01/Doctor.Who.2005.S01E02.The.End.of.the.World.720p.BluRay.x264.mkv",
        int(1.5 * GB),
    ),
    ("TV/Doctor Who (1963)/Season 01/Doctor Who (1963) - S01E01 - An Unearthly Child.avi", int(1.5 * GB)),
    ("TV/The Office (US)/Season 02/The.Office.US.S02E01.The.Dundies.720p.WEB-DL.mkv", int(1.6 * GB)),
    ("TV/The Office (US)/Season 02/The.Office.US.S02E02.Sexual.Harassment.720p.WEB-DL.mkv", int(1.5 * GB)),
    # Personal videos: nothing to find on TMDb.
    ("Home Videos/VID_20190704_183022.mp4", int(2.2 * GB)),
    ("Home Videos/Birthday party 2021.mp4", int(1.8 * GB)),
    ("Home Videos/Beach holiday/GOPR0042.MP4", int(3.9 * GB)),
    ("Home Videos/Beach holiday/GP010042.MP4", int(3.9 * GB)),  # the same video's second chapter
]

_VIDEO_EXTENSIONS = {".mkv", ".mp4", ".avi", ".mov", ".m4v"}


def _sparse_supported() -> bool:
    # NTFS files are not sparse unless flagged, so truncating would really allocate gigabytes there.
    return os.name != "nt"


def _header(relpath: str) -> bytes:
    """A few bytes unique to the file (and stable between runs), so fingerprints differ."""
    digest = hashlib.sha256(relpath.encode("utf-8")).digest()
    return b"VMDEMO\x00" + digest * 8 + relpath.encode("utf-8")


def _text_content(relpath: str) -> bytes:
    if relpath.endswith(".srt"):
        return b"1\n00:00:01,000 --> 00:00:04,000\nWake up, Neo...\n"
    return f"Demo release notes for {Path(relpath).parent.name}\n".encode()


def demo_files(root: str | os.PathLike[str], *, sparse: bool | None = None) -> list[str]:
    """Create the sample library under ``root``; returns the absolute paths of every file created.

    Video files are sparse (unique header, then truncated to their nominal size); with
    ``sparse=False`` (or where sparse files are not supported) sizes are divided by 1024 instead.
    """
    base = Path(root)
    use_sparse = _sparse_supported() if sparse is None else sparse
    created: list[str] = []
    for relpath, size in DEMO_LAYOUT:
        path = base / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix.lower() not in _VIDEO_EXTENSIONS:
            path.write_bytes(_text_content(relpath))
        else:
            header = _header(relpath)
            with open(path, "wb") as fh:
                fh.write(header)
                fh.truncate(max(len(header), size if use_sparse else size // 1024))
        created.append(str(path.resolve()))
    return created
