"""Offline link rules L004-L008 and the address classification the network guard reuses."""

from __future__ import annotations

import pytest

from conftest import codes_of, front_matter, lint_text
from contentlint.net.addresses import forbidden_host, is_forbidden_address, literal_address

WITH_URL = front_matter()  # url: https://www.cancer.gov/types/breast/radiotherapy
NO_URL = front_matter(url=None)


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        # L004 insecure http://
        (WITH_URL, "[REMS](http://www.pomalystrems.com/)", {"L004"}),
        (WITH_URL, "See http://www.nhs.uk/conditions/ for more.", {"L004"}),
        (WITH_URL, "<http://www.nhs.uk/>", {"L004"}),
        (WITH_URL, "[REMS](https://www.pomalystrems.com/)", set()),
        (WITH_URL, "Visit www.nhs.uk for more.", set()),  # a mention without a scheme
        # A bare address beside plain links (the phrase scan counts the addresses on such a page).
        (WITH_URL, "[A](https://www.nhs.uk/a) then http://www.nhs.uk/b and [B](/c)", {"L004"}),
        (WITH_URL, "[A](https://www.nhs.uk/a) then HTTP://WWW.NHS.UK/B and [B](/c)", {"L004"}),
        (WITH_URL, "[A](http://www.nhs.uk/a) then www.nhs.uk and [B](/c)", {"L004"}),
        (WITH_URL, "[A](https://www.nhs.uk/a) and [B](https://www.nhs.uk/b)", set()),
        (WITH_URL, "`http://example.org` in code", set()),
        (WITH_URL, "```\n[x](http://www.nhs.uk/)\n```", set()),
        # L005 empty, "#", javascript:
        (WITH_URL, "[Get Quote](#)", {"L005"}),
        (WITH_URL, "[Download]()", {"L005"}),
        (WITH_URL, "[Menu](javascript:void(0))", {"L005"}),
        (WITH_URL, '<a href="#">Buy</a>', {"L005"}),
        (WITH_URL, "[Side effects](#side-effects)", set()),  # a jump within the page
        (NO_URL, "## Side effects\n\n[See](#side-effects)", set()),  # nothing to resolve
        (WITH_URL, "[Top](<# >)", {"L005"}),  # "#" and a space: still nowhere
        (WITH_URL, "A hash # and [brackets] alone", set()),
        # L005 a placeholder a writer meant to fill in, with or without a base to resolve against
        (WITH_URL, "[Read more](TBC)", {"L005"}),
        (NO_URL, "[Leaflet](link)", {"L005"}),  # not L006, nor a missing file (L010)
        (WITH_URL, "[Leaflet](URL)", {"L005"}),
        (WITH_URL, "[Leaflet](insert-link-here)", {"L005"}),
        (WITH_URL, "[Leaflet](url-to-leaflet)", {"L005"}),
        (WITH_URL, '<a href="xxxx">Leaflet</a>', {"L005"}),
        (WITH_URL, "[Leaflet](links)", set()),  # a relative path, resolved against the url
        (WITH_URL, "[Leaflet](link.html)", {"L010"}),  # a file of the repository, not a placeholder
        (WITH_URL, "[Leaflet](https://www.nhs.uk/link)", set()),
        # L006 relative link, no base URL
        (NO_URL, "[definition](/Common/PopUps/def.aspx?id=1)", {"L006"}),
        (NO_URL, "![chart](images/chart.png)", {"L010"}),  # a file: checked on disk, not L006
        (NO_URL, "[trials](../research/trials)", {"L006"}),  # no extension, not on disk
        # Front matter that cannot be read may hold the url: M002 says what is wrong, L006 waits.
        (front_matter()[:-4] + "- stray item\n---\n", "[definition](/Common/PopUps/def.aspx?id=1)", set()),
        (front_matter(url="cancer.gov/x"), "[x](/a)", {"L006"}),
        # a `url` with a space or control character (M102) is no base: no link is blamed for it
        (front_matter(url="'https://www.cancer.gov/types/breast radiotherapy'"), "[x](/a)", {"L006"}),
        (front_matter(url='"https://www.cancer.gov/types/breast\\tradiotherapy"'), "![x](/a.png)", {"L006"}),
        (WITH_URL, "[definition](/Common/PopUps/def.aspx?id=1)", set()),  # resolves against url
        (NO_URL, "[top](#top) and [mail](mailto:help@nhs.net)", set()),
        (NO_URL, "[abs](https://www.cancer.gov/a)", set()),
        # L007 malformed or unsupported
        (WITH_URL, "[x](htps://www.nhs.uk/)", {"L007"}),
        (WITH_URL, "[x](ftp://files.cancer.gov/a.pdf)", {"L007"}),
        (WITH_URL, "[x](file:///C:/docs/leaflet.pdf)", {"L007"}),
        (WITH_URL, "[x](https:///no-host)", {"L007"}),
        (WITH_URL, "[x](https://www.nhs.uk:99999/)", {"L007"}),
        (WITH_URL, "[x](http://[::1)", {"L007"}),
        (WITH_URL, "[x](<https://www.nhs.uk/a page>)", {"L007"}),
        (WITH_URL, "[x](www.nhs.uk/conditions)", {"L007"}),
        (WITH_URL, "[x](https//www.nhs.uk/conditions)", {"L007"}),
        (WITH_URL, "[mail](mailto:)", {"L007"}),
        (WITH_URL, "[mail](mailto:help@nhs.net) [call](tel:+448088080000)", set()),
        (WITH_URL, "[text SHOUT](sms:85258) [or](sms:+447700900000?body=SHOUT)", set()),
        (WITH_URL, "[chat](skype:echo123?call) [drive](file:///C:/leaflet.pdf)", {"L007"}),
        (WITH_URL, "[x](https://www.nhs.uk:443/conditions)", set()),
        (WITH_URL, "[x](https://en.wikipedia.org/wiki/Cancer_(disease))", {"S003"}),
        # L007 a file on someone's computer or a network share, as pasted from a document
        (NO_URL, "[leaflet](C:\\Users\\ann\\leaflet.pdf)", {"L007"}),
        (NO_URL, "[leaflet](D:/Leaflets/diet.docx)", {"L007"}),
        (NO_URL, "[leaflet](\\\\fileserver\\onc\\leaflet.pdf)", {"L007"}),  # not a file of the repository
        (NO_URL, '<a href="file://fileserver/onc/leaflet.pdf">leaflet</a>', {"L007"}),
        (NO_URL, "![chart](c/chart.png)", {"L010"}),  # a folder named "c": a file of the repository
        # L008 private, loopback, link-local, metadata
        (WITH_URL, "[meta](http://169.254.169.254/latest/meta-data)", {"L008"}),
        (WITH_URL, "[intranet](https://10.0.0.5/wiki)", {"L008"}),
        (WITH_URL, "<http://localhost:8080/>", {"L008"}),
        (WITH_URL, "[v6](http://[::1]/)", {"L008"}),
        (WITH_URL, "[any](http://0.0.0.0/)", {"L008"}),
        (WITH_URL, "[short](http://127.1/)", {"L008"}),
        (WITH_URL, "[decimal](http://2130706433/)", {"L008"}),
        (WITH_URL, "[printer](http://printer.local/)", {"L008"}),
        (WITH_URL, "[policies](http://intranet/policies)", {"L008"}),
        (WITH_URL, "[wiki](https://wiki.corp/pages/leaflets)", {"L008"}),
        (WITH_URL, "[rota](https://rota.ward4.lan/)", {"L008"}),
        (WITH_URL, "[home](https://www.homecare.org.uk/) [corp](https://corp.example.org/)", set()),
        (WITH_URL, "[public ip](https://8.8.8.8/)", {"S003"}),
        (WITH_URL, "[nip](https://10.0.0.1.nip.io/)", {"S003"}),
        (WITH_URL, "The address 169.254.169.254 in prose is not a link", set()),
    ],
)
def test_offline_link_rules(head: str, body: str, expected: set[str]) -> None:
    found = {c for c in codes_of(head + "\n" + body + "\n") if c[0] in "LS" and c != "S004"}
    assert found == expected


