"""Rules that read the structural view: Q003, Q004, Q005, Q008, Q013 to Q019 on headings, lists, tables,
code, quotations and images, where reading the text line by line used to misread the page."""

from __future__ import annotations

import pytest

from conftest import front_matter, lint_text, make_config

PROSE = (
    "Radiation therapy uses high-energy rays to kill cancer cells. Your team plans each session "
    "with care and checks how you are feeling every week.\n"
)
OTHER = "Some people feel tired for a few weeks after the last session ends."
LABEL = '<span class="listing">Listing: the dose calculator, dose_calculator.py</span>'
CAPTION = "Drawing of the chest showing where the lungs and the heart sit behind the ribs."


def findings(body: str, code: str, **config: object) -> list[tuple[int, int]]:
    text = front_matter() + "\n" + PROSE + "\n" + body + "\n"
    return [(f.line, f.column) for f in lint_text(text, make_config(**config)) if f.code == code]


def messages(body: str, code: str) -> list[str]:
    return [f.message for f in lint_text(front_matter() + "\n" + PROSE + "\n" + body + "\n") if f.code == code]


# A body starts on line 14 (front matter, blank line, PROSE, blank line): FIRST is its first line.
FIRST = 14


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("# Aspirin - Health Site\n\n# Aspirin", [(FIRST, 1)]),  # the title bar is the one to go
        ("# Aspirin | Health Site\n\nText.\n\n# Aspirin", [(FIRST, 1)]),
        ("# Aspirin\n\n# Aspirin - Health Site", [(FIRST + 2, 1)]),  # a second title: as ever
        ("# Aspirin for pain - NCI\n\n# Aspirin", [(FIRST, 1)]),  # ends with the source (NCI), the title follows
        ("# Aspirin for pain - NCI\n\nText.\n\n# Aspirin", [(FIRST + 4, 1)]),  # text between: two titles
        ("# Aspirin - Health Site\n\n# Aspirin\n\n# Dosage", [(FIRST, 1), (FIRST + 4, 1)]),
        ("Aspirin\n=======\n\n# Dosage", [(FIRST + 3, 1)]),  # setext headings count
        ("# Aspirin\n\nDosage\n======", [(FIRST + 2, 1)]),
        ("# Aspirin\n\n#\n\nText.", []),  # an empty heading
        ("# Aspirin\n\n# \n\nText.", []),
        ("# Aspirin\n\n#   #\n\nText.", []),  # only a closing sequence: empty
        ("# Aspirin\n\n# `aspirin.yaml`\n\nText.", []),  # only code
        ("# Aspirin\n\n# `dose` and timing", [(FIRST + 2, 1)]),  # code and words: a title
        ("# Aspirin\n\n##\n\n##\n\nText.", []),
        ("# Aspirin\n\n```\n# not a heading\n```", []),
        ("# Aspirin\n\n    # indented code", []),
        ("# Aspirin\n\n<!--\n# commented out\n-->", []),
        ("# Aspirin\n\n> # A quoted title", []),
        ("# Aspirin\n\n- # A heading in an item", []),
        ("# Aspirin\n\n## Dosage\n\n### Children", []),
    ],
)
def test_q005_counts_level_one_headings_with_text(body: str, expected: list[tuple[int, int]]) -> None:
    assert findings(body, "Q005") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Real lost lists.
        ("Aspirin thins the blood. It can:\n\nYour nurse will talk to you about this.", 1),
        ("Aspirin thins the blood. It can:", 1),  # the document ends
        ("### Interactions\n\nTell the pharmacist about other drugs you take, such as:\n\n## Pregnancy\n\nAsk first.", 1),
        ("- The common side effects include:\n\nSee your GP if you are worried.", 1),
        ("> Side effects can include:\n\nSee your GP if you are worried.", 1),
        # A heading, a table, code, a quotation or a list is what the colon introduces.
        ("## Treatment\n\nThe following treatments may be used:\n\n### Surgery\n\nAn operation.", 0),
        ("### Treatment\n\nTypes of treatment your child might have include:\n\n### Surgery\n\nAn operation.", 0),
        ("Tell the pharmacist about other drugs you take, such as:\n\n## Pregnancy\n\nAsk first.", 0),
        ("The usual doses may be used:\n\n| Age | Dose |\n|---|---|\n| 12 | 300 mg |", 0),
        ("The file may look like this:\n\n    dose: 300 mg\n    times: 2", 0),
        ("The file may look like this:\n\n```yaml\ndose: 300 mg\n```", 0),
        ("One patient told us what it can be like:\n\n> I was tired for a week, then it passed.", 0),
        ("Aspirin thins the blood. It can:\n\n- ease pain\n- lower a fever", 0),
        ("Aspirin thins the blood. It can:\n- ease pain", 0),  # a list interrupts the paragraph
        ("- Aspirin thins the blood. It can:\n  - ease pain\n  - lower a fever", 0),
        ("Aspirin thins the blood. It can:\n\n<ul><li>ease pain</li></ul>", 0),
        ("Aspirin thins the blood. It can:\n\n• ease pain\n• lower a fever", 0),  # bullets a scraper kept
        ("Aspirin thins the blood. It can:\n\nin some people\n\n- ease pain", 0),  # one stray line
        # An empty heading shows nothing: what comes after it is what follows.
        ("### Interactions\n\nTell the pharmacist about other drugs you take, such as:\n\n####\n\nAsk first.", 1),
        ("### Interactions\n\nTell the pharmacist about other drugs you take, such as:\n\n#\n\n- aspirin\n- ibuprofen", 0),
        ("## Side effects\n\nNote that the list below may not be complete:\n\n#\n\n"
         "Lapatinib has been linked with diarrhoea.\n\nTrastuzumab has been linked with heart problems.", 0),
        # ... but its section stays: its text was lost, not the page's outline.
        ("#### Learn more\n\n- [Constipation](/constipation)\n\n##\n\nWhat causes diarrhoea?\n\n"
         "Causes of diarrhoea in people with cancer include:\n\n### Causes from treatment\n\n- Chemotherapy.", 0),
        # Not introductions.
        ("You can take it:\nwith food or with milk.", 0),  # the paragraph goes on
        ("Run the tool with `--dose 300 mg:`\n\nThen check the output.", 0),  # the colon is in code
        ("| Side effects can include: | rash |\n|---|---|\n| a | b |\n\nText after the table.", 0),
        # Blocks of Markdown extensions: tabs, notes, containers (MkDocs, Docusaurus).
        ("How to start it depends on your computer, such as:\n\n=== \"Windows\"\n\n    Open the app.", 0),
        ("Side effects can include:\n\n??? note \"Common\"\n\n    Tiredness.", 0),
        ("Side effects can include:\n\n:::note\nTiredness.\n:::", 0),
        ("Side effects can include:\n\n!!! warning\n\n    Call 999 if you faint.", 0),
        ("The doses are worked out like this:\n\n{{< figure src=\"/img/dose.png\" >}}", 0),  # a Hugo shortcode
        ("The doses are worked out like this:\n\n{{% include \"doses.md\" %}}", 0),
        ("The dose is worked out like this:\n\n$$dose = weight \\times 2$$", 0),  # a formula
        ("The dose is worked out like this:\n\n\\[dose = weight \\times 2\\]", 0),
        ("The options are the following:\n\nAnchor\n: The point the crop keeps.\n\nFill\n: Fills the box.", 0),
        ("Here are some of the most common causes:\n\nEar pain with toothache\n~ [Teething](https://www.nhs.uk/t)", 0),
        ("Here are some of the most common causes:\n\nEar pain with toothache\n~another line of the paragraph", 1),
        ("To install it, run the following commands in order:\n\nPowerShell:\n\n```\nhugo build\n```", 0),  # a label, then code
        ("To install it, run the following commands in order:\n\nPowerShell:\n\nThen wait.", 1),
        ("To receive email updates about this page, enter your email address:\n\nFlu spreads in winter.", 0),  # Q002's
        # An icon's shortcode ends the line: its colon ends no sentence.
        ("Each tag without an icon of its own will show the icon :material-pound:\n\nNext, pick one.", 0),
        ("Each tag without an icon of its own will show the icon for:\n\nNext, pick one.", 1),
        # Items written as paragraphs that each define a term in bold.
        ("The scans you may have include:\n\nA **CT scan** uses x-rays.\n\nA **bone scan** looks at the bones.", 0),
        ("The scans you may have include:\n\nA [**bone scan**](https://example.org/b) looks at the bones.", 0),
        ("The scans you may have include:\n\nYour nurse will explain **why** you need them.", 1),  # bold late: prose
        # Items written in one sentence, or as paragraphs in order.
        ("Common symptoms of flu include:\n\nfever, a dry cough, a sore throat, headache and tiredness.", 0),
        ("The people who helped include:\n\nAnna Lee, Ben Ng, Cara Diaz, Dev Patel, Ed Moss, and Fay Lin.", 0),
        ("Common symptoms of flu include:\n\nYou may feel tired, sick and dizzy for a few days.", 1),  # prose
        ("Common symptoms of flu include:\n\nCall us, or the ward, if you are worried about anything at all.", 1),
        ("There are two ways to protect yourself:\n\nFirst, have the vaccine.\n\nSecond, wash your hands.", 0),
        ("There are two ways to protect yourself:\n\nFirstly, have the vaccine every autumn.", 0),
        ("There are two ways to protect yourself:\n\nFirst aid courses run every month.", 1),
        # A label line between the introduction and what it introduces.
        ("For example, to hide the table of contents:\n\nConfiguration:\n\n{{< code-toggle >}}\ntoc = false\n"
         "{{< /code-toggle >}}", 0),
        ("The trial team wrote the following about the results:\n\nIn their words:\n\n> The trial stopped early.", 0),
        ("The trial team wrote the following about the results:\n\nIn their words:\n\nIt stopped early.", 1),
        # A title in bold is a heading, however long, unless it ends like an introduction.
        ("**What happens on the day of your operation**:\n\nYou will meet the nurse first.", 0),
        ("__What happens on the day of your operation__:\n\nYou will meet the nurse first.", 0),
        ("**The side effects you may notice include**:\n\nYou will meet the nurse first.", 1),
        ("**Common side effects**:\n\nYou will meet the nurse first.", 1),
        ("What happens on the day of your operation:\n\nYou will meet the nurse first.", 1),  # not bold: a sentence
        ("**On the day** of your operation you will see:\n\nYou will meet the nurse first.", 1),  # bold in part
    ],
)
def test_q003_reads_what_follows_the_colon(body: str, expected: int) -> None:
    assert len(findings(body, "Q003")) == expected


