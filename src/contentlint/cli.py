"""Command line: the only module that prints to stderr or chooses the exit code."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import io
import os
import shutil
import signal
import sys
import threading
from pathlib import Path
from typing import Iterable, Iterator, Sequence, TextIO

from contentlint import __version__
from contentlint import report as reporters
from contentlint.document import ReadError
from contentlint.engine import baseline, fixing
from contentlint.engine.config import fields_note, load_config
from contentlint.engine.discovery import discover, named_document
from contentlint.engine.link_inventory import inventory
from contentlint.engine.linter import GivenText, Linter
from contentlint.engine.parallel import default_jobs
from contentlint.engine.rule_set import all_rules, check_codes, enabled_rules
from contentlint.engine.shard import ShardError, parse_shard, select_shard
from contentlint.model.errors import ConfigError
from contentlint.model.findings import Severity
from contentlint.model.results import RunResult
from contentlint.model.settings import Config
from contentlint.net.outcome import NetworkUnavailable
from contentlint.report import link_inventory
from contentlint.report.escape import printable
from contentlint.report.sarif import MAX_RESULTS
from contentlint.report.statistics import FORMATS as STATISTICS_FORMATS
from contentlint.report.statistics import write_statistics

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# The shell's convention for a run stopped by a signal: 128 + its number.
EXIT_INTERRUPTED, EXIT_TERMINATED = 128 + signal.SIGINT, 128 + signal.SIGTERM


class Terminated(BaseException):
    """SIGTERM (what CI sends on cancel), raised like Ctrl-C's KeyboardInterrupt so the run unwinds:
    workers end, the link cache keeps what was finished."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated()


