"""Consultations that have closed, with "you said, we did" items on their pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.conftest import make_consultation
from youth_voice.models import FeedbackItem

ITEMS = [
    {
        "question_reference": "6.1",
        "status": "agreed",
        "you_said": "Most of you want someone to talk to at school.",
        "key_figures": "7 in 10 asked for a named adult\n3 in 10 asked for online chat",
        "we_did": "Every secondary school will name a well-being lead from September.",
        "plain_language": "You asked for someone to talk to. Every school will have one.",
    },
    {
        "question_reference": "7",
        "status": "not_taken_forward",
        "you_said": "Free swimming came first.",
        "we_did": "We looked at the cost of free swimming.",
        "reason": "The pools are closed for repairs until 2028.",
        "plain_language": "Free swimming cannot happen yet: the pools are being mended.",
    },
]


def close_with_feedback(
    home, plan=None, *, slug="closed", items=ITEMS, due_in_days=10, closed_days_ago=20, **fields
):
    """A consultation that closed `closed_days_ago`, promising feedback `due_in_days` from today."""
    fields.setdefault("feedback_due", timezone.localdate() + timedelta(days=due_in_days))
    page = make_consultation(
        home,
        plan,
        slug=slug,
        opens_delta=-closed_days_ago - 30,
        closes_delta=-closed_days_ago,
        **fields,
    )
    for order, item in enumerate(items):
        page.feedback_items.add(FeedbackItem(sort_order=order, **item))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def closed(home, plan):
    return close_with_feedback(home, plan)
