"""--fix, --diff and --unsafe-fixes: what each fix does (a before/after table per rule), that a fixed
file keeps everything outside the edited spans, that the diff is what --fix writes, and that fixing
is idempotent and leaves other rules' findings alone."""

from __future__ import annotations

import codecs
import collections
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import TODAY, front_matter, lint_text
from contentlint.engine.fixing import choose, fix_policy, fix_text
from contentlint.engine.linter import Linter
from contentlint.engine.rule_set import all_rules
from contentlint.model.findings import Finding, Severity
from contentlint.model.fixes import Edit, Fix
from contentlint.model.results import FileResult
from contentlint.model.settings import Config

LONG = "Chemotherapy can make you feel tired for some weeks after treatment ends."
OTHER = "Ask your care team which of these side effects you should report at once."
HEAD = front_matter(url="https://www.cancer.gov/about-cancer/treatment")


def _config(select: list[str], *, mode: str = "fix", unsafe: bool = False, **fix: object) -> Config:
    config = Config(today=TODAY, select=select)
    config.sections["fix"] = {"mode": mode, "unsafe-fixes": unsafe, **fix}
    return config


def _fix(tmp_path: Path, text: str | bytes, select: list[str], **options: object) -> tuple[bytes, list[str]]:
    """The file's bytes after --fix, and the codes of the findings left."""
    path = tmp_path / "page.md"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    result = Linter(_config(select, **options)).lint_file(path, "page.md")
    return path.read_bytes(), [f.code for f in result.findings]


