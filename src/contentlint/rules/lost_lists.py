"""Q003: a list introduced ("It can:") with no items after it."""

from __future__ import annotations

import bisect
import operator
import re
from typing import Iterator, NamedTuple

from contentlint.analysis.boilerplate import BOILERPLATE, is_boilerplate_line
from contentlint.analysis.line_shapes import ICON_SHORTCODE_END, LIST_ITEM
from contentlint.analysis.phrases import as_shown, quoted
from contentlint.analysis.structure import Paragraph, Structure, document_structure
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config
from contentlint.plugin import rule

# Words that leave a sentence waiting for what follows: "It can:", "such as:", "include:".
_OPEN_ENDINGS = frozenset(
    "can could may might will would should must include includes including are is be been were was have has "
    "had get gets as following follows below here these those like to of for with from if when about you them "
    "they we us it this contain contains cause causes help helps mean means need needs use try whether any "
    "symptoms signs effects steps ways things tips ask tell".split()
)
_LAST_SENTENCE = re.compile(r"(?:(?<=[.!?])\s+|^\W*)([^.!?]*)$")
# A paragraph that starts like this is what the colon introduces: a quotation, a link or image line,
# a table without its delimiter row, inline HTML.
_SOMETHING_FOLLOWS = ("|", ">", "<", "[", "!", "`", '"', "“", "'", "‘", "(",
                      "===", "???", ":::",  # a tab, a collapsible note, a container (MkDocs, Docusaurus)
                      "{{<", "{{%", "$$", "\\[")  # a Hugo shortcode; a formula


_PARENTHESES = re.compile(r"\([^()]*\)")
# An introduction of one thing, not of a list: "The best way to cite this summary is:" then the citation.
_ONE_THING = re.compile(r"\b(?:cite|citation)\b|\b(?:is|was|reads)\W*$", re.IGNORECASE)
# "Here is a shorter version of the advice:" presents one text; "Here is a list of…" and "Here are…" a list.
_ONE_TEXT = re.compile(
    r"\W*(?:here|below|this)(?:\s+is|[’']s)\s+(?:a|an|the|this|our|my|your)\s"
    r"(?!.*\b(?:list|few|number|series|set|range|selection|couple|summary of the (?:main|key))\b)",
    re.IGNORECASE,
)
# A line all in bold before its colon, used as a heading: "**What happens after your operation**:".
_BOLD_LABEL = re.compile(r"(\*\*|__)[^*_\n]+\1\s*:")
# A paragraph that defines a term in bold among its first words: "A **CT scan** (CAT scan) uses…",
# "A [**bone scan**](…) checks…": one item of a list written as paragraphs.
_BOLD_TERM_EARLY = re.compile(r"(?:[\w'’-]+[ \t]+){1,2}\[?(?:\*\*|__)\w")
# A term of a definition list, its definition on the next line after ": " (Pandoc, PHP Markdown
# Extra, Hugo's Goldmark) or "~ " (Pandoc, markdown-it): "Anchor\n: The point the crop keeps."
_DEFINITION_ITEM = re.compile(r"[^\n]+\n[:~][ \t]")
# Items written as paragraphs in order: "First, have the vaccine." then "Second, …".
_ORDINAL_LEAD = re.compile(r"(?:first(?:ly)?|second(?:ly)?|to (?:start|begin) with)\s*,", re.IGNORECASE)
# Where an inline list splits into items: "fever, a dry cough, headache and tiredness".
_ITEM_BREAK = re.compile(r"[,;]|\s(?:and|or)\s")
# A page's navigation label ("Go to:" before a scraped article's section menu) introduces no list.
_NAVIGATION = re.compile(r"\W*(?:go|jump|skip)\s+to\W*", re.IGNORECASE)
# A reference's field left empty ("Available at:", "doi:") is Q006's: an address is lost, not a list.
_REFERENCE_FIELD = re.compile(
    r"\W*(?:doi|url|pmid|pmcid|isbn|issn|available (?:at|from|online)|retrieved from|accessed(?: \S+){0,3} (?:at|from))\W*",
    re.IGNORECASE,
)


def _intro_words(line: str) -> list[str]:
    # "Evidence (surgery with or without radiation):" is a label, however long its parenthesis.
    return re.findall(r"[\w'’-]+", _PARENTHESES.sub(" ", line.rstrip().rstrip(":")))


def _last_sentence(line: str) -> str:
    found = _LAST_SENTENCE.search(line.rstrip().rstrip(":"))
    return found.group(1) if found else line


def _is_list_intro(line: str) -> bool:
    stripped = line.strip()
    if stripped.startswith(("#", "|")) or LIST_ITEM.match(line) and not stripped.endswith(":"):
        return False
    words = _intro_words(stripped.lstrip("-*+•>0123456789.) "))
    if len(words) < 2 or _NAVIGATION.fullmatch(stripped) or ICON_SHORTCODE_END.search(stripped):
        return False  # "Email:", "Address:" are labels; "Go to:" is navigation; ":warning:" an icon
    if _BOLD_LABEL.fullmatch(stripped):  # a title in bold: its length does not make it a sentence
        return words[-1].lower() in _OPEN_ENDINGS
    return len(words) >= 6 or words[-1].lower() in _OPEN_ENDINGS


