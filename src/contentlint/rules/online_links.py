"""Online link rules L001, L002, L003 and L009 (and L008 at run time): `contentlint check --links`.

One corpus pass gathers every http(s) link of every document, checks each unique URL once
(through contentlint.net), then reports the verdict at every place that cites it.
"""

from __future__ import annotations

from typing import Any, Iterator
from urllib.parse import urldefrag, urlsplit

from contentlint.analysis.fix_edits import offset_of
from contentlint.analysis.link_fixes import (
    PERMANENT,
    answers_alike,
    from_chain,
    https_fix,
    https_variant,
    redirect_fix,
    section_fix,
)
from contentlint.analysis.link_problems import offline_problems
from contentlint.analysis.redirect_ends import sent_home, sent_to_error_page, sent_to_sign_in
from contentlint.analysis.redirectors import unwrap
from contentlint.analysis.links import document_links
from contentlint.analysis.secure_hosts import HTTPS_HOSTS
from contentlint.analysis.selection import selects
from contentlint.document import Document
from contentlint.model.errors import ConfigError
from contentlint.model.findings import Violation
from contentlint.model.settings import Config, Option, Resource
from contentlint.net import (
    outcome as kinds,  # plain data; the HTTP stack is imported only by --links
)
from contentlint.net.addresses import forbidden_host, host_of, is_ip_literal
from contentlint.net.anchors import checkable_fragment
from contentlint.net.outcome import NetworkUnavailable, Outcome
from contentlint.net.settings import DURATION_PATTERN, LinkSettings, SettingsError, settings_from_section
from contentlint.plugin import CorpusPass, corpus_pass, reported_code

NETWORK_CODES = ("L001", "L002", "L003", "L009", "L014")
_UNVERIFIABLE = frozenset({401, 403, 429})
_UNREACHABLE = {
    kinds.DNS: "the host name does not resolve (DNS); check the address for typos, or the site may be gone",
    kinds.REFUSED: "the connection was refused; check the address and port, or the site may be down",
    kinds.TLS: "the secure connection failed ({detail}); the site's certificate may be invalid or expired",
    kinds.CONNECTION: "the connection failed ({detail}); the site may be down, try again later",
    kinds.INVALID: "the URL cannot be requested ({detail}); fix the link",
}

# (url, line, column, written): ``written`` when the text at that place is the url itself (not a
# relative target resolved against the page's address, nor an escaped one), so a fix may rewrite it.
Citation = tuple[str, int, int, bool]


_STRINGS = {"type": "array", "items": {"type": "string"}}
_DURATION = {
    "anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": DURATION_PATTERN}],
    "description": "a number of seconds, or a number with a unit: '90s', '30m', '12h', '7d'",
}
_LINK_OPTIONS = tuple(
    Option("links", key, schema)
    for key, schema in {
        "skip": _STRINGS,
        "accept": {"type": "object", "additionalProperties": {
            "type": "array", "items": {"type": "integer", "minimum": 100, "maximum": 599}}},
        "headers": {"type": "object", "additionalProperties": {
            "type": "object", "additionalProperties": {"type": "string"}}},
        "user-agent": {"type": "string", "minLength": 1},
        "timeout": {"type": "number", "exclusiveMinimum": 0},
        "retries": {"type": "integer", "minimum": 0, "maximum": 10},
        "backoff": _DURATION,
        "max-retry-wait": _DURATION,
        "max-redirects": {"type": "integer", "minimum": 0, "maximum": 50},
        "concurrency": {"type": "integer", "minimum": 1, "maximum": 512},
        "host-concurrency": {"type": "integer", "minimum": 1, "maximum": 128},
        "host-interval": _DURATION,
        "allow-private-hosts": {"type": "boolean"},
        "cache": {"type": "boolean"},
        "cache-dir": {"type": "string", "minLength": 1},
        "cache-ok": _DURATION,
        "cache-failure": _DURATION,
        "proxy": {"type": "string", "minLength": 1,
                  "description": "a proxy URL such as 'http://proxy.example.org:3128'"},
        "budget": _DURATION,
        "check-fragments": {"type": "boolean"},
    }.items()
)


