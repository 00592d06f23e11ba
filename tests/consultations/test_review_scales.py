"""Review of issue 7: a scale's points are part of what its answers mean."""

import pytest
from django.core.exceptions import ValidationError

from tests.conftest import make_consultation, submit_answers
from youth_voice.summary import summarise

QUESTIONS = [
    {"reference": "1", "kind": "rating", "prompt": "Rate the plan", "scale_points": 5},
    {"reference": "2", "kind": "faces", "prompt": "How do you feel?", "scale_points": 5},
]


@pytest.mark.xfail(strict=True, reason="review finding: scale_points of an answered scale can change")
@pytest.mark.parametrize("reference, points", [("1", 10), ("2", 3)])
def test_the_points_of_an_answered_scale_cannot_change(home, reference, points):
    page = make_consultation(home, slug="scales", questions=QUESTIONS)
    submit_answers(page, {"1": "5", "2": "3"})  # top of 1–5; "OK", the middle face of five
    draft = page.get_latest_revision_as_object()
    for question in draft.questions.all():
        if question.reference == reference:
            question.scale_points = points
    try:
        draft.save_revision().publish()
    except ValidationError:
        return  # refused: good
    item = next(i for i in summarise(page).questions if i.reference == reference)
    raise AssertionError(
        f"accepted; the old answer is now read as {[(c.label, c.count) for c in item.figures.choices if c.count]}"
        f" on a {points}-point scale, mean {item.figures.mean}"
    )
