"""The structural view of a body (analysis.structure): fixture table, invariants, and a
differential test of every link against markdown-it-py, the reference parser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from contentlint.analysis.structure import (
    AUTOLINK,
    BARE,
    FENCED,
    HTML,
    IMAGE,
    INDENTED,
    INLINE,
    REFERENCE,
    Structure,
    parse_structure,
    plain_structure,
)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "nci-kb"
FIRST = 7  # the body's first file line in the fixtures (as if six lines of front matter came first)

# Each fixture: a body and what the view must show. Keys:
#   headings: (level, text, empty, code_only, line) for every heading
#   links: (kind, target, line, column) for every link, in source order
#   hidden: strings that must sit wholly inside code_ranges (so not in the visible text)
#   visible: strings that must stay in the visible text
#   code: (kind, info, in_list, line) for every code block
#   tables: number of rows of each table
#   paragraphs: (line, in_list, in_quote, in_table) for every paragraph
#   items: (line, depth) for every list item
FIXTURES = {
    "empty-h2": (
        "# Radiotherapy\n\n##\n\nYour team plans each session.\n",
        {
            "headings": [(1, "Radiotherapy", False, False, 7), (2, "", True, False, 9)],
            "paragraphs": [(11, False, False, False)],
        },
    ),
    "code-only-heading": (
        "# `settings.yaml`\n\n# Real title\n",
        {"headings": [(1, "settings.yaml", False, True, 7), (1, "Real title", False, False, 9)], "hidden": ["settings.yaml"]},
    ),
    "mixed-heading-keeps-code-text": (
        "## Set `dose` daily *now*\n",
        {"headings": [(2, "Set dose daily now", False, False, 7)]},
    ),
    "fenced-code-in-list-item": (
        "Steps:\n\n1. Open the template.\n\n   ```html\n   <p>TODO: fill in \ufffd here</p>\n   ```\n2. Save it.\n",
        {
            "code": [(FENCED, "html", True, 11)],
            "hidden": ["TODO: fill in \ufffd here", "```html"],
            "visible": ["Open the template.", "Save it."],
            "items": [(9, 0), (14, 0)],
        },
    ),
    "indented-code": (
        "Example markup:\n\n    <time>Reviewed: 01 May 2020</time>\n\nAfter the example.\n",
        {
            "code": [(INDENTED, "", False, 9)],
            "hidden": ["<time>Reviewed: 01 May 2020</time>"],
            "visible": ["After the example."],
            "links": [],
        },
    ),
    "intro-then-heading-table-indented": (
        "These tests may be used:\n\n### Blood tests\n\nA count of cells.\n\nOther tests may be used:\n\n"
        "| Test | Purpose |\n|------|---------|\n| CBC | counts |\n| LFT | liver |\n\n"
        "The following may be used:\n\n    sample output\n",
        {
            "headings": [(3, "Blood tests", False, False, 9)],
            "tables": [3],
            "code": [(INDENTED, "", False, 22)],
            "paragraphs": [
                (7, False, False, False),
                (11, False, False, False),
                (13, False, False, False),
                (15, False, False, True),
                (15, False, False, True),
                (17, False, False, True),
                (17, False, False, True),
                (18, False, False, True),
                (18, False, False, True),
                (20, False, False, False),
            ],
        },
    ),
    "setext-headings": (
        "Main title\n==========\n\nSub part\nsecond line\n--------\n\nText.\n",
        {"headings": [(1, "Main title", False, False, 7), (2, "Sub part second line", False, False, 10)]},
    ),
    "reference-links-and-definitions": (
        'See [the guide][g] and [Shortcut] and [G][].\n\n[g]: https://www.cancer.gov/guide "Guide"\n'
        "[shortcut]:\n  <https://example.org/s>\n[g]: https://ignored.example/\n",
        {
            "links": [
                (REFERENCE, "https://www.cancer.gov/guide", 9, 6),
                (REFERENCE, "https://example.org/s", 11, 4),
                (REFERENCE, "https://www.cancer.gov/guide", 9, 6),
            ]
        },
    ),
    "autolinks": (
        "Write to <info@example.org> or visit <https://www.nih.gov/>.\n",
        {"links": [(AUTOLINK, "info@example.org", 7, 11), (AUTOLINK, "https://www.nih.gov/", 7, 39)]},
    ),
    "html-href-and-src": (
        '<p>Read <a href="https://www.cancer.gov/a">this</a></p>\n\nInline <img src=\'/img/x.png\'> here'
        " <!-- <a href=\"https://hidden.example/\"> -->.\n",
        {
            "links": [(HTML, "https://www.cancer.gov/a", 7, 18), (HTML, "/img/x.png", 9, 18)],
            "hidden": ['<a href="https://hidden.example/">'],
        },
    ),
    "bare-urls-with-trailing-punctuation": (
        "Visit https://www.cancer.gov/types. Or www.nhs.uk/conditions, (see https://example.org/a_(b)).\n\n"
        "`https://in.code/x` and [https://linked.org](https://linked.org/page)\n",
        {
            "links": [
                (BARE, "https://www.cancer.gov/types", 7, 7),
                (BARE, "www.nhs.uk/conditions", 7, 40),
                (BARE, "https://example.org/a_(b)", 7, 68),
                (INLINE, "https://linked.org/page", 9, 46),
            ],
            "hidden": ["`https://in.code/x`"],
        },
    ),
    "non-ascii-before-link": (
        "Café – “quoted” text: [link](https://example.org/é) and ![chart ✓](/i.png)\n",
        {"links": [(INLINE, "https://example.org/é", 7, 30), (IMAGE, "/i.png", 7, 68)]},
    ),
    "html-comments": (
        "Text <!-- TODO hidden --> more.\n\n<!--\nPlaceholder slot\n-->\n\nEnd.\n",
        {"hidden": ["<!-- TODO hidden -->", "Placeholder slot"], "visible": ["Text ", " more.", "End."]},
    ),
    "quote-list-table-flags": (
        "> Quoted advice.\n\n- Tight item\n  - nested item\n\n| a |\n|---|\n| b |\n",
        {
            "paragraphs": [(7, False, True, False), (9, True, False, False), (10, True, False, False), (12, False, False, True), (14, False, False, True)],
            "items": [(9, 0), (10, 1)],
            "tables": [2],
        },
    ),
    "script-and-style-blocks-hidden": (
        "<style>\n  .youtube { color: red; }\n</style>\n\n<SCRIPT type=\"text/javascript\">\n// TODO load the map\n"
        "</SCRIPT>\n\n<div>Opening hours</div>\n\n<pre>\nDose: 300 mg\n</pre>\n\n<styles>Shown</styles>\n",
        {
            "hidden": [".youtube { color: red; }", "// TODO load the map"],
            "visible": ["Opening hours", "Dose: 300 mg", "Shown"],
        },
    ),
    "link-target-on-next-line-and-escapes": (
        "A [split](\n  https://example.org/next) and [esc](https://example.org/a\\_b) and [e](/a?x=1&amp;y=2).\n",
        {
            "links": [
                (INLINE, "https://example.org/next", 8, 3),
                (INLINE, "https://example.org/a\\_b", 8, 39),
                (INLINE, "/a?x=1&amp;y=2", 8, 73),
            ]
        },
    ),
}


def _inside(ranges: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture(name: str) -> None:
    body, want = FIXTURES[name]
    view = parse_structure(body, FIRST)
    if "headings" in want:
        assert [(h.level, h.text, h.empty, h.code_only, h.line) for h in view.headings] == want["headings"]
    if "links" in want:
        assert [(link.kind, link.target, link.line, link.column) for link in view.links] == want["links"]
    for text in want.get("hidden", []):
        at = body.index(text)
        assert _inside(view.code_ranges, at, at + len(text)), text
        assert text not in view.visible_text()
    for text in want.get("visible", []):
        assert text in view.visible_text(), text
    if "code" in want:
        assert [(c.kind, c.info, c.in_list, c.line) for c in view.code_blocks] == want["code"]
    if "tables" in want:
        assert [len(t.rows) for t in view.tables] == want["tables"]
    if "paragraphs" in want:
        assert [(p.line, p.in_list, p.in_quote, p.in_table) for p in view.paragraphs] == want["paragraphs"]
    if "items" in want:
        assert [(i.line, i.depth) for i in view.list_items] == want["items"]
    _check_invariants(view)


def test_details_of_one_page() -> None:
    body = FIXTURES["reference-links-and-definitions"][0]
    view = parse_structure(body, 1)
    assert [(d.label, d.target, d.line) for d in view.definitions] == [
        ("g", "https://www.cancer.gov/guide", 3),
        ("shortcut", "https://example.org/s", 5),
    ]
    assert [(link.text, link.label) for link in view.links] == [("the guide", "g"), ("Shortcut", "Shortcut"), ("G", "G")]
    email = parse_structure(FIXTURES["autolinks"][0], 1).links[0]
    assert email.dest == "mailto:info@example.org"
    escaped = parse_structure(FIXTURES["link-target-on-next-line-and-escapes"][0], 1).links
    assert [link.dest for link in escaped] == ["https://example.org/next", "https://example.org/a_b", "/a?x=1&y=2"]
    code = parse_structure(FIXTURES["fenced-code-in-list-item"][0], 1).code_blocks[0]
    assert code.text == "<p>TODO: fill in \ufffd here</p>\n"
    assert body[view.links[0].start : view.links[0].end] == "[the guide][g]"


def test_plain_text_view() -> None:
    body = "Line one\nline two\n\n\n  Second paragraph, see www.nhs.uk.\n"
    view = plain_structure(body, 3)
    assert view.plain
    assert [(p.line, body[p.start : p.end]) for p in view.paragraphs] == [
        (3, "Line one\nline two"),
        (7, "Second paragraph, see www.nhs.uk."),
    ]
    assert [(link.target, link.line, link.column) for link in view.links] == [("www.nhs.uk", 7, 25)]
    assert [line.line for line in view.lines()] == [3, 4, 5, 6, 7, 8]
    assert view.code_ranges == () and view.headings == ()


def test_empty_body() -> None:
    view = parse_structure("", 4)
    assert view.headings == () and view.links == () and view.paragraphs == ()


def _check_invariants(view: Structure) -> None:
    body = view.body
    for link in view.links:
        assert body[link.offset : link.offset + len(link.target)] == link.target, link
        assert link.line == view.line_of(link.offset), link
        assert link.column == view.column_of(link.offset), link
    previous_end = -1
    for start, end in view.code_ranges:
        assert previous_end < start < end <= len(body)
        previous_end = end
    for heading in view.headings:
        assert heading.line == view.line_of(heading.start)
    for table in view.tables:
        assert all(table.start <= row.start < row.end <= table.end for row in table.rows)


# --- positions on pages dense in non-ASCII text ------------------------------------------------------
# The parser counts UTF-8 bytes; the view converts to characters (inline while the shift is known).
# Each page is checked against a slow reference: the parser's own events, each byte offset converted
# by decoding the bytes before it.

DENSE = {
    "cjk": (
        "# 放射線治療の概要\n\n治療は毎日行います。[ガイド](https://例え.jp/ガイド)と![図](図/一.png)を参照。\n\n"
        "- 第一項目 [一](/一)\n- 第二項目 `コード`\n  - 入れ子の項目\n\n1. 番号付き\n\n2. 緩い項目\n\n"
        "| 検査 | 目的 |\n|------|------|\n| 血液 | [数](/数) |\n| 肝臓 | 機能 |\n\n"
        "> 引用された助言。\n> 二行目 *強調* **強い**\n\n```text\n中身 コード\n```\n\n    字下げ コード\n\n"
        "参照[リンク][ラベル]と[ラベル]。\n\n[ラベル]: https://例え.jp/参照 \"題\"\n"
    ),
    "emoji": (
        "## 😀 Heading 🎉🎉\n\n😀😀 text [link 😀](https://e.example/😀) 🎉 ![🎉](/🎉.png)\n\n"
        "- 😀 item <https://e.example/🎉>\n- 🎉 item www.e.example/😀 and https://e.example/a😀\n\n"
        "| 😀 | 🎉 |\n|----|----|\n| `😀` | [🎉](/🎉) |\n\n<div>\n😀 <a href=\"/😀\">🎉</a>\n</div>\n\n"
        "Text 😀 <!-- 🎉 hidden --> and <a href='/🎉'>😀</a> end 😀\n"
    ),
    "combining-marks": (
        "# Cafe\u0301 re\u0301sume\u0301\n\nNai\u0308ve [cafe\u0301](/cafe\u0301) e\u0301\u0301\u0301 "
        "[x][e\u0301]\n\n- a\u0300\n  - b\u0300 [c](/c\u0300)\n\n[e\u0301]: /de\u0301f\n"
    ),
    "mixed-widths-per-line": (
        "Été — “quoted” 日本 😀 [a](/a) ü [b](/b) 語 [c](/c)\nsecond line ü [d](/d)\n\n### ü 日 😀\n\n"
        "| é | ü | 😀 |\n|---|---|---|\n| [e](/e) | 日 | [f](/f) |\n\n"
        "1. ü\n2. 日 [g](/g)\n   > 😀 [h](/h)\n"
    ),
    "lone-surrogates": (
        "# Title \ud800 here\n\nText \udfff [link \ud800](/a\udc00b) and [x](/x)\n\n"
        "- \ud83d item [y](/y)\n- é\ud800é [z](/z)\n\n`\ud800` https://e.example/\udfff\n"
    ),
}


def _reference_positions(body: str) -> dict[str, list[tuple[int, int]]]:
    """(start, end) character offsets of the parser's events by tag (Start's start, End's end)."""
    import pyromark

    source = re.sub("[\ud800-\udfff]", "\ufffd", body)  # what the parser gets
    encoded = source.encode("utf-8")

    def char(byte: int) -> int:
        return len(encoded[:byte].decode("utf-8"))

    found: dict[str, list[tuple[int, int]]] = {}
    open_starts: list[int] = []
    options = pyromark.Options.ENABLE_TABLES
    for event, span in pyromark.events_with_range(source, options=options, merge_text=True):
        if type(event) is str:
            continue
        ((key, value),) = event.items()
        if key == "Start":
            open_starts.append(char(span["start"]))
        elif key == "End":
            tag = value if type(value) is str else next(iter(value))
            found.setdefault(tag, []).append((open_starts.pop(), char(span["end"])))
        elif key == "Code":
            found.setdefault(key, []).append((char(span["start"]), char(span["end"])))
    return found


