"""The documentation: docs/rules.md is generated from the rules, and no relative link is broken."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from contentlint.engine.rule_set import all_rules
from contentlint.report.rules_page import REGENERATE, escape, rules_markdown

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]

_FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1[^\n]*$", re.S | re.M)
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
_INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.M)


def _prose(text: str) -> str:
    """The Markdown without fenced code blocks and code spans, where a link is only an example."""
    return _CODE_SPAN.sub("", _FENCE.sub("", text))


def relative_links(page: Path) -> list[str]:
    prose = _prose(page.read_text("utf-8"))
    targets = _INLINE_LINK.findall(prose) + _REFERENCE.findall(prose)
    return [t for t in targets if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", t)]


def anchors(page: Path) -> set[str]:
    """GitHub's anchors for the headings of ``page``: lower case, punctuation dropped, spaces to hyphens."""
    found: set[str] = set()
    for heading in _HEADING.findall(_FENCE.sub("", page.read_text("utf-8"))):
        text = re.sub(r"\\(.)", r"\1", heading).replace("`", "")
        slug = re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
        candidate, n = slug, 1
        while candidate in found:
            candidate, n = f"{slug}-{n}", n + 1
        found.add(candidate)
    return found


def test_docs_folder_has_the_pages():
    for name in ("guide.md", "configuration.md", "ci.md", "benchmarks.md", "bad-input.md", "rules.md"):
        assert (DOCS / name).is_file(), f"docs/{name} is missing"


def test_rules_page_is_generated_from_the_rules():
    expected = rules_markdown(all_rules())
    actual = (DOCS / "rules.md").read_text("utf-8")
    assert actual == expected, f"docs/rules.md is out of date with the rules' docstrings; regenerate it:\n{REGENERATE}"


def test_rules_page_has_every_rule_in_family_order():
    page = rules_markdown(all_rules())
    codes = re.findall(r"^### ([A-Z]\d{3}) ", page, re.M)
    assert sorted(codes) == sorted(all_rules())
    families = list(dict.fromkeys(code[0] for code in codes))
    assert families == [f for f in "EMFLSQ" if f in families]
    for code, rule in all_rules().items():
        section = page.split(f"### {code} ", 1)[1].split("\n### ", 1)[0]
        assert f"- Default severity: {rule.severity.value}" in section
        assert f"- Needs `--links`: {'yes' if rule.network else 'no'}" in section
        assert rule.documentation in section


def test_headings_are_escaped():
    assert escape("a_b *c* [d] <e> #f `g`") == r"a\_b \*c\* \[d\] \<e\> \#f \`g\`"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_point_at_files_that_exist(page: Path):
    broken = []
    for target in relative_links(page):
        path_part, _, fragment = target.partition("#")
        destination = (page.parent / path_part).resolve() if path_part else page
        if not destination.exists():
            broken.append(f"{target} (no such file)")
        elif fragment and destination.suffix == ".md" and fragment not in anchors(destination):
            broken.append(f"{target} (no heading #{fragment} in {destination.name})")
    assert not broken, f"{page.relative_to(ROOT)}: broken relative links: {', '.join(broken)}"


def test_link_finder_sees_links_and_skips_code(tmp_path: Path):
    page = tmp_path / "page.md"
    page.write_text(
        "[a](a.md) ![b](img/b.png) [c](https://example.org/) [d](#top)\n"
        "`[e](e.md)`\n\n```\n[f](f.md)\n```\n\n[g]: g.md\n",
        "utf-8",
    )
    assert sorted(relative_links(page)) == ["#top", "a.md", "g.md", "img/b.png"]


def test_readme_shows_what_its_try_it_command_prints(run_cli) -> None:
    """Each line of the README's sample output is a line the command it gives really prints."""
    readme = (ROOT / "README.md").read_text("utf-8")
    command = re.search(r"&& (contentlint check examples/ --today \S+)\n", readme)
    assert command is not None
    sample = re.search(r"The output looks like this[^\n]*\n\n```\n(.*?)\n```", readme, re.S)
    assert sample is not None
    args = command.group(1).split()[1:]
    printed = run_cli(*args, cwd=ROOT).out.splitlines()
    shown = [line for line in sample.group(1).splitlines() if line != "…"]
    assert len(shown) >= 3
    assert [line for line in shown if line not in printed] == []
    assert shown[-1] == printed[-1]  # the summary line, word for word
