"""Resolved settings of one run, and the declarations rules make about what they read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from contentlint.model.findings import Severity

FREQUENCY_MONTHS = {"monthly": 1, "quarterly": 3, "semiannual": 6, "annual": 12, "biennial": 24}

DEFAULT_INCLUDE = ["*.md", "*.markdown", "*.txt"]
DEFAULT_EXCLUDE = [
    ".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".contentlint_cache", ".tox",
    ".nox", ".direnv", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".ipynb_checkpoints", ".idea", ".vscode",
    ".github", ".gitlab", "site-packages",
]
# A repository's own files, not pages: matched by file name in any case, at any depth.
DEFAULT_NOT_DOCUMENTS = [
    "README.*", "CHANGELOG.*", "CHANGES.*", "LICENSE", "LICENSE.*", "LICENCE", "LICENCE.*", "COPYING", "COPYING.*",
    "CONTRIBUTING.*", "CODE_OF_CONDUCT.*", "SECURITY.*",
]


@dataclass(frozen=True)
class Option:
    """One key of a config table (``[tool.contentlint.<section>]``), declared by the rule or
    resource that reads it; the engine validates every declared option against ``schema``."""

    section: str
    key: str
    schema: dict[str, Any]
    default: Any = None
    help: str = ""


def _no_keys(built: Any) -> Iterable[str]:
    return ()


@dataclass(frozen=True, eq=False)
class Resource:
    """Something built once per run from the settings and shared by rules: a validator, phrase
    tables, authority data. ``search_keys`` names the lower-case strings the phrase index must
    find for it. Built by the engine before any file is read, so a bad setting is a config error."""

    name: str
    build: Callable[[Config], Any]
    search_keys: Callable[[Any], Iterable[str]] = _no_keys
    options: tuple[Option, ...] = ()


def search_words(name: str, words: Iterable[str]) -> Resource:
    """A resource that is only a few strings for the phrase index (an analysis's label words)."""
    kept = tuple(words)
    return Resource(name, lambda config: kept, search_keys=lambda built: built)


@dataclass(frozen=True)
class Cycle:
    """A review cycle: calendar months, then days ("191 days", "2 weeks" are days only)."""

    months: int = 0
    days: int = 0


def as_cycle(value: Cycle | int) -> Cycle:
    """A policy value as a Cycle: a bare number is months."""
    return value if isinstance(value, Cycle) else Cycle(months=int(value))


@dataclass
class ReviewPolicy:
    due_soon_days: int = 30
    # None: a document that names no cycle is not scheduled (the tech-docs preset, as its gem does).
    default_cycle: Cycle | int | None = 24
    by_source_type: dict[str, Cycle | int] = field(default_factory=dict)
    by_source: dict[str, Cycle | int] = field(default_factory=dict)
    date_order: str = "auto"  # each page's own order (analysis/date_order.py); DMY, MDY or YMD overrides


@dataclass(frozen=True)
class FieldMap:
    """Which front-matter keys hold what the review, authority and duplicate checks read
    (``[tool.contentlint.fields]``). None: the corpus has no such field."""

    last_reviewed: str = "lastReviewed"
    next_review: str | None = None
    review_cycle: str = "reviewFrequency"
    url: str = "url"
    source: str = "source"
    title: str = "title"
    owner: str | None = None
    preset: str = ""

    @property
    def is_shipped(self) -> bool:
        """Whether the fields the shipped schema names keep their shipped names."""
        default = FieldMap()
        return not self.preset and all(
            getattr(self, name) == getattr(default, name)
            for name in ("last_reviewed", "review_cycle", "url", "source", "title")
        )


# The conventions ``preset =`` names: config key -> front-matter key. Other keys keep their defaults.
FIELD_PRESETS: dict[str, dict[str, str]] = {
    # GOV.UK tech-docs template: a page is expired when last_reviewed_on + review_in is before today.
    "tech-docs": {"last-reviewed": "last_reviewed_on", "review-cycle": "review_in", "owner": "owner_slack"},
    # Hugo: the page's modification date, reviewed on the configured default cycle.
    "hugo": {"last-reviewed": "lastmod"},
}
# Presets whose pages are not scheduled without a cycle of their own (unless default-cycle is set).
PRESETS_WITHOUT_DEFAULT_CYCLE = frozenset({"tech-docs"})


@dataclass
class Config:
    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None
    schema_path: Path | None = None
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    not_documents: list[str] = field(default_factory=lambda: list(DEFAULT_NOT_DOCUMENTS))
    # Files named on the command line are excluded as in a walk (pre-commit names every file).
    force_exclude: bool = False
    respect_gitignore: bool = True
    # Symbolic links that lead out of ``root`` are reported (E001), not followed, unless this is set.
    follow_links: bool = False
    select: list[str] = field(default_factory=lambda: ["ALL"])
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    # Text output: each finding's source line under it (``--show-source``); not part of a result.
    show_source: bool = field(default=False, repr=False)
    max_file_bytes: int = 32 * 1024 * 1024
    review: ReviewPolicy = field(default_factory=ReviewPolicy)
    fields: FieldMap = field(default_factory=FieldMap)
    today: dt.date = field(default_factory=dt.date.today)
    # Whether rules that need the network run (``--links``).
    network: bool = False
    # The results cache: off with `cache = false`; its folder (None: .contentlint_cache beside the config).
    cache: bool = field(default=True, repr=False)
    cache_dir: Path | None = field(default=None, repr=False)
    # Long corpus passes (the link check) report progress(done, total) and notice(warning text).
    progress: Callable[[int, int], None] | None = field(default=None, repr=False)
    notice: Callable[[str], None] | None = field(default=None, repr=False)
    # The option tables (``[tool.contentlint.<section>]``), validated against the declared options.
    sections: dict[str, Any] = field(default_factory=dict)
    # Resources built for this run, per process (see Resource).
    resources: dict[Resource, Any] | None = field(default=None, repr=False, compare=False)

    def resource(self, resource: Resource) -> Any:
        """The built ``resource``: the engine builds every one a run needs up front; code that
        calls a rule directly gets it built on first use."""
        if self.resources is None:
            self.resources = {}
        if resource not in self.resources:
            self.resources[resource] = resource.build(self)
        return self.resources[resource]

    def option(self, option: Option) -> Any:
        """The configured value of ``option``, or its default."""
        return self.sections.get(option.section, {}).get(option.key, option.default)

    def cycle_for(self, source_type: Any, source: Any) -> tuple[Cycle | None, str]:
        """Review cycle when the document names none of its own, and where it came from
        (None: not scheduled)."""
        if isinstance(source_type, str) and source_type in self.review.by_source_type:
            return as_cycle(self.review.by_source_type[source_type]), f"policy for sourceType {source_type}"
        if isinstance(source, str) and source in self.review.by_source:
            return as_cycle(self.review.by_source[source]), f"policy for source {source}"
        default = self.review.default_cycle
        return (None if default is None else as_cycle(default)), "default"
