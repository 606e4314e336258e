"""--shard K/N: a stable, order-free split of the files; all shards together are the whole run."""

from __future__ import annotations

import json

import pytest

from conftest import front_matter, PROSE
from contentlint.engine.shard import ShardError, parse_shard, select_shard, shard_of

TODAY = "2026-11-22"
OVERDUE = front_matter(lastReviewed="'2020-01-01'") + "\n# A\n\n" + PROSE + "\n"
CLEAN = front_matter() + "\n# A\n\n" + PROSE + "\n"


def make_corpus(corpus):
    files = {}
    for i in range(24):
        text = OVERDUE if i % 2 else CLEAN
        files[f"docs/{i % 3}/page-{i:02}.md"] = text.replace("/types/breast/radiotherapy", f"/page-{i}").replace(
            "title: Radiotherapy for breast cancer", f"title: Page {i}")
    files["notes/plain.txt"] = "No front matter.\n"
    return corpus(files)


def findings(run_cli, root, *args: str) -> tuple[list[tuple[str, int, str]], int]:
    result = run_cli("check", ".", "--today", TODAY, "--format", "json", *args, cwd=root)
    assert result.code in (0, 1), result.err
    payload = json.loads(result.out)
    return [(f["path"], f["line"], f["code"]) for f in payload["findings"]], payload["summary"]["files"]


@pytest.mark.parametrize("count", [1, 2, 3, 5])
def test_union_of_shards_is_the_whole_run_and_shards_are_disjoint(run_cli, corpus, count) -> None:
    root = make_corpus(corpus)
    whole, whole_files = findings(run_cli, root)
    parts = [findings(run_cli, root, "--shard", f"{k}/{count}") for k in range(1, count + 1)]
    combined = [f for part, _ in parts for f in part]
    assert sorted(combined) == whole
    assert len(combined) == len(set(combined))
    assert sum(files for _, files in parts) == whole_files == 25
    paths = [{p for p, _, _ in part} for part, _ in parts]
    assert all(not (a & b) for i, a in enumerate(paths) for b in paths[i + 1:])


def test_assignment_ignores_order_and_survives_new_files() -> None:
    names = [f"docs/page-{i}.md" for i in range(200)]
    forward = {name for name, _ in select_shard([(n, n) for n in names], 2, 4)}
    backward = {name for name, _ in select_shard([(n, n) for n in reversed(names)], 2, 4)}
    assert forward == backward
    more = names + [f"docs/new-{i}.md" for i in range(50)]
    assert {name for name, _ in select_shard([(n, n) for n in more], 2, 4)} & set(names) == forward
    sizes = [sum(1 for n in names if shard_of(n, 4) == k) for k in range(1, 5)]
    assert sum(sizes) == 200 and min(sizes) > 30  # roughly even


@pytest.mark.parametrize("spec, expected", [("1/1", (1, 1)), ("3/4", (3, 4)), (" 2 / 7 ", (2, 7))])
def test_parse_shard(spec, expected) -> None:
    assert parse_shard(spec) == expected


@pytest.mark.parametrize("spec", ["0/3", "4/3", "1/0", "-1/3", "1", "a/b", "1/2/3", ""])
def test_bad_shard_is_a_one_line_usage_error(run_cli, corpus, spec) -> None:
    with pytest.raises(ShardError):
        parse_shard(spec)
    root = corpus({"a.md": CLEAN})
    result = run_cli("check", ".", f"--shard={spec}", cwd=root)
    assert result.code == 2
    assert result.err.startswith("contentlint: error: --shard") and len(result.err.strip().splitlines()) == 1
    assert result.out == ""


def test_an_empty_shard_is_clean_and_quiet(run_cli, corpus) -> None:
    root = corpus({"a.md": OVERDUE})
    results = [run_cli("check", ".", "--today", TODAY, "--shard", f"{k}/3", cwd=root) for k in (1, 2, 3)]
    assert sorted(r.code for r in results) == [0, 0, 1]
    assert all(r.err == "" for r in results)


def test_no_documents_at_all_is_an_error_with_a_shard(run_cli, corpus) -> None:
    root = corpus({"notes.rst": "not a document\n"})
    result = run_cli("check", ".", "--shard", "1/2", cwd=root)
    assert result.code == 2 and "no documents found in ." in result.err