def _without_newline(body: str, start: int, end: int) -> tuple[int, int]:
    return start, end - 1 if end > start and body[end - 1] == "\n" else end


@pytest.mark.parametrize("name", sorted(DENSE))
def test_positions_on_dense_non_ascii_pages(name: str) -> None:
    body = DENSE[name]
    view = parse_structure(body, FIRST)
    reference = _reference_positions(body)
    links = sorted(reference.get("Link", []) + reference.get("Image", []))
    assert links, "the page has links"
    assert [(link.start, link.end) for link in view.links if link.kind not in (BARE, HTML)] == links
    assert [(h.start, h.end) for h in view.headings] == [_without_newline(body, *r) for r in reference.get("Heading", [])]
    items = sorted(reference.get("Item", []))
    assert [(i.start, i.end) for i in view.list_items] == [_without_newline(body, *r) for r in items]
    rows = reference.get("TableHead", []) + reference.get("TableRow", [])
    assert [(r.start, r.end) for t in view.tables for r in t.rows] == sorted(_without_newline(body, *r) for r in rows)
    paragraphs = {(p.start, p.end) for p in view.paragraphs}
    assert {_without_newline(body, *r) for r in reference.get("Paragraph", [])} <= paragraphs
    for start, end in reference.get("Code", []):
        assert _inside(view.code_ranges, start, end), body[start:end]
    for element in (*view.headings, *view.paragraphs, *view.list_items, *view.block_quotes, *view.code_blocks):
        assert element.line == view.line_of(element.start), element
    _check_invariants(view)


