"""Content-quality rules Q001-Q008, with near misses among the passing cases."""

from __future__ import annotations

import re
import sys

import pytest

from conftest import codes_of, front_matter, lint_text, make_config

from contentlint.model.findings import Finding

FILLER = (
    "Chemotherapy uses drugs to destroy cancer cells. Your care team will explain how often you "
    "have treatment, what side effects to expect and whom to call if you feel unwell.\n"
)


def q_codes(body: str, **config: object) -> set[str]:
    return codes_of(front_matter() + "\n" + FILLER + "\n" + body + "\n", make_config(**config), "Q")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Placeholder slot", {"Q001"}),
        ("Lorem ipsum dolor sit amet.", {"Q001"}),
        ("TODO: add the dosing table.", {"Q001"}),
        ("Dose: TBD after the review.", {"Q001"}),
        ("See [insert link to leaflet] for more.", {"Q001"}),
        ("Dear {{ patient_name }},", {"Q001"}),
        ("Your appointment is on {{appointment date}}.", {"Q001"}),
        # What a site generator fills in: Hugo shortcodes, template expressions.
        ('{{< figure src="/img/sunburn.png" alt="Sunburn" >}}', set()),
        ("Watch the video: {{< youtube w7Ft2ymGmfc >}}", set()),
        ("{{% notice warning %}}\nCall 999 if you faint.\n{{% /notice %}}", set()),
        ("Back to [the home page]({{ site.baseurl }}/).", set()),
        ("Updated {{ page.last_modified_at | date: '%d %B %Y' }}.", set()),
        ("{{- .Title -}}", set()),
        ("{% for issue in issues %}\n[#{{ issue }}](https://example.org/{{ issue }})\n{% endfor %}", set()),  # Liquid
        ("{%- include note.html -%}\n\nDear {{ patient_name }},", set()),  # a template page's variable
        ("Dear {{ patient_name }}, save 20% {on} parking.", {"Q001"}),  # no tag: a slot
        ("Coming soon", {"Q001"}),
        ("[citation needed]", {"Q001"}),
        ("Make a to-do list before your appointment.", set()),
        ("Write a todo list, or use an app such as Todoist.", set()),
        ("La quimioterapia recorre todo el cuerpo. Todos los pacientes reciben un plan.", set()),
        ("Mastodon and photodocumentation are words, not placeholders.", set()),
        ("[Add a medicine to your list](https://www.nhs.uk/x)", set()),
        ("A placebo is a dummy treatment used in some trials.", set()),
        ("New results are coming soon from the trial, the team said.", set()),
        ("```\nTODO: this is code\n```", set()),
        ("<!-- TODO: check with the pharmacist -->", set()),
        ("Use `TODO` markers in the code.", set()),
        # a word inside an address is part of the address
        ("Read [the guide](https://www.nhs.uk/TODO/guide) first.", set()),
        ("Read the guide at https://www.nhs.uk/TBD/guide first.", set()),
        ("Read [the guide][g] first.\n\n[g]: https://www.nhs.uk/FIXME/guide", set()),
        ('Read <a href="https://www.nhs.uk/TODO/guide">the guide</a> first.', set()),
        ("![TODO](https://www.nhs.uk/a.png)", {"Q001"}),  # alt text is text
        ("[TODO](https://www.nhs.uk/TODO)", {"Q001"}),
    ],
)
def test_q001_placeholders(body: str, expected: set[str]) -> None:
    assert q_codes(body) == expected


