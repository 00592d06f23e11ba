"""Coding written answers: bulk tagging from a filtered list, the share coded, counts per theme."""

import pytest
from django.urls import reverse

from consultations.models import QuestionIdentity
from tests.conftest import make_consultation
from youth_voice.analysis import coding, services
from youth_voice.models import AnswerTheme, Theme


@pytest.fixture
def coded(consultation, identity, written, group_wrote, officer):
    """Eight answers to Q6.1, six coded, worked out by hand:

    a1 Services · a2 Waiting · a3 Places · a4 Places+Waiting · a5 Services+Waiting · g1 (a group of 18)
    Waiting · a6, a7 not coded. a1 and a2 are from 13 to 15 year olds, the rest 16 to 18.
    """
    services_ = Theme.objects.create(consultation=consultation, name="Services")
    waiting = Theme.objects.create(consultation=consultation, name="Waiting", parent=services_)
    places = Theme.objects.create(consultation=consultation, name="Places")
    young = {"respondent_type": "young_person", "age_band": "13_15"}
    older = {"respondent_type": "young_person", "age_band": "16_18"}
    answers = {
        "a1": written("More counsellors at school", **young),
        "a2": written("Shorter waits for CAMHS", **young),
        "a3": written("Somewhere to go in the evening", **older),
        "a4": written("A youth club with no waiting list", **older),
        "a5": written("Services that answer quickly", **older),
        "g1": group_wrote("We agreed waiting lists are far too long"),
        "a6": written("Music", **older),
        "a7": written("Not sure", **older),
    }
    for theme, names in ((services_, "a1 a5"), (waiting, "a2 a4 a5 g1"), (places, "a3 a4")):
        services.tag_answers(theme, [answers[name].pk for name in names.split()], officer)
    return {"services": services_, "waiting": waiting, "places": places, **answers}


def figures(identity, consultation, filters=None):
    answers = coding.answers_to_code(identity, filters or {})
    themes = coding.in_codebook_order(consultation.themes.all())
    counts = {c.theme.name: (c.individual, c.group) for c in coding.theme_counts(themes, answers)}
    return coding.coded_share(answers), counts


def test_share_coded_and_counts_per_theme_worked_by_hand(consultation, identity, coded):
    share, counts = figures(identity, consultation)
    assert (share.coded, share.total, share.percent) == (6, 8, 75)
    # A parent counts answers coded with it or a child, each once: a1 a2 a4 a5 and the group (a5 once).
    assert counts == {"Places": (2, 0), "Services": (4, 1), "Waiting": (3, 1)}


@pytest.mark.parametrize(
    ("filters", "share", "counts"),
    [
        ({"age_band": "13_15"}, (2, 2, 100), {"Places": (0, 0), "Services": (2, 0), "Waiting": (1, 0)}),
        ({"speaks_for": "group"}, (1, 1, 100), {"Places": (0, 0), "Services": (0, 1), "Waiting": (0, 1)}),
        ({"speaks_for": "individual"}, (5, 7, 71), {"Places": (2, 0), "Services": (4, 0), "Waiting": (3, 0)}),
        ({"contains": "wait"}, (3, 3, 100), {"Places": (1, 0), "Services": (2, 1), "Waiting": (2, 1)}),
        # The coding filters narrow the list, never the figures.
        ({"coded": "uncoded"}, (6, 8, 75), {"Places": (2, 0), "Services": (4, 1), "Waiting": (3, 1)}),
    ],
)
def test_figures_split_by_the_same_filters(consultation, identity, coded, filters, share, counts):
    found_share, found_counts = figures(identity, consultation, filters)
    assert (found_share.coded, found_share.total, found_share.percent) == share
    assert found_counts == counts


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("coded=uncoded", {"a6", "a7"}),
        ("coded=coded&age_band=13_15", {"a1", "a2"}),
        ("theme={services}", {"a1", "a2", "a4", "a5", "g1"}),  # the parent includes its child's answers
        ("theme={places}&speaks_for=individual", {"a3", "a4"}),
        ("contains=WAIT", {"a2", "a4", "g1"}),
        ("age_band=not-a-band", {"a1", "a2", "a3", "a4", "a5", "g1", "a6", "a7"}),  # unknown: ignored
    ],
)
def test_officer_filters_the_list_of_answers(officer_client, consultation, identity, coded, query, listed):
    query = query.format(services=coded["services"].pk, places=coded["places"].pk)
    page = officer_client.get(f"/admin/responses/{consultation.pk}/themes/question/{identity.pk}/?{query}")
    assert page.status_code == 200
    shown = {
        name
        for name in ("a1", "a2", "a3", "a4", "a5", "g1", "a6", "a7")
        if f'id="answer-{coded[name].pk}"' in page.content.decode()
    }
    assert shown == listed


