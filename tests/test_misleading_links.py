"""L012 (a link that opens another site than it seems to) and L013 (a link through a wrapper or a
shortener), and how S003 and `contentlint links` treat such links."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest

from conftest import front_matter, lint_text, make_config
from contentlint.analysis.redirectors import Wrapped, unwrap

HEAD = front_matter()  # url: https://www.cancer.gov/types/breast/radiotherapy


def _findings(body: str, codes: tuple[str, ...] = ("L012", "L013", "S003")) -> list[tuple[str, int, int, str]]:
    found = lint_text(HEAD + "\n" + body + "\n")
    return [(f.code, f.line, f.column, f.message) for f in found if f.code in codes]


# (code, body, what the one finding's message says)
REPORTED = [
    # A name before "@": the host after it is the one that opens.
    ("L012", "[guide](https://www.cancer.gov@example.net/guide)", "link opens example.net, not www.cancer.gov"),
    ("L012", "<https://www.nhs.uk@93.184.215.14/>", "link opens 93.184.215.14, not www.nhs.uk"),
    ("L012", "[portal](https://editor:s3cret@intranet.example.org/wiki)", 'carries the password of "editor"'),
    ("L012", "[ftp](https://guest@files.example.org/leaflet.pdf)", 'carries the user name "guest"'),
    # Letters of another script that imitate Latin ones.
    ("L012", "[NCI](https://www.\u0441ancer.gov/types)", "only looks like www.cancer.gov"),
    ("L012", "[NCI](https://www.xn--ancer-0ye.gov/types)", "only looks like www.cancer.gov"),
    ("L012", "[expo](https://\u0435\u0445\u0440\u043e.com/)", "only looks like expo.com"),
    ("L012", "[NHS](https://www.nh\u0455.uk/conditions)", "(\u0455 U+0455)"),
    # Link text that is another host's address; a wrapped link compared by what it carries.
    ("L012", "[https://www.cancer.gov/types](https://example.net/types)",
     "link text shows www.cancer.gov but the link opens example.net"),
    ("L012", "[www.nhs.uk/conditions](https://nhs.example.com/conditions)", "link text shows www.nhs.uk"),
    ("L012", "[cancer.gov/types](https://www.cancer.gov.example.com/types)", "link text shows cancer.gov"),
    ("L012", "[nhs.health/advice](https://example.com/advice)", "link text shows nhs.health"),  # a real new suffix
    ("L012", "[https://node.js/docs](https://example.com/docs)", "link text shows node.js"),  # a scheme: an address
    ("L012", "[www.nhs.uk/conditions](https://web.archive.org/web/2020/https://www.nhsinform.scot/)",
     "link text shows www.nhs.uk"),  # an archive of another page
    ("L012", "[https://www.cancer.gov/](https://www.google.com/url?q=https://example.net/&sa=D)",
     "link text shows www.cancer.gov but the link opens www.google.com"),
    ("L013", "[study](https://www.google.com/url?q=https://www.cancer.gov/types&sa=D)",
     "link goes through Google's redirect to https://www.cancer.gov/types"),
    ("L013", "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.nhs.uk%2F&data=05 in text",
     "link goes through Outlook Safe Links to https://www.nhs.uk/"),
    # a tab inside the host, which browsers (and urlsplit) drop
    ("L013", '<a href="https://eur01.\tsafelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.nhs.uk%2F">leaflet</a>',
     "link goes through Outlook Safe Links to https://www.nhs.uk/"),
    ("L013", "[trial](https://bit.ly/3abcDEF)", "the link shortener bit.ly"),
    ("L013", "[trial](https://goo.gl/AbC123)", "the link shortener goo.gl"),  # not a map's link
    ("L013", "[trial](http://www.tinyurl.com/y7abc)", "the link shortener www.tinyurl.com"),
    ("L013", "[v3](https://urldefense.com/v3/__https://www.cancer.gov/a*b__;Jg!!ABC$)",
     "through Proofpoint URL Defense, which hides the page"),
]


@pytest.mark.parametrize(("code", "body", "expected"), REPORTED)
def test_reported(code: str, body: str, expected: str) -> None:
    messages = [message for found, _, _, message in _findings(body) if found == code]
    assert len(messages) == 1 and expected in messages[0], messages


@pytest.mark.parametrize(
    "body",
    [
        "[guide](https://www.cancer.gov/types/breast)",
        "[profile](https://medium.com/@oncology-nurse/post)",  # "@" in the path, not the host
        "[mail](mailto:nci@cancer.gov)",
        "[Stadt](https://www.m\u00fcnchen.de/)",  # Latin with diacritics
        "[\u043f\u0440\u0438\u043c\u0435\u0440](https://\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444/)",  # Cyrillic under a Cyrillic TLD
        "[\u30c6\u30b9\u30c8](https://\u4f8b\u3048.jp/)",  # Han and Hiragana together
        "[https://www.cancer.gov/types](https://www.cancer.gov/types/breast)",
        "[cancer.gov/types](https://www.cancer.gov/types)",  # www. or not: one site
        "[www.nih.gov/health](https://www.ncbi.nlm.nih.gov/books/)",  # a subdomain agrees with its domain
        "[PubMed.gov](https://pubmed.ncbi.nlm.nih.gov/)",  # a site's name, not an address
        "[e.g./i.e.](https://www.cancer.gov/about)",  # no host name in the text
        "[https://www.cancer.gov/types](/types)",  # relative: resolves to the page's own site
        "[https://doi.org/10.1056/NEJMoa1404595](https://www.nejm.org/doi/full/10.1056/NEJMoa1404595)",  # a resolved DOI
        "[bit.ly/3abcDEF](https://www.cancer.gov/types/breast)",  # a short link, expanded
        "[www.nhs.uk/conditions/old](https://web.archive.org/web/2020/https://www.nhs.uk/conditions/old)",  # archived
        "[https://www.cancer.gov/](https://www.google.com/url?q=https://www.cancer.gov/&sa=D)",  # L013's
        "![https://example.net/chart](https://www.cancer.gov/chart.png)",  # an image's alt text
        "`https://www.cancer.gov@example.net/` in code",
        "[meta](http://www.cancer.gov@169.254.169.254/)",  # L008 says what is wrong
        "[Node.js/io.js](https://github.com/nodejs/node)",  # names with dots: no real suffix
        "[config.yaml/settings](https://github.com/example/repo)",
    ],
)
def test_l012_leaves(body: str) -> None:
    assert _findings(body, ("L012",)) == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.google.com/url?q=https://www.cancer.gov/types&sa=D&source=editors",
         Wrapped("Google's redirect", "https://www.cancer.gov/types")),
        ("https://www.google.co.uk/url?sa=t&url=https%3A%2F%2Fwww.nhs.uk%2Fconditions%2F&usg=x",
         Wrapped("Google's redirect", "https://www.nhs.uk/conditions/")),
        ("https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.cancer.gov%2F&data=05%7C01",
         Wrapped("Outlook Safe Links", "https://www.cancer.gov/")),
        ("https://urldefense.proofpoint.com/v2/url?u=https-3A__www.cancer.gov_types_breast-3Fa-3D1&d=x",
         Wrapped("Proofpoint URL Defense", "https://www.cancer.gov/types/breast?a=1")),
        ("https://urldefense.proofpoint.com/v1/url?u=https%3A%2F%2Fwww.cancer.gov%2F&k=x",
         Wrapped("Proofpoint URL Defense", "https://www.cancer.gov/")),
        ("https://urldefense.com/v3/__https://www.cancer.gov/types?a=1__;!!ABC!xyz$",
         Wrapped("Proofpoint URL Defense", "https://www.cancer.gov/types?a=1")),
        ("https://urldefense.com/v3/__https://www.cancer.gov/a*b__;Jg!!ABC$", Wrapped("Proofpoint URL Defense", "")),
        ("https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.nhs.uk%2F&h=AT0",
         Wrapped("Facebook's link shim", "https://www.nhs.uk/")),
        ("https://www.youtube.com/redirect?q=https%3A%2F%2Fwww.cancer.gov%2F&v=abc",
         Wrapped("YouTube's redirect", "https://www.cancer.gov/")),
        ("https://www.google.com/url?q=javascript:alert(1)", Wrapped("Google's redirect", "")),
        ("https://www.google.com/search?q=https://www.cancer.gov/", None),  # a search, not a redirect
        ("https://www.youtube.com/watch?v=abc", None),
        ("https://www.cancer.gov/types?url=https://www.nhs.uk/", None),
        ("https://[::1/url?q=x", None),
    ],
)
def test_unwrap(url: str, expected: Wrapped | None) -> None:
    assert unwrap(url) == expected


@pytest.mark.parametrize(
    "body",
    [
        "[search](https://www.google.com/search?q=breast+cancer)",
        "[video](https://www.youtube.com/watch?v=abc)",
        "[ref](https://www.cancer.gov/types?url=https://www.nhs.uk/)",
        "[bitly blog](https://bitly.example.org/about)",
        "`https://bit.ly/3abcDEF` in code",
        "[short][s]\n\n[s]: https://bit.ly/3abcDEF",  # reported once, at its definition
        "[Map](https://goo.gl/maps/AbC123xyz)",  # Google Maps' own short link to a place
        "[Map](https://maps.app.goo.gl/AbC123xyz)",
    ],
)
def test_l013_leaves(body: str) -> None:
    found = [(code, column) for code, _, column, _ in _findings(body, ("L013",))]
    assert found == ([("L013", 6)] if body.startswith("[short]") else [])


def test_extend_shorteners_option() -> None:
    config = make_config()
    config.sections["links"] = {"extend-shorteners": ["Go.Example.org"]}
    found = lint_text(HEAD + "\n[x](https://go.example.org/abc)\n", config)
    assert [f.code for f in found if f.code == "L013"] == ["L013"]


def test_s003_judges_a_wrapped_link_by_its_address_and_leaves_shorteners_to_l013() -> None:
    body = ("[a](https://www.google.com/url?q=https://www.cancer.gov/types&sa=D) "
            "[b](https://www.google.com/url?q=https://en.wikipedia.org/wiki/Cancer&sa=D) "
            "[c](https://tinyurl.com/y7abc)")
    s003 = [message for code, _, _, message in _findings(body, ("S003",))]
    assert len(s003) == 1 and "wikipedia.org" in s003[0]


def test_l013_fix(tmp_path: Path, run_cli: Callable) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        HEAD + "\n"
        "[study](https://www.google.com/url?q=https://www.cancer.gov/types&sa=D)\n\n"
        "[https://www.google.com/url?q=https://www.nhs.uk/&sa=D](https://www.google.com/url?q=https://www.nhs.uk/&sa=D)\n\n"
        '<a href="https://www.google.com/url?q=https://www.cancer.gov/t?a%3D1%26b%3D2&amp;sa=D">html</a>\n\n'
        "Bare https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.nhs.uk%2Fconditions%2F&h=AT0 in text.\n\n"
        "Ends in a dot: https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.nhs.uk%2Fa.&h=AT0 here.\n\n"
        "[wiki](https://www.google.com/url?q=https://en.wikipedia.org/wiki/Cancer_(disease)&sa=D)\n\n"
        "[space](https://www.google.com/url?q=https://www.nhs.uk/a%20b&sa=D)\n\n"
        "[ref]: https://www.google.com/url?sa=t&url=https%3A%2F%2Fmedlineplus.gov%2Fcancer.html\n\n"
        "[trial](https://bit.ly/3abcDEF)\n",
        encoding="utf-8",
    )
    result = run_cli("check", str(page), "--select", "L012,L013", "--fix", "--today", "2026-11-22")
    body = page.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert body == (
        "\n[study](https://www.cancer.gov/types)\n\n"
        "[https://www.nhs.uk/](https://www.nhs.uk/)\n\n"
        '<a href="https://www.cancer.gov/t?a=1&amp;b=2">html</a>\n\n'
        "Bare https://www.nhs.uk/conditions/ in text.\n\n"
        "Ends in a dot: https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.nhs.uk%2Fa.&h=AT0 here.\n\n"
        "[wiki](https://en.wikipedia.org/wiki/Cancer_(disease))\n\n"
        "[space](https://www.google.com/url?q=https://www.nhs.uk/a%20b&sa=D)\n\n"
        "[ref]: https://medlineplus.gov/cancer.html\n\n"
        "[trial](https://bit.ly/3abcDEF)\n"
    )
    assert result.code == 0  # the three left are warnings
    assert result.out.count("L013") == 3


def test_links_by_host_names_shorteners_and_wrappers(tmp_path: Path, run_cli: Callable) -> None:
    (tmp_path / "page.md").write_text(
        HEAD + "\n[a](https://bit.ly/x) [b](https://www.nhs.uk/) [c](https://111.nh\u0455.uk/) "
        "[d](https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.nhs.uk%2F) "
        "[e](https://www.google.com/url?q=https://www.nhs.uk/)\n", encoding="utf-8")
    result = run_cli("links", str(tmp_path), "--by", "host", "--format", "json")
    standing = {row["host"]: row["authority"] for row in json.loads(result.out)}
    assert standing["bit.ly"] == "link shortener"
    assert standing["eur01.safelinks.protection.outlook.com"] == "link wrapper"
    assert standing["www.google.com"] == "commercial, not listed"  # search as well as a redirect
    assert standing["www.nhs.uk"] == "government"
    text = run_cli("links", str(tmp_path), "--by", "host").out
    assert "111.nh\u0455.uk (111.xn--nh-foc.uk)" in text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("[leaflet](https://nhsengland.sharepoint.com/sites/Cancer/leaflet.docx)",
         "links to sharepoint.com, an organisation's workspace"),
        ("[notes](https://docs.google.com/document/d/1AbC/edit)", "links to google.com, an organisation's workspace"),
        ("[chat](https://teams.microsoft.com/l/channel/19%3a)", "links to microsoft.com, an organisation's workspace"),
        ("[search](https://www.google.com/search?q=x)", "links to google.com, a commercial site"),
        ("[page](https://en.wikipedia.org/wiki/Cancer)", "links to wikipedia.org, a site where anyone can publish"),
    ],
)
def test_s003_says_what_kind_of_site_it_saw(body: str, expected: str) -> None:
    messages = [message for code, _, _, message in _findings(body, ("S003",))]
    assert len(messages) == 1 and messages[0].startswith(expected), messages
