"""Q010 chatbot residue, Q011 withdrawn pages and S006 cure claims (issue 14), with near misses."""

from __future__ import annotations

import pytest

from conftest import codes_of, front_matter, lint_text, make_config

FILLER = (
    "Radiotherapy is given in short daily sessions over a few weeks. Your team will tell you what to "
    "expect and whom to call if you feel unwell at home.\n"
)


def codes(body: str, prefix: str, **config: object) -> set[str]:
    return codes_of(front_matter() + "\n" + FILLER + "\n" + body + "\n", make_config(**config), prefix)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("As an AI language model, I cannot examine you, but these are common causes of a cough.", {"Q010"}),
        ("Certainly! Here is a patient-friendly version of the leaflet:", {"Q010"}),
        ("Sure, here's the information rewritten in plain English.", {"Q010"}),
        ("Of course! Below is a shorter summary for carers.", {"Q010"}),
        ("Would you like me to turn the dosing advice into a table?", {"Q010"}),
        ("Let me know if you’d like me to add a section on diet.", {"Q010"}),
        ("Here’s a simplified version of the consent form.", {"Q010"}),
        ("I hope this helps! Take care.", {"Q010"}),
        ("Please note that as of my last knowledge update the guidance was different.", {"Q010"}),
        # Near misses: a page about chatbots, a helpline that cannot advise, "certainly" in prose.
        ("Some people ask AI chatbots about their symptoms; always check what they say with your GP.", set()),
        ("Our nurses cannot give medical advice by e-mail, but they can call you back.", set()),
        ("You will certainly feel tired for a few days after the injection.", set()),
        ("Sure Start centres offer help to parents of young children.", set()),
        ("```\nAs an AI language model\n```", set()),
    ],
)
def test_q010_chatbot_residue(body: str, expected: set[str]) -> None:
    assert codes(body, "Q010") == expected


def test_q010_message_quotes_what_it_saw() -> None:
    text = front_matter() + "\n" + FILLER + "\nWould you like me to add more detail?\n"
    (finding,) = [f for f in lint_text(text) if f.code == "Q010"]
    assert '"Would you like me to"' in finding.message and finding.line == 14


def test_q010_extendable() -> None:
    sections = {"quality": {"extend-chatbot-phrases": ["here is your leaflet"]}}
    assert codes("Here is your leaflet, ready to print.", "Q010", sections=sections) == {"Q010"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("This guidance has been updated and replaced by the 2026 bowel screening guideline.", {"Q011"}),
        ("**This page has been archived.** It is kept for reference only.", {"Q011"}),
        ("This leaflet has been withdrawn. Ask your pharmacist for the current version.", {"Q011"}),
        ("This document has been superseded by NG999.", {"Q011"}),
        ("This information is no longer current.", {"Q011"}),
        ("Withdrawn", {"Q011"}),
        # A retracted research article, as PubMed Central and the journals mark it.
        ("This article has been retracted. See the retraction notice in volume 12.", {"Q011"}),
        ("RETRACTED: Curcumin shrinks tumours in a phase 2 trial", {"Q011"}),
        ("# Retracted article: Green tea and breast cancer", {"Q011"}),
        ("Retraction in: J Clin Oncol. 2020;38(5):512.", {"Q011"}),
        ("**Retraction Note to:** Vitamin C and survival", {"Q011"}),
        ("Retraction: the nipple is pulled inward.", set()),  # a symptom's label
        ("Skin dimpling or nipple retraction can be a sign of breast cancer.", set()),
        ("The 1998 study was later retracted by the journal.", set()),
        # Near misses: a treatment replaced, a drug withdrawn from the market, the word in a sentence.
        ("Open surgery has been replaced by keyhole surgery in most hospitals.", set()),
        ("The drug was withdrawn from the market in 2004 because of heart problems.", set()),
        ("Some people become withdrawn when they are depressed; talk to your GP.", set()),
        ("Your notes are archived by the hospital for eight years.", set()),
    ],
)
def test_q011_page_withdrawn(body: str, expected: set[str]) -> None:
    assert codes(body, "Q011") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Our turmeric blend cures cancer naturally, without chemo.", {"S006"}),
        ("Apricot kernel extract eliminates tumours in weeks.", {"S006"}),
        ("The miracle cure the hospitals won't tell you about.", {"S006"}),
        ("Doctors don't want you to know about this alkaline tea.", {"S006"}),
        ("Guaranteed to cure or your money back.", {"S006"}),
        # Near misses: the claim denied or reported, research, a treatment that does cure some cancers.
        ("There is no evidence that laetrile cures cancer.", set()),
        ("It was promoted as a cure for cancer in the 1970s, but trials found no benefit.", set()),
        ("Researchers are studying whether the vaccine cures tumours in mice.", set()),
        ("Surgery often cures cancer that has not spread.", set()),
        ("Chemotherapy can be used to cure cancer or to slow its growth.", set()),
        ("Beware of websites that say a diet cures cancer.", set()),
    ],
)
def test_s006_cure_claim(body: str, expected: set[str]) -> None:
    assert codes(body, "S006") == expected


def test_s006_one_finding_counts_the_claims() -> None:
    text = front_matter() + "\n" + FILLER + "\nThis tea cures cancer.\n\nA miracle cure for all.\n"
    (finding,) = [f for f in lint_text(text) if f.code == "S006"]
    assert finding.line == 14 and "(2 claims on the page)" in finding.message