def test_q003_points_at_the_introduction() -> None:
    assert findings("Aspirin thins the blood. It can:\n\nYour nurse will talk to you.", "Q003") == [(FIRST, 25)]


IMAGE = "![Chest drawing](https://example.org/media/chest.jpg)"
OTHER_IMAGE = "![Heart drawing](https://example.org/media/heart.jpg)"
ENLARGE = "[Enlarge](https://example.org/media/chest.jpg)"
MOLE_A = "![This mole is about 5 millimetres across.](https://example.org/media/mole-1.jpg)"
MOLE_B = "![This mole is about 5 millimetres across](https://example.org/media/mole-2.jpg)"
MOLE_CAPTION = "This mole is about 5 millimetres across (the width of a pencil eraser)."


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Repeats that are found.
        (f"{CAPTION}\n\n{OTHER}\n\n{CAPTION}", 1),  # a paragraph anywhere
        (f"{CAPTION}\n{CAPTION}", 1),  # a line on the next line
        (f"- {CAPTION}\n- {CAPTION}", 1),  # an item doubled in its list
        (f"> {CAPTION}\n\n{OTHER}\n\n> {CAPTION}", 1),  # quotations are paragraphs too
        (f"{IMAGE}\n\n{CAPTION}\n\n{OTHER_IMAGE}\n\n{CAPTION}", 1),  # one caption under two pictures
        (f"{CAPTION}\n\n{CAPTION}\n- an item below it", 1),  # a paragraph a list interrupts
        (f"{CAPTION}\n\n## Stage II\n\n{CAPTION}\n- an item below it", 0),  # each section says it (issue 14)
        # Not paragraphs, or not repeats.
        (f"## {CAPTION}\n\n{OTHER}\n\n## {CAPTION}", 0),  # headings
        (f"| {CAPTION} |\n|---|\n| {CAPTION} |", 0),  # table cells
        (f"| a | b |\n|---|---|\n| {CAPTION} | 1 |\n| {CAPTION} | 1 |", 0),  # table rows, one after the other
        (f"```\n{CAPTION}\n{CAPTION}\n```", 0),  # code
        (f"    {CAPTION}\n    {CAPTION}", 0),  # indented code
        (f"## Early\n\n- {CAPTION}\n\n## Late\n\n- {CAPTION}", 0),  # the same item in two lists
        (f"{IMAGE}\n\n{OTHER}\n\n{IMAGE}", 0),  # the same picture twice
        (f"[{IMAGE}](https://example.org/a)\n\n{OTHER}\n\n[{IMAGE}](https://example.org/a)", 0),
        (f"{ENLARGE}{IMAGE}\n\n{CAPTION}\n\n{OTHER}\n\n{ENLARGE}{IMAGE}\n\n{CAPTION}", 0),  # the same figure twice
        (f"{CAPTION}\n\n{CAPTION[:-1]} today.", 0),
        # A caption that each picture's alt text repeats: written for each of two alike pictures.
        (f"{MOLE_A}\n\n{MOLE_CAPTION}\n\n{OTHER}\n\n{MOLE_B}\n\n{MOLE_CAPTION}", 0),
        (f"{MOLE_A}\n\n{MOLE_CAPTION}\n\n{OTHER}\n\n{IMAGE}\n\n{MOLE_CAPTION}", 1),  # another picture's
        (f"{MOLE_A}\n\n{MOLE_CAPTION}\n\n{OTHER}\n\n![A mole](b.jpg)\n\n{MOLE_CAPTION}", 1),  # too few words to tell
        # A one-line label over two code blocks or tables ("Filename: …" above each listing).
        (f"{LABEL}\n\n```\nfirst\n```\n\n{OTHER}\n\n{LABEL}\n\n```\nsecond\n```", 0),
        (f"{LABEL}\n```\nfirst\n```\n\n{OTHER}\n\n{LABEL}\n~~~\nsecond\n~~~", 0),
        (f"{LABEL}\n\n    first\n\n{OTHER}\n\n{LABEL}\n\n    second", 0),  # indented code
        (f"{LABEL}\n\n| a |\n|---|\n| 1 |\n\n{OTHER}\n\n{LABEL}\n\n| a |\n|---|\n| 2 |", 0),
        (f"- {OTHER}\n\n  {LABEL}\n\n  ```\nfirst\n  ```\n\n{CAPTION}\n\n{LABEL}\n\n```\nsecond\n```", 0),
        (f"{LABEL}\n\n{OTHER}\n\n{LABEL}\n\n```\nsecond\n```", 1),  # only the copy labels a listing
        (f"{LABEL}\n\n```\nfirst\n```\n\n{OTHER}\n\n{LABEL}\n\n{CAPTION}", 1),
        (f"{LABEL}\n{OTHER}\n\n```\nfirst\n```\n\n{CAPTION}\n\n{LABEL}\n{OTHER}\n\n```\nsecond\n```", 1),  # two lines
    ],
)
def test_q004_compares_paragraphs_only(body: str, expected: int) -> None:
    assert len(findings(body, "Q004")) == expected


