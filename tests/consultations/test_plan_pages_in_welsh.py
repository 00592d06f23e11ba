"""The plan's versions, one version, what changed, aims coverage and PDF read in Welsh: no English
interface words (read from the catalogue, as for the questionnaire), Welsh dates and article titles."""

import pytest
from django.utils import translation

from consultations.plans.models import PlanAim
from consultations.plans.pdf import render_plan_pdf
from consultations.translating import translate
from consultations.uncrc import ARTICLES
from tests.conftest import make_consultation, make_plan
from tests.consultations.test_plan_pdf import page_texts
from tests.youth_voice.test_in_welsh import assert_no_english

PLAN_IN_WELSH = {
    "Our plan": "Ein cynllun",
    "Mental health and emotional well-being": "Iechyd meddwl a lles emosiynol",
    "Objectives": "Amcanion",
    "Help children build friendships.": "Helpu plant i wneud ffrindiau.",
    "Train staff to listen.": "Hyfforddi staff i wrando.",
    "Every school takes part.": "Mae pob ysgol yn cymryd rhan.",
    "Planning priorities": "Blaenoriaethau cynllunio",
    "Shorter waits.": "Llai o aros.",
    "Active lives": "Bywydau egnïol",
    "Free swimming.": "Nofio am ddim.",
    "Buses in the evening.": "Bysiau gyda’r nos.",
    "Have your say": "Dweud eich dweud",
}


@pytest.fixture
def welsh_plan(home):
    """A plan tagged with a core aim and UNCRC articles, its consultation, and a Welsh version
    published twice (so it has two versions and what changed between them)."""
    plan = make_plan(home)
    body = plan.body.raw_data
    body[0]["value"]["paragraphs"][0]["value"] |= {"aims": ["core-aim-5"], "uncrc_articles": "12, 31"}
    plan.body = body
    plan.aims_framework = "wales_core_aims"
    plan.save_revision().publish()
    consultation = make_consultation(home, plan)
    translate(consultation, "cy", PLAN_IN_WELSH | {"Is the draft clear?": "Ydy’r drafft yn glir?"})
    translate(plan, "cy", PLAN_IN_WELSH)
    return translate(plan, "cy", PLAN_IN_WELSH | {"Train staff to listen.": "Hyfforddi pob aelod o staff."})


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("versions/", "Fersiynau o Ein cynllun"),
        ("versions/1/", "Rydych chi’n darllen <strong>Fersiwn 1, cyhoeddwyd"),
        ("versions/2/", "y fersiwn bresennol"),
        ("versions/2/changes/", "Beth newidiodd yn fersiwn 2"),
        ("aims/", "Erthygl 12: Cael eich clywed a’ch cymryd o ddifrif"),
    ],
)
def test_the_plans_pages_read_in_welsh(client, welsh_plan, address, expected):
    assert welsh_plan.url == "/cy/plan/"
    response = client.get(welsh_plan.url + address)
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html
    assert_no_english(html, address)


def test_what_changed_in_welsh_names_the_change_and_the_words(client, welsh_plan):
    html = client.get(welsh_plan.url + "versions/2/changes/").content.decode()
    assert "0 paragraff wedi’u hychwanegu, 1 wedi newid, 0 wedi’u tynnu." in html
    assert '<span class="tag">Wedi newid</span>' in html
    assert "<ins>pob aelod o staff.</ins>" in html


def test_version_labels_use_welsh_dates(client, welsh_plan):
    html = client.get(welsh_plan.url + "versions/").content.decode()
    version = welsh_plan.versions.first()
    months = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi"]
    months += ["Hydref", "Tachwedd", "Rhagfyr"]
    published = version.published_at.astimezone()
    assert f"Fersiwn 2, cyhoeddwyd {published.day} {months[published.month - 1]} {published.year}" in html


def test_the_standard_aims_read_in_welsh_and_a_reworded_one_as_written(client, welsh_plan):
    html = client.get(welsh_plan.url + "aims/").content.decode()
    assert "5. Cael eich clywed a’ch parchu" in html and "Dim anfantais oherwydd tlodi" in html
    aim = PlanAim.objects.get(code="core-aim-5")
    aim.title = "Cael llais"  # an editor's own wording is content: shown as written
    aim.save()
    html = client.get(welsh_plan.url + "aims/").content.decode()
    assert "5. Cael llais" in html


def test_uncrc_article_titles_are_interface_text_in_both_languages():
    with translation.override("cy"):
        assert str(ARTICLES[12]) == "Cael eich clywed a’ch cymryd o ddifrif"
    with translation.override("en-gb"):
        assert str(ARTICLES[12]) == "Being listened to and taken seriously"


def test_the_welsh_pdf_has_welsh_labels_and_language(welsh_plan):
    with translation.override("cy"):
        document = render_plan_pdf(
            title=welsh_plan.title,
            subtitle="",
            introduction_html="<p>Cyflwyniad byr.</p>",
            chapters=welsh_plan.chapters(welsh_plan.question_urls()),
            page_url="http://testserver/cy/plan/",
            large_print=True,
        )
    assert b"/Lang (cy)" in document
    text = " ".join(page_texts(document))
    for label in ("Cynnwys", "Cyflwyniad", "Argraffiad print bras", "Tudalen 1", "Dweud eich dweud am hyn"):
        assert label in text, label
    for english in ("Contents", "Introduction", "Large print edition", "Page 1", "Have your say on this"):
        assert english not in text, english
