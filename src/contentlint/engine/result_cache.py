"""Results kept between runs: a second check of unchanged documents reads their findings back
instead of checking them again (as ruff's cache does).

A document's result is reused only when everything it came from is as it was: the document's
bytes (a BLAKE2 digest of the content; times are not trusted), its path, the settings (the whole
resolved configuration, the schema and data files it names, the date the run counts as today),
contentlint's own code and the libraries it runs on (their files' sizes and times), and, for a
document with relative links, each file and folder on disk those links name. Results with an
internal error (E999) and files that cannot be read are never kept; --fix and --diff do not use
the cache.

The results live in ``<cache folder>/results-v1.sqlite3``, one row per document and settings;
the results of settings no run has used for a day are removed. Each row is signed with a key
kept in the user's own cache folder (``$XDG_CACHE_HOME/contentlint``), so rows that came from
anywhere else (a cache folder committed to a repository, or copied) are never read. Anything
unreadable is a miss; a cache that cannot be written costs nothing but the time it saves.
"""

from __future__ import annotations

import dataclasses
import enum
import gc
import hashlib
import hmac
import json
import os
import pickle
import site
import sqlite3
import stat
import sys
import time
import zlib
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

import contentlint
from contentlint import __version__
from contentlint.document import ReadError
from contentlint.document.reading import read_file_bytes
from contentlint.engine.discovery import outside_target
from contentlint.engine.parallel import lint_files
from contentlint.net.cache import CacheUnavailable, SharedDatabase
from contentlint.net.settings import CACHE_DIRNAME
from contentlint.plugin import registered_rules

if TYPE_CHECKING:
    from contentlint.engine.linter import Linter
    from contentlint.model.results import FileResult
    from contentlint.model.settings import Config

FORMAT = "results-v1"
CACHE_FILENAME = f"{FORMAT}.sqlite3"
# Seconds after which the results of settings no run uses are removed: the date of the run is one of
# the settings, so yesterday's results are of no use today unless --today names that date.
UNUSED_FOR = 86400
_ROWS_PER_WRITE = 256  # results held before they are written: memory stays flat on a large corpus
_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (settings TEXT NOT NULL, entry TEXT NOT NULL, result BLOB NOT NULL,
                                    PRIMARY KEY (settings, entry));