def test_q004_keeps_its_option_and_message() -> None:
    body = "Call the ward if unwell.\n\nSomething else.\n\nCall the ward if unwell."
    assert findings(body, "Q004") == []  # shorter than 40 characters
    (found,) = findings(body, "Q004", sections={"quality": {"repeat-min-characters": 10}})
    assert found == (FIRST + 4, 1)
    (finding,) = [
        f for f in lint_text(front_matter() + "\n" + PROSE + "\n" + body + "\n", make_config(sections={"quality": {"repeat-min-characters": 10}}))
        if f.code == "Q004"
    ]
    assert finding.message.startswith(f"this paragraph repeats the one on line {FIRST} word for word")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("", True),
        ("# Aspirin\n\n## Dosage\n\n## Side effects\n\n## Storage and other useful facts", True),  # headings only
        ("# Aspirin\n\n```\nthe quick brown fox jumps over the lazy dog again and again\n```", True),
        ("# Aspirin\n\n    the quick brown fox jumps over the lazy dog again and again", True),
        ("# Aspirin\n\n<!-- the quick brown fox jumps over the lazy dog again and again -->", True),
        ("# Aspirin\n\n`the quick brown fox jumps over the lazy dog again and again`", True),
        ("Aspirin\n=======\n\nDosage notes\n------------", True),  # setext headings
        ("# Aspirin\n\nAspirin is a painkiller that also lowers a fever and thins the blood.", False),
        ("# Aspirin\n\n- eases pain\n- lowers a fever\n- thins the blood\n- sold in most shops", False),
        ("| Age | Dose |\n|---|---|\n| twelve and over | three hundred milligrams twice a day |", False),
        ("Take`one`tablet with water after a meal, twice a day, every day.", False),
    ],
)
def test_q008_counts_words_outside_headings_and_code(body: str, expected: bool) -> None:
    text = front_matter() + "\n" + body + "\n"
    assert any(f.code == "Q008" for f in lint_text(text)) == expected


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("# A\n\nOne two three four\n\n## B\n\nfive six seven eight nine", "only 9 words of content"),
        ("One\n\n## B\n\n`code`", "only 1 word of content"),
        ("# A\n\nOne two three four\n\n## B\n\nfive six seven eight nine ten", None),  # counted across sections
        ("# A\n\n" + "word " * 500, None),
    ],
)
def test_q008_counts_the_words_up_to_the_minimum(body: str, says: str | None) -> None:
    messages = [f.message for f in lint_text(front_matter() + "\n" + body + "\n") if f.code == "Q008"]
    if says is None:
        assert messages == []
    else:
        assert len(messages) == 1 and says in messages[0]


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("# Aspirin - Health Site\n\n# Aspirin", 'the site\'s title bar "Aspirin - Health Site" stands above the page\'s own title "Aspirin" (line {second}): delete it'),
        ("# Aspirin\n\n# Dosage", 'another top-level heading "Dosage" (the first is on line {first}): make it `##` or delete it'),
        ("# Aspirin - Health Site\n\n# Aspirin\n\n# Dosage", 'another top-level heading "Dosage" (the first is on line {second}): make it `##` or delete it'),
    ],
)
def test_q005_says_which_title_to_delete(body: str, says: str) -> None:
    assert messages(body, "Q005")[-1] == says.format(first=FIRST, second=FIRST + 2)


