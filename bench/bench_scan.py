"""Scan throughput, rescan cost, `list --json` time and scan memory on a synthetic library.

One run measures, on the same tree and in this order:

* baseline: a bare iterative os.scandir walk that stats every file (warm cache, best of 2);
* first scan end-to-end (``scan_into_library`` into a fresh library, default pool of 2 workers):
  files/s and time as a ratio to the baseline; peak memory of the scan process and its pool;
* rescan of the unchanged tree (target: at most 2x the bare walk);
* ``videomanager list --json`` on that library as a subprocess (target < 3 s);
* pool efficiency: first scans with workers=1 and workers=2 on a smaller tree (``--pool-files``,
  default 10,000; the same tree when ``--files`` is that small) and the raw single-process
  throughput of guessit and of ``parser.parse`` on a sample of the names.

Each scan runs in a fresh child process (``--phase scan``) so its memory figures are its own; the pool
workers are grandchildren under forkserver, so their memory is sampled from /proc (RUSAGE_CHILDREN
never sees them) besides the getrusage figures.

    python bench/bench_scan.py --files 100000     # ~25 min on 2 cores: run with nohup, poll the log
    python bench/bench_scan.py --files 10000      # quick
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import common
from common import WORK, machine, maxrss_mb, save, show, timed

PY = sys.executable


_EPISODE = re.compile(r"[. _-]S(\d{1,2})E(\d{1,3})|\s(\d{1,2})x(\d{2})", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_RES = re.compile(r"(?<!\d)(2160|1080|720|480)p", re.IGNORECASE)


def quick_parse(path: str, root: str):
    """A regex stand-in for parser.parse (microseconds, not ~20 ms): title, year, season/episode,
    resolution. ``--fast-parse`` uses it to build a 100k library quickly for the rescan, list and
    memory figures, which do not depend on how the parses were made; guessit is timed on its own."""
    from videomanager.core.models import Parsed

    stem = os.path.splitext(os.path.basename(path))[0]
    if stem.startswith(("VID_", "IMG_", "MVI_")):  # personal videos: the real parser gives no title
        return Parsed(kind="movie")
    m = _EPISODE.search(stem)
    year = _YEAR.search(stem)
    res = _RES.search(stem)
    cut = m.start() if m else year.start() if year else len(stem)
    title = " ".join(re.sub(r"[._]", " ", stem[:cut]).replace("(", " ").split()).strip(" -") or None
    if m:
        season, episode = (
            (int(m.group(1)), int(m.group(2))) if m.group(1) else (int(m.group(3)), int(m.group(4)))
        )
        return Parsed(title=title, kind="episode", season=season, episode=episode,
                      resolution=res.group(0).lower() if res else None)  # fmt: skip
    return Parsed(title=title, year=int(year.group(0)) if year else None, kind="movie",
                  resolution=res.group(0).lower() if res else None)  # fmt: skip


def phase_scan(root: str, data: str, workers: int, profile: str | None, fast_parse: bool = False) -> dict:
    """Runs in a child process: one scan into the library under ``data``; prints its figures."""
    from videomanager.core import indexer
    from videomanager.core.indexer import scan_into_library

    if fast_parse:
        indexer.parse = quick_parse  # inline parsing (workers=1) looks the name up in the module
        workers = 1
    from videomanager.core.library import Library
    from videomanager.core.paths import resolve_paths

    paths = resolve_paths(data)
    paths.ensure()
    lib = Library(paths.library_db)
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
    cpu0 = time.process_time()
    with common.TreeRss() as rss, timed() as t:
        if prof:
            prof.enable()
        summary = scan_into_library(lib, [root], workers=workers)
        if prof:
            prof.disable()
    cpu = time.process_time() - cpu0
    if prof:
        prof.dump_stats(profile)
    lib.close()
    return {
        "seconds": t["s"],
        "seen": summary.seen,
        "new": summary.new,
        "unchanged": summary.unchanged,
        "line": summary.line(),
        "workers": workers,
        "self_cpu_s": cpu,
        **{f"rusage_{k}": v for k, v in maxrss_mb().items()},
        **rss.figures(),
    }


def run_scan(
    root: str, data: Path, workers: int, fresh: bool, profile: str | None = None, fast_parse: bool = False
) -> dict:
    if fresh and data.exists():
        shutil.rmtree(data)
    cmd = [PY, __file__, "--phase", "scan", "--root", root, "--data", str(data), "--workers", str(workers)]
    if fast_parse:
        cmd.append("--fast-parse")
    if profile:
        cmd += ["--profile", profile]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def walk_baseline(root: str) -> dict:
    common.bare_walk(root)  # warm the dentry/inode cache: every later figure runs warm too
    best = None
    for _ in range(2):
        with timed() as t:
            files, dirs = common.bare_walk(root)
        best = t["s"] if best is None else min(best, t["s"])
    return {"seconds": best, "files": files, "dirs": dirs}


def list_json(data: Path) -> dict:
    cmd = [PY, "-m", "videomanager", "--data-dir", str(data), "list", "--json"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with timed() as t:
        out = subprocess.run(cmd, check=True, capture_output=True, cwd=common.REPO)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # Interpreter start-up alone, to tell fixed cost from work that grows with the library.
    with timed() as t0:
        subprocess.run([PY, "-c", "import videomanager.cli"], check=True, cwd=common.REPO)
    cards = json.loads(out.stdout)
    return {
        "seconds": t["s"],
        "cpu_seconds": cpu,
        "maxrss_mb": after.ru_maxrss / 1024,
        "startup_seconds": t0["s"],
        "cards": len(cards),
        "bytes": len(out.stdout),
    }


def raw_parse(root: str, sample: int, seed: int = 7) -> dict:
    """Single-process throughput of guessit (bare file name) and of parser.parse (path + root)."""
    from guessit import guessit

    from videomanager.core.parser import parse
    from videomanager.core.scanner import is_video_name

    paths = []
    for d, _dirs, names in os.walk(root):
        paths.extend(os.path.join(d, n) for n in names if is_video_name(n))
    paths.sort()
    picked = random.Random(seed).sample(paths, min(sample, len(paths)))
    with timed() as tg:
        for p in picked:
            guessit(os.path.basename(p))
    cpu0 = time.process_time()
    with timed() as tp:
        for p in picked:
            parse(p, root)
    parse_cpu = time.process_time() - cpu0
    return {
        "names": len(picked),
        "guessit_per_s": len(picked) / tg["s"],
        "parse_per_s": len(picked) / tp["s"],
        "guessit_ms": tg["s"] * 1000 / len(picked),
        "parse_ms": tp["s"] * 1000 / len(picked),
        "parse_cpu_ms": parse_cpu * 1000 / len(picked),
    }


def pool_compare(files: int, root: str | None, raw: dict) -> dict:
    """First scans with workers=1 and 2 on the same tree: wall rate and CPU seconds per file."""
    from synth import generate

    root = root or generate(files, WORK / f"lib-{files}")["root"]
    pool: dict = {}
    for w in (1, 2):
        r = run_scan(root, WORK / f"pool-{files}-w{w}" / "data", w, fresh=True)
        r["files_per_s"] = r["seen"] / r["seconds"]
        r["cpu_ms_per_file"] = (r["self_cpu_s"] + r["children_cpu_s"]) * 1000 / r["seen"]
        pool[f"w{w}"] = r
        show(f"first scan of {files} files, workers={w}", r["files_per_s"], "files/s",
             f"{r['seconds']:.1f} s, tree peak {r['tree_peak_mb']:.0f} MB")  # fmt: skip
        show(f"  CPU per file (scan process + pool), workers={w}", r["cpu_ms_per_file"], "ms",
             f"scan process {r['self_cpu_s']:.1f} s, pool {r['children_cpu_s']:.1f} s")  # fmt: skip
    pool["speedup"] = pool["w2"]["files_per_s"] / pool["w1"]["files_per_s"]
    # What 2 idle cores would give: all CPU work split over 2 cores vs 1 core doing it all.
    pool["cpu_bound_speedup"] = 2 * pool["w1"]["cpu_ms_per_file"] / pool["w2"]["cpu_ms_per_file"]
    show("pool speed-up workers=2 / workers=1 (wall)", pool["speedup"], "x", "ideal 2.0; machine shared")
    show("speed-up 2 idle cores would give (CPU/file)", pool["cpu_bound_speedup"], "x", "ideal 2.0")
    show(
        "workers=1 CPU per file / raw parse CPU per name",
        pool["w1"]["cpu_ms_per_file"] / raw["parse_cpu_ms"],
        "x",
    )
    return pool


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="scan benchmark")
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--pool-files", type=int, default=10_000, help="tree size for the workers=1 vs 2 runs")
    ap.add_argument("--sample", type=int, default=400, help="names for the raw guessit/parse throughput")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-pool", action="store_true", help="skip the workers=1 vs 2 comparison")
    ap.add_argument("--pool-only", action="store_true", help="only the raw parse and workers=1 vs 2 figures")
    ap.add_argument("--profile", help="write a cProfile of the first scan (in-process part) to this file")
    ap.add_argument("--fast-parse", action="store_true",
                    help="regex parse instead of guessit (workers=1): rescan/list/memory figures at 100k fast")  # fmt: skip
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--root", help=argparse.SUPPRESS)
    ap.add_argument("--data", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.phase == "scan":
        print(json.dumps(phase_scan(args.root, args.data, args.workers, args.profile, args.fast_parse)))
        return 0

    from synth import generate

    info = machine()
    if args.pool_only:
        gen = generate(args.pool_files, WORK / f"lib-{args.pool_files}")
        print(f"bench_scan --pool-only --pool-files {args.pool_files}  {info}", flush=True)
        raw = raw_parse(gen["root"], args.sample)
        show("raw parser.parse, single process", raw["parse_per_s"], "names/s",
             f"{raw['parse_ms']:.1f} ms/name wall, {raw['parse_cpu_ms']:.1f} ms CPU")  # fmt: skip
        res = {"machine": info, "raw_parse": raw, "pool": pool_compare(args.pool_files, gen["root"], raw)}
        print("results:", save(f"scan-pool-{args.pool_files}", res), flush=True)
        return 0
    print(f"bench_scan --files {args.files}  {info}", flush=True)
    lib_dir = WORK / f"lib-{args.files}"
    with timed() as t:
        gen = generate(args.files, lib_dir)
    root = gen["root"]
    print(f"synthetic tree: {gen['videos']} videos + {gen['junk']} other files ({t['s']:.1f} s)", flush=True)
    res: dict = {"machine": info, "files": args.files, "synth": gen}

    walk = res["walk"] = walk_baseline(root)
    show(
        "baseline: bare scandir+stat walk",
        walk["seconds"],
        "s",
        f"{walk['files']} files, {walk['dirs']} dirs",
    )
    walk_rate = walk["files"] / walk["seconds"]
    show("baseline walk rate", walk_rate, "files/s")

    fast = args.fast_parse
    res["fast_parse"] = fast
    data = WORK / f"scan-{args.files}{'-fast' if fast else ''}" / "data"
    first = res["first_scan"] = run_scan(root, data, args.workers, True, args.profile, fast)
    rate = first["seen"] / first["seconds"]
    first["files_per_s"] = rate
    first["ratio_to_walk"] = first["seconds"] / walk["seconds"]
    what = "regex parse, workers=1: everything but guessit" if fast else f"workers={first['workers']}"
    show(f"first scan ({what})", first["seconds"], "s", first["line"])
    show("  CPU: scan process / pool", first["self_cpu_s"], "s", f"pool {first['children_cpu_s']:.1f} s")
    show("first scan rate", rate, "files/s", f"= {first['ratio_to_walk']:.0f}x the walk time")
    show("scan memory: scan process maxrss (RUSAGE_SELF)", first["rusage_self_mb"], "MB")
    show(
        "scan memory: RUSAGE_CHILDREN maxrss",
        first["rusage_children_mb"],
        "MB",
        "(forkserver workers not reaped here)",
    )
    show("scan memory: peak RSS of process tree (sampled)", first["tree_peak_mb"], "MB", "target < 500")
    show("scan memory: largest pool worker VmHWM", first["max_child_hwm_mb"], "MB")

    re_scan = res["rescan"] = run_scan(root, data, args.workers, False, None, fast)
    re_scan["ratio_to_walk"] = re_scan["seconds"] / walk["seconds"]
    show("rescan, unchanged tree", re_scan["seconds"], "s", re_scan["line"])
    show("rescan / bare walk", re_scan["ratio_to_walk"], "x", "target <= 2")
    show(
        "  rescan CPU (scan process)",
        re_scan["self_cpu_s"],
        "s",
        f"maxrss {re_scan['rusage_self_mb']:.0f} MB",
    )

    lj = res["list_json"] = list_json(data)
    show("videomanager list --json (subprocess)", lj["seconds"], "s", f"{lj['cards']} cards, target < 3 s")
    show("  CPU time of that process", lj["cpu_seconds"], "s", "(steadier than wall on a shared machine)")
    show("  interpreter + import start-up alone", lj["startup_seconds"], "s")

    if fast:
        res["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S")
        print("results:", save(f"scan-{args.files}-fast", res), flush=True)
        return 0
    raw = res["raw_parse"] = raw_parse(root, args.sample)
    show("raw guessit, single process", raw["guessit_per_s"], "names/s", f"{raw['guessit_ms']:.1f} ms/name")
    show("raw parser.parse, single process", raw["parse_per_s"], "names/s",
         f"{raw['parse_ms']:.1f} ms/name wall, {raw['parse_cpu_ms']:.1f} ms CPU")  # fmt: skip
    show("first scan rate / raw parse rate", rate / raw["parse_per_s"], "x")

    if not args.skip_pool:
        res["pool"] = pool_compare(args.pool_files, root if args.pool_files == args.files else None, raw)
    res["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S")
    print("results:", save(f"scan-{args.files}", res), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