def test_finding_points_at_the_target_and_names_what_to_do() -> None:
    (finding,) = [f for f in lint_text(WITH_URL + "\nSee [REMS](http://www.pomalystrems.com/).\n") if f.code == "L004"]
    assert (finding.line, finding.column) == (12, 12)
    assert finding.message == "insecure link http://www.pomalystrems.com/: use https:// (check that the page opens)"


def test_each_link_gets_one_offline_code() -> None:
    findings = lint_text(WITH_URL + "\n[x](http://localhost/) [y](javascript:alert(1))\n")
    assert sorted(f.code for f in findings if f.code.startswith("L")) == ["L005", "L008"]


@pytest.mark.parametrize(
    ("body", "count", "message"),
    [
        ("[a](/x)", 1, 'relative link "/x" cannot be resolved'),
        ("[a](/x) and [b](/y)\n\n[c](/z)", 1, '3 relative links cannot be resolved (the first is "/x"; others on lines 11, 13)'),
        ("\n\n".join(f"[l{n}](/p{n})" for n in range(8)), 1, "others on lines 13, 15, 17, 19, 21, …)"),
        ("[a](https://www.cancer.gov/a)", 0, ""),
    ],
)
def test_missing_url_gives_one_l006_per_document(body: str, count: int, message: str) -> None:
    """One missing `url` is one fix: the document gets one L006 however many relative links it has."""
    found = [f for f in lint_text(NO_URL + "\n" + body + "\n") if f.code == "L006"]
    assert len(found) == count
    assert all(message in f.message for f in found)


