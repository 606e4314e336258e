"""Which files to lint: walk directories for documents, honour include and exclude globs,
the names of files that are not documents, and .gitignore."""

from __future__ import annotations

import fnmatch
import functools
import os
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from contentlint.engine import gitignore


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


@functools.lru_cache(maxsize=8)
def _name_matcher(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """A test of a file name alone, whatever its case (README.md, Readme.md, readme.md)."""
    if not patterns:
        return lambda name: False
    test = re.compile("|".join(fnmatch.translate(p) for p in patterns), re.IGNORECASE).match
    return lambda name: test(name) is not None


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
    paths: Iterable[str], include: list[str], exclude: list[str], root: Path, cwd: Path | None = None, *,
    not_documents: Sequence[str] = (), force_exclude: bool = False, respect_gitignore: bool = True,
    skipped: list[str] | None = None, follow_links: bool = False,
) -> Iterator[tuple[Path, str]]:
    """Yield (path, display path) for each document, sorted within each directory, each file once.

    A walk skips what `exclude`, `not_documents` (file names, any case) and, with
    ``respect_gitignore``, .gitignore rule out. A path named in ``paths`` is checked as given
    (pre-commit passes names) unless ``force_exclude``: then `exclude` and `not_documents` rule it
    out as they would in a walk, and it is added to ``skipped``. Symlinked directories are
    followed once; loops are skipped. A symbolic link that leads out of ``root`` is not followed
    unless ``follow_links``: the link itself is yielded, and reading it reports where it leads.
    """
    cwd = cwd or Path.cwd()
    paths = list(paths)
    not_document = _name_matcher(tuple(not_documents))
    # One walk never meets a file twice; only overlapping arguments can (`docs docs/a.md`).
    seen: set[str] | None = set() if len(paths) > 1 else None
    for given in paths:
        start = Path(given)
        is_dir = os.path.isdir(start)  # False, not an error, for a path behind an unreadable directory
        if force_exclude and _excluded(start, root, exclude, not_document, is_dir):
            if skipped is not None:
                skipped.append(given)
            continue
        if is_dir and not follow_links and outside_target(start, root) is not None:
            walked = iter([start])
        elif is_dir:
            walked = _walk(start, include, exclude, root, not_document, respect_gitignore, follow_links)
        else:
            walked = iter([start])
        for path in walked:
            if seen is not None:
                key = os.path.normcase(os.path.abspath(path))
                if key in seen:
                    continue
                seen.add(key)
            yield path, display_path(path, cwd)


def named_document(
    path: Path, include: list[str], exclude: list[str], root: Path, cwd: Path | None = None, *,
    not_documents: Sequence[str] = (), force_exclude: bool = False,
) -> list[tuple[Path, str]]:
    """(path, display path) for a document that is not read from ``path`` (standard input, named
    by --stdin-filename): never walked, whatever is at ``path``. With ``force_exclude`` it is left
    out, as a folder walk would leave it, when it does not match `include`, or when `exclude` or
    `not_documents` rule it out; an unnamed one (``-``) is always kept."""
    if force_exclude and path != Path("-"):
        relative = _inside(path.parent, root)
        relative = path.name if relative is None else f"{'' if relative == '.' else relative + '/'}{path.name}"
        if not _matches(relative, include) or _excluded(path, root, exclude, _name_matcher(tuple(not_documents)), False):
            return []
    return [(path, display_path(path, cwd or Path.cwd()))]


def outside_target(path: Path | str, root: Path) -> str | None:
    """Where ``path`` really is, when a symbolic link on its way leads out of ``root`` (the project
    folder); None when it stays inside, or when ``path`` as written is outside ``root`` already
    (a path named on the command line is checked where it is)."""
    written = os.path.abspath(path)
    if not _under(written, os.path.abspath(root)):
        return None
    real = os.path.realpath(written)
    return None if _under(real, os.path.realpath(root)) else real


def _link_outside(path: str, root: Path) -> bool:
    return os.path.islink(path) and outside_target(path, root) is not None


def _under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _excluded(path: Path, root: Path, exclude: list[str], not_document: Callable[[str], bool], is_dir: bool) -> bool:
    """Whether a walk from the config's directory would skip this path: it, or a directory
    above it, matches `exclude`, or it is a file with a name from `not_documents`. Outside that
    directory only the path's own name can be judged."""
    if not is_dir and not_document(path.name):
        return True
    relative = _inside(path, root)
    if relative is None:
        return _matches(path.name, exclude)
    if relative == ".":  # the config's own directory
        return False
    parts = relative.split("/")
    return any(_matches("/".join(parts[: depth + 1]), exclude) for depth in range(len(parts)))


def _inside(path: Path, root: Path) -> str | None:
    try:
        return path.resolve().relative_to(root).as_posix()
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return None


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return path.as_posix()


def _walk(
    start: Path, include: list[str], exclude: list[str], root: Path,
    not_document: Callable[[str], bool], respect_gitignore: bool, follow_links: bool = False,
) -> Iterator[Path]:
    """The documents under ``start``; a directory that cannot be listed is yielded itself, so that
    reading it gives the run a finding that names it (E001) rather than a silent gap."""
    visited: set[tuple[int, int]] = set()
    unlisted: list[OSError] = []
    top = str(start)
    # The .gitignore rules in force in each directory still to visit, by its path as the walk names it.
    rules: dict[str, gitignore.Chain] = {top: gitignore.rules_above(top) if respect_gitignore else ()}

    for directory, dirnames, filenames in os.walk(top, followlinks=True, onerror=unlisted.append):
        yield from _unlisted(unlisted)
        chain = rules.pop(directory, ())
        try:
            info = os.stat(directory)
        except OSError:
            dirnames[:] = []
            continue
        if (info.st_dev, info.st_ino) in visited:
            dirnames[:] = []
            continue
        visited.add((info.st_dev, info.st_ino))
        if respect_gitignore:
            chain = gitignore.rules_in(directory, filenames, chain)
        base = Path(directory)
        # Resolved once per directory, not per file: a large corpus has many files per directory.
        base_relative = _relative(base, root)
        prefix = "" if base_relative == "." else base_relative.rstrip("/") + "/"
        kept = sorted(d for d in dirnames if not _matches(prefix + d, exclude))
        if chain:
            kept = [d for d in kept if not gitignore.ignored(chain, os.path.join(directory, d), True)]
            rules.update((os.path.join(directory, d), chain) for d in kept)
        leaving = [] if follow_links else [d for d in kept if _link_outside(os.path.join(directory, d), root)]
        dirnames[:] = [d for d in kept if d not in leaving] if leaving else kept
        for name in sorted(filenames):
            relative = prefix + name
            if not _matches(relative, include) or _matches(relative, exclude) or not_document(name):
                continue
            if chain and gitignore.ignored(chain, os.path.join(directory, name), False):
                continue
            yield base / name
        yield from (base / name for name in leaving)  # each reported where it leads, not walked
    yield from _unlisted(unlisted)


def _unlisted(errors: list[OSError]) -> Iterator[Path]:
    while errors:
        error = errors.pop(0)
        if error.filename is not None and not isinstance(error, FileNotFoundError):  # gone: nothing to report
            yield Path(os.fsdecode(error.filename))
