"""The rule API and a passive registry.

A rule is a function ``check(document, config)`` that yields ``Violation(line, column,
message)``; its docstring is its manual (``contentlint explain CODE``). It declares, with the
``rule`` decorator, its code, name and default severity, the resources it reads (built once per
run by the engine, before any file is read: ``config.resource(...)``) and the options it takes
(validated by the engine, read with ``config.option(...)``). The linter, not the rule, adds the
path, code and severity.

The registry is filled by importing the rule modules; the engine does that by discovery, so a
new rule is one module in ``contentlint/rules`` and nothing else lists it.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from contentlint.document import Document
from contentlint.model.findings import Severity, Violation
from contentlint.model.fixes import SAFE, UNSAFE
from contentlint.model.settings import Config, Option, Resource

CheckFunction = Callable[[Document, Config], Iterable[Violation]]

FAMILIES = {
    "E": "reading",
    "M": "metadata",
    "F": "freshness",
    "L": "links",
    "S": "authority",
    "Q": "quality",
}


def family_of(code: str) -> str:
    return FAMILIES.get(code[:1], "other")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    # None for a code that the engine (E999) or a corpus pass (Q009, the online link codes) reports.
    check: CheckFunction | None
    network: bool = False
    uses: tuple[Resource, ...] = ()
    options: tuple[Option, ...] = ()
    doc: str = ""  # the manual of a code without a check (a check's own docstring is its manual)
    # "safe" or "unsafe" when the rule's findings can carry a Fix (`--fix`, `--unsafe-fixes`), else None.
    fix: str | None = None

    @property
    def family(self) -> str:
        return family_of(self.code)

    @property
    def summary(self) -> str:
        """The documentation's first paragraph, on one line (a sentence may wrap in the docstring)."""
        return " ".join(self.documentation.split("\n\n", 1)[0].split())

    @property
    def documentation(self) -> str:
        return inspect.cleandoc(self.doc or getattr(self.check, "__doc__", None) or "").strip()

    @property
    def all_options(self) -> tuple[Option, ...]:
        """Its own options and those of the resources it uses."""
        return (*self.options, *(option for resource in self.uses for option in resource.options))


_RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: str = "warning",
    *,
    network: bool = False,
    uses: Iterable[Resource] = (),
    options: Iterable[Option] = (),
    fix: str | None = None,
) -> Callable[[CheckFunction], CheckFunction]:
    """Register ``check`` as rule ``code``. Codes are stable: users put them in configs.
    ``fix`` ("safe" or "unsafe") says that its violations may carry a Fix, and how far to trust it."""
    if fix not in (None, SAFE, UNSAFE):
        raise ValueError(f"rule {code}: fix must be 'safe', 'unsafe' or None, not {fix!r}")

    def register(check: CheckFunction) -> CheckFunction:
        _register(Rule(code, name, Severity(severity), check, network, tuple(uses), tuple(options), fix=fix))
        return check

    return register


def reported_code(
    code: str,
    name: str,
    severity: str = "warning",
    *,
    doc: str,
    network: bool = False,
    uses: Iterable[Resource] = (),
    options: Iterable[Option] = (),
    fix: str | None = None,
) -> None:
    """Register a code that has no per-document check: the engine (E999) or a corpus pass reports it.
    ``doc`` is its manual, as a check's docstring would be."""
    _register(Rule(code, name, Severity(severity), None, network, tuple(uses), tuple(options), doc, fix))


def _register(entry: Rule) -> None:
    if entry.code in _RULES:
        raise RuntimeError(f"rule code {entry.code} registered twice")
    _RULES[entry.code] = entry


def registered_rules() -> dict[str, Rule]:
    """Every rule registered so far, by code, in code order."""
    return dict(sorted(_RULES.items()))


@dataclass(frozen=True)
class CorpusPass:
    """A check that needs the whole corpus (duplicate documents, link checking over the network).

    ``collect`` runs once per document and returns a small, picklable summary (or None).
    ``finish`` gets every (path, summary) pair in file order and yields (path, code, Violation).
    The pass runs when any of ``codes`` is enabled; each code is also registered as a rule,
    whose docstring documents it.
    """

    name: str
    codes: tuple[str, ...]
    collect: Callable[[Document, Config], Any]
    finish: Callable[[list[tuple[str, Any]], Config], Iterable[tuple[str, str, Violation]]]
    # Codes of document rules whose findings this pass may mend: a violation with such a code is
    # not a finding of its own; its fix goes to that rule's finding at the same place and subject.
    amends: tuple[str, ...] = ()


_PASSES: dict[str, CorpusPass] = {}


def corpus_pass(corpus: CorpusPass) -> CorpusPass:
    _PASSES[corpus.name] = corpus
    return corpus


def registered_passes() -> list[CorpusPass]:
    return list(_PASSES.values())