# --- differential: every Markdown link agrees with markdown-it-py ------------------------------------

_DIFFERENTIAL_KINDS = (INLINE, IMAGE, REFERENCE, AUTOLINK)


def _reference_parser():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.validateLink = lambda url: True
    md.normalizeLink = lambda url: url
    md.normalizeLinkText = lambda text: text
    return md


def _reference_links(md, body: str, first_line: int, parsed: tuple[list, dict] | None = None) -> list[tuple[str, int | None]]:
    """(href, file line) of every link and image by markdown-it-py. The line is found by locating the
    target text in the lines of the containing block (its ``.map``); a reference link's target is
    located in its definition's lines. None when the target is not written literally (escapes).
    ``parsed``: the page's tokens and env, when markdown-it-py has parsed it already."""
    env: dict = {}
    tokens = md.parse(body, env) if parsed is None else parsed[0]
    env = env if parsed is None else parsed[1]
    lines = body.split("\n")
    found: list[tuple[str, int | None]] = []

    cursors: dict[tuple[int, int], int] = {}  # where the last target found in a block ended

    def locate(target: str, block: list[int], written_after: str) -> int | None:
        text = "\n".join(lines[block[0] : block[1]])
        pattern = re.compile(written_after + r"[ \t]*\n?[ \t>]*<?" + re.escape(target))
        key = (block[0], block[1])
        match = pattern.search(text, cursors.get(key, 0)) or pattern.search(text)  # an image in a link's text comes first
        if match is None:
            return None
        cursors[key] = match.end()
        return first_line + block[0] + text.count("\n", 0, match.end())

    def walk(children, block: list[int]) -> None:
        for token in children:
            if token.type in ("link_open", "image"):
                href = token.attrs.get("href", token.attrs.get("src", ""))
                href = str(href)
                if token.markup == "autolink":
                    raw = href[7:] if href.startswith("mailto:") and f"<{href}>" not in body else href
                    found.append((href, locate(raw, block, "<")))
                else:
                    line = locate(href, block, r"\]\(")
                    if line is None:  # a reference link: located in its definition
                        for definition in env.get("references", {}).values():
                            if definition["href"] == href:
                                line = locate(href, definition["map"], r"\]:")
                                break
                    found.append((href, line))
            if token.children:
                walk(token.children, block)

    for token in tokens:
        if token.type == "inline" and token.children:
            walk(token.children, token.map)
    return found


