"""Benchmark of `contentlint check --links`: 400 unique URLs on 4 loopback hosts, 60 documents.

Set-up (the same one the peers were timed on): four HTTP servers on 127.0.0.1-127.0.0.4, in a
separate process, each answering every request after 100 ms; 400 unique URLs, 100 per host;
each URL cited by 3 of 60 generated documents (20 links a document). The corpus goes into a
temporary directory and is deleted afterwards.

Run:  python bench/bench_links.py        (from the repository, with contentlint installed)

It reports the wall time of a cold run (empty cache) and of a warm second run, unique URLs per
second, the requests the servers received, the most requests in flight at one host, and the
ratio to the ideal time: latency x URLs per host / per-host concurrency = 0.1 x 100 / 16 = 0.625 s.
Then the link-check phase alone, in this process: 400 fresh URLs with a HEAD each, and 400 more
each linked with a `#section` (L014), whose pages (about 100 KB of HTML with 500 ids) are read
with a GET and parsed for their ids: the cost of looking for sections.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))  # the loopback test server

HOSTS = ["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"]
URLS_PER_HOST = 100
DOCUMENTS = 60
CITATIONS = 3
LATENCY = 0.1
HOST_CONCURRENCY = 16
TARGET_URLS_PER_SECOND = 200


def section_page() -> bytes:
    """What every URL of the servers answers: about 100 KB of HTML, 500 sections with ids (a
    HEAD gets its headers only)."""
    return "".join(f'<h2 id="_{n}">Section {n}</h2><p>{"Some words of the section. " * 6}</p>\n'
                   for n in range(500)).encode()


def serve() -> None:
    """Child process: run the four servers; answer `stats` and `quit` on stdin."""
    from loopback import LoopbackServer, Reply

    reply = Reply(200, {"Content-Type": "text/html; charset=utf-8"}, section_page(), delay=LATENCY)
    servers = [LoopbackServer(host, default=reply, lifetime=300) for host in HOSTS]
    for server in servers:
        server.start()
    print(json.dumps({s.host: s.port for s in servers}), flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "stats":
            stats = {}
            for s in servers:
                paths = [p for _, p in s.requests]
                stats[s.host] = {"requests": len(paths), "unique": len(set(paths)), "peak_in_flight": s.peak_in_flight,
                                 "methods": sorted({m for m, _ in s.requests})}
            print(json.dumps(stats), flush=True)
        elif command == "quit":
            break
    for server in servers:
        server.stop()


def write_corpus(root: Path, ports: dict[str, int]) -> None:
    urls = [f"http://{host}:{ports[host]}/guide/page-{n:03d}" for n in range(URLS_PER_HOST) for host in HOSTS]
    cited: dict[int, list[str]] = {d: [] for d in range(DOCUMENTS)}
    for i, url in enumerate(urls):
        for k in range(CITATIONS):
            cited[(i + k * DOCUMENTS // CITATIONS) % DOCUMENTS].append(url)
    for d, links in cited.items():
        body = "\n".join(f"- See [resource {j}]({url}) for more about treatment options." for j, url in enumerate(links))
        (root / f"doc-{d:02d}.md").write_text(
            "---\n"
            f"title: Generated page {d}\n"
            f"url: https://www.example.org/generated/{d}\n"
            "source: Example\nsourceType: 02_example\nlastReviewed: '2026-10-01'\n"
            "reviewFrequency: annual\nstatus: active\nlanguage: en\n"
            "---\n\n"
            f"# Generated page {d}\n\n{body}\n",
            encoding="utf-8",
        )
    (root / ".contentlint.toml").write_text(
        f"[links]\nhost-concurrency = {HOST_CONCURRENCY}\n", encoding="utf-8"
    )


def run_check(root: Path) -> tuple[float, dict]:
    command = [sys.executable, "-m", "contentlint", "check", "--links", "--allow-private-hosts",
               "--select", "L001,L002,L003,L008,L009", "--format", "json", "--today", "2026-11-22", "."]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"contentlint failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed, json.loads(done.stdout)


def check_phase(ports: dict[str, int], prefix: str = "phase", section: str = "") -> tuple[float, int]:
    """The link-check phase alone, in this process: 400 fresh URLs, default settings, no cache;
    with ``section``, each page is read for that `#section` (L014)."""
    from contentlint.net.checker import check_urls
    from contentlint.net.settings import LinkSettings

    urls = [f"http://{host}:{ports[host]}/{prefix}/page-{n:03d}" for n in range(URLS_PER_HOST) for host in HOSTS]
    settings = LinkSettings(allow_private_hosts=True, cache=False, host_concurrency=HOST_CONCURRENCY)
    fragments = {url: [section] for url in urls} if section else None
    started = time.perf_counter()
    outcomes, stats = check_urls(urls, settings, is_good=lambda outcome: True, fragments=fragments)
    elapsed = time.perf_counter() - started
    if any(outcome.status != 200 for outcome in outcomes.values()):
        raise SystemExit("benchmark server gave an unexpected answer")
    if section and not all(outcome.fragments.get(section) for outcome in outcomes.values()):
        raise SystemExit("a section of the benchmark pages was not found")
    return elapsed, max(stats.peak_per_host.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    if parser.parse_args().serve:
        serve()
        return 0
    server = subprocess.Popen([sys.executable, __file__, "--serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert server.stdin is not None and server.stdout is not None
    try:
        ports = json.loads(server.stdout.readline())

        def stats() -> dict:
            server.stdin.write("stats\n")
            server.stdin.flush()
            return json.loads(server.stdout.readline())

        with tempfile.TemporaryDirectory(prefix="contentlint-bench-") as temp:
            root = Path(temp)
            write_corpus(root, ports)
            cold, report = run_check(root)
            after_cold = stats()
            warm, warm_report = run_check(root)
            after_warm = stats()
            phase, phase_peak = check_phase(ports)
            after_phase = stats()
            sections, _ = check_phase(ports, "sections", "_250")
            after_sections = stats()
    finally:
        server.stdin.write("quit\n")
        server.stdin.flush()
        server.wait(timeout=30)

    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "contentlint", "--version"], capture_output=True, check=True)
    startup = time.perf_counter() - started
    unique = URLS_PER_HOST * len(HOSTS)
    requests = sum(s["requests"] for s in after_cold.values())
    distinct = sum(s["unique"] for s in after_cold.values())
    peak = max(s["peak_in_flight"] for s in after_cold.values())
    warm_requests = sum(s["requests"] for s in after_warm.values()) - requests
    ideal = LATENCY * URLS_PER_HOST / HOST_CONCURRENCY
    rate = unique / cold
    print(f"documents: {DOCUMENTS}, citations: {unique * CITATIONS}, unique URLs: {unique} on {len(HOSTS)} hosts, "
          f"{LATENCY * 1000:.0f} ms per answer")
    print(f"cold run:  {cold:.2f} s wall ({rate:.0f} unique URLs/s; target >= {TARGET_URLS_PER_SECOND})")
    print(f"requests received: {requests} for {distinct} distinct URLs "
          f"(methods: {sorted({m for s in after_cold.values() for m in s['methods']})})")
    print(f"max in flight per host: {peak} (limit {HOST_CONCURRENCY})")
    print(f"ideal: {ideal:.3f} s; ratio to ideal: {cold / ideal:.2f}x")
    print(f"warm run:  {warm:.2f} s wall, {warm_requests} requests")
    phase_requests = sum(s["requests"] for s in after_phase.values()) - requests - warm_requests
    print(f"link-check phase alone (in-process, 400 fresh URLs): {phase:.2f} s, {unique / phase:.0f} URLs/s, "
          f"{phase_requests} requests, max {phase_peak} in flight per host; ratio to ideal {phase / ideal:.2f}x "
          f"(with 16 slots, 100 URLs need ceil(100/16) = 7 rounds: {0.7 / ideal:.2f}x is the floor)")
    section_requests = sum(s["requests"] for s in after_sections.values()) - sum(s["requests"] for s in after_phase.values())
    print(f"link-check phase, each page read for a #section (GET, {len(section_page()) // 1024} KB pages): {sections:.2f} s, "
          f"{section_requests} requests; {sections / phase:.2f}x the HEAD phase")
    print(f"findings: cold {len(report['findings'])}, warm {len(warm_report['findings'])}")
    print(f"(wall times include starting Python and contentlint: {startup:.2f} s for `contentlint --version`)")
    ok = rate >= TARGET_URLS_PER_SECOND and requests == unique and peak <= HOST_CONCURRENCY and warm_requests == 0
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
