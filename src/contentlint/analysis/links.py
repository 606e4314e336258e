"""Links found in a document's body, with their place in the file.

markdown-it-py finds the Markdown structure: code blocks, code spans and HTML comments
are skipped; inline links, images, reference links and their definitions, autolinks,
links in raw HTML (href/src) and bare URLs in text are kept. Positions are exact file
lines and columns (front matter included), pointing at the target as written where
there is one.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urljoin, urlsplit

from contentlint.analysis.memo import per_document
from contentlint.analysis.phrase_index import scan_made
from contentlint.analysis.visible_text import line_starts, place
from contentlint.document import Document
from contentlint.model.settings import search_words

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

    from contentlint.analysis.phrase_index import TextScan

# Link kinds.
INLINE = "inline"  # [text](target)
IMAGE = "image"  # ![alt](target)
REFERENCE = "reference"  # [text][label] or [label]: where the target is the definition's
DEFINITION = "definition"  # [label]: target
AUTOLINK = "autolink"  # <https://...>
BARE = "bare"  # https://... or www.... in running text
HTML = "html"  # href="..." / src="..." in raw HTML


class Link(NamedTuple):  # a tuple: pages hold dozens, and tuples are the cheapest to make
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


# A tuple is made without the Python-level __new__ that NamedTuple adds.
_new_link = functools.partial(tuple.__new__, Link)
_WEB_PREFIXES = ("https://", "http://")
# Where a bare URL may start (as _BARE_URL matches it, in the cases people write).
_BARE_MARKERS = ("://", "www.", "WWW.", "Www.")
# The same in lower case, as the phrase scan finds them.
ADDRESS_MARKERS = ("://", "www.")
# What a rule that reads the links uses: the phrase index also counts these markers.
LINK_MARKERS = search_words("link markers", ADDRESS_MARKERS)


def _linkish(text: str) -> bool:
    """Cheap pre-check: text without these holds no link (plain substring tests beat a regex here)."""
    return "[" in text or "<" in text or any(marker in text for marker in _BARE_MARKERS)

_BARE_URL = re.compile(r"(?<![\w/@.:+-])(?:(?:https?|ftp)://|www\.)[^\s<>]+", re.IGNORECASE)
_BARE_TRAILING = ".,:;!?'\"*_~"
_HTML_ATTR = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_DEFINITION_TARGET = re.compile(r"\]:[ \t]*\n?[ \t]*(<[^>\n]*>|\S+)")


@per_document
def base_url(document: Document) -> str | None:
    """The front-matter `url` when it is an absolute http(s) URL, else None."""
    return _absolute_web_url(document.metadata.get("url"))


def _absolute_web_url(value: object) -> str | None:
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
    if base is None or not stripped or stripped[:8].lower().startswith(("https://", "http://")):
        return stripped
    if stripped[0] == "/" and stripped[:2] != "//" and "/." not in stripped and "\\" not in stripped:
        origin = _origin(base)  # the common case, a site-root path: no need for the full urljoin
        if origin:
            return origin + stripped
    if not is_relative(stripped):
        return stripped
    try:
        return urljoin(base, stripped)
    except ValueError:
        return stripped


@functools.lru_cache(maxsize=256)
def _origin(base: str) -> str:
    try:
        parts = urlsplit(base)
    except ValueError:
        return ""
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


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
    from markdown_it import MarkdownIt, rules_inline

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
    starts = line_starts(content)
    line_index = bisect.bisect_right(starts, pos) - 1
    line_start = starts[line_index]
    body_line, offset = placed[min(line_index, len(placed) - 1)]
    return first_line + body_line, offset + (pos - line_start) + 1


class _Covered:
    """Spans already taken by links, code or HTML; whether a range overlaps one, in log time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(itertools.accumulate((end for _, end in ordered), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, end) - 1  # the spans that start before ``end``
        return index >= 0 and self.reach[index] > start


# A blank line followed by a line at column 0 closes every open block except fenced code and
# the HTML blocks that run to an end marker, so the body can be cut there and only the chunks
# that hold a link-like character need parsing: link extraction costs what the links cost.
_CUT = re.compile(r"\n[ \t]*\n(?=\S)")
_SPANNING_START = re.compile(
    r"^[ \t>*+\-0-9.)]*(```|~~~|<!--|<\?|<!\[CDATA\[|<![A-Za-z]|<(?:script|pre|style|textarea)\b)", re.IGNORECASE | re.MULTILINE
)
_SPANNING_END = {"<!--": "-->", "<?": "?>", "<![CDATA[": "]]>"}
_HTML_RAW_END = re.compile(r"</(?:script|pre|style|textarea)>", re.IGNORECASE)


def _spanning_end(line: str, opener: str) -> bool:
    """Whether ``line`` closes the construct that ``opener`` started (conservative: any closing marker)."""
    if opener in ("```", "~~~"):
        return line.lstrip(" \t>").startswith(opener)
    if opener in _SPANNING_END:
        return _SPANNING_END[opener] in line
    if opener.startswith("<!"):
        return ">" in line
    return _HTML_RAW_END.search(line) is not None


def _cuts(body: str) -> list[int]:
    """Offsets where the body can be cut into independently parsable pieces."""
    if ("```" not in body and "~~~" not in body and "<" not in body) or _SPANNING_START.search(body) is None:
        return [m.end() for m in _CUT.finditer(body)]
    cuts = []
    position, opener, previous_blank = 0, "", False
    for line in body.split("\n"):
        if not opener and previous_blank and line[:1].strip():
            cuts.append(position)
        if opener:
            if _spanning_end(line, opener):
                opener = ""
        else:
            match = _SPANNING_START.match(line)
            if match is not None:
                found = match.group(1)
                opener = found if found in ("```", "~~~") or found in _SPANNING_END else found.lower()
                # a construct that closes on its own first line (after the opener) leaves nothing open
                if opener not in ("```", "~~~") and _spanning_end(line[match.end(1):], opener):
                    opener = ""
        previous_blank = not line.strip()
        position += len(line) + 1
    return cuts


def chunks(body: str, only_linkish: bool = False) -> list[tuple[int, str]]:
    """The body cut into independently parsable pieces: (first body line, text).

    With ``only_linkish``, only the pieces that hold a link-like character, found by searching
    for those characters rather than by looking at every piece.
    """
    bounds = [0, *_cuts(body), len(body)]
    if only_linkish:
        wanted: set[int] = set()
        for marker in ("[", "<", "://", "www.", "WWW.", "Www."):
            position = body.find(marker)
            while position >= 0:
                index = bisect.bisect_right(bounds, position) - 1
                wanted.add(index)
                position = body.find(marker, bounds[index + 1]) if index + 1 < len(bounds) else -1
        selected = sorted(i for i in wanted if bounds[i] < bounds[i + 1])
    else:
        selected = [i for i in range(len(bounds) - 1) if bounds[i] < bounds[i + 1]]
    pieces = []
    line_number, counted_to = 0, 0
    for index in selected:
        start, end = bounds[index], bounds[index + 1]
        line_number += body.count("\n", counted_to, start)
        counted_to = start
        pieces.append((line_number, body[start:end]))
    return pieces


# The plain case, decided without a parser: a piece with no code, HTML, quotes, tables, escapes or
# indented blocks, whose every bracket belongs to a one-line [text](target) or ![alt](src),
# gives the same links with this pattern as with markdown-it (tests compare the two).
_PLAIN_LINK = re.compile(  # the target: characters, and balanced one-level (parentheses), unrolled
    r'\[([^\[\]\n]*)\]\(([^\s()<>\x00-\x1f]*(?:\([^\s()<>\x00-\x1f]*\)[^\s()<>\x00-\x1f]*)*)(?: +"[^"\n]*")?\)'
)
_NOT_PLAIN_LINE = re.compile(r"^(?:[ \t]*>| {4}| *\t)", re.MULTILINE)
_INDENTED = re.compile("\n    ")  # the regex engine skips to each newline: faster than `in` for this string


def _is_plain(text: str) -> bool:
    # One-character tests first: they are many times faster than searching for longer strings.
    if "`" in text or "<" in text or "\\" in text or ("~" in text and "~~~" in text):
        return False
    if "|" in text and not _tables_hold_no_links(text):
        return False
    if ">" in text or "\t" in text:
        return _NOT_PLAIN_LINE.search(text) is None
    return _INDENTED.search(text) is None and not text.startswith("    ")  # no indented code


def _tables_hold_no_links(text: str) -> bool:
    """Whether no line with a "|" (a table row, perhaps) holds anything link-like: then the
    cell boundaries cannot change which links there are."""
    position = text.find("|")
    while position >= 0:
        start = text.rfind("\n", 0, position) + 1
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if "[" in line or "]" in line or "://" in line or "www." in line or "WWW." in line or "Www." in line:
            return False
        position = text.find("|", end)
    return True


@per_document
def document_links(document: Document) -> list[Link]:
    """All links in the body, in file order, found once per document."""
    return extract_links(document)


def extract_links(document: Document, *, plain_shortcut: bool = True) -> list[Link]:
    """All links in the body, in file order."""
    body = document.body
    if not body or not _linkish(body):
        return []
    base = base_url(document)
    first = document.body_first_line
    links: list[Link] = []
    if plain_shortcut and _is_plain(body):  # the whole page is plain: one pass, no pieces
        plain = _plain_links(body, 0, base, first, scan_made(document))
        if plain is not None:
            return plain
    env: dict[str, Any] = {}
    parsed = []
    for offset, text in chunks(body, only_linkish=True):
        if plain_shortcut and _is_plain(text):
            plain = _plain_links(text, offset, base, first)
            if plain is not None:
                links.extend(plain)
                continue
        md = _parser()
        parsed.append((offset, md.parse(text, env)))
        for definition in (*env.get("references", {}).values(), *env.get("duplicate_refs", [])):
            definition.setdefault("offset", offset)
    if parsed:
        lines = body.split("\n")
        placer = _Placer(lines, first)
        for offset, tokens in parsed:
            for token in tokens:
                if token.map is None:
                    continue
                if token.type == "inline":
                    if _linkish(token.content):
                        links.extend(_inline_links(md, env, token.content, offset + token.map[0], placer, base, first))
                elif token.type == "html_block" and not token.content.lstrip().startswith("<!--"):
                    placed = placer.place(token.content, offset + token.map[0])
                    links.extend(_html_links(token.content, placed, 0, base, first))
        links.extend(_definitions(env, lines, base, first))
    links.sort(key=lambda link: (link.line, link.column))
    return links


def _plain_links(
    text: str, offset: int, base: str | None, first: int, scan: TextScan | None = None
) -> list[Link] | None:
    """Links of a plain piece (see _PLAIN_LINK), or None when the piece needs the parser.
    ``scan``: the phrase scan of ``text``, which is the whole page (plain, so all of it is visible)."""
    matches = list(_PLAIN_LINK.finditer(text)) if "[" in text else []
    links: list[Link] = []
    outside = []
    newlines, counted_to, after = first + offset, 0, 0  # links come in order: count lines on from the last one
    origin = _origin(base) if base else ""
    append, count, rfind = links.append, text.count, text.rfind
    for match in matches:
        begin, end = match.span()
        outside.append(text[after:begin])
        after = end
        start = match.start(2)
        newlines += count("\n", counted_to, start)
        counted_to = start
        label, target = match.group(1, 2)  # the pattern keeps spaces out of targets: nothing to strip
        if origin and target[:1] == "/" and target[:2] != "//" and "/." not in target and "\\" not in target:
            url = origin + target  # what resolve() gives for a site-root path, without its checks
        elif base is None or target.startswith(_WEB_PREFIXES) or target[:8].lower().startswith(_WEB_PREFIXES):
            url = target
        else:
            url = resolve(target, base)
        kind = IMAGE if text[begin - 1:begin] == "!" else INLINE
        append(_new_link((target, url, newlines, start - rfind("\n", 0, start), kind, " ".join(label.split()))))
    outside.append(text[after:])
    between = "\x00".join(outside)  # the text outside the links (NUL: no marker is made where pieces meet)
    if "[" in between or "]" in between:
        return None  # a bracket that is not part of a plain link: let the parser decide
    if "&" in text and any("&" in link.target for link in links):
        return None  # entities are decoded in targets: leave that to the parser
    if _address_outside(between, matches, scan):
        covered = [(match.start() - (text[match.start() - 1:match.start()] == "!"), match.end()) for match in matches]
        links.extend(_bare_links(text, covered, lambda position: place(text, position, first + offset)))
    return links


def _address_outside(between: str, matches: list[re.Match[str]], scan: TextScan | None) -> bool:
    """Whether an address may stand outside the links (then bare URLs are looked for)."""
    if scan is None:
        return any(marker in between for marker in _BARE_MARKERS)
    # The scan counted the markers on the whole page already: more than the links hold means one is outside.
    inside = "\x00".join([match.group() for match in matches]).lower()
    return sum(len(scan.occurrences(marker)) - inside.count(marker) for marker in ADDRESS_MARKERS) > 0


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
            if content.startswith("<", target_start):
                target_start += 1
                closing = content.find(">", target_start, end)
                written = content[target_start:closing if closing >= 0 else target_start]
            elif content.startswith(href, target_start):  # the usual case: written exactly as parsed
                written = href
            else:  # escapes or entities: take the source span
                result = md.helpers.parseLinkDestination(content, target_start, end)
                written = content[target_start:result.pos if result.ok else target_start]
            line, column = _locate(content, placed, target_start, first)
            links.append(Link(written, resolve(href, base), line, column, kind, text))
        else:
            line, column = _locate(content, placed, start, first)
            links.append(Link(href, resolve(href, base), line, column, REFERENCE, text))
    links.extend(_bare_links(content, covered, lambda position: _locate(content, placed, position, first)))
    return links


def _outside(text: str, marker: str, covered: _Covered) -> bool:
    """Whether ``marker`` occurs in ``text`` outside the covered spans."""
    position = text.find(marker)
    while position >= 0:
        if not covered.overlaps(position, position + len(marker)):
            return True
        position = text.find(marker, position + 1)
    return False


def _bare_links(text: str, covered: list[tuple[int, int]], locate: Any) -> list[Link]:
    """URLs written out in running text, outside links, code and HTML."""
    taken = _Covered(covered)
    if not any(_outside(text, marker, taken) for marker in _BARE_MARKERS):
        return []
    links = []
    for match in _BARE_URL.finditer(text):
        if taken.overlaps(match.start(), match.end()):
            continue
        written = _trim_bare(match.group())
        if not written or written.lower() in ("http://", "https://", "ftp://", "www."):
            continue
        url = ("http://" + written) if written.lower().startswith("www.") else written
        line, column = locate(match.start())
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
        offset = definition.get("offset", 0)
        start, end = offset + where[0], offset + max(where[1], where[0] + 1)
        block = "\n".join(lines[start:end])
        match = _DEFINITION_TARGET.search(block)
        if match is None:
            continue
        written = match.group(1)
        position = match.start(1)
        if written.startswith("<") and written.endswith(">"):
            written, position = written[1:-1], position + 1
        line, column = place(block, position, first + start)
        href = str(definition.get("href", written))
        links.append(Link(written, resolve(href, base), line, column, DEFINITION, str(label)))
    return links