# (code, unsafe needed, body before, body after): each fixable rule, fixed and left alone.
FIX_TABLE = [
    ("L004", False, "See [PubMed](http://www.ncbi.nlm.nih.gov/pubmed/1).\n",
     "See [PubMed](https://www.ncbi.nlm.nih.gov/pubmed/1).\n"),
    ("L004", False, "<http://doi.org/10.1000/1> and HTTP://www.cancer.gov/x\n",
     "<https://doi.org/10.1000/1> and https://www.cancer.gov/x\n"),
    ("L004", False, '<a href="http://pubmed.ncbi.nlm.nih.gov/2/">PubMed</a>\n',
     '<a href="https://pubmed.ncbi.nlm.nih.gov/2/">PubMed</a>\n'),
    ("L004", False, "[ref]: http://www.ncbi.nlm.nih.gov/pmc/3\n\nSee [the study][ref].\n",
     "[ref]: https://www.ncbi.nlm.nih.gov/pmc/3\n\nSee [the study][ref].\n"),
    # A host not known to serve https, a sub-domain of a known one, code: left alone.
    ("L004", False, "See [a shop](http://example.org/buy).\n", None),
    # Sites that PDQ summaries cite over http and that serve the same pages over https.
    ("L004", False, "[COG](http://www.survivorshipguidelines.org/pdf/2018/COG_LTFU.pdf) and [ASCO](http://www.asco.org/x)\n",
     "[COG](https://www.survivorshipguidelines.org/pdf/2018/COG_LTFU.pdf) and [ASCO](https://www.asco.org/x)\n"),
    ("L004", False, "See [a page](http://ftp.ncbi.nlm.nih.gov/x).\n", None),
    ("L004", False, "`http://www.ncbi.nlm.nih.gov/x` in code is no link.\n", None),
    ("L013", False, "See [the study](https://www.google.com/url?q=https://www.cancer.gov/types&sa=D).\n",
     "See [the study](https://www.cancer.gov/types).\n"),
    ("L013", False, "[ref]: https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.nhs.uk%2F&data=05\n\n"
     "See [NHS][ref].\n", "[ref]: https://www.nhs.uk/\n\nSee [NHS][ref].\n"),
    ("L013", False, "See [the trial](https://bit.ly/3abcDEF).\n", None),  # a shortener: a person finds the page
    ("Q004", False, f"{LONG}\n{LONG}\n", f"{LONG}\n"),
    ("Q004", False, f"{LONG}\n\n{LONG}\n\n{OTHER}\n", f"{LONG}\n\n{OTHER}\n"),
    ("Q004", False, f"- {LONG}\n- {LONG}\n", f"- {LONG}\n"),
    ("Q004", False, f"{LONG}\n{LONG}", f"{LONG}"),  # the last line, without a line ending
    # A copy further away is reported but not fixed: which one belongs where is a judgment.
    ("Q004", False, f"{LONG * 4}\n\n{OTHER}\n\n{LONG * 4}\n", None),
    ("Q005", True, "# Title\n\nText.\n\n# Title - site\n\nMore.\n", "# Title\n\nText.\n\n## Title - site\n\nMore.\n"),
    ("Q005", True, "# Title\n\nText.\n\nSecond\n======\n", "# Title\n\nText.\n\nSecond\n------\n"),
    ("Q005", False, "# Title\n\nText.\n\n# Title - site\n", None),  # unsafe: not without --unsafe-fixes
    ("Q005", True, "# Title - site\n\n# Title\n\nText.\n", "# Title\n\nText.\n"),  # a title bar goes
    ("Q005", True, "Intro.\n\n# Title - site\n\n# Title\n", "Intro.\n\n# Title\n"),
    ("Q005", True, "# Title - site\n# Title\n\nText.\n", "# Title\n\nText.\n"),  # no blank line to take
    ("Q005", True, "# Title - site\n \t\n# Title\n", "# Title\n"),  # a blank line of spaces goes too
    ("Q005", True, "Title - site\n===\n\n# Title\n", "# Title\n"),
    ("Q005", False, "# Title - site\n\n# Title\n\nText.\n", None),
    ("Q002", True, "# Title\n\nBack to top\n\nText of the page.\n", "# Title\n\nText of the page.\n"),
    # The page's last line: the blank lines before it go too, so the page ends where its text does.
    ("Q002", True, "# Title\n\nText of the page.\n\n**Share**\n", "# Title\n\nText of the page.\n"),
    ("Q002", True, "# Title\n\nText of the page.\n\n\n**Share**\n\n", "# Title\n\nText of the page.\n"),
    ("Q002", True, "# Title\n\nText of the page.\n\n**Share**", "# Title\n\nText of the page."),
    ("Q002", True, "# Title\n\nText of the page.\n**Share**\n", "# Title\n\nText of the page.\n"),
    (
        "Q002", True, "# Title\n\n## Error message\n\nCould not retrieve the oEmbed resource.\n\n# Talk\n",
        "# Title\n\n# Talk\n",
    ),
    ("Q002", True, "# Title\n\nSkip to main content of this page, please.\n", None),  # within a sentence
    ("Q002", True, "# Title\n\n| a | b |\n|---|---|\n| Print | x |\n", None),  # a table cell
    ("Q002", False, "# Title\n\nBack to top\n\nText.\n", None),
    ("Q001", True, "# Title\n\nPlaceholder slot\n\nText of the page.\n", "# Title\n\nText of the page.\n"),
    ("Q001", True, "# Title\n\n**TODO**\n\nText of the page.\n", "# Title\n\nText of the page.\n"),
    ("Q001", True, "# Title\n\nTODO: write the dosage section.\n", None),  # more than the placeholder
    ("Q001", True, "# Title\n\n| a | b |\n|---|---|\n| TBD | x |\n", None),  # a table cell
    ("Q001", False, "# Title\n\nPlaceholder slot\n\nText.\n", None),  # unsafe: not without --unsafe-fixes
    ("Q013", True, "# Title\n\n##\n\nWhat is the study?\n\nText.\n", "# Title\n\n## What is the study?\n\nText.\n"),
    ("Q013", True, "# Title\n\n  ### ###\nWho can join?\n", "# Title\n\n  ### Who can join?\n"),
    ("Q013", True, '# Title\n\n## <a id="who"></a> ##\n\nWho can join?\n', '# Title\n\n## <a id="who"></a> Who can join?\n'),
    ("Q013", True, "# Title\n\n##\n\n- Surgery\n", None),  # no line to move: left to a person
    ("Q013", False, "# Title\n\n##\n\nWhat is the study?\n", None),  # unsafe: not without --unsafe-fixes
    ("Q015", True, "# Title\n\nSee:\n[Hair loss](a.md)\n[Mouth sores](b.md)\n",
     "# Title\n\nSee:\n- [Hair loss](a.md)\n- [Mouth sores](b.md)\n"),
    ("Q015", True, "# Title\n\n[Hair loss](a.md)\n[Mouth sores](b.md)\nAsk your nurse.\n",
     "# Title\n\n- [Hair loss](a.md)\n- [Mouth sores](b.md)\n\nAsk your nurse.\n"),  # the text after stays a paragraph
    ("Q015", True, "# Title\n\n**[Hair loss](a.md)**\n[Mouth sores](b.md)\n",
     "# Title\n\n- **[Hair loss](a.md)**\n- [Mouth sores](b.md)\n"),
    ("Q015", True, "# Title\n\n- Pages:\n  [Hair loss](a.md)\n  [Mouth sores](b.md)\n", None),  # in an item: nest how?
    ("Q015", True, "# Title\n\n> [Hair loss](a.md)\n> [Mouth sores](b.md)\n", None),  # in a quotation
    ("Q015", False, "# Title\n\n[Hair loss](a.md)\n[Mouth sores](b.md)\n", None),  # unsafe: not without --unsafe-fixes
    ("Q015", True, "# Title\n\n[Hair loss](a.md) [Mouth sores](b.md)  [Sick and tired](c.md)\nAsk your nurse.\n",
     "# Title\n\n- [Hair loss](a.md)\n- [Mouth sores](b.md)\n- [Sick and tired](c.md)\n\nAsk your nurse.\n"),
    ("Q015", True, "# Title\n\n**[Hair loss](a.md)** **[Mouth sores](b.md)** **[Sick](c.md)**\n",
     "# Title\n\n- **[Hair loss](a.md)**\n- **[Mouth sores](b.md)**\n- **[Sick](c.md)**\n"),
    ("Q015", True, "# Title\n\n- [Hair loss](a.md) [Mouth sores](b.md) [Sick](c.md)\n", None),  # in an item: nest how?
    ("Q021", True, "# Title\n\nChanges in the[BRAF gene](https://example.org/b) and [the dose](https://example.org/d)is low.\n",
     "# Title\n\nChanges in the [BRAF gene](https://example.org/b) and [the dose](https://example.org/d) is low.\n"),
    ("Q021", False, "# Title\n\nChanges in the[BRAF gene](https://example.org/b).\n", None),  # unsafe: not without --unsafe-fixes
    ("Q022", True, "# Title\n\n[](https://www.nhs.uk/)\n\nFlu spreads in winter.\n", "# Title\n\nFlu spreads in winter.\n"),
    ("Q022", True, "# Title\n\nSee [ ](https://www.nhs.uk/flu) for more.\n", "# Title\n\nSee for more.\n"),
    ("Q022", False, "# Title\n\nSee [ ](https://www.nhs.uk/flu) for more.\n", None),  # unsafe: not without --unsafe-fixes
    ("Q016", False, "# Title\n\n| A | B |\n| --- | --- |\n|  |  |\n| --- | --- |\n| N = note. | |\n| 1 | 2 |\n",
     "# Title\n\n| A | B |\n| --- | --- |\n| N = note. | |\n| 1 | 2 |\n"),  # the notes stay for a person
    ("Q016", False, "# Title\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n|---|---|",
     "# Title\n\n| A | B |\n| --- | --- |\n| 1 | 2 |"),  # the last line, with no line end
    ("Q016", False, "# Title\n\n> | A | B |\n> | --- | --- |\n> | --- | --- |\n> | 1 | 2 |\n",
     "# Title\n\n> | A | B |\n> | --- | --- |\n> | 1 | 2 |\n"),
    # Q019: the first paragraph with words becomes the link; the stray "[" and "](…)" go.
    ("Q019", True, "# Title\n\n[![A nurse](n.jpg)\n\nNew trial\n\nWho can join.](t.md)\n",
     "# Title\n\n![A nurse](n.jpg)\n\n[New trial](t.md)\n\nWho can join.\n"),
    ("Q019", True, "# Title\n\n[New trial\n\nWho can join.](t.md)\n",
     "# Title\n\n[New trial](t.md)\n\nWho can join.\n"),  # the title right after the "["
    ("Q019", True, "# Title\n\n[![A nurse](n.jpg)\n\nWho can join.](t.md)\n",
     "# Title\n\n![A nurse](n.jpg)\n\n[Who can join.](t.md)\n"),  # the only words right before the "]("
    ("Q019", True, "# Title\n\n- [New trial  \n\n  Who can join.](t.md \"Trial\")\n",
     "# Title\n\n- [New trial](t.md \"Trial\")  \n\n  Who can join.\n"),
    ("Q019", True, "# Title\n\n> [New trial\n>\n> Who can join.](t.md)\n",
     "# Title\n\n> [New trial](t.md)\n>\n> Who can join.\n"),
    ("Q019", True, "# Title\n\n[See [the list](l.md)\n\nWho can join.](t.md)\n", None),  # a link in the title
    ("Q019", True, "# Title\n\n[![A nurse](n.jpg)\n\n## New trial\n\nWho can join.](t.md)\n", None),  # a heading
    ("Q019", True, "# Title\n\n[![A nurse](n.jpg)\n\n![A ward](w.jpg)](t.md)\n", None),  # no words to link
    ("Q019", False, "# Title\n\n[New trial\n\nWho can join.](t.md)\n", None),  # unsafe: not without --unsafe-fixes
    ("Q020", False, "# Title\n\n**Port:**A disc.\n- **Pump:**A pump.\n", "# Title\n\n**Port:** A disc.\n- **Pump:** A pump.\n"),
    ("Q020", False, "# Title\n\nUse **ice:**it helps, **rest:**it heals.\n", "# Title\n\nUse **ice:** it helps, **rest:** it heals.\n"),
    ("Q020", False, "# Title\n\n- **Age****:** Women.\n- Gut****: Bowel.\n", "# Title\n\n- **Age:** Women.\n- Gut: Bowel.\n"),
    ("Q020", False, "# Title\n\n**8.****When?**\n\n**A****/B/****C**\n", "# Title\n\n**8. When?**\n\n**A/B/C**\n"),
    # Q024: a reader service's header under front matter that has its title and address: deleted.
    ("Q024", True, "Title: Hair loss\n\nURL Source: https://www.cancer.gov/hair\n\nMarkdown Content:\n# Hair loss\n",
     "# Hair loss\n"),
    ("Q024", False, "Title: Hair loss\nURL Source: https://www.cancer.gov/hair\nMarkdown Content:\n# Hair loss\n",
     None),  # unsafe: not without --unsafe-fixes
    ("Q024", False, "Title: Hair loss\nWarning: Target URL returned error 404: Not Found\nMarkdown Content:\nGone.\n",
     None),  # a failed fetch: Q023's
]


