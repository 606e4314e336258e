"""Which rules exist (every module of ``contentlint.rules``, found by discovery) and which run."""

from __future__ import annotations

import difflib
import functools
import importlib
import pkgutil
from typing import Iterable

import contentlint.rules
from contentlint.analysis.selection import is_selected
from contentlint.model.errors import ConfigError
from contentlint.model.settings import Config, Resource
from contentlint.plugin import FAMILIES, CorpusPass, Rule, registered_passes, registered_rules


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


def check_codes(prefixes: Iterable[str], where: str) -> None:
    """A ConfigError for the first of ``prefixes`` that is no rule code or prefix of one (`ALL`
    aside), saying what was probably meant: the code of the rule so named, the letter of the
    family so named, or the closest code."""
    rules = all_rules()
    families = {name: letter for letter, name in FAMILIES.items()}
    for prefix in prefixes:
        if prefix.upper() == "ALL" or any(code.startswith(prefix.upper()) for code in rules):
            continue
        named = [code for code, rule in rules.items() if rule.name == prefix.strip().lower()]
        family = families.get(prefix.strip().lower())
        if named:
            suggestion = f"; `{rules[named[0]].name}` is the name of {named[0]}: rules are chosen by code, {named[0]}"
        elif family is not None:
            suggestion = f"; the {prefix.strip().lower()} rules are chosen by their letter, {family}"
        else:
            hint = difflib.get_close_matches(prefix.upper(), list(rules), n=1)
            suggestion = f"; did you mean {hint[0]}?" if hint else ""
        raise ConfigError(f"{where}: unknown rule code or prefix `{prefix}`{suggestion}")
