"""Check one URL over HTTP: HEAD first, a small streamed GET when HEAD is refused, redirects hop
by hop, retries with exponential backoff that honour Retry-After (capped).

Time is bounded twice. Each request has a total deadline (connect, headers and every byte read,
net.deadline) of ``timeout``; and each URL, its redirects, retries and waits included, has a budget
(``LinkSettings.url_budget``): a request gets what is left of it at most, and a wait the server asks
for (Retry-After) that would leave no time for the retry is not made: the answer stands as it is.
A thread that waits holds no host slot, and tells the checker (``on_wait``) so that it can hand
that host's next URL out meanwhile."""

from __future__ import annotations

import email.utils
import errno
import http.client
import random
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Collection, Iterator
from urllib.parse import urldefrag, urljoin, urlsplit

import requests
from urllib3.exceptions import DecodeError, NameResolutionError, ProtocolError

from contentlint.net import outcome as kinds
from contentlint.net.anchors import is_html, judge_fragments
from contentlint.net.botwall import looks_like_bot_wall
from contentlint.net.deadline import Deadline, Watcher
from contentlint.net.guard import ForbiddenAddressError, GuardedAdapter, check_target
from contentlint.net.limits import HostLimiter, host_limiter
from contentlint.net.outcome import Outcome
from contentlint.net.settings import LinkSettings

REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Servers that mishandle HEAD answer these; a GET tells the truth.
HEAD_REFUSED = frozenset({400, 403, 404, 405, 501})
# Worth another try: rate limits and passing server trouble.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
RETRY_AFTER_STATUSES = frozenset({429, 503})
FOLLOWED_SCHEMES = ("http", "https")


@dataclass
class _Answer:
    """One hop's final answer after retries: a status, or an error kind."""

    status: int | None = None
    reason: str = ""
    location: str | None = None
    bot_wall: bool = False
    error: str | None = None
    detail: str = ""
    attempts: int = 1
    retry_after: float | None = None
    address: str = ""
    address_reason: str = ""
    content_type: str = ""
    page: bytes = b""  # the body of a 2xx answer, read for its sections
    page_complete: bool = False


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


# OpenSSL's X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY: the issuer of a certificate the site
# sent is neither sent nor trusted.
_UNABLE_TO_GET_ISSUER_CERT_LOCALLY = 20

# getaddrinfo's "try again": the resolver got no answer, unlike "no such name" (EAI_NONAME).
_EAI_AGAIN = getattr(socket, "EAI_AGAIN", None)
_PASSING = (kinds.TIMEOUT, kinds.CONNECTION, kinds.DNS_NO_ANSWER)  # failures worth a retry

WaitNotice = Callable[[str, bool], None]  # (host, True when a wait starts / False when it ends)


def _error_kind(error: BaseException) -> tuple[str, str]:
    """Map a requests/urllib3 exception to an outcome kind and a short description."""
    if isinstance(error, requests.exceptions.ProxyError):
        return kinds.PROXY, "the proxy failed: " + _innermost(error)
    if isinstance(error, requests.exceptions.SSLError):
        verification = next((e for e in _causes(error) if isinstance(e, ssl.SSLCertVerificationError)), None)
        if verification is not None and verification.verify_code == _UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
            return kinds.TLS_CHAIN, "TLS error: " + (verification.verify_message or _innermost(error))
        return kinds.TLS, "TLS error: " + _innermost(error)
    if isinstance(error, requests.exceptions.Timeout):
        return kinds.TIMEOUT, "no answer in time"
    if isinstance(error, (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                          requests.exceptions.MissingSchema, requests.exceptions.InvalidHeader)):
        return kinds.INVALID, str(error)
    if isinstance(error, requests.exceptions.ConnectionError):
        chain = _causes(error)
        if any(isinstance(e, NameResolutionError) for e in chain):
            if _EAI_AGAIN is not None and any(isinstance(e, socket.gaierror) and e.errno == _EAI_AGAIN for e in chain):
                return kinds.DNS_NO_ANSWER, "the name server gave no answer for the host (temporary failure in name resolution)"
            return kinds.DNS, "the host name does not resolve (DNS)"
        if any(isinstance(e, ConnectionRefusedError) or getattr(e, "errno", None) == errno.ECONNREFUSED for e in chain):
            return kinds.REFUSED, "connection refused"
        if any(getattr(e, "errno", None) == errno.ENETUNREACH for e in chain):
            return kinds.NO_ROUTE, "the network is unreachable"
        bad = next((e for e in chain if isinstance(e, http.client.BadStatusLine)
                    and not isinstance(e, http.client.RemoteDisconnected)), None)
        if bad is not None:
            began = " ".join(str(bad).split())[:80]
            return kinds.CONNECTION, "the answer is not HTTP" + (f" (it began: {began})" if began else "")
        if any(isinstance(e, ProtocolError) and "IncompleteRead" in str(e) for e in chain):
            return kinds.CONNECTION, "the answer was cut off: " + _innermost(error)
        return kinds.CONNECTION, "connection failed: " + _innermost(error)
    if isinstance(error, requests.exceptions.RequestException):
        return kinds.CONNECTION, _innermost(error)
    if isinstance(error, UnicodeError):  # the idna codec: a label empty or over 63 characters
        return kinds.INVALID, "the host name is not a valid domain name"
    return kinds.INTERNAL, f"{type(error).__name__}: {error}"