def _reference_list_items(tokens: list, first_line: int) -> list[tuple[int, int]]:
    """(file line, depth) of every list item by markdown-it-py; depth 0 for an item of a top-level list."""
    items, depth = [], 0
    for token in tokens:
        if token.type == "list_item_open":
            items.append((first_line + token.map[0], depth))
            depth += 1
        elif token.type == "list_item_close":
            depth -= 1
    return items


def _differences(md, body: str, first_line: int, parsed: tuple[list, dict] | None = None) -> tuple[set, set, int]:
    ours = {(link.dest, link.line) for link in parse_structure(body, first_line).links if link.kind in _DIFFERENTIAL_KINDS}
    theirs = _reference_links(md, body, first_line, parsed)
    unplaced = {href for href, line in theirs if line is None}
    theirs_set = {(href, line) for href, line in theirs if line is not None}
    ours_placed = {(dest, line) for dest, line in ours if dest not in unplaced}
    missing_targets = unplaced - {dest for dest, _ in ours}
    return ours_placed - theirs_set, theirs_set - ours_placed | {(t, None) for t in missing_targets}, len(theirs)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_links_agree_with_markdown_it_on_fixtures(name: str) -> None:
    body = FIXTURES[name][0]
    only_ours, only_theirs, _ = _differences(_reference_parser(), body, FIRST)
    assert only_ours == set() and only_theirs == set()


