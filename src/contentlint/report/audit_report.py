"""The audit report: one self-contained HTML page, or Markdown to paste into an issue.

Both are Jinja2 templates shipped as package data. Every value a template prints is escaped
on the way out: HTML by autoescape, Markdown by the environment's ``finalize`` hook, so a
document title such as ``<script>…</script>`` can only ever show as text. Control characters
and undecodable bytes of file names are shown escaped in both (contentlint.report.escape).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Callable, TextIO
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from contentlint.report import ReportOptions, register
from contentlint.report.audit import Audit, build_audit, review_note
from contentlint.report.escape import markdown_text, printable
from contentlint.report.findings_table import findings_table
from contentlint.report.link_inventory import HostStanding
from contentlint.report.source_lines import SourceLines, excerpt
from contentlint.report.timeline_chart import timeline_chart

if TYPE_CHECKING:
    from contentlint.model.findings import Finding
    from contentlint.model.results import RunResult

_TEMPLATES = "templates"


def _audit(result: RunResult, options: ReportOptions) -> Audit:
    config = options.config
    today = config.today if config is not None else dt.date.today()
    return build_audit(
        result,
        today,
        network=bool(config and config.network),
        due_soon_days=config.review.due_soon_days if config is not None else 30,
        last_review_field=config.fields.last_reviewed if config is not None else "lastReviewed",
        site_standing=HostStanding.of(config).standing_and_listed if config is not None else None,
    )


def safe_href(url: str) -> str:
    """The URL when it is plain http(s), else '' (no javascript:, data: or relative links)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


_CODE_SPAN = re.compile(r"`([^`\n]+)`")


def message_html(message: str) -> Markup:
    """A finding's message, escaped, with its `code` spans shown as code."""
    return Markup(_CODE_SPAN.sub(r"<code>\1</code>", str(escape(printable(message)))))


def long_date(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def path_html(path: str) -> Markup:
    """A file name that may wrap only after a "/" (a <wbr> there), never inside a name or its extension."""
    return Markup("/<wbr>").join(escape(printable(part)) for part in path.split("/"))


def anchor(path: str) -> str:
    """A stable, safe element id for a document."""
    return "doc-" + hashlib.sha1(path.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _plural(count: int, word: str, plural: str = "") -> str:
    return f"{count} {word}" if count == 1 else f"{count:,} {plural or word + 's'}"


def _tally(errors: int, warnings: int) -> str:
    """'2 errors', '1 error, 1 warning', '3 warnings': the counts that are not zero."""
    parts = [_plural(errors, "error")] if errors else []
    parts += [_plural(warnings, "warning")] if warnings else []
    return ", ".join(parts) or "no findings"


def _common_globals(audit: Audit) -> dict[str, Any]:
    return {"audit": audit, "review_note": review_note, "plural": _plural, "tally": _tally}


# -- HTML --------------------------------------------------------------------------------------


def _asset(name: str) -> str:
    return resources.files("contentlint").joinpath(_TEMPLATES, name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _html_value(value: Any) -> Any:
    return printable(value) if isinstance(value, str) and not isinstance(value, Markup) else value


@lru_cache(maxsize=1)
def _html_environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("contentlint", _TEMPLATES),
        autoescape=True,
        finalize=_html_value,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(
        safe_href=safe_href, long_date=long_date, anchor=anchor, message=message_html, path=path_html
    )
    return environment


# Per document in "What to fix": the rest are in the findings table (and the JSON and CSV output).
ACTION_FINDINGS_LIMIT = 12


def source_html(lines: SourceLines) -> Callable[[Finding], Markup]:
    """The line a finding points at, for "What to fix": the editor sees the words without opening
    the file, what the finding is about marked. Empty where there is nothing worth showing."""

    def render(finding: Finding) -> Markup:
        line = lines.line(finding.path, finding.line)
        if line is None:
            return Markup("")
        shown = excerpt(finding, line)
        return Markup('<pre class="source"><span class="ln">{}</span>{}{}<mark>{}</mark>{}{}</pre>').format(
            shown.number, shown.head, shown.before, shown.under, shown.rest, shown.tail
        )

    return render


@register("html")
def report_html(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    audit = _audit(result, options)
    style, script = _asset("report.css"), _asset("report.js")
    # The page may run only its own script and style: no other script, no request anywhere.
    policy = (
        "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
        f"style-src {_csp_hash(style)}; script-src {_csp_hash(script)}"
    )
    template = _html_environment().get_template("report.html.j2")
    stream.write(
        template.render(
            **_common_globals(audit),
            chart=timeline_chart(audit.timeline),
            table=findings_table(audit.findings),
            action_findings_limit=ACTION_FINDINGS_LIMIT,
            source=source_html(SourceLines(options.sources)),
            style=Markup(style),
            script=Markup(script),
            policy=policy,
        )
    )


# -- Markdown ----------------------------------------------------------------------------------

# Enough for an issue: the whole report stays under the 65,536-character limit of a GitHub issue body
# (tests/test_report.py holds it to that on 70,000 findings).
MARKDOWN_FINDINGS_LIMIT = 100
MARKDOWN_ACTION_DOCUMENTS = 20
MARKDOWN_ACTION_FINDINGS = 5


def markdown_escape(value: Any) -> str:
    """Text for a Markdown table cell or paragraph: no markup, no HTML, no @mentions."""
    if isinstance(value, Markup):  # already Markdown, built by this module
        return str(value)
    return markdown_text(value)


@lru_cache(maxsize=1)
def _markdown_environment() -> Environment:
    return Environment(
        loader=PackageLoader("contentlint", _TEMPLATES),
        autoescape=False,
        finalize=markdown_escape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@register("markdown")
def report_markdown(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    audit = _audit(result, options)
    template = _markdown_environment().get_template("report.md.j2")
    text = template.render(
        **_common_globals(audit), findings_limit=MARKDOWN_FINDINGS_LIMIT,
        action_documents_limit=MARKDOWN_ACTION_DOCUMENTS, action_findings_limit=MARKDOWN_ACTION_FINDINGS,
    )
    stream.write(re.sub(r"\n{3,}", "\n\n", text))
