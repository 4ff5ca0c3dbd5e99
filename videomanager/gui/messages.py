"""What the core says, in the interface's language: reasons, error kinds, sizes, durations.

The core (Qt-free, its CLI English) says why a card is identified with the phrases of
``core.reasons`` (ids with arguments) and what went wrong with an error's ``kind`` (``tmdb.errors``,
``LibraryError.kind``, ``DecisionError.kind``, an ``OSError``'s errno). This module renders them with
``QCoreApplication.translate``; numbers and sizes follow the locale (0,97 and 4,4 Go in French).
Text the core did not make (a title, a path) is passed through untouched.
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QCoreApplication, QLocale

from videomanager.core.reasons import Phrase, parse

tr = QCoreApplication.translate


def _number(text: str, decimals: int = 2) -> str:
    try:
        return QLocale().toString(float(text), "f", decimals)
    except ValueError:
        return text


def _phrase_templates() -> dict[str, str]:
    """Each phrase id's sentence, with %1, %2 for its arguments."""
    return {
        "title": tr("Reasons", "title %1"),
        "no_year_in_name": tr("Reasons", "no year in the name"),
        "no_year_on_tmdb": tr("Reasons", "no year on TMDb"),
        "year_exact": tr("Reasons", "year exact"),
        "released_somewhere": tr("Reasons", "released %1 somewhere (first %2)"),
        "year_off_one": tr("Reasons", "year off by one (%1)"),
        "year_off_two": tr("Reasons", "year off by two (%1)"),
        "year_other": tr("Reasons", "year %1"),
        "country": tr("Reasons", "country %1"),
        "not_from": tr("Reasons", "not from %1"),
        "original_language": tr("Reasons", "original language %1"),
        "only_seasons": tr("Reasons", "only %1 seasons"),
        "second_best": tr("Reasons", "2nd best %1"),
        "no_other": tr("Reasons", "no other candidate"),
        "too_close": tr("Reasons", "too close to choose"),
        "below_floor": tr("Reasons", "below the %1 floor"),
        "no_result": tr("Reasons", "no result on TMDb"),
        "too_far": tr("Reasons", "best %1 (%2) is too far"),
        "set_by_you": tr("Reasons", "set by you"),
        "split_by_you": tr("Reasons", "split off by you"),
        "merged_by_you": tr("Reasons", "merged by you"),
        "unmatched_by_you": tr("Reasons", "unmatched by you"),
        "extras_alone": tr("Reasons", "extras without their film"),
        "nothing_to_look_up": tr("Reasons", "nothing to look up in the file name"),
        "id_not_on_tmdb": tr("Reasons", "the id in the file name (%1) is not on TMDb"),
        "tmdb_id_in_name": tr("Reasons", "TMDb id %1 in the file name"),
        "imdb_id": tr("Reasons", "IMDb id %1"),
        "tvdb_id": tr("Reasons", "TVDB id %1"),
        "request_rejected": tr("Reasons", "TMDb rejected the request"),
    }


_NUMERIC = {"title", "second_best", "below_floor", "too_far"}  # their first argument is a score


def _render(p: Phrase, templates: dict[str, str]) -> str:
    if p.id == "text":
        return p.args[0]
    args = list(p.args)
    if p.id in _NUMERIC and args:
        args[0] = _number(args[0])
    if p.inner:
        args[1] = ", ".join(_render(q, templates) for q in p.inner)
    text = templates.get(p.id, "")
    for i, a in enumerate(args, 1):
        text = text.replace(f"%{i}", a)
    return text


def render_reasons(text: str) -> str:
    """A lookup's or a card's reasons in the interface's language."""
    parts = parse(text)
    templates = _phrase_templates()
    outcome = [p for p in parts if p.id in ("too_close", "below_floor")]
    body = ", ".join(_render(p, templates) for p in parts if p not in outcome)
    return body + "".join(": " + _render(p, templates) for p in outcome)


def human_size(n: int) -> str:
    """A size in bytes, with the locale's units and decimal separator (4.4 GB, 4,4 Go)."""
    units = [tr("Units", "B"), tr("Units", "KB"), tr("Units", "MB"), tr("Units", "GB"), tr("Units", "TB")]
    size = float(n)
    loc = QLocale()
    for i, unit in enumerate(units):
        if size < 1024 or i == len(units) - 1:
            return f"{loc.toString(size, 'f', 0 if i < 2 else 1)} {unit}"
        size /= 1024
    return f"{n} {units[0]}"


def duration(seconds: float | None) -> str:
    """A duration for the status bar: 42 s, 3 min 05 s, 2 h 07 min."""
    if seconds is None or seconds < 0:
        return ""
    seconds = int(round(seconds))
    if seconds < 60:
        return tr("Units", "%1 s").replace("%1", str(seconds))
    minutes, s = divmod(seconds, 60)
    if minutes < 60:
        return tr("Units", "%1 min %2 s").replace("%1", str(minutes)).replace("%2", f"{s:02d}")
    hours, m = divmod(minutes, 60)
    return tr("Units", "%1 h %2 min").replace("%1", str(hours)).replace("%2", f"{m:02d}")


