"""Bad input and bad days: what a hostile document, file name or signal cannot do (issue 18)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]

# Two M102 findings at the same place (`title: ""` is empty and does not match its pattern).
TWO_AT_ONE_PLACE = """\
---
title: ""
url: 5
source: x
sourceType: 02_nci_core
lastReviewed: 2025-13-45
reviewFrequency: weekly
status: no
language: en
---
# T

Body text here.
"""


def contentlint(*args: str, cwd: Path, seed: str = "0", timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "contentlint", *args], cwd=cwd, env=env, capture_output=True, timeout=timeout
    )


# -- 1. deterministic output ---------------------------------------------------------------------


def test_output_is_the_same_bytes_for_any_hash_seed_and_any_jobs(tmp_path: Path) -> None:
    for index in range(60):  # enough files for --jobs 2 to use workers
        (tmp_path / f"doc-{index:03}.md").write_text(TWO_AT_ONE_PLACE, "utf-8")
    outputs = set()
    for seed in ("1", "2", "3", "5"):
        for jobs in ("1", "2"):
            run = contentlint("check", ".", "--today", "2026-01-01", "--format", "json", "--jobs", jobs, cwd=tmp_path, seed=seed)
            assert run.returncode == 1, run.stderr
            outputs.add(run.stdout)
    assert len(outputs) == 1


def test_findings_sort_on_every_field() -> None:
    from contentlint.model.findings import Finding, Severity

    a = Finding("a.md", 2, 8, "M102", Severity.ERROR, "`title` is empty", "field-invalid")
    b = Finding("a.md", 2, 8, "M102", Severity.ERROR, "`title` is '', not in the expected form", "field-invalid")
    assert sorted([a, b]) == sorted([b, a]) == [b, a]