@pytest.mark.parametrize("code, unsafe, before, after", FIX_TABLE)
def test_fix_table(tmp_path: Path, code: str, unsafe: bool, before: str, after: str | None) -> None:
    fixed, left = _fix(tmp_path, HEAD + "\n" + before, [code], unsafe=unsafe)
    assert fixed.decode("utf-8") == HEAD + "\n" + (after if after is not None else before)
    if after is not None:
        assert code not in left


# (front matter line before, after, unsafe needed): M002 puts a value the YAML cannot read in quotes.
@pytest.mark.parametrize(
    ("header", "front"),
    [
        ("Title: Hair loss: what to expect\n\nURL Source: https://www.example.org/hair?id=1\n\n"
         "Published Time: 2024-05-01T10:00:00Z\n\nMarkdown Content:\n",
         '---\ntitle: "Hair loss: what to expect"\nurl: https://www.example.org/hair?id=1\n'
         "# Published Time: 2024-05-01T10:00:00Z\n---\n"),
        ('Title: Say "ah"\nURL Source: https://www.example.org/a b\nMarkdown Content:   \n',
         '---\ntitle: "Say \\"ah\\""\nurl: "https://www.example.org/a b"\n---\n'),
    ],
)
def test_q024_turns_a_reader_header_into_front_matter(tmp_path: Path, header: str, front: str) -> None:
    fixed, left = _fix(tmp_path, header + "Hair may fall out a few weeks after treatment starts.\n", ["Q024", "M"])
    assert fixed.decode("utf-8") == front + "Hair may fall out a few weeks after treatment starts.\n"
    assert "Q024" not in left and "M001" not in left and "M002" not in left and "M101" in left


QUOTE_TABLE = [
    ("title: Lenalidomide: what to expect\n", 'title: "Lenalidomide: what to expect"\n', False),
    # a field name before the second colon: two lines run together, perhaps, not a title with a colon
    ("citation: ncititle: Radiotherapy\n", 'citation: "ncititle: Radiotherapy"\n', True),
    ("citation: ncititle: Radiotherapy\n", None, False),
    ("title: Lenalidomide: what to expect  \n", 'title: "Lenalidomide: what to expect"  \n', False),
    ("citation: @NCI\n", 'citation: "@NCI"\n', False),
    ("citation: `NCI`\n", 'citation: "`NCI`"\n', False),
    ("citation: *NCI\n", 'citation: "*NCI"\n', True),  # meant as an alias? unsafe
    ("citation: *NCI\n", None, False),
    ("citation: - NCI\n", 'citation: "- NCI"\n', True),
    ("citation: !NCI\n", 'citation: "!NCI"\n', True),
    ("tags:\n  - surgery: Surgery: what to expect\n", 'tags:\n  - surgery: "Surgery: what to expect"\n', False),
    ('title: Lenalidomide: "what" to expect\n', None, True),  # a quote to escape: left to a person
    ("title: Lenalidomide: what to expect # from NCI\n", None, True),  # a comment, or part of the title?
    ("citation: [NCI\n", None, True),  # an unclosed list: meant as a list, perhaps
    ("\tcitation: NCI\n", None, True),  # a tab: how deep it was meant is unknown
]


@pytest.mark.parametrize("extra, quoted, unsafe", QUOTE_TABLE)
def test_unreadable_value_quoted(tmp_path: Path, extra: str, quoted: str | None, unsafe: bool) -> None:
    head = front_matter(title=None) if extra.startswith("title") else front_matter()
    before = head[:-4] + extra + "---\n"
    fixed, left = _fix(tmp_path, before + "\n# Title\n\nText.\n", ["M002"], unsafe=unsafe)
    expected = head[:-4] + (quoted if quoted is not None else extra) + "---\n"
    assert fixed.decode("utf-8") == expected + "\n# Title\n\nText.\n"
    assert ("M002" in left) == (quoted is None)


@pytest.mark.parametrize(
    ("code", "before", "after"),
    [
        ("M002", "source = NCI\n", 'source = "NCI"\n'),
        ("M002", "source = NCI # the institute\n", None),  # a comment, or part of the value?
        ("M003", "source = 'NCI'\nsource = 'NCI'\n", "source = 'NCI'\n"),
        ("M003", "source = 'NCI'\nsource = 'ACS'\n", None),
        ("M003", 'tags = [\n"a",\n]\ntags = [\n"a",\n]\n', None),  # the value goes on below the key
    ],
)
def test_toml_front_matter_is_mended_too(tmp_path: Path, code: str, before: str, after: str | None) -> None:
    head, tail = '+++\ntitle = "Radiotherapy"\n', "+++\n\n# Title\n\nText.\n"
    fixed, left = _fix(tmp_path, head + before + tail, [code])
    assert fixed.decode("utf-8") == head + (after if after is not None else before) + tail
    assert (code in left) == (after is None)