LOST = "lost text"  # Q013 quotes the line below as the heading's text
BARE = "bare"  # Q013 finds no text for it


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("##\n\nWhat is the study?\n\nText.", [(FIRST, 1, LOST)]),  # the scraped shape
        ("##\nWhat is the study?", [(FIRST, 1, LOST)]),  # no blank line between
        ("#\n\nAspirin", [(FIRST, 1, LOST)]),
        ("###### \n\nDosage for children", [(FIRST, 1, LOST)]),  # a trailing space
        ("## ##\n\nDosage", [(FIRST, 1, LOST)]),  # only a closing sequence
        ("  ##\n\nDosage", [(FIRST, 3, LOST)]),  # indented: the column of the marks
        ("##\n\nWhat is the study?\n\n##\n\nWho can join?", [(FIRST, 1, LOST), (FIRST + 4, 1, LOST)]),
        ("##", [(FIRST, 1, BARE)]),  # the page ends
        ("##\n\n- Surgery\n- Radiation", [(FIRST, 1, BARE)]),  # a list follows
        ("##\n\n### Surgery", [(FIRST, 1, BARE)]),
        ("##\n\n| a | b |\n|---|---|\n| 1 | 2 |", [(FIRST, 1, BARE)]),
        ("##\n\nThe study ran for ten years.", [(FIRST, 1, BARE)]),  # a sentence: the section's text
        ("##\n\nThe study ran for ten years\nand ended in 2020", [(FIRST, 1, BARE)]),  # two lines
        ("##\n\n[Back to top](#top)", [(FIRST, 1, BARE)]),  # a link
        ("##\n\n![A chart](chart.png)", [(FIRST, 1, BARE)]),
        ("##\n\n<b>Dosage</b>", [(FIRST, 1, BARE)]),
        ("##\n\n" + "Dosage " * 40, [(FIRST, 1, BARE)]),  # too long for a heading
        ("##\n\n<!-- note -->\n\nDosage", [(FIRST, 1, BARE)]),  # something between
        ("##" + "\n" * 120 + "Dosage", [(FIRST, 1, BARE)]),  # far below: not the line below
        ("- ##\n\n  Dosage", [(FIRST, 3, BARE)]),  # in a list item
        ("> ##\n>\n> Dosage", [(FIRST, 3, BARE)]),  # in a block quote
        ("## Dosage\n\nText.", []),
        ("Dosage\n------\n\nText.", []),  # setext: never empty
        ('<a id="dosage"></a>\n------\n\nText.', []),  # setext, with an anchor only: not read
        ('<a href="#top"></a>\n===\n\nText.', []),  # a "#" in its HTML is no heading mark
        ("## `aspirin.yaml`\n\nText.", []),  # only code: shows something
        ("## ![Logo](logo.png)\n\nText.", []),  # an image
        ("## ![](logo.png)\n\nText.", []),  # an image without alt text still shows
        ('## <a id="dosage"></a>\n\nDosage', [(FIRST, 1, LOST)]),  # an anchor shows nothing
        ('## <a id="dosage"></a>\n\nText.', [(FIRST, 1, BARE)]),
        ('## <img src="logo.png" alt="">\n\nText', []),  # an image in HTML shows something
        ("## <SVG viewBox='0 0 1 1'></SVG>\n\nText", []),
        ("```\n##\n\nDosage\n```", []),  # code
        ("    ##\n\nDosage", []),  # indented code
        ("<!--\n##\n-->\n\nDosage", []),  # a comment
        ("#### <!-- md:setting blog_dir -->\n\nText.", []),  # a comment the site's build fills in
        ("## <!-- a --> <!-- b --> ##\n\nDosage", []),
        ('## <a id="dose"></a><!-- a -->\n\nDosage', [(FIRST, 1, LOST)]),  # an anchor as well
        ("## <!-- a\n\nDosage", []),  # a comment not closed shows as text: not empty
        ("#hashtag\n\nText.", []),  # no heading: no space after the mark
        ("\\##\n\nText.", []),  # escaped
    ],
)
def test_q013_finds_empty_headings(body: str, expected: list[tuple[int, int, str]]) -> None:
    text = front_matter() + "\n" + PROSE + "\n" + body + "\n"
    found = [
        (f.line, f.column, LOST if "move it into the heading" in f.message else BARE)
        for f in lint_text(text) if f.code in ("Q013", "E999")  # E999: the rule failed on the page
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("##\n\nWhat is the study?", 'empty heading `##`: its text "What is the study?" is on line {second}, as a paragraph; move it into the heading'),
        ("####\n\n- Surgery", "empty heading `####`: write its text or delete it"),
    ],
)
def test_q013_says_where_the_text_is(body: str, says: str) -> None:
    assert messages(body, "Q013") == [says.format(second=FIRST + 2)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Items that lost their indent under the item that introduces them.
        ("- Ibuprofen is used:\n- for pain after surgery\n- for fever", [(FIRST, 20)]),
        ("- In stage 2:\n\n- The tumour is larger than 2 cm.\n- It has not spread.", [(FIRST, 13)]),  # a loose list
        ("* Avoid:\n* citrus fruits", [(FIRST, 8)]),  # one word
        ("+ Blood tests check for:\n+ red cells", [(FIRST, 24)]),
        ("- Side effects were:[[3](#cit/section_1.3)]\n- tiredness", [(FIRST, 20)]),  # citation marks after it
        ("- Side effects were: [3, 4]\n- tiredness", [(FIRST, 20)]),
        ("- Side effects were:[[1](#c1)-[8](#c8)]\n- tiredness", [(FIRST, 20)]),
        ("1. Two groups were compared:\n\n- Group 1 had surgery.\n- Group 2 did not.", [(FIRST, 28)]),  # `1.` then `-`
        ("1. Results:\n2. Survival was longer.", [(FIRST, 11)]),
        ("- Some people who take this\nmedicine get:\n- headaches", [(FIRST + 1, 13)]),  # wrapped
        ("- Read the notes: [1]\nand then the following:\n- tiredness", [(FIRST + 1, 23)]),  # once
        ("- **[Breast cancer](https://www.cancer.gov/b)** that is HER2 positive. It is used:\n- with chemotherapy",
         [(FIRST, 82)]),
        ("- Tests:\n  - Blood tests check for:\n  - red cells\n  - white cells", [(FIRST + 1, 26)]),  # one level down
        ("- Avoid:\n- citrus fruits\n- Eat:\n- soft food", [(FIRST, 8), (FIRST + 2, 6)]),
        ("> - Avoid:\n> - citrus fruits", [(FIRST, 10)]),  # in a quotation
        # Lists whose nesting is in place, or that introduce nothing.
        ("- Ibuprofen is used:\n  - for pain after surgery\n  - for fever", []),
        ("1. Two groups were compared:\n\n   - Group 1 had surgery.", []),
        ("- Ibuprofen is used:\n\nAsk your pharmacist.", []),  # the last item: Q003 reads what follows
        ("- Time: 10 am\n- Place: the clinic", []),  # a colon inside the item
        ("- Phone:\n- Email:", []),  # labels whose values were lost
        ("- Opening hours:\n- Sat:", []),
        ("- Ibuprofen is used:\n\nIt helps.\n\n- for pain", []),  # a paragraph between
        ("- Ibuprofen is used:\n\n<!-- -->\n\n- for pain", []),  # a comment between
        ("```\n- Ibuprofen is used:\n- for pain\n```", []),  # code
        ("- Write this line\n\n      retries:\n- Then save the file", []),  # the colon is in code
        ("- Ibuprofen is used", []),
        ("- [Emoji](https://example.org/e) shows icons :+1:\n- Mentions", []),  # an icon's shortcode
        ("- Shows icons :warning: first:\n- Mentions", [(FIRST, 30)]),  # an icon, then the colon
    ],
)
def test_q014_finds_items_that_lost_their_indent(body: str, expected: list[tuple[int, int]]) -> None:
    assert findings(body, "Q014") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A numbered list whose items' bullets stand at its own level, the numbering going on after them.
        ("1. Study one.\n\n- Result a.\n- Result b.\n2. Study two.", [(FIRST + 2, 1)]),
        ("1. Study one.\n- Result a.\n2. Study two.\n- Result b.\n3. Study three.", [(FIRST + 1, 1)]),  # once a list
        ("1. Study one.\n2. Study two.\n- Result b.\n3. Study three.", [(FIRST + 2, 1)]),
        ("2) Study two.\n- Result.\n3) Study three.", [(FIRST + 1, 1)]),
        ("> 1. Study one.\n> - Result.\n> 2. Study two.", [(FIRST + 1, 3)]),  # in a quotation
        ("1. Two groups were compared:\n- Group 1 had surgery.\n2. Next.", [(FIRST, 28)]),  # the colon's finding only
        # Bullets in place, or no numbering that goes on after them.
        ("1. Study one.\n   - Result a.\n2. Study two.", []),
        ("1. Study one.\n\n- Result a.\n\nText.\n\n2. Study two.", []),  # a paragraph between
        ("1. Study one.\n- Result a.\n3. Study three.", []),  # the numbers do not go on
        ("1. Study one.\n- Result a.", []),  # the list ends
        ("- Result a.\n1. Study one.\n2. Study two.", []),
        ("```\n1. Study one.\n- Result a.\n2. Study two.\n```", []),  # code
    ],
)
def test_q014_finds_bullets_between_numbered_items(body: str, expected: list[tuple[int, int]]) -> None:
    assert findings(body, "Q014") == expected


