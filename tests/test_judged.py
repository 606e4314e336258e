"""The judged sample (tests/judged, see its README): precision at least 0.97 and recall at least 0.95
for every code with 10 or more items. Items on ../shared/corpora/nci-kb skip where it is absent."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("score_judged", ROOT / "bench" / "score_judged.py")
assert _spec is not None and _spec.loader is not None
score_judged = importlib.util.module_from_spec(_spec)
sys.modules["score_judged"] = score_judged
_spec.loader.exec_module(score_judged)

MIN_ITEMS = 10
MIN_PRECISION = 0.97
MIN_RECALL = 0.95


@pytest.fixture(scope="module")
def scores() -> dict:
    items = score_judged.load_items()
    present = score_judged.page_sets(score_judged.DEFAULT_CORPORA)
    if not any(item.page.split("/", 1)[0] in present for item in items):
        pytest.skip("no judged page is present")
    return score_judged.score(items)[0]


def test_every_item_names_a_page_that_exists() -> None:
    present = score_judged.page_sets(score_judged.DEFAULT_CORPORA)
    missing = [f"{item.origin}: {item.page}" for item in score_judged.load_items()
               if item.page.split("/", 1)[0] in present
               and not (present[item.page.split("/", 1)[0]] / item.page.split("/", 1)[1]).is_file()]
    assert missing == []


def test_judged_codes_meet_precision_and_recall(scores: dict) -> None:
    failing = [
        f"{entry.code}: precision {entry.precision:.3f}, recall {entry.recall:.3f} over {entry.items} items\n  "
        + "\n  ".join(entry.misses)
        for entry in scores.values()
        if entry.items >= MIN_ITEMS and (entry.precision < MIN_PRECISION or entry.recall < MIN_RECALL)
    ]
    assert failing == []


def test_scorer_counts_right_and_wrong_items(tmp_path: Path) -> None:
    entry = score_judged.CodeScore("Q004", right=4, wrong=2, right_reported=3, wrong_reported=1)
    assert (entry.precision, entry.recall) == (0.75, 0.75)
    assert score_judged.CodeScore("Q004").precision == 1.0


def test_a_malformed_item_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl").write_text('{"page": "pages/a.md", "line": 1, "code": "Q001", "verdict": "maybe", "reason": "x"}\n')
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        score_judged.load_items(tmp_path)