def _item_text(line: str) -> bool:
    """A list item that ends in ":" without a word that leaves it waiting: the item's own text."""
    return bool(LIST_ITEM.match(line)) and _intro_words(line)[-1].lower() not in _OPEN_ENDINGS


def _parallel(first: str, second: str) -> bool:
    """Two paragraphs that open alike after their first word: items of one list."""
    a, b = re.findall(r"[\w'’-]+", first[:120].lower()), re.findall(r"[\w'’-]+", second[:120].lower())
    return len(a) >= 4 and len(b) >= 4 and a[1:4] == b[1:4]


class _Block(NamedTuple):
    start: int
    end: int
    kind: str  # "heading", "paragraph", or a block that is content in itself ("list", "table", ...)
    level: int = 0  # a heading's level
    paragraph: Paragraph | None = None


# What can follow an introduction, in the order that blocks starting at the same offset are taken.
_KINDS = ("heading", "paragraph", "list", "table", "code", "quotation", "html", "definition")


class _Blocks:
    """The blocks of a page, each kind in source order: found by offset without merging them all
    (a page of references has thousands of blocks, and only those after an introduction matter)."""

    def __init__(self, view: Structure) -> None:
        found = (  # an empty heading (`##` alone) shows the reader nothing: the block after it follows
            [h for h in view.headings if not h.empty], [p for p in view.paragraphs if not p.in_table],
            view.list_items, view.tables, view.code_blocks, view.block_quotes, view.html_blocks, view.definitions,
        )
        self._blocks = [sorted(blocks, key=operator.attrgetter("start")) for blocks in found]
        self._starts = [[block.start for block in blocks] for blocks in self._blocks]
        self._headings = view.headings  # in source order
        self._heading_starts = [heading.start for heading in view.headings]

    def section_level(self, offset: int) -> int:
        """The level of the heading whose section holds ``offset`` (0 before the first heading); an
        empty heading's too: its text was lost, not its place in the outline."""
        at = bisect.bisect_right(self._heading_starts, offset) - 1
        return self._headings[at].level if at >= 0 else 0

    def following(self, offset: int) -> tuple[_Block | None, _Block | None]:
        """The first block that starts at or after ``offset``, and the block after that one."""
        positions = [bisect.bisect_left(starts, offset) for starts in self._starts]
        first = self._earliest(positions)
        if first is None:
            return None, None
        positions[first] += 1
        second = self._earliest(positions)
        return self._block(first, positions[first] - 1), (
            self._block(second, positions[second]) if second is not None else None
        )

    def _earliest(self, positions: list[int]) -> int | None:
        """The kind whose next block (at ``positions``) starts first; the earlier kind on a tie."""
        best: int | None = None
        for kind, (starts, position) in enumerate(zip(self._starts, positions)):
            if position < len(starts) and (best is None or starts[position] < self._starts[best][positions[best]]):
                best = kind
        return best

    def _block(self, kind: int, position: int) -> _Block:
        block = self._blocks[kind][position]
        if kind == 0:
            return _Block(block.start, block.end, "heading", block.level)
        if kind == 1:
            return _Block(block.start, block.end, "paragraph", 0, block)
        return _Block(block.start, block.end, _KINDS[kind])


def _is_content(view: Structure, paragraph: Paragraph) -> bool:
    """Whether a paragraph reads as what a colon introduces rather than as prose: a bullet a scraper
    kept ("• item", "a) item"), a number, a quotation, a link or image line, an item written as a
    paragraph with a bold lead ("**TX:** The tumour cannot be assessed.")."""
    text = view.body[paragraph.start:paragraph.end]
    return (bool(LIST_ITEM.match(text)) or text.startswith(_SOMETHING_FOLLOWS) or text[:1].isdigit()
            or text.startswith(("**", "__")) or _BOLD_TERM_EARLY.match(text) is not None
            or _DEFINITION_ITEM.match(text) is not None or _ORDINAL_LEAD.match(text) is not None
            or _inline_list(text))


def _introduces_content(view: Structure, block: _Block) -> bool:
    """Whether ``block`` can be what a label line ("Configuration:") presents: anything but a
    heading or a paragraph of prose."""
    if block.kind == "paragraph":
        return block.paragraph is not None and _is_content(view, block.paragraph)
    return block.kind != "heading"


def _inline_list(text: str) -> bool:
    """A paragraph that lists its items in a sentence: "fever, a dry cough, a sore throat, headache
    and tiredness." (four items or more, nearly all of a few words)."""
    if text.count(",") + text.count(";") < 2:
        return False
    items = [len(_intro_words(item)) for item in _ITEM_BREAK.split(as_shown(text))]
    items = [words for words in items if words]
    return len(items) >= 4 and sum(words <= 4 for words in items) >= 0.75 * len(items)


