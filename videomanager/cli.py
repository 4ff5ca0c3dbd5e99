"""The command line (CONTRACT.md). With no sub-command it opens the desktop window.

Exit status: 0 success, 1 a failure the message explains, 2 bad usage. Errors are one readable sentence
on stderr (a traceback only with --debug). Long work shows progress on stderr when it is a terminal.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import unicodedata
from collections.abc import Sequence

from videomanager import __version__
from videomanager.core.library import LibraryError
from videomanager.core.logsafe import install_log_redaction
from videomanager.core.paths import AppPaths, resolve_paths
from videomanager.core.settings import Settings, SettingsStore

log = logging.getLogger("videomanager")


class UserError(Exception):
    """A failure whose message is meant for the user (exit status 1)."""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="videomanager",
        description="A desktop video library manager: one card per TMDb title holding all its versions.",
    )
    p.add_argument("--data-dir", metavar="DIR", help="keep settings, the library and caches in DIR")
    p.add_argument("--debug", action="store_true", help="log details and show tracebacks")
    p.add_argument("--demo", action="store_true", help="open the window on a generated sample library")
    p.add_argument("--version", action="version", version=f"videomanager {__version__}")
    p.add_argument("--install-desktop-entry", action="store_true",
                   help="add videomanager to the desktop's applications (a .desktop file and the icon in the "
                        "user's XDG data folder)")  # fmt: skip
    p.add_argument(
        "--uninstall-desktop-entry", action="store_true", help="remove what --install-desktop-entry added"
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("scan", help="add folders to the library and scan them (incremental on re-runs)")
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.add_argument("--workers", type=int, default=None, help="parser processes (default: one per core)")

    i = sub.add_parser("identify", help="look up what is not identified yet on TMDb")
    i.add_argument("--retry", action="store_true", help="look again at not-found and ambiguous titles")

    li = sub.add_parser("list", help="the library as cards")
    li.add_argument("--json", action="store_true", help="a JSON array, one object per card")

    m = sub.add_parser("match", help="set a file's (or its card's) TMDb id by hand")
    m.add_argument("path")
    m.add_argument("--tmdb-id", type=int, required=True)
    m.add_argument("--tv", action="store_true", help="the id is a TV show's")
    m.add_argument("--card", action="store_true", help="apply to every file of the file's card")

    u = sub.add_parser("unmatch", help="forget a file's identification and never match it automatically")
    u.add_argument("path")

    sub.add_parser("prune", help="forget files marked missing")

    t = sub.add_parser("tmdb", help="TMDb credential check and search")
    tsub = t.add_subparsers(dest="tmdb_command", metavar="SUBCOMMAND")
    tsub.add_parser(
        "validate", help="check the configured credential (exit 0 valid, 1 invalid, 2 unreachable)"
    )
    ts = tsub.add_parser("search", help="the best match as one JSON object")
    ts.add_argument("query")
    ts.add_argument("--year", type=int)
    ts.add_argument("--tv", action="store_true")
    from videomanager import cli_organize

    cli_organize.add_commands(sub)
    return p


class Context:
    """What every command needs, built once (the CLI's composition root)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.paths: AppPaths = resolve_paths(args.data_dir)
        try:
            self.paths.ensure()
        except OSError as exc:
            message = f"Cannot create the data folder {exc.filename}: {exc.strerror}."
            if not self.paths.library_db.exists():
                raise UserError(message) from exc
            # An existing library stays readable (list) even when a cache or config folder cannot be made.
            print(message, file=sys.stderr)
        self.settings_store = SettingsStore(self.paths.settings_file)
        loaded = self.settings_store.load()
        self.settings: Settings = loaded.settings
        if loaded.notice:
            print(loaded.notice, file=sys.stderr)
        self._library = None

    @property
    def library(self):
        if self._library is None:
            from videomanager.core.library import Library, LibraryError, adopt_settings_folders

            try:
                self._library = Library(self.paths.library_db)
            except LibraryError as exc:
                raise UserError(str(exc)) from exc
            if self._library.notice:
                print(self._library.notice, file=sys.stderr)
            adopt_settings_folders(self._library, self.settings)
        return self._library

    def close(self) -> None:
        if self._library is not None:
            self._library.close()


def _progress_printer(enabled: bool):
    last = [0.0]

    def show(text: str, final: bool = False) -> None:
        if not enabled:
            return
        now = time.monotonic()
        if final or now - last[0] > 0.2:
            last[0] = now
            sys.stderr.write("\r\033[K" + text + ("\n" if final else ""))
            sys.stderr.flush()

    return show


def cmd_scan(ctx: Context) -> int:
    from videomanager.core.indexer import scan_into_library

    paths = []
    for p in ctx.args.paths:
        full = os.path.abspath(os.path.expanduser(p))
        if not os.path.isdir(full):
            raise UserError(f"{shown(p)} is not a folder: give the folders that hold your videos.")
        paths.append(full)
    show = _progress_printer(sys.stderr.isatty())
    summary = scan_into_library(
        ctx.library,
        paths,
        workers=ctx.args.workers,
        progress=lambda s: show(f"scanning: {s.seen} video files, {s.new} new, {s.changed} changed"),
    )
    show("", final=True) if sys.stderr.isatty() else None
    _update_cards(ctx)
    print(summary.line())
    for note in summary.notes():
        print(shown(note))
    _print_problems(summary, everything=ctx.args.debug)
    return 0


PROBLEMS_SHOWN = 20  # skipped paths named without --debug


def _print_problems(summary, everything: bool) -> None:
    """Name on stderr what could not be read: unreadable folders and files, files that are not regular
    files (the first ones; with --debug, everything that was skipped)."""
    from videomanager.core.scanner import REASON_ROOT_UNAVAILABLE, REASON_SPECIAL, REASON_UNREADABLE

    for root in summary.unavailable_roots:
        why = next((p.detail for p in summary.problems if p.path == root and p.detail), "")
        why = f" ({shown(why)})" if why else ""
        print(
            f"{shown(root)} could not be read{why}: its files are kept and marked missing.", file=sys.stderr
        )

    def named(reason: str) -> bool:
        return reason != REASON_ROOT_UNAVAILABLE and (
            everything or reason in (REASON_UNREADABLE, REASON_SPECIAL)
        )

    listed = [p for p in summary.problems if named(p.reason)]
    listed = listed if everything else listed[:PROBLEMS_SHOWN]
    for p in listed:
        detail = f": {shown(p.detail)}" if p.detail else ""
        print(f"skipped ({p.reason}) {shown(p.path)}{detail}", file=sys.stderr)
    left = sum(n for reason, n in summary.skipped.items() if named(reason)) - len(listed)
    if left > 0:
        hint = "" if everything else " (--debug lists everything that was skipped)"
        print(f"... and {left} more{hint}.", file=sys.stderr)


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(text: str) -> str:
    """``text`` safe for one line of a terminal: control characters and line separators become escapes
    (``\\n``, ``\\x1b``, ``\\u2028``) and bytes that are not UTF-8 become ``\\xNN``, so a name can
    neither start a new row nor send the terminal a command. ``--json`` gives names exactly."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogate escape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cs"):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def _update_cards(ctx: Context) -> None:
    """Bring the stored cards up to date now, while the user expects work, so the next `list` is a read."""
    from videomanager.core.cards import CardStore
    from videomanager.core.library import LibraryError

    try:
        CardStore(ctx.library).update()
    except LibraryError:  # busy or read-only: the next `list` updates them
        pass


def cmd_list(ctx: Context) -> int:
    from videomanager.core.cards import CardStore
    from videomanager.core.grouping import list_order
    from videomanager.core.models import resolution_label

    store = CardStore(ctx.library)
    if ctx.args.json:
        sys.stdout.write(store.json_text())
        sys.stdout.write("\n")
        return 0
    cards = sorted(store.cards(), key=list_order)
    for c in cards:
        year = f" ({c.year})" if c.year else ""
        count = len(c.versions) or len(c.episodes)
        what = "episodes" if c.episodes else "versions"
        best = resolution_label(c.best_resolution) or "-"
        print(f"{c.state:<10} {shown(c.title)}{year}  [{count} {what}, best {best}]  {shown(c.id)}")
    print(f"{len(cards)} cards", file=sys.stderr)
    return 0


def cmd_prune(ctx: Context) -> int:
    n = ctx.library.prune()
    print(f"{n} missing files forgotten (the files themselves were not touched).")
    return 0


COMMANDS = {"scan": cmd_scan, "list": cmd_list, "prune": cmd_prune}


def desktop_entry(remove: bool) -> int:
    """--install-desktop-entry / --uninstall-desktop-entry."""
    from videomanager import desktop_entry as entry

    try:
        if remove:
            removed = entry.uninstall()
            print(
                f"Removed {', '.join(map(str, removed))}." if removed else "No desktop entry was installed."
            )
            return 0
        done = entry.install()
    except OSError as exc:
        print(
            f"The desktop entry could not be written: {exc.strerror or exc} ({exc.filename}).",
            file=sys.stderr,
        )
        return 1
    print(f"Installed {done.desktop_file} (starts {' '.join(done.command)}) and {done.icon_file}.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    install_log_redaction()
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        return desktop_entry(args.uninstall_desktop_entry)
    if args.command is None:
        from videomanager.gui.app import run_gui

        return run_gui(args)
    if args.command == "tmdb" and not args.tmdb_command:
        parser.parse_args(["tmdb", "--help"])
    from videomanager import cli_organize

    cli_organize.needs_subcommand(args, parser)
    ctx = None
    try:
        ctx = Context(args)
        handler = COMMANDS.get(args.command)
        if handler is None:
            from videomanager import cli_tmdb

            handler = cli_tmdb.COMMANDS.get(args.command) or cli_organize.COMMANDS[args.command]
        return handler(ctx)
    except UserError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except LibraryError as exc:  # busy, disk full, read-only: already one sentence for the user
        print(str(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted: what was done so far is saved.", file=sys.stderr)
        return 1
    except Exception as exc:  # a last resort: one sentence, no traceback unless --debug
        if args.debug:
            raise
        from videomanager.core.logsafe import redact

        print(f"Unexpected error: {redact(str(exc)) or type(exc).__name__} (run with --debug for details).",
              file=sys.stderr)  # fmt: skip
        return 1
    finally:
        if ctx is not None:
            ctx.close()
