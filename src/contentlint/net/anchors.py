"""Whether a web page has the sections that links into it name (`#fragment`): L014.

A browser scrolls to the element whose `id` is the fragment, or to the `<a name>` of that name,
trying the fragment as written and then percent-decoded; `#top` and an empty fragment go to the
top. The ids come from Python's HTML parser. A fragment is called missing only when the page is
sure not to have it: the page is HTML, was read whole (in time, up to 10 MB), has ids of its
own (a page without any builds its sections in the browser), and does not name the fragment
anywhere in its source, not even in a script or a link of its own (`href="#_19"`), where a
script may make the section.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable
from urllib.parse import unquote

HTML_TYPES = ("text/html", "application/xhtml+xml")

# Why a page's fragments could not be judged (Outcome.fragments_note).
NOT_HTML = "not an HTML page"
NO_IDS = "the page names no sections in its HTML (it may build them in the browser)"
UNREAD = "the page was not read whole (too large, too slow, or cut off)"

# Fragments that are not sections: a browser's text fragment (`#:~:text=`), a web app's route
# (`#/settings`, `#!/page`) or parameters (`#page=2` of a PDF viewer, `#q=term`).
_NOT_A_SECTION = re.compile(r"^(?::~:|[/!])|[=&]")
# GitHub and GitLab give the ids of a rendered README this prefix, and scroll to them by script.
_RENDERED_PREFIXES = ("user-content-",)


def checkable_fragment(fragment: str) -> bool:
    """Whether ``fragment`` (without `#`) names a section that a page's HTML should hold."""
    return bool(fragment) and fragment.lower() != "top" and _NOT_A_SECTION.search(fragment) is None


@functools.cache
def _id_collector() -> type:
    from html.parser import HTMLParser  # only --links reads pages: offline runs do not load it

    class Ids(HTMLParser):
        """Collects every `id`, and the `name` of every `<a>`."""

        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.ids: set[str] = set()

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            for name, value in attrs:
                if value is not None and (name == "id" or (name == "name" and tag == "a")):
                    self.ids.add(value)

        handle_startendtag = handle_starttag

    return Ids


def page_ids(html: str) -> tuple[set[str], bool]:
    """The ids (and `<a name>`s) of an HTML page, and whether all of it could be read: the parser
    gives up on some broken markup (`<![` and no name after it), keeping the ids before it."""
    parser = _id_collector()()
    try:
        parser.feed(html)
        parser.close()
    except AssertionError:
        return parser.ids, False
    return parser.ids, True


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


def judge_fragments(
    body: bytes, content_type: str, complete: bool, fragments: Iterable[str]
) -> tuple[dict[str, bool], str]:
    """Each of ``fragments`` with True (found, or not surely missing) or False (missing), and a
    note saying why none could be judged ("" when they were)."""
    wanted = sorted(set(fragments))
    if not is_html(content_type):
        return {}, NOT_HTML
    html = decode_page(body, content_type)
    ids, parsed = page_ids(html)
    complete = complete and parsed
    if not ids:
        return {}, NO_IDS if complete else UNREAD
    found = {fragment: _present(fragment, ids, html) for fragment in wanted}
    if not complete and not all(found.values()):
        return {fragment: True for fragment, here in found.items() if here}, UNREAD
    return found, ""


def _present(fragment: str, ids: set[str], html: str) -> bool:
    for form in dict.fromkeys((fragment, unquote(fragment))):
        if form in ids or any(prefix + form in ids for prefix in _RENDERED_PREFIXES):
            return True
        # Named in the source as a value of its own ("_19", '_19', =_19, #_19): a script or the
        # page's own links may make that section, so it is not called missing.
        if re.search(r"[\"'=#]" + re.escape(form) + r"(?=[\"'\s>])", html):
            return True
    return False
