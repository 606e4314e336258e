"""Q023: a website's error page or bot check, saved in place of the page."""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from contentlint.analysis.phrases import phrase_set_resource, phrase_spans, quoted
from contentlint.analysis.structure import document_structure
from contentlint.analysis.visible_text import line_and_column, visible_body
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config, Option
from contentlint.plugin import rule

EXTEND_ERROR_PAGES = Option(
    "quality", "extend-error-pages", {"type": "array", "items": {"type": "string"}}, [],
    "more phrases of error pages and bot checks (any case; read on short pages only)",
)
ERROR_PAGES = phrase_set_resource("error pages", "error_pages", EXTEND_ERROR_PAGES)

# A page with more words than this is read as content even when it quotes an error page.
SHORT_PAGE_WORDS = 600

# What a title is when it is an error page's or a bot check's ("Page Not Found", "404 - Not found",
# "Access Denied", "Just a moment...", "Attention Required!"): the whole title, or one part of it
# between separators ("Page Not Found | Cancer Research UK").
_ERROR_TITLE = re.compile(
    r"(?:(?:http |error |)(?:40[0-9]|410|5\d\d)\b[\s:.,\-–—]*(?:error\b[\s:.,\-–—]*)?)?"
    r"(?:(?:oops|sorry|uh[ -]oh|whoops)[!.,]*\s+)?"
    r"(?:(?:the |this )?(?:page|file|document|resource|url)(?: you requested)? (?:was |is )?"
    r"(?:not found|cannot be found|could not be found|can['’]?t be found|no longer (?:exists|available)|"
    r"not available|unavailable|does not exist|doesn['’]t exist|missing)"
    r"|not found|access denied|forbidden|unauthori[sz]ed|bad request|service unavailable|"
    r"internal server error|server error|bad gateway|gateway time-?out|error|"
    r"we (?:can['’]?t|cannot|couldn['’]?t|could not) find (?:that|the|this) page|"
    r"just a moment(?:\.{3}|…)?|attention required!?|security check|human verification|"
    r"are you (?:a )?(?:robot|human)\??|pardon our interruption|request rejected|web page blocked|"
    r"one more step|performing security verification|access to this page has been denied\.?)"
    r"[\s.!]*"
    r"|(?:error )?(?:40[0-9]|410|5\d\d)",
    re.IGNORECASE,
)
_TITLE_PARTS = re.compile(r"\s+[|/\-–—:·•]+\s+")
# The header a reader service (r.jina.ai) writes above the page it fetched, and its notes.
_READER_TITLE = re.compile(r"(?m)^Title: *(\S[^\n]*)$")
_READER_WARNING = re.compile(
    r"(?m)^Warning: (?:Target URL returned error (\d{3})(?:: *([^\n]*))?|This page maybe requiring CAPTCHA)"
)
_READER_HEADER = 2_000  # characters at the top of the body where a reader service's header stands
# What the words say the page is: a refusal, a check for robots, a redirect, a wall to pass, else an error.
_DENIED = re.compile(r"access denied|forbidden|permission to access|been denied|unauthori[sz]ed|\b40[13]\b", re.I)
_BOT_CHECK = re.compile(
    r"robot|human|captcha|javascript and cookies|browser|security|blocked|cloudflare|incapsula|just a moment|"
    r"attention required|interruption|one more step|connection is secure|ad blocker|unusual traffic|firewall|"
    r"\b429\b",
    re.IGNORECASE,
)
_REDIRECT = re.compile(r"redirected|moved to", re.IGNORECASE)
_SIGN_IN = re.compile(r"sign in|log ?in|subscri|free articles|free account|before you continue", re.IGNORECASE)
# A site's own error page, kept in its sources: "404.md", "_404.md", "not_found.md", or a page that the
# site publishes at such an address (`permalink: /404.html`).
_OWN_ERROR_PAGE = re.compile(r"(?:^|[/\\])_?(?:40\d|410|5\d\d|(?:page[-_])?not[-_]?found)(?:\.[\w.]+)?/?$", re.I)
_ADDRESS_KEYS = ("permalink", "slug")  # a site generator's; `url` is where a copied page came from


class _Sign(NamedTuple):
    line: int
    column: int
    saying: str  # how the message quotes it
    words: str  # what decides which page it is


