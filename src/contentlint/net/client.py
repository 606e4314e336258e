"""Check one URL over HTTP: HEAD first, a small streamed GET when HEAD is refused, redirects hop
by hop, retries with exponential backoff that honour Retry-After (capped)."""

from __future__ import annotations

import email.utils
import errno
import random
import time
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urldefrag, urljoin, urlsplit

import requests
from urllib3.exceptions import NameResolutionError

from contentlint.net import outcome as kinds
from contentlint.net.botwall import looks_like_bot_wall
from contentlint.net.guard import ForbiddenAddressError, GuardedAdapter
from contentlint.net.limits import HostLimiter
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


def _error_kind(error: BaseException) -> tuple[str, str]:
    """Map a requests/urllib3 exception to an outcome kind and a short description."""
    if isinstance(error, requests.exceptions.SSLError):
        return kinds.TLS, "TLS error: " + _innermost(error)
    if isinstance(error, requests.exceptions.Timeout):
        return kinds.TIMEOUT, "no answer in time"
    if isinstance(error, (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                          requests.exceptions.MissingSchema, requests.exceptions.InvalidHeader)):
        return kinds.INVALID, str(error)
    if isinstance(error, requests.exceptions.ConnectionError):
        chain = _causes(error)
        if any(isinstance(e, NameResolutionError) for e in chain):
            return kinds.DNS, "the host name does not resolve (DNS)"
        if any(isinstance(e, ConnectionRefusedError) or getattr(e, "errno", None) == errno.ECONNREFUSED for e in chain):
            return kinds.REFUSED, "connection refused"
        return kinds.CONNECTION, "connection failed: " + _innermost(error)
    if isinstance(error, requests.exceptions.RequestException):
        return kinds.CONNECTION, _innermost(error)
    return kinds.INTERNAL, f"{type(error).__name__}: {error}"


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
    deepest = _causes(error)[-1]
    text = str(deepest) or type(deepest).__name__
    return text[:200]


class LinkClient:
    """Checks URLs; safe to use from many threads at once (one cookie jar per URL checked)."""

    def __init__(self, settings: LinkSettings, limiter: HostLimiter | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.limiter = limiter or HostLimiter(settings.host_concurrency, settings.host_interval)
        self._sleep = sleep
        self._adapter = GuardedAdapter(
            allow_private=settings.allow_private_hosts,
            pool_connections=max(10, settings.concurrency),
            pool_maxsize=settings.host_concurrency,
            max_retries=0,
        )

    def close(self) -> None:
        self._adapter.close()

    def _session(self) -> requests.Session:
        session = requests.Session()
        session.trust_env = False  # no proxies or .netrc from the environment: the guard must see the real host
        session.mount("http://", self._adapter)
        session.mount("https://", self._adapter)
        return session

    def check(self, url: str) -> Outcome:
        """Follow ``url`` to its end and say what was found. Never raises."""
        result = Outcome(url=url, final_url=url)
        session = self._session()
        try:
            self._follow(session, url, result)
        except Exception as error:  # a checker bug must not stop the run
            result.error, result.detail = kinds.INTERNAL, f"{type(error).__name__}: {error}"
        # No session.close(): it would close the shared adapter's pools under the other threads.
        return result

    def _follow(self, session: requests.Session, url: str, result: Outcome) -> None:
        current = url
        seen = {urldefrag(url)[0]}
        while True:
            answer = self._fetch(session, current, result)
            result.final_url = current
            result.status, result.reason = answer.status, answer.reason
            result.bot_wall, result.attempts, result.retry_after = answer.bot_wall, answer.attempts, answer.retry_after
            if answer.error is not None:
                result.error, result.detail = answer.error, answer.detail
                result.address, result.address_reason = answer.address, answer.address_reason
                return
            if answer.status not in REDIRECTS or not answer.location:
                return
            target = requests.utils.requote_uri(urljoin(current, answer.location))
            result.hops.append((current, answer.status))
            scheme = urlsplit(target).scheme.lower()
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

    def _fetch(self, session: requests.Session, url: str, result: Outcome) -> _Answer:
        """One hop: HEAD (or GET when HEAD is refused), retried on rate limits and passing trouble."""
        settings = self.settings
        host = urlsplit(url).hostname or ""
        headers = settings.headers_for(host)
        method = "HEAD"
        attempt = 0
        while True:
            answer = self._request(session, method, url, host, headers, result)
            answer.attempts = attempt + 1
            if method == "HEAD" and answer.status in HEAD_REFUSED:
                method = "GET"
                answer = self._request(session, method, url, host, headers, result)
                answer.attempts = attempt + 1
            retry = answer.status in RETRY_STATUSES or answer.error in (kinds.TIMEOUT, kinds.CONNECTION)
            if not retry or attempt >= settings.retries:
                return answer
            wait = settings.backoff * (2**attempt) * random.uniform(0.8, 1.2)
            if answer.status in RETRY_AFTER_STATUSES and answer.retry_after is not None:
                wait = answer.retry_after
            self._sleep(min(wait, settings.max_retry_wait))
            attempt += 1

    def _request(self, session: requests.Session, method: str, url: str, host: str,
                 headers: dict[str, str], result: Outcome) -> _Answer:
        timeout = self.settings.timeout
        with self.limiter.slot(host):
            result.requests += 1
            try:
                # HEAD has no body, so it is read at once and its connection goes back to the pool;
                # a GET is streamed so that no more of the body than read_limit is ever read.
                response = session.request(method, url, headers=headers, timeout=(timeout, timeout),
                                           allow_redirects=False, stream=method != "HEAD")
            except ForbiddenAddressError as refused:
                result.requests -= 1  # refused before any byte was sent
                return _Answer(error=kinds.FORBIDDEN, detail=str(refused), address=refused.address,
                               address_reason=refused.reason)
            except Exception as error:
                kind, detail = _error_kind(error)
                return _Answer(error=kind, detail=detail)
            try:
                body = b""
                if method == "GET" and response.status_code >= 400:
                    body = self._peek(response)
                return _Answer(
                    status=response.status_code,
                    reason=response.reason or "",
                    location=session.get_redirect_target(response) if response.status_code in REDIRECTS else None,
                    bot_wall=looks_like_bot_wall(response.status_code, response.headers, body),
                    retry_after=parse_retry_after(response.headers.get("Retry-After")),
                )
            finally:
                response.close()

    def _peek(self, response: requests.Response) -> bytes:
        """The start of the body, at most read_limit bytes; nothing if reading it fails."""
        try:
            chunk = next(response.iter_content(self.settings.read_limit), b"")
        except Exception:
            return b""
        return chunk[: self.settings.read_limit] if isinstance(chunk, bytes) else b""
