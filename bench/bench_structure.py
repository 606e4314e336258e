"""The structural parse on real pages, as a ratio to the front-matter floor, in one run.

    python bench/bench_structure.py [--corpus DIR] [--repeat N]

Times, over every Markdown page of the corpus (default ../shared/corpora/nci-kb beside the repo):
python-frontmatter's ``load`` of each file (the floor), ``parse_structure`` of the same bodies
(front matter stripped), the views built on it (``extract_links``, ``visible_text``; the parse itself
done beforehand), and markdown-it-py (CommonMark + tables) for comparison. Each figure is the best
of ``--repeat`` runs; ratios are to the floor, since the machine may be shared.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import frontmatter  # noqa: E402
from markdown_it import MarkdownIt  # noqa: E402

from contentlint.model.settings import Config
from contentlint.analysis.links import extract_links  # noqa: E402
from contentlint.analysis.structure import document_structure, parse_structure  # noqa: E402
from contentlint.document.reading import read_document  # noqa: E402


def split_front_matter(text: str) -> tuple[str, int]:
    """The body after a leading ``---`` block, and the file line where the body starts."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end >= 0:
            return text[end + 5 :], text.count("\n", 0, end + 5) + 1
    return text, 1


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "nci-kb")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best counts")
    args = parser.parse_args(argv)
    paths = sorted(p for p in args.corpus.rglob("*") if p.is_file() and p.suffix in (".md", ".markdown"))
    if not paths:
        parser.error(f"no Markdown page under {args.corpus}")
    pages = [split_front_matter(p.read_text(encoding="utf-8")) for p in paths]
    size = sum(len(body) for body, _ in pages)
    md = MarkdownIt("commonmark", {"html": True}).enable("table")

    documents = [read_document(p, str(p)) for p in paths]
    views = [document_structure(document) for document in documents]

    floor = best(lambda: [frontmatter.load(p) for p in paths], args.repeat)
    figures = [
        ("frontmatter.load (floor)", floor),
        ("parse_structure", best(lambda: [parse_structure(body, first) for body, first in pages], args.repeat)),
        ("  then extract_links", best(lambda: [extract_links(document, Config()) for document in documents], args.repeat)),
        ("  then visible_text", best(lambda: [view.visible_text() for view in views], args.repeat)),
        ("markdown-it-py parse", best(lambda: [md.parse(body) for body, _ in pages], args.repeat)),
    ]
    print(f"{len(paths)} pages, {size / 1e6:.1f} M characters of body, best of {args.repeat}")
    for name, seconds in figures:
        print(f"  {name:28s} {seconds:8.3f} s  {seconds / floor:6.2f}x floor")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
