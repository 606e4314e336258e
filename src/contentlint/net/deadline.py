"""A total deadline for each request: connecting, the headers and every byte of the body read.

Socket timeouts bound each read on its own, so a server that sends one byte a second never trips
them. Here one watcher thread per client holds the deadline of every request in flight; when one
passes, it shuts down the sockets of that request's connection, and the blocked read returns at
once. The connection classes (net.guard) register themselves with the deadline of the thread that
uses them (``watch``), and keep a duplicate of their socket for the watcher to shut down: a
duplicate refers to the same connection, TLS included, whatever wraps the original.
"""

from __future__ import annotations

import heapq
import itertools
import socket
import threading
import time
from contextlib import contextmanager
from typing import Any, Iterator

_local = threading.local()
_RECHECK = 0.1  # an expired request is shut down again this often, until it ends (closes a race with connect)


class Deadline:
    """The deadline of one request, and the connections it used."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + max(0.0, seconds)
        self.expired = False
        self.done = False
        self._connections: list[Any] = []
        self._lock = threading.Lock()

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def watch(self, connection: Any) -> None:
        with self._lock:
            if connection not in self._connections:
                self._connections.append(connection)
            expired = self.expired
        if expired:
            shut_down(connection)

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            connections = list(self._connections)
        for connection in connections:
            shut_down(connection)


def shut_down(connection: Any) -> None:
    """End a connection's socket now: a read blocked on it returns (EOF) in the thread using it."""
    for sock in (getattr(connection, "_deadline_socket", None), getattr(connection, "sock", None)):
        if sock is None:
            continue
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def current() -> Deadline | None:
    """The deadline of the request this thread is making, if any."""
    return getattr(_local, "deadline", None)


def watch(connection: Any) -> None:
    deadline = current()
    if deadline is not None:
        deadline.watch(connection)


class Watcher:
    """One thread that expires the deadlines of a client's requests; started on first use."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._heap: list[tuple[float, int, Deadline]] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None
        self._closed = False

    @contextmanager
    def deadline(self, seconds: float) -> Iterator[Deadline]:
        """Run the body (one request) under a total deadline of ``seconds`` from now."""
        deadline = Deadline(seconds)
        with self._condition:
            if self._closed:
                deadline.expired = True
            heapq.heappush(self._heap, (deadline.at, next(self._order), deadline))
            if self._thread is None and not self._closed:
                self._thread = threading.Thread(target=self._run, name="contentlint-deadlines", daemon=True)
                self._thread.start()
            self._condition.notify()
        previous = current()
        _local.deadline = deadline
        try:
            yield deadline
        finally:
            _local.deadline = previous
            deadline.done = True

    def _run(self) -> None:
        with self._condition:
            while not self._closed:
                now = time.monotonic()
                while self._heap and (self._heap[0][2].done or self._heap[0][0] <= now):
                    _, _, deadline = heapq.heappop(self._heap)
                    if deadline.done:
                        continue
                    deadline.expire()
                    # Shut it down again shortly: a socket made after this moment is caught too.
                    heapq.heappush(self._heap, (now + _RECHECK, next(self._order), deadline))
                wait = (self._heap[0][0] - now) if self._heap else None
                if wait is None or wait > 0:
                    self._condition.wait(wait)

    def close(self) -> None:
        """Expire every request still running (an interrupted run) and stop the thread."""
        with self._condition:
            self._closed = True
            pending = [deadline for _, _, deadline in self._heap if not deadline.done]
            self._heap.clear()
            self._condition.notify()
        for deadline in pending:
            deadline.expire()