def test_reference_definition_is_checked_once() -> None:
    text = WITH_URL + "\n[a][r] and [b][r]\n\n[r]: http://www.nhs.uk/\n"
    assert [f.line for f in lint_text(text) if f.code == "L004"] == [14]


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("169.254.169.254", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.0.10", "private"),
        ("fc00::1", "private"),
        ("169.254.1.1", "link-local"),
        ("fe80::1", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "carrier-grade"),
        ("224.0.0.251", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),
        ("8.8.8.8", None),
        ("172.32.0.1", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_is_forbidden_address(address: str, reason: str | None) -> None:
    found = is_forbidden_address(address)
    assert (found is None) if reason is None else (found is not None and reason in found)


@pytest.mark.parametrize(
    ("host", "address"),
    [("127.1", "127.0.0.1"), ("2130706433", "127.0.0.1"), ("0x7f.0.0.1", "127.0.0.1"), ("[::1]", "::1"), ("www.nhs.uk", None)],
)
def test_literal_address_reads_the_forms_browsers_accept(host: str, address: str | None) -> None:
    found = literal_address(host)
    assert (str(found) if found else None) == address


def test_forbidden_host_names() -> None:
    assert forbidden_host("localhost") and forbidden_host("db.internal") and forbidden_host("LOCALHOST.")
    assert forbidden_host("www.cancer.gov") is None and forbidden_host("localhost.example.com") is None


# Links that look plain (http or https, a dotted host) take a short way through the offline checks;
# each must get the code and message the full checks give.
PLAIN_LOOKING = [
    "http://www.nhs.uk/conditions/", "HTTP://WWW.NHS.UK/", "http://www.nhs.uk", "http://www.nhs.uk:8080/a?b#c",
    "https://www.nhs.uk/a b", "http://printer.local/", "http://x.internal:80/", "http://metadata.google.internal/",
    "http://a.localhost/", "http://router.home.arpa/", "http://127.0.0.1/", "http://127.1/", "http://0x7f.0.0.1/",
    "http://10.0.0.8/", "http://[::1]/", "http://user@www.nhs.uk/", "http://www..nhs.uk/", "http://www.nhs.uk:99999/",
    "http://www.nhs_uk.co_uk/", "http://www.nhs.uk/%20a", "http://-bad-.example.org/", "https://www.nhs.uk/",
    "http://x.y1/", "http://www.nhs.uk./",
]


@pytest.mark.parametrize("url", PLAIN_LOOKING)
@pytest.mark.parametrize("written", ["[a]({url})", "<{url}>", "See {url} here."])
def test_the_short_way_agrees_with_the_full_checks(url: str, written: str) -> None:
    from contentlint.analysis.link_problems import _problem, offline_problems
    from contentlint.analysis.links import base_url, document_links
    from conftest import make_config
    from contentlint.document.reading import parse_document

    config = make_config()
    document = parse_document((WITH_URL + "\n" + written.format(url=url) + "\n").encode("utf-8"), "doc.md")
    links = document_links(document, config)
    found = offline_problems(document, config)
    for index, link in enumerate(links):
        full = _problem(link, base_url(document, config), document.metadata.get("url"))
        assert found.get(index) == full, (link, found.get(index), full)
    assert links  # the table's links are links


@pytest.mark.parametrize(
    "url",
    [
        "http://www.ncbi.nlm.nih.gov/pubmed/123",
        "HTTP://WWW.Cancer.GOV",
        "http://doi.org?x=1",
        "http://doi.org#top",
        "http://user:pw@doi.org/",  # the host is after the user information
        "http://doi.org:80/a",
        "http://[::1]/",
        "http://doi.org\t/a",
        " http://doi.org/a",
        "http://",
        "mailto:a@doi.org",
        "http://[::1/",  # urlsplit refuses it
    ],
)
def test_the_https_fix_reads_the_host_as_urlsplit_does(url: str) -> None:
    from urllib.parse import urlsplit

    from contentlint.rules.links import _host

    try:
        expected = urlsplit(url).hostname
    except ValueError:
        expected = None
    assert _host(url) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (None, 'relative link "/a" cannot be resolved: the document has no front-matter `url` to resolve it against; '
               "add `url:` or make the link absolute"),
        ("cancer.gov/a", 'relative link "/a" cannot be resolved: the front-matter `url` is not a valid absolute http(s) '
                         "address; correct `url` or make the link absolute"),
        ("'https://www.cancer.gov/a b'", 'relative link "/a" cannot be resolved: the front-matter `url` is not a valid '
                                         "absolute http(s) address; correct `url` or make the link absolute"),
    ],
    ids=["missing", "not-absolute", "with-a-space"],
)
def test_l006_says_whether_url_is_missing_or_wrong(url: str | None, message: str) -> None:
    (finding,) = [f for f in lint_text(front_matter(url=url) + "\n[x](/a)\n") if f.code == "L006"]
    assert finding.message == message


@pytest.mark.parametrize(
    ("link", "where"),
    [
        ("[leaflet](C:\\Users\\ann\\leaflet.pdf)", "a file on someone's computer (drive C:)"),
        ("[leaflet](file:///C:/Users/ann/leaflet.pdf)", "a file on someone's computer"),
        ("[leaflet](file://localhost/Users/ann/leaflet.pdf)", "a file on someone's computer"),
        ("[leaflet](\\\\fileserver\\onc\\leaflet.pdf)", "a file on a network share"),
        ("[leaflet](file://fileserver/onc/leaflet.pdf)", "a file on a network share"),
    ],
)
def test_l007_names_a_file_on_a_computer(link: str, where: str) -> None:
    (finding,) = [f for f in lint_text(NO_URL + "\n" + link + "\n") if f.code.startswith("L")]
    assert finding.code == "L007"
    assert f"points at {where}: readers cannot open it" in finding.message