def test_q014_names_the_numbered_item_the_bullets_belong_to() -> None:
    body = "1. Study one.\n- Result a.\n2. Study two.\n- Result b.\n3. Study three."
    assert messages(body, "Q014") == [
        'the bullet items after item 1 ("Study one.") stand at the numbered list\'s level, and the numbering goes on '
        "after them: they belong under item 1 (and so do the bullets after 1 more of its items); indent them by the "
        "width of its marker"
    ]


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("- **[Breast cancer](https://www.cancer.gov/b)** that is HER2 positive (HER2+). It is used:\n- with chemotherapy",
         '"It is used:"'),
        ("- Avoid:[[2](#cit/section_1.2)]\n- citrus fruits", '"Avoid:"'),
        ("- In a study of 120 adults treated at three hospitals over ten years, the following results were seen:\n"
         "- Survival was longer.", '"…hospitals over ten years, the following results were seen:"'),
    ],
)
def test_q014_quotes_the_introduction(body: str, says: str) -> None:
    assert messages(body, "Q014") == [
        f"{says} introduces a list, but the item below it is not indented under it: the list has lost its nesting; "
        "indent the items it introduces"
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Links that lost their list marks: one paragraph, so one line on the page.
        ("[Hair loss](hair-loss.md)\n[Mouth sores](mouth-sores.md)", [(FIRST, 1)]),
        ("Related pages:\n[Hair loss](a.md)\n[Mouth sores](b.md)\n[Nausea](c.md)", [(FIRST + 1, 1)]),
        ("[Hair loss][1]\n[Mouth sores][2]\n\n[1]: a.md\n[2]: b.md", [(FIRST, 1)]),  # reference links
        ("**[Hair loss](a.md)**\n**[Mouth sores](b.md)**", [(FIRST, 3)]),  # in bold
        ("> [Hair loss](a.md)\n> [Mouth sores](b.md)", [(FIRST, 3)]),  # in a quotation
        ("- Pages:\n  [Hair loss](a.md)\n  [Mouth sores](b.md)", [(FIRST + 1, 3)]),  # under a list item
        ("[Hair loss](a.md)\n[Mouth sores](b.md)\n\n[Nausea](c.md)\n[Fatigue and sleep](d.md)",
         [(FIRST, 1), (FIRST + 3, 1)]),  # two paragraphs, two runs
        ("[Hair loss](a.md)  \n[Mouth sores](b.md)\n[Nausea](c.md)", [(FIRST + 1, 1)]),  # a break, then a run
        ("[Hair loss](a.md)\n[Mouth sores](b.md)   ", [(FIRST, 1)]),  # spaces at the very end break nothing
        # Lines the reader sees apart, or links in prose.
        ("[Hair loss](a.md)\n\n[Mouth sores](b.md)", []),  # paragraphs of their own
        ("- [Hair loss](a.md)\n- [Mouth sores](b.md)", []),  # a list
        ("[Hair loss](a.md)  \n[Mouth sores](b.md)", []),  # a line break (two spaces)
        ("[Hair loss](a.md)\\\n[Mouth sores](b.md)", []),  # a line break (backslash)
        ("[Hair loss](a.md)<br>\n[Mouth sores](b.md)", []),
        ("See [hair loss](a.md) and\n[mouth sores](b.md) for more.", []),  # prose, wrapped
        ("[Hair loss](a.md),\n[Mouth sores](b.md).", []),
        ("Changelogs:\n[6.4.0](a.md)\n[6.4.1](b.md)", []),  # one word each: still apart on one line
        ("[![build](badge.svg)](ci.md)\n[![coverage loss](cov.svg)](cov.md)", []),  # badges
        ("![Hair loss](a.png)\n![Mouth sores](b.png)", []),  # images
        ("| [Hair loss](a.md) |\n|---|\n| [Mouth sores](b.md) |", []),  # a table
        ("```\n[Hair loss](a.md)\n[Mouth sores](b.md)\n```", []),  # code
        ("<div>\n[Hair loss](a.md)\n[Mouth sores](b.md)\n</div>", []),  # HTML
        ("[Hair loss](a.md)\n[Mouth sores](b.md)\n---", []),  # a heading (setext), not a paragraph
        ("[Hair loss](a.md)", []),
        # Three links or more side by side on one line: a menu whose items were joined.
        ("[Emotions and cancer](a.md) [Adjusting to cancer](b.md) [Survivorship](c.md)", [(FIRST, 1)]),
        ("Coping:\n[Emotions and cancer](a.md) [Adjusting to cancer](b.md) [Survivorship](c.md)", [(FIRST + 1, 1)]),
        ("- [Emotions and cancer](a.md) [Adjusting to cancer](b.md) [Survivorship](c.md)", [(FIRST, 3)]),  # an item
        ("**[Emotions and cancer](a.md)** **[Adjusting to cancer](b.md)** **[Survivorship](c.md)**", [(FIRST, 3)]),
        ("[Hair loss][1] [Mouth sores][2] [Nausea][3]\n\n[1]: a.md\n[2]: b.md\n[3]: c.md", [(FIRST, 1)]),
        ("[Emotions and cancer](a.md) [Adjusting to cancer](b.md)", []),  # two: they may be one phrase
        ("[palliative](a.md) [radiation therapy](b.md) [dose](c.md)", []),  # a term linked word by word
        ("[local](a.md) [tumour](b.md) [excision](c.md)", []),  # one word each
        ("See [Emotions and cancer](a.md) [Adjusting to cancer](b.md) [Survivorship](c.md)", []),  # words beside
        ("[Emotions and cancer](a.md) | [Adjusting to cancer](b.md) | [Survivorship](c.md)", []),  # told apart
        ("| [Emotions and cancer](a.md) [Adjusting to cancer](b.md) [Survivorship](c.md) |\n|---|", []),  # a table
        ("[![build status](a.svg)](a.md) [![coverage report](b.svg)](b.md) [![docs site](c.svg)](c.md)", []),  # badges
        ("`[Emotions and cancer](a.md) [Adjusting to cancer](b.md) [Survivorship](c.md)`", []),  # code
    ],
)
def test_q015_finds_links_that_run_together(body: str, expected: list[tuple[int, int]]) -> None:
    assert findings(body, "Q015") == expected


