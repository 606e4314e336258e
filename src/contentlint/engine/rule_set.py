"""Which rules exist (every module of ``contentlint.rules``, found by discovery) and which run."""

from __future__ import annotations

import functools
import importlib
import pkgutil

import contentlint.rules
from contentlint.analysis.selection import is_selected
from contentlint.model.settings import Config, Resource
from contentlint.plugin import CorpusPass, Rule, registered_passes, registered_rules


@functools.lru_cache(maxsize=1)
def _load_rule_modules() -> None:
    for module in sorted(pkgutil.iter_modules(contentlint.rules.__path__), key=lambda m: m.name):
        importlib.import_module(f"{contentlint.rules.__name__}.{module.name}")


def all_rules() -> dict[str, Rule]:
    """Every rule, by code, in code order."""
    _load_rule_modules()
    return registered_rules()


def all_corpus_passes() -> list[CorpusPass]:
    _load_rule_modules()
    return registered_passes()


def enabled_rules(config: Config) -> list[Rule]:
    select = list(config.select) + list(config.extend_select)
    return [
        rule
        for code, rule in all_rules().items()
        if is_selected(code, select, config.ignore) and (config.network or not rule.network)
    ]


def resources_of(rules: list[Rule]) -> list[Resource]:
    """The resources ``rules`` use, each once, in a stable order."""
    return list(dict.fromkeys(resource for rule in rules for resource in rule.uses))
