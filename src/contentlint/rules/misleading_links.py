"""Rule L012: a link that opens another site than it seems to, or shows a password to every reader."""

from __future__ import annotations

import re
from typing import Iterator
from urllib.parse import SplitResult, urlsplit

from contentlint.analysis.authority import has_known_suffix
from contentlint.analysis.link_problems import offline_problems
from contentlint.analysis.links import IMAGE, document_links
from contentlint.analysis.redirectors import REDIRECTORS, is_shortener, unwrap
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config
from contentlint.net.addresses import ascii_host, host_of, same_site
from contentlint.plugin import rule

# Codes that already say what is wrong with a link: L012 leaves such a link to them.
_TAKEN = frozenset({"L005", "L007", "L008"})
# Link text that is an address: with a scheme, or www., or a host name and then a path.
_SHOWN_ADDRESS = re.compile(
    r"<?(?:https?://(?P<host>[^\s/?#:@<>]+)|(?P<www>www\.[^\s/?#:@<>]+)|(?P<named>[\w-]+(?:\.[\w-]+)+)/)\S*",
    re.IGNORECASE,
)
_HOST_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}\.?")  # ends in a name of letters: not "e.g"
_LABEL = re.compile(r"[^\W_](?:[\w-]*[^\W_])?")  # letters and digits, hyphens inside
# Text that shows one of these names a page that another host serves: a DOI, a handle, a PURL.
_RESOLVERS = frozenset({"doi.org", "dx.doi.org", "hdl.handle.net", "identifiers.org", "n2t.net", "purl.org",
                        "purl.obolibrary.org", "w3id.org", "orcid.org"})
# Archives, whose address holds that of the page they keep.
_ARCHIVES = frozenset({"web.archive.org", "archive.org", "archive.today", "archive.ph", "archive.is",
                       "webarchive.nationalarchives.gov.uk", "www.webarchive.org.uk", "webcitation.org",
                       "www.webcitation.org"})
# Cyrillic letters that pass for Latin ones: a name spelled only with these imitates a Latin name.
_LATIN_LOOKING_CYRILLIC = frozenset("аысԁеԍһіюјӏорԗԛѕԝхуъьҽпгѵѡ")


@rule("L012", "misleading-link", "error", uses=[REDIRECTORS])
def misleading_link(document: Document, config: Config) -> Iterator[Violation]:
    """A link opens another site than it seems to, or shows a password to every reader.

    Why it matters: a reader trusts a link by the name they see. Phishing pages use
    these tricks, and so does a link that was copied with the wrong text. A password in
    an address is readable by anyone who reads the page.

    Reported:
    - a name before `@` in the host: `https://www.cancer.gov@example.net/` opens
      example.net; `www.cancer.gov` is only a user name there;
    - a user name or password: `https://editor:secret@intranet.example.org/`;
    - a host that imitates another with letters of another script:
      `www.сancer.gov` with a Cyrillic "с" is not www.cancer.gov (the message shows
      its `xn--` form and the letters), nor is a name spelled wholly in Cyrillic
      letters that pass for Latin ones under a Latin top-level domain;
    - link text that is an address of another host:
      `[https://www.cancer.gov/types](https://example.net/types)`. Text that only
      names a site ("PubMed.gov") is not compared, nor are names with dots whose
      last part is no top-level domain ("Node.js/io.js"); a subdomain agrees with its
      domain (text `nih.gov/...`, link to `www.ncbi.nlm.nih.gov`); a wrapped link
      (L013) is compared by the address it carries. Text that shows a DOI
      (`https://doi.org/10.1000/182`), a handle or a short link may link to the
      page it resolves to, and text that shows a page may link to its copy in a web
      archive (`web.archive.org/web/2020/https://www.nhs.uk/...`).

    Names in other scripts are fine on their own: `münchen.de`, `пример.рф`.

    Fix: link to the site the text names, or correct the text; remove the
    password, and change it.

    Options: none.
    """
    problems = offline_problems(document, config)
    for index, link in enumerate(document_links(document, config)):
        url, text = link.url, link.text
        odd_host = "@" in url or not url.isascii() or "xn--" in url
        shows_address = "." in text and " " not in text.strip()
        if not (odd_host or shows_address) or link.kind == IMAGE:
            continue  # nearly every link: nothing here can mislead
        if index in problems and problems[index][0] in _TAKEN:
            continue
        try:
            parts = urlsplit(url.strip())
            host = (parts.hostname or "").rstrip(".")
        except ValueError:
            continue
        if not host or parts.scheme.lower() not in ("http", "https"):
            continue
        message = _user_info(parts, host) if "@" in parts.netloc else None
        if message is None and (not host.isascii() or "xn--" in host):
            message = _lookalike(host)
        if message is None and shows_address:
            message = _other_address(text, host, url, config.resource(REDIRECTORS).shorteners)
        if message is not None:
            yield Violation(link.line, link.column, message, subject=host)


