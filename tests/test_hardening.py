"""Bad input never raises out of the linter or hangs: each case gets a clear finding and the run goes on."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CLEAN_FRONT_MATTER, PROSE, TODAY, lint_text, make_config
from contentlint.model.settings import Config
from contentlint.analysis.links import document_links
from contentlint.engine.discovery import discover
from contentlint.document.reading import parse_document, read_document
from contentlint.engine.linter import Linter

BODY = PROSE.encode()
BILLION_LAUGHS = (
    "---\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8))
    + "---\nBody.\n"
)


def findings_for(text: str | bytes) -> list[tuple[int, str, str]]:
    findings = lint_text(text)
    assert not any(f.code == "E999" for f in findings), [f.message for f in findings if f.code == "E999"]
    return [(f.line, f.code, f.message) for f in findings]


def first(findings: list[tuple[int, str, str]], code: str) -> tuple[int, str, str]:
    matches = [f for f in findings if f[1] == code]
    assert matches, f"no {code} in {findings}"
    return matches[0]


@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        pytest.param(BILLION_LAUGHS, "M002", "alias", id="billion-laughs"),
        pytest.param("---\na: &a [*a]\n---\n", "M002", "nested", id="recursive-alias"),
        pytest.param("---\nx: " + "[" * 50_000 + "]" * 50_000 + "\n---\n", "M002", "nested", id="deep-flow-list"),
        pytest.param("---\nx: " + "[" * 120_000 + "\n---\n", "M002", "never closed", id="unclosed-brackets"),
        pytest.param("---\nx: " + "{a: " * 20_000 + "1" + "}" * 20_000 + "\n---\n", "M002", "nested", id="deep-flow-map"),
        pytest.param("---\n" + "- " * 100_000 + "x\n---\n", "M002", "nested", id="deep-compact-list"),
        pytest.param("---\n" + "".join(" " * i + "a:\n" for i in range(700)) + "---\n", "M002", "nested",
                     id="deep-indentation"),
        pytest.param("---\nx: [" + "a, " * 30_000 + "]\n---\n", "M002", "values", id="huge-list"),
        pytest.param("---\ntitle: x\n" + "k: " + "v" * 300_000 + "\n---\n", "M002", "limit", id="front-matter-too-big"),
        pytest.param("---\ntitle: [unclosed\n---\n", "M002", "not valid YAML", id="broken-yaml"),
        pytest.param("---\n\ttitle: x\n---\n", "M002", "not valid YAML", id="tab-indent"),
        pytest.param("---\ntitle: x\n", "M002", "never closed", id="never-closed"),
        pytest.param("---\nx: !!python/object:os.system echo\n---\n", "M002", "not valid YAML", id="python-tag"),
        pytest.param("---\n[1, 2]: x\n---\n", "M002", "not valid YAML", id="unhashable-key"),
        pytest.param('---\ntitle: "\x07"\n---\n', "M002", "not valid YAML", id="control-character"),
        pytest.param(CLEAN_FRONT_MATTER.replace("status:", "version: " + "9" * 5000 + "\nstatus:"), "M002",
                     "number too long", id="integer-over-4300-digits"),
        pytest.param("---\ntags: [a, -" + "1" * 4301 + "]\n---\n", "M002", "number too long", id="long-integer-in-a-list"),
        pytest.param("---\na: &a " + "1" * 4400 + "\nb: *a\n---\n", "M002", "number too long", id="long-integer-alias"),
        pytest.param("---\n- a\n- b\n---\n", "M003", "not a mapping", id="list-front-matter"),
        pytest.param("---\ntitle: a\ntitle: b\n---\n", "M003", "repeated", id="repeated-key"),
        pytest.param(CLEAN_FRONT_MATTER.replace("status:", "lastreviewed: '2026-01-01'\nstatus:"), "M103",
                     "did you mean `lastReviewed`", id="unknown-field"),
        pytest.param("", "M001", "empty file", id="empty"),
        pytest.param(" \n\n\t\n", "M001", "empty file", id="whitespace-only"),
        pytest.param(b"\x00\x01\x02binary", "E001", "binary", id="binary"),
        pytest.param("Reviewed: 1 May 2020".encode("utf-16"), "E001", "UTF-16", id="utf-16-with-bom"),
        pytest.param("Reviewed: 1 May 2020".encode("utf-16-le"), "E001", "UTF-16", id="utf-16-without-bom"),
        pytest.param("Reviewed: 1 May 2020".encode("utf-32"), "E001", "UTF-32", id="utf-32"),
        pytest.param("Caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9".encode("latin-1"), "E001", "not UTF-8", id="latin-1"),
        pytest.param(b"text \xff\xfd", "E001", "not UTF-8", id="invalid-utf-8"),
    ],
)
def test_bad_input_gets_a_clear_finding(text: str | bytes, code: str, words: str) -> None:
    line, _, message = first(findings_for(text), code)
    assert words in message
    data = text if isinstance(text, bytes) else text.encode()
    assert line <= data.count(b"\n") + 1  # a line of the file


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\xef\xbb\xbf" + CLEAN_FRONT_MATTER.encode() + BODY + b"\n", id="bom"),
        pytest.param(CLEAN_FRONT_MATTER.replace("\n", "\r\n").encode() + BODY + b"\r\n", id="crlf"),
        pytest.param(CLEAN_FRONT_MATTER.replace("\n", "\r").encode() + BODY + b"\r", id="cr-only"),
        pytest.param(CLEAN_FRONT_MATTER.encode() + BODY, id="no-trailing-newline"),
    ],
)
def test_harmless_variants_of_a_clean_document_are_clean(data: bytes) -> None:
    assert findings_for(data) == []


def test_line_numbers_hold_without_a_trailing_newline() -> None:
    text = CLEAN_FRONT_MATTER + "\n# Title\n\nPage last reviewed: 12 March 2024"
    line, _, message = first(findings_for(text), "F005")
    assert line == 14
    assert "12 March 2024" in message


@pytest.mark.parametrize(
    "line",
    ["-" * 100_000, "| - " * 20_000, "> " * 50_000 + "Reviewed", "Reviewed: " + "-" * 100_000, "*_" * 50_000],
    ids=["dashes", "table-rule", "deep-quote", "label-then-dashes", "emphasis"],
)
def test_long_lines_of_markers_do_not_backtrack(line: str) -> None:
    findings_for(CLEAN_FRONT_MATTER + line + "\n")


@pytest.mark.parametrize(
    "body",
    [
        "<https://www.cancer.gov/a>" * 10_000,
        "".join(f"See <https://www.cancer.gov/p/{i}> and `code`.\n" for i in range(10_000)),
        "<a href='https://www.cancer.gov/x'>" * 10_000,
        "`x` https://www.cancer.gov/a " * 10_000,
        "".join(f"[page {i}](/p/{i}) <b>b</b> https://www.cancer.gov/{i} `c`\n" for i in range(5_000)),
        "".join(f"[r{i}]: https://www.cancer.gov/{i}\n" for i in range(10_000)) + "[r1]\n",
        "[" * 20_000,
        "![" * 5_000 + "](x)" * 5_000,
        "".join("  " * i + f"- [x](https://www.cancer.gov/{i})\n" for i in range(1_000)),
    ],
    ids=["autolinks-one-line", "autolink-per-line", "html-anchors", "code-and-bare-urls", "mixed-per-line",
         "reference-definitions", "open-brackets", "nested-images", "deep-list"],
)
def test_many_links_stay_linear(body: str) -> None:
    text = CLEAN_FRONT_MATTER + body
    document = parse_document(text.encode(), "links.md")
    assert isinstance(document_links(document, Config()), list)
    findings_for(text)


def test_many_label_lines() -> None:
    findings_for("Reviewed:\n" * 20_000)


def test_100000_line_file(tmp_path: Path) -> None:
    path = tmp_path / "long.md"
    lines = "".join(f"- item {i}: see [page {i}](https://www.cancer.gov/p/{i})\n" for i in range(100_000))
    path.write_text(CLEAN_FRONT_MATTER + lines + "Page last reviewed: 1 October 2026\n", "utf-8")
    result = Linter(make_config()).run([(path, "long.md")])
    assert [f.code for f in result.findings] == []


def test_20_mb_file(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    paragraph = "Part {}: radiotherapy uses high-energy rays to treat cancer; it is planned for each person.\n\n"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(CLEAN_FRONT_MATTER)
        handle.writelines(paragraph.format(i) for i in range(20 * 1024 * 1024 // len(paragraph)))
        handle.write("Page last reviewed: 1 October 2026\n")
    assert path.stat().st_size > 20 * 1024 * 1024
    result = Linter(make_config()).run([(path, "big.md")])
    assert result.findings == []


def test_many_repeated_paragraphs_stay_linear() -> None:
    paragraph = "Radiotherapy uses high-energy rays to treat cancer. It is planned carefully for each person.\n\n"
    findings = findings_for(CLEAN_FRONT_MATTER + paragraph * 20_000)
    assert sum(1 for f in findings if f[1] == "Q004") == 19_999


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    path.write_bytes(b"x" * (1024 * 1024 + 1))
    result = Linter(make_config(max_file_bytes=1024 * 1024)).run([(path, "huge.md")])
    assert [(f.code, "limit" in f.message) for f in result.findings] == [("E001", True)]


def corpus_of(tmp_path: Path, names: list[str]) -> Path:
    for name in names:
        unique = CLEAN_FRONT_MATTER.replace("/radiotherapy", f"/{tmp_path.name}/{name}").replace("title: ", f"title: {name} ")
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(unique + PROSE + "\n", "utf-8")
    return tmp_path


def test_file_deleted_between_discovery_and_reading(tmp_path: Path) -> None:
    corpus_of(tmp_path, ["a.md", "b.md", "c.md"])
    files = discover([str(tmp_path)], ["*.md"], [], tmp_path, cwd=tmp_path)
    found = [next(files)]
    (tmp_path / "b.md").unlink()  # b.md was listed when the directory was walked
    result = Linter(make_config()).run(iter(found + list(files)))
    assert result.files == 3
    assert [(f.path, f.code, "disappeared" in f.message) for f in result.findings] == [("b.md", "E001", True)]


def test_unreadable_file(tmp_path: Path) -> None:
    corpus_of(tmp_path, ["a.md", "locked.md"])
    locked = tmp_path / "locked.md"
    locked.chmod(0)
    try:
        result = Linter(make_config()).run([(tmp_path / "a.md", "a.md"), (locked, "locked.md")])
    finally:
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert result.files == 2
    if os.geteuid() != 0:  # root reads it anyway
        assert [(f.path, f.code, "permission denied" in f.message.lower()) for f in result.findings] == [
            ("locked.md", "E001", True)
        ]


def test_permission_error_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same case as the chmod test, simulated so that it also runs as root."""
    import contentlint.document.reading as document_module

    real_open = os.open

    def deny(path, flags, *args):
        if str(path).endswith("locked.md"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(document_module.os, "open", deny)
    corpus_of(tmp_path, ["locked.md"])
    document = read_document(tmp_path / "locked.md", "locked.md")
    assert document.read_error is not None
    assert document.read_error.message == "cannot read file: Permission denied"


def test_unreadable_directory_is_a_finding_not_a_silent_gap(tmp_path: Path) -> None:
    corpus_of(tmp_path, ["a.md", "locked/b.md"])
    locked = tmp_path / "locked"
    locked.chmod(0)
    try:
        files = list(discover([str(tmp_path)], ["*.md"], [], tmp_path, cwd=tmp_path))
        result = Linter(make_config()).run(files)
        reads_everything = os.access(locked, os.R_OK)
    finally:
        locked.chmod(stat.S_IRWXU)
    if reads_everything:
        pytest.skip("root lists every directory; test_unlistable_directory_is_reported simulates it")
    assert [(f.path, f.code, f.message) for f in result.findings] == [
        ("locked", "E001", "cannot read directory: Permission denied; the documents in it are not checked")
    ]


@pytest.mark.parametrize("name", [".", "locked"])
def test_unlistable_directory_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The chmod case simulated, so that it also runs as root: the directory itself gets E001."""
    corpus_of(tmp_path, ["a.md", "locked/b.md"])
    real_scandir = os.scandir
    denied = (tmp_path / name).resolve()

    def deny(path=".", *args):
        if Path(path).resolve() == denied:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path, *args)

    monkeypatch.setattr(os, "scandir", deny)
    start = tmp_path / name if name == "." else tmp_path
    files = list(discover([str(start)], ["*.md"], [], tmp_path, cwd=tmp_path))
    result = Linter(make_config()).run(files)
    assert [(f.code, f.message) for f in result.findings] == [
        ("E001", "cannot read directory: Permission denied; the documents in it are not checked")
    ]
    assert result.files == len(files) == (1 if name == "." else 2)


def test_file_behind_an_unreadable_directory_is_not_called_missing(run_cli, tmp_path: Path) -> None:
    corpus_of(tmp_path, ["locked/b.md"])
    (tmp_path / "locked").chmod(0)
    try:
        result = run_cli("check", "locked/b.md", cwd=tmp_path)
        reads_everything = os.access(tmp_path / "locked", os.R_OK)
    finally:
        (tmp_path / "locked").chmod(stat.S_IRWXU)
    if reads_everything:
        pytest.skip("root reads it")
    assert "no such file" not in result.err
    assert result.code == 1 and "locked/b.md:1:1: E001 [error] cannot read file: Permission denied" in result.out


def test_a_missing_file_is_still_a_usage_error(run_cli, tmp_path: Path) -> None:
    result = run_cli("check", "gone/b.md", cwd=tmp_path)
    assert result.code == 2 and result.err == "contentlint: error: no such file or directory: gone/b.md\n"


def test_fifo_does_not_hang(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    corpus_of(tmp_path, ["a.md"])
    os.mkfifo(tmp_path / "pipe.md")
    files = list(discover([str(tmp_path)], ["*.md"], [], tmp_path, cwd=tmp_path))
    result = Linter(make_config()).run(files)
    assert [(f.path, f.code, "not a regular file" in f.message) for f in result.findings] == [("pipe.md", "E001", True)]


def test_directory_named_like_a_document(tmp_path: Path) -> None:
    (tmp_path / "folder.md").mkdir()
    document = read_document(tmp_path / "folder.md", "folder.md")
    assert document.read_error is not None and "directory" in document.read_error.message


def test_symlink_loops(run_cli, tmp_path: Path) -> None:
    corpus_of(tmp_path, ["a.md"])
    (tmp_path / "sub").mkdir()
    corpus_of(tmp_path / "sub", ["b.md"])
    (tmp_path / "sub" / "up").symlink_to("..")  # a directory loop
    (tmp_path / "sub" / "again").symlink_to(".")
    (tmp_path / "self.md").symlink_to("self.md")  # a file that points at itself
    (tmp_path / "ping.md").symlink_to("pong.md")
    (tmp_path / "pong.md").symlink_to("ping.md")
    (tmp_path / "dangling.md").symlink_to("missing.md")
    result = run_cli("check", ".", "--today", TODAY.isoformat(), "--format", "json", cwd=tmp_path)
    assert result.code == 1, result.err
    import json

    payload = json.loads(result.out)
    assert payload["summary"]["files"] == 6
    by_path = {f["path"]: f for f in payload["findings"]}
    assert set(by_path) == {"self.md", "ping.md", "pong.md", "dangling.md"}
    assert all(f["code"] == "E001" for f in by_path.values())
    assert "symbolic links" in by_path["self.md"]["message"]
    assert by_path["dangling.md"]["message"] == (
        "broken symbolic link (to missing.md): point it at an existing file, or delete it"
    )


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_symlinks_out_of_the_project_are_reported_not_followed(run_cli, tmp_path: Path, output_format: str) -> None:
    project, outside = tmp_path / "project", tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "creds.md").write_text("# Creds\n\nTODO password=hunter2\n", "utf-8")
    (outside / "folder" / "b.md").write_text("# B\n\nTODO the shared page\n", "utf-8")
    (project / "docs").mkdir(parents=True)
    (project / ".contentlint.toml").write_text("", "utf-8")  # the project folder
    (project / "docs" / "a.md").write_text("# A\n\nText of the page.\n", "utf-8")
    (project / "docs" / "secret.md").symlink_to(outside / "creds.md")
    (project / "docs" / "shared").symlink_to(outside / "folder", target_is_directory=True)
    (project / "docs" / "alias.md").symlink_to("a.md")  # inside: followed as ever
    args = ("check", "docs", "--select", "E,Q001", "--today", TODAY.isoformat(), "--format", "json")

    result = run_cli(*args, cwd=project)
    assert result.code == 1, result.err
    found = {(f["path"], f["code"]): f["message"] for f in json.loads(result.out)["findings"]}
    assert set(found) == {("docs/secret.md", "E001"), ("docs/shared", "E001")}
    assert found["docs/secret.md", "E001"].startswith(f"symbolic link to {os.path.realpath(outside / 'creds.md')}, outside")
    assert "--follow-links" in found["docs/shared", "E001"]
    sarif = run_cli(*args[:-1], output_format, cwd=project)
    assert "hunter2" not in result.out + sarif.out  # the target is never read, so never quoted

    followed = run_cli(*args, "--follow-links", cwd=project)
    assert {(f["path"], f["code"]) for f in json.loads(followed.out)["findings"]} == {
        ("docs/secret.md", "Q001"), ("docs/shared/b.md", "Q001"),
    }
    named = run_cli("check", "docs/secret.md", *args[2:], cwd=project)  # named on the command line: the same
    assert [f["code"] for f in json.loads(named.out)["findings"]] == ["E001"]

    (project / ".contentlint.toml").write_text("follow-links = true\n", "utf-8")  # the same, from config
    configured = run_cli(*args, cwd=project)
    assert {(f["path"], f["code"]) for f in json.loads(configured.out)["findings"]} == {
        ("docs/secret.md", "Q001"), ("docs/shared/b.md", "Q001"),
    }
    refused = run_cli(*args, "--no-follow-links", cwd=project)  # the command line wins
    assert {(f["path"], f["code"]) for f in json.loads(refused.out)["findings"]} == set(found)


def test_one_bad_file_does_not_stop_the_others(run_cli, tmp_path: Path) -> None:
    corpus_of(tmp_path, ["a.md", "c.md"])
    (tmp_path / "b.md").write_bytes(b"\x00binary")
    (tmp_path / "bomb.md").write_text(BILLION_LAUGHS, "utf-8")
    result = run_cli("check", ".", "--today", TODAY.isoformat(), cwd=tmp_path)
    assert result.code == 1
    assert "4 files checked" in result.out
    assert "b.md:1:1: E001" in result.out and "bomb.md:" in result.out


def _nested(kinds: list[bool]) -> object:
    value: object = "x"
    for as_list in kinds:
        value = [value] if as_list else {"k": value}
    return value


@settings(max_examples=200, deadline=None)
@given(st.one_of(
    st.recursive(st.one_of(st.integers(), st.text(max_size=4)),
                 lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=3), inner, max_size=2),
                 max_leaves=80),
    st.lists(st.booleans(), min_size=55, max_size=70).map(_nested),
), st.booleans())
def test_front_matter_small_enough_to_skip_the_shape_walk_is_within_the_limits(value: object, flow: bool) -> None:
    import yaml

    from contentlint.document.frontmatter_yaml import _Loader, _check_shape, _within_limits_by_its_size

    text = yaml.safe_dump({"data": value}, default_flow_style=flow)
    if _within_limits_by_its_size(text):
        loader = _Loader(text)
        try:
            _check_shape(loader.get_single_node())  # must not raise
        finally:
            loader.dispose()


_YAML_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text("ab Z-:#'\"é€", max_size=6),
              st.sampled_from(["2026-03-01", "yes", "no", "~", "1.0", "0x1f", "<<", "=", "!!", "*a"])),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.one_of(st.text("abZé", max_size=4), st.integers()), inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(_YAML_VALUES, st.booleans())
def test_front_matter_is_built_as_pyyaml_builds_it(value: object, flow: bool) -> None:
    import yaml

    from contentlint.document.frontmatter_yaml import _Loader, _construct, load_front_matter

    import json

    text = f"data: {json.dumps(value, ensure_ascii=False)}\n" if flow else yaml.safe_dump({"data": value}, default_flow_style=False)
    text += "merged:\n  <<: {a: 1}\n  b: 2\ntags: !!set {a, b}\nwhen: 2026-03-01\n"
    loader = _Loader(text)
    try:
        expected = loader.get_single_data()
    finally:
        loader.dispose()
    assert expected["merged"] == {"a": 1, "b": 2}
    assert load_front_matter(text).data == expected
    loader = _Loader(text)
    try:
        assert _construct(loader, loader.get_single_node()) == expected
    finally:
        loader.dispose()


def _pathological_cases() -> dict:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_pathological", Path(__file__).parents[1] / "bench" / "bench_pathological.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CASES


PATHOLOGICAL = _pathological_cases()


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_bodies_are_checked(name: str) -> None:
    """The hardening corpus of bench/bench_pathological.py (which times them at n and 2n): each
    body is checked without an internal error. Their time is measured there, not here."""
    findings_for(CLEAN_FRONT_MATTER + PATHOLOGICAL[name](2_000))