# (page before, after --fix --unsafe-fixes): M002 closes front matter that was never closed.
FENCE_TABLE = [
    ("---\ntitle: a\nurl: https://www.cancer.gov/a\n\n# T\n\nText.\n",
     "---\ntitle: a\nurl: https://www.cancer.gov/a\n---\n\n# T\n\nText.\n"),
    ("---\ntitle: a\ntags:\n- x\n  # under a field\n# T\n\nText.\n",  # `# T` is the page's heading
     "---\ntitle: a\ntags:\n- x\n  # under a field\n---\n# T\n\nText.\n"),
    ("---\ntitle: a\n# a comment\nurl: https://www.cancer.gov/a\n\nText.\n",
     "---\ntitle: a\n# a comment\nurl: https://www.cancer.gov/a\n---\n\nText.\n"),
    ("---\ntitle: a\nurl: https://www.cancer.gov/a", "---\ntitle: a\nurl: https://www.cancer.gov/a\n---\n"),
    ("+++\ntitle = 'a'\nlastmod = 2024-01-02\n\nText.\n", "+++\ntitle = 'a'\nlastmod = 2024-01-02\n+++\n\nText.\n"),
    ("---\ntitle: a\ntitle: a\n\nText.\n", "---\ntitle: a\ntitle: a\n---\n\nText.\n"),  # M003 follows
    ("---\nJust a line of text\n\nText.\n", None),  # no fields: nothing to close
    ("---\ntitle: a\nlangua\nge: en\n\nText.\n", None),  # a field again below a broken line: unclear
    ("---\ntitle: a\nlangua\nGo to:\nge: en\n\nText.\n", None),
    ("---\ntitle: a\n\nurl: https://www.cancer.gov/a\n\nText.\n", None),  # a field again after a blank line
    ("---\ntitle: a: b\n\nText.\n", None),  # the lines above do not read as front matter
]


@pytest.mark.parametrize("before, after", FENCE_TABLE)
def test_front_matter_never_closed_is_closed_after_its_fields(tmp_path: Path, before: str, after: str | None) -> None:
    fixed, left = _fix(tmp_path, before, ["M002"], unsafe=True)
    assert fixed.decode("utf-8") == (after if after is not None else before)
    assert ("M002" in left) == (after is None)
    unsafe_only, _ = _fix(tmp_path, before, ["M002"])
    assert unsafe_only.decode("utf-8") == before  # where the fields end is a person's call


# (front matter lines added at its end, what they become): M003 deletes a field's line written twice.
COPY_TABLE = [
    ("citation: NCI, 2026\ncitation: NCI, 2026\n", "citation: NCI, 2026\n"),
    ("citation: NCI, 2026\ncitation: NCI, 2026   \n", "citation: NCI, 2026\n"),  # trailing spaces aside
    ("citation: NCI, 2026\ntags: [a]\ncitation: NCI, 2026\n", "citation: NCI, 2026\ntags: [a]\n"),
    ("citation: NCI, 2026\ncitation: NCI, 2025\n", None),  # which one is true is a person's call
    ("citation: NCI, 2026\ncitation: 'NCI, 2026'\n", None),  # written differently
    ("tags:\n- a\ntags:\n- a\n", None),  # the value goes on below the key
    ("citation: |\n  NCI\ncitation: |\n  NCI\n", None),
]


@pytest.mark.parametrize("extra, kept", COPY_TABLE)
def test_field_written_twice_is_deleted_once(tmp_path: Path, extra: str, kept: str | None) -> None:
    head = front_matter()
    fixed, left = _fix(tmp_path, head[:-4] + extra + "---\n\n# Title\n\nText.\n", ["M003"])
    assert fixed.decode("utf-8") == head[:-4] + (kept if kept is not None else extra) + "---\n\n# Title\n\nText.\n"
    assert ("M003" in left) == (kept is None)


# (front matter lines before, after, unsafe needed): M103 renames a misspelt key in place.
RENAME_TABLE = [
    ("audiencelevel: 'patient'  # who reads it\n", "audienceLevel: 'patient'  # who reads it\n", False),
    ('"audience_level": patient\n', '"audienceLevel": patient\n', False),
    ("lastreviewed: 2026-06-01\n", "lastReviewed: 2026-06-01\n", True),  # a review field: unsafe
    ("lastreviewed: 2026-06-01\n", None, False),
    ("audiencelevel: patient\naudienceLevel: patient\n", None, False),  # the right name is there
    ("audiencelevel: patient\naudience-level: patient\n", None, False),  # two keys, one field: ambiguous
    ("colour: blue\n", None, False),  # no close field
    ("audiencelevel: public_domain\n", None, False),  # not an audience level: the key was something else
    ("lastreviewed: 'soon'\n", None, True),  # not a date: renaming it would only move the problem
]


@pytest.mark.parametrize("extra, renamed, unsafe", RENAME_TABLE)
def test_misspelt_field_renamed(tmp_path: Path, extra: str, renamed: str | None, unsafe: bool) -> None:
    fields: dict[str, object] = {"lastReviewed": None} if "lastreviewed" in extra else {}
    head = front_matter(**fields)
    before = head[:-4] + extra + "---\n"  # the extra lines last in the front matter
    fixed, left = _fix(tmp_path, before + "\n# Title\n\nText.\n", ["M103"], unsafe=unsafe)
    expected = head[:-4] + (renamed if renamed is not None else extra) + "---\n"
    assert fixed.decode("utf-8") == expected + "\n# Title\n\nText.\n"
    assert ("M103" in left) == (renamed is None)


