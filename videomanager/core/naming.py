"""Naming schemes (Plex, Jellyfin) and file names that are safe on every system.

A scheme is a set of templates. A template is a ``str.format`` text (``{{`` and ``}}`` are literal braces)
with optional sections in angle brackets: ``<...>`` is left out when a field inside it is empty, so
``{title}< ({year})>`` gives "Heat (1995)", or "Heat" when the year is unknown. ``<`` and ``>`` can never be
part of a portable file name, so they cannot clash with text.

The published rules the schemes follow:

* Plex, "Naming and organizing your Movie files": ``Movies/Title (Year) {tmdb-ID}/Title (Year) {tmdb-ID}.ext``,
  editions as ``{edition-Director's Cut}``, versions with a `` - 1080p`` style suffix, parts as `` - pt1``;
  "Naming and organizing your TV Show files": ``TV Shows/Show (Year) {tmdb-ID}/Season 01/Show (Year) -
  s01e01 - Episode Title.ext``; local extras in ``Trailers``, ``Featurettes``, ``Behind The Scenes``,
  ``Deleted Scenes``, ``Interviews``, ``Scenes``, ``Shorts`` and ``Other`` folders.
* Jellyfin, "Movies" and "Shows" pages of its documentation: ``Title (Year) [tmdbid-ID]`` folders, versions
  named as the folder followed by `` - label``, ``Season 01`` folders, and the extras folders above plus
  ``Extras``, ``Samples`` and ``Clips``.

Every video's name ends with what the library knows of it (resolution, source, HDR, codec, edition), in
words the parser reads back the same: a file keeps its version's place on its card when it is scanned again
under its new name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

MAX_NAME_BYTES = 240  # one path component, in UTF-8 bytes (255 on most file systems, with room to spare)

# Windows refuses these base names whatever the extension ("CON.mkv", "aux (2010)" is fine).
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
_REPLACE = {":": " -", "/": "-", "\\": "-", "|": "-", '"': "'", "?": "", "*": "", "<": "", ">": ""}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SPACES = re.compile(r"\s+")


def safe_name(text: str, max_bytes: int = MAX_NAME_BYTES) -> str:
    """``text`` as one path component that Windows, macOS and Linux all accept: no ``: ? * " < > | / \\``
    nor control characters, no trailing dot or space, no reserved device name, no leading dot (that would
    hide it; an ellipsis stays), at most ``max_bytes`` UTF-8 bytes (cut at a character boundary)."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", "".join(_REPLACE.get(ch, ch) for ch in text))
    text = _SPACES.sub(" ", text).strip()
    if text.startswith(".") and not text.startswith("..."):
        text = text.lstrip(". ")
    text = _cut(text, max_bytes).rstrip(". ")
    if not text:
        return "_"
    if text.split(".")[0].rstrip().upper() in _RESERVED:
        text = "_" + text
    return text


def name_bytes(text: str) -> int:
    return len(text.encode("utf-8", "surrogateescape"))


def _cut(text: str, max_bytes: int) -> str:
    raw = text.encode("utf-8", "surrogateescape")
    if len(raw) <= max_bytes:
        return text
    return raw[:max_bytes].decode("utf-8", "ignore").rstrip()


_SECTION = re.compile(r"<([^<>]*)>")
_FIELD = re.compile(r"\{(\w+)")


def render_name(template: str, values: dict[str, object], ext: str) -> str:
    """A file name from a template that fits MAX_NAME_BYTES with its extension: when too long, the episode
    title goes first, then the title is cut; what tells versions apart stays whole."""
    room = MAX_NAME_BYTES - name_bytes(ext)
    stem = safe_name(render(template, values), 10**6)
    if name_bytes(stem) > room and values.get("episode_title"):
        values = {**values, "episode_title": None}
        stem = safe_name(render(template, values), 10**6)
    over = name_bytes(stem) - room
    if over > 0 and values.get("title"):
        title = str(values["title"])
        values = {**values, "title": _cut(title, max(1, name_bytes(title) - over)).rstrip(" -")}
        stem = render(template, values)
    return safe_name(stem, room) + ext


def render(template: str, values: dict[str, object]) -> str:
    """Fill a template (see the module docstring); a section whose fields are empty is left out."""

    def section(m: re.Match) -> str:
        body = m.group(1)
        names = _FIELD.findall(body.replace("{{", "").replace("}}", ""))
        if any(values.get(n) in (None, "") for n in names):
            return ""
        return body

    text = _SECTION.sub(section, template)
    return text.format(**{k: ("" if v is None else v) for k, v in values.items()})


