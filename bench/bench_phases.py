"""Where the time of a check goes, phase by phase, in one process (no start-up, no output).

    python bench/bench_phases.py [--corpus ../shared/corpora/nci-kb] [--today 2026-12-05] [--top 25]

Each document is read, parsed into its structural view, given its link view, then every enabled
rule and corpus pass's collection runs on it, each timed on its own; documents are not kept, and
the garbage collector is tuned as the `contentlint` command tunes it. A rule's time includes the
shared views it is the first to ask for (the phrase scan, the offline link problems), so compare a
rule with itself across commits. Two rounds; the second is printed.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from contentlint.analysis.links import document_links  # noqa: E402
from contentlint.analysis.structure import document_structure  # noqa: E402
from contentlint.document.reading import read_document  # noqa: E402
from contentlint.engine.config import load_config  # noqa: E402
from contentlint.engine.linter import Linter  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "nci-kb")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 12, 5))
    parser.add_argument("--top", type=int, default=25, help="phases shown, slowest first")
    args = parser.parse_args(argv)
    files = sorted(p for p in args.corpus.rglob("*") if p.is_file() and p.suffix in (".md", ".txt"))
    if not files:
        parser.error(f"no documents under {args.corpus}")
    config = load_config(start=args.corpus)
    config.today = args.today
    linter = Linter(config)
    gc.freeze()
    gc.set_threshold(10_000, 50, 50)
    clock = time.perf_counter
    for _ in range(2):
        spent: collections.Counter[str] = collections.Counter()
        started = clock()
        for path in files:
            at = clock()
            document = read_document(path, str(path), config.max_file_bytes)
            spent["read"] += clock() - at
            at = clock()
            document_structure(document)
            spent["structure"] += clock() - at
            at = clock()
            document_links(document, config)
            spent["links"] += clock() - at
            for rule in linter.rules:
                if rule.check is not None:
                    at = clock()
                    list(rule.check(document, config))
                    spent[rule.code] += clock() - at
            for corpus in linter.passes:
                at = clock()
                corpus.collect(document, config)
                spent[f"pass:{corpus.name}"] += clock() - at
        total = clock() - started
    print(f"# {len(files)} documents in {args.corpus}; {total:.2f} s in all (second round)")
    for phase, seconds in spent.most_common(args.top):
        print(f"{phase:24} {seconds:7.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
