"""The pre-commit hooks, run by pre-commit itself (`pre-commit try-repo`, and `git commit` with the
hook installed) in temporary git repositories.

pre-commit clones the hook repository and installs contentlint into a fresh virtualenv from the
package index, once for these tests, so this takes some seconds; they are marked `slow` (deselect
with -m "not slow") and always run in CI.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import PROSE, front_matter

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / ".pre-commit-hooks.yaml"


def _git(*args: str, cwd: Path, env: dict[str, str]) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, timeout=60)


def _environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT")) and k != "GITHUB_ACTIONS"}
    env.update({
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "contentlint tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
        "GIT_COMMITTER_NAME": "contentlint tests", "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    })
    return env


def _hook_repository(tmp_path: Path, env: dict[str, str]) -> Path:
    """This project's files as they are now (tracked and new), committed in a fresh repository."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True, timeout=60,
    ).stdout.decode("utf-8").split("\0")
    repo = tmp_path / "hooks"
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    _git("init", "-q", cwd=repo, env=env)
    _git("add", "-A", cwd=repo, env=env)
    _git("-c", "commit.gpgsign=false", "commit", "-q", "-m", "hooks under test", cwd=repo, env=env)
    return repo


def test_manifest_declares_both_hooks() -> None:
    hooks = {hook["id"]: hook for hook in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))}
    assert set(hooks) == {"contentlint", "contentlint-links", "contentlint-fix"}
    offline, links, fixing = hooks["contentlint"], hooks["contentlint-links"], hooks["contentlint-fix"]
    # Fails when it changed a file, as pre-commit expects of a fixer, even if nothing is left.
    assert fixing["entry"] == "contentlint check --force-exclude --fix --exit-non-zero-on-fix"
    assert not fixing.get("stages") and "--links" not in fixing["entry"]
    # pre-commit names each file: --force-exclude keeps `exclude` and `not-documents` in force for them.
    assert offline["entry"] == "contentlint check --force-exclude" and "--links" not in offline["entry"]
    assert offline.get("pass_filenames", True) and not offline.get("stages")
    assert set(offline["types_or"]) == {"markdown", "plain-text"}
    assert links["entry"] == "contentlint check --force-exclude --links"
    assert links["stages"] == ["pre-push", "manual"] and links["require_serial"] is True
    done = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def hooks(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The hook repository and a pre-commit home shared by the tests, so its environment is built once."""
    base = tmp_path_factory.mktemp("pre-commit")
    env = _environment(base)
    return _hook_repository(base, env), env


@pytest.mark.slow
def test_pre_commit_try_repo_passes_clean_and_fails_defective(tmp_path: Path, hooks: tuple[Path, dict[str, str]]) -> None:
    hooks_repo, env = hooks
    work = tmp_path / "corpus"
    work.mkdir()
    # Reviewed yesterday on a two-year cycle: clean on any day the test runs.
    reviewed = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    (work / "clean.md").write_text(
        front_matter(lastReviewed=f"'{reviewed}'", reviewFrequency="biennial") + "\n# Radiotherapy\n\n" + PROSE + "\n",
        encoding="utf-8",
    )
    (work / "defective.md").write_text("Notes with no front matter and no review date.\n", encoding="utf-8")
    (work / "script.py").write_text("print('not a document')\n", encoding="utf-8")
    _git("init", "-q", cwd=work, env=env)
    _git("add", "-A", cwd=work, env=env)

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(hooks_repo), "contentlint", "--files", *files],
            cwd=work, env=env, capture_output=True, text=True, timeout=540,
        )

    clean = try_repo("clean.md", "script.py")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "contentlint" in clean.stdout and "Passed" in clean.stdout
    defective = try_repo("clean.md", "defective.md")
    assert defective.returncode == 1, defective.stdout + defective.stderr
    assert "Failed" in defective.stdout
    assert "defective.md:1:1: M001" in defective.stdout
    assert not any(line.startswith("clean.md:") for line in defective.stdout.splitlines())


@pytest.mark.slow
def test_commits_skip_excluded_drafts_and_block_bad_pages(tmp_path: Path, hooks: tuple[Path, dict[str, str]]) -> None:
    """The hook installed in a repository, run by `git commit`: the config's extend-exclude and the
    repository's own README are skipped although pre-commit names them; a bad page is blocked."""
    hooks_repo, env = hooks
    revision = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hooks_repo, env=env, capture_output=True,
                              text=True, check=True, timeout=60).stdout.strip()
    work = tmp_path / "site"
    (work / "drafts").mkdir(parents=True)
    (work / "docs").mkdir()
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [
        {"repo": str(hooks_repo), "rev": revision, "hooks": [{"id": "contentlint"}]}]}), encoding="utf-8")
    (work / ".contentlint.toml").write_text('extend-exclude = ["drafts"]\n', encoding="utf-8")
    bad = "Notes with no front matter and no review date.\n"
    (work / "drafts" / "x.md").write_text(bad, encoding="utf-8")
    (work / "README.md").write_text("# The site\n\nHow to build it.\n", encoding="utf-8")
    (work / "docs" / "y.md").write_text(bad, encoding="utf-8")
    _git("init", "-q", cwd=work, env=env)
    _git("config", "commit.gpgsign", "false", cwd=work, env=env)
    done = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=work, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr

    def commit(*files: str) -> subprocess.CompletedProcess[str]:
        _git("add", *files, cwd=work, env=env)
        return subprocess.run(["git", "commit", "-m", f"add {' '.join(files)}"], cwd=work, env=env,
                              capture_output=True, text=True, timeout=540)

    drafts = commit(".pre-commit-config.yaml", ".contentlint.toml", "drafts/x.md", "README.md")
    assert drafts.returncode == 0, drafts.stdout + drafts.stderr
    assert "contentlint" in drafts.stdout + drafts.stderr  # the hook ran, and passed
    page = commit("docs/y.md")
    output = page.stdout + page.stderr
    assert page.returncode != 0, output
    assert "docs/y.md:1:1: M001" in output and "drafts/x.md" not in output
    log = subprocess.run(["git", "log", "--format=%s"], cwd=work, env=env, capture_output=True, text=True, timeout=60)
    assert log.stdout.splitlines() == ["add .pre-commit-config.yaml .contentlint.toml drafts/x.md README.md"]


