"""L010: a link to a file in the repository whose target is missing, or outside the repository."""

from __future__ import annotations

import difflib
import os
from typing import Iterator

from contentlint.analysis.local_links import (
    LOCAL_FILES,
    LocalFiles,
    document_folder,
    file_status,
    inside,
    local_links,
    markdown_source,
)
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config
from contentlint.plugin import rule

# A name such as "example.com" written without https:// is more likely an address than a file.
_WEB_SUFFIXES = (".com", ".org", ".net", ".gov", ".edu", ".uk", ".io", ".int", ".info")


@rule("L010", "local-target-missing", "error", uses=[LOCAL_FILES])
def local_target_missing(document: Document, config: Config) -> Iterator[Violation]:
    """A link to a file in the repository points at a file that does not exist, or leaves the repository.

    A relative link whose target is a file the repository could hold, a document, an image,
    a PDF (its last part has a file extension, or it exists on disk), is a local link,
    whatever the front-matter `url`: it resolves against the folder of the document itself
    and the file must be there. Checked offline, so a pre-commit hook can afford it.

    Why it matters: a renamed or moved page leaves links to it broken in every page that
    cites it, and a reader who follows one gets a 404 on the published site.

    Example: in `docs/treatment/radiotherapy.md`, `[chemotherapy](../chemo/overview.md)`
    needs `docs/chemo/overview.md`; `![diagram](images/field.png)` needs
    `docs/treatment/images/field.png`. The finding is at the target as written, and names
    a close match in that folder when there is one. `[x](../../../../etc/notes.md)`, a link
    that climbs out of the repository, is reported too: the published site cannot serve it.

    Not reported: a link to `page.html` (or `.htm`) when `page.md` is beside it and no
    `page.html` is: the page a site generator (mdBook, Jekyll) builds from that file.

    Not local links: site-root paths (`/about-cancer/treatment`), relative paths
    without an extension and pages a server script makes (`../research/trials`,
    `../../Common/popDefinition.aspx?id=1`, `.php`, `.jsp`) that are not on disk, which
    resolve against the front-matter `url` as before (L006 when there is none); full
    addresses.
    Anchors (`page.md#section`) are checked by L011.

    The repository root is `local-root` when set, else the git work tree that holds the
    document (the nearest folder above it with a `.git`), else the config file's folder
    (or the working directory without a config file) when the document is inside it.

    Options (`[tool.contentlint.links]`): `local-root` (a folder, relative to the config
    file), the folder local links may not leave.
    """
    found = local_links(document, config)
    if not found:
        return
    files: LocalFiles = config.resource(LOCAL_FILES)
    root = files.root_for(document_folder(document))
    for local in found:
        if not local.file:
            continue
        link = local.link
        if root is not None and not inside(local.file, root):
            yield Violation(
                link.line, link.column,
                f'link "{link.target.strip()}" leaves the repository (root {_shown(root)}{os.sep}): it points at '
                f"{_shown(local.file)}, which the published site cannot serve; link to a copy inside the "
                "repository, or to the page's web address",
                subject=link.target.strip(),
            )
        elif file_status(local.file) is False and markdown_source(local.file) is None:
            yield Violation(
                link.line, link.column,
                f'local file "{local.path}" not found: {_shown(local.file)} does not exist{_hint(files, local.file, local.path)}',
                subject=link.target.strip(),
            )


def _hint(files: LocalFiles, file: str, written: str) -> str:
    folder, name = os.path.split(file)
    if file_status(folder) is False:
        return f" (nor does the folder {_shown(folder)})"
    names = files.names_in(folder)
    same = [other for other in names if other.lower() == name.lower()]
    if same:
        return f'; the folder has "{same[0]}" (file names are case-sensitive on most servers)'
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.7)
    if close:
        return f'; did you mean "{close[0]}"?'
    if "/" not in written and written.lower().endswith(_WEB_SUFFIXES):
        return f'; if it is a web address, write it in full: "https://{written}"'
    return ""


def _shown(path: str) -> str:
    """A path relative to the working directory when it is near, as finding paths are."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return path
    return path if relative.startswith(os.path.join(os.pardir, os.pardir, os.pardir)) else relative
