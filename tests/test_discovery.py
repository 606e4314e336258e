"""Which files a run checks: .gitignore, --force-exclude for named files, include patterns, the
names of files that are not documents, hidden folders and symlink loops."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CLEAN_FRONT_MATTER, PROSE
from contentlint.engine.discovery import discover
from contentlint.model.settings import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, DEFAULT_NOT_DOCUMENTS

PAGE = CLEAN_FRONT_MATTER + PROSE + "\n"


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def found(root: Path, paths: list[str] | None = None, **options: object) -> list[str]:
    """The display paths a run from ``root`` checks, with the shipped defaults unless overridden."""
    settings: dict[str, object] = {
        "include": DEFAULT_INCLUDE, "exclude": DEFAULT_EXCLUDE, "not_documents": DEFAULT_NOT_DOCUMENTS, **options}
    include, exclude = settings.pop("include"), settings.pop("exclude")
    paths = [str(root / p) if p != "." else str(root) for p in (paths or ["."])]
    return sorted(shown for _, shown in discover(paths, include, exclude, root, root, **settings))  # type: ignore[arg-type]


# -- .gitignore ---------------------------------------------------------------------------------

GITIGNORE_CASES = {
    "a pattern in the top file": (
        {".gitignore": "*.draft.md\nbuild/\n", "a.md": "", "b.draft.md": "", "build/c.md": "", "docs/build/d.md": ""},
        ".", ["a.md"]),
    "a nested file speaks for its own folder only": (
        {"docs/.gitignore": "old/\n", "docs/old/a.md": "", "docs/new.md": "", "old/b.md": ""},
        ".", ["docs/new.md", "old/b.md"]),
    "negation within one file": (
        {".gitignore": "*.md\n!keep.md\n", "keep.md": "", "drop.md": "", "sub/keep.md": "", "notes.txt": ""},
        ".", ["keep.md", "notes.txt", "sub/keep.md"]),
    "a nested negation overrides the file above": (
        {".gitignore": "wip-*.md\n", "sub/.gitignore": "!wip-ok.md\n", "wip-x.md": "", "sub/wip-ok.md": "",
         "sub/wip-no.md": ""},
        ".", ["sub/wip-ok.md"]),
    "an anchored pattern matches at its own level only": (
        {".gitignore": "/top.md\n", "top.md": "", "sub/top.md": ""},
        ".", ["sub/top.md"]),
    "no file is re-included inside an ignored folder": (
        {".gitignore": "secret/\n!secret/a.md\n", "secret/a.md": "", "open.md": ""},
        ".", ["open.md"]),
    "a tool's cache that ignores itself": (
        {"cache/.gitignore": "*\n", "cache/index.md": "", "cache/v/notes.md": "", "page.md": ""},
        ".", ["page.md"]),
    "rules above the walked folder, up to the repository top": (
        {".git/HEAD": "", ".gitignore": "docs/generated/\n", "docs/generated/x.md": "", "docs/y.md": ""},
        "docs", ["docs/y.md"]),
    "the repository's info/exclude": (
        {".git/info/exclude": "private.md\n", "private.md": "", "public.md": ""},
        ".", ["public.md"]),
    "comments and blank lines": (
        {".gitignore": "# *.md\n\n", "a.md": ""},
        ".", ["a.md"]),
    "patterns git cannot read are skipped, the others kept": (
        {".gitignore": "!\n[z-a]\nend\\\n\\\n*.wip.md\n", "a.md": "", "b.wip.md": ""},
        ".", ["a.md"]),
}


@pytest.mark.parametrize("files, start, expected", GITIGNORE_CASES.values(), ids=GITIGNORE_CASES.keys())
def test_gitignore(tmp_path: Path, files: dict[str, str], start: str, expected: list[str]) -> None:
    write(tmp_path, files)
    assert found(tmp_path, [start]) == expected
    everything = {name for name in files if name.endswith((".md", ".txt")) and name.startswith(start.rstrip("."))}
    assert set(found(tmp_path, [start], respect_gitignore=False)) == everything


def test_a_gitignore_above_an_unversioned_folder_is_not_its_own(tmp_path: Path) -> None:
    write(tmp_path, {".gitignore": "*.md\n", "corpus/a.md": ""})
    assert found(tmp_path / "corpus", ["."]) == ["a.md"]


def test_an_unreadable_gitignore_is_not_applied(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": ""})
    (tmp_path / ".gitignore").mkdir()  # a folder where the file would be: nothing to read
    assert found(tmp_path) == ["a.md"]


# -- files named on the command line --------------------------------------------------------------

NAMED_CASES = {
    "excluded folder, named file": (["drafts"], "drafts/x.md", True),
    "excluded folder, deeper named file": (["drafts"], "drafts/2026/x.md", True),
    "excluded path glob": (["docs/private"], "docs/private/a.md", True),
    "excluded file name": (["*.wip.md"], "docs/a.wip.md", True),
    "named folder that is excluded": (["drafts"], "drafts", True),
    "not a document by name": ([], "README.md", True),
    "not a document by name, any case, any depth": ([], "docs/readme.MD", True),
    "a document": (["drafts"], "docs/y.md", False),
    "an exclude glob that names a neighbour": (["drafts"], "docs/drafts.md", False),
}


@pytest.mark.parametrize("exclude, named, skipped_when_forced", NAMED_CASES.values(), ids=NAMED_CASES.keys())
@pytest.mark.parametrize("force", [False, True])
def test_force_exclude_for_named_paths(
    tmp_path: Path, exclude: list[str], named: str, skipped_when_forced: bool, force: bool
) -> None:
    target = tmp_path / named
    write(tmp_path, {named if named.endswith(("md", "MD")) else f"{named}/x.md": PAGE})
    skipped: list[str] = []
    result = found(tmp_path, [named], exclude=DEFAULT_EXCLUDE + exclude, force_exclude=force, skipped=skipped)
    if force and skipped_when_forced:
        assert (result, skipped) == ([], [str(target)])
    else:  # named without --force-exclude: checked as asked, as ruff does
        assert len(result) == 1 and result[0].startswith(named) and skipped == []


def test_gitignore_does_not_apply_to_a_named_file(tmp_path: Path) -> None:
    write(tmp_path, {".git/HEAD": "", ".gitignore": "*.md\n", "a.md": ""})
    assert found(tmp_path, ["a.md"], force_exclude=True) == ["a.md"]  # git checks tracked files too
    assert found(tmp_path, ["."], force_exclude=True) == []


# -- include, not-documents, hidden folders ----------------------------------------------------

TECH_DOCS = {"source/index.html.md.erb": "", "source/guide.html.md": "", "source/layout.html.erb": ""}

INCLUDE_CASES = {
    "default": (DEFAULT_INCLUDE, ["source/guide.html.md"]),
    "extended with a template ending": (
        DEFAULT_INCLUDE + ["*.html.md.erb"], ["source/guide.html.md", "source/index.html.md.erb"]),
    "replaced": (["*.erb"], ["source/index.html.md.erb", "source/layout.html.erb"]),
    "a path glob": (["source/index.*"], ["source/index.html.md.erb"]),
}


@pytest.mark.parametrize("include, expected", INCLUDE_CASES.values(), ids=INCLUDE_CASES.keys())
def test_include(tmp_path: Path, include: list[str], expected: list[str]) -> None:
    write(tmp_path, TECH_DOCS)
    assert found(tmp_path, include=include) == expected


NOT_DOCUMENT_CASES = {
    "README.md": True, "readme.md": True, "Readme.markdown": True, "docs/README.md": True, "README.fr.md": True,
    "CHANGELOG.md": True, "CHANGES.txt": True, "LICENSE.md": True, "LICENCE.txt": True, "COPYING.md": True,
    "CONTRIBUTING.md": True, "CODE_OF_CONDUCT.md": True, "SECURITY.md": True,
    "readme-first-aid.md": False, "licensed-nurses.md": False, "history.md": False, "support.md": False,
}


@pytest.mark.parametrize("name, skipped", NOT_DOCUMENT_CASES.items(), ids=NOT_DOCUMENT_CASES.keys())
def test_default_not_documents(tmp_path: Path, name: str, skipped: bool) -> None:
    write(tmp_path, {name: "", "page.md": ""})
    assert found(tmp_path) == sorted(["page.md"] + ([] if skipped else [name]))
    assert found(tmp_path, not_documents=[]) == sorted(["page.md", name])


HIDDEN_CASES = {
    ".pytest_cache/README.md": False, ".pytest_cache/v/cache/x.md": False, ".git/notes.md": False,
    ".github/ISSUE_TEMPLATE/bug.md": False, ".github/pull_request_template.md": False, ".venv/lib/pkg/doc.md": False,
    ".mypy_cache/x.md": False, ".ruff_cache/x.md": False, ".vscode/notes.md": False,
    ".notes/page.md": True, "docs/.well-known/page.md": True,  # only tools' folders are left out, as ruff does
}


@pytest.mark.parametrize("name, checked", HIDDEN_CASES.items(), ids=HIDDEN_CASES.keys())
def test_hidden_folders(tmp_path: Path, name: str, checked: bool) -> None:
    write(tmp_path, {name: "", "page.md": ""})
    assert found(tmp_path) == sorted(["page.md"] + ([name] if checked else []))


@pytest.mark.parametrize("respect_gitignore", [True, False])
def test_symlink_loops_with_gitignore(tmp_path: Path, respect_gitignore: bool) -> None:
    write(tmp_path, {".gitignore": "*.tmp.md\n", "sub/.gitignore": "!keep.tmp.md\n", "sub/a.md": "",
                     "sub/keep.tmp.md": "", "sub/x.tmp.md": "", "b.md": ""})
    (tmp_path / "sub" / "up").symlink_to("..")
    (tmp_path / "sub" / "again").symlink_to(".")
    (tmp_path / "loop.md").symlink_to("loop.md")
    expected = ["b.md", "loop.md", "sub/a.md", "sub/keep.tmp.md"] + ([] if respect_gitignore else ["sub/x.tmp.md"])
    assert found(tmp_path, respect_gitignore=respect_gitignore) == sorted(expected)


# -- through the command line ---------------------------------------------------------------------

CLI_CASES = {
    "config turns force-exclude on": ("force-exclude = true\n", ["drafts/x.md"], [], 0, "drafts/x.md is excluded"),
    "the command line turns it off": ("force-exclude = true\n", ["drafts/x.md", "--no-force-exclude"],
                                      ["drafts/x.md"], 1, ""),
    "the command line turns it on": ("", ["README.md", "drafts/x.md", "docs/y.md", "--force-exclude"],
                                     ["docs/y.md"], 1, ""),
    "a named folder, all excluded": ("", ["drafts", "--force-exclude"], [], 0, "drafts is excluded"),
    "every named path excluded": ("", ["README.md", "drafts", "--force-exclude"], [], 0, "README.md, drafts are"),
    "a walk": ("", ["."], ["docs/y.md"], 1, ""),
    "a walk without .gitignore": ("", [".", "--no-respect-gitignore"], ["docs/y.md", "tmp/z.md"], 1, ""),
    "respect-gitignore off in config": ("respect-gitignore = false\n", ["."], ["docs/y.md", "tmp/z.md"], 1, ""),
    "not-documents emptied": ("not-documents = []\n", ["."], ["README.md", "docs/y.md"], 1, ""),
    "extend-include": ("extend-include = ['*.html.md.erb']\n", ["."], ["docs/y.md", "source/a.html.md.erb"], 1, ""),
}


@pytest.mark.parametrize("config, args, checked, code, note", CLI_CASES.values(), ids=CLI_CASES.keys())
def test_selection_from_the_command_line(
    run_cli, tmp_path: Path, config: str, args: list[str], checked: list[str], code: int, note: str
) -> None:
    bad = "No front matter here.\n"
    write(tmp_path, {".contentlint.toml": "extend-exclude = ['drafts']\n" + config, ".gitignore": "tmp/\n",
                     "README.md": bad, "drafts/x.md": bad, "docs/y.md": bad, "tmp/z.md": bad,
                     "source/a.html.md.erb": bad, ".pytest_cache/README.md": bad})
    result = run_cli("check", "--select", "M001", "--format", "json", *args, cwd=tmp_path)
    assert result.code == code, result.err
    assert sorted({f["path"] for f in json.loads(result.out)["findings"]}) == checked
    assert (note in result.err) if note else "nothing to check" not in result.err


def test_an_empty_folder_named_is_still_an_error(run_cli, tmp_path: Path) -> None:
    write(tmp_path, {"empty/notes.rst": "", "README.md": ""})
    result = run_cli("check", "empty", "README.md", "--force-exclude", cwd=tmp_path)
    assert result.code == 2 and "no documents found in empty" in result.err