def _build_link_settings(config: Config) -> LinkSettings:
    try:
        return settings_from_section(config.sections.get("links", {}), config.root)
    except SettingsError as error:
        raise ConfigError(f"[tool.contentlint.links] {error}") from None


# The settings of the link check: [tool.contentlint.links] plus the command line.
LINK_SETTINGS = Resource("link settings", _build_link_settings, options=_LINK_OPTIONS)


def link_settings(config: Config) -> LinkSettings:
    return config.resource(LINK_SETTINGS)


def _status_text(outcome: Outcome) -> str:
    return f"{outcome.status} {outcome.reason}".strip()


def _via(outcome: Outcome) -> str:
    """", which redirects to X," when the answer came from elsewhere."""
    if not outcome.hops:
        return ""
    return f" redirects to {outcome.final_url}, which"


def _moved_to(outcome: Outcome, written: str) -> str:
    """Where the leading permanent redirects lead (the URL to put in the document)."""
    leading = 0
    while leading < len(outcome.hops) and outcome.hops[leading][1] in PERMANENT:
        leading += 1
    target = outcome.hops[leading][0] if leading < len(outcome.hops) else outcome.final_url
    fragment = urldefrag(written)[1]
    if fragment and "#" not in target:
        target = f"{target}#{fragment}"
    return target


def _tries(outcome: Outcome, word: str) -> str:
    """" in 3 tries" or " after 3 tries" when the last hop was tried more than once; else ""."""
    return f" {word} {outcome.attempts} tries" if outcome.attempts > 1 else ""