# (the lastReviewed line before, after, unsafe needed): M102 writes a review date as YYYY-MM-DD.
DATE_TABLE = [
    ("lastReviewed: '3 May 2024'  # by K. Lee\n", "lastReviewed: '2024-05-03'  # by K. Lee\n", False),
    ("lastReviewed: May 3, 2024\n", "lastReviewed: 2024-05-03\n", False),
    ('lastReviewed: "2024/05/03"\n', 'lastReviewed: "2024-05-03"\n', False),
    ("lastReviewed: '2024-5-3'\n", "lastReviewed: '2024-05-03'\n", False),
    ("lastReviewed: '30/12/2023'\n", "lastReviewed: '2023-12-30'\n", False),
    ("lastReviewed: 'May 2024'\n", "lastReviewed: '2024-05-01'\n", True),  # no day: the first is a guess
    ("lastReviewed: 'May 2024'\n", None, False),
    ("lastReviewed: '03/04/2024'\n", None, True),  # either day could be meant
    ("lastReviewed: '2024-02-30'\n", None, True),  # no such day
    ("lastReviewed: 'soon'\n", None, True),
    ("lastReviewed: >-\n  3 May\n  2024\n", None, True),  # over two lines: left for a person
    ("lastReviewed: 2024-05-03T10:00:00Z\n", "lastReviewed: 2024-05-03\n", False),  # a time: the day is the date
    ("lastReviewed: '2024-05-03 10:00'\n", "lastReviewed: '2024-05-03'\n", False),
    ("lastReviewed: 20240503\n", "lastReviewed: 2024-05-03\n", False),  # YAML reads a number
    ("lastReviewed: '2024-05'\n", "lastReviewed: '2024-05-01'\n", True),  # no day: the first is a guess
    ("lastReviewed: '2024-05'\n", None, False),
    ("lastReviewed: 2024\n", None, True),  # a year: any day is a guess
    ("lastReviewed: 'Spring 2024'\n", None, True),
    ("lastReviewed: '2024-05-03 (approx)'\n", None, True),  # words after the date: left for a person
]


@pytest.mark.parametrize("line, rewritten, unsafe", DATE_TABLE)
def test_review_date_written_as_iso(tmp_path: Path, line: str, rewritten: str | None, unsafe: bool) -> None:
    head = front_matter(lastReviewed=None)
    before = head[:-4] + line + "---\n"
    fixed, left = _fix(tmp_path, before + "\n# Title\n\nText.\n", ["M102"], unsafe=unsafe)
    expected = head[:-4] + (rewritten if rewritten is not None else line) + "---\n"
    assert fixed.decode("utf-8") == expected + "\n# Title\n\nText.\n"
    assert ("M102" in left) == (rewritten is None)


# (the reviewFrequency line before, after): M102 writes a review cycle by its name.
CYCLE_TABLE = [
    ("reviewFrequency: annually  # editor's note\n", "reviewFrequency: annual  # editor's note\n"),
    ("reviewFrequency: 'Quarterly'\n", "reviewFrequency: 'quarterly'\n"),
    ('reviewFrequency: "every 6 months"\n', 'reviewFrequency: "semiannual"\n'),
    ("reviewFrequency: every two years\n", "reviewFrequency: biennial\n"),
    ("reviewFrequency: 'quarterly '\n", "reviewFrequency: 'quarterly'\n"),
    ("reviewFrequency: biannual\n", None),  # twice a year, or every two years?
    ("reviewFrequency: 6-monthly\n", "reviewFrequency: semiannual\n"),
    ("reviewFrequency: '3m'\n", "reviewFrequency: 'quarterly'\n"),
    ("reviewFrequency: weekly\n", None),  # read (a 1-week cycle), but no shipped name says it
    ("reviewFrequency: '90 days'\n", None),  # read (a 90-day cycle), but no shipped name says it
    ("reviewFrequency: 12\n", None),  # a number, not a string to rewrite
]


@pytest.mark.parametrize("line, rewritten", CYCLE_TABLE)
def test_review_cycle_written_by_its_name(tmp_path: Path, line: str, rewritten: str | None) -> None:
    head = front_matter(reviewFrequency=None)
    before = head[:-4] + line + "---\n"
    fixed, left = _fix(tmp_path, before + "\n# Title\n\nText.\n", ["M102"])
    expected = head[:-4] + (rewritten if rewritten is not None else line) + "---\n"
    assert fixed.decode("utf-8") == expected + "\n# Title\n\nText.\n"
    assert ("M102" in left) == (rewritten is None)


# (field, value as written, value written by the fix or None): a value of an enum in other case.
ENUM_TABLE = [
    ("status", "Active", "active"),
    ("status", "' ARCHIVED'", "'archived'"),
    ("audienceLevel", '"Patient"  # for patients', '"patient"  # for patients'),
    ("status", "actve", None),  # a misspelling: "did you mean active?", no fix
    ("status", "inactive", None),  # the opposite of active: no "did you mean active?"
    ("audienceLevel", "nurse", None),
]


@pytest.mark.parametrize("field, written, rewritten", ENUM_TABLE)
def test_allowed_value_written_in_its_case(tmp_path: Path, field: str, written: str, rewritten: str | None) -> None:
    def page(value: str) -> str:
        return front_matter(**{field: value}) + "\n# Title\n\nText.\n"

    fixed, left = _fix(tmp_path, page(written), ["M102"])
    assert fixed.decode("utf-8") == page(rewritten if rewritten is not None else written)
    assert ("M102" in left) == (rewritten is None)