def test_q015_quotes_what_the_reader_sees() -> None:
    body = "Related pages:\n[Hair loss](a.md)\n[Mouth sores and how to care for your mouth](b.md)"
    assert messages(body, "Q015") == [
        '2 links on lines of their own show as one line ("Hair loss Mouth sores and how to care for your mouth"): '
        "the list lost its bullets; make each link a list item"
    ]


def test_q015_quotes_links_side_by_side() -> None:
    body = "[Emotions and cancer](a.md) [Adjusting to cancer](b.md) [Survivorship](c.md)"
    assert messages(body, "Q015") == [
        '3 links side by side show as one run of text ("Emotions and cancer Adjusting to cancer Survivorship"): '
        "the list lost its bullets; make each link a list item"
    ]


TABLE = "| Stage | Definition |\n| --- | --- |\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A delimiter row written again among the rows: shown as a row of dashes.
        (TABLE + "|  |  |\n| --- | --- |\n| T = primary tumour. | |\n| I | Small. |", [(FIRST + 3, 1)]),
        (TABLE + "| I | Small. |\n| --- | --- |\n| II | Larger. |", [(FIRST + 3, 1)]),  # two tables run together
        (TABLE + "| I | Small. |\n|:---|---:|", [(FIRST + 3, 1)]),  # aligned, the last row
        (TABLE + "| I | Small. |\n|---|---|\n| II | Larger. |\n| --- | --- |", [(FIRST + 3, 1), (FIRST + 5, 1)]),
        ("> " + TABLE.replace("\n|", "\n> |") + "> | --- | --- |\n> | I | Small. |", [(FIRST + 2, 3)]),  # quoted
        ("- Stages:\n\n  " + TABLE.replace("\n|", "\n  |") + "  | --- | --- |", [(FIRST + 4, 3)]),  # in an item
        # A table's own delimiter, dashes beside words, or no table.
        (TABLE + "| I | Small. |", []),
        (TABLE + "| I | --- |\n| II | - |", []),  # "none" in a cell
        (TABLE + "| I | Small. |\n\n---\n\nText.", []),  # a thematic break after the table
        (TABLE + "| I | Small. |\n\n| Stage | Definition |\n| --- | --- |\n| II | Larger. |", []),  # two tables
        ("```\n" + TABLE + "| --- | --- |\n```", []),  # code
        ("Stage | Definition\n--- | ---\nI | Small.", []),  # no outer pipes
    ],
)
def test_q016_finds_repeated_delimiter_rows(body: str, expected: list[tuple[int, int]]) -> None:
    assert findings(body, "Q016") == expected


