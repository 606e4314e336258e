"""Whether a run selects a rule code: ruff's prefix rule, shared by the engine and by rules that
leave a problem to the rule that reports its cause."""

from __future__ import annotations

from contentlint.model.settings import Config


def is_selected(code: str, select: list[str], ignore: list[str]) -> bool:
    """ruff's rule: the longest matching prefix decides; on a tie, ignore wins."""

    def best(prefixes: list[str]) -> int:
        lengths = [0 if p.upper() == "ALL" else len(p) for p in prefixes if p.upper() == "ALL" or code.startswith(p.upper())]
        return max(lengths, default=-1)

    chosen, dropped = best(select), best(ignore)
    return chosen >= 0 and chosen > dropped


def selects(config: Config, code: str) -> bool:
    """Whether the run reports ``code`` (before per-file ignores and inline suppressions)."""
    return is_selected(code, list(config.select) + list(config.extend_select), config.ignore)
