"""CLI commands that put names in order and hand the library to other programs: lint, organize, export."""

from __future__ import annotations

import argparse
import json
import os
import sys

from videomanager.cli import Context, UserError, _progress_printer, _update_cards, shown


def add_commands(sub) -> None:
    """Register lint, organize and export on the main parser's sub-commands."""
    li = sub.add_parser("lint", help="naming problems per card, as Plex and Jellyfin would see them")
    li.add_argument("--json", action="store_true", help="a JSON array, one object per card with problems")

    o = sub.add_parser("organize", help="rename and move files to a naming scheme (dry run, apply, undo)")
    o.add_argument("--scheme", choices=("plex", "jellyfin"), help="the naming scheme")
    o.add_argument(
        "--target", metavar="DIR", help="move everything under DIR (default: each file's library folder)"
    )
    mode = o.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dry-run", action="store_true", help="show every move without touching anything")
    mode.add_argument(
        "--apply", action="store_true", help="move the files (journaled; --undo puts them back)"
    )
    mode.add_argument("--undo", action="store_true", help="put every file of the last organize run back")
    o.add_argument("--json", action="store_true", help="with --dry-run: the moves as JSON")

    e = sub.add_parser("export", help="NFO files for Kodi/Jellyfin/Emby, or the library as CSV or JSON")
    esub = e.add_subparsers(dest="export_command", metavar="FORMAT")
    n = esub.add_parser("nfo", help="movie.nfo / <file>.nfo, tvshow.nfo, episode NFOs and posters")
    n.add_argument("--dry-run", action="store_true", help="list what would be written")
    for fmt in ("csv", "json"):
        x = esub.add_parser(fmt, help=f"the library as {fmt.upper()}, one row per file (or per card)")
        x.add_argument("--cards", action="store_true", help="one row per card instead of one per file")
        x.add_argument("--output", metavar="FILE", help="write to FILE instead of standard output")


def _cards(ctx: Context):
    from videomanager.core.cards import CardStore

    return CardStore(ctx.library).cards()


def cmd_lint(ctx: Context) -> int:
    from videomanager.core.grouping import list_order
    from videomanager.core.lint import lint_library

    found = lint_library(ctx.library, sorted(_cards(ctx), key=list_order))
    if ctx.args.json:
        print(json.dumps([c.to_json() for c in found], ensure_ascii=True, indent=1))
        return 0
    for c in found:
        year = f" ({c.year})" if c.year else ""
        print(f"{shown(c.title)}{year}  {shown(c.card_id)}")
        for p in c.problems:
            print(f"  {p.code} [{', '.join(p.servers)}]: {shown(p.message)}")
            for path in p.paths:
                print(f"    {shown(path)}")
    count = sum(len(c.problems) for c in found)
    print(f"{count} naming problems on {len(found)} cards", file=sys.stderr)
    return 0


def _organizer(ctx: Context):
    from videomanager.core.organize import Organizer

    show = _progress_printer(sys.stderr.isatty())
    return Organizer(ctx.library, progress=lambda n, total: show(f"organizing: {n}/{total}")), show


def cmd_organize(ctx: Context) -> int:
    from videomanager.core.organize import OrganizeError

    args = ctx.args
    if not args.undo and not args.scheme:
        raise UserError("Say which naming scheme to use: --scheme plex or --scheme jellyfin.")
    if args.json and not args.dry_run:
        raise UserError("--json goes with --dry-run.")
    if ctx.library.read_only:
        raise UserError("The library is open read-only; files cannot be organized now.")
    org, show = _organizer(ctx)
    try:
        with org.locked():
            settled = org.settle()
            if settled is not None:
                print(f"An interrupted organize run was finished first: {settled.line()}.", file=sys.stderr)
            planned_skips = 0
            if args.undo and settled is not None and settled.mode == "undo":
                return 0  # the undo that was interrupted is what was asked for, and it is done now
            if args.undo:
                result = org.undo()
            else:
                plan = _plan(ctx)
                if args.dry_run:
                    return _print_plan(plan, args.json)
                planned_skips = len(plan.skipped)
                result = org.apply(plan)
    except OrganizeError as exc:
        raise UserError(str(exc)) from exc
    finally:
        if sys.stderr.isatty():
            show("", final=True)
        _update_cards(ctx)
    print(result.line() + ".")
    for path, why in result.skipped:
        print(f"left where it was: {shown(path)}: {shown(why)}", file=sys.stderr)
    # Files the plan already left out (missing, on a disc structure) are notes; a move that failed is not.
    return 1 if len(result.skipped) > planned_skips or result.cancelled else 0


def _plan(ctx: Context):
    from videomanager.core.organize_plan import build_plan

    target = ctx.args.target
    if target:
        target = os.path.abspath(os.path.expanduser(target))
        if os.path.exists(target) and not os.path.isdir(target):
            raise UserError(f"{shown(ctx.args.target)} is not a folder.")
    return build_plan(ctx.library, _cards(ctx), ctx.args.scheme, target)


def _print_plan(plan, as_json: bool) -> int:
    if as_json:
        print(json.dumps(plan.to_json(), ensure_ascii=True, indent=1))
        return 0
    for m in plan.moves:
        print(f"{shown(m.src)}\n  -> {shown(m.dst)}")
    for path, why in plan.skipped:
        print(f"stays: {shown(path)}: {shown(why)}")
    print(
        f"{len(plan.moves)} moves, {len(plan.skipped)} files stay (dry run: nothing was touched)",
        file=sys.stderr,
    )
    return 0


def cmd_export(ctx: Context) -> int:
    what = ctx.args.export_command
    if what == "nfo":
        return _export_nfo(ctx)
    from videomanager.core.export import CARD_COLUMNS, FILE_COLUMNS, export_rows, write_csv, write_json

    rows = export_rows(_cards(ctx), per_card=ctx.args.cards)
    out = ctx.args.output
    try:
        fh = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout  # noqa: SIM115
    except OSError as exc:
        raise UserError(f"Cannot write {shown(out)}: {exc.strerror}.") from exc
    try:
        if what == "csv":
            write_csv(rows, fh, CARD_COLUMNS if ctx.args.cards else FILE_COLUMNS)
        else:
            write_json(rows, fh)
    finally:
        if out:
            fh.close()
    if out:
        print(f"{len(rows)} rows written to {shown(out)}", file=sys.stderr)
    return 0


def _export_nfo(ctx: Context) -> int:
    from videomanager.core.nfo import export_nfo

    report = export_nfo(ctx.library, _cards(ctx), ctx.paths.posters_dir, dry_run=ctx.args.dry_run)
    verb = "would write" if ctx.args.dry_run else "wrote"
    for path in report.written:
        print(f"{verb} {shown(path)}")
    for path, why in report.kept:
        print(f"kept {shown(path)}: {shown(why)}", file=sys.stderr)
    print(f"{len(report.written)} files {'to write' if ctx.args.dry_run else 'written'}, {len(report.kept)} kept",
          file=sys.stderr)  # fmt: skip
    return 0


def needs_subcommand(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """``export`` alone shows its help (exit 2), like ``tmdb`` alone."""
    if args.command == "export" and not args.export_command:
        parser.parse_args(["export", "--help"])


COMMANDS = {"lint": cmd_lint, "organize": cmd_organize, "export": cmd_export}
