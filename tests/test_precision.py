"""Precision and coverage of the content rules on whole documents.

- Realistic clean documents (tests/fixtures/clean) give no S, Q or L finding.
- The examples show every offline link, authority and quality rule.
- The seed documents, when the shared folder is beside the repository, give what the issue asks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_config
from contentlint.document.reading import read_document
from contentlint.engine.linter import Linter

ROOT = Path(__file__).resolve().parents[1]
CLEAN = sorted((ROOT / "tests" / "fixtures" / "clean").iterdir())
EXAMPLES = sorted((ROOT / "examples").iterdir())
OFFLINE_CODES = {f"L00{n}" for n in range(4, 9)} | {f"S00{n}" for n in range(1, 6)} | {f"Q00{n}" for n in range(1, 9)}


def findings(path: Path) -> list:
    return Linter(make_config()).lint_document(read_document(path, path.name))


def test_there_are_at_least_twenty_clean_documents() -> None:
    assert len(CLEAN) >= 20


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_clean_documents_have_no_content_findings(path: Path) -> None:
    assert [f"{f.line}:{f.code} {f.message}" for f in findings(path) if f.code[0] in "SQL"] == []


def test_examples_show_every_content_rule() -> None:
    shown = {f.code for path in EXAMPLES for f in findings(path)}
    assert OFFLINE_CODES <= shown, sorted(OFFLINE_CODES - shown)


def _seeds() -> Path | None:
    for candidate in (ROOT.parent / "shared" / "seeds", ROOT.parent.parent / "shared" / "seeds"):
        if candidate.is_dir():
            return candidate
    return None


@pytest.mark.skipif(_seeds() is None, reason="shared seed documents not beside the repository")
def test_seed_documents_give_the_findings_the_issue_asks_for() -> None:
    seeds = _seeds()
    assert seeds is not None
    by_prefix = {path.name[:3]: {f.code for f in findings(path)} for path in seeds.iterdir()}
    assert {"S002", "L005", "Q002", "M001"} <= by_prefix["003"]
    assert {"Q002", "Q006"} <= by_prefix["004"]
    for nci in ("000", "002"):
        assert "Q001" in by_prefix[nci] and not {"S001", "S002"} & by_prefix[nci]
    assert "L004" in by_prefix["000"]
    assert "Q003" in by_prefix["001"]
    assert "L006" not in by_prefix["000"] | by_prefix["002"]
