"""Retention treats a group response's notes as the free text they are: emptied with its words."""

from django.utils import timezone

from consultations.models import ConsultationPage
from consultations.models.consultation import add_months
from youth_voice.retention import REMOVED, apply_retention

from .conftest import record_group


def test_an_expired_group_response_loses_its_notes_and_agreed_words_but_keeps_its_tallies(
    consultation, forum
):
    group = record_group(
        consultation,
        size=12,
        forum=forum,
        tallies={"1": {"yes": 9, "no": 3}},
        agreed={"6.1": "More youth workers"},
        notes="Sam and Priya led the discussion",
    )
    ConsultationPage.objects.filter(pk=consultation.pk).update(
        feedback_published_at=add_months(timezone.now(), -13)
    )

    [record] = apply_retention()

    group.refresh_from_db()
    assert (record.responses, record.answers) == (1, 1)
    assert (group.notes, group.group_size, group.removed_at is not None) == ("", 12, True)
    assert list(group.answers.values_list("text", flat=True)) == [REMOVED]
    assert sorted(group.tallies.values_list("option", "count")) == [("no", 3), ("yes", 9)]
