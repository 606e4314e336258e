"""Links found in a document's body, with their place in the file.

markdown-it-py finds the Markdown structure: code blocks, code spans and HTML comments
are skipped; inline links, images, reference links and their definitions, autolinks,
links in raw HTML (href/src) and bare URLs in text are kept. Positions are exact file
lines and columns (front matter included), pointing at the target as written where
there is one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

    from contentlint.document import Document

# Link kinds.
INLINE = "inline"  # [text](target)
IMAGE = "image"  # ![alt](target)
REFERENCE = "reference"  # [text][label] or [label]: where the target is the definition's
DEFINITION = "definition"  # [label]: target
AUTOLINK = "autolink"  # <https://...>
BARE = "bare"  # https://... or www.... in running text
HTML = "html"  # href="..." / src="..." in raw HTML


@dataclass(frozen=True)
class Link:
    target: str  # as written in the document
    url: str  # resolved against the front-matter `url` when relative and a base exists; else the target
    line: int  # 1-based file line
    column: int  # 1-based column
    kind: str  # "inline", "image", "reference", "definition", "autolink", "bare", "html"
    text: str = ""

    @property
    def checks_target(self) -> bool:
        """False for a reference use: its target is checked where its definition is."""
        return self.kind != REFERENCE


# Cheap pre-checks: inline content without these characters holds no link.
_LINKISH = re.compile(r"[\[<]|://|www\.", re.IGNORECASE)
_BARE_URL = re.compile(r"(?<![\w/@.:+-])(?:(?:https?|ftp)://|www\.)[^\s<>]+", re.IGNORECASE)
_BARE_TRAILING = ".,:;!?'\"*_~"
_HTML_ATTR = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_DEFINITION_TARGET = re.compile(r"\]:[ \t]*\n?[ \t]*(<[^>\n]*>|\S+)")


def base_url(document: Document) -> str | None:
    """The front-matter `url` when it is an absolute http(s) URL, else None."""
    value = document.metadata.get("url")
    if not isinstance(value, str):
        return None
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return value.strip()
    return None


def is_relative(target: str) -> bool:
    """A target without a scheme (a path, or //host/path): it needs a base URL."""
    try:
        return not urlsplit(target.strip()).scheme
    except ValueError:
        return False


def resolve(target: str, base: str | None) -> str:
    stripped = target.strip()
    if base is None or not stripped or not is_relative(stripped):
        return stripped
    try:
        return urljoin(base, stripped)
    except ValueError:
        return stripped


def _trim_bare(url: str) -> str:
    """GFM autolink rules: drop trailing punctuation and an unbalanced closing parenthesis."""
    while url:
        last = url[-1]
        if last in _BARE_TRAILING:
            url = url[:-1]
        elif last == ")" and url.count(")") > url.count("("):
            url = url[:-1]
        elif last == "]" and url.count("]") > url.count("["):
            url = url[:-1]
        else:
            break
    return url


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """CommonMark + tables, keeping every target as written (no normalising, no refusing)."""
    from markdown_it import MarkdownIt
    from markdown_it import rules_inline

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.validateLink = lambda url: True  # javascript: and friends are findings, not text
    md.normalizeLink = lambda url: url
    md.normalizeLinkText = lambda text: text
    md.core.ruler.disable("inline")  # inline content is parsed on demand, below
    for name, original, kind in (
        ("link", rules_inline.link, INLINE),
        ("image", rules_inline.image, IMAGE),
        ("autolink", rules_inline.autolink, AUTOLINK),
        ("backticks", rules_inline.backtick, "code"),
        ("html_inline", rules_inline.html_inline, HTML),
    ):
        md.inline.ruler.at(name, _recording(original, kind))
    return md


def _recording(original: Any, kind: str) -> Any:
    """Wrap an inline rule so that it records where, in the content being parsed, it matched."""

    def rule(state: Any, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        matched = original(state, silent)
        if matched and not silent:
            record = state.env.get("_contentlint")
            # Image alt text is parsed as a separate string; only the content itself counts.
            if record is not None and state.src is record["src"]:
                pushed = next((t for t in state.tokens[count:] if t.type != "text"), None)
                record["spans"].append((start, state.pos, kind, pushed, state))
        return matched

    return rule


class _Placer:
    """Maps offsets in an inline token's content back to file lines and columns."""

    def __init__(self, lines: list[str], first_line: int) -> None:
        self.lines = lines
        self.first_line = first_line  # file line of body line 0
        self.cursors: dict[int, int] = {}

    def place(self, content: str, start_line: int) -> list[tuple[int, int]]:
        """For each line of ``content``: (body line index, column offset in that source line)."""
        placed = []
        for i, part in enumerate(content.split("\n")):
            index = start_line + i
            source = self.lines[index] if 0 <= index < len(self.lines) else ""
            wanted = part.strip()
            cursor = self.cursors.get(index)
            trimmed = source.rstrip()
            if cursor is None and wanted and trimmed.endswith(wanted):
                offset = len(trimmed) - len(wanted)
            else:
                found = source.find(wanted, cursor or 0) if wanted else -1
                offset = found if found >= 0 else len(source) - len(source.lstrip())
            lead = len(part) - len(part.lstrip())
            offset -= lead
            self.cursors[index] = offset + lead + len(wanted)
            placed.append((index, offset))
        return placed


def _locate(content: str, placed: list[tuple[int, int]], pos: int, first_line: int) -> tuple[int, int]:
    line_index = content.count("\n", 0, pos)
    line_start = content.rfind("\n", 0, pos) + 1
    body_line, offset = placed[min(line_index, len(placed) - 1)]
    return first_line + body_line, offset + (pos - line_start) + 1


def _spans_overlap(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def extract_links(document: Document) -> list[Link]:
    """All links in the body, in file order."""
    body = document.body
    if not body or not _LINKISH.search(body):
        return []
    md = _parser()
    env: dict[str, Any] = {}
    tokens = md.parse(body, env)
    base = base_url(document)
    lines = body.split("\n")
    placer = _Placer(lines, document.body_first_line)
    links: list[Link] = []
    first = document.body_first_line
    for token in tokens:
        if token.map is None:
            continue
        if token.type == "inline":
            if _LINKISH.search(token.content):
                links.extend(_inline_links(md, env, token.content, token.map[0], placer, base, first))
        elif token.type == "html_block" and not token.content.lstrip().startswith("<!--"):
            links.extend(_html_links(token.content, placer.place(token.content, token.map[0]), 0, base, first))
    links.extend(_definitions(env, lines, base, first))
    links.sort(key=lambda link: (link.line, link.column))
    return links


def _inline_links(
    md: MarkdownIt, env: dict[str, Any], content: str, start_line: int, placer: _Placer, base: str | None, first: int
) -> list[Link]:
    record: dict[str, Any] = {"src": content, "spans": []}
    env["_contentlint"] = record
    try:
        md.inline.parse(content, md, env, [])
    finally:
        env.pop("_contentlint", None)
    placed = placer.place(content, start_line)
    links: list[Link] = []
    covered: list[tuple[int, int]] = []
    for start, end, kind, pushed, state in record["spans"]:
        covered.append((start, end))
        if kind == "code" or pushed is None:
            continue
        token = pushed
        if kind == HTML:
            if not content.startswith("<!--", start):
                links.extend(_html_links(content[start:end], placed, start, base, first, content))
            continue
        if kind == AUTOLINK:
            href = token.attrGet("href") or ""
            written = content[start + 1:end - 1]
            line, column = _locate(content, placed, start + 1, first)
            links.append(Link(written, resolve(href, base), line, column, AUTOLINK, written))
            continue
        href = str(token.attrGet("href" if kind == INLINE else "src") or "")
        label_open = start if kind == INLINE else start + 1
        label_end = md.helpers.parseLinkLabel(state, label_open, kind == INLINE)
        text = " ".join(content[label_open + 1:label_end].split()) if label_end > label_open else ""
        after = label_end + 1
        if label_end > 0 and after < end and content[after] == "(" and content[end - 1] == ")":
            target_start = after + 1
            while target_start < end and content[target_start] in " \t\n":
                target_start += 1
            result = md.helpers.parseLinkDestination(content, target_start, end)
            target_end = result.pos if result.ok else target_start
            written = content[target_start:target_end]
            if written.startswith("<") and written.endswith(">"):
                written, target_start = written[1:-1], target_start + 1
            line, column = _locate(content, placed, target_start, first)
            links.append(Link(written, resolve(href, base), line, column, kind, text))
        else:
            line, column = _locate(content, placed, start, first)
            links.append(Link(href, resolve(href, base), line, column, REFERENCE, text))
    if "://" in content or "www." in content.lower():
        for match in _BARE_URL.finditer(content):
            if _spans_overlap(covered, match.start(), match.end()):
                continue
            written = _trim_bare(match.group())
            if not written or written.lower() in ("http://", "https://", "ftp://", "www."):
                continue
            url = ("http://" + written) if written.lower().startswith("www.") else written
            line, column = _locate(content, placed, match.start(), first)
            links.append(Link(written, url, line, column, BARE, written))
    return links


def _html_links(
    fragment: str, placed: list[tuple[int, int]], offset: int, base: str | None, first: int, content: str | None = None
) -> list[Link]:
    """href/src attributes in raw HTML, comments left out."""
    content = fragment if content is None else content
    visible = _HTML_COMMENT.sub(lambda m: " " * len(m.group()), fragment)
    links = []
    for match in _HTML_ATTR.finditer(visible):
        group = next(g for g in (1, 2, 3) if match.group(g) is not None)
        written = match.group(group)
        line, column = _locate(content, placed, offset + match.start(group), first)
        links.append(Link(written, resolve(_unescape_html(written), base), line, column, HTML, written))
    return links


def _unescape_html(value: str) -> str:
    if "&" not in value:
        return value
    import html

    return html.unescape(value)


def _definitions(env: dict[str, Any], lines: list[str], base: str | None, first: int) -> list[Link]:
    """Reference definitions ``[label]: target``, with the target's place."""
    found = list(env.get("references", {}).items())
    found += [(d["label"], d) for d in env.get("duplicate_refs", [])]
    links = []
    for label, definition in found:
        where = definition.get("map")
        if not where:
            continue
        start, end = where[0], max(where[1], where[0] + 1)
        block = "\n".join(lines[start:end])
        match = _DEFINITION_TARGET.search(block)
        if match is None:
            continue
        written = match.group(1)
        position = match.start(1)
        if written.startswith("<") and written.endswith(">"):
            written, position = written[1:-1], position + 1
        line_index = block.count("\n", 0, position)
        column = position - (block.rfind("\n", 0, position) + 1) + 1
        href = str(definition.get("href", written))
        links.append(Link(written, resolve(href, base), first + start + line_index, column, DEFINITION, str(label)))
    return links