CREATE TABLE IF NOT EXISTS settings_used (settings TEXT NOT NULL PRIMARY KEY, used REAL NOT NULL);
"""
_TABLES = {"results": ["settings", "entry", "result"], "settings_used": ["settings", "used"]}
_KEY_BYTES = 32
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def lint_cached(cache: ResultCache, linter: Linter, files: Iterable[tuple[Path, str]], jobs: int) -> Iterator[tuple[str, FileResult]]:
    """``lint_files``, with each file whose result is in the cache read from there: the same
    results, in the same order; the others are linted (in workers when there are enough) and kept."""
    queue: deque = deque()  # in file order: (shown, result) for a hit, a _Miss for a file being linted
    config = linter.config

    def misses() -> Iterator[tuple[Path, str]]:
        for path, shown in files:
            # A link out of the project that is not followed is not read, not even for a digest.
            unread = not config.follow_links and outside_target(path, config.root) is not None
            probe = None if unread else cache.probe(path, shown)
            if probe is not None and probe.result is not None:
                queue.append((shown, probe.result))
                continue
            queue.append(_Miss(probe))
            linter.prepare()  # before the first check, here: a config error stops the run, as without the cache
            yield path, shown

    for shown, result in lint_files(linter, misses(), jobs):
        while not isinstance(queue[0], _Miss):
            yield queue.popleft()
        miss = queue.popleft()
        if miss.probe is not None:
            cache.store(miss.probe, result)
        yield shown, result
    yield from queue
    cache.finish()


class _Miss:
    __slots__ = ("probe",)

    def __init__(self, probe: Probe | None) -> None:
        self.probe = probe


@dataclasses.dataclass
class Probe:
    entry: str  # the document's row: a digest of its path and its path as shown
    digest: bytes  # of the document's bytes
    result: FileResult | None  # the kept result, when it still holds


class ResultCache:
    """The kept results of one run's settings: read a document's back, keep new ones."""

    def __init__(self, database: SharedDatabase, settings: str, secret: bytes, max_bytes: int) -> None:
        self._database = database
        self._settings = settings
        self._secret = secret
        self._max_bytes = max_bytes
        self._pending: list[tuple[str, str, bytes]] = []
        self._writable = True

    def probe(self, path: Path, shown: str) -> Probe | None:
        """The document's digest, and its kept result if there is one that still holds;
        None when the file cannot be read (then nothing is kept for it)."""
        try:
            data = read_file_bytes(path, self._max_bytes)
        except ValueError:  # a name the file system cannot take: checking it says why
            return None
        if isinstance(data, ReadError):  # nothing is kept for a file that cannot be read
            return None
        entry = hashlib.blake2b(f"{os.path.abspath(path)}\0{shown}".encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
        digest = hashlib.blake2b(data, digest_size=16).digest()
        return Probe(entry, digest, self._load(entry, digest))

    def _load(self, entry: str, digest: bytes) -> FileResult | None:
        try:
            row = self._database.db.execute(
                "SELECT result FROM results WHERE settings = ? AND entry = ?", (self._settings, entry)).fetchone()
        except sqlite3.Error:
            return None
        if row is None or not isinstance(row[0], bytes):
            return None
        signature, payload = row[0][:_KEY_BYTES], row[0][_KEY_BYTES:]
        if not hmac.compare_digest(signature, self._sign(entry, payload)) or payload[:16] != digest:
            return None
        collecting = gc.isenabled()
        gc.disable()  # a result is many small objects and no cycles
        try:
            result = pickle.loads(zlib.decompress(payload[16:]))
        except Exception:  # written with another version of a library it holds: a miss
            return None
        finally:
            if collecting:
                gc.enable()
        if any(path_state(path) != state for path, state in result.depends_on):
            return None
        return result

    def store(self, probe: Probe, result: FileResult) -> None:
        if not self._writable or any(finding.code == "E999" for finding in result.findings):
            return  # an internal error may not happen again
        try:
            # Compressed: a result is mostly findings' text (nci-kb: 8.6 MB as pickled, 1.7 MB compressed).
            payload = probe.digest + zlib.compress(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), 1)
        except Exception:  # something in a plugin's summary that cannot be kept
            return
        self._pending.append((self._settings, probe.entry, self._sign(probe.entry, payload) + payload))
        if len(self._pending) >= _ROWS_PER_WRITE:
            self._flush()

    def _flush(self) -> None:
        rows, self._pending = self._pending, []
        try:
            self._database.write([("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", rows)])
        except CacheUnavailable:
            self._writable = False

    def finish(self) -> None:
        """Save what is left, mark these settings as used now, remove the results of settings
        no run has used for a day, and close."""
        if self._writable:
            self._flush()
        now = time.time()
        if self._writable:
            try:
                self._database.write([
                    ("INSERT OR REPLACE INTO settings_used VALUES (?, ?)", [(self._settings, now)]),
                    ("DELETE FROM results WHERE settings IN (SELECT settings FROM settings_used WHERE used < ?)",
                     [(now - UNUSED_FOR,)]),
                    ("DELETE FROM settings_used WHERE used < ?", [(now - UNUSED_FOR,)]),
                ])
            except CacheUnavailable:
                pass
        self._database.close()

    def _sign(self, entry: str, payload: bytes) -> bytes:
        return hmac.new(self._secret, f"{self._settings}/{entry}".encode("ascii") + payload, hashlib.sha256).digest()


def open_result_cache(config: Config, collect_facts: bool, codes: Iterable[str]) -> ResultCache | None:
    """The cache for a run with these settings, or None when it cannot be used here."""
    secret = _signing_key()
    if secret is None:
        return None
    try:
        database = SharedDatabase(cache_folder(config) / CACHE_FILENAME, _SCHEMA, _TABLES)
    except CacheUnavailable:
        return None
    return ResultCache(database, settings_key(config, collect_facts, codes), secret, config.max_file_bytes)


def cache_folder(config: Config) -> Path:
    return config.cache_dir or config.root / CACHE_DIRNAME


def path_state(path: str) -> object:
    """What a document's result can depend on for a path: missing, or its kind, size and time
    (a folder's time changes when a name in it is added or removed)."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError) as error:
        return type(error).__name__
    return (stat.S_IFMT(info.st_mode), info.st_size if stat.S_ISREG(info.st_mode) else 0, info.st_mtime_ns)


def dependencies(paths: Iterable[str]) -> tuple[tuple[str, object], ...]:
    """Each path, and the folder that holds it (whose listing a "did you mean" reads), with its state."""
    named = dict.fromkeys(p for path in paths for p in (path, os.path.dirname(path)))
    return tuple((path, path_state(path)) for path in named)


def settings_key(config: Config, collect_facts: bool, codes: Iterable[str]) -> str:
    """A digest of everything but the document that a result comes from."""
    described = {
        "format": FORMAT,
        "contentlint": [__version__, _code_state()],
        "python": [sys.version, sys.platform, _installed_state()],
        "config": _canonical(config),
        "files": _named_files(config),
        "today": config.today.isoformat(),
        "facts": collect_facts,
        "rules": sorted(codes),
    }
    text = json.dumps(described, sort_keys=True, default=repr)
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()


def _canonical(value: Any) -> Any:
    """Settings as plain JSON, the same from run to run (sets sorted; per-run fields left out)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value) if f.repr}
    if isinstance(value, dict):
        return {str(key): _canonical(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(repr(_canonical(item)) for item in value)
    if isinstance(value, enum.Enum):
        return _canonical(value.value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def _named_files(config: Config) -> list[list[object]]:
    """The files the settings name (the schema and those beside it, data files), with their state."""
    paths: set[str] = set()
    if config.schema_path is not None:
        folder = config.schema_path.parent
        paths.add(str(folder))
        paths.update(str(folder / name) for name in _listing(folder) if name.endswith(".json"))
    for value in _strings(config.sections):
        candidate = os.path.join(config.root, os.path.expanduser(value))
        if os.path.isfile(candidate):
            paths.add(os.path.abspath(candidate))
    return [[path, path_state(path)] for path in sorted(paths)]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        if value and "\0" not in value:
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def _listing(folder: Path) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return []


def _code_state() -> list[object]:
    """contentlint's own files and the modules of plugin rules: an edited install is another version."""
    package = os.path.dirname(contentlint.__file__)
    files = [
        [os.path.relpath(os.path.join(folder, name), package), path_state(os.path.join(folder, name))]
        for folder, subfolders, names in os.walk(package)
        for name in names
        if not name.endswith((".pyc", ".pyo"))
    ]
    files.sort()
    outside = {
        getattr(sys.modules.get(rule.check.__module__), "__file__", None)
        for rule in registered_rules().values() if rule.check is not None
    }
    files.extend([path, path_state(path)] for path in sorted(p for p in outside if p and not p.startswith(package)))
    return files


def _installed_state() -> list[object]:
    """The folders libraries are installed in: installing, upgrading or removing one changes them.
    (Not all of sys.path: its first entry is the working directory with ``python -m``.)"""
    folders = [*site.getsitepackages(), site.getusersitepackages()] if hasattr(site, "getsitepackages") else []
    return [[folder, path_state(folder)] for folder in folders if os.path.isdir(folder)]


def _signing_key() -> bytes | None:
    """This user's key for signing entries, made on first use; None when it cannot be kept."""
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(home, "contentlint")
    path = os.path.join(folder, "results.key")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(os.urandom(_KEY_BYTES))
        descriptor = os.open(path, os.O_RDONLY | _NOFOLLOW)
        with os.fdopen(descriptor, "rb") as stream:
            secret = stream.read(_KEY_BYTES + 1)
    except OSError:
        return None
    return secret if len(secret) == _KEY_BYTES else None