@rule("Q003", "list-missing", "warning", uses=[BOILERPLATE])
def list_missing(document: Document, config: Config) -> Iterator[Violation]:
    """A line introduces a list ("It can:") but no list follows.

    Why it matters: when a page is scraped, lists built from web widgets are often lost,
    leaving a sentence that promises items the reader never sees. On a drug page the
    lost items are often the side effects or the warnings.

    A paragraph whose last line ends in ":" and reads as an introduction (it ends with a
    word such as "can", "include", "such as", "following", or it is a sentence of six
    words or more) must be followed by what it introduces. Reported when the page ends
    there, when a plain paragraph follows, or when a heading follows that closes the
    enclosing section (a `##` heading after an introduction under a `###` heading).

    Not reported: a list that follows (also items a scraper kept as `•`, `a)` or numbered
    lines), a table, a code block (fenced or indented), a block quote, an HTML block, a
    quotation, an image or a link line, a tab, note or container of a Markdown extension
    (`=== "Windows"`, `!!! note`, `:::note`), a Hugo shortcode (`{{< figure >}}`), a
    formula (`$$`), a definition list (a term, then ": its definition" or "~ its
    definition" on the next line);
    a heading of the section's own level or deeper, since pages write items as headings
    ("The following treatments may be used:" then "### Surgery", "### Radiation
    therapy"); one stray line before the items, a table or a code block (a caption, a
    label such as "PowerShell:"), a label line before any content ("Configuration:" then
    a shortcode or a quotation), or an empty heading (`##` alone, which shows nothing);
    items written as paragraphs with a bold lead ("**T1:** …", "A **CT scan** uses …"),
    as paragraphs that open alike ("Lapatinib has been linked with …", "Trastuzumab has
    been linked with …") or in order ("First, …", "Second, …"), or in one sentence
    ("fever, a dry cough, a sore throat, headache and tiredness": four items or more,
    nearly all of a few words);
    an introduction of one thing rather than a list ("The best way to cite this summary
    is:" then the citation; "Here is a shorter version of the advice:" then that text,
    where "Here is a list of…" and "Here are…" still introduce a list); a reference's
    empty field ("Available at:", "doi:", "PMID:"), which Q006 reports; a list item's own
    text that lost its indent; a title in bold used as a heading ("**What happens on the
    day of your operation**:"), unless it ends like an introduction ("… include**:").
    Labels such as "Email:" or "Opening hours:", navigation ("Go to:", left by a scraped
    article's section menu), website boilerplate that Q002 reports ("To receive email
    updates about this page, enter your email address:") and an icon's shortcode
    (`:warning:`) at the end of a line are not introductions, and a colon in the middle
    of a paragraph ("You can take it:" with the sentence going on below) or in code is
    not one either.

    Example: "Pomalidomide works in several different ways. It can:" followed by a
    paragraph about consent.

    Fix: restore the list from the source, or rewrite the sentence.

    Options: none.
    """
    body = document.body
    if ":" not in body:
        return
    view = document_structure(document)
    blocks: _Blocks | None = None
    for paragraph in view.paragraphs:
        if paragraph.in_table:
            continue
        end = paragraph.end
        while end > paragraph.start and body[end - 1] in " \t":
            end -= 1
        if end <= paragraph.start or body[end - 1] != ":" or view.in_code(end - 1):
            continue
        line_start = body.rfind("\n", 0, end - 1) + 1
        line = body[line_start:end]
        if not _is_list_intro(line) or _REFERENCE_FIELD.fullmatch(_last_sentence(line)):
            continue
        if is_boilerplate_line(line, config.resource(BOILERPLATE)):
            continue  # a sign-up form's label ("… enter your email address:"): Q002's
        if blocks is None:  # only for a page that has an introduction
            blocks = _Blocks(view)
        following, after = blocks.following(paragraph.end)
        if following is None:
            what = "the document ends"
        elif following.kind == "heading":
            if following.level >= blocks.section_level(paragraph.start) or _item_text(line):
                continue  # a subsection, or a sibling section: pages write items as headings too
            what = "a heading follows"
        elif following.kind != "paragraph" or _is_content(view, following.paragraph):
            continue
        elif _item_text(line) or _ONE_THING.search(last := _last_sentence(line)) or _ONE_TEXT.match(last):
            continue  # an item's own text that lost its indent; a citation, one answer or one text, not a list
        else:
            if after is not None and after.kind == "paragraph" and _parallel(body[following.start:following.end], body[after.start:after.end]):
                continue  # items written as paragraphs: "Lapatinib has been linked with …", "Trastuzumab has been linked with …"
            line_after = body[following.start:following.end].rstrip()
            if "\n" not in line_after and after is not None and (
                after.kind in ("list", "table", "code")
                or after.kind == "paragraph" and bool(LIST_ITEM.match(body[after.start:after.end]))
                or line_after.endswith(":") and _introduces_content(view, after)
            ):
                continue  # one stray line (a caption, a label), then the list, table or code
            what = "a paragraph follows"
        sentence = _LAST_SENTENCE.search(line.rstrip())
        column = sentence.start() + 1 if sentence else 1
        yield Violation(
            view.line_of(line_start), column,
            f"{quoted(line[column - 1:].strip(), 40)} introduces a list, but {what}: restore the lost items or "
            "reword the sentence",
            subject=" ".join(line.split()),
        )