def tmdb_error(kind: str, args: dict | None = None) -> str:
    """The sentence for a TMDb error of this kind (see tmdb.errors.ERROR_KINDS)."""
    args = args or {}
    if kind == "daily-limit" and "used" in args and "limit" in args:
        return (
            tr("Errors", "Daily TMDb request limit reached (%1 of %2): identification continues tomorrow, or raise the limit in Settings.")
            .replace("%1", QLocale().toString(int(args["used"])))
            .replace("%2", QLocale().toString(int(args["limit"])))
        )  # fmt: skip
    sentences = {
        "credential": tr("Errors", "TMDb refused the credential (invalid API key or access token): check the API key or read access token in Settings."),
        "no-credential": tr("Errors", "No TMDb credential configured: add your API key in Settings."),
        "daily-limit": tr("Errors", "The daily TMDb request limit is reached: identification continues tomorrow, or raise the limit in Settings."),
        "network": tr("Errors", "Could not reach TMDb: check your internet connection."),
        "unavailable": tr("Errors", "TMDb is not available right now: try again in a few minutes."),
        "rate-limit": tr("Errors", "TMDb kept answering 'too many requests' even after waiting: try again in a minute or lower the request rate in Settings."),
        "rate-limit-stop": tr("Errors", "TMDb kept answering 'too many requests' for several titles in a row, so identification stopped: try again later or lower the request rate in Settings."),
        "not-found": tr("Errors", "TMDb has no item with this id: check the id or search for the title instead."),
        "bad-request": tr("Errors", "TMDb rejected the request parameters: check the search text and filters."),
        "malformed": tr("Errors", "TMDb sent an answer that does not have the expected shape (a fault on TMDb's side or a proxy's): try again later."),
        "cancelled": tr("Errors", "The TMDb request was stopped."),
    }  # fmt: skip
    return sentences.get(kind, tr("Errors", "TMDb returned an unexpected answer: try again later."))


def library_error(kind: str, args: dict | None = None) -> str | None:
    """The sentence for a library or decision error of this kind (``LibraryError``, ``DecisionError``);
    None for a kind without one."""
    args = args or {}
    sentences = {
        "busy": tr("Errors", "The library is busy: another videomanager is writing to it; try again when it has finished."),
        "write": tr("Errors", "Could not write to the library: the disk may be full or read-only."),
        "read-only": tr("Errors", "The library is open read-only; nothing can be changed."),
        "no-files": tr("Errors", "None of those files is in the library."),
        "unreadable": tr("Errors", "%1 cannot be read, so the decision cannot be attached to it."),
        "bad-id": tr("Errors", "A TMDb id is a positive number, for a movie or a TV show."),
        "choose-title": tr("Errors", "These cards are different titles on TMDb: choose the one the merged card keeps."),
        "not-a-title": tr("Errors", "The title to keep is not one of the merged cards'."),
    }  # fmt: skip
    text = sentences.get(kind)
    return text.replace("%1", str(args.get("path", ""))) if text is not None else None


def os_error(exc: OSError) -> str:
    """An operating-system error on a file or folder: what happened to which path."""
    reasons = {
        errno.ENOENT: tr("Errors", "it does not exist (any more)"),
        errno.EACCES: tr("Errors", "permission denied"),
        errno.EPERM: tr("Errors", "operation not permitted"),
        errno.ENOSPC: tr("Errors", "the disk is full"),
        errno.EROFS: tr("Errors", "the disk is read-only"),
        errno.EIO: tr("Errors", "an input/output error (a failing disk or an unplugged drive?)"),
        errno.ENOTDIR: tr("Errors", "it is not a folder"),
    }
    why = reasons.get(exc.errno or -1, tr("Errors", "a system error"))
    if exc.filename:
        return tr("Errors", "%1: %2").replace("%1", str(exc.filename)).replace("%2", why)
    return why


def scan_problem(reason: str, detail: str = "") -> str:
    """Why a file or folder was skipped by a scan (the scanner's reason codes; for a file that is not a
    regular file, what it is: ``fingerprint.special_kind``'s words)."""
    from videomanager.core.scanner import REASON_SPECIAL, REASON_UNREADABLE

    if reason == REASON_SPECIAL:
        kinds = {
            "a named pipe (FIFO)": tr("Errors", "a named pipe (FIFO)"),
            "a socket": tr("Errors", "a socket"),
            "a device": tr("Errors", "a device"),
            "a folder": tr("Errors", "a folder"),
        }
        return kinds.get(detail, tr("Errors", "not a regular file"))
    if reason == REASON_UNREADABLE:
        return tr("Errors", "cannot be read")
    return tr("Errors", "skipped")
