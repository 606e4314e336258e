"""Check many URLs at once: each unique URL once, cache first, then the network under limits.

Work is handed to the thread pool host by host (round robin), never more than the per-host
limit at a time, so one big host cannot tie up every worker while other hosts wait.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, Collection, Iterable, Mapping

from contentlint.net import outcome as kinds
from contentlint.net.addresses import host_of
from contentlint.net.cache import CacheUnavailable, LinkCache
from contentlint.net.client import LinkClient
from contentlint.net.limits import host_limiter
from contentlint.net.outcome import (
    OFFLINE_KINDS,
    NetworkUnavailable,
    Outcome,
    proves_network,
)
from contentlint.net.settings import LinkSettings

Progress = Callable[[int, int], None]
Notice = Callable[[str], None]

_SAVE_EVERY = 1.0  # seconds between cache writes while checking (on a timer), so a killed run keeps its work
_GIVE_UP_AFTER = 16  # hosts that failed as if offline, none answering: stop trying the rest
_DOWN_AFTER = 3  # links of one host that got no answer in a row, none of its links answered: it is down
_NO_ANSWER = frozenset({kinds.TIMEOUT, kinds.CONNECTION})  # the slow failures: each is retried


@dataclass
class CheckStats:
    urls: int = 0
    from_cache: int = 0
    checked: int = 0
    requests: int = 0
    seconds: float = 0.0
    peak_per_host: dict[str, int] = field(default_factory=dict)


def check_urls(
    urls: Iterable[str],
    settings: LinkSettings,
    *,
    is_good: Callable[[Outcome], bool],
    progress: Progress | None = None,
    notice: Notice | None = None,
    fragments: Mapping[str, Collection[str]] | None = None,
) -> tuple[dict[str, Outcome], CheckStats]:
    """Outcome of every URL (each checked once). ``is_good`` picks the cache lifetime.
    ``fragments``: for some URLs, the `#fragments` to look for in their page (a cached outcome
    that did not look for all of them is checked again).

    Raises ``NetworkUnavailable`` (one line) when no host could be reached at all; nothing of
    that run is cached then.
    """
    started = time.monotonic()
    unique = list(dict.fromkeys(urls))
    stats = CheckStats(urls=len(unique))
    results: dict[str, Outcome] = {}
    cache = _open_cache(settings, notice)
    try:
        wanted = fragments or {}
        if cache is not None:
            results.update((url, outcome) for url, outcome in cache.lookup(unique).items()
                           if _answers_for(outcome, wanted.get(url, ())))
            stats.from_cache = len(results)
        todo = [url for url in unique if url not in results]
        if progress is not None:
            progress(len(results), len(unique))
        if todo:
            _check_network(todo, settings, results, stats, cache, is_good, progress, notice, len(unique), wanted)
        if cache is not None:
            cache.prune()
    finally:
        if cache is not None:
            cache.close()
    stats.seconds = time.monotonic() - started
    return results, stats


def _answers_for(outcome: Outcome, fragments: Collection[str]) -> bool:
    """Whether a cached outcome says all that is asked now: it looked for these fragments, or the
    page could not have them judged (or gave no page)."""
    if not fragments or outcome.fragments_note or outcome.error is not None:
        return True
    if outcome.status is None or not 200 <= outcome.status < 300:
        return True
    return all(fragment in outcome.fragments for fragment in fragments)


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
    fragments: Mapping[str, Collection[str]],
) -> None:
    limiter = host_limiter(settings)
    messages: queue.Queue[tuple[Any, ...]] = queue.Queue()
    checking = threading.local()  # the host of the URL this worker checks (a redirect may lead elsewhere)

    def on_wait(_hop_host: str, starting: bool) -> None:
        messages.put(("wait", checking.host, starting))

    client = LinkClient(settings, limiter, on_wait=on_wait)
    by_host: dict[str, deque[str]] = {}
    url_host: dict[str, str] = {}
    for url in todo:
        url_host[url] = host = host_of(url)
        by_host.setdefault(host, deque()).append(url)
    running: dict[str, int] = {host: 0 for host in by_host}  # handed out and not waiting
    waiting: dict[str, int] = {host: 0 for host in by_host}  # asleep before a retry: no slot held
    unsaved: list[tuple[str, Outcome, float]] = []
    offline = _OfflineWatch(settings)
    down = _DownHosts()
    last_save = time.monotonic()
    in_flight = 0
    workers = max(1, settings.concurrency)

    def work(url: str) -> None:
        checking.host = url_host[url]
        messages.put(("done", url, client.check(url, fragments.get(url, ()))))

    def give_up_down_hosts() -> None:
        """The links of a host found down, once none of its links is under way: not requested."""
        for host in [host for host in down.hosts() if host in by_host and not running[host] and not waiting[host]]:
            for url in by_host.pop(host):
                results[url] = down.outcome(url, host)
            if progress is not None:
                progress(len(results), total)

    def hand_out(pool: ThreadPoolExecutor) -> None:
        nonlocal in_flight
        handed = True
        while handed and in_flight < workers:
            handed = False
            for host in list(by_host):
                if in_flight >= workers:
                    break
                # A host whose links got no answer yet, only failures: one link at a time until one
                # answers, or enough have failed to call it down.
                failures = down.failures(host)
                if failures and (running[host] or waiting[host] or failures >= _DOWN_AFTER):
                    continue
                # A host's waiting URLs hold no slot, but at most as many again may wait; a host
                # that asked for fewer requests gets fewer workers.
                allowed = limiter.allowed(host)
                if running[host] >= allowed or running[host] + waiting[host] >= 2 * allowed:
                    continue
                pool.submit(work, by_host[host].popleft())
                running[host] += 1
                in_flight += 1
                handed = True
                if not by_host[host]:
                    del by_host[host]

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="contentlint-link") as pool:
        try:
            while by_host or in_flight:
                give_up_down_hosts()
                # No network so far: hand nothing more out (unless one of those in flight answers).
                if not offline.gave_up():
                    hand_out(pool)
                if not in_flight:
                    break
                try:
                    message = messages.get(timeout=max(0.01, _SAVE_EVERY - (time.monotonic() - last_save)))
                except queue.Empty:
                    message = None
                if message is not None and message[0] == "wait":
                    _, host, starting = message
                    running[host] += -1 if starting else 1
                    waiting[host] += 1 if starting else -1
                elif message is not None:
                    _, url, outcome = message
                    running[url_host[url]] -= 1
                    in_flight -= 1
                    results[url] = outcome
                    down.saw(url_host[url], outcome)
                    stats.checked += 1
                    stats.requests += outcome.requests
                    lifetime = settings.cache_ok_seconds if is_good(outcome) else settings.cache_failure_seconds
                    unsaved.extend(offline.saveable(url, url_host[url], outcome, lifetime))
                    if progress is not None:
                        progress(len(results), total)
                # Saved on a timer as well as at the end, so a killed run keeps what it finished.
                if cache is not None and unsaved and time.monotonic() - last_save >= _SAVE_EVERY:
                    cache = _save(cache, unsaved, notice)
                    last_save = time.monotonic()
                elif not unsaved:
                    last_save = time.monotonic()
        except BaseException:
            for pending in by_host.values():
                pending.clear()
            client.stop()  # waits and requests in flight end now, so the interrupt is not held up
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            if offline.unavailable() is None:
                unsaved.extend(offline.release())
            if cache is not None and unsaved:
                _save(cache, unsaved, notice)
            unsaved.clear()
            client.close()
    stats.peak_per_host = dict(limiter.peak)
    if notice is not None:
        for host, times in sorted(limiter.slowed.items()):
            notice(f"{host} answered \"too many requests\" {times} time{'s' if times != 1 else ''}: its other "
                   "links were checked more slowly from then on")
    failure = offline.unavailable()
    if failure is not None:
        raise NetworkUnavailable(failure, tuple(sorted(offline.hosts)), results)


class _DownHosts:
    """Hosts that give no answer at all this run, so that their other links are not waited on.

    When a link of a host fails for want of any answer (a timeout or a dropped connection, after
    its retries) and none of its links has had one, its links are handed out one at a time; once
    three have failed so and those under way have ended without an answer too, the rest are
    reported with what was seen, unrequested (and not cached). An answer, whatever its status,
    clears the host.
    """

    def __init__(self) -> None:
        self.answered: set[str] = set()
        self.failed: dict[str, list[Outcome]] = {}

    def saw(self, host: str, outcome: Outcome) -> None:
        if outcome.heard:  # a status or a redirect hop implies an answer was heard
            self.answered.add(host)
            self.failed.pop(host, None)
        elif outcome.error in _NO_ANSWER and host not in self.answered:
            self.failed.setdefault(host, []).append(outcome)

    def failures(self, host: str) -> int:
        """How many links of ``host`` got no answer, while none of them did."""
        return len(self.failed.get(host, ()))

    def hosts(self) -> list[str]:
        """The hosts found down."""
        return [host for host, failures in self.failed.items() if len(failures) >= _DOWN_AFTER]

    def outcome(self, url: str, host: str) -> Outcome:
        failures = self.failed[host]
        return Outcome(url=url, final_url=url, error=kinds.HOST_DOWN, detail=(
            f"{host} gave no answer for {len(failures)} of its links in a row ({failures[0].detail}, "
            f"{failures[0].url})"
        ))


class _OfflineWatch:
    """Tells "this machine is offline" from "these links are broken".

    Until some host answers, failures that could just mean "no network" (DNS, no route, the proxy)
    are held back from the cache. The run is declared offline when nothing answered and the
    failures leave no doubt: two or more hosts failed that way, or the network or the proxy itself
    was unreachable. One host that does not resolve is only that (L002), but not cached either.
    """

    def __init__(self, settings: LinkSettings) -> None:
        self.settings = settings
        self.answered = False
        self.hosts: set[str] = set()
        self.kinds: set[str] = set()
        self.example = ""
        self._held: list[tuple[str, Outcome, float]] = []

    def saveable(self, url: str, host: str, outcome: Outcome, lifetime: float) -> list[tuple[str, Outcome, float]]:
        if proves_network(outcome):
            if not self.answered:
                self.answered = True
                return [*self.release(), (url, outcome, lifetime)]
            return [(url, outcome, lifetime)]
        if outcome.error in OFFLINE_KINDS and not self.answered:
            self.hosts.add(host)
            self.kinds.add(outcome.error)
            if not self.example:
                self.example = f"{host}: {outcome.detail}" if outcome.error != kinds.PROXY else outcome.detail
            self._held.append((url, outcome, lifetime))
            return []
        return [(url, outcome, lifetime)]

    def release(self) -> list[tuple[str, Outcome, float]]:
        """The held-back failures, to be cached once the network is known to work."""
        if not self.answered:
            self._held.clear()  # undecided (one host): cache nothing rather than a maybe-offline failure
            return []
        held, self._held = self._held, []
        return held

    def gave_up(self) -> bool:
        return not self.answered and len(self.hosts) >= _GIVE_UP_AFTER

    def unavailable(self) -> str | None:
        """The one-line message when the run had no network, else None."""
        if self.answered or not self.hosts:
            return None
        if len(self.hosts) < 2 and not self.kinds & {kinds.NO_ROUTE, kinds.PROXY}:
            return None
        if kinds.PROXY in self.kinds:
            return f"network unavailable: the proxy {self.settings.proxy_display()} could not be reached ({self.example})"
        count = len(self.hosts)
        tried = f"{count} host{'s' if count != 1 else ''} tried"
        return f"network unavailable: no host could be reached ({tried}; {self.example})"


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
