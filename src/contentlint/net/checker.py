"""Check many URLs at once: each unique URL once, cache first, then the network under limits.

Work is handed to the thread pool host by host (round robin), never more than the per-host
limit at a time, so one big host cannot tie up every worker while other hosts wait.
"""

from __future__ import annotations

import queue
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable
from urllib.parse import urlsplit

from contentlint.net.cache import CacheUnavailable, LinkCache
from contentlint.net.client import LinkClient
from contentlint.net.limits import HostLimiter
from contentlint.net.outcome import Outcome
from contentlint.net.settings import LinkSettings

Progress = Callable[[int, int], None]
Notice = Callable[[str], None]

_SAVE_EVERY = 0.5  # seconds between cache writes while checking, so an interrupted run keeps its work


@dataclass
class CheckStats:
    urls: int = 0
    from_cache: int = 0
    checked: int = 0
    requests: int = 0
    seconds: float = 0.0
    peak_per_host: dict[str, int] = field(default_factory=dict)


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def check_urls(
    urls: Iterable[str],
    settings: LinkSettings,
    *,
    is_good: Callable[[Outcome], bool],
    progress: Progress | None = None,
    notice: Notice | None = None,
) -> tuple[dict[str, Outcome], CheckStats]:
    """Outcome of every URL (each checked once). ``is_good`` picks the cache lifetime."""
    started = time.monotonic()
    unique = list(dict.fromkeys(urls))
    stats = CheckStats(urls=len(unique))
    results: dict[str, Outcome] = {}
    cache = _open_cache(settings, notice)
    try:
        if cache is not None:
            results.update(cache.lookup(unique))
            stats.from_cache = len(results)
        todo = [url for url in unique if url not in results]
        if progress is not None:
            progress(len(results), len(unique))
        if todo:
            _check_network(todo, settings, results, stats, cache, is_good, progress, notice, len(unique))
        if cache is not None:
            cache.prune()
    finally:
        if cache is not None:
            cache.close()
    stats.seconds = time.monotonic() - started
    return results, stats


def _open_cache(settings: LinkSettings, notice: Notice | None) -> LinkCache | None:
    if not settings.cache:
        return None
    try:
        return LinkCache(settings.cache_dir, settings.fingerprint())
    except CacheUnavailable as error:
        if notice is not None:
            notice(f"link cache not used: {error}")
        return None


def _check_network(
    todo: list[str],
    settings: LinkSettings,
    results: dict[str, Outcome],
    stats: CheckStats,
    cache: LinkCache | None,
    is_good: Callable[[Outcome], bool],
    progress: Progress | None,
    notice: Notice | None,
    total: int,
) -> None:
    limiter = HostLimiter(settings.host_concurrency, settings.host_interval)
    client = LinkClient(settings, limiter)
    by_host: dict[str, deque[str]] = {}
    for url in todo:
        by_host.setdefault(_host(url), deque()).append(url)
    running: dict[str, int] = {host: 0 for host in by_host}
    finished: queue.Queue[tuple[str, str, Outcome]] = queue.Queue()
    unsaved: list[tuple[str, Outcome, float]] = []
    last_save = time.monotonic()
    in_flight = 0
    workers = max(1, settings.concurrency)

    def work(host: str, url: str) -> None:
        finished.put((host, url, client.check(url)))

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="contentlint-link") as pool:
        try:
            while by_host or in_flight:
                # Hand out work round robin over hosts, within both limits.
                handed = True
                while handed and in_flight < workers:
                    handed = False
                    for host in list(by_host):
                        if in_flight >= workers:
                            break
                        if running[host] >= settings.host_concurrency:
                            continue
                        pool.submit(work, host, by_host[host].popleft())
                        running[host] += 1
                        in_flight += 1
                        handed = True
                        if not by_host[host]:
                            del by_host[host]
                host, url, outcome = finished.get()
                running[host] -= 1
                in_flight -= 1
                results[url] = outcome
                stats.checked += 1
                stats.requests += outcome.requests
                lifetime = settings.cache_ok_seconds if is_good(outcome) else settings.cache_failure_seconds
                unsaved.append((url, outcome, lifetime))
                if progress is not None:
                    progress(len(results), total)
                if cache is not None and (time.monotonic() - last_save >= _SAVE_EVERY or not (by_host or in_flight)):
                    cache = _save(cache, unsaved, notice)
                    last_save = time.monotonic()
        except BaseException:
            for pending in by_host.values():
                pending.clear()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            if cache is not None and unsaved:
                _save(cache, unsaved, notice)
            client.close()
    stats.peak_per_host = dict(limiter.peak)


def _save(cache: LinkCache, unsaved: list[tuple[str, Outcome, float]], notice: Notice | None) -> LinkCache | None:
    try:
        cache.store(unsaved)
    except CacheUnavailable as error:
        if notice is not None:
            notice(f"link cache not updated: {error}")
        return None
    finally:
        unsaved.clear()
    return cache