@pytest.mark.parametrize(
    ("field", "value", "message", "fixable"),
    [
        ("lastReviewed", "'3 May 2024'",
         "`lastReviewed` is '3 May 2024', not a valid date (YYYY-MM-DD, a real calendar date): write 2024-05-03", True),
        ("lastReviewed", "'May 2024'",
         "`lastReviewed` is 'May 2024', not a valid date (YYYY-MM-DD, a real calendar date): write 2024-05-01 "
         "(the first of the month: check the day)", True),
        ("reviewFrequency", "annually",
         "`reviewFrequency` is 'annually'; allowed: monthly, quarterly, semiannual, annual, biennial: write annual", True),
        ("status", "actve", "`status` is 'actve'; allowed: active, draft, deprecated, archived: did you mean active?", False),
        # Its opposite is no misspelling: "inactive" does not mean "active".
        ("status", "inactive", "`status` is 'inactive'; allowed: active, draft, deprecated, archived", False),
        ("status", "non-active", "`status` is 'non-active'; allowed: active, draft, deprecated, archived", False),
        ("reviewFrequency", "6-monthly",
         "`reviewFrequency` is '6-monthly'; allowed: monthly, quarterly, semiannual, annual, biennial: write semiannual", True),
        ("reviewFrequency", "bi-annual",
         "`reviewFrequency` is 'bi-annual'; allowed: monthly, quarterly, semiannual, annual, biennial: 'bi-annual' means "
         "twice a year to some readers and every two years to others: write semiannual or biennial (until then it is "
         "read as twice a year)", False),
        ("reviewFrequency", "bimonthly",
         "`reviewFrequency` is 'bimonthly'; allowed: monthly, quarterly, semiannual, annual, biennial: 'bimonthly' means "
         "twice a month to some readers and every two months to others: write the cycle you mean (until then it is "
         "read as twice a month)", False),
        # Quoting a number never makes a date: the message says how to write the date instead.
        ("lastReviewed", "2024",
         "`lastReviewed` should be text, got a number (2024): write the day of the review as YYYY-MM-DD "
         "(until then it is read as 2024-01-01, the earliest day it can mean)", False),
        ("lastReviewed", "20240503", "`lastReviewed` should be text, got a number (20240503): write 2024-05-03", True),
        ("lastReviewed", "", "`lastReviewed` is empty: write the date as YYYY-MM-DD", False),
        ("lastReviewed", "''", "`lastReviewed` is empty: write the date as YYYY-MM-DD", False),
        ("lastReviewed", "'2025-11-31'",
         "`lastReviewed` is '2025-11-31', not a valid date (YYYY-MM-DD, a real calendar date); "
         "there is no such day: November 2025 has 30 days", False),
        ("lastReviewed", "'2023-02-29'",
         "`lastReviewed` is '2023-02-29', not a valid date (YYYY-MM-DD, a real calendar date); "
         "there is no such day: February 2023 has 28 days", False),
        ("lastReviewed", "'2024-13-01'", "`lastReviewed` is '2024-13-01', not a valid date (YYYY-MM-DD, a real calendar date)", False),
        # A value the field's pattern takes once its letters are in the usual case: written so.
        ("language", "EN", "`language` is 'EN', not in the expected form (ISO 639-1 language code, optionally "
         "with a region: en, en-GB): write en", True),
        ("language", "en-us", "`language` is 'en-us', not in the expected form (ISO 639-1 language code, optionally "
         "with a region: en, en-GB): write en-US", True),
        ("sourceType", "02_NCI_Core", "`sourceType` is '02_NCI_Core', not in the expected form (Source category "
         "with a two-digit priority prefix, such as 02_nci_core): write 02_nci_core", True),
        ("language", "English", "`language` is 'English', not in the expected form (ISO 639-1 language code, "
         "optionally with a region: en, en-GB)", False),  # a name, not a code in other case: a person writes it
        # A field with nothing after its colon is empty, whatever type it should be.
        ("status", "", "`status` is empty; allowed: active, draft, deprecated, archived", False),
        ("tags", "", "`tags` is empty: give it a list, or delete the line", False),
        ("citation", "~", "`citation` is empty; YAML reads unquoted `~` as empty: quote it", False),
        # Other fields keep the hint to quote: a number quoted is a title.
        ("title", "1984", "`title` should be text, got a number (1984); YAML reads unquoted `1984` as a number: "
         "quote it (`title: '1984'`)", False),
    ],
)
def test_m102_message_says_how_to_write_the_value(field: str, value: str, message: str, fixable: bool) -> None:
    (finding,) = [f for f in lint_text(front_matter(**{field: value}) + "\n# Title\n\nText.\n") if f.code == "M102"]
    assert finding.message == message
    assert (finding.fix is not None) == fixable


def test_crlf_bom_comments_and_quoting_are_kept(tmp_path: Path) -> None:
    """Only the spans change: the byte-order mark, CRLF (and the one LF line), comments, quoting, order."""
    head = (
        "---\r\n# the page, as published\r\ntitle: 'Fatigue: what helps'\r\nurl: \"https://www.cancer.gov/fatigue\"\r\n"
        "source: NCI   # National Cancer Institute\r\nsourceType: 02_nci_core\r\nlastReviewed: \"2026-10-01\"\r\n"
        "reviewFrequency: annual\r\nstatus: active\r\nlanguage: en\r\n---\r\n"
    )
    body = f"\r\n# Fatigue\r\n\r\n{LONG}\r\n{LONG}\n\r\nSee [PubMed](http://www.ncbi.nlm.nih.gov/pubmed/9).\r\n"
    data = codecs.BOM_UTF8 + (head + body).encode("utf-8")
    fixed, left = _fix(tmp_path, data, ["ALL"])
    expected = data.replace(f"{LONG}\r\n{LONG}\n".encode(), f"{LONG}\r\n".encode()).replace(b"http://", b"https://")
    assert fixed == expected
    assert "L004" not in left and "Q004" not in left


