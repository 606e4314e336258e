"""Lint files in several processes, with the same results, in the same order, as one process.

Files are streamed: discovery is lazy, workers get them in chunks, and only a
bounded number of chunks is in flight, so memory holds the findings and the
corpus passes' small summaries, never the documents. Small runs (pre-commit)
stay in this process and pay no start-up.

A worker that dies (killed, out of memory) costs only its own files: the chunks it
took down are checked again one file at a time in a fresh worker, and a file that
kills that one too gets an E999 finding. Ctrl-C and SIGTERM end the workers at once.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import signal
import threading
from collections import deque
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

if TYPE_CHECKING:
    from concurrent.futures import Future

    from contentlint.engine.linter import Linter
    from contentlint.model.results import FileResult
    from contentlint.model.settings import Config

# Fewer files than this are linted in-process: starting workers costs more than it saves.
SERIAL_BELOW = 50
# Files per task: small first chunks keep both workers busy on a short run, larger ones cut overhead.
CHUNK_SIZES = (8, 16, 32, 64)
# Chunks queued per worker: enough to hide latency, few enough that memory stays flat.
CHUNKS_IN_FLIGHT_PER_JOB = 4


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def lint_files(linter: Linter, files: Iterable[tuple[Path, str]], jobs: int = 1) -> Iterator[tuple[str, FileResult]]:
    """(display path, FileResult) for each file, in the order of ``files``."""
    files = iter(files)
    head = list(islice(files, SERIAL_BELOW))
    config = _picklable(linter.config) if jobs > 1 and len(head) >= SERIAL_BELOW and offline_per_document(linter) else None
    if config is None:
        for path, shown in chain(head, files):
            yield shown, linter.lint_file(path, shown)
        return
    # Linted here, before any worker is forked: what a document needs is imported once, not in each.
    path, shown = head[0]
    yield shown, linter.lint_file(path, shown)
    yield from _lint_in_workers(linter, config, chain(head[1:], files), jobs)


def offline_per_document(linter: Linter) -> bool:
    """Per-document rules that use the network stay in one process, so host limits and caches hold.
    (Corpus passes, such as link checking, collect in the workers and talk to the network here.)"""
    pass_codes = {code for corpus in linter.passes for code in corpus.codes}
    return not any(rule.network and rule.code not in pass_codes for rule in linter.rules)


# Per-process state: caches, and the hooks through which the main process reports progress.
_LOCAL_FIELDS = ("resources", "progress", "notice")


def _picklable(config: Config) -> Config | None:
    """The config without its per-process state, or None when it cannot go to another process."""
    names = {f.name for f in dataclasses.fields(config)}
    stripped = dataclasses.replace(config, **{name: None for name in _LOCAL_FIELDS if name in names})
    try:
        pickle.dumps(stripped)
    except Exception:  # something unpicklable in a section: lint in this process instead
        return None
    return stripped


def _chunks(files: Iterator[tuple[Path, str]]) -> Iterator[list[tuple[str, str]]]:
    sizes = chain(CHUNK_SIZES, iter(lambda: CHUNK_SIZES[-1], None))
    for size in sizes:
        chunk = [(os.fspath(path), shown) for path, shown in islice(files, size)]
        if not chunk:
            return
        yield chunk


def _lint_in_workers(
    linter: Linter, config: Config, files: Iterator[tuple[Path, str]], jobs: int
) -> Iterator[tuple[str, FileResult]]:
    from concurrent.futures.process import BrokenProcessPool

    global _worker_linter
    context = _context()
    if context.get_start_method() == "fork":
        # The linter's resources (the schema validator, the phrase index, the authority tables)
        # were built when it was made; forked workers inherit them, and nothing is pickled.
        _worker_linter = linter
        initargs: tuple = (None, None, False, False)
    else:
        initargs = (type(linter), config, getattr(linter, "collect_facts", False), getattr(linter, "keep_results", False))
    chunks = _chunks(files)
    pool = _Pool(jobs, context, initargs)
    pending: deque = deque()  # (future, chunk), in the order of the files
    try:
        while True:
            while len(pending) < jobs * CHUNKS_IN_FLIGHT_PER_JOB:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((pool.submit(chunk), chunk))
            if not pending:
                break
            future, chunk = pending[0]
            try:
                results = future.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory): every chunk it took down is checked
                # again, file by file in a worker of its own; the rest of the run goes on.
                pool.stop()
                lost = list(pending)
                pending.clear()
                yield from _recover(linter, lost, context, initargs)
                pool = _Pool(jobs, context, initargs)
                continue
            pending.popleft()
            yield from results
        pool.close()
    except BaseException:  # Ctrl-C, SIGTERM, an early stop: end the workers now, not when they finish
        pool.stop()
        raise
    finally:
        _worker_linter = None


class _Pool:
    """A process pool that can be stopped at once, its busy workers with it."""

    def __init__(self, jobs: int, context: Any, initargs: tuple) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self.executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=initargs)

    def submit(self, chunk: list[tuple[str, str]]) -> Future:
        return self.executor.submit(_lint_chunk, chunk)

    def close(self) -> None:
        self.executor.shutdown(wait=True)

    def stop(self) -> None:
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=2)
            if process.is_alive():
                process.kill()


def _recover(
    linter: Linter, lost: list[tuple[Future, list[tuple[str, str]]]], context: Any, initargs: tuple
) -> Iterator[tuple[str, FileResult]]:
    """The results of chunks lost with a dead worker: those that finished, and the others again,
    one file at a time in a single worker, so a file that kills it again is named (E999)."""
    from concurrent.futures.process import BrokenProcessPool

    pool: _Pool | None = None
    try:
        for future, chunk in lost:
            if future.done() and not future.cancelled() and future.exception() is None:
                yield from future.result()
                continue
            for item in chunk:
                if pool is None:
                    pool = _Pool(1, context, initargs)
                try:
                    yield from pool.submit([item]).result()
                except BrokenProcessPool:
                    pool.stop()
                    pool = None
                    yield item[1], linter.crashed(item[1], "the worker process checking this file stopped "
                                                  "(killed or out of memory), twice; check it alone with --jobs 1")
    except BaseException:
        if pool is not None:
            pool.stop()
        raise
    if pool is not None:
        pool.close()


def _context() -> Any:
    import multiprocessing

    # fork is fastest (the rules are already imported), but unsafe once threads are running.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1 else None
    return multiprocessing.get_context(method)


_worker_linter: Linter | None = None


def _start_worker(linter_class: type[Linter] | None, config: Config | None, collect_facts: bool, keep_results: bool) -> None:
    """``config`` None: the worker was forked with the parent's linter (see _lint_in_workers)."""
    global _worker_linter
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is handled once, by the parent
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler (fork): the parent ends its workers
    if linter_class is not None and config is not None:
        _worker_linter = linter_class(config, collect_facts=collect_facts, keep_results=keep_results)


def _lint_chunk(chunk: list[tuple[str, str]]) -> list[tuple[str, FileResult]]:
    linter = _worker_linter
    assert linter is not None, "worker not initialised"
    return [(shown, linter.lint_file(Path(path), shown)) for path, shown in chunk]
