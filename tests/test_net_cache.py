"""The link cache under a bad day (issue 18): poisoned rows, a foreign table, symbolic links,
two runs creating it at once, and a run killed while a slow URL is still being checked."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import pytest
from loopback import LoopbackServer, Reply, status

from contentlint.net.cache import CACHE_FILENAME, LinkCache
from contentlint.net.checker import check_urls
from contentlint.net.outcome import Outcome
from contentlint.net.settings import LinkSettings
from contentlint.rules.online_links import judge


def settings_for(directory: Path, **changes: Any) -> LinkSettings:
    values: dict[str, Any] = {"timeout": 2, "retries": 0, "host_interval": 0, "allow_private_hosts": True,
                              "cache": True, "cache_dir": directory}
    return LinkSettings(**{**values, **changes})


@pytest.fixture(scope="module")
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer("127.0.0.1", lifetime=60) as running:
        running.routes.update({"/ok": status(200), "/gone": status(410)})
        yield running


def run(urls: list[str], settings: LinkSettings) -> dict[str, Outcome]:
    outcomes, _ = check_urls(urls, settings, is_good=lambda outcome: outcome.error is None and (outcome.status or 0) < 400)
    return outcomes


POISON = [
    {"url": "x", "status": "200"},
    {"url": "x", "status": True},
    {"url": 5},
    {"url": "x", "hops": 3},
    {"url": "x", "hops": [["a", "b"]]},
    {"url": "x", "hops": [[1, 301]]},
    {"url": "x", "error": 7},
    {"url": "x", "error": "no-such-kind"},
    {"url": "x", "attempts": "2"},
    {"url": "x", "detail": None},
    {"url": "x", "retry_after": "soon"},
    {"url": "x", "status": 99999},
    [1, 2, 3],
    "a string",
    None,
    17,
]


@pytest.mark.parametrize("row", POISON, ids=[json.dumps(row) for row in POISON])
def test_a_poisoned_row_is_a_miss(server: LoopbackServer, tmp_path: Path, row: Any) -> None:
    url = server.url("/ok")
    settings = settings_for(tmp_path)
    LinkCache(tmp_path, settings.fingerprint()).close()
    with sqlite3.connect(tmp_path / CACHE_FILENAME) as db:
        db.execute("INSERT INTO link_outcomes VALUES (?, ?, ?, ?, ?)",
                   (url, settings.fingerprint(), json.dumps(row), time.time(), time.time() + 3600))
    before = server.count("/ok")
    outcome = run([url], settings)[url]
    assert server.count("/ok") == before + 1  # a miss: checked again
    assert not outcome.cached and judge(outcome, settings) is None
    again = run([url], settings)[url]  # and the good answer replaced the bad row
    assert again.cached and server.count("/ok") == before + 1


def test_a_row_with_a_non_text_column_is_a_miss(tmp_path: Path) -> None:
    cache = LinkCache(tmp_path, "s")
    cache._db.execute("INSERT INTO link_outcomes VALUES (?, ?, ?, ?, ?)", (7, "s", b"\x00blob", 0, time.time() + 60))
    cache._db.execute("INSERT INTO link_outcomes VALUES (?, ?, ?, ?, ?)", ("u", "s", 12, 0, time.time() + 60))
    assert cache.lookup(["u", 7]) == {}  # type: ignore[list-item]
    cache.close()


@pytest.mark.parametrize("schema", [
    "CREATE TABLE link_outcomes (url TEXT, verdict INTEGER)",
    "CREATE TABLE link_outcomes (url TEXT, settings TEXT, outcome TEXT, checked REAL)",
    "CREATE TABLE other (a); CREATE VIEW link_outcomes AS SELECT 1 AS url",
])
def test_a_database_with_the_wrong_table_is_replaced(server: LoopbackServer, tmp_path: Path, schema: str) -> None:
    with sqlite3.connect(tmp_path / CACHE_FILENAME) as db:
        db.executescript(schema)
    settings = settings_for(tmp_path)
    urls = [server.url("/ok"), server.url("/gone")]
    run(urls, settings)
    before = server.count()
    second = run(urls, settings)
    assert server.count() == before  # the second run is served from the rebuilt cache
    assert all(outcome.cached for outcome in second.values())


@pytest.mark.parametrize("name", [CACHE_FILENAME, CACHE_FILENAME + "-wal", CACHE_FILENAME + "-shm", ".gitignore", "CACHEDIR.TAG"])
def test_a_cache_file_that_is_a_symlink_is_not_written_through(server: LoopbackServer, tmp_path: Path, name: str) -> None:
    secret = tmp_path / "credentials"
    secret.write_bytes(b"precious\n")
    directory = tmp_path / "cache"
    directory.mkdir()
    (directory / name).symlink_to(secret)
    url = server.url("/ok")
    run([url], settings_for(directory))
    assert run([url], settings_for(directory))[url].cached  # the cache works
    assert secret.read_bytes() == b"precious\n"
    assert not (directory / name).is_symlink()


_OPENER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from contentlint.net.cache import CacheUnavailable, LinkCache
    from contentlint.net.outcome import Outcome
    directory, start, name = Path(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
    while time.time() < start:
        pass
    try:
        cache = LinkCache(directory, "shared")
        cache.store([(name, Outcome(name, status=200), 3600)])
        cache.close()
    except CacheUnavailable as error:
        print(error)
        sys.exit(1)
""")


def test_runs_creating_a_new_cache_together_all_get_one(tmp_path: Path) -> None:
    # Before: about one round in three left a run with "database is locked".
    for round_ in range(10):
        directory = tmp_path / f"round-{round_}"
        start = time.time() + 0.5
        openers = [subprocess.Popen([sys.executable, "-c", _OPENER, str(directory), str(start), f"run-{n}"],
                                    stdout=subprocess.PIPE, text=True) for n in range(4)]
        outputs = [opener.communicate(timeout=60)[0] for opener in openers]
        assert [opener.returncode for opener in openers] == [0, 0, 0, 0], outputs
        with sqlite3.connect(directory / CACHE_FILENAME) as db:
            assert db.execute("SELECT count(*) FROM link_outcomes").fetchone()[0] == 4


def test_finished_results_are_saved_on_a_timer(server: LoopbackServer, tmp_path: Path) -> None:
    # One URL answers at once, the other is held: the first is in the cache while the run goes on,
    # so a run killed then (CI cancelling a job) keeps it.
    release = threading.Event()

    def held(method: str, nth: int) -> Reply:
        release.wait(10)
        return Reply(200)

    server.routes["/held"] = held
    fast, slow = server.url("/ok"), server.url("/held")
    settings = settings_for(tmp_path, timeout=15)
    runner = threading.Thread(target=run, args=([fast, slow], settings), daemon=True)
    runner.start()
    saved = False
    try:
        give_up = time.monotonic() + 8
        while time.monotonic() < give_up and not saved:
            time.sleep(0.1)
            if (tmp_path / CACHE_FILENAME).exists():
                with sqlite3.connect(tmp_path / CACHE_FILENAME, timeout=5) as db:
                    urls = {row[0] for row in db.execute("SELECT url FROM link_outcomes")}
                saved = fast in urls
        still_running = runner.is_alive()
    finally:
        release.set()
        runner.join(timeout=20)
    assert saved and still_running


def test_cache_files_are_created_without_following_links_in_a_fresh_directory(tmp_path: Path) -> None:
    cache = LinkCache(tmp_path / "fresh", "s")
    cache.close()
    assert sorted(os.listdir(tmp_path / "fresh"))[:2] == [".gitignore", "CACHEDIR.TAG"]