def test_q001_extendable() -> None:
    assert q_codes("This section is to be written.", sections={"quality": {"extend-placeholders": ["to be written"]}}) == {"Q001"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Skip to main content", {"Q002"}),
        ("[Click to download full resolution via product page](https://x.cancer.gov/a)", {"Q002"}),
        ("We use cookies to improve your experience.", {"Q002"}),
        ("Sign up to stay up-to-date with news and ways to get involved.", {"Q002"}),
        ("Sign up for our newsletter.", {"Q002"}),
        ("Signup for our newsletter.", {"Q002"}),
        ("Signing up for e-mail updates takes a minute.", {"Q002"}),
        ("Sign-up for email updates", {"Q002"}),
        ("Subscribe to our e-mail updates", {"Q002"}),
        ("Back to top", {"Q002"}),
        ("**Print**", {"Q002"}),
        ("You can sign up for a clinical trial through your hospital.", set()),
        ("Parents can sign up their children for vaccination at the surgery.", set()),
        ("Sign up to the organ donor register. Tell your family about your decision, e-mails are not needed.", set()),
        ("Ask your nurse how to print your treatment diary.", set()),
        ("## Search for a trial", set()),
        ("Go back to the top of the stairs slowly.", set()),
        ("print `Your next dose is due at 8 pm`.", set()),  # code on the line: not a lone "Print"
        ("**Print** `dose_diary.pdf`", set()),
        ("Print <!-- the button -->", {"Q002"}),  # a comment is not seen: "Print" alone is
        ("`dose_diary.pdf`\n\n**Print**", {"Q002"}),  # code on another line
        ("```\nPrint\n```", set()),
        # A site's error where an embedded video failed, and its hidden heading above it.
        ("Could not retrieve the oEmbed resource.", {"Q002"}),
        ("## Error message\n\nCould not retrieve the oEmbed resource.", {"Q002"}),
        ("## Error message\n\nCheck the number on your prescription.", set()),
        ("The error message reads: could not retrieve the oEmbed resource.", {"Q002"}),  # the error, not a heading
        # A breadcrumb trail, rating and advertising widgets, a loading notice.
        ("You are here: Home > Conditions > Stoma", {"Q002"}),
        ("**You are here:** [Home](https://www.nhs.uk/) > Conditions", {"Q002"}),
        ("If you are here: for the first time, ask at reception.", set()),  # a sentence, not at the line's start
        ("Rate this page", {"Q002"}),
        ("Continue reading below", {"Q002"}),  # an advertisement's interstitial
        ("Continue reading below to find out about side effects.", set()),
        ("Loading...", {"Q002"}),
        ("Loading the dishwasher can strain your back after surgery.", set()),
        # Buttons and widget titles that do nothing in a copy.
        ("**Read more**", {"Q002"}),
        ("Show more", {"Q002"}),
        ("## You might also like\n\n[Eating well](https://www.nhs.uk/live-well/eat-well/)", {"Q002"}),
        ("Back to search results", {"Q002"}),
        ("Read more about side effects in the leaflet your nurse gives you.", set()),
        ("[Read more](https://www.nhs.uk/conditions/flu/)", set()),  # a link's text, with its address
        ("You might also like to bring a friend to the appointment.", set()),
    ],
)
def test_q002_boilerplate(body: str, expected: set[str]) -> None:
    assert q_codes(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Issue 14: boilerplate as real sites print it, in our own wording.
        ("We'd like to use cookies to understand how you use this website.", {"Q002"}),
        ("**Accept additional cookies** | **Reject additional cookies**", {"Q002"}),
        ("Use necessary cookies only", {"Q002"}),
        ("By continuing to use this site you agree to our cookie policy.", {"Q002"}),
        ("You need to enable JavaScript to run this app.", {"Q002"}),
        ("An official website of the United States government. Here's how you know", {"Q002"}),
        ("Your browser is out of date: upgrade your browser to see this page properly.", {"Q002"}),
        ("[Print this article](#) [Email this article](#)", {"Q002"}),
        ("- Facebook\n- Twitter\n- WhatsApp", {"Q002"}),
        ("Donate now to fund our nurses.", {"Q002"}),
        ("Accessibility tools: increase text size, decrease text size", {"Q002"}),
        ("Download as PDF, TXT or read online. Flag for inappropriate content.", {"Q002"}),
        ("Zinc and you.\n\n**A-Z**\n\nZoledronic acid.", {"Q002"}),  # looked up as "a-z", not "z"
        ("Was this page useful? Yes No", {"Q002"}),
        ("We've put some small files called cookies on your device to make our site work.", {"Q002"}),
        ("Is this page useful? [Report a problem with this page](https://x.org/contact)", {"Q002"}),
        ("Did you find this page helpful?", {"Q002"}),
        # A PubMed Central article as scraped: figure links, section jumps, disclaimer, footer.
        ("[Open in a separate window](https://pmc.ncbi.nlm.nih.gov/articles/PMC1/figure/F1/)", {"Q002"}),
        ("Results\n\nGo to:\n\nThe trial enrolled 412 patients.", {"Q002"}),
        ("As a library, NLM provides access to scientific literature.", {"Q002"}),
        ("Articles from BMC Cancer are provided here courtesy of BMC", {"Q002"}),
        ("**Copyright and License information**", {"Q002"}),
        # The header and footer of NHS, CDC and MedlinePlus pages.
        ("Skip directly to site content", {"Q002"}),
        ("Skip directly to search", {"Q002"}),
        ("Search the NHS website", {"Q002"}),
        ("* [Home](https://www.nhs.uk/)\n* Browse More", {"Q002"}),
        ("Get Email Updates", {"Q002"}),
        ("To receive email updates about this page, enter your email address:", {"Q002"}),
        ("Learn how to cite this page", {"Q002"}),
        ("Please enable cookies to use this site.", {"Q002"}),
        ("Cleveland Clinic does not endorse companies or products.", {"Q002"}),
        ("Mayo Clinic does not endorse companies or products. Advertising revenue supports our not-for-profit mission.", {"Q002"}),
        ("Apple Download on the App Store", {"Q002"}),
        ("YouTube", {"Q002"}),
        ("Show references", {"Q002"}),
        ("**Advertising & Sponsorship**", {"Q002"}),
        ("Watch the video on YouTube to see how the inhaler works.", set()),
        ("<style>\n  .youtube { color: red; }\n</style>", set()),  # a style sheet shows nothing
        ("<script>\n  // TODO load the map\n</script>", set()),
        ("Some people can skip directly to surgery after the scan.", set()),
        ("You can browse more leaflets at the clinic desk.", set()),
        ("Articles from the trial were provided to the panel.", set()),
        ("Go to: the clinic's front desk to check in.", set()),
        ("Was the exercise plan useful to you? Tell your physiotherapist.", set()),
        ("* [A–Z](https://x.org/a-z)\n* [a - z](https://x.org/z)", set()),
        ("See the A-Z of drugs.", set()),
        # Near misses: the words in the page's own sentences and lists.
        ("- biscuits\n- cookies\n- cake", set()),
        ("Ways to reach us:\n\n- Email\n- Phone", set()),
        ("Ask whether your hospital uses a text-size setting on its patient portal app.", set()),
        ("Many people choose to donate blood or bone marrow after treatment.", set()),
    ],
)
def test_q002_boilerplate_as_sites_print_it(body: str, expected: set[str]) -> None:
    assert q_codes(body) == expected


