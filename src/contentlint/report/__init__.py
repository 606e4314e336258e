"""Output formats, by name. A reporter writes a RunResult to a text stream."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Mapping, TextIO

if TYPE_CHECKING:
    from contentlint.model.settings import Config
    from contentlint.model.results import RunResult

Reporter = Callable[["RunResult", TextIO, "ReportOptions"], None]

_REPORTERS: dict[str, Reporter] = {}
# Modules that define reporters, imported on first use so start-up stays fast.
_MODULES = {
    "text": "contentlint.report.text",
    "json": "contentlint.report.json_reporter",
    "sarif": "contentlint.report.sarif",
    "github": "contentlint.report.github",
    "gitlab": "contentlint.report.gitlab",
    "junit": "contentlint.report.junit",
    "csv": "contentlint.report.csv_reporter",
    "html": "contentlint.report.audit_report",
    "markdown": "contentlint.report.audit_report",
}
# Formats that need each document's facts (Linter(collect_facts=True)): the audit reports.
DOCUMENT_FORMATS = {"html", "markdown"}


class ReportOptions:
    """What a reporter may need beyond the findings."""

    def __init__(
        self, color: bool = False, quiet: bool = False, config: Config | None = None, *,
        show_source: bool = False, sources: Mapping[str, str] | None = None,
    ) -> None:
        self.color = color
        self.quiet = quiet
        # The run's config: "today", the due-soon window, whether links were checked online.
        self.config = config
        # Text output: each finding's source line under it; ``sources`` holds texts not on disk
        # as they were checked (standard input), by display path.
        self.show_source = show_source
        self.sources = sources


def register(name: str) -> Callable[[Reporter], Reporter]:
    def decorate(function: Reporter) -> Reporter:
        _REPORTERS[name] = function
        return function

    return decorate


def names() -> list[str]:
    return list(_MODULES)


def get(name: str) -> Reporter:
    if name not in _REPORTERS:
        import importlib

        importlib.import_module(_MODULES[name])
    return _REPORTERS[name]
