"""Foundation benchmark: 3,000 documents of about 10 KB.

Reports:
- documents per second for `contentlint check` (offline, all rules), with --jobs 1 and the default;
- the ratio to the time python-frontmatter needs just to parse the same files' front matter
  (`frontmatter.load` on each file; target: at most 4x);
- start-up time for checking a single file, the pre-commit case (target: under 0.3 s wall),
  and which heavy modules that run imported.

The machine may be shared, so every figure is the best of several runs.

    pip install -e '.[bench]'
    python bench/bench_foundation.py [--count 3000] [--repeat 5] [--against /tmp/v/bin/python]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _measure import TODAY, best_of, checked, compile_bytecode, contentlint_command, corpus, machine, rules_in_force

LAZY_MODULES = ("dateparser", "markdown_it", "tldextract", "requests", "charset_normalizer")
START_UP_TARGET = 0.3
RATIO_TARGET = 4.0


def frontmatter_baseline(files: list[Path], repeat: int) -> float:
    """Best time to `frontmatter.load` every file (files already listed; parse errors caught)."""
    import frontmatter

    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for path in files:
            try:
                frontmatter.load(path)
            except Exception:  # broken YAML in the corpus: it was still parsed
                pass
        best = min(best, time.perf_counter() - started)
    return best


def import_report(single: Path) -> tuple[list[str], list[tuple[int, str]]]:
    """Which of the heavy modules a single-file check imports, and the slowest imports overall."""
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "contentlint", "check", str(single), "--today", TODAY],
        capture_output=True, text=True,
    )
    imported, cumulative = set(), []
    for line in completed.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, total, name = line.split("|", 2)
        if total.strip().isdigit():
            module = name.strip()
            imported.add(module.split(".")[0])
            if not name.startswith("   "):  # top-level imports only: their times include their children
                cumulative.append((int(total), module))
    return [m for m in LAZY_MODULES if m in imported], sorted(cumulative, reverse=True)[:8]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="contentlint foundation benchmark (3,000 documents)")
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure; the best is kept (default 5)")
    parser.add_argument("--against", metavar="PYTHON",
                        help="another interpreter with contentlint installed (an earlier commit's), timed in the same rounds")
    args = parser.parse_args(argv)

    directory = corpus(args.count)
    files = sorted(directory.rglob("*.md"))
    size_kb = sum(p.stat().st_size for p in files) / len(files) / 1024
    print(f"# Foundation benchmark: {len(files):,} documents, {size_kb:.1f} KB each on average")
    print(f"# {machine()}")
    print(f"# {compile_bytecode()}")
    print(f"# {rules_in_force()}")
    print(f"# best of {args.repeat} runs\n")

    # Interleaved, so that load from other users of the machine falls on all three alike.
    serial_runs, default_runs, baselines = [], [], []
    against_runs: dict[str, list[float]] = {"--jobs 1": [], "all cores": []}
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.txt"
        check = contentlint_command("check", str(directory), "--today", TODAY, "-o", str(report))
        for _ in range(args.repeat):
            serial_runs.append(checked(best_of(1, [*check, "--jobs", "1"]), "check --jobs 1"))
            default_runs.append(checked(best_of(1, check), "check"))
            if args.against:
                other = [args.against, *check[1:]]
                against_runs["--jobs 1"].append(checked(best_of(1, [*other, "--jobs", "1"]), "against --jobs 1").wall)
                against_runs["all cores"].append(checked(best_of(1, other), "against").wall)
            baselines.append(frontmatter_baseline(files, 1))
    baseline = min(baselines)
    serial = min(serial_runs, key=lambda r: r.wall)
    default = min(default_runs, key=lambda r: r.wall)

    count = len(files)
    print(f"contentlint check --jobs 1      {serial.wall:7.2f} s   {count / serial.wall:7.0f} docs/s")
    print(f"contentlint check (all cores)   {default.wall:7.2f} s   {count / default.wall:7.0f} docs/s")
    print(f"frontmatter.load on each file   {baseline:7.2f} s   {count / baseline:7.0f} docs/s")
    for label, result in (("--jobs 1", serial), ("all cores", default)):
        ratio = result.wall / baseline
        verdict = "ok" if ratio <= RATIO_TARGET else "OVER TARGET"
        print(f"ratio to frontmatter.load ({label}): {ratio:.2f}x  (target <= {RATIO_TARGET:.0f}x: {verdict})")
    for label, walls in against_runs.items():
        if walls:
            print(f"against ({label}): {min(walls):.2f} s, ratio {min(walls) / baseline:.2f}x")
    # Each round's own ratio: the two were measured seconds apart, so a slow minute falls on both.
    paired = sorted(run.wall / base for run, base in zip(default_runs, baselines))
    print(f"ratio round by round (all cores): median {statistics.median(paired):.2f}x, "
          f"from {paired[0]:.2f}x to {paired[-1]:.2f}x")

    single = files[0]
    start_up = checked(best_of(max(args.repeat, 10), contentlint_command("check", str(single), "--today", TODAY)), "check of one file")
    verdict = "ok" if start_up.wall < START_UP_TARGET else "OVER TARGET"
    print(f"\nstart-up, one file (pre-commit): {start_up.wall:.3f} s  (target < {START_UP_TARGET} s: {verdict})")
    lazy, slowest = import_report(single)
    print(f"heavy modules imported for one file: {', '.join(lazy) if lazy else 'none'}"
          f" (should be none of: {', '.join(LAZY_MODULES)})")
    print("slowest top-level imports (python -X importtime, cumulative):")
    for micros, module in slowest:
        print(f"  {micros / 1000:6.1f} ms  {module}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
