"""Q012: suppression comments that suppress nothing, judged only where every rule they name ran."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PROSE, TODAY, front_matter, lint_text, make_config
from contentlint.engine.linter import Linter
from contentlint.engine.suppressions import parse_suppressions
from contentlint.model.settings import Config

HEAD = front_matter() + "\n# Radiotherapy\n\n" + PROSE + "\n\n"
OVERDUE = front_matter(lastReviewed="'2020-01-01'") + "\n# Radiotherapy\n\n" + PROSE + "\n\n"
PLACEHOLDER = "Placeholder slot"
NEXT_Q001 = "<!-- contentlint-disable-next-line Q001 -->"


def _q012(text: str, config: Config | None = None, path: str = "doc.md") -> list[tuple[int, str]]:
    """(line, message before its colon) of each Q012 finding."""
    return [(f.line, f.message.split(": ")[0]) for f in lint_text(text, config, path) if f.code == "Q012"]


def _line(text: str, marker: str) -> int:
    return text.split("\n").index(marker) + 1


# (body after HEAD, config overrides, the marker line reported or None, message before its colon)
CASES = [
    # used: each kind of comment with the finding it suppresses
    (f"{NEXT_Q001}\n{PLACEHOLDER}\n", {}, None, ""),
    (f"{PLACEHOLDER} <!-- contentlint-disable-line Q001 -->\n", {}, None, ""),
    (f"<!-- contentlint-disable-file Q001 -->\n\n{PLACEHOLDER}\n", {}, None, ""),
    (f"<!-- contentlint-disable Q001 -->\n\n{PLACEHOLDER}\n\n<!-- contentlint-enable Q001 -->\n", {}, None, ""),
    (f"<!-- contentlint-disable Q001 -->\n\n{PLACEHOLDER}\n", {}, None, ""),  # a block to the end of the file
    # unused: nothing of the code where the comment reaches
    (f"{NEXT_Q001}\n{PROSE}\n", {}, NEXT_Q001, "suppression comment suppresses nothing (no Q001 finding on line {next})"),
    (f"{PROSE} <!-- contentlint-disable-line Q001 -->\n", {}, f"{PROSE} <!-- contentlint-disable-line Q001 -->",
     "suppression comment suppresses nothing (no Q001 finding on this line)"),
    ("<!-- contentlint-disable-file S003 -->\n", {}, "<!-- contentlint-disable-file S003 -->",
     "suppression comment suppresses nothing (no S003 finding in this file)"),
    (f"<!-- contentlint-disable Q001 -->\n\n{PROSE}\n\n<!-- contentlint-enable Q001 -->\n\n{PLACEHOLDER}\n", {},
     "<!-- contentlint-disable Q001 -->", "suppression comment suppresses nothing (no Q001 finding from line {this} to line {enable})"),
    (f"{NEXT_Q001}\n\n{PLACEHOLDER}\n", {}, NEXT_Q001, "suppression comment suppresses nothing (no Q001 finding on line {next})"),
    # a whole family, every rule of it checked per document
    ("<!-- contentlint-disable-file F -->\n", {}, "<!-- contentlint-disable-file F -->",
     "suppression comment suppresses nothing (no F finding in this file)"),
    # a code that names no rule, judged whatever the run selects
    (f"<!-- contentlint-disable-next-line Q1 -->\n{PLACEHOLDER}\n", {"select": ["Q012"]},
     "<!-- contentlint-disable-next-line Q1 -->", "suppression comment suppresses nothing (Q1 is no rule code)"),
    (f"<!-- contentlint-disable-next-line Q001 F01 -->\n{PLACEHOLDER}\n", {},
     "<!-- contentlint-disable-next-line Q001 F01 -->", "F01 in this suppression comment suppresses nothing (F01 is no rule code)"),
    (f"<!-- contentlint-disable-next-line Q001 S003 -->\n{PLACEHOLDER}\n", {},
     "<!-- contentlint-disable-next-line Q001 S003 -->",
     "S003 in this suppression comment suppresses nothing (no S003 finding on line {next})"),
    # a rule's name where its code belongs: pointed to the code, and not deleted (see the fix table)
    (f"<!-- contentlint-disable-next-line placeholder-text -->\n{PLACEHOLDER}\n", {},
     "<!-- contentlint-disable-next-line placeholder-text -->",
     "suppression comment suppresses nothing (`placeholder-text` is the name of Q001, and comments take codes)"),
    (f"<!-- contentlint-disable-next-line Q001 placeholder-text -->\n{PLACEHOLDER}\n", {},
     "<!-- contentlint-disable-next-line Q001 placeholder-text -->",
     "placeholder-text in this suppression comment suppresses nothing (`placeholder-text` is the name of Q001, and "
     "comments take codes)"),
    # a comment that begins as a directive but is none: it suppresses nothing, and says so
    (f"<!-- contentlint-disable-lines Q001 -->\n{PLACEHOLDER}\n", {}, "<!-- contentlint-disable-lines Q001 -->",
     "suppression comment cannot be read, so it suppresses nothing"),
    (f"{PLACEHOLDER} <!-- contentlint-disable-line Q001: the team knows -->\n", {},
     f"{PLACEHOLDER} <!-- contentlint-disable-line Q001: the team knows -->",
     "suppression comment cannot be read, so it suppresses nothing"),
    (f"<!-- contentlint-ignore Q001 -->\n{PLACEHOLDER}\n", {"select": ["Q012"]}, "<!-- contentlint-ignore Q001 -->",
     "suppression comment cannot be read, so it suppresses nothing"),
    (f"{NEXT_Q001[:-3]}-- the team fills this in next week -->\n{PLACEHOLDER}\n", {}, None, ""),  # a reason
    ("Write `<!-- contentlint-ignore Q001 -->` to ...\n", {}, None, ""),  # in code: an example, not a comment
    ("<!-- contentlint's own notes are no directive -->\n", {}, None, ""),
    # not judged: what the run did not check, or could not see yet
    (f"{NEXT_Q001}\n{PROSE}\n", {"select": ["Q012"]}, None, ""),  # Q001 did not run
    (f"{NEXT_Q001}\n{PROSE}\n", {"ignore": ["Q001"]}, None, ""),
    (f"{NEXT_Q001}\n{PROSE}\n", {"per_file_ignores": {"doc.md": ["Q001"]}}, None, ""),
    (f"<!-- contentlint-disable-next-line L001 -->\n{PROSE}\n", {}, None, ""),  # a network rule
    (f"<!-- contentlint-disable-next-line L -->\n{PROSE}\n", {}, None, ""),  # L covers the network rules
    ("<!-- contentlint-disable-file Q009 -->\n", {}, None, ""),  # corpus-wide: found after the document
    ("<!-- contentlint-disable-file Q -->\n", {}, None, ""),  # Q covers Q009
    (f"<!-- contentlint-disable-next-line -->\n{PROSE}\n", {}, None, ""),  # names no code: every rule
    # an example of the syntax in code is not a comment of the page
    (f"```markdown\n{NEXT_Q001}\n```\n", {}, None, ""),
    (f"    {NEXT_Q001}\n", {}, None, ""),
    (f"Write `{NEXT_Q001}` above the line.\n", {}, None, ""),
    # Q012 can be suppressed and turned off like any rule
    (f"<!-- contentlint-disable-file Q012 -->\n{NEXT_Q001}\n{PROSE}\n", {}, None, ""),
    (f"{NEXT_Q001}\n{PROSE}\n", {"ignore": ["Q012"]}, None, ""),
]


@pytest.mark.parametrize(("body", "overrides", "marker", "message"), CASES)
def test_unused_suppressions(body: str, overrides: dict[str, object], marker: str | None, message: str) -> None:
    text = HEAD + body
    found = _q012(text, make_config(**overrides))
    if marker is None:
        assert found == []
        return
    line = _line(text, marker)
    enable = next((i + 1 for i, row in enumerate(text.split("\n")) if "contentlint-enable" in row), 0)
    assert found == [(line, message.format(next=line + 1, this=line, enable=enable))]


@pytest.mark.parametrize(("comment", "advice"), [
    ("<!-- contentlint-disable-lines Q001 -->", "`contentlint-disable-lines` is no directive; did you mean `contentlint-disable-line`?"),
    ("<!-- contentlint-Disable-Next-Line Q001 -->",
     "`contentlint-Disable-Next-Line` is no directive; did you mean `contentlint-disable-next-line`?"),
    ("<!-- contentlint-ignore Q001 -->",
     "`contentlint-ignore` is no directive; use disable-next-line, disable-line, disable-file, or disable and enable"),
    ("<!-- contentlint-disable-next-line Q001; reviewed -->",
     "write its codes after the directive, separated by spaces or commas, and a reason after ` -- `"),
])
def test_an_unreadable_comment_says_what_to_write(comment: str, advice: str) -> None:
    [finding] = [f for f in lint_text(f"{HEAD}{comment}\n{PLACEHOLDER}\n") if f.code == "Q012"]
    assert finding.message == f"suppression comment cannot be read, so it suppresses nothing: {advice}"
    assert (finding.column, finding.fix) == (1, None)


def test_long_runs_of_dashes_are_read_in_one_pass() -> None:
    # each comment's end is found once: a line of 200,000 dashes after an open directive, or
    # thousands of directive openings with no end, must not be read again from every opening
    for line in ("<!-- contentlint-disable-line Q001 -- " + "-" * 200_000, "<!-- contentlint-" * 20_000):
        assert not parse_suppressions(line)
    closed = parse_suppressions("<!-- contentlint-disable-line Q001 -- " + "-" * 200_000 + ">")
    assert [directive.codes for directive in closed.directives] == [("Q001",)]


def test_an_overdue_review_suppressed_on_purpose_is_not_reported() -> None:
    text = OVERDUE + "<!-- contentlint-disable-file F001 -->\n"
    assert "F001" in {f.code for f in lint_text(OVERDUE)}
    assert [f.code for f in lint_text(text) if f.code in ("F001", "Q012")] == []


def test_a_plain_text_page_has_no_code_to_hide_a_comment() -> None:
    text = f"Notes on radiotherapy.\n\n    {NEXT_Q001}\n{PROSE}\n"
    assert _q012(text, path="notes.txt") == [(3, "suppression comment suppresses nothing (no Q001 finding on line 4)")]


def test_the_finding_points_at_the_comment_and_names_it() -> None:
    text = HEAD + f"{PROSE} <!-- contentlint-disable-line Q001 -->\n"
    (finding,) = [f for f in lint_text(text) if f.code == "Q012"]
    assert (finding.column, finding.subject) == (len(PROSE) + 2, "<!-- contentlint-disable-line Q001 -->")
    assert finding.severity == "warning" and finding.fix is not None and finding.fix.spans


def _fix(tmp_path: Path, body: str, select: list[str]) -> tuple[str, list[str]]:
    path = tmp_path / "page.md"
    path.write_text(HEAD + body, encoding="utf-8")
    config = Config(today=TODAY, select=select)
    config.sections["fix"] = {"mode": "fix", "unsafe-fixes": False}
    result = Linter(config).lint_file(path, "page.md")
    return path.read_text(encoding="utf-8")[len(HEAD):], [f.code for f in result.findings]


# (body before, body after --fix, or None when the file is left as it was)
FIX_TABLE = [
    # a rule's name or an unreadable comment: meant to suppress, so the editor mends it by hand
    (f"<!-- contentlint-disable-next-line placeholder-text -->\n{PLACEHOLDER}\n", None),
    (f"<!-- contentlint-disable-next-line Q001 placeholder-text -->\n{PLACEHOLDER}\n", None),
    (f"<!-- contentlint-disable-lines Q001 -->\n{PLACEHOLDER}\n", None),
    # alone on its line, between blank lines: the line goes
    (f"{NEXT_Q001}\n{PROSE}\n", f"{PROSE}\n"),
    (f"{PROSE}\n\n{NEXT_Q001}\n\nMore text.\n", f"{PROSE}\n\n\nMore text.\n"),
    # between two lines of text it kept two blocks apart: the line stays, blank
    (f"{PROSE}\n{NEXT_Q001}\nMore text.\n", f"{PROSE}\n\nMore text.\n"),
    # after text on its line: the comment and the spaces before it go
    (f"{PROSE}  <!-- contentlint-disable-line Q001 -->\n", f"{PROSE}\n"),
    # within a line of text: the words on either side keep one space between them, or none
    ("US <!-- contentlint-disable-line Q001 -->Brand names\n", "US Brand names\n"),
    ("US <!-- contentlint-disable-line Q001 -->  Brand names\n", "US Brand names\n"),
    ("US<!-- contentlint-disable-line Q001 --> Brand names\n", "US Brand names\n"),
    # between two characters that are not spaces: deleting it would join them, so a person decides
    ("US<!-- contentlint-disable-line Q001 -->Brand names\n", None),
    ("![](/img/a<!-- contentlint-disable-line Q001 -->b.jpg)\n", None),
    ("<!-- contentlint-disable-line Q001 -->     Brand names\n", "Brand names\n"),
    # the last line, without a line ending
    (f"{PROSE}\n{NEXT_Q001}", f"{PROSE}\n"),
    # only the unused codes leave a comment that still suppresses something
    (f"<!-- contentlint-disable-next-line Q001 F01 S003 -->\n{PLACEHOLDER}\n",
     f"{NEXT_Q001}\n{PLACEHOLDER}\n"),
    (f"<!-- contentlint-disable-next-line F01,Q001 -->\n{PLACEHOLDER}\n", f"{NEXT_Q001}\n{PLACEHOLDER}\n"),
    # a block's comment is reported but not changed: its `enable` belongs with it
    (f"<!-- contentlint-disable Q001 -->\n\n{PROSE}\n\n<!-- contentlint-enable Q001 -->\n", None),
    # used: left alone
    (f"{NEXT_Q001}\n{PLACEHOLDER}\n", None),
]


@pytest.mark.parametrize(("before", "after"), FIX_TABLE)
def test_fix_table(tmp_path: Path, before: str, after: str | None) -> None:
    fixed, left = _fix(tmp_path, before, ["Q001", "Q012", "S003", "F"])
    assert fixed == (after if after is not None else before)
    if after is not None:
        assert "Q012" not in left


@pytest.mark.parametrize(("text", "fixed"), [
    (f"{NEXT_Q001}---\ntitle: Notes\n\n{PROSE}\n", None),  # the rest would open a front matter
    (f"{NEXT_Q001}\n---\n\n{PROSE}\n", None),
    (f"\ufeff{NEXT_Q001}\n+++\n\n{PROSE}\n", None),
    (f"{NEXT_Q001}\n# Notes\n\n{PROSE}\n", f"# Notes\n\n{PROSE}\n"),
])
def test_deleting_a_comment_never_turns_the_body_into_front_matter(tmp_path: Path, text: str, fixed: str | None) -> None:
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    config = Config(today=TODAY, select=["Q001", "Q012"])
    config.sections["fix"] = {"mode": "fix", "unsafe-fixes": False}
    result = Linter(config).lint_file(path, "notes.md")
    assert path.read_text(encoding="utf-8") == (fixed if fixed is not None else text)
    assert [f.code for f in result.findings] == ([] if fixed is not None else ["Q012"])


def test_a_comment_in_the_front_matter_is_reported_and_left_as_it_is(tmp_path: Path) -> None:
    """It suppresses nothing there, and deleting it would edit the YAML: Q012 says so, --fix leaves it."""
    page = tmp_path / "page.md"
    text = HEAD.replace("---\n", "---\nnote: '<!-- contentlint-disable -->'\n", 1) + f"Placeholder slot\n\n{PROSE}\n"
    page.write_text(text, encoding="utf-8")
    config = Config(today=TODAY, select=["Q001", "Q012"])
    config.sections["fix"] = {"mode": "fix", "unsafe-fixes": False}
    result = Linter(config).lint_file(page, "page.md")
    assert page.read_text(encoding="utf-8") == text
    assert sorted((f.code, f.line) for f in result.findings) == [("Q001", text.count("\n", 0, text.index("Placeholder")) + 1),
                                                                  ("Q012", 2)]
    (q012,) = [f for f in result.findings if f.code == "Q012"]
    assert q012.message == ("suppression comment in the front matter suppresses nothing: only comments below the "
                            "front matter do; move it there")
    assert q012.fix is None
