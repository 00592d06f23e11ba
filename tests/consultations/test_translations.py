"""Welsh versions of consultations and plan drafts with wagtail-localize: text is translated
segment by segment, references, codes and paragraph numbers are the same by construction."""

import pytest
from wagtail.models import Locale

from consultations.translating import segments_to_translate, translate
from tests.conftest import make_consultation

WELSH = {
    "Have your say": "Dweud eich dweud",
    "Tell us what you think.": "Dywedwch wrthon ni beth rydych chi’n ei feddwl.",
    "We keep it safe.": "Rydyn ni’n ei gadw’n ddiogel.",
    "Is the draft clear?": "Ydy’r drafft yn glir?",
    "If not, why?": "Os nad ydy, pam?",
    "What would help you cope?": "Beth fyddai’n eich helpu chi i ymdopi?",
    "How long is too long to wait?": "Pa mor hir sy’n rhy hir i aros?",
    "A week": "Wythnos",
    "A month": "Mis",
    "Three months": "Tri mis",
    "What should come first?": "Beth ddylai ddod gyntaf?",
    "Swimming": "Nofio",
    "Buses": "Bysiau",
    "Clubs": "Clybiau",
    "Anything else?": "Unrhyw beth arall?",
    "Our plan": "Ein cynllun",
    "Help children build friendships.": "Helpu plant i wneud ffrindiau.",
}


@pytest.fixture
def welsh_version(consultation):
    return translate(consultation, "cy", WELSH)


def test_the_locales_are_welsh_and_english(db):
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"cy", "en-gb"}


def test_translators_are_offered_words_never_references_codes_or_paragraph_numbers(consultation, plan):
    offered = segments_to_translate(consultation)
    assert "Is the draft clear?" in offered and "A week" in offered
    assert not {"6.1", "6.2", "1", "a-week", "yes_no", "single_choice"} & set(offered)
    plan_offered = segments_to_translate(plan)
    assert "Help children build friendships." in plan_offered
    assert not {"9", "9.1", "9.2", "9.19", "10.1"} & set(plan_offered)


def test_the_welsh_version_asks_the_same_questions_with_the_same_codes(consultation, welsh_version):
    english = [(q.reference, q.kind, [o.code for o in q.option_list()]) for q in consultation.questions.all()]
    welsh = [(q.reference, q.kind, [o.code for o in q.option_list()]) for q in welsh_version.questions.all()]
    assert welsh == english
    question = welsh_version.questions.get(reference="6.2")
    assert question.prompt == "Pa mor hir sy’n rhy hir i aros?"
    assert [o.label for o in question.option_list()] == ["Wythnos", "Mis", "Tri mis"]
    assert (
        welsh_version.locale.language_code == "cy"
        and welsh_version.plan_draft_id == consultation.plan_draft_id
    )


def test_each_language_has_its_address_and_links_to_the_other(client, consultation, welsh_version):
    assert (consultation.url, welsh_version.url) == ("/en-gb/consultation/", "/cy/consultation/")
    html = client.get(welsh_version.url).content.decode()
    assert '<html lang="cy">' in html and "Ydy’r drafft yn glir?" in html
    assert 'hreflang="cy" href="http://testserver/cy/consultation/"' in html
    assert 'hreflang="en-gb" href="http://testserver/en-gb/consultation/"' in html
    assert 'href="/en-gb/consultation/" hreflang="en-gb" lang="en-gb">English</a>' in html
    english = client.get(consultation.url).content.decode()
    assert 'href="/cy/consultation/" hreflang="cy" lang="cy">Cymraeg</a>' in english


def test_a_page_only_in_english_says_so_in_welsh_and_links_to_it(client, home, consultation, welsh_version):
    only_english = make_consultation(home, slug="english-only", title="Only in English")
    english = client.get(only_english.url).content.decode()
    assert 'href="/cy/english-only/" hreflang="cy"' in english
    response = client.get("/cy/english-only/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="cy">' in html and "Dim ond yn Saesneg mae’r dudalen hon" in html
    assert 'href="/en-gb/english-only/" hreflang="en-gb" lang="en-gb">Only in English</a>' in html
    assert client.get("/cy/no-such-page/").status_code == 404


def test_the_welsh_page_reads_the_welsh_plan_when_there_is_one(client, consultation, plan, welsh_version):
    html = client.get(welsh_version.url).content.decode()
    assert 'href="/en-gb/plan/#' in html  # no Welsh plan yet: the English one
    welsh_plan = translate(plan, "cy", WELSH)
    assert welsh_plan.url == "/cy/plan/"
    welsh_version = type(welsh_version).objects.get(pk=welsh_version.pk)
    assert welsh_version.localized_plan_draft == welsh_plan
    html = client.get(welsh_version.url).content.decode()
    assert 'href="/cy/plan/#' in html and "Helpu plant i wneud ffrindiau." in html


def test_the_welsh_plan_reads_in_welsh_and_links_to_the_welsh_questions(
    client, consultation, plan, welsh_version
):
    welsh_plan = translate(plan, "cy", WELSH)
    html = client.get(welsh_plan.url).content.decode()
    assert '<html lang="cy">' in html and "Cynnwys" in html and "Helpu plant i wneud ffrindiau." in html
    assert f'href="{welsh_version.url}#question-6-1">Dweud eich dweud am hyn — Cwestiwn 6.1</a>' in html
    assert "Yn destun ymgynghoriad" in html  # the stage, in Welsh
    english = client.get(plan.url).content.decode()
    assert f'href="{consultation.url}#question-6-1">Have your say on this — Question 6.1</a>' in english


def test_a_consultation_asked_about_before_it_is_saved_keeps_its_answers_under_itself(home):
    """The admin form checks answered questions on a page not saved yet; saving it afterwards must
    still give it identities of its own."""
    from consultations.models import ConsultationPage

    page = make_consultation(home, slug="first", live=False)
    fresh = ConsultationPage(title="Fresh", slug="fresh", opens_at=page.opens_at, overview="<p>x</p>")
    fresh.data_protection = "<p>y</p>"
    assert fresh.answers_page_id is None
    home.add_child(instance=fresh)
    assert fresh.answers_page_id == fresh.pk
