"""CLI commands that talk to TMDb or change identification: identify, match, unmatch, tmdb validate/search."""

from __future__ import annotations

import json
import os
import sys

from videomanager.cli import Context, UserError, _progress_printer, _update_cards
from videomanager.core.models import Card


def _client(ctx: Context, required: bool = True):
    from videomanager.tmdb.errors import NoCredentialError
    from videomanager.tmdb.factory import build_client

    try:
        client = build_client(ctx.settings, ctx.paths, ctx.library)
    except OSError as exc:  # the response cache's folder cannot be created or written
        where = exc.filename or ctx.paths.cache_dir
        raise UserError(f"Cannot use the cache folder {where}: {exc.strerror}.") from exc
    if client is None and required:
        raise UserError(NoCredentialError().user_message)
    return client


def _fmt_eta(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    seconds = int(seconds)
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


def cmd_identify(ctx: Context) -> int:
    from videomanager.core.identify import IdentifyRunner

    client = _client(ctx)
    show = _progress_printer(sys.stderr.isatty())

    def progress(p) -> None:
        budget = f"{p.requests_today}/{p.daily_limit}" if p.daily_limit else f"{p.requests_today}"
        show(
            f"identifying: {p.keys_done}/{p.keys_total} titles, {p.requests} requests, {p.cache_hits} cache hits, "
            f"{p.waits_429} rate-limit waits, today {budget}, ETA {_fmt_eta(p.eta_seconds)}"
        )

    try:
        summary = IdentifyRunner(ctx.library, client, progress=progress).run(retry=ctx.args.retry)
    finally:
        client.close()
    if sys.stderr.isatty():
        show("", final=True)
    print(summary.line())
    _update_cards(ctx)
    if summary.stop_reason:
        print(f"Stopped: {summary.stop_reason} The titles not looked up yet stay pending for the next run.",
              file=sys.stderr)  # fmt: skip
        return 1
    return 0


def _card_of(ctx: Context, path: str) -> tuple[Card, list[int]]:
    """The card holding the file at path, and the ids of the file's version (all parts of a stack)."""
    from videomanager.core.cards import CardStore

    full = os.path.abspath(os.path.expanduser(path))
    record = ctx.library.file_by_path(full)
    if record is None:
        raise UserError(f"{path} is not in the library: scan its folder first.")
    card = CardStore(ctx.library).card_holding(record.id)
    if card is not None:
        for v in card.versions:
            if record.id in v.file_ids:
                return card, list(v.file_ids)
        for e in card.episodes:
            if e.file_id == record.id:
                return card, [record.id]
        for x in card.extras:
            if x.file_id == record.id:
                raise UserError(f"{path} is an extra: it follows its film's card; match the film instead.")
    raise UserError(f"{path} is not on any card.")


def cmd_match(ctx: Context) -> int:
    from videomanager.core import decisions
    from videomanager.core.lookup import title_data as tmdb_title_data
    from videomanager.tmdb.errors import NotFoundError, TMDbError

    kind = "tv" if ctx.args.tv else "movie"
    card, file_ids = _card_of(ctx, ctx.args.path)
    if ctx.args.card:
        file_ids = decisions.card_file_ids(card)
    title_data = None
    client = _client(ctx, required=False)
    if client is not None:
        try:
            item = (
                client.get_tv_show(ctx.args.tmdb_id) if kind == "tv" else client.get_movie(ctx.args.tmdb_id)
            )
            title_data = tmdb_title_data(item, kind)
        except NotFoundError as exc:
            raise UserError(f"TMDb has no {kind} with id {ctx.args.tmdb_id}: check the number.") from exc
        except TMDbError as exc:
            print(f"The title could not be fetched now ({exc.user_message}); the match is saved anyway.",
                  file=sys.stderr)  # fmt: skip
        finally:
            client.close()
    try:
        n = decisions.set_match(ctx.library, file_ids, kind, ctx.args.tmdb_id, title_data)
    except decisions.DecisionError as exc:
        raise UserError(str(exc)) from exc
    name = (title_data or {}).get("title") or (title_data or {}).get("name") or f"{kind} {ctx.args.tmdb_id}"
    print(f"{n} file(s) set to {name} (TMDb {kind} {ctx.args.tmdb_id}); rescans will keep it.")
    return 0


def cmd_unmatch(ctx: Context) -> int:
    from videomanager.core import decisions

    _card, file_ids = _card_of(ctx, ctx.args.path)
    try:
        n = decisions.unmatch(ctx.library, file_ids)
    except decisions.DecisionError as exc:
        raise UserError(str(exc)) from exc
    print(f"{n} file(s) unmatched; automatic identification will leave them alone.")
    return 0


def cmd_tmdb(ctx: Context) -> int:
    if ctx.args.tmdb_command == "validate":
        return _validate(ctx)
    return _search(ctx)


def _validate(ctx: Context) -> int:
    from videomanager.tmdb.errors import NoCredentialError

    client = _client(ctx, required=False)
    if client is None:
        print(NoCredentialError().user_message, file=sys.stderr)
        return 1
    try:
        result = client.validate()
    finally:
        client.close()
    print(result.message)
    return {"valid": 0, "invalid": 1, "missing": 1}.get(result.status, 2)


def _search(ctx: Context) -> int:
    from videomanager.core.lookup import Identifier
    from videomanager.core.matcher import Query
    from videomanager.tmdb.errors import TMDbError

    client = _client(ctx, required=False)
    if client is None:
        print("{}")
        print("No TMDb credential configured: add your API key in Settings.", file=sys.stderr)
        return 0
    kind = "tv" if ctx.args.tv else "movie"
    try:
        result = Identifier(client)._by_search("cli", Query(ctx.args.query, ctx.args.year, kind))
    except TMDbError as exc:
        raise UserError(exc.user_message) from exc
    finally:
        client.close()
    best = result.candidates[0] if result.candidates else None
    if best is None:
        print("{}")
        return 0
    print(json.dumps({"tmdb_id": best.tmdb_id, "title": best.title, "year": str(best.year) if best.year else ""},
                     ensure_ascii=False))  # fmt: skip
    return 0


COMMANDS = {"identify": cmd_identify, "match": cmd_match, "unmatch": cmd_unmatch, "tmdb": cmd_tmdb}