def q002_lines(body: str) -> list[int]:
    text = front_matter() + "\n" + FILLER + "\n" + body + "\n"
    first = text.count("\n", 0, text.index(body)) + 1
    return [f.line - first for f in lint_text(text, make_config()) if f.code == "Q002"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The words named in quotation marks, not the button itself.
        ('Press the "Skip to content" link to jump past the menu.', []),
        ("Press the “Was this page helpful?” button at the end of a page.", []),
        ("Press the button. Skip to content", [0]),
        # A line that only carries on a sentence.
        ("Tags group pages so that readers find more\nrelated content.", []),
        ("Tags group pages so that readers find more.\nRelated content", [1]),
        # A heading over a section of its own, or a widget's title over its buttons and links.
        ("## Related content\n\nThe leaflets for each clinic are listed by topic on its page.", []),
        ("### Search\n\n- [Trials](https://www.example.org/t): search the register by cancer type", []),
        ("## Related content\n\n- [Hair loss](https://www.example.org/a)\n- [Fatigue](https://www.example.org/b)", [0]),
        ("### Search\n\nSearch", [0, 2]),
        ("### Search\n\nDonate now to fund our nurses and their research.", [0, 2]),  # boilerplate under it
        ("### Search\n\n## Treatment\n\nSurgery is the main treatment for most people.", [0]),  # an empty section
        ("## Facebook\n\nAsk your care team which side effects you should report.", [0]),  # a share button
        ("## Privacy policy\n\nThe clinic keeps your records for eight years after your last visit.", []),
        ("Privacy Policy\n\nSite Map", [0, 2]),  # a footer's links, their links lost
        ("## Was this page helpful?\n\nThe web team reads every answer to this question.", [0]),  # a phrase, not a line
    ],
)
def test_q002_words_named_or_a_section_of_the_page(body: str, expected: list[int]) -> None:
    assert q002_lines(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Issue 14: template slots in square brackets and fill-in blanks after a colon.
        ("Call the [Name of hospital] switchboard and ask for the ward.", {"Q001"}),
        ("Phone [Trust name] on [phone number] between 9am and 5pm.", {"Q001"}),
        ("Leaflet reviewed on [DATE].", {"Q001"}),
        ("Your specialist nurse: ________", {"Q001"}),
        ("Clinic contact number: \\_\\_\\_\\_\\_", {"Q001"}),
        # Near misses: links, reference links, a date written out, a blank line drawn inside a sentence.
        ("See [the hospital](https://www.example.nhs.uk/) for parking.", set()),
        ("Read the [leaflet][1] first.\n\n[1]: https://www.example.nhs.uk/leaflet", set()),
        ("Next review date: 1 March 2027.", set()),
        ("Mark your pain on the scale ____ from 0 to 10 each morning.", set()),
        # A number written as Xs, "TBC" as a label's value, a website builder's sample text.
        ("Call the ward on XXX XXX XXXX between 9am and 5pm.", {"Q001"}),
        ("Phone 0161 xxx-xxxx for the clinic.", {"Q001"}),
        ("Triple X syndrome (47,XXX) affects about 1 in 1,000 girls.", set()),
        ("Your consultant, Dr XXXX, will see you in clinic.", {"Q001"}),  # a name, a price, an address as Xs
        ("Ask Sister XX on the ward.", {"Q001"}),
        ("Dr Xu leads the clinic.", set()),
        ("Parking costs £XX.XX a day.", {"Q001"}),
        ("Parking costs £2.50 a day.", set()),
        ("Write to xxx@nhs.net with your questions.", {"Q001"}),
        ("Write to maxxx@nhs.net with your questions.", set()),
        ("Clinic times: TBC", {"Q001"}),
        ("Parking charges: (TBC).", {"Q001"}),
        ("High-dose chemotherapy with TBC and a stem cell transplant.", set()),  # thiotepa, busulfan, cyclophosphamide
        ("Click here to edit this text.", {"Q001"}),
        ("Click here to edit your contact details in the patient portal.", set()),
    ],
)
def test_q001_template_slots_and_blanks(body: str, expected: set[str]) -> None:
    assert q_codes(body) == expected


def test_q002_extendable_lines_and_phrases() -> None:
    quality = {"quality": {"extend-boilerplate": ["rate this page"], "extend-boilerplate-lines": ["Feedback"]}}
    assert q_codes("Please rate this page.\n\nFeedback", sections=quality) == {"Q002"}
    assert len([f for f in lint_text(front_matter() + "\nRate this page\n\nFeedback\n" + FILLER, make_config(sections=quality)) if f.code == "Q002"]) == 2


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Pomalidomide works in several ways. It can:\n\nYour doctor will talk to you about this treatment.", {"Q003"}),
        ("### Other medicines\n\nTell your doctor about drugs you take, such as:\n\n## Fertility\n\nSome drugs affect fertility.", {"Q003"}),
        ("The pregnancy test will be repeated every month:", {"Q003"}),  # the document ends
        ("## Results\n\nGo to:\n\nThe trial enrolled 412 patients.", {"Q002"}),  # a scraped article's menu: Q002, not Q003
        ("## Results\n\nJump to:\n\nThe trial enrolled 412 patients.", set()),
        ("## Results\n\nGo to the clinic to:\n\nThe trial enrolled 412 patients.", {"Q003"}),
        ("It can:\n\n- reduce swelling\n- ease pain", set()),
        ("It can:\n\n* reduce swelling", set()),
        ("It can:\n\n+ reduce swelling", set()),
        ("It can:\n\n  • reduce swelling\n  • ease pain", set()),
        ("It can:\n\n1. reduce swelling\n2. ease pain", set()),
        ("It can:\n\n2) reduce swelling", set()),
        ("If you have any of these symptoms:\n\nany weakness in your arms\n\n- a headache", set()),  # one stray line
        ("The doses are:\n\n| Age | Dose |\n|---|---|\n| 9 | 2 |", set()),
        ("Opening hours:\n\nMonday to Friday, 8am to 6pm.", set()),  # a label
        ("Email:\n\nhelp@nhs.net", set()),
        ("Next review:\n\n01 November 2027", set()),
        ("**Disclaimer:**\n\nThis page is for information only.", set()),
        ("Pomalidomide is approved\nto treat:\n\n- myeloma", set()),
        ("It can: reduce swelling and ease pain.", set()),
        ("Here is what one patient said:\n\n\"I felt tired but it passed.\"", set()),
        ("You can take it:\nwith food or without food.", set()),  # the paragraph goes on
        # Issue 14, from real pages: a citation or a single answer after "is:", items written as
        # bold-led paragraphs, a label with a long parenthesis, a caption before the table, an item's own text.
        ("To cite this leaflet, use:\n\nWessex Cancer Network. Living with a stoma. Leaflet 12, 2026.", set()),
        ("The recommended way to reference this guidance is:\n\nRenal Cancer Group (2025). Kidney biopsy. Leeds.", set()),
        ("The grading of the tumour is described by these scores:\n\n**G1:** The cells look almost normal.\n\n**G2:** The cells look a little abnormal.", set()),
        ("Results (adjuvant letrozole compared with tamoxifen in older women):\n\nThe trial enrolled 800 women over five years.", set()),
        ("The doses for each age are given in the chart below:\n\nChart 3. Doses by age\n\n| Age | Dose |\n|---|---|\n| 9 | 2 |", set()),
        ("- A study of shark cartilage capsules in 40 adults:\n\nMost of the adults stopped taking the capsules early.", set()),
        ("The two drugs can cause side effects. The list below is not complete:\n\nAnastrozole has been linked with joint pain.\n\n"
         "Letrozole has been linked with hot flushes.", set()),  # items written as parallel paragraphs
        ("#### Screening\n\n- **Detection rate** is the share of screened people found to have cancer:\n\n## Cancers found\n\n## People screened", set()),
        ("Common side effects of this injection can include:\n\nMost people get used to the clinic after a week or two.", {"Q003"}),
        ("### Diet\n\nAvoid the following foods while you take it:\n\n## Getting help\n\nCall the ward if you need us.", {"Q003"}),
        ("### Diet\n\nAvoid the following foods while you take it:\n\n#### Grapefruit\n\nIt raises the dose.", set()),
        # One text presented, not a list: "Here is a … version", "Below is the …"; but "Here is a list of", "Here are".
        ("For younger readers. Here is a shorter version of the advice on mouth care:\n\nBrush gently after meals.", set()),
        ("Here's the letter we send to your doctor after the clinic visit:\n\nDear Dr Patel, we saw your patient today.", set()),
        ("Below is the statement our trust agreed with the patients' panel:\n\nWe will answer every call within a day.", set()),
        ("Here is a list of the foods to avoid while you take it:\n\nAsk the pharmacist if you are unsure.", {"Q003"}),
        ("Here are the side effects that people most often have:\n\nAsk the pharmacist if you are unsure.", {"Q003"}),
        ("Here is a few of the side effects that people often have:\n\nAsk the pharmacist if you are unsure.", {"Q003"}),
    ],
)
def test_q003_list_missing(body: str, expected: set[str]) -> None:
    assert q_codes(body) == expected