def test_officer_ticks_answers_and_applies_a_theme_then_removes_it(
    officer_client, consultation, identity, coded
):
    address = f"/admin/responses/{consultation.pk}/themes/question/{identity.pk}/?coded=uncoded"
    ticked = {"answers": [coded["a6"].pk, coded["a7"].pk], "theme": coded["places"].pk, "action": "apply"}
    applied = officer_client.post(address, ticked, follow=True)
    assert applied.redirect_chain == [(address, 302)]
    assert "“Places” applied to 2 answers." in applied.content.decode()
    again = officer_client.post(address, ticked, follow=True)  # posted twice: nothing more
    assert "“Places” applied to 0 answers." in again.content.decode()
    assert AnswerTheme.objects.filter(theme=coded["places"]).count() == 4
    removed = officer_client.post(address, {**ticked, "action": "remove"}, follow=True)
    assert "“Places” taken off 2 answers." in removed.content.decode()
    assert AnswerTheme.objects.filter(theme=coded["places"]).count() == 2


def test_applying_with_nothing_ticked_says_so_and_keeps_the_theme_chosen(
    officer_client, consultation, identity, coded
):
    page = officer_client.post(
        f"/admin/responses/{consultation.pk}/themes/question/{identity.pk}/",
        {"theme": coded["places"].pk, "action": "apply"},
    )
    assert page.status_code == 200
    content = page.content.decode()
    assert "Tick at least one answer." in content
    assert f'<option value="{coded["places"].pk}" selected>' in content


def test_another_questions_answer_cannot_be_tagged_from_this_list(
    officer_client, consultation, identity, coded, answer
):
    elsewhere = answer({"8": "Anything else here"}).answers.get()
    page = officer_client.post(
        f"/admin/responses/{consultation.pk}/themes/question/{identity.pk}/",
        {"answers": [elsewhere.pk], "theme": coded["places"].pk, "action": "apply"},
    )
    assert page.status_code == 200
    assert not elsewhere.themes.exists()


def test_flagged_text_is_hidden_from_an_officer_who_may_not_read_it(
    officer_client, consultation, identity, written
):
    flagged = written("my dad hits me when he is drunk")
    page = officer_client.get(
        f"/admin/responses/{consultation.pk}/themes/question/{identity.pk}/"
    ).content.decode()
    assert f'id="answer-{flagged.pk}"' in page
    assert "hits me" not in page
    assert "Flagged for the safeguarding lead" in page


def test_the_codebook_shows_each_questions_share_coded(officer_client, consultation, coded):
    page = officer_client.get(f"/admin/responses/{consultation.pk}/themes/").content.decode()
    assert "6 of 8 answers coded, 75%" in page


@pytest.mark.parametrize("screen", ["coding", "suggestions"])
def test_a_question_screen_finds_only_the_consultations_own_questions(
    officer_client, home, plan, consultation, identity, screen
):
    other = QuestionIdentity.objects.get(
        consultation=make_consultation(home, plan, slug="other"), reference="6.1"
    )
    assert (
        officer_client.get(reverse(f"analysis:{screen}", args=[consultation.pk, identity.pk])).status_code
        == 200
    )
    # The other consultation's question, through a consultation the officer was given: not found.
    assert (
        officer_client.get(reverse(f"analysis:{screen}", args=[consultation.pk, other.pk])).status_code == 404
    )
    # Its own consultation was not given to them: not found either, whatever the question.
    assert (
        officer_client.get(reverse(f"analysis:{screen}", args=[other.consultation_id, other.pk])).status_code
        == 404
    )
