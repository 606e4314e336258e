"""Link extraction: every kind of link, with exact file positions; code and comments skipped."""

from __future__ import annotations

import subprocess
import sys

import pytest

from contentlint.document.reading import parse_document
from urllib.parse import urljoin

from contentlint.model.settings import Config
from contentlint.analysis.links import document_links, extract_links, resolve

FM = "---\ntitle: T\nurl: https://www.cancer.gov/types/breast/treatment\n---\n"  # body starts on file line 5


def found(text: str) -> list[tuple[str, str, int, int]]:
    return [(link.kind, link.target, link.line, link.column) for link in extract_links(parse_document(text, "d.md"), Config())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # inline links and images: the position is the target's
        ("See [NCI](https://www.cancer.gov/a).", [("inline", "https://www.cancer.gov/a", 1, 11)]),
        ("![chart](img/chart.png)", [("image", "img/chart.png", 1, 10)]),
        ("[a](<with space.html>)", [("inline", "with space.html", 1, 6)]),
        ('[a](https://x.org/p "Title")', [("inline", "https://x.org/p", 1, 5)]),
        ("[wiki](https://en.wikipedia.org/wiki/Cancer_(disease))", [("inline", "https://en.wikipedia.org/wiki/Cancer_(disease)", 1, 8)]),
        ("[empty]()", [("inline", "", 1, 9)]),
        ("[hash](#)", [("inline", "#", 1, 8)]),
        ("[js](javascript:void(0))", [("inline", "javascript:void(0)", 1, 6)]),
        ("[a link that\nwraps](https://x.org/w)", [("inline", "https://x.org/w", 2, 8)]),
        ("[![logo](l.png)](https://x.org/)", [("image", "l.png", 1, 10), ("inline", "https://x.org/", 1, 18)]),
        # reference links: the use points at its "[", the definition at its target
        (
            "Read [the guide][g] and [g].\n\n[g]: https://www.nhs.uk/g",
            [("reference", "https://www.nhs.uk/g", 1, 6), ("reference", "https://www.nhs.uk/g", 1, 25), ("definition", "https://www.nhs.uk/g", 3, 6)],
        ),
        ("[g]:\n  <https://x.org/a b>\n", [("definition", "https://x.org/a b", 2, 4)]),
        ("[undefined][nowhere] is text", []),
        # autolinks and bare URLs
        ("<https://www.nhs.uk/x>", [("autolink", "https://www.nhs.uk/x", 1, 2)]),
        ("Mail <help@macmillan.org.uk>.", [("autolink", "help@macmillan.org.uk", 1, 7)]),
        ("Visit https://www.nhs.uk/conditions/.", [("bare", "https://www.nhs.uk/conditions/", 1, 7)]),
        ("(see https://x.org/a_(b)).", [("bare", "https://x.org/a_(b)", 1, 6)]),
        ("(see https://x.org/page)", [("bare", "https://x.org/page", 1, 6)]),
        ("Call us or go to www.macmillan.org.uk, today", [("bare", "www.macmillan.org.uk", 1, 18)]),
        ("[https://x.org](https://x.org)", [("inline", "https://x.org", 1, 17)]),
        ("user@https://not.a.link and email:x", []),
        # raw HTML
        ('<a href="https://x.org/h">x</a> inline', [("html", "https://x.org/h", 1, 10)]),
        ("<div>\n<img src='pic.png'>\n</div>", [("html", "pic.png", 2, 11)]),
        # skipped: code spans, code blocks, comments
        ("Use `[x](https://code.example)` here", []),
        ("```\n[x](https://fenced.example)\nhttps://fenced.example\n```", []),
        ("~~~md\n<https://tilde.example>\n~~~", []),
        ("Para.\n\n    [x](https://indented.example)", []),
        ("<!-- [x](https://comment.example) https://comment.example -->", []),
        ("Text <!-- https://inline-comment.example --> more", []),
        ("<!--\nhttps://multi-line.example\n-->", []),
        # containers: lists, quotes, tables keep exact columns
        ("- item [a](https://x.org/1)\n  - nested [b](https://x.org/2)", [("inline", "https://x.org/1", 1, 12), ("inline", "https://x.org/2", 2, 16)]),
        ("> quoted [q](https://x.org/q)\n> and https://x.org/b", [("inline", "https://x.org/q", 1, 14), ("bare", "https://x.org/b", 2, 7)]),
        (
            "| a | b |\n|---|---|\n| [x](u1) | [x](u2) |",
            [("inline", "u1", 3, 7), ("inline", "u2", 3, 17)],
        ),
        ("# Heading with [link](https://x.org/h) #", [("inline", "https://x.org/h", 1, 23)]),
        ("1. one\n2. two [t](https://x.org/t)", [("inline", "https://x.org/t", 2, 12)]),
        # not links
        ("No links here, just text with a colon: and [brackets].", []),
        ("\\[escaped](https://x.org/e) is text but the URL is bare", [("bare", "https://x.org/e", 1, 12)]),
    ],
)
def test_extracts_links_with_positions(text: str, expected: list[tuple[str, str, int, int]]) -> None:
    assert found(text) == expected