def _user_info(parts: SplitResult, host: str) -> str | None:
    name, password = parts.username, parts.password
    if password:
        return (f'link to {host} carries the password of "{name}" in its address: every reader can read it; '
                "remove it from the link, and change it")
    if name and _HOST_NAME.fullmatch(name):
        return (f'link opens {host}, not {name}: "{name}@" before the host is only a user name; '
                "link to the site that is meant")
    if name:
        return f'link to {host} carries the user name "{name}" in its address: remove it from the link'
    return None


def _lookalike(host: str) -> str | None:
    """A message when a label of ``host`` imitates a Latin name with letters of another script."""
    decoded = [_unicode_label(label) for label in host.split(".")]
    labels = [label for label in decoded if label is not None]
    if len(labels) < len(decoded) or not all(_LABEL.fullmatch(label) for label in labels):
        return None  # no host name: an xn-- label that is no Punycode, "%", "*", a control character
    for label in labels:
        foreign = [] if label.isascii() else _imitating_letters(label, labels[-1].isascii())
        if foreign:
            written = ".".join(labels)
            seen = ".".join(_skeleton(part) for part in labels)
            letters = ", ".join(f"{c} U+{ord(c):04X}" for c in foreign)
            return (f'link to {written} ({ascii_host(host)}) only looks like {seen}: it spells "{label}" with '
                    f"letters of another script ({letters}); link to the real site")
    return None


def _unicode_label(label: str) -> str | None:
    if not label.startswith("xn--"):
        return label
    try:
        return label[4:].encode("ascii").decode("punycode")
    except (UnicodeError, ValueError):
        return None


def _imitating_letters(label: str, tld_is_ascii: bool) -> list[str]:
    """The letters of ``label`` that imitate Latin ones: in a label that mixes Latin with another
    script, or one spelled wholly in Latin-looking Cyrillic under a Latin top-level domain."""
    from confusable_homoglyphs import confusables  # loads Unicode tables: only for a name not in ASCII

    if confusables.is_dangerous(label, preferred_aliases=["latin"]):
        found = confusables.is_confusable(label, greedy=True, preferred_aliases=["latin"]) or []
        return sorted({c for entry in found if (c := entry["character"]).isalpha() and not c.isascii()})
    letters = [c for c in label if c.isalpha()]
    if tld_is_ascii and letters and all(c in _LATIN_LOOKING_CYRILLIC for c in letters):
        return sorted(set(letters))
    return []


def _skeleton(label: str) -> str:
    """``label`` with each letter that imitates a Latin one replaced by that Latin letter."""
    if label.isascii():
        return label
    from confusable_homoglyphs import confusables

    found = confusables.is_confusable(label, greedy=True, preferred_aliases=["latin"]) or []
    latin = {}
    for entry in found:
        for glyph in entry["homoglyphs"]:
            if not entry["character"].isascii() and glyph["c"].isascii() and glyph["c"].isalpha():
                latin[entry["character"]] = glyph["c"].lower()
                break
    return "".join(latin.get(c, c) for c in label)


def _other_address(text: str, host: str, url: str, shorteners: frozenset[str]) -> str | None:
    """A message when the link text is an address whose host is neither ``host`` nor related to it."""
    shown = _SHOWN_ADDRESS.fullmatch(text.strip().rstrip(".,;"))
    if shown is None:
        return None
    shown_host = (shown.group("host") or shown.group("www") or shown.group("named")).lower().rstrip(".")
    if not _HOST_NAME.fullmatch(shown_host) or same_site(shown_host, host):
        return None
    if shown.group("named") and not has_known_suffix(shown_host):
        return None  # "Node.js/io.js": names with dots, not a host (no scheme, no www., no real suffix)
    if shown_host.removeprefix("www.") in _RESOLVERS or is_shortener(shown_host, shorteners):
        return None  # a DOI or a short link shown, the page it leads to linked
    if host in _ARCHIVES and shown_host in url.lower():
        return None  # an archived copy of the page the text names
    wrapped = unwrap(url)
    if wrapped is not None and wrapped.target:
        carried = host_of(wrapped.target).rstrip(".")
        if carried and same_site(shown_host, carried):
            return None  # L013 reports the wrapper
    return (f"link text shows {shown_host} but the link opens {host}: "
            "make the text and the address agree")
