"""Shared test helpers: build documents, lint text, run the CLI in-process."""

from __future__ import annotations

import datetime as dt
import io
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import settings

from contentlint.model.settings import Config
from contentlint.document.reading import parse_document
from contentlint.model.findings import Finding
from contentlint.engine.linter import Linter
from contentlint.rules.online_links import finish_links

TODAY = dt.date(2026, 11, 22)

# Property tests draw the same examples on every run and machine: a run passes or fails for the code,
# not for the seed. `--hypothesis-seed` or a profile of one's own still explores further.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.load_profile("repeatable")

# A realistic paragraph: enough words that a document is not "near-empty" (Q008).
PROSE = (
    "Radiotherapy uses high-energy rays to treat cancer. Your team plans each session with you, "
    "checks how you are getting on and tells you whom to call if side effects start at home."
)

CLEAN_FRONT_MATTER = """\
---
title: Radiotherapy for breast cancer
url: https://www.cancer.gov/types/breast/radiotherapy
source: NCI
sourceType: 02_nci_core
lastReviewed: '2026-10-01'
reviewFrequency: annual
status: active
language: en
---
"""


@pytest.fixture(autouse=True)
def _no_results_cache(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each in-process run checks its documents afresh (tests of the results cache turn it back on;
    the link cache is left as it is), and the signing key of a results cache a run in another
    process keeps lives in a temporary folder, not in the user's own."""
    import contentlint.cli

    monkeypatch.setattr(contentlint.cli, "_keeps_results", lambda config: False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "user-cache"))


def front_matter(**fields: object) -> str:
    """Front matter like CLEAN_FRONT_MATTER with fields replaced (value None drops the field)."""
    lines = CLEAN_FRONT_MATTER.strip("\n").split("\n")[1:-1]
    data = dict(line.split(": ", 1) for line in lines)
    for key, value in fields.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = str(value)
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in data.items()) + "---\n"


def make_config(**overrides: object) -> Config:
    config = Config(today=TODAY)
    for key, value in overrides.items():
        setattr(config, key, value)
    return config


def link_pass(urls: list[str], links: dict[str, Any], **config: object) -> list[tuple[str, str, Any]]:
    """The online link pass over one document, doc.md, that cites ``urls`` (line i+1 each), with
    ``links`` as its [links] settings (a key's `_` read as `-`): (path, code, violation) each."""
    made = make_config(network=True, **config)
    made.sections = {"links": {key.replace("_", "-"): value for key, value in links.items()}}
    return list(finish_links([("doc.md", [(url, i + 1, 1) for i, url in enumerate(urls)])], made))


def lint_text(text: str | bytes, config: Config | None = None, path: str = "doc.md") -> list[Finding]:
    config = config or make_config()
    document = parse_document(text.encode("utf-8") if isinstance(text, str) else text, path)
    return Linter(config).lint_document(document)


def codes_of(text: str | bytes, config: Config | None = None, prefix: str = "") -> set[str]:
    return {f.code for f in lint_text(text, config) if f.code.startswith(prefix)}


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., CliResult]:
    """Run `contentlint ARGS` in-process, optionally in another working directory."""
    from contentlint.cli import main

    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # it changes the default format

    def run(*args: str, cwd: Path | None = None) -> CliResult:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
        return CliResult(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def corpus(tmp_path: Path) -> Callable[..., Path]:
    """Write files into a temporary corpus: corpus({"a.md": "text" or b"bytes"})."""

    def write(files: dict[str, str | bytes]) -> Path:
        for name, content in files.items():
            target = tmp_path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        return tmp_path

    return write


