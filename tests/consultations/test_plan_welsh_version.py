"""A plan draft written in Welsh becomes the Welsh version of the English one, matched by number."""

import io

from django.core.management import call_command

from consultations.plans.welsh_version import import_welsh_version

WELSH_DRAFT = """9 IECHYD MEDDWL A LLES EMOSIYNOL
9.1 Amcanion
Helpu plant i wneud ffrindiau.
9.2 Hyfforddi staff i wrando. Cyf – C 6.1
9.2.1 Mae pob ysgol yn cymryd rhan.
Ac mae pob coleg hefyd.
9.19 Blaenoriaethau cynllunio
Llai o aros.
10 BYWYDAU EGNÏOL
10.1 Nofio am ddim.
10.7 Paragraff sydd ddim yn y fersiwn Saesneg.
"""


def test_a_welsh_draft_is_imported_as_the_welsh_version_matched_by_number(client, plan):
    report = import_welsh_version(plan, "cynllun.txt", WELSH_DRAFT.encode(), publish=True)
    version = report.version
    assert version.locale.language_code == "cy" and version.url == "/cy/plan/"
    paragraphs = {p.number: p for p in version.paragraphs()}
    assert paragraphs["9.1"].heading == "Amcanion"
    assert "Helpu plant i wneud ffrindiau." in str(paragraphs["9.1"].text)
    assert "Hyfforddi staff i wrando." in str(paragraphs["9.2"].text)
    # Numbers and question references come from the English plan, never from the Welsh document.
    assert [(p.number, p.question_ref) for p in version.paragraphs()] == [
        (p.number, p.question_ref) for p in plan.paragraphs()
    ]
    assert version.chapters()[0].heading.lower() == "iechyd meddwl a lles emosiynol"
    assert report.only_in_welsh == ["10.7"]
    assert report.only_in_english == ["10.2"]  # still in English until translated
    assert report.split_differently == ["9.2.1"]  # two sentences in Welsh, one in English
    assert "Every school takes part." in str(paragraphs["9.2.1"].text)
    html = client.get(version.url).content.decode()
    assert '<html lang="cy">' in html and "Helpu plant i wneud ffrindiau." in html


def test_the_command_reports_what_had_no_counterpart(plan, tmp_path):
    source = tmp_path / "cynllun.txt"
    source.write_text(WELSH_DRAFT, encoding="utf-8")
    out = io.StringIO()
    call_command("import_welsh_plan_draft", str(source), "--plan", str(plan.pk), stdout=out)
    printed = out.getvalue()
    assert "Only in the Welsh document (no English one): 10.7" in printed
    assert "Not in the Welsh document (left in English): 10.2" in printed
    assert "Welsh version: /cy/plan/" in printed