def test_file_mode_kept_and_no_temporary_file_left(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text(HEAD + f"\n# T\n\n{LONG}\n{LONG}\n", encoding="utf-8")
    os.chmod(path, 0o640)
    Linter(_config(["Q004"])).lint_file(path, "page.md")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert path.read_text(encoding="utf-8").count(LONG) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.md"]


def test_unfixable_and_fixable_settings(tmp_path: Path) -> None:
    text = HEAD + f"\n# T\n\n{LONG}\n{LONG}\n\nSee http://www.cancer.gov/x\n"
    fixed, left = _fix(tmp_path, text, ["ALL"], unfixable=["Q004"])
    assert fixed.decode().count(LONG) == 2 and "https://www.cancer.gov/x" in fixed.decode()
    fixed, left = _fix(tmp_path, text, ["ALL"], fixable=["Q"])
    assert fixed.decode().count(LONG) == 1 and "http://www.cancer.gov/x" in fixed.decode()


def test_overlapping_fixes_first_wins() -> None:
    first, overlapping, later = Fix((Edit(0, 5, "a"),), "1"), Fix((Edit(3, 8, "b"),), "2"), Fix((Edit(8, 9),), "3")
    assert choose([later, overlapping, first]) == [first, later]


@pytest.mark.parametrize(
    ("fixes", "chosen"),
    [
        # An insertion where another fix's deletion starts (Q005 makes "# Facebook" "## Facebook" while
        # Q002 deletes the line): applied together they would leave "#" alone. One waits.
        ([Fix((Edit(10, 10, "#"),), "insert"), Fix((Edit(10, 30),), "delete")], ["insert"]),
        ([Fix((Edit(10, 30),), "delete"), Fix((Edit(30, 30, "#"),), "insert")], ["delete"]),  # where it ends
        ([Fix((Edit(0, 5),), "delete"), Fix((Edit(5, 9),), "next")], ["delete", "next"]),  # side by side: both
        ([Fix((Edit(2, 4), Edit(10, 10, "x")), "both"), Fix((Edit(10, 12),), "then")], ["both"]),
        ([Fix((Edit(10, 10, "a"),), "a"), Fix((Edit(10, 10, "b"),), "b")], ["a"]),  # two insertions at one place
    ],
)
def test_fixes_that_touch_an_insertion_wait(fixes: list[Fix], chosen: list[str]) -> None:
    assert [fix.description for fix in choose(fixes)] == chosen


def test_a_line_deleted_is_not_also_demoted(tmp_path: Path) -> None:
    """Q002 deletes a second title that is boilerplate; Q005's "#" for it must not stay behind."""
    fixed, left = _fix(tmp_path, HEAD + f"\n# Title\n\n{LONG}\n\n# Facebook\n\n{OTHER}\n", ["Q002", "Q005", "Q013"], unsafe=True)
    assert fixed.decode() == HEAD + f"\n# Title\n\n{LONG}\n\n{OTHER}\n"
    assert left == []


def test_overlapping_fixes_are_applied_on_later_passes(tmp_path: Path) -> None:
    """Three copies of a line: two overlapping deletions, one per pass, until one copy is left."""
    fixed, left = _fix(tmp_path, HEAD + f"\n{LONG}\n{LONG}\n{LONG}\n{LONG}\n", ["Q004"])
    assert fixed.decode() == HEAD + f"\n{LONG}\n"
    assert left == []


# --- the command line ---------------------------------------------------------------------------

PAGES = {
    "docs/a.md": front_matter(url="https://www.cancer.gov/a") + f"\n# A\n\n{LONG}\n{LONG}\n\nSee [PubMed](http://www.ncbi.nlm.nih.gov/pubmed/1).\n",
    "docs/b.md": front_matter(url="https://www.cancer.gov/b").replace("\n", "\r\n") + "\r\n# B\r\n\r\nSee <http://doi.org/10.1/2>.\r\n\r\n# B - site\r\n",
    "docs/c.md": front_matter(url="https://www.cancer.gov/c") + "\n# C\n\nNothing to fix here, and no http link either.\n",
}


def _write(root: Path, pages: dict[str, str]) -> None:
    for name, text in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(text.encode("utf-8"))


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.md"))}


def test_fix_reports_what_is_left(run_cli, tmp_path: Path) -> None:
    _write(tmp_path, PAGES)
    result = run_cli("check", "docs", "--today", "2026-12-05", "--fix", cwd=tmp_path)
    assert result.code == 0, result.out + result.err
    assert "Fixed 3 problems in 2 files." in result.out
    assert "L004" not in result.out and "Q004" not in result.out
    assert "docs/b.md:16:1: Q005" in result.out  # unsafe: left, and the summary says how to fix it
    assert "[*] 1 fixable with --fix --unsafe-fixes." in result.out
    again = run_cli("check", "docs", "--today", "2026-12-05", "--fix", cwd=tmp_path)
    assert "Nothing to fix." in again.out


def test_summary_counts_fixable_findings_without_fixing(run_cli, tmp_path: Path) -> None:
    _write(tmp_path, PAGES)
    before = _snapshot(tmp_path)
    result = run_cli("check", "docs", "--today", "2026-12-05", cwd=tmp_path)
    assert "[*] 3 fixable with --fix; 1 more with --fix --unsafe-fixes." in result.out
    assert _snapshot(tmp_path) == before


def test_exit_non_zero_on_fix(run_cli, tmp_path: Path) -> None:
    _write(tmp_path, {"docs/a.md": PAGES["docs/a.md"]})
    assert run_cli("check", "docs", "--fix", "--exit-non-zero-on-fix", cwd=tmp_path).code == 1
    assert run_cli("check", "docs", "--fix", "--exit-non-zero-on-fix", cwd=tmp_path).code == 0


def test_diff_writes_nothing_and_is_what_fix_writes(run_cli, tmp_path: Path) -> None:
    diffed, fixed = tmp_path / "diffed", tmp_path / "fixed"
    for root in (diffed, fixed):
        _write(root, PAGES)
    before = _snapshot(diffed)
    result = run_cli("check", "docs", "--diff", "--unsafe-fixes", cwd=diffed)
    assert result.code == 1
    assert _snapshot(diffed) == before
    assert "would fix 4 problems in 2 files" in result.err
    assert result.out.startswith("--- a/docs/a.md\n+++ b/docs/a.md\n@@ ")
    assert run_cli("check", "docs", "--fix", "--unsafe-fixes", cwd=fixed).code == 0
    after = _snapshot(fixed)
    assert after != before
    patch = tmp_path / "fixes.patch"
    patch.write_bytes(result.out.encode("utf-8"))
    applied = 0
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", "."], cwd=diffed, check=True, timeout=60)
        subprocess.run(["git", "apply", str(patch)], cwd=diffed, check=True, timeout=60)
        assert _snapshot(diffed) == after
        applied += 1
    if shutil.which("patch"):
        patched = tmp_path / "patched"
        _write(patched, PAGES)
        subprocess.run(["patch", "-p1", "-s", "-i", str(patch)], cwd=patched, check=True, timeout=60)
        assert _snapshot(patched) == after
        applied += 1
    if not applied:
        pytest.skip("neither git nor patch is installed")
    clean = run_cli("check", "docs", "--diff", "--unsafe-fixes", cwd=fixed)
    assert (clean.code, clean.out) == (0, "")


def test_diff_marks_a_last_line_without_line_ending(run_cli, tmp_path: Path) -> None:
    _write(tmp_path, {"docs/a.md": HEAD + "\n# A\n\nSee http://www.cancer.gov/x"})
    result = run_cli("check", "docs", "--diff", cwd=tmp_path)
    assert result.out.endswith("+See https://www.cancer.gov/x\n\\ No newline at end of file\n")


def test_rules_and_explain_say_what_can_be_fixed(run_cli) -> None:
    listed = run_cli("rules").out
    assert next(line for line in listed.splitlines() if line.startswith("L004")).split()[4] == "safe"
    assert next(line for line in listed.splitlines() if line.startswith("Q005")).split()[4] == "unsafe"
    assert next(line for line in listed.splitlines() if line.startswith("F001")).split()[4] == "-"
    assert "fixable (unsafe: --fix --unsafe-fixes)" in run_cli("explain", "Q005").out.splitlines()[0]


def test_unknown_code_in_unfixable_is_a_config_error(run_cli, tmp_path: Path) -> None:
    (tmp_path / ".contentlint.toml").write_text('[fix]\nunfixable = ["Z123"]\n', encoding="utf-8")
    _write(tmp_path, {"docs/a.md": PAGES["docs/c.md"]})
    result = run_cli("check", "docs", cwd=tmp_path)
    assert result.code == 2 and "unfixable" in result.err and "Z123" in result.err


def test_every_fixable_rule_has_a_table() -> None:
    fixable = {code for code, rule in all_rules().items() if rule.fix}
    # M002 has QUOTE_TABLE, M003 COPY_TABLE, M103 RENAME_TABLE; L003 and L014 (they need --links) have L003_TABLE and L014_TABLE in
    # test_fix_links.py; Q012 (it judges other rules' comments) has FIX_TABLE in test_unused_suppressions.py; M104 (it
    # changes the front matter from the body's language) has its table in test_language.py.
    assert fixable == {code for code, *_ in FIX_TABLE} | {"M002", "M003", "M102", "M103", "L003", "L014", "Q012", "M104"}


# --- properties: idempotent, and other rules' findings untouched ----------------------------------

FIXED_CODES = {code for code, rule in all_rules().items() if rule.fix}
HOSTS = ["www.ncbi.nlm.nih.gov", "doi.org", "example.org", "www.cancer.gov"]
BLOCKS = st.one_of(
    st.sampled_from([LONG, OTHER, "Back to top", "Menu", "Placeholder slot", "## Side effects", "# Another title",
                     "Last updated: 2019-01-01", "- Nausea and being sick, which can last a few days", ""]),
    st.builds(lambda host, n: f"See [a study](http://{host}/{n}) for more.", st.sampled_from(HOSTS), st.integers(0, 9)),
)


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    # Never near-empty, whatever the fixes delete. (Its text is none of the blocks': deleting a repeated
    # line can make two paragraphs equal, a Q004 that the next run reports.)
    lines = ["# Title", "", "Radiotherapy uses high-energy rays to destroy cancer cells in one part of the body.", ""]
    for block in draw(st.lists(BLOCKS, max_size=14)):
        lines.append(block)
        if draw(st.booleans()):
            lines.append(block)  # repeated at once
        if draw(st.booleans()):
            lines.append("")
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = (HEAD + "\n" + "\n".join(lines) + draw(st.sampled_from(["", "\n"]))).replace("\n", newline)
    return (codecs.BOM_UTF8 if draw(st.booleans()) else b"") + text.encode("utf-8")


def _findings(path: Path) -> collections.Counter:
    result = Linter(Config(today=TODAY)).lint_file(path, "page.md")
    # A subject that quotes a link names it as written: the L004 fix changes only its scheme.
    return collections.Counter((f.code, f.subject.replace("http://", "https://")) for f in result.findings)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=documents(), unsafe=st.booleans())