REPEATED = "Contact the hospital straight away on the 24-hour number if you feel unwell."


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (f"{REPEATED}\n\nOther text in between that is different.\n\n{REPEATED}", {"Q004"}),
        ("Trusted Information Creator - Patient Information Forum\nTrusted Information Creator - Patient Information Forum", {"Q004"}),
        ("Yes\n\nNo\n\nYes", set()),  # short lines
        ("## Side effects\n\n- feeling sick and being sick often\n\n## Late effects\n\n- feeling sick and being sick often", set()),
        ("| a | b |\n|---|---|\n| 1 | 2 |\n\n| c | d |\n|---|---|\n| 3 | 4 |", set()),
        ("----------------------------------------\n----------------------------------------", set()),
        (f"{REPEATED}\n\n{REPEATED[:-1]} today.", set()),  # not word for word
        # Whitespace is ignored: line breaks, double spaces, tabs and no-break spaces.
        (f"{REPEATED}\n\nBetween.\n\n{REPEATED.replace(' the ', chr(10) + 'the ', 1)}", {"Q004"}),
        (f"{REPEATED}\n\nBetween.\n\n  {REPEATED.replace(' ', '  ', 2)}", {"Q004"}),
        (f"{REPEATED}\n\nBetween.\n\n{REPEATED.replace(' ', chr(9), 1)}", {"Q004"}),
        (f"{REPEATED}\n\nBetween.\n\n{REPEATED.replace(' ', chr(0xA0))}", {"Q004"}),
        (f"{REPEATED}\n\nBetween.\n\n{REPEATED.replace(' ', chr(0x2009), 3).replace(' ', chr(0x3000), 1)}", {"Q004"}),
        (f"{REPEATED}\n\nBetween.\n\n{REPEATED.replace(' ', '')}", set()),  # words run together: not the same
        (f"{REPEATED}\n\n\n\n\n{REPEATED}", {"Q004"}),
        (f"{REPEATED} \n{REPEATED}", set()),  # the same words, but the line above ends in a space
    ],
)
def test_q004_repeated_text(body: str, expected: set[str]) -> None:
    assert q_codes(body) == expected


XREF = "For details of each treatment named below, read the [treatment overview](#overview) part of this page."
SETTLE = "Most people find that the soreness settles within two or three weeks of the last dose."


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Issue 14: what a source page repeats on purpose, under each stage or section heading.
        (f"## Stage 1\n\n{XREF}\n\nSurgery.\n\n## Stage 2\n\n{XREF}\n\nRadiotherapy.\n\n## Stage 3\n\n{XREF}", set()),
        (f"## Children\n\n{SETTLE}\n\n## Adults\n\n{SETTLE}", set()),  # a sentence each section needs
        # Headings whose text fell below them: Q013's, not a repeat.
        (f"##\n\nStage 1\n\n{SETTLE}\n\n##\n\nStage 2\n\n{SETTLE}", {"Q013"}),
        (f"{XREF}\n\nChemotherapy is given in cycles.\n\n{XREF}", set()),  # a pointer given twice in one section
        (f"- Stage 1A: small.\n\n{SETTLE}\n- Stage 1B: larger.\n\n{SETTLE}", set()),  # per list item
        # Scraping damage: a doubled paragraph, a footer copied twice, a section copied twice, one caption under
        # three pictures, a long paragraph twice in one section.
        (f"{SETTLE}\n\n{SETTLE}", {"Q004"}),
        (f"{XREF}\n\n{XREF}", {"Q004"}),
        ("Registered charity 1234567 in England and Wales.\n\nOur helpline is free on 0800 000 0000, 9am to 5pm.\n\n"
         "Registered charity 1234567 in England and Wales.\n\nOur helpline is free on 0800 000 0000, 9am to 5pm.", {"Q004"}),
        (f"## Contact us\n\n{SETTLE}\n\n## Contact us\n\n{SETTLE}", {"Q004"}),
        ("![a](https://x.org/1.png)\n\nCourtesy of the hospital photography department, 2026.\n\n## B\n\n"
         "![b](https://x.org/2.png)\n\nCourtesy of the hospital photography department, 2026.\n\n## C\n\n"
         "![c](https://x.org/3.png)\n\nCourtesy of the hospital photography department, 2026.", {"Q004"}),
        (f"{SETTLE} {SETTLE} {SETTLE} {SETTLE}\n\nBetween.\n\n{SETTLE} {SETTLE} {SETTLE} {SETTLE}", {"Q004"}),
    ],
)
def test_q004_tells_page_wording_from_scraping_repeats(body: str, expected: set[str]) -> None:
    assert q_codes(body) == expected


def test_q004_knows_every_space_that_split_knows() -> None:
    """The whitespace Q004 squeezes out before it compares is what str.split() takes for whitespace."""
    from contentlint.rules.repeats import _OTHER_WHITESPACE

    assert set(_OTHER_WHITESPACE) == {chr(c) for c in range(0x80, sys.maxunicode + 1) if chr(c).isspace()}


def test_q004_says_what_it_saw() -> None:
    text = front_matter() + "\n" + SETTLE + "\n\n" + SETTLE + "\n"
    (finding,) = [f for f in lint_text(text) if f.code == "Q004"]
    assert "right after it" in finding.message


