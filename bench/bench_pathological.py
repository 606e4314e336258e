"""Pathological documents: every rule must be linear in the size of a document.

For each hostile body (many links, labels, headings, repeated paragraphs, long runs of one
character, ...) the body is checked at size n and 2n, in one process, and the ratio of the two
times is printed: about 2 is linear, 4 is quadratic. A case whose ratio is over 3 is marked.
Timings live here, not in the tests: the machines are shared and noisy.

    python bench/bench_pathological.py [--scale 1.0] [--only NAME]
"""

from __future__ import annotations

import argparse
import time
from typing import Callable

from contentlint.document.reading import parse_document
from contentlint.engine.linter import Linter
from contentlint.model.settings import Config

FRONT_MATTER = (
    "---\ntitle: Radiotherapy\nurl: https://www.cancer.gov/types/radiotherapy\nsource: NCI\n"
    "sourceType: 02_nci_core\nlastReviewed: '2026-10-01'\nreviewFrequency: annual\nstatus: active\nlanguage: en\n---\n"
)
LIMIT_RATIO = 3.0

# name -> body of about n units
CASES: dict[str, Callable[[int], str]] = {
    "autolinks on one line": lambda n: "<https://www.cancer.gov/a> " * n,
    "autolink per line": lambda n: "<https://www.cancer.gov/a>\n" * n,
    "html anchors": lambda n: '<a href="https://www.cancer.gov/a">x</a>\n' * n,
    "bare URLs": lambda n: "See https://www.cancer.gov/page and more.\n" * n,
    "bare URLs on one line": lambda n: "see https://www.cancer.gov/a and " * n,
    "HTML links on one line": lambda n: '<a href="https://www.cancer.gov/a">x</a> ' * n,
    "placeholders on one line": lambda n: "TODO lorem ipsum [insert] " * n,
    "bare URL then parentheses": lambda n: "https://www.cancer.gov/x" + "(" * n,
    "reference definitions": lambda n: "".join(f"[r{i}]: https://www.cancer.gov/{i}\n" for i in range(n)),
    "open brackets": lambda n: "[" * (n * 4),
    "nested images": lambda n: "![" * n + "](x)" * n,
    "deep list": lambda n: "".join("  " * (i % 200) + f"- [x](https://www.cancer.gov/{i})\n" for i in range(n)),
    "review labels": lambda n: "Reviewed:\n" * n,
    "'Last updated |' repeated": lambda n: "Last updated |" * n,
    "periods as review dates on one line": lambda n: "Last reviewed: 2024 | Next review: Spring 2026 | " * n,
    "review labels as one table's header": lambda n: (
        "| " + "Next review | " * n + "\n|" + "---|" * n + "\n| " + "June 2026 | " * n + "\n"
    ),
    "quarter label then spaces": lambda n: "Next review: Q3" + " " * (20 * n) + "x\n",
    "'It can:' lines": lambda n: "It can:\n" * n,
    "introductions before paragraphs": lambda n: "Side effects include:\n\nSee your doctor.\n\n" * n,
    "reference link uses": lambda n: "[leaflet][r] and text\n\n" * n + "[r]: https://www.cancer.gov/a\n",
    "introductions under headings": lambda n: "### Surgery\n\nThe following treatments may be used:\n\n" * n,
    "headings": lambda n: "".join(f"# Heading {i}\n" for i in range(n)),
    "empty headings, one paragraph at the end": lambda n: "##\n\n" * n + "Dosage\n",
    "empty headings with their text below": lambda n: "##\n\nWhat is the study?\n\n" * n,
    "repeated paragraphs": lambda n: (
        "Radiotherapy uses high-energy rays to treat cancer. It is planned carefully for each person.\n\n" * n
    ),
    "host of many www. labels": lambda n: "https://" + "www." * n + "example.org/\n",
    "repeated paragraphs with a link": lambda n: "Accessed 1 May 2020 from https://www.cancer.gov/a\n\n" * n,
    "'Accessed ... from' on one line": lambda n: "Accessed 1 May 2020 from " * n,
    "placeholders": lambda n: "TODO [insert text] lorem ipsum\n" * n,
    "one long line": lambda n: "word " * (n * 10),
    "suppression comments": lambda n: (
        "<!-- contentlint-disable-next-line Q001 -->\nPlaceholder slot\n\n"
        "<!-- contentlint-disable-next-line Q004 -->\nPlain words here\n\n"
    ) * n,
    "suppression comments with reasons": lambda n: (
        "<!-- contentlint-disable-next-line Q001 -- the team writes it -- soon -->\nPlaceholder slot\n\n"
    ) * n,
    "unreadable suppression comments": lambda n: "<!-- contentlint-disable-lines Q001 -->\nPlaceholder slot\n\n" * n,
    "paragraphs led by an open '['": lambda n: "[a\n\n" * n,
    "open '[' before bracketed words": lambda n: ("[" + "[x] " * 40 + "\n\n") * (n // 10),
    "bold labels on one line": lambda n: "**a:**b " * n,
    "empty bolds on one line": lambda n: "a****: " * n,
    "links side by side on one line": lambda n: "[Hair loss care](https://www.cancer.gov/a) " * n,
    "links side by side, a line each": lambda n: "[Hair loss](https://www.cancer.gov/a) [Sore mouth](b) [Sick](c)\n" * n,
    "links joined to words on one line": lambda n: "the[BRAF gene](https://www.cancer.gov/a)is " * n,
    "video thumbnails among links": lambda n: "[x](https://www.cancer.gov/a) ![](/oembed_thumbnails/a.jpg)\n" * n,
    "video thumbnails on one line": lambda n: "![](/oembed_thumbnails/a.jpg) " * n,
    "video thumbnails over their titles": lambda n: "![](/oembed_thumbnails/a.jpg)\n\nA talk\n\n" * n,
    "directive openings on one line": lambda n: "<!-- contentlint-" * (n * 2),
    "dashes after an open directive": lambda n: "<!-- contentlint-disable-line Q001 -- " + "-" * (n * 20),
}


def seconds(linter: Linter, body: str) -> float:
    data = (FRONT_MATTER + body).encode()
    best = float("inf")
    for _ in range(2):
        document = parse_document(data, "doc.md")
        started = time.perf_counter()
        linter.lint_document(document)
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the base size n (default 1.0)")
    parser.add_argument("--only", help="run only the cases whose name contains this")
    args = parser.parse_args(argv)
    import datetime as dt

    linter = Linter(Config(today=dt.date(2026, 12, 5)))
    n = int(10_000 * args.scale)
    print(f"{'case':32} {'n':>8} {'t(n)':>9} {'t(2n)':>9} ratio")
    over = 0
    for name, make in CASES.items():
        if args.only and args.only not in name:
            continue
        single, double = seconds(linter, make(n)), seconds(linter, make(2 * n))
        ratio = double / single if single > 0 else 0.0
        flag = "  QUADRATIC?" if ratio > LIMIT_RATIO and double > 0.05 else ""
        over += bool(flag)
        print(f"{name:32} {n:8} {single:8.3f}s {double:8.3f}s {ratio:5.2f}{flag}")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
