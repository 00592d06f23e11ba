"""Review of issue 7: a scale's points are part of what its answers mean."""

import pytest

from tests.conftest import make_consultation, submit_answers
from youth_voice.summary import summarise

QUESTIONS = [
    {"reference": "1", "kind": "rating", "prompt": "Rate the plan", "scale_points": 5},
    {"reference": "2", "kind": "faces", "prompt": "How do you feel?", "scale_points": 5},
]


@pytest.mark.parametrize("reference, points", [("1", 10), ("2", 3)])
def test_changing_the_points_of_an_answered_scale_keeps_its_answers_on_their_own_scale(
    home, reference, points
):
    page = make_consultation(home, slug="scales", questions=QUESTIONS)
    submit_answers(page, {"1": "5", "2": "3"})  # top of 1–5; "OK", the middle face of five
    draft = page.get_latest_revision_as_object()
    for question in draft.questions.all():
        if question.reference == reference:
            question.scale_points = points
    draft.save_revision().publish()  # by any route: never refused, never re-read on the new scale
    items = [i for i in summarise(page).questions if i.reference == reference]
    asked, retired = items
    assert (asked.retired, asked.figures.respondents) == (False, 0)
    assert retired.retired and retired.identity.points == 5 and retired.figures.respondents == 1
    assert [(c.code, c.count) for c in retired.figures.choices if c.count] == [
        ("5" if reference == "1" else "3", 1)
    ]


def test_the_admin_refuses_new_points_for_an_answered_scale(admin_client, home):
    from tests.consultations.test_editing import current_rows, post_edit

    page = make_consultation(home, slug="scales", questions=QUESTIONS)
    submit_answers(page, {"1": "5"})
    rows = current_rows(page)
    rows[0]["scale_points"] = 10
    response = post_edit(admin_client, page, rows)
    assert (
        "Q1 – Rate the plan has 1 answer, so its number of points cannot change" in response.content.decode()
    )
