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
    check: CheckFunction
    network: bool = False
    uses: tuple[Resource, ...] = ()
    options: tuple[Option, ...] = ()

    @property
    def family(self) -> str:
        return family_of(self.code)

    @property
    def summary(self) -> str:
        return self.documentation.split("\n", 1)[0].strip()

    @property
    def documentation(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "").strip()

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
) -> Callable[[CheckFunction], CheckFunction]:
    """Register ``check`` as rule ``code``. Codes are stable: users put them in configs."""

    def register(check: CheckFunction) -> CheckFunction:
        if code in _RULES:
            raise RuntimeError(f"rule code {code} registered twice")
        _RULES[code] = Rule(code, name, Severity(severity), check, network, tuple(uses), tuple(options))
        return check

    return register


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


_PASSES: dict[str, CorpusPass] = {}


def corpus_pass(corpus: CorpusPass) -> CorpusPass:
    _PASSES[corpus.name] = corpus
    return corpus


def registered_passes() -> list[CorpusPass]:
    return list(_PASSES.values())
