"""Rule L013: a link that goes through a link wrapper or a link shortener instead of to its page."""

from __future__ import annotations

import html
import re
from typing import Iterator

from contentlint.analysis.authority import is_map_link
from contentlint.analysis.fix_edits import offset_of
from contentlint.analysis.link_problems import offline_problems
from contentlint.analysis.links import BARE, HTML, REFERENCE, document_links
from contentlint.analysis.redirectors import REDIRECTORS, is_shortener, unwrap
from contentlint.analysis.structure import BARE_TRAILING
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.fixes import Edit, Fix
from contentlint.model.settings import Config
from contentlint.net.addresses import host_of
from contentlint.plugin import rule

# An address the fix may write as a link target unchanged: no spaces, quotes, angle or square
# brackets or backslashes, which Markdown would read otherwise (balanced parentheses are fine).
_WRITABLE = re.compile(r"https?://[A-Za-z0-9\-._~:/?#@!$&*+,;=%()]+", re.IGNORECASE)


@rule("L013", "indirect-link", "warning", uses=[REDIRECTORS], fix="safe")
def indirect_link(document: Document, config: Config) -> Iterator[Violation]:
    """A link goes through a link wrapper or a link shortener instead of to its page.

    Why it matters: a reader cannot see where such a link leads, and it stops working
    when the service ends it or the wrapper's token expires. Wrapped links come from
    pasting: Google Docs and search results give `https://www.google.com/url?q=…`,
    e-mail gives Outlook Safe Links and Proofpoint URL Defense addresses. A shortener
    hides its target from the authority check too.

    Wrappers read: Google's redirect (`google.*/url?q=` or `?url=`), Outlook Safe Links
    (`*.safelinks.protection.outlook.com/?url=`), Proofpoint URL Defense (v1, v2, v3),
    Facebook's link shim (`l.facebook.com/l.php?u=`), YouTube's and LinkedIn's
    redirects. Shorteners: bit.ly, tinyurl.com, t.co, ow.ly, goo.gl, aka.ms and the
    others in `contentlint/data/shorteners.txt`. Google Maps' own short links to a place
    (`goo.gl/maps/…`, `maps.app.goo.gl/…`) are how the app shares one, and are left alone.

    Example: `[treatment](https://www.google.com/url?q=https://www.cancer.gov/types&sa=D)`
    -> links through Google's redirect to https://www.cancer.gov/types.

    Fix (safe): a wrapped link is rewritten to the address it carries, where the link
    is written in full and that address can stand as a link target unchanged; link
    text that shows the wrapped address becomes the new address too. A
    shortened link needs a person, or `--links`: the check follows it, and L003 gives
    the page it redirects to. With `--links`, a wrapped link is checked at the address
    it carries (L001, L002 ...), and the wrapper itself is not asked.

    Options (`[tool.contentlint.links]`): `extend-shorteners`, more shortener hosts.
    """
    redirectors = config.resource(REDIRECTORS)
    problems = offline_problems(document, config)
    for index, link in enumerate(document_links(document, config)):
        if not redirectors.may_be_indirect(link.url):
            continue
        if link.kind == REFERENCE or (index in problems and problems[index][0] != "L004"):
            continue
        wrapped = unwrap(link.url)
        if wrapped is not None:
            if wrapped.target:
                message = f"link goes through {wrapped.service} to {wrapped.target}: link to that address directly"
            else:
                message = f"link goes through {wrapped.service}, which hides the page it leads to: link to that page directly"
            fix = _unwrap_fix(document, link.line, link.column, link.target, link.kind, wrapped.target)
            yield Violation(link.line, link.column, message, subject=host_of(link.url) or link.url, fix=fix)
            continue
        host = host_of(link.url)
        if host and is_shortener(host, redirectors.shorteners) and not is_map_link(link.url):
            yield Violation(
                link.line, link.column,
                f"link goes through the link shortener {host}, which hides the page it leads to: link to that page "
                "directly (`--links` names it)",
                subject=host,
            )


def _unwrap_fix(document: Document, line: int, column: int, written: str, kind: str, target: str) -> Fix | None:
    """Write ``target`` in place of the wrapped address, where the file holds it as written."""
    if not target or not _WRITABLE.fullmatch(target) or target.count("(") != target.count(")"):
        return None
    if kind == BARE and target[-1] in BARE_TRAILING:
        return None  # in running text the address would lose its last character
    offset = offset_of(document, line, column)
    if offset is None or document.text[offset:offset + len(written)] != written or not written.lower().startswith("http"):
        return None
    replacement = html.escape(target, quote=True) if kind == HTML else target
    edits = [Edit(offset, offset + len(written), replacement)]
    shown = f"[{written}]("  # link text that is the wrapped address itself: it becomes the new one too
    if document.text[offset - len(shown):offset] == shown:
        edits.insert(0, Edit(offset - len(shown) + 1, offset - 2, replacement))
    return Fix(tuple(edits), f"link to {target} directly")