@rule("Q023", "error-page", "error", uses=[ERROR_PAGES], options=[EXTEND_ERROR_PAGES])
def error_page(document: Document, config: Config) -> Iterator[Violation]:
    """The document is a website's error page or bot check, saved in place of the page.

    Why it matters: a scraper that fetches a page which has moved, or which a site's bot
    protection stops, is answered with an error page ("Page not found", "Access Denied")
    or a check for robots ("Just a moment...", "Verify you are human"), and saves that as
    the page. The corpus then holds a file with the page's name and none of its advice;
    its front matter may still look right, so nothing else points at it.

    Reported, once per document:
    - a reader service's note that the fetch failed, in the header it writes above the
      page (r.jina.ai: "Warning: Target URL returned error 404: Not Found", "Warning:
      This page maybe requiring CAPTCHA");
    - a title that is an error page's or a bot check's, in front matter, in that header
      ("Title: Page Not Found | Cancer Research UK") or as the first heading: "Page not
      found", "404", "Access Denied", "Forbidden", "Just a moment...", "Attention
      Required!", "Security check", "Are you a robot?";
    - on a short page (under about 600 words), the words of one: "The page you are
      looking for could not be found", "Sorry, we can't find that page", "Enable
      JavaScript and cookies to continue", "You don't have permission to access … on
      this server", "Request unsuccessful. Incapsula incident ID"; a consent, sign-in or
      subscription wall ("Before you continue to Google", "Sign in to continue",
      "Subscribe to continue reading"); a redirect notice ("If you are not redirected
      automatically, follow this link", "This page has moved to …"); or a line that
      says only "Page not found" or "Access denied".

    Not reported: a long page that quotes such words (a page about a website's help); a
    site's own error page kept in its sources (`404.md`, or `permalink: /404.html`);
    words in code.

    Example: a file `bowel-cancer-treatment.md` whose body is "Title: Just a moment...",
    "URL Source: https://www.example.org/bowel-cancer/treatment", "Warning: This page
    maybe requiring CAPTCHA" and a few lines of a security check.

    Fix: fetch the page again (from its current address, or from a browser when a bot
    check stopped the scraper), or delete the file.

    Options (`[tool.contentlint.quality]`): `extend-error-pages` (phrases, any case,
    read on short pages only).
    """
    if _own_error_page(document):
        return
    sign = _reader_warning(document) or _error_title(document, config) or _short_page_words(document, config)
    if sign is None:
        return
    if _DENIED.search(sign.words):
        what, then = "the site's refusal (\"access denied\")", "save the page from a browser"
    elif _BOT_CHECK.search(sign.words):
        what, then = "the site's check for robots", "save the page from a browser"
    elif _REDIRECT.search(sign.words):
        what, then = "the site's notice that the page has moved", "fetch the page it leads to"
    elif _SIGN_IN.search(sign.words):
        what = "the site's sign-in, consent or subscription page"
        then = "save the page from a browser that has passed it"
    else:
        what, then = "the site's error page", "fetch the page again from its current address"
    yield Violation(
        sign.line, sign.column,
        f"{sign.saying}: the file holds {what}, not the page; {then}, or delete the file",
        subject="error-page",
    )


def _own_error_page(document: Document) -> bool:
    """Whether the file is the site's own error page: its name, or the address it is published at."""
    if _OWN_ERROR_PAGE.search(document.path):
        return True
    meta = document.metadata
    return any(
        isinstance(meta.get(key), str) and _OWN_ERROR_PAGE.search(meta[key].split("?")[0])
        for key in _ADDRESS_KEYS
    )


def _reader_warning(document: Document) -> _Sign | None:
    """A reader service's note, at the top of the body, that the page could not be fetched."""
    body = document.body
    match = _READER_WARNING.search(body, 0, _READER_HEADER) if "Warning: " in body[:_READER_HEADER] else None
    if match is None:
        return None
    line, column = document_structure(document).line_of(match.start()), 1
    if match.group(1) is None:
        return _Sign(line, column, "the scraper was shown a CAPTCHA (\"This page maybe requiring CAPTCHA\")", "captcha")
    answer = match.group(1) + (f": {match.group(2).strip()}" if match.group(2) and match.group(2).strip() else "")
    return _Sign(line, column, f"the scraper was answered {quoted(answer)} when it fetched the page", answer)


def _error_title(document: Document, config: Config) -> _Sign | None:
    """The page's title, when it is an error page's: in front matter, a reader service's header or
    the first heading."""
    title = document.metadata.get(config.fields.title)
    if isinstance(title, str) and _is_error_title(title):
        line, column = document.key_position(config.fields.title)
        return _Sign(line, column, f"the page's title is {quoted(title)}", title)
    body = document.body
    match = _READER_TITLE.search(body, 0, _READER_HEADER) if "Title:" in body[:_READER_HEADER] else None
    view = document_structure(document)
    if match is not None and _is_error_title(match.group(1)):
        return _Sign(view.line_of(match.start()), 1, f"the page's title is {quoted(match.group(1))}", match.group(1))
    first = next((heading for heading in view.headings if heading.has_text), None)
    if first is not None and _is_error_title(first.text):
        return _Sign(first.line, 1, f"the page's first heading is {quoted(first.text)}", first.text)
    return None


def _is_error_title(title: str) -> bool:
    return any(_ERROR_TITLE.fullmatch(part.strip()) for part in _TITLE_PARTS.split(title.strip()) if part.strip())


def _short_page_words(document: Document, config: Config) -> _Sign | None:
    """On a short page, the first words of an error page or a bot check."""
    body = document.body
    if len(body) > SHORT_PAGE_WORDS * 40 or body.count(" ") + body.count("\n") >= SHORT_PAGE_WORDS:
        return None  # words are counted by the spaces and line ends between them, without a copy
    spans = phrase_spans(document, config, config.resource(ERROR_PAGES))
    if not spans:
        return None
    text = visible_body(document)
    start, end = spans[0]
    line, column = line_and_column(document, text, start)
    return _Sign(line, column, quoted(text[start:end]), text[start:end])