# Extras: the folder each server reads for a type (scanner extra types), and the name suffix that says it.
_PLEX_EXTRA_FOLDERS = {
    "trailer": "Trailers", "featurette": "Featurettes", "behindthescenes": "Behind The Scenes",
    "deleted": "Deleted Scenes", "interview": "Interviews", "scene": "Scenes", "short": "Shorts",
    "other": "Other", "clip": "Other", "sample": "Other",
}  # fmt: skip
_JELLYFIN_EXTRA_FOLDERS = {
    **_PLEX_EXTRA_FOLDERS, "clip": "Clips", "sample": "Samples",
}  # fmt: skip
EXTRA_SUFFIX = {
    "trailer": "-trailer", "featurette": "-featurette", "behindthescenes": "-behindthescenes",
    "deleted": "-deleted", "interview": "-interview", "scene": "-scene", "short": "-short",
    "other": "-other", "clip": "-clip", "sample": "-sample",
}  # fmt: skip


@dataclass(frozen=True)
class Scheme:
    """Where each kind of file goes, as templates (see ``render``)."""

    name: str
    movie_folder: str
    movie_file: str
    show_folder: str
    season_folder: str
    specials_folder: str
    episode_file: str
    edition_in_version: bool  # the edition is part of the version label (else the file template has it)
    extra_folders: dict[str, str] = field(default_factory=dict)

    def extra_folder(self, extra_type: str) -> str:
        return self.extra_folders.get(extra_type, self.extra_folders["other"])


PLEX = Scheme(
    name="plex",
    movie_folder="{title}< ({year})> {{tmdb-{tmdb_id}}}",
    movie_file="{title}< ({year})> {{tmdb-{tmdb_id}}}< - {version}>< {{edition-{edition}}}>< - pt{part}>",
    show_folder="{title}< ({year})> {{tmdb-{tmdb_id}}}",
    season_folder="Season {season:02d}",
    specials_folder="Season 00",
    episode_file="{title}< ({year})> - {episodes}< - {episode_title}>< - {version}>",
    edition_in_version=False,
    extra_folders=_PLEX_EXTRA_FOLDERS,
)

JELLYFIN = Scheme(
    name="jellyfin",
    movie_folder="{title}< ({year})> [tmdbid-{tmdb_id}]",
    movie_file="{title}< ({year})> [tmdbid-{tmdb_id}]< - {version}>< - part{part}>",
    show_folder="{title}< ({year})> [tmdbid-{tmdb_id}]",
    season_folder="Season {season:02d}",
    specials_folder="Season 00",
    episode_file="{title}< ({year})> - {episodes}< - {episode_title}>< - {version}>",
    edition_in_version=True,
    extra_folders=_JELLYFIN_EXTRA_FOLDERS,
)

SCHEMES: dict[str, Scheme] = {s.name: s for s in (PLEX, JELLYFIN)}


def episode_code(season: int, episode: int, last: int | None = None, *, upper: bool = False) -> str:
    """``s01e02`` (or ``s01e02-e03`` for a file holding several episodes)."""
    code = f"s{season:02d}e{episode:02d}"
    if last is not None and last > episode:
        code += f"-e{last:02d}"
    return code.upper() if upper else code


# How each value the parser reads (guessit's names) is written so that the parser reads it back the same.
SOURCE_TOKENS = {
    "Blu-ray": "BluRay", "Ultra HD Blu-ray": "UHD BluRay", "Web": "WEB-DL", "HDTV": "HDTV", "DVD": "DVD",
    "HD-DVD": "HD-DVD", "VHS": "VHS", "TV": "TVRip", "Digital TV": "PDTV", "Satellite": "SATRip",
    "Video on Demand": "VOD", "Pay-per-view": "PPV", "Telesync": "TELESYNC", "HD Telesync": "HDTS",
    "Telecine": "TELECINE", "HD Telecine": "HDTC", "Workprint": "WORKPRINT", "Camera": "CAM",
    "HD Camera": "HDCAM", "Ultra HDTV": "UHDTV",
}  # fmt: skip
HDR_TOKENS = {"HDR": "HDR", "HDR10": "HDR10", "HDR10+": "HDR10+", "Dolby Vision": "DV"}
CODEC_TOKENS = {
    "H.264": "x264",
    "H.265": "x265",
    "Xvid": "XviD",
    "DivX": "DivX",
    "VC-1": "VC-1",
    "MPEG-2": "MPEG-2",
}


def version_label(resolution: str | None, source: str | None, hdr: str | None, codec: str | None,
                  edition: str | None = None) -> str:  # fmt: skip
    """What a version's name says about it (an edition, then resolution, source, HDR and codec) in words
    the parser reads back as the same values, so the library finds the same versions after a move."""
    words = [
        edition,
        resolution,
        SOURCE_TOKENS.get(source or ""),
        HDR_TOKENS.get(hdr or ""),
        CODEC_TOKENS.get(codec or ""),
    ]
    return " ".join(w for w in words if w)
