"""Group responses as an officer records them: through the same form and service as the admin."""

import datetime

import pytest
from django.http import QueryDict
from django.urls import reverse

from youth_voice.forms import mint_submission_key
from youth_voice.groups.forms import GroupResponseForm
from youth_voice.groups.services import record_group_response
from youth_voice.models import Forum, ForumEvent


@pytest.fixture
def forum(db):
    return Forum.objects.create(name="Harrowby Vale Youth Forum")


@pytest.fixture
def event(forum):
    return ForumEvent.objects.create(
        forum=forum, title="Residential weekend", date=datetime.date(2026, 11, 7)
    )


def group_data(
    consultation, *, size, forum=None, event=None, tallies=None, agreed=None, **fields
) -> QueryDict:
    """The group form as posted: `tallies` {ref: {code: count}}, `agreed` {ref: value} where a value
    is a code or text, a list of codes, or a (code, follow-up) pair for a yes/no question."""
    by_ref = {q.reference: q for q in consultation.questions.all()}
    data = QueryDict(mutable=True)
    data["submission_key"] = mint_submission_key()
    data.update({"group_size": str(size), "method": "show_of_hands", "publication": "without_name"})
    if forum is not None:
        data["forum"] = str(forum.pk)
    if event is not None:
        data["event"] = str(event.pk)
    for ref, counts in (tallies or {}).items():
        for code, count in counts.items():
            data[f"{by_ref[ref].field_name}_tally_{code}"] = str(count)
    for ref, value in (agreed or {}).items():
        name = by_ref[ref].field_name
        if isinstance(value, tuple):
            data[name], data[name + "_why"] = value
        elif isinstance(value, list):
            data.setlist(name, value)
        else:
            data[name] = value
    for name, value in fields.items():
        data[name] = str(value)
    return data


def record_group(consultation, officer=None, **kwargs):
    """Record a group response through the form and the service; returns the Response."""
    form = GroupResponseForm(consultation, group_data(consultation, **kwargs))
    assert form.is_valid(), form.errors
    key = form.cleaned_data["submission_key"]
    return record_group_response(
        consultation, **form.contents(), submission_key=key, entered_by=officer
    ).response


def new_group_url(consultation):
    return reverse("youth_voice_admin:group_new", args=[consultation.pk])