def test_positions_count_front_matter_lines() -> None:
    assert found(FM + "\nSee [a](https://x.org/a).") == [("inline", "https://x.org/a", 6, 9)]


@pytest.mark.parametrize(
    ("target", "url"),
    [
        ("/Common/PopUps/def.aspx?id=1", "https://www.cancer.gov/Common/PopUps/def.aspx?id=1"),
        ("surgery", "https://www.cancer.gov/types/breast/surgery"),
        ("../lung", "https://www.cancer.gov/types/lung"),
        ("//cdn.cancer.gov/a.png", "https://cdn.cancer.gov/a.png"),
        ("https://www.nhs.uk/a", "https://www.nhs.uk/a"),
        ("mailto:a@b.org", "mailto:a@b.org"),
        ("#cit/section_1.1", "https://www.cancer.gov/types/breast/treatment#cit/section_1.1"),
        ("#", "https://www.cancer.gov/types/breast/treatment"),
        # A page a server script makes is on the page's site, not a file of the corpus.
        ("../../Common/PopUps/def.aspx?id=1", "https://www.cancer.gov/Common/PopUps/def.aspx?id=1"),
        ("search.php?q=lung", "https://www.cancer.gov/types/breast/search.php?q=lung"),
        ("results.jsp", "https://www.cancer.gov/types/breast/results.jsp"),
        ("leaflet.pdf", "leaflet.pdf"),  # a file the repository may hold: L010 looks on disk
    ],
)
def test_relative_targets_resolve_against_front_matter_url(target: str, url: str) -> None:
    (link,) = extract_links(parse_document(FM + f"[x]({target})\n", "d.md"), Config())
    assert (link.target, link.url) == (target, url)


@pytest.mark.parametrize(
    "base", ["https://x.org/a/b?q=1#top", "https://x.org", "https://x.org/a?", "https://x.org/p;params", "http://x.org/a#"]
)
@pytest.mark.parametrize("target", ["#frag", "#a#b", "#", "#with space", "/root", "rel/path", "?q=2", "//cdn.x.org/i"])
def test_resolve_agrees_with_urljoin(base: str, target: str) -> None:
    assert resolve(target, base) == urljoin(base, target)


def test_without_base_url_targets_stay_as_written() -> None:
    (link,) = extract_links(parse_document("[x](/Common/a)\n", "d.md"), Config())
    assert (link.target, link.url) == ("/Common/a", "/Common/a")


def test_links_are_cached_per_document() -> None:
    document = parse_document("[x](https://x.org)", "d.md")
    assert document_links(document, Config()) is document_links(document, Config())


def test_start_up_does_not_import_markdown_it() -> None:
    code = "import sys, contentlint.cli, contentlint.engine.linter, contentlint.rules; print('markdown_it' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# Pages that used to be cut into pieces (blank-line-separated fences, comments, raw HTML, loose