@pytest.mark.parametrize(
    ("rows", "says"),
    [
        ("|  |  |\n| --- | --- |\n| T = primary tumour; N = regional lymph nodes. | |\n| I | Small. |",
         "an empty row and a repeated delimiter row (`| --- |`) inside the table on line {table}: readers see a blank "
         'row and a row of dashes; delete both, and move the notes after it ("T = primary tumour; N = regional lymph…") '
         "below the table"),
        ("| I | Small. |\n| --- | --- |\n| II | Larger. |",
         "a repeated delimiter row (`| --- |`) inside the table on line {table}: readers see a row of dashes; delete it"),
        ("|  |  |\n| --- | --- |\n| **Adults** | |\n| I | Small. |",  # a label in bold: not a note
         "an empty row and a repeated delimiter row (`| --- |`) inside the table on line {table}: readers see a blank "
         "row and a row of dashes; delete both"),
    ],
)
def test_q016_says_what_to_delete_and_move(rows: str, says: str) -> None:
    assert messages(TABLE + rows, "Q016") == [says.format(table=FIRST)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Rows of one cell in a table of several columns: text under the wrong heading.
        (TABLE + "| I | T1 = Small. |\n| T1a = Smaller. |", [(FIRST + 3, 1)]),
        (TABLE + "| I | T1 = Small. |\n| T1a = Smaller. |\n| T1b = Larger. |", [(FIRST + 3, 1)]),  # once a table
        (TABLE + "| I | Small. |\nT1a = Smaller.", [(FIRST + 3, 1)]),  # a line run into the table, no pipes
        (TABLE + "| T1a = Smaller.\n| I | Small. |", [(FIRST + 2, 1)]),  # the first row
        (TABLE + "| I | Small. |\n| T1a = Smaller. |\n\n" + TABLE + "| II |\n", [(FIRST + 3, 1), (FIRST + 7, 1)]),
        ("> " + TABLE.replace("\n|", "\n> |") + "> | T1a = Smaller. |", [(FIRST + 2, 3)]),  # quoted
        # Rows that write their empty cells, labels, one-column tables.
        (TABLE + "| Adults | |\n| I | Small. |", []),
        (TABLE + "| **Adults** |\n| I | Small. |", []),  # a label in bold
        (TABLE + "| *Children:* |\n| I | Small. |", []),
        (TABLE + "|  |\n| I | Small. |", []),  # an empty row (Q016 names it)
        ("| Stage |\n| --- |\n| I |\n| II |", []),  # one column
        (TABLE + "| I | Small \\| round. |", []),  # an escaped pipe
        (TABLE + "| I | Small. |", []),
    ],
)
def test_q017_finds_rows_of_one_cell(body: str, expected: list[tuple[int, int]]) -> None:
    assert findings(body, "Q017") == expected


def test_q017_says_where_the_text_shows() -> None:
    body = TABLE + "| I | T1 = Small. |\n| T1a = Smaller. |\n| T1b = Larger. |"
    assert messages(body, "Q017") == [
        f'2 rows hold one cell in the table on line {FIRST}, which has 2 columns: the text shows under "Stage" '
        '("T1a = Smaller."); a cell that spanned rows was split into rows: put each text back in its column'
    ]


def test_q017_quotes_cells_as_the_reader_sees_them() -> None:
    body = (
        "| [Stage](https://example.org/stages) | **Description** |\n| --- | --- |\n| I | Small. |\n"
        "| [T1a](https://example.org/t1a) = *Smaller*. |"
    )
    assert messages(body, "Q017") == [
        f'1 row holds one cell in the table on line {FIRST}, which has 2 columns: the text shows under "Stage" '
        '("T1a = Smaller."); a cell that spanned rows was split into rows: put each text back in its column'
    ]


THUMB = "![](https://example.org/files/oembed_thumbnails/k3Jd9.jpg)"
YT_THUMB = "![Watch](https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg)"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A video's still image where the video was, and nothing that plays it.
        (THUMB + "\n\nLiving with a brain tumour", [(FIRST, 1)]),
        ("Text.\n\n" + THUMB, [(FIRST + 2, 1)]),
        ("Text. " + THUMB, [(FIRST, 7)]),  # inline in a paragraph
        ("![](/files/oembed_thumbnails/k3Jd9.jpg)", [(FIRST, 1)]),  # a relative address
        ("![](https://example.org/files/video_thumbnails/8812.png)", [(FIRST, 1)]),
        ("![](/files/media-icons/generic/video.png)", [(FIRST, 1)]),  # the stand-in for a video
        ("![](/files/media-icons/generic/document.png)", []),
        (YT_THUMB, [(FIRST, 1)]),
        ("![](https://img.youtube.com/vi/dQw4w9WgXcQ/0.jpg)", [(FIRST, 1)]),
        ("![](https://i.vimeocdn.com/video/452001751_640.jpg)", [(FIRST, 1)]),
        ("- " + THUMB + "\n- " + YT_THUMB, [(FIRST, 3), (FIRST + 1, 3)]),  # each image
        (THUMB + "\n\nSee [our videos page](https://example.org/videos).", [(FIRST, 1)]),  # not a player
        # A linked thumbnail, a link to a video, a player still embedded, code.
        ("[" + YT_THUMB + "](https://www.youtube.com/watch?v=dQw4w9WgXcQ)", []),
        ("[" + THUMB + "](https://example.org/videos/brain-tumour)", []),
        (THUMB + "\n\n[Watch it on YouTube](https://youtu.be/dQw4w9WgXcQ).", []),
        (THUMB + "\n\n[Play the video](https://player.vimeo.com/video/452001751)", []),
        (THUMB + "\n\n[Download the video](https://example.org/files/brain-tumour.mp4)", []),
        (THUMB + "\n\nhttps://www.facebook.com/nci/videos/1234567890/", []),  # a bare URL
        (THUMB + '\n\n<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>', []),
        (THUMB + '\n\n<video controls><source src="/media/story.webm"></video>', []),
        ("```markdown\n" + THUMB + "\n```", []),
        ("`" + THUMB + "`", []),
        ("![Drawing of the lungs](https://example.org/files/images/lungs.jpg)", []),  # not a thumbnail
        ("![](https://example.org/files/thumbnails/lungs.jpg)", []),  # a thumbnail, not a video's
        ("[Thumbnails](https://example.org/oembed_thumbnails/)", []),  # a link, not an image
    ],
)
def test_q018_finds_video_thumbnails_left_alone(body: str, expected: list[tuple[int, int]]) -> None:
    assert findings(body, "Q018") == expected


