"""Hosts known to serve the same pages over https (shipped in data/https-hosts.txt, extended by config):
where L004's fix may rewrite an http:// link."""

from __future__ import annotations

from importlib import resources

from contentlint.model.settings import Config, Option, Resource

EXTEND_HTTPS_HOSTS = Option(
    "links", "extend-https-hosts", {"type": "array", "items": {"type": "string"}}, [],
    "more hosts that serve the same pages over https (L004's fix rewrites their http:// links)",
)


def shipped_hosts() -> frozenset[str]:
    text = resources.files("contentlint").joinpath("data/https-hosts.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _build(config: Config) -> frozenset[str]:
    extra = {host.strip().lower().rstrip(".") for host in config.option(EXTEND_HTTPS_HOSTS) if host.strip()}
    return shipped_hosts() | extra


HTTPS_HOSTS = Resource("https hosts", _build, options=(EXTEND_HTTPS_HOSTS,))
