"""A host that gives no answer at all: once its first links have timed out (after their retries)
and none of its links answered, its other links are not waited on one by one. Against real
servers on loopback: 127.0.0.1 never answers in time, 127.0.0.2 answers."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Iterator

import pytest
from loopback import LoopbackServer, Reply, status

from contentlint.net import outcome as kinds
from contentlint.net.cache import CACHE_FILENAME
from contentlint.net.checker import check_urls
from contentlint.net.outcome import Outcome
from contentlint.net.settings import LinkSettings
from contentlint.rules.online_links import judge


def settings(tmp_path: Path, **changes: Any) -> LinkSettings:
    values: dict[str, Any] = {"timeout": 0.2, "retries": 1, "backoff": 0.01, "host_interval": 0,
                              "host_concurrency": 2, "allow_private_hosts": True, "cache": True,
                              "cache_dir": tmp_path}
    return LinkSettings(**{**values, **changes})


def run(urls: list[str], link_settings: LinkSettings) -> dict[str, Outcome]:
    outcomes, _ = check_urls(urls, link_settings, is_good=lambda outcome: judge(outcome, link_settings) is None)
    return outcomes


@pytest.fixture()
def silent() -> Iterator[LoopbackServer]:
    with LoopbackServer("127.0.0.1", default=Reply(200, delay=1.0), lifetime=30) as running:
        yield running


@pytest.fixture()
def answering() -> Iterator[LoopbackServer]:
    with LoopbackServer("127.0.0.2", default=status(200), lifetime=30) as running:
        yield running


def cached_urls(tmp_path: Path) -> int:
    with sqlite3.connect(tmp_path / CACHE_FILENAME) as db:
        return int(db.execute("SELECT count(*) FROM link_outcomes").fetchone()[0])


def test_the_other_links_of_a_silent_host_are_not_requested(silent: LoopbackServer, answering: LoopbackServer,
                                                             tmp_path: Path) -> None:
    dead = [silent.url(f"/page-{n}") for n in range(30)]
    alive = [answering.url(f"/page-{n}") for n in range(5)]
    link_settings = settings(tmp_path)
    outcomes = run(dead + alive, link_settings)
    tried = [url for url in dead if outcomes[url].error == kinds.TIMEOUT]
    skipped = [url for url in dead if outcomes[url].error == kinds.HOST_DOWN]
    # Two slots: the first links fail (three are enough to call the host down), the rest are not sent.
    assert 3 <= len(tried) <= 4 and len(tried) + len(skipped) == 30
    assert silent.count() == 2 * len(tried)  # each tried link: one request and its retry
    assert all(outcomes[url].status == 200 for url in alive)  # another host is not held up
    assert all(judge(outcomes[url], link_settings)[0] == "L002" for url in tried)
    code, message = judge(outcomes[skipped[0]], link_settings)
    assert code == "L009"  # nothing was learnt about the link itself
    assert message.startswith(f"could not verify {skipped[0]}: not requested, since 127.0.0.1 gave no answer for ")
    assert message.endswith("; the site seems down: check it later")
    assert cached_urls(tmp_path) == len(tried) + len(alive)  # what was not requested is not cached


@pytest.mark.parametrize(
    ("answers", "skipped"),
    [
        ({}, True),  # nothing answers in time
        ({"/page-1": status(200)}, False),  # one link answers while the others time out
        ({"/page-1": status(404)}, False),  # any answer: the host is up, its pages are judged one by one
        ({"/page-2": status(503)}, False),
    ],
)
def test_one_answer_keeps_every_link_of_a_host_checked(silent: LoopbackServer, tmp_path: Path,
                                                       answers: dict[str, Reply], skipped: bool) -> None:
    silent.routes.update(answers)
    urls = [silent.url(f"/page-{n}") for n in range(8)]
    outcomes = run(urls, settings(tmp_path, cache=False))
    assert any(outcome.error == kinds.HOST_DOWN for outcome in outcomes.values()) == skipped
    if not skipped:
        assert silent.count() >= 8  # every link was asked


def test_a_host_that_answers_before_timing_out_is_not_down(silent: LoopbackServer, tmp_path: Path) -> None:
    # HEAD is refused at once (an answer), then the GET's answer does not come in time.
    silent.default = lambda method, nth: Reply(405) if method == "HEAD" else Reply(200, delay=1.0)
    urls = [silent.url(f"/page-{n}") for n in range(6)]
    outcomes = run(urls, settings(tmp_path, cache=False))
    assert {outcome.error for outcome in outcomes.values()} == {kinds.TIMEOUT}
    assert all(outcome.heard for outcome in outcomes.values())
