"""Source-authority rules S001-S005: tiers, look-alike domains, vendor signals, provenance."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import codes_of, front_matter, lint_text, make_config
from contentlint.analysis.authority import authority_data, registrable_domain
from contentlint.rules.authority import _host

BODY = "\nRadiotherapy uses high-energy rays to treat cancer. Your team will plan it with you.\n"


def s_codes(text: str, **config: object) -> set[str]:
    return codes_of(text, make_config(**config), "S")


@pytest.mark.parametrize(
    ("url", "source", "expected"),
    [
        ("https://www.cancer.gov/types/breast", "NCI", set()),
        ("https://pubmed.ncbi.nlm.nih.gov/123/", "PubMed", set()),  # a subdomain of nih.gov
        ("https://www.nhs.uk/conditions/cancer/", "NHS", set()),
        ("https://doi.org/10.1000/xyz", "journal", set()),
        ("https://cancer.gov.example.com/page", "NCI", {"S001", "S005"}),  # look-alike
        ("https://cancer-gov.com/page", "NCI", {"S001", "S005"}),
        ("https://www.mycancer.gov.evil.net/x", "other", {"S001"}),
        ("https://www.benchchem.com/product/b1", "BenchChem", {"S001"}),  # known vendor
        ("https://www.pomalystrems.com/", "Celgene", {"S001"}),  # fine to link to, not a source
        ("https://en.wikipedia.org/wiki/Cancer", "Wikipedia", {"S001"}),
        # Agencies a cancer knowledge base for India draws on: IARC's GLOBOCAN, the health
        # ministry, ICMR's cancer registry programme, the National Cancer Grid.
        ("https://gco.iarc.fr/today/en/fact-sheets-cancers", "IARC", set()),
        ("https://gco.iarc.who.int/today/en", "IARC", set()),
        ("https://www.mohfw.gov.in/?q=en/Major-Programmes", "MoHFW", set()),
        ("https://ncdirindia.org/All_Reports/Report_2020/default.aspx", "ICMR-NCDIR", set()),
        ("https://tmc.gov.in/ncg/index.php/guidelines", "National Cancer Grid", set()),
        ("https://www.ncgindia.org/about", "National Cancer Grid", set()),
        ("https://www.india.gov.in/topics/health-family-welfare", "India portal", {"S001"}),  # government, not a health agency
    ],
)
def test_s001_source_must_be_authoritative(url: str, source: str, expected: set[str]) -> None:
    assert s_codes(front_matter(url=url, source=source, sourceType="99_web") + BODY) == expected


def test_s001_message_names_the_domain_and_the_fix() -> None:
    (finding,) = [f for f in lint_text(front_matter(url="https://www.benchchem.com/p", source="x") + BODY) if f.code == "S001"]
    assert "www.benchchem.com" in finding.message and "vendor" in finding.message
    assert (finding.line, finding.column) == (3, 6)


def test_extend_domains_trusts_a_site() -> None:
    text = front_matter(url="https://www.myhospital.org/leaflets/chemo", source="My Hospital", sourceType="09_hospital") + BODY
    assert "S001" in s_codes(text)
    assert "S001" not in s_codes(text, sections={"authority": {"extend-domains": ["myhospital.org"]}})


VENDOR_LINES = {
    "quote": "[Get Quote](https://shop.example/q)",
    "catalogue": "Cat. No.: B2489551",
    "ruo": "For Research Use Only (RUO). Not for human use.",
    "synthesis": "We offer custom synthesis of analogues.",
    "cas": "CAS No.: 19171-19-8",
    "price": "Price: $125.00 / mg",
    "research-article": "Some kits are labelled for research use only and are not used for diagnosis.",
}


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["quote", "catalogue"], {"S002"}),
        (["ruo", "synthesis"], {"S002"}),
        (["catalogue", "cas"], {"S002"}),
        (["quote"], set()),  # one signal is not a vendor page
        (["research-article"], set()),
        (["cas", "price"], set()),  # weak signals only: 2 < 3
        (["cas", "price", "ruo"], {"S002"}),
    ],
)
def test_s002_weighs_vendor_signals(lines: list[str], expected: set[str]) -> None:
    body = "\n\n".join(VENDOR_LINES[name] for name in lines)
    assert s_codes(front_matter() + "\n" + body + "\n") - {"S003"} == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Issue 14: shops without catalogue numbers, and a leaflet that only mentions money and stock.
        ("£12.99\n\nIn stock\n\n[Add to basket](#)\n\nFree UK delivery on orders over £20.", {"S002"}),
        ("$59.00\n\n[Buy now](#)\n\nResearch peptides for laboratory use only. Not for human consumption.", {"S002"}),
        ("Each prescription costs £9.90. Most medicines are in stock, and we offer free delivery to your home.", set()),
    ],
)
def test_s002_shops_without_catalogue_numbers(body: str, expected: set[str]) -> None:
    assert s_codes(front_matter() + "\n" + body + "\n") - {"S003"} == expected


def test_s002_lists_the_signals_with_lines() -> None:
    text = front_matter() + "\nCat. No.: B1\n\n[Get Quote](#)\n"
    (finding,) = [f for f in lint_text(text) if f.code == "S002"]
    assert '"Cat. No." (line 12)' in finding.message and '"Get Quote" (line 14)' in finding.message


def test_s002_ignores_code_blocks() -> None:
    assert "S002" not in s_codes(front_matter() + "\n```\nCat. No.: 1\nGet Quote\n```\n")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("[Wiki](https://en.wikipedia.org/wiki/Pomalidomide)", {"S003"}),
        ("[a](https://en.wikipedia.org/a) [b](https://de.wikipedia.org/b)", {"S003"}),  # one per domain
        ("[shop](https://www.benchchem.com/p)", {"S003"}),
        ("[NCI](https://www.cancer.gov/x) [PubMed](https://pubmed.ncbi.nlm.nih.gov/1/)", set()),
        ("[REMS](https://www.revlimidrems.com/patient.html)", set()),  # programme: fine to link to
        # A REMS not on the list, named for its medicine and cited as a REMS on the line.
        ("Only through the Vanflyta REMS ([site](https://www.vanflytarems.com/#Main)).", set()),
        ("Under a [Risk Evaluation and Mitigation Strategy](http://www.caprelsarems.com/).", set()),
        ("See [our partner](https://www.vanflytarems.com/).", {"S003"}),  # not cited as a REMS
        ("The Vanflyta REMS is explained on [a blog](https://www.druginfo-shop.com/rems).", {"S003"}),
        ("[def](/Common/PopUps/def.aspx?id=1)", set()),  # same site, resolved against url
        ("[mail](mailto:info@shop.example) [call](tel:+15551234)", set()),
        ("[x](#)", set()),  # L005's
        ("Mention of en.wikipedia.org without a link", set()),
        # A place on a map shows the way to a clinic; the rest of a map service's site is still judged.
        ("[Map](https://www.google.com/maps/place/Tata+Memorial+Hospital/@19.0,72.8,17z)", set()),
        ("[Map](https://www.google.co.in/maps?q=AIIMS) [Map](https://maps.google.com/?q=Clinic)", set()),
        ("[Map](https://maps.apple.com/?q=Clinic) [Map](https://www.bing.com/maps?q=Clinic)", set()),
        ("[Route](https://www.waze.com/ul?ll=19.0,72.8) [Map](https://wego.here.com/?map=19,72,15)", set()),
        ("[Map](https://www.google.com/maps) [Search](https://www.google.com/search?q=cancer+cure)", {"S003"}),
        ("[Apple](https://www.apple.com/health/) [Maps blog](https://www.google.com/mapsblog)", {"S003"}),
        ("[Maps guide](https://www.bing.com/mapsguide)", {"S003"}),
    ],
)
def test_s003_links_to_non_authoritative_domains(body: str, expected: set[str]) -> None:
    assert s_codes(front_matter() + "\n" + body + "\n") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("[a](https://www.acme-clinic.com/a) [b](/b) [c](#c) [d](https://www.acme-clinic.com)", set()),
        ("[a](https://www.acme-clinic.com?q=1) [b](HTTPS://WWW.ACME-CLINIC.COM/b)", set()),
        ("[a](https://shop.acme-clinic.com/a)", set()),  # another host of the same site
        ("[a](https://www.acme-clinic.com.example.com/a)", {"S003"}),
        ("[a](https://www.acme-clinic.com@shop.example.com/a)", {"S003"}),  # user information, then the host
        ("[a](https://www.acme-clinic.comx.com/a)", {"S003"}),
    ],
)
def test_s003_leaves_links_to_the_pages_own_site(body: str, expected: set[str]) -> None:
    text = front_matter(url="https://www.acme-clinic.com/page") + "\n" + body + "\n"
    assert s_codes(text) & {"S003"} == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Issue 14: federal and other public sites, universities, journals and professional bodies are not
        # "non-authoritative"; an unlisted .org or national site is left alone; commercial names and open
        # platforms are still reported.
        ("[Quit line](https://smokefree.gov/tools) [Genes](https://www.genome.gov/about-genomics)", set()),
        ("[Bill](https://www.congress.gov/bill/1) [Scams](https://consumer.ftc.gov/articles/x)", set()),
        ("[County clinic](https://health.examplecounty.gov/) [Council](https://www.leeds.gov.uk/x)", set()),
        ("[Study](https://publications.aap.org/x) [Paper](https://pediatrics.aappublications.org/content/1)", set()),
        ("[Trial group](https://www.childrensoncologygroup.org/x) [Lab](https://med.stanford.edu/x)", set()),
        ("[Local support group](https://www.riversidecancerfriends.org/)", set()),
        ("[Schemes](https://pmjay.gov.in/about) [Registry](https://www.ncdirindia.org/) [AIIMS](https://www.aiims.edu/)", set()),
        ("[Institute](https://www.iitb.ac.in/) [Centre](https://www.ncbs.res.in/) [Portal](https://www.nhp.gov.in/)", set()),
        ("[Trial](https://www.isrctn.com/ISRCTN12345678) [Trial](https://www.chictr.org.cn/showproj.html?proj=1)", set()),
        ("[Video](https://www.youtube.com/watch?v=abc)", {"S003"}),
        ("[Buy the kit](https://www.wellnessdirect-shop.com/kit)", {"S003"}),
    ],
)
def test_s003_trusts_public_and_professional_sites(body: str, expected: set[str]) -> None:
    assert s_codes(front_matter() + "\n" + body + "\n") == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://en.wikipedia.org/wiki/X", "HTTP://WWW.Example.COM", "https://a.example.org?q=1", "http://b.example#top",
        "https://shop.example.com:8443/p", "https://user@shop.example.com/p", "https://[2001:db8::1]/x",
        "https://192.0.2.1/x", " https://padded.example.com/x ", "https://tab.example\t.com/x", "https://.../",
        "ftp://files.example.com/x", "mailto:a@b.example", "/relative/path", "https://", "https://bücher.example/x",
        "https://exampſe.com/x", "https://host.example./x", "https://x.example/a b",
    ],
)
def test_s003_reads_the_host_as_urlsplit_does(url: str) -> None:
    """The host read without a parse is the one urlsplit gives (S001, S003 and S005 use it)."""
    try:
        parts = urlsplit(url.strip())
        expected = parts.hostname if parts.scheme.lower() in ("http", "https") else None
    except ValueError:
        expected = None
    assert _host(url) == expected


def test_s003_message_says_what_kind_of_site_it_saw() -> None:
    text = front_matter() + "\n[Buy](https://www.wellnessdirect-shop.com/kit) [Watch](https://youtu.be/x)\n"
    messages = sorted(f.message for f in lint_text(text) if f.code == "S003")
    assert "a commercial site" in messages[0] and "anyone can publish" in messages[1]
    assert not any("government" in message for message in messages)


LABEL_ADVICE = "links to a medicine's prescribing information on "


@pytest.mark.parametrize(
    ("body", "label"),
    [
        # A medicine's label on its maker's site, told by the address or by the words citing it.
        ("12. Zelbora (exatinib): highlights of prescribing information. Acme Pharma, 2024. "
         "[Available online](https://www.acmepharma.com/files/zelbora.pdf)", True),
        ("Exatinib ([Zelbora](https://www.zelbora.com/us/prescribing-information.pdf)) was approved in 2024.", True),
        ("See the [leaflet](https://packageinserts.acmepharma.com/pi/pi_zelbora.pdf).", True),
        ("See the [leaflet](https://www.acmepharma.com/docs/zelbora_pi.pdf).", True),
        ("[Medication Guide](https://www.acmepharma.com/zelbora/medication-guide.pdf)", True),
        ("Zelbora package insert: [download](https://www.acmepharma.com/z.pdf)", True),
        # Any other page of a commercial site, or the words after the link: the usual advice.
        ("[Buy the kit](https://www.wellnessdirect-shop.com/kit)", False),
        ("[Zelbora savings card](https://www.zelbora.com/savings) (see the prescribing information)", False),
        ("[Pipeline](https://www.acmepharma.com/pipeline/) [API](https://www.acmepharma.com/api/v1)", False),
        ("[Tape](https://www.wellnessdirect-shop.com/products/pi-tape)", False),
        ("[Label](https://www.acmepharma.com/zelbora_pi.pdf) and [shop](https://www.acmepharma.com/shop)", False),
    ],
)
def test_s003_names_a_makers_copy_of_a_label(body: str, label: bool) -> None:
    (finding,) = [f for f in lint_text(front_matter() + "\n" + body + "\n") if f.code == "S003"]
    assert finding.message.startswith(LABEL_ADVICE) == label, finding.message
    assert ("DailyMed" in finding.message) == label
    assert ("informs rather than sells" in finding.message) == (not label)


def test_s003_counts_links_and_suggests_config() -> None:
    text = front_matter() + "\n[a](https://en.wikipedia.org/a) and [b](https://en.wikipedia.org/b)\n"
    (finding,) = [f for f in lint_text(text) if f.code == "S003"]
    assert "wikipedia.org" in finding.message and "(2 links)" in finding.message and "extend-link-domains" in finding.message
    cfg = make_config(sections={"authority": {"extend-link-domains": ["wikipedia.org"]}})
    assert "S003" not in codes_of(text, cfg)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some notes about mouth care with no origin at all, written by nobody in particular.\n", {"S004"}),
        ("Mouth care advice.\n\nThe American Cancer Society medical and editorial content team\n", set()),
        ("Hair loss advice.\n\nThis information was written by Macmillan Cancer Support.\n", set()),
        ("**Author:** Example Team. Notes about diet.\n", set()),
        ("Notes.\n\nSource: leaflet from the oncology ward, 2025\n", set()),
        ("Notes about diet.\n\n© 2025 Royal Marsden\n", set()),
        ("Advice from the NHS about diet.\n", {"S004"}),  # an acronym alone is not attribution
        (front_matter(url=None) + "\nNotes with a source but no url.\n", set()),
        ("", set()),  # empty: Q008's
        # Issue 14: the text names the publishing body, or the front matter lists its sources.
        ("Stoma care at home.\n\nThis leaflet was produced by the Colorectal Nursing Team.\n", set()),
        ("Stoma care at home.\n\nNorthgate Teaching Hospitals NHS Foundation Trust, patient leaflet 112.\n", set()),
        ("Stoma care at home.\n\nQuestions? Ask the Health Service Executive helpline.\n", set()),
        ("---\ntitle: Stoma care\nsources:\n  - Ward 7 leaflet, 2025\n---\nStoma care at home.\n", set()),
        ("---\ntitle: Stoma care\nsources: []\n---\nStoma care at home, produced on the ward.\n", {"S004"}),
        # A line that gives the address the text was taken from, as a reader service's header does.
        ("Title: Pre-eclampsia\n\nURL Source: https://www.example.org/pre-eclampsia\n\nMarkdown Content:\n"
         "Notes about blood pressure in pregnancy.\n", set()),
        ("URL: https://www.example.org/diet\n\nNotes about diet.\n", set()),
        ("Notes about diet.\n\n**Original URL:** <https://www.example.org/diet>\n", set()),
        ("Notes about diet.\n\nFetched from https://www.example.org/diet on 3 May 2025.\n", set()),
        ("URL shorteners hide where a link goes: https://www.example.org/diet\n", {"S004"}),
        ("Notes about diet. The URL: https://www.example.org/diet\n", {"S004"}),
    ],
)
def test_s004_provenance(text: str, expected: set[str]) -> None:
    assert s_codes(text) == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"source": "NCI", "url": "https://www.nhs.uk/conditions/x/"}, 2),  # source and sourceType both name NCI
        ({"source": "NHS", "sourceType": "04_nhs_conditions", "url": "https://www.cancer.gov/x"}, 2),
        ({"source": "Macmillan", "sourceType": "05_charity", "url": "https://www.cancer.gov/x"}, 1),
        ({"source": "NCI", "url": "https://www.cancer.gov/x"}, 0),
        ({"source": "NCI", "url": "https://dailymed.nlm.nih.gov/x"}, 0),  # nih.gov is NCI's too
        ({"source": "national cancer institute", "url": "https://www.cancer.gov/x"}, 0),
        ({"source": "Local Trust", "sourceType": "09_trust", "url": "https://www.nhs.uk/x"}, 0),  # unknown: not judged
        ({"source": "NHS", "sourceType": "04_nhs", "url": "https://www.nhs.uk/x"}, 0),
        ({"source": "IARC", "sourceType": "04_iarc_stats", "url": "https://gco.iarc.fr/today/x"}, 0),
        ({"source": "IARC", "sourceType": "04_iarc_stats", "url": "https://www.cancer.gov/x"}, 2),
        ({"source": "WHO", "sourceType": "04_iarc_stats", "url": "https://gco.iarc.fr/today/x"}, 0),  # IARC is WHO's
        ({"source": "IARC", "sourceType": "04_iarc_stats", "url": "https://www.who.int/news-room/x"}, 2),
        ({"source": "WHO", "sourceType": "03_who_public_health", "url": "https://www.who.int/x"}, 0),
        # `05_india_ncg` is India's cancer bodies as a group: its sourceType names none of them.
        ({"source": "ICMR-NCDIR", "sourceType": "05_india_ncg", "url": "https://ncdirindia.org/x"}, 0),
        ({"source": "MoHFW", "sourceType": "05_india_ncg", "url": "https://www.mohfw.gov.in/x"}, 0),
        ({"source": "National Cancer Grid", "sourceType": "05_india_ncg", "url": "https://tmc.gov.in/ncg/x"}, 0),
        ({"source": "National Cancer Grid", "sourceType": "05_india_ncg", "url": "https://www.cancer.gov/x"}, 1),
        ({"source": "ICMR", "sourceType": "05_india_ncg", "url": "https://tmc.gov.in/x"}, 1),
        ({"source": "PMC", "sourceType": "06_pmc_selective", "url": "https://europepmc.org/article/PMC/PMC1"}, 0),
        ({"source": "PMC", "sourceType": "06_pmc_selective", "url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC1/"}, 0),
    ],
)
def test_s005_declared_source_matches_url(fields: dict[str, str], expected: int) -> None:
    text = front_matter(**fields) + BODY
    assert sum(1 for f in lint_text(text) if f.code == "S005") == expected


def test_s005_sources_can_be_added_in_config() -> None:
    text = front_matter(source="My Trust", sourceType="09_trust", url="https://www.cancer.gov/x") + BODY
    cfg = make_config(sections={"authority": {"sources": {"MyTrust": {"names": ["my trust"], "domains": ["mytrust.nhs.uk"]}}}})
    assert "S005" in codes_of(text, cfg)


def test_registrable_domain() -> None:
    assert registrable_domain("pubmed.ncbi.nlm.nih.gov") == "nih.gov"
    assert registrable_domain("en.wikipedia.org") == "wikipedia.org"
    assert registrable_domain("cancer.gov.example.com") == "example.com"
    assert registrable_domain("www.nhs.uk") == "www.nhs.uk"  # nhs.uk is itself a public suffix


def test_data_file_can_be_replaced(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text('[tiers.mine]\ndomains = ["example.org"]\n', encoding="utf-8")
    config = make_config(root=tmp_path, sections={"authority": {"data": "mine.toml"}})
    data = authority_data(config)
    assert data.tier_of("www.example.org") is not None and data.tier_of("www.cancer.gov") is None
