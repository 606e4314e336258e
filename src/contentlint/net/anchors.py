"""Whether a web page has the sections that links into it name (`#fragment`): L014.

A browser scrolls to the element whose `id` is the fragment, or to the `<a name>` of that name,
trying the fragment as written and then percent-decoded; `#top` and an empty fragment go to the
top. The ids are read from the page's `id` and `name` attributes. A fragment is called missing
only when the page is sure not to have it: the page is HTML, was read whole (in time, up to 10
MB), has ids of its own (a page without any builds its sections in the browser), does not
name the fragment anywhere in its source, not even in a script or a link of its own
(`href="#_19"`), has no heading whose text reads as the fragment (a script may make the
section's id from that text), and has no script that reads fragments itself (a hash router).
A missing fragment that the page has spelt another way (`Side_Effects` for `side-effects`) is
given that id, for the finding to name.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Iterable, NamedTuple
from urllib.parse import unquote

HTML_TYPES = ("text/html", "application/xhtml+xml")

# Why a page's fragments could not be judged (Outcome.fragments_note).
NOT_HTML = "not an HTML page"
NO_IDS = "the page names no sections in its HTML (it may build them in the browser)"
UNREAD = "the page was not read whole (too large, too slow, or cut off)"
SCRIPTED = "the page handles its fragments in a script"

# Fragments that are not sections: a browser's text fragment (`#:~:text=`), a web app's route
# (`#/settings`, `#!/page`, cancer.gov's `#cit/section_3.1`) or parameters (`#page=2` of a PDF
# viewer, `#q=term`).
_NOT_A_SECTION = re.compile(r"^(?::~:|!)|[/=&]")
# GitHub and GitLab give the ids of a rendered README this prefix, and scroll to them by script.
_RENDERED_PREFIXES = ("user-content-",)


def checkable_fragment(fragment: str) -> bool:
    """Whether ``fragment`` (without `#`) names a section that a page's HTML should hold."""
    return bool(fragment) and fragment.lower() != "top" and _NOT_A_SECTION.search(fragment) is None


