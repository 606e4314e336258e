"""Q012: a suppression comment that suppresses nothing (reported by the linter, which sees every finding)."""

from __future__ import annotations

from contentlint.plugin import reported_code

reported_code(
    "Q012", "unused-suppression", "warning", fix="safe",
    doc="""A suppression comment suppresses nothing: no finding of the codes it names is where it reaches.

    Why it matters: a suppression outlives its reason. Once the page is mended, a
    `<!-- contentlint-disable-next-line F001 -->` left above its review line
    waits there, and hides the next overdue review of that page without anyone
    deciding so again. A misspelt code (`F01`, `Q2`) suppresses nothing from the
    start, while the editor believes the finding is dealt with.

    Reported: each `disable-next-line`, `disable-line`, `disable-file` or `disable`
    comment with a code that matched no finding in its reach (the next line, its
    line, the file, or its block up to `enable`), and each code that names no rule
    (a rule's name, `placeholder-text`, is pointed to its code, Q001). So is a
    comment that begins as one but cannot be read (`contentlint-disable-lines`,
    `F001: reviewed`): the message says what to write. A reason goes after ` -- `:
    `<!-- contentlint-disable-next-line F001 -- reviewed by the ward lead -->`.
    A code is judged only when every rule it can name ran on the document: a code
    that can name a rule this run left out (`--select`, `--ignore`,
    `per-file-ignores`), a corpus-wide rule (Q009) or a network rule (L001-L003,
    L009, L014) is not, nor is a comment that names no code, nor one shown as an example
    inside code (which suppresses nothing). A suppression comment written in the
    front matter is reported whatever it names: there it is no comment, and
    suppresses nothing. So `--select Q012` alone reports only unknown codes and
    comments in the front matter.

    Example: `<!-- contentlint-disable-next-line F001 -->` above a review line that
    is no longer overdue: "suppression comment suppresses nothing (no F001 finding
    on line 12): delete it".

    Fix (safe): none for a rule's name or an unreadable comment, which the editor
    mends by hand. Otherwise, delete the comment (a line it held alone goes too, or stays blank
    between two lines of text, so that no two blocks join), or remove only the
    unused codes from it. A `disable` block's comment is not changed: its
    `enable` belongs with it, nor is one in the front matter (move it below), nor
    one at the top of a page whose next line is `---`, which would then open a
    front matter, nor one between two characters that are not spaces
    (`page<!-- … -->name`), which would become one word or one address. Within a
    line, one space stays between the words on either side.

    Options: none; `--ignore Q012` turns it off.
    """,
)