def judge(outcome: Outcome, settings: LinkSettings, written: str | None = None) -> tuple[str, str] | None:
    """The finding (code, message) an outcome calls for, or None when the link is fine."""
    url = outcome.url
    written = written or url
    error = outcome.error
    if error == kinds.FORBIDDEN:
        host = host_of(outcome.final_url)
        where = f"{host} is a {outcome.address_reason} address" if is_ip_literal(host) else (
            f"{host} resolves to {outcome.address}, a {outcome.address_reason} address"
        )
        hop = f"it redirects to {outcome.final_url}; " if outcome.hops else ""
        return "L008", (
            f"not checked: {url}: {hop}{where}, which the link checker never contacts; "
            "link to the public site, or run with --allow-private-hosts if this address is intended"
        )
    if error == kinds.INTERNAL:
        return "L009", f"could not verify {url}: the checker failed ({outcome.detail}); check the link by hand"
    if error == kinds.HOST_DOWN:  # not requested: no evidence against this link itself
        return "L009", f"could not verify {url}: not requested, since {outcome.detail}; the site seems down: check it later"
    if error == kinds.LOOP:
        chain = " -> ".join([u for u, _ in outcome.hops] + [outcome.final_url])
        return "L002", f"unreachable: {url} is caught in a redirect loop ({chain}); fix the link or tell the site"
    if error == kinds.TOO_MANY_REDIRECTS:
        return "L002", (
            f"unreachable: {url} redirects more than {settings.max_redirects} times; "
            f"link to where it should end, or raise `max-redirects`"
        )
    if error == kinds.BAD_REDIRECT:
        if outcome.hops:
            return "L002", (f"unreachable: {url} redirects to {outcome.final_url!r}, which is not a valid address; "
                            "the site's redirect is broken: check it in a browser, or replace the link")
        return "L002", (f"unreachable: {url} answers {_status_text(outcome)} but names no address to go to "
                        "(no Location header); check it in a browser, or replace the link")
    if error == kinds.SCHEME:
        return "L002", f"unreachable: {url} redirects to {outcome.final_url}, which is not http(s) and is not followed"
    if error == kinds.TLS_CHAIN:
        where = f"{url} (via redirect to {outcome.final_url})" if outcome.hops else url
        return "L009", (
            f"could not verify {where}: its certificate does not lead to a trusted authority with the certificates "
            "the site sends (usually a chain without its intermediate certificate, which browsers complete "
            "themselves); open it in a browser, and if it works there, tell the site to send its full chain"
        )
    if error == kinds.TIMEOUT:
        return "L002", (
            f"unreachable: no answer from {outcome.final_url} within {settings.timeout:g} s{_tries(outcome, 'in')}; "
            "the site may be down or slow: check it later, or raise --timeout"
        )
    if error == kinds.DNS_NO_ANSWER:
        return "L002", (
            f"unreachable: the name server gave no answer for {host_of(outcome.final_url or url)}{_tries(outcome, 'in')} (a passing "
            "DNS failure, or the domain's name servers are down); check the link later"
        )
    if error is not None:
        hint = _UNREACHABLE.get(error, "{detail}").format(detail=outcome.detail)
        where = f"{url} (via redirect to {outcome.final_url})" if outcome.hops else url
        return "L002", f"unreachable: {where}: {hint}"
    status = outcome.status or 0
    accepted = status in settings.accepted_statuses(host_of(outcome.final_url))
    if status >= 600:  # no HTTP status: LinkedIn answers robots 999
        return "L009", (
            f"could not verify {url}: it{_via(outcome)} answers {_status_text(outcome)}, which is no HTTP status "
            "(the site refuses automated checks); open it in a browser, and if it works, add a `skip` pattern "
            f"for {host_of(outcome.final_url)} in [tool.contentlint.links]"
        )
    if status >= 400 and not accepted:
        if status in _UNVERIFIABLE or outcome.bot_wall:
            why = "the site blocks automated checks" if outcome.bot_wall else "the site refuses automated checks"
            return "L009", (
                f"could not verify {url}: it{_via(outcome)} answers {_status_text(outcome)} ({why}); "
                f"open it in a browser, and if it works, accept {status} for {host_of(outcome.final_url)} "
                "in [tool.contentlint.links] accept"
            )
        action = "the site may be failing; check it later, or replace the link" if status >= 500 else (
            "fix the link or remove it"
        )
        return "L001", f"broken link: {url}{_via(outcome)} answers {_status_text(outcome)}{_tries(outcome, 'after')}; {action}"
    if outcome.hops and 200 <= status < 300:
        start = urldefrag(url)[0]
        if sent_home(start, outcome.final_url):
            return "L001", (
                f"broken link: {url} redirects to its site's home page, {outcome.final_url}: the page is gone; "
                "find where its content lives now, or remove the link"
            )
        if sent_to_error_page(start, outcome.final_url):
            return "L001", (
                f"broken link: {url} redirects to {outcome.final_url}, the site's \"page not found\" or error page, "
                f"which answers {_status_text(outcome)}: the page is gone; find where its content lives now, or remove "
                "the link"
            )
        if sent_to_sign_in(start, outcome.final_url):
            return "L009", (
                f"could not verify {url}: it redirects to a sign-in page, {outcome.final_url}, so readers without "
                "an account cannot open it; link to a public page"
            )
    if outcome.hops and outcome.hops[0][1] in PERMANENT:
        target = _moved_to(outcome, written)
        return "L003", f"permanent redirect ({outcome.hops[0][1]}): {url} has moved to {target}; update the link"
    return None


def is_good(outcome: Outcome, settings: LinkSettings) -> bool:
    """Good answers are kept in the cache longer than failures."""
    verdict = judge(outcome, settings)
    return verdict is None or verdict[0] == "L003"


