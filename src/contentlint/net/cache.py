"""The persistent link cache: one verdict per URL, in SQLite, shared safely between runs.

It stores what a check found (status, redirect chain, error) rather than raw HTTP responses:
the outcome after redirects and retries is what the rules judge, and a warm run then needs no
request at all, not even the first hop of a redirect chain. Good results and failures have
their own lifetimes. SQLite's locking (WAL journal, busy timeout, short write transactions)
lets several runs share one cache without corrupting it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Any, Iterable

from contentlint.net.outcome import Outcome

CACHE_FILENAME = "links-v1.sqlite3"
_BUSY_TIMEOUT_MS = 30_000
_OPEN_ATTEMPTS = 40  # a new database being set up by another run answers "locked" at once: retry
_OPEN_PAUSE = 0.05
_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_COLUMNS = ["url", "settings", "outcome", "checked", "expires"]
_SCHEMA = """
CREATE TABLE IF NOT EXISTS link_outcomes (
    url TEXT NOT NULL,
    settings TEXT NOT NULL,
    outcome TEXT NOT NULL,
    checked REAL NOT NULL,
    expires REAL NOT NULL,
    PRIMARY KEY (url, settings)
)
"""
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class CacheUnavailable(Exception):
    """The cache cannot be opened or written; the run goes on without it."""


class _WrongSchema(Exception):
    """The file is an SQLite database, but not one this version can use."""


def _drop_symlink(path: Path) -> None:
    """A cache file must be our own: a symbolic link there (planted, or left over) is removed,
    never written through, so nothing outside the cache directory can be overwritten."""
    if path.is_symlink():
        path.unlink()


def prepare_directory(directory: Path) -> None:
    """Create the cache directory and mark it (ignored by git, skipped by backup tools)."""
    directory.mkdir(parents=True, exist_ok=True)
    markers = {
        ".gitignore": "# Created by contentlint automatically.\n*\n",
        "CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n# This is a contentlint link cache.\n",
    }
    for name, content in markers.items():
        marker = directory / name
        try:
            _drop_symlink(marker)
            # O_EXCL and O_NOFOLLOW: never through a link, never over a file another run just wrote.
            handle = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644)
        except OSError:
            continue
        try:
            os.write(handle, content.encode("utf-8"))
        finally:
            os.close(handle)


class SharedDatabase:
    """An SQLite file in the cache folder that several runs share: opened with a retry while
    another run sets it up, started afresh when it is damaged or holds tables of another shape
    (``tables``: name -> columns, made by ``schema``). Raises CacheUnavailable when it cannot be used."""

    def __init__(self, path: Path, schema: str, tables: dict[str, list[str]]) -> None:
        self.path = path
        self._schema = schema
        self._tables = tables
        try:
            prepare_directory(path.parent)
            for name in self._files():
                _drop_symlink(name)
            try:
                self.db = self._open_retrying()
            except (sqlite3.DatabaseError, _WrongSchema) as error:
                if isinstance(error, sqlite3.DatabaseError) and getattr(error, "sqlite_errorcode", None) not in _DAMAGED:
                    raise
                # Not a database (damaged, or some other file), or a table this version cannot
                # use: start it afresh. Unlinking removes names only, never what a link points to.
                for stale in self._files():
                    stale.unlink(missing_ok=True)
                self.db = self._open_retrying()
        except (OSError, sqlite3.Error, _WrongSchema) as error:
            raise CacheUnavailable(f"{self.path}: {error}") from None

    def _files(self) -> tuple[Path, ...]:
        return (self.path, self.path.with_name(self.path.name + "-wal"), self.path.with_name(self.path.name + "-shm"),
                self.path.with_name(self.path.name + "-journal"))

    def _open_retrying(self) -> sqlite3.Connection:
        """Open, retrying while another run holds the lock it takes to set a new database up
        (SQLite reports that at once, without waiting for the busy timeout)."""
        for attempt in range(_OPEN_ATTEMPTS):
            try:
                return self._open()
            except sqlite3.OperationalError as error:
                busy = getattr(error, "sqlite_errorcode", None) in _BUSY or "locked" in str(error)
                if not busy or attempt == _OPEN_ATTEMPTS - 1:
                    raise
            time.sleep(_OPEN_PAUSE * (1 + attempt % 4))
        raise AssertionError("unreachable")  # pragma: no cover

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            db.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.executescript(self._schema)
            for table, wanted in self._tables.items():
                columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()]
                if columns != wanted:
                    raise _WrongSchema(f"the table {table} has columns {columns}, not {wanted}; the cache is rebuilt")
                db.execute(f"SELECT count(*) FROM {table} LIMIT 1").fetchone()
        except BaseException:
            db.close()
            raise
        return db

    def write(self, statements: Iterable[tuple[str, Iterable[Any]]]) -> None:
        """Run (SQL, rows) pairs, each with executemany, in one short transaction."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement, rows in statements:
                    self.db.executemany(statement, rows)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise CacheUnavailable(f"{self.path}: cannot save results: {error}") from None

    def close(self) -> None:
        try:
            self.db.close()
        except sqlite3.Error:
            pass


class LinkCache:
    def __init__(self, directory: Path, settings_fingerprint: str, clock=time.time) -> None:
        self.path = directory / CACHE_FILENAME
        self.fingerprint = settings_fingerprint
        self._clock = clock
        self._database = SharedDatabase(self.path, _SCHEMA, {"link_outcomes": _COLUMNS})
        self._db = self._database.db

    def lookup(self, urls: Iterable[str]) -> dict[str, Outcome]:
        """The fresh cached outcomes among ``urls``; anything unreadable counts as a miss."""
        wanted = list(dict.fromkeys(urls))
        found: dict[str, Outcome] = {}
        now = self._clock()
        try:
            for start in range(0, len(wanted), 500):
                batch = wanted[start:start + 500]
                marks = ",".join("?" * len(batch))
                rows = self._db.execute(
                    f"SELECT url, outcome FROM link_outcomes WHERE settings = ? AND expires > ? AND url IN ({marks})",
                    [self.fingerprint, now, *batch],
                ).fetchall()
                for url, text in rows:
                    if not isinstance(url, str) or not isinstance(text, str):
                        continue
                    try:
                        found[url] = Outcome.from_json(json.loads(text))
                    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
                        continue  # a row this version cannot read (or a tampered one) is a miss
        except sqlite3.Error:
            return found
        return found

    def store(self, entries: Iterable[tuple[str, Outcome, float]]) -> None:
        """Save (url, outcome, lifetime in seconds) entries in one short transaction."""
        now = self._clock()
        rows = [(url, self.fingerprint, json.dumps(outcome.to_json()), now, now + lifetime) for url, outcome, lifetime in entries]
        if rows:
            self._database.write([("INSERT OR REPLACE INTO link_outcomes VALUES (?, ?, ?, ?, ?)", rows)])

    def prune(self) -> None:
        """Drop entries that expired more than a day ago, so the file does not grow without end."""
        try:
            self._db.execute("DELETE FROM link_outcomes WHERE expires < ?", (self._clock() - 86400,))
        except sqlite3.Error:
            pass

    def close(self) -> None:
        self._database.close()
