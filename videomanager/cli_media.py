"""CLI commands about what is in the files: ``mediainfo [--json] [PATH...]`` and ``review [--json]``."""

from __future__ import annotations

import json
import os
import sys

import msgspec

from videomanager.cli import Context, UserError, _progress_printer, _update_cards, shown
from videomanager.core.models import ascii_json


def add_parsers(sub) -> None:
    m = sub.add_parser("mediainfo", help="read what the files hold (duration, picture, audio, subtitles)")
    m.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the whole library)")
    m.add_argument("--json", action="store_true", help="a JSON array, one object per file")
    r = sub.add_parser(
        "review", help="the cards that need a person: ambiguous, runtime or name disagrees, ..."
    )
    r.add_argument("--json", action="store_true", help="a JSON array, one object per card")


def _duration(seconds: float | None) -> str:
    if not seconds:
        return ""
    total = int(round(seconds))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h} h {m:02d} min" if h else (f"{m} min {s:02d} s" if m else f"{s} s")


def describe(state: str, media) -> str:
    """One line for a file's media info, in English."""
    from videomanager.core.advisor import _channel_label

    if media is None:
        return {"not_media": "not a video file", "unreadable": "cannot be read"}.get(state, "not read yet")
    picture = [f"{media.width}x{media.height}" if media.width else "", media.resolution or "",
               media.video_codec or "", f"{media.bit_depth}-bit" if media.bit_depth else "", media.hdr or ""]  # fmt: skip
    parts = [" ".join(p for p in picture if p), _duration(media.duration_s), media.container or ""]
    text = ", ".join(p for p in parts if p)
    if media.audio:
        tracks = (" ".join(x for x in (a.language or "und", a.codec or "", _channel_label(a.channels or 0)) if x)
                  for a in media.audio)  # fmt: skip
        text += "; audio: " + ", ".join(tracks)
    if media.subtitles:
        subs = (f"{s.language or 'und'}{' (forced)' if s.forced else ''}" for s in media.subtitles)
        text += "; subtitles: " + ", ".join(subs)
    return text


def _library_files(ctx: Context, paths: list[str]) -> tuple[list, list[str]]:
    """The library's files under ``paths`` (files or folders), and the paths that are files outside it."""
    lib = ctx.library
    if not paths:
        return lib.files(), []
    every = None
    chosen: dict[int, object] = {}
    outside = []
    for p in paths:
        full = os.path.abspath(os.path.expanduser(p))
        record = lib.file_by_path(full)
        if record is not None:
            chosen[record.id] = record
        elif os.path.isdir(full):
            every = every if every is not None else lib.files()
            prefix = full.rstrip(os.sep) + os.sep
            chosen.update((f.id, f) for f in every if f.path.startswith(prefix))
        elif os.path.isfile(full):
            outside.append(full)
        else:
            raise UserError(f"{shown(p)} is neither a file nor a folder.")
    return sorted(chosen.values(), key=lambda f: f.id), outside


def cmd_mediainfo(ctx: Context) -> int:
    from videomanager.core.media_store import ToRead, media_for
    from videomanager.core.mediainfo import MediaReader, read_media

    files, outside = _library_files(ctx, list(ctx.args.paths))
    known = media_for(ctx.library, [f.id for f in files])
    todo = [ToRead(f.id, f.path, f.size, f.mtime) for f in files
            if not f.missing and not (f.id in known and known[f.id].valid_for(f.size, f.mtime))]  # fmt: skip
    show = _progress_printer(sys.stderr.isatty())
    if todo:
        summary = MediaReader(
            ctx.library, progress=lambda p: show(f"reading media info: {p.done}/{p.total} files")
        ).run(todo)
        show(summary.line(), final=True) if sys.stderr.isatty() else None
        _update_cards(ctx)
        known = media_for(ctx.library, [f.id for f in files])
    rows = []
    for f in files:
        row = known.get(f.id)
        valid = row is not None and row.valid_for(f.size, f.mtime)
        state = row.state if valid else ("missing" if f.missing else "not_read")
        rows.append((f.path, state, row.media if valid else None))
    for path in outside:  # read, shown, not stored: the file is not in the library
        rows.append((path, *read_media(path)))
    if ctx.args.json:
        out = [{"path": p, "state": s, "media": msgspec.to_builtins(m) if m else None} for p, s, m in rows]
        sys.stdout.write(ascii_json(json.dumps(out, ensure_ascii=False)) + "\n")
        return 0
    for path, state, media in rows:
        print(f"{shown(path)}: {describe(state, media)}")
    return 0


def cmd_review(ctx: Context) -> int:
    from videomanager.core.cards import CardStore
    from videomanager.core.review import queue_json, review_queue

    items = review_queue(CardStore(ctx.library).cards())
    if ctx.args.json:
        sys.stdout.write(ascii_json(queue_json(items)) + "\n")
        return 0
    for item in items:
        year = f" ({item.year})" if item.year else ""
        suggestion = ""
        if item.suggestion is not None:
            s = item.suggestion
            suggestion = f"  -> {shown(s.title)}{f' ({s.year})' if s.year else ''} [{s.kind}:{s.tmdb_id}]"
        print(f"{', '.join(item.reasons):<32} {shown(item.title)}{year}{suggestion}  {shown(item.id)}")
    print(f"{len(items)} cards to review", file=sys.stderr)
    return 0


COMMANDS = {"mediainfo": cmd_mediainfo, "review": cmd_review}
