"""`contentlint links`: every link where it is written, and counts by address and by host."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import front_matter, make_config
from contentlint.document.reading import parse_document
from contentlint.engine.link_inventory import FILE, CitedLink, document_inventory
from contentlint.report.link_inventory import AddressRow, HostRow, HostStanding, by_host, by_url

WITH_URL = front_matter()  # url: https://www.cancer.gov/types/breast/radiotherapy
NO_URL = front_matter(url=None)
FIRST = WITH_URL.count("\n") + 2  # the body's first line, after a blank one


def listed(head: str, body: str, path: str = "doc.md") -> list[tuple[str, str, str, str]]:
    document = parse_document((head + "\n" + body + "\n").encode(), path)
    return [(link.kind, link.url, link.host, link.problem) for link in document_inventory(document, make_config())]


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        (WITH_URL, "[NHS](https://www.nhs.uk/conditions/)", [("inline", "https://www.nhs.uk/conditions/", "www.nhs.uk", "")]),
        (WITH_URL, "[def](/Common/def.aspx?id=1)",
         [("inline", "https://www.cancer.gov/Common/def.aspx?id=1", "www.cancer.gov", "")]),
        (NO_URL, "[def](/Common/def.aspx?id=1)", [("inline", "/Common/def.aspx?id=1", "", "L006")]),
        (WITH_URL, "[REMS](http://www.example-rems.com/)", [("inline", "http://www.example-rems.com/", "www.example-rems.com", "L004")]),
        (WITH_URL, "[Buy](#)", [("inline", "#", "", "L005")]),  # not the page's own address
        (WITH_URL, "[Doses](#doses)", [("inline", "#doses", "", "")]),
        (WITH_URL, "[x](www.nhs.uk/conditions)", [("inline", "www.nhs.uk/conditions", "", "L007")]),
        (WITH_URL, "[leaflet][1]\n\n[1]: https://www.nhs.uk/a", [("definition", "https://www.nhs.uk/a", "www.nhs.uk", "")]),
        (WITH_URL, "<https://www.who.int/a>", [("autolink", "https://www.who.int/a", "www.who.int", "")]),
        (WITH_URL, "Visit www.nhs.uk/b today.", [("bare", "http://www.nhs.uk/b", "www.nhs.uk", "")]),
        (WITH_URL, '<a href="https://www.selleckchem.com/p">shop</a>',
         [("html", "https://www.selleckchem.com/p", "www.selleckchem.com", "")]),
        (WITH_URL, "![chart](https://nci-media.cancer.gov/a.jpg)", [("image", "https://nci-media.cancer.gov/a.jpg", "nci-media.cancer.gov", "")]),
        (WITH_URL, "[mail](mailto:help@nhs.net)", [("inline", "mailto:help@nhs.net", "", "")]),
        (NO_URL, "[diary](diary/chemo-diary.pdf)", [("inline", "diary/chemo-diary.pdf", "", FILE)]),
        (WITH_URL, "`[x](https://www.nhs.uk/)` and\n\n    [y](https://www.nhs.uk/)", []),  # code is no link
        (WITH_URL, "[A](https://WWW.NHS.UK./a)", [("inline", "https://WWW.NHS.UK./a", "www.nhs.uk", "")]),
    ],
    ids=["absolute", "relative-resolved", "relative-no-base", "insecure", "placeholder", "jump", "missing-scheme",
         "reference", "autolink", "bare", "html", "image", "mailto", "file", "code", "host-case-and-dot"],
)
def test_each_link_where_it_leads(head: str, body: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert listed(head, body) == expected


def test_a_link_keeps_its_place_and_the_target_as_written() -> None:
    document = parse_document((WITH_URL + "\nSee the [leaflet](/leaflet) now.\n").encode(), "docs/a.md")
    assert document_inventory(document, make_config()) == [
        CitedLink("docs/a.md", FIRST, 19, "inline", "/leaflet", "https://www.cancer.gov/leaflet", "www.cancer.gov", "")
    ]


def _link(path: str, url: str, host: str = "", target: str | None = None, line: int = 1) -> CitedLink:
    return CitedLink(path, line, 1, "inline", url if target is None else target, url, host, "")


def test_by_url_counts_links_and_documents_most_cited_first() -> None:
    links = [
        _link("a.md", "https://www.nhs.uk/b", "www.nhs.uk", line=3),
        _link("a.md", "https://www.nhs.uk/a", "www.nhs.uk", line=4),
        _link("b.md", "https://www.nhs.uk/a", "www.nhs.uk", line=9),
        _link("b.md", "https://www.nhs.uk/a", "www.nhs.uk", line=12),
        _link("b.md", "#doses"),  # a jump within the page is no address
    ]
    assert by_url(links) == [
        AddressRow("https://www.nhs.uk/a", 3, 2, "a.md:4:1"),
        AddressRow("https://www.nhs.uk/b", 1, 1, "a.md:3:1"),
    ]


def test_by_host_gives_each_host_its_standing() -> None:
    links = [
        _link("a.md", "https://www.cancer.gov/a", "www.cancer.gov"),
        _link("b.md", "https://www.cancer.gov/b", "www.cancer.gov"),
        _link("a.md", "https://www.selleckchem.com/p", "www.selleckchem.com"),
        _link("a.md", "https://blog.example.org/p", "blog.example.org"),
        _link("a.md", "https://shop.example.com/p", "shop.example.com"),
        _link("a.md", "https://en.wikipedia.org/wiki/Aspirin", "en.wikipedia.org"),
        _link("a.md", "http://203.0.113.9/p", "203.0.113.9"),
        _link("a.md", "mailto:help@nhs.net"),  # no host
    ]
    # What S003 makes of a host off the list: the same words as its messages.
    assert by_host(links, HostStanding.of(make_config())) == [
        HostRow("www.cancer.gov", 2, 2, "government"),
        HostRow("203.0.113.9", 1, 1, "IP address"),
        HostRow("blog.example.org", 1, 1, "not listed"),
        HostRow("en.wikipedia.org", 1, 1, "open platform"),
        HostRow("shop.example.com", 1, 1, "commercial, not listed"),
        HostRow("www.selleckchem.com", 1, 1, "vendor"),
    ]


@pytest.fixture
def pages(corpus) -> Path:
    return corpus({
        "a.md": WITH_URL + "\n[NHS](https://www.nhs.uk/a) and [def](/def) and [REMS](http://rems.example.com/)\n",
        "b.md": WITH_URL + "\n[NHS](https://www.nhs.uk/a), [shop](https://www.selleckchem.com/p)\n",
        "bad.md": b"\xff\xfe\x00\x01binary",
    })


def test_cli_lists_every_link_in_text(run_cli, pages: Path) -> None:
    result = run_cli("links", str(pages), cwd=pages)
    assert result.code == 0
    assert result.out.splitlines() == [
        f"a.md:{FIRST}:7: https://www.nhs.uk/a",
        f"a.md:{FIRST}:39: https://www.cancer.gov/def (written /def)",
        f"a.md:{FIRST}:56: http://rems.example.com/  [L004]",
        f"b.md:{FIRST}:7: https://www.nhs.uk/a",
        f"b.md:{FIRST}:37: https://www.selleckchem.com/p",
    ]
    assert result.err == (
        "contentlint: 5 links in 2 documents, to 4 hosts; 1 file was not read "
        "(the first: bad.md; `contentlint check` says why)\n"
    )


def test_cli_by_host_as_json(run_cli, pages: Path) -> None:
    result = run_cli("links", ".", "--by", "host", "--format", "json", "-q", cwd=pages)
    assert result.code == 0 and result.err == ""
    assert json.loads(result.out) == [
        {"host": "www.nhs.uk", "links": 2, "documents": 2, "authority": "government"},
        {"host": "rems.example.com", "links": 1, "documents": 1, "authority": "commercial, not listed"},
        {"host": "www.cancer.gov", "links": 1, "documents": 1, "authority": "government"},
        {"host": "www.selleckchem.com", "links": 1, "documents": 1, "authority": "vendor"},
    ]


def test_cli_by_url_as_csv_to_a_file(run_cli, pages: Path) -> None:
    result = run_cli("links", ".", "--by", "url", "--format", "csv", "-o", "urls.csv", "-q", cwd=pages)
    assert result.code == 0 and result.out == ""
    rows = list(csv.reader(io.StringIO((pages / "urls.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["url", "links", "documents", "first"]
    assert rows[1] == ["https://www.nhs.uk/a", "2", "2", f"a.md:{FIRST}:7"]
    assert len(rows) == 5


def test_cli_every_link_as_csv_has_every_field(run_cli, pages: Path) -> None:
    result = run_cli("links", "a.md", "--format", "csv", "-q", cwd=pages)
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert rows[2] == {"path": "a.md", "line": str(FIRST), "column": "56", "kind": "inline",
                       "target": "http://rems.example.com/", "url": "http://rems.example.com/",
                       "host": "rems.example.com", "problem": "L004"}


def test_cli_text_shows_control_characters_escaped(run_cli, corpus) -> None:
    folder = corpus({"a.md": WITH_URL + '\n<a href="https://www.nhs.uk/a\x1b[31m">x</a>\n'})
    result = run_cli("links", "a.md", "-q", cwd=folder)
    assert "\x1b" not in result.out
    assert "https://www.nhs.uk/a\\x1b[31m" in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["links", "missing-folder"], "contentlint: error: no such file or directory: missing-folder\n"),
        (["links", ".", "--by", "page"], "argument --by: invalid choice: 'page'"),
        (["links", ".", "--format", "sarif"], "argument --format: invalid choice: 'sarif'"),
    ],
)
def test_cli_usage_errors(run_cli, pages: Path, args: list[str], message: str) -> None:
    result = run_cli(*args, cwd=pages)
    assert result.code == 2
    assert message in result.err
    assert result.out == ""