# items) and cases the former regex shortcut had to match: (text, links as (kind, target, line, column)).
TRICKY = [
    (
        "```\n\n[x](https://in-fence.example)\n\nhttps://in-fence.example\n```\n\n[after](https://after.example)",
        [("inline", "https://after.example", 8, 9)],
    ),
    ("~~~\n\n[x](a)\n", []),  # unclosed fence: everything after is code
    ("<!--\n\n[x](https://in-comment.example)\n\n-->\n\n[y](https://y.example)", [("inline", "https://y.example", 7, 5)]),
    ("<script>\n\nvar u = 'https://script.example';\n\n</script>\n\nText https://t.example", [("bare", "https://t.example", 7, 6)]),
    (
        "- item\n\n    [x](https://loose-item.example)\n\n[y](b)",
        [("inline", "https://loose-item.example", 3, 9), ("inline", "b", 5, 5)],
    ),
    ("Para\n\n    [code](https://code.example)\n\n[y](b)", [("inline", "b", 5, 5)]),
    ("[a][r]\n\nText\n\n[r]: https://r.example\n", [("reference", "https://r.example", 1, 1), ("definition", "https://r.example", 5, 6)]),
    ("[a](b)[c]\n\n[c]: <d>", [("inline", "b", 1, 5), ("reference", "d", 1, 7), ("definition", "d", 3, 7)]),
    (
        "[a] (b) and [a](b c) and [a](<b c>) and [](empty) and [a](b(c)d) and [a](b(c(d)))",
        [("inline", "b c", 1, 31), ("inline", "empty", 1, 44), ("inline", "b(c)d", 1, 59), ("inline", "b(c(d))", 1, 74)],
    ),
    (
        "![img](i.png) and Wow![img](j.png) and [![n](k.png)](l)",
        [("image", "i.png", 1, 8), ("image", "j.png", 1, 29), ("image", "k.png", 1, 46), ("inline", "l", 1, 54)],
    ),
    ("[a](b&amp;c) [d](e\\)f)", [("inline", "b&amp;c", 1, 5), ("inline", "e\\)f", 1, 18)]),
    (
        "[wrapped\nlabel](https://w.example) and `code [x](y)` and <https://auto.example>",
        [("inline", "https://w.example", 2, 8), ("autolink", "https://auto.example", 2, 50)],
    ),
    (
        "| a | b |\n|---|---|\n| [x](https://cell.example) | https://bare-cell.example |",
        [("inline", "https://cell.example", 3, 7), ("bare", "https://bare-cell.example", 3, 31)],
    ),
    (
        "> [q](https://quote.example)\n>\n> more https://q2.example",
        [("inline", "https://quote.example", 1, 7), ("bare", "https://q2.example", 3, 8)],
    ),
    (
        "# [Heading](https://h.example)\n\nSetext [s](https://s.example)\n===",
        [("inline", "https://h.example", 1, 13), ("inline", "https://s.example", 3, 12)],
    ),
    (
        "Text *[em](https://em.example)* and **https://strong.example**.",
        [("inline", "https://em.example", 1, 12), ("bare", "https://strong.example", 1, 39)],
    ),
    (
        "1. [one](https://1.example)\n2. two\n\n   [two](https://2.example)",
        [("inline", "https://1.example", 1, 10), ("inline", "https://2.example", 4, 10)],
    ),
    (
        "text [a](https://x.example 'single') [b](https://y.example \"double\")",
        [("inline", "https://x.example", 1, 10), ("inline", "https://y.example", 1, 42)],
    ),
    # code nested in a list item, indented or fenced: no link there
    ("- item\n\n  ```\n  [x](https://nested-fence.example)\n  ```\n- next https://n.example", [("bare", "https://n.example", 6, 8)]),
]


@pytest.mark.parametrize(("text", "expected"), TRICKY)
def test_pages_that_need_the_whole_parse(text: str, expected: list[tuple[str, str, int, int]]) -> None:
    assert found(text) == expected


def test_link_text_and_urls_of_each_kind() -> None:
    document = parse_document(
        FM + "[wrapped\nlabel](/a) <https://x.org/b> www.nhs.uk <a href='c&amp;d'>x</a> ![i][r]\n\n[r]: /e\n", "d.md"
    )
    assert [(link.kind, link.target, link.url, link.text, link.checks_target) for link in extract_links(document, Config())] == [
        ("inline", "/a", "https://www.cancer.gov/a", "wrapped label", True),
        ("autolink", "https://x.org/b", "https://x.org/b", "https://x.org/b", True),
        ("bare", "www.nhs.uk", "http://www.nhs.uk", "www.nhs.uk", True),
        ("html", "c&amp;d", "https://www.cancer.gov/types/breast/c&d", "c&amp;d", True),
        ("reference", "/e", "https://www.cancer.gov/e", "i", False),
        ("definition", "/e", "https://www.cancer.gov/e", "r", True),
    ]


@pytest.mark.parametrize(
    ("front", "url", "l006"),
    [
        ("canonical: https://www.cancer.gov/types/breast\n", "https://www.cancer.gov/Common/a", False),
        ("url: https://www.cancer.gov/types/breast\n", "/Common/a", True),  # `url` is not the page's field here
        ("", "/Common/a", True),
    ],
    ids=["mapped-field-resolves", "unmapped-url-ignored", "no-address"],
)
def test_relative_links_resolve_against_the_mapped_url_field(front: str, url: str, l006: bool) -> None:
    from conftest import lint_text, make_config
    from contentlint.model.settings import FieldMap

    config = make_config(fields=FieldMap(url="canonical"))
    document = parse_document(f"---\ntitle: A\n{front}---\n\n[x](/Common/a)\n", "d.md")
    (link,) = extract_links(document, config)
    assert link.url == url
    found = [f for f in lint_text(f"---\ntitle: A\n{front}---\n\n[x](/Common/a)\n", config) if f.code == "L006"]
    assert bool(found) == l006
    if found:
        assert "no front-matter `canonical`" in found[0].message and "add `canonical:`" in found[0].message