@pytest.mark.parametrize(
    ("below", "quoted"),
    [
        ("Living with a brain tumour", ', above "Living with a brain tumour"'),  # the video's title
        ("Watch **Living with a brain tumour**", ', above "Watch Living with a brain tumour"'),  # as shown
        ("Living with a brain tumour:", ""),  # it introduces something else
        ("Living with\na brain tumour", ""),  # more than a line
        ("A" * 101, ""),  # too long for a title
    ],
)
def test_q018_quotes_the_line_below_the_thumbnail(below: str, quoted: str) -> None:
    assert messages(THUMB + "\n\n" + below, "Q018") == [
        f"only the thumbnail of a video is left here (an image from oembed_thumbnails/{quoted}): the video was lost "
        "when the page was copied, and nothing on the page plays it or links to it; link to the video, or to its "
        "transcript, beside the image"
    ]


@pytest.mark.parametrize(
    ("image", "source"),
    [
        (THUMB, "oembed_thumbnails/"),
        (YT_THUMB, "i.ytimg.com"),
        ("![](https://vumbnail.com/4520017.jpg)", "vumbnail.com"),
        ("![](/files/media-icons/generic/video.png)", "media-icons/generic/video.png"),
    ],
)
def test_q018_says_where_the_image_comes_from(image: str, source: str) -> None:
    assert messages(image, "Q018") == [
        f"only the thumbnail of a video is left here (an image from {source}): the video was lost when the page "
        "was copied, and nothing on the page plays it or links to it; link to the video, or to its transcript, "
        "beside the image"
    ]


CARD_IMAGE = "![A nurse talks with a patient](https://example.org/images/nurse.jpg)"
CARD_END = "Who can take part, and how to join.](https://example.org/news/new-trial)"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A link whose text holds blank lines: no link, its brackets and address shown as text.
        ("[" + CARD_IMAGE + "\n\nNew trial\n\n" + CARD_END, [(FIRST, 1)]),  # a card: picture, title, summary
        ("[New trial\n\n" + CARD_END, [(FIRST, 1)]),
        ("[New trial\n \t\n" + CARD_END, [(FIRST, 1)]),  # a blank line of spaces
        ("[New trial\n\n\n\n" + CARD_END, [(FIRST, 1)]),
        ("- [New trial\n\n" + CARD_END + "\n- [Old trial\n\n" + CARD_END, [(FIRST, 3), (FIRST + 3, 3)]),
        ("1. [New trial\n\n" + CARD_END, [(FIRST, 4)]),
        ("> [New trial\n>\n> " + CARD_END, [(FIRST, 3)]),  # in a quotation
        ("[New [phase 3] trial\n\n" + CARD_END, [(FIRST, 1)]),  # brackets inside
        ("[New trial\n\n" + CARD_END.replace(")", ' "Trial")'), [(FIRST, 1)]),  # an address with a title
        ("[New trial\n\nWho can join.](<https://example.org/news/new trial>)", [(FIRST, 1)]),
        # Links whose text stays in one paragraph; brackets that are not links; code.
        ("[New trial\nWho can take part.](https://example.org/news/new-trial)", []),  # lines of one paragraph
        ("[" + CARD_IMAGE + "](https://example.org/news/new-trial)\n\nNew trial", []),
        ("[sic]\n\nThe trial is open.](https://example.org/a)", []),  # "[sic]" closes before the blank line
        ("[New trial\n\nWho can take part, and how to join.", []),  # no "](" after it
        ("[New trial\n\nWho can join.] (https://example.org/a)", []),  # a space: no address
        ("Read the [New trial\n\n" + CARD_END, []),  # the "[" is not at the start of a line
        ("```\n[New trial\n\n" + CARD_END + "\n```", []),
        ("`[New trial`\n\n" + CARD_END, []),
        ("[New trial\n\n```\n" + CARD_END + "\n```", []),  # the "](" is in code
        ("[^1]\n\n[^1]: Who can join.](https://example.org/a)", []),  # a footnote's label closes on its line
        ("[New trial" + "\n\nMore." * 8 + "](https://example.org/a)", []),  # 9 paragraphs: not a card
        ("[New trial" + "\n\nMore." * 7 + "](https://example.org/a)", [(FIRST, 1)]),  # 8
    ],
)
def test_q019_finds_links_across_paragraphs(body: str, expected: list[tuple[int, int]]) -> None:
    assert findings(body, "Q019") == expected


def test_q019_names_the_lines_and_the_title() -> None:
    body = "[" + CARD_IMAGE + "\n\nNew trial for early breast cancer\n\n" + CARD_END
    assert messages(body, "Q019") == [
        f"a link's text runs over 3 paragraphs (lines {FIRST}-{FIRST + 4}), which Markdown does not allow: readers "
        'see "[" and "](https://example.org/news/new-trial)" as text, and nothing to click; make one paragraph the '
        'link, e.g. its title "New trial for early breast cancer"'
    ]
