"""Score the current code against the judged sample (tests/judged/*.jsonl, see its README).

Each page set (../shared/corpora/nci-kb; tests/judged/pages) is linted whole with the default
configuration and today fixed at 2026-12-05. For each code: precision (right items reported / judged
items reported), recall (right items reported / right items), and the misses.

    python bench/score_judged.py [--corpora ../shared/corpora] [--code Q004]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from contentlint.engine.discovery import discover
from contentlint.engine.linter import Linter
from contentlint.model.settings import Config

REPOSITORY = Path(__file__).resolve().parent.parent
JUDGED = REPOSITORY / "tests" / "judged"
DEFAULT_CORPORA = REPOSITORY.parent / "shared" / "corpora"
TODAY = dt.date(2026, 12, 5)
VERDICTS = ("right", "wrong")


@dataclass(frozen=True)
class Item:
    page: str
    line: int
    code: str
    verdict: str
    reason: str
    origin: str  # file:line of the item, for messages


@dataclass
class CodeScore:
    code: str
    right: int = 0
    wrong: int = 0
    right_reported: int = 0
    wrong_reported: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def items(self) -> int:
        return self.right + self.wrong

    @property
    def precision(self) -> float:
        reported = self.right_reported + self.wrong_reported
        return self.right_reported / reported if reported else 1.0

    @property
    def recall(self) -> float:
        return self.right_reported / self.right if self.right else 1.0


def load_items(judged: Path = JUDGED) -> list[Item]:
    """Every item of every tests/judged/*.jsonl; a malformed line is an error that names it."""
    items: list[Item] = []
    seen: dict[tuple[str, int, str], str] = {}
    for path in sorted(judged.glob("*.jsonl")):
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not text.strip():
                continue
            origin = f"{path.name}:{number}"
            try:
                data = json.loads(text)
                item = Item(str(data["page"]), int(data["line"]), str(data["code"]), str(data["verdict"]),
                            str(data["reason"]), origin)
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{origin}: not a judged item ({error})") from None
            if item.verdict not in VERDICTS or not item.page.startswith(("nci-kb/", "pages/")):
                raise ValueError(f"{origin}: verdict must be right or wrong, page nci-kb/… or pages/…")
            key = (item.page, item.line, item.code)
            if key in seen:
                raise ValueError(f"{origin}: {item.code} at {item.page}:{item.line} is already judged at {seen[key]}")
            seen[key] = origin
            items.append(item)
    return items


def page_sets(corpora: Path) -> dict[str, Path]:
    """The directory each page prefix is relative to, where it exists."""
    sets = {"pages": JUDGED / "pages", "nci-kb": corpora / "nci-kb"}
    return {prefix: root for prefix, root in sets.items() if root.is_dir()}


def reported(prefix: str, root: Path) -> set[tuple[str, int, str]]:
    """(page, line, code) of every finding on the page set, linted as one run."""
    config = Config(root=root, today=TODAY)
    files = [(path, f"{prefix}/{path.relative_to(root).as_posix()}")
             for path, _ in discover([str(root)], config.include, config.exclude, root, cwd=root)]
    result = Linter(config).run(files)
    return {(f.path, f.line, f.code) for f in result.findings}


def score(items: list[Item], corpora: Path = DEFAULT_CORPORA) -> tuple[dict[str, CodeScore], int]:
    """Scores by code, and how many items were skipped because their page set is absent."""
    sets = page_sets(corpora)
    wanted = {item.page.split("/", 1)[0] for item in items} & set(sets)
    found: set[tuple[str, int, str]] = set()
    for prefix in sorted(wanted):
        found |= reported(prefix, sets[prefix])
    scores: dict[str, CodeScore] = {}
    skipped = 0
    for item in items:
        if item.page.split("/", 1)[0] not in sets:
            skipped += 1
            continue
        entry = scores.setdefault(item.code, CodeScore(item.code))
        hit = (item.page, item.line, item.code) in found
        if item.verdict == "right":
            entry.right += 1
            entry.right_reported += hit
            if not hit:
                entry.misses.append(f"missed   {item.page}:{item.line} {item.code}: {item.reason}")
        else:
            entry.wrong += 1
            entry.wrong_reported += hit
            if hit:
                entry.misses.append(f"reported {item.page}:{item.line} {item.code}: {item.reason}")
    return dict(sorted(scores.items())), skipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="precision and recall of each code on the judged sample")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="folder that holds nci-kb/")
    parser.add_argument("--code", action="append", default=[], help="score only these codes (repeatable)")
    args = parser.parse_args(argv)
    try:
        items = load_items()
    except ValueError as error:
        print(f"score_judged: {error}", file=sys.stderr)
        return 2
    if args.code:
        items = [item for item in items if item.code in set(args.code)]
    scores, skipped = score(items, args.corpora)
    by_set: dict[str, int] = defaultdict(int)
    for item in items:
        by_set[item.page.split("/", 1)[0]] += 1
    print(f"# {len(items)} judged items ({', '.join(f'{n} {s}' for s, n in sorted(by_set.items()))}), "
          f"today {TODAY.isoformat()}" + (f"; {skipped} skipped, their pages are absent" if skipped else ""))
    print(f"{'code':<6}{'items':>6}{'right':>7}{'wrong':>7}{'precision':>11}{'recall':>8}")
    for entry in scores.values():
        print(f"{entry.code:<6}{entry.items:>6}{entry.right:>7}{entry.wrong:>7}{entry.precision:>11.3f}{entry.recall:>8.3f}")
    misses = [line for entry in scores.values() for line in entry.misses]
    if misses:
        print(f"\n# {len(misses)} misses")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
