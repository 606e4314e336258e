"""Which files to lint: walk directories for documents, honour include and exclude globs."""

from __future__ import annotations

import fnmatch
import functools
import os
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator


def _matches(relative: str, patterns: Iterable[str]) -> bool:
    return _matcher(tuple(patterns))(relative)


@functools.lru_cache(maxsize=32)
def _matcher(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """One compiled test for a list of globs: a glob with a "/" matches the relative path (or a
    directory above it), any other glob the file name alone."""
    on_path, on_name = [], []
    for pattern in (p.rstrip("/") for p in patterns):
        if "/" in pattern:
            on_path += [fnmatch.translate(pattern), fnmatch.translate(pattern + "/*")]
        else:
            on_name.append(fnmatch.translate(pattern))
    path_test = re.compile("|".join(on_path)).match if on_path else None
    name_test = re.compile("|".join(on_name)).match if on_name else None

    def matches(relative: str) -> bool:
        if name_test is not None and name_test(relative.rpartition("/")[2]):
            return True
        return path_test is not None and path_test(relative) is not None

    return matches


def display_path(path: Path, cwd: Path) -> str:
    """Relative to the working directory where possible, with forward slashes."""
    if not path.is_absolute() and cwd.is_absolute():
        return path.as_posix()  # as given (the usual case, `contentlint check docs/`): nothing to work out
    try:
        return path.relative_to(cwd).as_posix()
    except ValueError:
        relative = os.path.relpath(path, cwd) if path.is_absolute() else str(path)
        return Path(relative).as_posix() if not relative.startswith("../../..") else path.as_posix()


def discover(
    paths: Iterable[str], include: list[str], exclude: list[str], root: Path, cwd: Path | None = None
) -> Iterator[tuple[Path, str]]:
    """Yield (path, display path) for each document, sorted within each directory, each file once.

    Files named explicitly are always checked (pre-commit passes them) unless excluded.
    Symlinked directories are followed once; loops are skipped.
    """
    cwd = cwd or Path.cwd()
    paths = list(paths)
    # One walk never meets a file twice; only overlapping arguments can (`docs docs/a.md`).
    seen: set[str] | None = set() if len(paths) > 1 else None
    for given in paths:
        start = Path(given)
        if os.path.isdir(start):  # False, not an error, for a path behind an unreadable directory
            walked = _walk(start, include, exclude, root)
        else:
            walked = iter([start]) if not _matches(_relative(start, root), exclude) else iter(())
        for path in walked:
            if seen is not None:
                key = os.path.normcase(os.path.abspath(path))
                if key in seen:
                    continue
                seen.add(key)
            yield path, display_path(path, cwd)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return path.as_posix()


def _walk(start: Path, include: list[str], exclude: list[str], root: Path) -> Iterator[Path]:
    """The documents under ``start``; a directory that cannot be listed is yielded itself, so that
    reading it gives the run a finding that names it (E001) rather than a silent gap."""
    visited: set[tuple[int, int]] = set()
    unlisted: list[OSError] = []

    for directory, dirnames, filenames in os.walk(start, followlinks=True, onerror=unlisted.append):
        yield from _unlisted(unlisted)
        try:
            info = os.stat(directory)
        except OSError:
            dirnames[:] = []
            continue
        if (info.st_dev, info.st_ino) in visited:
            dirnames[:] = []
            continue
        visited.add((info.st_dev, info.st_ino))
        base = Path(directory)
        # Resolved once per directory, not per file: a large corpus has many files per directory.
        base_relative = _relative(base, root)
        prefix = "" if base_relative == "." else base_relative.rstrip("/") + "/"
        dirnames[:] = sorted(d for d in dirnames if not _matches(prefix + d, exclude))
        for name in sorted(filenames):
            relative = prefix + name
            if _matches(relative, include) and not _matches(relative, exclude):
                yield base / name
    yield from _unlisted(unlisted)


def _unlisted(errors: list[OSError]) -> Iterator[Path]:
    while errors:
        error = errors.pop(0)
        if error.filename is not None and not isinstance(error, FileNotFoundError):  # gone: nothing to report
            yield Path(os.fsdecode(error.filename))
