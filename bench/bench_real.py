"""Real-pages benchmark: `contentlint check` on ../shared/corpora/nci-kb (750 cancer.gov pages, about
35 KB each, PDQ summaries with hundreds of reference links), as a ratio to the python-frontmatter
floor (`frontmatter.load` on the same files), measured in one run with --jobs 1 and all cores.

Targets (issue 13): at most 4x the floor with all cores, at most 6x with --jobs 1, for a check
that reads every document afresh (CONTENTLINT_NO_CACHE). Rows of their own time the results
cache: "cold" fills an empty cache (what the first run pays for it), "warm" reads an unchanged
corpus back from it (a second run).

`--against PYTHON` also times another installation (say, a virtual environment of an earlier
commit) in the same rounds, so two versions are compared side by side under the same load.

    python bench/bench_real.py [--corpus ../shared/corpora/nci-kb] [--repeat 3] [--against /tmp/v/bin/python]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from _measure import checked, compile_bytecode, machine, rules_in_force, run
from bench_foundation import frontmatter_baseline

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPOSITORY.parent / "shared" / "corpora" / "nci-kb"
TODAY = "2026-12-05"
TARGETS = {"--jobs 1": 6.0, "all cores": 4.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="contentlint on real pages, as a ratio to the front-matter floor")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best of each figure is kept (default 3)")
    parser.add_argument("--against", metavar="PYTHON", help="another interpreter with contentlint installed, timed alongside")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    files = sorted(p for p in args.corpus.rglob("*") if p.suffix in (".md", ".txt"))
    size_kb = sum(p.stat().st_size for p in files) / len(files) / 1024
    print(f"# Real pages: {len(files):,} documents in {args.corpus}, {size_kb:.1f} KB each on average")
    print(f"# {machine()}")
    print(f"# {compile_bytecode()}")
    print(f"# {rules_in_force()}")
    print(f"# best of {args.repeat} rounds, each round runs every command once (interleaved)\n")

    pythons = {"this": sys.executable}
    if args.against:
        pythons["against"] = args.against
    commands = {
        (name, label): [python, "-m", "contentlint", "check", str(args.corpus), "--today", TODAY, *extra]
        for name, python in pythons.items()
        for label, extra in (("--jobs 1", ["--jobs", "1"]), ("all cores", []))
    }
    caches = Path(tempfile.mkdtemp(prefix="contentlint-bench-"))
    cached = {label: [*command, "--cache-dir", str(caches / label.replace(" ", "-"))]
              for (name, label), command in commands.items() if name == "this"}
    with_cache = {k: v for k, v in os.environ.items() if k != "CONTENTLINT_NO_CACHE"}
    for command in cached.values():  # filled once: the warm rows read it back
        checked(run(command, env=with_cache), "filling the cache")
    for label in list(cached):  # the cold row empties the cache and fills it again for the next warm row
        commands[("this", label + ", warm cache")] = cached[label]
        commands[("this", label + ", cold cache")] = cached[label]
    walls: dict[tuple[str, str], list[float]] = {key: [] for key in commands}
    floors: list[float] = []
    try:
        for _ in range(args.repeat):
            for key, command in commands.items():
                if key[1].endswith("cold cache"):
                    shutil.rmtree(command[-1], ignore_errors=True)
                env = with_cache if key[1].endswith("cache") else None
                walls[key].append(checked(run(command, env=env), " ".join(key)).wall)
            floors.append(frontmatter_baseline(files, 1))
    finally:
        shutil.rmtree(caches, ignore_errors=True)
    floor = min(floors)
    print(f"{'frontmatter.load on each file':40} {floor:7.2f} s")
    for (name, label), times in walls.items():
        best = min(times)
        ratio = best / floor
        target = TARGETS.get(label)
        verdict = "" if name != "this" or target is None else (
            f"  (target <= {target:.0f}x: {'ok' if ratio <= target else 'OVER TARGET'})")
        paired = statistics.median(t / f for t, f in zip(times, floors))
        print(f"{name + ' ' + label:40} {best:7.2f} s  {len(files) / best:6.0f} docs/s  "
              f"ratio {ratio:5.2f}x (median of rounds {paired:5.2f}x){verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
