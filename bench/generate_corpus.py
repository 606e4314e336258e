"""Generate a synthetic corpus of health-information documents for the benchmarks.

Each document is about 10 KB: YAML front matter, headings, paragraphs, lists,
links and an in-body review line ("Page last reviewed: 12 March 2024"). A few
per cent carry the defects the rules look for (missing or misspelt fields,
overdue reviews, no front matter, broken YAML, duplicate URLs), so every rule
family does real work. The text is made up from a small vocabulary written for
this script.

Output is deterministic for a given seed, and document ``i`` is the same
whatever ``--count`` is, so a 3,000-document corpus is a prefix of a
20,000-document one. Files go into sub-directories of 1,000.

    python bench/generate_corpus.py bench/corpus-3k --count 3000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import time
from pathlib import Path

# Bump when the documents change, so that benchmarks regenerate their corpora.
GENERATOR_VERSION = 2
FILES_PER_DIRECTORY = 1000
TARGET_BYTES = 10_000

SOURCES = [
    ("NCI", "02_nci_core", "www.cancer.gov"),
    ("NHS", "03_nhs", "www.nhs.uk"),
    ("Macmillan", "04_charity", "www.macmillan.org.uk"),
    ("ACS", "04_charity", "www.cancer.org"),
    ("CDC", "02_public_health", "www.cdc.gov"),
    ("MedlinePlus", "03_nlm", "medlineplus.gov"),
]
FREQUENCIES = ["monthly", "quarterly", "semiannual", "annual", "biennial"]
CANCER_TYPES = ["breast", "lung", "bowel", "prostate", "skin", "blood", "general", "ovarian", "kidney"]
TAGS = ["treatment", "side-effects", "diagnosis", "screening", "support", "drugs", "nutrition"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

SUBJECTS = ["Your care team", "A specialist nurse", "The treatment plan", "Your doctor", "This medicine",
            "A blood test", "The scan", "Radiotherapy", "Chemotherapy", "Surgery", "A clinical trial",
            "Physiotherapy", "Your pharmacist", "The hospital", "Support at home", "A dietitian"]
VERBS = ["can help with", "may change", "usually involves", "often reduces", "is planned around",
         "can affect", "will explain", "is checked against", "depends on", "may cause", "looks at",
         "is offered for", "takes into account", "can ease"]
OBJECTS = ["tiredness after treatment", "the number of sessions", "how you feel day to day",
           "your blood counts", "pain and swelling", "the size of the tumour", "your appetite",
           "the risk of infection", "side effects in the first weeks", "your fertility", "sleep",
           "your daily routine", "the choice of treatment", "recovery time", "the dose you receive"]
ENDINGS = ["for most people.", "in the first few weeks.", "during each cycle.", "after the last session.",
           "if you have other conditions.", "when treatment ends.", "over several months.",
           "and your team will talk it through with you.", "so ask about it at your next appointment."]
HEADINGS = ["What it is", "How it is given", "Side effects", "Before treatment", "During treatment",
            "After treatment", "Living with", "Getting support", "Questions to ask", "Research",
            "Diet and exercise", "Work and money", "Follow-up appointments", "Related pages"]
LINK_PATHS = ["/treatment", "/side-effects/fatigue", "/support/talking", "/types/overview",
              "/about/clinical-trials", "/living-with/diet", "/tests/blood-tests", "/research/news"]


def _sentence_pool(rng: random.Random, size: int = 600) -> list[str]:
    return [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(ENDINGS)}"
            for _ in range(size)]


def _date(rng: random.Random, start: dt.date, days: int) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(days))


def _front_matter(rng: random.Random, index: int, title: str, url: str, source: tuple[str, str, str],
                  reviewed: dt.date, defect: str) -> str:
    fields: dict[str, str] = {
        "title": f"'{title}'",
        "url": url,
        "source": source[0],
        "sourceType": source[1],
        "lastReviewed": f"'{reviewed.isoformat()}'",
        "reviewFrequency": rng.choice(FREQUENCIES),
        "status": rng.choice(["active"] * 8 + ["draft", "archived"]),
        "language": rng.choice(["en", "en", "en-GB", "en-US"]),
        "audienceLevel": rng.choice(["patient", "caregiver", "general"]),
        "cancerTypes": "\n" + "".join(f"- {t}\n" for t in rng.sample(CANCER_TYPES, 2)).rstrip("\n"),
        "tags": "\n" + "".join(f"- {t}\n" for t in rng.sample(TAGS, 2)).rstrip("\n"),
        "version": f"v{rng.randint(1, 3)}",
    }
    if defect == "missing-field":
        fields.pop(rng.choice(["source", "language", "status", "reviewFrequency"]))
    elif defect == "misspelt-field":
        fields["lastreviewed"] = fields.pop("lastReviewed")
    elif defect == "bad-value":
        fields["reviewFrequency"] = "yearly"
    elif defect == "bad-date":
        fields["lastReviewed"] = f"'{reviewed.year}-13-{reviewed.day:02d}'"
    lines = [f"{key}:{value}" if value.startswith("\n") else f"{key}: {value}" for key, value in fields.items()]
    if defect == "broken-yaml":
        lines[0] = f"title: {title}: a guide"
    return "---\n" + "\n".join(lines) + "\n---\n"


def _title(index: int) -> str:
    topic = f"{CANCER_TYPES[index % len(CANCER_TYPES)].capitalize()} cancer: {HEADINGS[index % len(HEADINGS)].lower()}"
    return f"{topic} ({index})"


def _url(index: int) -> str:
    return f"https://{SOURCES[index % len(SOURCES)][2]}/health/{index // FILES_PER_DIRECTORY}/page-{index}"


def make_document(index: int, seed: int, pool: list[str], today: dt.date) -> str:
    """Document number ``index`` of the corpus with this seed."""
    rng = random.Random(seed * 1_000_003 + index)
    source = SOURCES[index % len(SOURCES)]
    title, url = _title(index), _url(index)
    roll = rng.random()
    defect = ""
    if roll < 0.03:
        defect = "no-front-matter"
    elif roll < 0.04:
        defect = "broken-yaml"
    elif roll < 0.06:
        defect = "missing-field"
    elif roll < 0.07:
        defect = "misspelt-field"
    elif roll < 0.08:
        defect = "bad-value"
    elif roll < 0.085:
        defect = "bad-date"
    elif roll < 0.09 and index > 0:
        defect = "duplicate-url"  # the previous document's URL, written differently
        url = _url(index - 1).replace("https://www.", "https://WWW.") + "/"
    elif roll < 0.095 and index > 0:
        defect = "duplicate-title"  # the previous document's title, from another source
        title = _title(index - 1)
    # Most reviews fall in the last two years; the cycle decides which are overdue.
    reviewed = _date(rng, today - dt.timedelta(days=800), 790)
    parts: list[str] = []
    if defect != "no-front-matter":
        parts.append(_front_matter(rng, index, title, url, source, reviewed, defect))
    parts.append(f"\n# {title}\n\n")
    size = sum(len(p) for p in parts)
    section = 0
    while size < TARGET_BYTES - 400:
        heading = f"## {HEADINGS[(index + section) % len(HEADINGS)]}\n\n"
        paragraph = " ".join(rng.choices(pool, k=rng.randint(4, 8)))
        items = "".join(f"- {item}\n" for item in rng.sample(pool, rng.randint(3, 6)))
        host = rng.choice(SOURCES)[2]
        link = f"[{rng.choice(HEADINGS).lower()}](https://{host}{rng.choice(LINK_PATHS)})"
        relative = f"[more about this]({rng.choice(LINK_PATHS)})"
        block = f"{heading}{paragraph}\n\nRead about {link} or see {relative}.\n\n{items}\n"
        parts.append(block)
        size += len(block)
        section += 1
    body_reviewed = reviewed if rng.random() < 0.9 else _date(rng, today - dt.timedelta(days=1500), 1400)
    style = rng.random()
    if style < 0.6:
        line = f"Page last reviewed: {body_reviewed.day} {MONTHS[body_reviewed.month - 1]} {body_reviewed.year}"
    elif style < 0.8:
        line = f"Last Revised: {MONTHS[body_reviewed.month - 1]} {body_reviewed.day}, {body_reviewed.year}"
    else:
        next_review = body_reviewed + dt.timedelta(days=365 * 2)
        line = f"Next review: {next_review.day:02d} {MONTHS[next_review.month - 1]} {next_review.year}"
    parts.append(f"{line}\n")
    return "".join(parts)


def generate(directory: Path, count: int, seed: int = 7, today: dt.date = dt.date(2026, 11, 22)) -> Path:
    """Write ``count`` documents under ``directory`` (created; existing .md files there are replaced)."""
    directory.mkdir(parents=True, exist_ok=True)
    pool = _sentence_pool(random.Random(seed))
    for index in range(count):
        sub = directory / f"part-{index // FILES_PER_DIRECTORY:04d}"
        if index % FILES_PER_DIRECTORY == 0:
            sub.mkdir(exist_ok=True)
        (sub / f"doc-{index:06d}.md").write_text(make_document(index, seed, pool, today), encoding="utf-8")
    return directory


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("directory", type=Path, help="where to write the corpus (e.g. bench/corpus-3k, gitignored)")
    parser.add_argument("--count", type=int, default=3000, help="number of documents (default 3000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--clean", action="store_true", help="remove the directory first")
    args = parser.parse_args(argv)
    if args.clean and args.directory.exists():
        shutil.rmtree(args.directory)
    started = time.perf_counter()
    generate(args.directory, args.count, args.seed)
    print(f"wrote {args.count:,} documents to {args.directory} in {time.perf_counter() - started:.1f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