def test_q004_reports_the_second_copy_and_where_the_first_is() -> None:
    text = front_matter() + "\n" + REPEATED + "\n\n" + FILLER + "\n" + REPEATED + "\n"
    (finding,) = [f for f in lint_text(text) if f.code == "Q004"]
    assert finding.line == 16 and "line 12" in finding.message


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("# Pomalidomide - NCI\n\n# Pomalidomide", {"Q005"}),
        ("Title\n=====\n\n# Second", {"Q005"}),
        ("# Title\n\n## Section\n\n### Sub", set()),
        ("# Title\n\n```\n# a comment in code\n```", set()),
        ("# Title\n\nA #hashtag and C# code", set()),
    ],
)
def test_q005_top_level_headings(body: str, expected: set[str]) -> None:
    assert q_codes(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("NCCN guideline. V1.2020. Accessed 05/21/2020 from", {"Q006"}),
        ("FDA approval notice (05/15/2020). Accessed 05/21/2020 from \u00a0", {"Q006"}),
        ("PDQ summary. 01/30/2018. Accessed at accessed on March 12, 2018.", {"Q006"}),
        ("Retrieved from", {"Q006"}),
        ("NCCN guideline. Accessed 05/21/2020 from https://www.nccn.org/guidelines.", set()),
        ("NICE guideline NG24. Retrieved from\n   https://www.nice.org.uk/guidance/ng24", set()),
        ("The records can be accessed at any time by your GP.", set()),
        ("Free wigs are available from\nthe hospital's appliance department.", set()),
        ("Support is available from", set()),  # running text, not a citation
        # An identifier's field left empty, alone or as a reference ends; never also Q003's "introduces a list".
        ("1. Okafor A. Fatigue in cancer. Lancet. 2020;395:1-10. doi:", {"Q006"}),
        ("1. Okafor A. Fatigue in cancer. Lancet. 2020;395:1-10. PMID:", {"Q006"}),
        ("1. Okafor A. Fatigue in cancer [Internet]. 2021. URL:", {"Q006"}),
        ("1. Okafor A. Fatigue in cancer. Available at:", {"Q006"}),
        ("1. Okafor A. Fatigue in cancer. Available from: [Accessed 3 March 2024].", {"Q006"}),
        ("1. Okafor A. Fatigue in cancer. Lancet. 2020;395:1-10. doi:\n   10.1016/S0140-6736(20)30001-1", set()),
        ("1. Okafor A. Fatigue in cancer. Lancet. 2020;395:1-10. PMID:\n   31234567", set()),
        ("1. Okafor A. Fatigue in cancer. Lancet. 2020;395:1-10. doi:10.1016/S0140-6736(20)30001-1", set()),
        ("1. Okafor A. Fatigue in cancer. Available from: [the trust's site](https://www.example.nhs.uk/f).", set()),
        ("To find the page, type this URL:\n\nIt opens the booking form.", {"Q003"}),  # prose: the address is lost
    ],
)
def test_q006_incomplete_citations(body: str, expected: set[str]) -> None:
    assert q_codes(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("It doesnâ€™t hurt.", {"Q007"}),
        ("Ask about cafÃ© opening hours.", {"Q007"}),
        ("A dose of 5 Âµg.", {"Q007"}),
        ("Lost \ufffd character.", {"Q007"}),
        ("Bell\x07 character.", {"Q007"}),
        ("It doesn’t hurt — “quoted” café, 37.5°C, 3½ pints, São Paulo, Ärzte.", set()),
        ("Tabs\tare fine.", set()),
    ],
)
def test_q007_encoding_damage(body: str, expected: set[str]) -> None:
    assert q_codes(body) == expected


MOBI = "BOOKMOBI \ufffd\ufffd H & ,d 4\ufffd <# C\ufffd\n" + "KK R\ufffd [' c k( s4 z\ufffd \ufffd\ufffd r\ufffd Y\ufffd\n" * 4
PDF = "%PDF-1.4\n" + "1 0 obj \ufffd\ufffd\x01\ufffd stream x\ufffd\ufffd\x02\ufffd endstream\n" * 5


@pytest.mark.parametrize(
    ("body", "says", "count", "line"),
    [
        (MOBI, "the page holds a Kindle e-book (MOBI) read as text (28 replacement or control characters)", 1, 12),
        (PDF, "the page holds a PDF file read as text (40 replacement or control characters)", 1, 13),
        ("\x01\x02\x03\ufffd" * 8, "the page holds a file that is not text read as text (32 replacement", 1, 12),
        # Text with some damage stays reported line by line.
        ("One character was lost \ufffd in this sentence.\n" * 25, "a replacement character (U+FFFD)", 25, 12),
        (FILLER * 3 + "A lost \ufffd\ufffd here.\n" * 12, "a replacement character (U+FFFD)", 12, 15),
        ("\ufffd" * 19 + "\n", "a replacement character (U+FFFD)", 1, 12),  # fewer than 20
    ],
)
def test_q007_reports_a_file_read_as_text_once(body: str, says: str, count: int, line: int) -> None:
    found = [f for f in lint_text(front_matter() + "\n" + body) if f.code == "Q007"]
    assert len(found) == count and all(says in f.message for f in found), [f.message for f in found]
    assert found[0].line == line


def test_q007_suggests_the_repair() -> None:
    (finding,) = [f for f in lint_text(front_matter() + "\nIt doesnâ€™t hurt.\n" + FILLER) if f.code == "Q007"]
    assert "’" in finding.message and (finding.line, finding.column) == (12, 9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (front_matter(), {"Q008"}),
        (front_matter() + "\n# Title\n\n<!-- nothing yet -->\n", {"Q008"}),
        (front_matter() + "\n# Title\n\nShort text only.\n", {"Q008"}),
        (front_matter() + "\n# Title\n\n" + FILLER, set()),
        # a link's address is no words of content; its text and an image's alt text are
        (front_matter() + "\n# Video\n\n![](/sites/g/files/xnrzdm211/files/oembed_thumbnails/G0fU2PRtEUbG6y.jpg)\n\n"
         "Adult brain tumour research\n", {"Q008", "Q018"}),  # and the video is lost
        (front_matter() + "\n# Video\n\nSee https://www.cancer.gov/types/brain/research/adult-tumor-research-video now\n",
         {"Q008"}),
        (front_matter() + "\n# Video\n\n[Watch](https://www.cancer.gov/a)\n\n[r]: https://www.cancer.gov/types/brain/b/c/d/e/f\n",
         {"Q008"}),
        (front_matter() + "\n# Video\n\n![A surgeon explains how the tumour is removed and what recovery is like](/a.jpg)\n",
         set()),
        (front_matter() + "\n# Video\n\n[Read what the surgeon says about how the tumour is removed](/a/b/c)\n", set()),
    ],
)
def test_q008_empty_body(text: str, expected: set[str]) -> None:
    assert codes_of(text, prefix="Q") == expected


