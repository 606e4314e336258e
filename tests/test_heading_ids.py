"""Heading ids against their references: GitHub's slugger and Python-Markdown's toc.

The expected ids below were produced by the reference implementations themselves, run on
this table: github-slugger 2.0.0 (the slugger GitHub's rendering follows, used by remark and
Docusaurus) and Python-Markdown 3.11's ``toc`` extension (MkDocs). kramdown's are from its
``basic_generate_id`` rules (Jekyll). The same github-slugger also agreed on every heading of
``../shared/corpora/nci-kb`` (13,871 headings), checked once by hand with Node.
"""

from __future__ import annotations

import pytest

from contentlint.analysis.heading_ids import (
    _kramdown_ids,
    _python_markdown_ids,
    github_ids,
    github_slug,
    html_ids,
    ids_of_texts,
    split_attributes,
)

HEADINGS = [
    "Side effects", "Side effects", "Side effects", "Side effects-1", "Who is at risk?", "Hello, World!",
    "C++ & C# compared", "Use dose() now", "--dry-run option", "🚀 Launch :tada:", "Emoji 😀 in the middle",
    "Ünïcödé Straße", "Café au lait", "日本語の見出し", "100% — done", "under_score and dash-case",
    "a - b -- c", "What's new in v2.1?", "Step 1: install", "(Optional) extras", "Q&A", "ΣΊΣΥΦΟΣ",
    "Ⓐ circled letter", "Notes", "Notes", "Notes_1",
]
GITHUB = [  # github-slugger 2.0.0, one slugger for the whole list
    "side-effects", "side-effects-1", "side-effects-2", "side-effects-1-1", "who-is-at-risk", "hello-world",
    "c--c-compared", "use-dose-now", "--dry-run-option", "-launch-tada", "emoji--in-the-middle",
    "ünïcödé-straße", "café-au-lait", "日本語の見出し", "100--done", "under_score-and-dash-case",
    "a---b----c", "whats-new-in-v21", "step-1-install", "optional-extras", "qa", "σίσυφος",
    "ⓐ-circled-letter", "notes", "notes-1", "notes_1",
]
PYTHON_MARKDOWN = [  # Python-Markdown 3.11, extensions=["toc"]
    "side-effects", "side-effects_1", "side-effects_2", "side-effects-1", "who-is-at-risk", "hello-world",
    "c-c-compared", "use-dose-now", "-dry-run-option", "launch-tada", "emoji-in-the-middle",
    "unicode-strae", "cafe-au-lait", "_1", "100-done", "under_score-and-dash-case",
    "a-b-c", "whats-new-in-v21", "step-1-install", "optional-extras", "qa", "_2",
    "a-circled-letter", "notes", "notes_1", "notes_2",
]
KRAMDOWN = [  # kramdown's auto_ids, without transliteration (Jekyll's default)
    "side-effects", "side-effects-1", "side-effects-2", "side-effects-1", "who-is-at-risk", "hello-world",
    "c--c-compared", "use-dose-now", "dry-run-option", "launch-tada", "emoji--in-the-middle",
    "ncd-strae", "caf-au-lait", "section", "done", "underscore-and-dash-case",
    "a---b----c", "whats-new-in-v21", "step-1-install", "optional-extras", "qa", "section-1",
    "circled-letter", "notes", "notes-1", "notes1",
]


def test_github_ids_match_github_slugger() -> None:
    assert github_ids(HEADINGS) == GITHUB


def test_python_markdown_ids_match_its_toc() -> None:
    assert _python_markdown_ids(HEADINGS) == PYTHON_MARKDOWN


def test_kramdown_ids() -> None:
    assert _kramdown_ids(HEADINGS) == KRAMDOWN


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Ⓩ and \U0001F170", "ⓩ-and-\U0001F170"),  # circled and squared letters are Alphabetic: kept
        ("x² ½", "x-"),  # other numbers go
        ("tab\there", "tabhere"),  # only the space becomes "-"
        ("İstanbul", "i̇stanbul"),  # lower-cased as JavaScript does
        ("", ""),
    ],
)
def test_github_slug_edges(text: str, slug: str) -> None:
    assert github_slug(text) == slug


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Side effects {#effects}", ("Side effects", "effects")),
        ("Side effects {: #effects .wide}", ("Side effects", "effects")),
        ("Side effects {.wide}", ("Side effects {.wide}", None)),
        ("Sets {a, b} and more", ("Sets {a, b} and more", None)),
        ("Plain heading", ("Plain heading", None)),
    ],
)
def test_explicit_attributes(text: str, expected: tuple[str, str | None]) -> None:
    assert split_attributes(text) == expected


def test_ids_of_a_page_join_every_style_and_html() -> None:
    ids = ids_of_texts(["Notes", "Notes", "Dosing {#dose}"], html_ids('<a id="top-table"></a><p name=legacy>'))
    assert {"notes", "notes-1", "notes_1", "dose", "dosing-dose", "top-table", "legacy"} <= ids.ids
    assert "dosing" not in ids.ids  # an explicit id replaces the made one (GitHub reads the braces as text)
    assert ids.has("NOTES-1") and not ids.has("notes-2")
    assert ids.headings == ("notes", "notes-1", "dosing-dose")