# An `id` or `name` attribute and its value, quoted or not. Read with an expression, not an HTML
# parser: Python's takes about 5 ms for 100 KB of HTML, and a run reads hundreds of pages. What
# the expression takes for an id that is none (one in a script, a comment or prose, or an
# <input name>) only makes a fragment found, never missing. It is searched for in the page in
# lower case, about four times faster than with re.IGNORECASE; the values come from the page.
_VALUE = r"""\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""
_ID_ATTRIBUTE = re.compile(r"(?:id|name)" + _VALUE)
_ID_ATTRIBUTE_ANY_CASE = re.compile(r"(?:id|name)" + _VALUE, re.IGNORECASE)
_NAME_CHARACTER = re.compile(r"[\w:-]")


def page_ids(html: str, lowered: str | None = None) -> set[str]:
    """The values of the page's `id` and `name` attributes, character references decoded
    (``lowered``: the page in lower case, when the caller has it)."""
    lowered = html.lower() if lowered is None else lowered
    if len(lowered) == len(html):
        matches = _ID_ATTRIBUTE.finditer(lowered)
    else:  # a letter whose lower case is longer ("İ"): the offsets would not be the page's
        matches = _ID_ATTRIBUTE_ANY_CASE.finditer(html)
    ids = set()
    for match in matches:
        at = match.start()
        if at and _NAME_CHARACTER.match(html, at - 1):
            continue  # part of another attribute's name: data-id, aria-name
        ids.add(_value(match, html))
    return ids


def _value(match: re.Match[str], html: str) -> str:
    """The value of the attribute that ``match`` (of an expression ending in _VALUE, run over
    ``html`` or its lower case) found, as written in ``html``, character references decoded."""
    group = next(index for index in (1, 2, 3) if match.group(index) is not None)
    value = html[match.start(group):match.end(group)]
    return unescape(value) if "&" in value else value


def decode_page(body: bytes, content_type: str) -> str:
    """The page's text as a browser decodes it (the WHATWG Encoding Standard, through
    webencodings): a byte-order mark first, then the charset its Content-Type names (`latin1`
    is windows-1252), else UTF-8; a label browsers do not know (`rot13`, a typo) counts as none.
    Bad bytes are replaced."""
    import webencodings  # only --links reads pages

    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    encoding = (webencodings.lookup(match.group(1)) if match is not None else None) or webencodings.UTF8
    return webencodings.decode(body, encoding, errors="replace")[0]


def is_html(content_type: str) -> bool:
    return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES


class SectionVerdicts(NamedTuple):
    """What a page says of the fragments asked for: each with True (found, or not surely missing)
    or False (missing); a note saying why none could be judged ("" when they were); and, for a
    missing fragment, the one id of the page that names it written differently (`Stage_II` for
    `stage-ii`), when there is one."""

    found: dict[str, bool]
    note: str
    respelt: dict[str, str]


def judge_fragments(body: bytes, content_type: str, complete: bool, fragments: Iterable[str]) -> SectionVerdicts:
    """Whether the page ``body`` has each of ``fragments`` (see SectionVerdicts)."""
    wanted = sorted(set(fragments))
    if not is_html(content_type):
        return SectionVerdicts({}, NOT_HTML, {})
    html = decode_page(body, content_type)
    if '\\"' in html:  # HTML inside a script's JSON (GitHub's file view): its quotes escaped
        html = html.replace('\\"', '"')
    lowered = html.lower()
    ids = page_ids(html, lowered)
    if not ids:
        return SectionVerdicts({}, NO_IDS if complete else UNREAD, {})
    if any(word in lowered for word in _FRAGMENT_SCRIPT_WORDS):
        return SectionVerdicts({}, SCRIPTED, {})
    found = {fragment: _present(fragment, ids, html) for fragment in wanted}
    if not all(found.values()):  # the headings are read only for a fragment not found so far
        headings = _heading_slugs(html)
        found = {fragment: here or _slug(unquote(fragment)) in headings for fragment, here in found.items()}
    if not complete and not all(found.values()):
        return SectionVerdicts({fragment: True for fragment, here in found.items() if here}, UNREAD, {})
    missing = [fragment for fragment, here in found.items() if not here]
    return SectionVerdicts(found, "", _respellings(missing, html, lowered) if missing else {})


# Two spellings of one name: letter case aside, and `-`, `_` and spaces alike ("Stage_II",
# "stage-ii", "stage%20II"). Not the slug of a heading: "_19" and "19" stay apart.
_SEPARATORS = re.compile(r"[-_\s]+")


def _spelling(name: str) -> str:
    return _SEPARATORS.sub("-", unquote(name).lower())


# What a link can scroll to: an element's id, or an <a name>; not the name of a <meta> or an <input>.
# An <a> tag is read up to the next "<" or ">": a page of unclosed "<a " is read once, not once per tag.
_TARGET_ATTRIBUTE = re.compile(r"(?:(?<![\w:-])id|<a\s[^<>]*?(?<![\w:-])name)" + _VALUE)


def _respellings(missing: list[str], html: str, lowered: str) -> dict[str, str]:
    """For each missing fragment, the one id of the page that is the same name spelt differently."""
    if len(lowered) != len(html):
        return {}  # the offsets would not be the page's ("İ")
    by_spelling: dict[str, list[str]] = {}
    for match in _TARGET_ATTRIBUTE.finditer(lowered):
        name = _value(match, html)
        spelt = by_spelling.setdefault(_spelling(name), [])
        if name not in spelt:
            spelt.append(name)
    respelt = {}
    for fragment in missing:
        candidates = by_spelling.get(_spelling(fragment), [])
        if len(candidates) == 1:
            respelt[fragment] = candidates[0]
    return respelt


# A script that reads the page's fragment itself (a hash router such as routie, or a handler of
# the hashchange event): what a fragment opens is the script's to say.
_FRAGMENT_SCRIPT_WORDS = ("hashchange", "routie")
# A heading's text ("<h2 class=x>Stage <em>II</em></h2>"): a script may give it an id made from its
# text, as anchor.js and many themes do, so a fragment that reads as that text is not missing.
# Its text is read up to the next heading tag, so that a page of unclosed "<h2>" is read once.
_HEADING = re.compile(r"<h([1-6])\b[^<>]*>((?:[^<]|<(?!/?h[1-6]\b))*?)</h\1\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")  # to the next "<" or ">": a run of "<" is read once
_NOT_A_WORD = re.compile(r"[\W_]+")


def _slug(text: str) -> str:
    """Text as ids made from it read, letter case, spaces and punctuation aside: "stage-ii"."""
    return _NOT_A_WORD.sub("-", text.lower()).strip("-")


def _heading_slugs(html: str) -> set[str]:
    return {_slug(unescape(_TAG.sub(" ", match.group(2)))) for match in _HEADING.finditer(html)} - {""}


def _present(fragment: str, ids: set[str], html: str) -> bool:
    forms = dict.fromkeys((fragment, unquote(fragment)))
    for form in [*forms, *(prefix + form for prefix in _RENDERED_PREFIXES for form in forms)]:
        if form in ids:
            return True
        # Named in the source as a value of its own ("_19", '_19', =_19, #_19): a script or the
        # page's own links may make that section, so it is not called missing.
        if re.search(r"[\"'=#]" + re.escape(form) + r"(?=[\"'\s>])", html):
            return True
    return False
