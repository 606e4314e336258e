"""Baselines: accept the findings a corpus has today, report only new ones.

A baseline file is JSON: for each fingerprint (see contentlint.engine.fingerprint, built from rule, path and
subject, not line) how many findings had it, with the code, path and subject for people reading it.
Counts matter: two identical findings in one file need two entries' worth of allowance.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from contentlint.engine.fingerprint import fingerprint, identity
from contentlint.model.findings import Finding

FORMAT_VERSION = 1


class BaselineError(Exception):
    """The baseline file is missing or not one contentlint wrote."""


@dataclass(frozen=True)
class BaselineEntry:
    fingerprint: str
    code: str
    path: str
    subject: str
    count: int

    def to_dict(self) -> dict[str, Any]:
        return {"fingerprint": self.fingerprint, "code": self.code, "path": self.path,
                "subject": self.subject, "count": self.count}


@dataclass
class BaselineOutcome:
    """What applying a baseline did: the findings left, how many were suppressed, what is stale."""

    findings: list[Finding]
    suppressed: int = 0
    stale: list[BaselineEntry] = field(default_factory=list)


def entries_for(findings: Iterable[Finding]) -> list[BaselineEntry]:
    counts: Counter[str] = Counter()
    first: dict[str, Finding] = {}
    for finding in findings:
        key = fingerprint(finding)
        counts[key] += 1
        first.setdefault(key, finding)
    entries = [BaselineEntry(key, first[key].code, first[key].path, identity(first[key]), count) for key, count in counts.items()]
    return sorted(entries, key=lambda e: (e.path, e.code, e.subject, e.fingerprint))


_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(findings: Iterable[Finding]) -> str:
    """The baseline file's text: sorted, indented, the same bytes for the same findings."""
    payload = {
        "tool": "contentlint",
        "baseline-version": FORMAT_VERSION,
        "findings": [entry.to_dict() for entry in entries_for(findings)],
    }
    text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    # A file name that is not UTF-8 carries lone surrogates: written as JSON escapes, they read back as the same path.
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def write(path: str | Path, findings: Iterable[Finding]) -> int:
    """Write the baseline; return the number of findings it records."""
    findings = list(findings)
    try:
        Path(path).write_text(dumps(findings), encoding="utf-8", newline="\n")
    except OSError as error:
        raise BaselineError(f"cannot write baseline {path}: {error.strerror or error}") from None
    return len(findings)


def load(path: str | Path) -> list[BaselineEntry]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(f"baseline {path} not found; create it with --write-baseline {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"cannot read baseline {path}: {getattr(error, 'strerror', None) or error}") from None
    try:
        payload = json.loads(text)
        if payload.get("tool") != "contentlint" or payload.get("baseline-version") != FORMAT_VERSION:
            raise ValueError("not a contentlint baseline")
        return [
            BaselineEntry(str(e["fingerprint"]), str(e["code"]), str(e["path"]), str(e.get("subject", "")), int(e["count"]))
            for e in payload["findings"]
        ]
    except (ValueError, TypeError, KeyError, AttributeError):
        raise BaselineError(
            f"{path} is not a contentlint baseline (version {FORMAT_VERSION}); write a new one with --write-baseline"
        ) from None


def apply(findings: list[Finding], entries: list[BaselineEntry], checked_paths: Iterable[str] | None = None) -> BaselineOutcome:
    """Drop findings the baseline allows (up to each entry's count).

    An entry is stale when fewer findings than its count occur now, for a file that was checked in
    this run or that no longer exists (a shard or a sub-directory says nothing of the other files).
    """
    allowance = {entry.fingerprint: entry.count for entry in entries}
    kept: list[Finding] = []
    suppressed = 0
    for finding in findings:
        key = fingerprint(finding)
        if allowance.get(key, 0) > 0:
            allowance[key] -= 1
            suppressed += 1
        else:
            kept.append(finding)
    checked = set(checked_paths) if checked_paths is not None else None
    stale = [
        entry for entry in entries
        if allowance.get(entry.fingerprint, 0) > 0
        and (checked is None or entry.path in checked or not Path(entry.path).exists())
    ]
    return BaselineOutcome(kept, suppressed, stale)
