"""Q009: duplicate documents across the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import front_matter, make_config
from contentlint.engine.linter import Linter
from contentlint.rules.duplicates import _single_spaced, normalise_title, normalise_url

URL = "https://www.cancer.gov/types/breast/radiotherapy"


def lint_corpus(tmp_path: Path, documents: list[str], jobs: int = 1) -> list[tuple[str, int, str, str]]:
    paths = []
    for index, text in enumerate(documents):
        path = tmp_path / f"doc{index:03d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append((path, path.name))
    result = Linter(make_config(select=["Q009"])).run(paths, jobs=jobs)
    return [(f.path, f.line, f.code, f.message) for f in result.findings]


def doc(**fields: object) -> str:
    return front_matter(**fields) + "\n# Heading\n\nSome text.\n"


@pytest.mark.parametrize(
    ("second", "expected_line"),
    [
        pytest.param(doc(), 3, id="same-url-exactly"),
        pytest.param(doc(url=URL + "/"), 3, id="trailing-slash"),
        pytest.param(doc(url=URL + "#side-effects"), 3, id="fragment"),
        pytest.param(doc(url="HTTPS://WWW.Cancer.GOV/types/breast/radiotherapy"), 3, id="scheme-and-host-case"),
        pytest.param(doc(url="https://www.cancer.gov:443/types/breast/radiotherapy"), 3, id="default-port"),
    ],
)
def test_duplicates_are_reported_on_the_later_file(tmp_path: Path, second: str, expected_line: int) -> None:
    findings = lint_corpus(tmp_path, [doc(), second])
    assert len(findings) == 1
    path, line, code, message = findings[0]
    assert (path, line, code) == ("doc001.md", expected_line, "Q009")
    assert "doc000.md" in message


@pytest.mark.parametrize(
    "second",
    [
        pytest.param(doc(url=URL + "/more"), id="different-path"),
        pytest.param(doc(url=URL + "?page=2"), id="different-query"),
        pytest.param(doc(url="http://www.cancer.gov/types/breast/radiotherapy", title="Other"), id="http-vs-https"),
        pytest.param(doc(url="https://example.org/other"), id="same-title-same-source"),
        pytest.param(doc(url="https://example.org/other", source="nci"), id="same-source-other-case"),
        pytest.param(doc(url="https://example.org/other", source=None), id="title-match-without-source"),
        # Issue 14: a shared title alone is two publishers' own pages (a drug name), not a duplicate.
        pytest.param(doc(url="https://example.org/other", source="ACS"), id="same-title-other-source"),
        pytest.param(doc(url="https://example.org/other", source="ACS", title="Radiotherapy for bowel cancer"),
                     id="near-title"),
        pytest.param("# Radiotherapy for breast cancer\n\nNo front matter.\n", id="no-front-matter"),
        pytest.param(doc(url="not a url", title="Other"), id="invalid-url"),
    ],
)
def test_not_duplicates(tmp_path: Path, second: str) -> None:
    assert lint_corpus(tmp_path, [doc(), second]) == []


def test_url_duplicate_is_reported_once_not_also_as_title(tmp_path: Path) -> None:
    findings = lint_corpus(tmp_path, [doc(), doc(source="ACS")])
    assert [f[2] for f in findings] == ["Q009"]
    assert "same url" in findings[0][3]


def test_each_later_copy_names_the_first(tmp_path: Path) -> None:
    findings = lint_corpus(tmp_path, [doc(), doc(), doc()])
    assert [(f[0], "doc000.md" in f[3]) for f in findings] == [("doc001.md", True), ("doc002.md", True)]


def test_suppressed_in_the_later_file(tmp_path: Path) -> None:
    suppressed = doc() + "<!-- contentlint-disable-file Q009 -->\n"
    assert lint_corpus(tmp_path, [doc(), suppressed]) == []


def test_same_findings_in_parallel(tmp_path: Path) -> None:
    documents = [doc(url=f"https://www.cancer.gov/page/{i % 40}", title=f"Page {i % 45}", source=f"S{i % 3}")
                 for i in range(120)]
    serial = lint_corpus(tmp_path, documents, jobs=1)
    assert serial
    assert lint_corpus(tmp_path, documents, jobs=2) == serial


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("https://www.cancer.gov/a/", "https://www.cancer.gov/a"),
        ("HTTP://Example.ORG:80/A?b=1#c", "http://example.org/A?b=1"),
        ("https://example.org:8443/", "https://example.org:8443"),
        ("https://user@example.org/x", "https://user@example.org/x"),
        ("https://[::1/x", ""),
        ("https://example.org:notaport/x", ""),
        ("/relative/path", ""),
        ("", ""),
        (None, ""),
        (42, ""),
    ],
)
def test_normalise_url(written: object, normal: str) -> None:
    assert normalise_url(written) == normal


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["https://", "http://", "HTTPS://", ""]),
       st.lists(st.sampled_from(["www", ".", "nhs", "uk", "-", ":443", ":8080", "@", "/", "a", "B", "?", "q=1", "#",
                                 "frag", " ", "%20", "..", "[", "\t", "é"]), max_size=10))
def test_normalise_url_shortcut_agrees_with_parsing(scheme: str, parts: list[str]) -> None:
    from contentlint.rules.duplicates import _normalise_parsed

    written = scheme + "".join(parts)
    if written.strip():
        assert normalise_url(written) == _normalise_parsed(written)


@pytest.mark.parametrize(
    ("title", "source", "normal"),
    [
        ("Pomalidomide - NCI", "NCI", "pomalidomide"),
        ("Pomalidomide | nci", "NCI", "pomalidomide"),
        ("Pomalidomide - NCI", "ACS", "pomalidomide - nci"),
        ("Blood cancer: after treatment", "NHS", "blood cancer: after treatment"),
        ("NCI", "NCI", "nci"),
        ("  Two   spaces. ", "", "two spaces"),
        (None, "NCI", ""),
    ],
)
def test_normalise_title(title: object, source: str, normal: str) -> None:
    assert normalise_title(title, source) == normal


# Issue 14: the same page saved under its old and its new address is found by its text.
LEAFLET = [
    "Lenalidomide is a capsule you take by mouth once a day for three weeks, then you have a week off.",
    "Take the capsules at about the same time each day, with or without food, and swallow them whole.",
    "Tell your care team straight away if you get a fever, chills, bruising or bleeding you cannot explain.",
    "Women who could become pregnant must use contraception and have regular pregnancy tests while taking it.",
    "Keep the capsules in their packet, out of the sight and reach of children, and return any you do not use.",
]


def page(title: str, url: str, source: str, paragraphs: list[str]) -> str:
    return front_matter(title=title, url=url, source=source) + "\n# " + title + "\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.mark.parametrize(
    ("second", "found"),
    [
        pytest.param(page("Lenalidomide", "https://www.example.nhs.uk/medicines/lenalidomide-capsules", "NCI", LEAFLET),
                     True, id="old-and-new-url"),
        pytest.param(page("Lenalidomide", "https://www.example.nhs.uk/leaflets/1234", "NCI", LEAFLET[:4] + ["A new line."]),
                     True, id="old-and-new-url-one-paragraph-edited"),
        pytest.param(page("Lenalidomide", "https://www.macmillan.org.uk/drugs/lenalidomide", "Macmillan",
                          [p.replace("capsule", "tablet").replace("care team", "hospital") for p in LEAFLET]),
                     False, id="two-publishers-one-drug-name"),
        pytest.param(page("Lenalidomide (Revlimid)", "https://www.example.nhs.uk/leaflets/1234", "NCI", LEAFLET),
                     False, id="same-text-other-title"),
    ],
)
def test_same_title_is_a_duplicate_only_with_the_same_text(tmp_path: Path, second: str, found: bool) -> None:
    first = page("Lenalidomide", "https://www.example.nhs.uk/medicines/lenalidomide", "NCI", LEAFLET)
    findings = lint_corpus(tmp_path, [first, second])
    assert len(findings) == int(found)
    if found:
        assert "same title and text as doc000.md" in findings[0][3] and "under another url" in findings[0][3]


def test_publisher_boilerplate_does_not_make_pages_the_same(tmp_path: Path) -> None:
    own = [f"This is paragraph {n} of the page about one medicine, in words of its own, long enough to count." for n in range(7)]
    documents = [page("Side effects", f"https://www.example.org/drug/{n}", "NCI", LEAFLET + [own[n]]) for n in range(7)]
    assert lint_corpus(tmp_path, documents) == []



@pytest.mark.parametrize(
    "paragraph",
    [
        "",
        "one line of text",
        "a line\nwrapped once\nand twice",
        "two  spaces",
        " leading space",
        "trailing space ",
        "a line ending in a space \nthen the next",
        "tab\there",
        "carriage\r\nreturn",
        "file\x1cseparator",
        "no-break\xa0space and café",
        "ideographic\u3000space",
        "thin\u2009space, em\u2003space",
        "line\u2028separator",
        "non-ASCII without spaces: café, naïve\nwrapped",
        "a lone \ud800 surrogate",
    ],
)
def test_single_spacing_is_split_and_join(paragraph: str) -> None:
    assert _single_spaced(paragraph) == " ".join(paragraph.split())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "é", " ", "\n", "\t", "\xa0", "\u2003", "\x1f", "\ud800"]), max_size=30))
def test_single_spacing_agrees_with_split_and_join(paragraph: str) -> None:
    assert _single_spaced(paragraph) == " ".join(paragraph.split())