def test_fixing_is_idempotent_and_leaves_other_findings(tmp_path: Path, data: bytes, unsafe: bool) -> None:
    path = tmp_path / "page.md"
    path.write_bytes(data)
    before = _findings(path)
    Linter(_config(["ALL"], unsafe=unsafe)).lint_file(path, "page.md")
    once = path.read_bytes()
    after = _findings(path)
    assert once.startswith(codecs.BOM_UTF8) == data.startswith(codecs.BOM_UTF8)
    assert (b"\r\n" in once) == (b"\r\n" in data)
    deleted = once.count(b"\n") < data.count(b"\n")  # a fix deleted lines (Q002, Q004)
    for key in before | after:
        if key[0] in FIXED_CODES:
            # Fixing adds no finding of a fixable rule, but for one: a deleted line ("Back to top" under
            # a paragraph) can leave two paragraphs equal, a repeat that was there, now reported.
            assert after[key] <= before[key] or (key[0] == "Q004" and deleted), key
        elif deleted:
            assert after[key] <= before[key], key  # a deleted copy takes its own findings with it
        else:
            assert after[key] == before[key], key
    Linter(_config(["ALL"], unsafe=unsafe)).lint_file(path, "page.md")
    assert path.read_bytes() == once


# (codes selected, text of a page without front matter): the fix would leave "---" on its first line.
OPENS_FRONT_MATTER = [
    (["Q002"], f"Skip to main content\n\n---\n\n# Mouth ulcers\n\n{LONG}\n"),
    (["Q001"], f"Placeholder slot\n---\n# Mouth ulcers\n\n{LONG}\n"),
    (["Q005"], f"# Mouth ulcers - NHS\n\n---\n\n# Mouth ulcers\n\n{LONG}\n"),
    (["Q001", "Q012"], f"<!-- contentlint-disable-next-line Q001 -->\n+++\n\n{LONG}\n"),
    # Inside the first line: "-" and "--" around the comment meet when it goes.
    (["L004", "Q012"], f"-<!-- contentlint-disable-line L004 -->--\ntitle: Mouth ulcers\n---\n\n{LONG}\n"),
]


@pytest.mark.parametrize(("select", "text"), OPENS_FRONT_MATTER)
def test_no_fix_turns_the_body_into_front_matter(tmp_path: Path, select: list[str], text: str) -> None:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    result = Linter(_config(select, unsafe=True)).lint_file(path, "page.md")
    assert path.read_text(encoding="utf-8") == text
    (finding,) = [f for f in result.findings if f.code == select[-1]]
    assert finding.fix is None  # reported, and not counted as fixable


@pytest.mark.parametrize(("text", "start", "end", "fixed"), [
    ("Intro\n---\nText\n", 0, 6, "Intro\n---\nText\n"),  # the deletion would open a front matter: left
    ("Intro\n\nText\n", 0, 6, "\nText\n"),
    ("-Intro-\n--\nText\n", 1, 8, "-Intro-\n--\nText\n"),  # from within the first line into the next
    ("-Intro--\nText\n", 1, 6, "-Intro--\nText\n"),  # within the first line
    ("-Intro-\nText\n", 1, 6, "--\nText\n"),
])
def test_the_engine_never_applies_a_fix_that_opens_a_front_matter(text: str, start: int, end: int, fixed: str) -> None:
    deletion = Fix((Edit(start, end, ""),), "delete the intro")
    finding = Finding("page.md", 1, 1, "Q001", Severity.WARNING, "intro", "placeholder-text", fix=deletion)
    policy = fix_policy(_config(["Q001"]))
    outcome = fix_text(text.encode(), lambda again: FileResult([]), policy, FileResult([finding]))
    assert outcome.data.decode() == fixed
