"""NFO files (Kodi, Jellyfin, Emby, tinyMediaManager): read as identification evidence, and written.

Reading (during a scan): a video's ``<name>.nfo`` or its folder's ``movie.nfo``, and a show's
``tvshow.nfo``, give ids (``<uniqueid type="tmdb|imdb|tvdb">``, ``<tmdbid>``, ``<imdbid>``, ``<tvdbid>``,
``<id>``) or, in a scene or URL-only NFO, a themoviedb.org / imdb.com / thetvdb.com link. An id found
there is as good as one in the file name (the name still wins): the file is then looked up by id, with no
search. What comes from these files is checked where it enters: at most 1 MiB, regular files only, no
DTD or entity (the XML parser never expands one), ids of the right shape only.

Writing (``export nfo``): ``movie.nfo`` in a film's own folder (else ``<file>.nfo``), ``tvshow.nfo`` in a
show's folder, ``<file>.nfo`` for each episode, and ``poster.jpg`` from the poster cache. A file it writes
carries a mark (an XML comment); a file without the mark was written by someone else and is never
replaced, and an existing poster is never replaced.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import stat
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from videomanager.core.grouping import show_folder
from videomanager.core.keys import lookup_key
from videomanager.core.library import Library, NewFile
from videomanager.core.models import ROLE_EPISODE, ROLE_EXTRA, Card

MAX_NFO_BYTES = 1024 * 1024
MARK = "written by videomanager"
_DISC_FOLDERS = ("video_ts", "bdmv", "stream")

_TMDB_URL = re.compile(r"themoviedb\.org/(movie|tv)/(\d{1,9})", re.IGNORECASE)
_IMDB_URL = re.compile(r"imdb\.com/title/(tt\d{7,9})", re.IGNORECASE)
_TVDB_URL = re.compile(r"thetvdb\.com/[^\s<>\"]*?[?&](?:series)?id=(\d{1,9})", re.IGNORECASE)
_IMDB_ID = re.compile(r"tt\d{7,9}")


@dataclass(frozen=True)
class NfoIds:
    """What an NFO says a video is. ``kind`` is "movie" or "tv" (None when the file does not say)."""

    kind: str | None = None
    tmdb_id: int | None = None
    imdb_id: str | None = None
    tvdb_id: int | None = None

    def __bool__(self) -> bool:
        return bool(self.tmdb_id or self.imdb_id or self.tvdb_id)


def _read_limited(path: str) -> bytes | None:
    """The bytes of a regular file of at most MAX_NFO_BYTES, else None."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_NFO_BYTES:
            return None
        with open(path, "rb") as fh:
            data = fh.read(MAX_NFO_BYTES + 1)
    except OSError:
        return None
    return data if len(data) <= MAX_NFO_BYTES else None


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")  # scene NFOs are cp437/cp1252 art; only links matter there


def _positive(text: str | None) -> int | None:
    text = (text or "").strip()
    if text.isdigit() and 0 < int(text) < 10**9:
        return int(text)
    return None


def _imdb(text: str | None) -> str | None:
    text = (text or "").strip().lower()
    return text if _IMDB_ID.fullmatch(text) else None


def _xml_root(text: str) -> ET.Element | None:
    """The NFO's XML document (Kodi allows a link after it), or None. A DTD or entity is refused."""
    start = text.find("<")
    if start < 0 or "<!DOCTYPE" in text.upper() or "<!ENTITY" in text.upper():
        return None
    m = re.search(r"<(movie|tvshow|episodedetails)\b", text, re.IGNORECASE)
    if not m:
        return None
    tag = m.group(1)
    end = text.lower().rfind(f"</{tag.lower()}>")
    if end < 0:
        return None
    try:
        return ET.fromstring(text[m.start() : end + len(tag) + 3])
    except ET.ParseError:
        return None