NESTED_LISTS = {
    "bullets in bullets": "- a:\n  - b\n  - c\n- d\n",
    "flattened": "- a:\n- b\n- c\n",
    "loose and deep": "- a\n\n  - b\n\n    - c\n\n- d\n",
    "ordered in bullets": "- a:\n\n   1. b\n   2. c\n",
    "bullets in ordered": "1. a:\n\n   - b\n2. c\n",
    "in a quote": "> - a:\n>   - b\n> - c\n",
    "quote in an item": "- a\n  > - b\n",
    "four-space indent": "- a:\n    - b\n",
    "lazy line": "- a\nstill a\n  - b\n",
    "code between": "- a\n\n      code\n- b\n",
}


@pytest.mark.parametrize("name", sorted(NESTED_LISTS))
def test_list_item_lines_and_depths_agree_with_markdown_it(name: str) -> None:
    body = NESTED_LISTS[name]
    tokens = _reference_parser().parse(body, {})
    assert [(i.line, i.depth) for i in parse_structure(body, FIRST).list_items] == _reference_list_items(tokens, FIRST)


def _corpus_pages() -> list[tuple[str, str, int]]:
    pages = []
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix not in (".md", ".markdown") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")  # universal newlines: the body is LF
        first_line = 1
        if text.startswith("---\n"):
            end = text.find("\n---\n", 3)
            if end >= 0:
                first_line = text.count("\n", 0, end + 5) + 1
                text = text[end + 5 :]
        pages.append((str(path.relative_to(CORPUS)), text, first_line))
    return pages