@pytest.mark.parametrize(
    ("path", "body", "expected"),
    [
        ("content/side-effects/_index.md", "", set()),  # a Hugo section: the site lists its pages
        ("content/side-effects/_index.md", "Side effects.\n", set()),
        ("content\\side-effects\\_INDEX.markdown", "", set()),
        ("content/side-effects/_index.md", "Placeholder slot\n", {"Q008"}),  # damage still is
        ("content/side-effects/index.md", "", {"Q008"}),  # a page (a leaf bundle), not a section
        ("content/side-effects/my_index.md", "", {"Q008"}),
    ],
)
def test_q008_leaves_hugo_section_pages(path: str, body: str, expected: set[str]) -> None:
    found = {f.code for f in lint_text(front_matter() + "\n" + body, path=path) if f.code == "Q008"}
    assert found == expected


JS_NOTICE = "You need to enable JavaScript to run this app."
OLD_BROWSER = "Your browser is out of date. Upgrade your browser to use this site."
TWELVE_WORDS = "Clinics open on weekdays; book online or call the team for a visit."


@pytest.mark.parametrize(
    ("body", "message"),
    [
        # website notices are not content: an app shell is empty
        (f"{JS_NOTICE}\n\n{OLD_BROWSER}", "the document holds nothing but website notices (lines 12 and 14)"),
        (f"# Share\n\n{JS_NOTICE}", "the document holds nothing but website notices (line 14)"),
        (f"{JS_NOTICE}\n\nCall us today.", "only 3 words of content besides website notices (line 12) (fewer than 10)"),
        ("Short text only.", "only 3 words of content (fewer than 10)"),
        # content besides the notices: no finding
        (f"{JS_NOTICE}\n\n{TWELVE_WORDS}", None),
        # a long line that holds a notice phrase holds more than the notice
        ("Your browser is out of date " + "and the clinic list below still names every site we run " * 3, None),
        # a long page: its notices do not matter
        (f"{JS_NOTICE}\n\n" + FILLER, None),
        # the words of placeholder text are not content either, so the page is near-empty before --fix
        ("Placeholder slot", "the document holds nothing but placeholder text (line 12)"),
        ("Content coming soon.\n\nTODO", "the document holds nothing but placeholder text (lines 12 and 14)"),
        ("(AY-vah-PRIH-tih-nib)\n\nThis page contai\n\nPlaceholder slot",
         "only 8 words of content besides placeholder text (line 16) (fewer than 10)"),
        (f"{JS_NOTICE}\n\nPlaceholder slot", "the document holds nothing but website notices (line 12) and placeholder "
         "text (line 14)"),
        # around a placeholder, the line's other words count
        ("The drug eased pain in most of the patients [citation needed] who took it daily.", None),
        ("Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "only 3 words of content besides placeholder text "
         "(line 12) (fewer than 10)"),
        ("Placeholder slot\n\n" + TWELVE_WORDS, None),
        # a heading shown again as a paragraph (a video page's title under its thumbnail) is no content
        ("# Living with a rare brain tumour: how families cope during treatment\n\n![](/thumbnails/a1b2.jpg)\n\n"
         "Living with a Rare Brain Tumour: How Families Cope During Treatment",
         "the document holds nothing but a heading repeated as text (line 16)"),
        ("# Colon cancer screening\n\nColon cancer screening\n\nKey facts about who should be screened.",
         "only 7 words of content besides a heading repeated as text (line 14) (fewer than 10)"),
        # more than the heading's words on the line, or the words of another heading: content
        ("# Living with a rare brain tumour\n\nLiving with a rare brain tumour means regular scans for years.", None),
        ("# Living with a rare brain tumour: how families cope during treatment\n\n"
         "Families cope during treatment by sharing tasks: living with a rare brain tumour", None),
    ],
)
def test_q008_website_notices_and_placeholders_are_not_content(body: str, message: str | None) -> None:
    found = [f for f in lint_text(front_matter() + "\n" + body + "\n") if f.code == "Q008"]
    assert [f.message.split(":")[0] for f in found] == ([message] if message else [])
    assert all(f.line == 11 for f in found)  # the body's first line (the blank one), as for any Q008


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (front_matter(), "the document has no content below its front matter"),
        (front_matter() + "\n\n  \n", "the document has no content below its front matter"),
        ("", "the file is empty"),
        ("\n \n", "the file is empty"),
        (front_matter() + "\n# Title\n\n<!-- nothing yet -->\n", "the document has no text outside headings, code and HTML comments"),
        ("# Title\n\n```\nprint()\n```\n", "the document has no text outside headings, code and HTML comments"),
    ],
)
def test_q008_says_what_is_there(text: str, message: str) -> None:
    found = [f for f in lint_text(text) if f.code == "Q008"]
    assert [f.message.split(":")[0] for f in found] == [message]


def test_q008_min_words_above_the_notice_check() -> None:
    config = make_config(sections={"quality": {"min-words": 80}})
    text = front_matter() + "\n" + " ".join(["word"] * 70) + "\n"
    assert "Q008" in codes_of(text, config)
    assert "Q008" not in codes_of(front_matter() + "\n" + " ".join(["word"] * 80) + "\n", config)


def test_q008_min_words_option() -> None:
    text = front_matter() + "\nShort text only.\n"
    assert "Q008" not in codes_of(text, make_config(sections={"quality": {"min-words": 0}}))


# --- the fast searches agree with the plain regular expressions ---------------------------


def q020_findings(body: str) -> list[Finding]:
    return [f for f in lint_text(front_matter() + "\n" + FILLER + "\n" + body + "\n") if f.code == "Q020"]


def q020_places(body: str) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in q020_findings(body)]


