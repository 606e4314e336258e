"""Politeness per host: at most N requests in flight, and a small gap between request starts."""

from __future__ import annotations

import threading
import time
from collections import Counter
from contextlib import contextmanager
from typing import Iterator


class HostLimiter:
    """Per-host slots (a semaphore each) and spacing; also records the most ever in flight per host."""

    def __init__(self, per_host: int, interval: float) -> None:
        self.per_host = max(1, per_host)
        self.interval = max(0.0, interval)
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}
        self._in_flight: Counter[str] = Counter()
        self.peak: Counter[str] = Counter()

    def _semaphore(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            slot = self._slots.get(host)
            if slot is None:
                slot = self._slots[host] = threading.BoundedSemaphore(self.per_host)
            return slot

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold one of ``host``'s slots for one request, starting no sooner than the interval allows."""
        host = host.lower()
        semaphore = self._semaphore(host)
        semaphore.acquire()
        try:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start.get(host, 0.0))
                self._next_start[host] = start + self.interval
            if start > now:
                time.sleep(start - now)
            with self._lock:
                self._in_flight[host] += 1
                self.peak[host] = max(self.peak[host], self._in_flight[host])
            try:
                yield
            finally:
                with self._lock:
                    self._in_flight[host] -= 1
        finally:
            semaphore.release()
