""".gitignore rules for the directory walk: each directory's own file, the files above it up to
the repository's top, and the repository's .git/info/exclude, nearest first, as git reads them."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pathspec

GITIGNORE = ".gitignore"


@dataclass(frozen=True)
class _Rules:
    spec: pathspec.GitIgnoreSpec
    prefix: str  # how the rules' directory reaches the walk's directory ("" when it is that directory)
    strip: int  # characters of a walked path that name the rules' directory


# The rules in force in one directory, nearest first; () when there are none.
Chain = tuple[_Rules, ...]


def _read(path: str) -> pathspec.GitIgnoreSpec | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:  # unreadable or gone: git would not apply it either
        return None
    try:
        spec = pathspec.GitIgnoreSpec.from_lines(lines)
    except (ValueError, re.error):  # git skips a pattern it cannot read ("!", "[z-a]"); so do we
        spec = pathspec.GitIgnoreSpec.from_lines([line for line in lines if _valid(line)])
    return spec if len(spec.patterns) else None


def _valid(line: str) -> bool:
    try:
        pathspec.GitIgnoreSpec.from_lines([line])
    except (ValueError, re.error):
        return False
    return True


def _repository_top(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        if os.path.exists(directory / ".git"):
            return directory
    return None


def rules_above(start: str) -> Chain:
    """The rules that reach the walk's start from above it: the .gitignore files of the
    directories between the repository's top and ``start``, and .git/info/exclude. Outside a
    repository, none (a .gitignore above an unversioned folder is not its own)."""
    try:
        resolved = Path(start).resolve()
    except (OSError, RuntimeError):
        return ()
    top = _repository_top(resolved)
    if top is None:
        return ()
    chain: list[_Rules] = []
    strip = len(start.rstrip("/\\")) + 1
    above = [] if resolved == top else [resolved.parent, *resolved.parent.parents]
    for directory in above:
        spec = _read(str(directory / GITIGNORE))
        if spec is not None:
            chain.append(_Rules(spec, resolved.relative_to(directory).as_posix() + "/", strip))
        if directory == top:
            break
    exclude = _read(str(top / ".git" / "info" / "exclude"))
    if exclude is not None:
        prefix = "" if resolved == top else resolved.relative_to(top).as_posix() + "/"
        chain.append(_Rules(exclude, prefix, strip))
    return tuple(chain)


def rules_in(directory: str, filenames: list[str], above: Chain) -> Chain:
    """The rules in force in ``directory`` (a path as the walk yields it), given those of its parent."""
    if GITIGNORE not in filenames:
        return above
    spec = _read(os.path.join(directory, GITIGNORE))
    if spec is None:
        return above
    return (_Rules(spec, "", len(directory.rstrip("/\\")) + 1), *above)


def ignored(chain: Chain, path: str, is_dir: bool) -> bool:
    """Whether git ignores ``path`` (as the walk yields it): the nearest file with a matching
    pattern decides, and within a file the last matching pattern (a `!` pattern re-includes)."""
    for rules in chain:
        relative = rules.prefix + path[rules.strip:].replace("\\", "/")
        decision = rules.spec.check_file(relative + "/" if is_dir else relative).include
        if decision is not None:
            return decision
    return False