Q020_FIRST = 14  # the body's first line, after the front matter and FILLER


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A closing ** after punctuation, touching the next word: it does not close.
        ("**Port:**A port is a small disc under the skin.", [(Q020_FIRST, 8)]),
        ("**Rest.**Take short naps.", [(Q020_FIRST, 8)]),
        ("**Oral (by mouth):**pills or liquids", [(Q020_FIRST, 19)]),
        ('**Say "no."**Then rest.', [(Q020_FIRST, 12)]),
        ("- **Port:**A port is a small disc.", [(Q020_FIRST, 10)]),  # in a list item
        ("| **Port:**A disc | Skin |\n| --- | --- |", [(Q020_FIRST, 10)]),  # in a table
        ("**Port:**A disc.\n**Pump:**A pump.", [(Q020_FIRST, 8), (Q020_FIRST + 1, 8)]),
        ("Use **ice:**it helps, and **rest:**it heals.", [(Q020_FIRST, 11), (Q020_FIRST, 34)]),
        ("**Port:**2 types exist.", [(Q020_FIRST, 8)]),  # a digit after it
        # Bold that closes, bold that opens, and stars that are not bold.
        ("**Port:** A port is a small disc.", []),
        ("**Port**: a small disc.", []),
        ("**Port:**, a small disc.", []),  # punctuation after it: it closes
        ("Note:**always** rinse your mouth.", []),  # this ** opens bold
        ("**Dose** and note:**always** rinse.", []),  # the first pair closed: this one opens
        ("** Port:**A disc.", []),  # no bold opens at "** "
        ("`**Port:**A`", []),  # code
        ("```\n**Port:**A\n```", []),
        ("The glob 'docs/**'/index.md", []),
        # An empty bold after a word, before a space or punctuation: four stars shown.
        ("Digestive system****: the stomach and bowel.", [(Q020_FIRST, 17)]),
        ("- **Age****:** Women diagnosed younger.", [(Q020_FIRST, 8)]),
        ("Carcinoid tumours (of the bronchus)****.", [(Q020_FIRST, 36)]),
        ("Digestive system****", [(Q020_FIRST, 17)]),  # at the end of the line
        ("Digestive system ****: a gap before it", []),
        ("Digestive system****bowel", []),  # between two words: not this shape
        # Two bold runs that met: an empty bold between punctuation and a word, or beside "/".
        ("- **Try [sensitizers](https://example.org/s)****to kill cells.** More.", [(Q020_FIRST, 45)]),
        ("**8.****When will results come?**", [(Q020_FIRST, 5)]),
        ("| **MAOIs****/Stimulants/****Other drugs** | See below |\n| --- | --- |", [(Q020_FIRST, 10), (Q020_FIRST, 26)]),
        ("Digestive system\\****: escaped", []),
        ("Digestive system*****: five stars", []),
        ("A rule: ****", []),
        ("`system****:`", []),
    ],
)
def test_q020_finds_bold_that_does_not_close(body: str, expected: list[tuple[int, int]]) -> None:
    assert q020_places(body) == expected


def test_q020_quotes_an_empty_bold_as_readers_see_it() -> None:
    body = "- [Digestive system](https://example.org/gut)****: the stomach and bowel."
    assert [f.message for f in q020_findings(body)] == ['an empty bold shows as stars ("Digestive system****:"): delete the ****']


def test_q020_puts_a_space_where_two_bold_runs_met_between_punctuation_and_a_word() -> None:
    body = "**8.****When will results come?**"
    assert [f.message for f in q020_findings(body)] == ['an empty bold shows as stars ("8.****When"): put a space in its place']


def test_q020_quotes_what_readers_see() -> None:
    assert [f.message for f in q020_findings("**Port:**A port is a small disc.")] == [
        'bold does not close: readers see "**Port:**A" with its stars, because the closing ** after punctuation '
        "touches the next word; put a space after it"
    ]


def q021_findings(body: str) -> list[Finding]:
    return [f for f in lint_text(front_matter() + "\n" + FILLER + "\n" + body + "\n") if f.code == "Q021"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # No space between a link and the word after it, or before it.
        ("Given twice a day: [**Hyperfractionation**](https://example.org/def)is a smaller dose.", [(Q020_FIRST, 69)]),
        ("Some tumours have changes in the[BRAF gene](https://example.org/braf).", [(Q020_FIRST, 33)]),
        ("Ask about [the trial](https://example.org/t)that is open now.", [(Q020_FIRST, 45)]),
        ("NCI’s[Clinical Genetics Branch](https://example.org/c) runs it.", [(Q020_FIRST, 6)]),
        ("The team had [a new regimen](https://example.org/r)tested on adults.", [(Q020_FIRST, 52)]),
        ("Researchers are encouraging[investigations](https://example.org/i) of it.", [(Q020_FIRST, 28)]),
        ("Read [the leaflet][1]first.\n\n[1]: https://example.org/l", [(Q020_FIRST, 22)]),  # a reference link
        ("Read [the leaflet][1]first and[the card][1] too.\n\n[1]: https://example.org/l", [(Q020_FIRST, 22), (Q020_FIRST, 31)]),
        # One word split across the link's edge: it still reads as one word.
        ("Doctors may give [inhibitor](https://example.org/i)s for this.", []),
        ("[Immunomodulat](https://example.org/i)ors are drugs.", []),
        ("An extract of Panax pseudo[ginseng](https://example.org/g) was used.", []),
        ("[Chemo](https://example.org/c)therapy is common. Chemotherapy works.", []),  # the page writes it whole
        ("A footnote mark b[SF-36](https://example.org/sf) under the table.", []),  # one letter
        # Not a word run into a link.
        ("[Enlarge](https://example.org/e)Stage 0 melanoma: a drawing.", []),  # a capital: a caption, a sentence
        ("See [the guide](https://example.org/g) as well.", []),
        ("![A chart](https://example.org/c.png)is here.", []),  # an image
        ("Run `[dose](x)is` in the tool.", []),  # code
        ("The tables[^note] are slow.\n\n[^note]: Only at first.", []),  # a footnote's mark
        ("See (https://example.org/a)and more.", []),  # no link
        ("See the[](https://example.org/a)is here.", []),  # a link without text: Q022's
        ("See [the page](https://example.org/a)été and [b](https://example.org/b)\u212aelvin.", []),  # not a-z as written
    ],
)
def test_q021_finds_links_joined_to_words(body: str, expected: list[tuple[int, int]]) -> None:
    assert [(f.line, f.column) for f in q021_findings(body)] == expected


