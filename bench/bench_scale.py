"""Scale benchmark: 20,000 and 100,000 documents of about 10 KB.

Reports, at each size: documents per second with --jobs 1 and --jobs 2, peak resident
memory (the largest single process, from getrusage; and the whole process tree, sampled
from /proc), the speed-up of --jobs 2 over --jobs 1, and whether both runs printed the
same report. Targets on a 2-core machine: at least 1,500 documents per second offline
with all rules on; peak memory under 1 GB at 100,000 documents.

The corpora (about 200 MB and 1 GB) are generated once into bench/corpus-N (gitignored).
The machine may be shared, so every figure is the best of several runs.

    pip install -e '.[bench]'
    python bench/bench_scale.py [--sizes 20000 100000] [--jobs 1 2] [--repeat 3] [--json bench/out/scale.json]
"""

from __future__ import annotations

import argparse
import filecmp
import json
import tempfile
from pathlib import Path

from _measure import TODAY, best_of, compile_bytecode, contentlint_command, corpus, machine, rules_in_force

RATE_TARGET = 1500
MEMORY_TARGET_MIB = 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="contentlint scale benchmark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to compare (default 1 2)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the best is kept (default 3)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    print(f"# Scale benchmark. {machine()}")
    print(f"# {compile_bytecode()}")
    print(f"# {rules_in_force()}")
    print(f"# best of {args.repeat} runs; memory: largest process / whole process tree\n")
    print(f"{'documents':>10} {'jobs':>4} {'seconds':>8} {'docs/s':>8} {'peak MiB':>16} {'speed-up':>8}  same report")
    results = []
    failed = False
    for size in args.sizes:
        directory = corpus(size)
        with tempfile.TemporaryDirectory() as scratch:
            reports: dict[int, Path] = {}
            walls: dict[int, float] = {}
            for jobs in args.jobs:
                reports[jobs] = Path(scratch) / f"report-{jobs}.txt"
                command = contentlint_command("check", str(directory), "--today", TODAY, "--jobs", str(jobs))
                result = best_of(args.repeat, command, output=reports[jobs])
                walls[jobs] = result.wall
                rate = size / result.wall
                speed_up = walls[args.jobs[0]] / result.wall
                same = filecmp.cmp(reports[args.jobs[0]], reports[jobs], shallow=False)
                process_mib, tree_mib = result.peak_process_kib / 1024, result.peak_tree_kib / 1024
                print(f"{size:>10,} {jobs:>4} {result.wall:>8.1f} {rate:>8.0f} "
                      f"{process_mib:>7.0f} / {tree_mib:>6.0f} {speed_up:>7.2f}x  {'yes' if same else 'NO'}",
                      flush=True)
                failed |= not same or result.exit_code not in (0, 1) or tree_mib >= MEMORY_TARGET_MIB
                results.append({
                    "documents": size, "jobs": jobs, "seconds": round(result.wall, 2), "docs_per_second": round(rate),
                    "peak_process_mib": round(process_mib), "peak_tree_mib": round(tree_mib),
                    "speed_up": round(speed_up, 2), "same_report": same, "exit_code": result.exit_code,
                })
    best_rate = max((r["docs_per_second"] for r in results), default=0)
    print(f"\nbest rate {best_rate:,} docs/s (target >= {RATE_TARGET:,}: {'ok' if best_rate >= RATE_TARGET else 'UNDER'});"
          f" peak memory target < {MEMORY_TARGET_MIB} MiB: {'ok' if not failed else 'see above'}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"machine": machine(), "results": results}, indent=2) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
