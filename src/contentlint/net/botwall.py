"""Recognise anti-bot challenge pages, so that they give "could not verify" (L009), not "broken"."""

from __future__ import annotations

from typing import Mapping

# Lower-case fragments seen on the challenge pages of common bot-protection services.
_BODY_MARKERS = (
    b"just a moment...",
    b"attention required! | cloudflare",
    b"cf-browser-verification",
    b"cf_chl_",
    b"checking your browser",
    b"_incapsula_resource",
    b"request unsuccessful. incapsula",
    b"px-captcha",
    b"captcha-delivery.com",  # DataDome
    b"are you a robot",
    b"verify you are human",
    b"g-recaptcha",
    b"h-captcha",
)
_WALL_STATUSES = frozenset({401, 403, 405, 406, 429, 503})


def looks_like_bot_wall(status: int, headers: Mapping[str, str], body_start: bytes) -> bool:
    """True when an error answer looks like a challenge page rather than the site's own error."""
    if headers.get("cf-mitigated", "").lower() == "challenge":
        return True
    if status not in _WALL_STATUSES:
        return False
    if headers.get("x-datadome") or headers.get("x-amzn-waf-action"):
        return True
    lowered = body_start.lower()
    return any(marker in lowered for marker in _BODY_MARKERS)
