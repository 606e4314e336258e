"""`--links` against a host that limits its rate: how many links are left unverified, how many
requests the host refused, and the time against the least the host allows.

    python bench/bench_rate_limit.py [--rate R] [--urls N]

Set-up: one HTTP server on 127.0.0.1 (the loopback test server) with a token bucket of R requests a
second (bursts of 5), answering 20 ms after a request it accepts and "429 Too Many Requests,
Retry-After: 1" at once to any other; N unique URLs on it, checked with the default settings (16
requests at a time per host, 2 retries). The ideal time is N / R seconds. Defaults: R = 20, N = 300.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))  # the loopback test server

from loopback import LoopbackServer, Reply  # noqa: E402

from contentlint.net.checker import check_urls  # noqa: E402
from contentlint.net.settings import LinkSettings  # noqa: E402


class TokenBucket:
    """``rate`` requests a second on average, at most ``burst`` at once; counts what it refuses."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst, self.tokens = rate, burst, float(burst)
        self.refreshed = time.monotonic()
        self.refused = 0
        self._lock = threading.Lock()

    def take(self) -> bool:
        with self._lock:
            now = time.monotonic()
            self.tokens = min(self.burst, self.tokens + (now - self.refreshed) * self.rate)
            self.refreshed = now
            if self.tokens >= 1:
                self.tokens -= 1
                return True
            self.refused += 1
            return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rate", type=float, default=20.0, help="requests a second the host accepts")
    parser.add_argument("--urls", type=int, default=300, help="unique URLs on the host")
    args = parser.parse_args(argv)
    bucket = TokenBucket(args.rate, burst=5)
    notices: list[str] = []
    with LoopbackServer("127.0.0.1", lifetime=3600) as server:
        server.default = lambda method, nth: (
            Reply(200, delay=0.02) if bucket.take() else Reply(429, {"Retry-After": "1"})
        )
        urls = [server.url(f"/article/{n}") for n in range(args.urls)]
        started = time.monotonic()
        outcomes, stats = check_urls(urls, LinkSettings(allow_private_hosts=True, cache=False),
                                     is_good=lambda outcome: outcome.error is None, notice=notices.append)
        seconds = time.monotonic() - started
    unverified = sum(1 for outcome in outcomes.values() if outcome.status == 429)
    print(f"# a host that accepts {args.rate:g} requests a second; {args.urls} URLs; ideal {args.urls / args.rate:.1f} s")
    print(f"time                 {seconds:6.1f} s")
    print(f"left unverified      {unverified:6d}   (429 after the retries: L009)")
    print(f"requests sent        {stats.requests:6d}")
    print(f"refused by the host  {bucket.refused:6d}   (429 answers)")
    for notice in notices:
        print(f"# {notice}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