def _checkable(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def collect_links(document: Document, config: Config) -> list[Citation] | None:
    if not config.network:
        return None
    problems = offline_problems(document, config)
    citations = [
        _citation(document, link.url, link.line, link.column)
        for index, link in enumerate(document_links(document, config))
        # a [text][label] use is checked at its definition; an address L005-L007 call unusable is not asked
        if link.checks_target and problems.get(index, ("",))[0] not in _UNUSABLE and _checkable(link.url)
    ]
    return citations or None


def _citation(document: Document, url: str, line: int, column: int) -> Citation:
    """What to check for a link: its address, or the one a link wrapper carries (L013). A wrapper
    may answer for any address (Google's redirect notice) or refuse robots (Safe Links), while
    the page a reader reaches through it is what the link is for."""
    wrapped = unwrap(url)
    if wrapped is not None and wrapped.target and _checkable(wrapped.target):
        return wrapped.target, line, column, False  # the place shows the wrapper's address: no fix there
    return url, line, column, _written_as_is(document, url, line, column)


_UNUSABLE = ("L005", "L006", "L007")  # a placeholder, a relative link with no base, a malformed address


def _written_as_is(document: Document, url: str, line: int, column: int) -> bool:
    offset = offset_of(document, line, column)
    return offset is not None and document.text.startswith(url, offset)


def finish_links(summaries: list[tuple[str, Any]], config: Config) -> Iterator[tuple[str, str, Violation]]:
    if not config.network:
        return
    settings = link_settings(config)
    cited: dict[str, list[tuple[str, str, int, int, bool]]] = {}
    for path, citations in summaries:
        for url, line, column, *written in citations:
            if settings.is_skipped(url):
                continue
            cited.setdefault(urldefrag(url)[0], []).append((path, url, line, column, bool(written and written[0])))
    if not cited:
        return
    from contentlint.net.checker import (
        check_urls,  # requests and urllib3: only --links pays for them
    )

    outcomes, _stats = check_urls(
        cited, settings,
        is_good=lambda outcome: is_good(outcome, settings),
        progress=getattr(config, "progress", None),
        notice=getattr(config, "notice", None),
        fragments=_wanted_fragments(cited) if _wants_fragments(config, settings) else None,
    )
    for key, places in cited.items():
        outcome = outcomes.get(key)
        if outcome is None:
            continue
        verdict = judge(outcome, settings)
        if verdict is None or verdict[0] == "L003":
            yield from _missing_sections(outcome, places)
        if verdict is None or (verdict[0] == "L008" and _seen_offline(outcome)):
            continue
        for path, written, line, column, as_is in places:
            code, message = judge(outcome, settings, written) or verdict
            fix = redirect_fix(written, line, column, outcome) if code == "L003" and as_is else None
            yield path, code, Violation(line, column, message, subject=written, fix=fix)
    if selects(config, "L004"):
        yield from _https_fixes(cited, outcomes, settings, config)


def _wants_fragments(config: Config, settings: LinkSettings) -> bool:
    return settings.check_fragments and selects(config, "L014")


def _wanted_fragments(cited: dict[str, list[tuple[str, str, int, int, bool]]]) -> dict[str, set[str]]:
    """The `#fragments` that the links to each page name, for the pages to be read for them."""
    wanted: dict[str, set[str]] = {}
    for key, places in cited.items():
        for _path, written, *_ in places:
            fragment = urldefrag(written)[1]
            if checkable_fragment(fragment):
                wanted.setdefault(key, set()).add(fragment)
    return wanted


def _missing_sections(outcome: Outcome, places: list[tuple[str, str, int, int, bool]]) -> Iterator[tuple[str, str, Violation]]:
    for path, written, line, column, as_is in places:
        page, fragment = urldefrag(written)
        if outcome.fragments.get(fragment) is False:
            where = f"{page} (which redirects to {urldefrag(outcome.final_url)[0]})" if outcome.hops else page
            respelt = outcome.respelt.get(fragment)
            if respelt is None:
                advice = f"link to the section's current id, or drop \"#{fragment}\""
                fix = None
            else:
                advice = f"it has \"{respelt}\" (ids are matched letter for letter); link to that"
                fix = section_fix(written, line, column, respelt) if as_is else None
            yield path, "L014", Violation(line, column, (
                f"section not found: {where} has no element with id \"{fragment}\", so the link opens the "
                f"page at its top; {advice}"
            ), subject=written, fix=fix)


def _https_fixes(
    cited: dict[str, list[tuple[str, str, int, int, bool]]], outcomes: dict[str, Outcome], settings: LinkSettings,
    config: Config,
) -> Iterator[tuple[str, str, Violation]]:
    """L004's fix for http:// links whose https:// address answers as they do: known from their own
    redirects when they lead through it, else checked now (only for links that answered)."""
    known_hosts = config.resource(HTTPS_HOSTS)  # fixed offline already
    variants: dict[str, str] = {}
    for key, places in cited.items():
        variant, outcome = https_variant(key), outcomes.get(key)
        if (variant is None or outcome is None or outcome.error is not None or outcome.status is None
                or host_of(key) in known_hosts or settings.is_skipped(variant)
                or not any(as_is for *_, as_is in places)):
            continue
        variants[key] = variant
    answers = {variant: found for key, variant in variants.items()
               if (found := from_chain(outcomes[key], variant)) is not None}
    todo = [variant for variant in variants.values() if variant not in answers]
    if todo:
        answers.update(_check_more(todo, settings, config, len(cited)))
    for key, variant in variants.items():
        https = answers.get(variant)
        if https is None or not answers_alike(outcomes[key], https):
            continue
        for path, written, line, column, as_is in cited[key]:
            if as_is and https_variant(written) is not None:
                yield path, "L004", Violation(line, column, "", subject=written, fix=https_fix(written, line, column))


def _check_more(urls: list[str], settings: LinkSettings, config: Config, before: int) -> dict[str, Outcome]:
    """A second round of checks, after the ``before`` links themselves (the progress goes on from theirs)."""
    from contentlint.net.checker import check_urls

    shown = getattr(config, "progress", None)
    progress = None if shown is None else (lambda done, total: shown(before + done, before + total))
    try:
        outcomes, _stats = check_urls(
            urls, settings, is_good=lambda outcome: is_good(outcome, settings),
            progress=progress, notice=getattr(config, "notice", None),
        )
    except NetworkUnavailable as error:  # the links answered a moment ago: no fix rather than no run
        return error.outcomes
    return outcomes


def _seen_offline(outcome: Outcome) -> bool:
    """The offline L008 rule already reports links written with a private address or a local name."""
    return not outcome.hops and forbidden_host(host_of(outcome.url)) is not None


# L004: the link check also finds which http:// links may become https:// (their fix).
corpus_pass(CorpusPass("online-links", (*NETWORK_CODES, "L008"), collect_links, finish_links, amends=("L004",)))


reported_code(
    "L001", "broken-link", "error", network=True, uses=[LINK_SETTINGS],
    doc="""A link is broken: the page answers 404, 410 or another 4xx, or 5xx after retries.

    Why it matters: a patient or an assistant that follows the link finds
    nothing, and the claim that cited it loses its source.

    Checked with `contentlint check --links` only (the pre-commit hook stays
    offline). Each unique URL is requested once however many documents cite it:
    HEAD first, then a short GET when the server refuses HEAD. 5xx answers are
    retried with exponential backoff before they count. A redirect chain that
    ends in an error is reported here too, naming where it ended; so is a page
    whose redirects end on its site's home page (`/`, `/index.html`, or `/en/`
    for a page under `/en/`), which is how many sites retire a page, or on its
    "page not found" or error page (`/404.html`, `/errors/404/`,
    `/page-not-found`, `/Error.aspx?aspxerrorpath=…`) that answers 200: a "soft
    404", which a check of the status alone takes for a working page.

    Example: `[Screening](https://www.example.org/old-page)` answers
    404 Not Found, or redirects to `https://www.example.org/` or to
    `https://www.example.org/404.html`: fix the link or remove it.

    Options (`[tool.contentlint.links]`): `accept` statuses per host (e.g.
    `accept = { "www.example.org" = [404] }` if that site answers 404 to robots),
    `skip` URL patterns, `retries`, `backoff`. Results are cached: good ones for
    7 days (`cache-ok`), failures for 1 hour (`cache-failure`).
    """,
)


reported_code(
    "L002", "unreachable-link", "error", network=True, uses=[LINK_SETTINGS],
    doc="""A link cannot be reached: DNS failure, connection refused, timeout, TLS error or a redirect loop.

    Why it matters: the server never gave an answer, so the page is lost to
    readers: the domain may have lapsed, the site may be down, or its
    certificate may be broken.

    Checked with `contentlint check --links` only. Timeouts, dropped
    connections and a name server that gives no answer ("temporary failure in
    name resolution") are retried before they count; a name that does not
    exist, a refused connection or a TLS error is not. Redirects are followed hop by hop up to
    `max-redirects` (10): a loop or a longer chain is reported here, and so is a
    redirect to anything other than http(s), a redirect whose `Location` is no
    URL (`http://[::1`), and a 3xx answer that names no address to go to. A
    certificate chain that lacks its intermediate certificate is L009, not L002:
    browsers complete such a chain themselves.

    A host that gives no answer at all (its first links time out after their
    retries, and none has had an answer) is not waited on link by link: once
    three of its links have failed so (each an L002), its other links are not
    requested but get L009, "could not verify", and are asked again on the next
    run. Any answer from the host, even an error page, keeps each of its links
    checked.

    When no host at all can be reached (the machine is offline, or the proxy
    is down), no link gets L002: the run stops with one line, "network
    unavailable", and exit code 2, and nothing is cached.

    Example: `https://www.example-clinic.invalid/leaflet` does not resolve.

    Options: `--timeout SECONDS` (or `timeout` in `[tool.contentlint.links]`,
    default 10), `retries`, `max-redirects`, `budget` (the most time one URL
    may take), `proxy` (`--proxy URL`), `skip` URL patterns.
    """,
)


reported_code(
    "L003", "permanent-redirect", "warning", network=True, uses=[LINK_SETTINGS], fix="safe",
    doc="""A link is permanently redirected (301 or 308): the message gives the new URL.

    Why it matters: the site has said the page lives somewhere else now.
    Old addresses tend to stop redirecting one day; updating the link now
    keeps it working and shows readers the real address.

    Checked with `contentlint check --links` only. Temporary redirects (302,
    303, 307) are followed but not reported. The new URL is where the leading
    permanent redirects lead; a fragment (`#section`) in the link is kept.
    Redirects that end on the site's home page or its "page not found" page are
    L001 (the page is gone), and those that end on a sign-in page L009.

    Example: `http://www.example.org/drugs` answers 301 to
    `https://www.example.org/medicines/`: use the new URL.

    Fix (safe, with `--links`): `contentlint check --links --fix` writes the new
    address in place of the old one, from this run's check or from the link
    cache (a warm cache sends no request), when every redirect of the chain is
    permanent and the new address answers 2xx. Only the link's target as written
    changes; its fragment is kept. Safe when the new address is the same page:
    same host, same path but for a trailing slash, same query, `http://` becoming
    `https://` (`http://www.example.org/drugs` to `https://www.example.org/drugs/`).
    Unsafe (`--unsafe-fixes`) when the page moved to another path or another host,
    or a temporary redirect follows the permanent ones. No fix when the redirect
    ends on the site's home page, its error page or a sign-in page (the page is
    gone or hidden), when the link is written relative to the page's `url`, or
    when the chain ends in an error. A temporary redirect (302, 307) is never a finding, so never fixed.

    Options: none of its own; see L001 for `accept`, `skip` and the cache.
    """,
)


reported_code(
    "L009", "link-unverifiable", "warning", network=True, uses=[LINK_SETTINGS],
    doc="""A link could not be verified: 401, 403, 429 or a bot wall that persists after retries.

    Why it matters: the page may be fine for people while the site keeps
    robots out, so this is "could not verify", never "broken". Check the link
    in a browser once.

    Checked with `contentlint check --links` only. Rate limits (429, 503) are
    retried, honouring the server's Retry-After up to `max-retry-wait`
    (default 20 s), and a host that answers 429 is slowed down as a whole
    (nothing more sent until its Retry-After has passed, then one request at a
    time), so a site that allows a few requests a second has its links
    verified rather than left here. Challenge pages of bot-protection services are recognised
    and reported here rather than as broken, and so is an answer with no HTTP
    status (LinkedIn answers robots 999), and a link not requested because
    its host gave no answer for the links tried before it (see L002). A link whose redirects end on a
    sign-in page (`/login?next=…`) is reported here too: readers without an
    account there cannot open it. So is a site whose certificate does not lead
    to a trusted authority with the certificates it sends: usually a chain
    without its intermediate certificate, which browsers complete themselves
    and the checker cannot (an expired, self-signed or mismatched certificate
    stays L002).

    Example: `https://journals.example.com/article/1` answers 403 Forbidden.

    Options (`[tool.contentlint.links]`): `accept = { "journals.example.com" = [403] }`
    once you have checked the site by hand; `headers` per host (e.g. an API
    token: `headers = { "api.example.org" = { Authorization = "Bearer ${TOKEN}" } }`);
    `user-agent`.
    """,
)


reported_code(
    "L014", "section-missing", "warning", network=True, uses=[LINK_SETTINGS], fix="unsafe",
    doc="""A link names a section of a web page (`#fragment`) that the page does not have.

    Why it matters: the page answers, so a plain link check passes, but the reader
    lands at the top of a long page instead of the section that was cited, and has
    to hunt for the passage that supports the claim. Sites renumber and rename
    their sections when they revise a page: `https://www.example.gov/treatment-pdq#_19`
    worked when it was written, and the section is `#_23` now.

    Checked with `contentlint check --links` only. A link with a fragment has its
    page read (a GET instead of a HEAD, up to 10 MB), once however many links name
    sections of it; after redirects, the page where they end is the one read. A
    fragment is found, as a browser finds it, in an element's `id` or an `<a name>`,
    as written or percent-decoded. To keep false alarms out, nothing is reported:

    - when the page is not HTML (`leaflet.pdf#page=2`), or could not be read whole
      (over 10 MB, too slow, or cut off);
    - when its HTML has no ids at all: it builds its sections in the browser;
    - when its source names the fragment anywhere (in a script, or in its own
      contents links, `href="#_19"`), since a script may make that section;
    - when a heading of the page reads as the fragment (`## Stage II` for
      `#stage-ii`), since a script may make the heading's id from its text;
    - when a script of the page reads fragments itself (a hash router, a
      `hashchange` handler);
    - for `#top`, text fragments (`#:~:text=`), a web app's routes (`#/page`,
      `#!/page`, `#cit/section_3.1`) and parameters (`#page=2`, `#q=term`);
    - for GitHub's rendered files, whose ids carry `user-content-`;
    - when the page itself is reported (L001, L002, L009).

    Example: `[treatment of stage II](https://www.example.gov/treatment-pdq#_19)`
    when no element of that page has `id="_19"`: link to the section's current
    id, or drop `#_19`.

    Ids are matched letter for letter, as browsers match them. When the page has
    the name spelt another way, one id and only one (`#Side_Effects` for
    `id="side-effects"`: letter case, `-`, `_` and spaces aside), the message
    names it.

    Fix (unsafe, with `--links --unsafe-fixes`): the link's fragment becomes the
    page's own spelling, `#side-effects`. Unsafe because a person should check that
    the section is the one cited. Not offered for a link written relative to the
    page's `url`, or carried by a link wrapper (L013).

    Options (`[tool.contentlint.links]`): `check-fragments = false` checks pages
    with a HEAD only and never reads them for their sections; `skip` URL patterns
    (see L001). Results are cached with the page's (see L001): a fragment not yet
    looked for in a cached page has the page read again.
    """,
)
