"""The rules page (docs/rules.md), generated from the rules' own documentation.

``rules_markdown(all_rules())`` gives the page; ``tests/test_docs.py`` checks that the committed
file is up to date. Each rule's section is its code, name, default severity, family and whether it
needs ``--links``, then its docstring (what ``contentlint explain CODE`` prints), as written.
"""

from __future__ import annotations

import re

from contentlint.model.findings import Severity
from contentlint.plugin import FAMILIES, Rule

REGENERATE = (
    'python -c "from contentlint.engine.rule_set import all_rules; '
    "from contentlint.report.rules_page import rules_markdown; "
    "print(rules_markdown(all_rules()), end='')\" > docs/rules.md"
)

# Characters that mean something in a Markdown heading or table cell.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def escape(text: str) -> str:
    """``text`` with Markdown's special characters backslash-escaped, for a heading or a cell."""
    return _SPECIAL.sub(r"\\\1", text)


def _cell(text: str) -> str:
    """``text`` for a table cell: its inline Markdown kept, only a pipe escaped."""
    return text.replace("|", "\\|")


def _link_text(text: str) -> str:
    """``text`` as the text of a link in a table cell: brackets and pipes escaped."""
    return _cell(re.sub(r"([\\[\]])", r"\\\1", text))


def _anchor(rule: Rule) -> str:
    """The anchor GitHub gives the heading "CODE name": lower case, spaces to hyphens."""
    return re.sub(r"[^a-z0-9 _-]", "", f"{rule.code} {rule.name}".lower()).replace(" ", "-")


def _family_order(code: str) -> tuple[int, str]:
    letters = list(FAMILIES)
    letter = code[:1]
    return (letters.index(letter) if letter in letters else len(letters), code)


def _needs_links(rule: Rule) -> str:
    return "yes" if rule.network else "no"


def rules_markdown(rules: dict[str, Rule]) -> str:
    """The whole rules page for ``rules`` (by code), families in the order E, M, F, L, S, Q."""
    ordered = sorted(rules.values(), key=lambda rule: _family_order(rule.code))
    errors = sum(rule.severity is Severity.ERROR for rule in ordered)
    lines = [
        "# Rules",
        "",
        "<!-- Generated from the rules' docstrings by contentlint.report.rules_page: do not edit by hand.",
        f"     Regenerate with: {REGENERATE} -->",
        "",
        f"contentlint has {len(ordered)} rules, {errors} of them errors by default. "
        "`contentlint rules` lists them and `contentlint explain CODE` prints the same text as below. "
        "Severities can be changed in `[tool.contentlint.severity]` (see [Configuration](configuration.md)); "
        "rules marked as needing `--links` run only with `contentlint check --links` or `contentlint report --links`.",
        "",
        "| code | name | default | family | needs `--links` | what |",
        "|---|---|---|---|---|---|",
    ]
    for rule in ordered:
        lines.append(
            f"| {rule.code} | {escape(rule.name)} | {rule.severity.value} | {rule.family} "
            f"| {_needs_links(rule)} | [{_link_text(rule.summary)}](#{_anchor(rule)}) |"
        )
    family = None
    for rule in ordered:
        if rule.family != family:
            family = rule.family
            letter = rule.code[:1]
            lines += ["", f"## {escape(family.capitalize())} ({escape(letter)})"]
        lines += [
            "",
            f"### {escape(rule.code)} {escape(rule.name)}",
            "",
            f"- Default severity: {rule.severity.value}",
            f"- Family: {escape(family)}",
            f"- Needs `--links`: {_needs_links(rule)}",
            "",
            rule.documentation,
        ]
    return "\n".join(lines) + "\n"