def test_q021_quotes_what_readers_see() -> None:
    assert [f.message for f in q021_findings("This [regimen](https://example.org/r)had better results.")] == [
        'no space between the link "regimen" and the word "had": readers see "regimenhad"; add a space'
    ]
    body = "A trial showed that [capivasertib increased how long people with breast cancer lived](https://example.org/t)without it."
    assert [f.message for f in q021_findings(body)] == [
        'no space between the link "capivasertib increased how long people…" and the word "without": readers see '
        '"…with breast cancer livedwithout"; add a space'
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("[](https://www.nhs.uk/)", [(Q020_FIRST, 1)]),  # a logo's link, the logo lost
        ("See [ ](https://www.nhs.uk/flu) for more.", [(Q020_FIRST, 5)]),
        ("Also [][1] here.\n\n[1]: https://www.nhs.uk/leaflet", [(Q020_FIRST, 6)]),
        ("- [Home](https://www.nhs.uk/) [](https://www.nhs.uk/search)", [(Q020_FIRST, 31)]),
        # A picture, a linked picture, a task list's box, a link with text.
        ("![](https://www.nhs.uk/a.png)", []),
        ("[![NHS logo](https://www.nhs.uk/logo.png)](https://www.nhs.uk/)", []),
        ("- [ ] Book the scan\n- [x] Done", []),
        ("See [the flu page](https://www.nhs.uk/flu) for more.", []),
        ("`[](https://www.nhs.uk/)` in code", []),
    ],
)
def test_q022_finds_links_without_text(body: str, expected: list[tuple[int, int]]) -> None:
    text = front_matter() + "\n" + FILLER + "\n" + body + "\n"
    assert [(f.line, f.column) for f in lint_text(text) if f.code == "Q022"] == expected


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from contentlint.analysis.phrases import _line_hits, _line_pattern  # noqa: E402
from contentlint.analysis.phrase_index import Vocabulary  # noqa: E402
from contentlint.analysis.visible_text import Needles, lower_in_place  # noqa: E402

_FRAGMENTS = ["Back to top", "back  to\ttop", "** Print **", "print", "Printed", "menu", "Main menu", "-", "#",
              "\n", "\n\n", " ", "Print this page", "to top", "İ", "[add link]", "{{ x }}"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12), st.sampled_from(["back to top", "print", "main menu", "menu"]))
def test_line_phrase_search_matches_the_regular_expression(parts: list[str], phrase: str) -> None:
    text = "".join(parts)
    expected = [m.span(1) for m in _line_pattern(phrase).finditer(text)]
    lowered = lower_in_place(text)
    scan = Vocabulary(["top", "print", "menu"]).scan(lowered)
    assert sorted(_line_hits(text, lowered, phrase, scan)) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12))
def test_needles_agree_with_substring_search(parts: list[str]) -> None:
    lowered = "".join(parts).lower()
    requires = ["[add", "{{", "menu", "[ your"]
    words = frozenset(lowered.encode().translate(bytes(c if (97 <= c <= 122 or 48 <= c <= 57) else 32 for c in range(256))).split())
    expected = any((r.encode() in words) if r.isalnum() else (r in lowered) for r in requires)  # plain words: whole words
    for vocabulary in (Vocabulary(requires), Vocabulary([])):  # in the scan's vocabulary or not: the same answer
        assert Needles(requires).any_in(lowered, vocabulary.scan(lowered)) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["top", "menu", "to", " ", "\n", "é", "İ", "’", "x"]), max_size=14))
def test_phrase_scan_finds_every_occurrence_in_ascii_and_other_text(parts: list[str]) -> None:
    lowered = "".join(parts).lower()
    keys = ["top", "menu", "o t", "é"]
    scan = Vocabulary(keys).scan(lowered)
    for key in keys:
        expected = [i for i in range(len(lowered)) if lowered.startswith(key, i)]
        assert scan.occurrences(key) == expected


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["word", "other", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "x"]), max_size=10),
                min_size=2, max_size=5))
def test_q004_screening_never_misses_paragraphs_equal_but_for_whitespace(blocks: list[list[str]]) -> None:
    from contentlint.rules.repeats import _may_repeat

    texts = ["".join(parts) for parts in blocks]
    keys = [" ".join(text.split()) for text in texts if len(text) >= 4]
    if len(set(keys)) < len(keys):
        assert _may_repeat(texts, 4)


from contentlint.rules.encoding_damage import _DAMAGE, _damage  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aâ€™Ã©Â \ufffd\x01\x7fï»¿\x9d b\n", max_size=40))
def test_q007_candidate_search_finds_what_the_full_search_finds(text: str) -> None:
    assert [(m.start(), m.group()) for m in _damage(text)] == [(m.start(), m.group()) for m in _DAMAGE.finditer(text)]


from contentlint.rules.encoding_damage import _DAMAGE_START, _may_be_damaged  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a’“é\u00a0ÂÃâï€\ufffd\x01\x0b\x7f\x85\x9d\x9f\u0100\u2019 \t\n\r", max_size=30))
def test_q007_screening_says_whether_a_damage_match_can_start(text: str) -> None:
    assert _may_be_damaged(text) == (_DAMAGE_START.search(text) is not None)


def test_q007_damage_starts_with_latin_1_or_a_replacement_character() -> None:
    """What the screening relies on: it reads only the Latin-1 characters of a page, and U+FFFD."""
    starts = [c for c in map(chr, range(sys.maxunicode + 1)) if _DAMAGE_START.match(c)]
    assert starts and all(ord(c) < 256 or c == "\ufffd" for c in starts)


from contentlint.analysis.boilerplate import is_boilerplate_line  # noqa: E402
from contentlint.analysis.phrases import PhraseSet  # noqa: E402

_BOILERPLATE_PHRASES = PhraseSet(phrases=("back to top", "print", "top", "main menu", "skip to main content"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS + ["Skip to main content", "topic", "reprint", "_print_"]), max_size=10))
def test_boilerplate_line_search_matches_one_expression_per_phrase(parts: list[str]) -> None:
    line = "".join(parts).replace("\n", " ")
    lowered = " ".join(line.lower().split())
    expected = any(re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", lowered) for p in _BOILERPLATE_PHRASES.phrases)
    assert is_boilerplate_line(line, _BOILERPLATE_PHRASES) == expected
