"""The identify pipeline (core.identify.IdentifyRunner) on the synthetic library against the stand-in.

The stand-in serves the synthetic catalog (MovieLens films with their real tmdbIds, generated shows),
answers after ``--latency`` (50 ms) and refuses above ``--server-rate`` (40/s); the client runs at
``--rate`` (38/s). The library is a copy of the one bench_scan.py built (scanned here when missing).

Figures: requests per unique lookup key (fallback searches, alternative titles and retries included;
target <= 1.5); throughput as a share of the client's rate (baseline = the configured rate; target
>= 0.9); 429s; a second run (target 0 requests); and identification quality: the share of keys whose
match is the right tmdbId (from the generator's truth.json), by kind.

    python bench/bench_identify.py --files 100000                    # ~10 min: nohup, poll the log
    python bench/bench_identify.py --files 100000 --keys-limit 1000  # quick
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import common
from common import WORK, machine, save, show, timed


def library_for(files: int) -> Path:
    """The library bench_scan.py built for this tree size; scanned now when missing."""
    src = WORK / f"scan-{files}" / "data" / "library.sqlite3"
    if not src.exists():
        from synth import generate

        root = generate(files, WORK / f"lib-{files}")["root"]
        scan = Path(__file__).with_name("bench_scan.py")
        cmd = [
            sys.executable,
            str(scan),
            "--phase",
            "scan",
            "--root",
            root,
            "--data",
            str(src.parent),
            "--workers",
            "2",
        ]
        subprocess.run(cmd, check=True)
    return src


def limit_keys(lib, limit: int, seed: int = 3) -> int:
    """Leave only a seeded sample of ``limit`` pending keys pending (the others are parked)."""
    keys = lib.pending_lookup_keys()
    if limit >= len(keys):
        return len(keys)
    keep = set(random.Random(seed).sample(keys, limit))
    park = [(k,) for k in keys if k not in keep]
    with lib.transaction() as c:
        c.executemany("UPDATE lookups SET state='bench-parked' WHERE key=?", park)
    return limit


def quality(lib, tree: str, truth: dict[str, list]) -> dict:
    """Per key: the tmdbId most of its files really are (truth.json) vs what the key was matched to."""
    expected: dict[str, Counter] = {}
    for f in lib.files():
        if not f.lookup_key:
            continue
        t = truth.get(os.path.relpath(f.path, tree))
        if t is not None:
            expected.setdefault(f.lookup_key, Counter())[(t[0], t[1])] += 1
    rows = {r.key: r for r in lib.lookups()}
    by_kind: dict[str, Counter] = {}
    wrong_examples: list[str] = []
    for key, counter in expected.items():
        row = rows.get(key)
        if row is None or row.state in ("pending", "bench-parked"):
            continue
        (kind, tmdb_id), _n = counter.most_common(1)[0]
        c = by_kind.setdefault(kind, Counter())
        c["keys"] += 1
        if tmdb_id is None:  # a personal video: right when nothing was matched
            c["right"] += row.state != "matched"
        elif row.state == "matched" and row.tmdb_id == tmdb_id:
            c["right"] += 1
        elif row.state == "matched":
            c["wrong"] += 1
            if len(wrong_examples) < 15:
                wrong_examples.append(f"{key} -> {row.tmdb_id} (expected {tmdb_id})")
        else:
            c[row.state] += 1
            if len(wrong_examples) < 15 and row.state == "not_found":
                wrong_examples.append(f"{key}: {row.state} (expected {tmdb_id})")
    total = Counter()
    for c in by_kind.values():
        total.update(c)
    return {
        "by_kind": {k: dict(v) for k, v in by_kind.items()},
        "total": dict(total),
        "share_right": total["right"] / total["keys"] if total["keys"] else 0.0,
        "examples": wrong_examples,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="identify benchmark")
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--keys-limit", type=int, default=0, help="look up only this many keys (0 = all)")
    ap.add_argument("--rate", type=float, default=38.0, help="client requests/s")
    ap.add_argument("--server-rate", type=float, default=40.0)
    ap.add_argument("--latency", type=float, default=0.05)
    ap.add_argument("--burst", type=float, default=None, help="limiter burst (default: the limiter's own)")
    ap.add_argument("--workers", type=int, default=8, help="IdentifyRunner threads (its default is 8)")
    ap.add_argument("--tag", default="", help="suffix for the results file")
    ap.add_argument("--library", type=Path, help="library to copy (default: the one bench_scan.py built)")
    args = ap.parse_args(argv)

    from videomanager.core.identify import IdentifyRunner
    from videomanager.core.library import Library

    info = machine()
    print(f"bench_identify --files {args.files} --keys-limit {args.keys_limit}  {info}", flush=True)
    lib_dir = WORK / f"lib-{args.files}"
    src = args.library or library_for(args.files)
    work = WORK / f"identify-{args.files}{'-' + args.tag if args.tag else ''}"
    shutil.rmtree(work, ignore_errors=True)
    common.copy_db(src, work / "library.sqlite3")
    lib = Library(work / "library.sqlite3")
    keys = limit_keys(lib, args.keys_limit) if args.keys_limit else len(lib.pending_lookup_keys())
    kinds = Counter(k.split("|", 1)[0].split(":", 1)[0] for k in lib.pending_lookup_keys())
    show("unique lookup keys to identify", keys, "", dict(kinds))
    catalog = json.loads((lib_dir / "catalog.json").read_text())
    with timed() as t:
        fake = common.start_fake(catalog, latency=args.latency, rate_limit=args.server_rate)
    show("stand-in loaded", t["s"], "s", f"{len(catalog['movies'])} films, {len(catalog['shows'])} shows")
    client = common.make_client(
        fake, args.rate, work / "tmdb-cache.sqlite3", budget_store=lib, burst=args.burst
    )
    res: dict = {"machine": info, "args": vars(args), "keys": keys, "key_kinds": dict(kinds)}
    try:
        first = IdentifyRunner(lib, client, workers=args.workers).run()
        sends = list(client.limiter.recent_sends)
        rate = first.requests / first.seconds if first.seconds else 0.0
        res["first"] = {
            "line": first.line(),
            "seconds": first.seconds,
            "requests": first.requests,
            "server_requests": fake.stats.request_count,
            "by_path": dict(Counter("/".join(p.split("/")[2:4]) for p in fake.stats.by_path.elements())),
            "server_429": fake.stats.count_429,
            "client_429_waits": first.waits_429,
            "requests_per_key": first.requests / max(1, first.keys_total),
            "rate": rate,
            "send_rate": common.send_rate(sends),
            "max_sends_in_1s": common.max_in_window(sends, 1.0),
            "share_of_rate": rate / args.rate,
            "stop_reason": first.stop_reason,
            "failed": first.failed,
        }
        f1 = res["first"]
        show("baseline: configured client rate", args.rate, "req/s", f"server limit {args.server_rate:g}/s")
        show("first run", first.seconds, "s", first.line())
        show("requests per unique key", f1["requests_per_key"], "", "target <= 1.5")
        show("requests by endpoint", "", "", f1["by_path"])
        show(
            "throughput (requests / run time)",
            rate,
            "req/s",
            f"= {f1['share_of_rate']:.3f} of configured, target >= 0.9",
        )
        show(
            "sustained send rate (first to last send)",
            f1["send_rate"],
            "req/s",
            f"= {f1['send_rate'] / args.rate:.3f}",
        )
        show("most sends in any 1 s window", f1["max_sends_in_1s"], "", f"server allows {args.server_rate:g}")
        show("429s at the server", f1["server_429"], "", "target 0")
        fake.reset_stats()
        second = IdentifyRunner(lib, client, workers=args.workers).run()
        res["second"] = {
            "line": second.line(),
            "requests": second.requests,
            "server_requests": fake.stats.request_count,
        }
        show("second run", second.seconds, "s", second.line())
        show("requests reaching the stand-in", fake.stats.request_count, "", "target 0")
        q = res["quality"] = quality(
            lib, str(lib_dir / "tree"), json.loads((lib_dir / "truth.json").read_text())
        )
        show("identification: keys matched right", q["share_right"], "", json.dumps(q["total"]))
        for kind, c in q["by_kind"].items():
            show(f"  {kind}", c.get("right", 0) / max(1, c["keys"]), "", json.dumps(c))
        for e in q["examples"]:
            print("    e.g.", e)
        res["targets"] = {
            "requests_per_key<=1.5": f1["requests_per_key"] <= 1.5,
            "share>=0.9": f1["share_of_rate"] >= 0.9,
            "second_run_zero": fake.stats.request_count == 0,
        }
        print("targets:", res["targets"])
    finally:
        client.close()
        fake.stop()
        lib.close()
    res["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S")
    suffix = (f"-k{args.keys_limit}" if args.keys_limit else "") + (f"-{args.tag}" if args.tag else "")
    print("results:", save(f"identify-{args.files}{suffix}", res), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
