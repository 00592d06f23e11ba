"""The plan-import report and the readers' messages read in Welsh for an editor who reads the admin
in Welsh (and from the command with --language cy); the command stays English by default.

What the import writes into the page ("Chapter 12", the placeholder "Figure", "To be confirmed", the
headlines' title) is the English plan's content, not report text, so the scan leaves it out."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.users.models import UserProfile

from consultations.plans.imports.importer import import_plan_draft
from consultations.plans.imports.readers import PlanImportError, read_document
from tests.youth_voice.test_in_welsh import ENGLISH, assert_no_english

from .test_plan_structure_from_evidence import HEADINGS_ONLY, parse, word_text
from .test_plan_welsh_version import admin_main

# A Welsh plan with what a report has to tell: a repeated number, numbers going backwards, a
# paragraph with two references, a picture, a chapter with no heading, no plan period.
WELSH_PLAN = """CYNLLUN PLANT A PHOBL IFANC
Rhagair byr cyn y bennod gyntaf, heb rif.
9 IECHYD MEDDWL A LLES
9.1 Helpu plant i wneud ffrindiau. Cyf – C 6.1
9.1 Hyfforddi staff i wrando. Cyf – C 6.2 a C 6.3
9.4 Llai o aros.
9.3 Cwnsela yn yr ysgol.
[image: llun1.png]
10 BYWYDAU EGNÏOL
10.1 Nofio am ddim. Cyf – C 7
12.4 Bysiau gyda’r nos.
""".encode()
# The plan's own content, in the language it was written in (see the module's docstring).
CONTENT = ["Chapter 12", "“Figure”", "To be confirmed", "Have your say", "the headlines"]
WELSH_LINES = [
    "Gwiriwch y rhain (8) cyn cyhoeddi:",
    "Llinell 8: cafodd ffigur (1 llun) ei roi yn lle’r dalfan “Figure”.",
    "mae paragraff 9.1 yn ymddangos ddwywaith (gyntaf ar linell 4). Cafodd y ddau eu cadw; ail-rifwch un "
    "ohonyn nhw.",
    "mae paragraff 9.3 yn dod ar ôl 9.4, felly mae’r rhifau’n mynd tuag yn ôl.",
    "Llinell 5: mae paragraff 9.1 yn cynnwys y cyfeirnodau 6.2, 6.3.",
    "Does dim pennawd gan bennod 12; cafodd ei galw’n “Chapter 12”.",
    "paragraffau â rhif: 6 (bylchau: 9.2–9.3; gwag: dim)",
    "9 IECHYD MEDDWL A LLES: 5 paragraff; cyfeirnodau 6.1, 6.2, 6.3",
    "Penawdau: cafodd drafft “Cynllun: the headlines” gyda 3 blaenoriaeth (un i bob pennod) ei greu, heb "
    "ei gyhoeddi.",
]


def without_content(text: str) -> str:
    """The text without the plan's content and the line for scripts (`imported: chapters=…`)."""
    for content in CONTENT:
        text = text.replace(content, "")
    return re.sub(r"imported: chapters=\S+ paragraphs=\S+", "", text)


def english_in(text: str) -> list[str]:
    text = without_content(text)
    return [f for f in ENGLISH if re.search(rf"(?<![\w’']){re.escape(f)}(?![\w’'])", text)]


def test_the_report_is_in_welsh_when_welsh_is_the_language(home):
    with translation.override("cy"):
        report = import_plan_draft(filename="cynllun.txt", data=WELSH_PLAN, dry_run=True, headlines=True)
        text = "\n".join(report.lines())
    for line in WELSH_LINES:
        assert line in text
    assert english_in(text) == [], text


def test_the_report_stays_english_otherwise(home):
    text = "\n".join(import_plan_draft(filename="cynllun.txt", data=WELSH_PLAN, dry_run=True).lines())
    assert "Check these (8) before publishing:" in text
    assert "Line 5: paragraph 9.1 carries the references 6.2, 6.3." in text
    assert "Gwiriwch" not in text


def test_the_command_prints_english_unless_asked_for_welsh(home, tmp_path):
    path = tmp_path / "cynllun.txt"
    path.write_bytes(WELSH_PLAN)
    english, welsh = io.StringIO(), io.StringIO()
    call_command("import_plan_draft", str(path), "--dry-run", stdout=english)
    call_command("import_plan_draft", str(path), "--dry-run", "--language", "cy", stdout=welsh)
    assert "Check these (8) before publishing:" in english.getvalue()
    assert "Gwiriwch y rhain (8) cyn cyhoeddi:" in welsh.getvalue()
    # the last line is for scripts, the same in both
    assert english.getvalue().splitlines()[-1] == welsh.getvalue().splitlines()[-1]
    assert english_in(welsh.getvalue()) == []
    assert translation.get_language() == "en-gb"  # the command leaves the language as it found it


def test_an_editor_who_reads_the_admin_in_welsh_gets_the_report_in_welsh(admin_client, admin_user, home):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "cy"
    profile.save()
    from django.core.files.uploadedfile import SimpleUploadedFile

    preview = admin_client.post(
        "/admin/plan-drafts/import/",
        {"file": SimpleUploadedFile("cynllun.txt", WELSH_PLAN), "parent": home.pk, "preview": "1"},
    )
    html = preview.content.decode()
    assert "Llinell 5: mae paragraff 9.1 yn cynnwys y cyfeirnodau 6.2, 6.3." in html
    assert_no_english(without_content(admin_main(preview)), "plan import report")


@pytest.mark.parametrize(
    ("name", "data", "welsh"),
    [
        ("cynllun.txt", b"", "Mae’r ffeil yn wag."),
        ("cynllun.doc", b"x", "Dogfen Word hen fath (.doc) yw hon."),
        ("cynllun", b"x", "Does dim estyniad ffeil gan “cynllun”"),
        ("cynllun.pdf", b"x", "All Chorus ddim mewnforio ffeiliau .pdf."),
        ("cynllun.txt", b"%PDF-1.4 x", "PDF wedi’i ailenwi’n .txt yw hwn."),
        ("cynllun.docx", b"not a zip", "Mae’r ffeil .docx hon wedi’i difrodi"),
        (
            "cynllun.txt",
            b"9.1 Caf\xe9 i bobl ifanc",
            "Dydy llinell 1 o’r ffeil destun hon ddim yn destun UTF-8",
        ),
    ],
)
def test_the_readers_explain_a_bad_file_in_welsh(name, data, welsh):
    with translation.override("cy"), pytest.raises(PlanImportError) as refused:
        read_document(name, data)
    assert welsh in str(refused.value)
    assert english_in(str(refused.value)) == []


def test_what_was_left_out_before_the_plan_is_said_in_welsh():
    with translation.override("cy"):
        plan = parse("plan.txt", word_text(HEADINGS_ONLY))
    assert plan.warnings[:2] == [
        "Llinellau 1–2: cafodd y clawr (“CHILDREN AND YOUNG PEOPLE'S PLAN 2008–2011”, “HARROWBY VALE "
        "PARTNERSHIP”) ei adael allan.",
        "Llinellau 4–8: cafodd y dudalen gynnwys (4 cofnod) ei gadael allan; cafodd teitlau’r penodau eu "
        "gwirio yn ei herbyn.",
    ]
