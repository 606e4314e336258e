"""Local links and anchors, offline: L010 (local target missing) and L011 (anchor missing)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import CLEAN_FRONT_MATTER
from contentlint.engine.linter import Linter
from contentlint.model.findings import Finding
from contentlint.model.settings import Config
from contentlint.rules.online_links import collect_links
from contentlint.document.reading import read_document

FIXTURE = Path(__file__).parent / "fixtures" / "local_links"
# A heading page that the cases link into, beside the page under test.
OTHER = "# Other\n\n## Dosing schedule\n\n## Notes\n\n## Notes\n\nSome text.\n"


def check(root: Path, name: str, codes: list[str], **links: object) -> list[Finding]:
    config = Config(root=root, select=codes, sections={"links": dict(links)} if links else {})
    path = root / name
    return Linter(config).lint_file(path, str(path)).findings


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A small repository: a .git folder at its top, docs/ with a page to link to and an image."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs" / "img").mkdir(parents=True)
    (tmp_path / "docs" / "other.md").write_text(OTHER, encoding="utf-8")
    (tmp_path / "docs" / "my notes.md").write_text("# My notes\n", encoding="utf-8")
    (tmp_path / "docs" / "img" / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "docs" / "NOTICE").write_text("Notice.\n", encoding="utf-8")
    (tmp_path / "docs" / "binary.md").write_bytes(b"# Binary\x00\x01\x02")
    (tmp_path / "docs" / "both.md").write_text("# Both\n\n## In the Markdown\n", encoding="utf-8")
    (tmp_path / "docs" / "both.html").write_text('<h2 id="in-the-html">In the HTML</h2>\n', encoding="utf-8")
    return tmp_path


def codes_in(tree: Path, text: str, code: str, **links: object) -> list[tuple[int, int, str]]:
    (tree / "docs" / "page.md").write_text(text, encoding="utf-8")
    return [(f.line, f.column, f.code) for f in check(tree, "docs/page.md", [code], **links)]


WITH_URL = CLEAN_FRONT_MATTER  # url: https://www.cancer.gov/types/breast/radiotherapy


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See [the other page](other.md).", []),
        ("See [the other page](./other.md) and [again](../docs/other.md).", []),
        ("See [a moved page](moved.md).", [(1, 20, "L010")]),
        ("![A scan](img/scan.png)", []),
        ("![A scan](img/Scan.png)", [(1, 11, "L010")]),  # case matters on the server
        ("![A scan](images/scan.png)", [(1, 11, "L010")]),  # no such folder
        ("[x](../../outside.md)", [(1, 5, "L010")]),  # climbs out of the repository
        ("[x](../missing.md)", [(1, 5, "L010")]),  # inside the repository, missing
        ("[x](../docs/other.md)", []),
        ('<a href="gone.html">x</a> and <img src="img/scan.png">', [(1, 10, "L010")]),
        ("[x][ref]\n\n[ref]: gone.pdf", [(3, 8, "L010")]),  # at the definition, once
        ("[x](<my notes.md>) and [y](my%20notes.md)", []),
        ("[x](<my note.md>)", [(1, 6, "L010")]),
        ("[x](other.md#no-such-heading)", []),  # an anchor is L011's
        ("[x](other.md?plain=1)", []),
        ("[x](NOTICE)", []),  # no extension, but on disk
        ("[x](trials)", []),  # no extension, not on disk: not a local link (L006 or the url)
        ("[x](/about-cancer/leaflet.pdf)", []),  # site-root: resolved against the url
        ("[x](../../Common/PopUps/def.aspx?id=1) [y](find.php)", []),  # pages a server script makes
        ("[x](https://www.nhs.uk/leaflet.pdf) and <https://www.nhs.uk/>", []),
        ("[x](www.nhs.uk)", []),  # L007: a web address without https://
        ("`[x](gone.md)` and\n\n```\n[x](gone.md)\n```", []),
        ("<!-- [x](gone.md) -->", []),
        ("[x](mailto:help@nhs.net) [y](#dosing)", []),
        (WITH_URL + "\n[x](gone.pdf)", [(12, 5, "L010")]),  # a file link, whatever the url
        (WITH_URL + "\n[x](other.md)", []),
        ("Line one\n\n- [a](other.md) then [b](gone.md)", [(3, 26, "L010")]),
        # The page a site generator builds from a Markdown file beside it (mdBook, Jekyll).
        ("[x](other.html) [y](./other.htm) [z](OTHER.html)", [(1, 38, "L010")]),  # names are case-sensitive
        ('<a href="other.html#notes">x</a>', []),
        ("[x](gone.html)", [(1, 5, "L010")]),  # no gone.md either
        ("[x](other.pdf)", [(1, 5, "L010")]),  # only a page is built from it
        ("[x](img/scan.html)", [(1, 5, "L010")]),  # scan.png is no page
    ],
)
def test_local_target_missing(tree: Path, text: str, expected: list[tuple[int, int, str]]) -> None:
    assert codes_in(tree, text, "L010") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("## Intro\n\n[x](#intro)", []),
        ("## Intro\n\n[x](#outro)", [(3, 5, "L011")]),
        ("## Intro\n\n## Intro\n\n[x](#intro-1)", []),  # GitHub numbers a repeat
        ("## Intro\n\n## Intro\n\n[x](#intro-2)", [(5, 5, "L011")]),
        ("## Hello, World!\n\n[x](#hello-world)", []),
        ("## Hello, World!\n\n[x](#hello,-world)", [(3, 5, "L011")]),
        ("## Who's at risk?\n\n[x](#whos-at-risk)", []),
        ("## Use `dose()` now\n\n[x](#use-dose-now)", []),  # a code span's text is kept
        ("## Use `dose()` now\n\n[x](#use-dose-now-1)", [(3, 5, "L011")]),
        ("## 🚀 Launch day\n\n[x](#-launch-day)", []),  # GitHub drops the emoji, keeps its space
        ("## 🚀 Launch day\n\n[x](#launch-day)", []),  # kramdown and Python-Markdown strip it
        ("## 🚀 Launch day\n\n[x](#🚀-launch-day)", [(3, 5, "L011")]),
        ("## Café: à emporter\n\n[x](#café-à-emporter) [y](#caf%C3%A9-%C3%A0-emporter)", []),
        ("## Notes\n\n## Notes\n\n[x](#notes_1)", []),  # Python-Markdown (MkDocs) numbers with _
        ("## Side effects {#effects}\n\n[x](#effects)", []),
        ("## Side effects {: #effects .wide}\n\n[x](#effects)", []),
        ('<a id="dose-table"></a>\n\n[x](#dose-table)', []),
        ("<a name='old-anchor'></a>\n\n[x](#old-anchor)", []),
        ('`<a id="in-code">`\n\n[x](#in-code)', [(3, 5, "L011")]),
        ("<!-- <a id=\"hidden\"></a> -->\n\n[x](#hidden)", [(3, 5, "L011")]),
        ("## Intro\n\n[x](#Intro) [y](#user-content-intro) [z](#top) [t](#:~:text=intro)", []),
        ("Text only.\n\n[x](#missing)", [(3, 5, "L011")]),
        ("## Intro\n\n```\n[x](#nowhere)\n```", []),
        ("[x](other.md#dosing-schedule) [y](other.md#notes-1)", []),
        ("[x](other.md#dosing)", [(1, 5, "L011")]),
        ("[x](./page.md#here)\n\n## Here", []),  # this file by name
        ("[x](page.md#there)\n\n## Here", [(1, 5, "L011")]),
        ("[x](gone.md#dosing)", []),  # missing file: L010's
        ("[x](other.html#dosing-schedule) [y](other.htm#notes-1)", []),  # the page built from other.md
        ("[x](other.html#dosing)", [(1, 5, "L011")]),
        ("[x](gone.html#dosing)", []),  # no such page: L010's
        ("[x](both.html#in-the-html)", []),  # a real HTML file is what is served: not read
        ("[x](binary.md#dosing)", []),  # cannot be read as text: nothing to judge
        ("[x](img/scan.png#frame) [y](NOTICE#L1)", []),  # not Markdown
        ("[x](other.md?plain=1#L3-L5)", []),  # GitHub's line anchor in the source view
        ("[x](https://www.nhs.uk/page#missing)", []),
        ("[x](#)", []),  # L005's
        ("Text.\n\n[1](#cit/section_1.1) [2](#!/dosing) [3](#/settings)", []),  # a copied page's script routes
        # Terms of definition lists (Hugo gives them ids).
        ("Neutropenia\n: Too few white cells.\n\n[x](#neutropenia)", []),
        ("`maxDose`\n: The most a day.\n\n[x](#maxdose)", []),
        ("Low platelets\n: Bruising easily.\n\n[x](#low-platelets) [y](#bruising-easily)", [(4, 25, "L011")]),
        ("```\nneutropenia\n: too few\n```\n\n[x](#neutropenia)", [(6, 5, "L011")]),  # in code
        ("## Intro\n\n[x](#intro?x=1) [y](#intro#more) [z](# intro)", [(3, 5, "L011"), (3, 21, "L011")]),
        # A copy of a web page (an absolute url): its jumps name anchors of the original.
        (WITH_URL + "\n[1](#r1)", []),
        (WITH_URL + "\n[x](other.md#dosing)", [(12, 5, "L011")]),
        # Front matter that cannot be read may hold a url: the page may be a copy.
        (WITH_URL[:-4] + "- stray item\n---\n\n[1](#r1)", []),
        (WITH_URL[:-4] + "- stray item\n---\n\n[x](other.md#dosing)", [(13, 5, "L011")]),
        ("---\ntitle: [unclosed\n---\n\n[1](#r1)", []),
    ],
)
def test_anchor_missing(tree: Path, text: str, expected: list[tuple[int, int, str]]) -> None:
    assert codes_in(tree, text, "L011") == expected


def test_web_page_anchors_option_checks_jumps_in_copies(tree: Path) -> None:
    text = WITH_URL + "\n## References\n\n[1](#r1) [2](#references)"
    assert codes_in(tree, text, "L011") == []
    assert codes_in(tree, text, "L011", **{"web-page-anchors": True}) == [(14, 5, "L011")]


def test_messages_say_what_to_fix(tree: Path) -> None:
    (tree / "docs" / "page.md").write_text(
        "## Side effects\n\n[a](#side-efects) [b](other.md#dosing) [c](img/Scan.png) [d](othr.md) [e](../../x.md)"
        " [f](example.org)\n",
        encoding="utf-8",
    )
    messages = [f.message for f in check(tree, "docs/page.md", ["L010", "L011"])]
    assert messages[0].startswith('anchor "#side-efects" not found in this page') and 'did you mean "#side-effects"' in messages[0]
    assert messages[1].startswith('anchor "#dosing" not found in other.md') and '"#dosing-schedule"' in messages[1]
    assert 'local file "img/Scan.png" not found' in messages[2] and 'the folder has "scan.png"' in messages[2]
    assert 'did you mean "other.md"?' in messages[3]
    assert messages[4].startswith('link "../../x.md" leaves the repository')
    assert messages[5].endswith('if it is a web address, write it in full: "https://example.org"')


def test_a_file_link_is_not_l006_and_not_resolved_against_the_url(tree: Path) -> None:
    no_url = CLEAN_FRONT_MATTER.replace("url: https://www.cancer.gov/types/breast/radiotherapy\n", "")
    (tree / "docs" / "page.md").write_text(no_url + "\n![x](img/scan.png) [y](gone.md) [z](/about/)\n", encoding="utf-8")
    found = [(f.code, f.column) for f in check(tree, "docs/page.md", ["L"])]
    assert found == [("L010", 24), ("L006", 37)]
    config = Config(root=tree, network=True)
    (tree / "docs" / "page.md").write_text(WITH_URL + "\n[y](other.md) [z](trials)\n", encoding="utf-8")
    document = read_document(tree / "docs" / "page.md", str(tree / "docs" / "page.md"))
    assert [url for url, *_ in collect_links(document, config) or []] == [
        "https://www.cancer.gov/types/breast/trials"  # the file link is not requested on the site
    ]


def test_root_is_the_git_work_tree_or_local_root(tree: Path) -> None:
    (tree / "docs" / "page.md").write_text("[x](../README.md) [y](../../elsewhere.md)\n", encoding="utf-8")
    (tree / "README.md").write_text("# Read me\n", encoding="utf-8")
    found = [(f.column, f.message.split(" (")[0]) for f in check(tree, "docs/page.md", ["L010"])]
    assert found == [(23, 'link "../../elsewhere.md" leaves the repository')]
    # With local-root = "docs", the README above it is outside too.
    found = [f.column for f in check(tree, "docs/page.md", ["L010"], **{"local-root": "docs"})]
    assert found == [5, 23]


def test_local_root_that_is_not_a_folder_is_a_config_error(tree: Path, run_cli) -> None:
    (tree / "pyproject.toml").write_text('[tool.contentlint.links]\nlocal-root = "nowhere"\n', encoding="utf-8")
    (tree / "docs" / "page.md").write_text("[x](other.md)\n", encoding="utf-8")
    result = run_cli("check", "docs/page.md", cwd=tree)
    assert result.code == 2 and "local-root" in result.err and "Traceback" not in result.err


# The fixture tree: (file, line, column, code) of every broken link, and nothing else.
EXPECTED = [
    ("docs/treatment/radiotherapy.md", 33, 28, "L011"),  # #side-effects-2: the third repeat does not exist
    ("docs/treatment/radiotherapy.md", 33, 68, "L011"),  # #who-can-have-it: the heading was reworded
    ("docs/treatment/radiotherapy.md", 34, 27, "L011"),  # the emoji kept in the fragment
    ("docs/treatment/radiotherapy.md", 43, 24, "L010"),  # ../chemo/overview.md
    ("docs/treatment/radiotherapy.md", 43, 67, "L010"),  # images/Field.svg (the file is field.svg)
    ("docs/treatment/radiotherapy.md", 44, 22, "L010"),  # ../chemotherapie.md
    ("docs/treatment/radiotherapy.md", 44, 57, "L010"),  # <img src="images/missing.png">
    ("docs/treatment/radiotherapy.md", 45, 29, "L010"),  # out of the tree
    ("docs/treatment/radiotherapy.md", 48, 10, "L010"),  # [moved]: ../surgery.md
    ("docs/treatment/radiotherapy.md", 55, 29, "L011"),  # ../chemotherapy.md#how-its-given
    ("docs/treatment/radiotherapy.md", 55, 95, "L011"),  # radiotherapy.md#before
    ("docs/treatment/radiotherapy.md", 56, 38, "L010"),  # ../chemo/overview.md#dose: the file, not the anchor
]


def _fixture_findings(jobs: int, run_cli) -> list[tuple[str, int, int, str]]:
    result = run_cli(
        "check", "docs", "--select", "L010,L011", "--format", "json", "--jobs", str(jobs), cwd=FIXTURE
    )
    assert result.code == 1, result.err
    return [(f["path"], f["line"], f["column"], f["code"]) for f in json.loads(result.out)["findings"]]


def test_fixture_tree_every_broken_link_found_and_no_good_one(run_cli) -> None:
    found = _fixture_findings(1, run_cli)
    assert found == EXPECTED
    # The fixture marks its links: each "broken" one is reported, no "good" one is.
    text = (FIXTURE / "docs" / "treatment" / "radiotherapy.md").read_text(encoding="utf-8")
    assert len(re.findall(r"\[broken:|alt=\"broken:", text)) == len(EXPECTED)
    lines = text.split("\n")
    for _, line, column, _ in found:
        written = lines[line - 1]
        assert "broken" in written or written.startswith("[moved]:"), written
        assert written[column - 2] in "(\"" or written.startswith("[moved]:")  # the target's first character


def test_worker_processes_give_the_same_findings(run_cli) -> None:
    assert _fixture_findings(2, run_cli) == EXPECTED


def test_the_projects_own_docs_pass_l010_and_l011() -> None:
    root = Path(__file__).resolve().parent.parent
    linter = Linter(Config(root=root, select=["L010", "L011"]))
    pages = [root / "README.md", *sorted((root / "docs").glob("*.md"))]
    found = [f"{f.path}:{f.line}: {f.message}" for page in pages for f in linter.lint_file(page, str(page)).findings]
    assert found == []