def _nowhere(answer: _Answer) -> bool:
    """A redirect that names no address to go to."""
    return answer.status in REDIRECTS and not (answer.location or "").strip()


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _redirect_target(current: str, location: str) -> tuple[str, str] | None:
    """The absolute URL a redirect's Location leads to, and its scheme; None when it is no URL
    ("http://[::1", control characters)."""
    if _CONTROL.search(location.strip()):
        return None
    try:
        target = requests.utils.requote_uri(urljoin(current, location))
        return target, urlsplit(target).scheme.lower()
    except ValueError:
        return None


def _causes(error: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    pending: list[BaseException] = [error]
    while pending and len(chain) < 20:
        current = pending.pop()
        if current in chain:
            continue
        chain.append(current)
        linked = [current.__cause__, current.__context__, getattr(current, "reason", None), *getattr(current, "args", ())]
        pending.extend(e for e in linked if isinstance(e, BaseException))
    return chain


def _innermost(error: BaseException) -> str:
    """The deepest cause's words on one line: they may quote what the server sent ("HELLO WORLD\r\n")."""
    deepest = _causes(error)[-1]
    text = " ".join(str(deepest).split()) or type(deepest).__name__
    return text[:200]


class _Budget:
    """What is left of one URL's time: the requests and the waits spend it, queueing for a host slot does not."""

    def __init__(self, seconds: float) -> None:
        self.left = seconds

    def spend(self, seconds: float) -> None:
        self.left -= max(0.0, seconds)


class _Session(requests.Session):
    """A session that leaves redirects to LinkClient._follow: requests would otherwise parse each
    redirect's Location for ``Response.next``, and a Location that is no URL ("http://[::1") would
    raise before the answer reached the checker."""

    def resolve_redirects(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
        return iter(())


class LinkClient:
    """Checks URLs; safe to use from many threads at once (one cookie jar per URL checked)."""

    def __init__(self, settings: LinkSettings, limiter: HostLimiter | None = None,
                 on_wait: WaitNotice | None = None) -> None:
        self.settings = settings
        self.limiter = limiter or host_limiter(settings)
        self._on_wait = on_wait
        self._stopping = threading.Event()
        self._deadlines = Watcher()
        self._adapter = GuardedAdapter(
            allow_private=settings.allow_private_hosts,
            pool_connections=max(10, settings.concurrency),
            pool_maxsize=settings.host_concurrency,
            max_retries=0,
        )
        self._proxies = {"http": settings.proxy, "https": settings.proxy} if settings.proxy else {}

    def stop(self) -> None:
        """End every wait and every request in flight now (an interrupted run); they report a timeout."""
        self._stopping.set()
        self.limiter.stop()
        self._deadlines.close()

    def close(self) -> None:
        self._deadlines.close()
        self._adapter.close()

    def _session(self) -> requests.Session:
        session = _Session()
        # No proxies or .netrc from the environment: only a proxy the user named (settings.proxy).
        session.trust_env = False
        session.proxies = dict(self._proxies)
        session.mount("http://", self._adapter)
        session.mount("https://", self._adapter)
        return session

    def check(self, url: str, fragments: Collection[str] = ()) -> Outcome:
        """Follow ``url`` to its end and say what was found. Never raises. With ``fragments``,
        the page is read (GET instead of HEAD) and each is looked for among its sections."""
        result = Outcome(url=url, final_url=url)
        session = self._session()
        try:
            self._follow(session, url, result, _Budget(self.settings.url_budget()), tuple(fragments))
        except Exception as error:  # a checker bug must not stop the run
            result.error, result.detail = kinds.INTERNAL, f"{type(error).__name__}: {error}"
        # No session.close(): it would close the shared adapter's pools under the other threads.
        return result

    def _follow(self, session: requests.Session, url: str, result: Outcome, budget: _Budget,
                fragments: tuple[str, ...]) -> None:
        current = url
        seen = {urldefrag(url)[0]}
        while True:
            answer = self._fetch(session, current, result, budget, bool(fragments))
            result.final_url = current
            result.status, result.reason = answer.status, answer.reason
            result.bot_wall, result.attempts, result.retry_after = answer.bot_wall, answer.attempts, answer.retry_after
            if answer.error is not None:
                result.error, result.detail = answer.error, answer.detail
                result.address, result.address_reason = answer.address, answer.address_reason
                return
            if answer.status not in REDIRECTS:
                if fragments and answer.status is not None and 200 <= answer.status < 300:
                    try:
                        result.fragments, result.fragments_note, result.respelt = judge_fragments(
                            answer.page, answer.content_type, answer.page_complete, fragments)
                    except Exception as error:  # the page answered: not reading its sections is no finding
                        result.fragments_note = f"its sections could not be read ({type(error).__name__})"
                return
            if _nowhere(answer):
                result.error, result.detail = kinds.BAD_REDIRECT, "no Location header"
                return
            result.hops.append((current, answer.status))
            followed = _redirect_target(current, answer.location)
            if followed is None:
                result.final_url, result.status, result.reason = answer.location, None, ""
                result.error, result.detail = kinds.BAD_REDIRECT, "not a valid URL"
                return
            target, scheme = followed
            if scheme not in FOLLOWED_SCHEMES:
                result.final_url, result.status, result.reason = target, None, ""
                result.error, result.detail = kinds.SCHEME, f"redirects to a {scheme or 'scheme-less'} URL, which is not followed"
                return
            key = urldefrag(target)[0]
            if key in seen:
                result.final_url, result.status, result.reason = target, None, ""
                result.error, result.detail = kinds.LOOP, "redirect loop"
                return
            if len(result.hops) > self.settings.max_redirects:
                result.final_url, result.status, result.reason = target, None, ""
                result.error = kinds.TOO_MANY_REDIRECTS
                result.detail = f"more than {self.settings.max_redirects} redirects"
                return
            seen.add(key)
            current = target

    def _fetch(self, session: requests.Session, url: str, result: Outcome, budget: _Budget,
               page_wanted: bool = False) -> _Answer:
        """One hop: HEAD (or GET when HEAD is refused, or the page itself is wanted), retried on
        rate limits and passing trouble."""
        settings = self.settings
        host = urlsplit(url).hostname or ""
        headers = settings.headers_for(host)
        method = "GET" if page_wanted else "HEAD"
        attempt = 0
        while True:
            answer = self._request(session, method, url, host, headers, result, budget, page_wanted)
            answer.attempts = attempt + 1
            if method == "HEAD" and (answer.status in HEAD_REFUSED or _nowhere(answer)):
                method = "GET"
                answer = self._request(session, method, url, host, headers, result, budget)
                answer.attempts = attempt + 1
            if answer.status == 429 or (answer.status in RETRY_AFTER_STATUSES and answer.retry_after is not None):
                self.limiter.too_many(host, answer.retry_after)  # the whole host waits, and slows down
            elif answer.status is not None:
                self.limiter.answered(host)
            retry = answer.status in RETRY_STATUSES or answer.error in _PASSING
            if not retry or attempt >= settings.retries or self._stopping.is_set():
                return answer
            wait = settings.backoff * (2**attempt) * random.uniform(0.8, 1.2)
            if answer.status in RETRY_AFTER_STATUSES and answer.retry_after is not None:
                wait = answer.retry_after
            wait = min(wait, settings.max_retry_wait)
            # The retry needs time of its own: a wait that leaves none is not worth making.
            if wait + min(settings.timeout, _MIN_TRY) > budget.left:
                return answer
            if not self._wait(host, wait):
                return answer
            budget.spend(wait)
            attempt += 1

    def _wait(self, host: str, seconds: float) -> bool:
        """Sleep without holding a host slot; False when the run is being stopped."""
        if self._on_wait is not None:
            self._on_wait(host, True)
        try:
            return not self._stopping.wait(seconds)
        finally:
            if self._on_wait is not None:
                self._on_wait(host, False)

    def _request(self, session: requests.Session, method: str, url: str, host: str,
                 headers: dict[str, str], result: Outcome, budget: _Budget, page_wanted: bool = False) -> _Answer:
        if self._stopping.is_set() or budget.left <= 0:
            return _Answer(error=kinds.TIMEOUT, detail="no time left for this URL")
        if self.settings.proxy and not self.settings.allow_private_hosts:
            try:
                check_target(host, urlsplit(url).port or (443 if url.lower().startswith("https:") else 80))
            except ForbiddenAddressError as refused:
                return _Answer(error=kinds.FORBIDDEN, detail=str(refused), address=refused.address,
                               address_reason=refused.reason)
        with self.limiter.slot(host):
            if self._stopping.is_set():
                return _Answer(error=kinds.TIMEOUT, detail="no time left for this URL")
            result.requests += 1
            started = time.monotonic()
            seconds = min(self.settings.timeout, budget.left)
            try:
                with self._deadlines.deadline(seconds) as deadline:
                    return self._exchange(session, method, url, headers, result, deadline, seconds, page_wanted)
            finally:
                budget.spend(time.monotonic() - started)

    def _exchange(self, session: requests.Session, method: str, url: str, headers: dict[str, str],
                  result: Outcome, deadline: Deadline, seconds: float, page_wanted: bool = False) -> _Answer:
        try:
            # HEAD has no body, so it is read at once and its connection goes back to the pool;
            # a GET is streamed so that no more of the body than read_limit (page_read_limit for
            # a page read for its sections) is ever read.
            response = session.request(method, url, headers=headers, timeout=(seconds, seconds),
                                       allow_redirects=False, stream=method != "HEAD")
        except ForbiddenAddressError as refused:
            result.requests -= 1  # refused before any byte was sent
            return _Answer(error=kinds.FORBIDDEN, detail=str(refused), address=refused.address,
                           address_reason=refused.reason)
        except Exception as error:
            if deadline.expired:
                return _Answer(error=kinds.TIMEOUT, detail="no complete answer in time")
            kind, detail = _error_kind(error)
            return _Answer(error=kind, detail=detail)
        result.heard = True
        content_type = response.headers.get("Content-Type", "")
        # The whole page (up to page_read_limit) when its sections are wanted; else its start.
        whole = page_wanted and 200 <= response.status_code < 300 and is_html(content_type)
        limit = self.settings.page_read_limit if whole else self.settings.read_limit
        try:
            body = b""
            complete = False
            if method == "GET":
                try:
                    body, complete = self._peek(response, limit)
                except Exception as error:  # cut off, or too slow: the answer is not a good one
                    if not whole:
                        return self._cut_off(error, deadline)
                    body, complete = b"", False  # the page answered as to a HEAD; only its sections are unknown
            if deadline.expired:  # the watcher ended the answer: what was read may be a stub
                if not whole:
                    return _Answer(error=kinds.TIMEOUT, detail="no complete answer in time")
                body, complete = b"", False
            return _Answer(
                status=response.status_code,
                reason=response.reason or "",
                location=session.get_redirect_target(response) if response.status_code in REDIRECTS else None,
                bot_wall=looks_like_bot_wall(response.status_code, response.headers, body[: self.settings.read_limit]),
                retry_after=parse_retry_after(response.headers.get("Retry-After")),
                content_type=content_type,
                page=body if whole else b"",
                page_complete=complete,
            )
        finally:
            response.close()

    @staticmethod
    def _cut_off(error: Exception, deadline: Deadline) -> _Answer:
        if deadline.expired:
            return _Answer(error=kinds.TIMEOUT, detail="no complete answer in time")
        kind, detail = _error_kind(error)
        if kind == kinds.INTERNAL:
            kind, detail = kinds.CONNECTION, "the answer was cut off: " + _innermost(error)
        return _Answer(error=kind, detail=detail)

    def _peek(self, response: requests.Response, limit: int) -> tuple[bytes, bool]:
        """The start of the body, at most ``limit`` bytes, and whether that is all of it. Raises
        when the body is cut off (the server closes before the Content-Length it announced) or the
        deadline passes."""
        raw = response.raw
        chunks: list[bytes] = []
        size = 0
        while size < limit:
            try:
                chunk = raw.read(min(65536, limit - size), decode_content=True)
            except DecodeError:  # a body that does not decompress: nothing to recognise in it
                break
            if not chunk:
                return b"".join(chunks), True
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)[:limit], False


_MIN_TRY = 0.5  # seconds: the least a retry is given (or the timeout, if smaller)
