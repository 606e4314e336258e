"""A site whose certificate chain lacks its intermediate: browsers complete it themselves, the
checker cannot, so the link is "could not verify" (L009), not "unreachable" (L002). A real TLS
server on 127.0.0.6 with certificates made by openssl: a root the checker trusts, an
intermediate, and the site's own."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from pathlib import Path
from typing import Any, Iterator

import pytest

from contentlint.net.client import LinkClient
from conftest import link_pass
from loopback import LoopbackServer, status

FAST = {"timeout": 2, "retries": 0, "host-interval": 0, "allow-private-hosts": True, "cache": False}


def _openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """root.pem (trusted in these tests), mid.pem (signed by it), and for 127.0.0.6: leaf.pem
    (signed by mid), leaf-chain.pem (leaf and mid), self.pem (self-signed), other-chain.pem (for
    127.0.0.9, and mid)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make test certificates")
    d = tmp_path_factory.mktemp("pki")
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    (d / "ca.ext").write_text("basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n")
    _openssl("req", "-x509", *ec, "-keyout", str(d / "root.key"), "-out", str(d / "root.pem"), "-days", "2",
             "-subj", "/CN=Test Root", "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    _openssl("req", *ec, "-keyout", str(d / "mid.key"), "-out", str(d / "mid.csr"), "-subj", "/CN=Test Intermediate")
    _openssl("x509", "-req", "-in", str(d / "mid.csr"), "-CA", str(d / "root.pem"), "-CAkey", str(d / "root.key"),
             "-CAcreateserial", "-out", str(d / "mid.pem"), "-days", "2", "-extfile", str(d / "ca.ext"))
    for name, address in (("leaf", "127.0.0.6"), ("other", "127.0.0.9")):
        (d / f"{name}.ext").write_text(f"subjectAltName=IP:{address}\nextendedKeyUsage=serverAuth\n")
        _openssl("req", *ec, "-keyout", str(d / f"{name}.key"), "-out", str(d / f"{name}.csr"), "-subj", f"/CN={address}")
        _openssl("x509", "-req", "-in", str(d / f"{name}.csr"), "-CA", str(d / "mid.pem"), "-CAkey", str(d / "mid.key"),
                 "-CAcreateserial", "-out", str(d / f"{name}.pem"), "-days", "2", "-extfile", str(d / f"{name}.ext"))
    for name in ("leaf", "other"):
        (d / f"{name}-chain.pem").write_text((d / f"{name}.pem").read_text() + (d / "mid.pem").read_text())
    _openssl("req", "-x509", *ec, "-keyout", str(d / "self.key"), "-out", str(d / "self.pem"), "-days", "2",
             "-subj", "/CN=127.0.0.6", "-addext", "subjectAltName=IP:127.0.0.6")
    return d


@pytest.fixture
def trusting_root(monkeypatch: pytest.MonkeyPatch, pki: Path) -> None:
    plain = LinkClient._session

    def session(self: LinkClient):  # type: ignore[no-untyped-def]
        made = plain(self)
        made.verify = str(pki / "root.pem")
        return made

    monkeypatch.setattr(LinkClient, "_session", session)


def _served(pki: Path, certificate: str, key: str) -> Iterator[LoopbackServer]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(pki / certificate, pki / key)
    with LoopbackServer("127.0.0.6", routes={"https:/page": status(200)}, tls=context, lifetime=30) as server:
        server.routes["/page"] = lambda method, nth: status(301, Location=server.url("/page", "https"))
        yield server


def check(url: str) -> list[tuple[str, str, Any]]:
    return link_pass([url], FAST)


CASES = [
    # (certificate served, its key, the finding's code, words of its message)
    ("leaf.pem", "leaf.key", "L009", "does not lead to a trusted authority with the certificates the site sends"),
    ("leaf-chain.pem", "leaf.key", None, ""),  # the full chain: fine
    ("self.pem", "self.key", "L002", "the secure connection failed"),  # a self-signed certificate
    ("other-chain.pem", "other.key", "L002", "the secure connection failed"),  # for another address
]


@pytest.mark.usefixtures("trusting_root")
@pytest.mark.parametrize(("certificate", "key", "code", "words"), CASES, ids=[c[0] for c in CASES])
def test_certificate_chains(pki: Path, certificate: str, key: str, code: str | None, words: str) -> None:
    for server in _served(pki, certificate, key):
        found = check(server.url("/page", "https"))
        assert [c for _, c, _ in found] == ([code] if code else [])
        if code:
            assert words in found[0][2].message
        # Reached through a redirect from http://, the message names where it went.
        found = check(server.url("/page"))
        assert [c for _, c, _ in found if c != "L003"] == ([code] if code else [])
        if code == "L009":
            assert f"(via redirect to {server.url('/page', 'https')})" in found[0][2].message
