"""L011: a `#fragment` link names no heading or id in its page."""

from __future__ import annotations

import difflib
import os
import re
from typing import Iterator

from contentlint.analysis.heading_ids import HeadingIds, heading_ids
from contentlint.analysis.links import base_url
from contentlint.analysis.local_links import (
    LOCAL_FILES,
    MARKDOWN_SUFFIXES,
    LocalFiles,
    LocalLink,
    document_folder,
    inside,
    local_links,
    markdown_source,
)
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config, Option
from contentlint.plugin import rule

WEB_PAGE_ANCHORS = Option(
    "links", "web-page-anchors", {"type": "boolean"}, False,
    "also check jumps within the page (#fragment) in pages whose front matter has an absolute `url`",
)
# GitHub prefixes every id it makes with this; links may name it.
_GITHUB_PREFIX = "user-content-"
# GitHub's line anchors in a file shown as source (`?plain=1#L10-L12`).
_LINE_ANCHOR = re.compile(r"L\d+(?:C\d+)?(?:-L\d+(?:C\d+)?)?")


@rule("L011", "anchor-missing", "warning", uses=[LOCAL_FILES], options=[WEB_PAGE_ANCHORS])
def anchor_missing(document: Document, config: Config) -> Iterator[Violation]:
    """A `#fragment` link names no heading or id: in this page, or in the Markdown file it links to.

    `[Side effects](#side-effects)` needs a heading that makes the id `side-effects` in the
    same page; `[dose](../chemo/overview.md#dose)` needs one in that file (read once a run),
    and so does `[dose](../chemo/overview.html#dose)` when `overview.html` is the page a site
    generator builds from `overview.md` (it is not on disk, the Markdown file is).

    Why it matters: the reader lands at the top of the page instead of the section that
    was promised, usually because a heading was reworded or removed.

    Heading ids are made as GitHub makes them: lower-case, punctuation and emoji removed
    (`-` and `_` kept, a code span's text kept), spaces to `-`, a repeated heading gets
    `-1`, `-2`: `## Side effects` twice gives `side-effects` and `side-effects-1`;
    ``## Use `dose()` now!`` gives `use-dose-now`. The ids of kramdown (Jekyll) and
    Python-Markdown (MkDocs, `_1` for repeats) count too, as do an explicit
    `## Heading {#my-id}`, raw HTML `id="..."` or `name="..."`, and a term of a
    definition list ("Neutropenia" then ": Too few white cells.", which Hugo gives an
    id). `#top`, text fragments (`#:~:text=`) and GitHub's `#user-content-` prefix are
    accepted; letter case is not held against a link. A fragment with a `/` or a leading
    `!` (`#cit/section_1.1`, `#!/page`) is a route of a web page's scripts, which no
    heading makes: it is not checked, so that a copied page that lost its `url` does not
    get one warning per reference.

    Example: `[Who can have it](#who-can-have-it)` when the heading reads
    `## Who can have this treatment`: the finding names the closest id,
    `did you mean "#who-can-have-this-treatment"?`.

    Not checked: anchors in non-Markdown files (`leaflet.pdf#page=2`), in a file that is
    missing (L010) or cannot be read, and, by default, jumps within a page whose front
    matter has an absolute `url`: such a page is a copy of that web page, and its
    `[1](#r1)` links name anchors of the original that the conversion to Markdown dropped;
    nor when the front matter cannot be read (M002, M003), since it may hold that `url`.

    Sections of web pages (`https://www.example.gov/page#_19`) are L014's, with `--links`.

    Options (`[tool.contentlint.links]`): `web-page-anchors = true` checks those jumps
    too; `local-root` (see L010).
    """
    found = local_links(document, config)
    if not found:
        return
    files: LocalFiles = config.resource(LOCAL_FILES)
    # Front matter that cannot be read (M002, M003) may hold a url: whether the page is a copy is unknown.
    same_page = bool(config.option(WEB_PAGE_ANCHORS)) or (
        base_url(document, config) is None and document.front_matter_error is None
    )
    folder = document_folder(document)
    root = files.root_for(folder)
    itself = os.path.join(folder, os.path.basename(document.path))
    for local in found:
        if not local.fragment or _always_fine(local):
            continue
        if not local.file:
            if same_page:
                yield from _check(local, heading_ids(document), "this page")
            continue
        if root is not None and not inside(local.file, root):
            continue
        file = local.file if local.file.lower().endswith(MARKDOWN_SUFFIXES) else markdown_source(local.file)
        if file is None:
            continue  # not a page (a PDF, an image), or missing: L010
        if file == itself:
            ids: HeadingIds | None = heading_ids(document)
        elif os.path.isfile(file):
            ids = files.ids_in(file)
        else:
            continue  # missing: L010
        if ids is not None:
            yield from _check(local, ids, local.path)


def _always_fine(local: LocalLink) -> bool:
    fragment = local.fragment
    return (
        fragment.lower() == "top"
        or fragment.startswith((":~:", "!"))
        or "/" in fragment  # a route of a web page's scripts (`#cit/section_1.1`): no heading makes a "/"
        or ("?" in local.link.url and _LINE_ANCHOR.fullmatch(fragment) is not None)
    )


def _check(local: LocalLink, ids: HeadingIds, where: str) -> Iterator[Violation]:
    fragment = local.fragment
    if ids.has(fragment) or (fragment.startswith(_GITHUB_PREFIX) and ids.has(fragment[len(_GITHUB_PREFIX):])):
        return
    folded = fragment.lower()
    close = [i for i in ids.headings if i.startswith(folded)][:1] or difflib.get_close_matches(folded, ids.headings, n=1, cutoff=0.6)
    if close:
        hint = f'; did you mean "#{close[0]}"?'
    elif not ids.headings:
        hint = "; it has no headings"
    else:
        hint = ""
    link = local.link
    yield Violation(
        link.line, link.column,
        f'anchor "#{fragment}" not found in {where}: no heading or id makes it{hint}',
        subject=link.target.strip(),
    )
