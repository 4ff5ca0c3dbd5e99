"""A file's duration against a title's runtime: does it agree, is it within what cuts allow, or is it another film.

A film on disk is rarely exactly TMDb's runtime: PAL releases run 4% faster, editions add or cut scenes
(extended cuts run up to half as long again), runtimes are rounded. So there are two bands:
- *agrees*: within max(6 min, 8%) of the runtime;
- *fits*: from 75% of the runtime minus 5 min up to 140% plus 10 min (170% plus 10 for a named edition).
Outside the wide band, the file is not that title as it stands (a 22-minute file is not the two-hour film,
or a part of a multi-part film is missing). Multi-part versions are compared by their parts' total.
"""

from __future__ import annotations

AGREE_MINUTES = 6.0
AGREE_SHARE = 0.08


def agrees(duration_s: float, runtime_min: int) -> bool:
    """Whether a duration is the runtime, give or take rounding and a PAL speed-up."""
    minutes = duration_s / 60.0
    return abs(minutes - runtime_min) <= max(AGREE_MINUTES, AGREE_SHARE * runtime_min)


def fits(duration_s: float, runtime_min: int, edition: str | None = None) -> bool:
    """Whether a duration is within what cuts, editions and PAL speed-up allow for this runtime."""
    minutes = duration_s / 60.0
    high = runtime_min * (1.7 if edition else 1.4) + 10
    return runtime_min * 0.75 - 5 <= minutes <= high


def usable(runtime_min: object) -> bool:
    """A runtime worth comparing with (TMDb gives 0 when it does not know)."""
    return isinstance(runtime_min, int) and not isinstance(runtime_min, bool) and runtime_min > 0


def minutes(duration_s: float) -> int:
    return int(round(duration_s / 60.0))
