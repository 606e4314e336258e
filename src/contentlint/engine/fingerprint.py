"""Stable identities for findings, shared by SARIF's partialFingerprints and the baseline.

A fingerprint comes from the rule code, the file's path and what the finding is about (its
``subject``: a URL, a field name), never from a line number, so a finding keeps its identity when
lines are added above it. Without a subject, the message stands in, stripped of numbers (counts of
days, dates, line references) that change from one run to the next.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from typing import Iterable

from contentlint.model.findings import Finding

_NUMBERS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def normalised_message(message: str) -> str:
    """The message without numbers or extra whitespace, lower-cased."""
    return _SPACES.sub(" ", _NUMBERS.sub("", message)).strip().lower()


def identity(finding: Finding) -> str:
    """What the finding is about: its subject, or else its message without numbers."""
    return finding.subject or normalised_message(finding.message)


def fingerprint(finding: Finding) -> str:
    """A 32-hex-digit hash of code, path and identity."""
    key = "\0".join((finding.code, finding.path, identity(finding)))
    try:  # a file name that is not UTF-8 carries its bytes as surrogates (surrogateescape)
        data = key.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        data = key.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:32]


def numbered_fingerprints(findings: Iterable[Finding]) -> list[str]:
    """``fingerprint:n`` for each finding, n counting equal fingerprints in order (1, 2, ...).

    Two identical findings in one file (the same placeholder twice) then stay distinct.
    """
    seen: dict[str, int] = defaultdict(int)
    numbered = []
    for finding in findings:
        base = fingerprint(finding)
        seen[base] += 1
        numbered.append(f"{base}:{seen[base]}")
    return numbered
