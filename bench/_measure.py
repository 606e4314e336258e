"""Helpers for the benchmark scripts: corpora on demand, timed subprocesses, peak memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from generate_corpus import GENERATOR_VERSION, generate

BENCH = Path(__file__).resolve().parent
TODAY = "2026-11-22"
# Every run checks its documents afresh: a results cache left by the round before would time a
# read-back, not a check. bench_real.py times the cache in rows of its own.
os.environ["CONTENTLINT_NO_CACHE"] = "1"


def corpus(count: int, seed: int = 7, directory: Path | None = None) -> Path:
    """A generated corpus of ``count`` documents (gitignored bench/corpus-N), made once and reused."""
    directory = directory or BENCH / f"corpus-{count}"
    stamp = directory / ".generated.json"
    wanted = {"count": count, "seed": seed, "version": GENERATOR_VERSION}
    if stamp.is_file() and json.loads(stamp.read_text()) == wanted:
        return directory
    if directory.exists():
        import shutil

        shutil.rmtree(directory)
    started = time.perf_counter()
    print(f"generating {count:,} documents in {directory} ...", file=sys.stderr, flush=True)
    generate(directory, count, seed)
    stamp.write_text(json.dumps(wanted))
    print(f"  done in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return directory


def contentlint_command(*args: str) -> list[str]:
    """``contentlint ARGS``. A generated corpus lives in bench/corpus-N, which .gitignore lists: a check
    of it must not respect .gitignore, or it finds no documents and measures an error."""
    return [sys.executable, "-m", "contentlint", *args, *(["--no-respect-gitignore"] if args[:1] == ("check",) else [])]


def checked(run: Run, what: str) -> Run:
    """``run``, or exit: a check that ended in an error (exit 2 and above) measured nothing."""
    if run.exit_code not in (0, 1):
        sys.exit(f"{what} failed with exit code {run.exit_code}: its time would mean nothing")
    return run


@dataclass
class Run:
    wall: float  # seconds
    peak_tree_kib: int  # largest sum of resident memory over the process and its children, sampled
    peak_process_kib: int  # largest resident memory of any one process (getrusage, exact)
    exit_code: int


def _descendants(pid: int) -> list[int]:
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    queue.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(command: list[str], cwd: Path | None = None, output: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run ``command`` once; wall time, and peak memory of the whole process tree and of its largest process."""
    stdout = open(output, "wb") if output else subprocess.DEVNULL
    peak = [0]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=stdout, stderr=subprocess.DEVNULL, env=env)
    done = threading.Event()

    def sample() -> None:
        if not os.path.isdir("/proc"):
            return
        while not done.wait(0.05):
            peak[0] = max(peak[0], sum(_rss_kib(pid) for pid in _descendants(process.pid)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if output:
        stdout.close()
    # ru_maxrss from wait4: the largest resident size of the child or any descendant it waited for (KiB on Linux).
    return Run(wall, max(peak[0], usage.ru_maxrss), usage.ru_maxrss, process.returncode)


def best_of(repeat: int, command: list[str], cwd: Path | None = None, output: Path | None = None) -> Run:
    runs = [run(command, cwd, output) for _ in range(repeat)]
    best = min(runs, key=lambda r: r.wall)
    return Run(best.wall, max(r.peak_tree_kib for r in runs), max(r.peak_process_kib for r in runs), best.exit_code)


def compile_bytecode() -> str:
    """Compile contentlint's bytecode, as ``pip install`` does, so that start-up is measured as users
    meet it. (With PYTHONDONTWRITEBYTECODE set, an editable install would otherwise compile every
    module from source in every run: tens of milliseconds more per process.)"""
    import compileall

    import contentlint

    package = Path(contentlint.__file__).resolve().parent
    compileall.compile_dir(package, quiet=1)
    return f"bytecode compiled for {package}"


def machine() -> str:
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",) * 3
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    from contentlint import __version__

    return (
        f"contentlint {__version__}, Python {sys.version.split()[0]}, {cores} usable cores, "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )


def rules_in_force() -> str:
    from contentlint.engine.rule_set import all_rules

    codes = [code for code, rule in all_rules().items() if not rule.network]
    return f"{len(codes)} offline rules: {' '.join(codes)}"
