"""The demo's group response: the Harrowby Vale Youth Forum's residential weekend, speaking for 18.

Forum and event are found by name (another part of the demo may have made them first), and the
response has a fixed submission key, so loading the demo again changes nothing."""

import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.http import QueryDict

from consultations.questionnaire import Questionnaire

from ..forms import mint_submission_key
from ..models import Forum, ForumEvent, ForumKind
from .forms import GroupResponseForm, tally_name
from .services import record_group_response

FORUM_NAME = "Harrowby Vale Youth Forum"
EVENT_TITLE = "Residential weekend: our say on the plan"  # the forums demo's event, if it made it first
GROUP_KEY = uuid.UUID("0b7e3a52-6c1d-4f0e-9a43-2d5c8e1f7a90")
# {question reference: {option label: how many}}: 18 young people, one of whom did not vote on 7.2.
TALLIES = {
    "1": {"Yes": 13, "No": 5},
    "6.2": {
        "Shorter waits for mental health support": 12,
        "A drop-in space in town": 9,
        "More school counsellors": 8,
        "Online support at night": 4,
    },
    "7.2": {"Yes": 15, "No": 2},
}
AGREED = {"4": "Come back to the forum twice a year and show us what changed because of what we said."}


def demo_group_response(consultation) -> int:
    """Record the demo's group response (once); returns how many were created (0 or 1)."""
    forum, _ = Forum.objects.get_or_create(
        name=FORUM_NAME,
        defaults={"kind": ForumKind.YOUTH_FORUM, "area": "Harrowby Vale", "youngest": 11, "oldest": 18},
    )
    held = consultation.opens_at + timedelta(days=10)
    event, _ = ForumEvent.objects.get_or_create(
        forum=forum,
        title=EVENT_TITLE,
        defaults={
            "date": held.date(),
            "place": "Ashcombe outdoor centre",
            "attended": 18,
            "youngest": 12,
            "oldest": 17,
        },
    )
    form = GroupResponseForm(consultation, _posted(consultation, event))
    if not form.is_valid():
        raise ValueError(f"The demo group response does not pass the form: {form.errors.as_text()}")
    from ..demo import OFFICER_USERNAME  # the demo imports this module

    outcome = record_group_response(
        consultation,
        **form.contents(),
        submission_key=form.cleaned_data["submission_key"],
        entered_by=get_user_model().objects.filter(username=OFFICER_USERNAME).first(),
        at=held + timedelta(days=1),
    )
    return int(outcome.created)


def _posted(consultation, event) -> QueryDict:
    """The form as the forum's facilitator would fill it in."""
    questions = Questionnaire(consultation).by_reference
    data = QueryDict(mutable=True)
    data.update(
        {
            "submission_key": mint_submission_key(GROUP_KEY),
            "event": str(event.pk),
            "group_size": "18",
            "youngest": "12",
            "oldest": "17",
            "method": "show_of_hands",
            "publication": "without_name",
            "notes": "Voted by show of hands after a discussion in three small groups.",
        }
    )
    for reference, counts in TALLIES.items():
        question = questions[reference]
        codes = {option.label: option.code for option in question.kind_class.options(question)}
        for label, count in counts.items():
            data[tally_name(question, codes[label])] = str(count)
    for reference, text in AGREED.items():
        data[questions[reference].field_name] = text
    return data