def _ids_from_xml(root: ET.Element) -> NfoIds:
    tag = root.tag.lower()
    kind = {"movie": "movie", "tvshow": "tv"}.get(tag)
    found: dict[str, str] = {}
    for u in root.findall("uniqueid"):
        found.setdefault((u.get("type") or "").strip().lower(), u.text or "")
    tmdb = _positive(found.get("tmdb")) or _positive(root.findtext("tmdbid"))
    imdb = _imdb(found.get("imdb")) or _imdb(root.findtext("imdbid")) or _imdb(root.findtext("imdb_id"))
    tvdb = _positive(found.get("tvdb")) or _positive(root.findtext("tvdbid"))
    legacy = (root.findtext("id") or "").strip()
    if not imdb and _imdb(legacy):
        imdb = _imdb(legacy)
    elif kind == "tv" and not tvdb and _positive(legacy):
        tvdb = _positive(legacy)  # Kodi's old TV scrapers kept the TVDB id in <id>
    return NfoIds(kind, tmdb, imdb, tvdb)


def _ids_from_links(text: str, kind: str | None) -> NfoIds:
    tmdb = _TMDB_URL.search(text)
    imdb = _IMDB_URL.search(text)
    tvdb = _TVDB_URL.search(text)
    tmdb_kind = ("tv" if tmdb.group(1).lower() == "tv" else "movie") if tmdb else None
    return NfoIds(
        kind or tmdb_kind or ("tv" if tvdb and not imdb else None),
        int(tmdb.group(2)) if tmdb and (kind in (None, tmdb_kind)) else None,
        _imdb(imdb.group(1)) if imdb else None,
        _positive(tvdb.group(1)) if tvdb else None,
    )


def read_nfo(path: str) -> NfoIds:
    """The ids an NFO file holds (empty when it holds none or cannot be read)."""
    data = _read_limited(path)
    if not data:
        return NfoIds()
    text = _decode(data)
    root = _xml_root(text)
    if root is not None and root.tag.lower() == "episodedetails":
        return NfoIds()  # an episode's ids are the episode's, not the show's
    ids = _ids_from_xml(root) if root is not None else NfoIds()
    if ids.tmdb_id and (ids.imdb_id or ids.kind == "tv"):
        return ids
    links = _ids_from_links(text, ids.kind)
    return NfoIds(ids.kind or links.kind, ids.tmdb_id or links.tmdb_id, ids.imdb_id or links.imdb_id,
                  ids.tvdb_id or links.tvdb_id)  # fmt: skip


# -- the scan: NFO files as evidence --------------------------------------------------------------


class NfoEvidence:
    """The NFO files a scan has seen so far (the scanner reports them), and what they say about videos.

    The scanner lists a folder completely before it reports its videos, and a parent folder before its
    sub-folders, so a video's NFO files (beside it, or a show's ``tvshow.nfo`` above it) are known before
    the video is written."""

    def __init__(self, roots: list[str] | None = None) -> None:
        self.by_folder: dict[str, dict[str, str]] = {}  # folder -> lower-cased name -> path
        self.roots = {os.path.normcase(r) for r in roots or ()}
        self._read: dict[str, NfoIds] = {}

    def add(self, paths: list[str]) -> None:
        for p in paths:
            folder, name = os.path.split(p)
            self.by_folder.setdefault(folder, {})[name.lower()] = p

    def _ids(self, folder: str, name: str) -> NfoIds:
        path = self.by_folder.get(folder, {}).get(name.lower())
        if path is None:
            return NfoIds()
        if path not in self._read:
            self._read[path] = read_nfo(path)
        return self._read[path]

    def for_video(self, path: str, role: str) -> NfoIds:
        """The ids the NFO files of the video at path give (empty when none applies)."""
        if role == ROLE_EXTRA or not self.by_folder:
            return NfoIds()
        folder, name = os.path.split(path)
        if role == ROLE_EPISODE:
            for place in self._show_folders(folder):
                ids = self._ids(place, "tvshow.nfo")
                if ids and ids.kind in ("tv", None):
                    return NfoIds("tv", ids.tmdb_id, None, ids.tvdb_id)
            return NfoIds()
        ids = self._ids(folder, os.path.splitext(name)[0] + ".nfo")
        place = folder
        while not ids and os.path.normcase(place) not in self.roots:
            ids = self._ids(place, "movie.nfo")
            if ids or os.path.basename(place).lower() not in _DISC_FOLDERS:
                break
            place = os.path.dirname(place)
        if not ids or ids.kind == "tv":
            return NfoIds()
        return NfoIds("movie", ids.tmdb_id, ids.imdb_id, None)

    def _show_folders(self, folder: str) -> list[str]:
        out = [folder]
        while os.path.normcase(folder) not in self.roots and len(out) < 3:
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
            out.append(folder)
        return out

    def apply(self, files: list[NewFile]) -> list[NewFile]:
        """The files with the ids their NFO files give where their names give none."""
        if not self.by_folder:
            return files
        out = []
        for f in files:
            ids = self.for_video(f.path, f.role)
            p = f.parsed
            if ids and not p.tmdb_id and not (p.imdb_id and ids.kind == "movie" and not ids.tmdb_id):
                parsed = dataclasses.replace(
                    p, tmdb_id=ids.tmdb_id, imdb_id=p.imdb_id or ids.imdb_id, tvdb_id=p.tvdb_id or ids.tvdb_id
                )
                f = dataclasses.replace(f, parsed=parsed, lookup_key=lookup_key(parsed, f.role))
            out.append(f)
        return out


