"""Politeness per host: at most N requests in flight, a small gap between request starts, and
slowing down for a host that says it gets too many requests."""

from __future__ import annotations

import threading
import time
from collections import Counter
from contextlib import contextmanager
from typing import Iterator

from contentlint.net.settings import LinkSettings

# After this many answers in a row without "too many requests", a slowed host takes a step back
# towards the usual pace: half the gap, or (at the usual gap) one more slot.
_RECOVER_AFTER = 5


class HostLimiter:
    """Per-host slots and spacing; records the most ever in flight per host.

    A host that answers 429 (or 503 with Retry-After) is slowed down: no request to it starts
    until its wait is over, then one at a time, with a gap that doubles at each such answer (from
    ``slow_gap``, at most ``max_gap``); after answers without one it speeds up again in steps.
    """

    def __init__(self, per_host: int, interval: float, slow_gap: float = 0.5, max_gap: float = 20.0) -> None:
        self.per_host = max(1, per_host)
        self.interval = max(0.0, interval)
        self.slow_gap = max(self.interval, slow_gap)
        self.max_gap = max(self.slow_gap, max_gap)
        self._lock = threading.Lock()
        self._changed: dict[str, threading.Condition] = {}  # per host, all on the one lock
        self._stopped = threading.Event()
        self._next_start: dict[str, float] = {}
        self._paused_until: dict[str, float] = {}  # a slowed host's wait: nothing starts there before
        self._pace: Counter[str] = Counter()  # bumped when a host's pace changes: starts are reserved again
        self._in_flight: Counter[str] = Counter()  # holding a slot (waiting for its start, or asking)
        self._asking: Counter[str] = Counter()  # requests under way
        self._allowed: dict[str, int] = {}  # slots of a slowed host
        self._gap: dict[str, float] = {}  # gap between request starts of a slowed host
        self._calm: Counter[str] = Counter()  # a slowed host's answers since its last "too many"
        self.peak: Counter[str] = Counter()
        self.slowed: Counter[str] = Counter()  # "too many requests" answers, per host

    def allowed(self, host: str) -> int:
        """How many requests ``host`` may have in flight now."""
        return self._allowed.get(host.lower(), self.per_host)

    def _condition(self, host: str) -> threading.Condition:
        changed = self._changed.get(host)
        if changed is None:
            changed = self._changed[host] = threading.Condition(self._lock)
        return changed

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold one of ``host``'s slots for one request, starting no sooner than its pace allows."""
        host = host.lower()
        asking = False
        with self._lock:
            changed = self._condition(host)
            while self._in_flight[host] >= self._allowed.get(host, self.per_host) and not self._stopped.is_set():
                changed.wait()
            self._in_flight[host] += 1
            pace, start = -1, 0.0
            while not self._stopped.is_set():
                now = time.monotonic()
                if pace != self._pace[host]:  # reserve a start (again, when the pace has changed)
                    pace = self._pace[host]
                    start = max(now, self._next_start.get(host, 0.0), self._paused_until.get(host, 0.0))
                    self._next_start[host] = start + self._gap.get(host, self.interval)
                if now >= start:
                    asking = True
                    self._asking[host] += 1
                    self.peak[host] = max(self.peak[host], self._asking[host])
                    break
                changed.wait(start - now)
        try:
            yield
        finally:
            with self._lock:
                if asking:
                    self._asking[host] -= 1
                self._in_flight[host] -= 1
                changed.notify_all()

    def _repace(self, host: str, now: float) -> None:
        """The host's pace changed: the starts reserved so far are void, and those waiting reserve
        again, one gap apart from now or from the end of its pause (called with the lock held)."""
        self._pace[host] += 1
        self._next_start[host] = max(now, self._paused_until.get(host, 0.0))
        self._condition(host).notify_all()

    def too_many(self, host: str, wait: float | None) -> None:
        """``host`` answered "too many requests": start nothing there for ``wait`` seconds (its
        Retry-After, else its gap), then one request at a time, further apart than before. Answers
        to requests sent before the pause began do not slow it down further."""
        host = host.lower()
        with self._lock:
            now = time.monotonic()
            self.slowed[host] += 1
            self._calm[host] = 0
            if now >= self._paused_until.get(host, 0.0):
                gap = self._gap.get(host)
                self._gap[host] = self.slow_gap if gap is None else min(self.max_gap, max(2 * gap, self.slow_gap / 4))
                self._allowed[host] = 1
            pause = self._gap[host] if wait is None else min(max(wait, 0.0), self.max_gap)
            self._paused_until[host] = max(self._paused_until.get(host, 0.0), now + pause)
            self._repace(host, now)

    def answered(self, host: str) -> None:
        """``host`` answered without "too many requests": a slowed host speeds up again in steps,
        first its gap halved down to the usual one, then a slot more at a time."""
        host = host.lower()
        if host not in self._allowed:  # the usual case, read without the lock
            return
        with self._lock:
            if host not in self._allowed:
                return
            self._calm[host] += 1
            if self._calm[host] < _RECOVER_AFTER:
                return
            self._calm[host] = 0
            if self._gap[host] > self.interval:
                half = self._gap[host] / 2
                self._gap[host] = half if half >= self.slow_gap / 8 else self.interval
            elif self._allowed[host] + 1 < self.per_host:
                self._allowed[host] += 1
            else:
                del self._allowed[host], self._gap[host]  # back to the usual pace
            self._repace(host, time.monotonic())

    def stop(self) -> None:
        """End every wait for a slot or for a host's pace now (an interrupted run)."""
        self._stopped.set()
        with self._lock:
            for changed in self._changed.values():
                changed.notify_all()


def host_limiter(settings: LinkSettings) -> HostLimiter:
    """The limiter for a run: the per-host limits of ``settings``; a slowed host's gap starts at
    ``backoff`` and its waits stop at ``max_retry_wait``."""
    return HostLimiter(settings.host_concurrency, settings.host_interval, settings.backoff, settings.max_retry_wait)
