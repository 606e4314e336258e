"""``--shard K/N``: a stable split of the files, so a CI matrix can fan a corpus out.

A file's shard comes from a hash of its display path, not from its position in the list, so adding
or removing one file does not move the others between shards.
"""

from __future__ import annotations

import hashlib
import re
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")

_SPEC = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


class ShardError(ValueError):
    pass


def parse_shard(spec: str) -> tuple[int, int]:
    """'2/5' -> (2, 5); K and N whole numbers with 1 <= K <= N."""
    match = _SPEC.fullmatch(spec)
    if not match:
        raise ShardError(f"--shard {spec!r}: use K/N, e.g. --shard 1/4 for the first of four shards")
    index, count = int(match.group(1)), int(match.group(2))
    if count < 1:
        raise ShardError(f"--shard {spec!r}: N must be at least 1, e.g. --shard 1/4")
    if not 1 <= index <= count:
        raise ShardError(f"--shard {spec!r}: K must be between 1 and N (1 <= K <= N), e.g. --shard 1/4")
    return index, count


def shard_of(display_path: str, count: int) -> int:
    """The 1-based shard a path belongs to."""
    digest = hashlib.sha256(display_path.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def select_shard(files: Iterable[tuple[T, str]], index: int, count: int) -> Iterator[tuple[T, str]]:
    """The (path, display path) pairs that fall in shard ``index`` of ``count``."""
    for item in files:
        if shard_of(item[1], count) == index:
            yield item