# -- export -------------------------------------------------------------------------------------------


@dataclass
class NfoReport:
    written: list[str] = field(default_factory=list)  # written (or, in a dry run, to write)
    unchanged: list[str] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)  # (path, why it was left alone)


def poster_cache_file(posters_dir: Path, poster_path: str) -> Path:
    """Where the window's poster cache keeps a TMDb poster (``gui/posters.poster_file``)."""
    digest = hashlib.sha1(poster_path.encode("utf-8", "surrogatepass")).hexdigest()
    return Path(posters_dir) / f"{digest}.img"


_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value) -> str:
    return _XML_INVALID.sub("", str(value))


def _sub(parent: ET.Element, tag: str, value, **attrs) -> None:
    if value in (None, ""):
        return
    el = ET.SubElement(parent, tag, attrs)
    el.text = _text(value)


def _document(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- {MARK} (export nfo): it rewrites this file on the next export -->\n'
    return (head + body + "\n").encode("utf-8")


def _title_element(tag: str, card: Card, data: dict, imdb: str | None) -> ET.Element:
    root = ET.Element(tag)
    _sub(root, "title", card.title)
    _sub(
        root, "originaltitle", data.get("original_title") or data.get("original_name") or card.original_title
    )
    _sub(root, "year", card.year)
    _sub(root, "premiered", data.get("release_date") or data.get("first_air_date"))
    _sub(root, "plot", data.get("overview"))
    _sub(root, "runtime", data.get("runtime") if isinstance(data.get("runtime"), int) else None)
    _sub(root, "uniqueid", card.tmdb_id, type="tmdb", default="true")
    _sub(root, "uniqueid", imdb, type="imdb")
    _sub(root, "tmdbid", card.tmdb_id)
    _sub(root, "imdbid", imdb)
    return root


def movie_nfo(card: Card, data: dict, imdb: str | None) -> bytes:
    return _document(_title_element("movie", card, data, imdb))


def tvshow_nfo(card: Card, data: dict) -> bytes:
    return _document(_title_element("tvshow", card, data, _imdb(data.get("imdb_id"))))


def episode_nfo(card: Card, season: int | None, episode: int | None, title: str | None) -> bytes:
    root = ET.Element("episodedetails")
    _sub(root, "title", title or (f"Episode {episode}" if episode is not None else None))
    _sub(root, "showtitle", card.title)
    _sub(root, "season", season)
    _sub(root, "episode", episode)
    return _document(root)


def _is_ours(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return MARK.encode() in fh.read(512)
    except OSError:
        return False


class _Writer:
    def __init__(self, report: NfoReport, dry_run: bool) -> None:
        self.report = report
        self.dry_run = dry_run
        self.done: set[str] = set()

    def nfo(self, path: str, content: bytes) -> None:
        if path in self.done:
            return
        self.done.add(path)
        if os.path.lexists(path):
            if not _is_ours(path):
                self.report.kept.append((path, "it was not written by videomanager"))
                return
            try:
                if Path(path).read_bytes() == content:
                    self.report.unchanged.append(path)
                    return
            except OSError:
                pass
        self._write(path, content, replace=os.path.lexists(path))

    def poster(self, path: str, data: bytes) -> None:
        if path in self.done:
            return
        self.done.add(path)
        if os.path.lexists(path):
            self.report.kept.append((path, "a poster is there already"))
            return
        self._write(path, data, replace=False)

    def _write(self, path: str, content: bytes, replace: bool) -> None:
        if self.dry_run:
            self.report.written.append(path)
            return
        from videomanager.core.organize import rename_no_replace

        temp = os.path.join(os.path.dirname(path), f".{os.path.basename(path)[:200]}.vm-tmp")
        try:
            with open(temp, "wb") as fh:
                fh.write(content)
            if replace:
                os.replace(temp, path)
            else:
                rename_no_replace(temp, path)
        except OSError as exc:
            try:
                os.unlink(temp)
            except OSError:
                pass
            self.report.kept.append((path, f"it could not be written: {exc.strerror or exc}"))
            return
        self.report.written.append(path)


def _poster_bytes(posters_dir: Path | None, poster_path: str | None) -> tuple[bytes, str] | None:
    if not posters_dir or not poster_path:
        return None
    try:
        data = poster_cache_file(posters_dir, poster_path).read_bytes()
    except OSError:
        return None
    if data.startswith(b"\xff\xd8\xff"):
        return data, ".jpg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return data, ".png"
    return None


def export_nfo(
    library: Library, cards: list[Card], posters_dir: Path | None, dry_run: bool = False
) -> NfoReport:
    """Write the NFO files and posters of every identified card (see the module docstring)."""
    report = NfoReport()
    writer = _Writer(report, dry_run)
    files = {f.id: f for f in library.files()}
    roots = {os.path.normcase(r) for r in library.roots()}
    folder_cards: dict[str, set] = {}
    for c in cards:
        for fid in [i for v in c.versions for i in v.file_ids] + [e.file_id for e in c.episodes]:
            if fid in files:
                folder_cards.setdefault(files[fid].dir, set()).add(c.tmdb_id or c.id)
    for card in cards:
        if not card.tmdb_id or card.kind not in ("movie", "tv"):
            continue
        data = library.title(card.kind, card.tmdb_id) or {}
        poster = _poster_bytes(posters_dir, card.poster_path or data.get("poster_path"))
        if card.kind == "movie":
            _export_movie(card, data, poster, files, roots, folder_cards, writer)
        else:
            _export_show(card, data, poster, files, roots, writer)
    return report


def _own_folder(folder: str, card: Card, roots: set[str], folder_cards: dict[str, set]) -> bool:
    return os.path.normcase(folder) not in roots and folder_cards.get(folder, set()) <= {card.tmdb_id}


def _export_movie(card, data, poster, files, roots, folder_cards, writer: _Writer) -> None:
    imdb = _imdb(data.get("imdb_id"))
    for v in card.versions:
        f = files.get(v.file_ids[0]) if v.file_ids else None
        if f is None or f.missing:
            continue
        imdb = imdb or f.parsed.imdb_id
    content = movie_nfo(card, data, imdb)
    for v in card.versions:
        f = files.get(v.file_ids[0]) if v.file_ids else None
        if f is None or f.missing:
            continue
        folder = f.dir
        while os.path.basename(folder).lower() in _DISC_FOLDERS:
            folder = os.path.dirname(folder)
        if _own_folder(f.dir, card, roots, folder_cards):
            writer.nfo(os.path.join(folder, "movie.nfo"), content)
            if poster:
                writer.poster(os.path.join(folder, "poster" + poster[1]), poster[0])
        else:
            stem = os.path.splitext(f.path)[0]
            writer.nfo(stem + ".nfo", content)
            if poster:
                writer.poster(stem + "-poster" + poster[1], poster[0])


def _export_show(card, data, poster, files, roots, writer: _Writer) -> None:
    content = tvshow_nfo(card, data)
    for e in card.episodes:
        f = files.get(e.file_id)
        if f is None or f.missing:
            continue
        show = show_folder(f.dir)
        if os.path.normcase(show) not in roots:
            writer.nfo(os.path.join(show, "tvshow.nfo"), content)
            if poster:
                writer.poster(os.path.join(show, "poster" + poster[1]), poster[0])
        writer.nfo(os.path.splitext(f.path)[0] + ".nfo", episode_nfo(card, e.season, e.episode, e.title))
