"""The TMDb client's sustained rate against the local stand-in, 429s, and the response cache.

The stand-in answers after ``--latency`` (50 ms) and refuses with 429 above ``--server-rate`` (40/s);
the real TMDbClient runs at ``--rate`` (35/s, below the server's limit) with an on-disk response cache.
``--searches`` (1,000) distinct movie searches go through a thread pool of ``--threads`` (20):

* sustained throughput as a share of the configured rate (baseline = the configured rate; target >= 0.9),
  measured from first to last send and over the whole wall time;
* 429s seen by the server and by the client (target 0, the configured rate is below the server's);
* the same searches again: served from the cache, 0 requests reaching the stand-in.

Queries are real film titles from MovieLens (read at run time, never copied into the repo).

    python bench/bench_tmdb.py
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import common
from common import WORK, machine, save, show, timed


def queries(n: int) -> list[tuple[str, int]]:
    from synth import load_films

    seen: set[str] = set()
    out: list[tuple[str, int]] = []
    for f in load_films():
        if f.title.casefold() not in seen:
            seen.add(f.title.casefold())
            out.append((f.title, f.year))
        if len(out) == n:
            break
    return out


def run_searches(client, items: list[tuple[str, int]], threads: int) -> dict:
    errors: list[str] = []

    def one(item: tuple[str, int]) -> int:
        try:
            data = client.search_movie(item[0], year=item[1])
            return len(data.get("results") or [])
        except Exception as exc:  # counted and reported: one failure must not hide the figures
            errors.append(type(exc).__name__)
            return 0

    sent_before = client.requests_sent
    hits_before = client.cache_hits
    with timed() as t, ThreadPoolExecutor(max_workers=threads) as pool:
        found = sum(pool.map(one, items))
    sends = list(client.limiter.recent_sends)[sent_before:]
    return {
        "seconds": t["s"],
        "requests": client.requests_sent - sent_before,
        "cache_hits": client.cache_hits - hits_before,
        "results_found": found,
        "errors": len(errors),
        "error_types": sorted(set(errors)),
        "send_rate": common.send_rate(sends),
        "max_sends_in_1s": common.max_in_window(sends, 1.0),
        "wall_rate": (client.requests_sent - sent_before) / t["s"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="TMDb client benchmark")
    ap.add_argument("--searches", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=20)
    ap.add_argument("--rate", type=float, default=35.0, help="client requests/s")
    ap.add_argument("--server-rate", type=float, default=40.0, help="stand-in limit (429 above)")
    ap.add_argument("--latency", type=float, default=0.05)
    ap.add_argument("--burst", type=float, default=None, help="limiter burst (default: the limiter's own)")
    args = ap.parse_args(argv)

    info = machine()
    print(f"bench_tmdb  {info}", flush=True)
    items = queries(args.searches)
    work = WORK / "tmdb"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    fake = common.start_fake(None, latency=args.latency, rate_limit=args.server_rate)
    client = common.make_client(fake, args.rate, work / "cache.sqlite3", burst=args.burst)
    res: dict = {"machine": info, "args": vars(args)}
    try:
        first = res["first"] = run_searches(client, items, args.threads)
        first["server_requests"] = fake.stats.request_count
        first["server_429"] = fake.stats.count_429
        first["client_429_waits"] = client.limiter.waits_429
        first["max_concurrency"] = fake.stats.max_concurrency_seen
        share = first["send_rate"] / args.rate
        show("baseline: configured client rate", args.rate, "req/s", f"server limit {args.server_rate}/s")
        show(f"{len(items)} distinct searches, {args.threads} threads", first["seconds"], "s",
             f"{first['requests']} requests, {first['errors']} errors")  # fmt: skip
        show(
            "sustained rate (first to last send)",
            first["send_rate"],
            "req/s",
            f"= {share:.3f} of configured, target >= 0.9",
        )
        show(
            "rate over the whole wall time",
            first["wall_rate"],
            "req/s",
            f"= {first['wall_rate'] / args.rate:.3f}",
        )
        show("limiter burst", client.limiter.burst, "")
        show(
            "most client sends in any 1 s window",
            first["max_sends_in_1s"],
            "",
            f"server allows {args.server_rate:g}",
        )
        show("429s at the server", first["server_429"], "", "target 0")
        show("429 slow-downs in the client", first["client_429_waits"], "")
        show("max concurrent requests at the server", first["max_concurrency"], "")
        fake.reset_stats()
        second = res["second"] = run_searches(client, items, args.threads)
        second["server_requests"] = fake.stats.request_count
        show("same searches again (cache)", second["seconds"], "s", f"{second['cache_hits']} cache hits")
        show("requests reaching the stand-in", second["server_requests"], "", "target 0")
        show("cached / uncached time", second["seconds"] / first["seconds"], "x")
        res["share_of_rate"] = share
        res["targets"] = {
            "share>=0.9": share >= 0.9,
            "zero_429": first["server_429"] == 0,
            "cache_zero_requests": second["server_requests"] == 0,
        }
        print("targets:", res["targets"])
    finally:
        client.close()
        fake.stop()
    res["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S")
    print("results:", save("tmdb", res), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
