"""Rules and their registry. A rule is a function that yields Violations; its docstring is its manual."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable

from contentlint.model.findings import Severity, Violation

if TYPE_CHECKING:
    from contentlint.engine.config import Config
    from contentlint.document import Document

CheckFunction = Callable[["Document", "Config"], Iterable[Violation]]

FAMILIES = {
    "E": "reading",
    "M": "metadata",
    "F": "freshness",
    "L": "links",
    "S": "authority",
    "Q": "quality",
}


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    check: CheckFunction
    network: bool = False

    @property
    def family(self) -> str:
        return FAMILIES.get(self.code[0], "other")

    @property
    def summary(self) -> str:
        return self.documentation.split("\n", 1)[0].strip()

    @property
    def documentation(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "").strip()


_RULES: dict[str, Rule] = {}


def rule(
    code: str, name: str, severity: str = "warning", *, network: bool = False
) -> Callable[[CheckFunction], CheckFunction]:
    """Register ``check`` as rule ``code``. Codes are stable: users put them in configs."""

    def register(check: CheckFunction) -> CheckFunction:
        if code in _RULES:
            raise RuntimeError(f"rule code {code} registered twice")
        _RULES[code] = Rule(code, name, Severity(severity), check, network)
        return check

    return register


def all_rules() -> dict[str, Rule]:
    """Every rule, by code, in code order."""
    import contentlint.rules  # noqa: F401  (registers the rule modules)

    return dict(sorted(_RULES.items()))


def get_rule(code: str) -> Rule | None:
    return all_rules().get(code.upper())


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
    collect: Callable[["Document", "Config"], Any]
    finish: Callable[[list[tuple[str, Any]], "Config"], Iterable[tuple[str, str, Violation]]]


_PASSES: dict[str, CorpusPass] = {}


def corpus_pass(corpus: CorpusPass) -> CorpusPass:
    _PASSES[corpus.name] = corpus
    return corpus


def all_corpus_passes() -> list[CorpusPass]:
    import contentlint.rules  # noqa: F401

    return list(_PASSES.values())


# What rules build on first use, by the codes that need it: built once before worker processes
# are forked, they share it instead of each building its own.
_PREPARERS: list[tuple[tuple[str, ...], Callable[["Config"], object]]] = []


def prepares(*codes: str) -> Callable[[Callable[["Config"], object]], Callable[["Config"], object]]:
    """Register a function that builds, for a config, what the rules ``codes`` use."""

    def register(function: Callable[["Config"], object]) -> Callable[["Config"], object]:
        _PREPARERS.append((codes, function))
        return function

    return register


def preparers_for(enabled: Iterable[str]) -> list[Callable[["Config"], object]]:
    import contentlint.rules  # noqa: F401

    wanted = set(enabled)
    return [function for codes, function in _PREPARERS if wanted.intersection(codes)]