@pytest.mark.slow
def test_fix_hook_fixes_then_passes(tmp_path: Path, hooks: tuple[Path, dict[str, str]]) -> None:
    """The fixing hook rewrites the http link, fails because it changed the file, and passes on the next run."""
    hooks_repo, env = hooks
    work = tmp_path / "corpus"
    work.mkdir()
    reviewed = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    page = work / "page.md"
    page.write_bytes((
        front_matter(lastReviewed=f"'{reviewed}'", reviewFrequency="biennial") + "\n# Radiotherapy\n\n" + PROSE
        + "\n\nSee [the trial](http://www.ncbi.nlm.nih.gov/pubmed/12345).\n"
    ).replace("\n", "\r\n").encode("utf-8"))
    _git("init", "-q", cwd=work, env=env)
    _git("add", "-A", cwd=work, env=env)

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(hooks_repo), "contentlint-fix", "--files", "page.md"],
            cwd=work, env=env, capture_output=True, text=True, timeout=540,
        )

    first = try_repo()
    assert first.returncode == 1, first.stdout + first.stderr
    assert "Fixed 1 problem in 1 file." in first.stdout
    assert b"(https://www.ncbi.nlm.nih.gov/pubmed/12345).\r\n" in page.read_bytes()
    assert b"\n" not in page.read_bytes().replace(b"\r\n", b"")
    _git("add", "-A", cwd=work, env=env)
    second = try_repo()
    assert second.returncode == 0, second.stdout + second.stderr
