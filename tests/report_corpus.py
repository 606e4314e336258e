"""A realistic small corpus for the audit report tests: several sources, overdue and due-soon
reviews, broken metadata, a document with no front matter, and two hostile titles.

Judged on conftest.TODAY (2026-11-22). The text is written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import PROSE

HOSTILE_SCRIPT_TITLE = "<script>window.__pwned = 'script'; alert('pwned')</script> Leukaemia in adults"
HOSTILE_IMAGE_TITLE = "<img src=x onerror=\"window.__pwned = 'img'; alert('pwned')\"> Mouth ulcers"


def _doc(title: str, url: str, source: str, source_type: str, last: str | None, frequency: str = "annual",
         status: str = "active", body: str = "", extra: str = "") -> str:
    fields = [
        f"title: {json.dumps(title)}",
        f"url: {url}",
        f"source: {source}",
        f"sourceType: {source_type}",
    ]
    if last is not None:
        fields.append(f"lastReviewed: '{last}'")
    fields += [f"reviewFrequency: {frequency}", f"status: {status}", "language: en"]
    heading = title if "<" not in title else "Information for patients"
    return "---\n" + "\n".join(fields) + "\n" + extra + "---\n\n# " + heading + "\n\n" + (
        body or "A short page written for these tests, with a paragraph of patient information. " + PROSE + "\n"
    )


DOCUMENTS: dict[str, str] = {
    "nci/radiotherapy-breast.md": _doc(
        "Radiotherapy for breast cancer", "https://www.cancer.gov/types/breast/radiotherapy", "NCI", "02_nci_core",
        "2026-10-01"),
    "nci/immunotherapy.md": _doc(
        "Immunotherapy explained", "https://www.cancer.gov/about-cancer/treatment/types/immunotherapy", "NCI",
        "02_nci_core", "2025-12-30", "quarterly"),
    "nci/chemo-side-effects.md": _doc(
        "Chemotherapy side effects", "https://www.cancer.gov/about-cancer/treatment/side-effects", "NCI",
        "02_nci_core", "2026-09-01", "quarterly"),
    "nci/clinical-trials.md": _doc(
        "Joining a clinical trial", "https://www.cancer.gov/research/participate/clinical-trials", "NCI",
        "02_nci_core", "2026-04-02", "annual"),
    "nhs/bowel-screening.md": _doc(
        "Bowel cancer screening", "https://www.nhs.uk/conditions/bowel-cancer-screening/", "NHS", "03_nhs",
        "2026-06-15", "semiannual"),
    "nhs/skin-cancer-signs.md": _doc(
        "Signs of skin cancer", "https://www.nhs.uk/conditions/melanoma-skin-cancer/", "NHS", "03_nhs", "2026-03-10"),
    "nhs/lymphoma-overview.md": _doc(
        "Hodgkin lymphoma overview", "https://www.nhs.uk/conditions/hodgkin-lymphoma/", "NHS", "03_nhs", "2025-08-01"),
    "nhs/mouth-ulcers.md": _doc(
        HOSTILE_IMAGE_TITLE, "javascript:alert('pwned')", "NHS", "03_nhs", "2026-02-01", "semiannual"),
    "macmillan/fatigue.md": (
        "# Coping with tiredness\n\nTiredness during treatment is common. Plan rest into each day, ask family "
        "and friends to help with everyday jobs, and tell your team if tiredness stops you doing what you need to do.\n\n"
        "This information was written by Macmillan Cancer Support.\n\n"
        "Page last reviewed: 12 March 2024\n"
    ),
    "macmillan/eating-well.md": _doc(
        "Eating well during treatment", "https://www.macmillan.org.uk/cancer-information/eating-well", "Macmillan",
        "04_charity", "2026-11-01", "monthly", status="no"),
    "macmillan/talking-to-children.md": _doc(
        "Talking to children about cancer", "https://www.macmillan.org.uk/cancer-information/children", "Macmillan",
        "04_charity", "2026-05-20"),
    "acs/prostate-psa.md": _doc(
        "The PSA test", "https://www.cancer.org/cancer/types/prostate-cancer/psa", "ACS", "05_acs", "2025-02-14",
        "biennial", extra="sorce: ACS\n"),
    "acs/nutrition.md": _doc(
        "Nutrition for people with cancer", "https://www.cancer.org/treatment/nutrition", "ACS", "05_acs",
        "2027-02-01"),
    "acs/leukaemia.md": _doc(
        HOSTILE_SCRIPT_TITLE, "https://www.cancer.org/cancer/types/leukemia", "ACS", "05_acs", "2026-08-30",
        "quarterly"),
    "drafts/new-page.md": _doc(
        "Support groups near you", "https://www.nhs.uk/services/support-groups/", "Local trust", "06_local", None, status="draft"),
    "archive/old-leaflet.md": _doc(
        "Old chemotherapy leaflet", "https://www.cancer.gov/old/leaflet", "NCI", "02_nci_core", "2019-01-01",
        status="archived"),
    "imports/broken.md": "---\ntitle: Scans and tests\nurl: [unclosed\n---\n\n# Scans and tests\n\n" + PROSE + "\n",
}


def write_report_corpus(root: Path) -> Path:
    for name, text in DOCUMENTS.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root