class UsageError(Exception):
    """Bad arguments: one line on stderr, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, without the usage block: `--help` shows that.
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _codes(value: str) -> list[str]:
    return [part.strip().upper() for part in value.split(",") if part.strip()]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (use YYYY-MM-DD)") from None


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r} (use 1 or more)")
    return jobs


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="contentlint",
        description="Lint a corpus of health-information documents: metadata, review freshness, links, "
        "source authority and scraping damage.",
    )
    parser.add_argument("--version", action="version", version=f"contentlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="check documents and report findings")
    check.add_argument("paths", nargs="*", default=None, metavar="PATH",
                       help="files or directories (default: .); `-` reads one document from standard input")
    check.add_argument("--format", dest="output_format", choices=reporters.names(), default=None,
                       help="output format (default: text; github when GITHUB_ACTIONS=true and no --output)")
    check.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--statistics", action="store_true",
                       help="instead of the findings, count them by rule, most first (with --format text or json)")
    check.add_argument("--stdin-filename", metavar="PATH",
                       help="check the document read from standard input (implies `-`) as if it were the file "
                            "PATH: its name in the findings, its folder for the config and relative links, its "
                            "suffix for the kind of text; with --fix the mended document goes to standard output "
                            "and the findings to standard error")
    check.add_argument("--show-source", action=argparse.BooleanOptionalAction, default=None,
                       help="under each finding, the line it points at with a caret under the column "
                            "(text output; `show-source` in config)")
    add_jobs_option(check)
    add_common_options(check)
    add_fix_options(check)
    add_ci_options(check)
    add_link_options(check)
    add_cache_options(check)

    report = commands.add_parser(
        "report", help="write an audit report (HTML page or Markdown) and a review calendar",
        description="Check documents like `check`, then write an audit report an editor can act on.",
    )
    report.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="files or directories (default: .)")
    report.add_argument("-o", "--output", metavar="FILE",
                        help="the report: FILE.html for a web page, FILE.md for Markdown; - prints Markdown")
    report.add_argument("--format", dest="output_format", choices=sorted(reporters.DOCUMENT_FORMATS),
                        help="the report's format, when the file name does not say")
    report.add_argument("--calendar", metavar="FILE.ics",
                        help="also write each document's next review date as all-day calendar events")
    add_jobs_option(report)
    add_common_options(report)
    add_link_options(report)
    add_cache_options(report)

    links = commands.add_parser(
        "links", help="list the documents' links, or count them by address or by host (offline)",
        description="List every link of the documents where it is written, or count them by address or by "
                    "host, with each host's standing in the authority data. Nothing is requested: `check "
                    "--links` checks them.",
    )
    links.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="files or directories (default: .)")
    links.add_argument("--by", choices=[link_inventory.BY_LINK, link_inventory.BY_URL, link_inventory.BY_HOST],
                       default=link_inventory.BY_LINK,
                       help="link: every link, where it is written (default); url: each address once, most cited "
                            "first; host: each host of an http(s) link once, with its standing (government, "
                            "academic, ..., vendor, not listed)")
    links.add_argument("--format", dest="output_format", choices=["text", "json", "csv"], default="text",
                       help="output format (default: text)")
    links.add_argument("-o", "--output", metavar="FILE", help="write the list to FILE instead of standard output")
    links.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    links.add_argument("-q", "--quiet", action="store_true", help="no summary line on standard error")
    links.add_argument("-v", "--verbose", action="store_true", help="show tracebacks for internal errors")
    add_selection_options(links)

    rules = commands.add_parser("rules", help="list every rule with its code, name and default severity")
    rules.add_argument("--format", dest="output_format", choices=["text", "json"], default="text")

    explain = commands.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("code", metavar="CODE", help="a rule code such as F001, or a rule name such as review-overdue")
    return parser


def add_jobs_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                         help="processes to lint in (default: all cores; runs of under 50 files use one)")


def add_common_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="the date to judge reviews against (default: today)")
    command.add_argument("--select", type=_codes, metavar="CODES", help="only these rule codes or prefixes (comma-separated)")
    command.add_argument("--extend-select", type=_codes, metavar="CODES", help="add these codes or prefixes to the selection")
    command.add_argument("--ignore", type=_codes, metavar="CODES", help="skip these codes or prefixes")
    command.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    command.add_argument("--fail-on", choices=["error", "warning"], help="lowest severity that makes the exit code 1 (default: error)")
    command.add_argument("--exit-zero", action="store_true",
                         help="exit 0 even when there are findings (a usage or config error is still 2)")
    command.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    command.add_argument("-v", "--verbose", action="store_true", help="show tracebacks for internal errors")
    command.add_argument("--color", choices=["auto", "always", "never"], default="auto", help="colour text output (default: auto)")
    add_selection_options(command)


def add_selection_options(command: argparse.ArgumentParser) -> None:
    selection = command.add_argument_group("file selection")
    selection.add_argument("--force-exclude", action=argparse.BooleanOptionalAction, default=None,
                           help="skip files named on the command line that `exclude` or `not-documents` rules out, "
                                "as a folder walk does (default: off; on in the pre-commit hooks)")
    selection.add_argument("--respect-gitignore", action=argparse.BooleanOptionalAction, default=None,
                           help="skip what .gitignore ignores when walking folders (default: on)")
    selection.add_argument("--follow-links", action=argparse.BooleanOptionalAction, default=None,
                           help="check files that symbolic links lead to outside the project folder "
                                "(default: report each such link, E001, and leave it; `follow-links` in config)")


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds > 0:
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {value!r}")
    return seconds


def add_link_options(command: argparse.ArgumentParser) -> None:
    links = command.add_argument_group("link checking (online)")
    links.add_argument("--links", action="store_true", help="check every http(s) link over the network (L001-L003, L008, L009, L014)")
    links.add_argument("--timeout", type=_seconds, metavar="SECONDS", help="per-request timeout for --links (default: 10)")
    links.add_argument("--allow-private-hosts", action="store_true",
                       help="let --links request private, loopback and link-local addresses (refused by default, L008)")
    links.add_argument("--proxy", metavar="URL",
                       help="send --links requests through this proxy, e.g. http://proxy.example.org:3128 "
                            "(HTTP_PROXY and the like are never used)")


def add_cache_options(command: argparse.ArgumentParser) -> None:
    cache = command.add_argument_group("cache")
    cache.add_argument("--no-cache", action="store_true",
                       help="check every document afresh and ask every link again: neither read nor update the "
                            "results cache or the link cache (also CONTENTLINT_NO_CACHE=1)")
    cache.add_argument("--cache-dir", metavar="DIR",
                       help="keep the caches in DIR (default: .contentlint_cache next to the config; "
                            "also CONTENTLINT_CACHE_DIR)")


def configure_cache(config: Config, args: argparse.Namespace) -> None:
    """The command line and the environment over `cache` and `cache-dir` in config."""
    if args.no_cache or os.environ.get("CONTENTLINT_NO_CACHE", "").strip() not in ("", "0", "false"):
        config.cache = False
    folder = _cache_dir_given(args)
    if folder:
        config.cache_dir = Path(os.path.abspath(os.path.expanduser(folder)))


def _cache_dir_given(args: argparse.Namespace) -> str | None:
    """The cache folder named for this run (--cache-dir, else CONTENTLINT_CACHE_DIR): it moves both caches."""
    return args.cache_dir or os.environ.get("CONTENTLINT_CACHE_DIR") or None


def _keeps_results(config: Config) -> bool:
    """Whether this run keeps its results for the next: not in CI (CI=true), where each run starts on a
    fresh machine and would pay to fill a cache no later run reads."""
    return config.cache and os.environ.get("CI", "").strip().lower() not in ("1", "true", "yes")


def configure_links(config: Config, args: argparse.Namespace) -> None:
    """Turn on the network rules and lay the command line over [tool.contentlint.links]."""
    if not getattr(args, "links", False):
        return
    section = dict(config.sections.get("links", {}))
    if args.timeout is not None:
        section["timeout"] = args.timeout
    if not config.cache:
        section["cache"] = False
    if config.cache_dir is not None and (_cache_dir_given(args) or "cache-dir" not in section):
        section["cache-dir"] = str(config.cache_dir)
    if args.allow_private_hosts:
        section["allow-private-hosts"] = True
    if args.proxy is not None:
        section["proxy"] = args.proxy
    config.sections["links"] = section  # checked when the linter builds the link settings
    config.network = True


def add_fix_options(command: argparse.ArgumentParser) -> None:
    fixes = command.add_argument_group("fixes")
    fixes.add_argument("--fix", action="store_true", help="apply the safe fixes to the documents and report what is left")
    fixes.add_argument("--diff", action="store_true",
                       help="print the unified diff of what --fix would change, write nothing; exit 1 when there is any")
    fixes.add_argument("--unsafe-fixes", action="store_true",
                       help="with --fix or --diff, also apply the fixes that need a person's eye")
    fixes.add_argument("--exit-non-zero-on-fix", action="store_true",
                       help="with --fix, exit 1 when a file was changed, even if nothing is left (for pre-commit)")


def configure_fixes(config: Config, args: argparse.Namespace) -> None:
    """Lay --fix, --diff and --unsafe-fixes over [tool.contentlint.fix]."""
    section = dict(config.sections.get("fix", {}))
    if getattr(args, "unsafe_fixes", False):
        section["unsafe-fixes"] = True
    if getattr(args, "diff", False):
        section[fixing.MODE_KEY] = "diff"
    elif getattr(args, "fix", False):
        section[fixing.MODE_KEY] = "fix"
    config.sections["fix"] = section


def add_ci_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in this baseline file")
    command.add_argument("--write-baseline", metavar="FILE",
                         help="record the current findings in FILE (by fingerprint, not line) and report none of them")
    command.add_argument("--shard", metavar="K/N", help="check only the K-th of N stable slices of the files (for CI matrices)")


def configure(args: argparse.Namespace, start: Path | None = None) -> Config:
    """The config (found from ``start``'s folder, default the working directory) with the options applied."""
    config = load_config(args.config, start=_existing_folder(start) if start is not None else None)
    if args.select == []:  # `--select ""`: an empty CI variable must not turn every rule off
        raise UsageError("--select names no rule codes; give codes or prefixes such as F001,L or leave it out")
    if args.select is not None:
        check_codes(args.select, "--select")
        config.select = args.select
    if args.extend_select:
        check_codes(args.extend_select, "--extend-select")
        config.extend_select = config.extend_select + args.extend_select
    if args.ignore:
        check_codes(args.ignore, "--ignore")
        config.ignore = config.ignore + args.ignore
    if args.fail_on:
        config.fail_on = Severity(args.fail_on)
    if args.today:
        config.today = args.today
    configure_selection(config, args)
    configure_cache(config, args)
    configure_links(config, args)
    configure_fixes(config, args)
    if not enabled_rules(config):
        raise UsageError("the selection leaves no rule to run: check `select`, `ignore` and --select/--ignore")
    return config


def configure_selection(config: Config, args: argparse.Namespace) -> None:
    if args.force_exclude is not None:
        config.force_exclude = args.force_exclude
    if args.respect_gitignore is not None:
        config.respect_gitignore = args.respect_gitignore
    if args.follow_links is not None:
        config.follow_links = args.follow_links


def _existing_folder(path: Path) -> Path:
    """The nearest folder of ``path`` that exists (the named file need not)."""
    folder = path.parent.resolve()
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    return folder


def _require_existing(paths: list[str]) -> None:
    for given in paths:
        if not _exists(given):
            raise UsageError(f"no such file or directory: {given}")


def _exists(given: str) -> bool:
    """False only when the path is not there: a path behind an unreadable directory exists, and
    reading it gives a finding that says why it cannot be checked."""
    try:
        os.lstat(given)
    except (FileNotFoundError, NotADirectoryError, ValueError):  # ValueError: a NUL in the path
        return False
    except OSError:
        return True
    return True


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return os.environ.get("TERM") != "dumb" and hasattr(stream, "isatty") and stream.isatty()


def run_check(args: argparse.Namespace) -> int:
    stdin = _stdin_document(args)
    config = configure(args, start=stdin)
    if stdin is None:
        _require_existing(args.paths)
    _check_writable(args.output)
    _check_writable(getattr(args, "write_baseline", None))
    shard, baseline_entries = _ci_inputs(args)
    output_format = _check_format(args)
    # Asked for by name it is checked against the format above; from config it only adds to text.
    show_source = output_format == "text" and not args.statistics and (
        args.show_source if args.show_source is not None else config.show_source)
    given = GivenText.read(stdin, sys.stdin.buffer, config.max_file_bytes) if stdin is not None else None
    linter = Linter(config, collect_facts=output_format in reporters.DOCUMENT_FORMATS,
                    keep_results=given is None and _keeps_results(config), given=given)
    # Streamed: discovery, the shard filter and the linter work file by file; only display paths are kept.
    found, checked = [0], []

    def counted(items: Iterable[tuple[Path, str]]) -> Iterator[tuple[Path, str]]:
        for item in items:
            found[0] += 1
            yield item

    def recorded(items: Iterable[tuple[Path, str]]) -> Iterator[tuple[Path, str]]:
        for item in items:
            checked.append(item[1])
            yield item

    skipped: list[str] = []
    if given is not None:
        targets = named_document(given.path, config.include, config.exclude, config.root,
                                 not_documents=config.not_documents, force_exclude=config.force_exclude)
        if not targets:  # --force-exclude rules it out: nothing to report, as ruff does
            if args.fix:
                _echo_fixed(given)
            return EXIT_OK
        files = counted(targets)
    else:
        files = counted(_discover(args.paths, config, skipped))
    if shard is not None:
        files = select_shard(files, *shard)
    with Progress(sys.stderr) as progress:
        config.progress = progress.links
        config.notice = lambda message: print(f"contentlint: warning: {printable(message)}", file=sys.stderr)
        result = _run_linter(linter, progress.files(recorded(files)), args.jobs)
    result.paths = checked
    if not found[0] and given is None:
        _no_documents(args.paths, config, skipped, args.quiet)
    if args.diff:
        return _show_diff(args, result, linter.fixing)
    if given is not None and args.fix:
        _echo_fixed(given)
    _apply_baseline(args, result, baseline_entries)
    result.fixes.update(fixing.counts(result.findings, linter.fixing))
    if args.statistics:
        write = functools.partial(write_statistics, linter.fixing, output_format)
    else:
        write = reporters.get(output_format)
    # The lines --show-source quotes: those read from standard input, not a file at its PATH.
    sources = {checked[0]: given.text()} if given is not None and checked else None
    if args.output:
        buffer = io.StringIO()
        write(result, buffer, reporters.ReportOptions(color=False, quiet=args.quiet, config=config,
                                                      show_source=show_source, sources=sources))
        _write_file(args.output, buffer.getvalue())
        if not args.quiet:
            print(f"contentlint: wrote {args.output}: {_count(result.files, 'document')}, "
                  f"{_count(result.errors, 'error')}, {_count(result.warnings, 'warning')}", file=sys.stderr)
    else:
        # With --fix, the mended document goes to standard output; the findings go beside it.
        stream = sys.stderr if given is not None and args.fix else sys.stdout
        color = output_format == "text" and _use_color(args.color, stream)
        write(result, stream, reporters.ReportOptions(color=color, quiet=args.quiet, config=config,
                                                      show_source=show_source, sources=sources))
    if output_format == "sarif":
        if len(result.findings) > MAX_RESULTS:
            print(f"contentlint: warning: SARIF holds {MAX_RESULTS} of {len(result.findings)} findings (errors first), "
                  "the most code scanning accepts; use --baseline or --shard", file=sys.stderr)
    if args.fix and args.exit_non_zero_on_fix and result.fixes.get("fixed"):
        return EXIT_FINDINGS  # asked for by name: it outranks --exit-zero
    return _findings_exit(args, result.failed)


def _stdin_document(args: argparse.Namespace) -> Path | None:
    """The path the document on standard input stands for (``-`` when unnamed), or None when the
    paths are files and folders (then ``args.paths`` gets its default). `--stdin-filename` alone
    implies ``-``."""
    named, paths = args.stdin_filename, args.paths or None  # argparse gives [] for no path
    if paths is None and named is None or paths is not None and "-" not in paths:
        if named is not None:
            raise UsageError("--stdin-filename names the document on standard input: give `-` as the only path, or no path")
        args.paths = paths or ["."]
        return None
    if paths is not None and paths != ["-"]:
        raise UsageError("`-` (standard input) cannot be checked together with other paths")
    if named is not None and not named.strip():
        raise UsageError("--stdin-filename needs a file name")
    return Path(named) if named is not None else Path("-")


def _echo_fixed(given: GivenText) -> None:
    """--fix on standard input: the whole document on standard output, mended or as it came (all of
    it, when it was too large to check), so that an editor can always put it back."""
    sys.stdout.flush()
    if not hasattr(sys.stdout, "buffer"):
        sys.stdout.write(given.output().decode("utf-8", "surrogateescape"))
        return
    sys.stdout.buffer.write(given.output())
    if given.fixed is None and isinstance(given.data, ReadError):
        shutil.copyfileobj(sys.stdin.buffer, sys.stdout.buffer)  # the rest, past the size limit
    sys.stdout.buffer.flush()


def _findings_exit(args: argparse.Namespace, failed: bool) -> int:
    """1 when the findings fail the run (see --fail-on), unless --exit-zero asks for 0."""
    return EXIT_FINDINGS if failed and not args.exit_zero else EXIT_OK


def _check_format(args: argparse.Namespace) -> str:
    """The format of `check`'s output; --statistics counts in text or JSON only, --show-source is
    text only, and neither goes with --diff."""
    if args.statistics:
        if args.output_format not in (None, *STATISTICS_FORMATS):
            raise UsageError(f"--statistics prints text or json, not --format {args.output_format}")
        if args.diff:
            raise UsageError("--statistics and --diff do not go together: --diff prints the changes, not findings")
        if args.show_source:
            raise UsageError("--statistics and --show-source do not go together: --statistics prints counts, not findings")
        return args.output_format or "text"  # not github in GitHub Actions: annotations need findings
    if args.show_source:
        if args.output_format not in (None, "text"):
            raise UsageError(f"--show-source adds lines to the text output, not to --format {args.output_format}")
        if args.diff:
            raise UsageError("--show-source and --diff do not go together: --diff prints the changes, not findings")
        return "text"  # asked for by name: text in GitHub Actions too
    return args.output_format or ("github" if _in_github_actions() and not args.output else "text")


def _show_diff(args: argparse.Namespace, result: RunResult, policy: fixing.FixPolicy) -> int:
    """--diff: the diffs on stdout (or in --output), a count on stderr; exit 1 when --fix would change a file."""
    patch = "".join(result.diffs).encode("utf-8", "surrogateescape")
    if args.output:
        _write_file(args.output, patch)
    elif hasattr(sys.stdout, "buffer"):  # the bytes as they are: a CR or a byte-order mark is part of the patch
        sys.stdout.flush()
        sys.stdout.buffer.write(patch)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(patch.decode("utf-8", "surrogateescape"))
    fixed, files = result.fixes.get("fixed", 0), result.fixes.get("fixed files", 0)
    if not args.quiet:
        hidden = fixing.counts(result.findings, policy)["unsafe fixable"]
        more = f" ({hidden} more with --unsafe-fixes)" if hidden else ""
        if fixed:
            print(f"contentlint: would fix {_count(fixed, 'problem')} in {_count(files, 'file')}{more}", file=sys.stderr)
        else:
            unsafe = f"; {hidden} with --unsafe-fixes" if hidden else ""
            print(f"contentlint: nothing to fix{unsafe}", file=sys.stderr)
    return _findings_exit(args, bool(fixed))


def _run_linter(linter: Linter, files: Iterable[tuple[Path, str]], jobs: int | None) -> RunResult:
    return linter.run(files, jobs=jobs or default_jobs())


class Progress:
    """Progress on stderr for a person at a terminal (never when piped, in CI or on a dumb terminal):
    the files as they are checked, then the link check's URLs. Each bar appears only when its part
    of the run takes over a second, and is cleared when it ends."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = _show_progress(stream)
        self._links = None

    def __enter__(self) -> Progress:
        return self

    def files(self, files: Iterable[tuple[Path, str]], total: int | None = None) -> Iterable[tuple[Path, str]]:
        if not self.enabled:
            return files
        from tqdm import tqdm

        return tqdm(files, total=total, file=self.stream, unit="file", desc="Checking", delay=1.0, leave=False)

    def links(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self._links is None:
            from tqdm import tqdm

            self._links = tqdm(total=total, desc="Checking links", unit="URL", file=self.stream, leave=False,
                               dynamic_ncols=True)
        if total != self._links.total:
            self._links.total = total
        self._links.update(done - self._links.n)  # tqdm redraws at most ~10 times a second

    def __exit__(self, *exc: object) -> None:
        if self._links is not None:
            self._links.close()


def _in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _ci_inputs(args: argparse.Namespace) -> tuple[tuple[int, int] | None, list | None]:
    """Check --shard and read --baseline before any work, so a typo fails fast."""
    shard = entries = None
    if args.shard is not None:

        try:
            shard = parse_shard(args.shard)
        except ShardError as error:
            raise UsageError(str(error)) from None
    if args.baseline and not args.write_baseline:

        try:
            entries = baseline.load(args.baseline)
        except baseline.BaselineError as error:
            raise UsageError(str(error)) from None
    return shard, entries


def _count(number: int, singular: str, plural: str = "") -> str:
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"


def _clip(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _apply_baseline(args: argparse.Namespace, result: RunResult, entries: list | None) -> None:
    """--write-baseline records every finding; --baseline drops the recorded ones and notes stale entries."""
    if not args.write_baseline and entries is None:
        return

    if args.write_baseline:
        try:
            baseline.write(args.write_baseline, result.findings)
        except baseline.BaselineError as error:
            raise UsageError(str(error)) from None
        entries = baseline.entries_for(result.findings)
        if not args.quiet:
            print(f"contentlint: wrote {_count(len(result.findings), 'finding')} "
                  f"({_count(len(entries), 'entry', 'entries')}) to {args.write_baseline}", file=sys.stderr)
    if entries is None:
        return
    outcome = baseline.apply(result.findings, entries, result.paths)
    result.findings = outcome.findings
    result.stats["baselined"] = outcome.suppressed
    result.stats["stale"] = len(outcome.stale)
    if outcome.stale and not args.quiet:
        shown = printable(", ".join(f"{e.path} {e.code} ({_clip(e.subject)})" for e in outcome.stale[:10]))
        more = f" and {len(outcome.stale) - 10} more" if len(outcome.stale) > 10 else ""
        one = len(outcome.stale) == 1
        stale = "1 baseline entry no longer occurs" if one else f"{len(outcome.stale)} baseline entries no longer occur"
        print(f"contentlint: {stale} (fixed?); rewrite the baseline with --write-baseline to drop "
              f"{'it' if one else 'them'}: {shown}{more}", file=sys.stderr)


_REPORT_SUFFIXES = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}


def _report_format(args: argparse.Namespace) -> str | None:
    if args.output_format or not args.output:
        return args.output_format
    if args.output == "-":
        return "markdown"
    suffix = Path(args.output).suffix.lower()
    if suffix not in _REPORT_SUFFIXES:
        raise UsageError(f"cannot tell the report format from {args.output!r}: name it .html or .md, or give --format")
    return _REPORT_SUFFIXES[suffix]


def _show_progress(stream: TextIO) -> bool:
    """A progress bar only for a person at a terminal: never when piped, in CI or on a dumb terminal."""
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _discover(paths: list[str], config: Config, skipped: list[str]) -> Iterator[tuple[Path, str]]:
    return discover(paths, config.include, config.exclude, config.root, not_documents=config.not_documents,
                    force_exclude=config.force_exclude, respect_gitignore=config.respect_gitignore, skipped=skipped,
                    follow_links=config.follow_links)


def _no_documents(paths: list[str], config: Config, skipped: list[str], quiet: bool) -> None:
    """A directory with no documents is a mistake worth stopping for (a wrong path, pages with
    another ending); paths that --force-exclude ruled out are skipped with a note, as ruff does."""
    folders = [path for path in paths if os.path.isdir(path) and path not in skipped]
    if not folders and skipped and not quiet:
        named = ", ".join(printable(path) for path in skipped[:3]) + (f" and {len(skipped) - 3} more" if len(skipped) > 3 else "")
        verb = "is" if len(skipped) == 1 else "are"
        print(f"contentlint: nothing to check: {named} {verb} excluded (`exclude` or `not-documents`, "
              "with --force-exclude)", file=sys.stderr)
    if folders:
        raise UsageError(
            f"no documents found in {' '.join(folders)}: none of its files match `include` "
            f"({', '.join(config.include)}), or all are excluded"
        )


def _check_writable(path: str | None) -> None:
    """Fail before the run, not after it, when an output file cannot be written."""
    if not path or path == "-":
        return
    target = Path(path)
    if target.is_dir():
        raise UsageError(f"cannot write {path}: it is a directory; name a file")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"cannot write {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"cannot write {path}: the folder {folder} is not writable")


def _write_file(path: str, data: str | bytes) -> None:
    try:
        if isinstance(data, bytes):
            Path(path).write_bytes(data)
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(data)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None


def run_report(args: argparse.Namespace) -> int:

    config = configure(args)
    if not args.output and not args.calendar:
        raise UsageError("say where to write the report: -o report.html (or .md), and/or --calendar reviews.ics")
    output_format = _report_format(args)
    _require_existing(args.paths)
    _check_writable(args.output)
    _check_writable(args.calendar)
    skipped: list[str] = []
    files = list(_discover(args.paths, config, skipped))
    # Same Linter and Config as `check`, so its options, --links included, apply here too.
    with Progress(sys.stderr) as progress:
        config.progress = progress.links
        config.notice = lambda message: print(f"contentlint: warning: {printable(message)}", file=sys.stderr)
        result = _run_linter(Linter(config, collect_facts=True, keep_results=_keeps_results(config)), progress.files(files, len(files)), args.jobs)
    if result.files == 0:
        _no_documents(args.paths, config, skipped, args.quiet)
    written = []
    if output_format:
        buffer = io.StringIO()
        reporters.get(output_format)(result, buffer, reporters.ReportOptions(quiet=args.quiet, config=config))
        if args.output == "-" or not args.output:
            sys.stdout.write(buffer.getvalue())
        else:
            _write_file(args.output, buffer.getvalue())
            written.append(args.output)
    if args.calendar:
        from contentlint.report.calendar import calendar_bytes  # icalendar: imported only when asked for

        _write_file(args.calendar, calendar_bytes(result.documents, config.today))
        dated = sum(1 for d in result.documents if d.next_review is not None and d.is_scheduled)
        written.append(f"{args.calendar} ({dated} review {'date' if dated == 1 else 'dates'})")
    if written and not args.quiet:
        print(
            f"contentlint: wrote {' and '.join(written)}: {_count(result.files, 'document')}, "
            f"{_count(result.errors, 'error')}, {_count(result.warnings, 'warning')}",
            file=sys.stderr,
        )
    return _findings_exit(args, result.failed)


def run_links(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    configure_selection(config, args)
    _require_existing(args.paths)
    _check_writable(args.output)
    skipped: list[str] = []
    found = inventory(_discover(args.paths, config, skipped), config)
    if found.documents == 0 and not found.unreadable:
        _no_documents(args.paths, config, skipped, args.quiet)
    if args.by == link_inventory.BY_URL:
        rows: list = link_inventory.by_url(found.links)
    elif args.by == link_inventory.BY_HOST:
        rows = link_inventory.by_host(found.links, link_inventory.HostStanding.of(config))
    else:
        rows = found.links
    buffer = io.StringIO()
    link_inventory.write(rows, args.by, args.output_format, buffer)
    if args.output and args.output != "-":
        _write_file(args.output, buffer.getvalue())
    else:
        sys.stdout.write(buffer.getvalue())
    if not args.quiet:
        hosts = len({link.host for link in found.links if link.host})
        summary = (f"{_count(len(found.links), 'link')} in {_count(found.documents, 'document')}, "
                   f"to {_count(hosts, 'host')}")
        if found.unreadable:
            verb = "was" if len(found.unreadable) == 1 else "were"
            summary += (f"; {_count(len(found.unreadable), 'file')} {verb} not read "
                        f"(the first: {_clip(found.unreadable[0])}; `contentlint check` says why)")
        print(f"contentlint: {printable(summary)}", file=sys.stderr)
    return EXIT_OK


def run_rules(args: argparse.Namespace) -> int:
    rules = all_rules()
    if args.output_format == "json":
        import json

        payload = [
            {"code": r.code, "name": r.name, "severity": r.severity.value, "family": r.family,
             "network": r.network, "fix": r.fix, "summary": r.summary}
            for r in rules.values()
        ]
        print(json.dumps(payload, indent=2))
        return EXIT_OK
    print(f"{'CODE':<6} {'NAME':<30} {'SEVERITY':<8} {'NETWORK':<7} {'FIX':<6} SUMMARY")
    for r in rules.values():
        print(f"{r.code:<6} {r.name:<30} {r.severity.value:<8} {'yes' if r.network else 'no':<7} {r.fix or '-':<6} {r.summary}")
    return EXIT_OK


def run_explain(args: argparse.Namespace) -> int:
    wanted = args.code.strip()
    rules = all_rules()
    found = rules.get(wanted.upper()) or next((r for r in rules.values() if r.name == wanted.lower()), None)
    if found is None:
        import difflib

        hint = difflib.get_close_matches(wanted.upper(), list(rules), n=1) or difflib.get_close_matches(
            wanted.lower(), [r.name for r in rules.values()], n=1
        )
        raise UsageError(f"unknown rule {wanted!r}" + (f"; did you mean {hint[0]}?" if hint else "; see `contentlint rules`"))
    network = ", needs --links (network)" if found.network else ""
    fixable = f", fixable ({found.fix}: {'--fix' if found.fix == 'safe' else '--fix --unsafe-fixes'})" if found.fix else ""
    print(f"{found.code} {found.name} ({found.severity.value} by default, {found.family} family{network}{fixable})\n")
    print(found.documentation)
    try:  # the project's own field names, when its config renames them
        note = fields_note(load_config().fields, found.documentation)
    except ConfigError:
        note = ""  # explaining a rule needs no config; `check` reports a broken one
    if note:
        print(f"\n{note}")
    return EXIT_OK


COMMANDS = {"check": run_check, "report": run_report, "links": run_links, "rules": run_rules, "explain": run_explain}


def entry() -> int:
    """The `contentlint` command (and `python -m contentlint`): one run in its own process."""
    _tune_collections()
    return main()


def _tune_collections() -> None:
    """A run makes millions of short-lived objects and few reference cycles: the garbage collector
    runs less often, and never again over what was loaded at start-up. (Not in ``main``, which
    tests and other programs call many times in one process.)"""
    gc.freeze()
    gc.set_threshold(10_000, 50, 50)


def main(argv: Sequence[str] | None = None) -> int:
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _raise_terminated) if in_main_thread else None
    try:
        return _main(argv)
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    verbose = False
    try:
        args = parser.parse_args(argv)
        verbose = getattr(args, "verbose", False)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_ERROR
        return COMMANDS[args.command](args)
    except UsageError as error:
        print(f"contentlint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except ConfigError as error:
        print(f"contentlint: config error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except NetworkUnavailable as error:  # --links could reach no host: no link was judged
        print(f"contentlint: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("contentlint: interrupted; no report was written", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("contentlint: terminated; no report was written", file=sys.stderr)
        return EXIT_TERMINATED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # an internal error: one line, unless --verbose
        if verbose:
            import traceback

            traceback.print_exc()
        else:
            print(f"contentlint: internal error: {type(error).__name__}: {printable(str(error))} (run with --verbose for details)",
                  file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