def test_links_and_list_items_agree_with_markdown_it_on_corpus() -> None:
    """Every link's target line, and every list item's line and depth (what Q014 reads)."""
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent")
    md = _reference_parser()
    pages = _corpus_pages()
    assert pages, "the corpus folder holds no Markdown page"
    disagreements, items_differ = [], []
    total = 0
    for name, body, first_line in pages:
        env: dict = {}
        tokens = md.parse(body, env)
        only_ours, only_theirs, count = _differences(md, body, first_line, (tokens, env))
        total += count
        if only_ours or only_theirs:
            disagreements.append((name, sorted(only_ours, key=str)[:3], sorted(only_theirs, key=str)[:3]))
        ours = [(item.line, item.depth) for item in parse_structure(body, first_line).list_items]
        theirs = _reference_list_items(tokens, first_line)
        if ours != theirs:
            items_differ.append((name, [pair for pair in zip(ours, theirs) if pair[0] != pair[1]][:3], len(ours), len(theirs)))
    assert total > 0
    assert disagreements == []
    assert items_differ == []


def test_a_plain_text_file_keeps_indented_prose_and_a_markdown_one_is_parsed() -> None:
    from contentlint.analysis.structure import document_structure
    from contentlint.analysis.visible_text import visible_body
    from contentlint.document.reading import parse_document

    scraped = parse_document("Intro.\n\n    Written by the Cancer Information team.\n", "page.txt")
    assert document_structure(scraped).plain and visible_body(scraped) == scraped.body
    markdown = parse_document("# Title\n\nText.\n\n    code https://x.example\n", "page.txt")
    assert not document_structure(markdown).plain and "x.example" not in visible_body(markdown)
    nested = parse_document("- item\n\n  ```\n  TODO in code\n  ```\n\n  `span` text\n", "page.md")
    assert "TODO" not in visible_body(nested) and "span" not in visible_body(nested)
    assert len(visible_body(nested)) == len(nested.body) and visible_body(nested).count("\n") == nested.body.count("\n")
